//! A JSON-lines record read field by field, without a `serde_json::Value` for the whole line:
//! the text, id and date fields are decoded, every other value is checked as serde_json
//! checks it and dropped. What this reader does not take on (a line that is not one object,
//! a key with an escape, a string with a control character or a surrogate escape, an id or
//! date that is an array or object, nesting at serde_json's limit, any error) it leaves to
//! serde_json, which then reads the whole line: so every record, and every error, comes out
//! as serde_json makes it.

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value as Json;
use std::fmt;

/// The fields a record is made of, each the last of its key in the line (a JSON object keeps
/// the last of repeated keys). `None`: the line has no such key.
#[derive(Debug, Default)]
pub(super) struct Fields {
    /// The text field: its string, or the kind of value it is instead ("a number").
    pub text: Option<Result<String, &'static str>>,
    /// The id field.
    pub id: Option<Json>,
    /// The date field.
    pub date: Option<Json>,
}

/// Reads a line's fields; `None` when serde_json must read the line. The text field is
/// another key than the id and date fields.
pub(super) fn read(
    line: &str,
    text_field: &str,
    id_field: &str,
    date_field: &str,
) -> Option<Fields> {
    let mut r = Reader { line, at: 0 };
    let mut fields = Fields::default();
    r.skip_space();
    r.expect(b'{')?;
    r.skip_space();
    if r.peek()? == b'}' {
        r.at += 1;
    } else {
        loop {
            let key = r.key()?;
            r.skip_space();
            r.expect(b':')?;
            r.skip_space();
            let (is_id, is_date) = (key == id_field, key == date_field);
            if key == text_field {
                fields.text = Some(if r.peek()? == b'"' {
                    let mut text = String::new();
                    r.string(Some(&mut text))?;
                    Ok(text)
                } else {
                    Err(r.other_value()?)
                });
            } else if is_id || is_date {
                let value = if r.peek()? == b'"' {
                    let mut s = String::new();
                    r.string(Some(&mut s))?;
                    Json::String(s)
                } else {
                    r.scalar()?
                };
                if is_id && is_date {
                    fields.date = Some(value.clone());
                }
                if is_id {
                    fields.id = Some(value);
                } else {
                    fields.date = Some(value);
                }
            } else if r.peek()? == b'"' {
                r.string(None)?;
            } else {
                r.other_value()?;
            }
            r.skip_space();
            match r.next()? {
                b',' => r.skip_space(),
                b'}' => break,
                _ => return None,
            }
        }
    }
    r.skip_space();
    (r.at == line.len()).then_some(fields)
}

/// A position in a line.
struct Reader<'a> {
    line: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.line.as_bytes().get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.next()? == b).then_some(())
    }

    /// Past JSON's whitespace.
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// A key: a string without escapes (its text is its bytes).
    fn key(&mut self) -> Option<&'a str> {
        let bytes = self.line.as_bytes();
        if self.peek()? != b'"' {
            return None;
        }
        let end = next_special(bytes, self.at + 1)?;
        if bytes[end] != b'"' {
            return None;
        }
        let key = &self.line[self.at + 1..end];
        self.at = end + 1;
        Some(key)
    }

    /// The string whose opening quote is here, its text decoded into `out` when given.
    fn string(&mut self, mut out: Option<&mut String>) -> Option<()> {
        let bytes = self.line.as_bytes();
        let mut i = self.at + 1;
        // Where the bytes not yet copied into `out` begin.
        let mut copied = i;
        loop {
            i = next_special(bytes, i)?;
            match bytes[i] {
                b'"' => {
                    if let Some(out) = out {
                        out.push_str(&self.line[copied..i]);
                        // Of the room reserved at an escape (the rest of the line), what the
                        // fields after this one would have kept goes back.
                        if out.capacity() > 2 * out.len() + 64 {
                            out.shrink_to_fit();
                        }
                    }
                    self.at = i + 1;
                    return Some(());
                }
                b'\\' => {
                    let (c, len) = unescape(bytes, i)?;
                    if let Some(out) = out.as_deref_mut() {
                        if out.capacity() == 0 {
                            // Room for the rest of the line, against regrowing at each escape.
                            out.reserve(bytes.len() - copied);
                        }
                        out.push_str(&self.line[copied..i]);
                        out.push(c);
                    }
                    i += len;
                    copied = i;
                }
                // A control character, which serde_json refuses.
                _ => return None,
            }
        }
    }

    /// A value that is no string, checked by serde_json: its kind.
    fn other_value(&mut self) -> Option<&'static str> {
        let mut values =
            serde_json::Deserializer::from_str(&self.line[self.at..]).into_iter::<Checked>();
        let Checked(kind) = values.next()?.ok()?;
        self.at += values.byte_offset();
        Some(kind)
    }

    /// A number, boolean or null, as serde_json reads it.
    fn scalar(&mut self) -> Option<Json> {
        if matches!(self.peek()?, b'[' | b'{') {
            return None;
        }
        let mut values =
            serde_json::Deserializer::from_str(&self.line[self.at..]).into_iter::<Json>();
        let value = values.next()?.ok()?;
        self.at += values.byte_offset();
        Some(value)
    }
}

/// The escape at `i` (a backslash) as serde_json decodes it, and its length; `None` for a bad
/// escape or a surrogate (serde_json judges those).
fn unescape(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let c = match bytes.get(i + 1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let code = bytes.get(i + 2..i + 6)?.iter().try_fold(0u32, |code, &h| {
                Some(code * 16 + char::from(h).to_digit(16)?)
            })?;
            return Some((char::from_u32(code)?, 6));
        }
        _ => return None,
    };
    Some((c, 2))
}

/// Where, from `i` on, the next byte is that ends a run of plain string bytes: a quote, a
/// backslash or a control character.
#[inline]
fn next_special(bytes: &[u8], i: usize) -> Option<usize> {
    super::first_where(bytes, i, |b| (b == b'"') | (b == b'\\') | (b < 0x20))
}

/// How deep arrays and objects may nest in a field's value: serde_json allows 127 levels in
/// a line, one of which is the record's own object.
const MAX_NESTING: usize = 126;

/// A value checked as serde_json checks it when it builds a `Value` (every string decoded,
/// every number read), but kept only as its kind, named as `kind_of` names it.
struct Checked(&'static str);

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Check { depth: 0 }.deserialize(deserializer).map(Checked)
    }
}

/// Checks a value inside `depth` arrays or objects.
#[derive(Clone, Copy)]
struct Check {
    depth: usize,
}

impl Check {
    /// The check of a value inside this one (an array or object), unless that nests too deep.
    fn inner<E: de::Error>(self) -> Result<Check, E> {
        if self.depth >= MAX_NESTING {
            return Err(E::custom("nested too deep"));
        }
        Ok(Check {
            depth: self.depth + 1,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Check {
    type Value = &'static str;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Check {
    type Value = &'static str;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok("a boolean")
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok("a number")
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok("a number")
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok("a number")
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok("a string")
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok("null")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let inner = self.inner()?;
        while seq.next_element_seed(inner)?.is_some() {}
        Ok("an array")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let inner = self.inner()?;
        while map.next_key_seed(inner)?.is_some() {
            map.next_value_seed(inner)?;
        }
        Ok("an object")
    }
}
