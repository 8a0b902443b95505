//! Percentages: a measure with a percent sign or word ("15%", "15 процентов", "15 проц.",
//! "10–20%", "более 80%"), or percentage points ("2 п. п.", "3 процентных пункта").

use super::{Candidate, Doc};
use crate::decimal::Decimal;
use crate::fact::{FactType, Value};
use crate::lexicon::Meaning;

/// Proposes percent facts.
#[inline(never)]
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for m in doc.measures() {
        if doc.sentence_start(m.end) {
            continue;
        }
        let Some((unit, end)) = doc.meaning(m.end, |mn| match mn {
            Meaning::Percent(unit) => Some(*unit),
            _ => None,
        }) else {
            continue;
        };
        let Some(mut amount) = m.amount(Decimal::from_int(1)) else {
            continue;
        };
        amount.unit = Some(unit.to_string());
        let rule = match (unit, doc.is(m.end, "%")) {
            ("percentage_point", _) => "percent.points",
            (_, true) => "percent.sign",
            _ => "percent.word",
        };
        out.push(Candidate {
            start: m.start,
            end,
            kind: FactType::Percent,
            value: Some(Value::Amount(amount)),
            rule,
        });
    }
}
