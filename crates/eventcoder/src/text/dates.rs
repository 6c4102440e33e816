//! Calendar expressions in text: "September 11", "11 September 2021", "Sept. 11", "10th
//! September, 2020", "2021-11-22". Relative expressions ("on Monday") are resolved by the coder.

use serde::Serialize;

use super::token::{Token, TokenKind};

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

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number of a month name or abbreviation ("Sept.", "sep", "September"), ignoring case.
///
/// ```
/// assert_eq!(eventcoder::text::month_number("Sept."), Some(9));
/// assert_eq!(eventcoder::text::month_number("Mayor"), None);
/// ```
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.len() < 3 || w.len() > 9 || !w.is_ascii() {
        return None;
    }
    for (i, m) in MONTHS.iter().enumerate() {
        let prefix = m.len() >= w.len() && m[..w.len()].eq_ignore_ascii_case(w);
        if prefix && (w.len() == m.len() || w.len() == 3 || w.eq_ignore_ascii_case("sept")) {
            return Some(i as u32 + 1);
        }
    }
    None
}

/// The weekday (0 = Monday) of a weekday name, ignoring case.
pub fn weekday_number(word: &str) -> Option<u32> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter()
        .position(|d| d.eq_ignore_ascii_case(word))
        .map(|p| p as u32)
}

fn day_number(t: &Token<'_>) -> Option<u32> {
    if t.kind != TokenKind::Number {
        return None;
    }
    let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t.text[digits.len()..];
    if !(suffix.is_empty()
        || ["st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str()))
    {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(t: &Token<'_>) -> Option<i32> {
    (t.kind == TokenKind::Number && t.text.len() == 4)
        .then(|| t.text.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// Reads a calendar date at the start of `tokens`. Returns it and the number of tokens used.
///
/// ```
/// use eventcoder::text::{parse_date, tokenize};
/// let toks: Vec<_> = tokenize("10th September, 2020)").collect();
/// let (d, n) = parse_date(&toks).unwrap();
/// assert_eq!((d.year, d.month, d.day, n), (Some(2020), 9, 10, 4));
/// ```
pub fn parse_date(tokens: &[Token<'_>]) -> Option<(PartialDate, usize)> {
    let first = tokens.first()?;
    // ISO: 2021-11-22 is one Number token.
    if first.kind == TokenKind::Number && first.text.len() == 10 {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(first.text, "%Y-%m-%d") {
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
        if tokens.get(j).is_some_and(|t| t.norm == ",") {
            j += 1;
        }
        tokens.get(j).and_then(year_number).map(|y| (y, j + 1))
    };
    // Month Day [, Year]
    if first.kind == TokenKind::Word {
        if let Some(month) = month_number(first.text) {
            if first.text.len() == 3
                && first.text.eq_ignore_ascii_case("may")
                && !first.is_capitalized()
            {
                return None;
            }
            let day = tokens.get(1).and_then(day_number)?;
            let (year, used) = match year_after(2) {
                Some((y, n)) => (Some(y), n),
                None => (None, 2),
            };
            return valid(PartialDate { year, month, day }).map(|d| (d, used));
        }
    }
    // Day Month [,] [Year]
    if let Some(day) = day_number(first) {
        let mut j = 1;
        if tokens
            .get(j)
            .is_some_and(|t| t.norm.eq_ignore_ascii_case("of"))
        {
            j += 1;
        }
        let m = tokens
            .get(j)
            .filter(|t| t.kind == TokenKind::Word && t.is_capitalized())
            .and_then(|t| month_number(t.text))?;
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
        parse_date(&t).map(|(d, _)| (d.year, d.month, d.day))
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
    }
}
