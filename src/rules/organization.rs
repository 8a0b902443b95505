//! Organizations: known names in any case form ("МИД", "Палаты представителей США"),
//! capitalized adjectives with a type noun ("Каспийского трубопроводного консорциума" →
//! "Каспийский трубопроводный консорциум"), a capitalized type noun ("американском
//! Конгрессе" → "Конгресс"), a type noun with a quoted name ("компанией «Тау-Кен Самрук»"),
//! Latin names ("Cove Capital"), acronyms, and, once a name is known in a document, its
//! later mentions: an abbreviation defined in brackets ("(КТК)") and a quoted name.

use super::location::{adjectives_nominative, place_at};
use super::{Candidate, Doc};
use crate::fact::{FactType, NameValue, Value};
use crate::fast_hash::{FastMap, FastSet};
use crate::names::index::SenseKind;
use crate::names::{PlaceKind, flag, morph};
use crate::text::TokenKind;

/// The longest Latin name, in tokens.
const MAX_LATIN: usize = 6;
/// The longest quoted name, in tokens.
const MAX_QUOTED: usize = 8;

/// Proposes organization facts.
pub fn apply(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let first = out.len();
    for i in doc.marked() {
        known(doc, i, out);
        // A quoted title ("«Союз»", "«Синдром второй лиги»") is no capitalized name: the
        // quoted-name rules look at it.
        if quoted_before(doc, i) {
            quoted_typed(doc, i, out);
        } else {
            adjective_and_type(doc, i, out);
            capitalized_type(doc, i, out);
        }
        type_and_quoted(doc, i, out);
        latin(doc, i, out);
        acronym(doc, i, out);
    }
    // A site's name: the word before the dot is capitalized ("Лента.ру", "Gzt.Ru").
    for i in doc.marked() {
        domain(doc, i + 1, out);
        // "сообщает baltinfo.ru": a site after a word of saying, in any case.
        if doc.is_a(i, flag::SOURCE) && !doc.capitalized(i + 1) {
            domain(doc, i + 2, out);
        }
    }
    mentions(doc, first, out);
}

/// Top-level domains that make a word before them a site's name.
fn top_level_domain(s: &str) -> bool {
    matches!(
        s,
        "ru" | "com"
            | "org"
            | "net"
            | "info"
            | "ua"
            | "kz"
            | "by"
            | "su"
            | "uk"
            | "de"
            | "io"
            | "tv"
            | "fm"
            | "рф"
            | "ру"
    )
}

/// `organization.domain`: a site's name, "Лента.ру", "Gzt.Ru" (a medium, as a source of
/// news); the normal form is the known one if the site is known.
#[inline]
fn domain(doc: &Doc<'_>, k: usize, out: &mut Vec<Candidate>) {
    // Most tokens are no dot: told here, without a call.
    if doc.is(k, ".") {
        domain_at(doc, k, out);
    }
}

/// [`domain`] at a dot.
#[inline(never)]
fn domain_at(doc: &Doc<'_>, k: usize, out: &mut Vec<Candidate>) {
    if doc.kind(k) != Some(TokenKind::Punct)
        || k == 0
        || !doc.is(k, ".")
        || !doc.glued(k)
        || !doc.glued(k + 1)
        || doc.kind(k - 1) != Some(TokenKind::Word)
        || !top_level_domain(doc.text(k + 1))
        || (k >= 2 && doc.is(k - 2, ".") && doc.glued(k - 1))
    {
        return;
    }
    let (start, end) = (k - 1, k + 2);
    let index = doc.lexicon.names().index();
    let normal = index
        .lookup(&format!("{}.{}", doc.text(start), doc.text(k + 1)))
        .and_then(|key| index.senses(key).find(|s| s.kind == SenseKind::Org))
        .map_or_else(
            || doc.original_text(start, end).to_string(),
            |s| index.lemma(&s).to_string(),
        );
    push(out, start, end, normal, "organization.domain");
}

fn push(out: &mut Vec<Candidate>, start: usize, end: usize, normal: String, rule: &'static str) {
    out.push(Candidate {
        start,
        end,
        kind: FactType::Organization,
        value: Some(Value::Name(NameValue {
            normal,
            ..NameValue::default()
        })),
        rule,
    });
}

/// The organization-type noun at token `i` (one token): its lemma.
/// A title word is none ("орденом «За заслуги перед Отечеством»" is an award).
// The flags settle most words inline, without the call to `Doc::cue`.
#[inline]
pub fn org_type<'a>(doc: &Doc<'a>, i: usize) -> Option<&'a str> {
    if doc.flags(i) & (flag::ORG_TYPE | flag::TITLE) != flag::ORG_TYPE {
        return None;
    }
    doc.cue(i, SenseKind::OrgType).map(|(_, lemma)| lemma)
}

/// A place right after an organization's head that belongs to its name ("банк США",
/// "Палаты представителей США"): a country or region, not starting a sentence. One past it.
fn place_tail(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let (end, _, kind) = place_at(doc, j)?;
    (matches!(kind, PlaceKind::Country | PlaceKind::Region) && !doc.sentence_start(j))
        .then_some(end)
}

/// Appends a tail (`start..end`, as written) to a normal form.
fn with_tail(doc: &Doc<'_>, mut normal: String, start: usize, end: usize) -> String {
    if end > start {
        normal.push(' ');
        normal.push_str(doc.original_text(start, end));
    }
    normal
}

