//! Normalization that never loses the original.
//!
//! Rules and lexicons see one canonical spelling: lowercase, `ё` → `е`, quotes → `"` or `'`,
//! dashes → `-`, every space → ` `, line separators → `\n`, with soft hyphens, zero-width
//! characters and combining stress marks removed. Each original character becomes at most one
//! normalized character, so the map back is piecewise linear: a short list of the points
//! where the byte shift between the two texts changes. News text has few such points (a
//! quote, an NBSP), so the map costs a few entries per document instead of one per byte.

/// A normalized text and the map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// `(normalized offset, original - normalized)`: from that offset on, until the next
    /// entry, a normalized byte offset plus the shift is the original byte offset.
    shifts: Vec<(usize, isize)>,
    /// A bit per normalized byte offset, set at the characters that differ from their
    /// original (a capital lowercased, a quote or space replaced, any character the general
    /// path took) and at those right after a dropped one: see [`Normalized::is_copied`].
    changed: Vec<u64>,
}

/// What one original character becomes.
enum Out {
    Keep,
    Char(char),
    Drop,
}

#[inline]
fn map_char(c: char) -> Out {
    match c {
        // Cyrillic capitals А..Я and ё/Ё, the bulk of the text.
        'А'..='Я' => Out::Char(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        'Ё' | 'ё' => Out::Char('е'),
        'а'..='я' => Out::Keep,
        '«' | '»' | '„' | '“' | '”' | '‟' | '″' | '〞' | '＂' => Out::Char('"'),
        '‘' | '’' | '‚' | '‛' | '′' | '`' => Out::Char('\''),
        '—' | '–' | '‑' | '‒' | '−' | '―' | '⁃' | '﹣' | '－' => Out::Char('-'),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Out::Drop,
        // Stress marks and the diaeresis of a decomposed ё; other combining marks stay.
        '\u{0300}' | '\u{0301}' | '\u{0308}' => Out::Drop,
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Out::Char('\n'),
        c if c.is_whitespace() => Out::Char(' '),
        c if c.is_control() => Out::Char(' '),
        c => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l != c => Out::Char(l),
                // Characters whose lowercase is several characters stay as they are, so
                // that every original character maps to at most one normalized one.
                _ => Out::Keep,
            }
        }
    }
}

/// [`Normalized::new`]'s output while it is written.
struct Builder {
    text: String,
    shifts: Vec<(usize, isize)>,
    changed: Vec<u64>,
    /// The shift of the last shift point.
    shift: isize,
    /// The start of the run of unchanged characters not yet copied.
    run: usize,
}

impl Builder {
    fn new(len: usize) -> Builder {
        Builder {
            text: String::with_capacity(len),
            // Room for the shift points of a quote or a dash every few hundred bytes.
            shifts: {
                let mut shifts = Vec::with_capacity(len / 256 + 8);
                shifts.push((0usize, 0isize));
                shifts
            },
            changed: vec![0u64; len / 64 + 1],
            shift: 0,
            run: 0,
        }
    }

