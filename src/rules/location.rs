//! Locations: places from the gazetteer in any case form ("Казахстана", "Центральной Азии"),
//! an adjective with a place-type noun ("Карагандинской области" → "Карагандинская
//! область"), capitalized names after a place-type noun ("месторождения Северный Катпар
//! и Верхний Кайракты"), a town the gazetteer lacks named with its region ("в Каслтоне,
//! штат Вермонт") or alone after a preposition of place ("в Сребренице"), and a place's
//! Latin spelling in brackets after it ("(Sutherland Springs)").
//!
//! A one-word place of the gazetteer that is also a first name ("Ксения", "Мартин"), a
//! club's name in quotes («Милан»), a surname before a first name's surname ("Харви
//! Вайнштейн"), or an ordinary word at a sentence start ("Пара объявила") is no place
//! unless the document shows it as one: see `reading`.

use super::{Candidate, Doc};
use crate::fact::{FactType, NameValue, Value};
use crate::fast_hash::FastSet;
use crate::names::index::{KeyId, SenseKind};
use crate::names::morph;
use crate::names::{NameHit, PlaceKind, flag};
use crate::text::token::NEWLINE_BEFORE;

/// Proposes location facts.
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let first = out.len();
    let mut evidence = Evidence {
        // Room for what most documents find: no growth.
        doubtful: Vec::with_capacity(16),
        ..Evidence::default()
    };
    for i in doc.marked() {
        gazetteer(doc, i, out, &mut evidence);
        adjective_and_type(doc, i, out);
        after_type(doc, i, out);
        town_and_region(doc, i, out);
        town_after_preposition(doc, i, out);
        if doc.place_adjectives {
            place_adjective(doc, i, out);
        }
    }
    evidence.settle(out);
    latin_spellings(doc, first, out);
}

/// `location.latin_in_brackets`: the Latin spelling in brackets right after a location
/// ("в Сазерленд-Спрингс (Sutherland Springs)", "Даммартен-ан-Гоэль (Dammartin-en-Goële;
/// ...)"): the same place. Lower-case particles may join ("Hochheim am Main").
fn latin_spellings(doc: &Doc<'_>, first: usize, out: &mut Vec<Candidate>) {
    let n = out.len();
    for c in first..n {
        let b = out[c].end;
        let Some(e) = doc.latin_in_brackets(b) else {
            continue;
        };
        // An acronym in brackets is the abbreviation of something else ("(PGA)").
        if (b + 1..e).any(|k| doc.all_caps(k)) {
            continue;
        }
        if doc.is(e, ")") || doc.is(e, ";") || doc.is(e, ",") {
            let normal = doc.original_text(b + 1, e).to_string();
            push(out, b + 1, e, normal, "location.latin_in_brackets");
        }
    }
}

/// `location.place_adjective` (only when asked for): a place's adjective, as the place
/// ("российских" → Россия). Not before a role or a language, where it says where a person
/// comes from or names a tongue ("американский актёр", "на английском языке"), nor before
/// "происхождения", "православной", "национальной".
fn place_adjective(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let Some((_, lemma)) = doc.cue(i, SenseKind::GeoAdjective) else {
        return;
    };
    let next = doc.text(i + 1);
    let origin_or_tongue = doc.is_a(i + 1, flag::ROLE)
        || ["язык", "происхожд", "православ", "национальн"]
            .iter()
            .any(|p| next.starts_with(p));
    if !origin_or_tongue {
        push(out, i, i + 1, lemma.to_string(), "location.place_adjective");
    }
}

/// What a document shows about its one-word places as it is read (see `reading`), and
/// the mentions that depend on it.
#[derive(Default)]
struct Evidence<'a> {
    /// Lemmas used as places: after "в", after a place-type word ("в Милане").
    places: FastSet<&'a str>,
    /// Lemmas used as a person's name ("Мисао Окава", "Харви Вайнштейн").
    persons: FastSet<&'a str>,
    /// Mentions in `out` that depend on these: the index, the lemma, and whether the place
    /// must be shown as one (a town that is also a first name).
    doubtful: Vec<(usize, &'a str, bool)>,
}

