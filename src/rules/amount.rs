//! Amounts: the building block of numbers, money, percentages, quantities and durations.
//!
//! A number is digits with an optional sign ("-2,5") or number words ("двадцать пять",
//! "полтора", "две трети"), with an optional multiplier ("2,5 млрд", "двадцать пять тысяч").
//! A measure is a number, a range ("от 10 до 20 млн", "10–20") or a vague amount ("сотни
//! тысяч"), with an optional qualifier before it ("более 80"). Rules for money, percent and
//! quantities put a currency, a percent sign or a unit after a measure.

use super::Doc;
use crate::decimal::Decimal;
use crate::fact::{Amount, Qualifier};
use crate::lexicon::{Meaning, NumberClass, kind};
use crate::text::TokenKind;

/// The value of a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumValue {
    /// An exact amount.
    Exact(Decimal),
    /// A fraction: its value rounded to 6 places, numerator and denominator.
    Fraction(Decimal, Decimal, Decimal),
    /// A vague amount of this order of magnitude ("сотни тысяч" → 100000).
    Vague(Decimal),
}

impl NumValue {
    /// The value, or the order of a vague amount.
    pub fn decimal(self) -> Decimal {
        match self {
            NumValue::Exact(d) | NumValue::Fraction(d, _, _) | NumValue::Vague(d) => d,
        }
    }

    fn scaled(self, factor: Decimal) -> Option<NumValue> {
        Some(match self {
            NumValue::Exact(d) => NumValue::Exact(d.checked_mul(factor)?),
            NumValue::Fraction(d, n, q) => {
                if factor == Decimal::from_int(1) {
                    NumValue::Fraction(d, n, q)
                } else {
                    // "треть миллиона" is an exact amount.
                    NumValue::Exact(exact_fraction(n, q, factor)?)
                }
            }
            NumValue::Vague(d) => NumValue::Vague(d.checked_mul(factor)?),
        })
    }
}

/// `numerator × factor / denominator` when it is a whole or short decimal, else rounded.
fn exact_fraction(numerator: Decimal, denominator: Decimal, factor: Decimal) -> Option<Decimal> {
    let n = numerator.checked_mul(factor)?.to_i64()?;
    let q = denominator.to_i64()?;
    Decimal::ratio(i128::from(n), i128::from(q), 6)
}

/// A number found at some tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParsedAmount {
    /// First token of the number.
    pub start: usize,
    /// One past the last token (number and multiplier).
    pub end: usize,
    /// The value, multiplier applied.
    pub value: NumValue,
    /// Spelled in words only (so "один" on its own can be told from "1").
    pub words: bool,
    /// A multiplier word was applied.
    pub multiplied: bool,
}

/// A measure: a number, range or vague amount, with its qualifier.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measure {
    /// First token (the qualifier or "от" when there is one).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The qualifier.
    pub qualifier: Option<Qualifier>,
    /// A single number (or vague amount).
    pub single: Option<NumValue>,
    /// A range: both ends, inclusive.
    pub range: Option<(Decimal, Decimal)>,
    /// Spelled in words only.
    pub words: bool,
}

impl Measure {
    /// The [`Amount`] of this measure with every number multiplied by `factor` (1 for most
    /// rules, 0.01 for kopecks).
    pub fn amount(&self, factor: Decimal) -> Option<Amount> {
        let mut a = Amount::default();
        self.write_amount(factor, &mut a)?;
        Some(a)
    }

    /// [`Measure::amount`] written into `a`, a default [`Amount`] (a candidate's own, in
    /// place: an amount is large, and each move of one is a copy); `None` as there, `a`
    /// then part written.
    pub fn write_amount(&self, factor: Decimal, a: &mut Amount) -> Option<()> {
        a.qualifier = self.qualifier;
        if let Some((from, to)) = self.range {
            a.from = Some(from.checked_mul(factor)?);
            a.to = Some(to.checked_mul(factor)?);
        }
        match self.single.map(|v| v.scaled(factor)) {
            Some(Some(NumValue::Exact(d))) => a.value = Some(d),
            Some(Some(NumValue::Fraction(d, n, q))) => {
                a.value = Some(d);
                a.kind = Some("fraction");
                a.numerator = Some(n);
                a.denominator = Some(q);
            }
            Some(Some(NumValue::Vague(order))) => {
                a.approximate = true;
                a.order = Some(order);
            }
            Some(None) => return None,
            None => {}
        }
        Some(())
    }
}