    /// Judges the character at `i` (a character boundary of `original`) that the fast
    /// tests could not keep: writes what it becomes (after the run before it) if it
    /// changes, else leaves it in the run. Returns the end of the character.
    // Inlined in both of its loops: out of line it cost more (measured: +0.06 M Ir).
    #[inline(always)]
    fn judge(&mut self, original: &str, i: usize) -> usize {
        let bytes = original.as_bytes();
        let Some(&b) = bytes.get(i) else {
            return i + 1;
        };
        let text = &mut self.text;
        if b < 0x80 {
            // ASCII: one byte in, one byte out.
            let out = match b {
                b'A'..=b'Z' => b + 32,
                b'\t' | b'\r' | 0x0b | 0x0c => b' ',
                b'\n' => b'\n',
                0..=0x1f | 0x7f => b' ',
                b'`' => b'\'',
                _ => b,
            };
            if out != b {
                text.push_str(&original[self.run..i]);
                mark_changed(&mut self.changed, text.len());
                text.push(char::from(out));
                self.run = i + 1;
            }
            return i + 1;
        }
        // Two-byte Cyrillic (lead byte 0xD0/0xD1), most of the text: А..Я → а..я,
        // Ё/ё → е, Ѐ..Џ → ѐ..џ by code point arithmetic; same byte length, so the
        // shift does not change.
        if (b == 0xD0 || b == 0xD1) && i + 1 < bytes.len() {
            let cp = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
            let lower = match cp {
                0x401 | 0x451 => 0x435,
                0x400..=0x40F => cp + 0x50,
                0x410..=0x42F => cp + 0x20,
                _ => cp,
            };
            if lower == cp {
                return i + 2;
            }
            if let Some(c) = char::from_u32(lower) {
                text.push_str(&original[self.run..i]);
                mark_changed(&mut self.changed, text.len());
                text.push(c);
                self.run = i + 2;
                return i + 2;
            }
        }
        text.push_str(&original[self.run..i]);
        mark_changed(&mut self.changed, text.len());
        // `i` is always on a character boundary here.
        let c = original[i..].chars().next().unwrap_or('\u{FFFD}');
        let len = c.len_utf8();
        let out = match map_char(c) {
            Out::Keep => Some(c),
            Out::Char(n) => Some(n),
            Out::Drop => None,
        };
        let shifts = &mut self.shifts;
        match out {
            Some(n) => {
                let here = text.len();
                let want = i as isize - here as isize;
                if want != self.shift {
                    self.shift = want;
                    push_shift(shifts, here, want);
                }
                text.push(n);
                let after = (i + len) as isize - text.len() as isize;
                if after != self.shift {
                    self.shift = after;
                    push_shift(shifts, text.len(), after);
                }
            }
            None => {
                let after = (i + len) as isize - text.len() as isize;
                self.shift = after;
                push_shift(shifts, text.len(), after);
            }
        }
        self.run = i + len;
        i + len
    }

    /// Copies the last run: the normalized text.
    fn finish(mut self, original: &str) -> Normalized {
        self.text
            .push_str(original.get(self.run..).unwrap_or_default());
        Normalized {
            text: self.text,
            shifts: self.shifts,
            changed: self.changed,
        }
    }
}

impl Normalized {
    /// Normalizes `original`.
    // A stage run once per document: out of line, its loops compile apart from the
    // pipeline's (inlined into one function they cost more instructions).
    #[inline(never)]
    pub fn new(original: &str) -> Normalized {
        // Most of a text stays as it is (lowercase Cyrillic, ASCII lowercase, spaces): such
        // runs are copied whole; only the characters that change are written one by one.
        let mut out = Builder::new(original.len());
        let bytes = original.as_bytes();
        // The end of the characters judged so far.
        let mut i = 0;
        // Chunks of CHUNK bytes at fixed places, each tested once; the characters a chunk
        // flags (a capital, a quote...) are judged in order, without testing again the
        // bytes after them. A flagged byte begins a character: continuation bytes are
        // never flagged, so none lies inside a character judged before.
        let mut chunk = 0;
        while let Some(flags) = unkept_flags(bytes, chunk) {
            let mut flags = flags;
            while flags != 0 {
                let at = chunk + flags.trailing_zeros() as usize / 8;
                // Each flagged byte has its high bit alone set.
                flags &= flags - 1;
                if at >= i {
                    i = out.judge(original, at);
                }
            }
            chunk += CHUNK;
        }
        // The last bytes (too few for a chunk), from the first character not yet judged
        // or copied: the letter the last chunk may have split is read again whole.
        let mut i = i.max(chunk);
        while i > 0 && !original.is_char_boundary(i) {
            i -= 1;
        }
        while i < bytes.len() {
            i = skip_unchanged(bytes, i);
            if i >= bytes.len() {
                break;
            }
            i = out.judge(original, i);
        }
        out.finish(original)
    }

