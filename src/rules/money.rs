//! Money: a measure with a currency before it ("$1,1 млрд", "USD 5 млн", "около $2 млрд")
//! or after it ("900 млн долларов", "5 тыс. руб.", "от 3 до 5 тыс. рублей"), with the
//! minor unit folded in ("5 руб. 30 коп." is 5.3 RUB).

use super::amount::{NumValue, qualifier_before};
use super::{Candidate, Doc, start};
use crate::decimal::Decimal;
use crate::fact::{FactType, Qualifier, Value};
use crate::lexicon::Meaning;

/// A currency at token `i`: code, factor to the main unit, may-be-prefix, next token.
fn currency_at<'a>(doc: &Doc<'a>, i: usize) -> Option<(&'a str, Decimal, bool, usize)> {
    let (hit, meanings) = doc.hit(i)?;
    meanings.iter().find_map(|m| match m {
        Meaning::Currency {
            code,
            factor,
            prefix,
        } => Some((&**code, *factor, *prefix, hit.end)),
        _ => None,
    })
}

/// Proposes money facts.
#[inline(never)]
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    // Only a currency or a measure starts money: the tokens whose start bits say so.
    for (i, bits) in doc.starts() {
        if bits & start::CURRENCY != 0 {
            currency_then_amount(doc, i, out);
        }
        if bits & start::MEASURE != 0 {
            amount_then_currency(doc, i, out);
        }
    }
}

/// "$1,1 млрд", "€3 млн", "USD 5 млн", "около $2 млрд".
fn currency_then_amount(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let Some((code, factor, true, next)) = currency_at(doc, i) else {
        return;
    };
    if doc.sentence_start(next) {
        return;
    }
    let Some(m) = doc.measure(next) else {
        return;
    };
    // A qualifier inside ("$ более 5") is odd; one before the currency is usual.
    if m.start != next {
        return;
    }
    let Some(mut amount) = m.amount(factor) else {
        return;
    };
    let mut start = i;
    if i > 0 && doc.is(i - 1, "от") && !doc.sentence_start(i) {
        amount.qualifier = Some(Qualifier::AtLeast);
        start = i - 1;
    } else if let Some((q, s)) = qualifier_before(doc, i) {
        amount.qualifier = Some(q);
        start = s;
    }
    amount.currency = Some(code.to_string());
    out.push(Candidate {
        start,
        end: m.end,
        kind: FactType::Money,
        value: Some(Value::Amount(amount)),
        rule: "money.currency_amount",
    });
}

/// "900 млн долларов", "5 тыс. руб.", "100$", "5 руб. 30 коп.".
fn amount_then_currency(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let Some(m) = doc.measure(i) else {
        return;
    };
    if doc.sentence_start(m.end) {
        return;
    }
    let Some((code, factor, _, next)) = currency_at(doc, m.end) else {
        return;
    };
    let Some(mut amount) = m.amount(factor) else {
        return;
    };
    let mut end = next;
    let mut rule = "money.amount_currency";
    // A main unit followed by its minor unit: "5 руб. 30 коп.".
    if let (Some(NumValue::Exact(_)), Some(main)) = (m.single, amount.value)
        && factor == Decimal::from_int(1)
        && let Some(minor) = doc.amount(next)
        && let (NumValue::Exact(mv), Some((mcode, mfactor, _, after))) =
            (minor.value, currency_at(doc, minor.end))
        && mcode == code
        && mfactor < Decimal::from_int(1)
        && let Some(total) = mv.checked_mul(mfactor).and_then(|x| main.checked_add(x))
    {
        amount.value = Some(total);
        end = after;
        rule = "money.main_and_minor_units";
    }
    amount.currency = Some(code.to_string());
    out.push(Candidate {
        start: m.start,
        end,
        kind: FactType::Money,
        value: Some(Value::Amount(amount)),
        rule,
    });
}
