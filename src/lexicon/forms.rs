//! One hash probe per token before the automaton: most tokens are settled by it.
//!
//! The table holds the key of every lexicon form and of every proper prefix of one: for
//! strings of up to eight bytes (most tokens that get this far: "в", "на", "год") their
//! [`index::start_mix`], which the token's start bits need anyway (so they are mixed once
//! and not hashed), for longer ones their [`hash`].
//! A token whose text is no proper prefix of a form cannot begin a longer, multi-token form,
//! so its only possible hit is the form equal to it: one probe says which, or that there is
//! none (most words). Only tokens that begin a longer form ("в" of "в течение", "кв" of
//! "кв. км") walk the aho-corasick automaton, which settles forms that span tokens. Two
//! strings with one key can only send a token to the automaton, never give a wrong hit: an
//! exact hit is checked against the form's text.

use crate::names::index::{self, hash};
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// What the table says about a token's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Probe {
    /// The text is exactly form `entry` and begins no longer form.
    Exact(u32),
    /// The text is no form and begins none.
    Nothing,
    /// The text begins a longer form (or the table cannot tell): ask the automaton.
    Automaton,
}

/// Hashes of forms and of their prefixes. Immutable once built.
#[derive(Clone, Debug)]
pub struct FormTable {
    /// Every key (of a form or a proper prefix of one: see [`key_of_mix`]) by open
    /// addressing with linear probing from the place its top bits give, at most half full;
    /// 0 marks an empty place (no key is 0). Cheaper to probe than a general hash map: one
    /// load and a comparison, most times.
    keys: Vec<u64>,
    /// 64 less the log2 of the length of `keys`: a key's first place is `key >> shift`.
    shift: u32,
    /// The slot of the key at the same place of `keys`.
    slots: Vec<Slot>,
    /// Bit [`start_bit`] of every key of `slots` (a form or a proper prefix of one): a token
    /// whose bit is clear is no key, told without hashing it and probing (most words).
    /// An array of fixed size: a bit's place needs no bounds check.
    starts: Box<[u64; START_BITS / 64]>,
    forms: Vec<Box<str>>,
    /// No form ends with whitespace (which only lexicons of strange rows would have):
    /// then a form never ends between two tokens, which [`FormTable::probe_ahead`] needs.
    forms_end_in_text: bool,
}

#[derive(Clone, Copy, Debug)]
struct Slot {
    /// The form with this hash, [`NO_FORM`], or [`SEVERAL_FORMS`].
    entry: u32,
    /// Some form has a proper prefix with this hash.
    begins_longer: bool,
}

const NO_FORM: u32 = u32::MAX;
const SEVERAL_FORMS: u32 = u32::MAX - 1;

impl FormTable {
    /// The table of `forms` (form `k` is entry `k`).
    pub fn new(forms: &[String]) -> FormTable {
        let mut slots: HashMap<u64, Slot, Prehashed> =
            HashMap::with_capacity_and_hasher(forms.len() * 4, Prehashed);
        let empty = Slot {
            entry: NO_FORM,
            begins_longer: false,
        };
        let mut starts = Box::new([0u64; START_BITS / 64]);
        let mut mark = |key: &[u8]| {
            let bit = start_bit(key);
            starts[bit / 64] |= 1 << (bit % 64);
        };
        for (k, form) in forms.iter().enumerate() {
            for (at, _) in form.char_indices().skip(1).chain([(form.len(), ' ')]) {
                mark(&form.as_bytes()[..at]);
            }
            for (at, _) in form.char_indices().skip(1) {
                slots
                    .entry(key(&form.as_bytes()[..at]))
                    .or_insert(empty)
                    .begins_longer = true;
            }
            let slot = slots.entry(key(form.as_bytes())).or_insert(empty);
            slot.entry = match slot.entry {
                NO_FORM => u32::try_from(k).unwrap_or(SEVERAL_FORMS),
                _ => SEVERAL_FORMS,
            };
        }
        // Laid out at most half full (a key's place does not depend on the map's order:
        // a lookup finds it whatever the order of insertion).
        let size = (slots.len() * 2).max(2).next_power_of_two();
        let shift = 64 - size.trailing_zeros();
        let mut keys = vec![0u64; size];
        let mut places = vec![empty; size];
        for (&h, &slot) in &slots {
            let mut at = (h >> shift) as usize;
            while keys[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            keys[at] = h;
            places[at] = slot;
        }
        FormTable {
            keys,
            shift,
            slots: places,
            starts,
            forms: forms.iter().map(|f| f.as_str().into()).collect(),
            forms_end_in_text: forms.iter().all(|f| !f.ends_with(char::is_whitespace)),
        }
    }

    /// What the lexicon has for the text `word` of one token.
    #[inline]
    pub fn probe(&self, word: &str) -> Probe {
        let mix = index::start_mix(word.as_bytes());
        if !self.may_be_mix(mix) {
            return Probe::Nothing;
        }
        match self.slot(key_of_mix(word.as_bytes(), mix)) {
            None => Probe::Nothing,
            Some(slot) if slot.begins_longer => Probe::Automaton,
            Some(slot) => self.own_form(slot, word.as_bytes()),
        }
    }

    /// [`FormTable::probe`] for a token, given (when asked) `ahead`: the text from the
    /// token's start through the first character of the next token (`None` for the last
    /// token). Most tokens that begin a longer form ("в", "с", "на") are followed by words
    /// no form goes on with: when `ahead` begins no form, no form longer than the token
    /// starts there (tokens are separated by whitespace only, and no form ends in
    /// whitespace), and the token's own form, if it is one, is the hit.
    /// Both are given as bytes (of whole characters): the caller need not slice a str.
    #[cfg(test)]
    pub fn probe_token<'w>(&self, word: &[u8], ahead: impl FnOnce() -> Option<&'w [u8]>) -> Probe {
        self.probe_token_mixed(word, index::start_mix(word), || {
            ahead().map(|a| (a, a.len()))
        })
    }

