//! The words of time expressions, as lexicon meanings: months, weekdays, seasons, time units,
//! relative words ("вчера", "прошлом", "назад"), clock words ("утра", "полдень"), time
//! zones, the prepositions that govern dates and durations, the parts of a
//! period ("начале", "конце") and the words that make "N лет" an age. Every list is a TSV
//! file under `lexicons/`; the row readers here check each field and say what is wrong.

use super::tsv::Row;
use super::{LexiconBuilder, Meaning, parse_decimal};
use crate::calendar::TimeUnit;
use crate::decimal::Decimal;

pub use super::case;

/// A season.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// March–May.
    Spring,
    /// June–August.
    Summer,
    /// September–November.
    Autumn,
    /// December–February (the winter of 2023 begins in December 2023).
    Winter,
}

impl Season {
    /// The name used in values (`2023-spring`) and lexicons.
    pub fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }
}

/// A word that places a clock time in the day, or is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockWord {
    /// утра, утром.
    Morning,
    /// дня, днем.
    Afternoon,
    /// вечера, вечером.
    Evening,
    /// ночи, ночью.
    Night,
    /// полдень, полудня: 12:00.
    Noon,
    /// полночь, полуночи: 00:00.
    Midnight,
    /// "в половине восьмого": 7:30.
    HalfPast,
    /// "в четверть девятого": 8:15.
    QuarterPast,
    /// "без четверти девять": 8:45.
    QuarterTo,
}

/// A relative word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// A day counted from today: вчера (-1), сегодня (0), послезавтра (2).
    Day(i8),
    /// A shift of the unit it qualifies: "прошлом году" (-1), "этой неделе" (0),
    /// "следующем месяце" (1).
    Shift(i8),
    /// After an amount of time: "три дня назад".
    Ago,
    /// Before an amount of time: "через три дня".
    Later,
    /// A demonstrative pointing back to a time the text told: "в том же году", "в тот день".
    Same,
    /// After an amount of time before a time the text told: "двумя неделями ранее".
    Earlier,
    /// After an amount of time after a time the text told: "годом позже", "два года спустя".
    Afterwards,
    /// Before an amount of time after a time the text told: "спустя два года".
    After,
    /// Before a plural unit: a vague period near the reference ("в последние годы",
    /// "в ближайшие месяцы", "долгие годы").
    Recent,
    /// A day near the reference, not said which ("на днях").
    Vague,
    /// A holiday: its month and day ("Новый год" 1, 1), or 0, 0 when it moves or the
    /// churches differ ("Рождество").
    Holiday(u8, u8),
}

/// What a preposition does before a date, a time or a duration, as bits.
pub mod prep {
    /// Governs a date that keeps its value ("в ноябре", "на 2026 год", "за 2024 год").
    pub const DATE: u8 = 1;
    /// Governs a clock time ("в 15:30", "к 15:00").
    pub const TIME: u8 = 2;
    /// Governs a duration ("в течение двух лет", "на пять лет").
    pub const DURATION: u8 = 4;
    /// Opens an interval: "с 2015 года" (only `from`).
    pub const FROM: u8 = 8;
    /// Closes an interval: "до 2030 года" (only `to`).
    pub const TO: u8 = 16;
    /// Joins the ends of an interval after a `FROM`: "с 1 по 10 марта".
    pub const THROUGH: u8 = 32;
    /// "между 2010 и 2015 годами".
    pub const BETWEEN: u8 = 64;
}

/// A part of a period: "в начале 2024 года", "в первой половине года".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodPart {
    /// начало.
    Start,
    /// середина.
    Middle,
    /// конец.
    End,
    /// половина (with an ordinal: "первой половине").
    Half,
}

/// What a time unit word says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitSense {
    /// The unit.
    pub unit: TimeUnit,
    /// How many of the unit the word itself says (1, or 0.5 for "полгода").
    pub amount: Decimal,
    /// Only after a count, never after a year of a date ("лет").
    pub count_only: bool,
    /// Alone after a preposition or qualifier, means one unit ("в течение года").
    pub one: bool,
    /// May stand alone as a duration even without one ("неделю", "полгода").
    pub bare: bool,
    /// Only after the year or century of a date ("г.", "вв."), never in a duration.
    pub date_only: bool,
}

