//! Durations: an amount of a time unit ("10 дней", "3,5 года", "полтора часа", "2 часа 15
//! минут"), a unit on its own after a preposition or qualifier ("в течение года", "около
//! минуты") or a word that is one ("полгода", "неделю"), ranges ("от трех до пяти лет",
//! "2–3 года"), with the governing preposition ("в течение", "на", "за", "на протяжении",
//! "к") and the qualifier ("более чем на 50 лет") in the span.
//!
//! Not durations: a year of a date ("в течение 2024 года"), an age ("ему 45 лет"), and
//! quarters and half years (dates more often than lengths).

use super::amount::{NumValue, qualifier_before};
use super::timex::{age_cue_before, prep_before, quoted, unit_at};
use super::{Candidate, Doc};
use crate::calendar::{IsoDuration, TimeUnit, field_unit};
use crate::decimal::Decimal;
use crate::fact::{Amount, FactType, Qualifier, Value};
use crate::lexicon::temporal::prep;
use crate::lexicon::{Meaning, NumberClass, kind};
use crate::text::TokenKind;

/// A length of time at some tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct Length {
    /// One past the last token.
    pub end: usize,
    /// The ISO 8601 duration (none for a vague amount).
    pub iso: Option<IsoDuration>,
    /// The amount in `unit` (for a compound, the total in its smallest unit when that is
    /// exact).
    pub value: Option<Decimal>,
    /// The unit of `value` (or of the vague amount).
    pub unit: Option<TimeUnit>,
    /// A vague amount's order of magnitude: "несколько дней" (1), "десятки лет" (10).
    pub order: Option<Decimal>,
    /// A unit on its own, without an amount ("в течение года").
    pub alone: bool,
    /// Several units ("2 часа 15 минут").
    pub compound: bool,
}

/// The number of an amount, if it is exact (a fraction counts by its value).
fn exact(v: NumValue) -> Option<Decimal> {
    match v {
        NumValue::Exact(d) | NumValue::Fraction(d, _, _) => Some(d),
        NumValue::Vague(_) => None,
    }
}

/// False if [`length_at`] finds no length at `i` (with units alone or not): each starts with
/// a number ([`Doc::measure`]), a number word ("несколько дней") or a unit word.
#[inline]
pub fn may_start_length(doc: &Doc<'_>, i: usize) -> bool {
    doc.has_measure(i)
        || doc.hits.get(i).copied().flatten().is_some_and(|hit| {
            // A longer form may hide the token's own unit (see `timex::word_at`).
            hit.end != i + 1
                || doc.lexicon.has_kind(hit, kind::NUMBER_WORD)
                || doc
                    .lexicon
                    .has_temporal_kind(hit, crate::lexicon::temporal::word_kind::UNIT)
        })
}

/// The length at `i`: an amount and its unit, then smaller units ("2 часа 15 минут", "1 год
/// и 3 месяца"); with `alone`, also a unit word on its own ("неделю", "год", "полгода").
pub fn length_at(doc: &Doc<'_>, i: usize, alone: bool) -> Option<Length> {
    if doc.blocked(i, FactType::Duration) {
        return None;
    }
    let vague = |order: Decimal, j: usize| {
        let (_, unit, end) = counted_unit(doc, j, Decimal::from_int(2))?;
        Some(Length {
            end,
            iso: None,
            value: None,
            unit: Some(unit),
            order: Some(order),
            alone: false,
            compound: false,
        })
    };
    let Some(a) = doc.amount(i) else {
        // "несколько дней": a few (the amount reader takes it only before a multiplier).
        if let Some(((), next)) = doc.meaning_of(i, kind::NUMBER_WORD, |m| match m {
            Meaning::NumberWord {
                class: NumberClass::Few,
                ..
            } => Some(()),
            _ => None,
        }) {
            return vague(Decimal::from_int(1), next);
        }
        if !alone {
            return None;
        }
        let u = unit_at(doc, i)?;
        if !(u.sense.one || u.sense.bare) || u.sense.date_only {
            return None;
        }
        return Some(Length {
            end: u.next,
            iso: Some(IsoDuration::of(u.sense.amount, u.sense.unit)?),
            value: Some(u.sense.amount),
            unit: Some(u.sense.unit),
            order: None,
            alone: true,
            compound: false,
        });
    };
    if let NumValue::Vague(order) = a.value {
        return vague(order, a.end);
    }
    let (value, after) = with_half(doc, exact(a.value)?, a.end);
    let (value, unit, mut end) = counted_unit(doc, after, value)?;
    let mut iso = IsoDuration::of(value, unit)?;
    let (mut total, mut total_unit) = (Some(value), Some(unit));
    let mut last = unit;
    let mut compound = false;
    // Smaller units after it: "2 часа 15 минут", "1 год и 3 месяца", "3 ч 40 мин".
    loop {
        let k = if doc.is(end, "и") { end + 1 } else { end };
        if doc.sentence_start(k) {
            break;
        }
        let Some(b) = doc.amount(k) else {
            break;
        };
        let Some((v, u, next)) = exact(b.value).and_then(|v| counted_unit(doc, b.end, v)) else {
            break;
        };
        if u >= last {
            break;
        }
        let Some(sum) = IsoDuration::of(v, u).and_then(|d| iso.plus(d)) else {
            break;
        };
        iso = sum;
        last = u;
        end = next;
        compound = true;
        (total, total_unit) = match iso.total() {
            Some((t, f)) => (Some(t), Some(field_unit(f))),
            None => (None, None),
        };
    }
    Some(Length {
        end,
        iso: Some(iso),
        value: total,
        unit: total_unit,
        order: None,
        alone: false,
        compound,
    })
}

