//! Morphology for names, by rule: the case a first name is in, the nominative of a surname
//! ("Мастом" → "Маст", "Алтхауса" → "Алтхаус"), adjectives agreeing with a head noun
//! ("Карагандинской" → "Карагандинская"), and the original's capitalization on a normal form.
//!
//! Nothing here lemmatizes at run time from a dictionary: surname endings come from
//! `names/surname_suffixes.tsv` (reverse case rules with counts), adjective endings are the
//! closed set of Russian adjective endings, and dictionary checks are hash lookups.

pub use crate::lexicon::case;

/// A reverse surname rule: a form ending in `ending` has the nominative
/// `form[..len - ending] + replacement` (for this gender and case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurnameRule {
    /// The case ending, normalized (lower case).
    pub ending: Box<str>,
    /// What replaces it in the nominative.
    pub replacement: Box<str>,
    /// `b'm'`, `b'f'` or `b'?'`.
    pub gender: u8,
    /// The case bit.
    pub case: u8,
    /// How many dictionary surnames show the rule.
    pub count: u32,
}

/// A character as normalization makes it: lower case, ё as е.
#[inline]
pub fn fold(c: char) -> char {
    match c {
        // Lowercase Cyrillic, most letters of names: spared the Unicode tables.
        'а'..='я' => c,
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' | 'ё' => 'е',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The surname rules, the most frequent first, with an index by the last byte of their
/// ending: a form is tried only against the rules it can end with.
#[derive(Clone, Debug, Default)]
pub struct SurnameRules {
    rules: Vec<SurnameRule>,
    /// The rules, in order, by the last byte of the ending (256 lists): a form's list is
    /// read off its last byte, with no search and no decoding. Each holds the rule's index
    /// and its ending as an [`EndingTail`]: a form's ending is told with a mask and a
    /// comparison, not a memcmp call per rule, and with no second look-up.
    by_last: Vec<Vec<(u16, EndingTail)>>,
    /// Indices of the rules with an empty ending (that every form ends with).
    no_ending: Vec<u16>,
    /// For each rule (by index), the earlier rules among the first 128 that make the same
    /// nominative of every form both match ("-ова" → "-ов" and "-а" → ""), as bits: one
    /// of them looked up already answers for it.
    same_as_earlier: Vec<u128>,
}

/// True if rules `a` and `b` make the same nominative of every form whose ending is both
/// theirs: the longer ending is the shorter one after some letters, and the longer one's
/// replacement is the shorter one's after the same letters.
fn same_nominatives(a: &SurnameRule, b: &SurnameRule) -> bool {
    let (long, short) = if a.ending.len() >= b.ending.len() {
        (a, b)
    } else {
        (b, a)
    };
    long.ending
        .strip_suffix(&*short.ending)
        .is_some_and(|letters| {
            long.replacement.len() == letters.len() + short.replacement.len()
                && long.replacement.starts_with(letters)
                && long.replacement.ends_with(&*short.replacement)
        })
}

/// The last bytes of a word, at most eight, as a number: the last byte lowest.
#[inline]
fn last_bytes(word: &[u8]) -> u64 {
    match word.last_chunk::<8>() {
        Some(&last) => u64::from_be_bytes(last),
        None => word.iter().fold(0, |n, &b| (n << 8) | u64::from(b)),
    }
}

/// A rule's ending for [`SurnameRules::matching`]: `bytes` are its [`last_bytes`] and
/// `mask` selects as many bytes (0 for an ending of more than eight bytes, compared as
/// bytes).
#[derive(Clone, Copy, Debug, Default)]
struct EndingTail {
    bytes: u64,
    mask: u64,
    len: usize,
}

impl EndingTail {
    fn new(ending: &str) -> EndingTail {
        let len = ending.len();
        let mask = match len {
            0..8 => (1u64 << (8 * len)) - 1,
            8 => u64::MAX,
            _ => 0,
        };
        EndingTail {
            bytes: last_bytes(ending.as_bytes()),
            mask,
            len,
        }
    }

    /// True if `word`, of [`last_bytes`] `word_tail`, ends with `ending` (this one's).
    #[cfg(test)]
    fn ends(&self, ending: &str, word: &[u8], word_tail: u64) -> bool {
        self.ends_short(word, word_tail)
            .unwrap_or_else(|| word.ends_with(ending.as_bytes()))
    }

    /// `EndingTail::ends` told without the ending for one of eight bytes or less (`None`
    /// for a longer one).
    #[inline]
    fn ends_short(&self, word: &[u8], word_tail: u64) -> Option<bool> {
        if self.mask == 0 {
            return None;
        }
        Some(word.len() >= self.len && word_tail & self.mask == self.bytes)
    }
}

impl SurnameRules {
    /// Indexes `rules` (sorted here, the most frequent first).
    pub fn new(mut rules: Vec<SurnameRule>) -> SurnameRules {
        rules.sort_by_key(|r| std::cmp::Reverse(r.count));
        let mut by_last: Vec<Vec<(u16, EndingTail)>> = vec![Vec::new(); 256];
        let mut no_ending = Vec::new();
        for (k, r) in rules.iter().enumerate() {
            match r.ending.as_bytes().last() {
                Some(&last) => {
                    by_last[usize::from(last)].push((k as u16, EndingTail::new(&r.ending)))
                }
                None => no_ending.push(k as u16),
            }
        }
        let same_as_earlier = (0..rules.len())
            .map(|k| {
                (0..k.min(128))
                    .filter(|&j| same_nominatives(&rules[j], &rules[k]))
                    .fold(0u128, |bits, j| bits | (1 << j))
            })
            .collect();
        SurnameRules {
            rules,
            by_last,
            no_ending,
            same_as_earlier,
        }
    }

    /// [`SurnameRules::matching`] with each rule's index.
    fn matching_indexed<'a, 'f>(
        &'a self,
        form: &'f str,
    ) -> impl Iterator<Item = (usize, &'a SurnameRule)> + use<'a, 'f> {
        let form_tail = last_bytes(form.as_bytes());
        form.as_bytes()
            .last()
            .and_then(|&b| self.by_last.get(usize::from(b)))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(move |(k, tail)| {
                // A short ending (most) is told by its tail alone, the rule read for a match.
                let short = tail.ends_short(form.as_bytes(), form_tail);
                if short == Some(false) {
                    return None;
                }
                let r = self.rules.get(usize::from(*k))?;
                (short == Some(true) || form.as_bytes().ends_with(r.ending.as_bytes()))
                    .then_some((usize::from(*k), r))
            })
    }

    /// Every rule, the most frequent first.
    pub fn all(&self) -> &[SurnameRule] {
        &self.rules
    }

    /// The rules whose ending `form` ends with, the most frequent first.
    pub fn matching<'a, 'f>(
        &'a self,
        form: &'f str,
    ) -> impl Iterator<Item = &'a SurnameRule> + use<'a, 'f> {
        self.matching_indexed(form).map(|(_, r)| r)
    }

    /// Every rule whose ending `form` ends with, an empty ending included (the order is not
    /// the rules' order): what [`SurnameRules::all`] filtered by ending gives.
    pub fn ending_in<'a, 'f>(
        &'a self,
        form: &'f str,
    ) -> impl Iterator<Item = &'a SurnameRule> + use<'a, 'f> {
        self.matching(form)
            .chain(self.no_ending.iter().map(|&k| &self.rules[k as usize]))
    }

    /// True if there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// A name as normalization makes it (lower case, ё as е), for a lookup: names need no more
/// of normalization than that.
pub fn lower(s: &str) -> String {
    // Most names are lower case but for a capital or two: the runs of characters that fold
    // to themselves are copied as they stand (str slices: no UTF-8 check of the result),
    // the others pushed folded.
    if let Some(out) = lower_by_runs(s) {
        return out;
    }
    // ASCII and the Russian alphabet are folded byte by byte (they keep their lengths: one
    // allocation is enough); any other character goes through `fold`.
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            out.push(b.to_ascii_lowercase());
            i += 1;
            continue;
        }
        if let Some(folded) = bytes.get(i + 1).and_then(|&c| fold_russian(b, c)) {
            out.extend_from_slice(&folded);
            i += 2;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let mut buf = [0; 4];
        out.extend_from_slice(fold(c).encode_utf8(&mut buf).as_bytes());
        i += c.len_utf8();
    }
    String::from_utf8(out).unwrap_or_else(|_| s.chars().map(fold).collect())
}

