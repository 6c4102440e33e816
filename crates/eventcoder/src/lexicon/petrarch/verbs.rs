//! The PETRARCH-1 verb dictionary (`CAMEO.verbpatterns.150430.txt`, `PETR.Validate.verbs.txt`).
//!
//! ```text
//! &CURRENCY                    a synset: its members follow, one a line
//! +DOLLARS
//! +SWISS_FRANCS
//!
//! --- RESTORE [064] ---        a verb block and its default code
//! RESTORE {RESTORES RESTORED}  the block's verb, irregular forms in braces
//! +REINSTATE                   more verbs of the block
//! KLM_+RST [002]               a multi-word verb ('+' marks the verb word) with its own code
//! - * DIPLOMATIC TIES [064]    patterns: '*' the verb, '$' source, '+' target, '%' compound,
//! - FAILED_TO_* [111]          '^' skip, '_' adjacency, '{A | B}' alternatives, '&SYN' synsets
//! - % * [030:030]              a paired code: the target's event in turn
//! - * PLAN [---]               a null code: the match codes no event
//! ```
//!
//! `#` starts a comment; `<!-- -->` blocks may span lines.

use rustc_hash::FxHashMap;

use super::text::{Line, brackets, lines};
use super::{Problems, brackets_or_report, problem};
use crate::lexicon::WarningKind;

/// An event code of a dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerbCode {
    /// `[---]`: no event.
    Null,
    /// `[064]`, or `[032:033]` with the target's event in turn.
    Event {
        /// The code.
        code: String,
        /// The paired code, if any.
        paired: Option<String>,
    },
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// A literal word (lowercase).
    Word(String),
    /// `*`: the verb.
    Verb,
    /// `$`: the source.
    Source,
    /// `+`: the target.
    Target,
    /// `%`: a compound actor.
    Compound,
    /// `^`: skip a phrase.
    Skip,
    /// `&NAME`: any member of a synset.
    Synset(String),
    /// `{A | B}`: any of the alternatives.
    Alternatives(Vec<Vec<Piece>>),
}

/// An element and whether it is joined to the previous one by `_` (they must be adjacent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The element.
    pub tok: Tok,
    /// Joined to the previous element by `_`.
    pub joined: bool,
}

/// A verb of a block: its words, which one is the verb, its irregular forms and its own code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    /// The words, lowercase ("strike", "down").
    pub words: Vec<String>,
    /// Which word is the verb.
    pub head: usize,
    /// Irregular forms of the verb word ("struck").
    pub forms: Vec<String>,
    /// The code of the verb alone, when not the block's.
    pub code: Option<VerbCode>,
    /// 1-based line.
    pub line: usize,
}

/// A pattern line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternEntry {
    /// The elements.
    pub pieces: Vec<Piece>,
    /// The code.
    pub code: VerbCode,
    /// 1-based line.
    pub line: usize,
    /// The line as written (without its comment).
    pub text: String,
}

/// A verb block.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VerbBlock {
    /// Its name.
    pub name: String,
    /// The default code of its verbs.
    pub code: Option<VerbCode>,
    /// Its verbs.
    pub verbs: Vec<VerbEntry>,
    /// Its patterns.
    pub patterns: Vec<PatternEntry>,
    /// 1-based line of its header.
    pub line: usize,
}

/// A parsed verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    /// Synsets by name (without `&`), each member a sequence of elements.
    pub synsets: FxHashMap<String, Vec<Vec<Piece>>>,
    /// The verb blocks, in file order.
    pub blocks: Vec<VerbBlock>,
}

/// A synset definition line `&NAME`: the synset (created empty in `dict`) whose `+member`
/// lines follow, or `None` (reported) when it has no name.
pub(crate) fn start_synset(
    dict: &mut VerbDictionary,
    name: &str,
    line: &Line<'_>,
    problems: &mut Problems,
) -> Option<String> {
    let name = synset_name(name);
    if name.is_empty() {
        problem(
            problems,
            line,
            line.text,
            WarningKind::BadLine,
            "synset without a name".into(),
        );
        return None;
    }
    dict.synsets.entry(name.clone()).or_default();
    Some(name)
}

/// A synset's name as defined (`&MILITARY_`, `&CURRENCY # comment`): its first word without
/// trailing underscores, uppercase (patterns name it `&MILITARY`).
pub(crate) fn synset_name(s: &str) -> String {
    s.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches('_')
        .to_ascii_uppercase()
}

