//! Persons: a first name and a surname ("Брайаном Мастом" → "Брайан Маст"), with a
//! patronymic ("Владимир Владимирович Путин", "Путин Владимир Владимирович"), initials and a
//! surname ("В. В. Путин"), a role and a name ("госсекретарем США Марко Рубио", "сенатор
//! Дэйнс", "директора Cove Capital Пини Алтхауса"), a Latin name in brackets after a
//! person, and later mentions by surname alone of a person the document named ("Дэйнс").
//!
//! Surnames are brought to the nominative by [`morph::surname_nominative`]: the case comes
//! from the first name's form or the role's, the gender from the first name.

use super::{Candidate, Doc, lead_bit};
use crate::fact::{FactType, NameValue, Value};
use crate::names::flag;
use crate::names::index::SenseKind;
use crate::names::morph::{self, case};
use crate::text::TokenKind;
use crate::text::token::{ABBREVIATION, CAPITALIZED};

/// Tokens a role may stand from its name ("министр иностранных дел Казахстана Ермек").
const ROLE_REACH: usize = 8;

/// Proposes person facts.
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let first = out.len();
    for i in doc.marked() {
        role_and_name(doc, i, out);
    }
    // A name a role found is not made again (the role's reading knows the case better).
    let mut by_role: Vec<usize> = out[first..]
        .iter()
        .filter(|c| c.end > c.start + 1)
        .map(|c| c.start)
        .collect();
    // Sorted, to be searched: a long document has them by the thousand.
    by_role.sort_unstable();
    for i in doc.marked() {
        // Every rule below starts at a capitalized word: the marked cue words are for the
        // roles above.
        if !doc.capitalized(i) {
            continue;
        }
        if by_role.binary_search(&i).is_err() {
            full_name(doc, i, out);
        }
        initials(doc, i, out);
        name_and_known_surname(doc, i, out);
        two_unknown_words(doc, i, out);
        lone_name(doc, i, out);
        if doc.is(i + 1, "(") {
            transliterated(doc, i + 1, out);
        }
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

/// The parts of a name (token, part), in text order, on the stack: a name has four at
/// most (a first name or initials, a patronymic, a surname of two words).
#[derive(Clone, Copy, Debug)]
struct Parts {
    parts: [(usize, Part); Parts::MAX],
    len: usize,
}

impl Parts {
    const MAX: usize = 4;

    /// The parts of a name that starts with `part`.
    fn of(part: (usize, Part)) -> Parts {
        Parts {
            parts: [part; Parts::MAX],
            len: 1,
        }
    }

    /// Adds `more` after the parts (no rule makes more than [`Parts::MAX`] in all; any
    /// beyond are left out).
    fn extend(&mut self, more: impl IntoIterator<Item = (usize, Part)>) {
        for part in more {
            if let Some(slot) = self.parts.get_mut(self.len) {
                *slot = part;
                self.len += 1;
            }
        }
    }

    /// The parts.
    fn all(&self) -> &[(usize, Part)] {
        &self.parts[..self.len]
    }
}

/// A first name's reading: lemma, gender, and the cases its form can be in.
#[derive(Clone, Copy, Debug)]
struct FirstName<'a> {
    lemma: &'a str,
    gender: u8,
    cases: u8,
}

/// The first-name readings of token `i` (a form may be several names: "Германа" is
/// Герман in the genitive or Германа), the nominative ones first, at most four.
fn first_names<'a>(doc: &Doc<'a>, i: usize) -> Vec<FirstName<'a>> {
    if !doc.is_a(i, flag::FIRST) || doc.latin(i) {
        return hyphenated_first(doc, i).into_iter().collect();
    }
    let mut out: Vec<(bool, FirstName<'a>)> = Vec::with_capacity(4);
    let form = doc.text(i);
    for s in doc.senses(i).filter(|s| s.kind == SenseKind::First).take(4) {
        let lemma = doc.lemma(&s);
        let (nominative, cases) = morph::first_name_reading(form, lemma, s.tag);
        out.push((
            nominative,
            FirstName {
                lemma,
                gender: s.tag,
                cases,
            },
        ));
    }
    out.sort_by_key(|(nominative, f)| (!nominative, f.gender == b'?'));
    out.into_iter().map(|(_, f)| f).collect()
}

/// The preferred first-name reading of token `i`.
#[inline]
fn first_name<'a>(doc: &Doc<'a>, i: usize) -> Option<FirstName<'a>> {
    // Most words are neither: told here, without a call.
    if !doc.is_a(i, flag::FIRST | flag::HYPHENATED_FIRST) {
        return None;
    }
    first_name_reading(doc, i)
}

/// [`first_name`] of a first name or a hyphenated one.
#[inline(never)]
fn first_name_reading<'a>(doc: &Doc<'a>, i: usize) -> Option<FirstName<'a>> {
    if !doc.is_a(i, flag::FIRST) || doc.latin(i) {
        return hyphenated_first(doc, i);
    }
    // As `first_names(..)[0]`, without collecting them.
    let form = doc.text(i);
    let mut best: Option<((bool, bool), FirstName<'a>)> = None;
    for s in doc.senses(i).filter(|s| s.kind == SenseKind::First).take(4) {
        let lemma = doc.lemma(&s);
        let (nominative, cases) = morph::first_name_reading(form, lemma, s.tag);
        let key = (!nominative, s.tag == b'?');
        if best.as_ref().is_none_or(|(k, _)| key < *k) {
            let f = FirstName {
                lemma,
                gender: s.tag,
                cases,
            };
            best = Some((key, f));
        }
    }
    best.map(|(_, f)| f)
}

