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
        FactType::Date if matches!(&c.value, Some(Value::Time(t)) if t.grain == "century") => {
            CENTURY
        }
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

/// Bits of [`resolve_with`]'s `taken` beyond the layers: the first and the last token of an
/// organization that has won.
const ORGANIZATION_FIRST: u8 = 64;
const ORGANIZATION_LAST: u8 = 128;
// Every layer bit lies below the organization marks.
const _: () = assert!(CENTURY < ORGANIZATION_FIRST && AMOUNT < ORGANIZATION_FIRST);

/// True if `c` is a location whose words an organization that has won already spans
/// exactly: "на Первом канале" is the channel, not a canal. A location may sit inside an
/// organization's name, but not be all of it. `taken` has the organizations that have won
/// marked on their first and last tokens: they never overlap one another, so one spans
/// `c` exactly when one starts at its first token, one ends at its last, and none starts
/// in between.
fn names_an_organization(c: &Candidate, taken: &[u8]) -> bool {
    c.kind == FactType::Location
        && taken[c.start] & ORGANIZATION_FIRST != 0
        && taken[c.end - 1] & ORGANIZATION_LAST != 0
        && taken[c.start + 1..c.end]
            .iter()
            .all(|&t| t & ORGANIZATION_FIRST == 0)
}

/// The buffers of [`visit_sorted`] (their contents are replaced).
#[derive(Default)]
struct Packed {
    narrow: Vec<u64>,
    wide: Vec<u128>,
}