/// A code group's text (`064`, `032:033`, `---`) as a code; `None` when unreadable.
pub(crate) fn parse_code(s: &str) -> Option<VerbCode> {
    let s = s.trim();
    let null = |c: &str| !c.is_empty() && c.bytes().all(|b| b == b'-');
    let ok =
        |c: &str| !c.is_empty() && c.len() <= 8 && c.bytes().all(|b| b.is_ascii_alphanumeric());
    match s.split_once(':') {
        None if null(s) => Some(VerbCode::Null),
        None if ok(s) => Some(VerbCode::Event {
            code: s.to_string(),
            paired: None,
        }),
        Some((a, b)) => {
            let b = b.trim();
            let paired = if null(b) {
                None
            } else if ok(b) {
                Some(b.to_string())
            } else {
                return None;
            };
            match a.trim() {
                a if null(a) => Some(VerbCode::Null),
                a if ok(a) => Some(VerbCode::Event {
                    code: a.to_string(),
                    paired,
                }),
                _ => None,
            }
        }
        None => None,
    }
}

/// Splits a pattern's text into pieces; `Err` with a message and the offending slice.
pub(crate) fn tokenize(s: &str) -> Result<Vec<Piece>, (String, &str)> {
    let mut out = Vec::new();
    let mut joined = false;
    let mut i = 0;
    let b = s.as_bytes();
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' => {
                joined = false;
                i += 1;
            }
            b'_' => {
                joined = !out.is_empty();
                i += 1;
            }
            b'{' => {
                let Some(close) = s[i..].find('}') else {
                    return Err(("unclosed '{'".into(), &s[i..]));
                };
                let inner = &s[i + 1..i + close];
                let mut alts = Vec::new();
                for alt in inner.split('|') {
                    let pieces = tokenize(alt)?;
                    if pieces
                        .iter()
                        .any(|p| matches!(p.tok, Tok::Verb | Tok::Alternatives(_) | Tok::Source))
                    {
                        return Err(("alternatives may hold only words and synsets".into(), alt));
                    }
                    if !pieces.is_empty() {
                        alts.push(pieces);
                    }
                }
                if alts.is_empty() {
                    return Err(("empty alternatives".into(), &s[i..i + close + 1]));
                }
                out.push(Piece {
                    tok: Tok::Alternatives(alts),
                    joined,
                });
                joined = false;
                i += close + 1;
            }
            b'*' | b'$' | b'+' | b'%' | b'^' => {
                let tok = match c {
                    b'*' => Tok::Verb,
                    b'$' => Tok::Source,
                    b'+' => Tok::Target,
                    b'%' => Tok::Compound,
                    _ => Tok::Skip,
                };
                out.push(Piece { tok, joined });
                joined = false;
                i += 1;
            }
            b'}' | b'|' | b'[' | b']' => {
                return Err((format!("unexpected {:?}", c as char), &s[i..i + 1]));
            }
            _ => {
                let end = s[i..]
                    .find(|ch: char| " \t_{}|*$+%^[]".contains(ch))
                    .map_or(s.len(), |e| i + e);
                let w = &s[i..end];
                let tok = match w.strip_prefix('&') {
                    Some("") => return Err(("'&' without a synset name".into(), w)),
                    Some(name) => Tok::Synset(name.to_ascii_uppercase()),
                    None => Tok::Word(w.to_lowercase()),
                };
                out.push(Piece { tok, joined });
                joined = false;
                i = end;
            }
        }
    }
    Ok(out)
}

/// A verb line's words (`KLM_NOP_+RST`, `+STRIKE_DOWN`): lowercase words and the index of the
/// verb word (the one after a `+` inside the phrase, else the first).
pub(crate) fn verb_words(s: &str) -> Option<(Vec<String>, usize)> {
    let s = s.trim();
    let s = s.strip_prefix('+').map_or(s, |t| {
        // A leading '+' marks a synonym, or the verb word of a multi-word verb: the same then.
        t
    });
    let mut words = Vec::new();
    let mut head = None;
    for part in s.split(['_', ' ', '\t']).filter(|p| !p.is_empty()) {
        let (part, marked) = match part.strip_prefix('+') {
            Some(p) => (p, true),
            None => (part.strip_suffix('+').unwrap_or(part), false),
        };
        if part.is_empty()
            || !part
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '\'' || c == '.')
        {
            return None;
        }
        if marked && head.is_none() {
            head = Some(words.len());
        }
        words.push(part.to_lowercase());
    }
    if words.is_empty() {
        return None;
    }
    Some((words, head.unwrap_or(0)))
}

