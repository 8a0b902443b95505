//! Sentence boundaries, marked on tokens with [`SENTENCE_START`].
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with closing quotes or brackets after it) when
//! the next token starts a new sentence (a capital, a digit, an opening quote or dash), and at
//! a blank line. Abbreviations keep their dot inside their token, so "тыс.", "руб.", "т. е."
//! and initials ("В. В. Путин") end no sentence; after a unit abbreviation ("5 тыс. руб.")
//! a capitalized word does start one.

use super::token::{ABBREVIATION, CAPITALIZED, NEWLINE_BEFORE, SENTENCE_START, Token, TokenKind};

/// Abbreviations that may end a sentence when a capitalized word follows: units and the
/// like, which come after their number. Prefix abbreviations ("г. Москва", "им.", "т. е.")
/// and initials never end one.
pub trait SentenceEnders {
    /// True if the abbreviation `word` (normalized, with its dot) may end a sentence.
    fn may_end_sentence(&self, word: &str) -> bool;
}

/// Sets [`SENTENCE_START`] on the first token of every sentence.
// A stage run once per document: out of line, its loops compile apart from the
// pipeline's (inlined into one function they cost more instructions).
#[inline(never)]
pub fn mark_sentences(text: &str, tokens: &mut [Token], enders: &dyn SentenceEnders) {
    let mut start_next = true;
    let mut i = 0;
    while i < tokens.len() {
        // Most tokens, words and numbers inside a sentence on the line of the one before,
        // neither start nor end one: passed over in a loop of their own.
        if !start_next {
            while tokens.get(i).is_some_and(|t| {
                t.kind != TokenKind::Punct && t.flags & (ABBREVIATION | NEWLINE_BEFORE) == 0
            }) {
                i += 1;
            }
            if i == tokens.len() {
                break;
            }
        }
        let t = tokens[i];
        if start_next || (t.has(NEWLINE_BEFORE) && blank_line_before(text, tokens, i)) {
            tokens[i].flags |= SENTENCE_START;
            start_next = false;
        }
        let ends = match t.kind {
            // Compared as bytes: no token's text need be sliced as a str (most are words).
            TokenKind::Punct => matches!(
                text.as_bytes().get(t.start..t.end),
                Some(b"." | b"!" | b"?" | b"\xE2\x80\xA6")
            ),
            TokenKind::Word if t.has(ABBREVIATION) => {
                let s = &text[t.start..t.end];
                let prev_is_number = i > 0 && tokens[i - 1].kind == TokenKind::Number;
                let single_letter = s.chars().count() == 2;
                // "г." after a year ends a sentence before a capital; a lone letter with a
                // dot is an initial; other abbreviations say so in the lexicon.
                if single_letter {
                    prev_is_number && s == "г."
                } else {
                    enders.may_end_sentence(s)
                }
            }
            _ => false,
        };
        if ends {
            // Skip closing punctuation that belongs to this sentence.
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].kind == TokenKind::Punct
                && !tokens[j].has(super::token::SPACE_BEFORE)
                && matches!(
                    &text[tokens[j].start..tokens[j].end],
                    "\"" | ")" | "." | "!" | "?" | "…"
                )
            {
                j += 1;
            }
            if let Some(next) = tokens.get(j) {
                let ns = &text[next.start..next.end];
                let opens = next.has(CAPITALIZED)
                    || next.kind != TokenKind::Word && next.kind != TokenKind::Punct
                    || matches!(ns, "\"" | "-" | "(");
                let punct_end = t.kind == TokenKind::Punct;
                if opens && (punct_end || next.has(CAPITALIZED)) {
                    tokens[j].flags |= SENTENCE_START;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
}

/// True if an empty line separates token `i` from the one before.
fn blank_line_before(text: &str, tokens: &[Token], i: usize) -> bool {
    let from = if i == 0 { 0 } else { tokens[i - 1].end };
    // Bytes, not chars: a line feed byte is a line feed.
    let gap = text
        .as_bytes()
        .get(from..tokens[i].start)
        .unwrap_or_default();
    gap.iter().filter(|&&b| b == b'\n').count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::Normalized;
    use crate::text::token::{Abbreviations, tokenize};

    struct Lex;
    impl Abbreviations for Lex {
        fn is_abbreviation(&self, w: &str) -> bool {
            matches!(w, "тыс" | "руб" | "г" | "т" | "е")
        }
    }
    impl SentenceEnders for Lex {
        fn may_end_sentence(&self, w: &str) -> bool {
            matches!(w, "тыс." | "руб.")
        }
    }

    fn sentences(text: &str) -> Vec<String> {
        let n = Normalized::new(text);
        let mut toks = Vec::new();
        tokenize(text, &n, &Lex, &mut toks);
        mark_sentences(n.text(), &mut toks, &Lex);
        let mut out: Vec<String> = Vec::new();
        for t in &toks {
            if t.has(SENTENCE_START) {
                out.push(String::new());
            }
            let last = out.last_mut().unwrap();
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(&n.text()[t.start..t.end]);
        }
        out
    }

    #[test]
    fn splits_sentences_but_not_after_abbreviations() {
        let table: &[(&str, usize)] = &[
            ("Рост составил 5 тыс. руб. за год. Это много.", 2),
            ("В 1974 г. закон приняли. Потом нет.", 2),
            ("Т. е. всё ясно.", 1),
            ("Встречу провёл В. В. Путин. Она прошла.", 2),
            ("Он сказал: «Нет!» Потом ушёл.", 2),
            ("Первый абзац без точки\n\nВторой абзац", 2),
            ("Составил 5 тыс. Это много.", 2),
            ("Цена 3.5 доллара.", 1),
            ("Ну и дела… Потом ушёл? Да!", 3),
            ("Итог 2024\nне ясен. 5 человек пришли", 2),
        ];
        for (text, want) in table {
            assert_eq!(
                sentences(text).len(),
                *want,
                "{text}: {:?}",
                sentences(text)
            );
        }
    }
}
