//! Article headers: the `date YYYY-MM-DD` line and wire-service datelines.

use chrono::NaiveDate;
use serde::Serialize;

use super::dates::{PartialDate, parse_date};
use super::token::{Token, TokenKind};
use super::tokenize;
use crate::article::{Span, parse_iso_date};
use crate::error::{Error, Position, Result};

/// A wire-service dateline: "MANILA:", "WASHINGTON (Reuters) -", "NEW DELHI (UrduPoint News /
/// Sputnik - 10th September, 2020)", "Samarkand \[Uzbekistan\], April 13 :".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// The whole dateline, separator included.
    pub span: Span,
    /// The place as written ("NEW DELHI").
    pub place: String,
    /// Where the place is.
    pub place_span: Span,
    /// A region or country written with it ("Uzbekistan" in "Samarkand \[Uzbekistan\]").
    pub region: Option<String>,
    /// A date written in it.
    pub date: Option<PartialDate>,
    /// The outlet or agency written in it ("Reuters", "UrduPoint News / Sputnik").
    pub outlet: Option<String>,
}

/// What the start of an article says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Header {
    /// The date from a leading `date YYYY-MM-DD` line.
    pub published: Option<NaiveDate>,
    /// Where the story text starts (after the date line).
    pub body_start: usize,
    /// The dateline, if the story opens with one.
    pub dateline: Option<Dateline>,
}

/// Reads the header of `text`.
///
/// A leading `date YYYY-MM-DD` (possibly after whitespace) sets the published date; a malformed
/// date there is an error with its position.
///
/// ```
/// use eventcoder::text::parse_header;
/// let h = parse_header("date 2021-11-23\nWASHINGTON (Reuters) - The talks began.")?;
/// assert_eq!(h.published.unwrap().to_string(), "2021-11-23");
/// let d = h.dateline.unwrap();
/// assert_eq!((d.place.as_str(), d.outlet.as_deref()), ("WASHINGTON", Some("Reuters")));
/// # Ok::<(), eventcoder::Error>(())
/// ```
pub fn parse_header(text: &str) -> Result<Header> {
    let mut header = Header::default();
    // A leading byte-order mark is skipped like leading space: `Article::new` removes it, but
    // text given to `Coder::code_text` keeps it, and spans must index that text.
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .len();
    let rest = &text[lead..];
    if rest
        .get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("date "))
    {
        let value_start = lead + 5;
        let value_end = text[value_start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |p| value_start + p);
        let value = &text[value_start..value_end];
        let date = parse_iso_date(value).map_err(|e| match e {
            Error::InvalidDate { value, reason, .. } => Error::InvalidDate {
                value,
                reason,
                position: Some(Position::of(text, value_start)),
            },
            other => other,
        })?;
        header.published = Some(date);
        header.body_start =
            value_end + (text[value_end..].len() - text[value_end..].trim_start().len());
    } else {
        header.body_start = lead;
    }
    header.dateline = parse_dateline(text, header.body_start);
    Ok(header)
}

fn is_place_word(t: &Token) -> bool {
    t.kind() == TokenKind::Word && t.is_capitalized() && t.end() - t.start() < 30
}

/// Parses a dateline at byte `start` of `text`.
pub fn parse_dateline(text: &str, start: usize) -> Option<Dateline> {
    // Cheap rejection: a dateline is a few words, then ":", "(", "[", " - ", "--" or a dash.
    let head = &text[start..floor_boundary(text, (start + 120).min(text.len()))];
    let sep = match first_separator(head.as_bytes()) {
        Some(p) if head.as_bytes()[..p].iter().filter(|&&b| b == b' ').count() <= 6 => p,
        _ => return None,
    };
    // The dateline ends soon after its first separator (a parenthetical may follow), and at
    // the end of its line: only that stretch is searched for the line break.
    let reach = floor_boundary(text, (start + sep + 110).min(start + 240).min(text.len()));
    let end = text[start..reach].find('\n').map_or(reach, |p| start + p);
    let line = &text[start..end];
    let toks: Vec<Token> = tokenize(line).take(40).collect();
    let mut i = 0;
    while i < toks.len() && i < 5 && is_place_word(&toks[i]) {
        i += 1;
    }
    if i == 0 {
        return None;
    }
    let place_end = i;
    let all_caps = toks[..i].iter().all(|t| t.is_all_caps());
    let mut region = None;
    let mut date = None;
    let mut outlet = None;
    let mut decorated = false;
    // [Region] or , Region (all-caps datelines only, "KABUL, Afghanistan")
    if toks.get(i).is_some_and(|t| t.norm_is(line, "[")) {
        let close = toks[i..].iter().position(|t| t.norm_is(line, "]"))? + i;
        region =
            (close > i + 1).then(|| line[toks[i + 1].start()..toks[close - 1].end()].to_string());
        i = close + 1;
        decorated = true;
    }
    // , Date
    if toks.get(i).is_some_and(|t| t.norm_is(line, ",")) {
        if let Some((d, n)) = parse_date(line, &toks[i + 1..]) {
            date = Some(d);
            i += 1 + n;
            decorated = true;
        } else if all_caps && toks.get(i + 1).is_some_and(is_place_word) {
            let mut j = i + 1;
            while j < toks.len() && is_place_word(&toks[j]) {
                j += 1;
            }
            region = Some(line[toks[i + 1].start()..toks[j - 1].end()].to_string());
            i = j;
            if toks.get(i).is_some_and(|t| t.norm_is(line, ",")) {
                if let Some((d, n)) = parse_date(line, &toks[i + 1..]) {
                    date = Some(d);
                    i += 1 + n;
                }
            }
        }
    }
    // (Outlet) or (Outlet - Date)
    if toks.get(i).is_some_and(|t| t.norm_is(line, "(")) {
        let close = toks[i..].iter().position(|t| t.norm_is(line, ")"))? + i;
        let inner = &toks[i + 1..close];
        let dash = inner.iter().position(|t| {
            t.kind() == TokenKind::Punct && matches!(t.norm(line).as_ref(), "-" | "--")
        });
        let outlet_toks = &inner[..dash.unwrap_or(inner.len())];
        if let (Some(a), Some(b)) = (outlet_toks.first(), outlet_toks.last()) {
            outlet = Some(line[a.start()..b.end()].to_string());
        }
        if let Some(d) = dash {
            if let Some((pd, _)) = parse_date(line, &inner[d + 1..]) {
                date = Some(pd);
            }
        }
        i = close + 1;
        decorated = true;
    }
    let sep = toks.get(i).filter(|t| {
        t.kind() == TokenKind::Punct && matches!(t.norm(line).as_ref(), ":" | "-" | "--")
    });
    let end = match sep {
        Some(s) => {
            i += 1;
            s.end()
        }
        // "NEW DELHI (UrduPoint News / Sputnik - 10th September, 2020) India and ..." has no separator.
        None if outlet.is_some() && date.is_some() => toks[i - 1].end(),
        None => return None,
    };
    if !(all_caps || decorated) {
        return None;
    }
    if toks.len() <= i {
        return None; // a line that is nothing but a dateline-like heading
    }
    let place_span = Span::new(start + toks[0].start(), start + toks[place_end - 1].end());
    Some(Dateline {
        span: Span::new(start, start + end),
        place: place_span.slice(text).to_string(),
        place_span,
        region,
        date,
        outlet,
    })
}

