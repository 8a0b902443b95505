//! Lexicons: word lists as data, compiled once into one matcher.
//!
//! Every list is a TSV file under `lexicons/` with a provenance header; the files are embedded
//! in the binary and can be replaced from a directory at build time
//! ([`crate::ExtractorBuilder::lexicon_dir`]). All forms of all lists go into one
//! aho-corasick automaton over the normalized text, searched anchored at each token start:
//! a form matches only when it ends on a token boundary, so "т" never matches inside "тонна",
//! and multi-word forms ("долларов сша", "т. е.") match across tokens. Inflection is data:
//! each file lists every case form it wants matched.

pub mod case;
mod files;
mod forms;
pub mod temporal;
pub mod tsv;

use crate::decimal::Decimal;
use crate::fact::FactType;
use crate::fact::Qualifier;
use crate::text::Normalized;
use crate::text::sentence::SentenceEnders;
use crate::text::token::{Abbreviations, Token, TokenKind};
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use files::FILES;
pub use tsv::{LexiconError, require_header};

/// What a lexicon form means. A form may mean several things ("г." is grams and "год").
#[derive(Clone, Debug, PartialEq)]
pub enum Meaning {
    /// A multiplier word: "тыс." → 1000, "миллиардов" → 1000000000.
    Multiplier(Decimal),
    /// A multiplier word that is a number on its own ("миллион рублей", "тысячи людей"):
    /// its factor and whether the form is plural (then the amount is vague).
    LoneMultiplier {
        /// The factor.
        factor: Decimal,
        /// Plural form: "миллиарды", "тысяч".
        plural: bool,
    },
    /// A currency: its ISO 4217 code, the factor to its main unit (0.01 for kopecks), and
    /// whether it may stand before the amount ("$5", "USD 5").
    Currency {
        /// ISO 4217 code.
        code: Box<str>,
        /// Factor to the main unit: 1, or 0.01 for kopecks and cents.
        factor: Decimal,
        /// May stand before the amount.
        prefix: bool,
    },
    /// A percent word or sign: `percent` or `percentage_point`.
    Percent(&'static str),
    /// A qualifier word or phrase: "более", "не менее".
    Qualifier(Qualifier),
    /// A unit of measure: its canonical symbol and dimension ("тонн" → t, mass).
    Unit {
        /// Canonical symbol.
        symbol: Box<str>,
        /// What it measures.
        dimension: Box<str>,
    },
    /// A noun that is counted ("видов" → вид).
    CountNoun(Box<str>),
    /// A rate after a unit ("в год" → year).
    Rate(Box<str>),
    /// An ordinal word ("третьего" → 3).
    OrdinalWord(Decimal),
    /// A word before "N лет" that makes it an age; `true` when it belongs to the span.
    AgeCue(bool),
    /// A phrase that is never a fact of this type ("первую очередь" is no ordinal).
    Blocks(crate::fact::FactType),
    /// A word after which a number is an identifier ("ст. 228", "№ 5").
    IdentifierPrefix,
    /// A name from a user lexicon: its type and normal form.
    UserName {
        /// `person`, `organization` or `location`.
        kind: crate::fact::FactType,
        /// The normal form.
        normal: Box<str>,
    },
    /// A number word: "двух" (2, unit), "сорока" (40, ten), "треть" (3, fraction).
    NumberWord {
        /// The value (for fractions and denominators: the denominator; for vague words:
        /// the order of magnitude).
        value: Decimal,
        /// How it combines with its neighbours.
        class: NumberClass,
    },
    /// A word of a time expression: a month, a time unit, "вчера", "утра", ...
    Temporal(temporal::TemporalWord),
}

/// The kinds of [`Meaning`], one bit each, so that a set of kinds is a mask.
pub mod kind {
    /// [`super::Meaning::Multiplier`].
    pub const MULTIPLIER: u32 = 1 << 0;
    /// [`super::Meaning::LoneMultiplier`].
    pub const LONE_MULTIPLIER: u32 = 1 << 1;
    /// [`super::Meaning::Currency`].
    pub const CURRENCY: u32 = 1 << 2;
    /// [`super::Meaning::Percent`].
    pub const PERCENT: u32 = 1 << 3;
    /// [`super::Meaning::Qualifier`].
    pub const QUALIFIER: u32 = 1 << 4;
    /// [`super::Meaning::Unit`].
    pub const UNIT: u32 = 1 << 5;
    /// [`super::Meaning::CountNoun`].
    pub const COUNT_NOUN: u32 = 1 << 6;
    /// [`super::Meaning::Rate`].
    pub const RATE: u32 = 1 << 7;
    /// [`super::Meaning::OrdinalWord`].
    pub const ORDINAL_WORD: u32 = 1 << 8;
    /// [`super::Meaning::AgeCue`].
    pub const AGE_CUE: u32 = 1 << 9;
    /// [`super::Meaning::Blocks`].
    pub const BLOCKS: u32 = 1 << 10;
    /// [`super::Meaning::IdentifierPrefix`].
    pub const IDENTIFIER_PREFIX: u32 = 1 << 11;
    /// [`super::Meaning::UserName`].
    pub const USER_NAME: u32 = 1 << 12;
    /// [`super::Meaning::NumberWord`].
    pub const NUMBER_WORD: u32 = 1 << 13;
    /// [`super::Meaning::Temporal`].
    pub const TEMPORAL: u32 = 1 << 14;
}

impl Meaning {
    /// This meaning's [`kind`] bit.
    pub fn kind(&self) -> u32 {
        match self {
            Meaning::Multiplier(_) => kind::MULTIPLIER,
            Meaning::LoneMultiplier { .. } => kind::LONE_MULTIPLIER,
            Meaning::Currency { .. } => kind::CURRENCY,
            Meaning::Percent(_) => kind::PERCENT,
            Meaning::Qualifier(_) => kind::QUALIFIER,
            Meaning::Unit { .. } => kind::UNIT,
            Meaning::CountNoun(_) => kind::COUNT_NOUN,
            Meaning::Rate(_) => kind::RATE,
            Meaning::OrdinalWord(_) => kind::ORDINAL_WORD,
            Meaning::AgeCue(_) => kind::AGE_CUE,
            Meaning::Blocks(_) => kind::BLOCKS,
            Meaning::IdentifierPrefix => kind::IDENTIFIER_PREFIX,
            Meaning::UserName { .. } => kind::USER_NAME,
            Meaning::NumberWord { .. } => kind::NUMBER_WORD,
            Meaning::Temporal(_) => kind::TEMPORAL,
        }
    }
}

/// How a number word combines: "сто двадцать пять" is hundred + ten + unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberClass {
    /// 0.
    Zero,
    /// 1–9.
    Unit,
    /// 10–19.
    Teen,
    /// 20–90.
    Ten,
    /// 100–900.
    Hundred,
    /// полтора: 1.5.
    Half,
    /// треть, четверть, половина: 1/value on its own.
    Fraction,
    /// трети, десятых: the denominator after a numerator.
    Denominator,
    /// целых: joins the integer part of "две целых три десятых".
    Whole,
    /// десятки, сотни: a vague amount of this order.
    Vague,
    /// несколько: a vague count before a multiplier.
    Few,
}

