//! Agent dictionaries (PETRARCH-1 and TABARI).
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN    a substitution set
//! PRESIDENT [~GOVPRS]                  a suffix code: "Gondor's president" is GONGOVPRS
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]   irregular plurals in braces
//! POLICE {} [~COP]                     '{}': no plural
//! RIGHTS_ACTIVIST [HRI~]               a prefix code: HRIGON
//! FISHER!PERSON! [~AGR]                fisherman, fishermen, fisherwoman, ...
//! ```
//!
//! Without braces the regular plural of the last word is added. `#` starts a comment.

use rustc_hash::FxHashMap;

use super::text::{lines, phrase_text};
use super::{Problems, brackets_or_report, problem};
use crate::lexicon::WarningKind;

/// The most phrases one agent line may expand to through substitution sets.
pub const MAX_EXPANSIONS: usize = 64;

/// An agent: its singular and plural phrases and its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// Singular phrases (lowercase).
    pub singular: Vec<String>,
    /// Plural phrases; `None` when the regular plural is to be made.
    pub plural: Option<Vec<String>>,
    /// The agent code without its `~` ("GOVPRS").
    pub code: String,
    /// `[CODE~]`: the code goes before the actor's.
    pub prefix: bool,
    /// 1-based line.
    pub line: usize,
}

/// Expands `!MARK!` substitutions in `s` (at most [`MAX_EXPANSIONS`] results; `None` beyond or
/// for an unknown mark).
fn substitute(s: &str, sets: &FxHashMap<String, Vec<String>>) -> Option<Vec<String>> {
    let Some(a) = s.find('!') else {
        return Some(vec![s.to_string()]);
    };
    let b = a + 1 + s[a + 1..].find('!')?;
    let mark = &s[a + 1..b];
    let alts = sets.get(&mark.to_ascii_uppercase())?;
    let mut out = Vec::new();
    for alt in alts {
        for rest in substitute(&s[b + 1..], sets)? {
            out.push(format!("{}{}{}", &s[..a], alt, rest));
            if out.len() > MAX_EXPANSIONS {
                return None;
            }
        }
    }
    Some(out)
}

/// Parses an agent dictionary; bad lines are skipped and reported in `problems`.
pub fn parse(text: &str, problems: &mut Problems) -> Vec<AgentEntry> {
    let mut sets: FxHashMap<String, Vec<String>> = FxHashMap::default();
    let mut out = Vec::new();
    for line in lines(text, false) {
        let t = line.text;
        if let Some((mark, list)) = t.split_once('=') {
            let mark = mark.trim();
            if mark.len() > 2 && mark.starts_with('!') && mark.ends_with('!') {
                let name = mark[1..mark.len() - 1].to_ascii_uppercase();
                let items: Vec<String> = list
                    .split(',')
                    .map(|w| w.trim().to_string())
                    .filter(|w| !w.is_empty())
                    .collect();
                if items.is_empty() {
                    problem(
                        problems,
                        &line,
                        list,
                        WarningKind::BadLine,
                        "an empty substitution set".into(),
                    );
                } else {
                    sets.insert(name, items);
                }
                continue;
            }
        }
        let Some((head, groups)) = brackets_or_report(t, &line, problems, "") else {
            continue;
        };
        let Some(&group) = groups.first() else {
            problem(
                problems,
                &line,
                t,
                WarningKind::BadLine,
                "an agent without a code".into(),
            );
            continue;
        };
        let g = group.trim();
        let (code, prefix) = match (g.strip_prefix('~'), g.strip_suffix('~')) {
            (Some(c), _) => (c.trim(), false),
            (None, Some(c)) => (c.trim(), true),
            _ => (g, false),
        };
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            problem(
                problems,
                &line,
                group,
                WarningKind::BadLine,
                format!("bad agent code [{g}]: [~CODE] or [CODE~]"),
            );
            continue;
        }
        let (phrase, plural) = match head.find('{') {
            Some(b) => {
                let Some(e) = head[b..].find('}') else {
                    problem(
                        problems,
                        &line,
                        &head[b..],
                        WarningKind::BadLine,
                        "unclosed '{'".into(),
                    );
                    continue;
                };
                let forms: Vec<&str> = head[b + 1..b + e].split_whitespace().collect();
                (&head[..b], Some(forms))
            }
            None => (head, None),
        };
        let expand = |s: &str| substitute(s, &sets);
        let Some(singular) = expand(phrase.trim()) else {
            problem(
                problems,
                &line,
                phrase,
                WarningKind::BadLine,
                format!("unknown substitution mark, or more than {MAX_EXPANSIONS} phrases"),
            );
            continue;
        };
        let singular: Vec<String> = singular
            .iter()
            .map(|s| phrase_text(s))
            .filter(|s| !s.is_empty())
            .collect();
        if singular.is_empty() {
            problem(
                problems,
                &line,
                t,
                WarningKind::BadLine,
                "an agent without a phrase".into(),
            );
            continue;
        }
        let plural = match plural {
            None => None,
            Some(forms) => {
                let mut p = Vec::new();
                for f in forms {
                    match expand(f) {
                        Some(v) => p.extend(v.iter().map(|s| phrase_text(s))),
                        None => {
                            problem(
                                problems,
                                &line,
                                f,
                                WarningKind::BadLine,
                                "unknown substitution mark in a plural".into(),
                            );
                        }
                    }
                }
                Some(p)
            }
        };
        out.push(AgentEntry {
            singular,
            plural,
            code: code.to_ascii_uppercase(),
            prefix,
            line: line.no,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_plurals_and_substitutions() {
        let text = "!PERSON! = MAN, MEN\nHARBOUR_MASTER [~GOVHBM] # x\nTROOPS {} [~MIL]\nWARDEN {WARDENS_OF_THE_MARCH} [~GOV]\nRIGHTS_WATCHER [HRI~]\nFISHER!PERSON! [~AGR]\nNOCODE\nODD!NOPE! [~GOV]\nBAD [~G-V]\n";
        let mut problems = Vec::new();
        let a = parse(text, &mut problems);
        assert_eq!(a.len(), 5);
        assert_eq!(a[0].singular, ["harbour master"]);
        assert_eq!(
            (a[0].code.as_str(), a[0].prefix, a[0].plural.is_none()),
            ("GOVHBM", false, true)
        );
        assert_eq!(a[1].plural, Some(vec![]));
        assert_eq!(a[2].plural, Some(vec!["wardens of the march".to_string()]));
        assert!(a[3].prefix);
        assert_eq!(a[4].singular, ["fisherman", "fishermen"]);
        let lines: Vec<usize> = problems.iter().map(|p| p.position.line).collect();
        assert_eq!(lines, [7, 8, 9]);
    }
}
