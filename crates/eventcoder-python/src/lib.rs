//! Python bindings for eventcoder: the private `eventcoder._eventcoder` extension module.
//!
//! All offsets exposed to Python are string indices (Unicode code points), so
//! `text[start:end]` gives back the spanned text. Coding runs without the GIL; `code_many`
//! runs on rayon threads.
//!
//! - [`data`]: a coded document as plain data with string-index spans (built off the GIL);
//! - [`classes`]: the immutable Python classes over it (`Document`, `Event`, `Actor`, ...);
//! - [`coder`]: `Coder`, `code_many`, `Results`, and the input conversions;
//! - [`deferred_drop`]: the last reference of an event's or document's data freed on a
//!   background thread, not under the GIL;
//! - [`columns`]: events as flat columns for pandas, Arrow, Spark and Dask;
//! - [`arrow`]: `Coder.code_arrow`, texts to Arrow record batches of events;
//! - [`errors`]: the exceptions.

use pyo3::prelude::*;

/// mimalloc, as the CLI uses (see benches/coder.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod arrow;
pub mod classes;
pub mod coder;
pub mod columns;
pub mod data;
pub mod deferred_drop;
pub mod errors;

/// Tokenizes `text`. Spans are string indices. A text over 4 GiB raises
/// `InputTooLargeError`.
#[pyfunction]
fn tokenize(py: Python<'_>, text: &str) -> PyResult<Vec<classes::Token>> {
    eventcoder::text::try_tokenize(text).map_err(errors::to_py)?;
    Ok(py.detach(|| classes::tokens_of(text, 0)))
}

/// Runs the `eventcoder` command line with `args` (the program's name first) and returns its
/// exit code: the `eventcoder` command of the pip package (`eventcoder._cli`), the same code
/// as the Rust binary. The GIL is released while it runs.
#[pyfunction]
fn _run_cli(py: Python<'_>, args: Vec<std::ffi::OsString>) -> u8 {
    py.detach(|| eventcoder_cli::main_with(args))
}

/// The extension module.
#[pymodule]
fn _eventcoder(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("EXAMPLE_ARTICLE", eventcoder::EXAMPLE_ARTICLE)?;
    m.add("MAX_ARTICLE_BYTES", eventcoder::MAX_ARTICLE_BYTES)?;
    m.add("MAX_DICTIONARY_BYTES", eventcoder::MAX_DICTIONARY_BYTES)?;
    let names: Vec<&str> = columns::COLUMNS.iter().map(|c| c.0).collect();
    m.add("COLUMNS", names)?;
    m.add("COLUMN_TYPES", columns::column_types())?;
    let date_sources: Vec<&str> = (eventcoder::code::DateSource::ALL.iter())
        .map(|d| d.as_str())
        .collect();
    m.add("DATE_SOURCES", date_sources)?;
    let location_sources: Vec<&str> = (eventcoder::code::LocationSource::ALL.iter())
        .map(|l| l.as_str())
        .collect();
    m.add("LOCATION_SOURCES", location_sources)?;
    m.add(
        "InvalidInputError",
        py.get_type::<errors::InvalidInputError>(),
    )?;
    m.add(
        "InvalidDateError",
        py.get_type::<errors::InvalidDateError>(),
    )?;
    m.add("DictionaryError", py.get_type::<errors::DictionaryError>())?;
    m.add(
        "InputTooLargeError",
        py.get_type::<errors::InputTooLargeError>(),
    )?;
    m.add_class::<classes::Token>()?;
    m.add_class::<classes::Actor>()?;
    m.add_class::<classes::Cameo>()?;
    m.add_class::<classes::Plover>()?;
    m.add_class::<classes::Location>()?;
    m.add_class::<classes::Evidence>()?;
    m.add_class::<classes::Issue>()?;
    m.add_class::<classes::LoadSummary>()?;
    m.add_class::<classes::FileSummary>()?;
    m.add_class::<classes::Event>()?;
    m.add_class::<classes::Sentence>()?;
    m.add_class::<classes::Dateline>()?;
    m.add_class::<classes::DateSpan>()?;
    // The former names, for old pickles; `eventcoder.Mention` and `eventcoder.DateMention`
    // warn that they are deprecated.
    m.add("Mention", py.get_type::<classes::Evidence>())?;
    m.add("DateMention", py.get_type::<classes::DateSpan>())?;
    m.add_class::<classes::Document>()?;
    m.add_class::<coder::Coder>()?;
    m.add_class::<coder::Results>()?;
    m.add_class::<coder::CodingError>()?;
    m.add_class::<arrow::ArrowBatches>()?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(_run_cli, m)?)?;
    m.add_function(wrap_pyfunction!(coder::code, m)?)?;
    m.add_function(wrap_pyfunction!(coder::parse, m)?)?;
    m.add_function(wrap_pyfunction!(columns::_columns, m)?)?;
    m.add_function(wrap_pyfunction!(columns::_arrow_table, m)?)?;
    Ok(())
}
