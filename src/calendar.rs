//! Calendar arithmetic for dates and durations: days since an epoch, weekdays, ISO weeks,
//! adding days and months (with the day clamped to the month's end), and time units with
//! their ISO 8601 duration letters.
//!
//! Proleptic Gregorian calendar, years 1–9999 (what ISO 8601 writes with four digits); every
//! function returns `None` rather than leave that range, so no input can overflow.

use crate::decimal::Decimal;
pub use crate::reference::days_in_month;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, 1–9999.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

/// The years a date may have.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

impl Date {
    /// The date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (YEARS.contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day))
        .then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, if its year is in range.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe.checked_add(era.checked_mul(400)?)? + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// The weekday, 1 (Monday) to 7 (Sunday).
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days().checked_add(n)?)
    }

    /// The date `n` months later, the day clamped to the end of the month (Jan 31 + 1 month
    /// is Feb 28 or 29).
    pub fn add_months(self, n: i64) -> Option<Date> {
        let (year, month) = add_months(self.year, self.month, n)?;
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// The ISO 8601 week: its year (which differs from the calendar year around New Year)
    /// and number, 1–53.
    pub fn iso_week(self) -> (i32, u32) {
        // The week belongs to the year of its Thursday.
        let thursday = self.days() - i64::from(self.weekday()) + 4;
        let Some(t) = Date::from_days(thursday) else {
            return (self.year, 1);
        };
        let jan1 = Date {
            year: t.year,
            month: 1,
            day: 1,
        };
        (t.year, ((thursday - jan1.days()) / 7 + 1) as u32)
    }

    /// The nearest date on `weekday` (1–7) on or before this one (`forward`: on or after).
    pub fn nearest_weekday(self, weekday: u32, forward: bool) -> Option<Date> {
        let now = i64::from(self.weekday());
        let target = i64::from(weekday);
        let delta = if forward {
            (target - now).rem_euclid(7)
        } else {
            -(now - target).rem_euclid(7)
        };
        self.add_days(delta)
    }
}

/// `(year, month)` plus `n` months, if the year stays in range.
pub fn add_months(year: i32, month: u32, n: i64) -> Option<(i32, u32)> {
    let index = i64::from(year)
        .checked_mul(12)?
        .checked_add(i64::from(month) - 1)?
        .checked_add(n)?;
    let y = i32::try_from(index.div_euclid(12)).ok()?;
    let m = (index.rem_euclid(12) + 1) as u32;
    YEARS.contains(&y).then_some((y, m))
}

/// A unit of time, as durations and relative dates count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimeUnit {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day (сутки too).
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A quarter: three months.
    Quarter,
    /// A half year: six months.
    Half,
    /// A year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

impl TimeUnit {
    /// Every unit, smallest first.
    pub const ALL: [TimeUnit; 11] = [
        TimeUnit::Second,
        TimeUnit::Minute,
        TimeUnit::Hour,
        TimeUnit::Day,
        TimeUnit::Week,
        TimeUnit::Month,
        TimeUnit::Quarter,
        TimeUnit::Half,
        TimeUnit::Year,
        TimeUnit::Decade,
        TimeUnit::Century,
    ];

    /// The name used in JSON and in lexicons (`year`).
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Quarter => "quarter",
            TimeUnit::Half => "half",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
            TimeUnit::Century => "century",
        }
    }

    /// The unit named `name`.
    pub fn from_name(name: &str) -> Option<TimeUnit> {
        TimeUnit::ALL.into_iter().find(|u| u.name() == name)
    }

    /// The unit an ISO 8601 duration writes it in, and how many of those one is: a decade
    /// is 10 years (`Y`), a quarter 3 months (`M`).
    pub fn iso_base(self) -> (IsoField, i64) {
        match self {
            TimeUnit::Second => (IsoField::Second, 1),
            TimeUnit::Minute => (IsoField::Minute, 1),
            TimeUnit::Hour => (IsoField::Hour, 1),
            TimeUnit::Day => (IsoField::Day, 1),
            TimeUnit::Week => (IsoField::Week, 1),
            TimeUnit::Month => (IsoField::Month, 1),
            TimeUnit::Quarter => (IsoField::Month, 3),
            TimeUnit::Half => (IsoField::Month, 6),
            TimeUnit::Year => (IsoField::Year, 1),
            TimeUnit::Decade => (IsoField::Year, 10),
            TimeUnit::Century => (IsoField::Year, 100),
        }
    }
}