/// "два с половиной года": a whole number and a half. Returns the amount and the token
/// after it.
fn with_half(doc: &Doc<'_>, value: Decimal, j: usize) -> (Decimal, usize) {
    let half = doc.is(j, "с")
        && !doc.sentence_start(j)
        && doc
            .meaning(j + 1, |m| match m {
                Meaning::NumberWord {
                    value,
                    class: NumberClass::Fraction,
                } if *value == Decimal::from_int(2) => Some(()),
                _ => None,
            })
            .is_some_and(|(_, end)| end == j + 2);
    match half
        .then(|| value.checked_add(Decimal::new(5, 1)?))
        .flatten()
    {
        Some(v) if value.is_integer() => (v, j + 2),
        _ => (value, j),
    }
}

/// The unit after an amount at `j`: the amount times what the word says, the unit, and the
/// token after it.
fn counted_unit(doc: &Doc<'_>, j: usize, amount: Decimal) -> Option<(Decimal, TimeUnit, usize)> {
    if doc.sentence_start(j) {
        return None;
    }
    let u = unit_at(doc, j)?;
    if u.sense.amount != Decimal::from_int(1) || u.sense.date_only {
        return None;
    }
    // "ч. 2 ст. 105": a part of an article, not hours ("2 ч 8 мин" is).
    if matches!(doc.text(j), "ч" | "ч.")
        && doc.kind(u.next) == Some(TokenKind::Number)
        && unit_at(doc, u.next + 1).is_none_or(|m| m.sense.unit != TimeUnit::Minute)
    {
        return None;
    }
    // "к 17 веку", "в XIX веке": a century of a date, not a count of centuries.
    if u.sense.unit == TimeUnit::Century
        && matches!(doc.text(j), "век" | "веку" | "веке" | "веком")
        && amount != Decimal::from_int(1)
    {
        return None;
    }
    // "2024 года" is the year of a date; "2024 лет" would count years.
    if u.sense.unit == TimeUnit::Year
        && !u.sense.count_only
        && amount.is_integer()
        && (1000..=2999).contains(&amount.to_i64().unwrap_or(0))
    {
        return None;
    }
    Some((amount, u.sense.unit, u.next))
}

/// Proposes duration facts.
pub fn apply(doc: &Doc<'_>, starts: &[super::timex::StartToken], out: &mut Vec<Candidate>) {
    for &super::timex::StartToken { i, .. } in starts {
        if let Some(c) = range_at(doc, i).or_else(|| single_at(doc, i)) {
            out.push(c);
        }
    }
}

/// Units that are lengths of time here (quarters and half years are dates more often).
fn is_length_unit(u: TimeUnit) -> bool {
    !matches!(u, TimeUnit::Quarter | TimeUnit::Half)
}

/// "10 дней", "3,5 года", "в течение года", "более чем на 50 лет", "полгода".
fn single_at(doc: &Doc<'_>, i: usize) -> Option<Candidate> {
    let length = doc.length(i)?;
    if !length.unit.is_none_or(is_length_unit) {
        return None;
    }
    let (qualifier, start, governed) = surroundings(doc, i);
    if length.alone {
        // A unit on its own needs a preposition or a qualifier, unless it is a word that
        // stands alone ("неделю", "полгода").
        let bare = unit_at(doc, i).is_some_and(|u| u.sense.bare);
        if !(bare || governed || qualifier.is_some()) {
            return None;
        }
    }
    if age_cue_before(doc, start)
        || quoted(doc, start, length.end)
        || (qualifier.is_none() && !governed && looks_like_age(doc, start, &length))
    {
        return None;
    }
    let rule = if length.alone {
        "duration.unit_alone"
    } else if length.order.is_some() {
        "duration.vague_amount"
    } else if length.compound {
        "duration.compound"
    } else {
        "duration.amount_unit"
    };
    let amount = Amount {
        value: length.value,
        unit: length.unit.map(|u| u.name().to_string()),
        iso: length.iso.as_ref().map(IsoDuration::iso),
        qualifier,
        approximate: length.order.is_some(),
        order: length.order,
        ..Amount::default()
    };
    Some(Candidate {
        start,
        end: length.end,
        kind: FactType::Duration,
        value: Some(Value::Amount(amount)),
        rule,
    })
}

