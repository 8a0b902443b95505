//! Runs every example of `corpus/*.jsonl` (see `corpus/README.md`). A failing example must
//! be listed in `corpus/known_failures.tsv`; a listed example that passes must be removed.

use super::extractor;
use newsfacts::{FactType, Reference};
use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::path::Path;

struct Failure {
    file: String,
    text: String,
    why: String,
}

fn check_example(file: &str, line: usize, ex: &Json) -> Result<bool, String> {
    let text = ex["text"]
        .as_str()
        .ok_or(format!("{file}:{line}: no \"text\""))?;
    let reference = match ex.get("ref").and_then(Json::as_str) {
        Some(r) => Some(Reference::parse(r).map_err(|e| format!("{file}:{line}: bad ref: {e}"))?),
        None => None,
    };
    let facts = extractor().extract_at(text, reference.as_ref());
    for f in &facts {
        assert_eq!(
            &text[f.start..f.end],
            f.text,
            "{file}:{line}: offsets do not give the text"
        );
    }
    let got: Vec<(FactType, &str, Json)> = facts
        .iter()
        .map(|f| {
            (
                f.kind,
                f.text.as_str(),
                serde_json::to_value(&f.value).unwrap(),
            )
        })
        .collect();
    let describe = || {
        got.iter()
            .map(|(k, t, v)| format!("{}:{t:?}={v}", k.name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut problems = Vec::new();
    let mut matched = BTreeSet::new();
    if let Some(expected) = ex.get("facts").and_then(Json::as_array) {
        for e in expected {
            let kind = e["type"]
                .as_str()
                .and_then(FactType::from_name)
                .ok_or(format!("{file}:{line}: bad type {}", e["type"]))?;
            let surface = e["text"]
                .as_str()
                .ok_or(format!("{file}:{line}: fact without text"))?;
            let want = e.get("value").and_then(Json::as_object);
            let same_span: Vec<usize> = (0..got.len())
                .filter(|&k| got[k].0 == kind && got[k].1 == surface)
                .collect();
            if same_span.is_empty() {
                problems.push(format!("missing {} {surface:?}", kind.name()));
                continue;
            }
            let ok = same_span.iter().find(|&&k| {
                want.is_none_or(|w| w.iter().all(|(key, v)| got[k].2.get(key) == Some(v)))
            });
            match ok {
                Some(&k) => {
                    matched.insert(k);
                }
                None => problems.push(format!(
                    "value of {} {surface:?}: want {} got {}",
                    kind.name(),
                    e.get("value").unwrap_or(&Json::Null),
                    got[same_span[0]].2
                )),
            }
        }
        if let Some(only) = ex.get("only").and_then(Json::as_array) {
            for t in only.iter().filter_map(Json::as_str) {
                for (k, g) in got.iter().enumerate() {
                    if g.0.name() == t && !matched.contains(&k) {
                        problems.push(format!("unexpected {t} {:?}", g.1));
                    }
                }
            }
        }
    } else if let Some(none) = ex.get("none").and_then(Json::as_array) {
        for t in none.iter().filter_map(Json::as_str) {
            FactType::from_name(t).ok_or(format!("{file}:{line}: bad type {t}"))?;
            for g in got.iter().filter(|g| g.0.name() == t) {
                problems.push(format!("unexpected {t} {:?}", g.1));
            }
        }
    } else {
        return Err(format!("{file}:{line}: neither \"facts\" nor \"none\""));
    }
    if problems.is_empty() {
        Ok(true)
    } else {
        Err(format!("{} | got: {}", problems.join("; "), describe()))
    }
}

#[test]
fn corpus_examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let known_text = std::fs::read_to_string(dir.join("known_failures.tsv")).unwrap_or_default();
    let known: BTreeSet<(String, String)> = known_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut p = l.split('\t');
            Some((p.next()?.to_string(), p.next()?.to_string()))
        })
        .collect();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let (mut positives, mut negatives) = (0, 0);
    let mut failures = Vec::new();
    let mut known_passing = Vec::new();
    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        for (n, raw) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let ex: Json =
                serde_json::from_str(raw).unwrap_or_else(|e| panic!("{file}:{}: {e}", n + 1));
            if ex.get("facts").is_some() {
                positives += 1;
            } else {
                negatives += 1;
            }
            let text = ex["text"].as_str().unwrap_or("").to_string();
            let is_known = known.contains(&(file.clone(), text.clone()));
            match check_example(&file, n + 1, &ex) {
                Ok(_) if is_known => known_passing.push(format!("{file}\t{text}")),
                Ok(_) => {}
                Err(why) if !is_known => failures.push(Failure {
                    file: file.clone(),
                    text,
                    why,
                }),
                Err(_) => {}
            }
        }
    }
    println!(
        "corpus: {} files, {positives} positive and {negatives} negative examples, {} known failures",
        files.len(),
        known.len()
    );
    let mut report = String::new();
    for f in &failures {
        report.push_str(&format!("{}\t{}\t{}\n", f.file, f.text, f.why));
    }
    // The whole list, for working through it: target/tmp/corpus_failures.tsv.
    let full = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus_failures.tsv");
    let _ = std::fs::write(&full, &report);
    let report: String = report.lines().take(80).map(|l| format!("{l}\n")).collect();
    assert!(
        failures.is_empty(),
        "{} corpus examples fail (fix them, or list them in corpus/known_failures.tsv with a reason; all of them: {}):\n{report}",
        failures.len(),
        full.display()
    );
    assert!(
        known_passing.is_empty(),
        "these known failures pass now: remove them from corpus/known_failures.tsv:\n{}",
        known_passing.join("\n")
    );
}