/// The number word at token `i`, if any.
fn number_word(doc: &Doc<'_>, i: usize) -> Option<((Decimal, NumberClass), usize)> {
    doc.meaning(i, |m| match m {
        Meaning::NumberWord { value, class } => Some((*value, *class)),
        _ => None,
    })
}

/// The number word of class `class` at token `i` ("трети" is both a fraction and a
/// denominator).
fn number_word_of(doc: &Doc<'_>, i: usize, class: NumberClass) -> Option<(Decimal, usize)> {
    doc.meaning(i, |m| match m {
        Meaning::NumberWord { value, class: c } if *c == class => Some(*value),
        _ => None,
    })
}

/// A multiplier word at token `i` and the token after it.
pub fn multiplier_at(doc: &Doc<'_>, i: usize) -> Option<(Decimal, usize)> {
    if doc.sentence_start(i) {
        return None;
    }
    doc.meaning(i, |m| match m {
        Meaning::Multiplier(f) => Some(*f),
        _ => None,
    })
}

/// False if no number can start at token `i`: it is neither digits, nor a sign, nor a
/// number word (most tokens). A cheap test before [`amount_at`].
pub fn may_start(doc: &Doc<'_>, i: usize) -> bool {
    match doc.kind(i) {
        Some(TokenKind::Number | TokenKind::NumberSeq) => true,
        Some(TokenKind::Punct) => doc.is(i, "-") || doc.is(i, "+"),
        Some(TokenKind::Word) => is_number_word(doc, i),
        None => false,
    }
}

/// True if token `i` starts a lexicon form that is a number word or a multiplier that is a
/// number on its own.
#[inline]
fn is_number_word(doc: &Doc<'_>, i: usize) -> bool {
    doc.hits.get(i).copied().flatten().is_some_and(|hit| {
        doc.lexicon
            .has_kind(hit, kind::NUMBER_WORD | kind::LONE_MULTIPLIER)
    })
}

/// The number (with multiplier) starting at token `i`, in digits or words.
pub fn amount_at(doc: &Doc<'_>, i: usize) -> Option<ParsedAmount> {
    match doc.kind(i)? {
        TokenKind::Number | TokenKind::Punct => digits_at(doc, i),
        TokenKind::Word => words_at(doc, i),
        TokenKind::NumberSeq => slash_fraction(doc, i),
    }
}

/// "2/3", "1/4": a fraction in digits (small numbers only; "24/11/2025" is a date).
fn slash_fraction(doc: &Doc<'_>, i: usize) -> Option<ParsedAmount> {
    let (n, q) = doc.text(i).split_once('/')?;
    if n.len() > 2 || q.len() > 2 || q.contains('/') {
        return None;
    }
    let (n, q) = (n.parse::<i64>().ok()?, q.parse::<i64>().ok()?);
    if n == 0 || q < 2 || n >= q {
        return None;
    }
    let value = Decimal::ratio(i128::from(n), i128::from(q), 6)?;
    Some(ParsedAmount {
        start: i,
        end: i + 1,
        value: NumValue::Fraction(value, Decimal::from_int(n), Decimal::from_int(q)),
        words: false,
        multiplied: false,
    })
}

/// Digits with an optional glued sign and multiplier: "1,1 млрд", "-5".
fn digits_at(doc: &Doc<'_>, i: usize) -> Option<ParsedAmount> {
    let (negative, num) = match doc.kind(i)? {
        TokenKind::Number => (false, i),
        TokenKind::Punct if (doc.is(i, "-") || doc.is(i, "+")) && doc.glued(i + 1) => {
            // A sign, not a range dash: nothing glued before it.
            if doc.kind(i + 1) != Some(TokenKind::Number) || (i > 0 && doc.glued(i)) {
                return None;
            }
            (doc.is(i, "-"), i + 1)
        }
        _ => return None,
    };
    // A number glued to a letter before it is part of a code ("COVID19" is one token, but
    // "Ту-154" gives "-" then "154" glued to a word).
    if num > 0 && doc.glued(num) && doc.kind(num - 1) == Some(TokenKind::Word) {
        return None;
    }
    let mut value = Decimal::parse(doc.text(num))?;
    if negative {
        value = value.checked_mul(Decimal::from_int(-1))?;
    }
    let mut end = num + 1;
    let mut multiplied = false;
    if let Some((factor, next)) = multiplier_at(doc, end) {
        value = value.checked_mul(factor)?;
        end = next;
        multiplied = true;
    }
    Some(ParsedAmount {
        start: i,
        end,
        value: NumValue::Exact(value),
        words: false,
        multiplied,
    })
}

