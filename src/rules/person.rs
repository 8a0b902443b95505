//! Persons: a first name and a surname ("Брайаном Мастом" → "Брайан Маст"), with a
//! patronymic ("Владимир Владимирович Путин", "Путин Владимир Владимирович"), initials and a
//! surname ("В. В. Путин"), a role and a name ("госсекретарем США Марко Рубио", "сенатор
//! Дэйнс", "директора Cove Capital Пини Алтхауса"), a Latin name in brackets after a
//! person, and later mentions by surname alone of a person the document named ("Дэйнс").
//!
//! Surnames are brought to the nominative by [`morph::surname_nominative`]: the case comes
//! from the first name's form or the role's, the gender from the first name.

use super::{Candidate, Doc};
use crate::fact::{FactType, NameValue, Value};
use crate::names::flag;
use crate::names::index::SenseKind;
use crate::names::morph::{self, case};
use crate::text::TokenKind;
use crate::text::token::ABBREVIATION;

/// Tokens a role may stand from its name ("министр иностранных дел Казахстана Ермек").
const ROLE_REACH: usize = 8;

/// Proposes person facts.
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let first = out.len();
    for i in 0..doc.tokens.len() {
        role_and_name(doc, i, out);
    }
    for i in 0..doc.tokens.len() {
        full_name(doc, i, out);
        initials(doc, i, out);
    }
    latin_in_brackets(doc, first, out);
    surname_mentions(doc, first, out);
}

/// What a name part is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    First,
    Middle,
    Last,
    /// An initial ("В."): first, then middle.
    Initial,
}

/// A first name's reading: lemma, gender, and the cases its form can be in.
#[derive(Clone, Copy, Debug)]
struct FirstName<'a> {
    lemma: &'a str,
    gender: u8,
    cases: u8,
}

/// The best first-name reading of token `i`: the nominative one if the form is a lemma,
/// else one with a definite gender.
fn first_name<'a>(doc: &Doc<'a>, i: usize) -> Option<FirstName<'a>> {
    if !doc.is_a(i, flag::FIRST) || doc.latin(i) {
        return None;
    }
    let form = doc.text(i);
    let mut best: Option<(u8, FirstName<'a>)> = None;
    for s in doc.senses(i).filter(|s| s.kind == SenseKind::First) {
        let lemma = doc.lemma(&s);
        let cases = morph::first_name_cases(form, lemma, s.tag);
        let score = u8::from(morph::is_lemma(form, lemma)) * 2 + u8::from(s.tag != b'?');
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((
                score,
                FirstName {
                    lemma,
                    gender: s.tag,
                    cases,
                },
            ));
        }
    }
    best.map(|(_, f)| f)
}

/// The patronymic lemma of token `i`.
fn middle_name<'a>(doc: &Doc<'a>, i: usize) -> Option<(&'a str, u8)> {
    if !doc.is_a(i, flag::MIDDLE) {
        return None;
    }
    doc.senses(i)
        .find(|s| s.kind == SenseKind::Middle)
        .map(|s| (doc.lemma(&s), s.tag))
}

/// True if token `i` is a role word.
fn role(doc: &Doc<'_>, i: usize) -> Option<u8> {
    doc.is_a(i, flag::ROLE).then(|| doc.name_hit(i).role_cases)
}

/// True if token `i` may be a surname: a capitalized Cyrillic word that is no place, no
/// organization word, no role and not the start of a sentence.
fn surname_like(doc: &Doc<'_>, i: usize) -> bool {
    doc.capitalized(i)
        && !doc.latin(i)
        && !doc.sentence_start(i)
        && doc.text(i).chars().nth(1).is_some()
        && !doc.text(i).ends_with('.')
        && !doc.is_a(i, flag::ROLE | flag::BIG_PLACE | flag::ORG | flag::ORG_TYPE)
}

