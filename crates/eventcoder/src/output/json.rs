//! The JSON line of an event, written straight from the [`Event`]: no [`EventRecord`] is built
//! (so no string is copied), keys are written as constant byte strings, strings are escaped a
//! run at a time, and numbers go through `itoa` and `zmij`, the formatters `serde_json` uses.
//! The bytes are those of `serde_json::to_vec(&EventRecord::new(..))`; a test checks this on
//! every event of the fixtures.
//!
//! [`EventRecord`]: super::EventRecord

use chrono::{Datelike, NaiveDate};

use super::CharIndex;
use crate::article::Span;
use crate::code::{Actor, Event};

/// Appends `e` to `out` as one JSON object (no newline): the same bytes as serializing
/// [`EventRecord::new`](super::EventRecord::new) with `serde_json`, several times faster. This
/// is the CLI's JSONL path.
///
/// ```
/// use eventcoder::{Article, Coder};
/// use eventcoder::output::{CharIndex, EventRecord, write_event_json};
/// let text = "Russia expels 23 UK diplomats";
/// let doc = Coder::new().code(&Article::new("a", text).with_published_str("2018-03-17")?)?;
/// let mut out = Vec::new();
/// write_event_json(&doc.events[0], &mut CharIndex::new(text), &mut out);
/// let record = EventRecord::new(&doc.events[0], &mut CharIndex::new(text));
/// assert_eq!(out, serde_json::to_vec(&record)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_event_json(e: &Event, ix: &mut CharIndex<'_>, out: &mut Vec<u8>) {
    let mut w = Json(out);
    w.key(b"{\"article_id\":");
    w.str(&e.article_id);
    w.key(b",\"date\":");
    match e.date {
        Some(d) => w.date(d),
        None => w.null(),
    }
    w.key(b",\"source\":");
    w.actor(e.source.as_ref(), ix);
    w.key(b",\"target\":");
    w.actor(e.target.as_ref(), ix);
    w.key(b",\"cameo\":{\"code\":");
    w.str(e.cameo.code);
    w.key(b",\"root\":");
    w.str(e.cameo.root);
    w.key(b",\"label\":");
    w.str(e.cameo.label);
    w.key(b",\"quad_class\":");
    w.int(e.cameo.quad_class);
    w.key(b",\"goldstein\":");
    w.float(e.cameo.goldstein);
    w.key(b"},\"plover\":{\"type\":");
    w.opt_str(e.plover.event_type.map(|t| t.as_str()));
    w.key(b",\"mode\":");
    w.opt_str(e.plover.mode.as_deref());
    w.key(b",\"contexts\":[");
    for (i, c) in e.plover.contexts.iter().enumerate() {
        if i > 0 {
            w.key(b",");
        }
        w.str(c);
    }
    w.key(b"]},\"sentence\":{\"index\":");
    w.int(e.sentence.index);
    w.key(b",\"span\":");
    w.span(e.sentence.span, ix);
    w.key(b"},\"trigger\":{\"text\":");
    w.str(&e.trigger.text);
    w.key(b",\"span\":");
    w.span(e.trigger.span, ix);
    w.key(b"},\"rule\":");
    w.str(&e.rule);
    w.key(b",\"confidence\":");
    w.float(e.confidence);
    w.key(b",\"location\":");
    match &e.location {
        Some(l) => {
            w.key(b"{\"text\":");
            w.str(&l.text);
            w.key(b",\"span\":");
            w.span(l.span, ix);
            w.key(b",\"name\":");
            w.str(&l.name);
            w.key(b",\"country\":");
            w.opt_str(l.country.as_deref());
            w.key(b",\"source\":");
            w.str(l.source.as_str());
            w.key(b"}");
        }
        None => w.null(),
    }
    w.key(b",\"reported_by\":");
    w.opt_str(e.reported_by.as_deref());
    w.key(b",\"date_source\":");
    w.str(e.date_source.as_str());
    w.key(b",\"negated\":");
    w.bool(e.negated);
    w.key(b",\"mentions\":");
    w.int(e.mentions);
    if let Some(issues) = &e.issues {
        w.key(b",\"issues\":[");
        for (i, issue) in issues.iter().enumerate() {
            w.key(if i > 0 { b",{\"code\":" } else { b"{\"code\":" });
            w.str(&issue.code);
            w.key(b",\"category\":");
            w.str(&issue.category);
            w.key(b",\"text\":");
            w.str(&issue.text);
            w.key(b",\"span\":");
            w.span(issue.span, ix);
            w.key(b",\"sentence\":");
            w.int(issue.sentence);
            w.key(b"}");
        }
        w.key(b"]");
    }
    w.key(b"}");
}

/// A JSON writer over a byte buffer.
struct Json<'o>(&'o mut Vec<u8>);

