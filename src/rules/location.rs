//! Locations: places from the gazetteer in any case form ("Казахстана", "Центральной Азии"),
//! an adjective with a place-type noun ("Карагандинской области" → "Карагандинская
//! область"), and capitalized names after a place-type noun ("месторождения Северный Катпар
//! и Верхний Кайракты").

use super::{Candidate, Doc};
use crate::fact::{FactType, NameValue, Value};
use crate::names::index::{KeyId, SenseKind};
use crate::names::morph;
use crate::names::{PlaceKind, flag};

/// Proposes location facts.
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for i in doc.marked() {
        gazetteer(doc, i, out);
        adjective_and_type(doc, i, out);
        after_type(doc, i, out);
    }
}

fn push(out: &mut Vec<Candidate>, start: usize, end: usize, normal: String, rule: &'static str) {
    out.push(Candidate {
        start,
        end,
        kind: FactType::Location,
        value: Value::Name(NameValue {
            normal,
            ..NameValue::default()
        }),
        rule,
    });
}

/// The lemma of the best place sense of a key: a country before a region before a city.
pub fn place_lemma<'a>(doc: &Doc<'a>, key: KeyId) -> Option<(&'a str, PlaceKind)> {
    let rank = |k: PlaceKind| match k {
        PlaceKind::Country => 0,
        PlaceKind::Region => 1,
        PlaceKind::City => 2,
        PlaceKind::Other => 3,
    };
    let index = doc.lexicon.names().index();
    index
        .senses(key)
        .filter(|s| s.kind == SenseKind::Place)
        .map(|s| (index.lemma(&s), PlaceKind::from_tag(s.tag)))
        .min_by_key(|(_, k)| rank(*k))
}

/// The place at token `i` (the longest gazetteer form starting there): its end and lemma.
pub fn place_at<'a>(doc: &Doc<'a>, i: usize) -> Option<(usize, &'a str, PlaceKind)> {
    let hit = doc.name_hit(i);
    if let Some((end, key)) = hit.multi
        && let Some((lemma, kind)) = place_lemma(doc, key)
    {
        return Some((end as usize, lemma, kind));
    }
    if !doc.is_a(i, flag::PLACE) {
        return None;
    }
    let (lemma, kind) = place_lemma(doc, hit.key?)?;
    // One capital letter is an initial, not a place; a town named like an adjective is an
    // adjective before a noun ("Каспийского трубопроводного").
    let adjective_before_noun = kind != PlaceKind::Country
        && morph::clearly_adjective(doc.text(i))
        && morph::adjective_ending(doc.text(i)).is_some_and(|(e, _)| e.chars().count() >= 3)
        && !doc.capitalized(i + 1)
        && (adjective(doc, i + 1).is_some() || doc.is_a(i + 1, flag::ORG_TYPE | flag::PLACE_TYPE));
    (doc.text(i).chars().nth(1).is_some() && !adjective_before_noun).then_some((i + 1, lemma, kind))
}

/// `location.gazetteer`: a place name in any case form.
fn gazetteer(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if let Some((end, lemma, _)) = place_at(doc, i) {
        push(out, i, end, lemma.to_string(), "location.gazetteer");
    } else {
        inflected_town(doc, i, out);
    }
}

/// `location.inflected_town`: a town the gazetteer lists in the nominative only, in a case
/// form after a preposition of place ("в Тусоне", "из Портапика"): the form with its case
/// ending undone is a town there.
fn inflected_town(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let after_preposition = i > 0
        && matches!(
            doc.text(i - 1),
            "в" | "во" | "из" | "под" | "около" | "близ" | "до" | "от" | "через" | "над"
        );
    if !after_preposition
        || !doc.capitalized(i)
        || doc.latin(i)
        || doc.all_caps(i)
        || doc.flags(i) & !flag::SHAPE != 0
    {
        return;
    }
    let form = doc.text(i);
    let index = doc.lexicon.names().index();
    for (ending, nominative) in [
        ("е", ""),
        ("а", ""),
        ("у", ""),
        ("ом", ""),
        ("е", "а"),
        ("и", "а"),
    ] {
        let Some(stem) = form.strip_suffix(ending) else {
            continue;
        };
        if stem.chars().count() < 3 {
            continue;
        }
        let candidate = format!("{stem}{nominative}");
        let town = index.lookup(&candidate).and_then(|k| {
            index
                .senses(k)
                .find(|s| {
                    s.kind == SenseKind::Place && PlaceKind::from_tag(s.tag) == PlaceKind::City
                })
                .map(|s| index.lemma(&s))
        });
        if let Some(lemma) = town {
            push(out, i, i + 1, lemma.to_string(), "location.inflected_town");
            return;
        }
    }
}

