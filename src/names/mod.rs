//! Names: the big lexicons of first names, patronymics, surnames, places and known
//! organizations, and the morphology that turns a name into its nominative.
//!
//! The lexicons list every case form they want matched (surnames excepted: they are lemmas,
//! and [`morph`] undoes case endings by rule), so nothing is lemmatized at run time: a
//! capitalized token is looked up, by its normalized form, in one [`index::FormIndex`] built
//! at start-up over the embedded texts without copying them. [`Names::tag`] does that for a
//! document, once, and the person, organization and location rules read the result.

pub mod index;
pub mod load;
pub mod morph;

use crate::lexicon::LexiconError;
use crate::text::token::{CAPITALIZED, HYPHENATED, Token, TokenKind};
use crate::text::utf8_char_width;
use index::{FormIndex, KeyId, SenseKind};
use morph::{SurnameRule, SurnameRules};
use std::borrow::Cow;
use std::path::Path;

/// What kind of place a place name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A country (or a country-like territory).
    Country,
    /// A region, province, state.
    Region,
    /// A city or town.
    City,
    /// Continents, seas, big areas, and other places.
    Other,
}

impl PlaceKind {
    /// The kind stored as a sense tag.
    pub fn from_tag(tag: u8) -> PlaceKind {
        match tag {
            b'c' => PlaceKind::Country,
            b'r' => PlaceKind::Region,
            b't' => PlaceKind::City,
            _ => PlaceKind::Other,
        }
    }
}

/// The embedded texts of [`load::INDEX_FILES`], in the same order.
static EMBEDDED: &[&str] = &[
    include_str!("../../lexicons/names/first.tsv"),
    include_str!("../../lexicons/names/middle.tsv"),
    include_str!("../../lexicons/names/last.tsv"),
    include_str!("../../lexicons/geo/places.tsv"),
    include_str!("../../lexicons/org/known.tsv"),
    include_str!("../../lexicons/geo/places_extra.tsv"),
    include_str!("../../lexicons/org/known_extra.tsv"),
    include_str!("../../lexicons/geo/places_ambiguous.tsv"),
];

/// The embedded texts of [`load::CUE_FILES`], in the same order.
static EMBEDDED_CUES: &[&str] = &[
    include_str!("../../lexicons/org/types.tsv"),
    include_str!("../../lexicons/org/types_extra.tsv"),
    include_str!("../../lexicons/geo/adjectives.tsv"),
    include_str!("../../lexicons/geo/place_types.tsv"),
    include_str!("../../lexicons/names/roles.tsv"),
    include_str!("../../lexicons/names/first_ambiguous.tsv"),
    include_str!("../../lexicons/org/source_words.tsv"),
    include_str!("../../lexicons/org/title_words.tsv"),
];

/// An index of embedded files, built by `build.rs` with [`load::build_index`].
struct Prebuilt {
    arena: &'static str,
    slots: &'static [u8],
    senses: &'static [u8],
    filter: &'static [u8],
    starts: &'static [u8],
}

macro_rules! prebuilt {
    ($prefix:literal) => {
        Prebuilt {
            arena: include_str!(concat!(env!("OUT_DIR"), "/", $prefix, "_arena.txt")),
            slots: include_bytes!(concat!(env!("OUT_DIR"), "/", $prefix, "_slots.bin")),
            senses: include_bytes!(concat!(env!("OUT_DIR"), "/", $prefix, "_senses.bin")),
            filter: include_bytes!(concat!(env!("OUT_DIR"), "/", $prefix, "_filter.bin")),
            starts: include_bytes!(concat!(env!("OUT_DIR"), "/", $prefix, "_starts.bin")),
        }
    };
}

static PREBUILT_NAMES: Prebuilt = prebuilt!("names");
static PREBUILT_CUES: Prebuilt = prebuilt!("cues");

