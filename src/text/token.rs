//! Tokens over the normalized text: words, numbers, punctuation and symbols.
//!
//! One hand-written pass, no regex and no allocation per token: a token is a span of the
//! normalized text with a kind and a few flags read off the original (capitalization).
//! Numbers keep their decimal comma ("1,1"), their group spaces ("1 000 000") and their
//! date and time forms ("24.11.2025", "2025-11-24", "13:20") whole; words keep inner
//! hyphens ("тау-кен") and, for known abbreviations and single letters, their final dot
//! ("тыс.", "руб.", "в.").

use super::normalize::{Normalized, OriginalSpans};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits after the first letter), with inner hyphens or apostrophes.
    Word,
    /// A number: digits, group spaces, one decimal comma or point.
    Number,
    /// Digits joined by separators that make a date, time or code: "24.11.2025",
    /// "2025-11-24", "13:20", "1/3".
    NumberSeq,
    /// One punctuation or symbol character.
    Punct,
}

/// The original text had whitespace right before the token.
pub const SPACE_BEFORE: u8 = 1;
/// The original text had a line break between the previous token and this one.
pub const NEWLINE_BEFORE: u8 = 2;
/// The token's first character is an uppercase letter in the original.
pub const CAPITALIZED: u8 = 4;
/// Every letter of the token is uppercase in the original (and there are at least two).
pub const ALL_CAPS: u8 = 8;
/// The token starts a sentence.
pub const SENTENCE_START: u8 = 16;
/// A word token that ends with an abbreviation dot ("тыс.").
pub const ABBREVIATION: u8 = 32;
/// The token contains Latin letters.
pub const LATIN: u8 = 64;
/// A word token with an inner hyphen ("тау-кен", "чм-2018").
pub const HYPHENATED: u8 = 128;

/// A token: a span of the normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Start, a byte offset into the normalized text.
    pub start: usize,
    /// End (exclusive), a byte offset into the normalized text.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
    /// `SPACE_BEFORE`, `CAPITALIZED`, ... bits.
    pub flags: u8,
}

impl Token {
    /// True if `flag` is set.
    #[inline]
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// Decides which words take their final dot: the abbreviations.
pub trait Abbreviations {
    /// True if `word` (normalized, without the dot) is an abbreviation written with a dot.
    fn is_abbreviation(&self, word: &str) -> bool;
}

/// A letter: ASCII and Cyrillic answered directly, the rest from the Unicode tables
/// (whose lookup for Cyrillic is slow enough to dominate a profile).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{0400}'..='\u{04FF}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphabetic(),
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    is_letter(c)
}

