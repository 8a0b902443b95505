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

/// Inputs that would make a careless rule quadratic or recurse deeply: each must finish,
/// with offsets valid. (Their speed is measured by `hostile_inputs_are_linear` below by
/// comparing a small and a ten times larger input, not by a wall-clock limit.)
fn hostile(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

const HOSTILE_UNITS: &[&str] = &[
    "1 ",
    "«",
    "тысяча ",
    "сто тысяч ",
    "двадцать ",
    "от 1 до ",
    "$",
    "1,",
    "1-",
    "более ",
    "- ",
    "1 000 ",
    "треть ",
    "несколько ",
    "В. ",
    "5 тыс. руб. ",
    "ё\u{0301}",
    "\u{00AD}",
    "\n",
    // A name repeated through a long document: its mentions were paired with every earlier
    // occurrence (24 GB and 44 s for 500 KB), and roles and organizations searched in lists.
    "компания «Спартак» ",
    "ООО «Ромашка» и «Ромашки» ",
    "министр Иван Петров ",
];

#[test]
fn lone_multipliers_do_not_recurse_and_groups_stop() {
    // Once a stack overflow ("тысяча тысяча ...") and a quadratic scan ("сто тысяч сто тысяч").
    let facts = extractor().extract(&hostile("тысяча ", 200_000));
    assert!(
        facts.iter().all(|f| f.text == "тысяча"),
        "each stands alone"
    );
    let facts = extractor().extract("сто тысяч сто тысяч");
    let texts: Vec<&str> = facts.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["сто тысяч", "сто тысяч"]);
}

#[test]
fn hostile_inputs_are_linear() {
    for unit in HOSTILE_UNITS {
        // The best of three runs: a run slowed by a busy machine (the tests run in
        // parallel) once made the ratio fail; the fastest run is the one the work sets.
        let time = |n: usize| {
            let text = hostile(unit, n);
            (0..3)
                .map(|_| {
                    let t = std::time::Instant::now();
                    let facts = extractor().extract(&text);
                    for f in &facts {
                        assert_eq!(&text[f.start..f.end], f.text);
                    }
                    t.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min)
        };
        let small = time(50_000).max(1e-3);
        let large = time(500_000);
        // Linear work gives about 10x; quadratic would give about 100x.
        assert!(
            large / small < 40.0,
            "{unit:?}: 50 KB took {small:.3}s, 500 KB {large:.3}s"
        );
    }
}

/// Mentions of a name the document defined several times still come out, once each: only
/// the first two occurrences of a name are paired with later words (the rest gave
/// candidates that always lost, quadratic in number).
#[test]
fn a_name_defined_three_times_is_still_mentioned() {
    let text = "Компания «Спартак» выиграла. Компания «Спартак» проиграла. Компания «Спартак» \
                ушла. Фанаты «Спартака» рады, а Спартак нет.";
    let orgs: Vec<(&str, &str)> = extractor()
        .extract(text)
        .into_iter()
        .filter(|f| f.kind == FactType::Organization)
        .map(|f| (&text[f.start..f.end], f.rule))
        .collect();
    assert_eq!(
        orgs,
        [
            ("Спартак", "organization.type_quoted"),
            ("Спартак", "organization.type_quoted"),
            ("Спартак", "organization.type_quoted"),
            ("Спартака", "organization.known"),
            ("Спартак", "organization.quoted_mention"),
        ]
    );
}

/// The shift property once prefixed a word ("ж "), which turned "Тау-Кен В." at the text's
/// start into a name and with it the later "Тау-Кен": a sentence before the text changes
/// no fact.
#[test]
fn a_sentence_before_the_text_changes_no_fact() {
    let text = "Тау-Кен В.$Тау-Кен«";
    let shifted = format!("Да. {text}");
    let offset = "Да. ".len();
    let plain: Vec<_> = extractor()
        .extract(text)
        .into_iter()
        .map(|f| (f.kind, f.start + offset, f.text))
        .collect();
    let after: Vec<_> = extractor()
        .extract(&shifted)
        .into_iter()
        .map(|f| (f.kind, f.start, f.text))
        .collect();
    assert_eq!(plain, after);
}
