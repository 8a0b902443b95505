//! Relative dates, resolved against the reference date when there is one: "вчера",
//! "сегодня", "в прошлом году", "на следующей неделе", "три дня назад", "через два года",
//! weekdays ("в понедельник", "в минувшее воскресенье") and seasons ("этой весной").
//!
//! A weekday alone is the nearest such day before the reference in a sentence told in the
//! past tense, after it otherwise; "прошлый"/"минувший" and "следующий" say it outright.

use super::Doc;
use super::date::{Found, Keep, One};
use super::date_value::{DateExpr, Grain, Point, signed_iso};
use super::duration::Length;
use super::timex::{
    capitalized_inside, may_start_with, quoted, relative_at as relative_word, season_at, unit_at,
    weekday_at,
};
use crate::calendar::{IsoField, TimeUnit};
use crate::decimal::Decimal;
use crate::lexicon::temporal::{Relative, TemporalWord, case, word_kind};
use crate::lexicon::{Meaning, kind};
use crate::text::TokenKind;

/// The longest relative date at `i` (after a preposition with bits `prep_bits`, 0: none).
pub fn relative_at(doc: &Doc<'_>, i: usize, prep_bits: u8) -> Option<Found> {
    let mut one = One {
        best: None,
        prep_bits,
    };
    relative_into(doc, i, &mut one);
    one.best
}

/// The readings of [`relative_at`] into `keep`.
pub(super) fn relative_into<K: Keep>(doc: &Doc<'_>, i: usize, keep: &mut K) {
    // Every form starts with a relative word, a weekday, or an amount of time.
    if let Some(word) = relative_word(doc, i) {
        // One after the other, not an array: a found date is large, and moving ten of them
        // showed in profiles. The same order, so the same one wins. Each is given the
        // relative word at `i` (and the token after it), read once.
        keep.same_either_way(day_word(doc, i, word));
        keep.same_either_way(shifted_unit(doc, word));
        keep.same_either_way(later(doc, word));
        keep.depends_on_prep(|bits| weekday(doc, i, Some(word), bits));
        keep.same_either_way(relative_season(doc, word));
        keep.same_either_way(anaphoric(doc, word));
        keep.same_either_way(narrative_shift(doc, i, doc.length(i).as_ref()));
        keep.same_either_way(vague_period(doc, word));
        keep.same_either_way(relative_month(doc, word));
        keep.same_either_way(holiday(word));
        return;
    }
    if weekday_at(doc, i).is_some() {
        keep.depends_on_prep(|bits| weekday(doc, i, None, bits));
    }
    // "три дня назад", "годом позже": a length of time starts with an amount (digits, a
    // number word, a multiplier) or a unit; a month or an ordinal word starts none, and
    // its length is not read. ("спустя" and the like are relative words, read above.)
    if matches!(doc.kind(i), Some(TokenKind::Number | TokenKind::Word))
        && may_start_with(
            doc,
            i,
            kind::NUMBER_WORD | kind::LONE_MULTIPLIER,
            word_kind::UNIT,
        )
    {
        // Both read the length of time at `i` (once), and with one, a relative word after
        // it ("назад", "позже"), which has a lexicon hit: without one, the length (large)
        // is not copied out. Without a length, a unit alone may start a shift.
        match doc.length_end(i) {
            None => keep.same_either_way(narrative_shift(doc, i, None)),
            Some(end) if doc.hits.get(end).copied().flatten().is_some() => {
                let length = doc.length(i);
                keep.same_either_way(ago(doc, length.as_ref()));
                keep.same_either_way(narrative_shift(doc, i, length.as_ref()));
            }
            Some(_) => {}
        }
    }
}

fn shift(months: i64, days: i64, grain: Grain, relative: String) -> DateExpr {
    DateExpr::Shift {
        months,
        days,
        grain,
        relative,
    }
}

