//! Stage 0 (optional): HTML input. Raw HTML becomes the visible text the coder reads, with a
//! map from every byte of that text back to the bytes of the HTML it came from, so that coded
//! spans can point at the original markup.
//!
//! ```
//! use eventcoder::Span;
//! use eventcoder::html::HtmlText;
//!
//! let html = "<p>Russia&#8217;s foreign ministry <b>said</b> it&nbsp;would respond.</p>\
//!             <script>Russia attacked Ukraine</script>";
//! let h = HtmlText::from_html(html);
//! assert_eq!(h.text, "Russia\u{2019}s foreign ministry said it would respond.");
//! // "Russia’s" in the text is "Russia&#8217;s" in the HTML.
//! let span = h.original_span(Span::new(0, "Russia\u{2019}s".len()));
//! assert_eq!(span.slice(html), "Russia&#8217;s");
//! ```
//!
//! # What counts as visible text
//!
//! * Tags, comments, doctypes and processing instructions are dropped.
//! * The content of `<script>`, `<style>`, `<noscript>`, `<template>`, `<textarea>`, `<iframe>`,
//!   `<noembed>`, `<noframes>`, `<xmp>`, `<plaintext>`, `<svg>`, `<math>` and of the whole
//!   `<head>` is dropped. **`<title>` is dropped too** (it is in the head): a page title
//!   usually repeats the headline, which news pages also print in the body as `<h1>`, and
//!   carries the site name ("… | Example News"), which would only be coded as noise. The head
//!   ends at `</head>`, at `<body>` or at the first start tag that cannot be in a head, as in
//!   a browser.
//! * Block elements (`p`, `div`, `h1`–`h6`, `li`, `tr`, `td`, `th`, `article`, `section`,
//!   `header`, `footer`, `blockquote`, `pre`, `table`, …) become paragraph breaks (`"\n\n"`),
//!   `<br>` a line break (`"\n"`), so the sentence splitter sees the page's paragraphs; a
//!   headline in `<h1>` is not run into the first sentence. Breaks never start or end the
//!   text and never pile up: the strongest break between two pieces of text wins.
//! * Outside `<pre>`, every run of whitespace (ASCII whitespace and no-break spaces, written
//!   or as entities like `&nbsp;`) becomes one space; no space starts or ends the text or
//!   touches a break. Inside `<pre>` whitespace is kept (CR LF and CR become LF).
//! * Character references are decoded as the WHATWG tokenizer does in text: named ones
//!   (`&amp;`, `&rsquo;`, and the legacy ones without a semicolon like `&amp`, longest match
//!   first), decimal (`&#8217;`) and hexadecimal (`&#x2019;`), with the spec's corrections (0,
//!   surrogates and values past U+10FFFF give U+FFFD, 0x80–0x9F are read as Windows-1252).
//!   Anything else after `&` stays as written. NUL characters and `</>` are dropped.
//!
//! # The offset map
//!
//! Every byte of [`HtmlText::text`] maps to a byte range of the HTML: a character copied from
//! the HTML maps to itself, a decoded character to its whole reference (`&#8217;`), a space
//! standing for a whitespace run to the run's first character, and a break to the tags that
//! made it (from the first to the last, with whatever lies between). [`HtmlText::original_span`] maps a span of the text to the HTML span from the source of
//! its first character to the end of the source of its last one; such spans always lie on
//! character boundaries of the HTML, and the map is monotonic.
//!
//! # Why html5gum
//!
//! The markup is tokenized by [`html5gum`], a WHATWG-compliant HTML5 tokenizer that reports the
//! byte span of every token (`DefaultEmitter::new_with_span`), never panics on malformed input
//! (it is fuzzed against html5ever's tokenizer) and is linear time, with no tree builder to pay
//! for. Its spans give the exact source of each tag and of each run of text, which is what the
//! offset map needs; the other candidates do not: `lol_html` is a streaming rewriter whose text
//! chunks carry no source offsets and whose character references are not decoded, `tl` keeps
//! no offsets for text and decodes no references, and html5ever's tokenizer reports lines, not
//! byte offsets. html5gum switches to the raw-text states after `<script>`, `<style>` and the
//! like (`naively_switch_states`), so a `</p>` inside a script does not end it. The references
//! inside each run of text are decoded here, from the run's source bytes, so that each decoded
//! character knows its reference's bytes; the table of named references is the WHATWG's, from
//! [`htmlize::ENTITIES`]. Tests check that this decoding agrees with html5gum's own.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::article::Span;