    /// `FormTable::probe_token` given the word's [`index::start_mix`] (mixed once for
    /// this table and the cue start bits). `ahead` gives the text through some characters
    /// of the next token and where the first of them ends: each prefix from there is
    /// tested, "в т" begins most words after "в", "в те" few ("в течение"), and a token's
    /// walk of the automaton costs some hundred instructions.
    #[inline]
    pub fn probe_token_mixed<'w>(
        &self,
        word: &[u8],
        mix: u64,
        ahead: impl FnOnce() -> Option<(&'w [u8], usize)>,
    ) -> Probe {
        debug_assert_eq!(mix, index::start_mix(word));
        if !self.may_be_mix(mix) {
            return Probe::Nothing;
        }
        let Some(slot) = self.slot(key_of_mix(word, mix)) else {
            return Probe::Nothing;
        };
        if slot.begins_longer
            && (!self.forms_end_in_text
                || ahead().is_some_and(|(a, first)| {
                    // Every character prefix of a form is a key: a form that goes on past
                    // the token is found a prefix at a time, up to the end of `a`.
                    let mut end = first;
                    loop {
                        let Some(next) = a.get(..end).and_then(|p| self.key_slot(p)) else {
                            return false;
                        };
                        if next.entry != NO_FORM || end >= a.len() {
                            return true;
                        }
                        end += crate::text::utf8_char_width(a[end]);
                    }
                }))
        {
            return Probe::Automaton;
        }
        self.own_form(slot, word)
    }

    /// The slot of the string `s` (a form or a proper prefix of one), if it has one.
    #[inline(always)]
    fn key_slot(&self, s: &[u8]) -> Option<&Slot> {
        let mix = index::start_mix(s);
        if !self.may_be_mix(mix) {
            return None;
        }
        self.slot(key_of_mix(s, mix))
    }