/// A field of an ISO 8601 duration, largest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IsoField {
    /// `nY`
    Year,
    /// `nM` (before `T`)
    Month,
    /// `nW`
    Week,
    /// `nD`
    Day,
    /// `nH` (after `T`)
    Hour,
    /// `nM` (after `T`)
    Minute,
    /// `nS`
    Second,
}

impl IsoField {
    /// Every field, largest first.
    pub const ALL: [IsoField; 7] = [
        IsoField::Year,
        IsoField::Month,
        IsoField::Week,
        IsoField::Day,
        IsoField::Hour,
        IsoField::Minute,
        IsoField::Second,
    ];

    /// The field's bit in [`IsoDuration`]'s set of fields.
    fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The letter, and whether it stands after the `T`.
    fn letter(self) -> (char, bool) {
        match self {
            IsoField::Year => ('Y', false),
            IsoField::Month => ('M', false),
            IsoField::Week => ('W', false),
            IsoField::Day => ('D', false),
            IsoField::Hour => ('H', true),
            IsoField::Minute => ('M', true),
            IsoField::Second => ('S', true),
        }
    }

    /// The next smaller field and how many of it make one of this, when that is exact:
    /// a year is 12 months, a day 24 hours; a month has no exact number of days.
    fn smaller(self) -> Option<(IsoField, i64)> {
        match self {
            IsoField::Year => Some((IsoField::Month, 12)),
            IsoField::Week => Some((IsoField::Day, 7)),
            IsoField::Day => Some((IsoField::Hour, 24)),
            IsoField::Hour => Some((IsoField::Minute, 60)),
            IsoField::Minute => Some((IsoField::Second, 60)),
            IsoField::Month | IsoField::Second => None,
        }
    }

    /// The coarsest grain a relative date with this smallest field is told at.
    pub fn grain(self) -> &'static str {
        match self {
            IsoField::Year => "year",
            IsoField::Month => "month",
            IsoField::Week => "week",
            IsoField::Day => "day",
            IsoField::Hour => "hour",
            IsoField::Minute | IsoField::Second => "minute",
        }
    }
}

/// A duration as ISO 8601 fields (each at most once, largest first). Held inline, without
/// an allocation: lengths of time are read, cached and copied many times a document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IsoDuration {
    /// The amount of each field, by [`IsoField::ALL`]'s order; zero where it is absent.
    amounts: [Decimal; 7],
    /// The fields there are ([`IsoField::bit`]s).
    present: u8,
}

impl Default for IsoDuration {
    /// No field.
    fn default() -> IsoDuration {
        IsoDuration {
            amounts: [Decimal::ZERO; 7],
            present: 0,
        }
    }
}

