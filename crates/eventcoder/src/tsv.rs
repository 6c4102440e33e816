//! The reader of eventcoder's TSV dictionary format (see the `lexicon` module docs).

use crate::error::{Error, Position, Result};

/// One data row: its fields and where it came from.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// 1-based line number in the source.
    pub line: usize,
    /// The fields, trimmed, in header order.
    pub fields: Vec<&'a str>,
    /// The whole line (without its line break); every field is a slice of it.
    pub raw: &'a str,
    /// The 0-based byte offset of the line in the source.
    pub offset: usize,
}

impl<'a> Row<'a> {
    /// Field `i`; empty if the row is short (cannot happen for rows from [`read`]).
    pub fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }
    /// The 1-based column (in characters) where field `i` starts, after its padding.
    pub fn column(&self, i: usize) -> usize {
        match self.fields.get(i) {
            Some(f) => self.column_of(f),
            None => self.raw.chars().count() + 1,
        }
    }
    /// The 1-based column (in characters) where `part`, a slice of this row's line (a field, a
    /// list item of [`Row::list`], a word of a field), starts; 1 for a string from elsewhere.
    pub fn column_of(&self, part: &str) -> usize {
        let start = self.raw.as_ptr() as usize;
        match (part.as_ptr() as usize).checked_sub(start) {
            Some(at) if at <= self.raw.len() && self.raw.is_char_boundary(at) => {
                self.raw[..at].chars().count() + 1
            }
            _ => 1,
        }
    }
    /// The position of `part` (as for [`Row::column_of`]) in the source.
    pub fn position_of(&self, part: &str) -> Position {
        let column = self.column_of(part);
        let in_line: usize = self.raw.chars().take(column - 1).map(char::len_utf8).sum();
        Position {
            line: self.line,
            column,
            offset: self.offset + in_line,
        }
    }
    /// Field `i` split on `;`, trimmed, empties dropped.
    pub fn list(&self, i: usize) -> impl Iterator<Item = &'a str> + 'a {
        split_list(self.get(i))
    }
}

/// Splits a `;`-separated list.
pub fn split_list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// An error in a table file at a line and column.
pub fn error_at(source_name: &str, line: usize, column: usize, message: String) -> Error {
    Error::Dictionary {
        source_name: source_name.to_string(),
        position: Position {
            line,
            column,
            offset: 0,
        },
        message,
    }
}

/// A parsed table: checks the header against `expected` and returns the rows.
///
/// Errors carry `source_name` and the line and column of the fault.
pub fn read<'a>(source_name: &str, text: &'a str, expected: &[&str]) -> Result<Vec<Row<'a>>> {
    let err =
        |line: usize, column: usize, message: String| error_at(source_name, line, column, message);
    let mut rows = Vec::new();
    let mut header_seen = false;
    let mut offset = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let line_no = i + 1;
        let line_offset = offset;
        offset += raw.len();
        let raw = raw.strip_suffix('\n').unwrap_or(raw);
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if !header_seen {
            header_seen = true;
            if fields != expected {
                // The column of the first field that differs.
                let wrong = fields
                    .iter()
                    .zip(expected)
                    .take_while(|(f, e)| f == e)
                    .count();
                let column = 1 + line
                    .split('\t')
                    .take(wrong)
                    .map(|f| f.chars().count() + 1)
                    .sum::<usize>();
                return Err(err(
                    line_no,
                    column,
                    format!(
                        "header must be {:?}, found {:?}",
                        expected.join("\\t"),
                        fields.join("\\t")
                    ),
                ));
            }
            continue;
        }
        if fields.len() != expected.len() {
            let column = if fields.len() > expected.len() {
                line.split('\t')
                    .take(expected.len())
                    .map(|f| f.chars().count() + 1)
                    .sum::<usize>()
                    + 1
            } else {
                line.chars().count() + 1
            };
            return Err(err(
                line_no,
                column,
                format!(
                    "expected {} tab-separated fields, found {}",
                    expected.len(),
                    fields.len()
                ),
            ));
        }
        rows.push(Row {
            line: line_no,
            fields,
            raw: line,
            offset: line_offset,
        });
    }
    if !header_seen {
        return Err(err(
            1,
            1,
            format!("missing header {:?}", expected.join("\\t")),
        ));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_reports_positions() {
        let text = "# c\na\tb\n1\t2;3\n\n4\t5\n";
        let rows = read("t", text, &["a", "b"]).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].list(1).collect::<Vec<_>>(), ["2", "3"]);
        let e = read("t", "a\tb\n1\t2\t3\n", &["a", "b"]).unwrap_err();
        assert!(e.to_string().starts_with("t:2:5"), "{e}");
        assert!(read("t", "x\ty\n", &["a", "b"]).is_err());
        assert!(read("t", "# only\n", &["a"]).is_err());
    }
}
