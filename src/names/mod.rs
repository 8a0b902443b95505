//! Names: the big lexicons of first names, patronymics, surnames, places and known
//! organizations, and the morphology that turns a name into its nominative.
//!
//! The lexicons list every case form they want matched (surnames excepted: they are lemmas,
//! and [`morph`] undoes case endings by rule), so nothing is lemmatized at run time: a
//! capitalized token is looked up, by its normalized form, in one [`index::FormIndex`] built
//! at start-up over the embedded texts without copying them. [`Names::tag`] does that for a
//! document, once, and the person, organization and location rules read the result.

pub mod index;
pub mod load;
pub mod morph;

use crate::lexicon::LexiconError;
use crate::text::token::{CAPITALIZED, Token, TokenKind};
use index::{FormIndex, KeyId, SenseKind};
use morph::SurnameRule;
use std::borrow::Cow;
use std::path::Path;

/// What kind of place a place name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A country (or a country-like territory).
    Country,
    /// A region, province, state.
    Region,
    /// A city or town.
    City,
    /// Continents, seas, big areas, and other places.
    Other,
}

impl PlaceKind {
    /// The kind stored as a sense tag.
    pub fn from_tag(tag: u8) -> PlaceKind {
        match tag {
            b'c' => PlaceKind::Country,
            b'r' => PlaceKind::Region,
            b't' => PlaceKind::City,
            _ => PlaceKind::Other,
        }
    }
}

/// The embedded texts of [`load::INDEX_FILES`], in the same order.
static EMBEDDED: &[&str] = &[
    include_str!("../../lexicons/names/first.tsv"),
    include_str!("../../lexicons/names/middle.tsv"),
    include_str!("../../lexicons/names/last.tsv"),
    include_str!("../../lexicons/geo/places.tsv"),
    include_str!("../../lexicons/org/known.tsv"),
];

/// The index of the embedded files, built by `build.rs` with [`load::build_index`].
mod prebuilt {
    pub static ARENA: &str = include_str!(concat!(env!("OUT_DIR"), "/names_arena.txt"));
    pub static SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names_slots.bin"));
    pub static KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names_keys.bin"));
    pub static SENSES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names_senses.bin"));
}

/// The longest multi-word form tried.
const MAX_WORDS: usize = 8;

/// The surname rules file (small: read at start-up).
const SURNAME_SUFFIXES: (&str, &str) = (
    "names/surname_suffixes.tsv",
    include_str!("../../lexicons/names/surname_suffixes.tsv"),
);

/// The file names of the name lexicons (under `lexicons/`).
pub fn file_names() -> impl Iterator<Item = &'static str> {
    load::INDEX_FILES
        .iter()
        .map(|(n, _)| *n)
        .chain([SURNAME_SUFFIXES.0])
}

/// The name lexicons, loaded. Immutable and `Send + Sync`.
#[derive(Debug, Clone, Default)]
pub struct Names {
    index: FormIndex,
    surname_rules: Vec<SurnameRule>,
}

/// What the name lexicons say about the token at one position: its own form's key, and the
/// longest multi-word form starting there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameHit {
    /// The key of the token's own form.
    pub key: Option<KeyId>,
    /// The longest multi-word form starting here: one past its last token, and its key.
    pub multi: Option<(usize, KeyId)>,
}

/// `ending, replacement, gender, case, count, source`
fn surname_rule(f: &[&str]) -> Result<SurnameRule, String> {
    let ending = crate::text::Normalized::new(load::field(f, 0, "ending")?)
        .text()
        .to_string();
    let replacement = f.get(1).map_or("", |s| s.trim()).to_string();
    let g = load::gender(load::field(f, 2, "gender")?)?;
    let name = load::field(f, 3, "case")?;
    let case = morph::case::from_name(name).ok_or_else(|| format!("unknown case {name:?}"))?;
    let count = match f.get(4).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        Some(c) => c
            .parse()
            .map_err(|_| format!("count {c:?} is not a number"))?,
        None => 0,
    };
    Ok(SurnameRule {
        ending: ending.into(),
        replacement: replacement.into(),
        gender: g,
        case,
        count,
    })
}

fn read(path: &Path) -> Result<String, LexiconError> {
    std::fs::read_to_string(path).map_err(|e| LexiconError {
        file: path.display().to_string(),
        line: 0,
        message: e.to_string(),
    })
}

