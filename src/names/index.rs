//! A compact hash index from normalized word forms to their senses.
//!
//! The name lexicons are big (about half a million forms), so they are not compiled into the
//! aho-corasick automaton (that would take seconds at start-up). Every form is a key of one
//! open-addressing hash table; lemmas are *spans of the lexicon texts themselves*, so nothing
//! is copied, and a token is looked up with one hash and usually one memory access.
//!
//! A slot (16 bytes) holds everything about its key but the senses: the key's 64-bit hash,
//! where its senses are, how many words the longest form starting with it has, and which
//! kinds of senses it has (so that telling a first name from a place needs no second
//! visit). The key text itself is not stored: a key is recognized by its hash (two
//! different forms of the same 64-bit hash would be refused when the table is built; for a
//! word that is no key to pass for one, its hash must equal one of ~10^6 keys' out of 2^64,
//! about 10^-13 per lookup). This keeps a lookup to one cache miss, where
//! checking the text would take two more; a table of half a million keys does not fit in
//! any cache.
//!
//! Building the table for the embedded lexicons at start-up costs ~100 ms of cache misses,
//! so `build.rs` builds it at compile time with this same code ([`IndexBuilder`]) and the
//! binary embeds the result: the table is then two byte arrays (slots, senses) read in
//! place, little-endian, and start-up costs nothing. A lexicon folder that replaces a name
//! file gets its table built at run time, the same way.
//!
//! A multi-word form ("карагандинской области") is a key like any other; its first word gets
//! a key too (possibly without senses) that records how many words the longest form starting
//! with it has, so a lookup knows whether to try longer spans.

use std::borrow::Cow;
use std::collections::HashMap;

/// What a sense says about a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SenseKind {
    /// A first name; the tag is the gender.
    First,
    /// A patronymic; the tag is the gender.
    Middle,
    /// A surname in the nominative (the key is its lower case); the tag is the gender.
    Last,
    /// A place; the tag is the place kind.
    Place,
    /// A known organization.
    Org,
    /// An organization-type noun ("банка" → банк); the tag is its class.
    OrgType,
    /// A country (or region, city) adjective; the lemma is the place.
    GeoAdjective,
    /// A place-type noun ("области" → область); the tag is its class.
    PlaceType,
    /// A word before a person's name ("сенатором"); the tag is the set of cases it can be
    /// in (bits of `morph::case`; 0 for a plural form).
    Role,
    /// A first name that is also an ordinary word ("вера"): keyed by the lemma's lower case.
    AmbiguousFirst,
    /// A word after which a quoted name is a source, a medium ("сообщает «Интерфакс»").
    Source,
    /// A word after which a name is a title, an award, an event ("альбом", "премии").
    Title,
    /// A one-word place form that is also an ordinary word ("пара", "новая").
    AmbiguousPlace,
}

/// The bit of a slot's summary that says a place sense is a country or a region (place tags
/// `c` and `r`).
pub const BIG_PLACE_BIT: u8 = 64;

impl SenseKind {
    /// The kind's bit in a slot's summary of its senses: kinds that share a bit are in
    /// different indexes (names: first, middle, last, place, org, ambiguous place; cues: the
    /// rest).
    pub fn bit(self) -> u8 {
        match self {
            SenseKind::First | SenseKind::OrgType => 1,
            SenseKind::Middle | SenseKind::GeoAdjective => 2,
            SenseKind::Last | SenseKind::PlaceType => 4,
            SenseKind::Place | SenseKind::Role => 8,
            SenseKind::Org | SenseKind::AmbiguousFirst => 16,
            SenseKind::Source | SenseKind::AmbiguousPlace => 32,
            SenseKind::Title => 128,
        }
    }

    fn to_byte(self) -> u8 {
        match self {
            SenseKind::First => 1,
            SenseKind::Middle => 2,
            SenseKind::Last => 3,
            SenseKind::Place => 4,
            SenseKind::Org => 5,
            SenseKind::OrgType => 6,
            SenseKind::GeoAdjective => 7,
            SenseKind::PlaceType => 8,
            SenseKind::Role => 9,
            SenseKind::AmbiguousFirst => 10,
            SenseKind::Source => 11,
            SenseKind::Title => 12,
            SenseKind::AmbiguousPlace => 13,
        }
    }

