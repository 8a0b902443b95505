//! Clock times: "в 15:30", "в 13.20 по московскому времени", "в 9 часов утра", "в 7
//! вечера", "в полдень", "в половине восьмого", "около 2:30 ночи", intervals ("с 9:00 до
//! 18:00", "с 10 до 14 часов", "до 23:00"). The preposition, a qualifier ("около") and a
//! time zone phrase are in the span; the zone goes to `tz` when it names one.
//!
//! A time in digits with a dot ("18.00") or a bare hour ("в 14 часов") is a time only after
//! a preposition or qualifier: "15.5%" and "12.45 доллара" are not times.

use super::amount::{NumValue, qualifier_before};
use super::timex::{
    StartToken, clock_at, digits_at, may_start_with, measure_word_at, ordinal_word_at,
    parse_digits, prep_at, prep_before, quoted, unit_at, zone_at,
};
use super::{Candidate, Doc};
use crate::calendar::TimeUnit;
use crate::decimal::Decimal;
use crate::fact::{FactType, Qualifier, TimeValue, Value};
use crate::lexicon::kind;
use crate::lexicon::temporal::{ClockWord, TemporalWord, prep, word_kind};
use crate::text::TokenKind;

/// A clock time read at some tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Clock {
    hour: u32,
    minute: u32,
    /// Seconds, when said ("06:28:22").
    second: Option<u32>,
    /// Minutes were said.
    minutes_said: bool,
    /// One past the last token.
    end: usize,
}

impl Clock {
    fn text(self) -> String {
        match self.second {
            Some(s) => format!("{:02}:{:02}:{s:02}", self.hour, self.minute),
            None => format!("{:02}:{:02}", self.hour, self.minute),
        }
    }

    fn grain(self) -> &'static str {
        match (self.second, self.minutes_said) {
            (Some(_), _) => "second",
            (None, true) => "minute",
            (None, false) => "hour",
        }
    }

    /// The hour placed by a part of the day said after it ("7 вечера" = 19:00).
    fn with_part(mut self, doc: &Doc<'_>) -> Clock {
        let Some((part, next)) = clock_at(doc, self.end) else {
            return self;
        };
        let h = self.hour;
        let hour = match part {
            ClockWord::Morning if h <= 12 => Some(if h == 12 { 0 } else { h }),
            ClockWord::Afternoon if h <= 12 => Some(if h == 12 { 12 } else { h + 12 }),
            ClockWord::Evening if h <= 12 => Some(if h == 12 { 0 } else { h + 12 }),
            ClockWord::Night if h <= 12 => Some(match h {
                12 => 0,
                9..=11 => h + 12,
                _ => h,
            }),
            ClockWord::Morning | ClockWord::Afternoon | ClockWord::Evening | ClockWord::Night => {
                Some(h)
            }
            _ => None,
        };
        if let Some(hour) = hour {
            self.hour = hour % 24;
            self.end = next;
        }
        self
    }
}

/// Proposes time facts.
pub fn apply(doc: &Doc<'_>, starts: &[StartToken], out: &mut Vec<Candidate>) {
    for s in starts {
        let i = s.i;
        if let Some(c) = part_of_day(doc, s).or_else(|| match_minute(doc, s)) {
            out.push(c);
        }
        if let Some(c) = range_at(doc, s) {
            out.push(c);
        }
        if let Some(c) = single_at(doc, i) {
            out.push(c);
        }
    }
}

