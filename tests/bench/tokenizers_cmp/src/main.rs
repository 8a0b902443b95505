//! Throughput comparison: Hugging Face `tokenizers` (NormalizedString /
//! PreTokenizedString) versus a hand-written single-pass normalizer with an
//! alignment map, for the text layer of newsfacts.
//!
//! Usage: tokenizers_cmp [CORPUS_JSONL] [MIN_MB]
//!   defaults: /work/shared/eval/factru_dev.jsonl, 20

use std::hint::black_box;
use std::io::BufRead;
use std::time::Instant;

use tokenizers::pre_tokenizers::bert::BertPreTokenizer;
use tokenizers::pre_tokenizers::digits::Digits;
use tokenizers::pre_tokenizers::sequence::Sequence;
use tokenizers::pre_tokenizers::whitespace::Whitespace;
use tokenizers::tokenizer::normalizer::Range;
use tokenizers::{
    NormalizedString, OffsetReferential, OffsetType, PreTokenizedString, PreTokenizer,
    PreTokenizerWrapper,
};

const RUNS: usize = 5;

// ---------------------------------------------------------------------------
// The normalization rules (shared by both implementations)
// ---------------------------------------------------------------------------

/// Unicode space separators (category Zs) other than U+0020.
#[inline]
fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

#[inline]
fn is_quote(c: char) -> bool {
    matches!(c, '«' | '»' | '„' | '“' | '”' | '‚' | '‘' | '’')
}

#[inline]
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '‑' | '‒' | '−')
}

/// Characters that are dropped: soft hyphen, combining grave / acute accent.
#[inline]
fn is_removed(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{0300}' | '\u{0301}')
}

/// Per-char mapping applied after lowercasing.
#[inline]
fn map_char(c: char) -> char {
    if c == 'ё' {
        'е'
    } else if is_quote(c) {
        '"'
    } else if is_dash(c) {
        '-'
    } else if is_unicode_space(c) {
        ' '
    } else {
        c
    }
}

// ---------------------------------------------------------------------------
// Approach 1: tokenizers NormalizedString
// ---------------------------------------------------------------------------

/// lowercase + one `map` + one `filter` (the cheapest way to express the rules
/// with the alignment-keeping API).
fn tk_normalize(doc: &str) -> NormalizedString {
    let mut n = NormalizedString::from(doc);
    n.lowercase();
    n.map(map_char);
    n.filter(|c| !is_removed(c));
    n
}

/// Same rules expressed with `replace` calls, one per rule family (the way
/// one would write it from a list of rules).
fn tk_normalize_replace(doc: &str) -> NormalizedString {
    let mut n = NormalizedString::from(doc);
    n.lowercase();
    n.replace('ё', "е").unwrap();
    n.replace(is_quote, "\"").unwrap();
    n.replace(is_dash, "-").unwrap();
    n.replace(is_unicode_space, " ").unwrap();
    n.replace(is_removed, "").unwrap();
    n
}

/// Read back the alignment of a few offsets (first char, a middle byte range,
/// last char) so that the alignment is actually used.
fn tk_probe(n: &NormalizedString) -> usize {
    let len = n.len();
    let mut acc = n.offsets_original().1;
    if len == 0 {
        return acc;
    }
    let s = n.get();
    let mut mid = len / 2;
    while !s.is_char_boundary(mid) {
        mid -= 1;
    }
    let last = s.char_indices().next_back().map(|(i, _)| i).unwrap_or(0);
    for r in [0..1usize.min(len), mid..(mid + 1).min(len), last..len] {
        if let Some(o) = n.convert_offsets(Range::Normalized(r)) {
            acc = acc.wrapping_add(o.start).wrapping_add(o.end);
        }
    }
    acc
}

// ---------------------------------------------------------------------------
// Approach 2: tokenizers pre-tokenization on top of approach 1
// ---------------------------------------------------------------------------

fn tk_pretokenize(doc: &str, pretok: &PreTokenizerWrapper, out: &mut Vec<(usize, usize)>) {
    let n = tk_normalize(doc);
    let mut pts = PreTokenizedString::from(n);
    pretok.pre_tokenize(&mut pts).unwrap();
    out.clear();
    out.extend(
        pts.get_splits(OffsetReferential::Original, OffsetType::Byte)
            .into_iter()
            .map(|(_, o, _)| o),
    );
}