/// An adjective form at token `i` (by its ending), normalized.
fn adjective<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    let t = doc.text(i);
    (doc.kind(i) == Some(crate::text::TokenKind::Word)
        && !doc.latin(i)
        && morph::adjective_ending(t).is_some())
    .then_some(t)
}

/// The place-type noun at token `i`: its lemma and class.
fn place_type<'a>(doc: &Doc<'a>, i: usize) -> Option<(&'a str, u8)> {
    doc.cue(i, SenseKind::PlaceType)
        .map(|(s, lemma)| (lemma, s.tag))
}

/// The nominative of adjectives `start..end` agreeing with a head noun of lemma `head`,
/// in the original's capitalization, each followed by a space.
pub fn adjectives_nominative(doc: &Doc<'_>, start: usize, end: usize, head: &str) -> String {
    let agreement = morph::noun_agreement(head, Some(doc.text(start)));
    let mut out = String::new();
    for k in start..end {
        let word = doc.word(k);
        match morph::adjective_nominative(doc.text(k), agreement) {
            Some((cut, ending)) => {
                let lower = morph::apply_ending(doc.text(k), cut, ending);
                out.push_str(&morph::with_case_of(word, &lower));
            }
            None => out.push_str(word),
        }
        out.push(' ');
    }
    out
}

/// `location.adjective_type`: a capitalized adjective (and up to two more) before a
/// place-type noun of a region, water or land: "Карагандинской области", "Боденским озером".
fn adjective_and_type(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !doc.capitalized(i) || doc.all_caps(i) || adjective(doc, i).is_none() {
        return;
    }
    let mut j = i + 1;
    while j < i + 3 && adjective(doc, j).is_some() && place_type(doc, j).is_none() {
        j += 1;
    }
    let Some((lemma, class)) = place_type(doc, j) else {
        return;
    };
    // Regions, waters and lands (see `PLACE_TYPE_CLASSES`), not towns or sites.
    if !matches!(class, b'r' | b'w' | b'l') || doc.sentence_start(j) {
        return;
    }
    // At a sentence start a capital says nothing: only a country adjective counts there.
    if doc.sentence_start(i) && !doc.is_a(i, flag::GEO_ADJECTIVE) {
        return;
    }
    let mut normal = adjectives_nominative(doc, i, j, lemma);
    normal.push_str(&morph::with_case_of(doc.word(j), lemma));
    push(out, i, j + 1, normal, "location.adjective_type");
}

/// A run of up to three capitalized words from token `i`, none starting a sentence: one past
/// its end.
fn capitalized_run(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let mut j = i;
    while j < i + 3 && doc.capitalized(j) && !doc.sentence_start(j) {
        j += 1;
    }
    (j > i).then_some(j)
}

/// `location.after_type`: capitalized names after a place-type noun, in apposition
/// ("месторождения Северный Катпар и Верхний Кайракты", "река Волга"); places the gazetteer
/// knows are left to it.
fn after_type(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if place_type(doc, i).is_none() {
        return;
    }
    let mut start = i + 1;
    loop {
        let Some(end) = capitalized_run(doc, start) else {
            return;
        };
        if place_at(doc, start).is_none() && !doc.all_caps(start) {
            let normal = doc.original_text(start, end).to_string();
            push(out, start, end, normal, "location.after_type");
        }
        // "... Северный Катпар и Верхний Кайракты": a second name joined by "и".
        if doc.is(end, "и") && doc.capitalized(end + 1) {
            start = end + 1;
        } else {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::FactType;

    #[test]
    fn each_rule_finds_its_locations() {
        super::super::check_name_table(
            FactType::Location,
            &[
                (
                    "Ограничения с Казахстана не сняли.",
                    "Казахстана",
                    "Казахстан",
                    "location.gazetteer",
                ),
                (
                    "Месторождения расположены в Карагандинской области.",
                    "Карагандинской области",
                    "Карагандинская область",
                    "location.gazetteer",
                ),
                (
                    "Находясь в Тусоне, она позвонила.",
                    "Тусоне",
                    "Тусон",
                    "location.inflected_town",
                ),
                (
                    "Уроженка Шанхая приехала.",
                    "Шанхая",
                    "Шанхай",
                    "location.gazetteer",
                ),
                (
                    "Вертолет разбился над Боденским озером.",
                    "Боденским озером",
                    "Боденское озеро",
                    "location.adjective_type",
                ),
                (
                    "Работы идут на месторождениях Северный Катпар и Верхний Кайракты.",
                    "Верхний Кайракты",
                    "Верхний Кайракты",
                    "location.after_type",
                ),
            ],
        );
    }
}