    fn from_byte(b: u8) -> Option<SenseKind> {
        Some(match b {
            1 => SenseKind::First,
            2 => SenseKind::Middle,
            3 => SenseKind::Last,
            4 => SenseKind::Place,
            5 => SenseKind::Org,
            6 => SenseKind::OrgType,
            7 => SenseKind::GeoAdjective,
            8 => SenseKind::PlaceType,
            9 => SenseKind::Role,
            10 => SenseKind::AmbiguousFirst,
            11 => SenseKind::Source,
            12 => SenseKind::Title,
            13 => SenseKind::AmbiguousPlace,
            _ => return None,
        })
    }
}

/// A string inside one of the index's source texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Str {
    src: u16,
    len: u16,
    start: u32,
}

impl Str {
    fn write(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.src.to_le_bytes());
        out.extend_from_slice(&self.len.to_le_bytes());
        out.extend_from_slice(&self.start.to_le_bytes());
    }

    fn read(b: &[u8]) -> Str {
        Str {
            src: u16::from_le_bytes([b[0], b[1]]),
            len: u16::from_le_bytes([b[2], b[3]]),
            start: u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
        }
    }
}

/// One sense of a form: what it is and its normal form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sense {
    lemma: Str,
    /// What the form is.
    pub kind: SenseKind,
    /// Gender (`b'm'`, `b'f'`, `b'?'`) for names, the place kind for places.
    pub tag: u8,
}

/// The key of a form in the index: its slot's place plus one. Never zero, so that an
/// `Option<KeyId>` takes four bytes and `None` is all zeros (a document's [`NameHit`]s
/// start as zeros: filled like memory, not field by field).
///
/// [`NameHit`]: crate::names::NameHit
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyId(std::num::NonZeroU32);

impl KeyId {
    /// The place of the key's slot.
    #[inline]
    fn place(self) -> u32 {
        self.0.get() - 1
    }
}

/// The tests an index has before a visit to its table.
#[derive(Clone, Copy, Debug)]
pub struct Filters {
    /// Bits a key of the Bloom filter over the keys' hashes (0: none).
    pub bloom_bits_per_key: usize,
    /// The Bloom filter covers only the keys with a sense of this kind (`None`: every key).
    pub bloom_kind: Option<SenseKind>,
    /// Bits a key of the table of [`start_bit`]s of the keys' texts (0: none): a word whose
    /// bit is clear is no key, told without hashing it. Worth it for a small index asked
    /// about most words (the cues), not for a big one (its bits would all be set).
    pub start_bits_per_key: usize,
}

/// The start bits of an index's keys ([`FormIndex::start_bits`]).
#[derive(Clone, Copy, Debug)]
pub struct StartBits<'a> {
    /// A power of two bytes, or none (then every word may be a key).
    bytes: &'a [u8],
    log2_bits: u32,
}

impl StartBits<'_> {
    /// False if `word` (normalized bytes) is surely no key: its [`start_bit`] is clear.
    #[inline]
    pub fn may_be_key(&self, word: &[u8]) -> bool {
        if self.bytes.is_empty() {
            return true;
        }
        let bit = start_bit(word, self.log2_bits);
        self.bytes
            .get(bit / 8)
            .is_some_and(|b| b & (1 << (bit % 8)) != 0)
    }
}

/// The start bits of an index at a fixed size, `2^FixedStartBits::LOG2` bits: a word's bit
/// is found with no bounds check and no size read (asked about most words of a text).
/// Made from the index's own table, whatever its size: [`start_bit`] takes the top bits of
/// one product, so the bit at fewer bits is the bit at more bits shifted right.
#[derive(Clone, Debug)]
pub struct FixedStartBits(Box<[u64; FixedStartBits::WORDS]>);

impl FixedStartBits {
    /// 2^17 bits (16 kB), the size the embedded cue lexicons get (16 bits a key).
    pub const LOG2: u32 = 17;
    const WORDS: usize = (1 << FixedStartBits::LOG2) / 64;

