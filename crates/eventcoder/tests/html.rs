//! HTML input (issue 12, item 8): only visible text is coded, character references are
//! decoded, block elements make paragraphs, and every span of the document points at the
//! original HTML bytes. The extraction never panics and keeps its map monotonic.

use eventcoder::html::HtmlText;
use eventcoder::{Article, Coder, Document, Error, MAX_ARTICLE_BYTES, Span};
use proptest::prelude::*;

fn code_html(html: &str) -> Document {
    Coder::new()
        .code_html(
            &Article::new("h", html)
                .with_published_str("2024-03-05")
                .unwrap(),
        )
        .unwrap()
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.events.iter().map(|e| e.cameo.code).collect()
}

/// A news page of my own: head with title, metadata and scripts, navigation, a headline, a
/// byline, paragraphs with inline markup and character references, a pull quote, a table, a
/// comment and a footer.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Russia attacked Ukraine, officials say | Example Wire</title>
  <style>p.lead::before { content: "Iran condemned Israel"; }</style>
  <script>window.dataLayer = []; var headline = "Russia attacked Ukraine";</script>
</head>
<body>
<nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
<article>
<h1>Moscow summons envoy</h1>
<p class="byline">By a staff reporter &middot; March 5, 2024</p>
<p class="lead">MOSCOW &mdash; Russia&#8217;s foreign ministry on Tuesday summoned the
  <a href="/tags/germany">German</a> ambassador over remarks by Berlin&rsquo;s
  defence minister, the ministry said.</p>
<!-- <p>Israel attacked Iran.</p> -->
<p>Ukrainian President Volodymyr Zelensky met Polish Prime Minister Donald Tusk in Kyiv
  on Monday, and the two leaders signed a security agreement.</p>
<blockquote><p>&ldquo;We will not be intimidated,&rdquo; Tusk said.</p></blockquote>
<table><tr><td>Bosnia &amp; Herzegovina</td><td>Serbia</td></tr></table>
<p>Separately, China&#x2019;s foreign ministry criticised Japan over its new defence
  budget.</p>
<noscript><p>Iran attacked Israel</p></noscript>
<template><p>North Korea threatened South Korea</p></template>
</article>
<footer><p>&copy; 2024 Example Wire</p></footer>
</body>
</html>
"#;

#[test]
fn script_and_style_content_is_not_coded() {
    let sentence = "Russia attacked Ukraine on Monday.";
    let in_p = code_html(&format!("<p>{sentence}</p>"));
    assert!(
        codes(&in_p).iter().any(|c| c.starts_with("19")),
        "{in_p:#?}"
    );
    for hidden in [
        format!("<script>{sentence}</script>"),
        format!("<script type=\"text/javascript\">var s = \"</p>{sentence}\";</script>"),
        format!("<style>/* {sentence} */</style>"),
        format!("<noscript>{sentence}</noscript>"),
        format!("<template><p>{sentence}</p></template>"),
        format!("<head><title>{sentence}</title></head><body></body>"),
        format!("<!-- {sentence} -->"),
        format!("<p title=\"{sentence}\"></p>"),
    ] {
        let doc = code_html(&hidden);
        assert!(doc.events.is_empty(), "{hidden}: {:?}", codes(&doc));
        assert!(doc.sentences.is_empty(), "{hidden}");
    }
}

/// The first accusation (CAMEO 112) coded from `html`.
fn accusation(html: &str, what: &str) -> eventcoder::Event {
    code_html(html)
        .events
        .into_iter()
        .find(|e| e.cameo.code == "112")
        .expect(what)
}

#[test]
fn references_are_decoded_and_actors_recognised() {
    let html = "<p>Russia&#8217;s foreign ministry accused the United States of \
                meddling.</p>";
    let e = accusation(html, "an accusation");
    let source = e.source.as_ref().unwrap();
    assert_eq!(source.country.as_deref(), Some("RUS"));
    assert!(source.text.starts_with("Russia\u{2019}s"), "{source:?}");
    assert!(
        source.span.slice(html).starts_with("Russia&#8217;s"),
        "{source:?}"
    );
    assert_eq!(e.target.as_ref().unwrap().country.as_deref(), Some("USA"));

    // The same sentence written with a named and a hexadecimal reference codes the same.
    for written in ["Russia&rsquo;s", "Russia&#x2019;s", "Russia&#X2019s"] {
        let e = accusation(&html.replace("Russia&#8217;s", written), written);
        let source = e.source.as_ref().unwrap();
        assert_eq!(source.country.as_deref(), Some("RUS"), "{written}");
        assert!(
            source
                .span
                .slice(html.replace("Russia&#8217;s", written).as_str())
                .starts_with(written)
        );
    }

    // &amp; inside a name, &nbsp; between words.
    let html = "<p>Serbia&nbsp;accused Bosnia &amp; Herzegovina of violating the accord.</p>";
    let e = accusation(html, "an accusation");
    let target = e.target.as_ref().unwrap();
    assert_eq!(target.country.as_deref(), Some("BIH"), "{target:?}");
    assert_eq!(target.text, "Bosnia & Herzegovina");
    assert_eq!(target.span.slice(html), "Bosnia &amp; Herzegovina");
}