impl Names {
    /// Loads the name lexicons: from `dir` for the files it has, embedded ones for the rest.
    /// The embedded index is prebuilt; when `dir` replaces one of its files, it is built here.
    pub fn load(dir: Option<&Path>) -> Result<Names, LexiconError> {
        let replaced = |name: &str| dir.map(|d| d.join(name)).filter(|p| p.exists());
        let index = if load::INDEX_FILES.iter().any(|(n, _)| replaced(n).is_some()) {
            let mut texts = Vec::new();
            for ((name, _), embedded) in load::INDEX_FILES.iter().zip(EMBEDDED) {
                texts.push(match replaced(name) {
                    Some(p) => (p.display().to_string(), Cow::Owned(read(&p)?)),
                    None => (name.to_string(), Cow::Borrowed(*embedded)),
                });
            }
            load::build_index(texts)?
        } else {
            let mut sources = vec![Cow::Borrowed(prebuilt::ARENA)];
            sources.extend(EMBEDDED.iter().map(|t| Cow::Borrowed(*t)));
            FormIndex::from_parts(
                sources,
                Cow::Borrowed(prebuilt::SLOTS),
                Cow::Borrowed(prebuilt::KEYS),
                Cow::Borrowed(prebuilt::SENSES),
            )
        };
        let (name, text) = match replaced(SURNAME_SUFFIXES.0) {
            Some(p) => (p.display().to_string(), Cow::Owned(read(&p)?)),
            None => (
                SURNAME_SUFFIXES.0.to_string(),
                Cow::Borrowed(SURNAME_SUFFIXES.1),
            ),
        };
        let mut rules = Vec::new();
        load::for_rows(&name, &text, |f| {
            rules.push(surname_rule(f)?);
            Ok(())
        })?;
        rules.sort_by_key(|r: &SurnameRule| std::cmp::Reverse(r.count));
        Ok(Names {
            index,
            surname_rules: rules,
        })
    }

    /// The form index.
    pub fn index(&self) -> &FormIndex {
        &self.index
    }

    /// The surname rules, the most frequent first.
    pub fn surname_rules(&self) -> &[SurnameRule] {
        &self.surname_rules
    }

    /// The gender of `lower` (normalized) as a dictionary surname, if it is one.
    pub fn surname_gender(&self, lower: &str) -> Option<u8> {
        let key = self.index.lookup(lower)?;
        let mut found = None;
        for s in self.index.senses(key) {
            if s.kind == SenseKind::Last {
                found = Some(match found {
                    None => s.tag,
                    Some(g) if g == s.tag => g,
                    Some(_) => b'?',
                });
            }
        }
        found
    }

    /// Looks up every capitalized word token of a document: its own form, and the longest
    /// multi-word form that starts with it.
    pub fn tag(&self, text: &str, tokens: &[Token], out: &mut Vec<NameHit>) {
        out.clear();
        out.resize(tokens.len(), NameHit::default());
        if self.index.is_empty() {
            return;
        }
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || !t.has(CAPITALIZED) {
                continue;
            }
            let Some(key) = self.index.lookup(&text[t.start..t.end]) else {
                continue;
            };
            let words = self.index.words(key);
            let own = self.index.has_senses(key).then_some(key);
            let mut multi = None;
            if words > 1 {
                // Words joined by single spaces: the text between is the key itself.
                let mut end = i + 1;
                while end < tokens.len()
                    && end - i < words.min(MAX_WORDS)
                    && tokens[end].start == tokens[end - 1].end + 1
                    && text.as_bytes()[tokens[end - 1].end] == b' '
                {
                    end += 1;
                }
                while end > i + 1 {
                    let span = &text[t.start..tokens[end - 1].end];
                    if let Some(k) = self.index.lookup(span)
                        && self.index.has_senses(k)
                    {
                        multi = Some((end, k));
                        break;
                    }
                    end -= 1;
                }
            }
            out[i] = NameHit { key: own, multi };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_forms_are_recognized() {
        assert!(load::is_normalized("казахстана"));
        assert!(load::is_normalized("al jazeera"));
        assert!(!load::is_normalized("Казахстан"));
        assert!(!load::is_normalized("ёлка"));
        assert!(!load::is_normalized("кот-д’ивуар"));
    }

    fn lemmas(names: &Names, form: &str, kind: SenseKind) -> Vec<String> {
        let ix = names.index();
        ix.lookup(form)
            .map(|k| {
                ix.senses(k)
                    .filter(|s| s.kind == kind)
                    .map(|s| ix.lemma(&s).to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn check(names: &Names) {
        assert_eq!(lemmas(names, "казахстана", SenseKind::Place), ["Казахстан"]);
        assert_eq!(
            lemmas(names, "карагандинской области", SenseKind::Place),
            ["Карагандинская область"]
        );
        assert_eq!(lemmas(names, "брайаном", SenseKind::First), ["Брайан"]);
        assert_eq!(lemmas(names, "мид", SenseKind::Org), ["МИД"]);
        assert_eq!(names.surname_gender("кошербаев"), Some(b'm'));
        let k = names.index().lookup("карагандинской").unwrap();
        assert!(names.index().words(k) >= 2);
        assert!(!names.surname_rules().is_empty());
    }

    #[test]
    fn the_prebuilt_index_answers() {
        check(&Names::load(None).unwrap());
    }

    #[test]
    fn an_index_built_at_run_time_answers_the_same() {
        let dir = std::env::temp_dir().join(format!("newsfacts-names-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("org")).unwrap();
        std::fs::write(
            dir.join("org/known.tsv"),
            "# test\n# form\tnormal\nмид\tМИД\nрога и копыта\tРога и копыта\n",
        )
        .unwrap();
        let names = Names::load(Some(&dir)).unwrap();
        check(&names);
        assert_eq!(
            lemmas(&names, "рога и копыта", SenseKind::Org),
            ["Рога и копыта"]
        );
        assert!(lemmas(&names, "reuters", SenseKind::Org).is_empty());
        std::fs::write(dir.join("org/known.tsv"), "# test\nмид\n").unwrap();
        let err = Names::load(Some(&dir)).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("known.tsv:2: missing column 2 (normal)"),
            "{err}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