    /// The table of `bits` at the fixed size: every word `bits` may take is let through.
    pub fn new(bits: StartBits<'_>) -> FixedStartBits {
        let mut words = Box::new([0u64; FixedStartBits::WORDS]);
        if bits.bytes.is_empty() {
            // No table: every word may be a key.
            words.fill(u64::MAX);
            return FixedStartBits(words);
        }
        let to = FixedStartBits::LOG2;
        let from = bits.log2_bits;
        for (at, &byte) in bits.bytes.iter().enumerate() {
            for k in (0..8).filter(|k| byte & (1 << k) != 0) {
                let b = at * 8 + k;
                // The fixed bits of the words whose bit `from` bits wide is `b`.
                let range = if from >= to {
                    let j = b >> (from - to);
                    j..j + 1
                } else {
                    b << (to - from)..(b + 1) << (to - from)
                };
                for j in range {
                    words[j / 64] |= 1 << (j % 64);
                }
            }
        }
        FixedStartBits(words)
    }

    /// False if `word` (normalized bytes) is surely no key: its [`start_bit`] is clear.
    #[inline]
    pub fn may_be_key(&self, word: &[u8]) -> bool {
        self.may_be_mix(start_mix(word))
    }

    /// [`FixedStartBits::may_be_key`] of the word of [`start_mix`] `mix`.
    #[inline]
    pub fn may_be_mix(&self, mix: u64) -> bool {
        let bit = start_bit_of_mix(mix, FixedStartBits::LOG2);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

impl Default for FixedStartBits {
    fn default() -> FixedStartBits {
        FixedStartBits::new(StartBits {
            bytes: &[],
            log2_bits: 0,
        })
    }
}

/// Bytes of a slot: hash (8, 0 when empty), first sense (4), number of senses (2), words
/// (1), the kinds of its senses (1: bits of [`SenseKind::bit`]).
const SLOT: usize = 16;
/// Bytes of a sense: lemma (8), kind (1), tag (1), pad (2).
const SENSE: usize = 12;

/// Forms and senses. Immutable.
#[derive(Clone, Default)]
pub struct FormIndex {
    sources: Vec<Cow<'static, str>>,
    slots: Cow<'static, [u8]>,
    senses: Cow<'static, [u8]>,
    /// A Bloom filter over the hashes of the keys (two bits a key), or of the keys with a
    /// sense of one kind, small enough to stay in the cache, so that most words that are no
    /// key cost no visit to the table; empty for none.
    filter: Cow<'static, [u8]>,
    /// The filter covers every key (then [`FormIndex::lookup`] consults it).
    filter_all: bool,
    /// The [`start_bit`]s of every key's text, a power of two bytes; empty for none.
    starts: Cow<'static, [u8]>,
}

/// The two filter bits of a hash, for a filter of `bits` bits (a power of two).
#[inline]
fn filter_bits(h: u64, bits: usize) -> (usize, usize) {
    let mask = bits - 1;
    (((h >> 20) as usize) & mask, ((h >> 42) as usize) & mask)
}

impl std::fmt::Debug for FormIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormIndex")
            .field("slots", &(self.slots.len() / SLOT))
            .field("senses", &(self.senses.len() / SENSE))
            .finish()
    }
}

/// The bit of `word` in a table of `2^log2_bits` bits (`log2_bits` in 1..=63): its first
/// four bytes and its last four (all of it, padded with zeros, when it is shorter) and its
/// length, mixed by a multiplication. Cheaper than the [`hash`] of the whole word, and
/// still tells most words apart from a few thousand keys: four bytes are only two Cyrillic
/// letters, and many words of a length share their first two with some key, but few share
/// their last two as well.
#[inline]
pub fn start_bit(word: &[u8], log2_bits: u32) -> usize {
    start_bit_of_mix(start_mix(word), log2_bits)
}

