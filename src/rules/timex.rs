//! The vocabulary that date, time and duration rules share: reading lexicon hits for months,
//! units, prepositions and the like, small whole numbers written in digits, Roman numerals,
//! and the checks that keep names ("8 Марта", «Завтра») out of time expressions.

use super::{Doc, start};
use crate::calendar::TimeUnit;
use crate::decimal::Decimal;
use crate::lexicon::temporal::{
    ClockWord, MONTH_ADJECTIVE, PeriodPart, Relative, Season, TemporalWord, TimeStart,
    starts_expressions,
};
use crate::lexicon::temporal::{UnitSense, word_kind};
use crate::lexicon::{Hit, Meaning, kind};
use crate::text::token::{CAPITALIZED, HYPHENATED, SPACE_BEFORE};
use crate::text::{Token, TokenKind};

/// Runs the date, time and duration rules, each from the tokens where a time expression
/// may start (most words cannot: this keeps the many rules off them).
#[inline(never)]
pub fn apply(doc: &Doc<'_>, out: &mut Vec<super::Candidate>) {
    let n = doc.tokens.len();
    // The tokens a time expression may start at are among the document's start tokens
    // (classified once for all numeric rules, [`start`] bits).
    let list = doc.start_list();
    // The last dash an interval may run through (a point may start after it in the same
    // sentence: see `date_range::dashed`): no dashed interval starts after it. Most dashes
    // in prose ("— сказал он") are none.
    let last_dash = list
        .iter()
        .rev()
        .map(|&(i, bits)| (i as usize, bits))
        .find(|&(i, bits)| bits & start::DASH != 0 && super::date_range::may_join(doc, i))
        .map(|(i, _)| i);
    // A weak start ("в", "с", "в течение", "прошлом") starts a time expression only when a
    // strong start (a number, a month, a unit, ...) follows within three tokens: most "в" are
    // "в Москве", and trying every rule at each of them was a third of the run time.
    // The tokens that start one, in order: each rule below walks them alone.
    // Sized at once for the usual share of starts (a filter's collect grows step by step).
    let mut starts: Vec<StartToken> = Vec::with_capacity(n / 8);
    for (j, &(i, bits)) in list.iter().enumerate() {
        let i = i as usize;
        let starts_here = if bits & start::TIME_STRONG != 0 {
            true
        } else if bits & start::TIME_WEAK != 0 {
            let end = (i + 4).min(n);
            list.get(j + 1..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&(k, _)| (k as usize) < end)
                .any(|&(k, b)| b & start::TIME_STRONG != 0 && !doc.sentence_start(k as usize))
                && !before_plain_word(doc, i, list.get(j + 1).copied())
        } else {
            false
        };
        if starts_here {
            starts.push(StartToken::at(doc, i, bits));
        }
    }
    run_rules(doc, &starts, last_dash, out);
}

/// The date, time and duration rules from the `starts`.
fn run_rules(
    doc: &Doc<'_>,
    starts: &[StartToken],
    last_dash: Option<usize>,
    out: &mut Vec<super::Candidate>,
) {
    super::date::apply(doc, starts, out);
    super::date_range::apply(doc, starts, last_dash, out);
    super::time::apply(doc, starts, out);
    super::duration::apply(doc, starts, out);
}

/// True if weak start `i` (a one-token form, not hyphenated) is followed by a plain word:
/// one with no lexicon form and no number that starts nothing itself (no strong start) and
/// is none of the words the clock readers compare ("час", "ночь", "утра"). What a weak start reads
/// starts at the token after it (after a preposition) or reads a lexicon word there (after
/// "прошлом"): after a plain word nothing is read ("в Москве 5 человек"). `after` is the
/// start list's entry after `i`'s, if any.
#[inline]
fn before_plain_word(doc: &Doc<'_>, i: usize, after: Option<(u32, u16)>) -> bool {
    let next = i + 1;
    let one_token_form = doc
        .hits
        .get(i)
        .copied()
        .flatten()
        .is_some_and(|h| h.end == next);
    let next_strong = after.is_some_and(|(k, b)| k as usize == next && b & start::TIME_STRONG != 0);
    one_token_form
        && !next_strong
        && doc.tokens.get(i).is_some_and(|t| !t.has(HYPHENATED))
        && doc.kind(next) == Some(TokenKind::Word)
        && doc.hits.get(next).copied().flatten().is_none()
        && !doc.has_measure(next)
        // The words the clock readers compare as text: lexicon forms in the shipped
        // lexicons (so ruled out above), not in one a user gave in their place.
        && !matches!(doc.text(next), "час" | "ночь" | "утра")
}