/// The index of `files` (embedded as `embedded`): the prebuilt one, or, when `dir` replaces
/// one of the files, one built now.
fn index_of(
    files: &[(&str, load::RowFn)],
    embedded: &[&'static str],
    prebuilt: &Prebuilt,
    filter: index::Filters,
    dir: Option<&Path>,
) -> Result<FormIndex, LexiconError> {
    let replaced = |name: &str| dir.map(|d| d.join(name)).filter(|p| p.exists());
    if files.iter().any(|(n, _)| replaced(n).is_some()) {
        let mut texts = Vec::new();
        for ((name, _), text) in files.iter().zip(embedded) {
            texts.push(match replaced(name) {
                Some(p) => (p.display().to_string(), Cow::Owned(read(&p)?)),
                None => (name.to_string(), Cow::Borrowed(*text)),
            });
        }
        return load::build_index(files, texts, filter);
    }
    let mut sources = vec![Cow::Borrowed(prebuilt.arena)];
    sources.extend(embedded.iter().map(|t| Cow::Borrowed(*t)));
    Ok(FormIndex::from_parts(
        sources,
        Cow::Borrowed(prebuilt.slots),
        Cow::Borrowed(prebuilt.senses),
        Cow::Borrowed(prebuilt.filter),
        filter.bloom_kind.is_none(),
        Cow::Borrowed(prebuilt.starts),
    ))
}

/// How many tokens before a capitalized word a cue word (a role, a place type) is looked up.
const CUE_REACH: usize = 9;

/// The shape flags of capitalized word token `i` (`word` its bytes): [`flag::NAME_WORD`],
/// [`flag::ADJECTIVE_BEFORE_NOUN`]. Read off the bytes: a str is sliced only for the
/// ending of a word before a lower-case one.
fn shape_flags(text: &str, tokens: &[Token], i: usize, word: &[u8]) -> u16 {
    use crate::text::token::{ALL_CAPS, LATIN};
    let t = &tokens[i];
    let mut flags = 0;
    let after_quote = i > 0 && {
        let p = &tokens[i - 1];
        p.end == p.start + 1 && text.as_bytes()[p.start] == b'"'
    };
    // Two characters or more: more bytes than the first character has.
    let two_chars = word
        .first()
        .is_some_and(|&b| word.len() > utf8_char_width(b));
    if !t.has(LATIN)
        && !t.has(ALL_CAPS)
        && two_chars
        && word.last() != Some(&b'.')
        && !has_ascii_digit(word)
        && !after_quote
    {
        flags |= flag::NAME_WORD;
    }
    let lower_word_next = tokens
        .get(i + 1)
        .is_some_and(|n| n.kind == TokenKind::Word && !n.has(CAPITALIZED));
    if lower_word_next
        && text
            .get(t.start..t.end)
            .is_some_and(morph::clearly_adjective)
    {
        flags |= flag::ADJECTIVE_BEFORE_NOUN;
    }
    flags
}

/// True if `bytes` has an ASCII digit; eight bytes at a time (this runs for every
/// capitalized word): a byte is a digit when it is below 10 once xored with `'0'`, and a
/// word has a byte below 10 when subtracting 10 from every byte borrows into a byte's high
/// bit that was clear (exact for the question "any", which is all that is asked).
fn has_ascii_digit(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below_ten = |w: u64| {
        let x = w ^ (ONES * u64::from(b'0'));
        x.wrapping_sub(ONES * 10) & !x & HIGHS != 0
    };
    // Words of eight bytes split off one by one (most words are one or two words long,
    // for which `chunks_exact`'s unrolled loop costs more to set up).
    let mut rest = bytes;
    while let Some((w, tail)) = rest.split_first_chunk::<8>() {
        if below_ten(u64::from_le_bytes(*w)) {
            return true;
        }
        rest = tail;
    }
    // The rest padded with zeros, no digit once xored (0x30).
    !rest.is_empty() && below_ten(index::tail_word(rest))
}

/// The longest multi-word form tried.
const MAX_WORDS: usize = 8;

/// The surname rules file (small: read at start-up).
const SURNAME_SUFFIXES: (&str, &str) = (
    "names/surname_suffixes.tsv",
    include_str!("../../lexicons/names/surname_suffixes.tsv"),
);

/// The file names of the name lexicons (under `lexicons/`).
pub fn file_names() -> impl Iterator<Item = &'static str> {
    load::INDEX_FILES
        .iter()
        .chain(load::CUE_FILES)
        .map(|(n, _)| *n)
        .chain([SURNAME_SUFFIXES.0])
}