/// A lexicon match: the tokens `start..end` spell a form with these meanings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// One past the last token of the match.
    pub end: usize,
    /// Index into [`Lexicon::meanings`].
    pub entry: u32,
}

/// All lexicons, compiled. Immutable and `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Lexicon {
    matcher: AhoCorasick,
    /// Settles most tokens with one probe before the matcher.
    table: forms::FormTable,
    meanings: Vec<Vec<Meaning>>,
    /// Whether each entry may start a time expression.
    time_starts: Vec<temporal::TimeStart>,
    /// The kinds of each entry's meanings ([`kind`] bits): rules that look for
    /// one kind at every token skip the entries without it in one test.
    kinds: Vec<u32>,
    /// The kinds of each entry's temporal words ([`temporal::TemporalWord::kind`] bits).
    temporal_kinds: Vec<u16>,
    /// Abbreviations written with a dot (without it) → whether they may end a sentence.
    abbreviations: HashMap<String, bool, Fnv>,
    /// Age adjective endings and their units ("летний" → year), with their [`tail`]s (0 for
    /// an ending shorter than [`TAIL`]), sorted by tail, longest first within a tail: when
    /// the tails decide, a word is compared with the endings of its own tail only (one or
    /// two), with no hash of its last bytes for every ending length.
    age_suffixes: Vec<(u64, String, String)>,
    /// The last [`TAIL`] bytes of each ending: a word whose tail is not here has no age
    /// ending, which spares the hash lookups for almost every word.
    age_suffix_tails: TailSet,
    /// True when every ending is at least [`TAIL`] bytes long, so the tails decide.
    age_suffix_tails_complete: bool,
    /// Stems of nouns after which "N-летний" is no age ("контракт").
    age_blocking_stems: Vec<String>,
    /// The big name lexicons (first names, surnames, places, organizations).
    names: crate::names::Names,
}