impl Evidence<'_> {
    /// Drops the doubtful mentions the document shows to be persons' names, or not shown
    /// to be places when they must be.
    fn settle(self, out: &mut Vec<Candidate>) {
        let mut drop = self
            .doubtful
            .iter()
            .filter(|(_, lemma, must_show)| {
                self.persons.contains(lemma) || (*must_show && !self.places.contains(lemma))
            })
            .map(|(k, _, _)| *k)
            .peekable();
        if drop.peek().is_none() {
            return;
        }
        let drop: FastSet<usize> = drop.collect();
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !drop.contains(&(k - 1))
        });
    }
}

fn push(out: &mut Vec<Candidate>, start: usize, end: usize, normal: String, rule: &'static str) {
    out.push(Candidate {
        start,
        end,
        kind: FactType::Location,
        value: Some(Value::Name(NameValue {
            normal,
            ..NameValue::default()
        })),
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
#[inline]
pub fn place_at<'a>(doc: &Doc<'a>, i: usize) -> Option<(usize, &'a str, PlaceKind)> {
    // Most words start no form of several words and are no place: told here, without a call.
    let hit = doc.name_hit(i);
    if hit.multi.is_none() && hit.flags & flag::PLACE == 0 {
        return None;
    }
    place_of(doc, i, hit)
}

/// [`place_at`] of token `i`, whose name hit is `hit`.
#[inline(never)]
fn place_of<'a>(doc: &Doc<'a>, i: usize, hit: NameHit) -> Option<(usize, &'a str, PlaceKind)> {
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
    // (The flag tests first, the lemma's lower case, made here, last.)
    let adjective_before_noun = kind != PlaceKind::Country
        && !doc.capitalized(i + 1)
        && morph::clearly_adjective(doc.text(i))
        && (adjective(doc, i + 1).is_some() || doc.is_a(i + 1, flag::ORG_TYPE | flag::PLACE_TYPE))
        && adjective_form_of(doc.text(i), lemma).is_some_and(|e| e.chars().count() >= 3);
    (doc.text(i).chars().nth(1).is_some() && !adjective_before_noun).then_some((i + 1, lemma, kind))
}

/// The adjective ending of `form` if the form may be an adjective of the place `lemma`:
/// the ending sits on the lemma itself ("Каспийского" of Каспийск, "Смоленском" of
/// Смоленск), or the lemma is an adjective. "Шанхая" is no adjective: its "-ая" ends the
/// noun Шанхай.
fn adjective_form_of(form: &str, lemma: &str) -> Option<&'static str> {
    let (ending, _) = morph::adjective_ending(form)?;
    let stem = &form[..form.len() - ending.len()];
    let lemma = morph::lower(lemma);
    (lemma == stem || morph::clearly_adjective(&lemma)).then_some(ending)
}

/// `location.gazetteer`: a place name in any case form.
fn gazetteer<'a>(doc: &Doc<'a>, i: usize, out: &mut Vec<Candidate>, evidence: &mut Evidence<'a>) {
    let Some((end, lemma, kind)) = place_at(doc, i) else {
        // An inflected town is a capitalized word.
        if !doc.capitalized(i) || doc.blocked(i, FactType::Location) {
            return;
        }
        inflected_town(doc, i, out);
        return;
    };
    let reading = if end == i + 1 {
        reading(doc, i, lemma, kind)
    } else {
        Reading::Place
    };
    match reading {
        Reading::NotPlace => return,
        Reading::Person => {
            evidence.persons.insert(lemma);
            return;
        }
        Reading::Place => {}
        Reading::Shown => {
            evidence.places.insert(lemma);
        }
        Reading::Doubtful { must_show } => {
            evidence.doubtful.push((out.len(), lemma, must_show));
        }
    }
    push(out, i, end, lemma.to_string(), "location.gazetteer");
}

/// What a one-word place of the gazetteer is where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    /// A place.
    Place,
    /// A place, shown as one by a preposition or a type word ("в Милане"): its other
    /// mentions are places too.
    Shown,
    /// A place unless the document shows its lemma as a person's name elsewhere, or, if
    /// `must_show`, does not show it as a place.
    Doubtful { must_show: bool },
    /// No place: a name in quotes, an acronym of something else.
    NotPlace,
    /// A person's name ("Мисао Окава", "Харви Вайнштейн"): its other mentions are too.
    Person,
}

/// Prepositions after which a word names a place ("в Милане", "из Софии"), not a person.
fn place_preposition(s: &str) -> bool {
    matches!(
        s,
        "в" | "во"
            | "из"
            | "под"
            | "около"
            | "близ"
            | "возле"
            | "до"
            | "от"
            | "через"
            | "над"
    )
}

