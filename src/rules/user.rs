//! Names from user lexicons (`--lexicon PATH.tsv`, [`crate::ExtractorBuilder::user_lexicon`]):
//! every form listed is a name of its type with its normal form. They win over the built-in
//! rules where they overlap (see [`crate::resolve`]).

use super::{Candidate, Doc};
use crate::fact::{FactType, NameValue, Value};
use crate::lexicon::Meaning;

/// The rule name of a user lexicon name of this type.
pub fn rule_of(kind: FactType) -> &'static str {
    match kind {
        FactType::Person => "person.user_lexicon",
        FactType::Organization => "organization.user_lexicon",
        _ => "location.user_lexicon",
    }
}

/// True if `rule` is a user lexicon's.
pub fn is_user_rule(rule: &str) -> bool {
    rule.ends_with(".user_lexicon")
}

/// Proposes the names of user lexicons.
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for i in 0..doc.tokens.len() {
        let Some((hit, meanings)) = doc.hit(i) else {
            continue;
        };
        // A name is a whole word: "Тау" listed does not match inside "Тау-Кен".
        for m in meanings {
            if let Meaning::UserName { kind, normal } = m {
                out.push(Candidate {
                    start: i,
                    end: hit.end,
                    kind: *kind,
                    value: Some(Value::Name(NameValue {
                        normal: normal.to_string(),
                        ..NameValue::default()
                    })),
                    rule: rule_of(*kind),
                });
                break;
            }
        }
    }
}