impl Json<'_> {
    /// Punctuation and keys, written as they are.
    fn key(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn null(&mut self) {
        self.0.extend_from_slice(b"null");
    }

    fn bool(&mut self, b: bool) {
        self.0.extend_from_slice(if b { b"true" } else { b"false" });
    }

    fn int(&mut self, n: impl itoa::Integer) {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    /// A float as `serde_json` writes one: the shortest round-trip form, `null` when not finite.
    fn float(&mut self, x: f32) {
        if x.is_finite() {
            self.0
                .extend_from_slice(zmij::Buffer::new().format_finite(x).as_bytes());
        } else {
            self.null();
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    /// A quoted string, escaped as `serde_json` escapes: `"`, `\` and control characters; every
    /// other character (non-ASCII included) as it is. Eight bytes are tested at a time, and runs
    /// without escapes are copied whole.
    fn str(&mut self, s: &str) {
        let out = &mut *self.0;
        out.reserve(s.len() + 2);
        out.push(b'"');
        let bytes = s.as_bytes();
        let mut run = 0;
        let mut chunks = bytes.chunks_exact(8);
        let mut at = 0;
        for chunk in &mut chunks {
            let x = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            if needs_escape(x) {
                for i in at..at + 8 {
                    escape(out, bytes, &mut run, i);
                }
            }
            at += 8;
        }
        for i in at..bytes.len() {
            escape(out, bytes, &mut run, i);
        }
        out.extend_from_slice(&bytes[run..]);
        out.push(b'"');
    }

    /// `YYYY-MM-DD`, as `NaiveDate`'s `Display` writes it; years outside 0-9999 (which
    /// `Display` writes with a sign) go through `Display`.
    fn date(&mut self, d: NaiveDate) {
        let y = d.year();
        let Ok(y @ 0..=9999) = u32::try_from(y) else {
            self.str(&d.to_string());
            return;
        };
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let (m, day) = (d.month(), d.day());
        self.0.extend_from_slice(&[
            b'"',
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(day / 10),
            digit(day),
            b'"',
        ]);
    }

    /// A span as `[start, end]` in code points.
    fn span(&mut self, span: Span, ix: &mut CharIndex<'_>) {
        let [a, b] = ix.span(span);
        self.0.push(b'[');
        self.int(a);
        self.0.push(b',');
        self.int(b);
        self.0.push(b']');
    }

    /// An actor object, or `null`.
    fn actor(&mut self, a: Option<&Actor>, ix: &mut CharIndex<'_>) {
        let Some(a) = a else {
            self.null();
            return;
        };
        self.key(b"{\"text\":");
        self.str(&a.text);
        self.key(b",\"span\":");
        self.span(a.span, ix);
        self.key(b",\"country\":");
        self.opt_str(a.country.as_deref());
        self.key(b",\"organization\":");
        self.opt_str(a.organization.as_deref());
        self.key(b",\"sector\":");
        self.opt_str(a.sector.map(|s| s.as_str()));
        self.key(b",\"name\":");
        self.opt_str(a.name.as_deref());
        self.key(b",\"code\":");
        self.opt_str(a.code.as_deref());
        self.key(b",\"inferred\":");
        self.bool(a.inferred);
        self.key(b"}");
    }
}

/// Whether any of the eight bytes of `x` is escaped: a control character, `"` or `\`. (The
/// borrows of these tests can only mark bytes after a true one, so the answer is exact.)
#[inline(always)]
fn needs_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGHS;
    let zero = |v: u64| below(v, 1);
    below(x, 0x20) | zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\'))) != 0
}

/// Escapes byte `i` of `bytes` if it must be: copies the run before it from `*run` and moves
/// `*run` past it.
#[inline(always)]
fn escape(out: &mut Vec<u8>, bytes: &[u8], run: &mut usize, i: usize) {
    let b = bytes[i];
    let esc = ESCAPE[usize::from(b)];
    if esc == 0 {
        return;
    }
    out.extend_from_slice(&bytes[*run..i]);
    *run = i + 1;
    if esc == b'u' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xf)],
        ]);
    } else {
        out.extend_from_slice(&[b'\\', esc]);
    }
}

/// For each byte, 0 when it is written as it is, else the letter after the backslash (`u` for
/// `\u00XX`): the escapes `serde_json` writes.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

#[cfg(test)]
mod tests {
    use super::Json;
    use proptest::prelude::*;

    fn written(s: &str) -> String {
        let mut out = Vec::new();
        Json(&mut out).str(s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_as_serde_json_does() {
        for s in [
            "",
            "a",
            "\"",
            "\\",
            "\u{0}",
            "12345678\"",
            "1234567\u{1f}",
            "é“”\t\n",
        ] {
            assert_eq!(written(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    proptest! {
        /// Any string, control characters and quotes at any offset of the eight-byte chunks.
        #[test]
        fn any_string_is_written_as_serde_json_writes_it(s in "[\\x00-\\x7f\"\\\\é€😀]{0,40}") {
            prop_assert_eq!(written(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
