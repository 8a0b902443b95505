//! Ordinals: "3-й", "2012-го", "третьего", "двадцать пятый", "XXI век".

use super::{Candidate, Doc, start};
use crate::decimal::Decimal;
use crate::fact::{Amount, FactType, Value};
use crate::lexicon::{Meaning, NumberClass};
use crate::text::TokenKind;
use crate::text::token::{ALL_CAPS, CAPITALIZED, LATIN};

/// Endings written after a hyphen: "3-й", "5-го", "7-ю".
const SUFFIXES: &[&str] = &[
    "й", "я", "е", "го", "му", "м", "х", "ми", "ю", "ой", "ый", "ий", "ая", "ое", "ые", "ом", "ых",
    "ым", "ого",
];

/// Proposes ordinal facts.
#[inline(never)]
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    // Each rule is tried only where its first token can be (a glued hyphen after a
    // number, an ordinal or number word, a word in Latin capitals), as the document's
    // start bits say.
    for (i, bits) in doc.starts() {
        let try_digits = bits & start::NUMBER_HYPHEN != 0;
        let try_words = bits & start::ORDINAL_WORD != 0;
        let try_roman = bits & start::ROMAN != 0;
        if !(try_digits || try_words || try_roman) || doc.blocked(i, FactType::Ordinal) {
            continue;
        }
        if try_digits {
            digits_suffix(doc, i, out);
        }
        if try_words {
            words(doc, i, out);
        }
        if try_roman {
            roman_century(doc, i, out);
        }
    }
}

fn push(start: usize, end: usize, value: Decimal, rule: &'static str, out: &mut Vec<Candidate>) {
    out.push(Candidate {
        start,
        end,
        kind: FactType::Ordinal,
        value: Some(Value::Amount(Amount::exact(value))),
        rule,
    });
}

fn digits_suffix(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !(doc.is(i + 1, "-") && doc.glued(i + 1) && doc.glued(i + 2)) {
        return;
    }
    if !SUFFIXES.contains(&doc.text(i + 2)) {
        return;
    }
    if let Some(v) = Decimal::parse(doc.text(i)) {
        push(i, i + 3, v, "ordinal.digits_suffix", out);
    }
}

/// "третьего", "двадцать пятый", "тридцать первый": cardinal tens before an ordinal word.
fn words(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let ordinal = |k: usize| {
        doc.meaning(k, |m| match m {
            Meaning::OrdinalWord(v) => Some(*v),
            _ => None,
        })
    };
    if let Some((v, end)) = ordinal(i) {
        push(i, end, v, "ordinal.word", out);
        return;
    }
    // "двадцать пятый": a ten or hundred, then an ordinal below it.
    let Some(((tens, class), next)) = doc.meaning(i, |m| match m {
        Meaning::NumberWord { value, class } => Some((*value, *class)),
        _ => None,
    }) else {
        return;
    };
    if !matches!(class, NumberClass::Ten | NumberClass::Hundred) || doc.sentence_start(next) {
        return;
    }
    if let Some((v, end)) = ordinal(next)
        && v < tens
        && let Some(sum) = tens.checked_add(v)
    {
        push(i, end, sum, "ordinal.compound_words", out);
    }
}

/// "XXI век", "XIX веке": a Roman numeral before a form of "век".
fn roman_century(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !may_be_roman_century(&doc.tokens[i]) {
        return;
    }
    let Some(v) = roman(doc.text(i)) else {
        return;
    };
    let next = doc.text(i + 1);
    let value = Decimal::from_int(i64::from(v));
    if matches!(
        next,
        "век"
            | "века"
            | "веку"
            | "веком"
            | "веке"
            | "веков"
            | "векам"
            | "веках"
            | "столетие"
            | "столетия"
    ) {
        push(i, i + 2, value, "ordinal.roman_century", out);
    } else if next.starts_with("степен") || next.starts_with("созыв") || next.starts_with("съезд")
    {
        // "орден II степени", "Дума VII созыва".
        push(i, i + 1, value, "ordinal.roman_degree", out);
    } else if i > 0
        && !doc.sentence_start(i)
        && doc.tokens[i - 1].kind == TokenKind::Word
        && doc.tokens[i - 1].has(CAPITALIZED)
        && !doc.tokens[i - 1].has(LATIN)
        && doc.text(i).len() <= 4
    {
        // A regnal number after a name: "Кигели V", "Мутары III".
        push(i, i + 1, value, "ordinal.roman_regnal", out);
    }
}

/// True if token `t` may be a Roman numeral of [`roman_century`]: Latin, capitalized.
#[inline]
fn may_be_roman_century(t: &crate::text::Token) -> bool {
    t.has(LATIN) && (t.has(ALL_CAPS) || t.has(CAPITALIZED))
}

/// The value of a Roman numeral (lowercase, normalized), 1..=39 is what centuries need.
pub fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let digit = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|n| n > v) {
            total -= *v as i32;
        } else {
            total += *v as i32;
        }
    }
    (total > 0).then_some(total as u32)
}

#[cfg(test)]
mod tests {
    #[test]
    fn roman_numerals() {
        for (s, v) in [
            ("xxi", 21),
            ("xix", 19),
            ("xv", 15),
            ("iv", 4),
            ("xviii", 18),
        ] {
            assert_eq!(super::roman(s), Some(v), "{s}");
        }
        assert_eq!(super::roman("abc"), None);
    }
}
