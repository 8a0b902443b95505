//! Rules: small named functions over tokens and lexicon hits that propose candidate facts.
//!
//! Each family lives in its own module and appends [`Candidate`]s; no rule decides what wins
//! when candidates overlap: [`crate::resolve`] does, in one place. A candidate carries the
//! name of the rule that made it, which travels to the output as `rule`.

pub mod age;
pub mod amount;
pub mod date;
pub mod date_range;
pub mod date_relative;
pub mod date_value;
pub mod duration;
pub mod location;
pub mod money;
pub mod number;
pub mod ordinal;
pub mod organization;
pub mod percent;
pub mod person;
pub mod quantity;
pub mod range;
pub mod time;
pub mod timex;
pub mod user;

use crate::fact::{FactType, Value};
use crate::lexicon::temporal::TimeStart;
use crate::lexicon::{Hit, Lexicon, Meaning, kind};
use crate::names::NameHit;
use crate::names::index::{Sense, SenseKind};
use crate::text::token::{ALL_CAPS, CAPITALIZED, HYPHENATED, LATIN};
use crate::text::{Normalized, Token, TokenKind};

/// A proposed fact over the tokens `start..end`.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The first token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The fact type.
    pub kind: FactType,
    /// The value; `None` once [`crate::resolve`] has moved it into its fact.
    pub value: Option<Value>,
    /// The rule's name (`family.rule`).
    pub rule: &'static str,
}

/// One document as the rules see it.
pub struct Doc<'a> {
    /// The original text.
    pub original: &'a str,
    /// The normalized text and its map back.
    pub norm: &'a Normalized,
    /// The tokens of the normalized text.
    pub tokens: &'a [Token],
    /// The lexicon hit starting at each token.
    pub hits: &'a [Option<Hit>],
    /// The lexicons.
    pub lexicon: &'a Lexicon,
    /// The reference date for relative expressions, if known.
    pub reference: Option<&'a crate::Reference>,
    /// The measure starting at each token, computed once for all rule families.
    pub measures: std::cell::OnceCell<MeasureCache>,
    /// The length of time starting at each token ([`duration::length_at`] with units alone),
    /// computed when first asked: the date, relative date and duration rules all ask.
    pub lengths: std::cell::RefCell<LengthCache>,
    /// The last token whose own form [`Doc::own_form`] looked up, and its meanings: the
    /// time readers at a start ask about the same token one after the other.
    pub own_form: std::cell::Cell<Option<(usize, &'a [Meaning])>>,
    /// What the name lexicons say about each token (empty when names are not wanted).
    pub names: &'a [NameHit],
    /// The tokens name rules start at, in order: capitalized words and cue words (roles,
    /// organization and place types, words of saying).
    pub marked: &'a [u32],
    /// Whether a place's adjective is a location too (see
    /// [`crate::ExtractorBuilder::place_adjectives`]).
    pub place_adjectives: bool,
}

/// The measures of a document, sparse: four bytes per token and a slot per measure found
/// (a measure is large, and a 100 MB line has tens of millions of tokens).
#[derive(Debug)]
pub struct MeasureCache {
    /// For each token, its measure's index in `found`, or `u32::MAX`.
    index: Vec<u32>,
    found: Vec<amount::Measure>,
    /// The number each measure in `found` starts with ([`amount::amount_at`]).
    numbers: Vec<amount::ParsedAmount>,
    /// The tokens some numeric rule may start at, in order, with their [`start`] bits.
    starts: Vec<(u32, u16)>,
}

/// A measure cache's vectors, empty.
type MeasureBuffers = (
    Vec<u32>,
    Vec<amount::Measure>,
    Vec<amount::ParsedAmount>,
    Vec<(u32, u16)>,
);

thread_local! {
    /// The buffers of this thread's last measure cache ([`crate::spare`]).
    static SPARE_MEASURE_BUFFERS: std::cell::Cell<Option<MeasureBuffers>> =
        const { std::cell::Cell::new(None) };
}