/// True if token `i` is a first name in its nominative, as the dictionary writes it ("Мария").
fn first_name_as_written(doc: &Doc<'_>, i: usize) -> bool {
    first_name(doc, i).is_some_and(|r| morph::is_lemma(doc.text(i), r.lemma))
}

/// The patronymic lemma of token `i`.
fn middle_name<'a>(doc: &Doc<'a>, i: usize) -> Option<(&'a str, u8)> {
    if !doc.is_a(i, flag::MIDDLE) {
        return None;
    }
    // A patronymic in the nominative is its own normal form, as written (the lexicon has
    // odd lemmas: "Василиевич"); else the reading whose lemma is the form, else any.
    let form = doc.text(i);
    if ["вич", "вна", "чна", "ич"]
        .iter()
        .any(|e| form.ends_with(e))
    {
        let g = if form.ends_with('а') { b'f' } else { b'm' };
        return Some((doc.word(i), g));
    }
    let mut found = None;
    for s in doc.senses(i).filter(|s| s.kind == SenseKind::Middle) {
        let lemma = doc.lemma(&s);
        if morph::is_lemma(form, lemma) {
            return Some((lemma, s.tag));
        }
        found = found.or(Some((lemma, s.tag)));
    }
    found
}

/// True if token `i` is a role word.
fn role(doc: &Doc<'_>, i: usize) -> Option<u8> {
    doc.is_a(i, flag::ROLE).then(|| doc.name_hit(i).role_cases)
}

/// True if token `i`, a town's name right after a role in the nominative or the
/// instrumental, agrees with the role and so is the person's name: "писательница Харпер Ли",
/// "президентом Обамой", "актёром Харрисоном Фордом". A role's complement stands in the
/// genitive ("мэр Лондона"); a country or a region is a complement in any case.
pub(super) fn town_in_apposition<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    if i == 0
        || !doc.capitalized(i)
        || doc.all_caps(i)
        || doc.latin(i)
        || doc.sentence_start(i)
        || doc.is_a(i, flag::BIG_PLACE)
    {
        return None;
    }
    let cases = role(doc, i - 1)?;
    if cases == 0 || cases & !(case::NOM | case::INS) != 0 {
        return None;
    }
    let (end, lemma, _) = super::location::place_at(doc, i)?;
    // The town's case, read as a name's is: from how its form differs from the lemma. An
    // indeclinable name is in the nominative only as its lemma.
    let form = doc.text(i);
    let town_cases = match morph::first_name_cases(form, lemma, b'?') {
        case::ANY if morph::is_lemma(form, lemma) => case::NOM,
        case::ANY => 0,
        c => c,
    };
    (end == i + 1 && cases & town_cases != 0).then_some(lemma)
}

/// True if token `i` may be a surname: a capitalized Cyrillic word that is no place, no
/// organization word, no role and not the start of a sentence.
fn surname_like(doc: &Doc<'_>, i: usize) -> bool {
    name_word(doc, i) && surname_after_first(doc, i)
}

/// True if token `i` may be a surname right after a first name: as [`surname_like`], but an
/// adjective is welcome ("Наталья Поклонская ответила").
fn surname_after_first(doc: &Doc<'_>, i: usize) -> bool {
    plain_name_word(doc, i)
        && same_line(doc, i)
        && !doc.sentence_start(i)
        && !doc.is_a(i, flag::ROLE | flag::BIG_PLACE | flag::ORG | flag::ORG_TYPE)
}

/// True if token `i` can be part of a name as a word of its own: a capitalized Cyrillic word
/// of two letters or more, without digits, not inside quotes (a title, a brand), and not an
/// adjective before a lower-case noun ("Национального фронта").
fn name_word(doc: &Doc<'_>, i: usize) -> bool {
    plain_name_word(doc, i) && !adjective_before_noun(doc, i)
}

/// As [`name_word`], adjectives allowed: after a first name, "Поклонская" is a surname
/// whatever follows.
fn plain_name_word(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_a(i, flag::NAME_WORD)
}

/// A hyphenated first name whose parts are first names ("Жан-Мари"): a reading of its own,
/// as written.
fn hyphenated_first<'a>(doc: &Doc<'a>, i: usize) -> Option<FirstName<'a>> {
    doc.is_a(i, flag::HYPHENATED_FIRST).then(|| FirstName {
        lemma: doc.word(i),
        gender: b'?',
        cases: case::ANY,
    })
}

/// True if token `i` looks like an adjective and a lower-case word follows it.
fn adjective_before_noun(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_a(i, flag::ADJECTIVE_BEFORE_NOUN) && !doc.is_a(i, flag::FIRST)
}

