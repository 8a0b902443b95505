//! What a date expression means, and how it becomes a [`TimeValue`]: calendar points at a
//! grain (a day, a month, a quarter, a decade...), shifts from the reference date ("вчера",
//! "в прошлом году", "три дня назад"), weekdays, and intervals between points.
//!
//! A point may lack its year ("24 ноября"): with a reference date the year is the one that
//! puts the point nearest to it (within eight months or so), else the value is written
//! without a year (`--11-24`). A relative expression keeps its offset in `relative` and has
//! a `value` only when there is a reference date.

use crate::Reference;
use crate::calendar::Date;
use crate::fact::TimeValue;
use crate::lexicon::temporal::Season;

/// The year of a point, as said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSpec {
    /// A year in digits.
    Abs(i32),
    /// A year relative to the reference's: "прошлого года" (-1), "этого года" (0).
    Rel(i8),
}

/// A calendar point at a grain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Point {
    /// A day.
    Day {
        /// The year, if said.
        year: Option<YearSpec>,
        /// 1–12.
        month: u32,
        /// 1–31.
        day: u32,
    },
    /// A month.
    Month {
        /// The year, if said.
        year: Option<YearSpec>,
        /// 1–12.
        month: u32,
    },
    /// A year.
    Year(YearSpec),
    /// A quarter, 1–4.
    Quarter {
        /// The year, if said.
        year: Option<YearSpec>,
        /// 1–4.
        n: u32,
    },
    /// A half year, 1–2.
    Half {
        /// The year, if said.
        year: Option<YearSpec>,
        /// 1–2.
        n: u32,
    },
    /// A season.
    Season {
        /// The year, if said (a winter belongs to the year it begins in).
        year: Option<YearSpec>,
        /// Which season.
        season: Season,
    },
    /// An ISO week.
    Week {
        /// The ISO week-numbering year.
        year: i32,
        /// 1–53.
        week: u32,
    },
    /// A decade, by its first year (1990).
    Decade(i32),
    /// A century, by its number (21).
    Century(i32),
}

/// The grain of a shifted date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    /// A day.
    Day,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A half year.
    Half,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// A date expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateExpr {
    /// A calendar point.
    Point(Point),
    /// The reference date moved by `months` and `days`, told at `grain`.
    Shift {
        /// Months to add (years count 12).
        months: i64,
        /// Days to add (weeks count 7).
        days: i64,
        /// The grain of the result.
        grain: Grain,
        /// The offset as ISO 8601 (`-P1D`, `P0Y`, `-P3M`).
        relative: String,
    },
    /// A date the text tells by its grain only: counted from a time it told ("в том же
    /// году", "годом позже") or vague ("несколько дней назад").
    Untold {
        /// The grain.
        grain: Grain,
    },
    /// A weekday near the reference: on or before it (past) or on or after it.
    Weekday {
        /// 1 (Monday) – 7 (Sunday).
        day: u32,
        /// After the reference rather than before.
        future: bool,
    },
}

/// What a preposition makes of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The date itself.
    Value,
    /// An interval that begins there ("с 2015 года").
    From,
    /// An interval that ends there ("до 2030 года").
    To,
}