/// Number words: "двадцать пять тысяч", "полтора миллиона", "две трети", "две целых три
/// десятых", "сотни тысяч", "несколько миллионов", "треть".
fn words_at(doc: &Doc<'_>, i: usize) -> Option<ParsedAmount> {
    // Every number word is a lexicon form: most words have no hit, or a hit of other
    // kinds, and stop here.
    if !is_number_word(doc, i) {
        return None;
    }
    if let Some((m, next, plural)) = lone_multiplier(doc, i) {
        // "миллион рублей" is a million; "миллиарды рублей" is of the order of billions,
        // unless a qualifier makes it a bound ("более тысячи").
        let vague = plural && qualifier_before(doc, i).is_none();
        if !vague && number_word(doc, next).is_some() {
            // "тысяча двести": smaller number words may follow (never another multiplier,
            // so this recursion is one level deep).
            if let Some(rest) = words_at(doc, next).filter(|_| !doc.sentence_start(next))
                && let NumValue::Exact(r) = rest.value
                && r < m
                && !rest.multiplied
            {
                return Some(ParsedAmount {
                    start: i,
                    end: rest.end,
                    value: NumValue::Exact(m.checked_add(r)?),
                    words: true,
                    multiplied: true,
                });
            }
        }
        let value = if vague {
            NumValue::Vague(m)
        } else {
            NumValue::Exact(m)
        };
        return Some(ParsedAmount {
            start: i,
            end: next,
            value,
            words: true,
            multiplied: true,
        });
    }
    let ((first_value, first_class), after_first) = number_word(doc, i)?;
    let done = |end: usize, value: NumValue, multiplied: bool| {
        Some(ParsedAmount {
            start: i,
            end,
            value,
            words: true,
            multiplied,
        })
    };
    match first_class {
        NumberClass::Fraction => {
            let one = Decimal::from_int(1);
            let v = NumValue::Fraction(fraction_value(one, first_value)?, one, first_value);
            return done(after_first, v, false);
        }
        NumberClass::Half => {
            let half = first_value;
            return match multiplier_at(doc, after_first) {
                Some((m, next)) => done(next, NumValue::Exact(half.checked_mul(m)?), true),
                None => done(after_first, NumValue::Exact(half), false),
            };
        }
        NumberClass::Vague | NumberClass::Few => {
            let (base, after_first) = match (
                first_class,
                number_word_of(doc, after_first, NumberClass::Vague),
            ) {
                // "несколько десятков (тысяч)".
                (NumberClass::Few, Some((order, next))) => (order, next),
                (NumberClass::Few, None) => (Decimal::from_int(1), after_first),
                _ => (first_value, after_first),
            };
            let first_class = if base == Decimal::from_int(1) {
                first_class
            } else {
                NumberClass::Vague
            };
            return match multiplier_at(doc, after_first) {
                Some((m, next)) => done(next, NumValue::Vague(base.checked_mul(m)?), true),
                None if first_class == NumberClass::Vague => {
                    done(after_first, NumValue::Vague(base), false)
                }
                None => None,
            };
        }
        NumberClass::Denominator | NumberClass::Whole => return None,
        _ => {}
    }
    // Cardinal words, grouped by multipliers: (сто двадцать пять) тысяч (триста).
    let mut total = Decimal::ZERO;
    let mut group = Decimal::ZERO;
    let mut seen: u8 = 0; // bits: 1 unit, 2 teen, 4 ten, 8 hundred
    let mut any_in_group = false;
    let mut multiplied = false;
    let mut last_multiplier: Option<Decimal> = None;
    let mut group_start = i;
    let mut j = i;
    let mut end = i;
    while j < doc.tokens.len() && (j == i || !doc.sentence_start(j)) {
        if any_in_group
            && total == Decimal::ZERO
            && let Some((q, next)) = number_word_of(doc, j, NumberClass::Denominator)
        {
            // "две трети", "три четверти".
            let v = NumValue::Fraction(fraction_value(group, q)?, group, q);
            return done(next, v, false);
        }
        if let Some(((v, class), next)) = number_word(doc, j) {
            let (bit, blocks) = match class {
                NumberClass::Unit => (1, 1 | 2),
                NumberClass::Teen => (2, 1 | 2 | 4),
                NumberClass::Ten => (4, 1 | 2 | 4),
                NumberClass::Hundred => (8, 1 | 2 | 4 | 8),
                NumberClass::Zero if j == i => (16, 0),
                NumberClass::Whole if any_in_group && total == Decimal::ZERO => {
                    return whole_and_fraction(doc, i, group, next);
                }
                _ => break,
            };
            if seen & blocks != 0 {
                break;
            }
            if !any_in_group {
                group_start = j;
            }
            seen |= bit;
            group = group.checked_add(v)?;
            any_in_group = true;
            j = next;
            end = next;
            continue;
        }
        if let Some((m, next)) = multiplier_at(doc, j) {
            // Multipliers decrease ("три миллиона двести тысяч"): a larger or equal one
            // ends the number, which also bounds the scan on "сто тысяч сто тысяч ...".
            if !any_in_group {
                break;
            }
            if last_multiplier.is_some_and(|l| m >= l) {
                // The group belongs to the next number: "сто тысяч | сто тысяч".
                group = Decimal::ZERO;
                end = group_start;
                break;
            }
            last_multiplier = Some(m);
            total = total.checked_add(group.checked_mul(m)?)?;
            group = Decimal::ZERO;
            seen = 0;
            any_in_group = false;
            multiplied = true;
            j = next;
            end = next;
            continue;
        }
        break;
    }
    if end == i {
        return None;
    }
    // "два с половиной миллиарда": a half joins the group before its multiplier.
    if any_in_group
        && doc.is(end, "с")
        && doc.is(end + 1, "половиной")
        && let Some((m, next)) = multiplier_at(doc, end + 2)
    {
        let half = Decimal::parse("0.5")?;
        let g = group.checked_add(half)?.checked_mul(m)?;
        return done(next, NumValue::Exact(total.checked_add(g)?), true);
    }
    done(end, NumValue::Exact(total.checked_add(group)?), multiplied)
}

