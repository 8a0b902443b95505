//! The reference date that relative expressions ("вчера", "в прошлом году") resolve against.

use std::fmt;

/// A reference date, optionally with a time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
    /// Hour and minute, when given.
    pub time: Option<(u32, u32)>,
}

impl Reference {
    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (seconds and a zone after the minutes are
    /// accepted and ignored, so ISO timestamps in JSON records work as they are).
    pub fn parse(s: &str) -> Result<Reference, String> {
        let s = s.trim();
        let bad = || format!("{s:?} is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
        let (date, time) = match s.find(['T', ' ']) {
            Some(k) => (&s[..k], Some(&s[k + 1..])),
            None => (s, None),
        };
        let mut parts = date.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        let day: u32 = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(bad());
        }
        let time = match time {
            None => None,
            Some(t) => {
                let hh: u32 = t.get(0..2).and_then(|h| h.parse().ok()).ok_or_else(bad)?;
                let mm: u32 = t.get(3..5).and_then(|m| m.parse().ok()).ok_or_else(bad)?;
                if t.as_bytes().get(2) != Some(&b':') || hh > 23 || mm > 59 {
                    return Err(bad());
                }
                Some((hh, mm))
            }
        };
        Ok(Reference {
            year,
            month,
            day,
            time,
        })
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some((h, m)) = self.time {
            write!(f, "T{h:02}:{m:02}")?;
        }
        Ok(())
    }
}

/// Days in `month` of `year` (proleptic Gregorian).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_times() {
        let r = Reference::parse("2025-11-24").unwrap();
        assert_eq!((r.year, r.month, r.day, r.time), (2025, 11, 24, None));
        let r = Reference::parse("2024-02-29T09:30").unwrap();
        assert_eq!(r.time, Some((9, 30)));
        assert_eq!(r.to_string(), "2024-02-29T09:30");
        assert!(Reference::parse("2025-11-24T10:15:00Z").is_ok());
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "24.11.2025",
            "2025-11-24T25:00",
            "",
            "2025-1-1",
        ] {
            assert!(Reference::parse(bad).is_err(), "{bad}");
        }
    }
}