impl Point {
    /// The grain name.
    pub fn grain(self) -> &'static str {
        match self {
            Point::Day { .. } => "day",
            Point::Month { .. } => "month",
            Point::Year(_) => "year",
            Point::Quarter { .. } => "quarter",
            Point::Half { .. } => "half",
            Point::Season { .. } => "season",
            Point::Week { .. } => "week",
            Point::Decade(_) => "decade",
            Point::Century(_) => "century",
        }
    }

    /// How fine the grain is: bigger is finer.
    fn fineness(self) -> u8 {
        match self {
            Point::Century(_) => 0,
            Point::Decade(_) => 1,
            Point::Year(_) => 2,
            Point::Half { .. } => 3,
            Point::Quarter { .. } | Point::Season { .. } => 4,
            Point::Month { .. } => 5,
            Point::Week { .. } => 6,
            Point::Day { .. } => 7,
        }
    }

    /// The year as said, for points that may have one.
    pub fn year(self) -> Option<YearSpec> {
        match self {
            Point::Day { year, .. }
            | Point::Month { year, .. }
            | Point::Quarter { year, .. }
            | Point::Half { year, .. }
            | Point::Season { year, .. } => year,
            Point::Year(y) => Some(y),
            Point::Week { year, .. } => Some(YearSpec::Abs(year)),
            Point::Decade(_) | Point::Century(_) => None,
        }
    }

    /// The point with its year set.
    pub fn with_year(self, y: YearSpec) -> Point {
        match self {
            Point::Day { month, day, .. } => Point::Day {
                year: Some(y),
                month,
                day,
            },
            Point::Month { month, .. } => Point::Month {
                year: Some(y),
                month,
            },
            Point::Quarter { n, .. } => Point::Quarter { year: Some(y), n },
            Point::Half { n, .. } => Point::Half { year: Some(y), n },
            Point::Season { season, .. } => Point::Season {
                year: Some(y),
                season,
            },
            other => other,
        }
    }

    /// True if the point can exist (29 February only in leap years; years 1–9999).
    pub fn valid(self) -> bool {
        let year_ok = |y: Option<YearSpec>| match y {
            Some(YearSpec::Abs(y)) => crate::calendar::YEARS.contains(&y),
            _ => true,
        };
        match self {
            Point::Day { year, month, day } => {
                let leap_year = match year {
                    Some(YearSpec::Abs(y)) => y,
                    _ => 2000,
                };
                year_ok(year)
                    && (1..=12).contains(&month)
                    && day >= 1
                    && day <= crate::calendar::days_in_month(leap_year, month)
            }
            Point::Month { year, month } => year_ok(year) && (1..=12).contains(&month),
            Point::Year(y) => year_ok(Some(y)),
            Point::Quarter { year, n } => year_ok(year) && (1..=4).contains(&n),
            Point::Half { year, n } => year_ok(year) && (1..=2).contains(&n),
            Point::Season { year, .. } => year_ok(year),
            Point::Week { year, week } => {
                crate::calendar::YEARS.contains(&year) && (1..=53).contains(&week)
            }
            Point::Decade(y) => (0..=9990).contains(&y) && y % 10 == 0,
            Point::Century(n) => (1..=100).contains(&n),
        }
    }

    /// The first (`last`: the last) ISO value of the point at its grain: the same but for
    /// decades and centuries, which are told as their first and last year; `None` when a
    /// year is needed and missing, or relative.
    fn bound(self, last: bool) -> Option<String> {
        let abs = |y: Option<YearSpec>| match y {
            Some(YearSpec::Abs(y)) => Some(Some(y)),
            None => Some(None),
            Some(YearSpec::Rel(_)) => None,
        };
        // Written digit by digit: a value is made for every date candidate, and the general
        // formatter showed in profiles.
        let mut s = String::with_capacity(10);
        match self {
            Point::Day { year, month, day } => {
                match abs(year)? {
                    Some(y) => push_padded(&mut s, y.into(), 4),
                    None => s.push('-'),
                }
                s.push('-');
                push_padded(&mut s, month.into(), 2);
                s.push('-');
                push_padded(&mut s, day.into(), 2);
            }
            Point::Month { year, month } => {
                match abs(year)? {
                    Some(y) => push_padded(&mut s, y.into(), 4),
                    None => s.push('-'),
                }
                s.push('-');
                push_padded(&mut s, month.into(), 2);
            }
            Point::Year(YearSpec::Abs(y)) => push_padded(&mut s, y.into(), 4),
            Point::Year(YearSpec::Rel(_)) => return None,
            Point::Quarter { year, n } => {
                push_padded(&mut s, abs(year)??.into(), 4);
                s.push_str("-Q");
                push_padded(&mut s, n.into(), 0);
            }
            Point::Half { year, n } => {
                push_padded(&mut s, abs(year)??.into(), 4);
                s.push_str("-H");
                push_padded(&mut s, n.into(), 0);
            }
            Point::Season { year, season } => {
                push_padded(&mut s, abs(year)??.into(), 4);
                s.push('-');
                s.push_str(season.name());
            }
            Point::Week { year, week } => {
                push_padded(&mut s, year.into(), 4);
                s.push_str("-W");
                push_padded(&mut s, week.into(), 2);
            }
            Point::Decade(y) => push_padded(&mut s, i64::from(y) + if last { 9 } else { 0 }, 4),
            Point::Century(n) => {
                let y = if last {
                    i64::from(n) * 100
                } else {
                    (i64::from(n) - 1) * 100 + 1
                };
                push_padded(&mut s, y, 4);
            }
        }
        Some(s)
    }

    /// The point with a relative or missing year settled against `r`, and the relative
    /// offset when the year was relative.
    fn settle(self, r: Option<&Reference>) -> (Point, Option<String>) {
        match self.year() {
            Some(YearSpec::Rel(k)) => {
                let relative = Some(signed_iso(i64::from(k), 'Y'));
                match r {
                    Some(r) => (
                        self.with_year(YearSpec::Abs(r.year + i32::from(k))),
                        relative,
                    ),
                    None => (self, relative),
                }
            }
            None => match r {
                Some(r) => (self.with_year(YearSpec::Abs(nearest_year(self, r))), None),
                None => (self, None),
            },
            Some(YearSpec::Abs(_)) => (self, None),
        }
    }
}