/// Whether a time expression may start at word `i` (whose bytes are `word`, with lexicon hit
/// `hit`): a word of time expressions, a number or ordinal word, a Roman numeral, a word
/// glued to a year by a hyphen ("ЧМ-2018"); and whether it needs a stronger word after it.
/// (A number always starts one; punctuation never.)
#[inline]
pub(super) fn word_start_class(
    doc: &Doc<'_>,
    i: usize,
    t: &Token,
    word: &[u8],
    hit: Option<Hit>,
) -> TimeStart {
    match hit {
        Some(hit) => match doc.lexicon.time_start(hit) {
            // A longer form of another list ("в час" is a rate) hides the token's own
            // form, which may start one.
            TimeStart::No
                if hit.end > i + 1
                    && doc
                        .lexicon
                        .lookup(doc.text(i))
                        .iter()
                        .any(starts_expressions) =>
            {
                TimeStart::Strong
            }
            class => class,
        },
        None if t.has(HYPHENATED) => {
            if hyphenated_may_start(doc, i, word) {
                TimeStart::Strong
            } else {
                TimeStart::No
            }
        }
        // A word that cannot be a Roman numeral is told by its first bytes, before its
        // text is sliced.
        None if may_be_roman(word) && roman(doc.text(i)).is_some() => TimeStart::Strong,
        None => TimeStart::No,
    }
}

/// Whether a time expression may start at hyphenated word `i` (bytes `word`) with no
/// lexicon form. With no form, no Roman numeral (a hyphen is none) and no number, every
/// reader passes it over but three: a year glued to a name ("ЧМ-2018", four digits after
/// the last hyphen: `date::glued_year`), two months ("январе-марте": `date_range`'s
/// `hyphenated_months`) and two Roman centuries ("xix-xx": its `centuries`), each told
/// here as they tell it; most hyphenated words are none ("премьер-министр", "из-за").
fn hyphenated_may_start(doc: &Doc<'_>, i: usize, word: &[u8]) -> bool {
    if let [.., b'-', a, b, c, d] = word
        && [a, b, c, d].iter().all(|x| x.is_ascii_digit())
    {
        return true;
    }
    let Some((left, right)) = doc.text(i).split_once('-') else {
        return false;
    };
    (roman(left).is_some() && roman(right).is_some())
        || super::date_range::month_form(doc, left).is_some()
}

/// The temporal meaning at token `i` that `pick` accepts, and the token after the form.
/// When a longer form of another list starts at `i` ("в час" is a rate), the token's own
/// form is looked up on its own.
#[inline(never)]
pub fn word_at<T>(
    doc: &Doc<'_>,
    i: usize,
    pick: impl Fn(&TemporalWord) -> Option<T>,
) -> Option<(T, usize)> {
    let temporal = |m: &Meaning| match m {
        Meaning::Temporal(w) => pick(w),
        _ => None,
    };
    let (hit, meanings) = doc.hit(i)?;
    if let Some(v) = meanings.iter().find_map(temporal) {
        return Some((v, hit.end));
    }
    if hit.end > i + 1 {
        return doc
            .own_form(i)
            .iter()
            .find_map(temporal)
            .map(|v| (v, i + 1));
    }
    None
}

/// [`word_at`] for a `pick` that takes only temporal words of the `kinds`
/// ([`TemporalWord::kind`] bits): a token whose one-token form has none is passed over
/// with one test (most tokens, asked for many kinds at every start), inlined where asked;
/// [`word_at`] stays out of line.
#[inline]
pub fn word_of<T>(
    doc: &Doc<'_>,
    i: usize,
    kinds: u16,
    pick: impl Fn(&TemporalWord) -> Option<T>,
) -> Option<(T, usize)> {
    let hit = (*doc.hits.get(i)?)?;
    if hit.end == i + 1 && !doc.lexicon.has_temporal_kind(hit, kinds) {
        return None;
    }
    word_at(doc, i, pick)
}