/// The product [`start_bit`] takes its top bits from: one for the tables of every size (a
/// word asked of two tables is mixed once).
#[inline]
pub fn start_mix(word: &[u8]) -> u64 {
    // Chunks of fixed size: one test of the length, no bounds check of each.
    let (first, last) = match (word.first_chunk::<4>(), word.last_chunk::<4>()) {
        (Some(first), Some(last)) => (u32::from_le_bytes(*first), u32::from_le_bytes(*last)),
        // At most three bytes: `tail_word` reads them all.
        _ => (tail_word(word) as u32, 0),
    };
    let key = (u64::from(first) | (u64::from(last) << 32)) ^ (word.len() as u64);
    key.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// [`start_bit`] of the word of [`start_mix`] `mix`.
#[inline]
pub fn start_bit_of_mix(mix: u64, log2_bits: u32) -> usize {
    (mix >> (64 - log2_bits)) as usize
}

/// FxHash-style hashing of a short byte string, 8 bytes at a time, with a final mix.
#[inline]
pub fn hash(s: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = s.len() as u64;
    // Words of eight bytes, split off one by one: most keys are one or two words long,
    // for which the unrolled loop `chunks_exact` compiles to cost more to set up.
    let mut rest = s;
    while let Some((word, tail)) = rest.split_first_chunk::<8>() {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(*word)).wrapping_mul(K);
        rest = tail;
    }
    if !rest.is_empty() {
        h = (h.rotate_left(5) ^ tail_word(rest)).wrapping_mul(K);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    // 0 marks an empty slot.
    (h ^ (h >> 33)).max(1)
}

/// The 1 to 7 bytes of `rest` as a little-endian word padded with zeros, read in two or
/// three overlapping loads (copying them into a buffer called memcpy, which showed in
/// profiles: this hash runs for most tokens).
#[inline]
pub fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let byte = |at: usize| u64::from(rest[at]) << (8 * at);
    match n {
        0 => 0,
        1..=3 => byte(0) | byte(n / 2) | byte(n - 1),
        _ => {
            // Bytes 0..4 and n-4..n; where they overlap, they are the same bytes.
            let low = u64::from(u32_at(rest, 0));
            let high = u64::from(u32_at(rest, n - 4));
            low | (high << (8 * (n - 4)))
        }
    }
}

#[inline]
fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

#[inline]
fn u64_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).map_or(0, |s| {
        u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]])
    })
}

impl FormIndex {
    /// An index over `sources` from its tables, as [`IndexBuilder::finish`] or `build.rs`
    /// made them. Source 0 is the builder's arena.
    pub fn from_parts(
        sources: Vec<Cow<'static, str>>,
        slots: Cow<'static, [u8]>,
        senses: Cow<'static, [u8]>,
        filter: Cow<'static, [u8]>,
        filter_all: bool,
        starts: Cow<'static, [u8]>,
    ) -> FormIndex {
        let filter = if filter.len().is_power_of_two() {
            filter
        } else {
            Cow::Borrowed(&[][..])
        };
        let starts = if starts.len().is_power_of_two() {
            starts
        } else {
            Cow::Borrowed(&[][..])
        };
        // The slot count must be a power of two for the probe mask.
        let n = slots.len() / SLOT;
        let slots = if n.is_power_of_two() {
            slots
        } else {
            Cow::Borrowed(&[][..])
        };
        FormIndex {
            sources,
            slots,
            senses,
            filter,
            filter_all,
            starts,
        }
    }

    /// The tables, for `build.rs` to write: the arena (source 0), slots, senses, filter,
    /// start bits.
    pub fn parts(&self) -> (&str, &[u8], &[u8], &[u8], &[u8]) {
        (
            self.sources.first().map_or("", |s| s),
            &self.slots,
            &self.senses,
            &self.filter,
            &self.starts,
        )
    }

    /// The text of a span.
    #[inline]
    pub fn str(&self, s: Str) -> &str {
        let (a, b) = (s.start as usize, s.start as usize + s.len as usize);
        self.sources
            .get(s.src as usize)
            .and_then(|src| src.get(a..b))
            .unwrap_or("")
    }

    #[inline]
    fn slot(&self, k: u32) -> &[u8] {
        let at = k as usize * SLOT;
        self.slots.get(at..at + SLOT).unwrap_or(&[0; SLOT])
    }

    /// The key of `form` (normalized), if it is one.
    #[inline]
    pub fn lookup(&self, form: &str) -> Option<KeyId> {
        if form.is_empty() {
            return None;
        }
        self.lookup_hash(hash(form.as_bytes()))
    }

