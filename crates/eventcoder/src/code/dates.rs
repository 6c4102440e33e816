//! Event dates: date expressions in a sentence, resolved against the published date.

use chrono::{Datelike, Days, NaiveDate};

use super::event::DateSource;

use crate::text::{PartialDate, Token, TokenKind, parse_date, weekday_number};

/// A date expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Token index of its head word (the weekday, "yesterday", the first calendar token).
    pub token: usize,
    /// Token index where the whole mention starts ("last" in "last week").
    pub first: usize,
    /// Token index one past its end.
    pub end: usize,
    /// The resolved date.
    pub date: NaiveDate,
}

/// The year for a month/day without one: the candidate (last, this or next year) closest to
/// `published`, so "December 30" in a January 2 article is last year.
///
/// ```
/// use chrono::NaiveDate;
/// use eventcoder::code::infer_year;
/// let p = NaiveDate::from_ymd_opt(2022, 1, 2).unwrap();
/// assert_eq!(infer_year(12, 30, p), NaiveDate::from_ymd_opt(2021, 12, 30));
/// assert_eq!(infer_year(1, 1, p), NaiveDate::from_ymd_opt(2022, 1, 1));
/// ```
pub fn infer_year(month: u32, day: u32, published: NaiveDate) -> Option<NaiveDate> {
    let y = published.year();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - published).num_days().abs())
}

/// Resolves a written calendar date.
pub fn resolve_partial(d: PartialDate, published: Option<NaiveDate>) -> Option<NaiveDate> {
    match d.year {
        Some(y) => NaiveDate::from_ymd_opt(y, d.month, d.day),
        None => infer_year(d.month, d.day, published?),
    }
}

/// The latest `weekday` (0 = Monday) on or before `published`.
///
/// ```
/// use chrono::NaiveDate;
/// use eventcoder::code::last_weekday;
/// let tue = NaiveDate::from_ymd_opt(2021, 11, 23).unwrap();
/// assert_eq!(last_weekday(0, tue), NaiveDate::from_ymd_opt(2021, 11, 22).unwrap());
/// assert_eq!(last_weekday(1, tue), tue);
/// ```
pub fn last_weekday(weekday: u32, published: NaiveDate) -> NaiveDate {
    let today = published.weekday().num_days_from_monday();
    let back = (today + 7 - weekday) % 7;
    published - Days::new(u64::from(back))
}

/// Every date expression in `tokens` (one sentence), resolved. Without a published date only
/// absolute dates with a year resolve.
pub fn find_dates(
    tokens: &[Token<'_>],
    offset: usize,
    published: Option<NaiveDate>,
    out: &mut Vec<DateMention>,
) {
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind != TokenKind::Word && t.kind != TokenKind::Number {
            i += 1;
            continue;
        }
        let maybe_calendar = t.kind == TokenKind::Number
            || t.is_capitalized() && crate::text::month_number(t.text).is_some();
        if let Some((pd, n)) = maybe_calendar.then(|| parse_date(&tokens[i..])).flatten() {
            if let Some(d) = resolve_partial(pd, published) {
                out.push(DateMention {
                    token: offset + i,
                    first: offset + i,
                    end: offset + i + n,
                    date: d,
                });
            }
            i += n;
            continue;
        }
        if let Some(p) = published {
            let first = t.text.as_bytes()[0].to_ascii_lowercase();
            if !matches!(first, b'm' | b't' | b'w' | b'f' | b's' | b'y' | b'l') {
                i += 1;
                continue;
            }
            const RELATIVE: [&str; 8] = [
                "yesterday",
                "today",
                "tonight",
                "tomorrow",
                "week",
                "month",
                "weekend",
                "this",
            ];
            let candidate = t.is_capitalized() && weekday_number(t.text).is_some()
                || RELATIVE.iter().any(|w| t.text.eq_ignore_ascii_case(w));
            if !candidate {
                i += 1;
                continue;
            }
            let prev = if i > 0 {
                tokens[i - 1].text.to_ascii_lowercase()
            } else {
                String::new()
            };
            let next = tokens
                .get(i + 1)
                .map(|t| t.text.to_ascii_lowercase())
                .unwrap_or_default();
            let lower = t.text.to_ascii_lowercase();
            // "will meet again on Monday": a weekday in a future clause is the next one.
            const FUTURE: [&str; 7] = [
                "will",
                "'ll",
                "shall",
                "scheduled",
                "due",
                "expected",
                "plans",
            ];
            let future = tokens[i.saturating_sub(8)..i]
                .iter()
                .any(|t| FUTURE.iter().any(|w| t.text.eq_ignore_ascii_case(w)));
            let d = if t.is_capitalized()
                && let Some(w) = weekday_number(t.text)
            {
                let d = last_weekday(w, p);
                Some(if prev == "next" || future && prev != "last" {
                    d + Days::new(7)
                } else if prev == "last" && d == p {
                    d - Days::new(7)
                } else {
                    d
                })
            } else {
                match lower.as_str() {
                    "yesterday" => Some(p - Days::new(1)),
                    "today" | "tonight" => Some(p),
                    "tomorrow" => Some(p + Days::new(1)),
                    "week" if prev == "last" => Some(p - Days::new(7)),
                    "month" if prev == "last" => p.checked_sub_months(chrono::Months::new(1)),
                    "weekend" if prev == "last" || prev == "the" => Some(last_weekday(5, p)),
                    _ if lower == "this"
                        && (next == "morning" || next == "afternoon" || next == "evening") =>
                    {
                        Some(p)
                    }
                    _ => None,
                }
            };
            if let Some(d) = d {
                // "last week", "next Monday": the qualifier is part of the mention.
                let qualified = matches!(prev.as_str(), "last" | "next" | "the") && i > 0;
                out.push(DateMention {
                    token: offset + i,
                    first: offset + i - usize::from(qualified),
                    end: offset + i + 1,
                    date: d,
                });
            }
        }
        i += 1;
    }
}