// ---------------------------------------------------------------------------
// Approach 3: hand-written baseline
// ---------------------------------------------------------------------------

/// Lowercase + map for one non-ASCII char, pushing the result(s) and the
/// alignment. Returns nothing; removed chars push nothing.
#[inline]
fn push_non_ascii(c: char, orig: u32, out: &mut String, map: &mut Vec<u32>) {
    let m = match c {
        // Cyrillic fast paths (the bulk of the text).
        'а'..='я' => c,
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap(),
        'ё' | 'Ё' => 'е',
        '«' | '»' | '„' | '“' | '”' | '‚' | '‘' | '’' => '"',
        '—' | '–' | '‑' | '‒' | '−' => '-',
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            ' '
        }
        '\u{00AD}' | '\u{0300}' | '\u{0301}' => return,
        _ => {
            // General case: full Unicode lowercase (may expand), then the map.
            let mut lower = c.to_lowercase();
            if lower.len() == 1 {
                lower.next().unwrap()
            } else {
                for l in lower {
                    let l = map_char(l);
                    if is_removed(l) {
                        continue;
                    }
                    out.push(l);
                    for _ in 0..l.len_utf8() {
                        map.push(orig);
                    }
                }
                return;
            }
        }
    };
    let m = map_char(m);
    if is_removed(m) {
        return;
    }
    out.push(m);
    for _ in 0..m.len_utf8() {
        map.push(orig);
    }
}

/// One pass over `char_indices()`; `map[i]` is the original byte offset of the
/// char that produced normalized byte `i`.
fn base_normalize(src: &str, out: &mut String, map: &mut Vec<u32>) {
    out.clear();
    map.clear();
    out.reserve(src.len());
    map.reserve(src.len());
    for (i, c) in src.char_indices() {
        if c.is_ascii() {
            // ASCII fast path: lowercase only.
            out.push((c as u8).to_ascii_lowercase() as char);
            map.push(i as u32);
        } else {
            push_non_ascii(c, i as u32, out, map);
        }
    }
}

/// Same rules, but the ASCII fast path skips over whole ASCII runs with byte
/// ops (variant 3b).
fn base_normalize_runs(src: &str, out: &mut String, map: &mut Vec<u32>) {
    out.clear();
    map.clear();
    out.reserve(src.len());
    map.reserve(src.len());
    let bytes = src.as_bytes();
    let mut i = 0;
    // SAFETY of the unsafe block below: we only push ASCII bytes there.
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let start = i;
            while i < bytes.len() && bytes[i] < 0x80 {
                i += 1;
            }
            unsafe {
                let v = out.as_mut_vec();
                v.extend(bytes[start..i].iter().map(|b| b.to_ascii_lowercase()));
            }
            map.extend(start as u32..i as u32);
        } else {
            // Decode one multi-byte char.
            let c = src[i..].chars().next().unwrap();
            // Two-byte Cyrillic uppercase / lowercase: handle inline.
            push_non_ascii(c, i as u32, out, map);
            i += c.len_utf8();
        }
    }
}

/// Variant 3c: byte-level fast paths for ASCII and for the two-byte Cyrillic
/// block (lead byte 0xD0/0xD1), where lowercase and ё→е are pure byte
/// arithmetic; everything else goes through the same general `match`.
fn base_normalize_cyr(src: &str, out: &mut String, map: &mut Vec<u32>) {
    out.clear();
    map.clear();
    out.reserve(src.len());
    map.reserve(src.len());
    let b = src.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c0 = b[i];
        if c0 < 0x80 {
            // SAFETY: pushing one ASCII byte keeps `out` valid UTF-8.
            unsafe { out.as_mut_vec().push(c0.to_ascii_lowercase()) };
            map.push(i as u32);
            i += 1;
            continue;
        }
        if (c0 == 0xD0 || c0 == 0xD1) && i + 1 < n {
            let c1 = b[i + 1];
            let pair = if c0 == 0xD0 {
                match c1 {
                    0x90..=0x9F => Some([0xD0, c1 + 0x20]), // А-П -> а-п
                    0xA0..=0xAF => Some([0xD1, c1 - 0x20]), // Р-Я -> р-я
                    0xB0..=0xBF => Some([0xD0, c1]),        // а-п
                    0x81 => Some([0xD0, 0xB5]),             // Ё -> е
                    _ => None,
                }
            } else {
                match c1 {
                    0x80..=0x8F => Some([0xD1, c1]), // р-я
                    0x91 => Some([0xD0, 0xB5]),      // ё -> е
                    _ => None,
                }
            };
            if let Some(p) = pair {
                // SAFETY: `p` is a complete two-byte UTF-8 Cyrillic letter.
                unsafe { out.as_mut_vec().extend_from_slice(&p) };
                map.extend_from_slice(&[i as u32, i as u32]);
                i += 2;
                continue;
            }
        }
        let c = src[i..].chars().next().unwrap();
        push_non_ascii(c, i as u32, out, map);
        i += c.len_utf8();
    }
}

