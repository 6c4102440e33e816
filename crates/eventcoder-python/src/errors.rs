//! eventcoder's errors as Python exceptions. Every message carries the position the Rust error
//! gives (file:line:column for dictionaries).

use pyo3::create_exception;
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    _eventcoder,
    InvalidInputError,
    PyValueError,
    "Bad input (an article, a date, a dictionary, a data file, a coder option such as \
     min_confidence outside 0 to 1): the base of eventcoder's ValueErrors. Files that cannot be \
     read raise OSError (FileNotFoundError, ...) instead."
);
create_exception!(
    _eventcoder,
    InvalidDateError,
    InvalidInputError,
    "A date that is no valid YYYY-MM-DD date; the attribute `value` holds what was given."
);
create_exception!(
    _eventcoder,
    DictionaryError,
    InvalidInputError,
    "A user dictionary has a malformed line, invalid UTF-8 or is too large (also a bad line of a \
     PETRARCH/TABARI file under Coder(petrarch_strict=True)); the message gives file:line:column, and the attributes `file`, `line` and `column` (1-based; `None` for a file \
     that is too large) say the same."
);
create_exception!(
    _eventcoder,
    InputTooLargeError,
    InvalidInputError,
    "An article is larger than eventcoder.MAX_ARTICLE_BYTES (UTF-8 bytes)."
);

/// A `DictionaryError` with its `file`, `line` and `column` attributes set.
fn dictionary_error(msg: String, file: String, at: Option<(usize, usize)>) -> PyErr {
    Python::attach(|py| {
        let err = DictionaryError::new_err(msg);
        let value = err.value(py);
        let set = || -> PyResult<()> {
            value.setattr("file", file)?;
            value.setattr("line", at.map(|(l, _)| l))?;
            value.setattr("column", at.map(|(_, c)| c))?;
            Ok(())
        };
        match set() {
            Ok(()) => err,
            Err(e) => e,
        }
    })
}

/// An `InvalidDateError` with its `value` attribute set.
pub fn invalid_date(msg: String, value: &str) -> PyErr {
    Python::attach(|py| {
        let err = InvalidDateError::new_err(msg);
        match err.value(py).setattr("value", value) {
            Ok(()) => err,
            Err(e) => e,
        }
    })
}

/// The Python exception of an eventcoder error.
pub fn to_py(e: eventcoder::Error) -> PyErr {
    let msg = e.to_string();
    match e {
        eventcoder::Error::Dictionary {
            source_name,
            position,
            ..
        } => dictionary_error(msg, source_name, Some((position.line, position.column))),
        eventcoder::Error::DictionaryTooLarge { source_name, .. } => {
            dictionary_error(msg, source_name, None)
        }
        eventcoder::Error::InputTooLarge { .. } => InputTooLargeError::new_err(msg),
        eventcoder::Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(msg)
        }
        eventcoder::Error::Io { .. } => PyOSError::new_err(msg),
        eventcoder::Error::InvalidDate { value, .. } => invalid_date(msg, &value),
        // min_confidence outside 0 to 1: refused by the core, as for the CLI and Rust.
        eventcoder::Error::InvalidOption { .. } => InvalidInputError::new_err(msg),
        _ => InvalidInputError::new_err(msg),
    }
}
