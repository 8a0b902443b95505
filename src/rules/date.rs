//! Dates: absolute points ("24 ноября 2025 года", "24.11.2025", "в ноябре 2025 года",
//! "в 1974 году", "в 2020-х", "XXI века", "во II квартале 2024 года", "весной 2023 года"),
//! with their governing preposition ("с 2015 года" opens an interval, "до 2030 года" closes
//! one) and a part of the period ("в конце 2023 года" keeps the year).
//!
//! Relative dates are read by [`super::date_relative`], intervals by [`super::date_range`],
//! and values are made by [`super::date_value`].

use super::date_relative;
use super::date_value::{self, DateExpr, Grain, Point, Role, YearSpec};
use super::timex::{
    StartToken, capitalized_inside, digits_at, may_start_with, measure_word_at, month_adjective_at,
    month_at, ordinal_word_at, parse_digits, part_at, quoted, relative_at, roman_at, season_at,
    suffix_at, unit_at, unit_word_at, weekday_at, year_word_at,
};
use super::{Candidate, Doc};
use crate::calendar::TimeUnit;
use crate::decimal::Decimal;
use crate::fact::{FactType, Value};
use crate::lexicon::kind;
use crate::lexicon::temporal::{PeriodPart, Relative, case, prep, word_kind};
use crate::text::TokenKind;

/// A date expression found at tokens up to `end`, and the rule that read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// What it means.
    pub expr: DateExpr,
    /// One past its last token.
    pub end: usize,
    /// The rule's name.
    pub rule: &'static str,
}

impl Found {
    fn point(p: Point, end: usize, rule: &'static str) -> Option<Found> {
        p.valid().then_some(Found {
            expr: DateExpr::Point(p),
            end,
            rule,
        })
    }
}

/// The longer of two findings (the first when they end together).
#[inline]
pub fn longer(mut a: Option<Found>, b: Option<Found>) -> Option<Found> {
    keep_longer(&mut a, b);
    a
}

/// [`longer`] in place: `b` replaces `a` if it ends later (or `a` is none). A found date
/// is large: this spares moving the one kept.
#[inline]
pub fn keep_longer(a: &mut Option<Found>, b: Option<Found>) {
    if let Some(b) = b
        && a.as_ref().is_none_or(|a| b.end > a.end)
    {
        *a = Some(b);
    }
}

/// Proposes date facts: every expression with and without its preposition (the resolver
/// keeps the longer).
pub fn apply(doc: &Doc<'_>, starts: &[StartToken], out: &mut Vec<Candidate>) {
    // The token after a preposition is read with and without it at once (most readings
    // don't depend on it); the reading without waits here for its own start.
    let mut read_ahead: Option<(usize, Option<Found>)> = None;
    for s in starts {
        let i = s.i;
        let own = match read_ahead.take() {
            Some((at, found)) if at == i => Some(found),
            other => {
                read_ahead = other;
                None
            }
        };
        if let Some((bits, next)) = s.prep(doc, prep::DATE | prep::FROM | prep::TO)
            && !doc.sentence_start(next)
        {
            let mut both = Both {
                with: None,
                without: None,
                prep_bits: bits,
            };
            governed_into(doc, next, &mut both);
            if let Some(found) = both.with {
                push(doc, i, found, role(bits), out);
            }
            read_ahead = Some((next, both.without));
        }
        if let Some(found) = own.unwrap_or_else(|| governed_at(doc, i, 0)) {
            push(doc, i, found, Role::Value, out);
        }
        if s.may_be(word_kind::MONTH)
            && let Some(found) = month_adjective(doc, i)
        {
            push(doc, i, found, Role::Value, out);
        }
        if let Some(found) = glued_year(doc, i) {
            push(doc, i, found, Role::Value, out);
        }
    }
}

/// "майских праздников", "в декабрьском номере": an adjective of a month is a date in that
/// month. Never capitalized: "Октябрьский район", "Октябрьская революция" are names.
fn month_adjective(doc: &Doc<'_>, i: usize) -> Option<Found> {
    if doc.tokens[i].has(crate::text::token::CAPITALIZED) {
        return None;
    }
    let (month, next) = month_adjective_at(doc, i)?;
    Found::point(
        Point::Month { year: None, month },
        next,
        "date.month_adjective",
    )
}

/// "ЧМ-2018", "Сочи-2014", "Олимпиаде-2016", «Мисс Россия-2017»: the year of an event glued
/// to its name by a hyphen (one token). The fact is the token; its value is the year.
fn glued_year(doc: &Doc<'_>, i: usize) -> Option<Found> {
    // Only a hyphenated word has a hyphen in it.
    if doc.kind(i)? != TokenKind::Word || !doc.tokens[i].has(crate::text::token::HYPHENATED) {
        return None;
    }
    let (name, digits) = doc.text(i).rsplit_once('-')?;
    if digits.len() != 4 || name.chars().count() < 2 || !name.chars().all(char::is_alphabetic) {
        return None;
    }
    let y = parse_digits(digits, 4)?;
    if !(1900..=2050).contains(&y) {
        return None;
    }
    let end = year_word_at(doc, i + 1).unwrap_or(i + 1);
    Found::point(
        Point::Year(YearSpec::Abs(i32::try_from(y).ok()?)),
        end,
        "date.glued_year",
    )
}

