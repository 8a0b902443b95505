//! Any bytes; when they are UTF-8, extract facts (with and without a reference date) and
//! check every fact's span against the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::{Extractor, Fact, Reference};
use std::sync::OnceLock;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
static REFERENCE: OnceLock<Reference> = OnceLock::new();

fn check(text: &str, facts: &[Fact], what: &str) {
    let mut prev_start = 0;
    for f in facts {
        assert!(
            f.start <= f.end && f.end <= text.len(),
            "{what}: bad span {}..{} (text len {}) for {f:?}",
            f.start,
            f.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{what}: span {}..{} not on char boundaries for {f:?}",
            f.start,
            f.end
        );
        assert_eq!(
            &text[f.start..f.end],
            f.text,
            "{what}: fact text differs from its span {}..{}",
            f.start,
            f.end
        );
        assert!(
            f.start >= prev_start,
            "{what}: facts not in text order at {f:?}"
        );
        prev_start = f.start;
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let extractor = EXTRACTOR.get_or_init(|| Extractor::builder().build().expect("embedded lexicons load"));
    let reference = REFERENCE.get_or_init(|| Reference::parse("2025-11-24").unwrap());

    let facts = extractor.extract(text);
    check(text, &facts, "extract");

    let facts = extractor.extract_at(text, Some(reference));
    check(text, &facts, "extract_at(2025-11-24)");
});