/// Where one predicate stands in its sentence, for choosing its date.
pub(super) struct PredicateDates<'a> {
    /// The sentence's dates.
    pub dates: &'a [DateMention],
    /// The token of the predicate's verb.
    pub verb: usize,
    /// The tokens of the previous and the next predicate's verbs (its stretch lies between).
    pub previous_verb: Option<usize>,
    pub next_verb: Option<usize>,
    /// The article's published date and its dateline's date.
    pub published: Option<NaiveDate>,
    pub dateline: Option<NaiveDate>,
    /// The date of the previous sentence's event, when this predicate continues it (its
    /// subject is a pronoun or a collective: "The two leaders discussed trade").
    pub continued: Option<NaiveDate>,
}

/// An event's date and where it came from:
/// 1. a date in the predicate's stretch of the sentence (between its neighbours), those after
///    the verb first ("clashed last month, signed ... on Thursday"), else the nearest in the
///    sentence; never a date after publication, which is a plan's ("invited them to Minsk next
///    Tuesday" was an invitation made today);
/// 2. the date of the event the sentence continues;
/// 3. the dateline's date, else the published date.
pub(super) fn event_date(pd: &PredicateDates<'_>) -> (Option<NaiveDate>, DateSource) {
    let verb = pd.verb;
    let lo = pd.previous_verb.unwrap_or(0);
    let hi = pd.next_verb.unwrap_or(usize::MAX);
    let first = pd.previous_verb.is_none();
    let in_stretch = |d: &&DateMention| d.token > lo && d.token < hi || first && d.token < verb;
    let not_future = |d: &&DateMention| pd.published.is_none_or(|p| d.date <= p);
    let chosen = pd
        .dates
        .iter()
        .filter(in_stretch)
        .filter(not_future)
        .min_by_key(|d| (d.token < verb, d.token.abs_diff(verb)))
        .or_else(|| {
            pd.dates
                .iter()
                .filter(not_future)
                .min_by_key(|d| d.token.abs_diff(verb))
        });
    match (chosen, pd.continued) {
        (Some(d), _) => (Some(d.date), DateSource::Explicit),
        (None, Some(c)) => (Some(c), DateSource::Continued),
        (None, None) => match (pd.dateline, pd.published) {
            (Some(d), _) => (Some(d), DateSource::Dateline),
            (None, Some(p)) => (Some(p), DateSource::Published),
            (None, None) => (None, DateSource::None),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn dates(s: &str, p: &str) -> Vec<String> {
        let t: Vec<_> = tokenize(s).collect();
        let mut out = Vec::new();
        find_dates(
            &t,
            0,
            Some(NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap()),
            &mut out,
        );
        out.iter().map(|d| d.date.to_string()).collect()
    }

    #[test]
    fn relative_and_absolute() {
        assert_eq!(dates("on Monday", "2021-11-23"), ["2021-11-22"]);
        assert_eq!(
            dates("yesterday and last week", "2021-11-23"),
            ["2021-11-22", "2021-11-16"]
        );
        assert_eq!(dates("on September 11", "2021-11-23"), ["2021-09-11"]);
        assert_eq!(dates("11 September 2001", "2021-11-23"), ["2001-09-11"]);
        assert_eq!(dates("on Sept. 11", "2021-11-23"), ["2021-09-11"]);
        assert_eq!(dates("on Dec. 30", "2022-01-02"), ["2021-12-30"]);
        assert_eq!(dates("on Jan. 3", "2021-12-30"), ["2022-01-03"]);
        assert_eq!(
            dates("Theresa May said", "2021-12-30"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn no_published_date_no_guess() {
        let t: Vec<_> = tokenize("on Monday, on September 11 and on 11 September 2001").collect();
        let mut out = Vec::new();
        find_dates(&t, 0, None, &mut out);
        assert_eq!(
            out.iter().map(|d| d.date.to_string()).collect::<Vec<_>>(),
            ["2001-09-11"]
        );
    }

    #[test]
    fn event_dates_by_precedence() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 4, d).unwrap();
        let at = |token: usize, d: u32| DateMention {
            token,
            first: token,
            end: token + 1,
            date: day(d),
        };
        let dates = [at(2, 8), at(9, 9), at(14, 20)];
        let pd =
            |verb: usize, previous_verb: Option<usize>, next_verb: Option<usize>| PredicateDates {
                dates: &dates,
                verb,
                previous_verb,
                next_verb,
                published: Some(day(10)),
                dateline: None,
                continued: None,
            };
        // (verb, neighbours) -> expected day; the date after publication (20) is never chosen.
        let table = [
            ((5, None, Some(8)), Some(8)),
            ((8, Some(5), None), Some(9)),
            ((12, Some(8), None), Some(9)),
        ];
        for ((verb, prev, next), want) in table {
            let (date, source) = event_date(&pd(verb, prev, next));
            assert_eq!(date, want.map(day), "verb at {verb}");
            assert_eq!(source, DateSource::Explicit);
        }
        let none: [DateMention; 0] = [];
        let mut bare = pd(3, None, None);
        bare.dates = &none;
        assert_eq!(event_date(&bare), (Some(day(10)), DateSource::Published));
        bare.continued = Some(day(7));
        assert_eq!(event_date(&bare), (Some(day(7)), DateSource::Continued));
        bare.dateline = Some(day(6));
        bare.continued = None;
        assert_eq!(event_date(&bare), (Some(day(6)), DateSource::Dateline));
        bare.published = None;
        bare.dateline = None;
        assert_eq!(event_date(&bare), (None, DateSource::None));
    }
}