/// What a preposition makes of the date after it.
pub fn role(bits: u8) -> Role {
    if bits & prep::FROM != 0 {
        Role::From
    } else if bits & prep::TO != 0 {
        Role::To
    } else {
        Role::Value
    }
}

fn push(doc: &Doc<'_>, start: usize, found: Found, role: Role, out: &mut Vec<Candidate>) {
    out.push(Candidate {
        start,
        end: found.end,
        kind: FactType::Date,
        value: Some(Value::Time(date_value::value(
            found.expr,
            role,
            doc.reference,
        ))),
        rule: found.rule,
    });
}

/// The date expression at `i` after a preposition with bits `prep_bits` (0: none),
/// possibly a part of a period ("конце 2023 года", "первой половине 2024 года").
pub fn governed_at(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
    if !may_start_governed(doc, i) {
        return None;
    }
    governed_reading(doc, i, prep_bits)
}

/// [`governed_at`] into `keep`.
fn governed_into<K: Keep>(doc: &Doc<'_>, i: usize, keep: &mut K) {
    if !may_start_governed(doc, i) {
        return;
    }
    if may_start_point(doc, i) {
        point_into(doc, i, keep);
    }
    date_relative::relative_into(doc, i, keep);
    keep.same_either_way(part_of_period(doc, i));
}

/// Where the readings at a token go, in order (the first of the longest is kept).
pub(super) trait Keep {
    /// A reading that is the same with or without a preposition before the token.
    fn same_either_way(&mut self, found: Option<Found>);
    /// A reading that depends on the preposition: `read(prep_bits)`.
    fn depends_on_prep(&mut self, read: impl Fn(u8) -> Option<Found>);
}

/// The longest reading after a preposition with bits `prep_bits` (0: none).
pub(super) struct One {
    pub best: Option<Found>,
    pub prep_bits: u8,
}

impl Keep for One {
    #[inline]
    fn same_either_way(&mut self, found: Option<Found>) {
        keep_longer(&mut self.best, found);
    }
    #[inline]
    fn depends_on_prep(&mut self, read: impl Fn(u8) -> Option<Found>) {
        keep_longer(&mut self.best, read(self.prep_bits));
    }
}

/// The longest reading with a preposition of bits `prep_bits` and without one, both read
/// at once: a reading the same in both is read once.
struct Both {
    with: Option<Found>,
    without: Option<Found>,
    prep_bits: u8,
}

impl Keep for Both {
    // Called once per reading, most of which find nothing: not a call each.
    #[inline(always)]
    fn same_either_way(&mut self, found: Option<Found>) {
        if let Some(found) = found {
            keep_longer(&mut self.without, Some(found.clone()));
            keep_longer(&mut self.with, Some(found));
        }
    }
    #[inline]
    fn depends_on_prep(&mut self, read: impl Fn(u8) -> Option<Found>) {
        keep_longer(&mut self.with, read(self.prep_bits));
        keep_longer(&mut self.without, read(0));
    }
}

/// False if no [`governed_at`] reading can start at `i`: each starts with digits, a Roman
/// numeral, or a word of these kinds: an ordinal or number word, a month, season, weekday,
/// unit, relative word, or part of a period.
#[inline]
fn may_start_governed(doc: &Doc<'_>, i: usize) -> bool {
    let temporal = word_kind::MONTH
        | word_kind::SEASON
        | word_kind::WEEKDAY
        | word_kind::UNIT
        | word_kind::RELATIVE
        | word_kind::PART;
    let kinds = kind::ORDINAL_WORD | kind::NUMBER_WORD | kind::LONE_MULTIPLIER;
    may_start_with(doc, i, kinds, temporal)
}

/// [`governed_at`] past its first test.
fn governed_reading(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
    longer(expr_at(doc, i, prep_bits), part_of_period(doc, i))
}

/// The longest date expression, absolute or relative, at `i`.
pub fn expr_at(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
    longer(
        point_at(doc, i, prep_bits),
        date_relative::relative_at(doc, i, prep_bits),
    )
}