/// A multiplier word with no number before it ("миллион", "тысячи"): its factor, the
/// token after it, and whether the form is plural.
fn lone_multiplier(doc: &Doc<'_>, i: usize) -> Option<(Decimal, usize, bool)> {
    if i > 0 && !doc.sentence_start(i) && matches!(doc.kind(i - 1), Some(TokenKind::Number)) {
        return None;
    }
    if i > 0 && number_word(doc, i - 1).is_some() {
        return None;
    }
    doc.meaning(i, |m| match m {
        Meaning::LoneMultiplier { factor, plural } => Some((*factor, *plural)),
        _ => None,
    })
    .map(|((f, p), next)| (f, next, p))
}

/// "две целых три десятых": the integer part is parsed, `next` is after "целых".
fn whole_and_fraction(
    doc: &Doc<'_>,
    start: usize,
    integer: Decimal,
    next: usize,
) -> Option<ParsedAmount> {
    let numerator = words_at(doc, next)?;
    let NumValue::Fraction(_, n, q) = numerator.value else {
        return None;
    };
    let fraction = Decimal::ratio(i128::from(n.to_i64()?), i128::from(q.to_i64()?), 6)?;
    Some(ParsedAmount {
        start,
        end: numerator.end,
        value: NumValue::Exact(integer.checked_add(fraction)?),
        words: true,
        multiplied: false,
    })
}

fn fraction_value(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    Decimal::ratio(
        i128::from(numerator.to_i64()?),
        i128::from(denominator.to_i64()?),
        6,
    )
}

