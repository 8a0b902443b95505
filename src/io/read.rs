//! Reading documents: files, folders (walked in sorted order), stdin; plain text or JSON
//! lines; `.gz` and `.zst` transparently. Streaming: one line (or, for whole-file text
//! documents, one file) in memory at a time; compressed files are decoded as they are read.

use flate2::read::MultiGzDecoder;
use ruzstd::decoding::errors::{FrameDecoderError, ReadFrameHeaderError};
use ruzstd::decoding::{BlockDecodingStrategy, FrameDecoder};
use serde_json::{Map, Value as Json};
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use crate::Reference;

mod fields;

/// How input is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text: a file is one document (or, with `lines`, a line is).
    Text,
    /// JSON lines: one record a line.
    Jsonl,
}

/// Reading options.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// The format; `None` decides by extension (`.jsonl`, `.ndjson` are JSON lines).
    pub format: Option<InputFormat>,
    /// Text input: every line is a document.
    pub lines: bool,
    /// JSON lines: the field holding the document id.
    pub id_field: String,
    /// JSON lines: the field holding the text.
    pub text_field: String,
    /// JSON lines: the field holding the document's date, the reference for its relative
    /// dates ("вчера").
    pub date_field: String,
    /// Decode invalid UTF-8 with U+FFFD instead of failing the record (offsets then refer
    /// to the decoded text).
    pub lossy: bool,
    /// JSON lines: keep the parsed record and its raw line (`--output docs` writes them
    /// back); without it the text is moved out of the record, not copied.
    pub keep_record: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            lines: false,
            id_field: "id".into(),
            text_field: "text".into(),
            date_field: "date".into(),
            lossy: false,
            keep_record: true,
        }
    }
}

/// A document to extract facts from.
#[derive(Debug, Clone)]
pub struct Record {
    /// The id: the record's id field, else `source:line`; for text files the path.
    pub id: String,
    /// The text.
    pub text: String,
    /// JSON lines: the record as read, for `--output docs`.
    pub json: Option<Map<String, Json>>,
    /// JSON lines: the raw line, so `--output docs` can keep the record exactly as it came.
    pub raw: Option<String>,
    /// JSON lines: the date the record's date field says.
    pub date: RecordDate,
}

/// The date of a JSON record: the reference date of its relative expressions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum RecordDate {
    /// No date field, or `null`, or an empty string: the run's reference date applies.
    #[default]
    Absent,
    /// A date (`YYYY-MM-DD`, or an ISO timestamp: only its date and minute count).
    Given(Reference),
    /// A date field that is no date: the record is read without a reference date (not
    /// with the run's, which would be a guess), and this warning says why.
    Invalid(String),
}

/// A record that could not be read; every other record still comes out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The file (`-` for stdin).
    pub source: String,
    /// The 1-based line.
    pub line: usize,
    /// Why.
    pub cause: String,
    /// The raw line, when there is one (lossily decoded).
    pub raw: Option<String>,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.source, self.line, self.cause)
    }
}

/// What reading yields, in input order.
#[derive(Debug)]
pub enum Item {
    /// A document.
    Record(Record),
    /// A record that failed.
    Error(RecordError),
    /// A path that could not be read at all (missing, unreadable): a fatal error for the
    /// exit code, though the other paths are still read.
    SourceError(String),
}

/// Reads every path in order (`-` or no path at all is stdin), calling `f` for each item
/// until it breaks.
pub fn read_all(
    paths: &[PathBuf],
    opts: &ReadOptions,
    f: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if paths.is_empty() {
        return read_stdin(opts, f);
    }
    for path in paths {
        if path.as_os_str() == "-" {
            read_stdin(opts, f)?;
        } else if path.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = walk(path, &mut files) {
                f(Item::SourceError(format!("{}: {e}", path.display())))?;
            }
            for file in files {
                read_file(&file, opts, f)?;
            }
        } else {
            read_file(path, opts, f)?;
        }
    }
    ControlFlow::Continue(())
}

/// Every file under `dir`, recursively, in sorted order; hidden entries are skipped.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

fn read_stdin(opts: &ReadOptions, f: &mut dyn FnMut(Item) -> ControlFlow<()>) -> ControlFlow<()> {
    let stdin = io::stdin();
    let format = opts.format.unwrap_or(InputFormat::Text);
    read_stream(Box::new(stdin.lock()), "-", format, opts, f)
}

