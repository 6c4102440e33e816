//! eventcoder's errors as Python exceptions. Every message carries the position the Rust error
//! gives (file:line:column for dictionaries).

use pyo3::create_exception;
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    _eventcoder,
    DictionaryError,
    PyValueError,
    "A user dictionary has a malformed line, invalid UTF-8 or is too large; the message gives \
     file:line:column, and the attributes `file`, `line` and `column` (1-based; `None` for a file \
     that is too large) say the same."
);
create_exception!(
    _eventcoder,
    InputTooLargeError,
    PyValueError,
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
        _ => PyValueError::new_err(msg),
    }
}