/// `organization.known`: a known organization in any case form; a name that starts with a
/// type noun takes a country after it ("Палаты представителей США").
fn known(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    let hit = doc.name_hit(i);
    let index = doc.lexicon.names().index();
    let found = hit
        .multi
        .and_then(|(end, k)| {
            index
                .senses(k)
                .find(|s| s.kind == SenseKind::Org)
                .map(|s| (end as usize, s))
        })
        .or_else(|| {
            let k = hit.key?;
            // A place or a person's name first: "Россия" is the country, not the channel;
            // but an abbreviation in capitals is the organization if the place is a word
            // ("МГУ", not the town Мга).
            if !doc.is_a(i, flag::ORG)
                || (doc.is_a(i, flag::FIRST) && !alone_in_quotes(doc, i))
                || (doc.is_a(i, flag::PLACE) && !caps_over_place(doc, i))
            {
                return None;
            }
            index
                .senses(k)
                .find(|s| s.kind == SenseKind::Org)
                .map(|s| (i + 1, s))
        });
    let Some((end, sense)) = found else {
        return;
    };
    // A type abbreviation ("СП", "ООО") names no one. (At a sentence start a known name is
    // still one: the list has almost no ordinary words, "Евросоюз уже приостановил".)
    if end == i + 1 && doc.blocked(i, FactType::Organization) {
        return;
    }
    let mut normal = index.lemma(&sense).to_string();
    let mut stop = end;
    // "Палаты представителей США", but "МИД России" is МИД and Россия.
    if org_type(doc, i).is_some()
        && !doc.all_caps(i)
        && let Some(tail) = place_tail(doc, end)
    {
        normal = with_tail(doc, normal, end, tail);
        stop = tail;
    }
    // "МЧС по Санкт-Петербургу", "Комитет по иностранным делам".
    if let Some(tail) = purpose_tail(doc, stop) {
        normal = with_tail(doc, normal, stop, tail);
        stop = tail;
    }
    push(out, geo_prefix(doc, i), stop, normal, "organization.known");
}

/// True if token `i` stands alone in quotes: a first name so is a name of something else
/// («Спартак», the club).
fn alone_in_quotes(doc: &Doc<'_>, i: usize) -> bool {
    quoted_before(doc, i) && doc.is(i + 1, "\"")
}

/// True if token `i`, a place's form too, is written in capitals and the place is not an
/// abbreviation: the capitals say the organization ("МГУ", "ОМОН"; "МКС" stays a place).
fn caps_over_place(doc: &Doc<'_>, i: usize) -> bool {
    doc.all_caps(i)
        && place_at(doc, i)
            .is_some_and(|(end, lemma, _)| end == i + 1 && lemma.chars().any(char::is_lowercase))
}

/// Where a name starts with the country adjective before it ("казахского МИД", "американском
/// Конгрессе"): the adjective belongs to the mention, not to the normal form.
fn geo_prefix(doc: &Doc<'_>, i: usize) -> usize {
    if i > 0
        && doc.is_a(i - 1, flag::GEO_ADJECTIVE)
        && !doc.capitalized(i - 1)
        && !doc.sentence_start(i)
    {
        i - 1
    } else {
        i
    }
}

/// True if one of the `n` tokens from `start` on is any of `flags` ([`Doc::is_a`] of each):
/// the window read as one slice, without a bounds check per token.
pub(super) fn flagged_within(doc: &Doc<'_>, start: usize, n: usize, flags: u16) -> bool {
    doc.names
        .get(start..)
        .is_some_and(|after| after.iter().take(n).any(|h| h.flags & flags != 0))
}

/// An adjective form at token `i` (Cyrillic word with an adjective ending), not a role
/// ("главнокомандующий", "командующим" end so and name a person).
// Asked of most capitalized words: inlined, a call costs as much as the test.
#[inline(always)]
fn adjective(doc: &Doc<'_>, i: usize) -> bool {
    doc.kind(i) == Some(TokenKind::Word)
        && !doc.latin(i)
        && !doc.all_caps(i)
        && morph::adjective_ending(doc.text(i)).is_some()
        && !doc.is_a(i, flag::ROLE)
}

/// `organization.adjective_type`: a capitalized adjective, up to three more adjectives and a
/// type noun, and a country after it: "Каспийского трубопроводного консорциума",
/// "Экспортно-импортный банк США". (Not in quotes: see [`apply`].)
fn adjective_and_type(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    // The type word is one of the five tokens after (adjectives, maybe "и" and one more):
    // its flag is tested before the adjective's ending.
    if !doc.capitalized(i) || !flagged_within(doc, i + 1, 5, flag::ORG_TYPE) || !adjective(doc, i) {
        return;
    }
    // Adjectives, one pair maybe joined by "и" ("Промышленный и коммерческий банк").
    let mut j = i + 1;
    while j < i + 4 {
        if adjective(doc, j) && org_type(doc, j).is_none() && !doc.sentence_start(j) {
            j += 1;
        } else if doc.is(j, "и") && adjective(doc, j + 1) && org_type(doc, j + 1).is_none() {
            j += 2;
        } else {
            break;
        }
    }
    let Some(lemma) = org_type(doc, j) else {
        return;
    };
    // A place named so is a place: "Российской Федерации".
    if doc.sentence_start(j) || place_at(doc, i).is_some_and(|(end, _, _)| end > j) {
        return;
    }
    // A determiner or an adverb starting a sentence is no name's first word: "Такие
    // организации", "Ранее новостной портал".
    if doc.sentence_start(i) && not_a_name_start(doc.text(i)) {
        return;
    }
    let end = tail(doc, j + 1);
    // At a sentence start a capital says nothing: the name needs a capitalized head or tail
    // ("Судейский комитет ФИФА", "Промышленный и коммерческий банк Китая").
    // Two adjectives and a type noun are a name too ("Федеральное авиационное управление").
    if doc.sentence_start(i)
        && !doc.capitalized(j)
        && !doc.capitalized(end.saturating_sub(1))
        && j < i + 2
    {
        return;
    }
    let mut normal = adjectives_nominative(doc, i, j, lemma);
    morph::push_with_case_of(&mut normal, doc.word(j), lemma);
    let normal = with_tail(doc, normal, j + 1, end);
    push(out, i, end, normal, "organization.adjective_type");
}

