//! Writing facts as JSON lines (the schema is in `SCHEMA.md` and [`crate::fact`]).

use super::read::Record;
use crate::SCHEMA_VERSION;
use crate::fact::{Fact, FactType, Value};
use crate::offsets::{OffsetConverter, OffsetUnit};
use serde::Serialize;

/// What a line of output is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OutputMode {
    /// One fact a line, with its document id.
    #[default]
    Facts,
    /// One document a line: the input record plus a `facts` array.
    Docs,
}

#[derive(Serialize)]
struct FactLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    schema: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc: Option<&'a str>,
    #[serde(rename = "type")]
    kind: FactType,
    class: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    value: &'a Value,
    rule: &'a str,
}

impl<'a> FactLine<'a> {
    /// A fact with its converted offsets; with a document id it is a line of its own
    /// (carrying `schema` and `doc`), without one an element of a document's `facts`.
    fn new(f: &'a Fact, start: usize, end: usize, doc: Option<&'a str>) -> Self {
        FactLine {
            schema: doc.map(|_| SCHEMA_VERSION),
            doc,
            kind: f.kind,
            class: f.class(),
            start,
            end,
            text: &f.text,
            value: &f.value,
            rule: f.rule,
        }
    }
}

/// Appends the output for one document to `out`.
pub fn write_record(
    out: &mut Vec<u8>,
    record: &Record,
    facts: &[Fact],
    mode: OutputMode,
    unit: OffsetUnit,
) {
    let mut conv = OffsetConverter::new(&record.text, unit);
    let mut lines = facts.iter().map(|f| {
        let (start, end) = conv.convert_span(f.start, f.end);
        (f, start, end)
    });
    match mode {
        OutputMode::Facts => {
            for (f, start, end) in &mut lines {
                let line = FactLine::new(f, start, end, Some(&record.id));
                // Serializing plain data into a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *out, &line);
                out.push(b'\n');
            }
        }
        OutputMode::Docs => {
            let mut array = Vec::with_capacity(64 * facts.len() + 2);
            array.push(b'[');
            for (k, (f, start, end)) in lines.enumerate() {
                if k > 0 {
                    array.push(b',');
                }
                let line = FactLine::new(f, start, end, None);
                let _ = serde_json::to_writer(&mut array, &line);
            }
            array.push(b']');
            write_doc(out, record, &array);
        }
    }
}

/// The input record as it came, with `schema` and `facts` appended.
fn write_doc(out: &mut Vec<u8>, record: &Record, facts_json: &[u8]) {
    let clashes = record
        .json
        .as_ref()
        .is_some_and(|m| m.contains_key("facts") || m.contains_key("schema"));
    match (&record.raw, &record.json) {
        // Keep the raw line byte for byte: drop its closing brace and append.
        (Some(raw), Some(map)) if !clashes && !map.is_empty() => {
            let body = raw.trim_end();
            let body = body.strip_suffix('}').unwrap_or(body);
            out.extend_from_slice(body.as_bytes());
            out.extend_from_slice(format!(",\"schema\":{SCHEMA_VERSION},\"facts\":").as_bytes());
            out.extend_from_slice(facts_json);
            out.extend_from_slice(b"}\n");
        }
        (_, Some(map)) => {
            // The record has its own "facts" or "schema": ours replace them.
            let mut map = map.clone();
            map.insert("schema".into(), SCHEMA_VERSION.into());
            let facts: serde_json::Value =
                serde_json::from_slice(facts_json).unwrap_or(serde_json::Value::Null);
            map.insert("facts".into(), facts);
            let _ = serde_json::to_writer(&mut *out, &map);
            out.push(b'\n');
        }
        (_, None) => {
            out.extend_from_slice(b"{\"id\":");
            let _ = serde_json::to_writer(&mut *out, &record.id);
            out.extend_from_slice(b",\"text\":");
            let _ = serde_json::to_writer(&mut *out, &record.text);
            out.extend_from_slice(format!(",\"schema\":{SCHEMA_VERSION},\"facts\":").as_bytes());
            out.extend_from_slice(facts_json);
            out.extend_from_slice(b"}\n");
        }
    }
}
