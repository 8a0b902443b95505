//! Exact decimal amounts.
//!
//! Amounts in news are exact ("1,1 млрд" is 1100000000, not 1.1e9), so they are kept as a
//! mantissa and a decimal scale and printed as plain decimal strings. Every operation is
//! checked: an amount that does not fit (more than 38 digits) is simply not a fact.

use std::fmt;
use std::num::NonZeroU8;

/// An exact decimal number: `mantissa × 10^-scale`, up to 18 significant digits (news
/// amounts have far fewer; a longer digit string is not an amount). Sixteen bytes, so that
/// values with several optional amounts stay small.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i64,
    scale: Scale,
}

/// A decimal's scale, kept as one more than it is in a non-zero byte: the zero left over
/// lets an `Option<Decimal>` take no more room than a `Decimal` (an amount has six).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Scale(NonZeroU8);

impl Scale {
    const ZERO: Scale = Scale(NonZeroU8::MIN);

    /// The scale `s` (at most twice [`MAX_SCALE`] in a product before trimming; larger is
    /// kept as the largest a byte holds, which no kept decimal has).
    fn of(s: u32) -> Scale {
        let plus_one = u8::try_from(s.saturating_add(1)).unwrap_or(u8::MAX);
        Scale(NonZeroU8::new(plus_one).unwrap_or(NonZeroU8::MAX))
    }
}

impl fmt::Debug for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.get() - 1)
    }
}

/// The largest scale kept: more fractional digits than this are not news amounts.
const MAX_SCALE: u32 = 18;

impl Decimal {
    /// The number of digits after the point.
    #[inline]
    fn scale(self) -> u32 {
        u32::from(self.scale.0.get()) - 1
    }

    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: Scale::ZERO,
    };

    /// A whole number.
    pub const fn from_int(value: i64) -> Decimal {
        Decimal {
            mantissa: value,
            scale: Scale::ZERO,
        }
    }

    /// `mantissa × 10^-scale`, or `None` when the scale is beyond what is kept.
    pub fn new(mantissa: i64, scale: u32) -> Option<Decimal> {
        (scale <= MAX_SCALE).then_some(
            Decimal {
                mantissa,
                scale: Scale::of(scale),
            }
            .trimmed(),
        )
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
        let scale = self.scale() + other.scale();
        if scale > MAX_SCALE {
            // Drop exact trailing zeros before giving up.
            let mut d = Decimal {
                mantissa,
                scale: Scale::of(scale),
            };
            d = d.trimmed();
            return (d.scale() <= MAX_SCALE).then_some(d);
        }
        Some(
            Decimal {
                mantissa,
                scale: Scale::of(scale),
            }
            .trimmed(),
        )
    }

    /// The sum, or `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale().max(other.scale());
        let a = self
            .mantissa
            .checked_mul(10i64.checked_pow(scale - self.scale())?)?;
        let b = other
            .mantissa
            .checked_mul(10i64.checked_pow(scale - other.scale())?)?;
        Some(
            Decimal {
                mantissa: a.checked_add(b)?,
                scale: Scale::of(scale),
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
        self.scale() == 0
    }

    /// The whole number, if this is one that fits.
    pub fn to_i64(self) -> Option<i64> {
        if self.scale() == 0 {
            Some(self.mantissa)
        } else {
            None
        }
    }

    /// True when below zero.
    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// The whole part of the number (toward zero) and the fraction of its absolute value:
    /// 2.75 → (2, 0.75), -1.5 → (-1, 0.5), what its digits say before and after the point.
    pub fn whole_and_fraction(self) -> Option<(Decimal, Decimal)> {
        if self.scale() == 0 {
            return Some((self, Decimal::ZERO));
        }
        let unit = 10u64.checked_pow(self.scale())?;
        let abs = self.mantissa.unsigned_abs();
        let whole = i64::try_from(abs / unit).ok()?;
        let whole = if self.mantissa < 0 { -whole } else { whole };
        let fraction = i64::try_from(abs % unit).ok()?;
        Some((
            Decimal::from_int(whole),
            Decimal::new(fraction, self.scale())?,
        ))
    }

    fn trimmed(mut self) -> Decimal {
        while self.scale() > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale = Scale::of(self.scale() - 1);
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
        let scale = self.scale().max(other.scale());
        let widen = |d: &Decimal| {
            10i128
                .checked_pow(scale - d.scale())
                .and_then(|f| i128::from(d.mantissa).checked_mul(f))
        };
        match (widen(self), widen(other)) {
            (Some(a), Some(b)) => a.cmp(&b),
            // Only reachable for values near the i128 limits: compare by sign, then scale.
            _ => self.mantissa.signum().cmp(&other.mantissa.signum()),
        }
    }
}

/// The decimal digits of `n`, written at the end of `buf` (20 digits hold any `u64`).
pub(crate) fn decimal_digits(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    // Two digits at a time: half the divisions (every offset of the output is written so).
    let mut first = buf.len();
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        first -= 2;
        buf[first..first + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        first -= 2;
        buf[first..first + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    } else {
        first -= 1;
        buf[first] = b'0' + n as u8;
    }
    &buf[first..]
}

/// "00", "01", ..., "99": the two digits of each number below 100.
const DIGIT_PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut k = 0;
    while k < 100 {
        pairs[2 * k] = b'0' + (k / 10) as u8;
        pairs[2 * k + 1] = b'0' + (k % 10) as u8;
        k += 1;
    }
    pairs
};

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut result = Ok(());
        self.write_pieces(|piece| {
            if result.is_ok() {
                // Only ASCII digits, signs and dots are written.
                result = f.write_str(std::str::from_utf8(piece).unwrap_or(""));
            }
        });
        result
    }
}