impl Drop for MeasureCache {
    fn drop(&mut self) {
        let mut buffers = (
            std::mem::take(&mut self.index),
            std::mem::take(&mut self.found),
            std::mem::take(&mut self.numbers),
            std::mem::take(&mut self.starts),
        );
        buffers.0.clear();
        buffers.1.clear();
        buffers.2.clear();
        buffers.3.clear();
        let room = buffers.0.capacity();
        crate::spare::keep(&SPARE_MEASURE_BUFFERS, buffers, room);
    }
}

/// What numeric rules may start at a token ([`Doc::starts`]): each token is classified
/// once for the money, age and ordinal rules, which then visit only the tokens whose bits
/// say they may start there (most tokens are none of these).
pub mod start {
    /// A number with a glued hyphen after it ("30-летний", "3-й").
    pub const NUMBER_HYPHEN: u16 = 1;
    /// The word "на".
    pub const NA: u16 = 1 << 1;
    /// The word "в".
    pub const V: u16 = 1 << 2;
    /// A word that may end in an age suffix ([`crate::lexicon::Lexicon::may_have_age_suffix`]).
    pub const AGE_SUFFIX: u16 = 1 << 3;
    /// A lexicon form that is an age cue.
    pub const AGE_CUE: u16 = 1 << 4;
    /// A lexicon form that is an ordinal or number word.
    pub const ORDINAL_WORD: u16 = 1 << 5;
    /// A capitalized Latin word: maybe a Roman numeral.
    pub const ROMAN: u16 = 1 << 6;
    /// A lexicon form that is a currency.
    pub const CURRENCY: u16 = 1 << 7;
    /// A measure starts here ([`super::Doc::has_measure`]).
    pub const MEASURE: u16 = 1 << 8;
    /// A time expression may start here ([`super::timex`]'s strong start).
    pub const TIME_STRONG: u16 = 1 << 9;
    /// A time expression may start here if a strong start follows (a weak start).
    pub const TIME_WEAK: u16 = 1 << 10;
    /// A dash ("-").
    pub const DASH: u16 = 1 << 11;
}

impl MeasureCache {
    #[inline(never)]
    fn new(doc: &Doc<'_>) -> MeasureCache {
        let (index, found, numbers, starts) = crate::spare::take(&SPARE_MEASURE_BUFFERS);
        let mut cache = MeasureCache {
            index,
            found,
            numbers,
            starts,
        };
        cache.index.resize(doc.tokens.len(), u32::MAX);
        // About one token in forty starts a measure in news text: room for that at once
        // spares the vectors' growth (bounded: a long text's growth is amortized anyway).
        let expected = (doc.tokens.len() / 32).clamp(8, 256);
        cache.found.reserve(expected);
        cache.numbers.reserve(expected);
        cache.starts.reserve(doc.tokens.len() / 8);
        let text = doc.norm.text().as_bytes();
        // One pass over the tokens and their hits: what each may start (most: nothing).
        // Most tokens are plain words, told here in a few tests; the others are
        // classified out of line (inlined, their tests made this loop costlier for all).
        for (k, (t, hit)) in doc.tokens.iter().zip(doc.hits).enumerate() {
            let bits = match bits_by_bytes(doc.lexicon, text, t, hit) {
                Some(bits) => bits,
                None => cache.classify(doc, k, t),
            };
            if bits != 0 && k < u32::MAX as usize {
                cache.starts.push((k as u32, bits));
            }
        }
        cache
    }