/// Collects forms and meanings while the lexicon files are read.
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    index: HashMap<String, usize>,
    forms: Vec<String>,
    meanings: Vec<Vec<Meaning>>,
    abbreviations: HashMap<String, bool>,
    age_suffixes: Vec<(String, String)>,
    age_blocking_stems: Vec<String>,
}

impl LexiconBuilder {
    /// Adds a noun stem after which "N-летний" is no age.
    pub fn add_age_blocking_stem(&mut self, stem: &str) {
        self.age_blocking_stems
            .push(Normalized::new(stem.trim()).text().to_string());
    }

    /// Adds an age adjective ending ("летний") with its unit.
    pub fn add_age_suffix(&mut self, suffix: &str, unit: &str) {
        let norm = Normalized::new(suffix.trim());
        self.age_suffixes
            .push((norm.text().to_string(), unit.to_string()));
    }

    /// Adds `form` (any case or spelling; it is normalized) with `meaning`.
    pub fn add(&mut self, form: &str, meaning: Meaning) {
        let norm = Normalized::new(form.trim());
        let key = norm.text().to_string();
        if key.is_empty() {
            return;
        }
        let k = *self.index.entry(key.clone()).or_insert_with(|| {
            self.forms.push(key);
            self.meanings.push(Vec::new());
            self.forms.len() - 1
        });
        if !self.meanings[k].contains(&meaning) {
            self.meanings[k].push(meaning);
        }
    }

    /// Adds an abbreviation written with a dot (`word` without it).
    pub fn add_abbreviation(&mut self, word: &str, may_end_sentence: bool) {
        let norm = Normalized::new(word.trim().trim_end_matches('.'));
        self.abbreviations
            .insert(norm.text().to_string(), may_end_sentence);
    }

    /// Compiles the matcher.
    pub fn build(self) -> Result<Lexicon, LexiconError> {
        // The default (contiguous NFA): a DFA searched no faster here (measured) and
        // took 10 ms longer to build.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&self.forms)
            .map_err(|e| LexiconError {
                file: "(all lexicons)".into(),
                line: 0,
                message: format!("cannot compile the matcher: {e}"),
            })?;
        Ok(Lexicon {
            matcher,
            table: forms::FormTable::new(&self.forms),
            time_starts: self
                .meanings
                .iter()
                .map(|m| temporal::TimeStart::of(m))
                .collect(),
            kinds: self
                .meanings
                .iter()
                .map(|m| m.iter().fold(0, |kinds, m| kinds | m.kind()))
                .collect(),
            temporal_kinds: self
                .meanings
                .iter()
                .map(|m| {
                    m.iter().fold(0, |kinds, m| match m {
                        Meaning::Temporal(w) => kinds | w.kind(),
                        _ => kinds,
                    })
                })
                .collect(),
            meanings: self.meanings,
            age_suffix_tails: TailSet::new(self.age_suffixes.iter().filter_map(|(s, _)| tail(s))),
            age_suffix_tails_complete: self.age_suffixes.iter().all(|(s, _)| tail(s).is_some()),
            age_suffixes: {
                // The last row of an ending gives its unit: latest first, a stable sort, and
                // the first of equal endings kept.
                let mut endings: Vec<(u64, String, String)> = self
                    .age_suffixes
                    .into_iter()
                    .rev()
                    .map(|(s, unit)| (tail(&s).unwrap_or(0), s, unit))
                    .collect();
                endings.sort_by(|a, b| {
                    (a.0.cmp(&b.0))
                        .then(b.1.len().cmp(&a.1.len()))
                        .then(a.1.cmp(&b.1))
                });
                endings.dedup_by(|later, first| later.1 == first.1);
                endings
            },
            abbreviations: self.abbreviations.into_iter().collect(),
            age_blocking_stems: self.age_blocking_stems,
            names: crate::names::Names::default(),
        })
    }
}

