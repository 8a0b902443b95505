//! Writing facts as JSON lines (the schema is in `SCHEMA.md` and [`crate::fact`]).

use super::read::Record;
use crate::SCHEMA_VERSION;
use crate::decimal::Decimal;
use crate::fact::{Fact, FactType, Value};
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
    write_fact_after(out, &fact_head(doc), f, &f.text, start, end);
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

/// Writes one fact, whose text is `text`, as a JSON object opened by `head` ([`fact_head`]).
fn write_fact_after(
    out: &mut Vec<u8>,
    head: &[u8],
    f: &Fact,
    text: &str,
    start: usize,
    end: usize,
) {
    // Room for the usual fact at once (the fixed keys, numbers, rule and a short value).
    out.reserve(head.len() + 2 * text.len() + 256);
    out.extend_from_slice(head);
    out.extend_from_slice(type_and_class(f).as_bytes());
    write_uint(out, start);
    out.extend_from_slice(b",\"end\":");
    write_uint(out, end);
    out.extend_from_slice(b",\"text\":");
    write_str(out, text);
    out.extend_from_slice(b",\"value\":");
    write_value(out, &f.value);
    out.extend_from_slice(b",\"rule\":");
    write_name(out, f.rule);
    out.push(b'}');
}

/// The fields of fact `f` before its start's number: `"type":"…","class":"…","start":`,
/// one constant for each type and class, copied at once. The type and class names are
/// plain ASCII words (see the tests): nothing to escape.
fn type_and_class(f: &Fact) -> &'static str {
    macro_rules! fields {
        ($kind:literal, $class:literal) => {
            concat!(
                "\"type\":\"",
                $kind,
                "\",\"class\":\"",
                $class,
                "\",\"start\":"
            )
        };
    }
    match f.kind {
        FactType::Number => fields!("number", "NUMBER"),
        FactType::Money => fields!("money", "MONEY"),
        FactType::Percent => fields!("percent", "PERCENT"),
        // A count of things is a cardinal (see `Fact::class`).
        FactType::Quantity if f.class() == "NUMBER" => fields!("quantity", "NUMBER"),
        FactType::Quantity => fields!("quantity", "QUANTITY"),
        FactType::Ordinal => fields!("ordinal", "ORDINAL"),
        FactType::Age => fields!("age", "AGE"),
        FactType::Date => fields!("date", "DATE"),
        FactType::Time => fields!("time", "TIME"),
        FactType::Duration => fields!("duration", "DURATION"),
        FactType::Person => fields!("person", "PER"),
        FactType::Organization => fields!("organization", "ORG"),
        FactType::Location => fields!("location", "LOC"),
    }
}

/// The key `name` of a field as [`Object`] writes it: `,"name":`. Names are plain ASCII.
macro_rules! key {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}

/// A fact's value as a JSON object: the bytes serde_json writes for [`Value`] (fields in
/// their order, the empty ones skipped), without its machinery.
fn write_value(out: &mut Vec<u8>, value: &Value) {
    let mut o = Object::open(out);
    match value {
        Value::Amount(a) => {
            o.decimal(key!("value"), a.value.as_ref());
            o.decimal(key!("from"), a.from.as_ref());
            o.decimal(key!("to"), a.to.as_ref());
            o.name(key!("qualifier"), a.qualifier.map(|q| q.name()));
            if a.approximate {
                o.key(key!("approximate"));
                o.out.extend_from_slice(b"true");
            }
            o.decimal(key!("order"), a.order.as_ref());
            o.name(key!("kind"), a.kind);
            o.decimal(key!("numerator"), a.numerator.as_ref());
            o.decimal(key!("denominator"), a.denominator.as_ref());
            o.str(key!("currency"), a.currency.as_deref());
            o.str(key!("unit"), a.unit.as_deref());
            o.str(key!("unit_text"), a.unit_text.as_deref());
            o.str(key!("dimension"), a.dimension.as_deref());
            o.str(key!("object"), a.object.as_deref());
            o.str(key!("iso"), a.iso.as_deref());
        }
        Value::Time(t) => {
            o.str(key!("value"), t.value.as_deref());
            o.str(key!("from"), t.from.as_deref());
            o.str(key!("to"), t.to.as_deref());
            o.name(key!("grain"), Some(t.grain));
            o.str(key!("relative"), t.relative.as_deref());
            o.name(key!("tz"), t.tz);
            o.name(key!("part"), t.part);
            o.name(key!("qualifier"), t.qualifier.map(|q| q.name()));
        }
        Value::Name(n) => {
            o.str(key!("normal"), Some(&n.normal));
            o.str(key!("first"), n.first.as_deref());
            o.str(key!("middle"), n.middle.as_deref());
            o.str(key!("last"), n.last.as_deref());
        }
    }
    o.close();
}

/// A JSON object being written: each field as `,"key":value`, the first field's comma
/// turned into the opening brace when the object is closed. One copy of a constant per key.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    /// Where the first field starts, once there is one.
    first: Option<usize>,
}

