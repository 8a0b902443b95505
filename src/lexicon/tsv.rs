//! Reading lexicon TSV files: `#` comment lines (the provenance header), then rows of
//! tab-separated fields. Errors name `file:line`.

use std::fmt;

/// A lexicon that could not be loaded: which file, which line, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The lexicon's file name (or the path it was read from).
    pub file: String,
    /// The 1-based line number, 0 when the whole file is at fault.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for LexiconError {}

/// One data row of a TSV file.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The 1-based line number.
    pub line: usize,
    /// The tab-separated fields, trimmed of `\r`.
    pub fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Field `i`, or an error naming the column that is missing.
    pub fn field(&self, i: usize, name: &str) -> Result<&'a str, String> {
        match self.fields.get(i) {
            Some(f) if !f.trim().is_empty() => Ok(f.trim()),
            _ => Err(format!("missing column {} ({name})", i + 1)),
        }
    }

    /// Field `i` if present and not empty.
    pub fn optional(&self, i: usize) -> Option<&'a str> {
        self.fields
            .get(i)
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
    }
}

/// Refuses a lexicon without its `#` provenance header (source and licence).
pub fn require_header(name: &str, content: &str) -> Result<(), LexiconError> {
    if content.starts_with('#') {
        Ok(())
    } else {
        Err(LexiconError {
            file: name.to_string(),
            line: 1,
            message: "a lexicon starts with a '#' header naming its source and licence".into(),
        })
    }
}

/// The data rows of `content`: comment (`#`) and blank lines are skipped.
pub fn rows(content: &str) -> impl Iterator<Item = Row<'_>> {
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| Row {
            line: n + 1,
            fields: l.trim_end_matches('\r').split('\t').collect(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_numbers_lines() {
        let content = "# header\n# form\tvalue\n\nтыс.\t1000\r\nмлн\t1000000\n";
        let got: Vec<(usize, Vec<&str>)> = rows(content).map(|r| (r.line, r.fields)).collect();
        assert_eq!(
            got,
            vec![(4, vec!["тыс.", "1000"]), (5, vec!["млн", "1000000"])]
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = LexiconError {
            file: "multipliers.tsv".into(),
            line: 7,
            message: "bad factor".into(),
        };
        assert_eq!(e.to_string(), "multipliers.tsv:7: bad factor");
    }
}
