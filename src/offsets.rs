//! Converting byte offsets to the units the output asks for, once per document.

/// The unit of `start`/`end` in the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OffsetUnit {
    /// Unicode code points (Python `str` indices). The default.
    #[default]
    Chars,
    /// UTF-8 bytes.
    Bytes,
    /// UTF-16 code units (JavaScript, Java).
    Utf16,
}

/// Converts increasing byte offsets of one text to another unit in one forward pass.
/// Offsets asked out of order restart the scan, so any order is correct, sorted is fast.
pub struct OffsetConverter<'a> {
    text: &'a str,
    unit: OffsetUnit,
    byte: usize,
    counted: usize,
}

impl<'a> OffsetConverter<'a> {
    /// A converter for `text`.
    pub fn new(text: &'a str, unit: OffsetUnit) -> Self {
        OffsetConverter {
            text,
            unit,
            byte: 0,
            counted: 0,
        }
    }

    /// The offsets of a span `start..end` (character boundaries) in the chosen unit. Spans
    /// given in order of their starts cost one pass over the text in all, nested ones too
    /// (a location inside an organization): the end is counted from the start.
    pub fn convert_span(&mut self, start: usize, end: usize) -> (usize, usize) {
        let s = self.convert(start);
        let len = match self.unit {
            OffsetUnit::Bytes => end.saturating_sub(start),
            // Bytes, not a str: a fact's offsets are character boundaries, and checking
            // them again showed in profiles (this runs for every fact).
            OffsetUnit::Chars => self.text.as_bytes().get(start..end).map_or(0, count_chars),
            OffsetUnit::Utf16 => self
                .text
                .get(start..end)
                .map_or(0, |t| t.chars().map(char::len_utf16).sum()),
        };
        (s, s + len)
    }

    /// The offset of byte offset `byte` (a character boundary) in the chosen unit.
    pub fn convert(&mut self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Bytes {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.counted = 0;
        }
        let byte = byte.min(self.text.len());
        self.counted += match self.unit {
            OffsetUnit::Chars => self
                .text
                .as_bytes()
                .get(self.byte..byte)
                .map_or(0, count_chars),
            OffsetUnit::Utf16 => self
                .text
                .get(self.byte..byte)
                .map_or(0, |chunk| chunk.chars().map(char::len_utf16).sum()),
            OffsetUnit::Bytes => byte.saturating_sub(self.byte),
        };
        self.byte = byte;
        self.counted
    }
}

/// The number of characters of the UTF-8 bytes `s` (of whole characters): its bytes but
/// the continuation bytes (`10xxxxxx`, below -64 as signed bytes). Blocks of 32 bytes are
/// counted by a loop the compiler turns into vector compares and subtracts; the rest, most
/// of a fact's span and of the gap before it, eight bytes at a time (the compiler's own
/// loops over the rest of a block, four bytes and then one at a time, cost more).
fn count_chars(s: &[u8]) -> usize {
    let (blocks, rest) = s.split_at(s.len() & !31);
    let mut continuation = 0;
    // Counted into a byte: at most 224 bytes (seven blocks) at a time.
    for seven in blocks.chunks(224) {
        let in_blocks = seven
            .iter()
            .fold(0u8, |n, &b| n.wrapping_add(u8::from((b as i8) < -0x40)));
        continuation += usize::from(in_blocks);
    }
    // One count per byte lane, at most four words in all: the lanes sum to at most 31,
    // which the multiplication adds up in the top byte without overflow.
    let mut lanes = 0u64;
    let mut rest = rest;
    while let Some((word, tail)) = rest.split_first_chunk::<8>() {
        lanes += continuation_lanes(u64::from_le_bytes(*word));
        rest = tail;
    }
    // Zero padding is no continuation byte.
    lanes += continuation_lanes(crate::names::index::tail_word(rest));
    continuation += (lanes.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    s.len() - continuation
}

/// 1 in each byte lane of `w` that holds a continuation byte (bit 7 set, bit 6 clear),
/// 0 in the others.
#[inline]
fn continuation_lanes(w: u64) -> u64 {
    (w & !(w << 1) & 0x8080_8080_8080_8080) >> 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_as_chars_does() {
        let text = "ab$😀 где «ёлка» — 1\u{00A0}000 ǅ\u{0301}x";
        let long = "ж".repeat(1000) + "x" + &"€".repeat(300);
        assert_eq!(count_chars(long.as_bytes()), long.chars().count());
        for (s, _) in text.char_indices() {
            for (e, _) in text[s..].char_indices().chain([(text.len() - s, ' ')]) {
                let span = &text[s..s + e];
                assert_eq!(
                    count_chars(span.as_bytes()),
                    span.chars().count(),
                    "{span:?}"
                );
            }
        }
    }

    #[test]
    fn spans_in_any_order_convert_as_counted_from_the_start() {
        let text = "ab$😀 где «ёлка» — 1\u{00A0}000 x";
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .collect();
        let by_count = |unit: OffsetUnit, at: usize| match unit {
            OffsetUnit::Bytes => at,
            OffsetUnit::Chars => text[..at].chars().count(),
            OffsetUnit::Utf16 => text[..at].chars().map(char::len_utf16).sum(),
        };
        for unit in [OffsetUnit::Bytes, OffsetUnit::Chars, OffsetUnit::Utf16] {
            let mut c = OffsetConverter::new(text, unit);
            // Every span, in an order that goes forward, back a little and back a lot.
            for &s in bounds.iter().chain(bounds.iter().rev()) {
                for &e in &bounds {
                    let want = if e >= s {
                        (by_count(unit, s), by_count(unit, e))
                    } else {
                        (by_count(unit, s), by_count(unit, s))
                    };
                    assert_eq!(c.convert_span(s, e), want, "{unit:?} {s}..{e}");
                }
            }
            // Not a character boundary, or past the end: no panic.
            let _ = c.convert_span(4, 5);
            let _ = c.convert_span(2, 3);
            let _ = c.convert_span(text.len() + 3, text.len() + 9);
        }
    }

    #[test]
    fn converts_in_every_unit() {
        let text = "ab$😀 где";
        let at = text.find('г').unwrap();
        assert_eq!(OffsetConverter::new(text, OffsetUnit::Bytes).convert(at), 8);
        assert_eq!(OffsetConverter::new(text, OffsetUnit::Chars).convert(at), 5);
        assert_eq!(OffsetConverter::new(text, OffsetUnit::Utf16).convert(at), 6);
        let mut c = OffsetConverter::new(text, OffsetUnit::Chars);
        assert_eq!(c.convert(at), 5);
        assert_eq!(c.convert(3), 3);
        assert_eq!(c.convert(text.len()), 8);
    }
}