    /// [`FormIndex::lookup`] of a non-empty form given its [`hash`] (one hash for the
    /// lookups of a form in several indexes).
    #[inline]
    pub fn lookup_hash(&self, h: u64) -> Option<KeyId> {
        // The filter test is inlined in the caller: most words asked of a filtered index
        // stop there, without a call.
        if self.filter_all && !self.filtered_in(h) {
            return None;
        }
        self.probe(h)
    }

    /// [`FormIndex::lookup_hash`] without the Bloom filter (the same answer: a key's hash
    /// always passes it), for a caller whose words mostly are keys or passed other tests.
    #[inline]
    pub fn lookup_hash_unfiltered(&self, h: u64) -> Option<KeyId> {
        self.probe(h)
    }

    /// The table's slot for hash `h`, if a key has it.
    #[inline]
    fn probe(&self, h: u64) -> Option<KeyId> {
        let n = self.slots.len() / SLOT;
        if n == 0 {
            return None;
        }
        let mask = n - 1;
        let mut i = (h as usize) & mask;
        for _ in 0..n {
            let slot = self.slot(i as u32);
            let sh = u64_at(slot, 0);
            if sh == 0 {
                return None;
            }
            if sh == h {
                return u32::try_from(i + 1)
                    .ok()
                    .and_then(std::num::NonZeroU32::new)
                    .map(KeyId);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// False if the Bloom filter says no key of its kind is `form` (true when there is no
    /// filter): a cheap test before a lookup that would miss the cache.
    #[inline]
    pub fn may_have(&self, form: &str) -> bool {
        self.filtered_in(hash(form.as_bytes()))
    }

    /// [`FormIndex::may_have`] of a form given its [`hash`].
    #[inline]
    pub fn may_have_hash(&self, h: u64) -> bool {
        self.filtered_in(h)
    }

    #[inline]
    fn filtered_in(&self, h: u64) -> bool {
        if self.filter.is_empty() {
            return true;
        }
        let (a, b) = filter_bits(h, self.filter.len() * 8);
        self.filter[a / 8] & (1 << (a % 8)) != 0 && self.filter[b / 8] & (1 << (b % 8)) != 0
    }

    /// False if `word` (normalized bytes) is surely no key: its [`start_bit`] is clear
    /// (true when the index has no table of start bits).
    #[inline]
    pub fn may_be_key(&self, word: &[u8]) -> bool {
        self.start_bits().may_be_key(word)
    }

    /// The table of start bits, for a caller that asks about many words: read once.
    #[inline]
    pub fn start_bits(&self) -> StartBits<'_> {
        StartBits {
            bytes: &self.starts,
            log2_bits: (self.starts.len() * 8).trailing_zeros(),
        }
    }

    /// The number of words of the longest form that starts with this key's form.
    #[inline]
    pub fn words(&self, key: KeyId) -> usize {
        self.slot(key.place())[14] as usize
    }

    /// The kinds of the key's senses, as bits of [`SenseKind::bit`].
    #[inline]
    pub fn kinds(&self, key: KeyId) -> u8 {
        self.slot(key.place())[15]
    }

    /// True if the key has senses of its own (it is not only the start of longer forms).
    #[inline]
    pub fn has_senses(&self, key: KeyId) -> bool {
        let b = self.slot(key.place());
        u16::from_le_bytes([b[12], b[13]]) > 0
    }

    /// The senses of a key.
    pub fn senses(&self, key: KeyId) -> impl Iterator<Item = Sense> + '_ {
        let b = self.slot(key.place());
        let first = u32_at(b, 8) as usize;
        let count = u16::from_le_bytes([b[12], b[13]]) as usize;
        (first..first + count).filter_map(move |s| {
            let r = self.senses.get(s * SENSE..(s + 1) * SENSE)?;
            Some(Sense {
                lemma: Str::read(r),
                kind: SenseKind::from_byte(r[8])?,
                tag: r[9],
            })
        })
    }

    /// The lemma (normal form) of a sense.
    #[inline]
    pub fn lemma(&self, sense: &Sense) -> &str {
        self.str(sense.lemma)
    }

    /// The number of keys (counted: this reads the whole table).
    pub fn len(&self) -> usize {
        self.slots
            .chunks_exact(SLOT)
            .filter(|s| u64_at(s, 0) != 0)
            .count()
    }

    /// True if the table has no slots (an empty index).
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

struct BuildKey {
    form: Str,
    words: u8,
    senses: Vec<Sense>,
}

/// Builds a [`FormIndex`]: sources are added, then forms with their senses.
pub struct IndexBuilder {
    sources: Vec<Cow<'static, str>>,
    arena: String,
    map: HashMap<String, u32>,
    keys: Vec<BuildKey>,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        IndexBuilder::new()
    }
}

impl IndexBuilder {
    /// An empty builder. Source 0 is an arena for keys that had to be rewritten
    /// (lower-cased surnames, forms that were not normalized).
    pub fn new() -> IndexBuilder {
        IndexBuilder {
            sources: vec![Cow::Borrowed("")],
            arena: String::new(),
            map: HashMap::new(),
            keys: Vec::new(),
        }
    }

