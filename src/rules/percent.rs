//! Percentages: an amount with a percent sign or word ("15%", "15 процентов", "15 проц.",
//! "2 п. п.").

use super::amount::{amount_at, qualifier_before};
use super::{Candidate, Doc};
use crate::fact::{Amount, FactType, Value};
use crate::lexicon::Meaning;

/// Proposes percent facts.
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for i in 0..doc.tokens.len() {
        let Some(amount) = amount_at(doc, i) else {
            continue;
        };
        if doc.sentence_start(amount.end) {
            continue;
        }
        let Some((unit, end)) = doc.meaning(amount.end, |m| match m {
            Meaning::Percent(unit) => Some(*unit),
            _ => None,
        }) else {
            continue;
        };
        let rule = if doc.is(amount.end, "%") {
            "percent.sign"
        } else {
            "percent.word"
        };
        let (qualifier, start) = match qualifier_before(doc, amount.start) {
            Some((q, s)) => (Some(q), s),
            None => (None, amount.start),
        };
        out.push(Candidate {
            start,
            end,
            kind: FactType::Percent,
            value: Value::Amount(Amount {
                qualifier,
                unit: Some(unit.to_string()),
                ..Amount::exact(amount.value)
            }),
            rule,
        });
    }
}