/// Elements whose content is not visible text.
const HIDDEN: [&[u8]; 13] = [
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"textarea",
    b"iframe",
    b"noembed",
    b"noframes",
    b"xmp",
    b"plaintext",
    b"svg",
    b"math",
    b"title",
];

/// Elements that may stand in a `<head>`: any other start tag ends the head.
const HEAD_ELEMENTS: [&[u8]; 11] = [
    b"head",
    b"html",
    b"title",
    b"meta",
    b"link",
    b"base",
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"object",
];

/// Elements whose start and end tags become a paragraph break.
const BLOCKS: [&[u8]; 43] = [
    b"p",
    b"div",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"li",
    b"ul",
    b"ol",
    b"dl",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"table",
    b"thead",
    b"tbody",
    b"tfoot",
    b"caption",
    b"article",
    b"section",
    b"header",
    b"footer",
    b"main",
    b"nav",
    b"aside",
    b"blockquote",
    b"pre",
    b"figure",
    b"figcaption",
    b"address",
    b"hr",
    b"form",
    b"fieldset",
    b"legend",
    b"details",
    b"summary",
    b"body",
    b"center",
    b"hgroup",
];

/// One stretch of the map: the text bytes from `out` up to the next piece's `out` come from
/// the HTML bytes `src..src_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// First text byte.
    out: usize,
    /// First HTML byte.
    src: usize,
    /// One past the last HTML byte.
    src_end: usize,
    /// Whether the text bytes are a copy of the HTML bytes (byte `out + k` is HTML byte
    /// `src + k`); else every text byte of the piece maps to all of `src..src_end`.
    copy: bool,
}

/// The visible text of an HTML document and the map back to the HTML's bytes. See the
/// [module docs](self).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlText {
    /// The visible text: tags and hidden elements dropped, breaks for block elements,
    /// whitespace collapsed, character references decoded.
    pub text: String,
    /// The map, in text order (and so in HTML order).
    pieces: Vec<Piece>,
}

impl HtmlText {
    /// Extracts the visible text of `html`. Accepts any string: malformed markup, stray `<` and
    /// `&`, unclosed tags and binary junk are read as a browser would, never a panic; time and
    /// memory are linear in the length of `html`.
    pub fn from_html(html: &str) -> HtmlText {
        let mut b = Builder::new(html);
        b.run();
        b.out
    }

    /// The HTML span of a span of [`text`](Self::text): from the source of its first character
    /// to the end of the source of its last one. An empty span maps to an empty span where the
    /// source of the next character starts (the end of the last source at the end of the text).
    /// Parts of `span` past the end of the text are clamped.
    ///
    /// ```
    /// use eventcoder::{html::HtmlText, Span};
    /// let html = "<h1>Bosnia &amp; Herzegovina</h1><p>Talks resumed.</p>";
    /// let h = HtmlText::from_html(html);
    /// assert_eq!(h.text, "Bosnia & Herzegovina\n\nTalks resumed.");
    /// assert_eq!(h.original_span(Span::new(7, 8)).slice(html), "&amp;");
    /// assert_eq!(h.original_span(Span::new(0, 20)).slice(html), "Bosnia &amp; Herzegovina");
    /// // The break maps to the tags that made it.
    /// assert_eq!(h.original_span(Span::new(20, 22)).slice(html), "</h1><p>");
    /// ```
    pub fn original_span(&self, span: Span) -> Span {
        let end = span.end.min(self.text.len());
        let start = span.start.min(end);
        if start == end {
            let at = self.original_offset(start);
            return Span::new(at, at);
        }
        let first = self.piece_of(start);
        let last = self.piece_of(end - 1);
        let from = if first.copy {
            first.src + (start - first.out)
        } else {
            first.src
        };
        let to = if last.copy {
            last.src + (end - last.out)
        } else {
            last.src_end
        };
        Span::new(from, to.max(from))
    }

