//! Reading the big name lexicons into a [`FormIndex`]. Shared with `build.rs`, which runs it
//! at compile time over the embedded files (so this file uses only `index`, the text
//! normalization and the lexicon error type).

use super::index::{Filters, FormIndex, IndexBuilder, SenseKind, Str};
use crate::lexicon::LexiconError;
use crate::text::Normalized;
use std::borrow::Cow;

/// Reads one row (its tab-separated fields) into the builder.
pub type RowFn = fn(&mut Loader<'_>, &[&str]) -> Result<(), String>;

/// The files of the form index, in order (their order is the source order of the index:
/// source 0 is the builder's arena, file `k` is source `k + 1`).
pub static INDEX_FILES: &[(&str, RowFn)] = &[
    ("names/first.tsv", load_first),
    ("names/middle.tsv", load_middle),
    ("names/last.tsv", load_last),
    ("geo/places.tsv", load_place),
    ("org/known.tsv", load_known_org),
    ("geo/places_extra.tsv", load_place),
    ("org/known_extra.tsv", load_known_org),
    ("geo/places_ambiguous.tsv", load_ambiguous_place),
];

/// The files of the cue index (small lists looked up for any word, capitalized or not).
pub static CUE_FILES: &[(&str, RowFn)] = &[
    ("org/types.tsv", load_org_type),
    ("org/types_extra.tsv", load_org_type),
    ("geo/adjectives.tsv", load_geo_adjective),
    ("geo/place_types.tsv", load_place_type),
    ("names/roles.tsv", load_role),
    ("names/first_ambiguous.tsv", load_ambiguous_first),
    ("org/source_words.tsv", load_source_word),
    ("org/title_words.tsv", load_title_word),
];

/// Organization classes in `org/types.tsv`, as tags.
pub const ORG_CLASSES: &[(&str, u8)] = &[
    ("gov", b'g'),
    ("company", b'c'),
    ("edu", b'e'),
    ("party", b'p'),
    ("media", b'm'),
    ("other", b'o'),
];

/// Place-type classes in `geo/place_types.tsv`, as tags.
pub const PLACE_TYPE_CLASSES: &[(&str, u8)] = &[
    ("region", b'r'),
    ("settlement", b's'),
    ("water", b'w'),
    ("land", b'l'),
    ("site", b'x'),
    ("resident", b'p'),
    ("street", b'u'),
];

/// The case bits of a case name (`nom`...`loc`; `pl`, a plural form, is none).
fn case_bits(name: &str) -> Option<u8> {
    Some(match name {
        "nom" => 1,
        "gen" => 2,
        "dat" => 4,
        "acc" => 8,
        "ins" => 16,
        "loc" => 32,
        "pl" => 0,
        _ => return None,
    })
}

fn class(field: &str, classes: &[(&str, u8)]) -> Result<u8, String> {
    classes
        .iter()
        .find(|(n, _)| *n == field)
        .map(|(_, t)| *t)
        .ok_or_else(|| format!("unknown class {field:?}"))
}

/// `form, lemma, class`
fn load_org_type(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let form = l.form(field(f, 0, "form")?)?;
    let lemma = l.text(field(f, 1, "lemma")?)?;
    let tag = class(field(f, 2, "class")?, ORG_CLASSES)?;
    l.builder.add(form, SenseKind::OrgType, tag, lemma);
    Ok(())
}

/// `form, place_lemma`
fn load_geo_adjective(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let form = l.form(field(f, 0, "form")?)?;
    let place = l.text(field(f, 1, "place_lemma")?)?;
    l.builder.add(form, SenseKind::GeoAdjective, 0, place);
    Ok(())
}

/// `form, lemma, class`
fn load_place_type(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let form = l.form(field(f, 0, "form")?)?;
    let lemma = l.text(field(f, 1, "lemma")?)?;
    let tag = class(field(f, 2, "class")?, PLACE_TYPE_CLASSES)?;
    l.builder.add(form, SenseKind::PlaceType, tag, lemma);
    Ok(())
}

/// `form, lemma, case`: the cases of one form are one sense (their bits joined).
fn load_role(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let form = l.form(field(f, 0, "form")?)?;
    let lemma = l.text(field(f, 1, "lemma")?)?;
    let name = field(f, 2, "case")?;
    let bits = case_bits(name).ok_or_else(|| format!("unknown case {name:?}"))?;
    l.builder.add_bits(form, SenseKind::Role, bits, lemma);
    Ok(())
}

/// The filters of the names index: a Bloom filter over the surnames only (a capitalized
/// word is usually some key, but the forms the surname rules try mostly are none), 16 bits a
/// key; no start bits (half a million keys would set them all).
pub const INDEX_FILTER: Filters = Filters {
    bloom_bits_per_key: 16,
    bloom_kind: Some(SenseKind::Last),
    start_bits_per_key: 0,
};
/// The filters of the cue index: a Bloom filter over every key, and start bits (most words
/// asked are no cue, and most of those are told by their start bit without a hash; both
/// tables, a few kB, stay in the cache).
pub const CUE_FILTER: Filters = Filters {
    bloom_bits_per_key: 16,
    bloom_kind: None,
    start_bits_per_key: 16,
};

/// `lemma, comment`: keyed by the lemma's lower case.
fn load_ambiguous_first(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let text = field(f, 0, "lemma")?;
    let lemma = l.text(text)?;
    let form = l.form(text)?;
    l.builder.add(form, SenseKind::AmbiguousFirst, 0, lemma);
    Ok(())
}

/// `form`
fn load_source_word(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let text = field(f, 0, "form")?;
    let lemma = l.text(text)?;
    let form = l.form(text)?;
    l.builder.add(form, SenseKind::Source, 0, lemma);
    Ok(())
}

/// `form`
fn load_title_word(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let text = field(f, 0, "form")?;
    let lemma = l.text(text)?;
    let form = l.form(text)?;
    l.builder.add(form, SenseKind::Title, 0, lemma);
    Ok(())
}

/// The tag of a place kind name in `geo/places.tsv`.
pub fn place_tag(name: &str) -> Option<u8> {
    Some(match name {
        "country" => b'c',
        "region" => b'r',
        "city" => b't',
        "other" => b'o',
        _ => return None,
    })
}

/// The builder and the source being read.
pub struct Loader<'a> {
    builder: &'a mut IndexBuilder,
    /// The source being read, as the builder knows it, and the same text as read here.
    src: u16,
    content: &'a str,
}