/// The name lexicons, loaded. Immutable and `Send + Sync`.
#[derive(Debug, Clone, Default)]
pub struct Names {
    index: FormIndex,
    cues: FormIndex,
    /// The start bits of `cues` at a fixed size, asked about most words by [`Names::tag`].
    cue_starts: index::FixedStartBits,
    surname_rules: SurnameRules,
}

/// What the name lexicons say about a token, as bits of [`NameHit::flags`].
pub mod flag {
    /// A first name.
    pub const FIRST: u16 = 1;
    /// A patronymic.
    pub const MIDDLE: u16 = 2;
    /// A dictionary surname as it stands (nominative).
    pub const LAST: u16 = 4;
    /// A place.
    pub const PLACE: u16 = 8;
    /// A country or a region.
    pub const BIG_PLACE: u16 = 16;
    /// A known organization.
    pub const ORG: u16 = 32;
    /// An organization-type noun.
    pub const ORG_TYPE: u16 = 64;
    /// A role before a person's name.
    pub const ROLE: u16 = 128;
    /// A place-type noun.
    pub const PLACE_TYPE: u16 = 256;
    /// A place adjective.
    pub const GEO_ADJECTIVE: u16 = 512;
    /// A word after which a quoted name is a source ("сообщает").
    pub const SOURCE: u16 = 1024;
    /// A capitalized Cyrillic word of two letters or more, not all capitals, without digits
    /// or a final dot, not right after a quote: a word a name can be made of.
    pub const NAME_WORD: u16 = 2048;
    /// A word ending like an adjective with a lower-case word after it ("Национального
    /// фронта").
    pub const ADJECTIVE_BEFORE_NOUN: u16 = 4096;
    /// A hyphenated word whose parts are first names ("Жан-Мари").
    pub const HYPHENATED_FIRST: u16 = 8192;
    /// A word after which a name is a title, an award, an event ("альбом", "премии").
    pub const TITLE: u16 = 16384;
    /// The flags that say what a word looks like, not what a lexicon says it is.
    pub const SHAPE: u16 = NAME_WORD | ADJECTIVE_BEFORE_NOUN | HYPHENATED_FIRST;
}

/// What the name lexicons say about the token at one position: its own form's key and
/// senses (as [`flag`] bits), the longest multi-word form starting there, and its cue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameHit {
    /// The key of the token's own form.
    pub key: Option<KeyId>,
    /// The longest multi-word form starting here: one past its last token, and its key.
    pub multi: Option<(u32, KeyId)>,
    /// The key of the token's form in the cue index.
    pub cue: Option<KeyId>,
    /// What the token's own form is ([`flag`] bits).
    pub flags: u16,
    /// For a role, the cases it can be in (0 for a plural form or none).
    pub role_cases: u8,
}

/// `ending, replacement, gender, case, count, source`
fn surname_rule(f: &[&str]) -> Result<SurnameRule, String> {
    let ending = crate::text::Normalized::new(load::field(f, 0, "ending")?)
        .text()
        .to_string();
    let replacement = f.get(1).map_or("", |s| s.trim()).to_string();
    let g = load::gender(load::field(f, 2, "gender")?)?;
    let name = load::field(f, 3, "case")?;
    let case = morph::case::from_name(name).ok_or_else(|| format!("unknown case {name:?}"))?;
    let count = match f.get(4).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        Some(c) => c
            .parse()
            .map_err(|_| format!("count {c:?} is not a number"))?,
        None => 0,
    };
    Ok(SurnameRule {
        ending: ending.into(),
        replacement: replacement.into(),
        gender: g,
        case,
        count,
    })
}

fn read(path: &Path) -> Result<String, LexiconError> {
    std::fs::read_to_string(path).map_err(|e| LexiconError {
        file: path.display().to_string(),
        line: 0,
        message: e.to_string(),
    })
}

