//! Input, output and the streaming runner behind the CLI.
//!
//! Documents are read one at a time, their facts written in input order, and memory grows
//! with the largest document, never with the input. A record that cannot be read is
//! reported (file, line, cause) and counted; the others still come out. A closed output
//! pipe ends the run quietly.

pub mod read;
pub mod write;

use crate::offsets::OffsetUnit;
use crate::{Extractor, Reference};
use read::{Item, ReadOptions, RecordDate, RecordError};
use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::Instant;
use write::OutputMode;

/// Everything a run needs besides the extractor.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Input paths; empty or `-` is stdin.
    pub paths: Vec<PathBuf>,
    /// How to read them.
    pub read: ReadOptions,
    /// What a line of output is.
    pub output: OutputMode,
    /// The unit of `start`/`end`.
    pub offsets: OffsetUnit,
    /// The reference date for relative expressions ("вчера"), unless a record says its own.
    pub reference: Option<Reference>,
    /// Set (by a Ctrl-C handler) to stop after the current document, with whole lines.
    pub stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Documents read (good and failed).
    pub read: u64,
    /// Documents written.
    pub written: u64,
    /// Records that failed.
    pub failed: u64,
    /// Facts written.
    pub facts: u64,
    /// Bytes of document text processed.
    pub bytes: u64,
    /// Paths that could not be read at all.
    pub source_errors: u64,
    /// Seconds.
    pub seconds: f64,
    /// The output pipe was closed by the reader.
    pub output_closed: bool,
    /// The run was stopped (Ctrl-C) before the input ended.
    pub interrupted: bool,
}

impl Stats {
    /// Text throughput in MB/s (10^6 bytes).
    pub fn mb_per_s(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }
}

/// Runs the extractor over the inputs, writing to `out` and reporting bad records through
/// `report`. Returns an error only when the output cannot be written (other than a closed
/// pipe).
pub fn run(
    extractor: &Extractor,
    opts: &RunOptions,
    out: &mut dyn Write,
    report: &mut dyn FnMut(&str, Option<&RecordError>),
) -> io::Result<Stats> {
    let started = Instant::now();
    let mut stats = Stats::default();
    let mut buf = Vec::with_capacity(1 << 16);
    let mut failure: Option<io::Error> = None;
    let _ = read::read_all(&opts.paths, &opts.read, &mut |item| {
        match item {
            Item::Record(record) => {
                stats.read += 1;
                stats.bytes += record.text.len() as u64;
                let reference = match &record.date {
                    RecordDate::Absent => opts.reference,
                    RecordDate::Given(r) => Some(*r),
                    RecordDate::Invalid(warning) => {
                        report(warning, None);
                        None
                    }
                };
                let facts = extractor.extract_at(&record.text, reference.as_ref());
                stats.facts += facts.len() as u64;
                write::write_record(&mut buf, &record, &facts, opts.output, opts.offsets);
                stats.written += 1;
            }
            Item::Error(e) => {
                stats.read += 1;
                stats.failed += 1;
                report(&e.to_string(), Some(&e));
            }
            Item::SourceError(message) => {
                stats.source_errors += 1;
                report(&message, None);
            }
        }
        if opts
            .stop
            .as_ref()
            .is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed))
        {
            stats.interrupted = true;
            return ControlFlow::Break(());
        }
        if buf.len() >= 1 << 16
            && let Err(e) = flush(out, &mut buf)
        {
            failure = Some(e);
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    });
    if failure.is_none()
        && let Err(e) = flush(out, &mut buf).and_then(|()| out.flush())
    {
        failure = Some(e);
    }
    stats.seconds = started.elapsed().as_secs_f64();
    match failure {
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            stats.output_closed = true;
            Ok(stats)
        }
        Some(e) => Err(e),
        None => Ok(stats),
    }
}

fn flush(out: &mut dyn Write, buf: &mut Vec<u8>) -> io::Result<()> {
    out.write_all(buf)?;
    buf.clear();
    Ok(())
}