impl Loader<'_> {
    /// Where `field`, a slice of `content`, starts in it.
    fn offset(&self, field: &str) -> usize {
        (field.as_ptr() as usize).wrapping_sub(self.content.as_ptr() as usize)
    }

    /// A field as it is (a lemma, a normal form).
    fn text(&mut self, field: &str) -> Result<Str, String> {
        self.builder
            .span_at(self.src, self.offset(field), field.len())
            .ok_or_else(|| format!("{field:?} is too long"))
    }

    /// A field as a key: its span if it is normalized already, else its normalization
    /// copied into the arena.
    fn form(&mut self, field: &str) -> Result<Str, String> {
        if is_normalized(field) {
            return self.text(field);
        }
        let norm = Normalized::new(field);
        self.builder
            .intern(norm.text())
            .ok_or_else(|| format!("form {field:?} is too long"))
    }
}

/// True if `s` is its own normalization by a quick test: lower-case ASCII and Cyrillic
/// letters (no ё), digits, single inner spaces and printable ASCII punctuation but '`'.
pub fn is_normalized(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_uppercase() || c < 0x20 || c == 0x7f || c == b'`' {
                return false;
            }
            i += 1;
        } else if i + 1 < b.len()
            && ((c == 0xD0 && (0xB0..=0xBF).contains(&b[i + 1]))
                || (c == 0xD1 && (0x80..=0x8F).contains(&b[i + 1])))
        {
            i += 2;
        } else {
            return false;
        }
    }
    !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  ")
}

/// A gender field.
pub fn gender(field: &str) -> Result<u8, String> {
    match field {
        "m" => Ok(b'm'),
        "f" => Ok(b'f'),
        "?" => Ok(b'?'),
        other => Err(format!("gender {other:?} is not m, f or ?")),
    }
}

