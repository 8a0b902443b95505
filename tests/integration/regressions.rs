//! Regression tests, each named after what broke.

use super::extractor;
use newsfacts::FactType;

#[test]
fn sentence_final_dot_after_dotless_multiplier_is_not_part_of_money() {
    let facts = extractor().extract("выручка — $1,1 млрд. Цена 5 тыс. руб.");
    let texts: Vec<&str> = facts
        .iter()
        .filter(|f| f.kind == FactType::Money)
        .map(|f| f.text.as_str())
        .collect();
    // "млрд" takes no dot, so the dot ends the sentence; "руб." keeps its own.
    assert_eq!(texts, ["$1,1 млрд", "5 тыс. руб."]);
}
