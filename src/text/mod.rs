//! The text layer shared by every rule: normalization with a map back to the original,
//! tokens, and sentence boundaries.

pub mod normalize;
pub mod sentence;
pub mod token;

pub use normalize::Normalized;
pub use token::{Token, TokenKind};

/// The number of bytes of the UTF-8 character that starts with byte `first`.
#[inline]
pub(crate) fn utf8_char_width(first: u8) -> usize {
    match first {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Pseudo-random texts for the tests that check a fast path against the plain one it
/// replaces: `count` texts of `len(seed)` characters each, one in `one_in` drawn from `rare`
/// and the rest from `common` (so that runs get long). Deterministic (xorshift).
#[cfg(test)]
pub(crate) fn random_texts(
    count: usize,
    len: fn(u64) -> usize,
    rare: &[char],
    one_in: usize,
    common: &[char],
) -> Vec<String> {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    (0..count)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (0..len(seed))
                .map(|k| {
                    let r = (seed.rotate_left(k as u32 * 5) >> 3) as usize;
                    if r.is_multiple_of(one_in) {
                        rare[(r / one_in) % rare.len()]
                    } else {
                        common[(r / one_in) % common.len()]
                    }
                })
                .collect()
        })
        .collect()
}