/// "в начале 2024 года", "в конце октября", "к середине века", "в первой половине 2024
/// года": the value and grain of the period itself; a bare unit ("в конце месяца") is the
/// current one.
fn part_of_period(doc: &Doc<'_>, i: usize) -> Option<Found> {
    // "первой половине": the first or second half.
    if let Some((n @ 1..=2, next)) = ordinal_word_at(doc, i)
        && let Some((PeriodPart::Half, after)) = part_at(doc, next)
        && !doc.sentence_start(after)
    {
        let inner = expr_at(doc, after, prep::DATE)?;
        let expr = match inner.expr {
            DateExpr::Point(Point::Year(y)) => DateExpr::Point(Point::Half { year: Some(y), n }),
            other => other,
        };
        return Some(Found {
            expr,
            end: inner.end,
            rule: "date.half_of_period",
        });
    }
    let (part, next) = part_at(doc, i)?;
    if part == PeriodPart::Half || doc.sentence_start(next) {
        return None;
    }
    if let Some(inner) = expr_at(doc, next, prep::DATE) {
        return Some(Found {
            rule: "date.period_part",
            ..inner
        });
    }
    // "в конце месяца", "в начале года": the current unit.
    let u = unit_at(doc, next)
        .filter(|u| u.sense.amount == Decimal::from_int(1) && !u.sense.count_only)?;
    let (grain, letter, months) = match u.sense.unit {
        TimeUnit::Week => (Grain::Week, 'W', 0),
        TimeUnit::Month => (Grain::Month, 'M', 0),
        TimeUnit::Quarter => (Grain::Quarter, 'M', 0),
        TimeUnit::Year => (Grain::Year, 'Y', 0),
        TimeUnit::Decade => (Grain::Decade, 'Y', 0),
        TimeUnit::Century => (Grain::Century, 'Y', 0),
        _ => return None,
    };
    Some(Found {
        expr: DateExpr::Shift {
            months,
            days: 0,
            grain,
            relative: format!("P0{letter}"),
        },
        end: u.next,
        rule: "date.period_part",
    })
}

/// The longest absolute date at `i`.
pub fn point_at(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
    if !may_start_point(doc, i) {
        return None;
    }
    point_reading(doc, i, prep_bits)
}

/// False if no [`point_at`] reading can start at `i`: each starts with digits, a Roman
/// numeral, an ordinal word, a month, a season or a weekday.
#[inline]
pub(super) fn may_start_point(doc: &Doc<'_>, i: usize) -> bool {
    let temporal = word_kind::MONTH | word_kind::SEASON | word_kind::WEEKDAY;
    may_start_with(doc, i, kind::ORDINAL_WORD, temporal)
}

/// [`point_at`] past its first test.
fn point_reading(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
    let mut one = One {
        best: None,
        prep_bits,
    };
    point_into(doc, i, &mut one);
    one.best
}

/// The readings of [`point_at`] past its first test, into `keep`.
fn point_into<K: Keep>(doc: &Doc<'_>, i: usize, keep: &mut K) {
    // One after the other, not an array of them: a found date is large, and moving eight
    // of them showed in profiles. Each kind of token tries only the readings that can start
    // with it (the others find nothing there: a number has no lexicon hit, a word no
    // digits), in the same order, so the same one wins.
    match doc.kind(i) {
        None => {}
        Some(TokenKind::NumberSeq) => keep.same_either_way(numeric(doc, i)),
        Some(TokenKind::Number) => {
            // The digits and the suffix after them, read once for all the readings.
            let digits = digits_at(doc, i, 4);
            let suffix = suffix_at(doc, i + 1);
            // A day, century, quarter or half needs a month or unit word right after one or
            // two digits (the year and decade readings need three or four digits or a
            // suffix; no reading takes five or more): with no lexicon form there, none is read.
            if suffix.is_none()
                && digits.is_none_or(|(_, n)| n <= 2)
                && doc.hits.get(i + 1).is_none_or(Option::is_none)
            {
                return;
            }
            keep.same_either_way(day_month_of(doc, digits.and_then(|d| day_of(d, suffix, i))));
            keep.depends_on_prep(|bits| digits.and_then(|d| year_of(doc, i, d, suffix, bits)));
            keep.same_either_way(digits.and_then(|d| decade_of(doc, d, suffix)));
            // A number has no lexicon hit, so no ordinal word: only its digits.
            let number = digits.and_then(|d| digits_number(d, suffix, i));
            keep.same_either_way(century(doc, number));
            keep.depends_on_prep(|bits| quarter_or_half(doc, number, bits));
        }
        Some(TokenKind::Word | TokenKind::Punct) => {
            // Not digits: the ordinal word is what the decade and the number read.
            let ordinal_word = ordinal_word_at(doc, i);
            keep.depends_on_prep(|bits| month_year(doc, i, bits));
            keep.depends_on_prep(|bits| decade_word(doc, i, ordinal_word, bits));
            let number = roman_at(doc, i)
                .or(ordinal_word)
                .map(|(value, next)| OrdinalNumber::word(value, next));
            keep.same_either_way(century(doc, number));
            keep.depends_on_prep(|bits| quarter_or_half(doc, number, bits));
            keep.depends_on_prep(|bits| season(doc, i, bits));
            keep.same_either_way(weekday_date(doc, i));
        }
    }
}

/// "24.11.2025", "24/11/2025", "2025-11-24" (and "05.06.2025 г."): day first, ISO year first.
pub fn numeric(doc: &Doc<'_>, i: usize) -> Option<Found> {
    if doc.kind(i)? != TokenKind::NumberSeq {
        return None;
    }
    // "znak.com/2016-06-30/..." is a path.
    if (i > 0 && doc.glued(i) && doc.is(i - 1, "/")) || (doc.is(i + 1, "/") && doc.glued(i + 1)) {
        return None;
    }
    let p = parse_numeric(doc.text(i))?;
    let end = year_word_at(doc, i + 1).unwrap_or(i + 1);
    Found::point(p, end, "date.numeric")
}