/// Splits `norm` into tokens, appending them to `out` (which is cleared first).
// A stage run once per document: out of line, its loops compile apart from the
// pipeline's (inlined into one function they cost more instructions).
#[inline(never)]
pub fn tokenize(
    original: &str,
    norm: &Normalized,
    abbreviations: &dyn Abbreviations,
    out: &mut Vec<Token>,
) {
    out.clear();
    let text = norm.text();
    let bytes = text.as_bytes();
    let mut spans = OriginalSpans::new(norm, original);
    let mut i = 0;
    let mut flags_next = 0u8;
    // The last word had an ASCII letter in its normalized text: only then can its original
    // have one (normalization maps ASCII letters to ASCII letters).
    let mut latin_possible = false;
    while i < bytes.len() {
        let b = bytes[i];
        // Cyrillic (lead bytes 0xD0..0xD3) and Latin letters start a word without decoding
        // the character; tested first, as most tokens are words.
        let letter_byte = matches!(b, b'a'..=b'z' | b'A'..=b'Z' | 0xD0..=0xD3);
        if !letter_byte {
            if b == b' ' {
                flags_next |= SPACE_BEFORE;
                i += 1;
                continue;
            }
            if b == b'\n' {
                flags_next |= SPACE_BEFORE | NEWLINE_BEFORE;
                i += 1;
                continue;
            }
        }
        let start = i;
        let kind;
        if !letter_byte && b.is_ascii_digit() {
            let (end, k) = scan_number(bytes, i);
            i = end;
            kind = k;
        } else {
            let c = if letter_byte {
                'a'
            } else {
                text[i..].chars().next().unwrap_or(' ')
            };
            if is_word_char(c) {
                let word = scan_word(text, i);
                i = word.end;
                latin_possible = word.ascii_letters;
                if word.hyphenated {
                    flags_next |= HYPHENATED;
                }
                if i < bytes.len() && bytes[i] == b'.' {
                    let word = &text[start..i];
                    let single = word.chars().nth(1).is_none();
                    // A lone letter right after a number or "/" is a unit ("462 м.", "км/ч."):
                    // its dot ends the sentence unless lowercase text follows.
                    let glued = flags_next & SPACE_BEFORE == 0;
                    let after_number = out.last().is_some_and(|t| {
                        t.kind == TokenKind::Number || (t.kind == TokenKind::Punct && glued)
                    });
                    let unit_dot = single && after_number && !lowercase_follows(text, i + 1);
                    if (single && !unit_dot) || abbreviations.is_abbreviation(word) {
                        i += 1;
                        flags_next |= ABBREVIATION;
                    }
                }
                kind = TokenKind::Word;
            } else if c.is_whitespace() {
                // Multi-byte spaces that normalization kept (none today) count as space.
                flags_next |= SPACE_BEFORE;
                i += c.len_utf8();
                continue;
            } else {
                i += c.len_utf8();
                kind = TokenKind::Punct;
            }
        }
        let mut flags = flags_next;
        flags_next = 0;
        if kind == TokenKind::Word {
            // A word without ASCII letters whose first character normalization copied as
            // it was, a lowercase letter (most words), is neither capitalized nor all caps
            // nor Latin: its original need not be found or read. A copied character is a
            // lowercase letter but for U+0460..U+047F (0xD1 0xA0..), old Cyrillic letters,
            // capitals among them, that normalization keeps (it marks the capitals it
            // lowercases and every character of its general path as changed): only those
            // are told by the first byte `b` and the next.
            let lowercase_copy = !latin_possible
                && norm.is_copied(start)
                && (b != 0xD1 || bytes.get(start + 1).is_some_and(|&c| c < 0xA0));
            if !lowercase_copy {
                let (s, e) = spans.span(start, i);
                flags |= case_flags(original, s, e, latin_possible);
            }
        }
        out.push(Token {
            start,
            end: i,
            kind,
            flags,
        });
        // The space after most tokens, taken here rather than at the top of the loop.
        if bytes.get(i) == Some(&b' ') {
            flags_next = SPACE_BEFORE;
            i += 1;
        }
    }
}

/// True if the next non-space character after `at` is a lowercase letter.
fn lowercase_follows(text: &str, at: usize) -> bool {
    text[at.min(text.len())..]
        .chars()
        .find(|c| *c != ' ')
        .is_some_and(|c| is_letter(c) && !c.is_uppercase())
}

/// Capitalization flags of a word, read off its original text `original[start..end]`;
/// `latin_possible` false says that the word has no ASCII letter (so no Latin one need be
/// looked for). The shortcuts read bytes: no `str` is sliced for most words.
fn case_flags(original: &str, start: usize, end: usize, latin_possible: bool) -> u8 {
    let Some(bytes) = original.as_bytes().get(start..end) else {
        return 0;
    };
    // Most words start with a lowercase letter (Cyrillic or Latin): then the word is neither
    // capitalized nor all caps, and only Latin letters are left to look for (ASCII bytes
    // are ASCII characters in UTF-8).
    let lowercase_start = starts_lowercase(bytes);
    let latin = || {
        if latin_possible && has_ascii_letter(bytes) {
            LATIN
        } else {
            0
        }
    };
    if lowercase_start {
        return latin();
    }
    // A capital, then a lowercase letter (most capitalized words): capitalized, not all
    // caps (a letter is lowercase), and Latin if any letter is.
    let capital_then_lowercase = match *bytes {
        [0xD0, second, ref rest @ ..] if second <= 0xAF => starts_lowercase(rest),
        [first, ref rest @ ..] if first.is_ascii_uppercase() => starts_lowercase(rest),
        _ => false,
    };
    if capital_then_lowercase {
        return CAPITALIZED | latin();
    }
    case_flags_by_letter(original.get(start..end).unwrap_or_default())
}

/// True if `bytes` (UTF-8) start with a lowercase letter of basic Latin or of Cyrillic
/// U+0430..U+045F (а..я, ѐ..џ). Cyrillic is tested first, the most words; the second byte
/// of a letter is a continuation byte, 0x80..=0xBF.
#[inline]
fn starts_lowercase(bytes: &[u8]) -> bool {
    match *bytes {
        [0xD0, second, ..] => second >= 0xB0,
        [0xD1, second, ..] => second <= 0x9F,
        [first, ..] => first.is_ascii_lowercase(),
        [] => false,
    }
}

