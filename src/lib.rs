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
mod fast_hash;
pub mod io;
pub mod lexicon;
pub mod names;
pub mod offsets;
pub mod reference;
pub mod resolve;
pub mod rules;
mod spare;
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
    place_adjectives: bool,
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

    /// Also marks a place's adjective as a location of the place ("российских" → Россия,
    /// rule `location.place_adjective`), as NEREL annotates them; factRuEval and most users
    /// want names only, so it is off by default. Not before a role or a language
    /// ("американский актёр", "на английском языке"): that is a person's origin or a tongue.
    pub fn place_adjectives(mut self, yes: bool) -> Self {
        self.place_adjectives = yes;
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
        Ok(Extractor {
            lexicon,
            enabled,
            place_adjectives: self.place_adjectives,
        })
    }
}

/// The buffers of one extraction, reused by [`Extractor::extract_with`] from one document
/// to the next. What they hold between calls means nothing.
#[derive(Debug, Default)]
pub struct Workspace {
    tokens: Vec<text::Token>,
    hits: Vec<Option<lexicon::Hit>>,
    names: Vec<names::NameHit>,
    /// The tokens [`names::Names::tag`] looks at ([`names::Names::tag_words`]).
    tag_words: Vec<usize>,
    marked: Vec<u32>,
    candidates: Vec<rules::Candidate>,
}

/// Finds facts in texts. Build it once with [`Extractor::builder`].
#[derive(Debug, Clone)]
pub struct Extractor {
    lexicon: Lexicon,
    enabled: [bool; FactType::ALL.len()],
    place_adjectives: bool,
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
        self.extract_with(text, reference, &mut Workspace::default())
    }

    /// [`Extractor::extract_at`] with the per-document buffers of `workspace`, kept from
    /// one call to the next: a caller that extracts from many documents (one workspace per
    /// thread) spares their allocation and growth each time.
    pub fn extract_with(
        &self,
        text: &str,
        reference: Option<&Reference>,
        workspace: &mut Workspace,
    ) -> Vec<Fact> {
        self.extract_facts(text, reference, workspace, true)
    }

    /// [`Extractor::extract_with`] for a writer that has `text` at hand: the facts' `text`
    /// is left empty (it is `text[fact.start..fact.end]`), which spares an allocation and
    /// a copy per fact.
    pub(crate) fn extract_without_texts(
        &self,
        text: &str,
        reference: Option<&Reference>,
        workspace: &mut Workspace,
    ) -> Vec<Fact> {
        self.extract_facts(text, reference, workspace, false)
    }

    fn extract_facts(
        &self,
        text: &str,
        reference: Option<&Reference>,
        workspace: &mut Workspace,
        with_texts: bool,
    ) -> Vec<Fact> {
        let Workspace {
            tokens,
            hits,
            names,
            tag_words,
            marked,
            candidates,
        } = workspace;
        let norm = text::Normalized::new(text);
        text::token::tokenize(text, &norm, &self.lexicon, tokens);
        text::sentence::mark_sentences(norm.text(), tokens, &self.lexicon);
        names.clear();
        marked.clear();
        if self.wants_names() {
            self.lexicon
                .find_hits_and_tag_words(norm.text(), tokens, hits, tag_words);
            self.lexicon
                .names()
                .tag(norm.text(), tokens, tag_words, names, marked);
        } else {
            self.lexicon.find_hits(norm.text(), tokens, hits);
        }
        let doc = rules::Doc {
            original: text,
            norm: &norm,
            tokens,
            hits,
            lexicon: &self.lexicon,
            reference,
            measures: std::cell::OnceCell::new(),
            lengths: std::cell::RefCell::default(),
            own_form: std::cell::Cell::default(),
            names,
            marked,
            place_adjectives: self.place_adjectives,
        };
        candidates.clear();
        rules::run_all(&doc, candidates);
        let mut facts = resolve::resolve_with(&doc, candidates, with_texts);
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

#[cfg(test)]
mod tests {
    use super::{Extractor, Workspace};

    #[test]
    fn a_reused_workspace_gives_the_facts_of_a_fresh_one() {
        let extractor = Extractor::builder().build().unwrap();
        let texts = [
            "Выручка «Газпрома» в 2024 году выросла на 15% и составила $1,1 млрд, сообщил \
             Алексей Миллер в Москве.",
            "Вчера в 13:20 прошло 5 тыс. человек.",
            "",
            "Иван Петров, 30 лет, с 1 по 5 декабря.",
        ];
        let mut workspace = Workspace::default();
        for text in texts.iter().chain(texts.iter().rev()) {
            let fresh = extractor.extract(text);
            let reused = extractor.extract_with(text, None, &mut workspace);
            assert_eq!(reused, fresh, "{text:?}");
        }
        assert!(
            !extractor
                .extract_with(texts[0], None, &mut workspace)
                .is_empty()
        );
    }
}