impl Names {
    /// Loads the name lexicons: from `dir` for the files it has, embedded ones for the rest.
    /// The embedded index is prebuilt; when `dir` replaces one of its files, it is built here.
    pub fn load(dir: Option<&Path>) -> Result<Names, LexiconError> {
        let index = index_of(
            load::INDEX_FILES,
            EMBEDDED,
            &PREBUILT_NAMES,
            load::INDEX_FILTER,
            dir,
        )?;
        let cues = index_of(
            load::CUE_FILES,
            EMBEDDED_CUES,
            &PREBUILT_CUES,
            load::CUE_FILTER,
            dir,
        )?;
        let replaced = |name: &str| dir.map(|d| d.join(name)).filter(|p| p.exists());
        let (name, text) = match replaced(SURNAME_SUFFIXES.0) {
            Some(p) => (p.display().to_string(), Cow::Owned(read(&p)?)),
            None => (
                SURNAME_SUFFIXES.0.to_string(),
                Cow::Borrowed(SURNAME_SUFFIXES.1),
            ),
        };
        let mut rules = Vec::new();
        load::for_rows(&name, &text, |f| {
            rules.push(surname_rule(f)?);
            Ok(())
        })?;
        Ok(Names {
            index,
            cue_starts: index::FixedStartBits::new(cues.start_bits()),
            cues,
            surname_rules: SurnameRules::new(rules),
        })
    }

    /// The form index.
    pub fn index(&self) -> &FormIndex {
        &self.index
    }

    /// The cue index: organization types, place adjectives, place types, roles.
    pub fn cues(&self) -> &FormIndex {
        &self.cues
    }

    /// The surname rules, the most frequent first.
    pub fn surname_rules(&self) -> &SurnameRules {
        &self.surname_rules
    }

    /// The gender of `lower` (normalized) as a dictionary surname, if it is one.
    pub fn surname_gender(&self, lower: &str) -> Option<u8> {
        self.surname_gender_of(lower.as_bytes())
    }

    /// [`Names::surname_gender`] of a form's bytes (normalized UTF-8).
    pub fn surname_gender_of(&self, lower: &[u8]) -> Option<u8> {
        if lower.is_empty() {
            return None;
        }
        // One hash for the filter and the table.
        let h = index::hash(lower);
        if !self.index.may_have_hash(h) {
            return None;
        }
        let key = self.index.lookup_hash(h)?;
        let mut found = None;
        for s in self.index.senses(key) {
            if s.kind == SenseKind::Last {
                found = Some(match found {
                    None => s.tag,
                    Some(g) if g == s.tag => g,
                    Some(_) => b'?',
                });
            }
        }
        found
    }

    /// True if every part of a hyphenated form is a first name ("жан-мари").
    fn hyphenated_first(&self, form: &str) -> bool {
        form.split('-').all(|part| {
            self.index
                .lookup(part)
                .is_some_and(|k| self.index.senses(k).any(|s| s.kind == SenseKind::First))
        })
    }

    /// The entry of token `i` in the list [`Names::tag`] walks, if it looks at the token:
    /// a capitalized word, or a word that may be a cue word. `word` is the token's text,
    /// `mix` its [`index::start_mix`] (mixed once for the form table and the cues, by
    /// [`crate::lexicon::Lexicon::find_hits_and_tag_words`]). The entry is `2 * i`, plus
    /// one when the word may be a cue.
    #[inline]
    pub fn tag_word(&self, i: usize, t: &Token, word: &[u8], mix: u64) -> Option<usize> {
        if t.kind != TokenKind::Word {
            return None;
        }
        // Most words are told apart by the start bits (asked first: they turn away more
        // words); cue words have three letters or more, but for abbreviations ("СП").
        let may_be_cue = self.cue_starts.may_be_mix(mix)
            && (word.len() >= 5 || t.has(crate::text::token::ALL_CAPS));
        (may_be_cue || t.has(CAPITALIZED)).then_some(2 * i + usize::from(may_be_cue))
    }