    /// True if the character at the normalized byte offset `at` is a copy of its original
    /// character, with nothing dropped right before it.
    #[inline]
    pub fn is_copied(&self, at: usize) -> bool {
        self.changed
            .get(at / 64)
            .is_none_or(|&bits| bits >> (at % 64) & 1 == 0)
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original byte offset of the normalized byte offset `offset` (a character
    /// boundary of the normalized text, or its end).
    pub fn to_original(&self, offset: usize) -> usize {
        let k = self.shifts.partition_point(|&(at, _)| at <= offset);
        let shift = self.shifts[k.saturating_sub(1)].1;
        (offset as isize + shift) as usize
    }

    /// The original byte span of the normalized span `start..end`: from the original start
    /// of its first character to the original end of its last one (so characters dropped
    /// just before or after the span are not included).
    pub fn span_to_original(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let k = self.shifts.partition_point(|&(at, _)| at <= start);
        self.span_to_original_at(original, start, end, k)
    }

    /// [`Normalized::span_to_original`] given `k`, the index of the first shift point
    /// after `start`.
    fn span_to_original_at(
        &self,
        original: &str,
        start: usize,
        end: usize,
        k: usize,
    ) -> (usize, usize) {
        if end <= start {
            let s = self.to_original(start);
            return (s, s);
        }
        // No shift point in `start..=end` (the common case): every character between maps
        // to one of the same length, so the span moves as a whole.
        if self.shifts.get(k).is_none_or(|&(at, _)| at > end) {
            let shift = self.shifts[k.saturating_sub(1)].1;
            return (
                (start as isize + shift) as usize,
                (end as isize + shift) as usize,
            );
        }
        let s = self.to_original(start);
        let last = self.text[..end]
            .char_indices()
            .next_back()
            .map_or(start, |(at, _)| at);
        let last_orig = self.to_original(last);
        let len = original[last_orig..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        (s, last_orig + len)
    }
}

/// The end of the run of characters from `i` on that normalization keeps as they are:
/// lowercase Cyrillic and the usual ASCII (the bulk of news text), checked on the bytes
/// without decoding. Any other character ends the run, for the general code to judge.
/// [`Normalized::new`] asks it for the last bytes of a text, too few for a chunk.
#[inline]
fn skip_unchanged(bytes: &[u8], mut i: usize) -> usize {
    // Sixteen bytes at a time while they all are kept (the next byte read too, for the
    // letter a lead byte at the end begins), up to the first that is not; a run can also
    // stop inside a letter, near the end of the text, whose lead byte the byte-wise loop
    // below reads again.
    let start = i;
    while let Some(unkept) = first_unkept(bytes, i) {
        i += unkept;
        if unkept < CHUNK {
            // The byte found begins a character: most end the run here (a capital, a
            // quote), told without the byte-wise loop; the rare kept `[\]^_` go on.
            match bytes.get(i) {
                Some(&b) if KEPT[usize::from(b)] == ASCII => i += 1,
                _ => return i,
            }
        }
    }
    if i > start && bytes.get(i).is_some_and(|&b| (0x80..0xC0).contains(&b)) {
        i -= 1;
    }
    while let Some(&b) = bytes.get(i) {
        match KEPT[usize::from(b)] {
            ASCII => i += 1,
            // U+0430..U+043F (а..п).
            LEAD_D0 if bytes.get(i + 1).is_some_and(|&c| c >= 0xB0) => i += 2,
            // U+0440..U+047F but ё (U+0451).
            LEAD_D1 if bytes.get(i + 1).is_some_and(|&c| c != 0x91) => i += 2,
            _ => break,
        }
    }
    i
}

/// The bytes [`first_unkept`] tests at once.
const CHUNK: usize = 16;

/// Of the bytes `i..i + CHUNK` (of a valid UTF-8 text, `i` a character boundary or the
/// second byte of a kept letter), the offset of the first that [`skip_unchanged`] may not
/// keep, or `CHUNK` if it keeps them all; `None` if there are not `CHUNK` bytes and one
/// after them. Kept: a kept ASCII byte, a continuation byte, or a lead byte 0xD0 followed
/// by 0xB0 or more or 0xD1 followed by anything but 0x91. Continuation bytes of other leads
/// need no test: their lead is in the chunk or was the end of the last one tested (so the
/// byte found is an ASCII or lead byte, a character boundary). Of the ASCII bytes only
/// 0x20..0x40, a..~ and the line feed count as kept here (the rare `[\]^_`, though kept,
/// stop the chunk: the byte-wise loop takes them).
///
/// Written as one test per byte over fixed-size arrays so that the compiler turns it into
/// a few vector instructions for the whole chunk (measured: ~3 instructions a byte, against
/// ~7.5 for the same test on 64-bit words); the first byte found is the first high bit set.
#[inline]
fn first_unkept(bytes: &[u8], i: usize) -> Option<usize> {
    // Tested for zero first: most chunks are kept whole.
    let flags = unkept_flags(bytes, i)?;
    Some(if flags == 0 {
        CHUNK
    } else {
        flags.trailing_zeros() as usize / 8
    })
}

/// The test of [`first_unkept`] as flags: byte `k` of the number (little-endian) is 0x80
/// if byte `i + k` may not be kept, else 0.
#[inline]
fn unkept_flags(bytes: &[u8], i: usize) -> Option<u128> {
    // One bounds check for both: the chunk and the chunk one byte on.
    let window = <&[u8; CHUNK + 1]>::try_from(bytes.get(i..i + CHUNK + 1)?).ok()?;
    let here = window.first_chunk::<CHUNK>()?;
    let next = window.last_chunk::<CHUNK>()?;
    let mut unkept = [0u8; CHUNK];
    for ((&b, &n), flag) in here.iter().zip(next).zip(&mut unkept) {
        let continuation = (b as i8) < -64;
        let punctuation = b.wrapping_sub(0x20) <= 0x20;
        let lowercase = b.wrapping_sub(b'a') <= b'~' - b'a';
        let line_feed = b == b'\n';
        let cyrillic_d0 = b == 0xD0 && n >= 0xB0;
        let cyrillic_d1 = b == 0xD1 && n != 0x91;
        let kept = continuation | punctuation | lowercase | line_feed | cyrillic_d0 | cyrillic_d1;
        *flag = if kept { 0 } else { 0x80 };
    }
    Some(u128::from_le_bytes(unkept))
}

/// What [`skip_unchanged`] makes of a byte: [`ASCII`] kept as it is, the lead bytes of
/// Cyrillic letters, or 0 (ends the run).
const KEPT: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 0x80 {
        // Printable ASCII but capitals and the backquote; and the line feed.
        let kept = matches!(b as u8, b' '..=b'@' | b'['..=b'_' | b'a'..=b'~' | b'\n');
        if kept {
            table[b] = ASCII;
        }
        b += 1;
    }
    table[0xD0] = LEAD_D0;
    table[0xD1] = LEAD_D1;
    table
};
const ASCII: u8 = 1;
const LEAD_D0: u8 = 2;
const LEAD_D1: u8 = 3;

/// Maps spans back to the original in one forward pass over the shift points, for spans
/// asked in order of their starts (tokens): [`Normalized::span_to_original`] without its
/// binary search. A span that starts before the one asked last is mapped all the same.
#[derive(Clone, Debug)]
pub struct OriginalSpans<'a> {
    norm: &'a Normalized,
    original: &'a str,
    /// The index of the first shift point after the last start asked.
    next: usize,
    /// The offset of that shift point (`usize::MAX` if there is none).
    next_at: usize,
    /// The shift of the point before it, which the last start asked falls under.
    shift: isize,
    last_start: usize,
}

impl<'a> OriginalSpans<'a> {
    /// A pass over the spans of `norm`, the normalized `original`.
    pub fn new(norm: &'a Normalized, original: &'a str) -> Self {
        let mut spans = OriginalSpans {
            norm,
            original,
            next: 0,
            next_at: 0,
            shift: 0,
            last_start: 0,
        };
        spans.seek(0);
        spans
    }