/// Prepositions of any kind: a place after one is not a first name before a surname ("на
/// Ростов Арене").
fn preposition(s: &str) -> bool {
    place_preposition(s)
        || matches!(
            s,
            "на" | "к" | "ко" | "по" | "с" | "со" | "у" | "за" | "при"
        )
}

/// True if token `i` is a capitalized word that may be a surname after a first name: no
/// first name, place, type, role or organization, no adjective, inside the sentence and the
/// line ("Харви Вайнштейн", "Кара Делевинь").
fn surname_after(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_a(i, flag::NAME_WORD)
        && !doc.is_a(
            i,
            flag::FIRST
                | flag::PLACE
                | flag::PLACE_TYPE
                | flag::ORG_TYPE
                | flag::ROLE
                | flag::ORG
                | flag::GEO_ADJECTIVE,
        )
        && !doc.sentence_start(i)
        && !doc.tokens[i].has(NEWLINE_BEFORE)
        && !morph::clearly_adjective(doc.text(i))
}

/// True if token `i` is in a street's name: after a street's type noun and up to two
/// capitalized words ("улице Большая Якиманка", "улице Генерала Дорохова"), or right after
/// the type in the nominative (`nominative`: "улице Рождественка"; "улицы Лондона" is
/// the town's).
fn in_street(doc: &Doc<'_>, i: usize, nominative: impl FnOnce() -> bool) -> bool {
    for k in (i.saturating_sub(3)..i).rev() {
        if place_type(doc, k).is_some_and(|(_, class)| class == b'u') {
            return k + 1 < i || nominative();
        }
        if !doc.capitalized(k) {
            return false;
        }
    }
    false
}

/// True if token `i` is a town's or an area's one-word name in the nominative, capitalized,
/// no first name, on the line of the token before it.
fn nominative_town(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_a(i, flag::NAME_WORD)
        && !doc.is_a(i, flag::FIRST)
        && !doc.tokens[i].has(NEWLINE_BEFORE)
        && place_at(doc, i).is_some_and(|(end, lemma, kind)| {
            end == i + 1
                && matches!(kind, PlaceKind::City | PlaceKind::Other)
                && morph::is_lemma(doc.text(i), lemma)
        })
}

/// True if a first name or a name the lexicons do not know stands right before token `i`,
/// inside the sentence: "Мисао Окава", "Юитиро Миура" are persons. A surname does not
/// count: "вместо Нетаньяху Иерусалим будет представлять".
fn after_name(doc: &Doc<'_>, i: usize) -> bool {
    i > 0
        && doc.is_a(i - 1, flag::NAME_WORD)
        && (doc.is_a(i - 1, flag::FIRST) || doc.flags(i - 1) & !flag::SHAPE == 0)
        && !doc.is_a(i - 1, flag::PLACE)
        && !doc.sentence_start(i - 1)
        && !doc.sentence_start(i)
        && !doc.tokens[i].has(NEWLINE_BEFORE)
        && !morph::clearly_adjective(doc.text(i - 1))
}

