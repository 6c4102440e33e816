//! Issues files (PETRARCH-1 `Phoenix.IssueCoding.txt`).
//!
//! ```text
//! <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
//! n:teacher [TEACHERS]          'n:' a noun: its plural matches too
//! v:teach [TEACHING]            'v:' a verb: its inflected forms match too
//! pre+n:school [SCHOOLS]        '+' joins words: "preschool", "pre-school", "pre school"
//! ~a head start                 an ignore phrase: issue phrases inside it do not count
//! </ISSUE>
//! ```
//!
//! `#` starts a comment.

use super::text::{Line, lines};
use super::{Problems, problem};
use crate::lexicon::WarningKind;

/// The most phrases one issue line may expand to.
pub const MAX_EXPANSIONS: usize = 64;

/// How a word of an issue phrase is inflected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// As written.
    Plain,
    /// `n:` a noun: its plural too.
    Noun,
    /// `v:` a verb: its inflected forms too.
    Verb,
}

/// A word of an issue phrase: its parts joined by `+` and how it is inflected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueWord {
    /// The parts ("pre", "school" for `pre+n:school`), lowercase.
    pub parts: Vec<String>,
    /// The inflection of the last part.
    pub kind: WordKind,
}

/// An issue phrase or an ignore phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueEntry {
    /// The block's category.
    pub category: String,
    /// The issue code; `None` for an ignore phrase (`~...`).
    pub code: Option<String>,
    /// The words.
    pub words: Vec<IssueWord>,
    /// 1-based line.
    pub line: usize,
}

fn category_of(tag: &str) -> Option<String> {
    let upper = tag.to_ascii_uppercase();
    let at = upper.find("CATEGORY")?;
    let rest = tag[at + "CATEGORY".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let rest = rest.strip_prefix('"').unwrap_or(rest);
    let end = rest.find(['"', ' ', '>']).unwrap_or(rest.len());
    let c = rest[..end].trim();
    (!c.is_empty()).then(|| c.to_string())
}

fn words_of<'a>(line: &Line<'a>, s: &'a str, problems: &mut Problems) -> Option<Vec<IssueWord>> {
    let mut words = Vec::new();
    for w in s.split_whitespace() {
        let mut parts = Vec::new();
        let mut kind = WordKind::Plain;
        for p in w.split('+') {
            let (k, p) = if let Some(p) = p.strip_prefix("n:") {
                (WordKind::Noun, p)
            } else if let Some(p) = p.strip_prefix("v:") {
                (WordKind::Verb, p)
            } else {
                (WordKind::Plain, p)
            };
            if p.is_empty() || p.contains(':') {
                problem(
                    problems,
                    line,
                    w,
                    WarningKind::BadLine,
                    format!("bad word {w:?}"),
                );
                return None;
            }
            kind = k;
            parts.push(p.to_lowercase());
        }
        words.push(IssueWord { parts, kind });
    }
    (!words.is_empty()).then_some(words)
}

/// Parses an issues file; bad lines are skipped and reported in `problems`.
pub fn parse(text: &str, problems: &mut Problems) -> Vec<IssueEntry> {
    let mut out = Vec::new();
    let mut category: Option<String> = None;
    for line in lines(text, false) {
        let t = line.text;
        if t.starts_with("</") {
            category = None;
            continue;
        }
        if t.starts_with('<') {
            category = category_of(t);
            if category.is_none() {
                problem(
                    problems,
                    &line,
                    t,
                    WarningKind::BadLine,
                    "an issue block without CATEGORY=\"...\"".into(),
                );
            }
            continue;
        }
        let Some(cat) = &category else {
            problem(
                problems,
                &line,
                t,
                WarningKind::BadLine,
                "a phrase outside an <ISSUE> block".into(),
            );
            continue;
        };
        if let Some(body) = t.strip_prefix('~') {
            if let Some(words) = words_of(&line, body, problems) {
                out.push(IssueEntry {
                    category: cat.clone(),
                    code: None,
                    words,
                    line: line.no,
                });
            }
            continue;
        }
        let (body, code) = match (t.find('['), t.rfind(']')) {
            (Some(a), Some(b)) if a < b && t[b + 1..].trim().is_empty() => {
                (&t[..a], t[a + 1..b].trim())
            }
            _ => {
                problem(
                    problems,
                    &line,
                    t,
                    WarningKind::BadLine,
                    "an issue phrase without its [CODE]".into(),
                );
                continue;
            }
        };
        if code.is_empty() || code.contains(['[', ']']) {
            problem(
                problems,
                &line,
                code,
                WarningKind::BadLine,
                "a bad issue code".into(),
            );
            continue;
        }
        if let Some(words) = words_of(&line, body, problems) {
            out.push(IssueEntry {
                category: cat.clone(),
                code: Some(code.to_string()),
                words,
                line: line.no,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_words_and_ignores() {
        let text = "<ISSUE CATEGORY=\"FARMING\" TYPE=\"ALL\">\nn:plough [TILLAGE]\ncrop+v:rotate n:field [TILLAGE]\n~a plough horse\nbad:word [X]\nno code\n</ISSUE>\nstray [X]\n";
        let mut problems = Vec::new();
        let e = parse(text, &mut problems);
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].category, "FARMING");
        assert_eq!(e[0].words[0].kind, WordKind::Noun);
        assert_eq!(e[1].words[0].parts, ["crop", "rotate"]);
        assert_eq!(e[1].words[0].kind, WordKind::Verb);
        assert_eq!(e[2].code, None);
        let lines: Vec<usize> = problems.iter().map(|p| p.position.line).collect();
        assert_eq!(lines, [5, 6, 8]);
    }
}