/// A month name at `i`: month, case bits, next token.
#[inline]
pub fn month_at(doc: &Doc<'_>, i: usize) -> Option<(u32, u8, usize)> {
    word_of(doc, i, word_kind::MONTH, |w| match w {
        TemporalWord::Month { month, cases } if *cases != MONTH_ADJECTIVE => {
            Some((u32::from(*month), *cases))
        }
        _ => None,
    })
    .map(|((m, c), next)| (m, c, next))
}

/// A month adjective at `i` ("майских", "декабрьском"): month, next token.
#[inline]
pub fn month_adjective_at(doc: &Doc<'_>, i: usize) -> Option<(u32, usize)> {
    word_of(doc, i, word_kind::MONTH, |w| match w {
        TemporalWord::Month { month, cases } if *cases == MONTH_ADJECTIVE => {
            Some(u32::from(*month))
        }
        _ => None,
    })
}

/// A weekday name at `i`: weekday (1 = Monday), case bits, next token.
#[inline]
pub fn weekday_at(doc: &Doc<'_>, i: usize) -> Option<(u32, u8, usize)> {
    word_of(doc, i, word_kind::WEEKDAY, |w| match w {
        TemporalWord::Weekday { day, cases } => Some((u32::from(*day), *cases)),
        _ => None,
    })
    .map(|((d, c), next)| (d, c, next))
}

/// A season word at `i`: season, case bits, next token.
#[inline]
pub fn season_at(doc: &Doc<'_>, i: usize) -> Option<(Season, u8, usize)> {
    word_of(doc, i, word_kind::SEASON, |w| match w {
        TemporalWord::Season { season, cases } => Some((*season, *cases)),
        _ => None,
    })
    .map(|((s, c), next)| (s, c, next))
}

/// A time unit word at `i`: what it says, and the token after it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitWord {
    /// What the word says.
    pub sense: UnitSense,
    /// The token after the word.
    pub next: usize,
}

/// A time unit word at `i`.
#[inline]
pub fn unit_at(doc: &Doc<'_>, i: usize) -> Option<UnitWord> {
    word_of(doc, i, word_kind::UNIT, |w| match w {
        TemporalWord::Unit(sense) => Some(*sense),
        _ => None,
    })
    .map(|(sense, next)| UnitWord { sense, next })
}

/// A word that follows the year of a date at `i` ("года", "г.", "гг.", "годах"): the next
/// token. A sentence-final dot after "г" belongs to it ("5 декабря 2022 г.").
pub fn year_word_at(doc: &Doc<'_>, i: usize) -> Option<usize> {
    if doc.sentence_start(i) {
        return None;
    }
    let next = unit_at(doc, i)
        .filter(|u| {
            u.sense.unit == TimeUnit::Year
                && !u.sense.count_only
                && u.sense.amount == Decimal::from_int(1)
        })
        .map(|u| u.next)?;
    if next == i + 1 && matches!(doc.text(i), "г" | "гг") && doc.is(next, ".") && doc.glued(next)
    {
        return Some(next + 1);
    }
    Some(next)
}

/// A unit word of `unit` at `i` (any form): the next token.
pub fn unit_word_at(doc: &Doc<'_>, i: usize, unit: TimeUnit) -> Option<usize> {
    if doc.sentence_start(i) {
        return None;
    }
    unit_at(doc, i)
        .filter(|u| u.sense.unit == unit && u.sense.amount == Decimal::from_int(1))
        .map(|u| u.next)
}

/// A relative word at `i`.
#[inline]
pub fn relative_at(doc: &Doc<'_>, i: usize) -> Option<(Relative, usize)> {
    word_of(doc, i, word_kind::RELATIVE, |w| match w {
        TemporalWord::Relative(r) => Some(*r),
        _ => None,
    })
}

/// A clock word at `i`.
#[inline]
pub fn clock_at(doc: &Doc<'_>, i: usize) -> Option<(ClockWord, usize)> {
    if doc.sentence_start(i) {
        return None;
    }
    word_of(doc, i, word_kind::CLOCK, |w| match w {
        TemporalWord::Clock(c, _) => Some(*c),
        _ => None,
    })
}

