//! Properties of every output: never panics, offsets always give the fact's text on
//! character boundaries, output is deterministic and shifts with its text.

use super::extractor;
use proptest::prelude::*;

/// Pieces that exercise the rules: numbers, multipliers, currencies, quotes, odd spaces.
const PIECES: &[&str] = &[
    "$",
    "€",
    "1,1",
    "3.5",
    "1 000",
    "1\u{00A0}000",
    "24.11.2025",
    "2025-11-24",
    "13:20",
    "15",
    "-",
    "+",
    "%",
    "млрд",
    "тыс.",
    "млн",
    "руб.",
    "коп.",
    "долларов",
    "США",
    "процентов",
    "п. п.",
    "более",
    "не менее",
    "до",
    "от",
    "«",
    "»",
    "—",
    "–",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\u{00A0}",
    "\u{00AD}",
    "\u{0301}",
    "ё",
    "Ё",
    "В.",
    "г.",
    "т. е.",
    ".",
    ",",
    "Тау-Кен",
    "İ",
    "😀",
    "\u{FEFF}",
    "\u{200B}",
    "\0",
    "ﬁ",
    "ß",
    "0",
    "00",
    "9999999999999999999999999999999999999999",
    "1,",
    ",5",
];

fn check(text: &str) {
    let facts = extractor().extract(text);
    for f in &facts {
        assert!(
            f.start <= f.end && f.end <= text.len(),
            "span out of range in {text:?}"
        );
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "not a boundary in {text:?}"
        );
        assert_eq!(&text[f.start..f.end], f.text, "offsets vs text in {text:?}");
        assert!(!f.text.is_empty(), "empty fact in {text:?}");
    }
    assert_eq!(
        facts,
        extractor().extract(text),
        "not deterministic on {text:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_offsets_valid_on_any_string(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn never_panics_offsets_valid_on_fact_like_text(parts in prop::collection::vec(prop::sample::select(PIECES), 0..40)) {
        check(&parts.concat());
    }

    #[test]
    fn shifting_the_text_shifts_every_fact(parts in prop::collection::vec(prop::sample::select(PIECES), 0..30)) {
        let text = parts.concat();
        // A sentence before the text shifts every fact and changes nothing else: the text's
        // first word still starts a sentence. (A word before it would change more than the
        // facts touching it: "Тау-Кен В." becomes a name there, and with it every later
        // "Тау-Кен".)
        let shifted = format!("Да. {text}");
        let a = extractor().extract(&text);
        let b = extractor().extract(&shifted);
        let offset = "Да. ".len();
        let a: Vec<_> = a.into_iter().map(|f| (f.kind, f.start + offset, f.text)).collect();
        let b: Vec<_> = b.into_iter().map(|f| (f.kind, f.start, f.text)).collect();
        prop_assert_eq!(a, b);
    }
}

/// Runs the streaming runner over `docs` as one JSON-lines file and returns its output lines.
fn stream(docs: &[String]) -> Vec<String> {
    use newsfacts::io::{RunOptions, read::InputFormat, run};
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "newsfacts-prop-{}-{}.jsonl",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let body: String = docs
        .iter()
        .enumerate()
        .map(|(k, t)| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("d{k}"), "text": t})
            )
        })
        .collect();
    std::fs::write(&path, body).unwrap();
    let mut opts = RunOptions {
        paths: vec![path.clone()],
        ..RunOptions::default()
    };
    opts.read.format = Some(InputFormat::Jsonl);
    let mut out = Vec::new();
    let stats = run(extractor(), &opts, &mut out, &mut |_, _| {}).unwrap();
    let _ = std::fs::remove_file(&path);
    assert_eq!(stats.read, stats.written + stats.failed);
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_documents_facts_do_not_depend_on_its_neighbours(
        docs in prop::collection::vec(prop::collection::vec(prop::sample::select(PIECES), 0..12), 1..5)
    ) {
        let docs: Vec<String> = docs.into_iter().map(|p| p.concat()).collect();
        let together = stream(&docs);
        let mut alone = Vec::new();
        for (k, d) in docs.iter().enumerate() {
            // Alone, with the same id it has in the stream.
            let mut padded: Vec<String> = vec![String::new(); k];
            padded.push(d.clone());
            alone.extend(stream(&padded));
        }
        prop_assert_eq!(together, alone);
    }
}
