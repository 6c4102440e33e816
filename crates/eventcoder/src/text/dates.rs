//! Calendar expressions in text: "September 11", "11 September 2021", "Sept. 11", "10th
//! September, 2020", "2021-11-22". Relative expressions ("on Monday") are resolved by the coder.
//! The names of weekdays and months and the words inside a date ("10th of") are
//! `data/calendar.tsv`.

use std::sync::LazyLock;

use serde::Serialize;

use super::shapes::Shapes;
use super::token::{Token, TokenKind};
use crate::error::Result;
use crate::lexicon::vocab::Vocab;
use crate::tsv;

/// A date as written: the year may be missing ("April 13").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartialDate {
    /// The year, if written.
    pub year: Option<i32>,
    /// 1-12.
    pub month: u32,
    /// 1-31.
    pub day: u32,
}

/// The calendar words of `data/calendar.tsv`, lowercase.
struct Calendar {
    /// Filters for `weekdays` and `months`.
    weekday_shapes: Shapes,
    month_shapes: Shapes,
    /// `weekdays` and `months` by their packed spelling, for short ASCII words (most): one
    /// hash look-up instead of a scan of every spelling.
    weekday_keys: Vocab,
    month_keys: Vocab,
    /// Weekday names and their number, 0 = Monday.
    weekdays: Vec<(Box<str>, u32)>,
    /// Every spelling of a month and its number, 1-12.
    months: Vec<(Box<str>, u32)>,
    /// Month spellings that are also common words ("may"): a date only when capitalised.
    ambiguous_months: Vec<Box<str>>,
    /// Suffixes allowed after a day number ("10th").
    ordinals: Vec<Box<str>>,
    /// Words allowed between a day and its month ("10th of September").
    day_of: Vec<Box<str>>,
}

const CALENDAR_FILE: &str = "calendar.tsv";

/// Reads and checks a calendar table: known kinds, lowercase words, every weekday and month
/// exactly once. Errors carry the file, line and column.
fn read_calendar(text: &str) -> Result<Calendar> {
    let rows = tsv::read(CALENDAR_FILE, text, &["kind", "words", "number"])?;
    let err = |line: usize, column: usize, message: String| {
        tsv::error_at(CALENDAR_FILE, line, column, message)
    };
    let mut cal = Calendar {
        weekday_shapes: Shapes::default(),
        month_shapes: Shapes::default(),
        weekday_keys: Vocab::default(),
        month_keys: Vocab::default(),
        weekdays: Vec::new(),
        months: Vec::new(),
        ambiguous_months: Vec::new(),
        ordinals: Vec::new(),
        day_of: Vec::new(),
    };
    for r in &rows {
        let words: Vec<&str> = r.list(1).collect();
        if words.is_empty() {
            return Err(err(r.line, r.column(1), "no words".into()));
        }
        for w in &words {
            let bare = w.strip_prefix('?').unwrap_or(w);
            if bare.is_empty() || bare.contains(char::is_whitespace) || bare != bare.to_lowercase()
            {
                return Err(err(
                    r.line,
                    r.column(1),
                    format!("{w:?} is not one lowercase word"),
                ));
            }
            if bare != *w && r.get(0) != "month" {
                return Err(err(
                    r.line,
                    r.column(1),
                    format!("{w:?}: only a month spelling may be marked ambiguous"),
                ));
            }
        }
        let number = |range: std::ops::RangeInclusive<u32>| {
            r.get(2)
                .parse::<u32>()
                .ok()
                .filter(|n| range.contains(n))
                .ok_or_else(|| {
                    err(
                        r.line,
                        r.column(2),
                        format!("number must be {}-{}", range.start(), range.end()),
                    )
                })
        };
        let owned = || {
            words
                .iter()
                .map(|w| Box::<str>::from(w.trim_start_matches('?')))
        };
        match r.get(0) {
            "weekday" => {
                let n = number(1..=7)? - 1;
                cal.weekdays.extend(owned().map(|w| (w, n)));
            }
            "month" => {
                let n = number(1..=12)?;
                cal.months.extend(owned().map(|w| (w, n)));
                cal.ambiguous_months.extend(
                    words
                        .iter()
                        .filter_map(|w| w.strip_prefix('?'))
                        .map(Box::from),
                );
            }
            "ordinal" | "day_of" if !r.get(2).is_empty() => {
                return Err(err(r.line, r.column(2), "number must be empty".into()));
            }
            "ordinal" => cal.ordinals.extend(owned()),
            "day_of" => cal.day_of.extend(owned()),
            other => {
                return Err(err(
                    r.line,
                    r.column(0),
                    format!("unknown kind {other:?} (weekday, month, ordinal, day_of)"),
                ));
            }
        }
    }
    let last = rows.last().map_or(1, |r| r.line);
    // Weekdays are kept 0-based, numbered 1-7 in the file.
    for (kind, numbers, table, base) in [
        ("weekday", 1..=7, &cal.weekdays, 1),
        ("month", 1..=12, &cal.months, 0),
    ] {
        for n in numbers {
            if !table.iter().any(|(_, m)| m + base == n) {
                return Err(err(last, 1, format!("no {kind} row for number {n}")));
            }
        }
    }
    for r in &rows {
        let kind = r.get(0);
        if (kind == "weekday" || kind == "month")
            && rows
                .iter()
                .any(|o| o.line < r.line && o.get(0) == kind && o.get(2) == r.get(2))
        {
            return Err(err(
                r.line,
                r.column(2),
                format!("{kind} {} has an earlier row", r.get(2)),
            ));
        }
    }
    for (words, shapes, keys) in [
        (
            &cal.weekdays,
            &mut cal.weekday_shapes,
            &mut cal.weekday_keys,
        ),
        (&cal.months, &mut cal.month_shapes, &mut cal.month_keys),
    ] {
        for (w, n) in words {
            shapes.add(w);
            // The first row of a spelling wins, as in a scan.
            if keys.get(w).is_none() {
                keys.insert(w, *n);
            }
        }
    }
    Ok(cal)
}