/// True if "N лет" at `start` reads as someone's age rather than a length of time: "в 13
/// лет", "с 14 лет", "Кравцову 39 лет", "(51 год)" — a whole number of years after "в"
/// or "с", after a name or a word in the dative, or in brackets.
fn looks_like_age(doc: &Doc<'_>, start: usize, length: &Length) -> bool {
    if length.unit != Some(TimeUnit::Year) || length.compound || length.alone {
        return false;
    }
    let Some(b) = start.checked_sub(1) else {
        return false;
    };
    if doc.sentence_start(start) {
        return false;
    }
    let before = doc.text(b);
    let name = doc.kind(b) == Some(TokenKind::Word)
        && doc.tokens[b].has(crate::text::token::CAPITALIZED)
        && !doc.sentence_start(b);
    // A noun in the dative ("Кравцову"), not an adjective agreeing with the unit
    // ("эквивалентному 25 годам").
    let dative = doc.kind(b) == Some(TokenKind::Word)
        && before.chars().count() > 3
        && (before.ends_with('у') || before.ends_with('ю'))
        && !(before.ends_with("ому") || before.ends_with("ему"));
    matches!(before, "в" | "с" | "(") || name || dative
}

/// The qualifier and governing preposition before the duration whose amount starts at `i`:
/// "почти", "в течение почти", "более чем на". Returns the qualifier, the first token, and
/// whether a preposition governs it.
fn surroundings(doc: &Doc<'_>, i: usize) -> (Option<Qualifier>, usize, bool) {
    let mut start = i;
    let mut qualifier = None;
    if let Some((q, s)) = qualifier_before(doc, start) {
        qualifier = Some(q);
        start = s;
    }
    let mut governed = false;
    if let Some((_, s)) = prep_before(doc, start, prep::DURATION) {
        governed = true;
        start = s;
        if qualifier.is_none()
            && let Some((q, s)) = qualifier_before(doc, start)
        {
            qualifier = Some(q);
            start = s;
        }
    }
    (qualifier, start, governed)
}

/// "от трех до пяти лет", "2–3 года", "на 3–4 недели", "около 2–3 лет".
fn range_at(doc: &Doc<'_>, i: usize) -> Option<Candidate> {
    // Most starts have no measure: told before the lexicon form is looked at.
    if !doc.has_measure(i) {
        return None;
    }
    let number_word = || {
        doc.meaning_of(i, kind::NUMBER_WORD, |m| {
            matches!(m, Meaning::NumberWord { .. }).then_some(())
        })
        .is_some()
    };
    if doc.kind(i) != Some(TokenKind::Number) && !number_word() {
        return None;
    }
    let m = doc.measure(i)?;
    let (from, to) = m.range?;
    let (from, unit, end) = counted_unit(doc, m.end, from)?;
    if !is_length_unit(unit) {
        return None;
    }
    let factor = unit_at(doc, m.end).map_or(Decimal::from_int(1), |u| u.sense.amount);
    let to = to.checked_mul(factor)?;
    let (mut qualifier, mut start) = (m.qualifier, m.start);
    if qualifier.is_none() && start == i {
        let (q, s, _) = surroundings(doc, i);
        qualifier = q;
        start = s;
    }
    if age_cue_before(doc, start) {
        return None;
    }
    Some(Candidate {
        start,
        end,
        kind: FactType::Duration,
        value: Some(Value::Amount(Amount {
            from: Some(from),
            to: Some(to),
            unit: Some(unit.name().to_string()),
            qualifier,
            ..Amount::default()
        })),
        rule: "duration.range",
    })
}

#[cfg(test)]
mod tests {
    /// The first test of a length passes over only tokens where none is found.
    #[test]
    fn may_start_length_passes_over_only_tokens_without_one() {
        let text = "10 дней, 3,5 года, полтора часа, 2 часа 15 минут, в течение года, около \
                    минуты, полгода, неделю, несколько дней, десятки лет, от трех до пяти лет, \
                    2-3 года, более чем на 50 лет, 1 год и 3 месяца, 3 ч 40 мин, в час, \
                    двумя неделями ранее, спустя два года, миллион лет назад, в Москве.";
        crate::rules::with_doc(text, |doc| {
            let (mut passed, mut found) = (0, 0);
            for i in 0..=doc.tokens.len() {
                for alone in [false, true] {
                    let length = super::length_at(doc, i, alone);
                    found += usize::from(length.is_some());
                    if !super::may_start_length(doc, i) {
                        passed += 1;
                        assert_eq!(length, None, "{i} {:?}", doc.text(i));
                    }
                }
            }
            assert!(passed > 40 && found > 20, "{passed} {found}");
        });
    }
}
