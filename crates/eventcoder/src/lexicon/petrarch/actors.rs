//! Actor dictionaries (PETRARCH-1 and TABARI `.actors`).
//!
//! ```text
//! GONDOR [GON]                  a primary phrase and its code ('_' is a space)
//! +MINAS_TIRITH                 synonyms
//! GOLLUM ; a comment            codes may follow on their own lines, by date:
//! +SMEAGOL
//!     [HOB <950601]             before a day (YYMMDD or YYYYMMDD)
//!     [HOBGOV 950601-990815]    between two days
//!     [HOBREB >990816]          after a day
//! JOSEPH_LUNS_ [IGOEUREEC 600701-601231][IGOWSTNAT 711001-840625]
//! ```
//!
//! `#` and `;` start comments; `<!-- -->` blocks may span lines. The first code whose dates hold
//! wins. `---` and `###` are null codes (no actor).

use chrono::NaiveDate;

use super::text::{Line, lines, phrase_text};
use super::{Problems, brackets_or_report, problem};
use crate::lexicon::WarningKind;

/// A code of an actor and the days it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCode {
    /// The code, uppercase; `None` for a null code (`---`, `###`).
    pub code: Option<String>,
    /// First day.
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
}

/// An actor: its phrases (the primary one first) and codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// Phrases as text to match (lowercase, `_` as spaces), each with its 1-based line.
    pub phrases: Vec<(String, usize)>,
    /// Codes, first match wins.
    pub codes: Vec<ActorCode>,
    /// 1-based line of the primary phrase.
    pub line: usize,
}