/// Field `i`, trimmed, or an error naming the missing column.
pub fn field<'a>(fields: &[&'a str], i: usize, name: &str) -> Result<&'a str, String> {
    match fields.get(i) {
        Some(f) if !f.trim().is_empty() => Ok(f.trim()),
        _ => Err(format!("missing column {} ({name})", i + 1)),
    }
}

/// `form, lemma, gender`
fn load_first(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    load_given(l, f, SenseKind::First)
}

/// `form, lemma, gender`
fn load_middle(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    load_given(l, f, SenseKind::Middle)
}

fn load_given(l: &mut Loader<'_>, f: &[&str], kind: SenseKind) -> Result<(), String> {
    let form = l.form(field(f, 0, "form")?)?;
    let lemma = l.text(field(f, 1, "lemma")?)?;
    let g = gender(field(f, 2, "gender")?)?;
    l.builder.add(form, kind, g, lemma);
    Ok(())
}

/// `lemma, gender`: keyed by the lemma's normalization (lower case).
fn load_last(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let text = field(f, 0, "lemma")?;
    let lemma = l.text(text)?;
    let g = gender(field(f, 1, "gender")?)?;
    let form = l.form(text)?;
    l.builder.add(form, SenseKind::Last, g, lemma);
    Ok(())
}

/// `form, lemma, kind`
fn load_place(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let form = l.form(field(f, 0, "form")?)?;
    let lemma = l.text(field(f, 1, "lemma")?)?;
    let kind = field(f, 2, "kind")?;
    let tag = place_tag(kind).ok_or_else(|| format!("unknown place kind {kind:?}"))?;
    l.builder.add(form, SenseKind::Place, tag, lemma);
    Ok(())
}

/// `form, score`: the score (how much of an ordinary word the form is) is for the reader.
fn load_ambiguous_place(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let text = field(f, 0, "form")?;
    let score = field(f, 1, "score")?;
    score
        .parse::<f32>()
        .map_err(|_| format!("score {score:?} is no number"))?;
    let lemma = l.text(text)?;
    let form = l.form(text)?;
    l.builder.add(form, SenseKind::AmbiguousPlace, 0, lemma);
    Ok(())
}

/// `form, normal`
fn load_known_org(l: &mut Loader<'_>, f: &[&str]) -> Result<(), String> {
    let form = l.form(field(f, 0, "form")?)?;
    let normal = l.text(field(f, 1, "normal")?)?;
    l.builder.add(form, SenseKind::Org, 0, normal);
    Ok(())
}

/// Calls `row` with the line number and the tab-separated fields of every data row of
/// `content` (`#` lines and blank lines are skipped; no allocation per row). A file must
/// start with its `#` header.
pub fn for_rows(
    name: &str,
    content: &str,
    mut row: impl FnMut(&[&str]) -> Result<(), String>,
) -> Result<(), LexiconError> {
    crate::lexicon::require_header(name, content)?;
    let mut fields: [&str; 8] = [""; 8];
    for (n, line) in content.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut count = 0;
        for part in line.split('\t').take(fields.len()) {
            fields[count] = part;
            count += 1;
        }
        row(&fields[..count]).map_err(|message| LexiconError {
            file: name.to_string(),
            line: n + 1,
            message,
        })?;
    }
    Ok(())
}

/// Builds an index from the texts of `files` ([`INDEX_FILES`] or [`CUE_FILES`]), in that
/// order, each with the name that errors should give.
/// `filter` is the index's Bloom filter: bits a key (0: none) and the kind of the keys it
/// covers (`None`: all).
pub fn build_index(
    files: &[(&str, RowFn)],
    texts: Vec<(String, Cow<'static, str>)>,
    filter: Filters,
) -> Result<FormIndex, LexiconError> {
    let mut builder = IndexBuilder::new();
    for ((_, load), (name, text)) in files.iter().zip(texts) {
        // The builder keeps the text (an embedded one is shared, not copied); spans are
        // offsets, so reading through this handle gives the same spans.
        let src = builder.add_source(text.clone());
        let mut loader = Loader {
            builder: &mut builder,
            src,
            content: &text,
        };
        for_rows(&name, &text, |fields| load(&mut loader, fields))?;
    }
    builder.finish(filter).map_err(|message| LexiconError {
        file: files.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "),
        line: 0,
        message,
    })
}