/// Which cases a first name's form (normalized) is in, from how it differs from its lemma
/// (as written): "брайаном" of "Брайан" is instrumental. Indeclinable names say nothing:
/// [`case::ANY`].
pub fn first_name_cases(form: &str, lemma: &str, gender: u8) -> u8 {
    let (common, whole_lemma) = folded_common_prefix(form.as_bytes(), lemma.as_bytes())
        .unwrap_or_else(|| folded_common_prefix_by_chars(form, lemma));
    cases_after_prefix(form, lemma, gender, common, whole_lemma)
}

/// [`first_name_cases`] given the bytes of `form` that agree with `lemma`, and whether all
/// of the lemma agrees.
fn cases_after_prefix(form: &str, lemma: &str, gender: u8, common: usize, whole_lemma: bool) -> u8 {
    let rest = form.get(common..).unwrap_or("");
    if rest.is_empty() && whole_lemma {
        let last = lemma.chars().last().map_or(' ', fold);
        let declines = match gender {
            b'f' => matches!(last, 'а' | 'я'),
            _ => !matches!(last, 'о' | 'и' | 'е' | 'у' | 'ю' | 'ы' | 'э'),
        };
        return if declines { case::NOM } else { case::ANY };
    }
    match rest {
        "а" | "я" => case::GEN | case::ACC,
        "у" | "ю" => {
            if gender == b'f' {
                case::ACC
            } else {
                case::DAT
            }
        }
        "ы" => case::GEN,
        "и" => case::GEN | case::DAT | case::PREP,
        "е" => case::DAT | case::PREP,
        "ом" | "ем" | "ой" | "ей" | "ою" | "ею" => case::INS,
        _ => case::ANY,
    }
}

/// True if `form` (normalized) is `lemma` (as written) normalized.
pub fn is_lemma(form: &str, lemma: &str) -> bool {
    // The last letters first (an inflected form differs there): the form's last character
    // is the lemma's folded, told on bytes when that one is ASCII or Russian.
    if !last_letters_may_agree(form.as_bytes(), lemma.as_bytes()) {
        return false;
    }
    match folded_common_prefix(form.as_bytes(), lemma.as_bytes()) {
        Some((common, whole_lemma)) => whole_lemma && common == form.len(),
        None => is_lemma_by_chars(form, lemma),
    }
}

/// False if the last character of `form` (normalized) is surely not the last one of
/// `lemma` (as written) folded: told when the lemma ends in an ASCII or a Russian letter,
/// true (not known) otherwise.
#[inline]
fn last_letters_may_agree(form: &[u8], lemma: &[u8]) -> bool {
    match *lemma {
        [.., b] if b.is_ascii() => form.last() == Some(&b.to_ascii_lowercase()),
        [.., b, c] => match fold_russian(b, c) {
            Some(folded) => form.last_chunk::<2>() == Some(&folded),
            None => true,
        },
        _ => true,
    }
}

/// [`is_lemma`] character by character, for any lemma.
fn is_lemma_by_chars(form: &str, lemma: &str) -> bool {
    let mut f = form.chars();
    lemma.chars().map(fold).all(|c| f.next() == Some(c)) && f.next().is_none()
}

/// How many bytes of `form` (normalized) agree with `lemma` (as written) normalized, and
/// whether all of the lemma agrees (a form may go on past it: "брайаном" of "Брайан").
/// Byte by byte, with no decoding, for lemmas of ASCII and Russian letters (they keep
/// their lengths when folded); `None` at any other character the form reaches: then
/// [`folded_common_prefix_by_chars`] answers.
#[inline]
fn folded_common_prefix(form: &[u8], lemma: &[u8]) -> Option<(usize, bool)> {
    let mut i = 0;
    loop {
        if i >= lemma.len() {
            return Some((i, true));
        }
        if i >= form.len() {
            return Some((i, false));
        }
        let b = lemma[i];
        if b.is_ascii() {
            if form[i] != b.to_ascii_lowercase() {
                return Some((i, false));
            }
            i += 1;
            continue;
        }
        let folded = fold_russian(b, *lemma.get(i + 1)?)?;
        if form.get(i..i + 2) != Some(&folded[..]) {
            return Some((i, false));
        }
        i += 2;
    }
}