    /// Sets `next` (and what goes with it) to the first shift point after `start`.
    fn seek(&mut self, start: usize) {
        let shifts = &self.norm.shifts;
        self.next = shifts.partition_point(|&(at, _)| at <= start);
        self.settle();
    }

    /// Sets `next_at` and `shift` from `next`.
    #[inline]
    fn settle(&mut self) {
        let shifts = &self.norm.shifts;
        self.next_at = shifts.get(self.next).map_or(usize::MAX, |&(at, _)| at);
        self.shift = shifts
            .get(self.next.wrapping_sub(1))
            .map_or(0, |&(_, shift)| shift);
    }

    /// The original byte span of the normalized span `start..end`, as
    /// [`Normalized::span_to_original`] says.
    #[inline]
    pub fn span(&mut self, start: usize, end: usize) -> (usize, usize) {
        if start < self.last_start {
            self.seek(start);
        } else {
            while self.next_at <= start {
                self.next += 1;
                self.settle();
            }
        }
        self.last_start = start;
        // No shift point in `start..=end` (most tokens): the span moves as a whole. Here,
        // not in the call below, which costs more than this test for every word.
        if start < end && end < self.next_at {
            return (
                (start as isize + self.shift) as usize,
                (end as isize + self.shift) as usize,
            );
        }
        self.norm
            .span_to_original_at(self.original, start, end, self.next)
    }
}

/// Sets the bit of `at` in `changed` (grown if need be: a lowercase letter can take more
/// bytes than its capital).
#[inline]
fn mark_changed(changed: &mut Vec<u64>, at: usize) {
    let word = at / 64;
    if word >= changed.len() {
        changed.resize(word + 1, 0);
    }
    if let Some(bits) = changed.get_mut(word) {
        *bits |= 1 << (at % 64);
    }
}

fn push_shift(shifts: &mut Vec<(usize, isize)>, at: usize, shift: isize) {
    match shifts.last_mut() {
        Some(last) if last.0 == at => last.1 = shift,
        _ => shifts.push((at, shift)),
    }
}

#[cfg(test)]
mod tests {
    use super::{Normalized, OriginalSpans, skip_unchanged};