    /// Adds a source text; spans into it are made with [`IndexBuilder::span_at`].
    pub fn add_source(&mut self, text: Cow<'static, str>) -> u16 {
        self.sources.push(text);
        (self.sources.len() - 1) as u16
    }

    /// The span `start..start + len` of source `src`, if it is inside it (strings longer
    /// than 65535 bytes are refused).
    pub fn span_at(&self, src: u16, start: usize, len: usize) -> Option<Str> {
        let source = self.sources.get(src as usize)?;
        if start + len > source.len() || len > u16::MAX as usize || start > u32::MAX as usize {
            return None;
        }
        Some(Str {
            src,
            len: len as u16,
            start: start as u32,
        })
    }

    /// Copies `s` into the arena (source 0) and returns its span.
    pub fn intern(&mut self, s: &str) -> Option<Str> {
        if s.len() > u16::MAX as usize || self.arena.len() + s.len() > u32::MAX as usize {
            return None;
        }
        let start = self.arena.len();
        self.arena.push_str(s);
        Some(Str {
            src: 0,
            len: s.len() as u16,
            start: start as u32,
        })
    }

    fn str(&self, s: Str) -> &str {
        let (a, b) = (s.start as usize, s.start as usize + s.len as usize);
        if s.src == 0 {
            return self.arena.get(a..b).unwrap_or("");
        }
        self.sources
            .get(s.src as usize)
            .and_then(|src| src.get(a..b))
            .unwrap_or("")
    }

    fn key(&mut self, form: Str) -> usize {
        let text = self.str(form);
        if let Some(&k) = self.map.get(text) {
            return k as usize;
        }
        let text = text.to_string();
        self.keys.push(BuildKey {
            form,
            words: 1,
            senses: Vec::new(),
        });
        let k = self.keys.len() - 1;
        self.map.insert(text, k as u32);
        k
    }

    /// Adds a sense to `form` (normalized text, a span in a source); the same sense twice
    /// is kept once.
    pub fn add(&mut self, form: Str, kind: SenseKind, tag: u8, lemma: Str) {
        let text = self.str(form);
        let words = text.split(' ').count();
        if words > 1 {
            let first_len = text.find(' ').unwrap_or(text.len());
            let first = Str {
                len: first_len as u16,
                ..form
            };
            let k = self.key(first);
            self.keys[k].words = self.keys[k].words.max(words.min(255) as u8);
        }
        let k = self.key(form);
        let sense = Sense { lemma, kind, tag };
        let lemma_text = self.str(lemma);
        let duplicate = self.keys[k]
            .senses
            .iter()
            .any(|s| s.kind == kind && s.tag == tag && self.str(s.lemma) == lemma_text);
        if !duplicate && self.keys[k].senses.len() < u16::MAX as usize {
            self.keys[k].senses.push(sense);
        }
    }

    /// Adds a sense whose tag is a set of bits: joined into the sense of the same kind and
    /// lemma if the form has one.
    pub fn add_bits(&mut self, form: Str, kind: SenseKind, bits: u8, lemma: Str) {
        let k = self.key(form);
        let lemma_text = self.str(lemma).to_string();
        let at = (0..self.keys[k].senses.len()).find(|&n| {
            let s = self.keys[k].senses[n];
            s.kind == kind && self.str(s.lemma) == lemma_text
        });
        match at {
            Some(n) => self.keys[k].senses[n].tag |= bits,
            None => self.add(form, kind, bits, lemma),
        }
    }