/// [`fold`] of a Russian letter's two bytes `[b, c]`, as two bytes; `None` for any other
/// character.
#[inline]
fn fold_russian(b: u8, c: u8) -> Option<[u8; 2]> {
    Some(match (b, c) {
        // Ё, ё → е.
        (0xD0, 0x81) | (0xD1, 0x91) => [0xD0, 0xB5],
        // А..П → а..п.
        (0xD0, c @ 0x90..=0x9F) => [0xD0, c + 0x20],
        // Р..Я → р..я.
        (0xD0, c @ 0xA0..=0xAF) => [0xD1, c - 0x20],
        // а..п, р..я as they are.
        (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x8F) => [b, c],
        _ => return None,
    })
}

/// [`lower`] of `s` when it has only ASCII and Russian letters; `None` otherwise.
fn lower_by_runs(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // The start of the run of characters that fold to themselves, not yet copied.
    let mut kept = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_uppercase() {
                out.push_str(s.get(kept..i)?);
                out.push(char::from(b.to_ascii_lowercase()));
                kept = i + 1;
            }
            i += 1;
            continue;
        }
        let c = *bytes.get(i + 1)?;
        let folded = fold_russian(b, c)?;
        if folded != [b, c] {
            out.push_str(s.get(kept..i)?);
            // A Russian letter's two bytes: 110xxxxx 10yyyyyy.
            let code = (u32::from(folded[0] & 0x1F) << 6) | u32::from(folded[1] & 0x3F);
            out.push(char::from_u32(code)?);
            kept = i + 2;
        }
        i += 2;
    }
    out.push_str(s.get(kept..)?);
    Some(out)
}

/// Appends the bytes of [`lower`] of `s` to `out`: without a string of its own when
/// [`lower_in`] can (most names).
pub fn push_lower(s: &str, out: &mut Vec<u8>) {
    let mut buf = [0u8; 64];
    match lower_in(s, &mut buf) {
        Some(lower) => out.extend_from_slice(lower),
        None => out.extend_from_slice(lower(s).as_bytes()),
    }
}

/// [`lower`] of `s` into `buf`, without allocating, when `s` has only ASCII and Russian
/// letters and fits; `None` otherwise.
pub fn lower_in<'b>(s: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let bytes = s.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            out[i] = b.to_ascii_lowercase();
            i += 1;
            continue;
        }
        let folded = fold_russian(b, *bytes.get(i + 1)?)?;
        out[i..i + 2].copy_from_slice(&folded);
        i += 2;
    }
    Some(out)
}

/// The cases a first name's form (normalized) is in ([`first_name_cases`]), and whether it
/// is its lemma ([`is_lemma`]), comparing them once.
pub fn first_name_reading(form: &str, lemma: &str, gender: u8) -> (bool, u8) {
    let (common, whole_lemma) = folded_common_prefix(form.as_bytes(), lemma.as_bytes())
        .unwrap_or_else(|| folded_common_prefix_by_chars(form, lemma));
    (
        whole_lemma && common == form.len(),
        cases_after_prefix(form, lemma, gender, common, whole_lemma),
    )
}

/// [`folded_common_prefix`] character by character, for any lemma.
fn folded_common_prefix_by_chars(form: &str, lemma: &str) -> (usize, bool) {
    let mut common = 0;
    let mut lemma_chars = lemma.chars().map(fold);
    for c in form.chars() {
        match lemma_chars.next() {
            Some(l) if l == c => common += c.len_utf8(),
            Some(_) => return (common, false),
            None => return (common, true),
        }
    }
    (common, lemma_chars.next().is_none())
}

/// A surname brought to the nominative: cut `cut` characters from the end of the form and
/// append `append`; the gender it implies; whether the result is a dictionary surname.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Surname<'r> {
    /// Characters to cut from the end.
    pub cut: usize,
    /// What to append.
    pub append: &'r str,
    /// `b'm'`, `b'f'` or `b'?'`.
    pub gender: u8,
    /// The result is in the surname dictionary.
    pub known: bool,
    /// The case the form was found in (a bit of [`case`]; [`case::NOM`] for the form itself).
    pub case: u8,
}

/// The nominative of a surname form (normalized, lower case).
///
/// Every rule whose ending matches, whose case is in `cases` and whose gender agrees with
/// `gender` (`?` agrees with anything) proposes a nominative. In order: the form itself if
/// the nominative is allowed and the dictionary (`known`) has it; the most frequent rule
/// whose result the dictionary has; the form itself if the dictionary has it (an
/// indeclinable surname: "Шойгу" after "Сергею"); the form itself if the nominative is
/// allowed; the most frequent rule.
pub fn surname_nominative<'r>(
    form: &str,
    gender: u8,
    cases: u8,
    rules: &'r SurnameRules,
    known: impl Fn(&[u8]) -> Option<u8>,
) -> Surname<'r> {
    let agrees = |g: u8| gender == b'?' || g == b'?' || g == gender;
    let same = |g: u8| if g == b'?' { gender } else { g };
    let itself = known(form.as_bytes()).filter(|g| agrees(*g));
    let identity = |known: bool, g: u8| Surname {
        cut: 0,
        append: "",
        gender: g,
        known,
        case: case::NOM,
    };
    if cases & case::NOM != 0
        && let Some(g) = itself
    {
        return identity(true, same(g));
    }
    // A candidate nominative is built in a buffer on the stack (a longer one, rare, in
    // `long`): it is only looked up.
    let mut buf = [0u8; 64];
    let mut long = Vec::new();
    // Rules are sorted by count, highest first: the first known candidate wins.
    let mut fallback: Option<Surname<'r>> = None;
    // The rules (of the first 128) whose nominative was looked up and not taken.
    let mut looked_up = 0u128;
    for (k, r) in rules.matching_indexed(form) {
        if r.case & cases == 0 || !agrees(r.gender) {
            continue;
        }
        let stem = &form[..form.len() - r.ending.len()];
        // A stem of two letters or more: its first letter is not all of it.
        if stem
            .chars()
            .next()
            .is_none_or(|c| c.len_utf8() == stem.len())
        {
            continue;
        }
        let cut = r.ending.chars().count();
        // The most frequent rule with a count, should the dictionary know none.
        let mut keep_fallback = || {
            if fallback.is_none() && r.count > 0 {
                fallback = Some(Surname {
                    cut,
                    append: &r.replacement,
                    gender: same(r.gender),
                    known: false,
                    case: r.case,
                });
            }
        };
        // The same nominative as an earlier rule's, looked up already: no second look (the
        // same answer, not taken).
        if rules
            .same_as_earlier
            .get(k)
            .is_some_and(|&s| s & looked_up != 0)
        {
            keep_fallback();
            continue;
        }
        let n = stem.len() + r.replacement.len();
        let candidate: &[u8] = if n <= buf.len() {
            buf[..stem.len()].copy_from_slice(stem.as_bytes());
            buf[stem.len()..n].copy_from_slice(r.replacement.as_bytes());
            &buf[..n]
        } else {
            long.clear();
            long.extend_from_slice(stem.as_bytes());
            long.extend_from_slice(r.replacement.as_bytes());
            &long
        };
        if let Some(g) = known(candidate)
            && agrees(g)
        {
            return Surname {
                cut,
                append: &r.replacement,
                gender: if g == b'?' { same(r.gender) } else { g },
                known: true,
                case: r.case,
            };
        }
        if k < 128 {
            looked_up |= 1 << k;
        }
        keep_fallback();
    }
    if let Some(g) = itself {
        return identity(true, same(g));
    }
    // Nothing said the case, and nothing is known: a long, frequent ending is an oblique
    // case all the same ("Илюшкиным", "Хаматовой"); a short one may be the nominative's.
    if cases == case::ANY
        && let Some(f) = fallback
        && f.cut >= 2
        && rules.matching(form).any(|r| {
            r.count >= STRONG_RULE
                && r.ending.chars().count() == f.cut
                && *r.replacement == *f.append
        })
    {
        return f;
    }
    if cases & case::NOM != 0 {
        return identity(false, gender);
    }
    fallback.unwrap_or(identity(false, gender))
}