    /// [`skip_unchanged`] a byte at a time, as it was before it read chunks.
    fn skip_unchanged_bytewise(bytes: &[u8], mut i: usize) -> usize {
        while let Some(&b) = bytes.get(i) {
            match b {
                b' '..=b'@' | b'['..=b'_' | b'a'..=b'~' | b'\n' => i += 1,
                0xD0 if bytes.get(i + 1).is_some_and(|&c| c >= 0xB0) => i += 2,
                0xD1 if bytes.get(i + 1).is_some_and(|&c| c != 0x91) => i += 2,
                _ => break,
            }
        }
        i
    }

    /// [`Normalized::new`] with the byte-wise run test, each character it stops at judged:
    /// as it was before it read fixed chunks.
    fn new_bytewise(original: &str) -> Normalized {
        let mut out = super::Builder::new(original.len());
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            i = skip_unchanged_bytewise(bytes, i);
            if i >= bytes.len() {
                break;
            }
            i = out.judge(original, i);
        }
        out.finish(original)
    }

    #[test]
    fn fixed_chunks_normalize_as_byte_wise_runs_do() {
        let rare: Vec<char> =
            "aAzZ@[_`~ \n\t\r\u{7f}\u{1}0аяпрАЯёЁѐЀЏѓџ«—éǅ€😀ӕ\u{00AD}\u{0301}\u{00A0}İ\u{212A}"
                .chars()
                .collect();
        // Mostly kept characters, so that chunks are kept whole too.
        let common = ['а', 'п', 'р', 'я', ' ', 'x'];
        for text in crate::text::random_texts(20_000, |s| (s % 90) as usize, &rare, 5, &common) {
            let fast = Normalized::new(&text);
            let slow = new_bytewise(&text);
            assert_eq!(fast.text, slow.text, "{text:?}");
            assert_eq!(fast.shifts, slow.shifts, "{text:?}");
            assert_eq!(fast.changed, slow.changed, "{text:?}");
        }
    }

    #[test]
    fn runs_read_a_chunk_at_a_time_end_where_byte_by_byte_they_do() {
        let rare: Vec<char> = "aAzZ@[_`~ \n\t\r\u{7f}\u{1}0аяпрАЯёЁѐЀЏѓџ«—éǅ€😀ӕ"
            .chars()
            .collect();
        // Mostly kept characters, so that runs get long.
        let common = ['а', 'п', 'р', 'я', ' ', 'x'];
        for text in crate::text::random_texts(20_000, |s| (s % 40) as usize, &rare, 4, &common) {
            for (at, _) in text.char_indices() {
                assert_eq!(
                    skip_unchanged(text.as_bytes(), at),
                    skip_unchanged_bytewise(text.as_bytes(), at),
                    "{text:?} from {at}"
                );
            }
        }
    }

    #[test]
    fn a_chunk_stops_at_the_first_byte_not_kept() {
        use super::{CHUNK, first_unkept};
        let alphabet: Vec<char> = "aAzZ@[_`~{ \n\t\u{7f}09:/аяпрАЯёЁѐЀЏѓџ«—éǅ€😀ӕ"
            .chars()
            .collect();
        let rare = |b: u8| b"[\\]^_".contains(&b);
        let common = ['а', 'п', 'р', 'я', ' ', 'x', 'ё'];
        for text in crate::text::random_texts(20_000, |_| 20, &alphabet, 4, &common) {
            let bytes = text.as_bytes();
            for (at, _) in text.char_indices() {
                let found = first_unkept(bytes, at);
                if at + CHUNK + 1 > bytes.len() {
                    assert_eq!(found, None, "{text:?} at {at}");
                    continue;
                }
                let found = found.unwrap();
                let kept = (skip_unchanged_bytewise(bytes, at) - at).min(CHUNK);
                if bytes[at..at + CHUNK].iter().any(|&b| rare(b)) {
                    assert!(found <= kept, "{text:?} at {at}");
                    assert!(found == kept || rare(bytes[at + found]), "{text:?} at {at}");
                } else {
                    assert_eq!(found, kept, "{text:?} at {at}");
                }
            }
        }
    }