/// The year that puts a yearless point nearest the reference: the reference's own year,
/// unless the point then lies more than eight months (270 days) away and the next or
/// previous year is nearer ("31 декабря" said on 5 January is last year's). A winter said
/// in January or February is the one that began the year before.
fn nearest_year(p: Point, r: &Reference) -> i32 {
    let distance = |y: i32| -> Option<i64> {
        match p {
            Point::Day { month, day, .. } => {
                let d = Date::new(y, month, day)?;
                let rd = Date::new(r.year, r.month, r.day)?;
                Some((d.days() - rd.days()).abs() * 8 / 270)
            }
            Point::Month { month, .. } => Some(
                (i64::from(y) * 12 + i64::from(month)
                    - i64::from(r.year) * 12
                    - i64::from(r.month))
                .abs(),
            ),
            _ => None,
        }
    };
    if matches!(
        p,
        Point::Season {
            season: Season::Winter,
            ..
        }
    ) && r.month <= 2
    {
        return r.year - 1;
    }
    let Some(here) = distance(r.year) else {
        return r.year;
    };
    if here <= 8 {
        return r.year;
    }
    let mut best = (here, r.year);
    for y in [r.year - 1, r.year + 1] {
        if let Some(d) = distance(y)
            && d < best.0
        {
            best = (d, y);
        }
    }
    best.1
}

/// Appends `n` in decimal, zero-padded to `width` characters: what `{n:0width$}` writes.
fn push_padded(s: &mut String, n: i64, width: usize) {
    if n < 0 {
        // Never in a valid point; the general formatter keeps the sign before the zeros.
        use std::fmt::Write;
        let _ = write!(s, "{n:0width$}");
        return;
    }
    push_digits(s, n.unsigned_abs(), width);
}

/// Appends `v` in decimal, zero-padded to `width` digits.
fn push_digits(s: &mut String, mut v: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for _ in digits.len() - k..width {
        s.push('0');
    }
    s.extend(digits[k..].iter().map(|&d| char::from(d)));
}

/// `-P3D`, `P0Y`, `P12M`: a signed offset of `n` units written with `letter`.
pub fn signed_iso(n: i64, letter: char) -> String {
    let mut s = String::with_capacity(8);
    s.push_str(if n < 0 { "-P" } else { "P" });
    push_digits(&mut s, n.unsigned_abs(), 0);
    s.push(letter);
    s
}

impl Grain {
    /// The point of this grain that contains `d`.
    fn point(self, d: Date) -> Point {
        let year = Some(YearSpec::Abs(d.year));
        match self {
            Grain::Day => Point::Day {
                year,
                month: d.month,
                day: d.day,
            },
            Grain::Week => {
                let (year, week) = d.iso_week();
                Point::Week { year, week }
            }
            Grain::Month => Point::Month {
                year,
                month: d.month,
            },
            Grain::Quarter => Point::Quarter {
                year,
                n: (d.month - 1) / 3 + 1,
            },
            Grain::Half => Point::Half {
                year,
                n: (d.month - 1) / 6 + 1,
            },
            Grain::Year => Point::Year(YearSpec::Abs(d.year)),
            Grain::Decade => Point::Decade(d.year - d.year.rem_euclid(10)),
            Grain::Century => Point::Century((d.year - 1) / 100 + 1),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Half => "half",
            Grain::Year => "year",
            Grain::Decade => "decade",
            Grain::Century => "century",
        }
    }
}