impl<'a> Object<'a> {
    fn open(out: &'a mut Vec<u8>) -> Self {
        Object { out, first: None }
    }

    /// `,"key":` (made by [`key!`]). Inlined (with `str` and `decimal`): the keys are
    /// constants, copied by a few stores instead of a call to memcpy.
    #[inline]
    fn key(&mut self, key: &str) {
        if self.first.is_none() {
            self.first = Some(self.out.len());
        }
        self.out.extend_from_slice(key.as_bytes());
    }

    /// `}`, the object's opening brace in place of its first comma (`{}` when empty).
    fn close(self) {
        match self.first {
            Some(at) => {
                if let Some(comma) = self.out.get_mut(at) {
                    *comma = b'{';
                }
            }
            None => self.out.push(b'{'),
        }
        self.out.push(b'}');
    }

    /// A string field, skipped when `None`.
    #[inline]
    fn str(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.key(key);
            write_str(self.out, v);
        }
    }

    /// A field whose string is a name the program wrote ([`write_name`]), skipped when
    /// `None`.
    #[inline]
    fn name(&mut self, key: &str, value: Option<&'static str>) {
        if let Some(v) = value {
            self.key(key);
            write_name(self.out, v);
        }
    }

    /// A decimal field (a JSON string), skipped when `None`.
    #[inline]
    fn decimal(&mut self, key: &str, value: Option<&Decimal>) {
        if let Some(v) = value {
            self.key(key);
            v.write_json(self.out);
        }
    }
}

/// A JSON string: copied as it is when nothing in it needs escaping (the usual case), else
/// escaped by serde_json.
fn write_str(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        let _ = serde_json::to_writer(&mut *out, s);
    } else {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// A JSON string that is a name written in the program (a rule's name, a grain, a
/// qualifier...): plain ASCII words, which need no escaping, so none is looked for.
fn write_name(out: &mut Vec<u8>, name: &'static str) {
    debug_assert!(!needs_escape(name.as_bytes()), "{name:?}");
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// True if `bytes` has a byte JSON must escape: a control character, `"` or `\`. Eight
/// bytes at a time, the last word overlapping the one before; short strings byte by byte.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Some byte of `x` is zero: the classic test (exact when asked only whether any is).
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let word_needs = |at: usize| {
        bytes.get(at..at + 8).is_some_and(|w| {
            let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            // A byte below 0x20: (b & 0xE0) == 0, i.e. zero after masking.
            zero_bytes(x & (0xE0 * ONES))
                | zero_bytes(x ^ (u64::from(b'"') * ONES))
                | zero_bytes(x ^ (u64::from(b'\\') * ONES))
                != 0
        })
    };
    if bytes.len() < 8 {
        return bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
    }
    let mut at = 0;
    while at + 8 < bytes.len() {
        if word_needs(at) {
            return true;
        }
        at += 8;
    }
    word_needs(bytes.len() - 8)
}

/// The two digits of each number below 100 ("00" to "99"): a number is written two digits
/// at a time, by half the divisions.
const DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0u8; 2]; 100];
    let mut k = 0;
    while k < 100 {
        pairs[k] = [b'0' + (k / 10) as u8, b'0' + (k % 10) as u8];
        k += 1;
    }
    pairs
};

/// A non-negative integer in decimal. Offsets below 10 000 (most: news texts are short)
/// are written by pairs of digits into the output, without a buffer copied by memcpy.
fn write_uint(out: &mut Vec<u8>, n: usize) {
    let pair = |k: usize| DIGIT_PAIRS[k % 100];
    match n {
        0..=9 => out.push(b'0' + n as u8),
        10..=99 => out.extend_from_slice(&pair(n)),
        100..=999 => {
            let [tens, ones] = pair(n);
            out.extend_from_slice(&[b'0' + (n / 100) as u8, tens, ones]);
        }
        1000..=9999 => {
            let ([a, b], [c, d]) = (pair(n / 100), pair(n));
            out.extend_from_slice(&[a, b, c, d]);
        }
        _ => {
            let mut buf = [0u8; 20];
            out.extend_from_slice(crate::decimal::decimal_digits(n as u64, &mut buf));
        }
    }
}

/// The text of fact `f` of `record`: its own, or, when the extractor left it empty (see
/// `Extractor::extract_without_texts`), the record's text at its span.
fn fact_text<'a>(record: &'a Record, f: &'a Fact) -> &'a str {
    if f.text.is_empty() {
        record.text.get(f.start..f.end).unwrap_or("")
    } else {
        &f.text
    }
}

