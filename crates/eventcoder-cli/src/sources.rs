//! What `eventcoder code` reads: its INPUT arguments (files, directories, `-`) expanded into
//! sources, each with its format.

use std::path::Path;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::error::CliError;

/// The globs a directory's files must match when `--glob` is not given.
pub const DEFAULT_GLOBS: &[&str] = &[
    "*.txt",
    "*.jsonl",
    "*.ndjson",
    "*.csv",
    "*.tsv",
    "*.txt.gz",
    "*.jsonl.gz",
    "*.ndjson.gz",
    "*.csv.gz",
    "*.tsv.gz",
    "*.txt.zst",
    "*.jsonl.zst",
    "*.ndjson.zst",
    "*.csv.zst",
    "*.tsv.zst",
];

/// How a source is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// The whole source is one article.
    Text,
    /// One JSON record per line.
    Jsonl,
    /// Comma-separated records with a header row.
    Csv,
    /// Tab-separated records with a header row.
    Tsv,
}

/// One source to read: a path (or `-` for standard input) and its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as reached from the INPUT given, or `-`.
    pub path: String,
    /// How to read it.
    pub format: SourceFormat,
}

/// The format of `path` under `--input auto`: by extension, after a `.gz` or `.zst` (read
/// decompressed), `.jsonl` and `.ndjson` are JSON lines, `.csv` CSV, `.tsv` TSV, anything else
/// is text; standard input is text.
pub fn auto_format(path: &str) -> Result<SourceFormat, CliError> {
    if path == "-" {
        return Ok(SourceFormat::Text);
    }
    let lower = path.to_ascii_lowercase();
    let inner = lower
        .strip_suffix(".gz")
        .or_else(|| lower.strip_suffix(".zst"))
        .unwrap_or(&lower);
    let ext = Path::new(inner).extension().and_then(|e| e.to_str());
    match ext {
        Some("jsonl" | "ndjson") => Ok(SourceFormat::Jsonl),
        Some("csv") => Ok(SourceFormat::Csv),
        Some("tsv") => Ok(SourceFormat::Tsv),
        _ => Ok(SourceFormat::Text),
    }
}

/// A glob set of `patterns` (or [`DEFAULT_GLOBS`] if there are none), matched against file
/// names.
pub fn glob_set(patterns: &[String]) -> Result<GlobSet, CliError> {
    let mut b = GlobSetBuilder::new();
    let defaults: Vec<String> = DEFAULT_GLOBS.iter().map(|g| g.to_string()).collect();
    let patterns = if patterns.is_empty() {
        &defaults[..]
    } else {
        patterns
    };
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| {
            CliError::failed(
                format!("--glob {p:?}: {e}"),
                "a glob such as *.txt or news-*.jsonl",
            )
        })?;
        b.add(glob);
    }
    b.build()
        .map_err(|e| CliError::failed(format!("--glob: {e}"), "a glob such as *.txt"))
}

/// Expands INPUT arguments into sources: `-` is standard input, a directory is walked
/// recursively in sorted order (its files matching `globs` by name), anything else is a file.
/// A path that cannot be read is reported through `skip` and left out; the others go on.
pub fn expand(inputs: &[String], globs: &GlobSet, mut skip: impl FnMut(CliError)) -> Vec<String> {
    let mut out = Vec::new();
    for input in inputs {
        if input != "-" && Path::new(input).is_dir() {
            let walk = walkdir::WalkDir::new(input)
                .follow_links(true)
                .sort_by_file_name();
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() && globs.is_match(e.file_name()) => {
                        out.push(e.path().display().to_string());
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let path = e.path().map_or(input.clone(), |p| p.display().to_string());
                        skip(CliError::io(&path, e.into()));
                    }
                }
            }
        } else {
            out.push(input.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(auto_format("-").unwrap(), SourceFormat::Text);
        assert_eq!(auto_format("a/b.JSONL").unwrap(), SourceFormat::Jsonl);
        assert_eq!(auto_format("b.ndjson").unwrap(), SourceFormat::Jsonl);
        assert_eq!(auto_format("story.txt").unwrap(), SourceFormat::Text);
        assert_eq!(auto_format("README").unwrap(), SourceFormat::Text);
        assert_eq!(auto_format("x.csv").unwrap(), SourceFormat::Csv);
        assert_eq!(auto_format("x.TSV").unwrap(), SourceFormat::Tsv);
        assert_eq!(auto_format("x.jsonl.gz").unwrap(), SourceFormat::Jsonl);
        assert_eq!(auto_format("x.txt.GZ").unwrap(), SourceFormat::Text);
        assert_eq!(auto_format("x.jsonl.zst").unwrap(), SourceFormat::Jsonl);
        assert_eq!(auto_format("x.CSV.ZST").unwrap(), SourceFormat::Csv);
    }

    #[test]
    fn directories_walk_sorted_and_filtered() {
        let dir = std::env::temp_dir().join(format!("eventcoder-sources-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for f in ["b.txt", "a.jsonl", "sub/c.txt", "notes.md"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let d = dir.display().to_string();
        let mut skipped = 0;
        let got = expand(
            &[d.clone(), "-".to_string()],
            &glob_set(&[]).unwrap(),
            |_| skipped += 1,
        );
        let names: Vec<String> = got
            .iter()
            .map(|p| p.strip_prefix(&d).unwrap_or(p).to_string())
            .collect();
        assert_eq!(names, ["/a.jsonl", "/b.txt", "/sub/c.txt", "-"]);
        assert_eq!(skipped, 0);
        let only_txt = expand(
            std::slice::from_ref(&d),
            &glob_set(&["*.txt".into()]).unwrap(),
            |_| {},
        );
        assert_eq!(only_txt.len(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