impl Lexicon {
    /// Loads every lexicon: from `dir` for the files it has, embedded ones for the rest.
    pub fn load(dir: Option<&Path>) -> Result<Lexicon, LexiconError> {
        Lexicon::load_with(dir, &[])
    }

    /// Loads every lexicon as [`Lexicon::load`] does, plus user lexicons of names (see
    /// [`load_user_lexicon`]).
    pub fn load_with(dir: Option<&Path>, user: &[PathBuf]) -> Result<Lexicon, LexiconError> {
        let mut builder = LexiconBuilder::default();
        for path in user {
            load_user_lexicon(path, &mut builder)?;
        }
        for file in FILES {
            let from_dir = match dir {
                Some(d) => {
                    let path = d.join(file.name);
                    if path.exists() {
                        let content = std::fs::read_to_string(&path).map_err(|e| LexiconError {
                            file: path.display().to_string(),
                            line: 0,
                            message: e.to_string(),
                        })?;
                        Some((path.display().to_string(), content))
                    } else {
                        None
                    }
                }
                None => None,
            };
            match from_dir {
                Some((name, content)) => load_file(&name, &content, file.load, &mut builder)?,
                None => load_file(file.name, file.embedded, file.load, &mut builder)?,
            }
        }
        let mut lexicon = builder.build()?;
        lexicon.names = crate::names::Names::load(dir)?;
        Ok(lexicon)
    }

    /// The name lexicons.
    pub fn names(&self) -> &crate::names::Names {
        &self.names
    }

    /// The meanings of `form` (normalized) when it is exactly a lexicon form.
    pub fn lookup(&self, form: &str) -> &[Meaning] {
        match self.table.probe(form) {
            forms::Probe::Exact(entry) => return self.meanings(Hit { end: 0, entry }),
            forms::Probe::Nothing => return &[],
            forms::Probe::Automaton => {}
        }
        let input = Input::new(form).anchored(Anchored::Yes);
        match self.matcher.find(input) {
            Some(m) if m.end() == form.len() => self
                .meanings
                .get(m.pattern().as_usize())
                .map_or(&[], Vec::as_slice),
            _ => &[],
        }
    }

    /// The age unit of a word ending in an age suffix ("30-летний", "тридцатилетняя"):
    /// the unit and the length of the suffix.
    #[inline]
    pub fn age_suffix(&self, word: &str) -> Option<(&str, usize)> {
        // Asked of every word: this first check is inlined, the lookups are not.
        if !self.may_have_age_suffix(word.as_bytes()) {
            return None;
        }
        self.age_suffix_lookup(word)
    }

    /// False if `word` (the bytes of a normalized word) does not end with an age suffix: the
    /// first test of [`Lexicon::age_suffix`], for a caller that has not sliced the word's
    /// text yet.
    #[inline]
    pub fn may_have_age_suffix(&self, word: &[u8]) -> bool {
        !self.age_suffix_tails_complete
            || tail_of(word).is_some_and(|t| self.age_suffix_tails.contains(t))
    }

    /// [`Lexicon::age_suffix`] past its first check.
    fn age_suffix_lookup(&self, word: &str) -> Option<(&str, usize)> {
        let found = if self.age_suffix_tails_complete {
            // Every ending is at least TAIL bytes long: an ending of the word has its tail.
            let t = tail(word)?;
            let from = self.age_suffixes.partition_point(|(k, _, _)| *k < t);
            self.age_suffixes[from..]
                .iter()
                .take_while(|(k, _, _)| *k == t)
                .find(|(_, s, _)| word.ends_with(s.as_str()))
        } else {
            // Endings of different tails: the longest of all that end the word.
            self.age_suffixes
                .iter()
                .filter(|(_, s, _)| word.ends_with(s.as_str()))
                .max_by_key(|(_, s, _)| s.len())
        };
        found.map(|(_, s, unit)| (unit.as_str(), s.len()))
    }

    /// True if `word` (normalized) starts with a stem after which "N-летний" is no age.
    pub fn blocks_age(&self, word: &str) -> bool {
        self.age_blocking_stems
            .iter()
            .any(|s| word.starts_with(s.as_str()))
    }

