//! The CLI, on the real binary.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsfacts"))
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Asserts exit code 0, showing stderr otherwise.
fn assert_success(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsfacts-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn stdin_text_gives_percent_and_money() {
    let out = run_stdin(&[], "Рост составил 15%, выручка — $1,1 млрд.");
    assert_eq!(out.status.code(), Some(0));
    let facts = lines(&out);
    let percent = facts.iter().find(|f| f["type"] == "percent").unwrap();
    assert_eq!(percent["value"]["value"], "15");
    assert_eq!(percent["doc"], "-");
    assert_eq!(percent["schema"], 1);
    let money = facts.iter().find(|f| f["type"] == "money").unwrap();
    assert_eq!(money["value"]["value"], "1100000000");
    assert_eq!(money["value"]["currency"], "USD");
    assert_eq!(money["text"], "$1,1 млрд");
    assert_eq!(money["start"], 29);
    assert_eq!(money["rule"], "money.currency_amount");
}

#[test]
fn every_fact_has_its_ner_class() {
    let out = run_stdin(
        &[],
        "В течение двух лет, за полтора часа, 300 человек и 755 млн тонн руды, 5 марта.",
    );
    let facts = lines(&out);
    let class_of = |text: &str| {
        facts
            .iter()
            .find(|f| f["text"] == text)
            .unwrap_or_else(|| panic!("no fact {text:?} in {facts:?}"))["class"]
            .clone()
    };
    assert_eq!(class_of("В течение двух лет"), "DURATION");
    assert_eq!(class_of("за полтора часа"), "DURATION");
    assert_eq!(class_of("300 человек"), "NUMBER");
    assert_eq!(class_of("755 млн тонн"), "QUANTITY");
    assert_eq!(class_of("5 марта"), "DATE");
}

#[test]
fn offsets_in_every_unit() {
    let text = "😀 Рост 15%";
    let start = |unit: &str| {
        lines(&run_stdin(&["--offsets", unit], text))[0]["start"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(start("chars"), 7);
    assert_eq!(start("utf16"), 8);
    assert_eq!(start("bytes"), "😀 Рост ".len() as u64);
}

#[test]
fn jsonl_with_a_bad_line_keeps_neighbours_and_exits_1() {
    let input = "{\"id\":\"a\",\"text\":\"Рост 15%\"}\n{\"id\": broken\n{\"id\":\"c\",\"text\":\"Цена $5\"}\n";
    let out = run_stdin(&["--input", "jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    let docs: Vec<String> = lines(&out)
        .iter()
        .map(|f| f["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs, ["a", "c"]);
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(err.contains("-:2: bad JSON"), "{err}");
}

#[test]
fn jsonl_record_errors_name_the_cause() {
    let input =
        "[1,2]\n{\"id\":\"x\",\"text\":7}\n{\"id\":\"y\"}\n{\"id\":\"z\",\"text\":\"ok 5%\"}\n";
    let out = run_stdin(&["--input", "jsonl", "--stats"], input);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(err.contains("-:1: not a JSON object"), "{err}");
    assert!(
        err.contains("-:2: field \"text\" is not a string but a number"),
        "{err}"
    );
    assert!(err.contains("-:3: no field \"text\""), "{err}");
    assert!(
        err.contains("4 documents read, 1 written, 3 failed"),
        "{err}"
    );
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn output_docs_keeps_the_record_and_adds_facts() {
    let input = "{\"id\":\"a\",\"lang\":\"ru\",\"text\":\"Рост 15%\"}\n{\"text\":\"ничего\"}\n";
    let out = run_stdin(&["--input", "jsonl", "--output", "docs"], input);
    assert_eq!(out.status.code(), Some(0));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["lang"], "ru");
    assert_eq!(docs[0]["facts"][0]["type"], "percent");
    assert_eq!(docs[0]["facts"][0]["start"], 5);
    assert!(docs[0]["facts"][0].get("doc").is_none());
    assert_eq!(docs[1]["facts"].as_array().unwrap().len(), 0);
    let raw = String::from_utf8(out.stdout).unwrap();
    assert!(
        raw.starts_with(
            "{\"id\":\"a\",\"lang\":\"ru\",\"text\":\"Рост 15%\",\"schema\":1,\"facts\":["
        ),
        "{raw}"
    );
}

#[test]
fn custom_id_and_text_fields() {
    let input = "{\"uid\":42,\"body\":\"Рост 15%\"}\n";
    let out = run_stdin(
        &[
            "--input",
            "jsonl",
            "--id-field",
            "uid",
            "--text-field",
            "body",
        ],
        input,
    );
    assert_eq!(lines(&out)[0]["doc"], "42");
}

#[test]
fn files_folders_lines_and_gzip() {
    let dir = tempdir("files");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "Рост 15%").unwrap();
    std::fs::write(dir.join("a.txt"), "Цена $5").unwrap();
    std::fs::write(
        dir.join("sub/c.jsonl"),
        "{\"id\":\"c1\",\"text\":\"10%\"}\n",
    )
    .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"{\"id\":\"g1\",\"text\":\"20%\"}\n").unwrap();
    std::fs::write(dir.join("sub/d.jsonl.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(dir.join(".hidden.txt"), "99%").unwrap();
    let out = bin().arg(&dir).output().unwrap();
    assert_success(&out);
    let docs: Vec<String> = lines(&out)
        .iter()
        .map(|f| f["doc"].as_str().unwrap().to_string())
        .collect();
    let a = dir.join("a.txt").display().to_string();
    let b = dir.join("b.txt").display().to_string();
    assert_eq!(docs, [a, b, "c1".to_string(), "g1".to_string()]);

    std::fs::write(dir.join("lines.txt"), "Рост 15%\nничего\nЦена $5\n").unwrap();
    let out = bin()
        .arg(dir.join("lines.txt"))
        .arg("--lines")
        .output()
        .unwrap();
    let docs: Vec<String> = lines(&out)
        .iter()
        .map(|f| f["doc"].as_str().unwrap().to_string())
        .collect();
    let p = dir.join("lines.txt").display().to_string();
    assert_eq!(docs, [format!("{p}:1"), format!("{p}:3")]);
    let _ = std::fs::remove_dir_all(&dir);
}

fn zstd(data: &[u8]) -> Vec<u8> {
    ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
}

/// (doc, type, text, value) of every fact, in output order.
fn facts_of(out: &Output) -> Vec<(String, String, String, String)> {
    lines(out)
        .iter()
        .map(|f| {
            (
                f["doc"].as_str().unwrap().to_string(),
                f["type"].as_str().unwrap().to_string(),
                f["text"].as_str().unwrap().to_string(),
                f["value"].to_string(),
            )
        })
        .collect()
}

#[test]
fn zstd_files_and_zstd_in_a_folder() {
    let dir = tempdir("zstd");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "Цена $5").unwrap();
    std::fs::write(
        dir.join("b.jsonl.zst"),
        zstd("{\"id\":\"z1\",\"text\":\"Рост 15%\"}\n{\"id\":\"z2\",\"text\":\"Выручка — $1,1 млрд\"}\n".as_bytes()),
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/c.txt.zst"),
        zstd("Доля составила 20%.".as_bytes()),
    )
    .unwrap();
    // A file on its own.
    let out = bin().arg(dir.join("b.jsonl.zst")).output().unwrap();
    assert_success(&out);
    let facts = lines(&out);
    assert_eq!(facts.len(), 2);
    assert_eq!(facts[0]["doc"], "z1");
    assert_eq!(facts[0]["type"], "percent");
    assert_eq!(facts[0]["value"]["value"], "15");
    assert_eq!(facts[1]["doc"], "z2");
    assert_eq!(facts[1]["text"], "$1,1 млрд");
    assert_eq!(facts[1]["value"]["value"], "1100000000");
    assert_eq!(facts[1]["value"]["currency"], "USD");
    // In a folder, with plain files: sorted order; `.txt.zst` is one text document whose id
    // is its path.
    let out = bin().arg(&dir).output().unwrap();
    assert_success(&out);
    let c = dir.join("sub/c.txt.zst").display().to_string();
    let got: Vec<(String, String)> = facts_of(&out)
        .into_iter()
        .map(|(doc, _, text, _)| (doc, text))
        .collect();
    assert_eq!(
        got,
        [
            (dir.join("a.txt").display().to_string(), "$5".to_string()),
            ("z1".to_string(), "15%".to_string()),
            ("z2".to_string(), "$1,1 млрд".to_string()),
            (c.clone(), "20%".to_string()),
        ]
    );
    assert_eq!(lines(&out)[3]["start"], 15);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_zstd_file_made_by_the_zstd_tool_reads_as_its_plain_text() {
    // tests/data/two_frames.jsonl.zst was made with zstd 1.5.4, two frames end to end:
    //   head -2 tests/bench/factru_texts.jsonl | zstd -19 -q -c > f1.zst      (with checksum)
    //   printf '{"id":"z2","text":"Цена $5, рост 15%%."}\n' | zstd -1 --no-check -q -c > f2.zst
    //   cat f1.zst f2.zst > tests/data/two_frames.jsonl.zst
    // (the first two texts of factRuEval-2016, MIT: see tests/bench/FACTRUEVAL_LICENSE).
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = bin()
        .arg(root.join("tests/data/two_frames.jsonl.zst"))
        .output()
        .unwrap();
    assert_success(&out);
    let corpus = std::fs::read_to_string(root.join("tests/bench/factru_texts.jsonl")).unwrap();
    let plain: String = corpus
        .lines()
        .take(2)
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        + "{\"id\":\"z2\",\"text\":\"Цена $5, рост 15%.\"}\n";
    let expected = run_stdin(&["--input", "jsonl"], &plain);
    assert_eq!(out.stdout, expected.stdout);
    let facts = facts_of(&out);
    assert!(facts.len() > 10, "{facts:?}");
    assert_eq!(facts[0].0, "factru/dev/book_58");
    let z2: Vec<(String, String)> = facts
        .iter()
        .filter(|f| f.0 == "z2")
        .map(|f| (f.2.clone(), f.3.clone()))
        .collect();
    assert_eq!(
        z2,
        [
            (
                "$5".to_string(),
                r#"{"currency":"USD","value":"5"}"#.to_string()
            ),
            (
                "15%".to_string(),
                r#"{"unit":"percent","value":"15"}"#.to_string()
            ),
        ]
    );
}

/// A folder of a good text, a corrupt compressed file, and another good text, read with
/// `--stats`: what came out, the exit code, and stderr.
fn run_folder_with(
    name: &str,
    bad_name: &str,
    bad: &[u8],
    message: &str,
) -> (Output, String, PathBuf) {
    let dir = tempdir(name);
    std::fs::write(dir.join("a.txt"), "Рост 15%").unwrap();
    std::fs::write(dir.join(bad_name), bad).unwrap();
    std::fs::write(dir.join("z.txt"), "Цена $5").unwrap();
    let out = bin().arg(&dir).arg("--stats").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    // Fatal (exit 2, as a missing file), and stderr names the file, then says `message`.
    assert_eq!(out.status.code(), Some(2), "{err}");
    let path = dir.join(bad_name).display().to_string();
    assert!(
        err.contains(&format!("newsfacts: {path}{message}")),
        "{err}"
    );
    (out, err, dir)
}

#[test]
fn a_corrupt_gzip_file_is_fatal_named_and_the_other_inputs_still_come_out() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all("{\"id\":\"g1\",\"text\":\"20%\"}\n".repeat(50).as_bytes())
        .unwrap();
    let data = gz.finish().unwrap();
    // Cut off: exit 2 (as a missing file), the file and cause on stderr, the others out.
    let (out, err, dir) = run_folder_with("gz-cut", "m.jsonl.gz", &data[..data.len() / 2], ":1: ");
    assert!(err.contains("deflate"), "{err}");
    let texts: Vec<String> = facts_of(&out).into_iter().map(|f| f.2).collect();
    assert_eq!(texts, ["15%", "$5"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_corrupt_zstd_file_is_fatal_named_and_the_other_inputs_still_come_out() {
    let data = zstd("{\"id\":\"s1\",\"text\":\"20%\"}\n".repeat(50).as_bytes());
    // Cut off, as a corrupt .gz: exit 2, the file and cause on stderr, the others out.
    let (out, err, dir) = run_folder_with(
        "zst-cut",
        "m.jsonl.zst",
        &data[..data.len() / 2],
        ":1: corrupt zstd data: the file ends inside frame 1\n",
    );
    let texts: Vec<String> = facts_of(&out).into_iter().map(|f| f.2).collect();
    assert_eq!(texts, ["15%", "$5"]);
    assert!(
        err.contains("2 documents read, 2 written, 0 failed"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);

    // A wrong checksum is found at the frame's end: the records decoded before it have come
    // out (reading streams, as with .gz), then the error names the file and the line after.
    let mut wrong = data.clone();
    *wrong.last_mut().unwrap() ^= 0xFF;
    let (out, _, dir) = run_folder_with(
        "zst-sum",
        "m.jsonl.zst",
        &wrong,
        ":51: corrupt zstd data: checksum mismatch in frame 1",
    );
    let docs: Vec<String> = facts_of(&out).into_iter().map(|f| f.0).collect();
    assert_eq!(docs.len(), 52);
    assert_eq!(docs[1..51], vec!["s1".to_string(); 50][..]);
    let _ = std::fs::remove_dir_all(&dir);

    // A text file that is no zstd at all: its own id never appears, the cause is named.
    let (out, _, dir) = run_folder_with(
        "zst-not",
        "n.txt.zst",
        "Рост 99%".as_bytes(),
        ": corrupt zstd data: not zstd data",
    );
    let texts: Vec<String> = facts_of(&out).into_iter().map(|f| f.2).collect();
    assert_eq!(texts, ["15%", "$5"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_file_is_fatal_but_others_still_come_out() {
    let dir = tempdir("missing");
    std::fs::write(dir.join("a.txt"), "Рост 15%").unwrap();
    let out = bin()
        .arg(dir.join("nope.txt"))
        .arg(dir.join("a.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(lines(&out).len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.txt"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_error_exits_2() {
    let out = bin().arg("--output").arg("nonsense").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["--types", "nonsense"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn invalid_utf8_is_reported_with_its_line() {
    let dir = tempdir("utf8");
    std::fs::write(
        dir.join("x.jsonl"),
        b"{\"id\":\"a\",\"text\":\"5%\"}\n{\"id\":\"b\",\"text\":\"\xff\"}\n",
    )
    .unwrap();
    let out = bin().arg(dir.join("x.jsonl")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("x.jsonl:2: invalid UTF-8"), "{err}");
    assert_eq!(lines(&out).len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn closed_pipe_ends_quietly_with_exit_0() {
    let doc = "{\"text\":\"Рост 15%, 20%, 30%, $5 млн\"}\n".repeat(20000);
    let mut child = bin()
        .args(["--input", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(doc.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let _ = writer.join();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert!(err.is_empty(), "stderr: {err}");
}

fn date_fact(out: &Output) -> serde_json::Value {
    lines(out)
        .into_iter()
        .find(|f| f["type"] == "date")
        .expect("a date fact")
}

#[test]
fn reference_date_resolves_relative_dates() {
    let out = run_stdin(
        &["--reference-date", "2024-03-01"],
        "Вчера истек срок подачи деклараций.",
    );
    assert_eq!(out.status.code(), Some(0));
    let date = date_fact(&out);
    assert_eq!(date["text"], "Вчера");
    assert_eq!(date["value"]["value"], "2024-02-29");
    assert_eq!(date["value"]["relative"], "-P1D");
    assert_eq!(date["rule"], "date.relative_day");
}

#[test]
fn a_bad_reference_date_is_a_usage_error() {
    // The flags are refused before any input is read: no stdin to write to.
    let out = bin()
        .args(["--reference-date", "24.11.2025"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("is not a date"), "{err}");
}

#[test]
fn the_date_field_of_a_record_is_its_reference() {
    let input = concat!(
        "{\"id\":\"a\",\"date\":\"2025-11-24T09:30:00Z\",\"text\":\"В прошлом году выручка выросла.\"}\n",
        "{\"id\":\"b\",\"date\":\"вчера\",\"text\":\"В прошлом году выручка выросла.\"}\n",
        "{\"id\":\"c\",\"text\":\"В прошлом году выручка выросла.\"}\n",
    );
    // The run's reference applies to records without a date of their own only.
    let out = run_stdin(
        &["--input", "jsonl", "--reference-date", "2020-06-01"],
        input,
    );
    assert_eq!(out.status.code(), Some(0));
    let facts = lines(&out);
    let value = |doc: &str| {
        let f = facts.iter().find(|f| f["doc"] == doc).unwrap();
        assert_eq!(f["value"]["relative"], "-P1Y");
        f["value"].get("value").cloned()
    };
    assert_eq!(value("a"), Some("2024".into()));
    assert_eq!(value("b"), None);
    assert_eq!(value("c"), Some("2019".into()));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("-:2: field \"date\""), "{err}");
    assert!(!err.contains("-:1:") && !err.contains("-:3:"), "{err}");
}

#[test]
fn the_date_field_can_be_renamed() {
    let input = "{\"published\":\"2025-11-24\",\"text\":\"Завтра\"}\n";
    let out = run_stdin(&["--input", "jsonl", "--date-field", "published"], input);
    assert_eq!(date_fact(&out)["value"]["value"], "2025-11-25");
}

#[test]
fn without_a_reference_relative_dates_keep_only_their_offset() {
    let out = run_stdin(&[], "Три дня назад в горах пропала группа туристов.");
    assert_eq!(out.status.code(), Some(0));
    let date = date_fact(&out);
    assert_eq!(date["text"], "Три дня назад");
    assert_eq!(date["value"]["relative"], "-P3D");
    assert_eq!(date["value"]["grain"], "day");
    assert!(date["value"].get("value").is_none(), "{date}");
}

#[test]
fn accounting_adds_up_and_errors_file_keeps_failed_records() {
    let dir = tempdir("accounting");
    let input = "{\"id\":\"a\",\"text\":\"5%\"}\n{bad\n\n\u{feff}{\"id\":\"b\"}\n{\"id\":\"a\",\"text\":\"$5\"}\r\n{\"id\":\"n\",\"text\":\"пустой\\u0000байт 7%\"}\n"
        .replace('\u{feff}', "");
    std::fs::write(dir.join("mixed.jsonl"), input).unwrap();
    let errors = dir.join("errors.jsonl");
    let out = bin()
        .arg(dir.join("mixed.jsonl"))
        .arg("--stats")
        .arg("--errors")
        .arg(&errors)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    // Blank lines are not records; the duplicate id "a" is kept as it is (ids are the user's).
    assert!(
        err.contains("5 documents read, 3 written, 2 failed"),
        "{err}"
    );
    let docs: Vec<String> = lines(&out)
        .iter()
        .map(|f| f["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs, ["a", "a", "n"]);
    let failed: Vec<serde_json::Value> = std::fs::read_to_string(&errors)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(failed.len(), 2);
    assert_eq!(failed[0]["line"], 2);
    assert_eq!(failed[0]["raw"], "{bad");
    assert!(failed[0]["error"].as_str().unwrap().starts_with("bad JSON"));
    assert_eq!(failed[1]["line"], 4);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lossy_decodes_invalid_utf8_instead_of_failing() {
    let dir = tempdir("lossy");
    std::fs::write(dir.join("x.txt"), b"\xff\xfe 15% \xc3").unwrap();
    let strict = bin().arg(dir.join("x.txt")).output().unwrap();
    assert_eq!(strict.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("x.txt:1: invalid UTF-8 at byte 0"));
    let lossy = bin()
        .arg(dir.join("x.txt"))
        .arg("--lossy")
        .output()
        .unwrap();
    assert_eq!(lossy.status.code(), Some(0));
    let facts = lines(&lossy);
    // Offsets refer to the decoded text: "\u{FFFD}\u{FFFD} " is three characters.
    assert_eq!(facts[0]["text"], "15%");
    assert_eq!(facts[0]["start"], 3);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bom_crlf_empty_and_deeply_nested_input() {
    let dir = tempdir("odd");
    std::fs::write(dir.join("bom.txt"), "\u{feff}Рост 15%\r\n").unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("empty.jsonl"), "").unwrap();
    let nested = format!(
        "{}{}\n{{\"text\":\"20%\"}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.join("nested.jsonl"), nested).unwrap();
    let out = bin().arg(&dir).arg("--stats").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("nested.jsonl:1: bad JSON: recursion limit exceeded"),
        "{err}"
    );
    let facts = lines(&out);
    let texts: Vec<&str> = facts.iter().map(|f| f["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["15%", "20%"]);
    // The BOM is not text: offsets count from the first real character.
    assert_eq!(facts[0]["start"], 5);
    assert!(
        err.contains("4 documents read, 3 written, 1 failed"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ctrl_c_stops_with_whole_lines_and_exit_130() {
    let mut child = bin()
        .args(["--input", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let line = "{\"text\":\"Рост 15%, выручка $1,1 млрд\"}\n";
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    // Feed in a thread, so neither side blocks on a full pipe: a first batch, then (after
    // the signal) one more record, which lets a reader blocked on stdin notice the flag.
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(line.repeat(2000).as_bytes());
        let _ = rx.recv();
        let _ = stdin.write_all(line.as_bytes());
    });
    // The first output means the handler is in place (it is set before reading starts).
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    std::thread::sleep(std::time::Duration::from_millis(100));
    let _ = tx.send(());
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    let _ = feeder.join();
    assert_eq!(status.code(), Some(130));
    let text = first + &rest;
    assert!(text.ends_with('\n'));
    for l in text.lines() {
        serde_json::from_str::<serde_json::Value>(l).expect("a whole JSON line");
    }
    // Nothing after the record that noticed the flag.
    assert!(text.lines().count() <= 2 * 2001);
}

#[test]
fn threads_keep_input_order_and_report_the_same_errors() {
    let dir = tempdir("threads");
    let mut body = String::new();
    for k in 0..3000 {
        if k % 700 == 3 {
            body.push_str("{broken\n");
        } else {
            body.push_str(&format!(
                "{{\"id\":\"d{k}\",\"text\":\"Рост {k}%, выручка ${k} млн\"}}\n"
            ));
        }
    }
    std::fs::write(dir.join("many.jsonl"), body).unwrap();
    let run = |threads: &str| {
        bin()
            .arg(dir.join("many.jsonl"))
            .args(["--threads", threads])
            .output()
            .unwrap()
    };
    let one = run("1");
    for threads in ["2", "3", "8"] {
        let many = run(threads);
        assert_eq!(many.status.code(), Some(1));
        assert_eq!(
            many.stdout, one.stdout,
            "--threads {threads} changed the output"
        );
        assert_eq!(
            many.stderr, one.stderr,
            "--threads {threads} changed the error report"
        );
    }
    assert_eq!(lines(&one).len(), 2 * (3000 - 5));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_single_100_mb_line_and_ten_million_digits() {
    let dir = tempdir("huge");
    // One JSON line of 100 MB, a fact at each end, and a neighbour after it.
    let text = format!("Рост 15%. {} Выручка $1,1 млрд.", " ".repeat(100_000_000));
    let mut body = serde_json::json!({"id": "big", "text": text}).to_string();
    body.push('\n');
    body.push_str("{\"id\":\"next\",\"text\":\"и 5%\"}\n");
    std::fs::write(dir.join("big.jsonl"), body).unwrap();
    let out = bin().arg(dir.join("big.jsonl")).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let facts = lines(&out);
    let got: Vec<(String, u64)> = facts
        .iter()
        .map(|f| {
            (
                f["text"].as_str().unwrap().to_string(),
                f["start"].as_u64().unwrap(),
            )
        })
        .collect();
    let money_at =
        ("Рост 15%. ".chars().count() + 100_000_000 + " Выручка ".chars().count()) as u64;
    assert_eq!(
        got,
        [
            ("15%".to_string(), 5),
            ("$1,1 млрд".to_string(), money_at),
            ("5%".to_string(), 2)
        ]
    );
    // Ten million digits are no number (too long to be an amount), and the rest still works.
    std::fs::write(
        dir.join("digits.txt"),
        format!("Число {} и 5%", "7".repeat(10_000_000)),
    )
    .unwrap();
    let out = bin().arg(dir.join("digits.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let texts: Vec<String> = lines(&out)
        .iter()
        .map(|f| f["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, ["5%"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_user_lexicon_adds_names_at_run_time() {
    let dir = tempdir("user-lexicon");
    let path = dir.join("names.tsv");
    std::fs::write(
        &path,
        "# our own names\norganization\tРога и копыта\tООО «Рога и копыта»\n\
         person\tПини Алтхауса\tПини Алтхаус\nlocation\tКатпар\n",
    )
    .unwrap();
    let text = "Компания Рога и копыта подписала договор с Пини Алтхауса в Катпар.";
    let out = run_stdin(
        &[
            "--lexicon",
            path.to_str().unwrap(),
            "--types",
            "person,organization,location",
        ],
        text,
    );
    assert_eq!(out.status.code(), Some(0));
    let facts = lines(&out);
    let find = |t: &str| facts.iter().find(|f| f["text"] == t).unwrap().clone();
    let org = find("Рога и копыта");
    assert_eq!(org["type"], "organization");
    assert_eq!(org["value"]["normal"], "ООО «Рога и копыта»");
    assert_eq!(org["rule"], "organization.user_lexicon");
    assert_eq!(find("Пини Алтхауса")["value"]["normal"], "Пини Алтхаус");
    assert_eq!(find("Катпар")["value"]["normal"], "Катпар");
    // Without the lexicon, "Рога и копыта" is no organization.
    let plain = lines(&run_stdin(&["--types", "organization"], text));
    assert!(plain.iter().all(|f| f["text"] != "Рога и копыта"));
    // A bad row is a usage error naming the file and line.
    std::fs::write(&path, "# x\nplanet\tМарс\n").unwrap();
    // (It stops before reading its input, so none is given.)
    let bad = bin()
        .args(["--lexicon", path.to_str().unwrap()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(err.contains("names.tsv:2: type \"planet\""), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn place_adjectives_flag_adds_adjectives_as_locations() {
    let text = "Российские военные прибыли в Москву.";
    let locations = |args: &[&str]| -> Vec<(String, String)> {
        let out = run_stdin(args, text);
        assert_success(&out);
        lines(&out)
            .iter()
            .filter(|f| f["type"] == "location")
            .map(|f| {
                (
                    f["text"].as_str().unwrap().to_string(),
                    f["value"]["normal"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let moscow = || ("Москву".to_string(), "Москва".to_string());
    assert_eq!(locations(&[]), [moscow()]);
    assert_eq!(
        locations(&["--place-adjectives"]),
        [("Российские".to_string(), "Россия".to_string()), moscow()]
    );
}