/// The day of a numeric date: `DD.MM.YYYY`, `DD/MM/YYYY` or `YYYY-MM-DD`.
fn parse_numeric(text: &str) -> Option<Point> {
    let sep = if text.contains('-') {
        '-'
    } else if text.contains('/') {
        '/'
    } else {
        '.'
    };
    let mut parts = text.split(sep);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let num = |s: &str, lens: &[usize]| -> Option<u32> {
        (lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = if sep == '-' {
        (num(a, &[4])?, num(b, &[2])?, num(c, &[2])?)
    } else {
        (num(c, &[4])?, num(b, &[1, 2])?, num(a, &[1, 2])?)
    };
    Some(Point::Day {
        year: Some(YearSpec::Abs(i32::try_from(year).ok()?)),
        month,
        day,
    })
}

/// A month word at `j` inside an expression: in the same sentence, not a capitalized name.
fn month_inside(doc: &Doc<'_>, j: usize) -> Option<(u32, u8, usize)> {
    if doc.sentence_start(j) || capitalized_inside(doc, j) {
        return None;
    }
    month_at(doc, j)
}

/// A day number at `i` ("24", "1-го"): the day and the token after it.
pub fn day_number(doc: &Doc<'_>, i: usize) -> Option<(u32, usize)> {
    let digits = digits_at(doc, i, 2)?;
    day_of(digits, suffix_at(doc, i + 1), i)
}

/// [`day_number`] given the number at `i` (value, digits: [`digits_at`]) and the suffix
/// after it ([`suffix_at`]).
fn day_of(
    (day, digits): (u32, usize),
    suffix: Option<(&str, usize)>,
    i: usize,
) -> Option<(u32, usize)> {
    if digits > 2 {
        return None;
    }
    match suffix {
        Some(("го" | "е" | "ое", next)) => Some((day, next)),
        Some(_) => None,
        None => Some((day, i + 1)),
    }
}

/// "24 ноября 2025 года", "1-го марта 2022 года", "24 ноября", "1 января прошлого года".
pub fn day_month(doc: &Doc<'_>, i: usize) -> Option<Found> {
    day_month_of(doc, day_number(doc, i))
}

/// [`day_month`] given the day number at its start ([`day_number`]).
fn day_month_of(doc: &Doc<'_>, day: Option<(u32, usize)>) -> Option<Found> {
    let (day, j) = day?;
    let (month, cases, next) = month_inside(doc, j)?;
    if cases & case::GEN == 0 {
        return None;
    }
    match year_spec_at(doc, next) {
        Some((y, end)) => Found::point(
            Point::Day {
                year: Some(y),
                month,
                day,
            },
            end,
            "date.day_month_year",
        ),
        None => Found::point(
            Point::Day {
                year: None,
                month,
                day,
            },
            next,
            "date.day_month",
        ),
    }
}

/// "ноябрь 2025", "в ноябре 2025 года", "в декабре прошлого года"; a month alone after a
/// preposition ("в марте", "с января", "до сентября").
pub fn month_year(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
    if capitalized_inside(doc, i) {
        return None;
    }
    let (month, cases, next) = month_at(doc, i)?;
    if let Some((y, end)) = year_spec_at(doc, next) {
        return Found::point(
            Point::Month {
                year: Some(y),
                month,
            },
            end,
            "date.month_year",
        );
    }
    if prep_bits != 0 && cases & !case::NOM != 0 && !quoted(doc, i, next) {
        return Found::point(Point::Month { year: None, month }, next, "date.month");
    }
    None
}

/// The year after a month, a day or a season: digits with or without a year word
/// ("2025", "2025 года", "2021 г.") or a relative year ("прошлого года").
pub fn year_spec_at(doc: &Doc<'_>, j: usize) -> Option<(YearSpec, usize)> {
    if doc.sentence_start(j) {
        return None;
    }
    if let Some((y, digits)) = digits_at(doc, j, 4) {
        if digits < 3 {
            return None;
        }
        let y = i32::try_from(y).ok()?;
        if let Some(end) = year_word_at(doc, j + 1) {
            return Some((YearSpec::Abs(y), end));
        }
        if digits == 4 && !measure_word_at(doc, j + 1) && !doc.is(j + 1, "-") {
            return Some((YearSpec::Abs(y), j + 1));
        }
        return None;
    }
    let (Relative::Shift(k), next) = relative_at(doc, j)? else {
        return None;
    };
    let end = unit_word_at(doc, next, TimeUnit::Year)?;
    Some((YearSpec::Rel(k), end))
}

/// "в 1974 году", "1974 г.", "2020 год", "в 2014-м", "в 988 году" (three digits only after
/// a preposition); after a preposition also a year alone before punctuation ("в 2019,").
pub fn year(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
    let digits = digits_at(doc, i, 4)?;
    year_of(doc, i, digits, suffix_at(doc, i + 1), prep_bits)
}

/// [`year`] given the number at `i` (value, digits: [`digits_at`]) and the suffix after it
/// ([`suffix_at`]).
fn year_of(
    doc: &Doc<'_>,
    i: usize,
    (y, digits): (u32, usize),
    suffix: Option<(&str, usize)>,
    prep_bits: u8,
) -> Option<Found> {
    if digits < 3 || (digits == 3 && prep_bits == 0) {
        return None;
    }
    let point = Point::Year(YearSpec::Abs(i32::try_from(y).ok()?));
    let mut j = i + 1;
    let mut suffixed = false;
    if let Some((suffix, next)) = suffix {
        // "в 2014-м"; "на 102-м году жизни" is an age.
        if !matches!(suffix, "м" | "го" | "й" | "му" | "ом") || digits != 4 {
            return None;
        }
        j = next;
        suffixed = true;
    }
    if let Some(end) = year_word_at(doc, j) {
        return Found::point(point, end, "date.year");
    }
    if prep_bits != 0 && digits == 4 {
        if suffixed {
            return Found::point(point, j, "date.year");
        }
        // "в 2019,", "В 1983 окончил МГИМО": a year alone after a preposition, before
        // punctuation or a verb in the past tense.
        // Also a verb in the future or a pronoun that begins a clause ("в 2017 возглавит",
        // "а в 2002 он встал").
        let verb_follows = doc.kind(j) == Some(TokenKind::Word)
            && !doc.sentence_start(j)
            && !measure_word_at(doc, j)
            && (super::date_relative::tense_of(doc.text(j)) != 0
                || CLAUSE_WORDS.contains(&doc.text(j)));
        if (1800..=2100).contains(&y) && (ends_phrase(doc, j) || verb_follows) {
            return Found::point(point, j, "date.bare_year");
        }
    }
    // "в 1958, 1962 и 1970 годах": a year in a list that ends with a year word.
    if !suffixed && digits == 4 {
        let mut k = j;
        while matches!(doc.text(k), "," | "и" | "или")
            && !doc.sentence_start(k + 1)
            && digits_at(doc, k + 1, 4).is_some()
        {
            k += 2;
        }
        if k > j && year_word_at(doc, k).is_some() {
            return Found::point(point, j, "date.year_list");
        }
    }
    if prep_bits == 0 && digits == 4 && !suffixed && lone_year(doc, i, y) {
        return Found::point(point, j, "date.lone_year");
    }
    None
}

/// Words that begin a clause after a year said with a preposition alone ("в 1999 это было").
const CLAUSE_WORDS: [&str; 17] = [
    "он",
    "она",
    "оно",
    "они",
    "это",
    "его",
    "ее",
    "их",
    "после",
    "уже",
    "также",
    "же",
    "был",
    "была",
    "было",
    "были",
    "впервые",
];

/// A four-digit number 1800–2100 standing alone is a year: "(1994)", "(2002, 2004)",
/// "Кубке конфедераций 2017.", "(? — 1944)". Nothing counted may follow it (a unit, a
/// currency, a counted noun, or any lowercase word: "2000 жителей"), no qualifier, sign or
/// identifier prefix may precede it ("более 2000", "№ 2017"), and it is no part of a
/// range of numbers ("с 1850 до 1990 тонн") or a code ("52289-2019").
fn lone_year(doc: &Doc<'_>, i: usize, y: u32) -> bool {
    if !(1800..=2100).contains(&y) {
        return false;
    }
    let j = i + 1;
    let next_ok = match doc.kind(j) {
        None => true,
        _ if doc.sentence_start(j) => true,
        Some(TokenKind::Punct) => {
            matches!(doc.text(j), "," | "." | ";" | ":" | ")" | "!" | "?" | "\"")
                || (doc.is(j, "-") && !doc.glued(j))
        }
        Some(TokenKind::Word) => {
            doc.tokens[j].has(crate::text::token::CAPITALIZED) && !measure_word_at(doc, j)
        }
        _ => false,
    };
    if !next_ok || measure_word_at(doc, j) {
        return false;
    }
    // A glued neighbour makes a code or a decimal: "52289-2019", "2019/20".
    if doc.glued(i) && i > 0 && !doc.is(i - 1, "(") && !doc.is(i - 1, "\"") {
        return false;
    }
    if i > 0 {
        if matches!(
            doc.kind(i - 1),
            Some(TokenKind::Number | TokenKind::NumberSeq)
        ) {
            return false;
        }
        if super::amount::qualifier_before(doc, i).is_some() {
            return false;
        }
        let prefix = (1..=2).any(|back| {
            i.checked_sub(back).is_some_and(|b| {
                doc.meaning(b, |m| {
                    matches!(m, crate::lexicon::Meaning::IdentifierPrefix).then_some(())
                })
                .is_some_and(|(_, end)| end == i)
            })
        });
        if prefix {
            return false;
        }
    }
    true
}

/// True if nothing that could be counted follows token `j - 1`: the end of the text, or
/// punctuation that closes a phrase.
fn ends_phrase(doc: &Doc<'_>, j: usize) -> bool {
    match doc.kind(j) {
        None => true,
        Some(TokenKind::Punct) => {
            matches!(doc.text(j), "," | "." | ";" | ":" | "(" | ")" | "!" | "?" | "\"")
                // "В 1976 — поступил во ВГИК": a dash with space before it.
                || (doc.is(j, "-") && !doc.glued(j))
        }
        _ => false,
    }
}

/// "в 2020-х", "в 1990-е годы", "90-х годов", "в девяностые годы".
pub fn decade(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
    match digits_at(doc, i, 4) {
        Some(digits) => decade_of(doc, digits, suffix_at(doc, i + 1)),
        None => decade_word(doc, i, ordinal_word_at(doc, i), prep_bits),
    }
}

/// [`decade`] in digits, given the number (value, digits: [`digits_at`]) and the suffix
/// after it ([`suffix_at`]).
fn decade_of(
    doc: &Doc<'_>,
    (n, digits): (u32, usize),
    suffix: Option<(&str, usize)>,
) -> Option<Found> {
    let (suffix, mut j) = suffix?;
    if !matches!(suffix, "х" | "е" | "ые" | "ых" | "ым" | "ми" | "ыми") || n % 10 != 0
    {
        return None;
    }
    let first = match digits {
        4 => n,
        2 if n >= 20 => 1900 + n,
        2 => 2000 + n,
        _ => return None,
    };
    if let Some(end) = year_word_at(doc, j) {
        j = end;
    } else if digits == 2 && !ends_phrase(doc, j) {
        // "на 40-е место" is an ordinal.
        return None;
    }
    Found::point(Point::Decade(i32::try_from(first).ok()?), j, "date.decade")
}

/// [`decade`] in words at `i`, given its ordinal word ([`ordinal_word_at`]): "девяностые
/// годы", "в восьмидесятых", a plural ordinal of tens.
fn decade_word(
    doc: &Doc<'_>,
    i: usize,
    ordinal_word: Option<(u32, usize)>,
    prep_bits: u8,
) -> Option<Found> {
    let (n, next) = ordinal_word?;
    let text = doc.text(i);
    if !(20..=90).contains(&n) || n % 10 != 0 || !(text.ends_with("ые") || text.ends_with("ых"))
    {
        return None;
    }
    let first = i32::try_from(1900 + n).ok()?;
    match year_word_at(doc, next) {
        Some(end) => Found::point(Point::Decade(first), end, "date.decade"),
        None if prep_bits != 0 => Found::point(Point::Decade(first), next, "date.decade"),
        None => None,
    }
}

/// The number of a century, quarter or half: a Roman numeral, one or two digits (with a
/// suffix: "1-м"), or an ordinal word.
#[derive(Clone, Copy, Debug, PartialEq)]
struct OrdinalNumber {
    /// Its value.
    value: u32,
    /// How many digits it is written with (0: a numeral or a word).
    digits: usize,
    /// Written in digits without a suffix ("17 века").
    bare_digits: bool,
    /// The token after it.
    next: usize,
}

/// The number of a century, quarter or half at `i`.
#[cfg(test)]
fn ordinal_number_at(doc: &Doc<'_>, i: usize) -> Option<OrdinalNumber> {
    let word = |(value, next)| OrdinalNumber::word(value, next);
    if let Some(found) = roman_at(doc, i) {
        return Some(word(found));
    }
    if let Some(digits) = digits_at(doc, i, 2) {
        return digits_number(digits, suffix_at(doc, i + 1), i);
    }
    // A number token has no lexicon hit: only words get here.
    ordinal_word_at(doc, i).map(word)
}

impl OrdinalNumber {
    /// A number written as a numeral or a word, ending before `next`.
    fn word(value: u32, next: usize) -> OrdinalNumber {
        OrdinalNumber {
            value,
            digits: 0,
            bare_digits: false,
            next,
        }
    }
}

/// The number of a century, quarter or half in digits at `i`, given them (value, digits:
/// [`digits_at`]; two at most) and the suffix after them ([`suffix_at`]).
fn digits_number(
    (value, digits): (u32, usize),
    suffix: Option<(&str, usize)>,
    i: usize,
) -> Option<OrdinalNumber> {
    if digits > 2 {
        return None;
    }
    let (bare_digits, next) = match suffix {
        Some((_, next)) => (false, next),
        None => (true, i + 1),
    };
    Some(OrdinalNumber {
        value,
        digits,
        bare_digits,
        next,
    })
}

/// "XXI века", "в XIX веке", "к 17 веку", "двадцатого века", "XX в.", given the number
/// at `i` ([`ordinal_number_at`]).
fn century(doc: &Doc<'_>, number: Option<OrdinalNumber>) -> Option<Found> {
    let OrdinalNumber {
        value: n,
        bare_digits,
        next: j,
        ..
    } = number?;
    if !(1..=21).contains(&n) || doc.sentence_start(j) {
        return None;
    }
    let end = unit_word_at(doc, j, TimeUnit::Century)?;
    // "2 века", "5 веков" count centuries: a duration, not a date.
    if bare_digits {
        let counted = match doc.text(j) {
            "веков" | "столетий" => true,
            "века" | "столетия" => {
                (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100))
            }
            _ => false,
        };
        if counted {
            return None;
        }
    }
    Found::point(Point::Century(i32::try_from(n).ok()?), end, "date.century")
}

/// "во II квартале 2024 года", "в 1-м квартале 2023 г.", "в первом полугодии 2024 года";
/// without a year after a preposition ("во втором квартале"); given the number at the
/// start ([`ordinal_number_at`]), one digit at most.
fn quarter_or_half(doc: &Doc<'_>, number: Option<OrdinalNumber>, prep_bits: u8) -> Option<Found> {
    let OrdinalNumber {
        value: n, next: j, ..
    } = number.filter(|n| n.digits <= 1)?;
    if doc.sentence_start(j) {
        return None;
    }
    let u = unit_at(doc, j).filter(|u| u.sense.amount == Decimal::from_int(1))?;
    let year = year_spec_at(doc, u.next);
    if year.is_none() && prep_bits == 0 {
        return None;
    }
    let end = year.map_or(u.next, |(_, e)| e);
    let year = year.map(|(y, _)| y);
    match u.sense.unit {
        TimeUnit::Quarter => Found::point(Point::Quarter { year, n }, end, "date.quarter"),
        TimeUnit::Half => Found::point(Point::Half { year, n }, end, "date.half"),
        _ => None,
    }
}

/// "весной 2023 года", "зимой 2021–2022 годов" (the winter that begins in 2021), "летом",
/// "до весны".
pub fn season(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
    if capitalized_inside(doc, i) {
        return None;
    }
    let (season, cases, next) = season_at(doc, i)?;
    if !doc.sentence_start(next)
        && let Some((y, 4)) = digits_at(doc, next, 4)
        && doc.is(next + 1, "-")
        && digits_at(doc, next + 2, 4).is_some_and(|(y2, _)| y2 == y + 1)
        && let Some(end) = year_word_at(doc, next + 3)
    {
        let year = Some(YearSpec::Abs(i32::try_from(y).ok()?));
        return Found::point(Point::Season { year, season }, end, "date.season_year");
    }
    if let Some((y, end)) = year_spec_at(doc, next) {
        return Found::point(
            Point::Season {
                year: Some(y),
                season,
            },
            end,
            "date.season_year",
        );
    }
    if (cases & case::INS != 0 || (prep_bits != 0 && cases & !case::NOM != 0))
        && !quoted(doc, i, next)
    {
        return Found::point(Point::Season { year: None, season }, next, "date.season");
    }
    None
}

/// "во вторник, 24 февраля", "в среду, 24 февраля 2021 года": the date gives the value.
pub fn weekday_date(doc: &Doc<'_>, i: usize) -> Option<Found> {
    if capitalized_inside(doc, i) {
        return None;
    }
    let (_, _, mut j) = weekday_at(doc, i)?;
    if doc.is(j, ",") {
        j += 1;
    }
    if doc.sentence_start(j) {
        return None;
    }
    let date = longer(day_month(doc, j), numeric(doc, j))?;
    Some(Found {
        rule: "date.weekday_date",
        ..date
    })
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    /// `point_at` reads each kind of token with the readings that can start there, sharing
    /// what they read: it must find what trying every reading in turn finds.
    #[test]
    fn point_at_finds_what_every_reading_finds() {
        use super::*;
        fn every_reading(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
            let mut best = numeric(doc, i);
            best = longer(best, day_month(doc, i));
            best = longer(best, month_year(doc, i, prep_bits));
            best = longer(best, year(doc, i, prep_bits));
            best = longer(best, decade(doc, i, prep_bits));
            let number = ordinal_number_at(doc, i);
            best = longer(best, century(doc, number));
            best = longer(best, quarter_or_half(doc, number, prep_bits));
            best = longer(best, season(doc, i, prep_bits));
            longer(best, weekday_date(doc, i))
        }
        let text = "С 1-го марта 2022 года по 10 марта, 24.11.2025 и 2025-11-24, в ноябре 2025 \
                    года, в 1974 году, в 988 году, в 2014-м, на 102-м году, в 2020-х, в 1990-е \
                    годы, 90-х годов, на 40-е место, в девяностые годы, в восьмидесятых, XXI \
                    века, в XIX веке, к 17 веку, 2 века, 5 веков, двадцатого века, XX в., во II \
                    квартале 2024 года, в 1-м квартале 2023 г., в первом полугодии, весной 2023 \
                    года, зимой 2021-2022 годов, летом, до весны, во вторник, 24 февраля, в \
                    среду, 24 февраля 2021 года. В 2019, в 1983 окончил, 12345 и 1,5 и 07 мая, \
                    3 ч, (1994), № 2017, 2000 жителей, в 1958, 1962 и 1970 годах; 12-14 \
                    сентября; XIX-XX вв.; 1-е место, 21-й век, ми-8, 3-го, 15-го числа, 5 человек, \
                    в 3 раза, 7 лет, 12 и 13 мая, 123456 лет, 2 квартал.";
        super::super::with_doc(text, |doc| {
            let mut found = 0;
            for i in 0..=doc.tokens.len() {
                for bits in [0, prep::DATE, prep::FROM, prep::THROUGH] {
                    let want = every_reading(doc, i, bits);
                    found += usize::from(want.is_some());
                    assert_eq!(point_at(doc, i, bits), want, "{i} {:?}", doc.text(i));
                }
            }
            assert!(found > 100, "{found}");
        });
    }

    /// The first tests of `point_at` and `governed_at` pass over only tokens where their
    /// readings find nothing.
    #[test]
    fn first_tests_pass_over_only_tokens_without_a_date() {
        use super::*;
        let text = "С 1-го марта 2022 года по 10 марта, 24.11.2025, в ноябре 2025 года, в 2020-х, \
                    в девяностые годы, XXI века, во II квартале, в первом полугодии 2024 года, \
                    весной 2023 года, летом, во вторник, 24 февраля. Вчера и сегодня, в прошлом \
                    году, на следующей неделе, три дня назад, через два года, через неделю, \
                    в понедельник, в минувшее воскресенье, этой весной, в том же году, в \
                    последние годы, на днях, до Нового года, двумя неделями ранее, годом позже, \
                    спустя несколько дней, в следующем мае, в конце 2023 года, в начале месяца, \
                    к середине века, в первой половине 2024 года, в течение года, полгода, \
                    миллион лет назад, в час, IV, хх, ЧМ-2018, 5 руб., (1994).";
        super::super::with_doc(text, |doc| {
            let (mut passed, mut found) = (0, 0);
            for i in 0..=doc.tokens.len() {
                for bits in [0, prep::DATE, prep::FROM] {
                    let point = point_reading(doc, i, bits);
                    let governed = governed_reading(doc, i, bits);
                    found += usize::from(governed.is_some());
                    if !may_start_point(doc, i) {
                        passed += 1;
                        assert_eq!(point, None, "{i} {:?}", doc.text(i));
                    }
                    if !may_start_governed(doc, i) {
                        assert_eq!(governed, None, "{i} {:?}", doc.text(i));
                    }
                }
            }
            assert!(passed > 100 && found > 50, "{passed} {found}");
        });
    }

    /// Reading a token with and without a preposition at once finds what reading it twice
    /// finds.
    #[test]
    fn both_readings_at_once_are_the_two_readings() {
        use super::*;
        let text = "С 1-го марта 2022 года по 10 марта, 24.11.2025, в ноябре 2025 года, в 2020-х, \
                    в девяностые годы, XXI века, во II квартале, в первом полугодии 2024 года, \
                    весной 2023 года, летом, во вторник, 24 февраля. Вчера и сегодня, в прошлом \
                    году, до 1990, в 988 году, с 2015, в марте, до весны, в 3 квартале, в \
                    понедельник, в минувшее воскресенье, этой весной, в том же году, в среду и \
                    четверг, в последние годы, до Нового года, двумя неделями ранее, в конце \
                    2023 года, в начале месяца, к середине века, в 1990-е, по пятницам.";
        super::super::with_doc(text, |doc| {
            let mut found = 0;
            for i in 0..=doc.tokens.len() {
                for prep_bits in [prep::DATE, prep::FROM, prep::TO] {
                    let mut both = Both {
                        with: None,
                        without: None,
                        prep_bits,
                    };
                    governed_into(doc, i, &mut both);
                    found += usize::from(both.with.is_some());
                    let want = (governed_at(doc, i, prep_bits), governed_at(doc, i, 0));
                    assert_eq!((both.with, both.without), want, "{i} {:?}", doc.text(i));
                }
            }
            assert!(found > 50, "{found}");
        });
    }

    #[test]
    fn centuries_quarters_and_halves() {
        let extractor = Extractor::builder().build().unwrap();
        let text = "В XXI веке и в 17 веке, 5 веков назад. Во II квартале 2024 года и в 1-м \
                    квартале 2023 г., в первом полугодии 2024 года, в 12 квартале 2024 года.";
        let got: Vec<(&str, &str)> = extractor
            .extract(text)
            .iter()
            .filter(|f| f.rule.starts_with("date.") && f.rule != "date.ago")
            .map(|f| (&text[f.start..f.end], f.rule))
            .collect();
        assert_eq!(
            got,
            [
                ("В XXI веке", "date.century"),
                ("в 17 веке", "date.century"),
                ("Во II квартале 2024 года", "date.quarter"),
                ("в 1-м квартале 2023 г.", "date.quarter"),
                ("в первом полугодии 2024 года", "date.half"),
                ("2024 года", "date.year"),
            ]
        );
    }
}