/// True if a place-type word stands right before token `i` ("города Орска", "округа
/// Чарльз", "местность Шейди Сайд"): what follows names the place, not a person.
fn after_place_type(doc: &Doc<'_>, i: usize) -> bool {
    i > 0 && doc.is_a(i - 1, flag::PLACE_TYPE)
}

/// True if token `i` goes on the line of the token before it: a name does not run over a
/// line break (a heading and the text below it).
fn same_line(doc: &Doc<'_>, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| !t.has(crate::text::token::NEWLINE_BEFORE))
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
fn surname<'a>(doc: &Doc<'a>, i: usize, gender: u8, cases: u8) -> morph::Surname<'a> {
    let names = doc.lexicon.names();
    let form = doc.text(i);
    // [`crate::names::Names::tag`] looked up every capitalized word: one it did not flag a
    // surname is none, and needs no second look (most words asked about). The name rules
    // run only on a tagged document (`doc.names` not empty), so the flags are there.
    debug_assert!(!doc.names.is_empty());
    let not_a_surname = doc.capitalized(i) && !doc.is_a(i, flag::LAST);
    morph::surname_nominative(form, gender, cases, names.surname_rules(), |s| {
        if not_a_surname && s == form.as_bytes() {
            return None;
        }
        names.surname_gender_of(s)
    })
}

/// The value of a name made of these parts (token, part), in text order; `cases` is what
/// the context says about the case (a role), `first` the first name's reading if known
/// ([`first_name`] of the first-name part).
fn value(
    doc: &Doc<'_>,
    parts: &[(usize, Part)],
    mut cases: u8,
    first: Option<FirstName<'_>>,
) -> NameValue {
    // Of a first name's readings, the one whose case and gender make the surname a
    // dictionary one: "Германа Грефа" is Герман Греф, not Германа Грефа.
    let first = match (first, parts.iter().find(|(_, p)| *p == Part::First)) {
        (Some(f), Some(&(fi, _))) => {
            let last = parts
                .iter()
                .find(|(_, p)| *p == Part::Last)
                .map(|&(k, _)| k);
            // One reading needs no choosing (most names have one): `f` is the preferred one,
            // `first_names(..)[0]`.
            let several = doc.is_a(fi, flag::FIRST)
                && !doc.latin(fi)
                && doc
                    .senses(fi)
                    .filter(|s| s.kind == SenseKind::First)
                    .nth(1)
                    .is_some();
            // Before another first name as written ("Анна Мария") both are nominatives:
            // "Анна" is no genitive of Анн there.
            let before_first =
                || last.is_some_and(|k| k == fi + 1 && first_name_as_written(doc, k));
            if !several || before_first() {
                Some(f)
            } else {
                let readings = first_names(doc, fi);
                let fits = |r: &FirstName<'_>| {
                    let c = if r.cases != case::ANY { r.cases } else { cases };
                    last.is_some_and(|k| surname(doc, k, r.gender, c).known)
                };
                readings.iter().copied().find(fits).or(Some(f))
            }
        }
        (f, _) => f,
    };
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
    // Room for the words as written and an ending changed here and there: one allocation.
    // (Sized by the normalized words: as long as the written ones but for rare letters, and
    // cheaper to measure; the capacity is only a guess.)
    let room: usize = parts.iter().map(|&(i, _)| doc.text(i).len() + 8).sum();
    let mut normal = String::with_capacity(room);
    let mut last = String::new();
    for &(i, part) in parts {
        let word = match part {
            // A town's name as a first name ("актёром Харрисоном Фордом") has the town's
            // nominative.
            Part::First => first.map_or_else(
                || {
                    town_in_apposition(doc, i)
                        .unwrap_or(doc.word(i))
                        .to_string()
                },
                |f| f.lemma.to_string(),
            ),
            Part::Middle => {
                let (lemma, g) = middle_name(doc, i).unwrap_or((doc.word(i), b'?'));
                if gender == b'?' {
                    gender = g;
                }
                lemma.to_string()
            }
            Part::Last => {
                let s = surname(doc, i, gender, cases);
                morph::apply_ending(doc.word(i), s.cut, s.append)
            }
            Part::Initial => doc.word(i).to_string(),
        };
        if !normal.is_empty() {
            normal.push(' ');
        }
        normal.push_str(&word);
        match part {
            Part::First => v.first = Some(word),
            Part::Middle => v.middle = Some(word),
            Part::Initial if v.first.is_none() => v.first = Some(word),
            Part::Initial => v.middle = Some(word),
            Part::Last if last.is_empty() => last = word,
            Part::Last => {
                last.push(' ');
                last.push_str(&word);
            }
        }
    }
    if !last.is_empty() {
        v.last = Some(last);
    }
    v.normal = normal;
    v
}

fn push(out: &mut Vec<Candidate>, start: usize, end: usize, value: NameValue, rule: &'static str) {
    out.push(Candidate {
        start,
        end,
        kind: FactType::Person,
        value: Some(Value::Name(value)),
        rule,
    });
}

