//! Quantities: a measure with a unit ("410 тыс. тонн", "150 кв. км", "12 тыс. тонн в год")
//! or a counted noun ("20 видов", "300 человек"), and the noun phrase that names what is
//! measured ("755 млн тонн вольфрамовой руды" → object "вольфрамовой руды").

use super::amount::{Measure, NumValue};
use super::{Candidate, Doc};
use crate::decimal::Decimal;
use crate::fact::{FactType, Value};
use crate::lexicon::Meaning;
use crate::text::TokenKind;
use crate::text::token::CAPITALIZED;

/// Proposes quantity facts.
#[inline(never)]
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for m in doc.measures() {
        if doc.sentence_start(m.end) {
            continue;
        }
        if let Some(((symbol, dimension), next)) = doc.meaning(m.end, |mn| match mn {
            Meaning::Unit { symbol, dimension } => Some((symbol.clone(), dimension.clone())),
            _ => None,
        }) {
            with_unit(doc, m, &symbol, &dimension, next, out);
        } else if let Some((lemma, next)) = doc.meaning(m.end, |mn| match mn {
            Meaning::CountNoun(lemma) => Some(lemma.clone()),
            _ => None,
        }) {
            // "частью 7 статьи 84": a number after "частью", "№" names, it counts nothing.
            if matches!(m.single, Some(NumValue::Fraction(..)))
                || super::number::after_identifier_prefix(doc, m)
            {
                continue;
            }
            push(
                doc,
                m,
                m.start,
                next,
                lemma.to_string(),
                "count",
                None,
                "quantity.count",
                out,
            );
        }
    }
}

fn with_unit(
    doc: &Doc<'_>,
    m: &Measure,
    symbol: &str,
    dimension: &str,
    next: usize,
    out: &mut Vec<Candidate>,
) {
    let mut unit = symbol.to_string();
    let mut end = next;
    let unit_text = doc.original_text(m.end, next).to_string();
    if !doc.sentence_start(next)
        && let Some((per, after)) = doc.meaning(next, |mn| match mn {
            Meaning::Rate(per) => Some(per.clone()),
            _ => None,
        })
    {
        unit = format!("{symbol}/{per}");
        end = after;
    }
    // "минус 5 градусов".
    let mut start = m.start;
    let mut negate = false;
    if dimension == "temperature" && m.start > 0 && doc.is(m.start - 1, "минус") {
        start = m.start - 1;
        negate = true;
    }
    let rule = if end > next {
        "quantity.unit_rate"
    } else {
        "quantity.unit"
    };
    push(
        doc,
        m,
        start,
        end,
        unit,
        dimension,
        Some((unit_text, negate)),
        rule,
        out,
    );
}

#[allow(clippy::too_many_arguments)]
fn push(
    doc: &Doc<'_>,
    m: &Measure,
    start: usize,
    end: usize,
    unit: String,
    dimension: &str,
    unit_text: Option<(String, bool)>,
    rule: &'static str,
    out: &mut Vec<Candidate>,
) {
    let negate = unit_text.as_ref().is_some_and(|u| u.1);
    let factor = if negate {
        Decimal::from_int(-1)
    } else {
        Decimal::from_int(1)
    };
    let Some(mut amount) = m.amount(factor) else {
        return;
    };
    amount.unit = Some(unit);
    amount.unit_text = unit_text.map(|u| u.0);
    amount.dimension = Some(dimension.to_string());
    amount.object = object_after(doc, end);
    out.push(Candidate {
        start,
        end,
        kind: FactType::Quantity,
        value: Some(Value::Amount(amount)),
        rule,
    });
}

/// The noun phrase in the genitive right after a quantity ("тонн вольфрамовой руды"), up to
/// three words; verbs, prepositions and names end it.
fn object_after(doc: &Doc<'_>, k: usize) -> Option<String> {
    let mut end = k;
    while end < doc.tokens.len() && end < k + 3 {
        let t = doc.tokens[end];
        if t.kind != TokenKind::Word || doc.sentence_start(end) || t.has(CAPITALIZED) {
            break;
        }
        let w = doc.text(end);
        if !looks_genitive(w) {
            break;
        }
        end += 1;
    }
    (end > k).then(|| doc.original_text(k, end).to_string())
}

/// Genitive-looking endings of nouns and adjectives, minus those of past-tense verbs and
/// infinitives; at least four letters so that prepositions and particles stay out.
fn looks_genitive(w: &str) -> bool {
    const GENITIVE: &[&str] = &[
        "ой", "ей", "ых", "их", "ого", "его", "ы", "и", "а", "я", "ов", "ев", "ий",
    ];
    const VERB: &[&str] = &[
        "ли", "ла", "ло", "ть", "ся", "сь", "ет", "ит", "ют", "ят", "ешь",
    ];
    w.chars().count() >= 4
        && GENITIVE.iter().any(|e| w.ends_with(e))
        && !VERB.iter().any(|e| w.ends_with(e))
}