/// Words with an adjective's ending that start no name: determiners and adverbs.
fn not_a_name_start(word: &str) -> bool {
    matches!(
        word,
        "ранее"
            | "позднее"
            | "более"
            | "менее"
            | "далее"
            | "такие"
            | "такой"
            | "такая"
            | "такое"
            | "таких"
            | "этой"
            | "этого"
            | "этом"
            | "этими"
            | "другие"
            | "другой"
            | "другая"
            | "другое"
            | "других"
            | "очередное"
            | "очередной"
            | "очередная"
            | "многие"
            | "многих"
            | "некоторые"
            | "некоторых"
            | "каждый"
            | "каждая"
            | "каждое"
            | "любой"
            | "любая"
            | "любое"
            | "всей"
            | "всего"
    )
}

/// True if an opening quote stands right before token `i`: a quoted title ("«Союз»",
/// "«Синдром второй лиги»") is left to the quoted-name rules.
fn quoted_before(doc: &Doc<'_>, i: usize) -> bool {
    i > 0 && doc.is(i - 1, "\"")
}

/// Short predicative adjectives that end like a genitive plural: no part of a name
/// ("банк готов выдать").
fn predicative(word: &str) -> bool {
    matches!(
        word,
        "готов"
            | "должен"
            | "намерен"
            | "вынужден"
            | "уверен"
            | "обязан"
            | "согласен"
            | "способен"
            | "знаком"
            | "рад"
            | "прав"
            | "жив"
            | "виновен"
            | "неизвестен"
    )
}

/// True if a lower-case word looks like a genitive (of a noun or an adjective), the words
/// that follow the head of a name: "внутренних дел", "сельского хозяйства", "наук".
fn looks_genitive(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.text(i);
    if doc.kind(i) != Some(TokenKind::Word) || doc.capitalized(i) || predicative(w) {
        return false;
    }
    if matches!(w, "дел" | "наук" | "войск" | "сил" | "дел," | "искусств")
    {
        return true;
    }
    let verb_like = [
        "л", "ла", "ло", "ли", "ть", "ти", "ся", "сь", "ет", "ит", "ут", "ют", "ат", "ят",
    ]
    .iter()
    .any(|e| w.ends_with(e));
    let genitive = [
        "ого", "его", "ой", "ей", "ых", "их", "ов", "ев", "ий", "а", "я", "ы", "и",
    ]
    .iter()
    .any(|e| w.ends_with(e));
    genitive && !verb_like && w.chars().count() >= 4
}

/// What may follow the head of a name: up to four lower-case genitive words (joined by
/// "и"), then a country or a region ("Министерство внутренних дел Пакистана", "банк США").
/// One past the tail (`j` if there is none).
fn tail(doc: &Doc<'_>, j: usize) -> usize {
    let mut end = j;
    let mut k = j;
    while k < j + 5 {
        if looks_genitive(doc, k) {
            k += 1;
            end = k;
        } else if doc.is(k, "и") && k > j && looks_genitive(doc, k + 1) {
            k += 1;
        } else {
            break;
        }
    }
    let end = place_tail(doc, end).unwrap_or(end);
    purpose_tail(doc, end).unwrap_or(end)
}