/// "вчера", "сегодня", "завтра", "позавчера", "послезавтра" (not in a name: «Завтра»), given
/// the relative word at `i` and the token after it.
fn day_word(doc: &Doc<'_>, i: usize, word: (Relative, usize)) -> Option<Found> {
    let (Relative::Day(k), next) = word else {
        return None;
    };
    if capitalized_inside(doc, i) || quoted(doc, i, next) {
        return None;
    }
    let k = i64::from(k);
    Some(Found {
        expr: shift(0, k, Grain::Day, signed_iso(k, 'D')),
        end: next,
        rule: "date.relative_day",
    })
}

/// "в прошлом году", "на следующей неделе", "в этом месяце", "в прошлом квартале",
/// "в прошлом веке", given the relative word at its start and the token after it.
fn shifted_unit(doc: &Doc<'_>, word: (Relative, usize)) -> Option<Found> {
    let (Relative::Shift(k), next) = word else {
        return None;
    };
    if doc.sentence_start(next) {
        return None;
    }
    let u = unit_at(doc, next)?;
    if u.sense.amount != Decimal::from_int(1) || u.sense.count_only {
        return None;
    }
    let k = i64::from(k);
    let expr = match u.sense.unit {
        TimeUnit::Week => shift(0, 7 * k, Grain::Week, signed_iso(k, 'W')),
        TimeUnit::Month => shift(k, 0, Grain::Month, signed_iso(k, 'M')),
        TimeUnit::Quarter => shift(3 * k, 0, Grain::Quarter, signed_iso(3 * k, 'M')),
        TimeUnit::Half => shift(6 * k, 0, Grain::Half, signed_iso(6 * k, 'M')),
        TimeUnit::Year => shift(12 * k, 0, Grain::Year, signed_iso(k, 'Y')),
        TimeUnit::Decade => shift(120 * k, 0, Grain::Decade, signed_iso(10 * k, 'Y')),
        TimeUnit::Century => shift(1200 * k, 0, Grain::Century, signed_iso(100 * k, 'Y')),
        _ => return None,
    };
    Some(Found {
        expr,
        end: u.next,
        rule: "date.relative_unit",
    })
}

/// The shift of a length of time: months and days (whole), the grain it is told at, and
/// the ISO offset; a vague length ("несколько дней") is told by its grain only. Hours and
/// fractions of a month are not dates.
fn length_shift(length: &Length, sign: i64) -> Option<DateExpr> {
    let Some(iso) = &length.iso else {
        return Some(DateExpr::Untold {
            grain: unit_grain(length.unit?)?,
        });
    };
    let (mut months, mut days) = (0i64, 0i64);
    let mut grain = Grain::Year;
    let mut only_weeks = true;
    for (field, amount) in iso.fields() {
        let n = amount.to_i64()?;
        match field {
            IsoField::Year => months = months.checked_add(n.checked_mul(12)?)?,
            IsoField::Month => {
                months = months.checked_add(n)?;
                grain = Grain::Month;
                only_weeks = false;
            }
            IsoField::Week => {
                days = days.checked_add(n.checked_mul(7)?)?;
                grain = Grain::Week;
            }
            IsoField::Day => {
                days = days.checked_add(n)?;
                grain = Grain::Day;
                only_weeks = false;
            }
            _ => return None,
        }
    }
    if days != 0 && months != 0 {
        grain = Grain::Day;
    }
    if grain == Grain::Week && !only_weeks {
        grain = Grain::Day;
    }
    let text = iso.iso();
    let relative = if sign < 0 { format!("-{text}") } else { text };
    Some(shift(sign * months, sign * days, grain, relative))
}

/// "три дня назад", "неделю назад", "полгода назад", "200 лет тому назад", given the length
/// of time at its start ([`Doc::length`]).
fn ago(doc: &Doc<'_>, length: Option<&Length>) -> Option<Found> {
    let length = length?;
    if doc.sentence_start(length.end) {
        return None;
    }
    let (Relative::Ago, end) = relative_word(doc, length.end)? else {
        return None;
    };
    Some(Found {
        expr: length_shift(length, -1)?,
        end,
        rule: "date.ago",
    })
}