/// The number of `word` among calendar `words` (lowercase), ignoring ASCII case: a word of up
/// to eight ASCII bytes is looked up by its packed lowercase form, others by a scan.
fn calendar_number(
    word: &str,
    shapes: &Shapes,
    keys: &Vocab,
    words: &[(Box<str>, u32)],
) -> Option<u32> {
    if !shapes.may_contain(word) {
        return None;
    }
    match keys.get_ascii_lowercase(word) {
        Some(found) => found,
        None => words
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word))
            .map(|&(_, n)| n),
    }
}

static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| {
    read_calendar(include_str!("../../data/calendar.tsv"))
        .expect("built-in calendar.tsv is valid (tested)")
});

/// The month number of a month name or abbreviation ("Sept.", "sep", "September"), ignoring case.
///
/// ```
/// assert_eq!(eventcoder::text::month_number("Sept."), Some(9));
/// assert_eq!(eventcoder::text::month_number("Mayor"), None);
/// ```
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    let cal = &*CALENDAR;
    calendar_number(w, &cal.month_shapes, &cal.month_keys, &cal.months)
}

/// Adds to `shapes` every word that [`month_number`] or [`weekday_number`] may accept: the
/// month spellings (also with their period, "Sept.") and the weekday names.
pub(crate) fn add_calendar_shapes(shapes: &mut Shapes) {
    let cal = &*CALENDAR;
    for (w, _) in &cal.months {
        shapes.add(w);
        shapes.add(&format!("{w}."));
    }
    for (w, _) in &cal.weekdays {
        shapes.add(w);
    }
}

/// The weekday (0 = Monday) of a weekday name, ignoring case.
pub fn weekday_number(word: &str) -> Option<u32> {
    let cal = &*CALENDAR;
    calendar_number(word, &cal.weekday_shapes, &cal.weekday_keys, &cal.weekdays)
}

