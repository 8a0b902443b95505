//! Numbers on their own: digits or words, with multipliers, fractions, ranges, vague
//! amounts and qualifiers ("2,5 млн", "двадцать пять тысяч", "треть", "от 10 до 20",
//! "сотни тысяч", "более 300").

use super::amount::{Measure, NumValue};
use super::{Candidate, Doc};
use crate::decimal::Decimal;
use crate::fact::{Amount, FactType, Value};
use crate::lexicon::Meaning;
use crate::text::TokenKind;
use crate::text::token::LATIN;

/// Proposes number facts.
#[inline(never)]
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for m in doc.measures() {
        if is_lone_one(m) {
            continue;
        }
        if is_identifier(doc, m) {
            // "№ 432", "статье 200.2": a number that names is an ordinal (NEREL's reading).
            if let (true, Some(NumValue::Exact(v))) = (after_identifier_prefix(doc, m), m.single) {
                out.push(Candidate {
                    start: m.start,
                    end: m.end,
                    kind: FactType::Ordinal,
                    value: Some(Value::Amount(crate::fact::Amount::exact(v))),
                    rule: "ordinal.identifier",
                });
            }
            continue;
        }
        // The amount is written into the candidate once pushed: made apart and moved in,
        // it was copied three times.
        out.push(Candidate {
            start: m.start,
            end: m.end,
            kind: FactType::Number,
            value: Some(Value::Amount(Amount::default())),
            rule: rule_name(m),
        });
        let written = match out.last_mut() {
            Some(Candidate {
                value: Some(Value::Amount(amount)),
                ..
            }) => m.write_amount(Decimal::from_int(1), amount),
            _ => None,
        };
        if written.is_none() {
            out.pop();
        }
    }
}

/// A number that names something: "5G", "«1С»", "Boeing 737", "S&P 500", "ст. 228".
fn is_identifier(doc: &Doc<'_>, m: &Measure) -> bool {
    let glued_word_after =
        doc.glued(m.end) && doc.kind(m.end) == Some(TokenKind::Word) && !known_word(doc, m.end);
    let before = m.start.checked_sub(1);
    let latin_before = before.is_some_and(|b| {
        !doc.sentence_start(m.start)
            && doc.tokens[b].kind == TokenKind::Word
            && doc.tokens[b].has(LATIN)
            && !known_word(doc, b)
    });
    glued_word_after || latin_before || after_identifier_prefix(doc, m)
}

/// True if "№", "ст.", "статьи" ... stands right before the number.
pub(crate) fn after_identifier_prefix(doc: &Doc<'_>, m: &Measure) -> bool {
    (1..=2).any(|back| {
        m.start.checked_sub(back).is_some_and(|b| {
            doc.meaning(b, |mn| {
                matches!(mn, Meaning::IdentifierPrefix).then_some(())
            })
            .is_some_and(|(_, end)| end == m.start)
        })
    })
}

/// True if a lexicon form other than a word of time expressions starts at token `i` (a
/// preposition "с" glued to "1" still makes "«1С»" a name).
fn known_word(doc: &Doc<'_>, i: usize) -> bool {
    doc.hit(i)
        .is_some_and(|(_, meanings)| meanings.iter().any(|m| !matches!(m, Meaning::Temporal(_))))
}

/// "один", "одна" on their own are mostly "one of", not a count.
fn is_lone_one(m: &Measure) -> bool {
    m.words && m.qualifier.is_none() && m.single == Some(NumValue::Exact(Decimal::from_int(1)))
}

fn rule_name(m: &Measure) -> &'static str {
    match (m.range.is_some(), m.single, m.words) {
        (true, _, _) => "number.range",
        (_, Some(NumValue::Fraction(..)), _) => "number.fraction",
        (_, Some(NumValue::Vague(_)), _) => "number.vague",
        (_, _, true) => "number.words",
        _ => "number.digits",
    }
}