    /// The HTML offset of a text offset: where the source of the character at `offset` starts
    /// (the end of the last character's source for the end of the text).
    pub fn original_offset(&self, offset: usize) -> usize {
        if offset >= self.text.len() {
            return self.pieces.last().map_or(0, |p| p.src_end);
        }
        let p = self.piece_of(offset);
        if p.copy {
            p.src + (offset - p.out)
        } else {
            p.src
        }
    }

    /// The piece holding text byte `offset` (which must be within the text).
    fn piece_of(&self, offset: usize) -> Piece {
        let i = self.pieces.partition_point(|p| p.out <= offset);
        self.pieces[i.saturating_sub(1)]
    }
}

/// What comes before the next visible character, if any follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    None,
    /// A run of whitespace, the source of its first character.
    Space(usize, usize),
    /// A break of this many newlines, made by the tags from the first to the last source.
    Break(u8, usize, usize),
}

struct Builder<'h> {
    html: &'h str,
    out: HtmlText,
    pending: Pending,
    /// How many of each [`HIDDEN`] element are open.
    hidden: [u32; HIDDEN.len()],
    in_head: bool,
    /// How many `<pre>` are open.
    pre: u32,
    /// The end of the HTML read so far: sources never go back before it.
    pos: usize,
    /// How many runs of text kept html5gum's decoding (tests check there are none).
    fallbacks: usize,
}

impl<'h> Builder<'h> {
    fn new(html: &'h str) -> Self {
        Builder {
            html,
            out: HtmlText::default(),
            pending: Pending::None,
            hidden: [0; HIDDEN.len()],
            in_head: false,
            pre: 0,
            pos: 0,
            fallbacks: 0,
        }
    }

    fn run(&mut self) {
        let mut emitter = DefaultEmitter::<usize>::new_with_span();
        emitter.naively_switch_states(true);
        for token in Tokenizer::new_with_emitter(self.html, emitter) {
            let Ok(token) = token;
            match token {
                Token::StartTag(t) => self.tag(&t.name, true, t.span.start, t.span.end),
                Token::EndTag(t) => self.tag(&t.name, false, t.span.start, t.span.end),
                Token::String(s) => self.string(&s.value, s.span.start, s.span.end),
                Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
            }
        }
    }

    fn tag(&mut self, name: &[u8], start: bool, from: usize, to: usize) {
        let (from, to) = self.source(from, to);
        if let Some(i) = HIDDEN.iter().position(|&h| h == name) {
            if start {
                self.hidden[i] = self.hidden[i].saturating_add(1);
            } else {
                self.hidden[i] = self.hidden[i].saturating_sub(1);
            }
            return;
        }
        match (name, start) {
            (b"head", true) => self.in_head = true,
            (b"head", false) | (b"body", true) => self.in_head = false,
            (_, true) if self.in_head && !HEAD_ELEMENTS.contains(&name) => self.in_head = false,
            _ => {}
        }
        if name == b"pre" {
            self.pre = if start {
                self.pre.saturating_add(1)
            } else {
                self.pre.saturating_sub(1)
            };
        }
        if name == b"br" {
            self.brk(1, from, to);
        } else if BLOCKS.contains(&name) {
            self.brk(2, from, to);
        }
    }

    /// Asks for a break of `n` newlines before the next visible character.
    fn brk(&mut self, n: u8, from: usize, to: usize) {
        if self.hidden() {
            return;
        }
        self.pending = match self.pending {
            Pending::Break(m, a, _) => Pending::Break(m.max(n), a, to),
            _ => Pending::Break(n, from, to),
        };
    }

    fn hidden(&self) -> bool {
        self.in_head || self.hidden.iter().any(|&n| n > 0)
    }

    /// The source `from..to` as a span of the HTML on character boundaries, not before what
    /// was read already.
    fn source(&mut self, from: usize, to: usize) -> (usize, usize) {
        let html = self.html;
        let mut from = from.clamp(self.pos, html.len());
        while !html.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = to.clamp(from, html.len());
        while !html.is_char_boundary(to) {
            to += 1;
        }
        self.pos = self.pos.max(from);
        (from, to)
    }