/// `person.first_last`, `person.first_middle_last`, `person.first_middle`,
/// `person.last_first_middle`: names led by a dictionary first name (or, for the last, ended
/// by first name and patronymic).
fn full_name(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    // "правительства Мали Кейта": a country is no first name.
    if after_place_type(doc, i) || doc.is_a(i, flag::BIG_PLACE) {
        return;
    }
    if let Some(f) = first_name(doc, i) {
        if middle_name(doc, i + 1).is_some() && !doc.sentence_start(i + 1) && same_line(doc, i + 1)
        {
            if surname_after_first(doc, i + 2) && first_name(doc, i + 2).is_none() {
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
        // Two first names as written, then a surname: "Анна Мария Тремонти". (The flags
        // first: most first names have no other after them, told before any form is
        // compared with its lemma.)
        if doc.is_a(i + 1, flag::FIRST | flag::HYPHENATED_FIRST)
            && surname_after_first(doc, i + 1)
            && surname_after_first(doc, i + 2)
            && morph::is_lemma(doc.text(i), f.lemma)
            && first_name_as_written(doc, i + 1)
            && first_name(doc, i + 2).is_none()
        {
            let parts = [(i, Part::First), (i + 1, Part::Middle), (i + 2, Part::Last)];
            let v = value(doc, &parts, case::ANY, Some(f));
            push(out, i, i + 3, v, "person.two_first_last");
            return;
        }
        let mut j = i + 1;
        if particle(doc.text(j)) && surname_after_first(doc, j + 1) {
            j += 1;
        }
        if surname_after_first(doc, j) {
            let mut parts = Parts::of((i, Part::First));
            parts.extend((i + 1..=j).map(|k| (k, Part::Last)));
            let v = value(doc, parts.all(), case::ANY, Some(f));
            push(out, i, j + 1, v, "person.first_last");
        }
        return;
    }
    // Surname first: "Путин Владимир Владимирович"; at a sentence start only a dictionary
    // surname ("Памятник Александру Сергеевичу" is no one).
    if doc.capitalized(i)
        && !doc.latin(i)
        && !doc.is_a(i, flag::ROLE | flag::BIG_PLACE | flag::ORG | flag::ORG_TYPE)
        && (!doc.sentence_start(i) || doc.is_a(i, flag::LAST))
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

/// A dictionary surname at token `i`, in any case (`cases`): its nominative, if the
/// dictionary has it.
fn known_surname<'a>(doc: &Doc<'a>, i: usize, cases: u8) -> Option<morph::Surname<'a>> {
    let s = surname(doc, i, b'?', cases);
    s.known.then_some(s)
}

/// `person.name_known_surname`: a capitalized word that is no first name of the dictionary
/// before a dictionary surname ("Илон Маск", "Олафом Шольцем" → "Олаф Шольц"); the first
/// name takes the case the surname's ending shows.
fn name_and_known_surname(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if doc.is_a(i, flag::FIRST)
        || !name_word(doc, i)
        || doc.is_a(
            i,
            flag::ROLE | flag::PLACE | flag::ORG | flag::ORG_TYPE | flag::PLACE_TYPE,
        )
        || (i > 0 && name_word(doc, i - 1) && !doc.sentence_start(i))
        || !surname_like(doc, i + 1)
        || doc.is_a(i + 1, flag::FIRST | flag::PLACE)
        || morph::clearly_adjective(doc.text(i))
    {
        return;
    }
    let Some(last) = known_surname(doc, i + 1, case::ANY) else {
        return;
    };
    // The first name takes the case the surname's ending shows: "Олафом" → "Олаф".
    let first_word = doc.word(i);
    let first = match morph::first_name_ending(doc.text(i), last.case) {
        Some(ending) if last.case != case::NOM => {
            morph::apply_ending(first_word, ending.chars().count(), "")
        }
        _ => first_word.to_string(),
    };
    let last_word = morph::apply_ending(doc.word(i + 1), last.cut, last.append);
    let v = NameValue {
        normal: format!("{first} {last_word}"),
        first: Some(first),
        middle: None,
        last: Some(last_word),
    };
    push(out, i, i + 2, v, "person.name_known_surname");
}

/// `person.two_words`: two capitalized words inside a sentence that no lexicon knows, neither
/// an adjective ("Тору Камикава", "Горацио Элисондо"): foreign names the dictionaries lack.
/// Not after a place-type or organization-type word ("месторождения Северный Катпар").
fn two_unknown_words(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    // A word no lexicon knows; its shape (no adjective, three letters) is tested last, after
    // the cheap tests of the context.
    let unknown = |k: usize| {
        name_word(doc, k)
            && doc.flags(k) & !(flag::LAST | flag::SHAPE) == 0
            && doc.name_hit(k).multi.is_none()
    };
    let name_shaped =
        |k: usize| !morph::clearly_adjective(doc.text(k)) && doc.text(k).chars().count() >= 3;
    if !unknown(i)
        || !unknown(i + 1)
        || !same_line(doc, i + 1)
        || after_place_type(doc, i)
        || doc.sentence_start(i + 1)
        || (doc.sentence_start(i) && !(i > 0 && matches!(doc.text(i - 1), "•" | "-" | "(")))
        || (i > 0 && (name_word(doc, i - 1) || doc.is_a(i - 1, flag::PLACE_TYPE | flag::ORG_TYPE)))
        || name_word(doc, i + 2)
        || doc.is(i + 2, "\"")
        || !name_shaped(i)
        || !name_shaped(i + 1)
    {
        return;
    }
    let parts = [(i, Part::First), (i + 1, Part::Last)];
    let v = value(doc, &parts, case::ANY, None);
    push(out, i, i + 2, v, "person.two_words");
}

/// `person.first_name_alone` ("Марк рассказал") and `person.surname_alone` ("Путин также
/// подпишет", "с Гагариным"): one dictionary name that no other word joins; a first name
/// that is also an ordinary word ("Вера", "Роман") or a place ("Владимир") is left alone.
fn lone_name(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !name_word(doc, i)
        || after_place_type(doc, i)
        || doc.is_a(
            i,
            flag::ROLE | flag::PLACE | flag::ORG | flag::ORG_TYPE | flag::PLACE_TYPE,
        )
        || (i > 0 && name_word(doc, i - 1) && !doc.sentence_start(i))
        || (name_word(doc, i + 1) && !doc.sentence_start(i + 1))
        || doc.is(i + 1, "-")
    {
        return;
    }
    if let Some(f) = first_name(doc, i) {
        if ambiguous_first(doc, f.lemma) {
            return;
        }
        let v = NameValue {
            normal: f.lemma.to_string(),
            first: Some(f.lemma.to_string()),
            ..NameValue::default()
        };
        push(out, i, i + 1, v, "person.first_name_alone");
        return;
    }
    // A surname alone: the dictionary has it, of a known gender (its list has some broken
    // lemmas of either gender, "Звезд", "Умер"), as written or, inside a sentence, in a case
    // form by a frequent rule; never an adjective ("Бывший", "Российский").
    let cases = if doc.sentence_start(i) {
        case::NOM
    } else {
        case::ANY
    };
    if morph::clearly_adjective(doc.text(i)) {
        return;
    }
    // A surname of either gender counts when its ending is a surname's ("Лукашенко").
    let surname_ending = || {
        ["енко", "швили", "дзе", "ович", "евич", "ян", "юк", "ук"]
            .iter()
            .any(|e| doc.text(i).ends_with(e))
    };
    if let Some(last) = known_surname(doc, i, cases)
        .filter(|s| s.gender != b'?' || (s.cut == 0 && surname_ending()))
    {
        let word = morph::apply_ending(doc.word(i), last.cut, last.append);
        let v = NameValue {
            normal: word.clone(),
            last: Some(word),
            ..NameValue::default()
        };
        push(out, i, i + 1, v, "person.surname_alone");
    }
}

/// True if a first name is also an ordinary word ("Вера", "Роман"): `names/first_ambiguous.tsv`.
fn ambiguous_first(doc: &Doc<'_>, lemma: &str) -> bool {
    let cues = doc.lexicon.names().cues();
    // Lower-cased on the stack when it can be (most lemmas).
    let mut buf = [0u8; 64];
    let key = match morph::lower_in(lemma, &mut buf) {
        Some([]) => None,
        Some(lower) => cues.lookup_hash(crate::names::index::hash(lower)),
        None => cues.lookup(&morph::lower(lemma)),
    };
    key.is_some_and(|k| cues.senses(k).any(|s| s.kind == SenseKind::AmbiguousFirst))
}

/// An initial: one capital letter with its dot ("В.").
// Asked of every capitalized word and its neighbours: inlined, a call costs more than the
// flag tests that settle most words.
#[inline(always)]
fn initial(doc: &Doc<'_>, i: usize) -> bool {
    // One token read: an abbreviation first (most words are none), then a capitalized word.
    doc.tokens
        .get(i)
        .is_some_and(|t| t.has(ABBREVIATION) && t.kind == TokenKind::Word && t.has(CAPITALIZED))
        && doc.text(i).trim_end_matches('.').chars().count() == 1
}

/// `person.initials_last` ("В. В. Путин", "В.В. Путин") and `person.last_initials`
/// ("Путин В. В.").
fn initials(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let at_initial = initial(doc, i);
    if at_initial && (i == 0 || !initial(doc, i - 1)) {
        let mut j = i + 1;
        if initial(doc, j) {
            j += 1;
        }
        if surname_like(doc, j) {
            let mut parts = Parts::of((i, Part::Initial));
            parts.extend((i + 1..j).map(|k| (k, Part::Initial)));
            parts.extend([(j, Part::Last)]);
            let v = value(doc, parts.all(), case::ANY, None);
            push(out, i, j + 1, v, "person.initials_last");
        }
        return;
    }
    // An initial after the word first: most words have none.
    if doc.capitalized(i)
        && !doc.latin(i)
        && !at_initial
        && initial(doc, i + 1)
        && (i == 0 || !initial(doc, i - 1))
        && !doc.sentence_start(i + 1)
    {
        let mut j = i + 2;
        if initial(doc, j) && !doc.sentence_start(j) {
            j += 1;
        }
        if surname_like(doc, i) || (doc.sentence_start(i) && doc.is_a(i, flag::LAST)) {
            let mut parts = Parts::of((i, Part::Last));
            parts.extend((i + 1..j).map(|k| (k, Part::Initial)));
            let v = value(doc, parts.all(), case::ANY, None);
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
        if !step || (j == r + 1 && town_in_apposition(doc, j).is_some()) {
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
    let typed = if town_in_apposition(doc, s).is_some() {
        flag::ROLE | flag::ORG | flag::ORG_TYPE | flag::PLACE_TYPE
    } else {
        flag::ROLE | flag::PLACE | flag::ORG | flag::ORG_TYPE | flag::PLACE_TYPE
    };
    if !name_word(doc, s) || doc.is_a(s, typed) {
        return;
    }
    let mut e = s + 1;
    // A type word ends the name: "ведомств Кыргызской Республики" is a place.
    while e < s + 3
        && same_line(doc, e)
        && !doc.is_a(e, flag::PLACE_TYPE | flag::ORG_TYPE)
        && (surname_like(doc, e) || (middle_name(doc, e).is_some() && !doc.sentence_start(e)))
    {
        e += 1;
    }
    // One word alone after a role is a name if the dictionaries know it ("сенатор Дэйнс" is
    // left to the mention of "Стивом Дэйнсом"; "Мисс Вселенная" is no one).
    if e == s + 1 && !doc.is_a(s, flag::FIRST) && known_surname(doc, s, case::ANY).is_none() {
        return;
    }
    let first = first_name(doc, s);
    let parts = match e - s {
        1 => {
            let known_last = doc.lexicon.names().surname_gender(doc.text(s)).is_some();
            if first.is_some() && !known_last {
                Parts::of((s, Part::First))
            } else {
                Parts::of((s, Part::Last))
            }
        }
        2 if middle_name(doc, s + 1).is_some() => {
            let mut p = Parts::of((s, Part::First));
            p.extend([(s + 1, Part::Middle)]);
            p
        }
        n => {
            let mut p = Parts::of((s, Part::First));
            let mut k = s + 1;
            if n == 3 && middle_name(doc, k).is_some() {
                p.extend([(k, Part::Middle)]);
                k += 1;
            }
            p.extend((k..e).map(|k| (k, Part::Last)));
            p
        }
    };
    // The first part is the one `Parts::of` was given.
    let first = if parts.all().first().is_some_and(|&(_, p)| p == Part::First) {
        first
    } else {
        None
    };
    let cases = if cases == 0 { case::ANY } else { cases };
    let v = value(doc, parts.all(), cases, first);
    push(out, s, e, v, "person.role_name");
}

/// `person.latin_in_brackets`: a Latin name in brackets right after a person ("Барри
/// Лоуенкрон (Barry Lowenkron)").
fn latin_in_brackets(doc: &Doc<'_>, first: usize, out: &mut Vec<Candidate>) {
    let n = out.len();
    for c in first..n {
        let b = out[c].end;
        // Once for each brackets (several names may end before them): a person of the
        // same span already proposed comes first and wins or loses where this one would.
        if let Some(e) = latin_bracket(doc, b)
            && !out[first..].iter().any(|p| p.start == b + 1 && p.end == e)
        {
            let v = NameValue {
                normal: doc.original_text(b + 1, e).to_string(),
                ..NameValue::default()
            };
            push(out, b + 1, e, v, "person.latin_in_brackets");
        }
    }
}

/// The Latin words in brackets at `b` (an opening bracket): one past the last, if a closing
/// bracket follows them ("Халед эль-Масри (Khaled el-Masri)").
fn latin_bracket(doc: &Doc<'_>, b: usize) -> Option<usize> {
    doc.latin_in_brackets(b).filter(|&e| doc.is(e, ")"))
}

/// `person.transliterated`: two or three name words followed by their Latin spelling in
/// brackets ("Калеб Тюрон (Caleb Turon)"): both are a person's name.
fn transliterated(doc: &Doc<'_>, b: usize, out: &mut Vec<Candidate>) {
    let Some(e) = latin_bracket(doc, b) else {
        return;
    };
    let mut s = b;
    while s > b.saturating_sub(3)
        && s > 0
        && name_word(doc, s - 1)
        && !doc.is_a(
            s - 1,
            flag::PLACE | flag::ORG | flag::ORG_TYPE | flag::ROLE | flag::PLACE_TYPE,
        )
        && !(s < b && doc.sentence_start(s))
    {
        s -= 1;
    }
    // A sentence's first word joins only if it is a first name ("Хакеры Калеб Тюрон").
    if b - s > 2 && doc.sentence_start(s) && !doc.is_a(s, flag::FIRST) {
        s += 1;
    }
    let latin_words = (b + 1..e).filter(|&k| doc.capitalized(k)).count();
    // "больницу Санта Орсола (Policlinico ...)": a type word makes it a place or a body.
    let typed = s > 0 && doc.is_a(s - 1, flag::PLACE_TYPE | flag::ORG_TYPE);
    if b - s < 2 || latin_words < 2 || typed {
        return;
    }
    let mut parts = Parts::of((s, Part::First));
    parts.extend((s + 1..b).map(|k| (k, Part::Last)));
    let v = value(doc, parts.all(), case::ANY, first_name(doc, s));
    push(out, s, b, v, "person.transliterated");
    let v = NameValue {
        normal: doc.original_text(b + 1, e).to_string(),
        ..NameValue::default()
    };
    push(out, b + 1, e, v, "person.latin_in_brackets");
}

/// `person.surname_mention`: a capitalized word whose nominative (by any surname rule) is
/// the surname of a person already named in the document.
fn surname_mentions(doc: &Doc<'_>, first: usize, out: &mut Vec<Candidate>) {
    // The document's surnames of one word, each once: the candidate that names it first,
    // and its lower case in `lowered` (one buffer for all: no allocation each; bytes, as
    // the comparisons below need no `str`).
    let mut lowered: Vec<u8> = Vec::with_capacity(256);
    let mut lasts: Vec<(usize, std::ops::Range<usize>)> = Vec::with_capacity(16);
    for (k, c) in out.iter().enumerate().skip(first) {
        let Some(last) = surname_of(c) else {
            continue;
        };
        if last.contains(' ') || last.ends_with('.') {
            continue;
        }
        // A surname seen as written needs no lower case to be known (most repeat).
        if lasts
            .iter()
            .any(|(j, _)| surname_of(&out[*j]) == Some(last))
        {
            continue;
        }
        let at = lowered.len();
        morph::push_lower(last, &mut lowered);
        let lower = at..lowered.len();
        if lasts
            .iter()
            .any(|(_, l)| lowered[l.clone()] == lowered[lower.clone()])
        {
            lowered.truncate(at);
        } else {
            lasts.push((k, lower));
        }
    }
    if lasts.is_empty() {
        return;
    }
    let rules = doc.lexicon.names().surname_rules();
    // A form of a surname shares all but its ending with it: two letters at least. Each
    // prefix's first eight bytes (or fewer) as a number, and the mask of them: a word whose
    // first bytes differ is told apart by one load and a comparison (most marked words
    // begin no surname of the document).
    let heads: Vec<(u64, u64, &[u8])> = lasts
        .iter()
        .map(|(_, l)| {
            let lower = &lowered[l.clone()];
            let prefix = &lower[..two_chars(lower)];
            let n = prefix.len().min(8);
            let mask = if n == 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
            (first_eight(prefix) & mask, mask, prefix)
        })
        .collect();
    // A bit of 64 for each prefix's first two bytes: a word whose bit is not set begins no
    // surname of the document (most words), told before its first bytes are read as a
    // number and compared with each prefix. (A prefix of one byte, rare, lets every word
    // through.)
    let leads = heads.iter().fold(0u64, |bits, &(_, _, prefix)| {
        if prefix.len() < 2 {
            u64::MAX
        } else {
            bits | lead_bit(prefix)
        }
    });
    // The mentions found: the token and the surname's index in `lasts`.
    let mut found: Vec<(usize, usize)> = Vec::with_capacity(32);
    for i in doc.marked() {
        if !name_word(doc, i)
            || doc.is_a(i, flag::ORG | flag::ORG_TYPE | flag::ROLE)
            || after_place_type(doc, i)
        {
            continue;
        }
        let form = doc.bytes(i);
        if leads & lead_bit(form) == 0 {
            continue;
        }
        let head = first_eight(form);
        let is_form_of = |lower: &[u8]| {
            form == lower
                || rules.ending_in(doc.text(i)).any(|r| {
                    form.strip_suffix(r.ending.as_bytes()).is_some_and(|stem| {
                        lower.len() == stem.len() + r.replacement.len()
                            && lower.starts_with(stem)
                            && lower.ends_with(r.replacement.as_bytes())
                    })
                })
        };
        let matching = heads
            .iter()
            .zip(&lasts)
            .position(|((h, mask, prefix), (_, l))| {
                head & mask == *h && form.starts_with(prefix) && is_form_of(&lowered[l.clone()])
            });
        if let Some(n) = matching {
            found.push((i, n));
        }
    }
    // A person of this one word already proposed (a surname alone, a first name) comes
    // first among equals and wins or loses where the mention would: the mention would only
    // lose, and is not made.
    let mut single_words: Vec<usize> = out[first..]
        .iter()
        .filter(|c| c.end == c.start + 1)
        .map(|c| c.start)
        .collect();
    single_words.sort_unstable();
    for (i, n) in found {
        if single_words.binary_search(&i).is_ok() {
            continue;
        }
        let Some(last) = surname_of(&out[lasts[n].0]).map(str::to_string) else {
            continue;
        };
        let v = NameValue {
            normal: last.clone(),
            last: Some(last),
            ..NameValue::default()
        };
        push(out, i, i + 1, v, "person.surname_mention");
    }
}

/// The length in bytes of the first two characters of UTF-8 `bytes` (all of them if
/// fewer): where its third character starts.
fn two_chars(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b & 0xC0 != 0x80)
        .nth(2)
        .map_or(bytes.len(), |(k, _)| k)
}

/// The surname of a person candidate, if it has one.
fn surname_of(c: &Candidate) -> Option<&str> {
    match &c.value {
        Some(Value::Name(v)) => v.last.as_deref(),
        _ => None,
    }
}

/// The first eight bytes of `bytes` as a little-endian number, padded with zeros when
/// it is shorter.
fn first_eight(bytes: &[u8]) -> u64 {
    match bytes.get(..8) {
        Some(b) => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        None => crate::names::index::tail_word(bytes),
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::FactType;

    #[test]
    fn a_word_has_the_lead_bit_of_its_two_byte_prefixes() {
        // What `surname_mentions` counts on to pass over a word by its bit alone.
        for word in [
            "путина",
            "ян",
            "шольцем",
            "o'нил",
            "ёж",
            "x",
            "日本",
            "ab",
            "аb",
        ] {
            let bytes = word.as_bytes();
            for end in 2..=bytes.len() {
                assert_eq!(
                    super::lead_bit(&bytes[..end]),
                    super::lead_bit(bytes),
                    "{word} {end}"
                );
            }
        }
        // Words that differ in their first two bytes may share a bit, but one set bit
        // turns away most others.
        let names = super::lead_bit("пу".as_bytes());
        let others = ["ше", "ла", "ме", "ки", "ро"];
        assert!(
            others
                .iter()
                .all(|w| super::lead_bit(w.as_bytes()) & names == 0)
        );
    }

    #[test]
    fn surnames_read_with_the_tags_as_without() {
        use crate::names::morph::{self, case};
        let text = "Встреча Брайаном Мастом и Путиным, Шойгу, Лукашенко, Иванова с \
                    Ивановой. Путин сказал: Мастом и Грефа, Кошербаеву, Москва, Бенрате, \
                    Капитолия, Налбандовым, Налбандов. путиным ИВАНОВ Жан-Мари Ле Пен.";
        super::super::with_doc_tagged(text, true, |doc| {
            let names = doc.lexicon.names();
            // Both kinds of capitalized words are asked about.
            let surnames = (0..doc.tokens.len())
                .filter(|&i| doc.capitalized(i) && doc.is_a(i, super::flag::LAST))
                .count();
            assert!(
                surnames >= 2 && surnames + 5 < doc.tokens.len(),
                "{surnames}"
            );
            for i in 0..doc.tokens.len() {
                for gender in [b'?', b'm', b'f'] {
                    for cases in [case::ANY, case::NOM, case::GEN, case::INS] {
                        let general = morph::surname_nominative(
                            doc.text(i),
                            gender,
                            cases,
                            names.surname_rules(),
                            |s| names.surname_gender_of(s),
                        );
                        assert_eq!(super::surname(doc, i, gender, cases), general, "{i}");
                    }
                }
            }
        });
    }

    #[test]
    fn two_chars_end_where_the_third_starts() {
        for s in [
            "",
            "м",
            "ма",
            "маст",
            "ab",
            "abc",
            "aб",
            "бa",
            "ёж",
            "日本語",
        ] {
            let end = s.char_indices().nth(2).map_or(s.len(), |(k, _)| k);
            assert_eq!(super::two_chars(s.as_bytes()), end, "{s}");
        }
    }

    #[test]
    fn first_eight_bytes_are_zero_padded() {
        let bytes = "маст-x".as_bytes();
        for n in 0..=bytes.len() {
            let mut buf = [0u8; 8];
            let k = n.min(8);
            buf[..k].copy_from_slice(&bytes[..k]);
            assert_eq!(
                super::first_eight(&bytes[..n]),
                u64::from_le_bytes(buf),
                "{n}"
            );
        }
    }

    #[test]
    fn each_rule_finds_its_persons() {
        super::super::check_name_table(
            FactType::Person,
            &[
                (
                    "Встреча с Брайаном Мастом.",
                    "Брайаном Мастом",
                    "Брайан Маст",
                    "person.first_last",
                ),
                (
                    "Указ подписал В. В. Путин.",
                    "В. В. Путин",
                    "В. В. Путин",
                    "person.initials_last",
                ),
                (
                    "Книгу написал Лев Николаевич Толстой.",
                    "Лев Николаевич Толстой",
                    "Лев Николаевич Толстой",
                    "person.first_middle_last",
                ),
                (
                    "По словам генерального директора Cove Capital Пини Алтхауса, работы начнутся.",
                    "Пини Алтхауса",
                    "Пини Алтхаус",
                    "person.role_name",
                ),
                (
                    "Сенатор Стив Дэйнс выступил. Позже Дэйнс отметил прогресс.",
                    "Дэйнс",
                    "Дэйнс",
                    "person.surname_mention",
                ),
                (
                    "О сделке рассказал Илон Маск.",
                    "Илон Маск",
                    "Илон Маск",
                    "person.name_known_surname",
                ),
                (
                    "Встреча с Олафом Шольцем.",
                    "Олафом Шольцем",
                    "Олаф Шольц",
                    "person.name_known_surname",
                ),
                (
                    "Как сообщила Татьяна, работы идут.",
                    "Татьяна",
                    "Татьяна",
                    "person.first_name_alone",
                ),
                (
                    "Встречу провел Калеб Тюрон (Caleb Turon).",
                    "Caleb Turon",
                    "Caleb Turon",
                    "person.latin_in_brackets",
                ),
                (
                    "Матч судил Горацио Элисондо из Аргентины.",
                    "Горацио Элисондо",
                    "Горацио Элисондо",
                    "person.two_words",
                ),
                (
                    "Партию основал Жан-Мари Ле Пен.",
                    "Жан-Мари Ле Пен",
                    "Жан-Мари Ле Пен",
                    "person.first_last",
                ),
            ],
        );
    }
}