/// Particles inside names: "Жан-Мари Ле Пен", "Людвиг ван Бетховен".
fn particle(s: &str) -> bool {
    matches!(
        s,
        "де" | "ле"
            | "ла"
            | "фон"
            | "ван"
            | "дер"
            | "да"
            | "ди"
            | "дель"
            | "аль"
            | "эль"
            | "бен"
            | "ибн"
    )
}

/// The nominative of the surname at token `i` for a person of `gender` whose name is in
/// one of `cases`, as written (capitals kept).
fn surname(doc: &Doc<'_>, i: usize, gender: u8, cases: u8) -> (String, u8) {
    let names = doc.lexicon.names();
    let (cut, append, g) =
        morph::surname_nominative(doc.text(i), gender, cases, names.surname_rules(), |s| {
            names.surname_gender(s)
        });
    (morph::apply_ending(doc.word(i), cut, append), g)
}

/// The value of a name made of these parts (token, part), in text order; `cases` is what
/// the context says about the case (a role), `first` the first name's reading if known.
fn value(
    doc: &Doc<'_>,
    parts: &[(usize, Part)],
    mut cases: u8,
    first: Option<FirstName<'_>>,
) -> NameValue {
    let mut gender = b'?';
    if let Some(f) = first {
        gender = f.gender;
        // The first name's own ending says more than a role, which may not be the one the
        // name agrees with ("заместителем госсекретаря США Кристофером Ландау").
        if f.cases != case::ANY {
            cases = f.cases;
        }
    }
    let mut v = NameValue::default();
    let mut words: Vec<String> = Vec::with_capacity(parts.len());
    let mut last = String::new();
    for &(i, part) in parts {
        let word = match part {
            Part::First => first.map_or_else(|| doc.word(i).to_string(), |f| f.lemma.to_string()),
            Part::Middle => {
                let (lemma, g) = middle_name(doc, i).unwrap_or((doc.word(i), b'?'));
                if gender == b'?' {
                    gender = g;
                }
                lemma.to_string()
            }
            Part::Last => surname(doc, i, gender, cases).0,
            Part::Initial => doc.word(i).to_string(),
        };
        match part {
            Part::First => v.first = Some(word.clone()),
            Part::Middle => v.middle = Some(word.clone()),
            Part::Initial if v.first.is_none() => v.first = Some(word.clone()),
            Part::Initial => v.middle = Some(word.clone()),
            Part::Last => {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(&word);
            }
        }
        words.push(word);
    }
    if !last.is_empty() {
        v.last = Some(last);
    }
    v.normal = words.join(" ");
    v
}

fn push(out: &mut Vec<Candidate>, start: usize, end: usize, value: NameValue, rule: &'static str) {
    out.push(Candidate {
        start,
        end,
        kind: FactType::Person,
        value: Value::Name(value),
        rule,
    });
}

/// `person.first_last`, `person.first_middle_last`, `person.first_middle`,
/// `person.last_first_middle`: names led by a dictionary first name (or, for the last, ended
/// by first name and patronymic).
fn full_name(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if let Some(f) = first_name(doc, i) {
        if middle_name(doc, i + 1).is_some() && !doc.sentence_start(i + 1) {
            if surname_like(doc, i + 2) && first_name(doc, i + 2).is_none() {
                let parts = [(i, Part::First), (i + 1, Part::Middle), (i + 2, Part::Last)];
                let v = value(doc, &parts, case::ANY, Some(f));
                push(out, i, i + 3, v, "person.first_middle_last");
            } else {
                let parts = [(i, Part::First), (i + 1, Part::Middle)];
                let v = value(doc, &parts, case::ANY, Some(f));
                push(out, i, i + 2, v, "person.first_middle");
            }
            return;
        }
        let mut j = i + 1;
        if particle(doc.text(j)) && surname_like(doc, j + 1) {
            j += 1;
        }
        if surname_like(doc, j) {
            let mut parts = vec![(i, Part::First)];
            parts.extend((i + 1..=j).map(|k| (k, Part::Last)));
            let v = value(doc, &parts, case::ANY, Some(f));
            push(out, i, j + 1, v, "person.first_last");
        }
        return;
    }
    // Surname first: "Путин Владимир Владимирович".
    if doc.capitalized(i)
        && !doc.latin(i)
        && let Some(f) = first_name(doc, i + 1)
        && middle_name(doc, i + 2).is_some()
        && !doc.sentence_start(i + 1)
        && !doc.sentence_start(i + 2)
    {
        let parts = [(i, Part::Last), (i + 1, Part::First), (i + 2, Part::Middle)];
        let v = value(doc, &parts, case::ANY, Some(f));
        push(out, i, i + 3, v, "person.last_first_middle");
    }
}