/// The reading of the one-word place `lemma` of kind `kind` at token `i`.
///
/// A country is a place. Anything else is not when it is a name alone in quotes («Милан»,
/// «Арарат»: a club, a band), after "имени" (a person), an acronym the gazetteer knows
/// only as an ordinary name ("МГУ" is no form of Мга), an adjective before a type word
/// ("на Смоленском бульваре"), or in a street's name ("улице Большая Якиманка"). In the nominative after a name
/// ("Мисао Окава") or before a surname with no preposition before it ("Харви Вайнштейн"),
/// it is a person's name, and so are its other mentions that no preposition or type word
/// makes places. A town that is also a first name ("Ксения", "Мартин", "Милан") is a place
/// after a preposition of place or a type word ("в Милане", "суд Милана"), else only if the
/// document shows it as one elsewhere.
fn reading(doc: &Doc<'_>, i: usize, lemma: &str, kind: PlaceKind) -> Reading {
    // An abbreviation is written in capitals: "Us Weekly" is no "US".
    if morph::is_all_caps(lemma) && !doc.all_caps(i) {
        return Reading::NotPlace;
    }
    let form = doc.text(i);
    let before = if i > 0 { doc.text(i - 1) } else { "" };
    if kind == PlaceKind::Country {
        // A country that is also a first name, before a surname: "картина Сальвадора Дали".
        // Not after a role, a type word or an adjective, whose complement or noun it is
        // ("премьер-министр Дании Хелле Торнинг-Шмитт", "правительства Мали Кейта", "в
        // шиитском Иране Ходжаджи").
        let first_name = doc.is_a(i, flag::FIRST)
            && !doc.sentence_start(i)
            && !(i > 0 && doc.is_a(i - 1, flag::ROLE | flag::ORG_TYPE | flag::PLACE_TYPE))
            && morph::adjective_ending(before).is_none();
        return if first_name && surname_after(doc, i + 1) && !preposition(before) && before != "\""
        {
            Reading::Person
        } else {
            Reading::Place
        };
    }
    if super::person::town_in_apposition(doc, i).is_some() {
        return Reading::Person;
    }
    let quoted_alone = before == "\"" && doc.is(i + 1, "\"");
    let after_imeni = matches!(before, "имени" | "им.");
    let stray_acronym = doc.all_caps(i)
        && !morph::is_all_caps(lemma)
        && (!morph::is_lemma(form, lemma)
            || (kind == PlaceKind::City && form.chars().count() <= 4));
    // A town's name as an adjective before a lower-case type word or adjective: "на
    // Смоленском бульваре", "Магнитогорском металлургическом комбинате".
    let adjective_before_type = adjective_form_of(form, lemma).is_some()
        && !doc.capitalized(i + 1)
        && (doc.is_a(i + 1, flag::PLACE_TYPE | flag::ORG_TYPE)
            || (morph::clearly_adjective(form) && adjective(doc, i + 1).is_some()));
    // Whether the form is the lemma, found when first asked (most places are settled
    // before).
    let nominative = std::cell::OnceCell::new();
    let nominative = || *nominative.get_or_init(|| morph::is_lemma(form, lemma));
    if quoted_alone
        || after_imeni
        || stray_acronym
        || adjective_before_type
        || in_street(doc, i, nominative)
    {
        return Reading::NotPlace;
    }
    // A type word its adjectives name is taken: "губернатор Кемеровской области Аман Тулеев".
    let typed = i > 0
        && doc.is_a(i - 1, flag::PLACE_TYPE | flag::ORG_TYPE)
        && !named_by_adjectives(doc, i - 1);
    if typed || place_preposition(before) {
        return Reading::Shown;
    }
    let before_surname = || surname_after(doc, i + 1) && !preposition(before) && before != "\"";
    // Two towns' names in a row in the nominative are a name and a surname: "Уитни Хьюстон".
    let town_pair = || {
        (i > 0 && nominative_town(doc, i - 1) && !doc.sentence_start(i))
            || (nominative_town(doc, i + 1) && !preposition(before) && before != "\"")
    };
    if nominative() && (before_surname() || after_name(doc, i) || (town_pair() && !doc.all_caps(i)))
    {
        return Reading::Person;
    }
    // At a sentence start the capital says nothing: a form that is also an ordinary word
    // ("Пара", "Новая", "Королева") is a place only where the document shows it as one.
    let ordinary_word = doc.sentence_start(i) && ambiguous_form(doc, i);
    Reading::Doubtful {
        must_show: ordinary_word || (kind == PlaceKind::City && doc.is_a(i, flag::FIRST)),
    }
}

/// True if the form at token `i` is a place's and an ordinary word's:
/// `geo/places_ambiguous.tsv`.
fn ambiguous_form(doc: &Doc<'_>, i: usize) -> bool {
    let index = doc.lexicon.names().index();
    doc.name_hit(i)
        .key
        .is_some_and(|k| index.kinds(k) & SenseKind::AmbiguousPlace.bit() != 0)
}