/// A date of a dictionary: `YYMMDD` (years before 30 are 20YY) or `YYYYMMDD`.
///
/// ```
/// use eventcoder::lexicon::petrarch::actors::parse_date;
/// assert_eq!(parse_date("950601").unwrap().to_string(), "1995-06-01");
/// assert_eq!(parse_date("090120").unwrap().to_string(), "2009-01-20");
/// assert_eq!(parse_date("19990815").unwrap().to_string(), "1999-08-15");
/// assert!(parse_date("991332").is_none() && parse_date("9906").is_none());
/// ```
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (y, m, d) = match s.len() {
        6 => {
            let yy = n(0..2)?;
            let y = if yy < 30 { 2000 + yy } else { 1900 + yy };
            (y, n(2..4)?, n(4..6)?)
        }
        8 => (n(0..4)?, n(4..6)?, n(6..8)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A code group's text (`USAGOV >090120`, `HOB < 950601`, `HOBGOV 19950601 - 19990815`).
/// `Err` with a message and the offending slice.
pub fn parse_code_group(g: &str) -> Result<ActorCode, (String, &str)> {
    let g = g.trim();
    let (code, rest) = match g.find(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        Some(i) => (&g[..i], g[i..].trim()),
        None => (g, ""),
    };
    let null = !code.is_empty() && code.bytes().all(|b| matches!(b, b'-' | b'#' | b'+'));
    let ok = !code.is_empty()
        && code.len() <= 32
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'/');
    if !(null || ok) {
        return Err((
            format!("bad actor code {code:?}"),
            if code.is_empty() { g } else { code },
        ));
    }
    fn date(s: &str) -> Result<NaiveDate, (String, &str)> {
        let s = s.trim();
        parse_date(s).ok_or_else(|| (format!("bad date {s:?}: YYMMDD or YYYYMMDD"), s))
    }
    let (from, to) = if rest.is_empty() {
        (None, None)
    } else if let Some(d) = rest.strip_prefix('<') {
        (None, Some(date(d)?.pred_opt().unwrap_or(NaiveDate::MIN)))
    } else if let Some(d) = rest.strip_prefix('>') {
        (Some(date(d)?.succ_opt().unwrap_or(NaiveDate::MAX)), None)
    } else if let Some((a, b)) = rest.split_once('-') {
        let (a, b) = (date(a)?, date(b)?);
        if b < a {
            return Err(("the last day is before the first".into(), rest));
        }
        (Some(a), Some(b))
    } else {
        return Err((
            "expected '<DATE', '>DATE' or 'DATE-DATE' after the code".into(),
            rest,
        ));
    };
    Ok(ActorCode {
        code: (!null).then(|| code.to_ascii_uppercase()),
        from,
        to,
    })
}

/// The codes of a line's bracket groups, reporting bad ones; `false` if any was bad.
fn codes_of(
    line: &Line<'_>,
    groups: &[&str],
    problems: &mut Problems,
    out: &mut Vec<ActorCode>,
) -> bool {
    let mut ok = true;
    for g in groups {
        match parse_code_group(g) {
            Ok(c) => out.push(c),
            Err((m, at)) => {
                problem(problems, line, at, WarningKind::BadLine, m);
                ok = false;
            }
        }
    }
    ok
}

/// Parses an actor dictionary; bad lines (and entries left with no code) are skipped and
/// reported in `problems`.
pub fn parse(text: &str, problems: &mut Problems) -> Vec<ActorEntry> {
    let mut out: Vec<ActorEntry> = Vec::new();
    let mut cur: Option<ActorEntry> = None;
    // Where an entry left with no code is reported; `None` once a bad code of it was.
    let mut cur_line: Option<Line<'_>> = None;
    let finish = |cur: Option<ActorEntry>,
                  line: Option<Line<'_>>,
                  out: &mut Vec<ActorEntry>,
                  problems: &mut Problems| {
        if let Some(e) = cur {
            if e.codes.is_empty() {
                if let Some(l) = line {
                    problem(
                        problems,
                        &l,
                        l.text,
                        WarningKind::BadLine,
                        "an actor with no code: skipped".into(),
                    );
                }
            } else {
                out.push(e);
            }
        }
    };
    for line in lines(text, true) {
        let t = line.text;
        let Some((head, groups)) = brackets_or_report(t, &line, problems, "") else {
            continue;
        };
        let head = head.trim();
        if head.is_empty() {
            // Codes on a line of their own.
            match cur.as_mut() {
                Some(e) => {
                    if !codes_of(&line, &groups, problems, &mut e.codes) {
                        cur_line = None;
                    }
                }
                None => problem(
                    problems,
                    &line,
                    t,
                    WarningKind::BadLine,
                    "codes before any actor".into(),
                ),
            }
            continue;
        }
        if let Some(syn) = head.strip_prefix('+') {
            let phrase = phrase_text(syn);
            match cur.as_mut() {
                Some(e) if !phrase.is_empty() => {
                    e.phrases.push((phrase, line.no));
                    if !codes_of(&line, &groups, problems, &mut e.codes) {
                        cur_line = None;
                    }
                }
                Some(_) => problem(
                    problems,
                    &line,
                    t,
                    WarningKind::BadLine,
                    "empty synonym".into(),
                ),
                None => problem(
                    problems,
                    &line,
                    t,
                    WarningKind::BadLine,
                    "a synonym before any actor".into(),
                ),
            }
            continue;
        }
        finish(cur.take(), cur_line.take(), &mut out, problems);
        let phrase = phrase_text(head);
        let mut e = ActorEntry {
            phrases: vec![(phrase, line.no)],
            codes: Vec::new(),
            line: line.no,
        };
        let ok = codes_of(&line, &groups, problems, &mut e.codes);
        cur = Some(e);
        // An entry left with no code is reported at its line, unless a bad code was.
        cur_line = ok.then_some(line);
    }
    finish(cur, cur_line, &mut out, problems);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_synonyms_and_dated_codes() {
        let text = "<!-- header -->\nRIVENDELL_ [RIV] ; a comment\n+IMLADRIS\nTOM_BOMBADIL  # first\n+OLD_TOM\n\t[FOR <950601]\n\t[FORGOV 950601 - 19990815]\n\t[FORREB >990816]\nBAD [XX 99-]\nNOCODE\nHOBBIT [---]\n";
        let mut problems = Vec::new();
        let a = parse(text, &mut problems);
        assert_eq!(a.len(), 3);
        assert_eq!(
            a[0].phrases,
            [("rivendell".to_string(), 2), ("imladris".to_string(), 3)]
        );
        let tom = &a[1];
        assert_eq!(tom.codes.len(), 3);
        assert_eq!(tom.codes[0].to.unwrap().to_string(), "1995-05-31");
        assert_eq!(tom.codes[2].from.unwrap().to_string(), "1999-08-17");
        assert_eq!(a[2].codes[0].code, None);
        // The bad code (BAD, left with no code, is not reported twice), then NOCODE.
        let lines: Vec<usize> = problems.iter().map(|p| p.position.line).collect();
        assert_eq!(lines, [9, 10]);
        assert_eq!(problems[0].position.column, 9);
    }
}
