//! Byte offsets to string indices, in one forward pass for spans that come in order.

use eventcoder::Span;

/// Converts byte offsets of one text to code-point offsets. Fast for increasing offsets; falls
/// back to counting from the start when asked for an earlier one.
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
    ascii: bool,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
            ascii: text.is_ascii(),
        }
    }

    /// The code-point offset of byte offset `b` (which must be a char boundary).
    pub fn char_at(&mut self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }

    pub fn span(&mut self, s: Span) -> (usize, usize) {
        let a = self.char_at(s.start);
        (a, self.char_at(s.end))
    }
}