/// A time zone phrase at `i`: the zone (`None` for local time) and the next token.
pub fn zone_at<'a>(doc: &Doc<'a>, i: usize) -> Option<(Option<&'a str>, usize)> {
    if doc.sentence_start(i) {
        return None;
    }
    let (hit, meanings) = doc.hit(i)?;
    meanings.iter().find_map(|m| match m {
        Meaning::Temporal(TemporalWord::Zone(z)) => Some((z.as_deref(), hit.end)),
        _ => None,
    })
}

/// An ordinal word at `i` ("третьем" = 3), and the token after it.
pub fn ordinal_word_at(doc: &Doc<'_>, i: usize) -> Option<(u32, usize)> {
    doc.meaning_of(i, kind::ORDINAL_WORD, |m| match m {
        Meaning::OrdinalWord(v) => v.to_i64().and_then(|v| u32::try_from(v).ok()),
        _ => None,
    })
}

/// A preposition at `i` with any of the role bits `roles`: its bits and the next token.
#[inline]
pub fn prep_at(doc: &Doc<'_>, i: usize, roles: u8) -> Option<(u8, usize)> {
    word_of(doc, i, word_kind::PREP, |w| match w {
        TemporalWord::Prep(bits) if bits & roles != 0 => Some(*bits),
        _ => None,
    })
}

/// A token a time expression may start at ([`apply`]), and which temporal words it may be:
/// each time rule first asks [`prep_at`] at every start (seven asks), a month adjective and
/// a part of the day are asked too, and most starts are none of these. The preposition of
/// its lexicon form is read once for the seven asks.
#[derive(Clone, Copy, Debug)]
pub struct StartToken {
    /// The token.
    pub i: usize,
    /// The [`word_kind`] bits among `StartToken::KINDS` that [`word_of`] may find at the
    /// token (all of them where a longer form hides the token's own).
    kinds: u16,
    /// The role bits of the one preposition among the meanings of the lexicon form at the
    /// token (0: none), when the form has at most one ([`StartToken::prep`] answers from
    /// it); [`StartToken::MANY_PREPS`] when it has more (it asks [`prep_at`]).
    form_prep: u8,
    /// Whether the form is longer than the token (then the token's own form is looked up
    /// where the form has no preposition of the roles asked, as [`word_at`] does).
    longer_form: bool,
    /// One past the form's last token.
    form_end: usize,
    /// The token's [`start`] bits (the literal words "в" and "на" among them).
    bits: u16,
}

impl StartToken {
    /// The temporal words a start token is told for.
    const KINDS: u16 = word_kind::PREP | word_kind::MONTH | word_kind::CLOCK;

    /// [`StartToken::form_prep`] of a form with more than one preposition among its
    /// meanings (or one with all eight role bits, which the lexicon does not have).
    const MANY_PREPS: u8 = u8::MAX;

    /// Token `i`, with its [`start`] bits `bits`.
    #[inline]
    pub fn at(doc: &Doc<'_>, i: usize, bits: u16) -> StartToken {
        let hit = doc.hits.get(i).copied().flatten();
        let kinds = match hit {
            None => 0,
            // As `word_of` tells: a longer form may hide the token's own (see `word_at`).
            Some(hit) if hit.end != i + 1 => StartToken::KINDS,
            Some(hit) => doc.lexicon.temporal_kinds(hit) & StartToken::KINDS,
        };
        let mut s = StartToken {
            i,
            kinds,
            form_prep: 0,
            longer_form: false,
            form_end: i + 1,
            bits,
        };
        if let Some(hit) = hit
            && kinds & word_kind::PREP != 0
        {
            s.longer_form = hit.end > i + 1;
            s.form_end = hit.end;
            let mut preps = doc.lexicon.meanings(hit).iter().filter_map(|m| match m {
                Meaning::Temporal(TemporalWord::Prep(bits)) => Some(*bits),
                _ => None,
            });
            if let Some(bits) = preps.next() {
                s.form_prep = if preps.next().is_some() || bits == StartToken::MANY_PREPS {
                    StartToken::MANY_PREPS
                } else {
                    bits
                };
            }
        }
        s
    }