/// An initial: one capital letter with its dot ("В.").
fn initial(doc: &Doc<'_>, i: usize) -> bool {
    doc.capitalized(i)
        && doc.tokens[i].has(ABBREVIATION)
        && doc.text(i).trim_end_matches('.').chars().count() == 1
}

/// `person.initials_last` ("В. В. Путин", "В.В. Путин") and `person.last_initials`
/// ("Путин В. В.").
fn initials(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if initial(doc, i) && (i == 0 || !initial(doc, i - 1)) {
        let mut j = i + 1;
        if initial(doc, j) {
            j += 1;
        }
        if surname_like(doc, j) {
            let mut parts: Vec<(usize, Part)> = (i..j).map(|k| (k, Part::Initial)).collect();
            parts.push((j, Part::Last));
            let v = value(doc, &parts, case::ANY, None);
            push(out, i, j + 1, v, "person.initials_last");
        }
        return;
    }
    if doc.capitalized(i)
        && !doc.latin(i)
        && !initial(doc, i)
        && (i == 0 || !initial(doc, i - 1))
        && initial(doc, i + 1)
        && !doc.sentence_start(i + 1)
    {
        let mut j = i + 2;
        if initial(doc, j) && !doc.sentence_start(j) {
            j += 1;
        }
        if surname_like(doc, i) || (doc.sentence_start(i) && doc.is_a(i, flag::LAST)) {
            let mut parts = vec![(i, Part::Last)];
            parts.extend((i + 1..j).map(|k| (k, Part::Initial)));
            let v = value(doc, &parts, case::ANY, None);
            push(out, i, j, v, "person.last_initials");
        }
    }
}

/// Where the name after a role starts: the role's complement ("США", "иностранных дел
/// Казахстана", "Cove Capital", "Палаты представителей США") is stepped over.
fn after_role(doc: &Doc<'_>, r: usize) -> Option<usize> {
    let mut j = r + 1;
    while j < doc.tokens.len() && j <= r + ROLE_REACH {
        if doc.sentence_start(j) {
            return None;
        }
        let hit = doc.name_hit(j);
        if let Some((end, _)) = hit.multi {
            j = end as usize;
            continue;
        }
        let step = match doc.kind(j) {
            Some(TokenKind::Word) if doc.capitalized(j) => {
                doc.latin(j)
                    || doc.all_caps(j)
                    || doc.is_a(j, flag::PLACE | flag::ORG | flag::ORG_TYPE)
            }
            Some(TokenKind::Word) => true,
            Some(TokenKind::Punct) => matches!(doc.text(j), "\"" | "-"),
            _ => false,
        };
        if !step {
            return doc.capitalized(j).then_some(j);
        }
        if role(doc, j).is_some() {
            // The nearer role speaks for the name.
            return None;
        }
        j += 1;
    }
    None
}

