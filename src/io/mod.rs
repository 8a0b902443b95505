//! Input, output and the streaming runner behind the CLI.
//!
//! Documents are read one at a time, their facts written in input order, and memory grows
//! with the largest document, never with the input. A record that cannot be read is
//! reported (file, line, cause) and counted; the others still come out. A closed output
//! pipe ends the run quietly.

pub mod read;
pub mod write;

use crate::offsets::OffsetUnit;
use crate::{Extractor, Reference, Workspace};
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
    /// Worker threads; 1 (or 0) processes on the calling thread.
    pub threads: usize,
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

/// What processing some items produced: output bytes, messages for stderr (with the failed
/// record when there is one), and the counts.
#[derive(Default)]
struct Processed {
    bytes: Vec<u8>,
    messages: Vec<(String, Option<RecordError>)>,
    stats: Stats,
}

/// The output's size for a text of `text_bytes`, about: news facts come out at about twice
/// the size of their text. Room for it at once spares the output the steps of its growth,
/// each a copy of all it holds.
fn expected_output(text_bytes: usize) -> usize {
    text_bytes.saturating_mul(2).saturating_add(4096)
}

impl Processed {
    /// Empty, with room for `bytes` of output.
    fn with_capacity(bytes: usize) -> Processed {
        Processed {
            bytes: Vec::with_capacity(bytes),
            ..Processed::default()
        }
    }

    /// Processes one item, in input order, appending to this output.
    fn item(
        &mut self,
        extractor: &Extractor,
        workspace: &mut Workspace,
        opts: &RunOptions,
        item: Item,
    ) {
        let stats = &mut self.stats;
        match item {
            Item::Record(record) => {
                stats.read += 1;
                stats.bytes += record.text.len() as u64;
                let reference = match &record.date {
                    RecordDate::Absent => opts.reference,
                    RecordDate::Given(r) => Some(*r),
                    RecordDate::Invalid(warning) => {
                        self.messages.push((warning.clone(), None));
                        None
                    }
                };
                // The writer reads each fact's text off the record.
                let facts =
                    extractor.extract_without_texts(&record.text, reference.as_ref(), workspace);
                stats.facts += facts.len() as u64;
                write::write_record(&mut self.bytes, &record, &facts, opts.output, opts.offsets);
                stats.written += 1;
            }
            Item::Error(e) => {
                stats.read += 1;
                stats.failed += 1;
                self.messages.push((e.to_string(), Some(e)));
            }
            Item::SourceError(message) => {
                stats.source_errors += 1;
                self.messages.push((message, None));
            }
        }
    }

    /// Writes the bytes, reports the messages and adds the counts into `total`.
    fn deliver(
        &mut self,
        out: &mut dyn Write,
        report: &mut dyn FnMut(&str, Option<&RecordError>),
        total: &mut Stats,
    ) -> io::Result<()> {
        for (message, failed) in self.messages.drain(..) {
            report(&message, failed.as_ref());
        }
        total.add(&self.stats);
        self.stats = Stats::default();
        out.write_all(&self.bytes)?;
        self.bytes.clear();
        Ok(())
    }
}

impl Stats {
    fn add(&mut self, other: &Stats) {
        self.read += other.read;
        self.written += other.written;
        self.failed += other.failed;
        self.facts += other.facts;
        self.bytes += other.bytes;
        self.source_errors += other.source_errors;
    }
}

fn stopped(opts: &RunOptions) -> bool {
    opts.stop
        .as_ref()
        .is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed))
}

/// Runs the extractor over the inputs, writing to `out` in input order and reporting bad
/// records through `report`. With `opts.threads` > 1, documents are processed in parallel
/// in batches through bounded queues, so memory stays flat. Returns an error only when the
/// output cannot be written (other than a closed pipe).
pub fn run(
    extractor: &Extractor,
    opts: &RunOptions,
    out: &mut dyn Write,
    report: &mut dyn FnMut(&str, Option<&RecordError>),
) -> io::Result<Stats> {
    let started = Instant::now();
    let mut stats = Stats::default();
    let result = if opts.threads > 1 {
        run_parallel(extractor, opts, out, report, &mut stats)
    } else {
        run_sequential(extractor, opts, out, report, &mut stats)
    };
    let result = result.and_then(|()| out.flush());
    stats.seconds = started.elapsed().as_secs_f64();
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            stats.output_closed = true;
            Ok(stats)
        }
        Err(e) => Err(e),
        Ok(()) => Ok(stats),
    }
}