/// `location.inflected_town`: a town the gazetteer lists in the nominative only, in a case
/// form after a preposition of place ("в Тусоне", "из Портапика"): the form with its case
/// ending undone is a town there.
fn inflected_town(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    // The token's own tests first: they settle most words before the word before is
    // compared.
    if !plain_capitalized(doc, i) || doc.flags(i) & !flag::SHAPE != 0 {
        return;
    }
    let after_preposition = i > 0
        && matches!(
            doc.text(i - 1),
            "в" | "во" | "из" | "под" | "около" | "близ" | "до" | "от" | "через" | "над"
        );
    // Or after a type word whose complement it is: "Университета Рочестера", "мэрии Тусона".
    let after_type = i > 0 && doc.is_a(i - 1, flag::ORG_TYPE | flag::PLACE_TYPE);
    if !(after_preposition || after_type) {
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
// Asked of most capitalized words: inlined, a call costs as much as the test.
#[inline(always)]
fn adjective<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    let t = doc.text(i);
    (doc.kind(i) == Some(crate::text::TokenKind::Word)
        && !doc.latin(i)
        && morph::adjective_ending(t).is_some())
    .then_some(t)
}

/// The place-type noun at token `i`: its lemma and class.
// The flag settles most words inline, without the call to `Doc::cue`.
#[inline]
fn place_type<'a>(doc: &Doc<'a>, i: usize) -> Option<(&'a str, u8)> {
    if !doc.is_a(i, flag::PLACE_TYPE) {
        return None;
    }
    doc.cue(i, SenseKind::PlaceType)
        .map(|(s, lemma)| (lemma, s.tag))
}

