mod cli;
mod corpus;
mod properties;
mod regressions;

use newsfacts::Extractor;
use std::sync::OnceLock;

/// One extractor for the whole test binary (building it loads every lexicon).
pub fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| {
        Extractor::builder()
            .build()
            .expect("embedded lexicons load")
    })
}