/// [`case_flags`] letter by letter, without its shortcuts.
fn case_flags_by_letter(word: &str) -> u8 {
    let bytes = word.as_bytes();
    let mut flags = 0;
    let mut letters = 0;
    let mut upper = 0;
    let mut at = 0;
    let mut first = true;
    while at < bytes.len() {
        let b = bytes[at];
        // Basic Latin and the Cyrillic letters news is written in, read off the bytes (the
        // char decoding showed in profiles); anything else is decoded.
        let (letter, is_upper, latin, len) = match (b, bytes.get(at + 1).copied()) {
            (b'A'..=b'Z', _) => (true, true, true, 1),
            (b'a'..=b'z', _) => (true, false, true, 1),
            (0..=0x7F, _) => (false, false, false, 1),
            // U+0400..U+042F (Ѐ..Я) upper, U+0430..U+043F (а..п) lower.
            (0xD0, Some(c @ 0x80..=0xBF)) => (true, c < 0xB0, false, 2),
            // U+0440..U+045F (р..я, ѐ..џ) lower.
            (0xD1, Some(0x80..=0x9F)) => (true, false, false, 2),
            _ => {
                let c = word[at..].chars().next().unwrap_or(' ');
                let letter = is_letter(c);
                (letter, letter && c.is_uppercase(), false, c.len_utf8())
            }
        };
        if letter {
            letters += 1;
            if is_upper {
                upper += 1;
                if first {
                    flags |= CAPITALIZED;
                }
            }
            if latin {
                flags |= LATIN;
            }
        }
        first = false;
        at += len;
    }
    if letters >= 2 && upper == letters {
        flags |= ALL_CAPS;
    }
    flags
}

/// True if `bytes` has an ASCII letter. Cyrillic words have no ASCII byte at all: eight
/// bytes at a time are checked for one first.
#[inline]
fn has_ascii_letter(bytes: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_ascii_in = |at: usize| {
        bytes.get(at..at + 8).is_some_and(|w| {
            u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]) & HIGH != HIGH
        })
    };
    let any_ascii = if bytes.len() < 8 {
        bytes.iter().any(u8::is_ascii)
    } else {
        // Whole words, the last one overlapping the one before when the length is no
        // multiple of eight.
        let mut at = 0;
        while at + 8 < bytes.len() && !has_ascii_in(at) {
            at += 8;
        }
        has_ascii_in(at.min(bytes.len() - 8))
    };
    // Only when some byte is ASCII is it worth looking for letters.
    any_ascii && bytes.iter().any(u8::is_ascii_alphabetic)
}

/// What [`scan_word`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordScan {
    /// The end of the word.
    end: usize,
    /// It has an inner hyphen.
    hyphenated: bool,
    /// It has an ASCII letter.
    ascii_letters: bool,
}