    /// The meanings of a hit.
    pub fn meanings(&self, hit: Hit) -> &[Meaning] {
        self.meanings
            .get(hit.entry as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// True if the form of a hit has a meaning of one of the `kinds` ([`kind`] bits).
    pub fn has_kind(&self, hit: Hit, kinds: u32) -> bool {
        self.kinds
            .get(hit.entry as usize)
            .is_some_and(|k| k & kinds != 0)
    }

    /// True if the form of a hit has a temporal word of one of the `kinds`
    /// ([`temporal::TemporalWord::kind`] bits).
    #[inline]
    pub fn has_temporal_kind(&self, hit: Hit, kinds: u16) -> bool {
        self.temporal_kinds(hit) & kinds != 0
    }

    /// The [`temporal::word_kind`] bits of the form of a hit (0 for none).
    #[inline]
    pub fn temporal_kinds(&self, hit: Hit) -> u16 {
        self.temporal_kinds
            .get(hit.entry as usize)
            .copied()
            .unwrap_or(0)
    }

    /// Whether the form of a hit may start a time expression.
    pub fn time_start(&self, hit: Hit) -> temporal::TimeStart {
        self.time_starts
            .get(hit.entry as usize)
            .copied()
            .unwrap_or(temporal::TimeStart::No)
    }

    /// For each token, the longest form that starts at it and ends on a token boundary.
    // A stage run once per document: out of line, its loops compile apart from the
    // pipeline's (inlined into one function they cost more instructions).
    #[inline(never)]
    pub fn find_hits(&self, text: &str, tokens: &[Token], out: &mut Vec<Option<Hit>>) {
        self.find_hits_with(text, tokens, out, |_, _, _, _| {});
    }

    /// [`Lexicon::find_hits`], and the list of the words [`crate::names::Names::tag`] looks
    /// at ([`crate::names::Names::tag_words`]) in the same pass: the start bits of the
    /// cues are read off the mix of the form table's ([`crate::names::index::start_mix`]).
    #[inline(never)]
    pub fn find_hits_and_tag_words(
        &self,
        text: &str,
        tokens: &[Token],
        out: &mut Vec<Option<Hit>>,
        tag_words: &mut Vec<usize>,
    ) {
        tag_words.clear();
        self.find_hits_with(text, tokens, out, |i, t, word, mix| {
            if let Some(entry) = self.names.tag_word(i, t, word, mix) {
                tag_words.push(entry);
            }
        });
    }

    /// [`Lexicon::find_hits`], calling `each(i, token, text, start mix)` for every token but
    /// numbers.
    #[inline(always)]
    fn find_hits_with(
        &self,
        text: &str,
        tokens: &[Token],
        out: &mut Vec<Option<Hit>>,
        mut each: impl FnMut(usize, &Token, &[u8], u64),
    ) {
        out.clear();
        out.resize(tokens.len(), None);
        for (i, t) in tokens.iter().enumerate() {
            if matches!(t.kind, TokenKind::Number | TokenKind::NumberSeq) {
                continue;
            }
            // The token's text through the next token's first character (its length read
            // off its lead byte), as bytes: no str is sliced or decoded.
            let bytes = text.as_bytes();
            // With it, the text through up to AHEAD_CHARS characters from the next token's start.
            let char_len = |at: usize| {
                bytes
                    .get(at)
                    .map_or(0, |&b| crate::text::utf8_char_width(b))
            };
            let ahead = || {
                tokens.get(i + 1).map(|next| {
                    let first = (next.start + char_len(next.start)).min(bytes.len());
                    let mut end = first;
                    for _ in 0..AHEAD_CHARS - 1 {
                        let after = end + char_len(end);
                        if after == end || after > bytes.len() {
                            break;
                        }
                        end = after;
                    }
                    (&bytes[t.start..end], first - t.start)
                })
            };
            let word = &bytes[t.start..t.end];
            let mix = crate::names::index::start_mix(word);
            each(i, t, word, mix);
            match self.table.probe_token_mixed(word, mix, ahead) {
                forms::Probe::Exact(entry) => {
                    out[i] = Some(Hit { end: i + 1, entry });
                    continue;
                }
                forms::Probe::Nothing => continue,
                forms::Probe::Automaton => {}
            }
            let input = Input::new(text)
                .range(t.start..text.len())
                .anchored(Anchored::Yes);
            let Some(mut m) = self.matcher.find(input) else {
                continue;
            };
            let mut j = i;
            while j < tokens.len() && tokens[j].end < m.end() {
                j += 1;
            }
            // A form ends on a word, a symbol or an abbreviation's own dot, never on a
            // sentence's full stop ("462 м." is "м" and then the end of the sentence): then
            // the longest form before that stop is taken.
            if j > i && j < tokens.len() && &text[tokens[j].start..tokens[j].end] == "." {
                let shorter = Input::new(text)
                    .range(t.start..tokens[j].start)
                    .anchored(Anchored::Yes);
                match self.matcher.find(shorter) {
                    Some(s) => m = s,
                    None => continue,
                }
                j = i;
                while j < tokens.len() && tokens[j].end < m.end() {
                    j += 1;
                }
            }
            if j < tokens.len() && tokens[j].end == m.end() {
                out[i] = Some(Hit {
                    end: j + 1,
                    entry: m.pattern().as_u32(),
                });
            }
        }
    }
}

impl Abbreviations for Lexicon {
    fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains_key(word)
    }
}

impl SentenceEnders for Lexicon {
    fn may_end_sentence(&self, word: &str) -> bool {
        self.abbreviations
            .get(word.trim_end_matches('.'))
            .copied()
            .unwrap_or(false)
    }
}

/// How many characters from the next token's start [`Lexicon::find_hits`] tests as the
/// prefixes of a longer form before it walks the automaton (three cost more than the walks
/// they save: Ir +49 K).
const AHEAD_CHARS: usize = 2;

/// The byte length of the word tails that [`Lexicon::age_suffix`] checks first.
const TAIL: usize = 8;

/// The last [`TAIL`] bytes of `s` as a number, if it has that many.
fn tail(s: &str) -> Option<u64> {
    tail_of(s.as_bytes())
}

/// [`tail`] of the bytes of a word.
fn tail_of(s: &[u8]) -> Option<u64> {
    let bytes = s.get(s.len().checked_sub(TAIL)?..)?;
    Some(u64::from_le_bytes(bytes.try_into().ok()?))
}

/// A set of word tails ([`tail`]), asked about nearly every word: a bitmap of their
/// hashes answers most words (which are not in it) with one load; the others are looked
/// up in the sorted tails.
#[derive(Clone, Debug, Default)]
struct TailSet {
    bits: [u64; TailSet::WORDS],
    sorted: Vec<u64>,
}

impl TailSet {
    /// 1024 bits: a few dozen tails leave almost all of them clear.
    const WORDS: usize = 16;