impl IsoDuration {
    /// The fields and their amounts, largest first.
    pub fn fields(&self) -> impl Iterator<Item = (IsoField, Decimal)> + '_ {
        IsoField::ALL
            .into_iter()
            .zip(self.amounts)
            .filter(|(f, _)| self.present & f.bit() != 0)
    }

    /// Adds `field`, unless it is there already (then false).
    fn add(&mut self, field: IsoField, amount: Decimal) -> bool {
        if self.present & field.bit() != 0 {
            return false;
        }
        self.present |= field.bit();
        self.amounts[field as usize] = amount;
        true
    }

    /// `amount` of `unit`, fractions carried into the next smaller field while that is exact
    /// ("3,5 года" = 3 years 6 months, "2,5 дня" = 2 days 12 hours, "1,5 недели" = 10 days
    /// 12 hours); a fraction that cannot be carried stays on the last field ("1,5 месяца").
    pub fn of(amount: Decimal, unit: TimeUnit) -> Option<IsoDuration> {
        if amount.is_negative() {
            return None;
        }
        let (mut field, factor) = unit.iso_base();
        let mut amount = amount.checked_mul(Decimal::from_int(factor))?;
        let mut duration = IsoDuration::default();
        // A fractional week is told in days.
        if field == IsoField::Week && !amount.is_integer() {
            amount = amount.checked_mul(Decimal::from_int(7))?;
            field = IsoField::Day;
        }
        // Each field is smaller than the one before: none is added twice.
        loop {
            let (whole, fraction) = amount.whole_and_fraction()?;
            if fraction == Decimal::ZERO {
                duration.add(field, whole);
                break;
            }
            let Some((next, per)) = field.smaller() else {
                duration.add(field, amount);
                break;
            };
            if whole != Decimal::ZERO {
                duration.add(field, whole);
            }
            amount = fraction.checked_mul(Decimal::from_int(per))?;
            field = next;
        }
        Some(duration)
    }

    /// The sum of two durations, if they have no field in common.
    pub fn plus(mut self, other: IsoDuration) -> Option<IsoDuration> {
        for (f, a) in other.fields() {
            if !self.add(f, a) {
                return None;
            }
        }
        Some(self)
    }

    /// The smallest field.
    pub fn smallest(&self) -> Option<IsoField> {
        self.fields().map(|(f, _)| f).max()
    }

    /// The ISO 8601 text: `P3Y6M`, `PT1H30M`, `P2DT12H`, `PT9.58S`; `P0D` when empty.
    pub fn iso(&self) -> String {
        let mut s = String::from("P");
        let mut in_time = false;
        for (field, amount) in self.fields() {
            let (letter, time) = field.letter();
            if time && !in_time {
                s.push('T');
                in_time = true;
            }
            s.push_str(&amount.to_string());
            s.push(letter);
        }
        if self.present == 0 {
            s.push_str("0D");
        }
        s
    }

    /// The whole duration as one amount of its smallest field, when every larger field
    /// converts into it exactly (1 year 3 months = 15 months; 1 month 2 days does not).
    pub fn total(&self) -> Option<(Decimal, IsoField)> {
        let smallest = self.smallest()?;
        let mut total = Decimal::ZERO;
        for (field, amount) in self.fields() {
            let mut f = field;
            let mut a = amount;
            while f != smallest {
                let (next, per) = f.smaller()?;
                a = a.checked_mul(Decimal::from_int(per))?;
                f = next;
            }
            total = total.checked_add(a)?;
        }
        Some((total, smallest))
    }
}