/// What a word of a time expression means.
#[derive(Clone, Debug, PartialEq)]
pub enum TemporalWord {
    /// A month name, 1–12, and the cases this form stands for.
    Month {
        /// 1–12.
        month: u8,
        /// [`case`] bits.
        cases: u8,
    },
    /// A weekday, 1 (Monday) – 7 (Sunday), and the cases of this form.
    Weekday {
        /// 1–7.
        day: u8,
        /// [`case`] bits.
        cases: u8,
    },
    /// A season and the cases of this form.
    Season {
        /// Which.
        season: Season,
        /// [`case`] bits.
        cases: u8,
    },
    /// A unit of time: "года" (1 year), "полгода" (0.5 year).
    /// A time unit ("год", "полгода", "г.").
    Unit(UnitSense),
    /// A relative word.
    Relative(Relative),
    /// A clock word, and whether the form alone is a time ("утром" is, "утра" is not).
    Clock(ClockWord, bool),
    /// A time zone phrase and its IANA name (`None` for "по местному времени").
    Zone(Option<Box<str>>),
    /// A preposition and its [`prep`] bits.
    Prep(u8),
    /// A part of a period.
    Part(PeriodPart),
    /// A word before "N лет" that makes it an age, not a duration ("исполнилось").
    AgeCue,
    /// A word before "2:1" that makes it a score, not a clock time ("счетом").
    ScoreWord,
}

/// Whether a lexicon form may start a time expression, judged once per form when the
/// lexicon is built (the time rules ask for every token).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeStart {
    /// No meaning of the form starts one.
    No,
    /// Only before a stronger word: every meaning that starts one is a preposition ("в")
    /// or a word that only qualifies a unit ("прошлом", "этом", "том").
    Weak,
    /// The form starts one on its own: a word of time, a number word, an ordinal word.
    Strong,
}

impl TemporalWord {
    /// This word's `TemporalWord::KINDS` bit.
    pub fn kind(&self) -> u16 {
        1 << match self {
            TemporalWord::Month { .. } => 0,
            TemporalWord::Weekday { .. } => 1,
            TemporalWord::Season { .. } => 2,
            TemporalWord::Unit(_) => 3,
            TemporalWord::Relative(_) => 4,
            TemporalWord::Clock(..) => 5,
            TemporalWord::Zone(_) => 6,
            TemporalWord::Prep(_) => 7,
            TemporalWord::Part(_) => 8,
            TemporalWord::AgeCue => 9,
            TemporalWord::ScoreWord => 10,
        }
    }
}

/// The [`TemporalWord::kind`] bits, one per variant, so that a set of them is a mask.
pub mod word_kind {
    /// [`super::TemporalWord::Month`].
    pub const MONTH: u16 = 1 << 0;
    /// [`super::TemporalWord::Weekday`].
    pub const WEEKDAY: u16 = 1 << 1;
    /// [`super::TemporalWord::Season`].
    pub const SEASON: u16 = 1 << 2;
    /// [`super::TemporalWord::Unit`].
    pub const UNIT: u16 = 1 << 3;
    /// [`super::TemporalWord::Relative`].
    pub const RELATIVE: u16 = 1 << 4;
    /// [`super::TemporalWord::Clock`].
    pub const CLOCK: u16 = 1 << 5;
    /// [`super::TemporalWord::Prep`].
    pub const PREP: u16 = 1 << 7;
    /// [`super::TemporalWord::Part`].
    pub const PART: u16 = 1 << 8;
}

impl TimeStart {
    /// The class of a form with these meanings.
    pub fn of(meanings: &[Meaning]) -> TimeStart {
        let mut starting = meanings.iter().filter(|m| starts_expressions(m)).peekable();
        if starting.peek().is_none() {
            TimeStart::No
        } else if starting.all(|m| {
            matches!(
                m,
                Meaning::Temporal(
                    TemporalWord::Prep(_)
                        | TemporalWord::Relative(Relative::Shift(_) | Relative::Same)
                )
            )
        }) {
            TimeStart::Weak
        } else {
            TimeStart::Strong
        }
    }
}

/// True if a time expression may start with `m`: a word of time, a number word, an ordinal
/// word. Cue words that only tell about the words around them (an age cue "было", a score
/// word, a time zone) start nothing.
pub fn starts_expressions(m: &Meaning) -> bool {
    match m {
        Meaning::Temporal(
            TemporalWord::AgeCue | TemporalWord::ScoreWord | TemporalWord::Zone(_),
        ) => false,
        Meaning::Temporal(_) | Meaning::NumberWord { .. } | Meaning::OrdinalWord(_) => true,
        _ => false,
    }
}

fn add(b: &mut LexiconBuilder, row: &Row<'_>, word: TemporalWord) -> Result<(), String> {
    b.add(row.field(0, "form")?, Meaning::Temporal(word));
    Ok(())
}

/// Parses a comma-separated list of case names into [`case`] bits.
fn cases(field: &str) -> Result<u8, String> {
    field.split(',').try_fold(0, |bits, name| {
        case::from_name(name.trim())
            .map(|bit| bits | bit)
            .ok_or_else(|| {
                format!(
                    "case {:?} is not nom, gen, dat, acc, ins or prep",
                    name.trim()
                )
            })
    })
}

