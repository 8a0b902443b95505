//! # newsfacts
//!
//! Reads Russian-language news and finds the facts in it: numbers, money, percentages (and,
//! as the project grows, quantities, dates, durations, persons, organizations, locations),
//! each with its exact span in the original text, a normalized value and the rule that
//! made it.
//!
//! Build an [`Extractor`] once (it loads and compiles the lexicons), then call
//! [`Extractor::extract`] on as many texts as you like, from as many threads as you like:
//! it is immutable, `Send + Sync`, and cannot fail.
//!
//! ```
//! use newsfacts::{Extractor, FactType};
//!
//! let extractor = Extractor::builder().build().unwrap();
//! let text = "Рост составил 15%, выручка — $1,1 млрд.";
//! let facts = extractor.extract(text);
//!
//! let money = facts.iter().find(|f| f.kind == FactType::Money).unwrap();
//! assert_eq!(money.text, "$1,1 млрд");
//! assert_eq!(&text[money.start..money.end], money.text);
//! let json = serde_json::to_value(&money.value).unwrap();
//! assert_eq!(json["value"], "1100000000");
//! assert_eq!(json["currency"], "USD");
//! ```
//!
//! The pipeline: [`text::Normalized`] (case, ё, quotes, dashes, spaces, with a map back to
//! the original) → [`text::token`] → [`text::sentence`] → [`lexicon::Lexicon`] matching →
//! [`rules`] → [`resolve`] (overlaps settled in one place) → [`Fact`]s.

pub mod calendar;
pub mod decimal;
pub mod fact;
pub mod io;
pub mod lexicon;
pub mod names;
pub mod offsets;
pub mod reference;
pub mod resolve;
pub mod rules;
pub mod text;

pub use decimal::Decimal;
pub use fact::{Amount, Fact, FactType, NameValue, Qualifier, SCHEMA_VERSION, TimeValue, Value};
pub use lexicon::LexiconError;
pub use reference::Reference;

use lexicon::Lexicon;
use std::path::PathBuf;

/// Configures an [`Extractor`].
#[derive(Debug, Default, Clone)]
pub struct ExtractorBuilder {
    lexicon_dir: Option<PathBuf>,
    user_lexicons: Vec<PathBuf>,
    types: Option<Vec<FactType>>,
}

impl ExtractorBuilder {
    /// Reads lexicon files from `dir` instead of the embedded ones (each file that `dir`
    /// has replaces the embedded file of the same name).
    pub fn lexicon_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.lexicon_dir = Some(dir.into());
        self
    }

    /// Adds a user lexicon of names, read when the extractor is built: a TSV file of
    /// `type, name[, normal]` rows (`type` is `person`, `organization` or `location`; `#`
    /// lines are comments). Its names are found as written, in any case, and win over
    /// what the built-in rules make of the same words. May be called several times.
    pub fn user_lexicon(mut self, path: impl Into<PathBuf>) -> Self {
        self.user_lexicons.push(path.into());
        self
    }

    /// Only these fact types come out (default: all).
    pub fn types(mut self, types: &[FactType]) -> Self {
        self.types = Some(types.to_vec());
        self
    }

    /// Loads and compiles the lexicons.
    pub fn build(self) -> Result<Extractor, LexiconError> {
        let lexicon = Lexicon::load_with(self.lexicon_dir.as_deref(), &self.user_lexicons)?;
        let mut enabled = [true; FactType::ALL.len()];
        if let Some(types) = &self.types {
            for (k, t) in FactType::ALL.iter().enumerate() {
                enabled[k] = types.contains(t);
            }
        }
        Ok(Extractor { lexicon, enabled })
    }
}

/// Finds facts in texts. Build it once with [`Extractor::builder`].
#[derive(Debug, Clone)]
pub struct Extractor {
    lexicon: Lexicon,
    enabled: [bool; FactType::ALL.len()],
}

impl Extractor {
    /// A builder with the embedded lexicons and every fact type.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The facts of `text`, in text order, with byte offsets into `text`. Relative dates
    /// come out with their offset but unresolved: see [`Extractor::extract_at`].
    pub fn extract(&self, text: &str) -> Vec<Fact> {
        self.extract_at(text, None)
    }

    /// The facts of `text`, with relative dates resolved against `reference` when given.
    pub fn extract_at(&self, text: &str, reference: Option<&Reference>) -> Vec<Fact> {
        let norm = text::Normalized::new(text);
        let mut tokens = Vec::new();
        text::token::tokenize(text, &norm, &self.lexicon, &mut tokens);
        text::sentence::mark_sentences(norm.text(), &mut tokens, &self.lexicon);
        let mut hits = Vec::new();
        self.lexicon.find_hits(norm.text(), &tokens, &mut hits);
        let mut names = Vec::new();
        let mut marked = Vec::new();
        if self.wants_names() {
            self.lexicon
                .names()
                .tag(norm.text(), &tokens, &mut names, &mut marked);
        }
        let doc = rules::Doc {
            original: text,
            norm: &norm,
            tokens: &tokens,
            hits: &hits,
            lexicon: &self.lexicon,
            reference,
            measures: std::cell::OnceCell::new(),
            names: &names,
            marked: &marked,
        };
        let mut candidates = Vec::new();
        rules::run_all(&doc, &mut candidates);
        let mut facts = resolve::resolve(&doc, candidates);
        facts.retain(|f| self.is_enabled(f.kind));
        facts
    }

    fn wants_names(&self) -> bool {
        [FactType::Person, FactType::Organization, FactType::Location]
            .into_iter()
            .any(|t| self.is_enabled(t))
    }

    fn is_enabled(&self, kind: FactType) -> bool {
        FactType::ALL
            .iter()
            .position(|t| *t == kind)
            .is_some_and(|k| self.enabled[k])
    }
}
