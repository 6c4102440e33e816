//! The `eventcoder` command-line tool.

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use eventcoder::text::{parse_header, split_sentences, tokenize};

#[derive(Parser)]
#[command(
    name = "eventcoder",
    version,
    about = "Code political events (CAMEO / PLOVER) from raw English news text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a readable summary of the embedded example article.
    Demo,
    /// Print the tokens of FILE (or - for standard input) as JSON lines.
    Tokens {
        /// The input file, or - for standard input.
        file: String,
    },
}

fn read_input(file: &str) -> Result<String, String> {
    let mut buf = Vec::new();
    let res = if file == "-" {
        io::stdin().read_to_end(&mut buf).map(|_| ())
    } else {
        std::fs::File::open(file)
            .and_then(|mut f| f.read_to_end(&mut buf))
            .map(|_| ())
    };
    res.map_err(|e| format!("{file}: {e}"))?;
    String::from_utf8(buf).map_err(|e| {
        format!(
            "{file}: not valid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )
    })
}

fn cmd_tokens(file: &str) -> Result<(), String> {
    let text = read_input(file)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for t in tokenize(&text) {
        let record = serde_json::json!({
            "text": t.text,
            "norm": t.norm,
            "kind": t.kind,
            "span": t.span,
            "char_span": t.span.to_chars(&text),
        });
        writeln!(out, "{record}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn cmd_demo() -> Result<(), String> {
    let text = eventcoder::EXAMPLE_ARTICLE;
    let header = parse_header(text).map_err(|e| e.to_string())?;
    let mut out = BufWriter::new(io::stdout().lock());
    let w = &mut out;
    let p = |w: &mut BufWriter<_>, s: String| writeln!(w, "{s}").map_err(|e| e.to_string());
    p(w, "eventcoder demo: the embedded example article".into())?;
    p(
        w,
        format!(
            "published: {}",
            header.published.map_or("unknown".into(), |d| d.to_string())
        ),
    )?;
    if let Some(d) = &header.dateline {
        p(
            w,
            format!("dateline: place={:?} outlet={:?}", d.place, d.outlet),
        )?;
    }
    let body = &text[header.body_start..];
    let tokens: Vec<_> = tokenize(text)
        .filter(|t| t.span.start >= header.body_start)
        .collect();
    let sentences = split_sentences(text, &tokens);
    p(
        w,
        format!(
            "{} bytes, {} tokens, {} sentences\n",
            body.len(),
            tokens.len(),
            sentences.len()
        ),
    )?;
    for s in &sentences {
        p(
            w,
            format!("[{}] {}", s.index, s.span.slice(text).replace('\n', " ")),
        )?;
    }
    w.flush().map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Demo => cmd_demo(),
        Command::Tokens { file } => cmd_tokens(file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eventcoder: {e}");
            ExitCode::FAILURE
        }
    }
}