    /// A run of text that html5gum read from `from..to` as `value`.
    fn string(&mut self, value: &[u8], from: usize, to: usize) {
        let (from, to) = self.source(from, to);
        if self.hidden() {
            return;
        }
        let src = &self.html[from..to];
        // The run's source decoded here, each character with its source, should be what
        // html5gum decoded; if it is not (a span html5gum reported differently), html5gum's
        // text is kept and every character of it maps to the whole run.
        let mut check = String::with_capacity(src.len());
        decode(src, from, |c, _, _| check.push(c));
        if same_text(check.as_bytes(), value) {
            drop(check);
            decode(src, from, |c, a, b| self.char(c, a, b));
        } else {
            self.fallbacks += 1;
            for c in String::from_utf8_lossy(value).chars() {
                if c != '\0' {
                    self.char(c, from, to);
                }
            }
        }
        self.pos = self.pos.max(to);
    }

    /// One decoded character from `from..to`.
    fn char(&mut self, c: char, from: usize, to: usize) {
        let space = matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C' | '\u{a0}');
        if space && self.pre == 0 {
            if self.pending == Pending::None && !self.out.text.is_empty() {
                self.pending = Pending::Space(from, to);
            }
            return;
        }
        match std::mem::replace(&mut self.pending, Pending::None) {
            Pending::None => {}
            _ if self.out.text.is_empty() => {}
            Pending::Space(a, b) => self.push(" ", a, b),
            Pending::Break(n, a, b) => self.push(if n == 1 { "\n" } else { "\n\n" }, a, b),
        }
        let mut buf = [0u8; 4];
        self.push(c.encode_utf8(&mut buf), from, to);
    }

    /// Appends `s`, which comes from `from..to`.
    fn push(&mut self, s: &str, from: usize, to: usize) {
        let out = self.out.text.len();
        let copy = self.html.get(from..to) == Some(s);
        self.out.text.push_str(s);
        if let Some(last) = self.out.pieces.last_mut() {
            if copy && last.copy && last.src_end == from {
                last.src_end = to;
                return;
            }
        }
        self.out.pieces.push(Piece {
            out,
            src: from,
            src_end: to,
            copy,
        });
    }
}