    #[test]
    fn runs_of_unchanged_text_stop_at_what_normalization_changes() {
        for (text, run) in [
            ("где-то 5 раз, ", "где-то 5 раз, "),
            (
                "абвгдежзийклмнопрстуфхцчшщъыьэюя!",
                "абвгдежзийклмнопрстуфхцчшщъыьэюя!",
            ),
            ("все Ёлки", "все "),
            ("еще ёлки", "еще "),
            ("так`", "так"),
            ("a\tb", "a"),
            ("line\nnext", "line\nnext"),
            ("abc Def", "abc "),
            ("«кавычки»", ""),
            ("ѐѓ", "ѐѓ"),
            ("мукá", "мук"),
        ] {
            assert_eq!(skip_unchanged(text.as_bytes(), 0), run.len(), "{text:?}");
        }
    }

    #[test]
    fn normalizes_case_yo_quotes_dashes_spaces() {
        let table = [
            ("Ёлка ЁЖ", "елка еж"),
            ("«Тау-Кен Самрук»", "\"тау-кен самрук\""),
            ("Джексона — Вэника", "джексона - вэника"),
            ("10–20%", "10-20%"),
            ("1\u{00A0}000\u{202F}000", "1 000 000"),
            ("сло\u{00AD}во", "слово"),
            ("мука\u{0301}", "мука"),
            ("е\u{0308}лка", "елка"),
            ("USGS Cove", "usgs cove"),
            ("a\tb\r\nc", "a b \nc"),
            ("„Ура“", "\"ура\""),
        ];
        for (input, want) in table {
            assert_eq!(Normalized::new(input).text(), want, "{input:?}");
        }
    }

    #[test]
    fn maps_every_span_back_to_the_original() {
        let original = "«Тау\u{00AD}-Кен» — $1,1\u{00A0}млрд ё";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "\"тау-кен\" - $1,1 млрд е");
        let t = n.text();
        let find = |s: &str| {
            let at = t.find(s).unwrap();
            n.span_to_original(original, at, at + s.len())
        };
        let (s, e) = find("тау-кен");
        assert_eq!(&original[s..e], "Тау\u{00AD}-Кен");
        let (s, e) = find("$1,1 млрд");
        assert_eq!(&original[s..e], "$1,1\u{00A0}млрд");
        let at = t.rfind('е').unwrap();
        let (s, e) = n.span_to_original(original, at, at + 'е'.len_utf8());
        assert_eq!(&original[s..e], "ё");
        let (s, e) = find("\"тау");
        assert_eq!(&original[s..e], "«Тау");
    }

    #[test]
    fn a_pass_over_spans_maps_them_as_the_search_does() {
        let original = "«Тау\u{00AD}-Кен» — $1,1\u{00A0}млрд ё, мука\u{0301} «ещё»";
        let n = Normalized::new(original);
        let len = n.text().len();
        let bounds: Vec<usize> = (0..=len)
            .filter(|&k| n.text().is_char_boundary(k))
            .collect();
        let mut spans = OriginalSpans::new(&n, original);
        let mut asked = 0;
        // Every span, in order of starts, then a few out of order.
        for (a, &s) in bounds.iter().enumerate() {
            for &e in &bounds[a..] {
                assert_eq!(
                    spans.span(s, e),
                    n.span_to_original(original, s, e),
                    "{s}..{e}"
                );
                asked += 1;
            }
        }
        for (s, e) in [(0, 3), (len, len), (2, 1), (5, len)] {
            assert_eq!(
                spans.span(s, e),
                n.span_to_original(original, s, e),
                "{s}..{e}"
            );
        }
        assert!(asked > 100);
        assert_eq!(spans.span(0, 3), (0, 4));
    }

    #[test]
    fn multi_char_lowercase_is_kept_one_to_one() {
        let original = "İstanbul";
        let n = Normalized::new(original);
        assert_eq!(n.text(), "İstanbul");
        let (s, e) = n.span_to_original(original, 0, n.text().len());
        assert_eq!(&original[s..e], original);
    }
}
