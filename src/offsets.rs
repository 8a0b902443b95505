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
            OffsetUnit::Chars => self.text.get(start..end).map_or(0, |t| t.chars().count()),
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
        let chunk = self.text.get(self.byte..byte).unwrap_or("");
        self.counted += match self.unit {
            OffsetUnit::Chars => chunk.chars().count(),
            OffsetUnit::Utf16 => chunk.chars().map(char::len_utf16).sum(),
            OffsetUnit::Bytes => chunk.len(),
        };
        self.byte = byte;
        self.counted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