fn number_in(field: &str, what: &str, range: std::ops::RangeInclusive<u32>) -> Result<u32, String> {
    field
        .parse::<u32>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| format!("{what} {field:?} is not a number in {range:?}"))
}

/// The `cases` of a month adjective ("майских", "декабрьском"): no case of the noun.
pub const MONTH_ADJECTIVE: u8 = 64;

/// `form month cases` (cases `adj`: an adjective of the month)
pub(super) fn load_month(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let month = number_in(row.field(1, "month")?, "month", 1..=12)? as u8;
    let cases = match row.field(2, "cases")? {
        "adj" => MONTH_ADJECTIVE,
        field => cases(field)?,
    };
    add(b, row, TemporalWord::Month { month, cases })
}

/// `form weekday cases` (weekday 1 = Monday ... 7 = Sunday)
pub(super) fn load_weekday(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let day = number_in(row.field(1, "weekday")?, "weekday", 1..=7)? as u8;
    let cases = cases(row.field(2, "cases")?)?;
    add(b, row, TemporalWord::Weekday { day, cases })
}

/// `form season cases`
pub(super) fn load_season(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let season = match row.field(1, "season")? {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" => Season::Autumn,
        "winter" => Season::Winter,
        other => {
            return Err(format!(
                "season {other:?} is not spring, summer, autumn or winter"
            ));
        }
    };
    let cases = cases(row.field(2, "cases")?)?;
    add(b, row, TemporalWord::Season { season, cases })
}

/// `form unit [amount] [flags]` (flags: `count`, `one`, `bare`, `date`, comma-separated)
pub(super) fn load_unit(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let name = row.field(1, "unit")?;
    let unit = TimeUnit::from_name(name).ok_or_else(|| format!("unknown time unit {name:?}"))?;
    let amount = match row.optional(2) {
        Some(a) => parse_decimal(a, "amount")?,
        None => Decimal::from_int(1),
    };
    let (mut count_only, mut one, mut bare, mut date_only) = (false, false, false, false);
    for flag in row
        .optional(3)
        .unwrap_or("")
        .split(',')
        .filter(|f| !f.is_empty())
    {
        match flag.trim() {
            "count" => count_only = true,
            "one" => one = true,
            "bare" => bare = true,
            "date" => date_only = true,
            other => return Err(format!("flag {other:?} is not count, one, bare or date")),
        }
    }
    add(
        b,
        row,
        TemporalWord::Unit(UnitSense {
            unit,
            amount,
            count_only,
            one,
            bare,
            date_only,
        }),
    )
}

/// `form kind [offset]` (kind `day` or `shift` with an offset, `ago`, `later`, `same`,
/// `earlier`, `afterwards`, `after`, `recent`, `vague`)
pub(super) fn load_relative(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let offset = || -> Result<i8, String> {
        let f = row.field(2, "offset")?;
        f.parse::<i8>()
            .ok()
            .filter(|o| (-9..=9).contains(o))
            .ok_or_else(|| format!("offset {f:?} is not a small whole number"))
    };
    let word = match row.field(1, "kind")? {
        "day" => Relative::Day(offset()?),
        "shift" => Relative::Shift(offset()?),
        "ago" => Relative::Ago,
        "later" => Relative::Later,
        "same" => Relative::Same,
        "earlier" => Relative::Earlier,
        "afterwards" => Relative::Afterwards,
        "after" => Relative::After,
        "recent" => Relative::Recent,
        "vague" => Relative::Vague,
        "holiday" => {
            let f = row.field(2, "offset")?;
            let bad = || format!("holiday date {f:?} is not MM-DD or -");
            match f {
                "-" => Relative::Holiday(0, 0),
                _ => {
                    let (m, d) = f.split_once('-').ok_or_else(bad)?;
                    let m = m.parse::<u8>().ok().filter(|m| (1..=12).contains(m));
                    let d = d.parse::<u8>().ok().filter(|d| (1..=31).contains(d));
                    Relative::Holiday(m.ok_or_else(bad)?, d.ok_or_else(bad)?)
                }
            }
        }
        other => {
            return Err(format!(
                "kind {other:?} is not day, shift, ago, later, same, earlier, afterwards, after, \
                 recent, vague or holiday"
            ));
        }
    };
    add(b, row, TemporalWord::Relative(word))
}

/// `form kind [alone]`
pub(super) fn load_clock(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let word = match row.field(1, "kind")? {
        "morning" => ClockWord::Morning,
        "afternoon" => ClockWord::Afternoon,
        "evening" => ClockWord::Evening,
        "night" => ClockWord::Night,
        "noon" => ClockWord::Noon,
        "midnight" => ClockWord::Midnight,
        "half_past" => ClockWord::HalfPast,
        "quarter_past" => ClockWord::QuarterPast,
        "quarter_to" => ClockWord::QuarterTo,
        other => return Err(format!("unknown clock word kind {other:?}")),
    };
    let alone = match row.optional(2) {
        None => false,
        Some("alone") => true,
        Some(other) => return Err(format!("{other:?} is not \"alone\" or empty")),
    };
    add(b, row, TemporalWord::Clock(word, alone))
}