/// "через два года", "через неделю", "через 10 дней", given the relative word at its start
/// and the token after it.
fn later(doc: &Doc<'_>, word: (Relative, usize)) -> Option<Found> {
    let (Relative::Later, next) = word else {
        return None;
    };
    if doc.sentence_start(next) {
        return None;
    }
    let length = doc.length(next)?;
    Some(Found {
        expr: length_shift(&length, 1)?,
        end: length.end,
        rule: "date.later",
    })
}

/// The grain a date counted in `unit` is told at.
fn unit_grain(unit: TimeUnit) -> Option<Grain> {
    Some(match unit {
        TimeUnit::Day => Grain::Day,
        TimeUnit::Week => Grain::Week,
        TimeUnit::Month => Grain::Month,
        TimeUnit::Quarter => Grain::Quarter,
        TimeUnit::Half => Grain::Half,
        TimeUnit::Year => Grain::Year,
        TimeUnit::Decade => Grain::Decade,
        TimeUnit::Century => Grain::Century,
        _ => return None,
    })
}

/// "в том же году", "в тот день", "на следующий день", "в предыдущий день": a time the text
/// told, not the reference; told by its grain only. Given the relative word at its start
/// and the token after it (as the readers below).
fn anaphoric(doc: &Doc<'_>, (word, next): (Relative, usize)) -> Option<Found> {
    if doc.sentence_start(next) {
        return None;
    }
    let u = unit_at(doc, next)?;
    if u.sense.amount != Decimal::from_int(1) || u.sense.count_only || u.sense.date_only {
        return None;
    }
    match (word, u.sense.unit) {
        (Relative::Same, _) | (Relative::Shift(_), TimeUnit::Day) => {}
        _ => return None,
    }
    Some(Found {
        expr: DateExpr::Untold {
            grain: unit_grain(u.sense.unit)?,
        },
        end: u.next,
        rule: "date.anaphoric",
    })
}

/// "в последние годы", "в ближайшие месяцы", "долгие годы", "на днях": a vague period near
/// the reference, told by its grain only.
fn vague_period(doc: &Doc<'_>, (word, next): (Relative, usize)) -> Option<Found> {
    let (grain, end) = match word {
        Relative::Vague => (Grain::Day, next),
        Relative::Recent if !doc.sentence_start(next) => {
            let u = unit_at(doc, next)?;
            if u.sense.amount != Decimal::from_int(1) || u.sense.date_only {
                return None;
            }
            (unit_grain(u.sense.unit)?, u.next)
        }
        _ => return None,
    };
    Some(Found {
        expr: DateExpr::Untold { grain },
        end,
        rule: "date.vague_period",
    })
}

/// "до Нового года", "на Рождество", "в сочельник": a holiday is its day, without a year
/// (a holiday that moves, or that churches keep on different days, is told by its grain).
fn holiday(word: (Relative, usize)) -> Option<Found> {
    let (Relative::Holiday(month, day), next) = word else {
        return None;
    };
    let expr = match (month, day) {
        (0, _) | (_, 0) => DateExpr::Untold { grain: Grain::Day },
        _ => DateExpr::Point(super::date_value::Point::Day {
            year: None,
            month: u32::from(month),
            day: u32::from(day),
        }),
    };
    Some(Found {
        expr,
        end: next,
        rule: "date.holiday",
    })
}

