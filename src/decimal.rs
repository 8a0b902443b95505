//! Exact decimal amounts.
//!
//! Amounts in news are exact ("1,1 млрд" is 1100000000, not 1.1e9), so they are kept as a
//! mantissa and a decimal scale and printed as plain decimal strings. Every operation is
//! checked: an amount that does not fit (more than 38 digits) is simply not a fact.

use std::fmt;

/// An exact decimal number: `mantissa × 10^-scale`, up to 18 significant digits (news
/// amounts have far fewer; a longer digit string is not an amount). Sixteen bytes, so that
/// values with several optional amounts stay small.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i64,
    scale: u32,
}

/// The largest scale kept: more fractional digits than this are not news amounts.
const MAX_SCALE: u32 = 18;

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// A whole number.
    pub const fn from_int(value: i64) -> Decimal {
        Decimal {
            mantissa: value,
            scale: 0,
        }
    }

    /// `mantissa × 10^-scale`, or `None` when the scale is beyond what is kept.
    pub fn new(mantissa: i64, scale: u32) -> Option<Decimal> {
        (scale <= MAX_SCALE).then_some(Decimal { mantissa, scale }.trimmed())
    }

    /// Parses ASCII digits with an optional sign, one decimal separator (`.` or `,`) and
    /// group separators (space, underscore) that are skipped. `None` if it is not a number
    /// or does not fit.
    pub fn parse(text: &str) -> Option<Decimal> {
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes.first() {
            Some(b'-') => (true, &bytes[1..]),
            Some(b'+') => (false, &bytes[1..]),
            _ => (false, bytes),
        };
        let mut mantissa: i64 = 0;
        let mut scale: Option<u32> = None;
        let mut digits = 0;
        for &b in rest {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
                    digits += 1;
                    if let Some(s) = scale.as_mut() {
                        *s += 1;
                        if *s > MAX_SCALE {
                            return None;
                        }
                    }
                }
                b'.' | b',' if scale.is_none() => scale = Some(0),
                b' ' | b'_' => {}
                _ => return None,
            }
        }
        if digits == 0 {
            return None;
        }
        let mantissa = if negative { -mantissa } else { mantissa };
        Decimal::new(mantissa, scale.unwrap_or(0))
    }

    /// The product, or `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let mantissa = self.mantissa.checked_mul(other.mantissa)?;
        let scale = self.scale + other.scale;
        if scale > MAX_SCALE {
            // Drop exact trailing zeros before giving up.
            let mut d = Decimal { mantissa, scale };
            d = d.trimmed();
            return (d.scale <= MAX_SCALE).then_some(d);
        }
        Some(Decimal { mantissa, scale }.trimmed())
    }

    /// The sum, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10i64.checked_pow(scale - self.scale)?)?;
        let b = other
            .mantissa
            .checked_mul(10i64.checked_pow(scale - other.scale)?)?;
        Some(
            Decimal {
                mantissa: a.checked_add(b)?,
                scale,
            }
            .trimmed(),
        )
    }

    /// `numerator / denominator` rounded half up to `places` decimal places.
    pub fn ratio(numerator: i128, denominator: i128, places: u32) -> Option<Decimal> {
        if denominator == 0 || places > MAX_SCALE {
            return None;
        }
        let scaled = numerator.checked_mul(10i128.checked_pow(places)?)?;
        let mut q = scaled / denominator;
        let r = scaled % denominator;
        if r.checked_mul(2)?.abs() >= denominator.abs() {
            q += if (scaled < 0) != (denominator < 0) {
                -1
            } else {
                1
            };
        }
        Decimal::new(i64::try_from(q).ok()?, places)
    }

    /// True for a whole number.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The whole number, if this is one that fits.
    pub fn to_i64(self) -> Option<i64> {
        if self.scale == 0 {
            Some(self.mantissa)
        } else {
            None
        }
    }

    /// True when below zero.
    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    fn trimmed(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let scale = self.scale.max(other.scale);
        let widen = |d: &Decimal| {
            10i128
                .checked_pow(scale - d.scale)
                .and_then(|f| i128::from(d.mantissa).checked_mul(f))
        };
        match (widen(self), widen(other)) {
            (Some(a), Some(b)) => a.cmp(&b),
            // Only reachable for values near the i128 limits: compare by sign, then scale.
            _ => self.mantissa.signum().cmp(&other.mantissa.signum()),
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{sign}{int}.{frac}")
        } else {
            write!(f, "{sign}0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    }
}

impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn parse_and_print() {
        let table = [
            ("1", "1"),
            ("1,1", "1.1"),
            ("3.50", "3.5"),
            ("1 000 000", "1000000"),
            ("-2,75", "-2.75"),
            ("+7", "7"),
            ("0,05", "0.05"),
            ("007", "7"),
        ];
        for (input, want) in table {
            assert_eq!(Decimal::parse(input).unwrap().to_string(), want, "{input}");
        }
        for bad in ["", "-", ",", "1,2,3", "abc", "1e5"] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn too_long_is_none_not_panic() {
        assert_eq!(Decimal::parse(&"9".repeat(60)), None);
        assert_eq!(Decimal::parse(&format!("0,{}", "1".repeat(30))), None);
    }

    #[test]
    fn arithmetic_is_exact() {
        let d = |s| Decimal::parse(s).unwrap();
        assert_eq!(
            d("1,1").checked_mul(d("1000000000")).unwrap().to_string(),
            "1100000000"
        );
        assert_eq!(d("3,2").checked_mul(d("1000")).unwrap().to_string(), "3200");
        assert_eq!(d("5").checked_add(d("0,3")).unwrap().to_string(), "5.3");
        assert_eq!(Decimal::ratio(1, 3, 6).unwrap().to_string(), "0.333333");
        assert_eq!(Decimal::ratio(2, 3, 6).unwrap().to_string(), "0.666667");
        assert_eq!(Decimal::ratio(1, 2, 6).unwrap().to_string(), "0.5");
        assert!(Decimal::from_int(i64::MAX).checked_mul(d("10")).is_none());
        assert!(d("2.5") > d("2.49"));
    }
}