    /// Token `i` with the bits the document's start list gives it (none if it is not there):
    /// for tests that start at any token.
    #[cfg(test)]
    pub fn at_token(doc: &Doc<'_>, i: usize) -> StartToken {
        let bits = doc
            .start_list()
            .iter()
            .find(|&&(k, _)| k as usize == i)
            .map_or(0, |&(_, bits)| bits);
        StartToken::at(doc, i, bits)
    }

    /// True if the token is the word "в" ([`start::V`]).
    #[inline]
    pub fn is_v(&self) -> bool {
        self.bits & start::V != 0
    }

    /// True if the token is the word "на" ([`start::NA`]).
    #[inline]
    pub fn is_na(&self) -> bool {
        self.bits & start::NA != 0
    }

    /// False if [`word_of`] with these `kinds` (some of `StartToken::KINDS`) finds nothing
    /// at the token.
    #[inline]
    pub fn may_be(&self, kinds: u16) -> bool {
        self.kinds & kinds != 0
    }

    /// [`prep_at`] at the token. Inlined where asked (seven rules ask at every start).
    #[inline(always)]
    pub fn prep(&self, doc: &Doc<'_>, roles: u8) -> Option<(u8, usize)> {
        if !self.may_be(word_kind::PREP) {
            return None;
        }
        match self.form_prep {
            StartToken::MANY_PREPS => self.prep_looked_up(doc, roles),
            // The form's one preposition, as `word_at` finds it first.
            bits if bits & roles != 0 => Some((bits, self.form_end)),
            // None of the roles: the token's own form, under a longer one.
            _ if self.longer_form => self.prep_looked_up(doc, roles),
            _ => None,
        }
    }

    /// [`prep_at`] at the token, for the few starts whose form does not tell.
    #[cold]
    #[inline(never)]
    fn prep_looked_up(&self, doc: &Doc<'_>, roles: u8) -> Option<(u8, usize)> {
        prep_at(doc, self.i, roles)
    }
}

/// The preposition with a role in `roles` that ends right before token `i`: its bits and
/// its first token. It must be in the same sentence as `i`.
pub fn prep_before(doc: &Doc<'_>, i: usize, roles: u8) -> Option<(u8, usize)> {
    if doc.sentence_start(i) {
        return None;
    }
    for back in 1..=2 {
        let s = i.checked_sub(back)?;
        if let Some((bits, end)) = prep_at(doc, s, roles)
            && end == i
        {
            return Some((bits, s));
        }
    }
    None
}

/// A part of a period at `i`.
#[inline]
pub fn part_at(doc: &Doc<'_>, i: usize) -> Option<(PeriodPart, usize)> {
    word_of(doc, i, word_kind::PART, |w| match w {
        TemporalWord::Part(p) => Some(*p),
        _ => None,
    })
}

/// True if an age cue ("исполнилось", "ему", "было") ends right before token `i`.
pub fn age_cue_before(doc: &Doc<'_>, i: usize) -> bool {
    if doc.sentence_start(i) {
        return false;
    }
    (1..=2).any(|back| {
        i.checked_sub(back).is_some_and(|s| {
            doc.meaning_of(s, kind::AGE_CUE | kind::TEMPORAL, |m| {
                matches!(
                    m,
                    Meaning::AgeCue(_) | Meaning::Temporal(TemporalWord::AgeCue)
                )
                .then_some(())
            })
            .is_some_and(|(_, end)| end == i)
        })
    })
}

/// True if token `i` starts a word that measures or counts what a number before it
/// means (a currency, a percent sign, a unit, a multiplier, a counted noun): then the number
/// is no year.
pub fn measure_word_at(doc: &Doc<'_>, i: usize) -> bool {
    doc.hit(i).is_some_and(|(_, meanings)| {
        meanings.iter().any(|m| {
            matches!(
                m,
                Meaning::Currency { .. }
                    | Meaning::Percent(_)
                    | Meaning::Unit { .. }
                    | Meaning::Multiplier(_)
                    | Meaning::CountNoun(_)
            )
        })
    }) || doc.is(i, "%")
}

/// A plain whole number written in digits at `i` (no group spaces, no decimal part), at
/// most `max_digits` long: its value and digit count.
pub fn digits_at(doc: &Doc<'_>, i: usize, max_digits: usize) -> Option<(u32, usize)> {
    if doc.kind(i)? != TokenKind::Number {
        return None;
    }
    // The bytes: a number's text needs no `str` (whose slicing checks boundaries).
    let digits = doc.bytes(i);
    parse_digit_bytes(digits, max_digits).map(|v| (v, digits.len()))
}