/// A word: letters and digits, with single inner `-` or `'` between word characters.
fn scan_word(text: &str, start: usize) -> WordScan {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut hyphenated = false;
    let mut ascii_letters = false;
    loop {
        // Eight bytes (four letters) at a time while they are two-byte Cyrillic letters, up
        // to the first other character, which the loop below judges. `i` is a character
        // boundary here (a word's start, or right after an inner hyphen).
        while let Some(w) = bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            let other = not_cyrillic_pairs(u64::from_le_bytes(w));
            if other != 0 {
                i += (other.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        // A space, after most words, ends the word.
        if bytes.get(i) == Some(&b' ') {
            break;
        }
        // The rest of the run of letters and digits.
        while i < bytes.len() {
            let b = bytes[i];
            // U+0400..U+04FF, the bulk of the text: lead byte 0xD0..0xD3, all letters.
            if (0xD0..=0xD3).contains(&b) {
                i += 2;
                continue;
            }
            if b.is_ascii_alphanumeric() {
                // Letters come after the digits in ASCII.
                ascii_letters |= b > b'9';
                i += 1;
                continue;
            }
            if b < 0x80 {
                break;
            }
            match word_char_len(text, i) {
                Some(len) => i += len,
                None => break,
            }
        }
        if let Some(hyphen) = inner_joiner(text, i) {
            hyphenated |= hyphen;
            i += 1;
            continue;
        }
        break;
    }
    WordScan {
        end: i,
        hyphenated,
        ascii_letters,
    }
}

/// Of eight bytes `w` read from a character boundary, the bits where they differ from four
/// two-byte Cyrillic letters (U+0400..U+04FF: a lead byte 0xD0..0xD3 at the even offsets, a
/// continuation byte at the odd ones): zero if they are four such letters, else the first
/// byte with a bit set begins the first other character. (The first difference is at an
/// even offset: in UTF-8 a continuation byte follows a lead byte 0xD0..0xD3 that matched.)
/// Two operations a word: the place of each byte in its letter is known.
#[inline]
fn not_cyrillic_pairs(w: u64) -> u64 {
    const MASK: u64 = u64::from_le_bytes([0xFC, 0xC0, 0xFC, 0xC0, 0xFC, 0xC0, 0xFC, 0xC0]);
    const LETTERS: u64 = u64::from_le_bytes([0xD0, 0x80, 0xD0, 0x80, 0xD0, 0x80, 0xD0, 0x80]);
    (w & MASK) ^ LETTERS
}

/// The length in bytes of the character at `i` if it belongs in a word (a letter, a digit
/// or an inner mark), read as a `char`.
#[inline]
fn word_char_len(text: &str, i: usize) -> Option<usize> {
    let c = text.get(i..)?.chars().next()?;
    (is_letter(c) || c.is_numeric() || is_inner_mark(c)).then(|| c.len_utf8())
}

/// An inner hyphen or apostrophe at `i` followed by a letter or digit, which continues the
/// word: `Some(true)` for a hyphen, `Some(false)` for an apostrophe.
#[inline]
fn inner_joiner(text: &str, i: usize) -> Option<bool> {
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    if i + 1 < bytes.len() && (b == b'-' || b == b'\'') {
        let next = text[i + 1..].chars().next().unwrap_or(' ');
        if is_letter(next) || next.is_numeric() {
            return Some(b == b'-');
        }
    }
    None
}

/// Combining marks and middle dots that stay inside a word ("кВт·ч").
fn is_inner_mark(c: char) -> bool {
    matches!(c, '·' | '\u{0306}') || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn digits_at(bytes: &[u8], i: usize) -> usize {
    bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count()
}

/// A number or a number sequence starting at `start` (a digit).
fn scan_number(bytes: &[u8], start: usize) -> (usize, TokenKind) {
    let first = digits_at(bytes, start);
    let mut i = start + first;
    // ISO date 2025-11-24.
    if first == 4 && bytes.len() >= i + 6 && bytes[i] == b'-' {
        let a = digits_at(bytes, i + 1);
        if a == 2 && bytes.get(i + 3) == Some(&b'-') && digits_at(bytes, i + 4) == 2 {
            let end = i + 6;
            if !bytes.get(end).is_some_and(u8::is_ascii_digit) {
                return (end, TokenKind::NumberSeq);
            }
        }
    }
    // Group spaces: "1 000 000", only after a first group of one to three digits.
    if first <= 3 {
        let mut j = i;
        while j + 4 <= bytes.len() && bytes[j] == b' ' && digits_at(bytes, j + 1) == 3 {
            j += 4;
        }
        if j > i {
            i = j;
        }
    }
    // Separators followed by digits.
    let mut seps = 0;
    let mut decimal = true;
    while i + 1 < bytes.len() {
        let sep = bytes[i];
        if !matches!(sep, b',' | b'.' | b':' | b'/') || !bytes[i + 1].is_ascii_digit() {
            break;
        }
        if matches!(sep, b':' | b'/') {
            decimal = false;
        }
        seps += 1;
        i += 1 + digits_at(bytes, i + 1);
    }
    let kind = if seps == 0 || (seps == 1 && decimal) {
        TokenKind::Number
    } else {
        TokenKind::NumberSeq
    };
    (i, kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Few;
    impl Abbreviations for Few {
        fn is_abbreviation(&self, word: &str) -> bool {
            matches!(word, "тыс" | "руб" | "млн" | "г" | "т" | "е")
        }
    }

    fn toks(text: &str) -> Vec<(String, TokenKind)> {
        let n = Normalized::new(text);
        let mut out = Vec::new();
        tokenize(text, &n, &Few, &mut out);
        out.iter()
            .map(|t| (n.text()[t.start..t.end].to_string(), t.kind))
            .collect()
    }

    fn surfaces(text: &str) -> Vec<String> {
        toks(text).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn keeps_numbers_whole() {
        use TokenKind::*;
        let table: &[(&str, &[(&str, TokenKind)])] = &[
            ("1,1", &[("1,1", Number)]),
            ("3.5%", &[("3.5", Number), ("%", Punct)]),
            ("1 000 000 руб.", &[("1 000 000", Number), ("руб.", Word)]),
            ("1\u{00A0}000", &[("1 000", Number)]),
            ("24.11.2025", &[("24.11.2025", NumberSeq)]),
            ("2025-11-24", &[("2025-11-24", NumberSeq)]),
            ("13:20", &[("13:20", NumberSeq)]),
            ("10-20", &[("10", Number), ("-", Punct), ("20", Number)]),
            (
                "в 2025 году",
                &[("в", Word), ("2025", Number), ("году", Word)],
            ),
        ];
        for (text, want) in table {
            let got = toks(text);
            let want: Vec<(String, TokenKind)> =
                want.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn keeps_words_and_abbreviations_whole() {
        assert_eq!(
            surfaces("«Тау-Кен Самрук»"),
            ["\"", "тау-кен", "самрук", "\""]
        );
        assert_eq!(surfaces("5 тыс. тонн"), ["5", "тыс.", "тонн"]);
        assert_eq!(
            surfaces("900 млн долларов."),
            ["900", "млн", "долларов", "."]
        );
        assert_eq!(surfaces("т. е. вот"), ["т.", "е.", "вот"]);
        assert_eq!(surfaces("В. В. Путин"), ["в.", "в.", "путин"]);
        assert_eq!(surfaces("конец."), ["конец", "."]);
        assert_eq!(surfaces("кВт·ч"), ["квт·ч"]);
    }

    #[test]
    fn reads_capitalization_from_the_original() {
        let text = "Cove Capital и США";
        let n = Normalized::new(text);
        let mut out = Vec::new();
        tokenize(text, &n, &Few, &mut out);
        assert!(out[0].has(CAPITALIZED) && out[0].has(LATIN));
        assert!(!out[2].has(CAPITALIZED));
        assert!(out[3].has(ALL_CAPS) && !out[3].has(LATIN));
    }

    #[test]
    fn case_flags_of_words() {
        for (word, want) in [
            ("москва", 0),
            ("москвa", LATIN),
            ("iPhone", LATIN),
            ("Москва", CAPITALIZED),
            ("МОСКВА", CAPITALIZED | ALL_CAPS),
            ("ЁЖ", CAPITALIZED | ALL_CAPS),
            ("USGS", CAPITALIZED | ALL_CAPS | LATIN),
            ("Я", CAPITALIZED),
            ("эXo", LATIN),
            ("İstanbul", CAPITALIZED | LATIN),
            ("ǆ", 0),
            ("", 0),
        ] {
            assert_eq!(case_flags(word, 0, word.len(), true), want, "{word:?}");
        }
    }

    #[test]
    fn case_flags_shortcuts_agree_with_the_letter_by_letter_reading() {
        let words = [
            "москва",
            "Москва",
            "МОСКВА",
            "МОсква",
            "Мoсква",
            "Мosсow",
            "Moscow",
            "MOSCOW",
            "Mосква",
            "Ёлка",
            "ЁЛКА",
            "Ѐа",
            "Яx",
            "Я",
            "A",
            "Ab",
            "AB",
            "aB",
            "ёлка",
            "İstanbul",
            "Ǆa",
            "Ⅻ",
            "Ив-Франк",
            "Ивx",
            "Иванов-Петров",
            "ИВАНОВ-петров",
            "А1",
            "Z9z",
            "",
        ];
        for word in words {
            let by_letter = case_flags_by_letter(word);
            assert_eq!(case_flags(word, 0, word.len(), true), by_letter, "{word:?}");
            if !word.bytes().any(|b| b.is_ascii_alphabetic()) {
                assert_eq!(
                    case_flags(word, 0, word.len(), false),
                    by_letter,
                    "{word:?}"
                );
            }
        }
    }

    /// [`scan_word`]'s run of letters a byte at a time, as it was before it read words.
    fn word_end_bytewise(text: &str, start: usize) -> (usize, bool) {
        let mut i = start;
        let mut hyphenated = false;
        loop {
            while let Some(len) = word_char_len(text, i) {
                i += len;
            }
            let Some(hyphen) = inner_joiner(text, i) else {
                return (i, hyphenated);
            };
            hyphenated |= hyphen;
            i += 1;
        }
    }

    #[test]
    fn words_read_eight_bytes_at_a_time_end_where_letter_by_letter_they_do() {
        let rare: Vec<char> = "аяпрёѐџӕ \u{0301}-'x9.,éǅ€😀·".chars().collect();
        let common = ['а', 'п', 'р', 'я'];
        for text in crate::text::random_texts(20_000, |s| (s % 24) as usize, &rare, 4, &common) {
            for (at, c) in text.char_indices() {
                if is_letter(c) {
                    let word = scan_word(&text, at);
                    assert_eq!(
                        (word.end, word.hyphenated),
                        word_end_bytewise(&text, at),
                        "{text:?} from {at}"
                    );
                    let ascii_letters = text[at..word.end].bytes().any(|b| b.is_ascii_alphabetic());
                    assert_eq!(word.ascii_letters, ascii_letters, "{text:?} from {at}");
                }
            }
        }
    }

    #[test]
    fn words_copied_lowercase_get_the_case_flags_their_original_gives() {
        // Capitals, letters normalization changes or keeps as they are (the Kelvin sign
        // becomes an ASCII "k"; Ѡ, U+0460, is a capital kept), dropped characters (soft
        // hyphen, stress mark), quotes and spaces that shift the map.
        let rare: Vec<char> = "АЯЁёЀѠѡAZqk\u{212A}İǅÉé\u{00AD}\u{0301}«» \u{00A0}-."
            .chars()
            .collect();
        let common = ['а', 'п', 'р', 'я', ' '];
        let case_bits = CAPITALIZED | ALL_CAPS | LATIN;
        for text in crate::text::random_texts(20_000, |s| (s % 24) as usize, &rare, 3, &common) {
            let n = Normalized::new(&text);
            let mut out = Vec::new();
            tokenize(&text, &n, &Few, &mut out);
            for t in out.iter().filter(|t| t.kind == TokenKind::Word) {
                let (s, e) = n.span_to_original(&text, t.start, t.end);
                assert_eq!(
                    t.flags & case_bits,
                    case_flags(&text, s, e, true),
                    "{text:?} at {}",
                    t.start
                );
            }
        }
    }

    #[test]
    fn cyrillic_pairs_end_at_the_first_other_character() {
        // Every character of the first plane (and some beyond) after zero to three Cyrillic
        // letters, the eight bytes padded with more letters.
        let others = (0..0x1_0000u32)
            .chain([0x1_F600, 0x10_FFFF])
            .filter_map(char::from_u32);
        for c in others {
            for before in 0..4 {
                let mut text = "я".repeat(before);
                text.push(c);
                text.push_str("абвг");
                let w = u64::from_le_bytes(text.as_bytes()[..8].try_into().unwrap());
                let other = not_cyrillic_pairs(w);
                if ('\u{0400}'..='\u{04FF}').contains(&c) {
                    assert_eq!(other, 0, "{c:?} after {before}");
                } else {
                    assert_eq!(
                        other.trailing_zeros() / 8,
                        2 * before as u32,
                        "{c:?} after {before}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_letters_found_in_any_position() {
        for len in 0..24 {
            let cyrillic = "я".repeat(len);
            assert!(!has_ascii_letter(cyrillic.as_bytes()));
            for k in 0..len {
                let mut word: Vec<char> = cyrillic.chars().collect();
                word[k] = 'q';
                let word: String = word.into_iter().collect();
                assert!(has_ascii_letter(word.as_bytes()), "{word:?}");
            }
        }
        for (word, want) in [
            ("", false),
            ("москва", false),
            ("достопримечательность", false),
            ("достопримечательностьx", true),
            ("xдостопримечательность", true),
            ("достопримеч-тельность", false),
            ("квт·ч", false),
            ("эxo", true),
            ("12345678", false),
            ("1234567a", true),
        ] {
            assert_eq!(has_ascii_letter(word.as_bytes()), want, "{word:?}");
        }
    }

    #[test]
    fn marks_words_with_an_inner_hyphen() {
        let text = "Тау-Кен, ЧМ-2018, д'Артаньян - 10-20 кВт·ч";
        let n = Normalized::new(text);
        let mut out = Vec::new();
        tokenize(text, &n, &Few, &mut out);
        let hyphenated: Vec<&str> = out
            .iter()
            .filter(|t| t.has(HYPHENATED))
            .map(|t| &n.text()[t.start..t.end])
            .collect();
        assert_eq!(hyphenated, ["тау-кен", "чм-2018"]);
    }
}