/// `person.role_name`: a role, its complement, and one to three capitalized words.
fn role_and_name(doc: &Doc<'_>, r: usize, out: &mut Vec<Candidate>) {
    let Some(cases) = role(doc, r) else {
        return;
    };
    let Some(s) = after_role(doc, r) else {
        return;
    };
    let mut e = s;
    while e < s + 3
        && doc.capitalized(e)
        && !doc.latin(e)
        && !doc.all_caps(e)
        && (e == s || !doc.sentence_start(e))
        && (e == s || surname_like(doc, e) || middle_name(doc, e).is_some())
    {
        e += 1;
    }
    if e == s {
        return;
    }
    let first = first_name(doc, s);
    let parts: Vec<(usize, Part)> = match e - s {
        1 => {
            let known_last = doc.lexicon.names().surname_gender(doc.text(s)).is_some();
            if first.is_some() && !known_last {
                vec![(s, Part::First)]
            } else {
                vec![(s, Part::Last)]
            }
        }
        2 if middle_name(doc, s + 1).is_some() => vec![(s, Part::First), (s + 1, Part::Middle)],
        n => {
            let mut p = vec![(s, Part::First)];
            let mut k = s + 1;
            if n == 3 && middle_name(doc, k).is_some() {
                p.push((k, Part::Middle));
                k += 1;
            }
            p.extend((k..e).map(|k| (k, Part::Last)));
            p
        }
    };
    let first = if parts[0].1 == Part::First {
        first
    } else {
        None
    };
    let cases = if cases == 0 { case::ANY } else { cases };
    let v = value(doc, &parts, cases, first);
    push(out, s, e, v, "person.role_name");
}

/// `person.latin_in_brackets`: a Latin name in brackets right after a person ("Барри
/// Лоуенкрон (Barry Lowenkron)").
fn latin_in_brackets(doc: &Doc<'_>, first: usize, out: &mut Vec<Candidate>) {
    let n = out.len();
    for c in first..n {
        let b = out[c].end;
        if !doc.is(b, "(") || !doc.latin(b + 1) || !doc.capitalized(b + 1) {
            continue;
        }
        let mut e = b + 1;
        while e < b + 5 && doc.latin(e) && doc.capitalized(e) {
            e += 1;
        }
        if doc.is(e, ")") {
            let v = NameValue {
                normal: doc.original_text(b + 1, e).to_string(),
                ..NameValue::default()
            };
            push(out, b + 1, e, v, "person.latin_in_brackets");
        }
    }
}

/// `person.surname_mention`: a capitalized word whose nominative (by any surname rule) is
/// the surname of a person already named in the document.
fn surname_mentions(doc: &Doc<'_>, first: usize, out: &mut Vec<Candidate>) {
    let mut lasts: Vec<(String, String)> = Vec::new();
    for c in &out[first..] {
        if let Value::Name(v) = &c.value
            && let Some(last) = &v.last
            && !last.contains(' ')
            && !last.ends_with('.')
        {
            let lower = crate::text::Normalized::new(last).text().to_string();
            if !lasts.iter().any(|(l, _)| *l == lower) {
                lasts.push((lower, last.clone()));
            }
        }
    }
    if lasts.is_empty() {
        return;
    }
    let rules = doc.lexicon.names().surname_rules();
    // A form of a surname shares all but its ending with it: two letters at least.
    let prefixes: Vec<&str> = lasts
        .iter()
        .map(|(lower, _)| &lower[..lower.char_indices().nth(2).map_or(lower.len(), |(k, _)| k)])
        .collect();
    for i in 0..doc.tokens.len() {
        if !doc.capitalized(i) || doc.latin(i) {
            continue;
        }
        let form = doc.text(i);
        let found = lasts.iter().zip(&prefixes).find(|((lower, _), prefix)| {
            form.starts_with(*prefix)
                && (form == lower
                    || rules.iter().any(|r| {
                        form.strip_suffix(&*r.ending).is_some_and(|stem| {
                            lower.len() == stem.len() + r.replacement.len()
                                && lower.starts_with(stem)
                                && lower.ends_with(&*r.replacement)
                        })
                    }))
        });
        if let Some(((_, last), _)) = found {
            let v = NameValue {
                normal: last.clone(),
                last: Some(last.clone()),
                ..NameValue::default()
            };
            push(out, i, i + 1, v, "person.surname_mention");
        }
    }
}