/// "двумя неделями ранее", "годом позже", "спустя два года", "спустя несколько дней": a
/// time counted from one the text told; told by its grain only. `length` is the length of
/// time at `i` ([`Doc::length`]).
fn narrative_shift(doc: &Doc<'_>, i: usize, length: Option<&Length>) -> Option<Found> {
    let (unit, end) = match doc.meaning_of(i, kind::TEMPORAL, |m| match m {
        Meaning::Temporal(TemporalWord::Relative(Relative::After)) => Some(()),
        _ => None,
    }) {
        Some(((), next)) if !doc.sentence_start(next) => {
            let length = doc.length(next)?;
            (length.unit?, length.end)
        }
        _ => {
            // "годом позже", "днем ранее": a unit alone, or an amount of it.
            let (unit, after) = match length {
                Some(length) => (length.unit?, length.end),
                None => {
                    let u = unit_at(doc, i).filter(|u| {
                        u.sense.amount == Decimal::from_int(1)
                            && !u.sense.count_only
                            && !u.sense.date_only
                    })?;
                    (u.sense.unit, u.next)
                }
            };
            if doc.sentence_start(after) {
                return None;
            }
            let (_, end) = doc.meaning_of(after, kind::TEMPORAL, |m| match m {
                Meaning::Temporal(TemporalWord::Relative(
                    Relative::Earlier | Relative::Afterwards,
                )) => Some(()),
                _ => None,
            })?;
            (unit, end)
        }
    };
    Some(Found {
        expr: DateExpr::Untold {
            grain: unit_grain(unit)?,
        },
        end,
        rule: "date.narrative_shift",
    })
}

/// "в понедельник", "во вторник", "в минувшее воскресенье", "в следующую пятницу"; `word`
/// is the relative word at `i` and the token after it, if there is one.
fn weekday(
    doc: &Doc<'_>,
    i: usize,
    word: Option<(Relative, usize)>,
    prep_bits: u8,
) -> Option<Found> {
    let (said, j) = match word {
        Some((Relative::Shift(k), next)) if !doc.sentence_start(next) => (Some(k), next),
        _ => (None, i),
    };
    // "в пятницу и субботу": a weekday joined to one after a preposition.
    let joined =
        i >= 2 && (doc.is(i - 1, "и") || doc.is(i - 1, ",")) && weekday_at(doc, i - 2).is_some();
    if said.is_none() && prep_bits == 0 && !joined {
        return None;
    }
    if capitalized_inside(doc, j) {
        return None;
    }
    let (day, cases, end) = weekday_at(doc, j)?;
    // "в среду", "с понедельника", "к пятнице"; not "в среде" (an environment).
    if cases & (case::ACC | case::GEN | case::DAT) == 0 {
        return None;
    }
    let future = match said {
        Some(k) if k < 0 => false,
        Some(k) if k > 0 => true,
        _ => !past_tense(doc, i),
    };
    Some(Found {
        expr: DateExpr::Weekday { day, future },
        end,
        rule: "date.weekday",
    })
}

/// "в следующем мае", "в прошлом декабре": a month of the year before or after the
/// reference's.
fn relative_month(doc: &Doc<'_>, word: (Relative, usize)) -> Option<Found> {
    let (Relative::Shift(k), next) = word else {
        return None;
    };
    if doc.sentence_start(next) || super::timex::capitalized_inside(doc, next) {
        return None;
    }
    let (month, cases, end) = super::timex::month_at(doc, next)?;
    if cases & !case::NOM == 0 {
        return None;
    }
    let year = Some(super::date_value::YearSpec::Rel(k));
    Some(Found {
        expr: DateExpr::Point(Point::Month { year, month }),
        end,
        rule: "date.relative_month",
    })
}

/// "этой весной", "прошлым летом": the season nearest the reference.
fn relative_season(doc: &Doc<'_>, word: (Relative, usize)) -> Option<Found> {
    let (Relative::Shift(_), next) = word else {
        return None;
    };
    if doc.sentence_start(next) {
        return None;
    }
    let (season, cases, end) = season_at(doc, next)?;
    if cases & case::INS == 0 {
        return None;
    }
    Some(Found {
        expr: DateExpr::Point(Point::Season { year: None, season }),
        end,
        rule: "date.relative_season",
    })
}

