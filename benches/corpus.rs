//! The benchmark corpus: the project's own wire-story fixtures, repeated to a target size.

use std::path::PathBuf;

/// The fixture articles under `tests/fixtures/articles`.
pub fn fixture_articles() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture is UTF-8"))
        .collect()
}

/// At least `min_bytes` of wire text: the fixture articles repeated, separated by blank lines.
#[allow(dead_code)]
pub fn corpus(min_bytes: usize) -> String {
    let articles = fixture_articles();
    let mut out = String::with_capacity(min_bytes + 8192);
    while out.len() < min_bytes {
        for a in &articles {
            out.push_str(a);
            out.push_str("\n\n");
        }
    }
    out
}
