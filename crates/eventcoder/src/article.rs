//! Articles and spans: the input and the offsets every output points back into.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The largest article eventcoder accepts, in bytes (16 MiB). Larger inputs get
/// [`Error::InputTooLarge`] instead of an unbounded amount of work.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// A half-open range of **UTF-8 byte offsets** into an article's text.
///
/// In Rust, `&text[span.start..span.end]` gives the spanned text. Python users see the same span
/// converted to string indices (see [`Span::to_chars`]), so `text[start:end]` works there too.
/// Spans serialize as a two-element array `[start, end]`.
///
/// ```
/// use eventcoder::Span;
/// let text = "Çavuşoğlu met Lavrov";
/// let span = Span::new(13, 16);
/// assert_eq!(span.slice(text), "met");
/// assert_eq!(span.to_chars(text), Span::new(10, 13));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Its length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    /// Whether it is empty.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The text it covers.
    ///
    /// # Panics
    /// If the span is out of range or not on character boundaries of `text`. Spans made by
    /// eventcoder for that text never are.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// The same span counted in Unicode scalar values (Python string indices).
    pub fn to_chars(&self, text: &str) -> Span {
        let start = text[..self.start].chars().count();
        let len = text[self.start..self.end].chars().count();
        Span::new(start, start + len)
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if end < start {
            return Err(serde::de::Error::custom("span end before start"));
        }
        Ok(Span { start, end })
    }
}

/// One news article: its raw text and what is known about it.
///
/// ```
/// use eventcoder::Article;
/// let a = Article::new("a1", "Russia expels 23 UK diplomats").with_published_str("2021-11-23")?;
/// assert_eq!(a.published.unwrap().to_string(), "2021-11-23");
/// # Ok::<(), eventcoder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Article {
    /// A caller-chosen identifier, copied to every event as `article_id`.
    pub id: String,
    /// The raw text, header and dateline included. All spans point into it.
    pub text: String,
    /// The publication date. Relative dates ("on Monday") resolve against it; without it, event
    /// dates stay unknown.
    pub published: Option<NaiveDate>,
    /// The outlet that published the article, if known.
    pub outlet: Option<String>,
}

impl Article {
    /// An article with no date and no outlet. A leading UTF-8 byte-order mark is removed, so
    /// the text (and every span into it) starts after it.
    ///
    /// ```
    /// let a = eventcoder::Article::new("a", "\u{feff}date 2024-05-02\nIran protested.");
    /// assert!(a.text.starts_with("date"));
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        let mut text: String = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Article {
            id: id.into(),
            text,
            published: None,
            outlet: None,
        }
    }
    /// Sets the published date.
    pub fn with_published(mut self, date: NaiveDate) -> Article {
        self.published = Some(date);
        self
    }
    /// Sets the published date from `YYYY-MM-DD` or an ISO 8601 timestamp (see
    /// [`parse_iso_date`]).
    pub fn with_published_str(self, date: &str) -> Result<Article> {
        Ok(self.with_published(parse_iso_date(date)?))
    }
    /// Sets the outlet.
    pub fn with_outlet(mut self, outlet: impl Into<String>) -> Article {
        self.outlet = Some(outlet.into());
        self
    }
}

/// Parses a published date: `YYYY-MM-DD`, or an ISO 8601 timestamp, which counts by the date
/// written in it. A timestamp is the date, `T` (or a space), `HH:MM`, optional `:SS` and a
/// fraction, and an optional zone (`Z`, `+HH:MM`, `+HHMM`, `+HH`); the time and zone are
/// checked, then ignored (no conversion to UTC). Surrounding whitespace is ignored.
///
/// This is the one reading of a date string: the CLI (`--published`, records' `published`
/// fields, the serve page) and the Python bindings all call it.
///
/// ```
/// use eventcoder::parse_iso_date;
/// let d = |s: &str| parse_iso_date(s).map(|d| d.to_string()).ok();
/// assert_eq!(d("2021-11-23").as_deref(), Some("2021-11-23"));
/// assert_eq!(d(" 2021-11-23T23:30:00.5+05:30 ").as_deref(), Some("2021-11-23"));
/// assert_eq!(d("2021-11-23 09:30").as_deref(), Some("2021-11-23"));
/// for bad in ["2021-02-30", "2021-11-23T", "2021-11-23T25:00", "2021-11-23Tnoon", "23/11/2021"] {
///     assert!(parse_iso_date(bad).is_err(), "{bad}");
/// }
/// ```
pub fn parse_iso_date(value: &str) -> Result<NaiveDate> {
    let v = value.trim();
    let b = v.as_bytes();
    // Byte 10 is ASCII when it is `T` or a space, so 10 and 11 are char boundaries.
    let (date, time) = match b.get(10) {
        Some(b'T' | b't' | b' ') => (&v[..10], Some(&v[11..])),
        _ => (v, None),
    };
    let d = date.as_bytes();
    let shape_ok = d.len() == 10
        && d[4] == b'-'
        && d[7] == b'-'
        && d.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok || time.is_some_and(|t| !valid_time(t)) {
        return Err(Error::InvalidDate {
            value: value.to_string(),
            position: None,
            reason: "expected YYYY-MM-DD or an ISO 8601 timestamp (YYYY-MM-DDTHH:MM:SSZ)".into(),
        });
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|e| Error::InvalidDate {
        value: value.to_string(),
        position: None,
        reason: e.to_string(),
    })
}

/// Whether `t` is the time of an ISO 8601 timestamp: `HH:MM`, optional `:SS` (60 for a leap
/// second) with an optional fraction, then an optional zone `Z`, `±HH:MM`, `±HHMM` or `±HH`.
fn valid_time(t: &str) -> bool {
    let b = t.as_bytes();
    // Two digits at `i`, at most `max`.
    let two = |i: usize, max: u8| {
        matches!(b.get(i..i + 2), Some(&[x, y]) if x.is_ascii_digit()
            && y.is_ascii_digit()
            && (x - b'0') * 10 + (y - b'0') <= max)
    };
    if !(two(0, 23) && b.get(2) == Some(&b':') && two(3, 59)) {
        return false;
    }
    let mut i = 5;
    if b.get(i) == Some(&b':') {
        if !two(i + 1, 60) {
            return false;
        }
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return false;
            }
            i += 1 + digits;
        }
    }
    match &b[i..] {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', zone @ ..] => {
            let z = i + 1;
            match zone.len() {
                2 => two(z, 23),
                4 => two(z, 23) && two(z + 2, 59),
                5 => two(z, 23) && zone[2] == b':' && two(z + 3, 59),
                _ => false,
            }
        }
        _ => false,
    }
}