/// "утром", "вечером", "ночью", "днем" (before a date or weekday), "в ночь на 19 декабря"
/// (the span is "в ночь"; the date is a fact of its own).
fn part_of_day(doc: &Doc<'_>, s: &StartToken) -> Option<Candidate> {
    let i = s.i;
    let (start, end, part) = if s.is_v() && doc.is(i + 1, "ночь") {
        if !(doc.is(i + 2, "на") || doc.is(i + 2, "с") || doc.is(i + 2, "со"))
            || doc.sentence_start(i + 1)
        {
            return None;
        }
        (i, i + 2, ClockWord::Night)
    } else if doc.is(i, "с") && doc.is(i + 1, "утра") && !doc.sentence_start(i + 1) {
        (i, i + 2, ClockWord::Morning)
    } else if !s.may_be(word_kind::CLOCK) {
        return None;
    } else {
        let ((part, alone), next) = super::timex::word_of(doc, i, word_kind::CLOCK, |w| match w {
            TemporalWord::Clock(c, alone) => Some((*c, *alone)),
            _ => None,
        })?;
        // A capital is a name ("Утром" as a title), unless a date follows ("Утром 17
        // октября" after a headline).
        let date_follows = doc.kind(next) == Some(TokenKind::Number);
        if !alone
            || (super::timex::capitalized_inside(doc, i) && !date_follows)
            || quoted(doc, i, next)
        {
            return None;
        }
        // "днем" is also "a day" ("с каждым днем"): a time only before a date or weekday.
        let day_before = i > 0
            && super::timex::relative_at(doc, i - 1)
                .is_some_and(|(r, _)| matches!(r, crate::lexicon::temporal::Relative::Day(_)));
        if part == ClockWord::Afternoon
            && !day_before
            && !(doc.kind(next) == Some(TokenKind::Number)
                || doc.is(next, "в")
                || doc.is(next, "во"))
        {
            return None;
        }
        (i, next, part)
    };
    // "ночью с 23:00 до 5:00": the clock time says it.
    let clock_follows = |k: usize| {
        matches!(doc.kind(k), Some(TokenKind::NumberSeq))
            || (prep_at(doc, k, prep::TIME | prep::FROM | prep::TO).is_some()
                && clock_at_token(doc, k + 1, true).is_some())
    };
    if clock_follows(end) {
        return None;
    }
    let name = match part {
        ClockWord::Morning => "morning",
        ClockWord::Afternoon => "afternoon",
        ClockWord::Evening => "evening",
        _ => "night",
    };
    Some(Candidate {
        start,
        end,
        kind: FactType::Time,
        value: Some(Value::Time(TimeValue {
            grain: "part_of_day",
            part: Some(name),
            ..TimeValue::default()
        })),
        rule: "time.part_of_day",
    })
}

/// "на 35-й минуте", "на третьей минуте": a minute of a match or broadcast, grain
/// `minute`, no clock value.
fn match_minute(doc: &Doc<'_>, s: &StartToken) -> Option<Candidate> {
    if !s.is_na() {
        return None;
    }
    let i = s.i;
    let k = i + 1;
    let after = match digits_at(doc, k, 3) {
        Some(_) => super::timex::suffix_at(doc, k + 1)?.1,
        None => ordinal_word_at(doc, k)?.1,
    };
    if doc.sentence_start(after) {
        return None;
    }
    let u = unit_at(doc, after).filter(|u| u.sense.unit == TimeUnit::Minute && !u.sense.bare)?;
    Some(Candidate {
        start: i,
        end: u.next,
        kind: FactType::Time,
        value: Some(Value::Time(TimeValue {
            grain: "minute",
            ..TimeValue::default()
        })),
        rule: "time.match_minute",
    })
}

/// What comes before a time: a preposition and a qualifier ("примерно в", "около").
struct Lead {
    start: usize,
    bits: u8,
    qualifier: Option<Qualifier>,
}

fn lead_before(doc: &Doc<'_>, i: usize) -> Lead {
    let mut lead = Lead {
        start: i,
        bits: 0,
        qualifier: None,
    };
    if let Some((bits, s)) = prep_before(doc, i, prep::TIME | prep::FROM | prep::TO) {
        lead.bits = bits;
        lead.start = s;
    }
    if let Some((q, s)) = qualifier_before(doc, lead.start) {
        // "до" is a qualifier too, but before a time it closes an interval.
        if !(q == Qualifier::UpTo && lead.bits == 0) {
            lead.qualifier = Some(q);
            lead.start = s;
        } else {
            lead.bits = prep::TO;
            lead.start = s;
        }
    }
    lead
}

/// The time zone phrase after a time: the zone (if it names one) and the end.
fn zone_after(doc: &Doc<'_>, end: usize) -> (Option<&'static str>, usize) {
    match zone_at(doc, end) {
        Some((zone, next)) => (zone.and_then(canonical_zone), next),
        None => (None, end),
    }
}

/// Time zone names are few: keep them as static strings in the output.
fn canonical_zone(name: &str) -> Option<&'static str> {
    ZONES.iter().copied().find(|z| *z == name)
}

/// The IANA names `lexicons/time_zones.tsv` may give.
const ZONES: &[&str] = &[
    "Europe/Moscow",
    "Europe/Kyiv",
    "Europe/Minsk",
    "Europe/Kaliningrad",
    "Europe/Samara",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Almaty",
    "Asia/Tashkent",
    "Asia/Baku",
    "Asia/Tbilisi",
    "Asia/Yerevan",
    "America/New_York",
    "UTC",
];