/// How many dictionary surnames a rule must show to be trusted without context.
const STRONG_RULE: u32 = 800;

/// The ending a masculine first name of a consonant stem takes in `case` ("Олафом" is
/// "Олаф" in the instrumental), if `form` has it.
pub fn first_name_ending(form: &str, case: u8) -> Option<&'static str> {
    let endings: &[&'static str] = match case {
        case::GEN | case::ACC => &["а", "я"],
        case::DAT => &["у", "ю"],
        case::INS => &["ом", "ем"],
        case::PREP => &["е"],
        _ => &[],
    };
    endings.iter().copied().find(|e| {
        form.strip_suffix(e)
            .and_then(|stem| stem.chars().last())
            .is_some_and(|c| !"аеиоуыэюяй".contains(c))
    })
}

/// Applies a cut-and-append to an original spelling: `apply_ending("Мастом", 2, "")` is
/// "Маст". The appended text takes the case of the original (all capitals stay capitals).
pub fn apply_ending(original: &str, cut: usize, append: &str) -> String {
    let keep = original
        .char_indices()
        .rev()
        .nth(cut.saturating_sub(1))
        .map_or(
            original.len(),
            |(i, _)| if cut == 0 { original.len() } else { i },
        );
    let mut out = String::with_capacity(keep + append.len());
    out.push_str(&original[..keep]);
    // Nothing appended (most cuts): no case to tell.
    if !append.is_empty() && is_all_caps(original) {
        out.extend(append.chars().flat_map(char::to_uppercase));
    } else {
        out.push_str(append);
    }
    out
}

/// True if every letter is a capital and there are at least two letters.
#[inline]
pub fn is_all_caps(s: &str) -> bool {
    // A lower-case last letter (most words) settles it, with no call and no decoding.
    !ends_in_lower_case(s.as_bytes()) && is_all_caps_by_chars(s)
}

/// True if `s` ends in a lower-case ASCII or Russian letter.
#[inline]
fn ends_in_lower_case(s: &[u8]) -> bool {
    match *s {
        [.., b] if b.is_ascii_lowercase() => true,
        // а..п, р..я, ё.
        [.., 0xD0, 0xB0..=0xBF] | [.., 0xD1, 0x80..=0x8F | 0x91] => true,
        _ => false,
    }
}