/// A qualifier that ends right before token `i`: the qualifier and its first token.
pub fn qualifier_before(doc: &Doc<'_>, i: usize) -> Option<(Qualifier, usize)> {
    if doc.sentence_start(i) {
        return None;
    }
    // Qualifier phrases are at most three tokens long ("не менее чем"); the longest wins
    // ("не менее", not "менее").
    for back in (1..=3).rev() {
        let Some(s) = i.checked_sub(back) else {
            continue;
        };
        if let Some((q, end)) = doc.meaning(s, |m| match m {
            Meaning::Qualifier(q) => Some(*q),
            _ => None,
        }) && end == i
        {
            return Some((q, s));
        }
    }
    None
}

/// True for a range dash or hyphen.
fn is_dash(doc: &Doc<'_>, i: usize) -> bool {
    doc.is(i, "-") || doc.is(i, "...") || doc.is(i, "…")
}

/// The measure whose number starts at token `i`: the number, a range from it ("10–20",
/// "10-15 тыс."), and a qualifier or "от" before it.
pub fn measure_at(doc: &Doc<'_>, i: usize) -> Option<Measure> {
    measure_from(doc, i, amount_at(doc, i)?)
}

/// [`measure_at`] given the number at `i` ([`amount_at`]).
pub fn measure_from(doc: &Doc<'_>, i: usize, first: ParsedAmount) -> Option<Measure> {
    // "от 10 до 20 млн": "от" right before, "до" after.
    let ot = i > 0 && doc.is(i - 1, "от") && !doc.sentence_start(i);
    let mut measure = Measure {
        start: first.start,
        end: first.end,
        qualifier: None,
        single: Some(first.value),
        range: None,
        words: first.words,
    };
    let joins = (ot && doc.is(first.end, "до"))
        || (is_dash(doc, first.end) && !doc.sentence_start(first.end));
    let range_end = joins.then_some(first.end + 1);
    if let (Some(k), NumValue::Exact(a)) = (range_end, first.value)
        && let Some(second) = amount_at(doc, k).filter(|s| !doc.sentence_start(s.start))
        && let NumValue::Exact(b) = second.value
    {
        // "от 10 до 20 млн": the multiplier of the upper end applies to the lower
        // one when the lower one has none and is smaller before multiplying.
        let a = if !first.multiplied && second.multiplied {
            let factor = multiplier_factor(doc, second);
            match factor {
                Some(f) if a.checked_mul(f).is_some_and(|af| af <= b) => a.checked_mul(f)?,
                _ => a,
            }
        } else {
            a
        };
        if a <= b {
            measure.range = Some((a, b));
            measure.single = None;
            measure.end = second.end;
            measure.words = first.words && second.words;
            if ot {
                measure.start = i - 1;
            }
            return Some(measure);
        }
    }
    if ot {
        measure.start = i - 1;
        measure.qualifier = Some(Qualifier::AtLeast);
    } else if let Some((q, s)) = qualifier_before(doc, i) {
        measure.start = s;
        measure.qualifier = Some(q);
    }
    Some(measure)
}

/// The multiplier applied at the end of `amount`, if its last token is one.
fn multiplier_factor(doc: &Doc<'_>, amount: ParsedAmount) -> Option<Decimal> {
    // The multiplier form may span tokens ("тыс."): find the hit that ends at `end`.
    (amount.start..amount.end)
        .find_map(|k| multiplier_at(doc, k).and_then(|(f, next)| (next == amount.end).then_some(f)))
}

#[cfg(test)]
mod tests {
    use super::amount_at;
    use crate::rules::with_doc;

    /// The number the measure cache keeps is the one read at the token.
    #[test]
    fn cached_amount_is_read_amount() {
        let text = "Более 80 человек, от 10 до 20 млн рублей, -5 градусов, 2/3 доли, \
                    двадцать пять тысяч, полтора миллиона, несколько дней, 5 руб. 30 коп., \
                    10–15 тыс., сотни тысяч, в 2024 году в 15:30.";
        with_doc(text, |doc| {
            for i in 0..doc.tokens.len() + 2 {
                assert_eq!(doc.amount(i), amount_at(doc, i), "token {i}");
            }
        });
    }
}
