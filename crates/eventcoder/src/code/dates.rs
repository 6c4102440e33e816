//! Event dates: date expressions in a sentence, resolved against the published date.
//!
//! The relative words ("yesterday", "last week"), future markers and qualifiers ("next Monday")
//! are the rows of `data/relative_dates.tsv`; weekday and month names are `data/calendar.tsv`.

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate};

use super::event::DateSource;

use crate::error::Result;
use crate::text::{
    PartialDate, Token, TokenKind, add_calendar_shapes, month_number, parse_date, weekday_number,
};
use crate::tsv;

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

/// `d` if it can be written as `YYYY-MM-DD` (years 0000-9999), the only dates the output
/// holds: "next year" in an article of 9999-12-31 resolves to nothing.
fn writable(d: NaiveDate) -> Option<NaiveDate> {
    (0..=9999).contains(&d.year()).then_some(d)
}

/// Resolves a written calendar date (`None` outside the years 0000-9999).
pub fn resolve_partial(d: PartialDate, published: Option<NaiveDate>) -> Option<NaiveDate> {
    match d.year {
        Some(y) => NaiveDate::from_ymd_opt(y, d.month, d.day),
        None => infer_year(d.month, d.day, published?),
    }
    .and_then(writable)
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

/// How far before a weekday (in tokens) a future marker puts it in the future.
const FUTURE_REACH: usize = 8;

const RELATIVE_FILE: &str = "relative_dates.tsv";

/// A word of `data/relative_dates.tsv`, matched ignoring case.
#[derive(Debug)]
struct Word(Box<str>);

impl Word {
    fn is(&self, text: &str) -> bool {
        self.0.eq_ignore_ascii_case(text)
    }
}

/// The date a relative word stands for, from the published day (column `date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shift {
    /// This many days after it (before, if negative).
    Days(i64),
    /// This many calendar months after it (before, if negative).
    Months(i32),
    /// The latest such weekday (0 = Monday) on or before it.
    LatestWeekday(u32),
}

impl Shift {
    /// `0d`, `+1d`, `-7d`, `-1m`, or a weekday name.
    fn parse(s: &str) -> Option<Shift> {
        if let Some(w) = weekday_number(s) {
            return Some(Shift::LatestWeekday(w));
        }
        if let Some(n) = s.strip_suffix('d') {
            return n.parse().ok().map(Shift::Days);
        }
        s.strip_suffix('m')?.parse().ok().map(Shift::Months)
    }

    fn resolve(self, published: NaiveDate) -> Option<NaiveDate> {
        match self {
            Shift::Days(n) if n < 0 => published.checked_sub_days(Days::new(n.unsigned_abs())),
            Shift::Days(n) => published.checked_add_days(Days::new(n.unsigned_abs())),
            Shift::Months(n) if n < 0 => {
                published.checked_sub_months(Months::new(n.unsigned_abs()))
            }
            Shift::Months(n) => published.checked_add_months(Months::new(n.unsigned_abs())),
            Shift::LatestWeekday(w) => Some(last_weekday(w, published)),
        }
    }
}

/// What a qualifier does to the weekday after it (column `date` of a `qualifier` row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WeekdayQualifier {
    /// The first such weekday after the published day ("next Monday").
    Following,
    /// The latest such weekday before the published day ("last Monday"), even in a future
    /// clause.
    Preceding,
}

/// A `relative` row: a word that is a date, under conditions on its neighbours.
#[derive(Debug)]
struct RelativeWord {
    word: Word,
    /// If any, the previous token must be one of these.
    before: Vec<Word>,
    /// If any, the next token must be one of these.
    after: Vec<Word>,
    date: Shift,
}

/// A `qualifier` row: part of the mention of the date after it.
#[derive(Debug)]
struct Qualifier {
    word: Word,
    weekday: Option<WeekdayQualifier>,
}