    /// The list of the tokens [`Names::tag`] looks at ([`Names::tag_word`] of every token,
    /// in order).
    pub fn tag_words(&self, text: &str, tokens: &[Token], out: &mut Vec<usize>) {
        out.clear();
        let bytes = text.as_bytes();
        for (i, t) in tokens.iter().enumerate() {
            if let Some(word) = bytes.get(t.start..t.end)
                && let Some(entry) = self.tag_word(i, t, word, index::start_mix(word))
            {
                out.push(entry);
            }
        }
    }

    /// Looks up every capitalized word token of a document: its own form, and the longest
    /// multi-word form that starts with it.
    ///
    /// `tag_words` is the list of [`Names::tag_words`]: only those tokens matter (most
    /// tokens are neither capitalized nor possibly cues: nothing is done for them).
    /// `marked` gets the tokens the name rules look at: capitalized words and cue words.
    #[inline(never)]
    pub fn tag(
        &self,
        text: &str,
        tokens: &[Token],
        tag_words: &[usize],
        out: &mut Vec<NameHit>,
        marked: &mut Vec<u32>,
    ) {
        out.clear();
        out.resize(tokens.len(), NameHit::default());
        marked.clear();
        if self.index.is_empty() {
            return;
        }
        // Cue words matter near a capitalized word: a role or a place type up to
        // CUE_REACH words before it, an organization type a few words after it, a type
        // before a quoted name.
        // The first capitalized word of the list from its entry `from` on (every
        // capitalized word is in the list, in order; `tokens.len()` for none).
        let first_cap_from = |from: usize| {
            tag_words
                .get(from..)
                .unwrap_or_default()
                .iter()
                .map(|&e| e / 2)
                .find(|&j| tokens.get(j).is_some_and(|t| t.has(CAPITALIZED)))
                .unwrap_or(tokens.len())
        };
        // The first capitalized word at or after the current token, searched again only
        // once passed: one walk over the list in all.
        let mut next_cap = first_cap_from(0);
        let mut prev_cap = usize::MAX;
        let bytes = text.as_bytes();
        for (k, &entry) in tag_words.iter().enumerate() {
            let i = entry / 2;
            let may_be_cue = entry % 2 == 1;
            let (Some(t), Some(hit)) = (tokens.get(i), out.get_mut(i)) else {
                break;
            };
            let capitalized = t.has(CAPITALIZED);
            if capitalized {
                prev_cap = i;
            }
            // Bytes: most words are only tested, a str is sliced for capitalized ones.
            let Some(word) = bytes.get(t.start..t.end) else {
                continue;
            };
            // The word's hash, for both indexes (a token is never empty), when first asked.
            let mut h = None;
            let mut hash = || *h.get_or_insert_with(|| index::hash(word));
            if may_be_cue
                && ({
                    if next_cap < i {
                        next_cap = first_cap_from(k);
                    }
                    next_cap < tokens.len() && next_cap.checked_sub(i).is_some_and(|d| d <= CUE_REACH)
                } || i.checked_sub(prev_cap).is_some_and(|d| d <= 3)
                    || tokens
                        .get(i + 1)
                        .is_some_and(|n| text.as_bytes()[n.start] == b'"'))
                // The start bits let few words through: the table is probed without
                // the Bloom filter (which would turn away only half of them).
                && let Some(key) = self.cues.lookup_hash_unfiltered(hash())
            {
                hit.cue = Some(key);
                for s in self.cues.senses(key) {
                    hit.flags |= match s.kind {
                        SenseKind::OrgType => flag::ORG_TYPE,
                        SenseKind::PlaceType => flag::PLACE_TYPE,
                        SenseKind::GeoAdjective => flag::GEO_ADJECTIVE,
                        SenseKind::Source => flag::SOURCE,
                        SenseKind::Title => flag::TITLE,
                        SenseKind::Role => {
                            hit.role_cases |= s.tag;
                            flag::ROLE
                        }
                        _ => 0,
                    };
                }
            }
            if capitalized || hit.flags != 0 {
                marked.push(i as u32);
            }
            if !capitalized {
                continue;
            }
            hit.flags |= shape_flags(text, tokens, i, word);
            // The str of a hyphenated word, whose parts are looked up (few words).
            let hyphenated_first = || {
                text.get(t.start..t.end)
                    .is_some_and(|f| self.hyphenated_first(f))
            };
            let Some(key) = self.index.lookup_hash(hash()) else {
                if t.has(HYPHENATED) && hyphenated_first() {
                    hit.flags |= flag::HYPHENATED_FIRST;
                }
                continue;
            };
            if self.index.has_senses(key) {
                hit.key = Some(key);
                // The slot says which kinds of senses the form has: no need to read them.
                let kinds = self.index.kinds(key);
                let has = |k: SenseKind| kinds & k.bit() != 0;
                for (kind, f) in [
                    (SenseKind::First, flag::FIRST),
                    (SenseKind::Middle, flag::MIDDLE),
                    (SenseKind::Last, flag::LAST),
                    (SenseKind::Org, flag::ORG),
                ] {
                    if has(kind) {
                        hit.flags |= f;
                    }
                }
                if has(SenseKind::Place) {
                    hit.flags |= flag::PLACE;
                }
                if kinds & index::BIG_PLACE_BIT != 0 {
                    hit.flags |= flag::BIG_PLACE;
                }
                if hit.flags & flag::FIRST == 0 && t.has(HYPHENATED) && hyphenated_first() {
                    hit.flags |= flag::HYPHENATED_FIRST;
                }
            }
            let words = self.index.words(key);
            if words > 1 {
                // Words joined by single spaces: the text between is the key itself.
                let mut end = i + 1;
                while end < tokens.len()
                    && end - i < words.min(MAX_WORDS)
                    && tokens[end].start == tokens[end - 1].end + 1
                    && text.as_bytes()[tokens[end - 1].end] == b' '
                {
                    end += 1;
                }
                while end > i + 1 {
                    // Bytes, never empty: no str is sliced.
                    if let Some(span) = bytes.get(t.start..tokens[end - 1].end)
                        && let Some(k) = self.index.lookup_hash(index::hash(span))
                        && self.index.has_senses(k)
                    {
                        hit.multi = Some((end as u32, k));
                        break;
                    }
                    end -= 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_hit_is_small_and_none_is_zero() {
        // `KeyId` is never zero: its `None` takes no room of its own.
        assert_eq!(std::mem::size_of::<Option<KeyId>>(), 4);
        assert!(std::mem::size_of::<NameHit>() <= 20);
    }

    #[test]
    fn ascii_digits_are_found_as_a_byte_scan_finds_them() {
        // Every byte value at every place of words of 1 to 19 bytes, among Cyrillic
        // letters, ASCII letters or bytes just around the digits.
        for filler in [0xD0u8, b'a', b'/', b':', 0] {
            for len in 1..20 {
                for at in 0..len {
                    for b in 0..=255u8 {
                        let mut word = vec![filler; len];
                        word[at] = b;
                        assert_eq!(
                            has_ascii_digit(&word),
                            word.iter().any(u8::is_ascii_digit),
                            "{word:?}"
                        );
                    }
                }
            }
        }
        assert!(!has_ascii_digit(b""));
        assert!(has_ascii_digit("Ту-154".as_bytes()));
        assert!(!has_ascii_digit("Жан-Мари".as_bytes()));
    }

    #[test]
    fn two_characters_are_told_by_the_first_ones_width() {
        for word in [
            "я",
            "ян",
            "a",
            "ab",
            "€",
            "€1",
            "𝔸",
            "𝔸b",
            "ё.",
            "-",
            "жан-мари",
        ] {
            let b = word.as_bytes();
            assert_eq!(
                b.len() > utf8_char_width(b[0]),
                word.chars().nth(1).is_some(),
                "{word:?}"
            );
        }
    }

    #[test]
    fn cues_are_found_with_and_without_the_bloom_filter() {
        let names = Names::load(None).unwrap();
        let cues = names.cues();
        let words = [
            "президент",
            "области",
            "банк",
            "сп",
            "сообщил",
            "москва",
            "и",
            "годом",
        ];
        let mut found = 0;
        for w in words {
            let h = index::hash(w.as_bytes());
            let key = cues.lookup_hash(h);
            assert_eq!(cues.lookup_hash_unfiltered(h), key, "{w:?}");
            found += usize::from(key.is_some());
        }
        assert!(found >= 3, "{found}");
    }

    #[test]
    fn normalized_forms_are_recognized() {
        assert!(load::is_normalized("казахстана"));
        assert!(load::is_normalized("al jazeera"));
        assert!(!load::is_normalized("Казахстан"));
        assert!(!load::is_normalized("ёлка"));
        assert!(!load::is_normalized("кот-д’ивуар"));
    }

    fn lemmas(names: &Names, form: &str, kind: SenseKind) -> Vec<String> {
        let ix = names.index();
        ix.lookup(form)
            .map(|k| {
                ix.senses(k)
                    .filter(|s| s.kind == kind)
                    .map(|s| ix.lemma(&s).to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn check(names: &Names) {
        assert_eq!(lemmas(names, "казахстана", SenseKind::Place), ["Казахстан"]);
        assert_eq!(
            lemmas(names, "карагандинской области", SenseKind::Place),
            ["Карагандинская область"]
        );
        assert_eq!(lemmas(names, "брайаном", SenseKind::First), ["Брайан"]);
        assert_eq!(lemmas(names, "мид", SenseKind::Org), ["МИД"]);
        assert_eq!(names.surname_gender("кошербаев"), Some(b'm'));
        let k = names.index().lookup("карагандинской").unwrap();
        assert!(names.index().words(k) >= 2);
        assert!(!names.surname_rules().is_empty());
        let ambiguous = |form: &str| {
            let ix = names.index();
            ix.lookup(form)
                .is_some_and(|k| ix.senses(k).any(|s| s.kind == SenseKind::AmbiguousPlace))
        };
        assert!(ambiguous("пара"));
        assert!(!ambiguous("москва"));
    }

    #[test]
    fn embedded_texts_are_the_listed_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
        for (files, texts) in [
            (load::INDEX_FILES, EMBEDDED),
            (load::CUE_FILES, EMBEDDED_CUES),
        ] {
            assert_eq!(files.len(), texts.len());
            for ((name, _), text) in files.iter().zip(texts) {
                let on_disk = std::fs::read_to_string(root.join(name)).unwrap();
                assert!(on_disk == *text, "{name} is not embedded in its place");
            }
        }
    }

    #[test]
    fn the_prebuilt_index_answers() {
        check(&Names::load(None).unwrap());
    }

    #[test]
    fn an_index_built_at_run_time_answers_the_same() {
        let dir = std::env::temp_dir().join(format!("newsfacts-names-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("org")).unwrap();
        std::fs::write(
            dir.join("org/known.tsv"),
            "# test\n# form\tnormal\nмид\tМИД\nрога и копыта\tРога и копыта\n",
        )
        .unwrap();
        let names = Names::load(Some(&dir)).unwrap();
        check(&names);
        assert_eq!(
            lemmas(&names, "рога и копыта", SenseKind::Org),
            ["Рога и копыта"]
        );
        assert!(lemmas(&names, "reuters", SenseKind::Org).is_empty());
        std::fs::write(dir.join("org/known.tsv"), "# test\nмид\n").unwrap();
        let err = Names::load(Some(&dir)).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("known.tsv:2: missing column 2 (normal)"),
            "{err}"
        );
        std::fs::remove_file(dir.join("org/known.tsv")).unwrap();
        std::fs::create_dir_all(dir.join("geo")).unwrap();
        std::fs::write(
            dir.join("geo/places_ambiguous.tsv"),
            "# test\n# form\tscore\nпара\t0.97\nнова\tмного\n",
        )
        .unwrap();
        let err = Names::load(Some(&dir)).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("places_ambiguous.tsv:4: score \"много\" is no number"),
            "{err}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