/// "по" and what the organization does, in the dative, lower case, up to four words
/// joined by "и", and a place: "Комитет по иностранным делам", "Организация по
/// безопасности и сотрудничеству в Европе". One past it.
fn purpose_tail(doc: &Doc<'_>, j: usize) -> Option<usize> {
    // "при Президенте РФ", "при главном архитекторе Москвы": what it is attached to.
    if doc.is(j, "при") {
        let mut k = j + 1;
        while k < j + 4
            && doc.kind(k) == Some(TokenKind::Word)
            && ["е", "и", "ом", "ой", "ем", "ей", "ах", "ях"]
                .iter()
                .any(|e| doc.text(k).ends_with(e))
        {
            k += 1;
        }
        if k == j + 1 {
            return None;
        }
        let k = place_tail(doc, k).unwrap_or(k);
        return Some(purpose_tail(doc, k).unwrap_or(k));
    }
    // "против пыток", "в защиту Химкинского леса": what it stands against or for.
    let against = if doc.is(j, "против") {
        Some(j + 1)
    } else if doc.is(j, "в") && doc.is(j + 1, "защиту") {
        Some(j + 2)
    } else {
        None
    };
    if let Some(k0) = against {
        let mut k = k0;
        while k < k0 + 3 && (looks_genitive(doc, k) || (doc.capitalized(k) && k > k0)) {
            k += 1;
        }
        return (k > k0).then_some(k);
    }
    // "имени Станиславского и Немировича-Данченко", "им. Йозефа Бойса".
    if doc.is(j, "имени") || doc.is(j, "им.") {
        let mut k = j + 1;
        while k < j + 6
            && (doc.capitalized(k) || (doc.is(k, "и") && doc.capitalized(k + 1) && k > j + 1))
        {
            k += 1;
        }
        return (k > j + 1).then_some(k);
    }
    if !doc.is(j, "по") {
        return None;
    }
    let dative = |k: usize| {
        let w = doc.text(k);
        doc.kind(k) == Some(TokenKind::Word)
            && !doc.capitalized(k)
            && w.chars().count() >= 4
            && [
                "ам", "ям", "ым", "им", "ому", "ему", "ой", "ей", "и", "у", "ю", "е",
            ]
            .iter()
            .any(|e| w.ends_with(e))
            && !["ет", "ит", "ут", "ют", "ся", "ть"]
                .iter()
                .any(|e| w.ends_with(e))
    };
    // "МЧС по Санкт-Петербургу и Ленобласти": places.
    if let Some((mut end, _, _)) = place_at(doc, j + 1) {
        if doc.is(end, "и")
            && let Some((e, _, _)) = place_at(doc, end + 1)
        {
            end = e;
        }
        return Some(end);
    }
    let mut k = j + 1;
    let mut end = None;
    while k < j + 6 {
        if dative(k) || (end.is_some() && looks_genitive(doc, k)) {
            k += 1;
            end = Some(k);
        } else if doc.is(k, "и") && end.is_some() && dative(k + 1) {
            k += 1;
        } else {
            break;
        }
    }
    let end = end?;
    // "... в Европе"
    if doc.is(end, "в")
        && let Some(place) = place_tail(doc, end + 1)
    {
        return Some(place);
    }
    Some(end)
}

/// `organization.capitalized_type`: a type noun written with a capital inside a sentence,
/// with capitalized words or a country after it: "Конгрессе" → "Конгресс", "Совета
/// Федерации". (Not in quotes: see [`apply`].)
fn capitalized_type(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !doc.capitalized(i) || doc.all_caps(i) {
        return;
    }
    // A type word first (most capitalized words are none; `place_at` costs more).
    let Some(lemma) = org_type(doc, i) else {
        return;
    };
    // The last word of a place: "Российской Федерации".
    if i > 0 && place_at(doc, i - 1).is_some_and(|(end, _, _)| end > i) {
        return;
    }
    // Tournaments: "Лига чемпионов", "Лиги Европы", "Лига наций".
    if lemma == "лига" && matches!(doc.text(i + 1), "чемпионов" | "европы" | "наций")
    {
        return;
    }
    // Capitalized Cyrillic words after it ("Совета Федерации"); a Latin or all-capitals
    // name is one of its own ("агентство Reuters", "банк ВТБ").
    let mut end = i + 1;
    while end < i + 3
        && doc.capitalized(end)
        && !doc.latin(end)
        && !doc.all_caps(end)
        && !doc.sentence_start(end)
        && place_at(doc, end).is_none()
        && !doc.is_a(end, flag::FIRST)
    {
        end += 1;
    }
    // A name's own head takes a town too ("Университете Лос-Анджелеса").
    let end = if end == i + 1 {
        let end = tail(doc, end);
        match place_at(doc, end) {
            Some((e, _, _)) if end == i + 1 && !doc.sentence_start(end) => e,
            _ => end,
        }
    } else {
        place_tail(doc, end).unwrap_or(end)
    };
    // At a sentence start, only with a capitalized tail ("Министерство внутренних дел
    // Пакистана") or a long one ("Министерство сельского хозяйства и пищевой
    // промышленности"): "Правительство страны" is no name.
    if doc.sentence_start(i) && (end == i + 1 || (!doc.capitalized(end - 1) && end < i + 4)) {
        return;
    }
    let normal = with_tail(doc, morph::with_case_of(doc.word(i), lemma), i + 1, end);
    push(
        out,
        geo_prefix(doc, i),
        end,
        normal,
        "organization.capitalized_type",
    );
}

/// The quoted name starting at token `q` (an opening quote): the tokens inside.
pub fn quoted_name(doc: &Doc<'_>, q: usize) -> Option<(usize, usize)> {
    if !doc.is(q, "\"") || !(doc.capitalized(q + 1) || doc.kind(q + 1) == Some(TokenKind::Number)) {
        return None;
    }
    let mut j = q + 1;
    while j < q + 1 + MAX_QUOTED && j < doc.tokens.len() {
        if doc.is(j, "\"") {
            return (j > q + 1).then_some((q + 1, j));
        }
        if j > q + 1 && doc.sentence_start(j) || matches!(doc.text(j), "." | "!" | "?" | ";") {
            return None;
        }
        j += 1;
    }
    None
}