/// Variant 3d: as 3c, but the output buffers are sized up front and the fast
/// paths write through raw pointers with local cursors (no per-push capacity
/// check). Rare chars still go through `push_non_ascii` on the String.
fn base_normalize_raw(src: &str, out: &mut String, map: &mut Vec<u32>) {
    out.clear();
    map.clear();
    let b = src.as_bytes();
    let n = b.len();
    // Lowercasing can grow a char by at most 1.5x (U+0130 -> "i\u{307}"),
    // everything else keeps or shrinks the byte length: 2n is a safe bound.
    let cap = 2 * n + 8;
    out.reserve(cap);
    map.reserve(cap);
    let mut i = 0;
    // SAFETY: every write below stays within `cap` (see bound above), only
    // whole UTF-8 sequences are written to `out`, and `set_len` is only
    // called with lengths that were fully written.
    unsafe {
        let mut op = out.as_mut_vec().as_mut_ptr();
        let mut mp = map.as_mut_ptr();
        let mut olen = 0usize;
        while i < n {
            let c0 = *b.get_unchecked(i);
            if c0 < 0x80 {
                *op.add(olen) = c0.to_ascii_lowercase();
                *mp.add(olen) = i as u32;
                olen += 1;
                i += 1;
                continue;
            }
            if (c0 == 0xD0 || c0 == 0xD1) && i + 1 < n {
                let c1 = *b.get_unchecked(i + 1);
                let pair: u16 = if c0 == 0xD0 {
                    match c1 {
                        0x90..=0x9F => 0xD0 << 8 | (c1 + 0x20) as u16,
                        0xA0..=0xAF => 0xD1 << 8 | (c1 - 0x20) as u16,
                        0xB0..=0xBF => 0xD0 << 8 | c1 as u16,
                        0x81 => 0xD0B5,
                        _ => 0,
                    }
                } else {
                    match c1 {
                        0x80..=0x8F => 0xD1 << 8 | c1 as u16,
                        0x91 => 0xD0B5,
                        _ => 0,
                    }
                };
                if pair != 0 {
                    *op.add(olen) = (pair >> 8) as u8;
                    *op.add(olen + 1) = pair as u8;
                    *mp.add(olen) = i as u32;
                    *mp.add(olen + 1) = i as u32;
                    olen += 2;
                    i += 2;
                    continue;
                }
            }
            // Slow path: commit the lengths, use the safe String/Vec API,
            // then re-read cursors (pointers too, in case of reallocation).
            out.as_mut_vec().set_len(olen);
            map.set_len(olen);
            let c = src[i..].chars().next().unwrap();
            push_non_ascii(c, i as u32, out, map);
            i += c.len_utf8();
            olen = out.len();
            assert!(out.capacity() >= olen + 2 * (n - i) && map.capacity() >= olen + 2 * (n - i));
            op = out.as_mut_vec().as_mut_ptr();
            mp = map.as_mut_ptr();
        }
        out.as_mut_vec().set_len(olen);
        map.set_len(olen);
    }
}

const K_WORD: u8 = 0;
const K_NUM: u8 = 1;
const K_PUNCT: u8 = 2;

#[inline]
fn class(c: char) -> u8 {
    // 3 = whitespace (skipped)
    if c.is_ascii() {
        let b = c as u8;
        if b.is_ascii_lowercase() || b.is_ascii_uppercase() {
            K_WORD
        } else if b.is_ascii_digit() {
            K_NUM
        } else if b.is_ascii_whitespace() || b == 0x0b {
            3
        } else {
            K_PUNCT
        }
    } else if ('а'..='я').contains(&c) || c.is_alphabetic() {
        K_WORD
    } else if c.is_numeric() {
        K_NUM
    } else if c.is_whitespace() {
        3
    } else {
        K_PUNCT
    }
}

