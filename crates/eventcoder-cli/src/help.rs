//! The examples (and exit codes) shown after each subcommand's `--help`.

/// `eventcoder demo`.
pub(crate) const DEMO: &str = "\
Examples:
  eventcoder demo
  eventcoder demo | less";

/// `eventcoder tokens`.
pub(crate) const TOKENS: &str = "\
Examples:
  eventcoder tokens article.txt
  echo 'Russia expels 23 UK diplomats' | eventcoder tokens -";

/// `eventcoder code`, with its exit codes.
pub(crate) const CODE: &str = "\
Examples:
  eventcoder code --published 2024-03-06 article.txt
  eventcoder code articles.jsonl > events.jsonl
  eventcoder code --glob '*.txt' --threads 4 corpus/ > events.jsonl
  eventcoder code archive/ --dedupe-across-articles -o events.parquet
  eventcoder code --input csv --text-field body --id-field url export.csv.gz -o events.csv
  zstdcat dump.jsonl.zst | eventcoder code --input jsonl - > events.jsonl
  eventcoder code --format explain --dictionary mine.tsv article.txt
  eventcoder code --no-builtin --petrarch-dir phoenix/ articles.jsonl > events.jsonl
  cat article.txt | eventcoder code --require-dyad --min-confidence 0.6 -

Exit codes:
  0  everything was coded (or the output's reader went away)
  1  fatal error: nothing was coded, nothing written under --output
  2  usage error
  3  finished, but some sources or records were skipped (reported on stderr)";

/// `eventcoder explain`.
pub(crate) const EXPLAIN: &str = "\
For each sentence: its events, or why it has none (no trigger, no actor, negated,
hypothetical or conditional, duplicate of an earlier event, ...), and every trigger with the
dictionary file and line of its pattern.

Examples:
  eventcoder explain --published 2024-03-06 article.txt
  eventcoder explain --dictionary mine.tsv article.txt
  eventcoder explain --petrarch-verbs CAMEO.verbpatterns.150430.txt article.txt
  echo 'Israeli troops did not attack Gaza.' | eventcoder explain -";

/// `eventcoder lexicon`.
pub(crate) const LEXICON: &str = "\
Examples:
  eventcoder lexicon stats
  eventcoder lexicon lookup \"Tajik Foreign Minister\"";

/// `eventcoder lexicon stats`.
pub(crate) const LEXICON_STATS: &str = "\
Examples:
  eventcoder lexicon stats
  eventcoder lexicon stats --json --dictionary mine.tsv
  eventcoder lexicon stats --no-builtin --petrarch-dir phoenix/";

/// `eventcoder lexicon lookup`.
pub(crate) const LEXICON_LOOKUP: &str = "\
Case matters as in text (\"Tajik Foreign Minister\", not \"tajik foreign minister\"). A phrase
no entry matches prints \"no entry matched\" and exits 0.

Examples:
  eventcoder lexicon lookup \"Tajik Foreign Minister\"
  eventcoder lexicon lookup --date 2010-05-01 \"Hamrokhon Zarifi\"
  eventcoder lexicon lookup --dictionary mine.tsv --json \"water minister\"
  eventcoder lexicon lookup --petrarch-actors Phoenix.Countries.actors.txt \"Kabul\"";

/// `eventcoder eval`.
pub(crate) const EVAL: &str = "\
Examples:
  eventcoder eval fixtures tests/fixtures/events.tsv
  eventcoder eval plover-gsr PLOVER_GSR_CAMEO.txt
  eventcoder eval petrarch PETR.UnitTest.records.xml --petrarch-dir petrarch1/ --no-builtin";

/// `eventcoder eval fixtures`.
pub(crate) const EVAL_FIXTURES: &str = "\
Examples:
  eventcoder eval fixtures tests/fixtures/events.tsv
  eventcoder eval fixtures tests/fixtures/events.tsv --misses --min-rows 10
  eventcoder eval fixtures tests/fixtures/events.tsv --json
  eventcoder eval fixtures tests/fixtures/events.tsv --no-builtin --petrarch-dir phoenix/";

/// `eventcoder eval petrarch`.
pub(crate) const EVAL_PETRARCH: &str = "\
Each record's <Text> is coded with its date as the published date (its <Parse> is not read)
and compared with its <EventCoding> entries; the last line is `N passed, M failed`.

Examples:
  eventcoder eval petrarch PETR.UnitTest.records.xml --petrarch-dir petrarch1/ --no-builtin
  eventcoder eval petrarch PETR.UnitTest.records.xml --petrarch-dir petrarch1/ --misses";

/// `eventcoder eval plover-gsr`.
pub(crate) const EVAL_PLOVER_GSR: &str = "\
Examples:
  eventcoder eval plover-gsr PLOVER_GSR_CAMEO.txt
  eventcoder eval plover-gsr PLOVER_GSR_CAMEO.txt --misses";

/// `eventcoder completions`.
pub(crate) const COMPLETIONS: &str = "\
Examples:
  eventcoder completions bash > ~/.local/share/bash-completion/completions/eventcoder
  eventcoder completions zsh > ~/.zfunc/_eventcoder
  eventcoder completions fish > ~/.config/fish/completions/eventcoder.fish";

/// `eventcoder serve`.
pub(crate) const SERVE: &str = "\
Examples:
  eventcoder serve                         # http://127.0.0.1:8000/
  eventcoder serve --port 0                # a free port, printed on stderr
  eventcoder serve --dictionary mine.tsv --threads 2
  eventcoder serve --petrarch-dir phoenix/
  curl -s http://127.0.0.1:8000/api/code -d '{\"text\": \"...\", \"published\": \"2024-03-14\"}'

POST /api/code answers a JSON array of the events, each the object `eventcoder code` writes
(?explain=1 adds an \"explanation\" to each). Bodies over 1 MiB are refused (413).";