/// `organization.type_quoted`: a type noun and a quoted name: "компанией «Тау-Кен Самрук»"
/// (the name is what is inside the quotes); `organization.quoted_source`: a quoted name
/// after a word of saying or citing ("сообщает «Лента.ру»", "в интервью «Голосу Америки»").
fn type_and_quoted(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !doc.is(i + 1, "\"") {
        return;
    }
    let rule = if org_type(doc, i).is_some() {
        "organization.type_quoted"
    } else if doc.is_a(i, flag::SOURCE) {
        "organization.quoted_source"
    } else if doc
        .cue(i, SenseKind::Role)
        .is_some_and(|(_, lemma)| member_role(lemma))
        && role_of(doc, i)
    {
        "organization.role_quoted"
    } else {
        return;
    };
    if let Some((start, end)) = quoted_name(doc, i + 1) {
        let normal = known_normal(doc, start, end)
            .unwrap_or_else(|| doc.original_text(start, end).to_string());
        push(out, start, end, normal, rule);
    }
}

/// `organization.quoted_typed`: a quoted name whose head is a type noun, after up to three
/// adjectives: "«Лиги Севера»", "«Движения пяти звезд»", "«Центристская партия»". Not a type
/// noun alone ("«Центр»", a zone), not with digits ("«Союз ТМА-08М»", a spacecraft), not
/// after a title word ("спектакль «Школа для дураков»"). `i` is right after an opening quote.
fn quoted_typed(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !doc.capitalized(i) {
        return;
    }
    let Some((start, end)) = quoted_name(doc, i - 1) else {
        return;
    };
    if end < start + 2
        || (start >= 2 && doc.is_a(start - 2, flag::TITLE | flag::ORG_TYPE | flag::SOURCE))
        || (start..end).any(|k| {
            doc.kind(k) == Some(TokenKind::Number)
                || doc.text(k).bytes().any(|b| b.is_ascii_digit())
        })
    {
        return;
    }
    let mut j = start;
    while j < start + 3 && j < end && org_type(doc, j).is_none() && adjective(doc, j) {
        j += 1;
    }
    if j >= end || org_type(doc, j).is_none() {
        return;
    }
    let normal =
        known_normal(doc, start, end).unwrap_or_else(|| doc.original_text(start, end).to_string());
    push(out, start, end, normal, "organization.quoted_typed");
}

/// Roles held in an organization, whose quoted name follows them: players and coaches of
/// a club, heads and staff of a company ("нападающий «Зенита»", "гендиректор «Газпрома»").
fn member_role(lemma: &str) -> bool {
    matches!(
        lemma,
        "тренер"
            | "нападающий"
            | "полузащитник"
            | "защитник"
            | "вратарь"
            | "голкипер"
            | "форвард"
            | "игрок"
            | "футболист"
            | "хоккеист"
            | "капитан"
            | "наставник"
            | "гендиректор"
            | "директор"
            | "топ-менеджер"
            | "менеджер"
            | "совладелец"
            | "владелец"
            | "акционер"
            | "сооснователь"
            | "основатель"
            | "председатель"
            | "сотрудник"
            | "руководитель"
            | "глава"
            | "лидер"
            | "солист"
            | "солистка"
    )
}

/// True if the role at `i` can be one of an organization named after it: plural, or in a
/// case other than the dative and the locative ("тренер «Спартака»", "игроки «Зенита»";
/// not "режиссеру «Золотую ветвь»").
fn role_of(doc: &Doc<'_>, i: usize) -> bool {
    let cases = doc.name_hit(i).role_cases;
    cases == 0 || cases & (1 | 2 | 8 | 16) != 0
}

/// The normal form of tokens `start..end` if they are exactly a known organization
/// ("Голосу Америки" → "Голос Америки").
fn known_normal(doc: &Doc<'_>, start: usize, end: usize) -> Option<String> {
    let index = doc.lexicon.names().index();
    let hit = doc.name_hit(start);
    let key = match hit.multi {
        Some((e, k)) if e as usize == end => k,
        _ if end == start + 1 && doc.is_a(start, flag::ORG) => hit.key?,
        _ => return None,
    };
    index
        .senses(key)
        .find(|s| s.kind == SenseKind::Org)
        .map(|s| index.lemma(&s).to_string())
}

/// Lower-case words that may join a Latin name ("Bank of America").
fn latin_joiner(s: &str) -> bool {
    matches!(
        s,
        "of" | "and"
            | "&"
            | "de"
            | "la"
            | "the"
            | "for"
            | "und"
            | "du"
            | "to"
            | "della"
            | "del"
            | "di"
            | "des"
            | "der"
            | "van"
            | "von"
            | "y"
            | "e"
            | "et"
    )
}

/// `organization.latin`: capitalized Latin words ("Cove Capital", "Tau-Ken Samruk",
/// "Reuters"), with joiners and a glued domain ("NEWSru.com").
fn latin(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !doc.latin(i) || !doc.capitalized(i) || doc.text(i).len() < 2 {
        return;
    }
    // Inside a run already, or right after its joiner ("The Best of Blogs").
    if i > 0
        && doc.latin(i - 1)
        && (doc.capitalized(i - 1) || doc.glued(i) || latin_joiner(doc.text(i - 1)))
    {
        return;
    }
    let mut end = i + 1;
    let mut last = end;
    while end < doc.tokens.len() && end < i + MAX_LATIN {
        let t = doc.text(end);
        if doc.latin(end) && doc.capitalized(end) && !doc.sentence_start(end) {
            end += 1;
            last = end;
        } else if (doc.latin(end) && latin_joiner(t)) || t == "&" {
            end += 1;
        } else if t == "." && doc.glued(end) && doc.latin(end + 1) && doc.glued(end + 1) {
            end += 2;
            last = end;
        } else if doc.kind(end) == Some(TokenKind::Number) && !doc.glued(end) && end == last {
            // "Channel 4"
            end += 1;
            last = end;
            break;
        } else {
            break;
        }
    }
    // A place alone is no organization ("London"), unless a type word says so ("клуба
    // Milan"); "New York Times" is one.
    let place_alone = place_at(doc, i).is_some_and(|(end, _, _)| end == last)
        && !(i > 0 && doc.is_a(i - 1, flag::ORG_TYPE));
    // Two letters at least: "E." alone is a group's letter or an initial.
    let letter = last == i + 1 && doc.text(i).bytes().filter(u8::is_ascii_alphabetic).count() < 2;
    if !latin_name_alone(doc, i, last) || place_alone || letter {
        return;
    }
    let normal = doc.original_text(i, last).to_string();
    push(out, i, last, normal, "organization.latin");
}

