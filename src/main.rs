//! The `newsfacts` command: flags in, library calls, exit code out.
//!
//! Exit codes, as ripgrep's: 0 all fine, 1 some records failed, 2 usage or fatal error.

use clap::{Parser, ValueEnum};
use newsfacts::io::read::{InputFormat, ReadOptions};
use newsfacts::io::write::OutputMode;
use newsfacts::io::{self as nio, RunOptions};
use newsfacts::offsets::OffsetUnit;
use newsfacts::{Extractor, FactType, Reference};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// mimalloc (the default feature `mimalloc`): a document's many small values (strings of
/// facts, per-document vectors) cost glibc's allocator ~6% of the run; mimalloc saves about
/// half of it (README, Speed). `no_thp` keeps transparent huge pages off: without it the
/// peak RSS of two threads was 91 MB, with it 58 MB (52 MB on glibc's allocator).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Finds facts (numbers, money, percentages, ...) in Russian news and writes them as JSON lines.
#[derive(Parser, Debug)]
#[command(name = "newsfacts", version, about)]
struct Cli {
    /// Files or folders to read (folders are walked in sorted order; .gz and .zst are
    /// read transparently, as streams). No path, or `-`, reads stdin.
    paths: Vec<PathBuf>,

    /// Input format (default: by extension, .jsonl/.ndjson are JSON lines, else text; stdin is text).
    #[arg(long, value_enum)]
    input: Option<Input>,

    /// Text input: every line is a document (id = path:line).
    #[arg(long)]
    lines: bool,

    /// JSON lines: the field with the document id (missing: path:line).
    #[arg(long, default_value = "id")]
    id_field: String,

    /// JSON lines: the field with the text.
    #[arg(long, default_value = "text")]
    text_field: String,

    /// JSON lines: the field with the document's date (YYYY-MM-DD or an ISO timestamp), the
    /// reference for its relative dates; it overrides --reference-date. A record whose date
    /// is no date is read without a reference, with a warning.
    #[arg(long, default_value = "date")]
    date_field: String,

    /// The date that relative expressions ("вчера", "в прошлом году") resolve against:
    /// YYYY-MM-DD or YYYY-MM-DDTHH:MM. Without it (and without a date field) they come out
    /// with their offset only.
    #[arg(long, value_parser = parse_reference)]
    reference_date: Option<Reference>,

    /// What a line of output is: one fact, or one document with a `facts` array.
    #[arg(long, value_enum, default_value_t = Output::Facts)]
    output: Output,

    /// The unit of `start`/`end`.
    #[arg(long, value_enum, default_value_t = Offsets::Chars)]
    offsets: Offsets,

    /// Only these fact types, comma-separated (number,money,percent,...).
    #[arg(long, value_delimiter = ',')]
    types: Vec<String>,

    /// Read lexicon files from this folder instead of the embedded ones (same file names).
    #[arg(long)]
    lexicon_dir: Option<PathBuf>,

    /// A user lexicon of names (TSV: type, name, optional normal form; see README); may be
    /// given several times.
    #[arg(long, value_name = "PATH.tsv")]
    lexicon: Vec<PathBuf>,

    /// Also mark places' adjectives ("российских" → location Россия), as NEREL does; off
    /// by default.
    #[arg(long)]
    place_adjectives: bool,

    /// Print documents read, written, failed, facts and MB/s on stderr at the end.
    #[arg(long)]
    stats: bool,

    /// Write every record that failed (source, line, error, raw line) to this file as JSON
    /// lines, for re-processing.
    #[arg(long, value_name = "PATH")]
    errors: Option<PathBuf>,

    /// Worker threads (default: every core). Output keeps input order either way.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,

    /// Decode invalid UTF-8 with U+FFFD instead of failing the record; offsets then refer
    /// to the decoded text.
    #[arg(long)]
    lossy: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Input {
    Text,
    Jsonl,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Output {
    Facts,
    Docs,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Offsets {
    Chars,
    Bytes,
    Utf16,
}

fn parse_reference(s: &str) -> Result<Reference, String> {
    Reference::parse(s)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("newsfacts: {message}");
            ExitCode::from(2)
        }
    }
}

/// A flag that Ctrl-C sets: the run finishes the current document, writes whole lines and
/// stops (exit 130). A second Ctrl-C exits at once.
fn interrupt_flag() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    stop
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let mut builder = Extractor::builder();
    if let Some(dir) = &cli.lexicon_dir {
        builder = builder.lexicon_dir(dir);
    }
    for path in &cli.lexicon {
        builder = builder.user_lexicon(path);
    }
    if !cli.types.is_empty() {
        let types = cli
            .types
            .iter()
            .map(|t| {
                FactType::from_name(t.trim()).ok_or_else(|| format!("unknown fact type {t:?}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        builder = builder.types(&types);
    }
    builder = builder.place_adjectives(cli.place_adjectives);
    let extractor = builder.build().map_err(|e| e.to_string())?;
    let opts = RunOptions {
        paths: cli.paths,
        read: ReadOptions {
            format: cli.input.map(|i| match i {
                Input::Text => InputFormat::Text,
                Input::Jsonl => InputFormat::Jsonl,
            }),
            lines: cli.lines,
            id_field: cli.id_field,
            text_field: cli.text_field,
            date_field: cli.date_field,
            lossy: cli.lossy,
            keep_record: matches!(cli.output, Output::Docs),
        },
        output: match cli.output {
            Output::Facts => OutputMode::Facts,
            Output::Docs => OutputMode::Docs,
        },
        offsets: match cli.offsets {
            Offsets::Chars => OffsetUnit::Chars,
            Offsets::Bytes => OffsetUnit::Bytes,
            Offsets::Utf16 => OffsetUnit::Utf16,
        },
        reference: cli.reference_date,
        stop: Some(interrupt_flag()),
        threads: cli
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
    };
    let mut errors = match &cli.errors {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => None,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let stderr = std::io::stderr();
    let mut report = |message: &str, failed: Option<&nio::read::RecordError>| {
        let _ = writeln!(stderr.lock(), "newsfacts: {message}");
        if let (Some(w), Some(e)) = (errors.as_mut(), failed) {
            let line = serde_json::json!({
                "source": e.source,
                "line": e.line,
                "error": e.cause,
                "raw": e.raw,
            });
            let _ = writeln!(w, "{line}");
        }
    };
    let stats = nio::run(&extractor, &opts, &mut out, &mut report)
        .map_err(|e| format!("cannot write output: {e}"))?;
    if cli.stats {
        eprintln!(
            "newsfacts: {} documents read, {} written, {} failed, {} facts, {:.1} MB in {:.2} s, {:.1} MB/s",
            stats.read,
            stats.written,
            stats.failed,
            stats.facts,
            stats.bytes as f64 / 1e6,
            stats.seconds,
            stats.mb_per_s()
        );
    }
    if let Some(mut w) = errors {
        w.flush()
            .map_err(|e| format!("cannot write the errors file: {e}"))?;
    }
    Ok(if stats.interrupted {
        ExitCode::from(130)
    } else if stats.source_errors > 0 {
        ExitCode::from(2)
    } else if stats.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