/// The weekday `day` nearest the reference, before it or after.
fn weekday_date(r: &Reference, day: u32, future: bool) -> Option<Date> {
    Date::new(r.year, r.month, r.day)?.nearest_weekday(day, future)
}

/// A settled expression: the point (when it can be told) and its relative offset.
fn settle(expr: DateExpr, r: Option<&Reference>) -> (Option<Point>, &'static str, Option<String>) {
    match expr {
        DateExpr::Point(p) => {
            let (p, relative) = p.settle(r);
            (Some(p), p.grain(), relative)
        }
        DateExpr::Shift {
            months,
            days,
            grain,
            relative,
        } => {
            let point = r.and_then(|r| {
                let d = Date::new(r.year, r.month, r.day)?
                    .add_months(months)?
                    .add_days(days)?;
                Some(grain.point(d))
            });
            (point, grain.name(), Some(relative))
        }
        DateExpr::Untold { grain } => (None, grain.name(), None),
        DateExpr::Weekday { day, future } => {
            let point = r
                .and_then(|r| weekday_date(r, day, future))
                .map(|d| Grain::Day.point(d));
            (point, "day", None)
        }
    }
}

/// The value of a date expression with a role (its offset moves into the value).
pub fn value(expr: DateExpr, role: Role, r: Option<&Reference>) -> TimeValue {
    let (point, grain, relative) = settle(expr, r);
    let mut v = TimeValue {
        grain,
        relative,
        ..TimeValue::default()
    };
    let Some(point) = point else {
        return v;
    };
    let interval = matches!(point, Point::Decade(_) | Point::Century(_));
    match role {
        Role::Value if interval => {
            v.from = point.bound(false);
            v.to = point.bound(true);
        }
        Role::Value => v.value = point.bound(false),
        Role::From => v.from = point.bound(false),
        Role::To => v.to = point.bound(true),
    }
    v
}

/// The value of an interval between two points; `None` if it runs backwards.
pub fn interval(a: Point, b: Point, r: Option<&Reference>) -> Option<TimeValue> {
    // A yearless start takes the end's year, the year before if it would come after the end
    // ("с 28 декабря по 5 января").
    let (b, relative) = b.settle(r);
    let a = match (a.year(), b.year()) {
        (None, Some(y)) if !matches!(a, Point::Year(_)) => {
            let with = a.with_year(y);
            match (with, y) {
                (_, YearSpec::Abs(year)) if key(with) > key(b) => {
                    a.with_year(YearSpec::Abs(year - 1))
                }
                _ => with,
            }
        }
        (Some(YearSpec::Rel(_)), _) | (None, None) => a.settle(r).0,
        _ => a,
    };
    if !a.valid() || !b.valid() {
        return None;
    }
    let from = a.bound(false)?;
    let to = b.bound(true)?;
    // Same kind of value with years: compare as strings, both are zero-padded ISO.
    let dated = |p: Point| {
        matches!(p.year(), Some(YearSpec::Abs(_)))
            || matches!(p, Point::Decade(_) | Point::Century(_))
    };
    if dated(a) && dated(b) && from.len() == to.len() && from > to {
        return None;
    }
    let grain = if a.fineness() >= b.fineness() {
        a.grain()
    } else {
        b.grain()
    };
    Some(TimeValue {
        from: Some(from),
        to: Some(to),
        grain,
        relative,
        ..TimeValue::default()
    })
}