/// Whether our decoding of a run equals html5gum's, which keeps NUL and may keep CR.
fn same_text(ours: &[u8], theirs: &[u8]) -> bool {
    let mut theirs = theirs.iter().copied().filter(|&b| b != 0).peekable();
    let mut ours = ours.iter().copied();
    loop {
        match (ours.next(), theirs.next()) {
            (None, None) => return true,
            (Some(b'\n'), Some(b'\r')) => {
                if theirs.peek() == Some(&b'\n') {
                    theirs.next();
                }
            }
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// Decodes the text `src`, which starts at HTML byte `base`: each character with its source.
fn decode(src: &str, base: usize, mut emit: impl FnMut(char, usize, usize)) {
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'&' => {
                if let Some((len, decoded)) = reference(&bytes[i..]) {
                    for c in decoded.chars() {
                        emit(c, base + i, base + i + len);
                    }
                    i += len;
                } else {
                    emit('&', base + i, base + i + 1);
                    i += 1;
                }
            }
            b'\r' => {
                let len = if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                emit('\n', base + i, base + i + len);
                i += len;
            }
            0 => i += 1,
            // An end tag without a name is dropped by the tokenizer, inside a run of text.
            b'<' if bytes[i..].starts_with(b"</>") => i += 3,
            _ => {
                let c = src[i..].chars().next().expect("on a character boundary");
                emit(c, base + i, base + i + c.len_utf8());
                i += c.len_utf8();
            }
        }
    }
}

/// The character reference at the start of `s` (which starts with `&`): its length in bytes
/// and what it stands for.
fn reference(s: &[u8]) -> Option<(usize, std::borrow::Cow<'static, str>)> {
    if s.get(1) == Some(&b'#') {
        return numeric(s).map(|(len, c)| (len, c.to_string().into()));
    }
    // Named: the longest prefix that is a name in the table (legacy names need no ';').
    let name = s[1..]
        .iter()
        .take(htmlize::ENTITY_MAX_LENGTH)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let mut end = 1 + name;
    if s.get(end) == Some(&b';') {
        end += 1;
    }
    let end = end.min(htmlize::ENTITY_MAX_LENGTH);
    (2..=end).rev().find_map(|k| {
        let v = htmlize::ENTITIES.get(&s[..k])?;
        let v = std::str::from_utf8(v).ok()?;
        Some((k, v.into()))
    })
}

/// A numeric reference `&#123;` or `&#x7B;` (the `;` is optional) at the start of `s`.
fn numeric(s: &[u8]) -> Option<(usize, char)> {
    let hex = matches!(s.get(2), Some(b'x' | b'X'));
    let digits_at = if hex { 3 } else { 2 };
    let radix = if hex { 16 } else { 10 };
    let mut value: u32 = 0;
    let mut len = digits_at;
    while let Some(d) = s.get(len).and_then(|&b| (b as char).to_digit(radix)) {
        value = value.saturating_mul(radix).saturating_add(d);
        len += 1;
    }
    if len == digits_at {
        return None;
    }
    if s.get(len) == Some(&b';') {
        len += 1;
    }
    Some((len, numeric_char(value)))
}

/// The character a numeric reference stands for, with the WHATWG corrections.
fn numeric_char(value: u32) -> char {
    if value == 0 {
        return '\u{fffd}';
    }
    if (0x80..=0x9f).contains(&value) {
        // The C1 controls read as Windows-1252; the five unassigned ones stay.
        const WINDOWS_1252: [u16; 32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
            0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
            0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ];
        let mapped = u32::from(WINDOWS_1252[(value - 0x80) as usize]);
        return char::from_u32(mapped).unwrap_or('\u{fffd}');
    }
    char::from_u32(value).unwrap_or('\u{fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        HtmlText::from_html(html).text
    }

    #[test]
    fn references() {
        assert_eq!(text("a &amp; b"), "a & b");
        assert_eq!(text("a &amp b"), "a & b");
        assert_eq!(
            text("x&rsquo;s &#8217; &#x2019; &#X2019"),
            "x\u{2019}s \u{2019} \u{2019} \u{2019}"
        );
        assert_eq!(
            text("&notit; &bogus; & &# &#x; &#;"),
            "\u{ac}it; &bogus; & &# &#x; &#;"
        );
        assert_eq!(
            text("&#0; &#x110000; &#xD800; &#150;"),
            "\u{fffd} \u{fffd} \u{fffd} \u{2013}"
        );
        assert_eq!(text("&#99999999999999999999;"), "\u{fffd}");
    }

    #[test]
    fn blocks_and_whitespace() {
        assert_eq!(
            text(
                "<html><head><title>T | Site</title><style>p{}</style></head><body>\n<h1>Head line</h1>\n<p>One\n  two.<br>Three&nbsp;&nbsp;four.</p><div><p>Five.</p></div></body></html>"
            ),
            "Head line\n\nOne two.\nThree four.\n\nFive."
        );
        assert_eq!(text("<pre>a\r\n  b</pre>c"), "a\n  b\n\nc");
        assert_eq!(text("<head><title>x</title><p>visible"), "visible");
        assert_eq!(text("a<script>if (a < b) { x = '</p>'; }</script>b"), "ab");
        assert_eq!(text("a<!-- Russia attacked Ukraine -->b"), "ab");
    }

    fn fallbacks(html: &str) -> usize {
        let mut b = Builder::new(html);
        b.run();
        b.fallbacks
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// Our decoding of each run of text, from its source bytes, is html5gum's.
        #[test]
        fn decoding_agrees_with_html5gum(html in proptest::string::string_regex(r"([a-z ]|&(amp|lt|nbsp|notit|rsquo|AMP|amplifier|#[0-9]{1,9}|#[xX][0-9a-fA-F]{1,7}|#|#x)?;?|</?(p|b|br|pre|div)>|<!--|-->|\r\n?|\n|\x00|<|>|\PC){0,40}").unwrap()) {
            proptest::prop_assert_eq!(fallbacks(&html), 0, "{:?}", html);
        }
    }

    #[test]
    fn malformed() {
        for html in [
            "<", "<p", "&", "&#", "a < b", "<<<>>>", "</", "<!--", "<script>", "\0&\0",
        ] {
            let h = HtmlText::from_html(html);
            let _ = h.original_span(Span::new(0, h.text.len()));
        }
        assert_eq!(text("a < b"), "a < b");
    }
}