/// True if a Latin run `start..end` stands as a name of its own: not a Roman numeral ("II",
/// "XVI"), no digits ("HTML5"), not inside English text (a lower-case Latin word next to
/// it), not inside quotes (a title: "''Hallelujah''"), not part of an address ("@name",
/// "/Document/"), and not the transliteration in brackets of the Cyrillic words before it
/// ("Калеб Тюрон (Caleb Turon)": whatever those are, the Latin is the same).
fn latin_name_alone(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    // Each test settles it when true; the cheap ones first, the original text and the
    // lexicon last (most runs pass them all).
    let lower_latin = |k: usize| doc.latin(k) && !doc.capitalized(k) && !latin_joiner(doc.text(k));
    let before = start.checked_sub(1);
    if before.is_some_and(lower_latin) || lower_latin(end) {
        return false;
    }
    let roman = end == start + 1 && doc.text(start).bytes().all(|b| b"ivxlcdm".contains(&b));
    if roman {
        return false;
    }
    let address = before
        .is_some_and(|b| matches!(doc.text(b), "@" | "/" | "#" | "%") && doc.glued(start))
        || (doc.is(end, "/") && doc.glued(end));
    // "альбом Invaders Must Die", "премии Grammy", "в соцсети Weibo".
    let titled = before.is_some_and(|b| doc.is_a(b, flag::TITLE));
    // "The Best of Blogs", "The IT Crowd": a title (known names starting so are known), but
    // after a type noun a name ("группы The Prodigy", "издания The Hill").
    let title = doc.is(start, "the") && before.is_none_or(|b| org_type(doc, b).is_none());
    if address || titled || title {
        return false;
    }
    // Wiki markup's doubled apostrophes ("журнала ''Rolling Stone''") mark a name as often
    // as a title: they don't count if they hold the whole name and no title word or "англ."
    // stands before them ("альбом ''Fallen Angels''" stays a title).
    let wiki = || {
        before.is_some_and(|b| {
            b >= 1
                && doc.is(b, "'")
                && doc.is(b - 1, "'")
                && doc.glued(b)
                && doc.is(end, "'")
                && doc.is(end + 1, "'")
                && doc.glued(end + 1)
                && (b < 2 || !(doc.is_a(b - 2, flag::TITLE) || doc.is(b - 2, "англ.")))
        })
    };
    let quoted = before.is_some_and(|b| matches!(doc.text(b), "\"" | "'"))
        && matches!(doc.text(end), "\"" | "'")
        && !wiki();
    // In brackets after Cyrillic capitals or a quoted name: its spelling in Latin letters
    // («Шкода Октавия» (Skoda Octavia)), whatever it names.
    let bracketed = start >= 2
        && doc.is(start - 1, "(")
        && doc.is(end, ")")
        && ((doc.capitalized(start - 2) && !doc.latin(start - 2) && !doc.all_caps(start - 2))
            || doc.is(start - 2, "\""));
    if quoted || bracketed {
        return false;
    }
    // Latin glued to a lower-case Cyrillic word is a compound ("VPN-сервисы",
    // "Telegram-канале"), or a typo when no hyphen parts them ("Cолист" with a Latin C);
    // "Rambler-Новости" is a name.
    let text = doc.original_text(start, end);
    if mixed_script(text) || text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let product = end == start + 1 && doc.blocked(start, FactType::Organization);
    !product
}

/// True if a Latin word has a Cyrillic letter glued to it: right after a Latin letter, or
/// lower case after a hyphen ("Cолист", "VPN-сервисы"; not "Rambler-Новости").
fn mixed_script(text: &str) -> bool {
    let cyrillic = |c: char| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё');
    let mut prev = ' ';
    for c in text.chars() {
        if cyrillic(c) && (prev.is_ascii_alphabetic() || (prev == '-' && c.is_lowercase())) {
            return true;
        }
        prev = c;
    }
    false
}

/// `organization.acronym`: a word of two to six capitals that the lexicons do not know as
/// a place, a type, or a word that is no organization.
fn acronym(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    if !doc.all_caps(i) || doc.latin(i) {
        return;
    }
    let n = doc.text(i).chars().count();
    if !(2..=6).contains(&n) || doc.text(i).contains('-') {
        return;
    }
    if doc.name_hit(i).key.is_some()
        || org_type(doc, i).is_some()
        || doc.blocked(i, FactType::Organization)
    {
        return;
    }
    // A headline in capitals is no acronym.
    let caps_word = |k: usize| doc.all_caps(k) && doc.name_hit(k).key.is_none();
    if (i > 0 && caps_word(i - 1)) || caps_word(i + 1) {
        return;
    }
    push(
        out,
        i,
        i + 1,
        doc.word(i).to_string(),
        "organization.acronym",
    );
}