/// The format a path implies: `.jsonl`/`.ndjson` (optionally `.gz` or `.zst`) are JSON lines.
pub fn format_of(path: &Path) -> InputFormat {
    let name = path.to_string_lossy().to_lowercase();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(&name);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        InputFormat::Jsonl
    } else {
        InputFormat::Text
    }
}

fn read_file(
    path: &Path,
    opts: &ReadOptions,
    f: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return f(Item::SourceError(format!("{name}: {e}"))),
    };
    let format = opts.format.unwrap_or_else(|| format_of(path));
    let is = |ext: &str| {
        path.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(ext))
    };
    let reader: Box<dyn BufRead> = if is("gz") {
        Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(file)))
    } else if is("zst") {
        let file = BufReader::with_capacity(1 << 16, file);
        Box::new(BufReader::with_capacity(1 << 16, ZstdDecoder::new(file)))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    read_stream(reader, &name, format, opts, f)
}

/// A `.zst` stream's decompressed bytes, decoded as they are read (one block, at most 128 KiB,
/// at a time, plus the frame's window). Like `zstd -d`: every frame in turn (concatenated
/// frames are one stream), skippable frames skipped, each frame's checksum checked when it
/// has one, and an empty or cut-off file is an error. Bad data is an `InvalidData` error
/// that begins "corrupt zstd data"; the caller names the file.
struct ZstdDecoder<R: BufRead> {
    source: R,
    frame: FrameDecoder,
    /// Inside a frame (its header read); otherwise at a frame boundary.
    in_frame: bool,
    /// Frames (skippable ones too) begun so far.
    frames: u64,
}

impl<R: BufRead> ZstdDecoder<R> {
    fn new(source: R) -> Self {
        ZstdDecoder {
            source,
            frame: FrameDecoder::new(),
            in_frame: false,
            frames: 0,
        }
    }

    /// At a frame boundary with input left: reads the next frame's header, or skips a
    /// skippable frame whole.
    fn next_frame(&mut self) -> io::Result<()> {
        self.frames += 1;
        match self.frame.reset(&mut self.source) {
            Ok(()) => {
                self.in_frame = true;
                Ok(())
            }
            Err(FrameDecoderError::ReadFrameHeaderError(ReadFrameHeaderError::SkipFrame {
                length,
                ..
            })) => {
                let skipped = io::copy(
                    &mut (&mut self.source).take(u64::from(length)),
                    &mut io::sink(),
                )?;
                if skipped < u64::from(length) {
                    return Err(corrupt_zstd(format!(
                        "skippable frame of {length} bytes cut off after {skipped}"
                    )));
                }
                Ok(())
            }
            Err(FrameDecoderError::ReadFrameHeaderError(ReadFrameHeaderError::BadMagicNumber(
                magic,
            ))) => Err(corrupt_zstd(if self.frames == 1 {
                format!("not zstd data (magic number {magic:#010x})")
            } else {
                format!(
                    "garbage after frame {} (magic number {magic:#010x})",
                    self.frames - 1
                )
            })),
            Err(FrameDecoderError::WindowSizeTooBig { requested, max }) => Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "zstd frame {} needs a window of {requested} bytes, over the limit of {max} \
                     (the limit of `zstd -d` without --memory; made with --long=28 or more?)",
                    self.frames
                ),
            )),
            Err(e) => Err(zstd_error(&e, self.frames)),
        }
    }

    /// At the end of a frame, all of it read: its checksum, when it has one, must match.
    fn check_frame(&self) -> io::Result<()> {
        match (
            self.frame.get_checksum_from_data(),
            self.frame.get_calculated_checksum(),
        ) {
            (Some(stored), Some(computed)) if stored != computed => Err(corrupt_zstd(format!(
                "checksum mismatch in frame {} (stored {stored:#010x}, content {computed:#010x})",
                self.frames
            ))),
            _ => Ok(()),
        }
    }
}

impl<R: BufRead> Read for ZstdDecoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if !self.in_frame {
                if self.source.fill_buf()?.is_empty() {
                    if self.frames == 0 {
                        return Err(corrupt_zstd("empty file, no zstd frame".into()));
                    }
                    return Ok(0);
                }
                self.next_frame()?;
                continue;
            }
            let n = self.frame.read(buf)?;
            if n > 0 {
                return Ok(n);
            }
            if self.frame.is_finished() {
                self.in_frame = false;
                self.check_frame()?;
                continue;
            }
            self.frame
                .decode_blocks(&mut self.source, BlockDecodingStrategy::UptoBlocks(1))
                .map_err(|e| zstd_error(&e, self.frames))?;
        }
    }
}

