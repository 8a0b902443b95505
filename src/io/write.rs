//! Writing facts as JSON lines (the schema is in `SCHEMA.md` and [`crate::fact`]).

use super::read::Record;
use crate::SCHEMA_VERSION;
use crate::fact::Fact;
use crate::offsets::{OffsetConverter, OffsetUnit};

/// What a line of output is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OutputMode {
    /// One fact a line, with its document id.
    #[default]
    Facts,
    /// One document a line: the input record plus a `facts` array.
    Docs,
}

/// Writes one fact as a JSON object: `schema` and `doc` first when `doc` is given (a line of
/// its own), without them inside a document's `facts`. Written by hand but for `value`: the
/// same bytes serde_json would write for these fields, at a fraction of the cost (the
/// output of a news feed is mostly these few fields).
#[cfg(test)]
fn write_fact(out: &mut Vec<u8>, f: &Fact, start: usize, end: usize, doc: Option<&str>) {
    write_fact_after(out, &fact_head(doc), f, start, end);
}

/// The opening of every fact object of a document: `{`, then `schema` and `doc` when `doc`
/// is given. The same for all the facts of a document, so written once.
fn fact_head(doc: Option<&str>) -> Vec<u8> {
    let mut head = Vec::with_capacity(32 + doc.map_or(0, str::len));
    head.push(b'{');
    if let Some(doc) = doc {
        head.extend_from_slice(b"\"schema\":");
        write_uint(&mut head, SCHEMA_VERSION as usize);
        head.extend_from_slice(b",\"doc\":");
        write_str(&mut head, doc);
        head.push(b',');
    }
    head
}

/// Writes one fact as a JSON object opened by `head` ([`fact_head`]).
fn write_fact_after(out: &mut Vec<u8>, head: &[u8], f: &Fact, start: usize, end: usize) {
    out.extend_from_slice(head);
    // The type and class names are plain ASCII words (see the tests): nothing to escape.
    out.extend_from_slice(b"\"type\":\"");
    out.extend_from_slice(f.kind.name().as_bytes());
    out.extend_from_slice(b"\",\"class\":\"");
    out.extend_from_slice(f.class().as_bytes());
    out.extend_from_slice(b"\",\"start\":");
    write_uint(out, start);
    out.extend_from_slice(b",\"end\":");
    write_uint(out, end);
    out.extend_from_slice(b",\"text\":");
    write_str(out, &f.text);
    out.extend_from_slice(b",\"value\":");
    // Serializing plain data into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &f.value);
    out.extend_from_slice(b",\"rule\":");
    write_str(out, f.rule);
    out.push(b'}');
}

/// A JSON string: copied as it is when nothing in it needs escaping (the usual case), else
/// escaped by serde_json.
fn write_str(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        let _ = serde_json::to_writer(&mut *out, s);
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// True if `bytes` has a byte JSON must escape: a control character, `"` or `\`. Eight
/// bytes at a time.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` is zero: the classic test (exact when asked only whether any is).
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte below 0x20: (b & 0xE0) == 0, i.e. zero after masking.
        if has_zero(x & (0xE0 * ONES))
            || has_zero(x ^ (u64::from(b'"') * ONES))
            || has_zero(x ^ (u64::from(b'\\') * ONES))
        {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// A non-negative integer in decimal.
fn write_uint(out: &mut Vec<u8>, n: usize) {
    let mut buf = [0u8; 20];
    out.extend_from_slice(crate::decimal::decimal_digits(n as u64, &mut buf));
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
            let head = fact_head(Some(&record.id));
            for (f, start, end) in &mut lines {
                write_fact_after(out, &head, f, start, end);
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
                write_fact_after(&mut array, b"{", f, start, end);
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

#[cfg(test)]
mod tests {
    use super::{needs_escape, write_fact, write_uint};
    use crate::Extractor;

    #[test]
    fn hand_written_fact_lines_are_the_json_serde_reads_back() {
        let text = "Рост \"15%\"\n\tв 2024 году, «Газпром» в Москве";
        let extractor = Extractor::builder().build().unwrap();
        let facts = extractor.extract(text);
        assert!(facts.len() >= 3, "{facts:?}");
        for f in &facts {
            let mut out = Vec::new();
            write_fact(&mut out, f, f.start, f.end, Some("id \"1\"\n"));
            let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(json["schema"], 1);
            assert_eq!(json["doc"], "id \"1\"\n");
            assert_eq!(json["type"], f.kind.name());
            assert_eq!(json["class"], f.class());
            assert_eq!(json["start"], f.start);
            assert_eq!(json["end"], f.end);
            assert_eq!(json["text"], f.text.as_str());
            assert_eq!(json["value"], serde_json::to_value(&f.value).unwrap());
            assert_eq!(json["rule"], f.rule);
        }
        // Text that needs escaping takes serde_json's path.
        let quoted = crate::fact::Fact {
            text: "\"15%\"\n\\".into(),
            ..facts[0].clone()
        };
        let mut out = Vec::new();
        write_fact(&mut out, &quoted, 0, 0, None);
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(r#""text":"\"15%\"\n\\""#), "{out}");
        assert!(!out.contains("schema"), "{out}");
    }

    #[test]
    fn type_and_class_names_need_no_escaping() {
        use crate::fact::{Amount, Fact, FactType, Value};
        let some = Extractor::builder().build().unwrap().extract("5%")[0].clone();
        for kind in FactType::ALL {
            let f = Fact {
                kind,
                value: Value::Amount(Amount::default()),
                ..some.clone()
            };
            for name in [kind.name(), f.class()] {
                assert!(name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
            }
        }
    }

    #[test]
    fn escape_check_finds_every_byte_to_escape() {
        for len in 0..20 {
            let plain = "a".repeat(len);
            assert!(!needs_escape(plain.as_bytes()));
            assert!(!needs_escape("Рост — «15%» в 2024 году".as_bytes()));
            for k in 0..len {
                for b in [b'"', b'\\', b'\n', 0u8, 0x1F] {
                    let mut v = plain.clone().into_bytes();
                    v[k] = b;
                    assert!(needs_escape(&v), "{v:?}");
                }
                for b in [b' ', 0x7F, 0x80, 0xFF, b'!', b'#', b'[', b']'] {
                    let mut v = plain.clone().into_bytes();
                    v[k] = b;
                    assert!(!needs_escape(&v), "{v:?}");
                }
            }
        }
    }

    #[test]
    fn integers_in_decimal() {
        for n in [0usize, 7, 10, 4096, usize::MAX] {
            let mut out = Vec::new();
            write_uint(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }
}
