//! A fast hasher for the maps and sets a document's rules build (names seen, spans won):
//! std's SipHash cost 5% of the whole extraction there. FxHash-style rounds over eight
//! bytes at a time, a final mix, and a seed drawn once per process, so that a text crafted
//! to make its words collide (a long document made quadratic) can't know it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

/// A map with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildFastHasher>;
/// A set with [`FastHasher`].
pub(crate) type FastSet<T> = HashSet<T, BuildFastHasher>;

/// Makes [`FastHasher`]s that start at this process's seed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BuildFastHasher {
    seed: u64,
}

impl Default for BuildFastHasher {
    fn default() -> Self {
        static SEED: OnceLock<u64> = OnceLock::new();
        let seed = *SEED.get_or_init(|| std::collections::hash_map::RandomState::new().hash_one(0));
        BuildFastHasher { seed }
    }
}

#[cfg(test)]
impl BuildFastHasher {
    /// A builder with a given seed: tests that must not depend on the process's.
    fn with_seed(seed: u64) -> Self {
        BuildFastHasher { seed }
    }
}

impl BuildHasher for BuildFastHasher {
    type Hasher = FastHasher;

    fn build_hasher(&self) -> FastHasher {
        FastHasher(self.seed)
    }
}

/// The hasher: one multiply per eight bytes.
pub(crate) struct FastHasher(u64);

impl FastHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(crate::names::index::tail_word(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // MurmurHash3's finalizer, whole: every bit reaches the low ones, which pick the
        // bucket (its first half alone left keys that differ in their top bits in a
        // quarter of the buckets, for some seeds).
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

#[cfg(test)]
mod tests {
    use super::{BuildFastHasher, FastMap, FastSet};
    use std::hash::BuildHasher;

    #[test]
    fn equal_keys_hash_equal_and_different_ones_apart() {
        let b = BuildFastHasher::default();
        assert_eq!(b.hash_one("спартак"), b.hash_one(String::from("спартак")));
        assert_ne!(b.hash_one("спартак"), b.hash_one("спартака"));
        assert_ne!(b.hash_one((1usize, 2usize)), b.hash_one((2usize, 1usize)));
        // A key and the same bytes split differently are different keys.
        assert_ne!(b.hash_one(("ab", "c")), b.hash_one(("a", "bc")));
        // Keys that differ only in their high bits still spread over low bits (buckets):
        // 64 keys in 256 buckets fill about 57 at random (seeds fixed: the test must not
        // depend on the process's; the finalizer's first half alone gave 31 for two of them).
        for seed in [0, 1, 0x9e37_79b9_7f4a_7c15, u64::MAX] {
            let b = BuildFastHasher::with_seed(seed);
            let low: FastSet<u64> = (0..64u64).map(|k| b.hash_one(k << 56) & 0xff).collect();
            assert!(
                low.len() > 44,
                "seed {seed:#x}: {} distinct low bytes",
                low.len()
            );
        }
    }

    #[test]
    fn maps_find_what_they_hold() {
        let mut m: FastMap<Vec<&[u8]>, u8> = FastMap::default();
        for (k, w) in ["а", "бв", "где", "ежзий", "клмнопрс"].iter().enumerate()
        {
            m.insert(vec![w.as_bytes(), b"x"], k as u8);
        }
        assert_eq!(m.get(&vec!["где".as_bytes(), b"x"]), Some(&2));
        assert_eq!(m.get(&vec!["где".as_bytes(), b"y"]), None);
        assert_eq!(m.len(), 5);
    }
}