    fn new(tails: impl Iterator<Item = u64>) -> TailSet {
        let mut set = TailSet {
            bits: [0; TailSet::WORDS],
            sorted: tails.collect(),
        };
        set.sorted.sort_unstable();
        set.sorted.dedup();
        for &t in &set.sorted {
            let b = TailSet::bit(t);
            set.bits[b / 64] |= 1 << (b % 64);
        }
        set
    }

    /// The bit of tail `t`: the top bits of a multiplicative hash.
    #[inline]
    fn bit(t: u64) -> usize {
        (t.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 10)) as usize
    }

    #[inline]
    fn contains(&self, t: u64) -> bool {
        let b = TailSet::bit(t);
        self.bits[b / 64] & (1 << (b % 64)) != 0 && self.sorted.binary_search(&t).is_ok()
    }
}

/// FNV-1a: the maps looked up per token are keyed by short words, where SipHash's
/// protection against crafted keys is not needed and its cost showed in profiles.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fnv;

/// The FNV-1a hasher state.
#[derive(Clone, Copy, Debug)]
pub struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Reads a user lexicon of names: a TSV file of `type, name[, normal]` rows, `#` lines
/// being comments. `type` is `person`, `organization` or `location`; `name` is matched as
/// written, in any case (each form to match is a row of its own); `normal` defaults to
/// `name`.
pub fn load_user_lexicon(path: &Path, builder: &mut LexiconBuilder) -> Result<(), LexiconError> {
    let file = path.display().to_string();
    let content = std::fs::read_to_string(path).map_err(|e| LexiconError {
        file: file.clone(),
        line: 0,
        message: e.to_string(),
    })?;
    for row in tsv::rows(&content) {
        let parse = || -> Result<(FactType, &str, &str), String> {
            let kind = match row.field(0, "type")? {
                "person" | "PER" => FactType::Person,
                "organization" | "ORG" => FactType::Organization,
                "location" | "LOC" => FactType::Location,
                other => {
                    return Err(format!(
                        "type {other:?} is not person, organization or location"
                    ));
                }
            };
            let name = row.field(1, "name")?;
            Ok((kind, name, row.optional(2).unwrap_or(name)))
        };
        let (kind, name, normal) = parse().map_err(|message| LexiconError {
            file: file.clone(),
            line: row.line,
            message,
        })?;
        builder.add(
            name,
            Meaning::UserName {
                kind,
                normal: normal.into(),
            },
        );
    }
    Ok(())
}