/// Where the first dateline separator of `head` starts: `:`, `(`, `[`, an em or en dash,
/// " - " or "--". One pass over the bytes.
#[inline]
fn first_separator(head: &[u8]) -> Option<usize> {
    head.iter().enumerate().position(|(j, &b)| match b {
        b':' | b'(' | b'[' => true,
        b'-' => head.get(j + 1) == Some(&b'-'),
        b' ' => head.get(j + 1..j + 3) == Some(b"- "),
        // U+2014 and U+2013 (UTF-8 E2 80 94, E2 80 93).
        0xE2 => matches!(head.get(j + 1..j + 3), Some([0x80, 0x93 | 0x94])),
        _ => false,
    })
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(s: &str) -> Option<Dateline> {
        parse_header(s).unwrap().dateline
    }

    #[test]
    fn date_header() {
        let h = parse_header(
            " date 2021-11-23 European Union Foreign Policy chief Joseph Borrell on Monday",
        )
        .unwrap();
        assert_eq!(h.published, NaiveDate::from_ymd_opt(2021, 11, 23));
        assert_eq!(&" date 2021-11-23 European"[h.body_start..], "European");
        assert!(h.dateline.is_none());
        let e = parse_header("date 2021-13-01\nx").unwrap_err();
        assert!(e.to_string().contains("1:6"), "{e}");
        assert_eq!(parse_header("dated text").unwrap().published, None);
    }

    #[test]
    fn separators() {
        for (head, want) in [
            ("MANILA: x", Some(6)),
            ("A B - C", Some(3)),
            ("A B -- C", Some(4)),
            ("A-B (Reuters)", Some(4)),
            ("KABUL \u{2014} x", Some(6)),
            ("KABUL \u{2013}", Some(6)),
            ("KABUL \u{2012} x -", None),
            ("no separator here", None),
        ] {
            assert_eq!(first_separator(head.as_bytes()), want, "{head:?}");
        }
    }

    #[test]
    fn datelines() {
        let d = dl("MANILA: The Philippines protested.").unwrap();
        assert_eq!((d.place.as_str(), d.outlet, d.date), ("MANILA", None, None));
        let d = dl("WASHINGTON (Reuters) - The United States imposed sanctions.").unwrap();
        assert_eq!(d.outlet.as_deref(), Some("Reuters"));
        let d = dl(
            "NEW DELHI (UrduPoint News / Sputnik - 10th September, 2020) India and China agreed.",
        )
        .unwrap();
        assert_eq!(d.place, "NEW DELHI");
        assert_eq!(d.outlet.as_deref(), Some("UrduPoint News / Sputnik"));
        assert_eq!(
            d.date,
            Some(PartialDate {
                year: Some(2020),
                month: 9,
                day: 10
            })
        );
        let d = dl("Samarkand [Uzbekistan], April 13 : Foreign ministers met.").unwrap();
        assert_eq!(
            (d.place.as_str(), d.region.as_deref()),
            ("Samarkand", Some("Uzbekistan"))
        );
        assert_eq!(
            d.date,
            Some(PartialDate {
                year: None,
                month: 4,
                day: 13
            })
        );
        let d = dl("KABUL, Afghanistan (AP) — Gunmen attacked a checkpoint.").unwrap();
        assert_eq!(
            (d.place.as_str(), d.region.as_deref(), d.outlet.as_deref()),
            ("KABUL", Some("Afghanistan"), Some("AP"))
        );
        assert!(dl("European Union Foreign Policy chief Joseph Borrell met").is_none());
        assert!(dl("Russia expels 23 UK diplomats").is_none());
        assert!(dl("Washington: the talks").is_none());
        // Found by the property test: an empty bracket must not slice backwards.
        assert_eq!(dl("Gen. [ ]'' … X … didn’t").map(|d| d.region), None);
        assert_eq!(
            dl("KABUL [ ], April 13 : Talks began.").and_then(|d| d.region),
            None
        );
    }
}
