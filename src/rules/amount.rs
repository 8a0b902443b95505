//! Amounts: the building block of numbers, money and percentages.
//!
//! An amount is a number in digits with an optional sign, an optional multiplier word after
//! it ("2,5 млрд") and an optional qualifier before it ("более 80"). Rules for money and
//! percentages put a currency or a percent sign around an amount.

use super::Doc;
use crate::decimal::Decimal;
use crate::fact::Qualifier;
use crate::lexicon::Meaning;
use crate::text::TokenKind;

/// An amount found at some tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParsedAmount {
    /// First token of the number (after any qualifier).
    pub start: usize,
    /// One past the last token (number and multiplier).
    pub end: usize,
    /// The value, multiplier applied.
    pub value: Decimal,
}

/// The number (with multiplier) starting at token `i`: digits, or a sign glued to digits.
pub fn amount_at(doc: &Doc<'_>, i: usize) -> Option<ParsedAmount> {
    let (start, negative, num) = match doc.kind(i)? {
        TokenKind::Number => (i, false, i),
        TokenKind::Punct if (doc.is(i, "-") || doc.is(i, "+")) && doc.glued(i + 1) => {
            // A sign, not a range dash: nothing glued before it.
            if doc.kind(i + 1) != Some(TokenKind::Number) || (i > 0 && doc.glued(i)) {
                return None;
            }
            (i, doc.is(i, "-"), i + 1)
        }
        _ => return None,
    };
    let mut value = Decimal::parse(doc.text(num))?;
    if negative {
        value = Decimal::from_int(0).checked_add(value.checked_mul(Decimal::from_int(-1))?)?;
    }
    let mut end = num + 1;
    if let Some((factor, next)) = multiplier_at(doc, end) {
        value = value.checked_mul(factor)?;
        end = next;
    }
    Some(ParsedAmount { start, end, value })
}

/// A multiplier word at token `i` and the token after it.
pub fn multiplier_at(doc: &Doc<'_>, i: usize) -> Option<(Decimal, usize)> {
    if doc.sentence_start(i) {
        return None;
    }
    doc.meaning(i, |m| match m {
        Meaning::Multiplier(f) => Some(*f),
        _ => None,
    })
}

/// A qualifier that ends right before token `i`: the qualifier and its first token.
pub fn qualifier_before(doc: &Doc<'_>, i: usize) -> Option<(Qualifier, usize)> {
    if doc.sentence_start(i) {
        return None;
    }
    // Qualifier phrases are at most three tokens long ("не менее чем").
    for back in 1..=3 {
        let s = i.checked_sub(back)?;
        if let Some((q, end)) = doc.meaning(s, |m| match m {
            Meaning::Qualifier(q) => Some(*q),
            _ => None,
        }) {
            if end == i {
                return Some((q, s));
            }
        }
    }
    None
}