/// Runs of letters, runs of digits, single punctuation chars; whitespace
/// skipped. Offsets are converted to ORIGINAL byte offsets with the map.
fn base_tokenize(norm: &str, map: &[u32], orig: &str, toks: &mut Vec<(u32, u32, u8)>) {
    toks.clear();
    let ob = orig.as_bytes();
    let to_orig_end = |nend: usize| -> u32 {
        // original end = start of the original char behind the last normalized
        // byte + that original char's UTF-8 length.
        let o = map[nend - 1] as usize;
        let lead = ob[o];
        let l = if lead < 0x80 {
            1
        } else if lead < 0xE0 {
            2
        } else if lead < 0xF0 {
            3
        } else {
            4
        };
        (o + l) as u32
    };
    let mut cur_kind = 3u8;
    let mut cur_start = 0usize;
    for (i, c) in norm.char_indices() {
        let k = class(c);
        if k == cur_kind && k != K_PUNCT && k != 3 {
            continue;
        }
        if cur_kind != 3 {
            toks.push((map[cur_start], to_orig_end(i), cur_kind));
        }
        cur_kind = k;
        cur_start = i;
    }
    if cur_kind != 3 {
        toks.push((map[cur_start], to_orig_end(norm.len()), cur_kind));
    }
}

// ---------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------

fn vm_hwm_kb() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in s.lines() {
        if let Some(rest) = line.strip_prefix("VmHWM:") {
            return rest.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
        }
    }
    0
}

fn vm_rss_kb() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in s.lines() {
        if let Some(rest) = line.strip_prefix("VmRSS:") {
            return rest.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
        }
    }
    0
}

/// Reset the peak-RSS watermark (Linux >= 4.0); returns false if not allowed.
fn reset_hwm() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

struct Row {
    name: &'static str,
    secs: Vec<f64>,
    peak_kb: Option<u64>,
}