/// `text` as a whole number if it is 1 to `max_digits` ASCII digits.
pub fn parse_digits(text: &str, max_digits: usize) -> Option<u32> {
    parse_digit_bytes(text.as_bytes(), max_digits)
}

/// [`parse_digits`] of a text's bytes.
#[inline]
fn parse_digit_bytes(text: &[u8], max_digits: usize) -> Option<u32> {
    if text.is_empty() || text.len() > max_digits.min(9) {
        return None;
    }
    // Nine digits at most: no overflow.
    text.iter().try_fold(0u32, |value, &b| {
        b.is_ascii_digit().then(|| value * 10 + u32::from(b - b'0'))
    })
}

/// A glued ordinal suffix after a number ("1-го", "2014-м", "1990-х", "4-й"): the suffix
/// text and the token after it.
pub fn suffix_at<'a>(doc: &Doc<'a>, i: usize) -> Option<(&'a str, usize)> {
    if doc.is(i, "-")
        && doc.glued(i)
        && doc.glued(i + 1)
        && doc.kind(i + 1) == Some(TokenKind::Word)
    {
        let s = doc.text(i + 1);
        if s.chars().count() <= 3 && s.chars().all(|c| ('а'..='я').contains(&c)) {
            return Some((s, i + 2));
        }
    }
    None
}

/// A Roman numeral at `i` ("XXI", "IV"; Cyrillic "Х" and "І" are read as their Latin
/// lookalikes), 1–3999.
pub fn roman_at(doc: &Doc<'_>, i: usize) -> Option<(u32, usize)> {
    if doc.kind(i)? != TokenKind::Word {
        return None;
    }
    roman_word(doc, i).map(|v| (v, i + 1))
}

/// [`roman`] of token `i`'s text: most words are told by their first bytes, before the
/// text is sliced.
#[inline]
pub fn roman_word(doc: &Doc<'_>, i: usize) -> Option<u32> {
    if !may_be_roman(doc.bytes(i)) {
        return None;
    }
    roman_value(doc.text(i))
}

/// False if no reading that starts with digits, a Roman numeral, or a lexicon word with a
/// meaning of the `kinds` ([`kind`] bits) or a temporal word of the `temporal` kinds
/// ([`word_kind`] bits) can start at token `i`: a cheap test that spares the readers most
/// words. A longer lexicon form at `i` hides the token's own form (which word readers look
/// up): it may start anything.
#[inline]
pub fn may_start_with(doc: &Doc<'_>, i: usize, kinds: u32, temporal: u16) -> bool {
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    if matches!(t.kind, TokenKind::Number | TokenKind::NumberSeq) {
        return true;
    }
    // Asked last: the lexicon bits answer for most words.
    let numeral = || {
        t.kind == TokenKind::Word
            && doc
                .norm
                .text()
                .as_bytes()
                .get(t.start..t.end)
                .is_some_and(may_be_roman)
    };
    match doc.hits.get(i).copied().flatten() {
        None => numeral(),
        Some(hit) if hit.end > i + 1 => true,
        Some(hit) => {
            doc.lexicon.has_kind(hit, kinds)
                || doc.lexicon.has_temporal_kind(hit, temporal)
                || numeral()
        }
    }
}

/// True if `text` (normalized) starts with a letter of Roman numerals: `i v x l c d m`, or
/// Cyrillic "х" or "і" (see [`roman`]).
#[inline]
pub(super) fn may_be_roman(text: &[u8]) -> bool {
    matches!(
        text,
        [b'i' | b'v' | b'x' | b'l' | b'c' | b'd' | b'm', ..] | [0xD1, 0x85 | 0x96, ..]
    )
}

/// The value of a Roman numeral in lowercase, written canonically ("iiii" is not one).
#[inline]
pub fn roman(text: &str) -> Option<u32> {
    // Most words do not even start with a letter of numerals: one inlined look at a byte.
    if !may_be_roman(text.as_bytes()) {
        return None;
    }
    roman_value(text)
}