/// [`is_all_caps`] character by character.
#[inline(never)]
fn is_all_caps_by_chars(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        // Cyrillic and Latin answered directly: the Unicode tables are slow for Cyrillic.
        let upper = match c {
            'А'..='Я' | 'Ё' | 'A'..='Z' => true,
            'а'..='я' | 'ё' | 'a'..='z' => false,
            c if c.is_alphabetic() => c.is_uppercase(),
            _ => continue,
        };
        if !upper {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// The gender and number a head noun's lemma implies, for the adjectives before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// Masculine singular.
    Masculine,
    /// Feminine singular.
    Feminine,
    /// Neuter singular.
    Neuter,
    /// Plural.
    Plural,
}

/// The gender of a noun from its lemma's ending; for `-ь` nouns the adjective's own ending
/// decides (`adjective` is one of the adjectives that agree with it, normalized).
pub fn noun_agreement(lemma: &str, adjective: Option<&str>) -> Agreement {
    let lower_last = lemma
        .chars()
        .last()
        .map(|c| c.to_lowercase().next().unwrap_or(c));
    let upper = lemma.chars().all(|c| !c.is_lowercase());
    if upper {
        return Agreement::Masculine;
    }
    match lower_last {
        Some('а' | 'я') => Agreement::Feminine,
        Some('о' | 'е') => Agreement::Neuter,
        Some('ы' | 'и') => Agreement::Plural,
        Some('ь') => {
            let feminine = adjective.is_some_and(|a| {
                ["ой", "ей", "ую", "юю", "ая", "яя", "ою", "ею"]
                    .iter()
                    .any(|e| a.ends_with(e))
            });
            if feminine {
                Agreement::Feminine
            } else {
                Agreement::Masculine
            }
        }
        _ => Agreement::Masculine,
    }
}

/// The last four bytes of `bytes` as a number, if it has four.
const fn last_four(bytes: &[u8]) -> Option<u32> {
    let n = bytes.len();
    if n < 4 {
        return None;
    }
    Some(u32::from_le_bytes([
        bytes[n - 4],
        bytes[n - 3],
        bytes[n - 2],
        bytes[n - 1],
    ]))
}

/// The last four bytes of each of [`ADJECTIVE_ENDINGS`].
const ADJECTIVE_TAILS: [u32; ADJECTIVE_ENDINGS.len()] = {
    let mut tails = [0u32; ADJECTIVE_ENDINGS.len()];
    let mut k = 0;
    while k < tails.len() {
        tails[k] = match last_four(ADJECTIVE_ENDINGS[k].0.as_bytes()) {
            Some(t) => t,
            None => panic!("an adjective ending shorter than two Cyrillic letters"),
        };
        k += 1;
    }
    tails
};

/// The bit of a tail in [`TAIL_FILTER`]: the top bits of a multiplicative hash.
const fn tail_bit(tail: u32) -> u32 {
    tail.wrapping_mul(0x9E37_79B1) >> (32 - 8)
}

/// A bit set on the tails of [`ADJECTIVE_TAILS`] (256 bits): a word whose tail's bit is
/// clear has none of the endings, told with one load.
const TAIL_FILTER: [u64; 4] = {
    let mut bits = [0u64; 4];
    let mut k = 0;
    while k < ADJECTIVE_TAILS.len() {
        let b = tail_bit(ADJECTIVE_TAILS[k]);
        bits[(b / 64) as usize] |= 1 << (b % 64);
        k += 1;
    }
    bits
};

/// For each bit of [`TAIL_FILTER`], the endings (bits of their indexes in
/// [`ADJECTIVE_ENDINGS`]) whose tail has it: a word past the filter is compared with those
/// few endings only, in the list's order.
const ENDINGS_BY_BIT: [u32; 256] = {
    let mut by_bit = [0u32; 256];
    let mut k = 0;
    while k < ADJECTIVE_TAILS.len() {
        by_bit[tail_bit(ADJECTIVE_TAILS[k]) as usize] |= 1 << k;
        k += 1;
    }
    by_bit
};

/// Adjective endings, longest first; `true` for the soft ones (a soft stem like "верхн-").
const ADJECTIVE_ENDINGS: &[(&str, bool)] = &[
    ("ыми", false),
    ("ими", true),
    ("ого", false),
    ("его", true),
    ("ому", false),
    ("ему", true),
    ("ый", false),
    ("ий", true),
    ("ой", false),
    ("ая", false),
    ("яя", true),
    ("ое", false),
    ("ее", true),
    ("ые", false),
    ("ие", true),
    ("ым", false),
    ("им", true),
    ("ом", false),
    ("ем", true),
    ("ей", true),
    ("ую", false),
    ("юю", true),
    ("ою", false),
    ("ею", true),
    ("ых", false),
    ("их", true),
];

/// The ending of an adjective form (normalized), if it has one, and whether it is soft.
#[inline]
pub fn adjective_ending(form: &str) -> Option<(&'static str, bool)> {
    // Every ending ends in two Cyrillic letters (four bytes): comparing those as one number
    // first keeps this cheap for the many words it is asked about (and inlined, without a
    // call for most of them).
    adjective_ending_index(form).map(|k| ADJECTIVE_ENDINGS[k])
}

/// [`adjective_ending`] as its index in [`ADJECTIVE_ENDINGS`].
#[inline]
fn adjective_ending_index(form: &str) -> Option<usize> {
    let tail = last_four(form.as_bytes())?;
    let b = tail_bit(tail);
    if TAIL_FILTER[(b / 64) as usize] & (1 << (b % 64)) == 0 {
        return None;
    }
    adjective_ending_of(form, tail)
}

/// [`adjective_ending_index`] of a form whose last four bytes are `tail`, past the filter.
#[inline(never)]
fn adjective_ending_of(form: &str, tail: u32) -> Option<usize> {
    let bytes = form.as_bytes();
    // Lowest index first: the list's order (the longest endings first).
    let mut endings = ENDINGS_BY_BIT[tail_bit(tail) as usize];
    let k = loop {
        if endings == 0 {
            return None;
        }
        let k = endings.trailing_zeros() as usize;
        endings &= endings - 1;
        if ADJECTIVE_TAILS[k] == tail && bytes.ends_with(ADJECTIVE_ENDINGS[k].0.as_bytes()) {
            break k;
        }
    };
    let (ending, _) = ADJECTIVE_ENDINGS[k];
    // At least two letters of stem.
    (form[..form.len() - ending.len()].chars().nth(1).is_some()).then_some(k)
}

/// True if `form` (normalized) can only be an adjective form by its ending: the long endings
/// ("-ого", "-ая", "-ых"...) and the short ones after "-ск-", "-цк-" ("американском"); "-ом",
/// "-ым", "-ой" alone are as often a noun's ("Мастом", "Путиным", "Толстой").
pub fn clearly_adjective(form: &str) -> bool {
    let Some(k) = adjective_ending_index(form) else {
        return false;
    };
    if CLEAR_ADJECTIVE_ENDINGS[k] {
        return true;
    }
    let stem = &form[..form.len() - ADJECTIVE_ENDINGS[k].0.len()];
    stem.ends_with("ск") || stem.ends_with("цк")
}

/// For each of [`ADJECTIVE_ENDINGS`], whether it is an adjective's alone
/// (`clear_adjective_ending`), by index: no string compared per word.
#[rustfmt::skip]
const CLEAR_ADJECTIVE_ENDINGS: [bool; ADJECTIVE_ENDINGS.len()] = [
    // ыми ими ого его ому ему
    true, true, true, true, true, true,
    // ый ий ой ая яя ое ее ые ие
    true, true, false, true, true, true, true, true, true,
    // ым им ом ем ей
    false, false, false, false, false,
    // ую юю ою ею ых их
    true, true, false, false, true, true,
];

/// True if an adjective ending is an adjective's alone: the long endings and the short
/// ones no noun has ("-ом", "-ым", "-ой" are as often a noun's).
#[cfg(test)]
fn clear_adjective_ending(ending: &str) -> bool {
    ending.chars().count() >= 3
        || matches!(
            ending,
            "ый" | "ий"
                | "ая"
                | "яя"
                | "ое"
                | "ее"
                | "ые"
                | "ие"
                | "ых"
                | "их"
                | "ую"
                | "юю"
        )
}

/// The nominative of an adjective form agreeing with `agreement`: "карагандинской" →
/// "карагандинская", "каспийского" → "каспийский", "верхнего" → "верхний". Returns the
/// number of characters to cut and the ending to append, or `None` if `form` is no adjective.
pub fn adjective_nominative(form: &str, agreement: Agreement) -> Option<(usize, &'static str)> {
    let (ending, soft) = adjective_ending(form)?;
    let stem = &form[..form.len() - ending.len()];
    let last = stem.chars().last()?;
    let velar = matches!(last, 'к' | 'г' | 'х');
    let sibilant = matches!(last, 'ж' | 'ш' | 'ч' | 'щ' | 'ц');
    let soft = soft && !velar && !sibilant;
    let new = match agreement {
        // A stressed "-ой" ("Донской") cannot be told from "-ый" here: "-ый" is far commoner.
        Agreement::Masculine => {
            if soft || velar || sibilant {
                "ий"
            } else {
                "ый"
            }
        }
        Agreement::Feminine => {
            if soft {
                "яя"
            } else {
                "ая"
            }
        }
        Agreement::Neuter => {
            if soft || sibilant {
                "ее"
            } else {
                "ое"
            }
        }
        Agreement::Plural => {
            if soft || velar || sibilant {
                "ие"
            } else {
                "ые"
            }
        }
    };
    Some((ending.chars().count(), new))
}

/// Gives `normal` (lower case) the capitalization of `original`: all capitals, a capital
/// first letter (each part of a hyphenated word that had one), or as it is.
pub fn with_case_of(original: &str, normal: &str) -> String {
    let mut out = String::with_capacity(normal.len());
    push_with_case_of(&mut out, original, normal);
    out
}

/// Appends [`with_case_of`] of `original` and `normal` to `out`.
pub fn push_with_case_of(out: &mut String, original: &str, normal: &str) {
    if is_all_caps(original) {
        out.push_str(&normal.to_uppercase());
        return;
    }
    // One part (most words): the capital is the original's first letter's; no split.
    if !normal.as_bytes().contains(&b'-') {
        let mut chars = normal.chars();
        if original.chars().next().is_some_and(is_upper)
            && let Some(c) = chars.next()
        {
            push_upper(out, c);
        }
        out.push_str(chars.as_str());
        return;
    }
    push_parts_with_case_of(out, original, normal);
}

/// [`push_with_case_of`] part by part: part k of `normal` takes a capital if part k of
/// `original` starts with one.
fn push_parts_with_case_of(out: &mut String, original: &str, normal: &str) {
    let mut original_parts = original.split('-');
    for (k, part) in normal.split('-').enumerate() {
        if k > 0 {
            out.push('-');
        }
        let mut chars = part.chars();
        if original_parts
            .next()
            .and_then(|p| p.chars().next())
            .is_some_and(is_upper)
            && let Some(c) = chars.next()
        {
            push_upper(out, c);
        }
        out.push_str(chars.as_str());
    }
}

/// `c.is_uppercase()`, with Russian and ASCII letters spared the Unicode tables.
#[inline]
fn is_upper(c: char) -> bool {
    match c {
        'А'..='Я' | 'Ё' | 'A'..='Z' => true,
        'а'..='я' | 'ё' | 'a'..='z' => false,
        c => c.is_uppercase(),
    }
}

/// Pushes `c.to_uppercase()`, with Russian and ASCII letters spared the Unicode tables.
#[inline]
fn push_upper(out: &mut String, c: char) {
    match c {
        // а..я → А..Я: one block, 0x20 below.
        'а'..='я' => out.push(char::from_u32(c as u32 - 0x20).unwrap_or(c)),
        c if c.is_ascii() => out.push(c.to_ascii_uppercase()),
        c => out.extend(c.to_uppercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_letters_fold_as_their_chars_do() {
        // Every pair of bytes: a Russian letter folds as `fold` folds its char, any other
        // pair is no Russian letter.
        for b in 0..=255u8 {
            for c in 0..=255u8 {
                let bytes = [b, c];
                let letter = std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(|s| s.chars().next())
                    .filter(|ch| matches!(ch, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'));
                let expected = letter.map(|ch| {
                    let mut out = [0u8; 2];
                    fold(ch).encode_utf8(&mut out);
                    out
                });
                assert_eq!(fold_russian(b, c), expected, "{b:#x} {c:#x}");
            }
        }
    }

    #[test]
    fn ending_tails_agree_with_ends_with() {
        let endings = [
            "",
            "а",
            "ой",
            "ого",
            "ому",
            "ыми",
            "овой",
            "ского",
            "евского",
            "ий-ого",
            "x",
            "ab",
        ];
        let words = [
            "",
            "а",
            "ой",
            "иванова",
            "иванову",
            "ивановой",
            "достоевского",
            "петровского",
            "x",
            "ab",
            "cab",
            "b",
            "ёлкиной",
            "жан-ий-ого",
            "ого",
        ];
        for ending in endings {
            let tail = EndingTail::new(ending);
            for word in words {
                assert_eq!(
                    tail.ends(ending, word.as_bytes(), last_bytes(word.as_bytes())),
                    word.ends_with(ending),
                    "{word:?} {ending:?}"
                );
            }
        }
    }

    #[test]
    fn endings_by_bit_find_what_a_scan_of_the_list_finds() {
        let scan = |form: &str| {
            ADJECTIVE_ENDINGS
                .iter()
                .find(|(e, _)| form.ends_with(e))
                .filter(|(e, _)| form[..form.len() - e.len()].chars().nth(1).is_some())
                .copied()
        };
        let stems = ["", "к", "кр", "красн", "верхн", "americ", "ё"];
        let tails = ADJECTIVE_ENDINGS.iter().map(|(e, _)| *e).chain([
            "", "а", "ми", "го", "ом", "ям", "ах", "ой.", "ыйй", "ab", "ий ",
        ]);
        for stem in stems {
            for tail in tails.clone() {
                let form = format!("{stem}{tail}");
                assert_eq!(adjective_ending(&form), scan(&form), "{form:?}");
            }
        }
    }

    #[test]
    fn case_shortcuts_agree_with_the_unicode_tables() {
        let letters = ('\u{20}'..='\u{24F}').chain('\u{400}'..='\u{4FF}');
        for c in letters.chain(['ẞ', 'ǅ', 'ﬀ']) {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            let mut out = String::new();
            push_upper(&mut out, c);
            assert_eq!(out, c.to_uppercase().collect::<String>(), "{c:?}");
        }
        assert_eq!(
            with_case_of("Санкт-Петербурга", "санкт-петербург"),
            "Санкт-Петербург"
        );
        assert_eq!(
            with_case_of("Ростова-на-Дону", "ростов-на-дону"),
            "Ростов-на-Дону"
        );
        assert_eq!(with_case_of("ЕС", "ес"), "ЕС");
        assert_eq!(with_case_of("Ёлки", "ёлка"), "Ёлка");
        assert_eq!(with_case_of("Île", "île-de-france"), "Île-de-france");
    }

    #[test]
    fn clear_adjective_endings_by_index_are_the_clear_ones() {
        for (k, (ending, _)) in ADJECTIVE_ENDINGS.iter().enumerate() {
            assert_eq!(
                CLEAR_ADJECTIVE_ENDINGS[k],
                clear_adjective_ending(ending),
                "{ending}"
            );
        }
    }

    #[test]
    fn all_caps_after_the_last_letter_is_all_caps_by_chars() {
        for s in [
            "",
            "а",
            "я",
            "ё",
            "п",
            "р",
            "Я",
            "Ё",
            "ПУТИН",
            "Путин",
            "ПУТИн",
            "ПУТИНа",
            "ПУТИНё",
            "ООН.",
            "ООН1",
            "A",
            "AB",
            "Ab",
            "aB",
            "ABc",
            "ЦСКА-2",
            "ŒUVRE",
            "Œuvre",
            "ΑΒΓ",
            "СШАß",
            "x",
            "ЖЖ",
            "Жж",
        ] {
            assert_eq!(is_all_caps(s), is_all_caps_by_chars(s), "{s:?}");
            if ends_in_lower_case(s.as_bytes()) {
                assert!(!is_all_caps_by_chars(s), "{s:?}");
            }
        }
    }

    #[test]
    fn folded_prefixes_by_bytes_agree_with_the_char_path() {
        let forms = [
            "брайаном",
            "брайан",
            "брая",
            "",
            "мария",
            "марии",
            "семен",
            "семёну",
            "joe",
            "joey",
            "jo",
            "zoë",
            "zoëy",
            "ёж",
            "анна-мария",
            "x",
            "b",
            "ђорђе",
            "брайана",
            "мариа",
            "марияя",
            "ёжа",
            "zoe",
            "joe\u{301}",
            "анна-марие",
            "ж",
            "е",
        ];
        let lemmas = [
            "Брайан",
            "Мария",
            "Семён",
            "СЕМЕН",
            "Joe",
            "Zoë",
            "Ђорђе",
            "Анна-Мария",
            "",
            "X",
            "Б",
            "ёж",
            "Ё",
            "Мариа",
            "JOE",
        ];
        for form in forms {
            for lemma in lemmas {
                let by_chars = folded_common_prefix_by_chars(form, lemma);
                if let Some(by_bytes) = folded_common_prefix(form.as_bytes(), lemma.as_bytes()) {
                    assert_eq!(by_bytes, by_chars, "{form:?} {lemma:?}");
                }
                assert_eq!(
                    is_lemma(form, lemma),
                    is_lemma_by_chars(form, lemma),
                    "{form:?} {lemma:?}"
                );
            }
        }
        for form in forms.iter().chain(&lemmas) {
            for lemma in lemmas {
                assert_eq!(
                    first_name_reading(form, lemma, b'm'),
                    (is_lemma(form, lemma), first_name_cases(form, lemma, b'm'))
                );
            }
            let mut buf = [0; 32];
            if let Some(lower_bytes) = lower_in(form, &mut buf) {
                assert_eq!(lower_bytes, lower(form).as_bytes(), "{form:?}");
            }
        }
        assert_eq!(lower_in("Семён", &mut [0; 16]), Some("семен".as_bytes()));
        assert_eq!(lower_in("Zoë", &mut [0; 16]), None);
        assert!(is_lemma("семен", "Семён"));
        assert!(!is_lemma("семе", "Семён"));
        assert_eq!(first_name_cases("брайаном", "Брайан", b'm'), case::INS);
    }

    #[test]
    fn lower_folds_every_character_as_fold_does() {
        let by_chars = |s: &str| s.chars().map(fold).collect::<String>();
        for c in ('\0'..='\u{2FFF}').chain(['İ', 'Ａ', '𝐀']) {
            let s = format!("Аx{c}Ёё{c}");
            assert_eq!(lower(&s), by_chars(&s), "{c:?}");
        }
        for s in ["", "ЁЛКИН Анна-Мария İnönü", "ПУТИН", "Щёлково", "Ѐѝ", "ӘӨ"]
        {
            assert_eq!(lower(s), by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn folding_is_lowercasing_with_yo_as_e() {
        let reference = |c: char| match c {
            'Ё' | 'ё' => 'е',
            c => c.to_lowercase().next().unwrap_or(c),
        };
        for c in ('\0'..='\u{2FFF}').chain(['İ', 'Ａ', '𝐀']) {
            assert_eq!(fold(c), reference(c), "{c:?}");
        }
        assert_eq!(lower("ЁЛКИН Анна-Мария İnönü"), "елкин анна-мария inönü");
        // The path by runs and the general one agree: Russian and ASCII words in any case,
        // words with other letters.
        let long = "Щ".repeat(40);
        for w in [
            "",
            "Ёлкин",
            "ПЕТРОВ",
            "McDonald",
            "Жан-Мари",
            "ёЁжЖаАпПрРяЯzZ09-",
            "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяё",
            "İnönü",
            "Ä",
            long.as_str(),
            &long[..62],
        ] {
            assert_eq!(lower(w), w.chars().map(fold).collect::<String>(), "{w}");
        }
    }

    #[test]
    fn a_nominative_looked_up_once_answers_as_when_looked_up_again() {
        let names = crate::names::Names::load(None).unwrap();
        let rules = names.surname_rules();
        // Some of the real rules make the same nominatives.
        assert!(rules.same_as_earlier.iter().any(|&s| s != 0));
        let every_time = SurnameRules {
            same_as_earlier: vec![0; rules.rules.len()],
            ..rules.clone()
        };
        let known = |s: &[u8]| names.surname_gender_of(s);
        let stems = [
            "иванов",
            "петров",
            "бенрат",
            "капитоли",
            "налбандов",
            "шойгу",
            "лужков",
            "кошербаев",
            "маст",
            "греф",
            "мак",
            "толст",
            "достоевск",
            "кравчук",
            "ли",
        ];
        let endings = [
            "",
            "а",
            "у",
            "ым",
            "ом",
            "е",
            "ой",
            "ая",
            "ую",
            "ого",
            "ому",
            "ых",
            "ова",
            "ева",
            "ина",
            "ий",
            "ия",
            "ию",
            "ского",
            "ской",
            "ым",
            "ем",
            "ей",
            "и",
            "ю",
            "я",
        ];
        for stem in stems {
            for ending in endings {
                let form = format!("{stem}{ending}");
                for gender in [b'?', b'm', b'f'] {
                    for cases in [case::ANY, case::NOM, case::GEN, case::DAT, case::INS] {
                        assert_eq!(
                            surname_nominative(&form, gender, cases, rules, known),
                            surname_nominative(&form, gender, cases, &every_time, known),
                            "{form}"
                        );
                    }
                }
            }
        }
    }

    fn rules() -> SurnameRules {
        let r = |e: &str, rep: &str, g: u8, c: u8, n: u32| SurnameRule {
            ending: e.into(),
            replacement: rep.into(),
            gender: g,
            case: c,
            count: n,
        };
        SurnameRules::new(vec![
            r("а", "", b'm', case::GEN, 7278),
            r("ым", "", b'm', case::INS, 5877),
            r("ом", "", b'm', case::INS, 1266),
            r("ой", "а", b'f', case::INS, 5859),
            r("у", "а", b'f', case::ACC, 5863),
        ])
    }

    #[test]
    fn first_name_cases_from_endings() {
        let table: &[(&str, &str, u8, u8)] = &[
            ("брайаном", "Брайан", b'm', case::INS),
            ("брайан", "Брайан", b'm', case::NOM),
            ("марко", "Марко", b'm', case::ANY),
            ("анну", "Анна", b'f', case::ACC),
            ("сергея", "Сергей", b'm', case::GEN | case::ACC),
            ("марии", "Мария", b'f', case::GEN | case::DAT | case::PREP),
            ("мишель", "Мишель", b'f', case::ANY),
            ("семена", "Семён", b'm', case::GEN | case::ACC),
        ];
        for &(form, lemma, g, want) in table {
            assert_eq!(first_name_cases(form, lemma, g), want, "{form}");
        }
        assert!(is_lemma("семен", "Семён"));
        assert!(!is_lemma("семена", "Семён"));
    }

    #[test]
    fn surnames_to_the_nominative() {
        let known = |s: &[u8]| match std::str::from_utf8(s).unwrap_or("") {
            "иванов" => Some(b'm'),
            "иванова" => Some(b'f'),
            "обама" => Some(b'?'),
            _ => None,
        };
        let rules = rules();
        type Row = (&'static str, u8, u8, (usize, &'static str, bool));
        let table: &[Row] = &[
            ("мастом", b'm', case::INS, (2, "", false)),
            ("алтхауса", b'?', case::GEN, (1, "", false)),
            ("ивановым", b'm', case::INS, (2, "", true)),
            ("ивановой", b'f', case::INS, (2, "а", true)),
            ("иванова", b'?', case::ANY, (0, "", true)),
            ("иванова", b'm', case::GEN, (1, "", true)),
            ("обама", b'm', case::ANY, (0, "", true)),
            ("обама", b'm', case::GEN, (0, "", true)),
            ("кошербаев", b'm', case::NOM, (0, "", false)),
            ("илюшкиным", b'?', case::ANY, (2, "", false)),
        ];
        for &(form, g, cases, want) in table {
            let s = surname_nominative(form, g, cases, &rules, known);
            assert_eq!((s.cut, s.append, s.known), want, "{form}");
        }
    }

    #[test]
    fn long_surnames_are_looked_up_whole() {
        // Past the stack buffer of candidates: the same answer.
        let rules = rules();
        for letters in [10, 40] {
            let stem = "к".repeat(letters);
            let lemma = format!("{stem}ов");
            let known = |s: &[u8]| (s == lemma.as_bytes()).then_some(b'm');
            let s = surname_nominative(&format!("{stem}овым"), b'm', case::INS, &rules, known);
            assert_eq!(
                (s.cut, s.append, s.known),
                (2, "", true),
                "{letters} letters"
            );
        }
    }

    #[test]
    fn first_names_lose_the_surname_s_case() {
        assert_eq!(first_name_ending("олафом", case::INS), Some("ом"));
        assert_eq!(first_name_ending("олафа", case::GEN), Some("а"));
        assert_eq!(first_name_ending("илон", case::GEN), None);
        assert_eq!(first_name_ending("пини", case::GEN), None);
    }

    #[test]
    fn endings_apply_to_the_original_spelling() {
        assert_eq!(apply_ending("Мастом", 2, ""), "Маст");
        assert_eq!(apply_ending("Ивановой", 2, "а"), "Иванова");
        assert_eq!(apply_ending("ПЕТРОВЫМ", 2, ""), "ПЕТРОВ");
        assert_eq!(apply_ending("Рубио", 0, ""), "Рубио");
    }

    #[test]
    fn adjectives_agree_with_their_head() {
        use Agreement::*;
        let table: &[(&str, Agreement, &str)] = &[
            ("карагандинской", Feminine, "карагандинская"),
            ("каспийского", Masculine, "каспийский"),
            ("трубопроводного", Masculine, "трубопроводный"),
            ("геологической", Feminine, "геологическая"),
            ("верхнего", Masculine, "верхний"),
            ("верхней", Feminine, "верхняя"),
            ("государственной", Feminine, "государственная"),
            ("общей", Feminine, "общая"),
            ("международного", Neuter, "международное"),
            ("экспортно-импортный", Masculine, "экспортно-импортный"),
        ];
        for &(form, agr, want) in table {
            let (cut, new) = adjective_nominative(form, agr).unwrap();
            let got = apply_ending(form, cut, new);
            assert_eq!(got, want, "{form}");
        }
        assert_eq!(noun_agreement("область", Some("карагандинской")), Feminine);
        assert_eq!(noun_agreement("консорциум", None), Masculine);
        assert_eq!(noun_agreement("МИД", None), Masculine);
        assert!(adjective_nominative("банк", Masculine).is_none());
        assert!(clearly_adjective("американском") && clearly_adjective("верхнего"));
        assert!(!clearly_adjective("мастом") && !clearly_adjective("путиным"));
    }

    #[test]
    fn capitalization_comes_from_the_original() {
        assert_eq!(with_case_of("Каспийского", "каспийский"), "Каспийский");
        assert_eq!(with_case_of("Тау-Кен", "тау-кен"), "Тау-Кен");
        assert_eq!(with_case_of("США", "сша"), "США");
        assert_eq!(with_case_of("службы", "служба"), "служба");
        // A word of one part is cased as the parts are.
        for (original, normal) in [
            ("Каспийского", "каспийский"),
            ("-Каспийского", "каспийский"),
            ("Тау-Кен", "тау"),
            ("тау-Кен", "тау"),
            ("", "каспийский"),
            ("Каспийского", ""),
            ("Île", "île"),
            ("Zoë", "zoë"),
            ("1Каспийского", "каспийский"),
        ] {
            let mut by_parts = String::new();
            push_parts_with_case_of(&mut by_parts, original, normal);
            assert_eq!(
                with_case_of(original, normal),
                by_parts,
                "{original} {normal}"
            );
        }
    }
}
