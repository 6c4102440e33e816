//! Lines of a PETRARCH or TABARI dictionary with their comments removed, and positions of their
//! parts.

use crate::error::Position;

/// One line of a dictionary with its comments removed: never blank.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// Byte offset of the raw line in the file.
    pub start: usize,
    /// The raw line (without its line break).
    pub raw: &'a str,
    /// What is left once comments are removed, trimmed: a slice of `raw`.
    pub text: &'a str,
}

impl Line<'_> {
    /// The position of `part`, a slice of this line (else the line's start).
    pub fn pos(&self, part: &str) -> Position {
        let base = self.raw.as_ptr() as usize;
        let at = (part.as_ptr() as usize)
            .checked_sub(base)
            .filter(|&d| d <= self.raw.len())
            .unwrap_or(0);
        let at = (0..=at)
            .rev()
            .find(|&i| self.raw.is_char_boundary(i))
            .unwrap_or(0);
        Position {
            line: self.no,
            column: self.raw[..at].chars().count() + 1,
            offset: self.start + at,
        }
    }
}

/// Where `#` (and `;` when `semicolon`) starts a comment outside brackets: the text before it.
fn strip_comment(s: &str, semicolon: bool) -> &str {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' if depth == 0 => return &s[..i],
            ';' if semicolon && depth == 0 => return &s[..i],
            _ => {}
        }
    }
    s
}

/// The non-blank lines of `text` with `<!-- ... -->` blocks (over several lines too) and `#`
/// comments (and `;` comments when `semicolon`) removed.
pub(crate) fn lines(text: &str, semicolon: bool) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut in_block = false;
    let mut offset = 0;
    for (i, chunk) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += chunk.len();
        let raw = chunk.strip_suffix('\n').unwrap_or(chunk);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let mut rest = raw;
        if in_block {
            match rest.find("-->") {
                Some(e) => {
                    in_block = false;
                    rest = &rest[e + 3..];
                }
                None => continue,
            }
        }
        // A block opened on this line: keep the text before it, or after it when it closes
        // on the line and nothing stands before it.
        while let Some(b) = rest.find("<!--") {
            let before = &rest[..b];
            match rest[b + 4..].find("-->") {
                Some(e) if before.trim().is_empty() => rest = &rest[b + 4 + e + 3..],
                Some(_) => {
                    rest = before;
                    break;
                }
                None => {
                    in_block = true;
                    rest = before;
                    break;
                }
            }
        }
        let text = strip_comment(rest, semicolon).trim();
        if !text.is_empty() {
            out.push(Line {
                no: i + 1,
                start,
                raw,
                text,
            });
        }
    }
    out
}

/// The bracketed groups of `s` (`[CODE]`, `[~GOV]`): each group's inner text (a slice of `s`),
/// and the text before the first group. `Err` with the offending slice when a bracket is not
/// closed or a closing one has no opening.
pub(crate) fn brackets(s: &str) -> Result<(&str, Vec<&str>), &str> {
    let mut groups = Vec::new();
    let head_end = s.find(['[', ']']).unwrap_or(s.len());
    let mut rest = &s[head_end..];
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let Some(inner) = rest.strip_prefix('[') else {
            return Err(rest);
        };
        let Some(close) = inner.find(']') else {
            return Err(rest);
        };
        if inner[..close].contains('[') {
            return Err(rest);
        }
        groups.push(&inner[..close]);
        rest = &inner[close + 1..];
    }
    Ok((&s[..head_end], groups))
}

/// A dictionary phrase as text to match: `_` is a space, runs of spaces are one, and letters
/// are lowercased (the dictionaries are written in capitals).
pub(crate) fn phrase_text(s: &str) -> String {
    s.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blocks() {
        let t = "<!-- a\nb -->\nX [A] # c\n# only\nY ; z\n<!-- q --> Z\nW <!-- w";
        let l = lines(t, true);
        let got: Vec<(usize, &str)> = l.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(got, [(3, "X [A]"), (5, "Y"), (6, "Z"), (7, "W")]);
        assert_eq!(l[0].pos(&l[0].text[2..]).column, 3);
        let l = lines("[###] x # y", false);
        assert_eq!(l[0].text, "[###] x");
    }

    #[test]
    fn bracket_groups() {
        assert_eq!(
            brackets("A B [X] [Y 1-2]"),
            Ok(("A B ", vec!["X", "Y 1-2"]))
        );
        assert!(brackets("A [X").is_err());
        assert!(brackets("A ]").is_err());
        assert!(brackets("A [X] b").is_err());
        assert_eq!(phrase_text("NEW__ZEALAND_ "), "new zealand");
    }
}