/// `form tz` (`-` when the phrase names no zone, as "по местному времени")
pub(super) fn load_zone(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let tz = row.field(1, "tz")?;
    let zone = if tz == "-" {
        None
    } else if tz
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'))
    {
        Some(tz.into())
    } else {
        return Err(format!("time zone {tz:?} is not an IANA name"));
    };
    add(b, row, TemporalWord::Zone(zone))
}

/// `form roles` (comma-separated: date, time, duration, from, to, through, between)
pub(super) fn load_prep(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let mut bits = 0;
    for role in row.field(1, "roles")?.split(',') {
        bits |= match role.trim() {
            "date" => prep::DATE,
            "time" => prep::TIME,
            "duration" => prep::DURATION,
            "from" => prep::FROM,
            "to" => prep::TO,
            "through" => prep::THROUGH,
            "between" => prep::BETWEEN,
            other => return Err(format!("unknown preposition role {other:?}")),
        };
    }
    add(b, row, TemporalWord::Prep(bits))
}

/// `form part` (start, middle, end, half)
pub(super) fn load_part(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let part = match row.field(1, "part")? {
        "start" => PeriodPart::Start,
        "middle" => PeriodPart::Middle,
        "end" => PeriodPart::End,
        "half" => PeriodPart::Half,
        other => return Err(format!("part {other:?} is not start, middle, end or half")),
    };
    add(b, row, TemporalWord::Part(part))
}

/// `form`
pub(super) fn load_score_word(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    add(b, row, TemporalWord::ScoreWord)
}

/// `form`
pub(super) fn load_age_cue(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    add(b, row, TemporalWord::AgeCue)
}

#[cfg(test)]
mod tests {

    #[test]
    fn word_kinds_are_the_bits_of_their_words() {
        use super::{PeriodPart, Relative, TemporalWord, word_kind};
        let unit = TemporalWord::Unit(super::UnitSense {
            unit: crate::calendar::TimeUnit::Year,
            amount: crate::decimal::Decimal::from_int(1),
            one: true,
            bare: false,
            count_only: false,
            date_only: false,
        });
        for (w, k) in [
            (TemporalWord::Month { month: 1, cases: 0 }, word_kind::MONTH),
            (
                TemporalWord::Weekday { day: 1, cases: 0 },
                word_kind::WEEKDAY,
            ),
            (
                TemporalWord::Season {
                    season: super::Season::Winter,
                    cases: 0,
                },
                word_kind::SEASON,
            ),
            (unit, word_kind::UNIT),
            (TemporalWord::Relative(Relative::Ago), word_kind::RELATIVE),
            (
                TemporalWord::Clock(super::ClockWord::Noon, false),
                word_kind::CLOCK,
            ),
            (TemporalWord::Prep(1), word_kind::PREP),
            (TemporalWord::Part(PeriodPart::Half), word_kind::PART),
        ] {
            assert_eq!(w.kind(), k, "{w:?}");
        }
    }
    use super::{Relative, TemporalWord, TimeStart};
    use crate::decimal::Decimal;
    use crate::lexicon::Meaning;

    #[test]
    fn time_start_classes() {
        let prep = Meaning::Temporal(TemporalWord::Prep(1));
        let last = Meaning::Temporal(TemporalWord::Relative(Relative::Shift(-1)));
        let yesterday = Meaning::Temporal(TemporalWord::Relative(Relative::Day(-1)));
        let age_cue = Meaning::Temporal(TemporalWord::AgeCue);
        let ordinal = Meaning::OrdinalWord(Decimal::from_int(3));
        let multiplier = Meaning::Multiplier(Decimal::from_int(1000));
        let table: &[(&[Meaning], TimeStart)] = &[
            (&[], TimeStart::No),
            (std::slice::from_ref(&multiplier), TimeStart::No),
            (&[age_cue.clone(), multiplier.clone()], TimeStart::No),
            (std::slice::from_ref(&prep), TimeStart::Weak),
            (
                &[prep.clone(), last.clone(), age_cue.clone()],
                TimeStart::Weak,
            ),
            (&[prep.clone(), yesterday.clone()], TimeStart::Strong),
            (&[multiplier.clone(), ordinal], TimeStart::Strong),
            (&[last, yesterday], TimeStart::Strong),
        ];
        for (meanings, want) in table {
            assert_eq!(TimeStart::of(meanings), *want, "{meanings:?}");
        }
    }
}