/// Later mentions of names this document defined: `organization.abbreviation` for an
/// abbreviation given in brackets after an organization ("... консорциума (КТК)": then every
/// "КТК"), and `organization.quoted_mention` for a quoted name seen after a type noun.
fn mentions(doc: &Doc<'_>, first: usize, out: &mut Vec<Candidate>) {
    let mut defined = Defined::default();
    let n = out.len();
    for c in first..n {
        let (start, end, rule) = (out[c].start, out[c].end, out[c].rule);
        if matches!(
            rule,
            "organization.type_quoted" | "organization.quoted_source" | "organization.role_quoted"
        ) {
            defined.add(doc, start, end);
        }
        if doc.is(end, "(") && doc.all_caps(end + 1) && doc.is(end + 2, ")") {
            let abbr = end + 1;
            if !defined.single.contains(doc.bytes(abbr)) {
                defined.add(doc, abbr, abbr + 1);
            }
            push(
                out,
                abbr,
                abbr + 1,
                doc.word(abbr).to_string(),
                "organization.abbreviation",
            );
        }
    }
    let Defined { names, single, .. } = defined;
    if names.is_empty() {
        return;
    }
    // A defined abbreviation's mentions are its, not the acronym rule's guesses.
    out.retain(|c| c.rule != "organization.acronym" || !single.contains(doc.bytes(c.start)));
    // The names by the first four letters of their first word (the whole word if shorter):
    // a mention, exact or in another case form (`same_stem`: a common stem of four letters
    // or more), shares them. In the names' order, so that candidates come as before.
    let mut by_prefix: FastMap<&str, Vec<usize>> = FastMap::default();
    // And a bit for the first two bytes of each prefix: a word whose bit is not set starts
    // no name (most words), told without its prefix and the map's hash.
    let mut leads = 0u64;
    for (k, &(s, _)) in names.iter().enumerate() {
        let prefix = prefix4(doc.text(s));
        leads |= super::lead_bit(prefix.as_bytes());
        by_prefix.entry(prefix).or_default().push(k);
    }
    for i in doc.marked() {
        // Mentions start at a capitalized word (most marked words, not all).
        if !doc.capitalized(i) || leads & super::lead_bit(doc.bytes(i)) == 0 {
            continue;
        }
        let Some(candidates) = by_prefix.get(prefix4(doc.text(i))) else {
            continue;
        };
        let word = doc.bytes(i);
        for &(s, e) in candidates.iter().map(|&k| &names[k]) {
            let len = e - s;
            if i == s || i + len > doc.tokens.len() {
                continue;
            }
            let exact =
                word == doc.bytes(s) && (1..len).all(|k| doc.bytes(i + k) == doc.bytes(s + k));
            // In another case form, in quotes again: «Спартак» ... «Спартака».
            let inflected = !exact
                && !doc.all_caps(s)
                && quoted_before(doc, i)
                && doc.is(i + len, "\"")
                && (0..len).all(|k| {
                    doc.text(i + k) == doc.text(s + k)
                        || same_stem(doc.text(i + k), doc.text(s + k))
                });
            if exact || inflected {
                let normal = doc.original_text(s, e).to_string();
                let rule = if len == 1 && doc.all_caps(s) {
                    "organization.abbreviation"
                } else {
                    "organization.quoted_mention"
                };
                push(out, i, i + len, normal, rule);
            }
        }
    }
}

/// The names a document defines, for [`mentions`].
#[derive(Default)]
struct Defined<'a> {
    /// The names' spans, each spelling (its words) at most twice: a third occurrence of a
    /// name would only add candidates that lose to the first's (same span and rule, later),
    /// and, all kept, a long document that repeats a name made candidates quadratic in its
    /// length. Twice, for the first occurrence's own mention comes from the second.
    names: Vec<(usize, usize)>,
    /// How often each spelling is in `names`.
    seen: FastMap<Vec<&'a [u8]>, u8>,
    /// The text of every one-word name, kept or not.
    single: FastSet<&'a [u8]>,
}

impl<'a> Defined<'a> {
    fn add(&mut self, doc: &Doc<'a>, s: usize, e: usize) {
        if e == s + 1 {
            self.single.insert(doc.bytes(s));
        }
        let times = self
            .seen
            .entry((s..e).map(|k| doc.bytes(k)).collect())
            .or_default();
        if *times < 2 {
            *times += 1;
            self.names.push((s, e));
        }
    }
}

/// The first four characters of `word`, or the whole word if shorter.
fn prefix4(word: &str) -> &str {
    // Four Russian letters (two bytes each, most words) are told from their first bytes.
    let two_byte = |k: usize| word.as_bytes().get(k).is_some_and(|b| b & 0xE0 == 0xC0);
    if word.len() > 8 && (0..4).all(|k| two_byte(2 * k)) {
        return word.get(..8).unwrap_or(word);
    }
    word.char_indices().nth(4).map_or(word, |(k, _)| &word[..k])
}