/// The forms in braces of a verb line (`{BANS BANNED}`, also `(FALLS FELL }`): the verb word of
/// each form, lowercase.
pub(crate) fn irregular_forms(s: &str) -> Vec<String> {
    s.split_whitespace()
        .filter_map(verb_words)
        .map(|(w, h)| w[h].clone())
        .collect()
}

/// A verb line read: its words, the index of the verb word, irregular forms and its code.
pub(crate) type VerbLine = (Vec<String>, usize, Vec<String>, Option<VerbCode>);

/// Reads a verb line: words, forms and code. `Err` with a message and the offending slice.
pub(crate) fn verb_line<'a>(line: &Line<'a>) -> Result<VerbLine, (String, &'a str)> {
    let t = line.text;
    let (head, groups) = brackets(t).map_err(|at| ("unbalanced brackets".to_string(), at))?;
    let code = match groups.as_slice() {
        [] => None,
        [g] => Some(parse_code(g).ok_or_else(|| (format!("bad code [{g}]"), *g))?),
        [_, g, ..] => return Err(("more than one code".into(), *g)),
    };
    // Forms: "{...}" or "(...}" after the words.
    let (words_part, forms) = match head.find(['{', '(']) {
        Some(b) => {
            let inner = &head[b + 1..];
            let inner = inner.trim_end().trim_end_matches(['}', ')']);
            (&head[..b], irregular_forms(inner))
        }
        None => (head, Vec::new()),
    };
    let (words, h) =
        verb_words(words_part).ok_or_else(|| ("unreadable verb".to_string(), words_part.trim()))?;
    Ok((words, h, forms, code))
}

/// Reads a pattern line (after its leading `-`).
pub(crate) fn pattern_line<'a>(
    line: &Line<'a>,
    body: &'a str,
) -> Result<PatternEntry, (String, &'a str)> {
    let (head, groups) = brackets(body).map_err(|at| ("unbalanced brackets".to_string(), at))?;
    let code = match groups.as_slice() {
        [g] => parse_code(g).ok_or_else(|| (format!("bad code [{g}]"), *g))?,
        [] => return Err(("pattern without a code".into(), body)),
        [_, g, ..] => return Err(("more than one code".into(), *g)),
    };
    let pieces = tokenize(head)?;
    if pieces.is_empty() {
        return Err(("empty pattern".into(), body));
    }
    if pieces.iter().filter(|p| p.tok == Tok::Verb).count() > 1 {
        return Err(("more than one '*'".into(), head));
    }
    Ok(PatternEntry {
        pieces,
        code,
        line: line.no,
        text: line.text.to_string(),
    })
}

/// Reads a synset member line (after its `+`).
pub(crate) fn synset_member(body: &str) -> Result<Vec<Piece>, (String, &str)> {
    let pieces = tokenize(body)?;
    if pieces.is_empty()
        || pieces
            .iter()
            .any(|p| !matches!(p.tok, Tok::Word(_) | Tok::Synset(_)))
    {
        return Err(("a synset member holds words and synsets only".into(), body));
    }
    Ok(pieces)
}