    /// The [`start`] bits of token `k` (`t`), its measure kept if one starts there: any
    /// token (those [`bits_by_bytes`] tells too, though the loop tells them apart).
    #[inline(never)]
    fn classify(&mut self, doc: &Doc<'_>, k: usize, t: &Token) -> u16 {
        let text = doc.norm.text().as_bytes();
        let hit = doc.hits.get(k).copied().flatten();
        let (mut bits, may_start) = if t.kind == TokenKind::Word {
            word_bits(doc, k, t, text.get(t.start..t.end).unwrap_or_default(), hit)
        } else {
            let mut bits = 0;
            let may_start = match t.kind {
                TokenKind::Number => {
                    bits |= start::TIME_STRONG;
                    if doc.glued(k + 1) && doc.is(k + 1, "-") {
                        bits |= start::NUMBER_HYPHEN;
                    }
                    true
                }
                TokenKind::NumberSeq => {
                    bits |= start::TIME_STRONG;
                    true
                }
                _ => match text.get(t.start..t.end) {
                    Some(b"-") => {
                        bits |= start::DASH;
                        true
                    }
                    Some(b"+") => true,
                    _ => false,
                },
            };
            if let Some(hit) = hit
                && doc.lexicon.has_kind(hit, kind::CURRENCY)
            {
                bits |= start::CURRENCY;
            }
            (bits, may_start)
        };
        debug_assert_eq!(may_start, amount::may_start(doc, k));
        if may_start && self.add_measure(doc, k) {
            bits |= start::MEASURE;
        }
        bits
    }

    /// Keeps the measure at token `k` if one starts there (exactly where a number does,
    /// see `amount::measure_at`): true if one does. Out of line: few tokens ask.
    #[inline(never)]
    fn add_measure(&mut self, doc: &Doc<'_>, k: usize) -> bool {
        if self.found.len() < u32::MAX as usize
            && let Some(number) = amount::amount_at(doc, k)
            && let Some(m) = amount::measure_from(doc, k, number)
        {
            if let Some(slot) = self.index.get_mut(k) {
                *slot = self.found.len() as u32;
            }
            self.found.push(m);
            self.numbers.push(number);
            return true;
        }
        false
    }
}

/// The [`start`] bits of word `k` (`t`, its bytes `w`, its lexicon hit `hit`) but
/// [`start::MEASURE`], and whether a number may start there ([`amount::may_start`]).
#[inline(always)]
fn word_bits(doc: &Doc<'_>, k: usize, t: &Token, w: &[u8], hit: Option<Hit>) -> (u16, bool) {
    let mut bits = match timex::word_start_class(doc, k, t, w, hit) {
        TimeStart::Strong => start::TIME_STRONG,
        TimeStart::Weak => start::TIME_WEAK,
        TimeStart::No => 0,
    };
    bits |= plain_word_bits(doc.lexicon, w);
    if t.has(LATIN) && t.has(ALL_CAPS | CAPITALIZED) {
        bits |= start::ROMAN;
    }
    // Most forms are none of these kinds: one test passes them over.
    const NUMERIC_KINDS: u32 = kind::CURRENCY
        | kind::AGE_CUE
        | kind::ORDINAL_WORD
        | kind::NUMBER_WORD
        | kind::LONE_MULTIPLIER;
    let mut may_start = false;
    if let Some(hit) = hit
        && doc.lexicon.has_kind(hit, NUMERIC_KINDS)
    {
        let has = |kinds| doc.lexicon.has_kind(hit, kinds);
        if has(kind::CURRENCY) {
            bits |= start::CURRENCY;
        }
        if has(kind::AGE_CUE) {
            bits |= start::AGE_CUE;
        }
        if has(kind::ORDINAL_WORD | kind::NUMBER_WORD) {
            bits |= start::ORDINAL_WORD;
        }
        may_start = has(kind::NUMBER_WORD | kind::LONE_MULTIPLIER);
    }
    (bits, may_start)
}