/// A function that reads one row of a lexicon file into the builder.
pub type RowLoader = fn(&tsv::Row<'_>, &mut LexiconBuilder) -> Result<(), String>;

fn load_file(
    name: &str,
    content: &str,
    load: RowLoader,
    builder: &mut LexiconBuilder,
) -> Result<(), LexiconError> {
    tsv::require_header(name, content)?;
    for row in tsv::rows(content) {
        load(&row, builder).map_err(|message| LexiconError {
            file: name.to_string(),
            line: row.line,
            message,
        })?;
    }
    Ok(())
}

/// Parses a decimal lexicon field.
pub(crate) fn parse_decimal(s: &str, what: &str) -> Result<Decimal, String> {
    Decimal::parse(s).ok_or_else(|| format!("{what} {s:?} is not a decimal number"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn lexicon() -> Lexicon {
        Lexicon::load(None).expect("embedded lexicons load")
    }

    #[test]
    fn name_words_found_with_the_hits_are_those_of_the_names() {
        // The list of the pass that finds hits and the one of `Names::tag_words`, and the
        // hits of both passes, on words of every kind: capitalized, all capitals, short,
        // cues ("президент", "области", "СП"), numbers, punctuation.
        let lex = lexicon();
        let texts = [
            "Президент России Владимир Путин посетил Карагандинскую область 5 мая.",
            "СП «Газпром-Нефть» и ООО Ромашка: в т.ч. 30 тыс. т, сообщил министр.",
            "в области, в течение года; губернатор Иван-Мари Ю. и ЕС, АО, МВФ... Ё!",
            "",
        ];
        for text in texts {
            let n = Normalized::new(text);
            let mut toks = Vec::new();
            tokenize(text, &n, &lex, &mut toks);
            let (mut hits, mut hits_too) = (Vec::new(), Vec::new());
            let (mut found, mut listed) = (vec![7], Vec::new());
            lex.find_hits(n.text(), &toks, &mut hits);
            lex.find_hits_and_tag_words(n.text(), &toks, &mut hits_too, &mut found);
            lex.names().tag_words(n.text(), &toks, &mut listed);
            assert_eq!(hits, hits_too, "{text:?}");
            assert_eq!(found, listed, "{text:?}");
            if !text.is_empty() {
                assert!(found.iter().any(|e| e % 2 == 1), "{text:?}: no cue");
                assert!(found.iter().any(|e| e % 2 == 0), "{text:?}: no name word");
            }
        }
    }

    #[test]
    fn embedded_lexicons_load() {
        let lex = lexicon();
        assert!(lex.is_abbreviation("тыс"));
        assert!(lex.may_end_sentence("руб."));
    }

    #[test]
    fn tail_sets_hold_their_tails_only() {
        let tails: Vec<u64> = (0..40u64)
            .map(|k| k.wrapping_mul(0x0123_4567_89AB_CDEF))
            .collect();
        let set = TailSet::new(tails.iter().copied().chain(tails.iter().copied()));
        assert_eq!(set.sorted.len(), 40);
        for &t in &tails {
            assert!(set.contains(t), "{t:#x}");
        }
        let strangers = (0..10_000u64).map(|k| k.wrapping_mul(0x9999_7777_5555_3333) ^ 1);
        let found = strangers
            .filter(|t| set.contains(*t) && !tails.contains(t))
            .count();
        assert_eq!(found, 0);
        let words = ["летний", "двухлетняя", "москва", "летнего"];
        let set = TailSet::new(["летний", "летнего"].iter().filter_map(|w| tail(w)));
        let got: Vec<bool> = words
            .iter()
            .map(|w| tail(w).is_some_and(|t| set.contains(t)))
            .collect();
        assert_eq!(got, [true, false, false, true]);
    }

    #[test]
    fn an_age_suffix_is_the_longest_ending_of_the_word() {
        // Endings of one tail ("тний" ends "летний"), of several tails, a later row of an
        // ending giving its unit, and, in the second lexicon, an ending shorter than a tail
        // (then the tails do not decide).
        let endings = [
            ("летний", "year"),
            ("тний", "other"),
            ("месячный", "day"),
            ("месячный", "month"),
        ];
        let words = [
            "30-летний",
            "тридцатилетний",
            "летний",
            "последний",
            "бытний",
            "тний",
            "6-месячный",
            "москва",
            "ий",
            "",
        ];
        for short in [None, Some(("ий", "short"))] {
            let mut b = LexiconBuilder::default();
            for (s, u) in endings.iter().chain(short.iter()) {
                b.add_age_suffix(s, u);
            }
            let lex = b.build().unwrap();
            assert_eq!(lex.age_suffix_tails_complete, short.is_none());
            for w in words {
                // The longest ending, the last row of it.
                let longest = endings
                    .iter()
                    .chain(short.iter())
                    .filter(|(s, _)| w.ends_with(s))
                    .max_by_key(|(s, _)| s.len())
                    .map(|&(s, _)| s);
                let unit = endings
                    .iter()
                    .chain(short.iter())
                    .rev()
                    .find(|(s, _)| Some(*s) == longest)
                    .map(|&(s, u)| (u, s.len()));
                assert_eq!(lex.age_suffix(w), unit, "{w}");
            }
        }
    }

    #[test]
    fn entries_know_the_kinds_of_their_meanings() {
        let lex = lexicon();
        let hit_of = |form: &str| {
            let n = Normalized::new(form);
            let mut toks = Vec::new();
            tokenize(form, &n, &lex, &mut toks);
            let mut hits = Vec::new();
            lex.find_hits(n.text(), &toks, &mut hits);
            hits[0].unwrap_or_else(|| panic!("{form}: no hit"))
        };
        let numeric = kind::NUMBER_WORD | kind::LONE_MULTIPLIER;
        assert!(lex.has_kind(hit_of("двух"), numeric));
        assert!(lex.has_kind(hit_of("миллиона"), numeric));
        assert!(lex.has_kind(hit_of("миллиона"), kind::MULTIPLIER));
        assert!(!lex.has_kind(hit_of("рублей"), numeric));
        assert!(lex.has_kind(hit_of("рублей"), kind::CURRENCY));
        assert!(!lex.has_kind(
            Hit {
                end: 1,
                entry: u32::MAX
            },
            u32::MAX
        ));
        let bits = [
            Meaning::Multiplier(Decimal::ZERO).kind(),
            Meaning::Percent("percent").kind(),
            Meaning::IdentifierPrefix.kind(),
            Meaning::OrdinalWord(Decimal::ZERO).kind(),
        ];
        assert_eq!(
            bits,
            [
                kind::MULTIPLIER,
                kind::PERCENT,
                kind::IDENTIFIER_PREFIX,
                kind::ORDINAL_WORD
            ]
        );
    }

    #[test]
    fn matches_whole_tokens_only() {
        let lex = lexicon();
        let text = "5 тонн, 900 млн долларов США и тыс. т";
        let n = Normalized::new(text);
        let mut toks = Vec::new();
        tokenize(text, &n, &lex, &mut toks);
        let mut hits = Vec::new();
        lex.find_hits(n.text(), &toks, &mut hits);
        let found: Vec<&str> = toks
            .iter()
            .zip(&hits)
            .filter_map(|(t, h)| h.map(|h| &n.text()[t.start..toks[h.end - 1].end]))
            .collect();
        assert!(found.contains(&"млн"), "{found:?}");
        assert!(found.contains(&"долларов сша"), "{found:?}");
        assert!(found.contains(&"тыс."), "{found:?}");
    }

    #[test]
    fn a_bad_row_names_file_and_line() {
        let mut b = LexiconBuilder::default();
        let err = load_file(
            "multipliers.tsv",
            "# test\nтыс.\tmany\n",
            files::FILES[0].load,
            &mut b,
        )
        .unwrap_err();
        assert_eq!(err.file, "multipliers.tsv");
        assert_eq!(err.line, 2);
        assert!(err.to_string().starts_with("multipliers.tsv:2: "), "{err}");
    }

    #[test]
    fn a_file_without_header_is_refused() {
        let mut b = LexiconBuilder::default();
        let err = load_file("x.tsv", "тыс.\t1000\n", files::FILES[0].load, &mut b).unwrap_err();
        assert_eq!(err.line, 1);
    }
}