    /// Lays the table out, with its `filters`; two forms of the same hash are refused.
    pub fn finish(mut self, filters: Filters) -> Result<FormIndex, String> {
        let Filters {
            bloom_bits_per_key: filter_bits_per_key,
            bloom_kind: filter_kind,
            start_bits_per_key,
        } = filters;
        let n = (self.keys.len() * 2).max(16).next_power_of_two();
        let mask = n - 1;
        let mut slots = vec![0u8; n * SLOT];
        let in_filter =
            |k: &BuildKey| filter_kind.is_none_or(|kind| k.senses.iter().any(|s| s.kind == kind));
        let filtered = self.keys.iter().filter(|k| in_filter(k)).count();
        let bits = (filtered * filter_bits_per_key).next_power_of_two().max(8);
        let mut filter = vec![
            0u8;
            if filter_bits_per_key == 0 {
                0
            } else {
                bits / 8
            }
        ];
        let start_bits = (self.keys.len() * start_bits_per_key)
            .next_power_of_two()
            .max(8);
        let mut starts = vec![
            0u8;
            if start_bits_per_key == 0 {
                0
            } else {
                start_bits / 8
            }
        ];
        let mut senses = Vec::new();
        let mut count = 0u32;
        for key in &self.keys {
            let text = self.str(key.form);
            if !starts.is_empty() {
                let bit = start_bit(text.as_bytes(), start_bits.trailing_zeros());
                starts[bit / 8] |= 1 << (bit % 8);
            }
            let h = hash(text.as_bytes());
            let mut i = (h as usize) & mask;
            loop {
                let at = i * SLOT;
                let sh = u64_at(&slots, at);
                if sh == 0 {
                    break;
                }
                if sh == h {
                    return Err(format!("two forms share a hash: {text:?}"));
                }
                i = (i + 1) & mask;
            }
            if !filter.is_empty() && in_filter(key) {
                let (a, b) = filter_bits(h, bits);
                filter[a / 8] |= 1 << (a % 8);
                filter[b / 8] |= 1 << (b % 8);
            }
            let at = i * SLOT;
            slots[at..at + 8].copy_from_slice(&h.to_le_bytes());
            slots[at + 8..at + 12].copy_from_slice(&count.to_le_bytes());
            slots[at + 12..at + 14].copy_from_slice(&(key.senses.len() as u16).to_le_bytes());
            slots[at + 14] = key.words;
            slots[at + 15] = key.senses.iter().fold(0, |m, s| {
                let big = s.kind == SenseKind::Place && matches!(s.tag, b'c' | b'r');
                m | s.kind.bit() | if big { BIG_PLACE_BIT } else { 0 }
            });
            for s in &key.senses {
                s.lemma.write(&mut senses);
                senses.push(s.kind.to_byte());
                senses.push(s.tag);
                senses.extend_from_slice(&[0, 0]);
            }
            count += key.senses.len() as u32;
        }
        self.sources[0] = Cow::Owned(std::mem::take(&mut self.arena));
        Ok(FormIndex::from_parts(
            self.sources,
            Cow::Owned(slots),
            Cow::Owned(senses),
            Cow::Owned(filter),
            filter_kind.is_none(),
            Cow::Owned(starts),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_words_are_the_zero_padded_bytes() {
        let bytes = [0x11u8, 0xD0, 0xB0, 0x7F, 0x00, 0xFF, 0x42];
        for n in 0..=bytes.len() {
            let mut buf = [0u8; 8];
            buf[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(buf), "{n} bytes");
        }
    }

    #[test]
    fn hash_values_are_stable() {
        // The tables built by build.rs hold these hashes: they must not change.
        assert_eq!(hash(b""), 1);
        assert_eq!(hash("в".as_bytes()), 0xf15c_560f_d379_ca2e);
        assert_eq!(hash("год".as_bytes()), 0xa791_6fdf_0625_ea42);
        assert_eq!(hash("москва".as_bytes()), 0x4930_243e_a62f_4919);
        assert_eq!(hash("тау-кен".as_bytes()), 0x55de_6de8_c94c_ac16);
    }

    #[test]
    fn finds_forms_and_their_senses() {
        let text: &'static str = "казахстана\tКазахстан\nцентральной азии\tЦентральная Азия\n";
        let mut b = IndexBuilder::new();
        let src = b.add_source(Cow::Borrowed(text));
        for line in text.lines() {
            let (form, lemma) = line.split_once('\t').unwrap();
            let at = |p: &str| p.as_ptr() as usize - text.as_ptr() as usize;
            let f = b.span_at(src, at(form), form.len()).unwrap();
            let l = b.span_at(src, at(lemma), lemma.len()).unwrap();
            b.add(f, SenseKind::Place, b'c', l);
            b.add(f, SenseKind::Place, b'c', l);
        }
        let ix = b
            .finish(Filters {
                bloom_bits_per_key: 16,
                bloom_kind: None,
                start_bits_per_key: 16,
            })
            .unwrap();
        let k = ix.lookup("казахстана").unwrap();
        let senses: Vec<&str> = ix.senses(k).map(|s| ix.lemma(&s)).collect();
        assert_eq!(senses, ["Казахстан"]);
        let first = ix.lookup("центральной").unwrap();
        assert!(!ix.has_senses(first));
        assert_eq!(ix.words(first), 2);
        assert!(ix.lookup("центральной азии").is_some());
        assert!(ix.lookup("азии").is_none());
        assert!(ix.lookup("").is_none());
        assert!(FormIndex::default().lookup("азии").is_none());
        // Every key passes the start bits (first words of longer forms too); most other
        // words do not, and an index without start bits lets every word pass.
        for key in ["казахстана", "центральной азии", "центральной"]
        {
            assert!(ix.may_be_key(key.as_bytes()), "{key}");
        }
        let strangers = ["азии", "казахстан", "центральный", "год", "а", ""];
        let passing = strangers
            .iter()
            .filter(|w| ix.may_be_key(w.as_bytes()))
            .count();
        assert!(passing <= 1, "{passing} strangers pass");
        assert!(FormIndex::default().may_be_key("азии".as_bytes()));
        // At the fixed size, made from a smaller table or a larger one, every key passes.
        for log2 in [FixedStartBits::LOG2 - 4, FixedStartBits::LOG2 + 2] {
            let bytes: Vec<u8> = {
                let mut b = vec![0u8; (1 << log2) / 8];
                for key in ["казахстана", "центральной", "центральной азии", "оон"]
                {
                    let bit = start_bit(key.as_bytes(), log2);
                    b[bit / 8] |= 1 << (bit % 8);
                }
                b
            };
            let own = StartBits {
                bytes: &bytes,
                log2_bits: log2,
            };
            let fixed = FixedStartBits::new(own);
            for key in ["казахстана", "центральной", "центральной азии", "оон"]
            {
                assert!(fixed.may_be_key(key.as_bytes()), "{key}");
            }
            if log2 < FixedStartBits::LOG2 {
                // Spread over more bits, the table answers as the index's own.
                for w in strangers {
                    let w = w.as_bytes();
                    assert_eq!(fixed.may_be_key(w), own.may_be_key(w), "{w:?}");
                }
            }
        }
        assert!(FixedStartBits::default().may_be_key("азии".as_bytes()));
    }

    #[test]
    fn interned_forms_and_many_keys() {
        let mut b = IndexBuilder::new();
        for n in 0..1000 {
            let f = b.intern(&format!("форма{n}")).unwrap();
            b.add(f, SenseKind::Org, 0, f);
        }
        let ix = b
            .finish(Filters {
                bloom_bits_per_key: 0,
                bloom_kind: None,
                start_bits_per_key: 0,
            })
            .unwrap();
        assert_eq!(ix.len(), 1000);
        let k = ix.lookup("форма777").unwrap();
        assert_eq!(ix.lemma(&ix.senses(k).next().unwrap()), "форма777");
        // The same tables, read back from bytes, answer the same.
        let (arena, slots, senses, filter, starts) = ix.parts();
        let again = FormIndex::from_parts(
            vec![Cow::Owned(arena.to_string())],
            Cow::Owned(slots.to_vec()),
            Cow::Owned(senses.to_vec()),
            Cow::Owned(filter.to_vec()),
            true,
            Cow::Owned(starts.to_vec()),
        );
        assert_eq!(again.lookup("форма777"), Some(k));
    }
}