fn single_at(doc: &Doc<'_>, i: usize) -> Option<Candidate> {
    // Most starts cannot be a clock time: tested before reading what leads to one.
    if !may_start_clock(doc, i) || !may_be_hour_in_digits(doc, i) {
        return None;
    }
    // Governed, more is read ("в 14 часов", "18.00", "в полдень"): a token with no clock
    // time read governed has none at all, and what leads to it is not read (most numbers
    // up to 24 are no clock time). Its first test passed above.
    let governed_reading = clock_reading(doc, i, true)?;
    let lead = lead_before(doc, i);
    let governed = lead.bits != 0 || lead.qualifier.is_some();
    let (clock, rule) = if governed {
        governed_reading
    } else {
        clock_reading(doc, i, false)?
    };
    let clock = clock.with_part(doc);
    let (tz, end) = zone_after(doc, clock.end);
    let mut value = TimeValue {
        grain: clock.grain(),
        tz,
        qualifier: lead.qualifier,
        ..TimeValue::default()
    };
    if lead.bits & prep::FROM != 0 {
        value.from = Some(clock.text());
    } else if lead.bits & prep::TO != 0 {
        value.to = Some(clock.text());
    } else {
        value.value = Some(clock.text());
    }
    Some(Candidate {
        start: lead.start,
        end,
        kind: FactType::Time,
        value: Some(Value::Time(value)),
        rule,
    })
}

/// "с 9:00 до 18:00", "с 8.00 до 20.00 по местному времени", "с 10 до 14 часов".
fn range_at(doc: &Doc<'_>, s: &StartToken) -> Option<Candidate> {
    let i = s.i;
    let (bits, next) = s.prep(doc, prep::FROM)?;
    if bits & prep::FROM == 0 || doc.sentence_start(next) {
        return None;
    }
    // The left end: a full time, or a bare hour when the right end says "часов".
    let left = clock_at_token(doc, next, true).map(|(c, _)| c.with_part(doc));
    let (left, bare) = match left {
        Some(c) => (c, false),
        None => {
            let (h, _) = digits_at(doc, next, 2)?;
            let c = Clock {
                hour: h,
                minute: 0,
                second: None,
                minutes_said: false,
                end: next + 1,
            };
            (c, true)
        }
    };
    if !(doc.is(left.end, "до") || doc.is(left.end, "-")) || doc.sentence_start(left.end + 1) {
        return None;
    }
    let (right, _) = clock_at_token(doc, left.end + 1, true)?;
    let right = right.with_part(doc);
    if bare && (right.minutes_said || left.hour > 23) {
        return None;
    }
    let (tz, end) = zone_after(doc, right.end);
    Some(Candidate {
        start: i,
        end,
        kind: FactType::Time,
        value: Some(Value::Time(TimeValue {
            from: Some(left.text()),
            to: Some(right.text()),
            grain: right.grain(),
            tz,
            ..TimeValue::default()
        })),
        rule: "time.range",
    })
}

/// False if no clock time can start at token `i` ([`clock_at_token`]): each starts with
/// digits, "час", a clock word or a number word ("три часа ночи").
#[inline]
fn may_start_clock(doc: &Doc<'_>, i: usize) -> bool {
    match doc.kind(i) {
        Some(TokenKind::Number | TokenKind::NumberSeq) => true,
        Some(TokenKind::Word) => {
            doc.is(i, "час")
                || may_start_with(
                    doc,
                    i,
                    kind::NUMBER_WORD | kind::LONE_MULTIPLIER,
                    word_kind::CLOCK,
                )
        }
        Some(TokenKind::Punct) | None => false,
    }
}

/// False if token `i` is digits that [`clock_reading`] reads as no clock time, governed
/// or not (then what leads to it need not be read): an hour is one or two digits up to 24
/// ([`hour_at`]), and "18.00" has a dot ([`dotted`]). True for any other token.
#[inline]
fn may_be_hour_in_digits(doc: &Doc<'_>, i: usize) -> bool {
    doc.kind(i) != Some(TokenKind::Number)
        || digits_at(doc, i, 2).is_some_and(|(h, _)| h <= 24)
        || doc.bytes(i).contains(&b'.')
}

/// A clock time starting at token `i` (`governed`: after a preposition or qualifier).
fn clock_at_token(doc: &Doc<'_>, i: usize, governed: bool) -> Option<(Clock, &'static str)> {
    if !may_start_clock(doc, i) {
        return None;
    }
    clock_reading(doc, i, governed)
}

