//! Overlaps are settled here, and only here.
//!
//! Rules propose candidates freely; this module keeps the best non-conflicting set: names
//! from a user lexicon first (the user said so), then longer spans (so "$1,1 млрд" beats the
//! number "1,1 млрд" inside it), then by type priority (money over quantity over number,
//! ...), then the earlier one. Numeric and time facts
//! conflict with everything but a location inside an amount of money or a time ("долларов
//! США", "18:00 по Москве"); a location may sit inside an organization
//! ("Экспортно-импортный банк США") but not span all of it ("Первый канал"), while persons conflict with every name. A century is
//! both a date and an ordinal ("в XIX веке" is the date, "XIX веке" the ordinal inside it),
//! so an ordinal may sit inside a date of grain `century`, and nothing else may.

use crate::fact::{Fact, FactType, NameValue, Value};
use crate::fast_hash::FastSet;
use crate::rules::{Candidate, Doc};

/// The layer of a date of grain `century`, which only ordinals may overlap.
const CENTURY: u8 = 16;

/// The layer of money and times, which locations may overlap.
const AMOUNT: u8 = 32;

/// Which layer a candidate occupies, as a bit; `blocks` says which layers it may not overlap.
fn layer(c: &Candidate) -> u8 {
    match c.kind {
        FactType::Person => 2,
        FactType::Organization => 4,
        FactType::Location => 8,
        FactType::Date if matches!(&c.value, Value::Time(t) if t.grain == "century") => CENTURY,
        FactType::Money | FactType::Time => AMOUNT,
        _ => 1,
    }
}

fn blocks(kind: FactType) -> u8 {
    match kind {
        FactType::Person => 1 | 2 | 4 | 8 | CENTURY | AMOUNT,
        FactType::Organization => 1 | 2 | 4 | CENTURY | AMOUNT,
        FactType::Location => 1 | 2 | 8 | CENTURY,
        FactType::Ordinal => 1 | 2 | 4 | 8 | AMOUNT,
        _ => 1 | 2 | 4 | 8 | CENTURY | AMOUNT,
    }
}

/// When spans are equal, the type that wins.
fn priority(kind: FactType) -> u8 {
    match kind {
        FactType::Money => 12,
        FactType::Percent => 11,
        FactType::Age => 10,
        FactType::Duration => 9,
        FactType::Date => 8,
        FactType::Time => 7,
        FactType::Quantity => 6,
        FactType::Ordinal => 5,
        FactType::Person => 4,
        FactType::Organization => 3,
        FactType::Location => 2,
        FactType::Number => 1,
    }
}

/// The rank of a candidate among equal spans: its type's priority, but a known
/// organization of several words beats a person's name ("агентство Франс Пресс": the list
/// says so, the names only look like a first name and a surname).
fn rank(c: &Candidate) -> u8 {
    if c.kind == FactType::Organization
        && c.end > c.start + 1
        && matches!(
            c.rule,
            "organization.known" | "organization.type_quoted" | "organization.quoted_source"
        )
    {
        2 * priority(FactType::Person) + 1
    } else {
        2 * priority(c.kind)
    }
}

/// True if `c` is a location whose words an organization that has won already spans
/// exactly: "на Первом канале" is the channel, not a canal. A location may sit inside an
/// organization's name, but not be all of it. `organizations` are the token spans of the
/// organizations that have won (few: the winners of other types need no look).
fn names_an_organization(c: &Candidate, organizations: &FastSet<(usize, usize)>) -> bool {
    c.kind == FactType::Location && organizations.contains(&(c.start, c.end))
}

/// A candidate's sort key: (user name, width, priority, start, index).
type Key = (bool, usize, u8, usize, usize);

/// The order of two keys compared part by part: what [`visit_in_order`] packs into numbers.
fn key_order(a: &Key, b: &Key) -> std::cmp::Ordering {
    b.0.cmp(&a.0)
        .then(b.1.cmp(&a.1))
        .then(b.2.cmp(&a.2))
        .then(a.3.cmp(&b.3))
        .then(a.4.cmp(&b.4))
}

/// Calls `visit` with the indices `0..n` in the order of their keys (`key(k)`, whose index
/// part is `k`): user names, wider, higher priority, earlier, then by index. Each key is
/// packed into one number when its parts fit (always, but for texts of a terabyte), which
/// sorts several times faster than comparing the parts one by one; the order is the same.
/// `packed` is a buffer for the packed keys (its contents are replaced).
fn visit_in_order(
    n: usize,
    key: impl Fn(usize) -> Key,
    packed: &mut Vec<u128>,
    mut visit: impl FnMut(usize),
) {
    const WIDTH: u32 = 40;
    const START: u32 = 40;
    const INDEX: u32 = 39;
    let fits = |n: usize, bits: u32| (n as u128) < (1u128 << bits);
    let max = |bits: u32| (1u128 << bits) - 1;
    // Ascending packed keys: not-user, the width and priority inverted, start, index.
    let mut all_fit = true;
    packed.clear();
    packed.extend((0..n).map(|k| {
        let (user, w, p, s, k) = key(k);
        all_fit &= fits(w, WIDTH) && fits(s, START) && fits(k, INDEX);
        (u128::from(!user) << (WIDTH + 8 + START + INDEX))
            | ((max(WIDTH).wrapping_sub(w as u128) & max(WIDTH)) << (8 + START + INDEX))
            | (u128::from(u8::MAX - p) << (START + INDEX))
            | (((s as u128) & max(START)) << INDEX)
            | (k as u128 & max(INDEX))
    }));
    if all_fit {
        packed.sort_unstable();
        for &key in packed.iter() {
            visit((key & max(INDEX)) as usize);
        }
    } else {
        let mut keys: Vec<Key> = (0..n).map(key).collect();
        keys.sort_unstable_by(key_order);
        for key in keys {
            visit(key.4);
        }
    }
}