/// [`roman`] past its first check.
fn roman_value(text: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'i' | 'і' => Some(1),
        'v' => Some(5),
        'x' | 'х' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        'd' => Some(500),
        'm' => Some(1000),
        _ => None,
    };
    let mut values = [0u32; 16];
    let mut len = 0;
    for c in text.chars() {
        if len == values.len() {
            return None;
        }
        values[len] = digit(c)?;
        len += 1;
    }
    let values = &values[..len];
    let mut total: i64 = 0;
    for (k, &v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|&n| n > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    // Only canonical numerals: writing the value back must give the same letters.
    let total = u32::try_from(total)
        .ok()
        .filter(|t| (1..4000).contains(t))?;
    let mut letters = [0u32; 16];
    (canonical(total, &mut letters) == Some(len) && letters[..len] == *values).then_some(total)
}

fn canonical(mut n: u32, out: &mut [u32; 16]) -> Option<usize> {
    const TABLE: [(u32, &[u32]); 13] = [
        (1000, &[1000]),
        (900, &[100, 1000]),
        (500, &[500]),
        (400, &[100, 500]),
        (100, &[100]),
        (90, &[10, 100]),
        (50, &[50]),
        (40, &[10, 50]),
        (10, &[10]),
        (9, &[1, 10]),
        (5, &[5]),
        (4, &[1, 5]),
        (1, &[1]),
    ];
    let mut len = 0;
    for (value, letters) in TABLE {
        while n >= value {
            for &l in letters {
                *out.get_mut(len)? = l;
                len += 1;
            }
            n -= value;
        }
    }
    Some(len)
}

/// True if token `i` is capitalized in the middle of a phrase (right after a word or a
/// number, no sentence starting there): a name ("8 Марта", "района Марта Иванова") rather
/// than a date word. After punctuation ("говорится: Сегодня") a capital is no sign.
pub fn capitalized_inside(doc: &Doc<'_>, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| {
        t.has(CAPITALIZED)
            && !doc.sentence_start(i)
            && i > 0
            && matches!(doc.kind(i - 1), Some(TokenKind::Word | TokenKind::Number))
    })
}

/// True if the tokens `start..end` are quoted as a name: a quote glued before the first
/// token, or glued after the last (газеты «Завтра», МИА «Россия сегодня»).
pub fn quoted(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let quote = |k: usize| doc.kind(k) == Some(TokenKind::Punct) && doc.is(k, "\"");
    let before = start > 0 && quote(start - 1) && doc.glued(start);
    let after = quote(end) && doc.tokens.get(end).is_some_and(|t| !t.has(SPACE_BEFORE));
    before || after
}

#[cfg(test)]
mod tests {
    use super::{parse_digits, roman};

    #[test]
    fn digits() {
        for (text, max, want) in [
            ("2024", 4, Some(2024)),
            ("07", 2, Some(7)),
            ("0", 1, Some(0)),
            ("2024", 3, None),
            ("", 4, None),
            ("1,5", 4, None),
            ("+12", 4, None),
            ("999999999", 12, Some(999_999_999)),
            ("1000000000", 12, None),
        ] {
            assert_eq!(parse_digits(text, max), want, "{text}");
        }
    }

    /// The readers of a token's bytes agree with those of its text.
    #[test]
    fn byte_readers_agree_with_text_readers() {
        let text = "XXI век, в 2024 году, 07 и 1,5 и 1234567890 млн, ХХ и IV-V, mix, civil, і, \
                    Ми-8, 3-й, 12:30, ёж, x.";
        crate::rules::with_doc(text, |doc| {
            for i in 0..=doc.tokens.len() {
                assert_eq!(super::roman_word(doc, i), roman(doc.text(i)), "{i}");
                for max in [2, 4, 12] {
                    let want = (doc.kind(i) == Some(crate::text::TokenKind::Number))
                        .then(|| parse_digits(doc.text(i), max).map(|v| (v, doc.text(i).len())))
                        .flatten();
                    assert_eq!(super::digits_at(doc, i, max), want, "{i}");
                }
            }
        });
    }