/// [`clock_at_token`] past its first test.
fn clock_reading(doc: &Doc<'_>, i: usize, governed: bool) -> Option<(Clock, &'static str)> {
    match doc.kind(i)? {
        TokenKind::NumberSeq => colon(doc, i).map(|c| (c, "time.hh_mm")),
        TokenKind::Number => {
            if governed && let Some(c) = dotted(doc, i) {
                return Some((c, "time.hh_mm"));
            }
            hours(doc, i, governed)
        }
        TokenKind::Word => words(doc, i, governed).or_else(|| hours(doc, i, governed)),
        TokenKind::Punct => None,
    }
}

/// "15:30", "6:45": hours 0–23 (24:00 too), minutes in two digits.
fn colon(doc: &Doc<'_>, i: usize) -> Option<Clock> {
    let mut parts = doc.text(i).split(':');
    let (h, m, sec) = (parts.next()?, parts.next()?, parts.next());
    if m.len() != 2 || h.len() > 2 || parts.next().is_some() || sec.is_some_and(|s| s.len() != 2) {
        return None;
    }
    let (hour, minute) = (parse_digits(h, 2)?, parse_digits(m, 2)?);
    let second = match sec {
        Some(s) => Some(parse_digits(s, 2).filter(|s| *s < 60)?),
        None => None,
    };
    if hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
        return None;
    }
    // "1:50 000" is a scale; «4:44» a title; "со счетом 15:13" a score.
    let group_follows = doc.kind(i + 1) == Some(TokenKind::Number) && doc.text(i + 1).len() == 3;
    if group_follows || quoted(doc, i, i + 1) || score_before(doc, i) {
        return None;
    }
    Some(Clock {
        hour: hour % 24,
        minute,
        second,
        minutes_said: true,
        end: i + 1,
    })
}

/// True if a score word ("счетом", "счет стал") comes shortly before token `i`.
fn score_before(doc: &Doc<'_>, i: usize) -> bool {
    (1..=3).any(|back| {
        i.checked_sub(back).is_some_and(|k| {
            super::timex::word_at(doc, k, |w| {
                matches!(w, TemporalWord::ScoreWord).then_some(())
            })
            .is_some()
        })
    })
}

/// "18.00", "13.20": only when nothing measured follows ("12.45 доллара", "в 1.50 раза").
fn dotted(doc: &Doc<'_>, i: usize) -> Option<Clock> {
    let (h, m) = doc.text(i).split_once('.')?;
    if m.len() != 2 || h.is_empty() || h.len() > 2 {
        return None;
    }
    let (hour, minute) = (parse_digits(h, 2)?, parse_digits(m, 2)?);
    if hour > 23 || minute > 59 {
        return None;
    }
    if measure_word_at(doc, i + 1) || doc.blocked(i + 1, FactType::Time) {
        return None;
    }
    Some(Clock {
        hour,
        minute,
        second: None,
        minutes_said: true,
        end: i + 1,
    })
}

/// "9 часов", "14 часов 15 минут", "9 ч 30 мин" (after a preposition), "7 вечера", "5 утра".
fn hours(doc: &Doc<'_>, i: usize, governed: bool) -> Option<(Clock, &'static str)> {
    let (hour, after) = hour_at(doc, i)?;
    let at = Clock {
        hour: hour % 24,
        minute: 0,
        second: None,
        minutes_said: false,
        end: after,
    };
    // "в 14 часов", "в 9 ч 30 мин".
    if governed
        && !doc.sentence_start(i + 1)
        && let Some(u) = unit_at(doc, i + 1)
            .filter(|u| u.sense.unit == TimeUnit::Hour && u.sense.amount == Decimal::from_int(1))
    {
        let mut clock = Clock { end: u.next, ..at };
        if let Some((m, _)) = digits_at(doc, u.next, 2)
            && m < 60
            && !doc.sentence_start(u.next)
            && let Some(mu) =
                unit_at(doc, u.next + 1).filter(|mu| mu.sense.unit == TimeUnit::Minute)
        {
            clock.minute = m;
            clock.minutes_said = true;
            clock.end = mu.next;
        }
        return Some((clock, "time.hours_words"));
    }
    // "7 вечера", "5 утра": an hour of the clock with a part of the day.
    if hour <= 12 && clock_at(doc, after).is_some_and(|(p, _)| is_day_part(p)) {
        return Some((at, "time.hour_part_of_day"));
    }
    None
}