/// True if two word forms differ only in an ending of up to two letters after a stem of
/// four letters or more ("спартак", "спартака"; "академия", "академией").
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    common >= 4 && la - common <= 2 && lb - common <= 2 && la.min(lb) >= 4
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_flagged_window_is_the_flags_of_its_tokens() {
        use crate::names::flag;
        let text = "Глава Каспийского трубопроводного консорциума и городской администрации \
                    Москвы встретился с министром.";
        super::super::with_doc_tagged(text, true, |doc| {
            let n = doc.tokens.len();
            assert!((0..n).any(|j| doc.is_a(j, flag::ORG_TYPE)));
            for flags in [flag::ORG_TYPE, flag::PLACE_TYPE, flag::ROLE, u16::MAX] {
                for start in 0..n + 3 {
                    for width in 0..7 {
                        let expected = (start..start + width).any(|j| doc.is_a(j, flags));
                        assert_eq!(
                            super::flagged_within(doc, start, width, flags),
                            expected,
                            "{start} {width} {flags}"
                        );
                    }
                }
            }
        });
    }

    #[test]
    fn a_prefix_of_four_is_four_characters() {
        for word in [
            "",
            "а",
            "аб",
            "абвг",
            "абвгд",
            "абвгде",
            "спартак",
            "abcd",
            "abcde",
            "aбвгд",
            "абвгdе",
            "абв-гд",
            "ёжик",
            "ёжики",
            "日本語です",
            "zoë-zoë",
            "ааааaaaa",
        ] {
            let expected = word.char_indices().nth(4).map_or(word, |(k, _)| &word[..k]);
            assert_eq!(super::prefix4(word), expected, "{word}");
            // A mention's bit is its name's: `mentions` skips a word by its bit alone.
            assert_eq!(
                super::super::lead_bit(super::prefix4(word).as_bytes()),
                super::super::lead_bit(word.as_bytes()),
                "{word}"
            );
        }
    }

    use crate::fact::FactType;

    #[test]
    fn mixed_script_finds_glued_cyrillic() {
        assert!(super::mixed_script("VPN-сервисы"));
        assert!(super::mixed_script("Cолист"));
        assert!(!super::mixed_script("Rambler-Новости"));
        assert!(!super::mixed_script("Tau-Ken Samruk"));
    }

    #[test]
    fn same_stem_allows_a_short_ending() {
        assert!(super::same_stem("спартак", "спартака"));
        assert!(super::same_stem("академия", "академией"));
        assert!(!super::same_stem("лига", "лиги"));
        assert!(!super::same_stem("зенит", "зенитчики"));
        assert!(!super::same_stem("союз", "союзники"));
    }

    #[test]
    fn each_rule_finds_its_organizations() {
        super::super::check_name_table(
            FactType::Organization,
            &[
                (
                    "Глава казахского МИД прибыл.",
                    "казахского МИД",
                    "МИД",
                    "organization.known",
                ),
                (
                    "Закон поддержали в Палате представителей США.",
                    "Палате представителей США",
                    "Палата представителей США",
                    "organization.known",
                ),
                (
                    "Нефть идет по трубопроводу Каспийского трубопроводного консорциума (КТК).",
                    "Каспийского трубопроводного консорциума",
                    "Каспийский трубопроводный консорциум",
                    "organization.adjective_type",
                ),
                (
                    "Нефть идет по трубопроводу Каспийского трубопроводного консорциума (КТК). КТК растет.",
                    "КТК",
                    "КТК",
                    "organization.abbreviation",
                ),
                (
                    "Об этом говорят в американском Конгрессе.",
                    "американском Конгрессе",
                    "Конгресс",
                    "organization.capitalized_type",
                ),
                (
                    "Доступ получила компания «Тау-Кен Самрук».",
                    "Тау-Кен Самрук",
                    "Тау-Кен Самрук",
                    "organization.type_quoted",
                ),
                (
                    "Об этом сообщает «Интерфакс».",
                    "Интерфакс",
                    "Интерфакс",
                    "organization.quoted_source",
                ),
                (
                    "При этом Tau-Ken Samruk владеет долей.",
                    "Tau-Ken Samruk",
                    "Tau-Ken Samruk",
                    "organization.latin",
                ),
                (
                    "Об этом пишет Лента.ру со ссылкой на источник.",
                    "Лента.ру",
                    "Лента.ру",
                    "organization.domain",
                ),
                (
                    "Об этом сообщило агентство Франс Пресс.",
                    "Франс Пресс",
                    "Франс Пресс",
                    "organization.known",
                ),
                (
                    "Он окончил МГУ в прошлом году.",
                    "МГУ",
                    "МГУ",
                    "organization.known",
                ),
                (
                    "По данным журнала ''Rolling Stone'', он второй.",
                    "Rolling Stone",
                    "Rolling Stone",
                    "organization.latin",
                ),
                (
                    "Он победил активиста «Движения пяти звезд» на выборах.",
                    "Движения пяти звезд",
                    "Движения пяти звезд",
                    "organization.quoted_typed",
                ),
                (
                    "Он играл за клуб «Вымпел», а потом ушел из «Вымпела».",
                    "Вымпела",
                    "Вымпел",
                    "organization.quoted_mention",
                ),
                (
                    "Он перешел в «Спартак» прошлым летом.",
                    "Спартак",
                    "Спартак",
                    "organization.known",
                ),
                (
                    "Бывший гендиректор «Вектора» дал показания.",
                    "Вектора",
                    "Вектора",
                    "organization.role_quoted",
                ),
                (
                    "Отчет выпустила УНКЦ на этой неделе.",
                    "УНКЦ",
                    "УНКЦ",
                    "organization.acronym",
                ),
            ],
        );
    }
}