/// The [`start`] bits of token `t` (with lexicon hit `hit`) when its bytes and flags tell
/// them, as [`MeasureCache::classify`] would (None: ask it). Most tokens are told here: a
/// word with no lexicon form, neither hyphenated nor Latin, that cannot be a Roman numeral
/// has only the bits of [`plain_word_bits`] (no time start, no numeric kind, no number);
/// punctuation with no lexicon form other than "-" and "+" has none.
#[inline(always)]
fn bits_by_bytes(lexicon: &Lexicon, text: &[u8], t: &Token, hit: &Option<Hit>) -> Option<u16> {
    if hit.is_some() {
        return None;
    }
    match t.kind {
        TokenKind::Word if !t.has(HYPHENATED | LATIN) => {
            let w = text.get(t.start..t.end)?;
            (!timex::may_be_roman(w)).then(|| plain_word_bits(lexicon, w))
        }
        TokenKind::Punct => match text.get(t.start..t.end)? {
            b"-" | b"+" => None,
            _ => Some(0),
        },
        _ => None,
    }
}

/// The [`start`] bits a word has by its bytes alone: "на", "в", an age suffix.
#[inline(always)]
fn plain_word_bits(lexicon: &Lexicon, w: &[u8]) -> u16 {
    let mut bits = 0;
    if w == "на".as_bytes() {
        bits |= start::NA;
    } else if w == "в".as_bytes() {
        bits |= start::V;
    }
    if lexicon.may_have_age_suffix(w) {
        bits |= start::AGE_SUFFIX;
    }
    bits
}

/// The lengths of time of a document that rules asked for, sparse like [`MeasureCache`].
#[derive(Debug)]
pub struct LengthCache {
    /// For each token, [`LengthCache::UNASKED`], [`LengthCache::NONE`], or its length's index
    /// in `found`.
    index: Vec<u32>,
    found: Vec<duration::Length>,
}

impl LengthCache {
    const UNASKED: u32 = u32::MAX;
    const NONE: u32 = u32::MAX - 1;
}

thread_local! {
    /// The vectors of this thread's last length cache ([`crate::spare`]).
    static SPARE_LENGTH_BUFFERS: std::cell::Cell<Option<(Vec<u32>, Vec<duration::Length>)>> =
        const { std::cell::Cell::new(None) };
}

impl Default for LengthCache {
    /// Empty, in the last document's buffers if this thread has them.
    fn default() -> LengthCache {
        let (index, found) = crate::spare::take(&SPARE_LENGTH_BUFFERS);
        LengthCache { index, found }
    }
}

impl Drop for LengthCache {
    fn drop(&mut self) {
        let mut buffers = (
            std::mem::take(&mut self.index),
            std::mem::take(&mut self.found),
        );
        buffers.0.clear();
        buffers.1.clear();
        let room = buffers.0.capacity();
        crate::spare::keep(&SPARE_LENGTH_BUFFERS, buffers, room);
    }
}

impl<'a> Doc<'a> {
    /// The length of time at token `i` with units alone ([`duration::length_at`]`(self, i,
    /// true)`), read once per document however many rules ask.
    pub fn length(&self, i: usize) -> Option<duration::Length> {
        self.with_length(i, |length| length.cloned())
    }

    /// One past the last token of [`Doc::length`]`(i)`: without copying the length out (it
    /// is large), for a rule that first looks at what follows it.
    pub fn length_end(&self, i: usize) -> Option<usize> {
        self.with_length(i, |length| length.map(|l| l.end))
    }

    /// `f` of [`Doc::length`]`(i)`, read once per document. `f` must not ask for a length.
    fn with_length<R>(&self, i: usize, f: impl FnOnce(Option<&duration::Length>) -> R) -> R {
        // Every start is asked, and most have no length: told without the cache.
        if !duration::may_start_length(self, i) {
            return f(None);
        }
        {
            let cache = self.lengths.borrow();
            match cache.index.get(i).copied() {
                Some(LengthCache::UNASKED) => {}
                Some(LengthCache::NONE) => return f(None),
                Some(k) => return f(cache.found.get(k as usize)),
                // Past the end (or a cache not yet sized): no cache.
                None if cache.index.len() == self.tokens.len() => {
                    return f(duration::length_at(self, i, true).as_ref());
                }
                None => {}
            }
        }
        let length = duration::length_at(self, i, true);
        let mut cache = self.lengths.borrow_mut();
        if cache.index.len() != self.tokens.len() {
            cache.index.clear();
            cache.index.resize(self.tokens.len(), LengthCache::UNASKED);
            cache.found.clear();
        }
        let slot = match &length {
            None => LengthCache::NONE,
            Some(_) if cache.found.len() >= LengthCache::NONE as usize => {
                drop(cache);
                return f(length.as_ref());
            }
            Some(l) => {
                cache.found.push(l.clone());
                (cache.found.len() - 1) as u32
            }
        };
        if let Some(s) = cache.index.get_mut(i) {
            *s = slot;
        }
        drop(cache);
        f(length.as_ref())
    }