/// Parses a PETRARCH-1 verb dictionary; bad lines are skipped and reported in `problems`.
pub fn parse(text: &str, problems: &mut Problems) -> VerbDictionary {
    let mut dict = VerbDictionary::default();
    let mut synset: Option<String> = None;
    // Inside a block: whether its verb lines may still come.
    let mut in_block = false;
    for line in lines(text, false) {
        let t = line.text;
        if let Some(name) = t.strip_prefix('&') {
            if let Some(name) = start_synset(&mut dict, name, &line, problems) {
                synset = Some(name);
            }
            continue;
        }
        if t.starts_with("---") {
            synset = None;
            let inner = t.trim_matches('-').trim();
            let Some((name, groups)) =
                brackets_or_report(inner, &line, problems, " in a block header")
            else {
                in_block = false;
                continue;
            };
            let code = match groups.first() {
                Some(g) => match parse_code(g) {
                    Some(c) => Some(c),
                    None => {
                        problem(
                            problems,
                            &line,
                            g,
                            WarningKind::BadLine,
                            format!(
                                "bad code [{g}] of a verb block: its verbs have no default code"
                            ),
                        );
                        None
                    }
                },
                None => None,
            };
            dict.blocks.push(VerbBlock {
                name: name.trim().to_string(),
                code,
                line: line.no,
                ..VerbBlock::default()
            });
            in_block = true;
            continue;
        }
        if let Some(body) = t.strip_prefix('-') {
            synset = None;
            let Some(block) = dict.blocks.last_mut().filter(|_| in_block) else {
                problem(
                    problems,
                    &line,
                    t,
                    WarningKind::BadLine,
                    "a pattern outside a verb block".into(),
                );
                continue;
            };
            match pattern_line(&line, body) {
                Ok(p) => block.patterns.push(p),
                Err((m, at)) => problem(problems, &line, at, WarningKind::BadLine, m),
            }
            continue;
        }
        if let Some(name) = &synset {
            if let Some(body) = t.strip_prefix('+') {
                match synset_member(body) {
                    Ok(m) => dict.synsets.entry(name.clone()).or_default().push(m),
                    Err((m, at)) => problem(problems, &line, at, WarningKind::BadLine, m),
                }
                continue;
            }
            synset = None;
        }
        // A verb line of the current block.
        let Some(block) = dict.blocks.last_mut().filter(|_| in_block) else {
            problem(
                problems,
                &line,
                t,
                WarningKind::BadLine,
                "a line outside a verb block that is not a synset".into(),
            );
            continue;
        };
        if !block.patterns.is_empty() {
            problem(
                problems,
                &line,
                t,
                WarningKind::BadLine,
                "a verb after the block's patterns".into(),
            );
            continue;
        }
        match verb_line(&line) {
            Ok((words, head, forms, code)) => block.verbs.push(VerbEntry {
                words,
                head,
                forms,
                code,
                line: line.no,
            }),
            Err((m, at)) => problem(problems, &line, at, WarningKind::BadLine, m),
        }
    }
    dict
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(parse_code("---"), Some(VerbCode::Null));
        assert_eq!(
            parse_code("032:033"),
            Some(VerbCode::Event {
                code: "032".into(),
                paired: Some("033".into())
            })
        );
        assert_eq!(parse_code("0 4"), None);
        assert_eq!(parse_code(""), None);
    }

    #[test]
    fn pieces() {
        let p = tokenize("FAILED_TO_* {NEW | FRESH_&AID} +").unwrap();
        assert_eq!(p.len(), 5);
        assert_eq!(
            p[1],
            Piece {
                tok: Tok::Word("to".into()),
                joined: true
            }
        );
        assert_eq!(
            p[2],
            Piece {
                tok: Tok::Verb,
                joined: true
            }
        );
        assert!(matches!(&p[3].tok, Tok::Alternatives(a) if a.len() == 2));
        assert_eq!(p[4].tok, Tok::Target);
        assert!(tokenize("{A").is_err());
        assert!(tokenize("A }").is_err());
        assert_eq!(
            verb_words("KLM_NOP_+RST"),
            Some((vec!["klm".into(), "nop".into(), "rst".into()], 2))
        );
        assert_eq!(
            verb_words("+STRIKE_DOWN"),
            Some((vec!["strike".into(), "down".into()], 0))
        );
    }

    #[test]
    fn blocks_synsets_and_bad_lines() {
        let text = "&FRUIT_\n+APPLE\n+GREEN_PEAR\n\n--- PLANT [043] ---\nPLANT {PLANTS PLANTED}\n+SOW\nKLM_+DIG [002]\n- * &FRUIT TREE [044]\n- * [bad\n- FAILED_TO_* [---]\n- % * [030:031]\nstray\n";
        let mut problems = Vec::new();
        let d = parse(text, &mut problems);
        assert_eq!(d.synsets["FRUIT"].len(), 2);
        let b = &d.blocks[0];
        assert_eq!(b.code, parse_code("043"));
        assert_eq!(b.verbs.len(), 3);
        assert_eq!(b.verbs[0].forms, ["plants", "planted"]);
        assert_eq!(b.verbs[2].head, 1);
        assert_eq!(b.patterns.len(), 3);
        assert_eq!(b.patterns[1].code, VerbCode::Null);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            (problems[0].position.line, problems[0].position.column),
            (10, 5)
        );
        assert_eq!(problems[1].position.line, 13);
    }
}
