//! The TABARI `.verbs` layout, older than PETRARCH-1's: each verb line starts its own block.
//!
//! ```text
//! <SYNSETS>                    synsets, as in the PETRARCH-1 format
//! &TIES
//! +DIPLOMATIC_TIES
//! </SYNSETS>
//! RESTORE {RESTORED} [064]     a verb, its irregular forms and its code
//! - * &TIES [064]              its patterns ('*' the verb, or the verb first when absent)
//! - * PLAN [---]
//! <TIME>                       sections the model has no use for (<TIME>, <NOUN>,
//! ...                          <ADJECTIVE>, any other): skipped, warned about once each
//! </TIME>
//! ```

use super::text::lines;
use super::verbs::{
    VerbBlock, VerbDictionary, VerbEntry, pattern_line, start_synset, synset_member, verb_line,
};
use super::{Problems, problem};
use crate::lexicon::WarningKind;

/// Parses a TABARI `.verbs` dictionary; bad lines are skipped and reported in `problems`, and
/// each section the model does not use is reported once.
pub fn parse(text: &str, problems: &mut Problems) -> VerbDictionary {
    let mut dict = VerbDictionary::default();
    let mut synset: Option<String> = None;
    // The section being read: None for verbs, Some(name) for another one.
    let mut section: Option<String> = None;
    let mut warned: Vec<String> = Vec::new();
    for line in lines(text, false) {
        let t = line.text;
        if let Some(tag) = t.strip_prefix('<') {
            let tag = tag.trim_end_matches('>').trim();
            if let Some(end) = tag.strip_prefix('/') {
                if section.as_deref() == Some(&end.trim().to_ascii_uppercase()) {
                    section = None;
                }
                synset = None;
                continue;
            }
            let name = tag
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            synset = None;
            section = match name.as_str() {
                "SYNSETS" | "VERBS" => None,
                _ => {
                    if !warned.contains(&name) {
                        problem(
                            problems,
                            &line,
                            t,
                            WarningKind::UnusedSection,
                            format!("section <{name}> is not used by eventcoder: skipped"),
                        );
                        warned.push(name.clone());
                    }
                    Some(name)
                }
            };
            continue;
        }
        if section.is_some() {
            continue;
        }
        if let Some(name) = t.strip_prefix('&') {
            if let Some(name) = start_synset(&mut dict, name, &line, problems) {
                synset = Some(name);
            }
            continue;
        }
        if let Some(body) = t.strip_prefix('+') {
            match &synset {
                Some(name) => match synset_member(body) {
                    Ok(m) => dict.synsets.entry(name.clone()).or_default().push(m),
                    Err((m, at)) => problem(problems, &line, at, WarningKind::BadLine, m),
                },
                None => problem(
                    problems,
                    &line,
                    t,
                    WarningKind::BadLine,
                    "a '+' line outside a synset".into(),
                ),
            }
            continue;
        }
        synset = None;
        if let Some(body) = t.strip_prefix('-') {
            let Some(block) = dict.blocks.last_mut() else {
                problem(
                    problems,
                    &line,
                    t,
                    WarningKind::BadLine,
                    "a pattern before any verb".into(),
                );
                continue;
            };
            match pattern_line(&line, body) {
                Ok(p) => block.patterns.push(p),
                Err((m, at)) => problem(problems, &line, at, WarningKind::BadLine, m),
            }
            continue;
        }
        match verb_line(&line) {
            Ok((words, head, forms, code)) => dict.blocks.push(VerbBlock {
                name: words.join("_").to_ascii_uppercase(),
                code: code.clone(),
                verbs: vec![VerbEntry {
                    words,
                    head,
                    forms,
                    code: None,
                    line: line.no,
                }],
                patterns: Vec::new(),
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
    use crate::lexicon::petrarch::verbs::parse_code;

    #[test]
    fn verbs_sections_and_synsets() {
        let text = "<SYNSETS>\n&TIES\n+TRADE_LINKS\n</SYNSETS>\nMEND {MENDED} [064]\n- * &TIES [064]\n<TIME>\nYESTERDAY\n</TIME>\n<NOUN>\nX\n</NOUN>\n<TIME>\n</TIME>\nSCOLD [111]\n- * [\n";
        let mut problems = Vec::new();
        let d = parse(text, &mut problems);
        assert_eq!(d.synsets["TIES"].len(), 1);
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.blocks[0].code, parse_code("064"));
        assert_eq!(d.blocks[0].patterns.len(), 1);
        assert_eq!(d.blocks[1].verbs[0].words, ["scold"]);
        let kinds: Vec<WarningKind> = problems.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                WarningKind::UnusedSection,
                WarningKind::UnusedSection,
                WarningKind::BadLine
            ]
        );
    }
}