/// A decoder error as the user needs it: a cut-off file said in words, else the decoder's
/// own account.
fn zstd_error(e: &FrameDecoderError, frame: u64) -> io::Error {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::UnexpectedEof)
        {
            return corrupt_zstd(format!("the file ends inside frame {frame}"));
        }
        cause = c.source();
    }
    corrupt_zstd(e.to_string())
}

fn corrupt_zstd(cause: String) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("corrupt zstd data: {cause}"),
    )
}

fn read_stream(
    mut reader: Box<dyn BufRead + '_>,
    source: &str,
    format: InputFormat,
    opts: &ReadOptions,
    f: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if format == InputFormat::Text && !opts.lines {
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return f(Item::SourceError(format!("{source}: {e}")));
        }
        let decoded = match String::from_utf8(bytes) {
            Err(e) if opts.lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            other => other,
        };
        let item = match decoded {
            Ok(text) => Item::Record(Record {
                id: source.to_string(),
                text: strip_bom(text),
                json: None,
                raw: None,
                date: RecordDate::Absent,
            }),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let bytes = e.as_bytes();
                let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
                Item::Error(RecordError {
                    source: source.to_string(),
                    line,
                    cause: format!("invalid UTF-8 at byte {at}"),
                    raw: None,
                })
            }
        };
        return f(item);
    }
    // A line whole in the reader's buffer is read there; one that runs past it (or ends the
    // input without a line feed) is gathered in `buf`.
    let mut buf = Vec::new();
    let mut line = 0usize;
    loop {
        let in_buffer = match reader.fill_buf() {
            Ok([]) => return ControlFlow::Continue(()),
            Ok(available) => first_where(available, 0, |b| b == b'\n').map(|end| {
                let item = line_item(&available[..end], source, line + 1, format, opts);
                (item, end + 1)
            }),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return f(Item::SourceError(format!("{source}:{}: {e}", line + 1))),
        };
        line += 1;
        let item = match in_buffer {
            Some((item, used)) => {
                reader.consume(used);
                item
            }
            None => {
                buf.clear();
                if let Err(e) = reader.read_until(b'\n', &mut buf) {
                    return f(Item::SourceError(format!("{source}:{line}: {e}")));
                }
                line_item(&buf, source, line, format, opts)
            }
        };
        // `None`: a blank line of JSON lines, skipped.
        if let Some(item) = item {
            f(item)?;
        }
    }
}

/// The item line `line` of a stream makes (its bytes, with or without their line feed);
/// `None` for a blank line of JSON lines.
fn line_item(
    mut bytes: &[u8],
    source: &str,
    line: usize,
    format: InputFormat,
    opts: &ReadOptions,
) -> Option<Item> {
    while let [rest @ .., b'\n' | b'\r'] = bytes {
        bytes = rest;
    }
    if line == 1 {
        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    }
    let lossy;
    // A SIMD check first: most lines are valid, and the standard check (which says
    // where a line goes wrong) runs only on the ones that are not.
    let decoded = match simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)) {
        Err(_) if opts.lossy => {
            lossy = String::from_utf8_lossy(bytes).into_owned();
            Ok(lossy.as_str())
        }
        other => other,
    };
    Some(match decoded {
        Err(e) => Item::Error(RecordError {
            source: source.to_string(),
            line,
            cause: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            raw: Some(String::from_utf8_lossy(bytes).into_owned()),
        }),
        Ok(text) => match format {
            InputFormat::Text => Item::Record(Record {
                id: format!("{source}:{line}"),
                text: text.to_string(),
                json: None,
                raw: None,
                date: RecordDate::Absent,
            }),
            InputFormat::Jsonl => {
                if text.trim().is_empty() {
                    return None;
                }
                parse_json_record(text, source, line, opts)
            }
        },
    })
}

/// The bytes [`first_where`] tests at once.
const CHUNK: usize = 32;