/// The visible text of a piece of HTML: what a span of the HTML should read as.
fn visible(html: &str) -> String {
    HtmlText::from_html(html).text
}

/// Every span of the document lies on character boundaries of `html`.
fn assert_spans_valid(doc: &Document, html: &str) {
    let mut doc = doc.clone();
    doc.map_spans(|s| {
        assert!(s.start <= s.end && s.end <= html.len(), "{s:?}");
        assert!(
            html.is_char_boundary(s.start) && html.is_char_boundary(s.end),
            "{s:?}"
        );
        s
    });
}

#[test]
fn every_span_points_at_the_original_html() {
    let doc = code_html(PAGE);
    assert!(doc.events.len() >= 4, "{:?}", codes(&doc));
    assert_spans_valid(&doc, PAGE);
    for e in &doc.events {
        for a in [&e.source, &e.target].into_iter().flatten() {
            assert_eq!(visible(a.span.slice(PAGE)), a.text, "{a:?}");
        }
        assert_eq!(visible(e.trigger.span.slice(PAGE)), e.trigger.text);
        for m in &e.evidence {
            assert_eq!(visible(m.trigger.span.slice(PAGE)), m.trigger.text);
            assert!(m.sentence.span.start <= m.trigger.span.start);
            assert!(m.trigger.span.end <= m.sentence.span.end);
        }
        if let Some(l) = &e.location {
            assert_eq!(visible(l.span.slice(PAGE)), l.text, "{l:?}");
        }
        assert!(e.sentence.span.start <= e.trigger.span.start);
        assert!(e.trigger.span.end <= e.sentence.span.end);
    }
    // Nothing from the head, the comment, <noscript> or <template>.
    for e in &doc.events {
        let s = e.sentence.span.slice(PAGE);
        assert!(!s.contains("Israel") && !s.contains("North Korea"), "{s}");
    }
    // The sentences are the visible text's, in order, each a span of the HTML.
    let text = HtmlText::from_html(PAGE);
    let plain = Coder::new()
        .code(
            &Article::new("h", text.text.clone())
                .with_published_str("2024-03-05")
                .unwrap(),
        )
        .unwrap();
    assert_eq!(plain.sentences.len(), doc.sentences.len());
    for (p, h) in plain.sentences.iter().zip(&doc.sentences) {
        assert_eq!(visible(h.span.slice(PAGE)), p.span.slice(&text.text));
        assert_eq!(text.original_span(p.span), h.span);
    }
    // Same events as coding the extracted text, spans aside.
    assert_eq!(codes(&plain), codes(&doc));
    for d in &doc.dates {
        assert!(!visible(d.span.slice(PAGE)).is_empty());
    }
    assert!(doc.body_start <= PAGE.len());
}

#[test]
fn decoded_text_maps_back_to_the_reference() {
    let h = HtmlText::from_html(PAGE);
    let at = h.text.find("Russia\u{2019}s").unwrap();
    let span = h.original_span(Span::new(at, at + "Russia\u{2019}s".len()));
    assert_eq!(span.slice(PAGE), "Russia&#8217;s");
    let at = h.text.find('\u{2019}').unwrap();
    let span = h.original_span(Span::new(at, at + '\u{2019}'.len_utf8()));
    assert_eq!(span.slice(PAGE), "&#8217;");
    let at = h.text.find("China\u{2019}s").unwrap();
    let span = h.original_span(Span::new(at, at + "China\u{2019}s".len()));
    assert_eq!(span.slice(PAGE), "China&#x2019;s");
    assert!(
        h.text
            .starts_with("World\n\nPolitics\n\nMoscow summons envoy\n\nBy a staff")
    );
    assert!(h.text.ends_with("\u{a9} 2024 Example Wire"));
    assert!(!h.text.contains("dataLayer") && !h.text.contains("Example Wire</title>"));
    assert!(
        h.text
            .contains("summoned the German ambassador over remarks by Berlin\u{2019}s defence")
    );
}