/// Appends the output for one document to `out`.
// A stage run once per document: out of line, its loops compile apart from the
// pipeline's (inlined into one function they cost more instructions).
#[inline(never)]
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
                write_fact_after(out, &head, f, fact_text(record, f), start, end);
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
                write_fact_after(&mut array, b"{", f, fact_text(record, f), start, end);
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
    fn facts_without_their_texts_are_written_with_the_record_s() {
        use super::{OutputMode, write_record};
        use crate::io::read::{Record, RecordDate};
        use crate::offsets::OffsetUnit;
        let extractor = Extractor::builder().build().unwrap();
        let text = "Рост \"15%\"\n\tв 2024 году, «Газпром» в Москве, $1,1\u{00A0}млрд";
        let record = Record {
            id: "1".into(),
            text: text.into(),
            json: None,
            raw: None,
            date: RecordDate::Absent,
        };
        let with = extractor.extract(text);
        let without = extractor.extract_without_texts(text, None, &mut crate::Workspace::default());
        assert!(with.len() >= 4 && without.iter().all(|f| f.text.is_empty()));
        for mode in [OutputMode::Facts, OutputMode::Docs] {
            for unit in [OffsetUnit::Chars, OffsetUnit::Bytes, OffsetUnit::Utf16] {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                write_record(&mut a, &record, &with, mode, unit);
                write_record(&mut b, &record, &without, mode, unit);
                assert_eq!(String::from_utf8(a).unwrap(), String::from_utf8(b).unwrap());
            }
        }
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
            let fields = format!(
                "\"type\":\"{}\",\"class\":\"{}\",\"start\":",
                kind.name(),
                f.class()
            );
            assert_eq!(super::type_and_class(&f), fields);
            // A count of things has its own class.
            let count = Fact {
                kind,
                value: Value::Amount(Amount {
                    dimension: Some("count".into()),
                    ..Amount::default()
                }),
                ..some.clone()
            };
            let fields = format!(
                "\"type\":\"{}\",\"class\":\"{}\",\"start\":",
                kind.name(),
                count.class()
            );
            assert_eq!(super::type_and_class(&count), fields);
        }
    }

    #[test]
    fn integers_are_written_as_display_writes_them() {
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let samples = (0..2000).map(|_| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng >> (rng % 64)) as usize
        });
        let edges = [0, 9, 10, 99, 100, 999, 1000, 9999, 10_000, usize::MAX];
        for n in (0..=12_000).chain(edges).chain(samples) {
            let mut out = b"x".to_vec();
            write_uint(&mut out, n);
            assert_eq!(out, format!("x{n}").into_bytes());
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
    fn values_are_the_json_serde_writes() {
        use super::write_value;
        use crate::decimal::Decimal;
        use crate::fact::{Amount, NameValue, Qualifier, TimeValue, Value};
        let d = |s: &str| Some(Decimal::parse(s).unwrap());
        let s = |s: &str| Some(s.to_string());
        let mut values = vec![
            Value::Amount(Amount::default()),
            Value::Amount(Amount {
                value: d("-1.5"),
                from: d("0.001"),
                to: d("1000000000000"),
                qualifier: Some(Qualifier::AtLeast),
                approximate: true,
                order: d("100"),
                kind: Some("fraction"),
                numerator: d("1"),
                denominator: d("3"),
                currency: s("USD"),
                unit: s("t"),
                unit_text: s("т\"\\\n"),
                dimension: s("mass"),
                object: s("вольфрамовой руды"),
                iso: s("P3Y6M"),
            }),
            Value::Time(TimeValue::default()),
            Value::Time(TimeValue {
                value: s("2025-11"),
                from: s("2025-11-01"),
                to: s("2025-11-30"),
                grain: "month",
                relative: s("-P1D"),
                tz: Some("Europe/Moscow"),
                part: Some("morning"),
                qualifier: Some(Qualifier::UpTo),
            }),
            Value::Name(NameValue::default()),
            Value::Name(NameValue {
                normal: "Жан-Мари \"Ле\" Пен\t".into(),
                first: s("Жан-Мари"),
                middle: None,
                last: s("Ле Пен"),
            }),
        ];
        for q in [
            Qualifier::MoreThan,
            Qualifier::LessThan,
            Qualifier::About,
            Qualifier::AtLeast,
            Qualifier::AtMost,
            Qualifier::UpTo,
        ] {
            values.push(Value::Amount(Amount {
                qualifier: Some(q),
                ..Amount::default()
            }));
            assert_eq!(Qualifier::from_name(q.name()), Some(q));
        }
        let extractor = Extractor::builder().build().unwrap();
        let text = "Выручка «Газпрома» в 2024 году выросла на 15% и составила $1,1 млрд, сообщил \
                    Алексей Миллер в Москве. Вчера в 13:20 по Москве прошло около 5 тыс. \
                    человек, треть из них — 2–3 года назад; 30-летний Иван Петров, 3,5 тонны \
                    руды, с 1 по 5 декабря, в течение 2 часов 15 минут, XIX век.";
        values.extend(extractor.extract(text).into_iter().map(|f| f.value));
        for v in &values {
            let mut out = Vec::new();
            write_value(&mut out, v);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(v).unwrap()
            );
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