    /// The meanings of token `i`'s own form ([`Lexicon::lookup`] of its text): what a token
    /// covered by a longer form means alone. The last token asked about is kept.
    pub fn own_form(&self, i: usize) -> &'a [Meaning] {
        if let Some((k, meanings)) = self.own_form.get()
            && k == i
        {
            return meanings;
        }
        let meanings = self.lexicon.lookup(self.text(i));
        self.own_form.set(Some((i, meanings)));
        meanings
    }

    /// The document's measures, read at the first ask.
    #[inline]
    fn measure_cache(&self) -> &MeasureCache {
        self.measures.get_or_init(|| MeasureCache::new(self))
    }

    /// The measure whose number starts at token `i` (see [`amount::measure_at`]), parsed
    /// once per document however many rule families ask.
    pub fn measure(&self, i: usize) -> Option<amount::Measure> {
        let cache = self.measure_cache();
        let k = *cache.index.get(i)?;
        cache.found.get(k as usize).copied()
    }

    /// The number starting at token `i` ([`amount::amount_at`]), read with the measures.
    pub fn amount(&self, i: usize) -> Option<amount::ParsedAmount> {
        let cache = self.measure_cache();
        let k = *cache.index.get(i)?;
        cache.numbers.get(k as usize).copied()
    }

    /// True if [`Doc::measure`] finds a measure at token `i`.
    #[inline]
    pub fn has_measure(&self, i: usize) -> bool {
        let cache = self.measure_cache();
        cache.index.get(i).is_some_and(|&k| k != u32::MAX)
    }

    /// The tokens some numeric rule may start at, in order, with their [`start`] bits.
    pub fn starts(&self) -> impl Iterator<Item = (usize, u16)> + '_ {
        let cache = self.measure_cache();
        cache.starts.iter().map(|&(i, bits)| (i as usize, bits))
    }

    /// [`Doc::starts`] as stored: token indices and bits.
    pub fn start_list(&self) -> &[(u32, u16)] {
        &self.measure_cache().starts
    }

    /// What [`Doc::measure`] finds at every token, in token order (those where it finds
    /// none left out): for rules that start only at a measure.
    pub fn measures(&self) -> impl Iterator<Item = &amount::Measure> + '_ {
        // By reference: a measure is large, and most are passed over.
        self.measure_cache().found.iter()
    }

    /// The normalized text of token `i` ("" past the end).
    #[inline]
    pub fn text(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.norm.text()[t.start..t.end])
    }

    /// [`Doc::text`] as bytes, for comparisons that need no `str` (and none of its
    /// character-boundary checks on slicing).
    #[inline]
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.tokens
            .get(i)
            .and_then(|t| self.norm.text().as_bytes().get(t.start..t.end))
            .unwrap_or_default()
    }

    /// The kind of token `i`, if there is one.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// True if token `i` exists and its normalized text is `s`.
    #[inline]
    pub fn is(&self, i: usize, s: &str) -> bool {
        // On the bytes: the same answer as comparing the text, without slicing a `str`
        // (and checking character boundaries) for every word asked about; the length
        // first, which settles most words asked about.
        self.tokens.get(i).is_some_and(|t| {
            t.end.wrapping_sub(t.start) == s.len()
                && self.norm.text().as_bytes().get(t.start..t.end) == Some(s.as_bytes())
        })
    }

    /// True if token `i` directly follows token `i - 1` with no space.
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| !t.has(crate::text::token::SPACE_BEFORE))
    }

    /// The lexicon hit at token `i` and its meanings.
    #[inline]
    pub fn hit(&self, i: usize) -> Option<(Hit, &'a [Meaning])> {
        let hit = (*self.hits.get(i)?)?;
        Some((hit, self.lexicon.meanings(hit)))
    }

    /// The first meaning at token `i` that `pick` accepts, and the token after the form.
    pub fn meaning<T>(
        &self,
        i: usize,
        pick: impl Fn(&'a Meaning) -> Option<T>,
    ) -> Option<(T, usize)> {
        let (hit, meanings) = self.hit(i)?;
        meanings.iter().find_map(&pick).map(|v| (v, hit.end))
    }

    /// [`Doc::meaning`] for a `pick` that takes only meanings of the `kinds`
    /// ([`crate::lexicon::kind`] bits): a token whose form has none is passed over with one
    /// test.
    #[inline]
    pub fn meaning_of<T>(
        &self,
        i: usize,
        kinds: u32,
        pick: impl Fn(&'a Meaning) -> Option<T>,
    ) -> Option<(T, usize)> {
        let hit = (*self.hits.get(i)?)?;
        if !self.lexicon.has_kind(hit, kinds) {
            return None;
        }
        self.meaning(i, pick)
    }

    /// The original text of tokens `start..end`.
    pub fn original_text(&self, start: usize, end: usize) -> &'a str {
        if start >= end || end > self.tokens.len() {
            return "";
        }
        let (s, e) = self.norm.span_to_original(
            self.original,
            self.tokens[start].start,
            self.tokens[end - 1].end,
        );
        &self.original[s..e]
    }

    /// True if token `i` starts a phrase that is never a fact of type `kind`.
    pub fn blocked(&self, i: usize, kind: FactType) -> bool {
        self.meaning_of(i, crate::lexicon::kind::BLOCKS, |m| {
            matches!(m, Meaning::Blocks(k) if *k == kind).then_some(())
        })
        .is_some()
    }

    /// True if a sentence starts at token `i` (so a pattern must not run into it).
    #[inline]
    pub fn sentence_start(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.has(crate::text::token::SENTENCE_START))
    }
}