fn bench<F: FnMut() -> usize>(name: &'static str, hwm_ok: bool, mut f: F) -> Row {
    if hwm_ok {
        reset_hwm();
    }
    let mut secs = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        let r = f();
        black_box(r);
        secs.push(t.elapsed().as_secs_f64());
    }
    let peak_kb = if hwm_ok { Some(vm_hwm_kb()) } else { None };
    Row { name, secs, peak_kb }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("/work/shared/eval/factru_dev.jsonl");
    let min_mb: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20);
    let min_bytes = min_mb * 1_000_000;

    // --- corpus -----------------------------------------------------------
    let f = std::fs::File::open(path).expect("open corpus");
    let mut base_docs = Vec::new();
    for line in std::io::BufReader::new(f).lines() {
        let line = line.unwrap();
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            base_docs.push(t.to_string());
        }
    }
    let base_bytes: usize = base_docs.iter().map(|d| d.len()).sum();
    assert!(base_bytes > 0, "empty corpus");
    let mut docs: Vec<String> = Vec::new();
    let mut total = 0usize;
    while total < min_bytes {
        for d in &base_docs {
            docs.push(d.clone());
            total += d.len();
        }
    }
    let total_mb = total as f64 / 1e6;
    println!(
        "corpus: {} source docs ({} bytes) repeated -> {} docs, {} bytes ({:.2} MB, decimal)",
        base_docs.len(),
        base_bytes,
        docs.len(),
        total,
        total_mb
    );
    let load_peak_kb = vm_hwm_kb();
    let hwm_ok = reset_hwm();
    println!(
        "RSS after loading corpus: {} kB; per-approach peak RSS {}",
        vm_rss_kb(),
        if hwm_ok { "measured via clear_refs reset" } else { "not available" }
    );

    // --- correctness (outside timing) ------------------------------------
    let mut out = String::new();
    let mut map = Vec::new();
    let mut out_b = String::new();
    let mut map_b = Vec::new();
    let mut toks3 = Vec::new();
    let mut toks2 = Vec::new();
    let bert_digits = PreTokenizerWrapper::Sequence(Sequence::new(vec![
        PreTokenizerWrapper::BertPreTokenizer(BertPreTokenizer),
        PreTokenizerWrapper::Digits(Digits::new(false)),
    ]));
    let whitespace = PreTokenizerWrapper::Whitespace(Whitespace);
    let (mut norm_diff, mut align_diff, mut replace_diff, mut runs_diff, mut tok_diff_docs) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut tok2_count, mut tok3_count) = (0usize, 0usize);
    let mut shown = 0;
    let mut out_c = String::new();
    let mut map_c = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let n = tk_normalize(d);
        let nr = tk_normalize_replace(d);
        base_normalize(d, &mut out, &mut map);
        base_normalize_runs(d, &mut out_b, &mut map_b);
        if nr.get() != n.get() {
            replace_diff += 1;
        }
        base_normalize_cyr(d, &mut out_c, &mut map_c);
        let mut bad = out_b != out || map_b != map || out_c != out || map_c != map;
        base_normalize_raw(d, &mut out_c, &mut map_c);
        bad |= out_c != out || map_c != map;
        if bad {
            runs_diff += 1;
        }
        if n.get() != out {
            norm_diff += 1;
            if shown < 3 {
                shown += 1;
                let a: Vec<char> = n.get().chars().collect();
                let b: Vec<char> = out.chars().collect();
                let p = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
                let lo = p.saturating_sub(20);
                println!(
                    "  NORMALIZATION DIFF doc {di} at char {p}: tokenizers={:?} baseline={:?}",
                    a[lo..(p + 20).min(a.len())].iter().collect::<String>(),
                    b[lo..(p + 20).min(b.len())].iter().collect::<String>()
                );
            }
        } else {
            // Alignment: every normalized char must map to the same original start.
            for (i, c) in out.char_indices() {
                let o = n
                    .convert_offsets(Range::Normalized(i..i + c.len_utf8()))
                    .expect("convert");
                if o.start != map[i] as usize {
                    align_diff += 1;
                }
            }
        }
        // Tokens: approach 2 (Bert+Digits) vs approach 3, in original offsets.
        tk_pretokenize(d, &bert_digits, &mut toks2);
        base_tokenize(&out, &map, d, &mut toks3);
        tok2_count += toks2.len();
        tok3_count += toks3.len();
        let t3: Vec<(usize, usize)> =
            toks3.iter().map(|&(s, e, _)| (s as usize, e as usize)).collect();
        if t3 != toks2 {
            tok_diff_docs += 1;
            if tok_diff_docs <= 2 {
                let p = t3.iter().zip(&toks2).position(|(x, y)| x != y).unwrap_or(0);
                let show = |v: &[(usize, usize)]| -> Vec<String> {
                    v[p.saturating_sub(1)..(p + 3).min(v.len())]
                        .iter()
                        .map(|&(s, e)| d[s..e].to_string())
                        .collect()
                };
                println!(
                    "  token diff (info) doc {di}: bert+digits={:?} baseline={:?}",
                    show(&toks2),
                    show(&t3)
                );
            }
        }
    }
    println!(
        "check: normalized string differs (approach 3 vs 1) in {norm_diff}/{} docs; \
         per-char alignment mismatches: {align_diff}; replace-variant diffs: {replace_diff}; \
         3b/3c/3d-vs-3 diffs: {runs_diff}",
        docs.len()
    );
    println!(
        "info: tokens per corpus pass: bert+digits {tok2_count}, baseline {tok3_count}; \
         docs whose token offsets differ: {tok_diff_docs}"
    );

    // --- timing -------------------------------------------------------------
    let mut rows = Vec::new();
    rows.push(bench("1  tokenizers NormalizedString: lowercase+map+filter (+probe)", hwm_ok, || {
        let mut acc = 0usize;
        for d in &docs {
            let n = tk_normalize(d);
            acc = acc.wrapping_add(tk_probe(&n)).wrapping_add(n.len());
        }
        acc
    }));
    rows.push(bench("1b tokenizers NormalizedString: lowercase+5x replace (+probe)", hwm_ok, || {
        let mut acc = 0usize;
        for d in &docs {
            let n = tk_normalize_replace(d);
            acc = acc.wrapping_add(tk_probe(&n)).wrapping_add(n.len());
        }
        acc
    }));
    rows.push(bench("2  tokenizers normalize + BertPreTokenizer+Digits, offsets", hwm_ok, || {
        let mut acc = 0usize;
        let mut v = Vec::new();
        for d in &docs {
            tk_pretokenize(d, &bert_digits, &mut v);
            acc = acc.wrapping_add(v.len());
        }
        acc
    }));
    rows.push(bench("2b tokenizers normalize + Whitespace pre-tok, offsets", hwm_ok, || {
        let mut acc = 0usize;
        let mut v = Vec::new();
        for d in &docs {
            tk_pretokenize(d, &whitespace, &mut v);
            acc = acc.wrapping_add(v.len());
        }
        acc
    }));
    rows.push(bench("3  baseline normalize (char_indices, ASCII fast path) + probe", hwm_ok, || {
        let mut acc = 0usize;
        for d in &docs {
            base_normalize(d, &mut out, &mut map);
            let last = map.len().saturating_sub(1);
            acc = acc
                .wrapping_add(out.len())
                .wrapping_add(map.first().copied().unwrap_or(0) as usize)
                .wrapping_add(map.get(map.len() / 2).copied().unwrap_or(0) as usize)
                .wrapping_add(map.get(last).copied().unwrap_or(0) as usize);
        }
        acc
    }));
    rows.push(bench("3b baseline normalize (byte-level ASCII-run fast path) + probe", hwm_ok, || {
        let mut acc = 0usize;
        for d in &docs {
            base_normalize_runs(d, &mut out, &mut map);
            acc = acc
                .wrapping_add(out.len())
                .wrapping_add(map.get(map.len() / 2).copied().unwrap_or(0) as usize);
        }
        acc
    }));
    rows.push(bench("3c baseline normalize (byte-level ASCII + Cyrillic fast path)", hwm_ok, || {
        let mut acc = 0usize;
        for d in &docs {
            base_normalize_cyr(d, &mut out, &mut map);
            acc = acc
                .wrapping_add(out.len())
                .wrapping_add(map.get(map.len() / 2).copied().unwrap_or(0) as usize);
        }
        acc
    }));
    rows.push(bench("3d baseline normalize (3c with raw-pointer writes)", hwm_ok, || {
        let mut acc = 0usize;
        for d in &docs {
            base_normalize_raw(d, &mut out, &mut map);
            acc = acc
                .wrapping_add(out.len())
                .wrapping_add(map.get(map.len() / 2).copied().unwrap_or(0) as usize);
        }
        acc
    }));
    rows.push(bench("3dt 3d normalize + tokenize (orig offsets, reused Vec)", hwm_ok, || {
        let mut acc = 0usize;
        for d in &docs {
            base_normalize_raw(d, &mut out, &mut map);
            base_tokenize(&out, &map, d, &mut toks3);
            acc = acc.wrapping_add(toks3.len());
        }
        acc
    }));
    rows.push(bench("3ct 3c normalize + tokenize (orig offsets, reused Vec)", hwm_ok, || {
        let mut acc = 0usize;
        for d in &docs {
            base_normalize_cyr(d, &mut out, &mut map);
            base_tokenize(&out, &map, d, &mut toks3);
            acc = acc.wrapping_add(toks3.len());
        }
        acc
    }));
    rows.push(bench("3t baseline normalize + tokenize (orig offsets, reused Vec)", hwm_ok, || {
        let mut acc = 0usize;
        for d in &docs {
            base_normalize(d, &mut out, &mut map);
            base_tokenize(&out, &map, d, &mut toks3);
            acc = acc.wrapping_add(toks3.len());
        }
        acc
    }));

    println!();
    println!(
        "{:<66} {:>9} {:>10} {:>12}",
        "approach", "median s", "MB/s", "peak RSS kB"
    );
    for r in &rows {
        let m = median(r.secs.clone());
        println!(
            "{:<66} {:>9.4} {:>10.1} {:>12}",
            r.name,
            m,
            total_mb / m,
            r.peak_kb.map(|k| k.to_string()).unwrap_or_else(|| "-".into())
        );
    }
    println!();
    for r in &rows {
        let s: Vec<String> = r.secs.iter().map(|x| format!("{x:.4}")).collect();
        println!("runs {:<3}: {}", r.name.split_whitespace().next().unwrap(), s.join(" "));
    }
    println!();
    let end_hwm = vm_hwm_kb();
    let overall = rows
        .iter()
        .filter_map(|r| r.peak_kb)
        .chain([load_peak_kb, end_hwm])
        .max()
        .unwrap_or(0);
    println!("peak RSS while loading corpus (VmHWM): {load_peak_kb} kB");
    println!("peak RSS at end (VmHWM, since last reset): {end_hwm} kB");
    println!("peak RSS over the whole run: {overall} kB");
    if !hwm_ok {
        println!("(process-wide peak only; clear_refs reset not permitted)");
    }
}
