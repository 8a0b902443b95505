//! Ranges whose ends each carry their unit: "от 5% до 7%", "от $1 млрд до $1,5 млрд",
//! "от 3 тыс. до 5 тыс. рублей" is handled by the measure itself; this joins two candidates
//! of the same type, the first opened by "от" and the second by "до".

use super::{Candidate, Doc};
use crate::fact::{Amount, Qualifier, Value};

/// Appends a range candidate for every "от A до B" pair of same-type amount candidates.
#[inline(never)]
pub fn join(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let n = out.len();
    // Candidates by first token, so each "от" finds its "до" without a scan of all pairs.
    let mut by_start: std::collections::HashMap<usize, Vec<usize>> =
        std::collections::HashMap::new();
    for (k, c) in out.iter().enumerate() {
        if doc.is(c.start, "до") {
            by_start.entry(c.start).or_default().push(k);
        }
    }
    let mut joined = Vec::new();
    for a in 0..n {
        let (Some(Value::Amount(left)), true) = (&out[a].value, doc.is(out[a].start, "от"))
        else {
            continue;
        };
        if left.qualifier != Some(Qualifier::AtLeast) || left.value.is_none() {
            continue;
        }
        for &b in by_start.get(&out[a].end).map_or(&[][..], Vec::as_slice) {
            let (x, y) = (&out[a], &out[b]);
            if y.start != x.end || y.kind != x.kind || !doc.is(y.start, "до") {
                continue;
            }
            let Some(Value::Amount(right)) = &y.value else {
                continue;
            };
            if right.qualifier != Some(Qualifier::UpTo)
                || right.currency != left.currency
                || right.unit != left.unit
            {
                continue;
            }
            let (Some(from), Some(to)) = (left.value, right.value) else {
                continue;
            };
            if from > to {
                continue;
            }
            joined.push(Candidate {
                start: x.start,
                end: y.end,
                kind: x.kind,
                value: Some(Value::Amount(Amount {
                    value: None,
                    qualifier: None,
                    from: Some(from),
                    to: Some(to),
                    ..left.clone()
                })),
                rule: "range.from_to",
            });
        }
    }
    out.extend(joined);
}