impl Decimal {
    /// Hands `emit` the decimal's text piece by piece (sign, digits, dot, zeros): the one
    /// writer behind `Display` (and so `Serialize`) and [`Decimal::write_json`], which write
    /// it where they need it without formatting machinery or a copy.
    #[inline]
    fn write_pieces(&self, mut emit: impl FnMut(&[u8])) {
        const ZEROS: [u8; 32] = [b'0'; 32];
        let mut buf = [0u8; 20];
        let digits = decimal_digits(self.mantissa.unsigned_abs(), &mut buf);
        let scale = self.scale() as usize;
        if self.mantissa < 0 {
            emit(b"-");
        }
        if scale == 0 {
            emit(digits);
        } else if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            emit(int);
            emit(b".");
            emit(frac);
        } else {
            emit(b"0.");
            let mut zeros = scale - digits.len();
            while zeros > 0 {
                let n = zeros.min(ZEROS.len());
                emit(&ZEROS[..n]);
                zeros -= n;
            }
            emit(digits);
        }
    }

    /// Appends the JSON string of the decimal: the bytes serde_json writes for it.
    pub(crate) fn write_json(&self, out: &mut Vec<u8>) {
        // Digits, a sign and a dot: nothing to escape.
        out.push(b'"');
        self.write_pieces(|piece| out.extend_from_slice(piece));
        out.push(b'"');
    }
}

impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Written piece by piece into serde's string ([`Decimal::write_pieces`]): no
        // allocation, no formatting machinery.
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::{Decimal, MAX_SCALE, Scale};

    /// Two digits at a time, the same digits as `to_string`.
    #[test]
    fn decimal_digits_as_to_string() {
        let mut values: Vec<u64> = (0..1100).collect();
        for p in 0..20 {
            let power = 10u64.pow(p);
            values.extend([
                power - 1,
                power,
                power + 1,
                power.saturating_mul(3).saturating_add(7),
            ]);
        }
        values.extend([u64::MAX, u64::MAX - 1, 18_446_744_073_709_551_599]);
        for n in values {
            let mut buf = [0u8; 20];
            assert_eq!(super::decimal_digits(n, &mut buf), n.to_string().as_bytes());
        }
    }

    #[test]
    fn an_optional_decimal_takes_no_more_room() {
        assert_eq!(
            std::mem::size_of::<Option<Decimal>>(),
            std::mem::size_of::<Decimal>()
        );
        for s in 0..=2 * MAX_SCALE {
            assert_eq!(
                Decimal {
                    mantissa: 1,
                    scale: Scale::of(s)
                }
                .scale(),
                s
            );
        }
    }

    #[test]
    fn printed_on_the_stack_as_text_and_json() {
        for (mantissa, scale, want) in [
            (0, 0, "0"),
            (-125, 1, "-12.5"),
            (1, 6, "0.000001"),
            (-1, 18, "-0.000000000000000001"),
            (i64::MIN, 0, "-9223372036854775808"),
            (i64::MAX, 18, "9.223372036854775807"),
            (1_100_000_000, 0, "1100000000"),
        ] {
            let d = Decimal {
                mantissa,
                scale: Scale::of(scale),
            };
            assert_eq!(d.to_string(), want);
            assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{want}\""));
        }
    }

    /// `write_json` writes the bytes serde_json writes, at every scale.
    #[test]
    fn written_as_its_digits_with_the_dot_scale_places_from_the_end() {
        // Every scale, against the digits padded with zeros and cut by hand: the JSON
        // writer, serde's string and `Display` (one writer behind all three) agree with it.
        for mantissa in [0, 1, -1, 7, -42, 1234, -100_000, i64::MIN, i64::MAX] {
            for s in 0..=2 * MAX_SCALE {
                let d = Decimal {
                    mantissa,
                    scale: Scale::of(s),
                };
                let s = s as usize;
                let digits = format!("{:0>w$}", mantissa.unsigned_abs(), w = s + 1);
                let (int, frac) = digits.split_at(digits.len() - s);
                let sign = if mantissa < 0 { "-" } else { "" };
                let want = if s == 0 {
                    format!("{sign}{int}")
                } else {
                    format!("{sign}{int}.{frac}")
                };
                let mut out = b"x".to_vec();
                d.write_json(&mut out);
                assert_eq!(String::from_utf8(out).unwrap(), format!("x\"{want}\""));
                assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{want}\""));
                assert_eq!(d.to_string(), want);
            }
        }
    }

    #[test]
    fn whole_and_fraction() {
        let d = |s: &str| Decimal::parse(s).unwrap();
        for (number, whole, fraction) in [
            ("2.75", "2", "0.75"),
            ("-1.5", "-1", "0.5"),
            ("-0.25", "0", "0.25"),
            ("3", "3", "0"),
            ("0.05", "0", "0.05"),
            ("1000000.000001", "1000000", "0.000001"),
        ] {
            assert_eq!(
                d(number).whole_and_fraction(),
                Some((d(whole), d(fraction))),
                "{number}"
            );
        }
        let min = Decimal::new(i64::MIN, 3).unwrap();
        let (whole, fraction) = min.whole_and_fraction().unwrap();
        assert_eq!(whole.to_string(), "-9223372036854775");
        assert_eq!(fraction.to_string(), "0.808");
    }

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