#[test]
fn paragraphs_split_sentences() {
    // Without the paragraph breaks the headline would run into the first sentence.
    let html = "<h1>Russia expels diplomats</h1><p>Moscow said on Friday it would respond</p>\
                <div>Britain condemned the move</div>";
    let h = HtmlText::from_html(html);
    assert_eq!(
        h.text,
        "Russia expels diplomats\n\nMoscow said on Friday it would respond\n\nBritain condemned the move"
    );
    let doc = code_html(html);
    let sentences: Vec<String> = doc
        .sentences
        .iter()
        .map(|s| visible(s.span.slice(html)))
        .collect();
    assert_eq!(
        sentences,
        [
            "Russia expels diplomats",
            "Moscow said on Friday it would respond",
            "Britain condemned the move"
        ]
    );
    // <br> is a line break, whitespace runs are one space.
    assert_eq!(visible("a<br>b  \n\t c<br/><br>d"), "a\nb c\nd");
    assert_eq!(
        visible("<ul>\n <li>one</li>\n <li>two</li>\n</ul>"),
        "one\n\ntwo"
    );
}

#[test]
fn size_limit_applies_to_the_html() {
    let big = format!("<p>{}</p>", "x".repeat(MAX_ARTICLE_BYTES));
    let err = Coder::new()
        .code_html(&Article::new("big", big))
        .unwrap_err();
    assert!(matches!(err, Error::InputTooLarge { .. }), "{err}");
    let many = Coder::new().code_many_html(&[Article::new("a", "<p>Iran protested.</p>")]);
    assert!(many[0].is_ok());
}

/// The map's invariants on any input: every character's source lies on character
/// boundaries within the HTML, sources never go backwards, and whole-text spans are covers.
fn check_map(html: &str) {
    let h = HtmlText::from_html(html);
    let mut last = Span::new(0, 0);
    for (i, c) in h.text.char_indices() {
        let s = h.original_span(Span::new(i, i + c.len_utf8()));
        assert!(s.start < s.end, "{html:?}: char {i} maps to {s:?}");
        assert!(s.end <= html.len(), "{html:?}: {s:?}");
        assert!(
            html.is_char_boundary(s.start) && html.is_char_boundary(s.end),
            "{html:?}: {s:?}"
        );
        assert!(
            s.start >= last.start && s.end >= last.end,
            "{html:?}: {last:?} then {s:?}"
        );
        last = s;
    }
    let all = h.original_span(Span::new(0, h.text.len()));
    assert!(all.end <= html.len());
    let end = h.original_span(Span::new(h.text.len(), h.text.len()));
    assert!(end.is_empty() && end.start <= html.len());
    // Outside <pre>: no space or break at either end, no run of spaces.
    if !html.to_ascii_lowercase().contains("<pre") {
        assert_eq!(
            h.text.trim_matches(|c| c == ' ' || c == '\n'),
            h.text,
            "{html:?}"
        );
        assert!(!h.text.contains("  "), "{html:?}");
    }
}

fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<div class=\"a>b\">".to_owned()),
        Just("<br>".to_owned()),
        Just("<script>".to_owned()),
        Just("</script>".to_owned()),
        Just("<style>".to_owned()),
        Just("</style>".to_owned()),
        Just("<head>".to_owned()),
        Just("</head>".to_owned()),
        Just("<pre>".to_owned()),
        Just("</pre>".to_owned()),
        Just("<template>".to_owned()),
        Just("</template>".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("<!DOCTYPE html>".to_owned()),
        Just("<![CDATA[".to_owned()),
        Just("&amp;".to_owned()),
        Just("&amp".to_owned()),
        Just("&nbsp;".to_owned()),
        Just("&#8217;".to_owned()),
        Just("&#x2019".to_owned()),
        Just("&#;".to_owned()),
        Just("&notit;".to_owned()),
        Just("&".to_owned()),
        Just("<".to_owned()),
        Just(">".to_owned()),
        Just("\r\n".to_owned()),
        Just("\0".to_owned()),
        Just(" ".to_owned()),
        "[a-zA-Z0-9 .,;#<>/&=\"'!?-]{0,12}",
        "\\PC{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string(html in "\\PC{0,200}") {
        check_map(&html);
    }

    #[test]
    fn any_bytes_as_text(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        check_map(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn html_like(pieces in proptest::collection::vec(html_piece(), 0..40)) {
        let html = pieces.concat();
        check_map(&html);
        // Coding it never fails and every span is valid.
        let doc = Coder::new().code_html(&Article::new("p", html.as_str())).unwrap();
        assert_spans_valid(&doc, &html);
    }
}