/// True if the sentence around token `i` is told in the past tense: more verbs in it look
/// like past forms ("провел", "прошла", "состоялись") than like present or future ones
/// ("проведет", "состоится"). A guess from endings, for weekdays only.
fn past_tense(doc: &Doc<'_>, i: usize) -> bool {
    let mut start = i;
    while start > 0 && !doc.sentence_start(start) && i - start < 60 {
        start -= 1;
    }
    let text = doc.norm.text().as_bytes();
    let end = doc.tokens.len().min(i + 60);
    let mut score = 0i32;
    // The tokens of `start..end` up to the next sentence start, walked as a slice.
    for (n, t) in doc
        .tokens
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        if n > 0 && t.has(crate::text::token::SENTENCE_START) {
            break;
        }
        if t.kind == TokenKind::Word {
            let word = text.get(t.start..t.end).unwrap_or_default();
            if may_have_tense(word) {
                score += tense_of_bytes(word);
            }
        }
    }
    score >= 0
}

/// False if [`tense_of`] is surely 0 for the word of these bytes, told without decoding
/// it: it has fewer than 5 bytes (so fewer than 5 letters), or its last byte is none of
/// the last bytes of the letters a verb's ending ends with (л а о и ь я т).
fn may_have_tense(word: &[u8]) -> bool {
    word.len() >= 5
        && matches!(
            word.last(),
            Some(0xBB | 0xB0 | 0xBE | 0xB8 | 0x8C | 0x8F | 0x82)
        )
}

/// +1 for a word that looks like a past-tense verb, -1 for one that looks like a present or
/// future verb, 0 otherwise.
pub fn tense_of(word: &str) -> i32 {
    tense_of_bytes(word.as_bytes())
}

/// [`tense_of`] on the word's bytes: the endings are compared as bytes, which for UTF-8
/// text is comparing letters, with no decoding.
fn tense_of_bytes(word: &[u8]) -> i32 {
    // The endings a word may have, by its last letter (most words end in none of these):
    // a past ending first, then a present or future one.
    let (past, present): (&[&str], &[&str]) = match word {
        [.., 0xD0, 0xBB] => (&["л"], &[]),
        [.., 0xD0, 0xB0] => (&["ла"], &[]),
        [.., 0xD0, 0xBE] => (&["ло"], &[]),
        [.., 0xD0, 0xB8] => (&["ли"], &[]),
        [.., 0xD1, 0x8C] => (&["лась", "лось", "лись"], &[]),
        [.., 0xD1, 0x8F] => (&["лся"], &["ется", "ится", "ются", "ятся", "утся", "атся"]),
        [.., 0xD1, 0x82] => (&[], &["ет", "ит", "ут", "ют", "ят", "ат"]),
        _ => return 0,
    };
    // Five letters at least: a letter is a byte that continues none (and has at most four
    // bytes, so twenty bytes hold five).
    if word.len() < 20 && word.iter().filter(|&&b| b & 0xC0 != 0x80).nth(4).is_none() {
        return 0;
    }
    // The stem ends with а е и о (0xD0 ..) or у ы я (0xD1 ..).
    let vowel_before = |stem: &[u8]| {
        matches!(
            stem,
            [.., 0xD0, 0xB0 | 0xB5 | 0xB8 | 0xBE] | [.., 0xD1, 0x83 | 0x8B | 0x8F]
        )
    };
    if past.iter().any(|ending| {
        word.strip_suffix(ending.as_bytes())
            .is_some_and(vowel_before)
    }) {
        return 1;
    }
    if present.iter().any(|ending| {
        word.strip_suffix(ending.as_bytes())
            .is_some_and(|stem| !stem.is_empty())
    }) {
        return -1;
    }
    if word == "будет".as_bytes() || word == "будут".as_bytes() {
        return -1;
    }
    0
}

