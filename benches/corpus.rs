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

/// The fixture articles as numbered [`eventcoder::Article`]s, repeated to at least `min_bytes`
/// of text: the coding benches' corpus.
#[allow(dead_code)]
pub fn article_batch(min_bytes: usize) -> Vec<eventcoder::Article> {
    let articles: Vec<eventcoder::Article> = fixture_articles()
        .into_iter()
        .enumerate()
        .map(|(i, t)| eventcoder::Article::new(i.to_string(), t))
        .collect();
    let mut batch = Vec::new();
    while batch
        .iter()
        .map(|a: &eventcoder::Article| a.text.len())
        .sum::<usize>()
        < min_bytes
    {
        batch.extend(articles.iter().cloned());
    }
    batch
}
