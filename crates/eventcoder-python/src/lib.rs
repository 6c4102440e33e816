//! Python bindings for eventcoder: the private `eventcoder._eventcoder` extension module.
//!
//! All offsets exposed to Python are string indices (Unicode code points), so
//! `text[start:end]` gives back the spanned text.

use pyo3::prelude::*;

/// mimalloc, as the CLI uses (see benches/coder.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use eventcoder::output::CharIndex;

/// The constructor arguments of [`Token`], for pickling.
type TokenArgs = (String, (usize, usize), String, String);

/// One token: text, span (string indices), kind and normalized form.
#[pyclass(module = "eventcoder._eventcoder", frozen, eq, get_all)]
#[derive(Clone, PartialEq)]
pub struct Token {
    text: String,
    span: (usize, usize),
    kind: String,
    norm: String,
}

#[pymethods]
impl Token {
    #[new]
    fn new(text: String, span: (usize, usize), kind: String, norm: String) -> Self {
        Token {
            text,
            span,
            kind,
            norm,
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "Token({:?}, span=({}, {}), kind={:?})",
            self.text, self.span.0, self.span.1, self.kind
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, TokenArgs)> {
        let t = slf.get();
        Ok((
            slf.get_type().into_any(),
            (t.text.clone(), t.span, t.kind.clone(), t.norm.clone()),
        ))
    }
}

fn kind_name(kind: eventcoder::text::TokenKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Tokenizes `text`. Spans are string indices.
#[pyfunction]
fn tokenize(py: Python<'_>, text: &str) -> Vec<Token> {
    py.detach(|| {
        let mut offsets = CharIndex::new(text);
        eventcoder::text::tokenize(text)
            .map(|t| Token {
                text: t.text.to_owned(),
                span: {
                    let [a, b] = offsets.span(t.span);
                    (a, b)
                },
                kind: kind_name(t.kind),
                norm: t.norm.into_owned(),
            })
            .collect()
    })
}

/// The extension module.
#[pymodule]
fn _eventcoder(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("EXAMPLE_ARTICLE", eventcoder::EXAMPLE_ARTICLE)?;
    m.add_class::<Token>()?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    Ok(())
}