/// Name helpers: capitalization and what the name lexicons say.
impl<'a> Doc<'a> {
    /// The tokens name rules start at ([`Doc::marked`]).
    pub fn marked(&self) -> impl Iterator<Item = usize> + 'a {
        self.marked.iter().map(|&i| i as usize)
    }

    /// True if token `i` is a word whose first letter is a capital.
    #[inline]
    pub fn capitalized(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.has(CAPITALIZED))
    }

    /// True if token `i` is a word of two or more letters, all capitals.
    #[inline]
    pub fn all_caps(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.has(ALL_CAPS))
    }

    /// The Latin words after the opening bracket at `b`: one past the last. The first is
    /// capitalized; lower-case particles may join ("Khaled el-Masri", "Hochheim am Main").
    pub fn latin_in_brackets(&self, b: usize) -> Option<usize> {
        if !self.is(b, "(") || !self.latin(b + 1) || !self.capitalized(b + 1) {
            return None;
        }
        let mut e = b + 1;
        while e < b + 6 && self.latin(e) && (self.capitalized(e) || self.text(e).len() <= 4) {
            e += 1;
        }
        Some(e)
    }

    /// True if token `i` is a word with Latin letters.
    #[inline]
    pub fn latin(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.has(LATIN))
    }

    /// What the name lexicons say about token `i`.
    #[inline]
    pub fn name_hit(&self, i: usize) -> NameHit {
        self.names.get(i).copied().unwrap_or_default()
    }

    /// What the name lexicons say token `i` is ([`crate::names::flag`] bits).
    #[inline]
    pub fn flags(&self, i: usize) -> u16 {
        self.names.get(i).map_or(0, |h| h.flags)
    }

    /// True if token `i` is any of `flags` ([`crate::names::flag`] bits).
    #[inline]
    pub fn is_a(&self, i: usize, flags: u16) -> bool {
        self.flags(i) & flags != 0
    }

    /// The senses of token `i`'s own form in the name lexicons.
    pub fn senses(&self, i: usize) -> impl Iterator<Item = Sense> + 'a {
        let index = self.lexicon.names().index();
        self.names
            .get(i)
            .and_then(|h| h.key)
            .into_iter()
            .flat_map(move |k| index.senses(k))
    }

    /// True if token `i`'s own form has a sense of this kind.
    pub fn has_sense(&self, i: usize, kind: SenseKind) -> bool {
        self.senses(i).any(|s| s.kind == kind)
    }

    /// The lemma of a sense.
    pub fn lemma(&self, sense: &Sense) -> &'a str {
        self.lexicon.names().index().lemma(sense)
    }

    /// The cue sense of this kind of token `i` (a word): an organization type, a place
    /// adjective, a place type or a role, with its lemma.
    #[inline]
    pub fn cue(&self, i: usize, kind: SenseKind) -> Option<(Sense, &'a str)> {
        let key = self.names.get(i)?.cue?;
        // The kind's flag says whether looking is worth it.
        let wanted = match kind {
            SenseKind::OrgType => crate::names::flag::ORG_TYPE,
            SenseKind::PlaceType => crate::names::flag::PLACE_TYPE,
            SenseKind::GeoAdjective => crate::names::flag::GEO_ADJECTIVE,
            SenseKind::Role => crate::names::flag::ROLE,
            _ => 0,
        };
        if !self.is_a(i, wanted) {
            return None;
        }
        let cues = self.lexicon.names().cues();
        cues.senses(key)
            .find(|s| s.kind == kind)
            .map(|s| (s, cues.lemma(&s)))
    }

    /// The original text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.original_text(i, i + 1)
    }
}

