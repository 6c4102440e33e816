//! eventcoder's errors as Python exceptions. Every message carries the position the Rust error
//! gives (file:line:column for dictionaries).

use pyo3::create_exception;
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    _eventcoder,
    DictionaryError,
    PyValueError,
    "A user dictionary has a malformed line; the message gives file:line:column."
);
create_exception!(
    _eventcoder,
    InputTooLargeError,
    PyValueError,
    "An article is larger than eventcoder.MAX_ARTICLE_BYTES (UTF-8 bytes)."
);

/// The Python exception of an eventcoder error.
pub fn to_py(e: eventcoder::Error) -> PyErr {
    let msg = e.to_string();
    match e {
        eventcoder::Error::Dictionary { .. } => DictionaryError::new_err(msg),
        eventcoder::Error::InputTooLarge { .. } => InputTooLargeError::new_err(msg),
        eventcoder::Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(msg)
        }
        eventcoder::Error::Io { .. } => PyOSError::new_err(msg),
        _ => PyValueError::new_err(msg),
    }
}
