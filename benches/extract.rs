//! The library's speed, measured with criterion.
//!
//! - `extract/*`: [`Extractor::extract`] over the 122 texts of `tests/bench/factru_texts.jsonl`
//!   (factRuEval-2016 dev, MIT, 345 KB), one iteration being all of them, throughput in bytes
//!   of text; the extractor is built once, outside the measurement. `all_types` is the
//!   default extractor; `no_names` leaves out persons, organizations and locations (the name
//!   pass is then skipped), to tell the two costs apart.
//! - `startup/build`: `Extractor::builder().build()`, the embedded lexicons loaded and
//!   compiled.
//!
//! ```sh
//! cargo bench --bench extract                 # about half a minute
//! cargo bench --bench extract -- --quick      # a few seconds: a check, not a measurement
//! cargo bench --bench extract -- extract/all  # one benchmark
//! ```
//!
//! The CLI end to end (reading, JSON, threads, peak memory) is `tests/bench/bench.py`.

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use newsfacts::{Extractor, FactType};
use std::hint::black_box;
use std::time::Duration;

/// The texts of the benchmark corpus, in file order.
fn texts() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/bench/factru_texts.jsonl"
    );
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    data.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(k, line)| {
            let record: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: {e}", k + 1));
            match record.get("text").and_then(|t| t.as_str()) {
                Some(text) => text.to_string(),
                None => panic!("{path}:{}: no string field \"text\"", k + 1),
            }
        })
        .collect()
}

/// Every fact of every text: the number of facts, so the work cannot be optimized away.
fn extract_all(extractor: &Extractor, texts: &[String]) -> usize {
    texts
        .iter()
        .map(|text| extractor.extract(black_box(text)).len())
        .sum()
}

fn extract(c: &mut Criterion) {
    let texts = texts();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let all = Extractor::builder()
        .build()
        .expect("the embedded lexicons load");
    let no_names = Extractor::builder()
        .types(
            &FactType::ALL
                .iter()
                .copied()
                .filter(|t| {
                    !matches!(
                        t,
                        FactType::Person | FactType::Organization | FactType::Location
                    )
                })
                .collect::<Vec<_>>(),
        )
        .build()
        .expect("the embedded lexicons load");
    // One iteration takes tens of milliseconds: a fixed number of iterations per sample.
    let mut group = c.benchmark_group("extract");
    group
        .throughput(Throughput::Bytes(bytes))
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    group.bench_function("all_types", |b| b.iter(|| extract_all(&all, &texts)));
    group.bench_function("no_names", |b| b.iter(|| extract_all(&no_names, &texts)));
    group.finish();
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.bench_function("build", |b| {
        b.iter(|| {
            Extractor::builder()
                .build()
                .expect("the embedded lexicons load")
        })
    });
    group.finish();
}

criterion_group!(benches, extract, startup);
criterion_main!(benches);