    /// A start token's preposition is what `prep_at` finds there, for every role; a month or
    /// clock word is found only where it says one may be.
    #[test]
    fn start_token_prepositions_are_prep_at() {
        use crate::lexicon::temporal::word_kind;
        let text = "С 1 по 10 марта, в течение года, в час, между 2010 и 2015 годами, до 2030 \
                    года, на 2024-2026 годы, к 15:00, после обеда, во вторник, в Москве, майских \
                    праздников, утром, в полдень, вечером 5 мая, в марте, от 5 до 7 дней, за \
                    2020 год, через час, со 2 мая по 2020 год, около 10 лет, в течении дня.";
        crate::rules::with_doc(text, |doc| {
            let mut found = 0;
            for i in 0..=doc.tokens.len() {
                let s = super::StartToken::at_token(doc, i);
                assert_eq!(s.is_v(), doc.is(i, "в"), "{i}");
                assert_eq!(s.is_na(), doc.is(i, "на"), "{i}");
                for roles in 1..=u8::MAX {
                    let want = super::prep_at(doc, i, roles);
                    found += usize::from(want.is_some());
                    assert_eq!(s.prep(doc, roles), want, "{i} {roles}");
                }
                if !s.may_be(word_kind::MONTH) {
                    assert_eq!(super::month_at(doc, i), None, "{i}");
                    assert_eq!(super::month_adjective_at(doc, i), None, "{i}");
                }
                if !s.may_be(word_kind::CLOCK) {
                    assert_eq!(super::clock_at(doc, i), None, "{i}");
                }
            }
            assert!(found > 1000, "{found}");
        });
    }

    /// The rules read from the start tokens alone find what they find read from every
    /// token (with every dash as one an interval may run through): a word that starts no
    /// time expression, and a weak start with no strong one after it, may be passed over.
    #[test]
    fn start_tokens_find_what_every_token_finds() {
        use crate::rules::Candidate;
        let text = "В 2019 году, в премьер-министр, с экс-кандидат, в ЧМ-2018 и Сочи-2014, на \
                    Олимпиаде-2016, «Мисс Россия-2017», в январе-марте 2025 года, с января-мая, \
                    в XIX-XX веках, xix-xx вв., в ми-8, на ту-154, в из-за, из-за 3 дней, в \
                    тма-12 и гелия-3, sts-124 в 10:00, по-прежнему в понедельник, в \
                    санкт-петербурге 5 мая, в 1985-1990 годах, с 1 по 10 марта, между 2010 и \
                    2015 годами, в ночь на 19 декабря, утром, в течение года, 2-3 года, \
                    сезона 1989-90, в кин-топ. С 9:00 до 18:00 - в рок-н-ролл, в IV-V веках, \
                    прошлым летом, в этом году, три дня назад, в 13 лет, ЧМ-18, ЧМ-20188, \
                    x-2018, 2018-2019, МИ-8 в 9 ч, в ii-iii, в январе-март, январь-февраль. \
                    В Москве 5 человек, в хорошо 5 дней, в тысячах 5 лет, в час ночи 5, в \
                    ночь на 5, с утра 5 мая, в xiv 5, в этом 5, на пятой 5 минуте, в МКС-2018 \
                    5, до Нового года 5, в Ту-154 3 раза, прошлом году 5.";
        crate::rules::with_doc(text, |doc| {
            let mut filtered: Vec<Candidate> = Vec::new();
            super::apply(doc, &mut filtered);
            let every: Vec<super::StartToken> = (0..doc.tokens.len())
                .map(|i| super::StartToken::at_token(doc, i))
                .collect();
            let last_dash = (0..doc.tokens.len()).rev().find(|&k| doc.is(k, "-"));
            let mut all: Vec<Candidate> = Vec::new();
            super::run_rules(doc, &every, last_dash, &mut all);
            assert_eq!(filtered, all);
            assert!(all.len() > 40, "{}", all.len());
        });
    }

    #[test]
    fn roman_numerals() {
        for (text, want) in [
            ("i", Some(1)),
            ("iv", Some(4)),
            ("xxi", Some(21)),
            ("xix", Some(19)),
            ("xviii", Some(18)),
            ("хх", Some(20)),
            ("mcmxc", Some(1990)),
            ("iiii", None),
            ("ic", None),
            ("vx", None),
            ("", None),
            ("mix", Some(1009)),
            ("civil", None),
        ] {
            assert_eq!(roman(text), want, "{text}");
        }
    }
}