/// Where, from `i` on, the first byte is that `wanted` says.
#[inline]
fn first_where(bytes: &[u8], mut i: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    // A chunk at a time, as one test per byte over a fixed-size array that the compiler
    // turns into a few vector instructions (measured on a JSON string's end: ~1.5
    // instructions a byte, against ~2.4 for serde_json's 64-bit word test).
    while let Some(chunk) = bytes.get(i..i + CHUNK) {
        let mut found = [false; CHUNK];
        for (&b, found) in chunk.iter().zip(&mut found) {
            *found = wanted(b);
        }
        // Tested whole first (a vector compare): most chunks have none.
        if found != [false; CHUNK] {
            return found.iter().position(|&f| f).map(|k| i + k);
        }
        i += CHUNK;
    }
    bytes[i..].iter().position(|&b| wanted(b)).map(|k| i + k)
}

fn strip_bom(mut text: String) -> String {
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    text
}

/// The error of JSON line `n` of `source`, with the line itself.
fn line_error(line: &str, source: &str, n: usize, cause: String) -> Item {
    Item::Error(RecordError {
        source: source.to_string(),
        line: n,
        cause,
        raw: Some(line.to_string()),
    })
}

/// Parses one JSON line into a record, or says why it is not one.
pub fn parse_json_record(line: &str, source: &str, n: usize, opts: &ReadOptions) -> Item {
    let error = |cause: String| line_error(line, source, n, cause);
    // Without the record to keep, only its fields are read (when the text field is a key of
    // its own: serde_json's record would give an id or date of that key the taken text).
    if !opts.keep_record
        && opts.text_field != opts.id_field
        && opts.text_field != opts.date_field
        && let Some(fields) = fields::read(line, &opts.text_field, &opts.id_field, &opts.date_field)
    {
        let text = match fields.text {
            Some(Ok(text)) => text,
            Some(Err(kind)) => return error(not_a_string(&opts.text_field, kind)),
            None => return error(format!("no field {:?}", opts.text_field)),
        };
        return Item::Record(Record {
            id: record_id(fields.id.as_ref(), source, n),
            text,
            json: None,
            raw: None,
            date: record_date(fields.date.as_ref(), source, n, opts),
        });
    }
    parse_json_value(line, source, n, opts)
}

/// [`parse_json_record`] by way of the `serde_json::Value` of the whole line.
fn parse_json_value(line: &str, source: &str, n: usize, opts: &ReadOptions) -> Item {
    let error = |cause: String| line_error(line, source, n, cause);
    let json: Json = match serde_json::from_str(line) {
        Ok(j) => j,
        Err(e) => return error(format!("bad JSON: {e}")),
    };
    let Json::Object(map) = json else {
        return error("not a JSON object".into());
    };
    let mut map = map;
    let text = match map.get_mut(&opts.text_field) {
        Some(Json::String(s)) if opts.keep_record => s.clone(),
        Some(Json::String(s)) => std::mem::take(s),
        Some(other) => return error(not_a_string(&opts.text_field, kind_of(other))),
        None => return error(format!("no field {:?}", opts.text_field)),
    };
    let id = record_id(map.get(&opts.id_field), source, n);
    let date = record_date(map.get(&opts.date_field), source, n, opts);
    let (json, raw) = if opts.keep_record {
        (Some(map), Some(line.to_string()))
    } else {
        (None, None)
    };
    Item::Record(Record {
        id,
        text,
        json,
        raw,
        date,
    })
}

fn not_a_string(field: &str, kind: &str) -> String {
    format!("field {field:?} is not a string but {kind}")
}

/// The id a record's id field gives, else `source:n`.
fn record_id(value: Option<&Json>, source: &str, n: usize) -> String {
    match value {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Number(num)) => num.to_string(),
        _ => format!("{source}:{n}"),
    }
}

/// The date a record's date field gives.
fn record_date(value: Option<&Json>, source: &str, n: usize, opts: &ReadOptions) -> RecordDate {
    match value {
        None | Some(Json::Null) => RecordDate::Absent,
        Some(Json::String(s)) if s.trim().is_empty() => RecordDate::Absent,
        Some(Json::String(s)) => match Reference::parse(s) {
            Ok(r) => RecordDate::Given(r),
            Err(e) => RecordDate::Invalid(format!(
                "{source}:{n}: field {:?}: {e}; its relative dates stay unresolved",
                opts.date_field
            )),
        },
        Some(other) => RecordDate::Invalid(format!(
            "{source}:{n}: field {:?} is not a date but {}; its relative dates stay unresolved",
            opts.date_field,
            kind_of(other)
        )),
    }
}