/// `data/relative_dates.tsv`, by kind.
#[derive(Debug)]
struct RelativeDates {
    /// A filter for the words of `relative`.
    shapes: crate::text::shapes::Shapes,
    relative: Vec<RelativeWord>,
    /// A filter for the words of `future`.
    future_shapes: crate::text::shapes::Shapes,
    future: Vec<Word>,
    qualifiers: Vec<Qualifier>,
    /// A filter for every word that may begin a date: a month or weekday name, a word of
    /// `relative`. [`find_dates`] passes over the other words (most) with this one test.
    date_words: crate::text::shapes::Shapes,
}

/// Reads and checks a table of relative date words. Errors carry the file, line and column.
fn read_relative_dates(text: &str) -> Result<RelativeDates> {
    const HEADER: [&str; 5] = ["kind", "word", "before", "after", "date"];
    let rows = tsv::read(RELATIVE_FILE, text, &HEADER)?;
    let err = |r: &tsv::Row<'_>, column: usize, message: String| {
        tsv::error_at(RELATIVE_FILE, r.line, r.column(column), message)
    };
    let word = |w: &str| Word(w.into());
    let mut table = RelativeDates {
        shapes: Default::default(),
        relative: Vec::new(),
        future_shapes: Default::default(),
        future: Vec::new(),
        qualifiers: Vec::new(),
        date_words: Default::default(),
    };
    for r in &rows {
        let w = r.get(1);
        if w.is_empty() || w.contains(char::is_whitespace) {
            return Err(err(r, 1, format!("{w:?} is not one word")));
        }
        let kind = r.get(0);
        if kind != "relative" {
            for column in [2, 3] {
                if !r.get(column).is_empty() {
                    return Err(err(
                        r,
                        column,
                        format!("`{}` is only for relative rows", HEADER[column]),
                    ));
                }
            }
        }
        let date = r.get(4);
        match kind {
            "relative" => table.relative.push(RelativeWord {
                word: word(w),
                before: r.list(2).map(word).collect(),
                after: r.list(3).map(word).collect(),
                date: Shift::parse(date).ok_or_else(|| {
                    err(
                        r,
                        4,
                        format!("date {date:?} is not 0d, +Nd, -Nd, +Nm, -Nm or a weekday"),
                    )
                })?,
            }),
            "future" if date.is_empty() => table.future.push(word(w)),
            "future" => return Err(err(r, 4, "a future marker has no date".into())),
            "qualifier" => table.qualifiers.push(Qualifier {
                word: word(w),
                weekday: match date {
                    "" => None,
                    "following" => Some(WeekdayQualifier::Following),
                    "preceding" => Some(WeekdayQualifier::Preceding),
                    _ => {
                        return Err(err(
                            r,
                            4,
                            format!("qualifier date {date:?} is not following, preceding or empty"),
                        ));
                    }
                },
            }),
            _ => {
                return Err(err(
                    r,
                    0,
                    format!("unknown kind {kind:?} (relative, future, qualifier)"),
                ));
            }
        }
    }
    for r in &table.relative {
        table.shapes.add(&r.word.0);
        table.date_words.add(&r.word.0);
    }
    add_calendar_shapes(&mut table.date_words);
    for f in &table.future {
        table.future_shapes.add(&f.0);
    }
    Ok(table)
}

static RELATIVE_DATES: LazyLock<RelativeDates> = LazyLock::new(|| {
    read_relative_dates(include_str!("../../data/relative_dates.tsv"))
        .expect("built-in relative_dates.tsv is valid (tested)")
});

