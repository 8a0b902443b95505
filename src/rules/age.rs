//! Ages: "30-летний", "тридцатилетняя", "6-месячный", "в возрасте 45 лет".

use super::amount::NumValue;
use super::{Candidate, Doc, start};
use crate::decimal::Decimal;
use crate::fact::{Amount, FactType, Value};
use crate::lexicon::{Meaning, NumberClass, kind};
use crate::text::TokenKind;

/// Proposes age facts.
#[inline(never)]
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    // Each rule is tried only where its first token can be (its word, its lexicon kind, a
    // glued hyphen after a number), as the document's start bits say.
    const AGE: u16 =
        start::NUMBER_HYPHEN | start::NA | start::V | start::AGE_SUFFIX | start::AGE_CUE;
    for (i, bits) in doc.starts() {
        if bits & AGE == 0 {
            continue;
        }
        if bits & start::NUMBER_HYPHEN != 0 {
            number_suffix(doc, i, out);
        }
        if bits & start::NA != 0 {
            year_of_life(doc, i, out);
        }
        if bits & start::AGE_SUFFIX != 0 {
            word_age(doc, i, doc.text(i), out);
        }
        if bits & start::V != 0 {
            in_age(doc, i, out);
        }
        if bits & start::AGE_CUE != 0 {
            cued_years(doc, i, out);
        }
    }
}

fn push(
    doc: &Doc<'_>,
    start: usize,
    end: usize,
    amount: Amount,
    rule: &'static str,
    out: &mut Vec<Candidate>,
) {
    // "30-летний контракт" is the length of a contract, not an age.
    if doc.kind(end) == Some(TokenKind::Word) && doc.lexicon.blocks_age(doc.text(end)) {
        return;
    }
    out.push(Candidate {
        start,
        end,
        kind: FactType::Age,
        value: Some(Value::Amount(amount)),
        rule,
    });
}

/// "30-летний": a number, a glued hyphen and a glued age adjective.
fn number_suffix(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    // "72-х летний": a case ending, then the adjective as its own word.
    let spaced = after_case_ending(doc, i + 1);
    let adjective = if spaced > i + 1 {
        spaced
    } else if doc.is(i + 1, "-") && doc.glued(i + 1) && doc.glued(i + 2) {
        i + 2
    } else {
        return;
    };
    let word = doc.text(adjective);
    let Some((unit, len)) = doc.lexicon.age_suffix(word) else {
        return;
    };
    if len != word.len() {
        return;
    }
    let Some(value) = Decimal::parse(doc.text(i)) else {
        return;
    };
    let amount = Amount {
        unit: Some(unit.to_string()),
        ..Amount::exact(value)
    };
    push(doc, i, adjective + 1, amount, "age.number_suffix", out);
}

/// The token after a number's glued case ending ("27-ми лет", "3-х лет", "72-х летний"),
/// or `k` itself when there is none.
fn after_case_ending(doc: &Doc<'_>, k: usize) -> usize {
    if doc.is(k, "-")
        && doc.glued(k)
        && doc.glued(k + 1)
        && matches!(doc.text(k + 1), "ми" | "х" | "ти" | "и" | "мя")
    {
        k + 2
    } else {
        k
    }
}

/// "тридцатилетний", "двухлетний": a number word's stem joined to an age adjective (`word`,
/// token `i`).
fn word_age(doc: &Doc<'_>, i: usize, word: &str, out: &mut Vec<Candidate>) {
    let Some((unit, len)) = doc.lexicon.age_suffix(word) else {
        return;
    };
    let stem = &word[..word.len() - len];
    if stem.is_empty() {
        return;
    }
    let value = doc.lexicon.lookup(stem).iter().find_map(|m| match m {
        Meaning::NumberWord {
            value,
            class: NumberClass::Unit | NumberClass::Teen | NumberClass::Ten | NumberClass::Hundred,
        } => Some(*value),
        _ => None,
    });
    let Some(value) = value else {
        return;
    };
    let amount = Amount {
        unit: Some(unit.to_string()),
        ..Amount::exact(value)
    };
    push(doc, i, i + 1, amount, "age.word", out);
}

/// "ему исполнился 61 год", "не младше 45 лет", "на 75-м году жизни": years after a cue.
fn cued_years(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let Some((inside, next)) = doc.meaning_of(i, kind::AGE_CUE, |m| match m {
        Meaning::AgeCue(inside) => Some(*inside),
        _ => None,
    }) else {
        return;
    };
    // The number follows within two words ("ему сейчас 23 года").
    for k in next..(next + 3).min(doc.tokens.len()) {
        if doc.sentence_start(k) {
            return;
        }
        let Some(m) = doc.measure(k) else {
            continue;
        };
        if m.start < k || matches!(m.single, Some(NumValue::Vague(_))) {
            continue;
        }
        let years = after_case_ending(doc, m.end);
        if !matches!(doc.text(years), "лет" | "год" | "года") {
            return;
        }
        let Some(mut amount) = m.amount(Decimal::from_int(1)) else {
            return;
        };
        amount.unit = Some("year".to_string());
        let start = if inside && k == next { i } else { m.start };
        push(doc, start, years + 1, amount, "age.cued_years", out);
        return;
    }
}

/// "на 69-м году жизни", "на 75 году жизни": the age is the ordinal year, as said.
fn year_of_life(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !doc.is(i, "на") || doc.kind(i + 1) != Some(TokenKind::Number) {
        return;
    }
    let Some(value) = Decimal::parse(doc.text(i + 1)) else {
        return;
    };
    // An optional ordinal ending: "69-м", "91-ом".
    let mut k = i + 2;
    if doc.is(k, "-") && doc.glued(k) && doc.glued(k + 1) {
        k += 2;
    }
    if !(doc.is(k, "году") && doc.is(k + 1, "жизни")) {
        return;
    }
    let amount = Amount {
        unit: Some("year".to_string()),
        ..Amount::exact(value)
    };
    push(doc, i, k + 1, amount, "age.year_of_life", out);
}

/// "в возрасте 45 лет", "в возрасте от 18 до 25 лет".
fn in_age(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !(doc.is(i, "в") && doc.is(i + 1, "возрасте")) {
        return;
    }
    let Some(m) = doc.measure(i + 2).or_else(|| doc.measure(i + 3)) else {
        return;
    };
    if m.start < i + 2 || matches!(m.single, Some(NumValue::Vague(_))) {
        return;
    }
    let unit_at = after_case_ending(doc, m.end);
    let unit = match doc.text(unit_at) {
        "лет" | "года" | "год" => "year",
        "месяцев" | "месяца" | "месяц" => "month",
        "дней" | "дня" | "день" => "day",
        _ => return,
    };
    let Some(mut amount) = m.amount(Decimal::from_int(1)) else {
        return;
    };
    amount.unit = Some(unit.to_string());
    push(doc, i, unit_at + 1, amount, "age.in_age", out);
}