    /// The slot of key `h`, if there is one.
    #[inline]
    fn slot(&self, h: u64) -> Option<&Slot> {
        let mask = self.keys.len().wrapping_sub(1);
        let mut at = (h >> self.shift) as usize;
        // The table is at most half full: an empty place ends every search.
        loop {
            let key = *self.keys.get(at)?;
            if key == h {
                return self.slots.get(at);
            }
            if key == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// False if `word` is surely no key of the table (its bit in `starts` is clear).
    #[cfg(test)]
    fn may_be_key(&self, word: &[u8]) -> bool {
        self.may_be_mix(index::start_mix(word))
    }

    /// [`FormTable::may_be_key`] of the word of [`index::start_mix`] `mix`.
    #[inline]
    fn may_be_mix(&self, mix: u64) -> bool {
        let bit = index::start_bit_of_mix(mix, START_BITS.trailing_zeros());
        self.starts
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// The form `word` is, by its slot (the slot of `word`'s key), when no longer form
    /// matters.
    #[inline]
    fn own_form(&self, slot: &Slot, word: &[u8]) -> Probe {
        match slot.entry {
            SEVERAL_FORMS => Probe::Automaton,
            entry => match self.forms.get(entry as usize) {
                // A form of the word's length and key is the word when that is up to eight
                // bytes long (such keys are one to one): only longer ones are compared.
                Some(form)
                    if form.len() == word.len() && (word.len() <= 8 || form.as_bytes() == word) =>
                {
                    Probe::Exact(entry)
                }
                // No form ([`NO_FORM`]), or another form with the same key: `word` is no
                // form, or its own slot would say several.
                _ => Probe::Nothing,
            },
        }
    }
}

/// The key of `word`, of [`index::start_mix`] `mix`, in [`FormTable::keys`]: up to eight
/// bytes the mix itself, which tells such strings apart (their first and last four bytes
/// cover them, the multiplication is one to one), 0 made 1 (0 marks an empty place); the
/// [`hash`] of longer ones (never 0), whose mixes may be the same. A mix and a hash could
/// only be the same by chance, and two strings of one key can only send a token to the
/// automaton, never give a wrong hit.
#[inline]
fn key_of_mix(word: &[u8], mix: u64) -> u64 {
    if word.len() <= 8 {
        mix.max(1)
    } else {
        hash(word)
    }
}

/// The key of `word` (see [`key_of_mix`]).
fn key(word: &[u8]) -> u64 {
    key_of_mix(word, index::start_mix(word))
}

/// The number of bits of [`FormTable::starts`], a power of two.
const START_BITS: usize = 1 << 16;

/// The bit of `word` in [`FormTable::starts`] (see [`index::start_bit`]).
#[inline]
fn start_bit(word: &[u8]) -> usize {
    index::start_bit(word, START_BITS.trailing_zeros())
}

/// Keys are already hashes: the map uses them as they are.
#[derive(Clone, Copy, Debug, Default)]
struct Prehashed;

#[derive(Clone, Copy, Debug, Default)]
struct PrehashedHasher(u64);

impl BuildHasher for Prehashed {
    type Hasher = PrehashedHasher;
    fn build_hasher(&self) -> PrehashedHasher {
        PrehashedHasher(0)
    }
}

impl Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed, through `write_u64`; this keeps other writes sound.
        self.0 = hash(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::{FormTable, Probe};
    use crate::names::index;

    #[test]
    fn exact_forms_prefixes_and_strangers() {
        let forms: Vec<String> = ["в течение", "т", "тонна", "кв. км", "год"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let table = FormTable::new(&forms);
        let table_rows = [
            ("в", Probe::Automaton),
            ("т", Probe::Automaton),
            ("тонна", Probe::Exact(2)),
            ("кв", Probe::Automaton),
            ("год", Probe::Exact(4)),
            ("годом", Probe::Nothing),
            ("го", Probe::Automaton),
            ("москва", Probe::Nothing),
            ("", Probe::Nothing),
        ];
        for (word, want) in table_rows {
            assert_eq!(table.probe(word), want, "{word:?}");
        }
    }

    #[test]
    fn every_form_and_prefix_passes_the_start_bits() {
        let forms: Vec<String> = ["в течение", "т. е.", "тонна", "кв. км", "$", "м²", "ab"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let table = FormTable::new(&forms);
        for form in &forms {
            for at in (1..=form.len()).filter(|&at| form.is_char_boundary(at)) {
                assert!(
                    table.may_be_key(&form.as_bytes()[..at]),
                    "{:?}",
                    &form[..at]
                );
            }
        }
        // A table of 7 forms sets few bits: most other words are told apart by them.
        let strangers = ["москва", "годом", "тоннами", "в-", "кв-", "abc", "b", "ж"];
        let passing = strangers
            .iter()
            .filter(|w| table.may_be_key(w.as_bytes()))
            .count();
        assert!(passing <= 2, "{passing} strangers pass");
    }

    /// Every string of up to four characters of `alphabet`, the empty one first.
    fn strings_up_to_four(alphabet: &[&str]) -> Vec<String> {
        let mut strings = vec![String::new()];
        let mut last = strings.clone();
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(last.iter().cloned());
        }
        strings
    }

    #[test]
    fn strings_of_up_to_eight_bytes_have_keys_of_their_own() {
        use std::collections::HashMap;
        // Every string of up to four characters of a small alphabet (one and two bytes
        // each), so up to eight bytes: no two share a key.
        let strings = strings_up_to_four(&["а", "я", "ё", "a", " ", ".", "1", "\0"]);
        let mut seen = HashMap::new();
        for s in &strings {
            assert!(s.len() <= 8);
            if let Some(other) = seen.insert(super::key(s.as_bytes()), s) {
                panic!("{s:?} and {other:?} share a key");
            }
        }
        assert!(seen.len() > 4000);
    }

    #[test]
    fn exact_hits_are_the_forms_themselves() {
        // Forms of up to eight bytes (told by their key alone) and longer ones (compared),
        // probed with every short string of their alphabet and with the forms cut or
        // lengthened by a letter.
        let forms: Vec<String> = [
            "я",
            "а.",
            "яя",
            "ая а",
            "яаяа",
            "а1я",
            "ёаяая",
            "яаяаяа",
            "я я я я",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let table = FormTable::new(&forms);
        let mut words = strings_up_to_four(&["а", "я", "ё", " ", ".", "1"]);
        for form in &forms {
            words.push(form.clone());
            words.push(format!("{form}я"));
            words.push(form.chars().skip(1).collect());
        }
        // No token is empty.
        for word in words.iter().filter(|w| !w.is_empty()) {
            let own = forms.iter().position(|f| f == word);
            let begins_longer = forms
                .iter()
                .any(|f| f.len() > word.len() && f.starts_with(word.as_str()));
            let want = match own {
                _ if begins_longer => Probe::Automaton,
                Some(k) => Probe::Exact(k as u32),
                None => Probe::Nothing,
            };
            assert_eq!(table.probe(word), want, "{word:?}");
        }
    }

    #[test]
    fn tokens_followed_by_no_form_settle_on_their_own() {
        let forms: Vec<String> = ["в течение", "в", "т", "т. е.", "тонна", "кв. км"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let table = FormTable::new(&forms);
        let rows = [
            ("в", Some("в т"), Probe::Automaton),
            ("в", Some("в м"), Probe::Exact(1)),
            ("в", None, Probe::Exact(1)),
            ("т", Some("т."), Probe::Automaton),
            ("т", Some("т -"), Probe::Exact(2)),
            ("кв", Some("кв."), Probe::Automaton),
            ("кв", Some("кв м"), Probe::Nothing),
        ];
        for (word, ahead, want) in rows {
            assert_eq!(
                table.probe_token(word.as_bytes(), || ahead.map(str::as_bytes)),
                want,
                "{word:?} {ahead:?}"
            );
        }
        // With the character after the next token's first one: a form going on through it
        // has it as a prefix; a form ending at the first one ("в т" below) is one itself.
        let rows = [
            ("в т", Some("в те"), Probe::Automaton),
            ("в т", Some("в то"), Probe::Exact(1)),
            ("в т", None, Probe::Automaton),
            ("в м", Some("в ми"), Probe::Exact(1)),
            ("т.", Some("т. "), Probe::Automaton),
            ("т.", Some("т.-"), Probe::Exact(2)),
        ];
        for (ahead, further, want) in rows {
            let word = &ahead.as_bytes()[..ahead.find([' ', '.']).unwrap_or(ahead.len())];
            let a = further.unwrap_or(ahead);
            let got = table.probe_token_mixed(word, index::start_mix(word), || {
                Some((a.as_bytes(), ahead.len()))
            });
            assert_eq!(got, want, "{ahead:?} {further:?}");
        }
        let ending_there: Vec<String> = ["в течение", "в", "в т"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let table = FormTable::new(&ending_there);
        let got =
            table.probe_token_mixed("в".as_bytes(), index::start_mix("в".as_bytes()), || {
                Some(("в то".as_bytes(), "в т".len()))
            });
        assert_eq!(got, Probe::Automaton);
        // A form ending in whitespace (a strange user row) could end between tokens: the
        // automaton decides.
        let odd: Vec<String> = ["в", "в "].iter().map(|s| s.to_string()).collect();
        let table = FormTable::new(&odd);
        assert_eq!(
            table.probe_token("в".as_bytes(), || Some("в м".as_bytes())),
            Probe::Automaton
        );
    }
}