fn kind_of(j: &Json) -> &'static str {
    match j {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(input: &str, format: InputFormat, lines: bool) -> Vec<Item> {
        let opts = ReadOptions {
            format: Some(format),
            lines,
            ..ReadOptions::default()
        };
        let mut out = Vec::new();
        let _ = read_stream(
            Box::new(io::Cursor::new(input.as_bytes().to_vec())),
            "in.jsonl",
            format,
            &opts,
            &mut |i| {
                out.push(i);
                ControlFlow::Continue(())
            },
        );
        out
    }

    #[test]
    fn jsonl_errors_name_the_line_and_keep_neighbours() {
        let input = "{\"id\":\"a\",\"text\":\"x\"}\n{bad\n[1]\n{\"id\":\"d\",\"text\":5}\n{\"text\":\"e\"}\n\n";
        let got = items(input, InputFormat::Jsonl, false);
        assert_eq!(got.len(), 5);
        assert!(matches!(&got[0], Item::Record(r) if r.id == "a"));
        assert!(
            matches!(&got[1], Item::Error(e) if e.line == 2 && e.cause.starts_with("bad JSON"))
        );
        assert!(matches!(&got[2], Item::Error(e) if e.line == 3 && e.cause == "not a JSON object"));
        assert!(
            matches!(&got[3], Item::Error(e) if e.line == 4 && e.cause.contains("not a string but a number"))
        );
        assert!(matches!(&got[4], Item::Record(r) if r.id == "in.jsonl:5"));
    }

    #[test]
    fn the_date_field_gives_the_reference() {
        let input = "{\"text\":\"a\",\"date\":\"2025-11-24T10:00:00Z\"}\n{\"text\":\"b\",\"date\":\"24.11.2025\"}\n{\"text\":\"c\",\"date\":null}\n{\"text\":\"d\",\"date\":20251124}\n{\"text\":\"e\"}\n";
        let dates: Vec<RecordDate> = items(input, InputFormat::Jsonl, false)
            .into_iter()
            .map(|i| match i {
                Item::Record(r) => r.date,
                _ => panic!("not a record"),
            })
            .collect();
        assert_eq!(
            dates[0],
            RecordDate::Given(Reference::parse("2025-11-24T10:00").unwrap())
        );
        assert!(
            matches!(&dates[1], RecordDate::Invalid(w) if w.starts_with("in.jsonl:2: field \"date\""))
        );
        assert_eq!(dates[2], RecordDate::Absent);
        assert!(
            matches!(&dates[3], RecordDate::Invalid(w) if w.contains("not a date but a number"))
        );
        assert_eq!(dates[4], RecordDate::Absent);
    }

    /// The record (or error) read field by field, and by way of a `Value`, as their debug text.
    fn both_ways(line: &str, opts: &ReadOptions) -> (String, String) {
        (
            format!("{:?}", parse_json_record(line, "in", 7, opts)),
            format!("{:?}", parse_json_value(line, "in", 7, opts)),
        )
    }

    fn no_record_kept() -> ReadOptions {
        ReadOptions {
            keep_record: false,
            ..ReadOptions::default()
        }
    }

    #[test]
    fn fields_read_one_by_one_are_what_the_whole_value_gives() {
        let nested = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let mut lines: Vec<String> = [
            r#"{"id":"a","text":"plain"}"#,
            r#" { "id" : "a" , "text" : "x" } "#,
            "{\t\"text\"\r:\n\"x\"}",
            r#"{"text":"\"\\\/\b\f\n\r\t \u0041\u00e9\u0000\u20AC\uFFFF end"}"#,
            r#"{"text":"pair \ud83d\ude00"}"#,
            r#"{"text":"lone \ud800 x"}"#,
            r#"{"text":"lone \udc00"}"#,
            r#"{"text":"bad \x"}"#,
            r#"{"text":"short \u12"}"#,
            r#"{"text":"sign \u+123"}"#,
            "{\"text\":\"tab\tinside\"}",
            r#"{"text":"unclosed}"#,
            r#"{"text":"a",}"#,
            r#"{"text":"a"} x"#,
            r#"{"text":"a"}}"#,
            r#"{"text":"a" "id":"b"}"#,
            r#"{"text":1,"text":"second"}"#,
            r#"{"text":"first","text":null}"#,
            r#"{"text":[1,{"a":"b"}]}"#,
            r#"{"text":{"a":[]}}"#,
            r#"{"text":true}"#,
            r#"{"text":-1.5e3}"#,
            r#"{"id":"a"}"#,
            r#"{}"#,
            r#"{ }"#,
            r#"[1]"#,
            r#""text""#,
            r#"{"text":"a","n":1e999}"#,
            r#"{"text":"a","n":-0,"m":18446744073709551616,"k":1.0E+2}"#,
            r#"{"text":"a","n":01}"#,
            r#"{"text":"a","n":1"b":2}"#,
            r#"{"text":"a","n":tru}"#,
            r#"{"text":"a","n":[nul]}"#,
            r#"{"text":"a","s":"bad \ud800"}"#,
            r#"{"text":"a","s":"ok \ud83d\ude00 \" \\"}"#,
            r#"{"text":"a","o":{"\u0041":[1,2,{"x":null}],"b":false}}"#,
            r#"{"te\u0078t":"escaped key"}"#,
            r#"{"текст":"x","text":"y"}"#,
            r#"{"id":5,"text":"a"}"#,
            r#"{"id":5.50,"text":"a"}"#,
            r#"{"id":-12e-1,"text":"a"}"#,
            r#"{"id":true,"text":"a"}"#,
            r#"{"id":[1],"text":"a"}"#,
            r#"{"id":{},"text":"a"}"#,
            r#"{"id":"\u0041\n","text":"a"}"#,
            r#"{"id":5x,"text":"a"}"#,
            r#"{"text":"a","date":"2025-11-24"}"#,
            r#"{"text":"a","date":"2025-11-24T10:00:00Z"}"#,
            r#"{"text":"a","date":"soon"}"#,
            r#"{"text":"a","date":null}"#,
            r#"{"text":"a","date":"  "}"#,
            r#"{"text":"a","date":20251124}"#,
            r#"{"text":"a","date":[2025]}"#,
            r#"{"text":"a","date":"2025-11-24","date":false}"#,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Nesting about serde_json's limit, in a passed-through field and in the text field.
        for depth in [1, 125, 126, 127, 128, 200] {
            lines.push(format!("{{\"text\":\"a\",\"deep\":{}}}", nested(depth)));
            lines.push(format!("{{\"text\":{}}}", nested(depth)));
        }
        // A long text, past the chunks the scan reads, with escapes at every place in them.
        for at in 0..70 {
            let mut text = "q".repeat(80);
            text.insert_str(at, r"\n");
            text.push('ж');
            lines.push(format!("{{\"text\":\"{text}{}\"}}", "x".repeat(at)));
            lines.push(format!(
                "{{\"text\":\"{}\u{1}{}\"}}",
                "y".repeat(at),
                "z".repeat(40)
            ));
        }
        let mut same_id_and_date = no_record_kept();
        same_id_and_date.date_field = "id".into();
        for line in &lines {
            for opts in [&no_record_kept(), &same_id_and_date] {
                let (fields, value) = both_ways(line, opts);
                assert_eq!(fields, value, "{line}");
            }
        }
    }

    #[test]
    fn the_field_reader_leaves_only_the_unusual_to_serde_json() {
        let takes = |line: &str| fields::read(line, "text", "id", "date").is_some();
        let deep = |depth: usize| {
            format!(
                "{{\"text\":\"a\",\"d\":{}1{}}}",
                "[".repeat(depth),
                "]".repeat(depth)
            )
        };
        assert!(takes(
            r#"{"id":"a","text":"x\n\"y\" \u00e9","n":[1,{"k":null}],"id":7}"#
        ));
        assert!(takes(r#"{"text":5,"date":null}"#));
        assert!(takes(&deep(126)));
        assert!(!takes(&deep(127)));
        assert!(!takes(r#"{"text":"\ud83d\ude00"}"#));
        assert!(!takes(r#"{"te\u0078t":"a"}"#));
        assert!(!takes(r#"{"id":[1],"text":"a"}"#));
        assert!(!takes(r#"{"text":"a"} x"#));
    }

    proptest::proptest! {
        #[test]
        fn fields_agree_with_the_value_on_any_json_like_line(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "{", "}", "[", "]", ":", ",", " ", "\"", "\\", "\"text\"", "\"id\"", "\"date\"",
                "\"x\"", "\"2025-01-02\"", "1", "-2.5e3", "1e999", "null", "true", "ab", "ж",
                "\\n", "\\u0041", "\\ud800", "\\ude00", "\t", "\u{1}",
            ]), 0..24),
        ) {
            let line = pieces.concat();
            let (fields, value) = both_ways(&line, &no_record_kept());
            proptest::prop_assert_eq!(fields, value, "{}", line);
        }

        #[test]
        fn fields_agree_with_the_value_on_records(
            text in "[a-zж\"\\\\\n\t/\u{1}-\u{1f}]{0,80}",
            extra in proptest::sample::select(vec![
                "", ",\"n\":1", ",\"a\":[1,\"b\",{\"c\":null}]", ",\"text\":2", ",\"id\":3",
                ",\"date\":\"2024-02-03\"", ",\"x\":1e400",
            ]),
        ) {
            let line = format!("{{\"id\":\"r\",\"text\":{}{extra}}}", serde_json::to_string(&text).unwrap());
            let (fields, value) = both_ways(&line, &no_record_kept());
            proptest::prop_assert_eq!(fields, value, "{}", line);
        }
    }

    #[test]
    fn first_where_finds_what_a_byte_by_byte_search_finds() {
        // Runs of 40 plain bytes (whole chunks) between runs of mixed ones.
        let mixed = b"ab\"c\\\n\x01\xD0\xB6";
        let bytes: Vec<u8> = (0..300)
            .map(|k| {
                if (k / 40) % 2 == 0 {
                    b'x'
                } else {
                    mixed[(k * 7 + k / 11) % mixed.len()]
                }
            })
            .collect();
        for wanted in [b'"', b'\\', b'\n', 1, b'z'] {
            for from in 0..bytes.len() {
                let byte_by_byte = bytes[from..]
                    .iter()
                    .position(|&b| b == wanted)
                    .map(|k| from + k);
                assert_eq!(first_where(&bytes, from, |b| b == wanted), byte_by_byte);
            }
        }
        assert_eq!(first_where(&[b'x'; 100], 0, |b| b == b'y'), None);
        assert_eq!(first_where(&[], 0, |b| b == b'y'), None);
    }

    #[test]
    fn lines_across_the_readers_buffer_read_as_lines_within_it() {
        let input = b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"\xD0\xB6 5%\"}\r\n\n  \n{bad\n{\"text\":\"\xFF\"}\r\r\n{\"text\":\"long enough to cross any small buffer, 15%\"}\n{\"text\":\"last, no line feed\"}";
        let read = |capacity: usize, format: InputFormat| {
            let opts = ReadOptions {
                format: Some(format),
                lines: true,
                ..ReadOptions::default()
            };
            let mut out = Vec::new();
            let reader = io::BufReader::with_capacity(capacity, &input[..]);
            let _ = read_stream(Box::new(reader), "in", format, &opts, &mut |i| {
                out.push(format!("{i:?}"));
                ControlFlow::Continue(())
            });
            out
        };
        for format in [InputFormat::Jsonl, InputFormat::Text] {
            let whole = read(1 << 16, format);
            assert_eq!(
                whole.len(),
                if format == InputFormat::Jsonl { 5 } else { 7 }
            );
            for capacity in 1..input.len() {
                assert_eq!(read(capacity, format), whole, "buffer of {capacity}");
            }
        }
    }

    #[test]
    fn text_lines_get_path_line_ids() {
        let got = items("один\r\nдва\n", InputFormat::Text, true);
        let ids: Vec<String> = got
            .iter()
            .map(|i| match i {
                Item::Record(r) => format!("{}={}", r.id, r.text),
                _ => "?".into(),
            })
            .collect();
        assert_eq!(ids, ["in.jsonl:1=один", "in.jsonl:2=два"]);
    }

    #[test]
    fn extension_decides_the_format() {
        assert_eq!(format_of(Path::new("a.jsonl")), InputFormat::Jsonl);
        assert_eq!(format_of(Path::new("a.NDJSON.gz")), InputFormat::Jsonl);
        assert_eq!(format_of(Path::new("a.txt.gz")), InputFormat::Text);
    }

    fn unzstd(data: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        ZstdDecoder::new(io::BufReader::new(data)).read_to_end(&mut out)?;
        Ok(out)
    }

    fn zstd(data: &[u8]) -> Vec<u8> {
        ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
    }

    #[test]
    fn zstd_frames_are_read_in_turn_and_skippable_frames_skipped() {
        // 1.1 MB over many blocks, well past the frame's window, then a skippable frame, then
        // a second frame: one stream, as `zstd -d` gives it.
        let big: Vec<u8> = (0..40_000)
            .flat_map(|k| format!("строка {k}: рост {}%\n", k % 97).into_bytes())
            .collect();
        let mut data = zstd(&big);
        data.extend([0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 0xAA, 0xBB, 0xCC]);
        data.extend(zstd("хвост 5%".as_bytes()));
        let mut expected = big.clone();
        expected.extend("хвост 5%".as_bytes());
        assert_eq!(unzstd(&data).unwrap(), expected);
        // Byte by byte, the same.
        let small = zstd("Рост 15%, выручка $1,1 млрд.\n".repeat(40).as_bytes());
        let mut decoder = ZstdDecoder::new(io::BufReader::new(&small[..]));
        let mut one = [0u8; 1];
        let mut got = Vec::new();
        while decoder.read(&mut one).unwrap() == 1 {
            got.push(one[0]);
        }
        assert_eq!(got, "Рост 15%, выручка $1,1 млрд.\n".repeat(40).as_bytes());
    }

    #[test]
    fn corrupt_zstd_is_an_error_that_says_so_never_a_panic() {
        let text = "Рост 15%, выручка $1,1 млрд.\n".repeat(40);
        let data = zstd(text.as_bytes());
        let message = |data: &[u8]| unzstd(data).unwrap_err().to_string();
        // Cut anywhere: an error (an empty file too, as `zstd -d` says).
        assert_eq!(message(&[]), "corrupt zstd data: empty file, no zstd frame");
        for cut in 1..data.len() {
            let e = unzstd(&data[..cut]).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidData, "cut at {cut}: {e}");
            assert_eq!(
                e.to_string(),
                "corrupt zstd data: the file ends inside frame 1",
                "cut at {cut}"
            );
        }
        // A changed checksum.
        let mut bad = data.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert!(
            message(&bad).starts_with("corrupt zstd data: checksum mismatch in frame 1"),
            "{}",
            message(&bad)
        );
        // Not zstd at all; garbage after a good frame.
        assert_eq!(
            message(b"\x1f\x8b\x08\x00 gzip, not zstd"),
            "corrupt zstd data: not zstd data (magic number 0x00088b1f)"
        );
        let mut two = data.clone();
        two.extend(&data[..3]);
        assert_eq!(
            message(&two),
            "corrupt zstd data: the file ends inside frame 2"
        );
        // A window over the 128 MiB that `zstd -d` allows by default (as --long=28 makes):
        // a frame header of window log 28 says so before anything is allocated.
        assert!(
            message(b"\x28\xb5\x2f\xfd\x00\x90").starts_with(
                "zstd frame 1 needs a window of 268435456 bytes, over the limit of 134217728"
            ),
            "{}",
            message(b"\x28\xb5\x2f\xfd\x00\x90")
        );
        let mut trailing = data.clone();
        trailing.extend(b"junk");
        assert_eq!(
            message(&trailing),
            "corrupt zstd data: garbage after frame 1 (magic number 0x6b6e756a)"
        );
        // Any byte changed: an error, or (a bit the decoder does not use, as in the window
        // descriptor) the very same text; never another text, never a panic.
        let mut errors = 0;
        for i in 0..data.len() {
            for flip in [0x01, 0x55, 0xFF] {
                let mut b = data.clone();
                b[i] ^= flip;
                match unzstd(&b) {
                    Err(_) => errors += 1,
                    Ok(got) => assert_eq!(got, text.as_bytes(), "byte {i} ^ {flip:#x}"),
                }
            }
        }
        assert!(
            errors > data.len() * 5 / 2,
            "{errors} of {}",
            data.len() * 3
        );
    }

    #[test]
    fn zstd_extension_keeps_the_format_of_the_name_within() {
        assert_eq!(format_of(Path::new("a.jsonl.zst")), InputFormat::Jsonl);
        assert_eq!(format_of(Path::new("a.NDJSON.ZST")), InputFormat::Jsonl);
        assert_eq!(format_of(Path::new("a.txt.zst")), InputFormat::Text);
    }
}