#[cfg(test)]
mod tests {
    /// The last-letter test of `tense_of` passes over only words no ending matches.
    #[test]
    fn tense_by_endings() {
        for (word, want) in [
            ("провел", 1),
            ("сказала", 1),
            ("прошла", 0),
            ("состоялись", 1),
            ("собрался", 1),
            ("проведет", -1),
            ("состоится", -1),
            ("говорят", -1),
            ("будет", -1),
            ("будут", -1),
            ("был", 0),
            ("москве", 0),
            ("президент", 0),
            ("работает", -1),
            ("выборы", 0),
            ("году", 0),
            ("", 0),
            ("решили", 1),
            ("стало", 1),
            ("было", 0),
            ("осталась", 1),
            ("начнутся", -1),
            ("ходят", -1),
            ("добыча", 0),
        ] {
            assert_eq!(super::tense_of(word), want, "{word}");
        }
    }

    /// `tense_of` as it read letters, before it compared bytes.
    fn tense_of_letters(word: &str) -> i32 {
        let (past, present): (&[&str], &[&str]) = match word.chars().next_back() {
            Some('л') => (&["л"], &[]),
            Some('а') => (&["ла"], &[]),
            Some('о') => (&["ло"], &[]),
            Some('и') => (&["ли"], &[]),
            Some('ь') => (&["лась", "лось", "лись"], &[]),
            Some('я') => (&["лся"], &["ется", "ится", "ются", "ятся", "утся", "атся"]),
            Some('т') => (&[], &["ет", "ит", "ут", "ют", "ят", "ат"]),
            _ => return 0,
        };
        if word.chars().count() < 5 {
            return 0;
        }
        let vowel_before = |stem: &str| "аеиоуыя".contains(stem.chars().next_back().unwrap_or('x'));
        if past
            .iter()
            .any(|e| word.strip_suffix(e).is_some_and(vowel_before))
        {
            return 1;
        }
        if present
            .iter()
            .any(|e| word.strip_suffix(e).is_some_and(|stem| !stem.is_empty()))
        {
            return -1;
        }
        i32::from(word == "будет" || word == "будут").wrapping_neg()
    }

    /// Comparing bytes tells the tense letters tell, for words of every ending and length.
    #[test]
    fn tense_of_bytes_agrees_with_letters() {
        let stems = [
            "",
            "а",
            "ь",
            "ст",
            "стро",
            "говор",
            "провё",
            "z",
            "abcd",
            "€€€",
            "дел",
        ];
        let mut endings: Vec<String> = ["л", "ла", "ло", "ли", "лась", "лось", "лись", "лся"]
            .into_iter()
            .chain([
                "ется", "ится", "ются", "ятся", "утся", "атся", "ет", "ит", "ут",
            ])
            .chain([
                "ют", "ят", "ат", "т", "я", "ь", "а", "о", "и", "x", "ы", "у",
            ])
            .map(String::from)
            .collect();
        for v in ["а", "е", "и", "о", "у", "ы", "я", "э", "б"] {
            endings.push(format!("{v}л"));
            endings.push(format!("{v}ла"));
            endings.push(format!("{v}лся"));
        }
        for stem in stems {
            for ending in &endings {
                let word = format!("{stem}{ending}");
                assert_eq!(super::tense_of(&word), tense_of_letters(&word), "{word}");
            }
        }
        for word in ["будет", "будут", "", "т", "🙂🙂🙂🙂т"] {
            assert_eq!(super::tense_of(word), tense_of_letters(word), "{word}");
        }
    }

    #[test]
    fn may_have_tense_passes_every_word_with_a_tense() {
        for word in [
            "провел",
            "прошла",
            "состоялись",
            "проведет",
            "состоится",
            "говорят",
            "было",
            "стало",
            "Москва",
            "дом",
            "в",
            "понедельник",
            "2024",
            "ли",
            "пятница",
            "ночь",
            "тысяча",
            "работают",
            "writes",
            "забыли",
            "идти",
        ] {
            if super::tense_of(word) != 0 {
                assert!(super::may_have_tense(word.as_bytes()), "{word}");
            }
        }
        // The letters a tense ends with end with the bytes it looks for.
        for c in ['л', 'а', 'о', 'и', 'ь', 'я', 'т'] {
            let word = format!("слово{c}");
            assert!(super::may_have_tense(word.as_bytes()), "{word}");
        }
    }
}