/// A bit of 64 for the first two bytes of `bytes` (as many as it has): bytes that start
/// with the same two have the same bit. A set of words' bits turns away most words that
/// begin none of them, before anything dearer is compared.
fn lead_bit(bytes: &[u8]) -> u64 {
    let byte = |k: usize| u32::from(bytes.get(k).copied().unwrap_or(0));
    1 << ((byte(0) * 31 + byte(1)) % 64)
}

/// Runs every rule family over `doc`.
///
/// Each family's `apply` (and `MeasureCache::new`) is kept out of line: inlined here
/// together, their per-token loops compiled to more instructions (0.2 M Ir on the bench).
pub fn run_all(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    money::apply(doc, out);
    percent::apply(doc, out);
    quantity::apply(doc, out);
    age::apply(doc, out);
    ordinal::apply(doc, out);
    timex::apply(doc, out);
    number::apply(doc, out);
    range::join(doc, out);
    if !doc.names.is_empty() {
        user::apply(doc, out);
        location::apply(doc, out);
        organization::apply(doc, out);
        person::apply(doc, out);
    }
}

/// Runs `f` on the document of `text` (no names, no reference date): for unit tests of
/// the readers.
#[cfg(test)]
pub(crate) fn with_doc(text: &str, f: impl FnOnce(&Doc<'_>)) {
    with_doc_tagged(text, false, f)
}

/// Runs `f` on the document of `text` (no reference date), its name tags made as the
/// pipeline makes them when `names` (else none): for unit tests of the rules.
#[cfg(test)]
pub(crate) fn with_doc_tagged(text: &str, names: bool, f: impl FnOnce(&Doc<'_>)) {
    use crate::lexicon::Lexicon;
    use crate::text::{Normalized, sentence, token};
    let lexicon = Lexicon::load(None).unwrap();
    let norm = Normalized::new(text);
    let mut tokens = Vec::new();
    token::tokenize(text, &norm, &lexicon, &mut tokens);
    sentence::mark_sentences(norm.text(), &mut tokens, &lexicon);
    let (mut hits, mut tag_words) = (Vec::new(), Vec::new());
    let (mut tags, mut marked) = (Vec::new(), Vec::new());
    if names {
        lexicon.find_hits_and_tag_words(norm.text(), &tokens, &mut hits, &mut tag_words);
        lexicon
            .names()
            .tag(norm.text(), &tokens, &tag_words, &mut tags, &mut marked);
    } else {
        lexicon.find_hits(norm.text(), &tokens, &mut hits);
    }
    let doc = Doc {
        original: text,
        norm: &norm,
        tokens: &tokens,
        hits: &hits,
        lexicon: &lexicon,
        reference: None,
        measures: std::cell::OnceCell::new(),
        lengths: std::cell::RefCell::default(),
        own_form: std::cell::Cell::default(),
        names: &tags,
        marked: &marked,
        place_adjectives: false,
    };
    f(&doc);
}

/// A table-driven check shared by the name rules' unit tests: each row is a text, the span a
/// fact of `kind` must have, its normal form and the rule that must make it.
#[cfg(test)]
pub(crate) fn check_name_table(kind: FactType, table: &[(&str, &str, &str, &str)]) {
    use std::sync::OnceLock;
    static EXTRACTOR: OnceLock<crate::Extractor> = OnceLock::new();
    let extractor = EXTRACTOR.get_or_init(|| crate::Extractor::builder().build().unwrap());
    for &(text, span, normal, rule) in table {
        let facts = extractor.extract(text);
        let found = facts.iter().find(|f| f.kind == kind && f.text == span);
        let Some(f) = found else {
            panic!("{text:?}: no {} {span:?} in {facts:?}", kind.name());
        };
        let Value::Name(v) = &f.value else {
            panic!("{text:?}: not a name value");
        };
        assert_eq!(v.normal, normal, "{text:?}");
        assert_eq!(f.rule, rule, "{text:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_told_by_their_bytes_get_the_bits_the_classifier_gives() {
        // Each word before each other: plain words, prepositions, age words, Roman
        // numerals in Latin and Cyrillic letters, hyphenated and Latin words, numbers,
        // number words, currencies, time words, punctuation.
        let words = [
            "дом",
            "на",
            "в",
            "На",
            "В",
            "тридцатилетний",
            "летний",
            "хх",
            "Х",
            "хлеб",
            "іі",
            "XIV",
            "xiv",
            "Mix",
            "iPhone",
            "ЧМ-2018",
            "из-за",
            "5",
            "1,5",
            "2/3",
            "пять",
            "тысяч",
            "млн",
            "$",
            "руб.",
            "%",
            "-",
            "+",
            "—",
            ",",
            "мая",
            "году",
            "вчера",
            "в течение",
            "час",
            "утра",
            "лет",
            "третий",
            "с",
            "по",
            "до",
        ];
        let mut text = String::new();
        for w in words {
            for v in words {
                text.push_str(w);
                text.push(' ');
                text.push_str(v);
                text.push_str(if v == "-" { "" } else { " " });
            }
        }
        with_doc(&text, |doc| {
            let bytes = doc.norm.text().as_bytes();
            let mut cache = MeasureCache {
                index: vec![u32::MAX; doc.tokens.len()],
                found: Vec::new(),
                numbers: Vec::new(),
                starts: Vec::new(),
            };
            let mut told = 0;
            for (k, (t, hit)) in doc.tokens.iter().zip(doc.hits).enumerate() {
                if let Some(bits) = bits_by_bytes(doc.lexicon, bytes, t, hit) {
                    told += 1;
                    assert_eq!(bits, cache.classify(doc, k, t), "{:?}", doc.text(k));
                }
            }
            // Most of these words have a lexicon form: a tenth are told by their bytes.
            assert!(
                told > doc.tokens.len() / 20,
                "{told} of {}",
                doc.tokens.len()
            );
        });
    }
}