/// Every date expression in `tokens` (one sentence), resolved. Without a published date only
/// absolute dates with a year resolve.
pub fn find_dates(
    text: &str,
    tokens: &[Token],
    offset: usize,
    published: Option<NaiveDate>,
    out: &mut Vec<DateMention>,
) {
    let table = &*RELATIVE_DATES;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let number = t.kind() == TokenKind::Number;
        if !number && t.kind() != TokenKind::Word {
            i += 1;
            continue;
        }
        // (The filter reads the word's first and last bytes and its length.)
        if !number
            && !table
                .date_words
                .may_contain_bytes(&text.as_bytes()[t.start()..t.end()])
        {
            i += 1;
            continue;
        }
        let w = t.text(text);
        let maybe_calendar = number || t.is_capitalized() && month_number(w).is_some();
        if let Some((pd, n)) = maybe_calendar
            .then(|| parse_date(text, &tokens[i..]))
            .flatten()
        {
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
            let weekday = t.is_capitalized().then(|| weekday_number(w)).flatten();
            if weekday.is_none()
                && !(table.shapes.may_contain(w) && table.relative.iter().any(|r| r.word.is(w)))
            {
                i += 1;
                continue;
            }
            let prev = i.checked_sub(1).map(|j| tokens[j].text(text));
            let next = tokens.get(i + 1).map(|t| t.text(text));
            let qualifier = prev.and_then(|w| table.qualifiers.iter().find(|q| q.word.is(w)));
            let d = if let Some(w) = weekday {
                // "will meet again on Monday": a weekday in a future clause is the next one.
                let future = tokens[i.saturating_sub(FUTURE_REACH)..i].iter().any(|t| {
                    let w = t.text(text);
                    table.future_shapes.may_contain(w) && table.future.iter().any(|f| f.is(w))
                });
                let latest = last_weekday(w, p);
                Some(match qualifier.and_then(|q| q.weekday) {
                    Some(WeekdayQualifier::Following) => latest + Days::new(7),
                    Some(WeekdayQualifier::Preceding) if latest == p => latest - Days::new(7),
                    Some(WeekdayQualifier::Preceding) => latest,
                    None if future => latest + Days::new(7),
                    None => latest,
                })
            } else {
                let holds = |words: &[Word], w: Option<&str>| {
                    words.is_empty() || w.is_some_and(|w| words.iter().any(|x| x.is(w)))
                };
                table
                    .relative
                    .iter()
                    .find(|r| r.word.is(w) && holds(&r.before, prev) && holds(&r.after, next))
                    .and_then(|r| r.date.resolve(p))
            };
            if let Some(d) = d.and_then(writable) {
                // "last week", "next Monday": the qualifier is part of the mention.
                out.push(DateMention {
                    token: offset + i,
                    first: offset + i - usize::from(qualifier.is_some()),
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
            s,
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
    fn relative_words_of_the_table() {
        // 2021-11-23 is a Tuesday, 2021-11-22 a Monday.
        let tue = "2021-11-23";
        let table = [
            ("today", tue, vec!["2021-11-23"]),
            ("Tonight", tue, vec!["2021-11-23"]),
            ("tomorrow", tue, vec!["2021-11-24"]),
            ("last month", tue, vec!["2021-10-23"]),
            ("last month", "2021-03-31", vec!["2021-02-28"]),
            ("a month and a week", tue, vec![]),
            ("last weekend", tue, vec!["2021-11-20"]),
            ("over the weekend", tue, vec!["2021-11-20"]),
            ("weekend", tue, vec![]),
            ("this morning", tue, vec!["2021-11-23"]),
            ("this afternoon", tue, vec!["2021-11-23"]),
            ("This evening", tue, vec!["2021-11-23"]),
            ("this deal", tue, vec![]),
            ("this", tue, vec![]),
            ("next Monday", tue, vec!["2021-11-29"]),
            ("next Tuesday", tue, vec!["2021-11-30"]),
            ("last Monday", tue, vec!["2021-11-22"]),
            ("last Monday", "2021-11-22", vec!["2021-11-15"]),
            ("on Monday", "2021-11-22", vec!["2021-11-22"]),
            ("on monday", tue, vec![]),
            ("They will meet on Monday", tue, vec!["2021-11-29"]),
            ("They will meet on Tuesday", tue, vec!["2021-11-30"]),
            // "They'll" is one token (and "they 'll" is "'" + "ll"): the marker "'ll" is
            // never a token of the tokenizer.
            ("They'll meet on Monday", tue, vec!["2021-11-22"]),
            ("talks are scheduled for Friday", tue, vec!["2021-11-26"]),
            (
                "He is expected to arrive on Monday",
                tue,
                vec!["2021-11-29"],
            ),
            (
                "She plans to meet him on the Monday",
                tue,
                vec!["2021-11-29"],
            ),
            (
                "It will say what happened last Monday",
                tue,
                vec!["2021-11-22"],
            ),
            (
                "It will say what happened last Monday",
                "2021-11-22",
                vec!["2021-11-15"],
            ),
            (
                "He will , as he said in a speech on Monday",
                tue,
                vec!["2021-11-22"],
            ),
        ];
        for (text, published, want) in table {
            assert_eq!(
                dates(text, published),
                want,
                "{text:?} published {published}"
            );
        }
    }

    #[test]
    fn qualifiers_are_part_of_the_mention() {
        let spans = |s: &str| {
            let t: Vec<_> = tokenize(s).collect();
            let mut out = Vec::new();
            let p = NaiveDate::from_ymd_opt(2021, 11, 23);
            find_dates(s, &t, 10, p, &mut out);
            out.iter()
                .map(|d| (d.first, d.token, d.end))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            spans("met last week and next Monday"),
            [(11, 12, 13), (14, 15, 16)]
        );
        assert_eq!(spans("over the weekend"), [(11, 12, 13)]);
        assert_eq!(
            spans("on Monday and this morning"),
            [(11, 11, 12), (13, 13, 14)]
        );
        assert_eq!(spans("Yesterday"), [(10, 10, 11)]);
    }

    #[test]
    fn relative_dates_table_loads() {
        let table = match read_relative_dates(include_str!("../../data/relative_dates.tsv")) {
            Ok(t) => t,
            Err(e) => panic!("{e}"),
        };
        assert!(!table.relative.is_empty() && !table.future.is_empty());
        assert!(table.qualifiers.iter().any(|q| q.weekday.is_none()));
        assert_eq!(Shift::parse("-1m"), Some(Shift::Months(-1)));
        assert_eq!(Shift::parse("+1d"), Some(Shift::Days(1)));
        assert_eq!(Shift::parse("Saturday"), Some(Shift::LatestWeekday(5)));
        assert_eq!(Shift::parse("1w"), None);
    }

    #[test]
    fn relative_dates_errors_name_the_line() {
        let head = "# comment\nkind\tword\tbefore\tafter\tdate\n";
        let bad = [
            ("relative\tsoon\t\t\t+1w\n", "relative_dates.tsv:3:17"),
            ("relative\tsoon\t\t\t\n", "relative_dates.tsv:3:17"),
            ("future\twill\t\t\t+1d\n", "relative_dates.tsv:3:15"),
            ("future\twill\tlast\t\t\n", "relative_dates.tsv:3:13"),
            ("qualifier\tnext\t\t\tlater\n", "relative_dates.tsv:3:18"),
            ("period\tsoon\t\t\t\n", "relative_dates.tsv:3:1"),
            ("relative\tthis week\t\t\t0d\n", "relative_dates.tsv:3:10"),
            ("relative\ttoday\t\t0d\n", "relative_dates.tsv:3:"),
        ];
        for (row, want) in bad {
            let e = read_relative_dates(&format!("{head}{row}"))
                .err()
                .unwrap()
                .to_string();
            assert!(e.contains(want), "{row:?}: {e}");
        }
    }

    #[test]
    fn no_published_date_no_guess() {
        let s = "on Monday, on September 11 and on 11 September 2001";
        let t: Vec<_> = tokenize(s).collect();
        let mut out = Vec::new();
        find_dates(s, &t, 0, None, &mut out);
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