/// A sort key within a year: (month, day).
fn key(p: Point) -> (u32, u32) {
    match p {
        Point::Day { month, day, .. } => (month, day),
        Point::Month { month, .. } => (month, 0),
        Point::Quarter { n, .. } => ((n - 1) * 3 + 1, 0),
        Point::Half { n, .. } => ((n - 1) * 6 + 1, 0),
        _ => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Reference {
        Reference::parse(s).unwrap()
    }

    fn day(month: u32, day: u32) -> Point {
        Point::Day {
            year: None,
            month,
            day,
        }
    }

    #[test]
    fn yearless_points_take_the_nearest_year() {
        let table = [
            (day(11, 24), "2025-11-26", "2025-11-24"),
            (day(12, 31), "2025-01-05", "2024-12-31"),
            (day(1, 1), "2025-12-29", "2026-01-01"),
            (day(2, 29), "2024-03-01", "2024-02-29"),
            (
                Point::Month {
                    year: None,
                    month: 3,
                },
                "2025-11-24",
                "2025-03",
            ),
        ];
        for (p, reference, want) in table {
            let v = value(DateExpr::Point(p), Role::Value, Some(&r(reference)));
            assert_eq!(v.value.as_deref(), Some(want), "{p:?} at {reference}");
        }
        let v = value(DateExpr::Point(day(11, 24)), Role::Value, None);
        assert_eq!(v.value.as_deref(), Some("--11-24"));
    }

    #[test]
    fn shifts_resolve_at_their_grain() {
        let shift = |months, days, grain, rel: &str| DateExpr::Shift {
            months,
            days,
            grain,
            relative: rel.into(),
        };
        let table = [
            (shift(0, -1, Grain::Day, "-P1D"), "2024-03-01", "2024-02-29"),
            (shift(0, 7, Grain::Week, "P1W"), "2025-12-29", "2026-W02"),
            (shift(0, -7, Grain::Week, "-P1W"), "2021-01-06", "2020-W53"),
            (
                shift(-3, 0, Grain::Quarter, "-P3M"),
                "2025-11-24",
                "2025-Q3",
            ),
            (shift(-6, 0, Grain::Month, "-P6M"), "2025-11-24", "2025-05"),
            (shift(-12, 0, Grain::Year, "-P1Y"), "2024-02-29", "2023"),
        ];
        for (expr, reference, want) in table {
            let v = value(expr.clone(), Role::Value, Some(&r(reference)));
            assert_eq!(v.value.as_deref(), Some(want), "{expr:?} at {reference}");
        }
        let v = value(shift(0, -1, Grain::Day, "-P1D"), Role::Value, None);
        assert_eq!((v.value, v.relative.as_deref()), (None, Some("-P1D")));
    }

    /// The digit writer agrees with the general formatter.
    #[test]
    fn padded_numbers_as_the_formatter_writes_them() {
        for n in [
            0i64, 1, 7, 9, 10, 99, 100, 999, 1000, 2025, 9999, 12345, -1, -5, -2025,
        ] {
            for width in [0, 2, 4] {
                let mut s = String::from("x");
                push_padded(&mut s, n, width);
                assert_eq!(s, format!("x{n:0width$}"), "{n} {width}");
            }
        }
        for (n, letter, want) in [(-1, 'D', "-P1D"), (0, 'Y', "P0Y"), (12, 'M', "P12M")] {
            assert_eq!(signed_iso(n, letter), want);
        }
        assert_eq!(
            signed_iso(i64::MIN, 'D'),
            format!("-P{}D", i64::MIN.unsigned_abs())
        );
    }

    #[test]
    fn intervals() {
        let v = interval(
            day(12, 28),
            Point::Day {
                year: Some(YearSpec::Abs(2025)),
                month: 1,
                day: 5,
            },
            None,
        )
        .unwrap();
        assert_eq!(
            (v.from.as_deref(), v.to.as_deref()),
            (Some("2024-12-28"), Some("2025-01-05"))
        );
        let v = interval(Point::Decade(1990), Point::Decade(2000), None).unwrap();
        assert_eq!(
            (v.from.as_deref(), v.to.as_deref()),
            (Some("1990"), Some("2009"))
        );
        assert!(
            interval(
                Point::Year(YearSpec::Abs(2011)),
                Point::Year(YearSpec::Abs(2008)),
                None
            )
            .is_none()
        );
    }
}
