//! Numbers on their own: digits with an optional multiplier ("2,5 млн", "1 000 000").

use super::amount::{amount_at, qualifier_before};
use super::{Candidate, Doc};
use crate::fact::{Amount, FactType, Value};
use crate::text::TokenKind;

/// Proposes number facts.
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for i in 0..doc.tokens.len() {
        if doc.kind(i) != Some(TokenKind::Number) && doc.kind(i) != Some(TokenKind::Punct) {
            continue;
        }
        let Some(amount) = amount_at(doc, i) else {
            continue;
        };
        let (qualifier, start) = match qualifier_before(doc, amount.start) {
            Some((q, s)) => (Some(q), s),
            None => (None, amount.start),
        };
        out.push(Candidate {
            start,
            end: amount.end,
            kind: FactType::Number,
            value: Value::Amount(Amount {
                qualifier,
                ..Amount::exact(amount.value)
            }),
            rule: if amount.end > i + 1 && doc.kind(amount.end - 1) == Some(TokenKind::Word) {
                "number.digits_multiplier"
            } else {
                "number.digits"
            },
        });
    }
}