fn day_number(text: &str, t: &Token) -> Option<u32> {
    if t.kind() != TokenKind::Number {
        return None;
    }
    let digits = t
        .text(text)
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t.text(text)[digits.len()..];
    if !(suffix.is_empty()
        || CALENDAR
            .ordinals
            .iter()
            .any(|o| o.eq_ignore_ascii_case(suffix)))
    {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(text: &str, t: &Token) -> Option<i32> {
    (t.kind() == TokenKind::Number && t.text(text).len() == 4)
        .then(|| t.text(text).parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// Reads a calendar date at the start of `tokens`. Returns it and the number of tokens used.
///
/// ```
/// use eventcoder::text::{parse_date, tokenize};
/// let text = "10th September, 2020)";
/// let toks: Vec<_> = tokenize(text).collect();
/// let (d, n) = parse_date(text, &toks).unwrap();
/// assert_eq!((d.year, d.month, d.day, n), (Some(2020), 9, 10, 4));
/// ```
pub fn parse_date(text: &str, tokens: &[Token]) -> Option<(PartialDate, usize)> {
    let first = tokens.first()?;
    // ISO: 2021-11-22 is one Number token.
    if first.kind() == TokenKind::Number && first.text(text).len() == 10 {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(first.text(text), "%Y-%m-%d") {
            use chrono::Datelike;
            return Some((
                PartialDate {
                    year: Some(d.year()),
                    month: d.month(),
                    day: d.day(),
                },
                1,
            ));
        }
    }
    let year_after = |i: usize| -> Option<(i32, usize)> {
        let mut j = i;
        if tokens.get(j).is_some_and(|t| t.norm_is(text, ",")) {
            j += 1;
        }
        tokens
            .get(j)
            .and_then(|t| year_number(text, t))
            .map(|y| (y, j + 1))
    };
    // Month Day [, Year]
    if first.kind() == TokenKind::Word {
        if let Some(month) = month_number(first.text(text)) {
            if !first.is_capitalized()
                && CALENDAR
                    .ambiguous_months
                    .iter()
                    .any(|m| m.eq_ignore_ascii_case(first.text(text)))
            {
                return None;
            }
            let day = tokens.get(1).and_then(|t| day_number(text, t))?;
            let (year, used) = match year_after(2) {
                Some((y, n)) => (Some(y), n),
                None => (None, 2),
            };
            return valid(PartialDate { year, month, day }).map(|d| (d, used));
        }
    }
    // Day Month [,] [Year]
    if let Some(day) = day_number(text, first) {
        let mut j = 1;
        if tokens.get(j).is_some_and(|t| {
            CALENDAR
                .day_of
                .iter()
                .any(|w| w.eq_ignore_ascii_case(&t.norm(text)))
        }) {
            j += 1;
        }
        let m = tokens
            .get(j)
            .filter(|t| t.kind() == TokenKind::Word && t.is_capitalized())
            .and_then(|t| month_number(t.text(text)))?;
        let (year, used) = match year_after(j + 1) {
            Some((y, n)) => (Some(y), n),
            None => (None, j + 1),
        };
        return valid(PartialDate {
            year,
            month: m,
            day,
        })
        .map(|d| (d, used));
    }
    None
}

fn valid(d: PartialDate) -> Option<PartialDate> {
    let y = d.year.unwrap_or(2000); // a leap year, so "February 29" without a year is allowed
    chrono::NaiveDate::from_ymd_opt(y, d.month, d.day).map(|_| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn pd(s: &str) -> Option<(Option<i32>, u32, u32)> {
        let t: Vec<_> = tokenize(s).collect();
        parse_date(s, &t).map(|(d, _)| (d.year, d.month, d.day))
    }

    #[test]
    fn forms() {
        assert_eq!(pd("September 11"), Some((None, 9, 11)));
        assert_eq!(pd("11 September 2021"), Some((Some(2021), 9, 11)));
        assert_eq!(pd("Sept. 11, 2001"), Some((Some(2001), 9, 11)));
        assert_eq!(pd("10th September, 2020"), Some((Some(2020), 9, 10)));
        assert_eq!(pd("2021-11-22"), Some((Some(2021), 11, 22)));
        assert_eq!(pd("April 31"), None);
        assert_eq!(pd("may 5"), None);
        assert_eq!(pd("May 5"), Some((None, 5, 5)));
        assert_eq!(pd("5 troops"), None);
        assert_eq!(pd("10th of September"), Some((None, 9, 10)));
        assert_eq!(pd("2nd May"), Some((None, 5, 2)));
        assert_eq!(pd("10xx September"), None);
    }

    #[test]
    fn calendar_table_loads() {
        if let Err(e) = read_calendar(include_str!("../../data/calendar.tsv")) {
            panic!("{e}");
        }
        assert_eq!(weekday_number("Monday"), Some(0));
        assert_eq!(weekday_number("SUNDAY"), Some(6));
        assert_eq!(weekday_number("Mon"), None);
        for (word, month) in [
            ("January", Some(1)),
            ("jan.", Some(1)),
            ("Sept", Some(9)),
            ("sep", Some(9)),
            ("Septem", None),
            ("May", Some(5)),
            ("June", Some(6)),
            ("Ju", None),
        ] {
            assert_eq!(month_number(word), month, "{word}");
        }
    }

    #[test]
    fn calendar_errors_name_the_line() {
        let head = "kind\twords\tnumber\n";
        let bad = [
            ("weekday\tmonday\t8\n", "calendar.tsv:2:16"),
            ("season\tspring\t\n", "calendar.tsv:2:1"),
            ("ordinal\tth\t1\n", "calendar.tsv:2:12"),
            ("weekday\t?monday\t1\n", "calendar.tsv:2:9"),
            ("month\tMay\t5\n", "calendar.tsv:2:7"),
            ("weekday\tmonday\t1\n", "no weekday row for number 2"),
        ];
        for (row, want) in bad {
            let e = read_calendar(&format!("{head}{row}"))
                .err()
                .unwrap()
                .to_string();
            assert!(e.contains(want), "{row:?}: {e}");
        }
        let builtin = include_str!("../../data/calendar.tsv");
        let line = builtin.lines().count() + 1;
        let e = read_calendar(&format!("{builtin}weekday\tmon\t1\n"))
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.starts_with(&format!("calendar.tsv:{line}:")) && e.contains("earlier row"),
            "{e}"
        );
    }
}