fn run_sequential(
    extractor: &Extractor,
    opts: &RunOptions,
    out: &mut dyn Write,
    report: &mut dyn FnMut(&str, Option<&RecordError>),
    stats: &mut Stats,
) -> io::Result<()> {
    // Delivered at 64 KiB: room for that and a document's output.
    let mut pending = Processed::with_capacity(2 << 16);
    let mut workspace = Workspace::default();
    let mut failure = None;
    let _ = read::read_all(&opts.paths, &opts.read, &mut |item| {
        pending.item(extractor, &mut workspace, opts, item);
        if stopped(opts) {
            stats.interrupted = true;
            return ControlFlow::Break(());
        }
        // Messages go out at once; bytes in blocks of 64 KiB.
        if (!pending.messages.is_empty() || pending.bytes.len() >= 1 << 16)
            && let Err(e) = pending.deliver(out, report, stats)
        {
            failure = Some(e);
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    });
    match failure {
        Some(e) => Err(e),
        None => pending.deliver(out, report, stats),
    }
}

/// Records of text per batch: large enough to amortize the queues, small enough to keep
/// memory flat.
const BATCH_BYTES: usize = 1 << 20;
const BATCH_ITEMS: usize = 256;

fn run_parallel(
    extractor: &Extractor,
    opts: &RunOptions,
    out: &mut dyn Write,
    report: &mut dyn FnMut(&str, Option<&RecordError>),
    stats: &mut Stats,
) -> io::Result<()> {
    use std::collections::BTreeMap;
    use std::sync::mpsc::{Receiver, sync_channel};
    use std::sync::{Arc, Mutex};

    let threads = opts.threads;
    let (batch_tx, batch_rx) = sync_channel::<(u64, Vec<Item>)>(threads * 2);
    let (done_tx, done_rx) = sync_channel::<(u64, Processed)>(threads * 2);
    type Batches = Receiver<(u64, Vec<Item>)>;
    let batch_rx: Arc<Mutex<Batches>> = Arc::new(Mutex::new(batch_rx));
    let mut interrupted = false;
    let result = std::thread::scope(|scope| {
        // The reader: items into batches, in order, numbered.
        let reader = scope.spawn(move || {
            let mut seq = 0u64;
            let mut batch = Vec::new();
            let mut size = 0usize;
            let mut interrupted = false;
            let flow = read::read_all(&opts.paths, &opts.read, &mut |item| {
                if let Item::Record(r) = &item {
                    size += r.text.len();
                }
                batch.push(item);
                if stopped(opts) {
                    interrupted = true;
                    return ControlFlow::Break(());
                }
                if batch.len() >= BATCH_ITEMS || size >= BATCH_BYTES {
                    size = 0;
                    if batch_tx.send((seq, std::mem::take(&mut batch))).is_err() {
                        return ControlFlow::Break(());
                    }
                    seq += 1;
                }
                ControlFlow::Continue(())
            });
            if !batch.is_empty() && (flow.is_continue() || interrupted) {
                let _ = batch_tx.send((seq, batch));
            }
            interrupted
        });
        // The workers.
        for _ in 0..threads {
            let batch_rx = Arc::clone(&batch_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || {
                let mut workspace = Workspace::default();
                loop {
                    let next = match batch_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, items)) = next else {
                        return;
                    };
                    let text_bytes = items
                        .iter()
                        .map(|item| match item {
                            Item::Record(r) => r.text.len(),
                            _ => 0,
                        })
                        .sum();
                    let mut processed = Processed::with_capacity(expected_output(text_bytes));
                    for item in items {
                        processed.item(extractor, &mut workspace, opts, item);
                    }
                    if done_tx.send((seq, processed)).is_err() {
                        return;
                    }
                }
            });
        }
        // Only the workers may hold the queues' far ends: when they stop (the output was
        // closed), the reader's next send fails and it stops too.
        drop(done_tx);
        drop(batch_rx);
        // The writer (this thread): batches back into input order.
        let mut waiting: BTreeMap<u64, Processed> = BTreeMap::new();
        let mut next = 0u64;
        let mut result = Ok(());
        for (seq, processed) in done_rx.iter() {
            waiting.insert(seq, processed);
            while let Some(mut ready) = waiting.remove(&next) {
                next += 1;
                if let Err(e) = ready.deliver(out, report, stats) {
                    result = Err(e);
                    break;
                }
            }
            if result.is_err() {
                break;
            }
        }
        // Dropping the receiver stops the workers, which stops the reader.
        drop(done_rx);
        interrupted = reader.join().unwrap_or(false);
        result
    });
    stats.interrupted = interrupted;
    result
}