/// The time unit an ISO field is named by in output.
pub fn field_unit(field: IsoField) -> TimeUnit {
    match field {
        IsoField::Year => TimeUnit::Year,
        IsoField::Month => TimeUnit::Month,
        IsoField::Week => TimeUnit::Week,
        IsoField::Day => TimeUnit::Day,
        IsoField::Hour => TimeUnit::Hour,
        IsoField::Minute => TimeUnit::Minute,
        IsoField::Second => TimeUnit::Second,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn days_round_trip() {
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert_eq!(d(2000, 3, 1).days(), 11_017);
        for date in [
            d(1, 1, 1),
            d(1600, 2, 29),
            d(2024, 2, 29),
            d(9999, 12, 31),
            d(1969, 12, 31),
        ] {
            assert_eq!(Date::from_days(date.days()), Some(date));
        }
        assert_eq!(Date::from_days(d(9999, 12, 31).days() + 1), None);
        assert_eq!(Date::from_days(i64::MAX), None);
        assert_eq!(Date::from_days(i64::MIN), None);
        assert_eq!(Date::new(2025, 2, 29), None);
        assert_eq!(Date::new(0, 1, 1), None);
    }

    #[test]
    fn weekdays() {
        let table = [
            (d(2025, 11, 24), 1),
            (d(2025, 11, 23), 7),
            (d(2024, 2, 29), 4),
            (d(1970, 1, 1), 4),
            (d(2000, 1, 1), 6),
            (d(1961, 4, 12), 3),
        ];
        for (date, want) in table {
            assert_eq!(date.weekday(), want, "{date:?}");
        }
        assert_eq!(
            d(2025, 11, 26).nearest_weekday(1, false),
            Some(d(2025, 11, 24))
        );
        assert_eq!(
            d(2025, 11, 24).nearest_weekday(5, true),
            Some(d(2025, 11, 28))
        );
        assert_eq!(
            d(2025, 11, 24).nearest_weekday(1, true),
            Some(d(2025, 11, 24))
        );
        assert_eq!(d(2024, 3, 4).nearest_weekday(6, false), Some(d(2024, 3, 2)));
    }

    #[test]
    fn adding_days_and_months() {
        let table = [
            (d(2024, 2, 27), 3, d(2024, 3, 1)),
            (d(2025, 2, 27), 3, d(2025, 3, 2)),
            (d(2025, 1, 1), -1, d(2024, 12, 31)),
            (d(2024, 3, 1), -1, d(2024, 2, 29)),
        ];
        for (from, n, want) in table {
            assert_eq!(from.add_days(n), Some(want), "{from:?} + {n}");
        }
        let table = [
            (d(2025, 1, 31), 1, d(2025, 2, 28)),
            (d(2024, 1, 31), 1, d(2024, 2, 29)),
            (d(2025, 3, 31), -1, d(2025, 2, 28)),
            (d(2025, 11, 24), -6, d(2025, 5, 24)),
            (d(2025, 12, 15), 1, d(2026, 1, 15)),
            (d(2024, 2, 29), -12, d(2023, 2, 28)),
        ];
        for (from, n, want) in table {
            assert_eq!(from.add_months(n), Some(want), "{from:?} + {n} months");
        }
        assert_eq!(d(9999, 12, 1).add_months(1), None);
        assert_eq!(d(1, 1, 1).add_months(i64::MIN), None);
    }

    #[test]
    fn iso_weeks() {
        let table = [
            (d(2025, 11, 24), (2025, 48)),
            (d(2025, 12, 1), (2025, 49)),
            (d(2026, 1, 5), (2026, 2)),
            (d(2021, 1, 6), (2021, 1)),
            (d(2020, 12, 30), (2020, 53)),
            (d(2021, 1, 3), (2020, 53)),
            (d(2024, 12, 30), (2025, 1)),
            (d(2024, 12, 25), (2024, 52)),
            (d(2025, 11, 23), (2025, 47)),
        ];
        for (date, want) in table {
            assert_eq!(date.iso_week(), want, "{date:?}");
        }
    }

    #[test]
    fn iso_durations() {
        let dec = |s| Decimal::parse(s).unwrap();
        let table = [
            ("2", TimeUnit::Year, "P2Y"),
            ("3.5", TimeUnit::Year, "P3Y6M"),
            ("1.25", TimeUnit::Year, "P1Y3M"),
            ("0.5", TimeUnit::Year, "P6M"),
            ("1.5", TimeUnit::Hour, "PT1H30M"),
            ("0.5", TimeUnit::Hour, "PT30M"),
            ("2.5", TimeUnit::Day, "P2DT12H"),
            ("1.5", TimeUnit::Minute, "PT1M30S"),
            ("9.58", TimeUnit::Second, "PT9.58S"),
            ("0.5", TimeUnit::Century, "P50Y"),
            ("2", TimeUnit::Decade, "P20Y"),
            ("3", TimeUnit::Week, "P3W"),
            ("1.5", TimeUnit::Week, "P10DT12H"),
            ("1.5", TimeUnit::Month, "P1.5M"),
            ("72", TimeUnit::Hour, "PT72H"),
            ("1", TimeUnit::Quarter, "P3M"),
        ];
        for (amount, unit, want) in table {
            let got = IsoDuration::of(dec(amount), unit).unwrap();
            assert_eq!(got.iso(), want, "{amount} {unit:?}");
        }
        let sum = IsoDuration::of(dec("2"), TimeUnit::Hour)
            .unwrap()
            .plus(IsoDuration::of(dec("15"), TimeUnit::Minute).unwrap())
            .unwrap();
        assert_eq!(sum.iso(), "PT2H15M");
        assert_eq!(sum.total(), Some((dec("135"), IsoField::Minute)));
        let months = IsoDuration::of(dec("1"), TimeUnit::Year)
            .unwrap()
            .plus(IsoDuration::of(dec("3"), TimeUnit::Month).unwrap())
            .unwrap();
        assert_eq!(months.iso(), "P1Y3M");
        assert_eq!(months.total(), Some((dec("15"), IsoField::Month)));
        assert!(IsoDuration::of(dec("-1"), TimeUnit::Day).is_none());
    }
}