/// An hour of the clock at `i`, in digits or words ("три часа ночи"): 0–24 and the token
/// after it.
fn hour_at(doc: &Doc<'_>, i: usize) -> Option<(u32, usize)> {
    if let Some((h, _)) = digits_at(doc, i, 2) {
        return (h <= 24).then_some((h, i + 1));
    }
    if doc.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    let a = doc.amount(i)?;
    let h = match a.value {
        NumValue::Exact(d) => d.to_i64()?,
        _ => return None,
    };
    (a.words && (1..=24).contains(&h)).then_some((h as u32, a.end))
}

fn is_day_part(p: ClockWord) -> bool {
    matches!(
        p,
        ClockWord::Morning | ClockWord::Afternoon | ClockWord::Evening | ClockWord::Night
    )
}

/// "в полдень", "около полуночи", "в час ночи", "в половине восьмого", "в четверть
/// девятого", "без четверти девять".
fn words(doc: &Doc<'_>, i: usize, governed: bool) -> Option<(Clock, &'static str)> {
    let clock = |hour: u32, minute: u32, minutes_said: bool, end: usize| Clock {
        hour,
        minute,
        second: None,
        minutes_said,
        end,
    };
    // "в час ночи", "в час дня".
    if governed && doc.is(i, "час") && clock_at(doc, i + 1).is_some_and(|(p, _)| is_day_part(p))
    {
        return Some((clock(1, 0, false, i + 1), "time.hour_part_of_day"));
    }
    let (word, next) = clock_at_start(doc, i)?;
    match word {
        ClockWord::Noon if governed => Some((clock(12, 0, false, next), "time.noon_midnight")),
        ClockWord::Midnight if governed => Some((clock(0, 0, false, next), "time.noon_midnight")),
        ClockWord::HalfPast | ClockWord::QuarterPast if governed => {
            let (n, end) = ordinal_word_at(doc, next)?;
            if !(1..=12).contains(&n) || doc.sentence_start(next) {
                return None;
            }
            let minute = if word == ClockWord::HalfPast { 30 } else { 15 };
            Some((clock(n - 1, minute, true, end), "time.fraction_of_hour"))
        }
        ClockWord::QuarterTo => {
            let a = doc.amount(next)?;
            let n = a
                .value
                .decimal()
                .to_i64()
                .filter(|n| (1..=12).contains(n))?;
            Some((
                clock(n as u32 - 1, 45, true, a.end),
                "time.fraction_of_hour",
            ))
        }
        _ => None,
    }
}

/// A clock word at the start of a time (sentence starts allowed).
fn clock_at_start(doc: &Doc<'_>, i: usize) -> Option<(ClockWord, usize)> {
    super::timex::word_at(doc, i, |w| match w {
        TemporalWord::Clock(c, _) => Some(*c),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    /// The first test of a clock time passes over only tokens where none can be read.
    #[test]
    fn first_test_passes_over_only_tokens_without_a_clock_time() {
        use super::*;
        let text = "В 15:30 и в 13.20 по московскому времени, в 9 часов утра, в 7 вечера, в \
                    полдень, около полуночи, в половине восьмого, в четверть девятого, без \
                    четверти девять, около 2:30 ночи, с 9:00 до 18:00, с 10 до 14 часов, до \
                    23:00, в час ночи, три часа ночи, в 9 ч 30 мин, в 14 часов 15 минут, 5 \
                    утра, в двенадцать часов, утром 17 октября, в ночь на 19 декабря, в 2015 \
                    году, в 25 часов, в 100 тонн, в 24 часа, к 1.50 раза, в 2,5 часа.";
        super::super::with_doc(text, |doc| {
            let (mut passed, mut found) = (0, 0);
            for i in 0..=doc.tokens.len() {
                // What is read ungoverned is read governed too (`single_at` asks governed first).
                if clock_reading(doc, i, false).is_some() {
                    assert!(
                        clock_reading(doc, i, true).is_some(),
                        "{i} {:?}",
                        doc.text(i)
                    );
                }
                for governed in [false, true] {
                    let clock = clock_reading(doc, i, governed);
                    found += usize::from(clock.is_some());
                    if !may_start_clock(doc, i) || !may_be_hour_in_digits(doc, i) {
                        passed += 1;
                        assert_eq!(clock, None, "{i} {:?}", doc.text(i));
                    }
                }
            }
            assert!(passed > 40 && found > 20, "{passed} {found}");
        });
    }
}