/// Keeps the best non-conflicting candidates and turns them into facts, in text order.
/// `candidates` is left empty, its buffer kept for the next document.
pub fn resolve(doc: &Doc<'_>, candidates: &mut Vec<Candidate>) -> Vec<Fact> {
    resolve_with(doc, candidates, true)
}

/// The working vectors of [`resolve_with`]: kept per thread from one document to the
/// next instead of allocated each time.
#[derive(Default)]
struct Buffers {
    taken: Vec<u8>,
    won: Vec<(usize, usize, usize)>,
    packed: Vec<u128>,
}

thread_local! {
    static SPARE_BUFFERS: std::cell::Cell<Option<Buffers>> = const { std::cell::Cell::new(None) };
}

/// [`resolve`], with each fact's `text` copied out of the original only if `with_text`
/// (else left empty: a writer that has the original reads it there, and spares an
/// allocation per fact).
// A stage run once per document: out of line, its loops compile apart from the
// pipeline's (inlined into one function they cost more instructions).
#[inline(never)]
pub(crate) fn resolve_with(
    doc: &Doc<'_>,
    candidates: &mut Vec<Candidate>,
    with_text: bool,
) -> Vec<Fact> {
    let tokens = doc.tokens;
    let width = |c: &Candidate| {
        let s = tokens.get(c.start).map_or(0, |t| t.start);
        let e = c
            .end
            .checked_sub(1)
            .and_then(|k| tokens.get(k))
            .map_or(s, |t| t.end);
        e.saturating_sub(s)
    };
    candidates.retain(|c| c.start < c.end && c.end <= tokens.len());
    let user = |c: &Candidate| crate::rules::user::is_user_rule(c.rule);
    // The order: user names, wider, higher priority, earlier; ties keep the rules' order.
    // Small keys are sorted, not the candidates: a candidate carries its whole value, and
    // moving them around was most of the time on number-dense text.
    let key = |k: usize| {
        let c = &candidates[k];
        (user(c), width(c), rank(c), c.start, k)
    };
    let mut buffers = crate::spare::take(&SPARE_BUFFERS);
    let Buffers { taken, won, packed } = &mut buffers;
    taken.clear();
    taken.resize(tokens.len(), 0);
    // The winners as (original start, original end, candidate), in the order they won.
    won.clear();
    won.reserve(candidates.len());
    // A set: a long document has organizations by the thousand.
    let mut organizations_won: FastSet<(usize, usize)> = FastSet::default();
    visit_in_order(candidates.len(), key, packed, |k| {
        let c = &candidates[k];
        let mask = blocks(c.kind);
        if taken[c.start..c.end].iter().any(|&t| t & mask != 0)
            || names_an_organization(c, &organizations_won)
        {
            return;
        }
        if c.kind == FactType::Organization {
            organizations_won.insert((c.start, c.end));
        }
        let bit = layer(c);
        for t in &mut taken[c.start..c.end] {
            *t |= bit;
        }
        // An abbreviation keeps its dot even at the end of a sentence ("5 тыс. руб."):
        // Russian writes one dot for both.
        let (ns, ne) = (tokens[c.start].start, tokens[c.end - 1].end);
        let (start, end) = doc.norm.span_to_original(doc.original, ns, ne);
        won.push((start, end, k));
    });
    // Text order; the sort is stable, so equal spans stay in the order they won.
    won.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let facts = won
        .drain(..)
        .map(|(start, end, k)| {
            // Each candidate wins at most once: its value is moved out, an empty one left.
            let c = &mut candidates[k];
            Fact {
                kind: c.kind,
                start,
                end,
                text: if with_text {
                    doc.original[start..end].to_string()
                } else {
                    String::new()
                },
                value: std::mem::replace(&mut c.value, Value::Name(NameValue::default())),
                rule: c.rule,
            }
        })
        .collect();
    candidates.clear();
    let room = buffers.taken.capacity();
    crate::spare::keep(&SPARE_BUFFERS, buffers, room);
    facts
}

#[cfg(test)]
mod tests {
    use super::{Key, visit_in_order};

    #[test]
    fn packed_keys_sort_as_the_parts_do() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        let by_parts = |keys: &[Key]| {
            let mut keys = keys.to_vec();
            keys.sort_by(super::key_order);
            keys.iter().map(|key| key.4).collect::<Vec<_>>()
        };
        let visited = |keys: &[Key]| {
            let mut order = Vec::new();
            visit_in_order(keys.len(), |k| keys[k], &mut Vec::new(), |k| order.push(k));
            order
        };
        for len in [0, 1, 2, 5, 40, 300] {
            let mut keys: Vec<Key> = (0..len)
                .map(|k| (next(4) == 0, next(30), next(13) as u8, next(50), k))
                .collect();
            assert_eq!(visited(&keys), by_parts(&keys));
            // Too wide to pack: the parts are compared.
            keys.push((false, usize::MAX, 0, 0, len));
            assert_eq!(visited(&keys), by_parts(&keys));
            keys.pop();
            keys.push((true, 3, 0, usize::MAX, len));
            assert_eq!(visited(&keys), by_parts(&keys));
        }
    }
}
