//! Builds the hash index of the big name lexicons at compile time (see
//! `src/names/index.rs`): the same code as the library's run-time builder, included here by
//! path, writes the index tables to OUT_DIR, and the library embeds them.

use std::borrow::Cow;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/text/normalize.rs"]
mod normalize;
mod text {
    pub use super::normalize::Normalized;
}
#[allow(dead_code)]
#[path = "src/lexicon/tsv.rs"]
mod tsv;
mod lexicon {
    pub use super::tsv::{LexiconError, require_header};
}
// `load` refers to `super::index`: both sit at the root here, as both sit in `names` there.
#[allow(dead_code)]
#[path = "src/names/index.rs"]
mod index;
#[allow(dead_code)]
#[path = "src/names/load.rs"]
mod load;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for src in [
        "build.rs",
        "src/text/normalize.rs",
        "src/lexicon/tsv.rs",
        "src/names/index.rs",
        "src/names/load.rs",
    ] {
        println!("cargo:rerun-if-changed={src}");
    }
    let write = |file: &str, bytes: &[u8]| {
        std::fs::write(out.join(file), bytes)
            .unwrap_or_else(|e| panic!("cannot write {file}: {e}"));
    };
    for (prefix, files, bits) in [
        ("names", load::INDEX_FILES, load::INDEX_FILTER),
        ("cues", load::CUE_FILES, load::CUE_FILTER),
    ] {
        let mut texts = Vec::new();
        for (name, _) in files {
            let path = root.join("lexicons").join(name);
            println!("cargo:rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            texts.push((name.to_string(), Cow::Owned(text)));
        }
        let index = load::build_index(files, texts, bits).unwrap_or_else(|e| panic!("{e}"));
        let (arena, slots, senses, filter, starts) = index.parts();
        write(&format!("{prefix}_filter.bin"), filter);
        write(&format!("{prefix}_starts.bin"), starts);
        write(&format!("{prefix}_arena.txt"), arena.as_bytes());
        write(&format!("{prefix}_slots.bin"), slots);
        write(&format!("{prefix}_senses.bin"), senses);
    }
}
