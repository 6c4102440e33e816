//! What may stand between a pattern's object noun and the preposition before its target:
//! a value ("sent weapons worth $775 million to Ukraine") or a second, coordinated object
//! ("dispatched rescue workers and a team of sniffer dogs to Turkey", "imposed sanctions and
//! an asset freeze on Russia"). Both belong to the object, so the pattern reads on after them.

use super::Ctx;
use crate::lexicon::words::{CONJ, DET, POSS, QUANT};
use crate::lexicon::{NUMBER, WORD};

/// The most units a value phrase covers ("worth more than 650 million euros").
const MAX_VALUE_UNITS: usize = 8;
/// The most content words of a coordinated object ("a team of sniffer dogs").
const MAX_CONJUNCT_WORDS: usize = 4;

/// Where the object's tail that starts at unit `pos` ends (the unit after it), if a value
/// phrase or a coordinated noun phrase starts there. The caller then reads the rest of the
/// pattern from that unit, so a tail that ends anywhere else costs nothing.
pub(super) fn object_tail_end(c: &Ctx<'_>, pos: usize) -> Option<usize> {
    if pos >= c.range.end {
        return None;
    }
    if c.class(pos) & CONJ != 0 && matches!(c.word(pos), "and" | "or") {
        conjunct_end(c, pos + 1)
    } else {
        value_end(c, pos)
    }
}

/// A value phrase from `pos`: "worth", "valued at", "totalling", "totaling" or "costing",
/// then numbers, quantities, currency symbols and the currency word after them. At least
/// one number.
fn value_end(c: &Ctx<'_>, pos: usize) -> Option<usize> {
    let end = c.range.end;
    let mut q = match c.word(pos) {
        "worth" | "totalling" | "totaling" | "costing" => pos + 1,
        "valued" if pos + 1 < end && c.word(pos + 1) == "at" => pos + 2,
        _ => return None,
    };
    let start = q;
    let mut numbers = 0;
    // Words after the amount: "billion", "crowns", "U.S. dollars" has a name and stops.
    let mut amount_words = 0;
    while q < end && q < start + MAX_VALUE_UNITS {
        if c.units[q].is(NUMBER) {
            numbers += 1;
        } else if numbers > 0 && amount_words < 2 && is_lowercase_plain_word(c, q) {
            // The scale and currency after the amount: "650 million euros", "10 billion
            // crowns".
            amount_words += 1;
        } else if !(c.class(q) & QUANT != 0 || matches!(c.word(q), "$" | "€" | "£" | "US$")) {
            break;
        }
        q += 1;
    }
    (numbers > 0).then_some(q)
}

/// A coordinated noun phrase from `pos` (after "and"/"or"): determiners, quantities and
/// numbers, then up to four lowercase open-class words, with one "of" inside ("a team of
/// sniffer dogs"). No name: "sent aid and Germany pledged ..." is a second clause.
fn conjunct_end(c: &Ctx<'_>, pos: usize) -> Option<usize> {
    let end = c.range.end;
    let mut q = pos;
    let mut words = 0;
    let mut of_seen = false;
    while q < end && words <= MAX_CONJUNCT_WORDS {
        if c.in_mention(q) {
            return None;
        }
        if c.class(q) & (DET | POSS | QUANT) != 0 || c.units[q].is(NUMBER) {
            q += 1;
        } else if !of_seen && words > 0 && c.is(q, c.lex.keys.of) {
            of_seen = true;
            q += 1;
        } else if is_lowercase_plain_word(c, q) {
            words += 1;
            q += 1;
        } else {
            break;
        }
    }
    // It must end on a word, not on a determiner or an "of".
    (words > 0 && words <= MAX_CONJUNCT_WORDS && is_lowercase_plain_word(c, q - 1)).then_some(q)
}

/// A lowercase word of no closed class, outside any mention.
fn is_lowercase_plain_word(c: &Ctx<'_>, q: usize) -> bool {
    c.units[q].is(WORD)
        && c.class(q) == 0
        && !c.in_mention(q)
        && c.word(q).chars().next().is_some_and(char::is_lowercase)
}