/// The nominative of adjectives `start..end` agreeing with a head noun of lemma `head`,
/// in the original's capitalization, each followed by a space.
pub fn adjectives_nominative(doc: &Doc<'_>, start: usize, end: usize, head: &str) -> String {
    let agreement = morph::noun_agreement(head, Some(doc.text(start)));
    // Room for the words, their endings changed, and the head noun the callers append.
    // (Sized by the normalized words, as in `person::value`.)
    let room: usize = (start..end).map(|k| doc.text(k).len() + 8).sum();
    let mut out = String::with_capacity(room + head.len() + 8);
    for k in start..end {
        let word = doc.word(k);
        match morph::adjective_nominative(doc.text(k), agreement) {
            Some((cut, ending)) => {
                let lower = morph::apply_ending(doc.text(k), cut, ending);
                morph::push_with_case_of(&mut out, word, &lower);
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
    // The type word is one of the three tokens after: its flag is tested before the
    // adjective's ending (few words have a type word so near).
    if !doc.capitalized(i)
        || doc.all_caps(i)
        || !super::organization::flagged_within(doc, i + 1, 3, flag::PLACE_TYPE)
        || adjective(doc, i).is_none()
    {
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
    morph::push_with_case_of(&mut normal, doc.word(j), lemma);
    push(out, i, j + 1, normal, "location.adjective_type");
}

/// True if an adjective at token `i` (and up to one more) comes before a place-type noun:
/// a place of its own ("Тамбовского района").
fn adjective_place_at(doc: &Doc<'_>, i: usize) -> bool {
    adjective(doc, i).is_some()
        && (place_type(doc, i + 1).is_some()
            || (adjective(doc, i + 1).is_some() && place_type(doc, i + 2).is_some()))
}

/// A run of up to three capitalized words from token `i`, none starting a sentence, and
/// none but the first starting a place of its own ("селе Бокино Тамбовского района"): one
/// past its end.
fn capitalized_run(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let mut j = i;
    while j < i + 3
        && doc.capitalized(j)
        && !doc.sentence_start(j)
        && (j == i || !adjective_place_at(doc, j))
    {
        j += 1;
    }
    (j > i).then_some(j)
}

/// True if the place-type noun at token `i` has its name in adjectives before it
/// ("Орловской области", "Сибирского военного округа"): a name after it is something else
/// ("уроженец Орловской области Адам Ганижев").
fn named_by_adjectives(doc: &Doc<'_>, i: usize) -> bool {
    (1..=3)
        .map_while(|k| i.checked_sub(k).filter(|&j| adjective(doc, j).is_some()))
        .any(|j| doc.capitalized(j))
}

/// `location.after_type`: capitalized names after a place-type noun, in apposition
/// ("месторождения Северный Катпар и Верхний Кайракты", "река Волга"); places the gazetteer
/// knows are left to it. Not after a street's type, a type noun its adjectives already name,
/// and not a person's name after a region's ("прокурор района Василий Кричун").
fn after_type(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let Some((_, class)) = place_type(doc, i) else {
        return;
    };
    // A street's or a square's name is an address, not a place ("улице Крещатик").
    if class == b'u' || named_by_adjectives(doc, i) {
        return;
    }
    let mut start = i + 1;
    loop {
        let Some(end) = capitalized_run(doc, start) else {
            return;
        };
        // After a region's type or a resident, a first name starts a person: "округа Харрис
        // Эда Гонзалеса", "житель Санта-Фе Димитриос Пагуртзис".
        let first = |k: usize| doc.is_a(k, flag::FIRST) && !doc.is_a(k, flag::PLACE);
        let region = matches!(class, b'r' | b'p');
        let end = if region {
            (start + 1..end).find(|&k| first(k)).unwrap_or(end)
        } else {
            end
        };
        let person = region && end > start + 1 && first(start);
        if place_at(doc, start).is_none() && !doc.all_caps(start) && !person {
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

/// True if token `i` is a capitalized word, neither Latin nor all capitals: the three
/// tests of the token's flags at once (most rules here start with them).
#[inline]
fn plain_capitalized(doc: &Doc<'_>, i: usize) -> bool {
    use crate::text::token::{ALL_CAPS, CAPITALIZED, LATIN};
    doc.tokens.get(i).is_some_and(|t| {
        t.kind == crate::text::TokenKind::Word
            && t.flags & (CAPITALIZED | ALL_CAPS | LATIN) == CAPITALIZED
    })
}

/// `location.town_and_region`: a town the gazetteer lacks, after a preposition of place and
/// before a comma or a bracket with its country or region ("в Биране, Куба", "в Каслтоне,
/// штат Вермонт", "в Монровилле (штат Алабама)"). Its nominative is a guess from the
/// preposition's case: the ending is cut ("Каслтоне" → "Каслтон"), "-ии" made "-ия".
fn town_and_region(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    // The tests of the token and its neighbours' flags and punctuation first: they settle
    // most words, before any word is compared or taken apart.
    if i == 0
        || !plain_capitalized(doc, i)
        || doc.sentence_start(i)
        || doc.is_a(
            i,
            flag::PLACE | flag::PLACE_TYPE | flag::ORG | flag::ORG_TYPE | flag::ROLE,
        )
        || !(doc.is(i + 1, ",") || doc.is(i + 1, "("))
        || !place_preposition(doc.text(i - 1))
        || morph::clearly_adjective(doc.text(i))
        || doc.text(i).chars().count() < 3
    {
        return;
    }
    let j = i + 2;
    let region = match place_at(doc, j) {
        Some((_, _, kind)) => matches!(kind, PlaceKind::Country | PlaceKind::Region),
        None => {
            place_type(doc, j).is_some_and(|(_, class)| class == b'r') && doc.capitalized(j + 1)
        }
    };
    if !region {
        return;
    }
    let normal = town_nominative(doc.word(i), doc.text(i - 1));
    push(out, i, i + 1, normal, "location.town_and_region");
}

/// `location.after_preposition`: a one-word name no lexicon knows after a preposition of
/// place, with no capitalized word after it ("в Сребренице", "из Портапика"): a town.
fn town_after_preposition(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    // Flags first, as in `town_and_region`.
    if i == 0
        || !doc.is_a(i, flag::NAME_WORD)
        || doc.flags(i) & !(flag::SHAPE | flag::LAST) != 0
        || doc.sentence_start(i)
        || doc.capitalized(i + 1)
        || !matches!(
            doc.text(i - 1),
            "в" | "во" | "из" | "под" | "близ" | "возле" | "около"
        )
        || doc.blocked(i, FactType::Location)
        || morph::adjective_ending(doc.text(i)).is_some()
        || doc.text(i).chars().count() < 4
        || facility_compound(doc.text(i))
    {
        return;
    }
    let normal = town_nominative(doc.word(i), doc.text(i - 1));
    push(out, i, i + 1, normal, "location.after_preposition");
}

/// True if a hyphenated name ends in a facility's or a body's noun: "в Гайд-парке", "в
/// Скотленд-Ярде", "в Гоголь-центре" name a park, a police force, a theatre, no town.
fn facility_compound(lower: &str) -> bool {
    lower.rsplit_once('-').is_some_and(|(_, head)| {
        [
            "парк",
            "ярд",
            "центр",
            "холл",
            "сити",
            "арен",
            "плаз",
            "молл",
        ]
        .iter()
        .any(|noun| head.starts_with(noun))
    })
}

/// The nominative of a town's name after preposition `preposition`, guessed by its ending:
/// "-ии" is "-ия"; after "в" "-ице" is "-ица", "-ку" "-ка", an "-е" after a consonant is cut, after "из", "от", "до",
/// "около", "близ", "возле" an "-а", after "под", "над" an "-ом"; else as written
/// (indeclinable names: "Парк-Сити").
fn town_nominative(word: &str, preposition: &str) -> String {
    if let Some(stem) = word.strip_suffix("ии") {
        return format!("{stem}ия");
    }
    // "в Сребренице" → "Сребреница", "в Славянку" → "Славянка": the feminine endings.
    if matches!(preposition, "в" | "во") {
        if let Some(stem) = word.strip_suffix("ице") {
            return format!("{stem}ица");
        }
        if let Some(stem) = word.strip_suffix("ку") {
            return format!("{stem}ка");
        }
    }
    let cut = match preposition {
        "в" | "во" => "е",
        "из" | "от" | "до" | "около" | "близ" | "возле" => "а",
        "под" | "над" => "ом",
        _ => "",
    };
    match word.strip_suffix(cut) {
        Some(stem)
            if !cut.is_empty()
                && stem.chars().count() >= 3
                && stem
                    .chars()
                    .last()
                    .is_some_and(|c| !"аеёиоуыэюяьй-".contains(c)) =>
        {
            stem.to_string()
        }
        _ => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::FactType;

    #[test]
    fn place_adjectives_are_locations_only_when_asked_for() {
        let on = crate::Extractor::builder()
            .place_adjectives(true)
            .build()
            .unwrap();
        let off = crate::Extractor::builder().build().unwrap();
        let adjectives = |e: &crate::Extractor, text: &str| -> Vec<(String, String)> {
            e.extract(text)
                .into_iter()
                .filter(|f| f.rule == "location.place_adjective")
                .map(|f| match f.value {
                    crate::fact::Value::Name(v) => (f.text, v.normal),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let text = "Российские военные и британской разведки обсудили это.";
        assert_eq!(
            adjectives(&on, text),
            [
                ("Российские".to_string(), "Россия".to_string()),
                ("британской".to_string(), "Великобритания".to_string())
            ]
        );
        assert_eq!(adjectives(&off, text), []);
        for origin_or_tongue in [
            "Американский актёр снялся в фильме.",
            "Он говорит на английском языке.",
            "Это человек турецкого происхождения.",
        ] {
            assert_eq!(adjectives(&on, origin_or_tongue), [], "{origin_or_tongue}");
        }
    }

    #[test]
    fn a_hyphenated_facility_is_no_town() {
        for (lower, facility) in [
            ("гайд-парке", true),
            ("скотленд-ярде", true),
            ("гоголь-центре", true),
            ("сазерленд-спрингс", false),
            ("али-юрта", false),
            ("сребренице", false),
        ] {
            assert_eq!(super::facility_compound(lower), facility, "{lower}");
        }
    }

    #[test]
    fn a_town_nominative_is_guessed_from_the_preposition() {
        for (word, preposition, nominative) in [
            ("Каслтоне", "в", "Каслтон"),
            ("Сребренице", "в", "Сребреница"),
            ("Славянку", "в", "Славянка"),
            ("Портапика", "из", "Портапик"),
            ("Катынью", "под", "Катынью"),
            ("Ньянгези", "в", "Ньянгези"),
            ("Мавритании", "в", "Мавритания"),
        ] {
            assert_eq!(
                super::town_nominative(word, preposition),
                nominative,
                "{word}"
            );
        }
    }

    #[test]
    fn a_place_form_is_an_adjective_only_on_its_own_stem() {
        for (form, lemma, ending) in [
            ("каспийского", "Каспийск", Some("ого")),
            ("смоленском", "Смоленск", Some("ом")),
            ("мостовской", "Мостовской", Some("ой")),
            ("шанхая", "Шанхай", None),
            ("москвы", "Москва", None),
        ] {
            assert_eq!(super::adjective_form_of(form, lemma), ending, "{form}");
        }
    }

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
                (
                    "Он родился в селе Бокино Тамбовского района.",
                    "Бокино",
                    "Бокино",
                    "location.after_type",
                ),
                (
                    "Художник умер в Каслтоне, штат Вермонт.",
                    "Каслтоне",
                    "Каслтон",
                    "location.town_and_region",
                ),
                (
                    "Писательница родилась в Монровилле (штат Алабама).",
                    "Монровилле",
                    "Монровилл",
                    "location.town_and_region",
                ),
                (
                    "Форум прошел в Милане, а суд Милана отложил слушания.",
                    "Милана",
                    "Милан",
                    "location.gazetteer",
                ),
            ],
        );
    }
}
