//! Money: an amount with a currency before it ("$1,1 млрд", "USD 5 млн") or after it
//! ("900 млн долларов", "5 тыс. руб.", "5 руб. 30 коп.").

use super::amount::{ParsedAmount, amount_at, qualifier_before};
use super::{Candidate, Doc};
use crate::decimal::Decimal;
use crate::fact::{Amount, FactType, Value};
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
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for i in 0..doc.tokens.len() {
        prefix_currency(doc, i, out);
        amount_currency(doc, i, out);
    }
}

fn push(
    doc: &Doc<'_>,
    start: usize,
    end: usize,
    value: Decimal,
    code: &str,
    rule: &'static str,
    out: &mut Vec<Candidate>,
) {
    let (qualifier, start) = match qualifier_before(doc, start) {
        Some((q, s)) => (Some(q), s),
        None => (None, start),
    };
    out.push(Candidate {
        start,
        end,
        kind: FactType::Money,
        value: Value::Amount(Amount {
            qualifier,
            currency: Some(code.to_string()),
            ..Amount::exact(value)
        }),
        rule,
    });
}

/// "$1,1 млрд", "€3 млн", "USD 5 млн".
fn prefix_currency(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let Some((code, factor, true, next)) = currency_at(doc, i) else {
        return;
    };
    if doc.sentence_start(next) {
        return;
    }
    let Some(ParsedAmount { end, value, .. }) = amount_at(doc, next) else {
        return;
    };
    let Some(value) = value.checked_mul(factor) else {
        return;
    };
    push(doc, i, end, value, code, "money.currency_amount", out);
}

/// "900 млн долларов", "5 тыс. руб.", "100$", "5 руб. 30 коп.".
fn amount_currency(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let Some(amount) = amount_at(doc, i) else {
        return;
    };
    if doc.sentence_start(amount.end) {
        return;
    }
    let Some((code, factor, _, next)) = currency_at(doc, amount.end) else {
        return;
    };
    let Some(mut value) = amount.value.checked_mul(factor) else {
        return;
    };
    let mut end = next;
    let mut rule = "money.amount_currency";
    // A main unit followed by its minor unit: "5 руб. 30 коп.", "$5 и 30 центов" is rare.
    if factor == Decimal::from_int(1) {
        if let Some(minor) = amount_at(doc, next) {
            if let Some((minor_code, minor_factor, _, after)) = currency_at(doc, minor.end) {
                if minor_code == code && minor_factor < Decimal::from_int(1) {
                    if let Some(total) = minor
                        .value
                        .checked_mul(minor_factor)
                        .and_then(|m| value.checked_add(m))
                    {
                        value = total;
                        end = after;
                        rule = "money.main_and_minor_units";
                    }
                }
            }
        }
    }
    push(doc, amount.start, end, value, code, rule, out);
}
