//! PETRARCH-1's comma-delimited clauses: before coding a sentence, PETRARCH-1 drops an initial
//! clause (up to the first comma), a terminal one (after the last comma: "..., a senior
//! official said on Saturday.") and each internal one (between two commas) whose length in
//! words lies within the limits its options set. Nothing in a dropped clause is coded, and no
//! target is taken from it. Only [`crate::CoderOptions::petrarch_conventions`] applies them.

use std::ops::Range;

use serde::Serialize;

use crate::lexicon::{NUMBER, Unit, WORD};

/// The lengths, in words, of the comma-delimited clauses PETRARCH-1 drops (its `comma_*`
/// options). A kind of clause whose maximum is 0 is never dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CommaLimits {
    /// An internal clause, between two commas (`comma_min`, `comma_max`).
    pub internal: (usize, usize),
    /// A terminal clause, after the last comma (`comma_emin`, `comma_emax`).
    pub terminal: (usize, usize),
    /// An initial clause, before the first comma (`comma_bmin`, `comma_bmax`).
    pub initial: (usize, usize),
}

impl Default for CommaLimits {
    /// PETRARCH-1's defaults: internal and terminal clauses of 2 to 8 words, no initial one.
    fn default() -> Self {
        CommaLimits {
            internal: (2, 8),
            terminal: (2, 8),
            initial: (0, 0),
        }
    }
}

impl CommaLimits {
    fn within(limits: (usize, usize), words: usize) -> bool {
        limits.1 > 0 && (limits.0..=limits.1).contains(&words)
    }
}

/// The unit ranges of the clauses of `range` (one sentence's units) that `limits` drop.
/// PETRARCH-1 never drops a noun phrase's own commas: a clause that opens a list ("X, Y and Z":
/// the next separator is "and" / "or") is kept, and a comma between two `modifier` words
/// ("complete, full diplomatic ties") separates no clause.
pub(super) fn dropped_clauses(
    units: &[Unit],
    text: &str,
    range: Range<usize>,
    limits: &CommaLimits,
    is_conjunction: impl Fn(&Unit) -> bool,
    modifier: impl Fn(&Unit) -> bool,
) -> Vec<Range<usize>> {
    let is_comma = |q: usize| {
        units[q].span.slice(text) == ","
            && !(q > range.start
                && q + 1 < range.end
                && modifier(&units[q - 1])
                && modifier(&units[q + 1]))
    };
    let commas: Vec<usize> = range.clone().filter(|&q| is_comma(q)).collect();
    let (Some(&first), Some(&last)) = (commas.first(), commas.last()) else {
        return Vec::new();
    };
    let words = |r: Range<usize>| r.filter(|&q| units[q].is(WORD | NUMBER)).count();
    let list = |after: usize| after < range.end && is_conjunction(&units[after]);
    let mut out = Vec::new();
    if CommaLimits::within(limits.initial, words(range.start..first)) {
        out.push(range.start..first + 1);
    }
    if CommaLimits::within(limits.terminal, words(last + 1..range.end)) && !list(last + 1) {
        out.push(last..range.end);
    }
    for pair in commas.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let taken = out.iter().any(|r| r.contains(&a) && r.contains(&b));
        if !taken && !list(b + 1) && CommaLimits::within(limits.internal, words(a + 1..b)) {
            out.push(a..b);
        }
    }
    out
}