/// Calls `visit` with the indices `0..n` in the ascending order of their keys (`key(k)`,
/// whose parts are compared in turn; the last part must be `k` itself). Each part `p` of
/// key `k` is below `bounds[p]`: the parts are packed into one number of as many bits as
/// they need (a u64 for a news text, a u128 for a huge one), which sorts several times
/// faster than comparing the parts one by one; the order is the same. Keys too wide even
/// for a u128 (never, but for absurd bounds) are sorted part by part.
fn visit_sorted<const N: usize>(
    n: usize,
    bounds: [usize; N],
    key: impl Fn(usize) -> [usize; N],
    packed: &mut Packed,
    mut visit: impl FnMut(usize),
) {
    // The bits each part needs: those of its largest value.
    let bits = bounds.map(|b| usize::BITS - b.saturating_sub(1).leading_zeros());
    let total: u32 = bits.iter().sum();
    let index_mask = |bits: u32| (1u128 << bits) - 1;
    let pack = |parts: [usize; N]| {
        parts
            .iter()
            .zip(bits)
            .fold(0u128, |acc, (&p, b)| (acc << b) | p as u128)
    };
    let index_bits = bits[N - 1];
    if total <= 64 {
        let keys = &mut packed.narrow;
        keys.clear();
        // Packed in a u64 itself: shifts of a u128 cost several instructions each. (A
        // shift of 64 bits is of a part that takes all of them, the ones before it empty,
        // so the number shifted is 0: wrapping, it stays 0.)
        let pack = |parts: [usize; N]| {
            parts
                .iter()
                .zip(bits)
                .fold(0u64, |acc, (&p, b)| acc.wrapping_shl(b) | p as u64)
        };
        keys.extend((0..n).map(|k| pack(key(k))));
        keys.sort_unstable();
        let mask = index_mask(index_bits) as u64;
        for &key in keys.iter() {
            visit((key & mask) as usize);
        }
    } else if total <= 128 {
        let keys = &mut packed.wide;
        keys.clear();
        keys.extend((0..n).map(|k| pack(key(k))));
        keys.sort_unstable();
        let mask = index_mask(index_bits);
        for &key in keys.iter() {
            visit((key & mask) as usize);
        }
    } else {
        let mut keys: Vec<[usize; N]> = (0..n).map(key).collect();
        keys.sort_unstable();
        for key in keys {
            visit(key[N - 1]);
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
    /// How many candidates cover each token (at most 255 counted).
    cover: Vec<u8>,
    /// The candidates that overlap another, by index.
    contested: Vec<usize>,
    won: Vec<(usize, usize, usize)>,
    /// The winners again, in text order.
    in_text_order: Vec<(usize, usize, usize)>,
    packed: Packed,
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
    candidates.retain(|c| c.start < c.end && c.end <= tokens.len());
    // A candidate's width in bytes of the normalized text, at most all of it.
    let text_len = doc.norm.text().len();
    let width = |c: &Candidate| {
        let s = tokens.get(c.start).map_or(0, |t| t.start);
        let e = c
            .end
            .checked_sub(1)
            .and_then(|k| tokens.get(k))
            .map_or(s, |t| t.end);
        e.saturating_sub(s).min(text_len)
    };
    let user = |c: &Candidate| crate::rules::user::is_user_rule(c.rule);
    // The order: user names, wider, higher priority, earlier; ties keep the rules' order.
    // Small keys are sorted, not the candidates: a candidate carries its whole value, and
    // moving them around was most of the time on number-dense text. Each part ascending:
    // what is wanted first, smallest.
    let key = |k: usize| {
        let c = &candidates[k];
        [
            usize::from(!user(c)),
            text_len - width(c),
            usize::from(u8::MAX - rank(c)),
            c.start,
            k,
        ]
    };
    let mut buffers = crate::spare::take(&SPARE_BUFFERS);
    let Buffers {
        taken,
        cover,
        contested,
        won,
        in_text_order,
        packed,
    } = &mut buffers;
    // An abbreviation keeps its dot even at the end of a sentence ("5 тыс. руб."):
    // Russian writes one dot for both.
    let original_span = |c: &Candidate| {
        let (ns, ne) = (tokens[c.start].start, tokens[c.end - 1].end);
        doc.norm.span_to_original(doc.original, ns, ne)
    };
    // The winners, in the order they won.
    won.clear();
    // Most candidates overlap no other: nothing can block them, so they win whatever the
    // order, and need neither a key nor a place in the sort. How many candidates cover
    // each token tells them.
    cover.clear();
    cover.resize(tokens.len(), 0);
    // (Most candidates are one token: told apart, without a loop.)
    for c in candidates.iter() {
        if c.end == c.start + 1 {
            cover[c.start] = cover[c.start].saturating_add(1);
        } else {
            for covered in &mut cover[c.start..c.end] {
                *covered = covered.saturating_add(1);
            }
        }
    }
    contested.clear();
    for (k, c) in candidates.iter().enumerate() {
        let alone = if c.end == c.start + 1 {
            cover[c.start] == 1
        } else {
            cover[c.start..c.end].iter().all(|&covered| covered == 1)
        };
        if alone {
            let (start, end) = original_span(c);
            won.push((start, end, k));
        } else {
            contested.push(k);
        }
    }
    taken.clear();
    taken.resize(tokens.len(), 0);
    let contested = &*contested;
    let bounds = [2, text_len + 1, 256, tokens.len(), contested.len()];
    // The contested candidates' keys, each with its place in `contested` last (the same
    // order as the candidate's own index).
    let contested_key = |j: usize| {
        let [user, narrower, lower, start, _] = key(contested[j]);
        [user, narrower, lower, start, j]
    };
    visit_sorted(contested.len(), bounds, contested_key, packed, |j| {
        let k = contested[j];
        let c = &candidates[k];
        let mask = blocks(c.kind);
        if taken[c.start..c.end].iter().any(|&t| t & mask != 0) || names_an_organization(c, taken) {
            return;
        }
        let bit = layer(c);
        for t in &mut taken[c.start..c.end] {
            *t |= bit;
        }
        if c.kind == FactType::Organization {
            taken[c.start] |= ORGANIZATION_FIRST;
            taken[c.end - 1] |= ORGANIZATION_LAST;
        }
        let (start, end) = original_span(c);
        won.push((start, end, k));
    });
    // Text order: by start, the longer first, then in the order they won.
    let original_len = doc.original.len();
    let won = &*won;
    in_text_order.clear();
    let mut same_spans = false;
    visit_sorted(
        won.len(),
        [original_len + 1, original_len + 1, won.len()],
        |w| {
            let (start, end, _) = won[w];
            // Each part below its bound, or the packed key would spill into the next.
            [
                start.min(original_len),
                original_len - end.min(original_len),
                w,
            ]
        },
        packed,
        |w| {
            let (start, end, k) = won[w];
            same_spans |= in_text_order
                .last()
                .is_some_and(|&(s, e, _)| (s, e) == (start, end));
            in_text_order.push((start, end, k));
        },
    );
    // Winners of the same span (in the original: two spans of tokens may map to one) stand
    // in the order of the keys they were visited in; `won` has the uncontested ones first,
    // so such a run is put in that order here (runs are rare, and short).
    let mut run = 0;
    while same_spans && run < in_text_order.len() {
        let (start, end, _) = in_text_order[run];
        let run_end = in_text_order[run..]
            .iter()
            .position(|&(s, e, _)| (s, e) != (start, end))
            .map_or(in_text_order.len(), |len| run + len);
        if run_end > run + 1 {
            in_text_order[run..run_end].sort_unstable_by_key(|&(_, _, k)| key(k));
        }
        run = run_end;
    }
    // The facts made in one extend over the winners in text order, not pushed one by one
    // from inside the sort's visit: no capacity check per fact, and a tighter loop.
    let mut facts = Vec::with_capacity(won.len());
    facts.extend(in_text_order.iter().map(|&(start, end, k)| {
        // Each candidate wins at most once: its value is moved out, `None` left (one
        // byte written, and nothing to drop when the candidates are cleared; an empty
        // value left there cost a copy more and a drop each). Never `None` here.
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
            value: match c.value.take() {
                Some(value) => value,
                None => Value::Name(NameValue::default()),
            },
            rule: c.rule,
        }
    }));
    candidates.clear();
    let room = buffers.taken.capacity();
    crate::spare::keep(&SPARE_BUFFERS, buffers, room);
    facts
}

#[cfg(test)]
mod tests {
    use super::{ORGANIZATION_FIRST, ORGANIZATION_LAST, Packed, visit_sorted};
    use crate::fact::FactType;

    /// The kinds random candidates take (the same-span person test leaves out the last).
    const KINDS: [FactType; 8] = [
        FactType::Number,
        FactType::Money,
        FactType::Date,
        FactType::Ordinal,
        FactType::Person,
        FactType::Organization,
        FactType::Location,
        FactType::Time,
    ];

    /// A xorshift generator of numbers below `n`.
    fn generator() -> impl FnMut(usize) -> usize {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }

    #[test]
    fn packed_keys_sort_as_the_parts_do() {
        let mut next = generator();
        let mut packed = Packed::default();
        // Bounds whose parts need 31 bits in all (a u64), 94 (a u128), 193 (compared part
        // by part); the index last.
        for big in [1 << 8, 1 << 40, usize::MAX] {
            for len in [0, 1, 2, 5, 40, 300] {
                let bounds = [2, big, 13, big, len];
                let keys: Vec<[usize; 5]> = (0..len)
                    .map(|k| {
                        let big_part = |next: &mut dyn FnMut(usize) -> usize| {
                            // Small values, and the largest allowed.
                            if next(8) == 0 { big - 1 } else { next(30) }
                        };
                        [
                            next(2),
                            big_part(&mut next),
                            next(13),
                            big_part(&mut next),
                            k,
                        ]
                    })
                    .collect();
                let mut by_parts = keys.clone();
                by_parts.sort();
                let mut visited = Vec::new();
                visit_sorted(len, bounds, |k| keys[k], &mut packed, |k| visited.push(k));
                let expected: Vec<usize> = by_parts.iter().map(|key| key[4]).collect();
                assert_eq!(visited, expected, "{big} {len}");
            }
        }
    }

    /// What [`super::resolve`] keeps, as it kept it before uncontested candidates were let
    /// through unsorted: every candidate sorted by its key, then the winners in text order.
    fn resolve_by_sorting_all(
        doc: &crate::rules::Doc<'_>,
        candidates: &[crate::rules::Candidate],
    ) -> Vec<(usize, usize, String, &'static str)> {
        use super::{
            FactType, ORGANIZATION_FIRST, ORGANIZATION_LAST, blocks, layer, names_an_organization,
            rank,
        };
        let tokens = doc.tokens;
        let text_len = doc.norm.text().len();
        let mut order: Vec<([usize; 4], usize)> = candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.start < c.end && c.end <= tokens.len())
            .map(|(k, c)| {
                let width = tokens[c.end - 1].end - tokens[c.start].start;
                let user = crate::rules::user::is_user_rule(c.rule);
                let key = [
                    usize::from(!user),
                    text_len - width,
                    usize::from(u8::MAX - rank(c)),
                    c.start,
                ];
                (key, k)
            })
            .collect();
        order.sort();
        let mut taken = vec![0u8; tokens.len()];
        let mut won = Vec::new();
        for &(_, k) in &order {
            let c = &candidates[k];
            let mask = blocks(c.kind);
            if taken[c.start..c.end].iter().any(|&t| t & mask != 0)
                || names_an_organization(c, &taken)
            {
                continue;
            }
            for t in &mut taken[c.start..c.end] {
                *t |= layer(c);
            }
            if c.kind == FactType::Organization {
                taken[c.start] |= ORGANIZATION_FIRST;
                taken[c.end - 1] |= ORGANIZATION_LAST;
            }
            let (start, end) = doc.norm.span_to_original(
                doc.original,
                tokens[c.start].start,
                tokens[c.end - 1].end,
            );
            won.push((start, end, k));
        }
        let mut in_text_order: Vec<(usize, usize, usize)> = won
            .iter()
            .enumerate()
            .map(|(w, &(start, end, _))| (start, usize::MAX - end, w))
            .collect();
        in_text_order.sort();
        in_text_order
            .iter()
            .map(|&(_, _, w)| {
                let (start, end, k) = won[w];
                let Some(crate::fact::Value::Name(v)) = &candidates[k].value else {
                    unreachable!()
                };
                (start, end, v.normal.clone(), candidates[k].rule)
            })
            .collect()
    }

    #[test]
    fn uncontested_candidates_win_as_if_all_were_sorted() {
        use crate::fact::{NameValue, Value};
        use crate::rules::Candidate;
        let kinds = KINDS;
        let rules = [
            "test.any",
            "organization.known",
            "test.user_lexicon",
            "organization.type_quoted",
        ];
        let mut next = generator();
        // Letters normalization changes (capitals, "ё", a dash), so that spans shift.
        crate::rules::with_doc(
            "Ёлка — Один два ТРИ «четыре» пять шесть семь восемь, девять; десять Ё.",
            |doc| {
                let len = doc.tokens.len();
                for round in 0..500 {
                    let mut candidates = Vec::new();
                    for k in 0..next(14) {
                        let start = next(len + 1);
                        // Most one token, some wider, a few empty or past the end.
                        let end = start + [1, 1, 1, 2, 3, 0][next(6)];
                        candidates.push(Candidate {
                            start,
                            end: end.min(len + usize::from(next(9) == 0)),
                            kind: kinds[next(kinds.len())],
                            value: Some(Value::Name(NameValue {
                                normal: k.to_string(),
                                ..NameValue::default()
                            })),
                            rule: rules[next(rules.len())],
                        });
                        if next(4) == 0 {
                            // The same span again, of another kind or the same.
                            let mut again = candidates[candidates.len() - 1].clone();
                            again.kind = kinds[next(kinds.len())];
                            again.value = Some(Value::Name(NameValue {
                                normal: format!("{k}'"),
                                ..NameValue::default()
                            }));
                            candidates.push(again);
                        }
                    }
                    let expected = resolve_by_sorting_all(doc, &candidates);
                    let facts = super::resolve(doc, &mut candidates);
                    let got: Vec<(usize, usize, String, &'static str)> = facts
                        .into_iter()
                        .map(|f| {
                            let Value::Name(v) = f.value else {
                                unreachable!()
                            };
                            (f.start, f.end, v.normal, f.rule)
                        })
                        .collect();
                    assert_eq!(got, expected, "round {round}");
                }
            },
        );
    }

    #[test]
    fn a_person_after_another_of_the_same_span_never_wins() {
        use crate::fact::Value;
        use crate::rules::Candidate;
        // What `person::surname_mentions` counts on to leave such a mention out.
        let kinds = &KINDS[..7];
        let mut next = generator();
        crate::rules::with_doc(
            "Один два три четыре пять шесть семь восемь.",
            |doc| {
                let len = doc.tokens.len();
                for _ in 0..300 {
                    let mut candidates = Vec::new();
                    for _ in 0..next(12) {
                        let start = next(len);
                        let end = (start + 1 + next(3)).min(len);
                        candidates.push(Candidate {
                            start,
                            end,
                            kind: kinds[next(kinds.len())],
                            value: Some(Value::Name(Default::default())),
                            rule: "test.any",
                        });
                        if candidates
                            .last()
                            .is_some_and(|c| c.kind == FactType::Person)
                        {
                            // Another person of the same span, later, maybe with others between.
                            let at = candidates.len() + next(3);
                            let span = (start, end);
                            for _ in candidates.len()..at {
                                let s = next(len);
                                candidates.push(Candidate {
                                    start: s,
                                    end: (s + 1 + next(2)).min(len),
                                    kind: kinds[next(kinds.len())],
                                    value: Some(Value::Name(Default::default())),
                                    rule: "test.any",
                                });
                            }
                            candidates.push(Candidate {
                                start: span.0,
                                end: span.1,
                                kind: FactType::Person,
                                value: Some(Value::Name(Default::default())),
                                rule: "test.same_span",
                            });
                        }
                    }
                    let facts = super::resolve(doc, &mut candidates);
                    assert!(
                        facts.iter().all(|f| f.rule != "test.same_span"),
                        "{facts:?}"
                    );
                }
            },
        );
    }

    #[test]
    fn an_organization_spans_a_location_as_a_set_of_spans_says() {
        let mut next = generator();
        for _ in 0..200 {
            // Organizations that never overlap, marked as the resolver marks them.
            let len = 1 + next(12);
            let mut taken = vec![0u8; len];
            let mut spans = Vec::new();
            let mut k = next(3);
            while k < len {
                let end = (k + 1 + next(3)).min(len);
                taken[k] |= ORGANIZATION_FIRST;
                taken[end - 1] |= ORGANIZATION_LAST;
                spans.push((k, end));
                k = end + next(3);
            }
            for start in 0..len {
                for end in start + 1..=len {
                    let c = crate::rules::Candidate {
                        start,
                        end,
                        kind: crate::fact::FactType::Location,
                        value: Some(crate::fact::Value::Name(Default::default())),
                        rule: "location.test",
                    };
                    assert_eq!(
                        super::names_an_organization(&c, &taken),
                        spans.contains(&(start, end)),
                        "{spans:?} {start}..{end}"
                    );
                }
            }
        }
    }
}
