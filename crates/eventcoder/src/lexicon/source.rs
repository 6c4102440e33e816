//! Reading user dictionary files: untrusted input, so the size is limited and the encoding
//! checked before anything is parsed.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Position, Result};

/// The largest user dictionary file accepted, in bytes (64 MiB). A larger file is an
/// [`Error::DictionaryTooLarge`]; the built-in dictionaries together are about 1 MiB.
pub const MAX_DICTIONARY_BYTES: usize = 64 * 1024 * 1024;

/// The error for a dictionary of `len` bytes when that is over the limit.
pub(crate) fn check_size(source_name: &str, len: usize) -> Result<()> {
    if len > MAX_DICTIONARY_BYTES {
        return Err(Error::DictionaryTooLarge {
            source_name: source_name.to_string(),
            len,
            limit: MAX_DICTIONARY_BYTES,
        });
    }
    Ok(())
}

/// Reads a user dictionary file: at most [`MAX_DICTIONARY_BYTES`] (a larger file is refused
/// without being read to its end), valid UTF-8 (the first bad byte is reported with its line
/// and column). The path as displayed is the name errors give.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("eventcoder-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("bad.tsv");
/// std::fs::write(&path, b"phrases\tcameo\tsector\tflags\nmin\xffister\tGOV\tGOV\t\n")?;
/// let err = eventcoder::lexicon::read_dictionary(&path).unwrap_err();
/// assert!(err.to_string().contains("bad.tsv:2:4: invalid UTF-8"), "{err}");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_dictionary(path: impl AsRef<Path>) -> Result<String> {
    let path = path.as_ref();
    let bytes = read_bounded(path)?;
    decode_dictionary(&path.display().to_string(), bytes)
}

/// The bytes of a dictionary file, refused with [`Error::DictionaryTooLarge`] past
/// [`MAX_DICTIONARY_BYTES`] (read one byte beyond the limit at most, never the whole file), as
/// they are: a PETRARCH/TABARI file is read this way, its encoding checked when it loads
/// ([`LexiconBuilder::petrarch_bytes`](super::LexiconBuilder::petrarch_bytes)).
pub fn read_dictionary_bytes(path: impl AsRef<Path>) -> Result<Vec<u8>> {
    read_bounded(path.as_ref())
}

/// See [`read_dictionary_bytes`].
pub(crate) fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    let name = path.display().to_string();
    let io = |source| Error::Io {
        path: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    // One byte more than the limit tells a file at the limit from a larger one.
    file.take(MAX_DICTIONARY_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_DICTIONARY_BYTES {
        let len = std::fs::metadata(path).map_or(bytes.len(), |m| m.len() as usize);
        check_size(&name, len.max(bytes.len()))?;
    }
    Ok(bytes)
}

/// A dictionary's bytes as text; invalid UTF-8 is an [`Error::Dictionary`] at the line and
/// column of the first bad byte (the column counts the characters before it on its line).
pub fn decode_dictionary(source_name: &str, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let position = Position::of(valid, at);
        Error::Dictionary {
            source_name: source_name.to_string(),
            position,
            message: format!("invalid UTF-8 (byte 0x{:02X})", bytes[at]),
        }
    })
}
