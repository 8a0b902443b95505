//! Any bytes as a JSON-lines input: every line through `parse_json_record`, and the whole
//! input through the streaming runner `newsfacts::io::run` (from a temp file), checking its
//! stats, that every output line is JSON, and that the parallel runner (2 threads) writes
//! exactly what the sequential one does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::{Extractor, Reference};
use newsfacts::io::read::{InputFormat, Item, ReadOptions, RecordError, parse_json_record};
use newsfacts::io::write::OutputMode;
use newsfacts::io::{RunOptions, run};
use newsfacts::offsets::OffsetUnit;
use std::path::PathBuf;
use std::sync::OnceLock;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
static TMPFILE: OnceLock<PathBuf> = OnceLock::new();

fn check_facts(text: &str, facts: &[newsfacts::Fact]) {
    for f in facts {
        assert!(f.start <= f.end && f.end <= text.len(), "bad span {f:?}");
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "span off char boundary {f:?}");
        assert_eq!(&text[f.start..f.end], f.text, "fact text differs from span");
    }
}

fuzz_target!(|data: &[u8]| {
    let extractor = EXTRACTOR.get_or_init(|| Extractor::builder().build().expect("embedded lexicons load"));
    let tmp = TMPFILE.get_or_init(|| {
        let dir = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        dir.join(format!("newsfacts-fuzz-{}.jsonl", std::process::id()))
    });

    // 1. Each line of the lossily decoded input through the JSON record parser.
    let read_opts = ReadOptions::default();
    let lossy = String::from_utf8_lossy(data);
    for (n, line) in lossy.lines().enumerate() {
        match parse_json_record(line, "fuzz", n + 1, &read_opts) {
            Item::Record(r) => {
                assert_eq!(r.raw.as_deref(), Some(line));
                let facts = extractor.extract(&r.text);
                check_facts(&r.text, &facts);
            }
            Item::Error(e) => {
                assert_eq!(e.line, n + 1);
                assert_eq!(e.source, "fuzz");
            }
            Item::SourceError(s) => panic!("parse_json_record gave a SourceError: {s}"),
        }
    }

    // 2. The whole input through the runner, as a JSON-lines file.
    std::fs::write(tmp, data).expect("write temp file");
    // Vary output mode, offset unit and reference date with the input so each gets used.
    let output = if data.len() % 2 == 0 { OutputMode::Facts } else { OutputMode::Docs };
    let offsets = match data.len() % 3 {
        0 => OffsetUnit::Chars,
        1 => OffsetUnit::Bytes,
        _ => OffsetUnit::Utf16,
    };
    let reference = (data.len() % 5 < 2).then(|| Reference::parse("2025-11-24").unwrap());
    let mut opts = RunOptions {
        paths: vec![tmp.clone()],
        output,
        offsets,
        reference,
        threads: 1,
        ..RunOptions::default()
    };
    opts.read.format = Some(InputFormat::Jsonl);
    // As the CLI does: keep the parsed record only for `--output docs`.
    opts.read.keep_record = output == OutputMode::Docs;

    let run_once = |opts: &RunOptions| {
        let mut out = Vec::new();
        let mut reports: Vec<(String, Option<RecordError>)> = Vec::new();
        let stats = run(extractor, opts, &mut out, &mut |m, e| reports.push((m.to_string(), e.cloned())))
            .expect("run into a Vec cannot fail");
        (out, reports, stats)
    };
    let (out, reports, stats) = run_once(&opts);
    assert_eq!(stats.read, stats.written + stats.failed, "read != written + failed: {stats:?}");
    assert_eq!(stats.source_errors, 0, "temp file unreadable? {stats:?}");
    let failed_reports = reports.iter().filter(|(_, e)| e.is_some()).count() as u64;
    assert_eq!(failed_reports, stats.failed, "record-error reports != failed: {stats:?}");
    assert!(!stats.interrupted && !stats.output_closed);

    // The parallel runner (2 workers) gives the same bytes, reports and counts.
    let mut par_opts = opts.clone();
    par_opts.threads = 2;
    let (par_out, par_reports, par_stats) = run_once(&par_opts);
    // Leave nothing behind in /dev/shm (fork mode starts many processes).
    let _ = std::fs::remove_file(tmp);
    assert!(par_out == out, "parallel output differs from sequential");
    assert_eq!(par_reports, reports, "parallel reports differ from sequential");
    let strip = |s: &newsfacts::io::Stats| newsfacts::io::Stats { seconds: 0.0, ..s.clone() };
    assert_eq!(strip(&par_stats), strip(&stats), "parallel stats differ from sequential");

    // Every output line is a JSON object; one line per fact (facts) or per record (docs).
    let out = std::str::from_utf8(&out).expect("output is UTF-8");
    let mut lines = 0u64;
    for line in out.lines() {
        lines += 1;
        let v: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("output line is not JSON ({e}): {line:?}"));
        assert!(v.is_object(), "output line is not an object: {line:?}");
    }
    match output {
        OutputMode::Facts => assert_eq!(lines, stats.facts, "facts lines != facts: {stats:?}"),
        OutputMode::Docs => assert_eq!(lines, stats.written, "docs lines != written: {stats:?}"),
    }

    // With valid UTF-8 the runner sees the same lines as a plain split (trailing \r\n
    // stripped, BOM dropped on line 1, blank lines skipped).
    if std::str::from_utf8(data).is_ok() {
        let (mut good, mut bad) = (0u64, 0u64);
        let mut pieces: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
        if data.last() == Some(&b'\n') {
            pieces.pop();
        }
        for (k, piece) in pieces.iter().enumerate() {
            let mut p = *piece;
            while let Some((&last, rest)) = p.split_last() {
                if last == b'\r' || last == b'\n' { p = rest } else { break }
            }
            if k == 0 && p.starts_with(b"\xEF\xBB\xBF") {
                p = &p[3..];
            }
            // A line of valid UTF-8 input can still be cut mid-character? No: '\n' and
            // '\r' are ASCII, so every piece is valid UTF-8.
            let s = std::str::from_utf8(p).unwrap();
            if s.trim().is_empty() {
                continue;
            }
            match parse_json_record(s, "x", k + 1, &read_opts) {
                Item::Record(_) => good += 1,
                _ => bad += 1,
            }
        }
        assert_eq!((stats.written, stats.failed), (good, bad), "runner and line split disagree: {stats:?}");
    }
});
