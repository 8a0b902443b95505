//! Date intervals: "с 1 по 10 марта 2025 года", "с января по май 2007 года", "12–14 сентября",
//! "в 2008–2011 годах", "между 2010 и 2015 годами", "в январе–марте 2025 года", "XIX–XX вв.".
//! The start may leave out what the end says ("с 1 по 10 марта": the month and year of 1
//! come from 10 марта).

use super::date::{day_number, point_at, year_spec_at};
use super::date_value::{self, DateExpr, Point, YearSpec};
use super::timex::{StartToken, digits_at, prep_at, roman, roman_word, unit_word_at};
use super::{Candidate, Doc};
use crate::calendar::TimeUnit;
use crate::fact::{FactType, Value};
use crate::lexicon::Meaning;
use crate::lexicon::temporal::{TemporalWord, prep};
use crate::text::TokenKind;
use crate::text::token::HYPHENATED;

/// The start of an interval, possibly incomplete.
#[derive(Clone, Copy, Debug)]
enum Start {
    /// A number alone: a day ("с 1 по 10 марта") or a year ("с 2016 по 2020 год").
    Number(u32, usize),
    /// A point (maybe without its year).
    Point(Point),
}

/// Proposes date intervals. `last_dash` is the document's last "-" token an interval may run
/// through ([`may_join`]), if any.
pub fn apply(
    doc: &Doc<'_>,
    starts: &[StartToken],
    last_dash: Option<usize>,
    out: &mut Vec<Candidate>,
) {
    let mut read = LastStart::default();
    for s in starts {
        // Only a preposition starts "с ... по ..." and "между ... и ...".
        if s.may_be(crate::lexicon::temporal::word_kind::PREP) {
            from_to(doc, s, &mut read, out);
            between(doc, s, &mut read, out);
        }
        // Dashed intervals and centuries start after a preposition that keeps the value.
        let first = after_prep(doc, s, prep::DATE);
        dashed(doc, s, first, last_dash, &mut read, out);
        hyphenated_months(doc, s, out);
        centuries(doc, s.i, first, out);
        season_years(doc, s.i, out);
    }
}

/// "сезон 2016/17", "в сезонах 2002/03 и 2008/2009", "сезона 1989-90": a sports season
/// written as two consecutive years (the second maybe by its last two digits).
fn season_years(doc: &Doc<'_>, i: usize, out: &mut Vec<Candidate>) {
    // A slash joins only years; "1998-99 тонн" counts.
    let (a, b, end) = match doc.kind(i) {
        Some(TokenKind::NumberSeq) => {
            let Some((a, b)) = doc.text(i).split_once('/') else {
                return;
            };
            (a, b, i + 1)
        }
        Some(TokenKind::Number)
            if doc.is(i + 1, "-")
                && doc.glued(i + 1)
                && doc.glued(i + 2)
                && doc.kind(i + 2) == Some(TokenKind::Number) =>
        {
            if super::timex::measure_word_at(doc, i + 3) {
                return;
            }
            (doc.text(i), doc.text(i + 2), i + 3)
        }
        _ => return,
    };
    let (Some(a), Some(b)) = (
        super::timex::parse_digits(a, 4),
        super::timex::parse_digits(b, 4),
    ) else {
        return;
    };
    // "№ 2015/16" is a number of a document.
    let prefixed = (1..=2).any(|back| {
        i.checked_sub(back).is_some_and(|b| {
            doc.meaning(b, |m| matches!(m, Meaning::IdentifierPrefix).then_some(()))
                .is_some_and(|(_, end)| end == i)
        })
    });
    if prefixed {
        return;
    }
    let next = a + 1;
    let consecutive = match b {
        0..=99 => next % 100 == b,
        _ => next == b,
    };
    if a < 1800 || !consecutive || a > 2100 {
        return;
    }
    let year = |y: u32| Point::Year(YearSpec::Abs(y as i32));
    push(i, end, year(a), year(next), "date.season_years", doc, out);
}

fn push(
    start: usize,
    end: usize,
    a: Point,
    b: Point,
    rule: &'static str,
    doc: &Doc<'_>,
    out: &mut Vec<Candidate>,
) {
    if let Some(value) = date_value::interval(a, b, doc.reference) {
        out.push(Candidate {
            start,
            end,
            kind: FactType::Date,
            value: Some(Value::Time(value)),
            rule,
        });
    }
}

/// The last [`start_at`] read: a start after a preposition is read again at its own start
/// ("в 2008–2011 годах": "2008" after "в", then "2008" alone).
#[derive(Default)]
struct LastStart {
    read: Option<(usize, Option<(Start, usize)>)>,
}

impl LastStart {
    /// [`start_at`] at `i`, read once for the starts that ask one after the other.
    fn at(&mut self, doc: &Doc<'_>, i: usize) -> Option<(Start, usize)> {
        match self.read {
            Some((at, found)) if at == i => found,
            _ => {
                let found = start_at(doc, i);
                self.read = Some((i, found));
                found
            }
        }
    }
}

/// The start of an interval at `i` and the token after it.
fn start_at(doc: &Doc<'_>, i: usize) -> Option<(Start, usize)> {
    if let Some(found) = point_at(doc, i, prep::FROM)
        && let DateExpr::Point(p) = found.expr
    {
        return Some((Start::Point(p), found.end));
    }
    let (n, digits) = digits_at(doc, i, 4)?;
    // "1-го" as a day.
    let (_, next) = day_number(doc, i).unwrap_or((n, i + 1));
    Some((Start::Number(n, digits), next))
}

/// The start completed by the end: the day's month, or the year.
fn complete(start: Start, end: Point) -> Option<Point> {
    match (start, end) {
        (Start::Point(p), _) => Some(p),
        (Start::Number(day, digits), Point::Day { year, month, .. }) if digits <= 2 => {
            Some(Point::Day { year, month, day })
        }
        (Start::Number(y, digits), Point::Year(_)) if digits >= 3 => {
            Some(Point::Year(YearSpec::Abs(i32::try_from(y).ok()?)))
        }
        (Start::Number(y, 4), Point::Decade(_)) if y % 10 == 0 => {
            Some(Point::Decade(i32::try_from(y).ok()?))
        }
        _ => None,
    }
}

/// The end of an interval at `j`: a full point.
fn end_at(doc: &Doc<'_>, j: usize) -> Option<(Point, usize)> {
    if doc.sentence_start(j) {
        return None;
    }
    let found = point_at(doc, j, prep::THROUGH)?;
    match found.expr {
        DateExpr::Point(p) => Some((p, found.end)),
        _ => None,
    }
}

/// "с 1 по 10 марта 2025 года", "с 30 декабря 2024 года по 8 января 2025 года", "с января
/// по май 2007 года", "с 2016 по 2020 год", "с 01.03.2025 по 31.03.2025".
fn from_to(doc: &Doc<'_>, s: &StartToken, read: &mut LastStart, out: &mut Vec<Candidate>) {
    let i = s.i;
    let Some((bits, next)) = s.prep(doc, prep::FROM) else {
        return;
    };
    if bits & prep::FROM == 0 || doc.sentence_start(next) {
        return;
    }
    let Some((start, k)) = read.at(doc, next) else {
        return;
    };
    if doc.sentence_start(k) {
        return;
    }
    // "в ночь с 3 на 4 июня": days joined by "на".
    let after = match prep_at(doc, k, prep::THROUGH | prep::TO) {
        Some((_, after)) => after,
        None if doc.is(k, "на") && matches!(start, Start::Number(_, 1..=2)) => k + 1,
        None => return,
    };
    let Some((b, end)) = end_at(doc, after) else {
        return;
    };
    if let Some(a) = complete(start, b) {
        push(i, end, a, b, "date.range_from_to", doc, out);
    }
}

/// "между 2010 и 2015 годами".
fn between(doc: &Doc<'_>, s: &StartToken, read: &mut LastStart, out: &mut Vec<Candidate>) {
    let i = s.i;
    let Some((bits, next)) = s.prep(doc, prep::BETWEEN) else {
        return;
    };
    if bits & prep::BETWEEN == 0 || doc.sentence_start(next) {
        return;
    }
    let Some((start, k)) = read.at(doc, next) else {
        return;
    };
    if !doc.is(k, "и") {
        return;
    }
    let Some((b, end)) = end_at(doc, k + 1) else {
        return;
    };
    if let Some(a) = complete(start, b) {
        push(i, end, a, b, "date.range_between", doc, out);
    }
}

/// The token after a preposition of `roles` at start `s` ("в", "на" keep a date's value), in
/// the same sentence; the start itself if there is none.
fn after_prep(doc: &Doc<'_>, s: &StartToken, roles: u8) -> usize {
    match s.prep(doc, roles) {
        Some((_, next)) if !doc.sentence_start(next) => next,
        _ => s.i,
    }
}

/// "12–14 сентября 2025 года", "в 2008–2011 годах", "в 2015–2020 гг.", "на 2024–2026 годы".
/// `first`: [`after_prep`] with [`prep::DATE`] at the start `s`. `last_dash`: the
/// document's last "-" token an interval may run through ([`may_join`]).
fn dashed(
    doc: &Doc<'_>,
    s: &StartToken,
    first: usize,
    last_dash: Option<usize>,
    read: &mut LastStart,
    out: &mut Vec<Candidate>,
) {
    let begin = s.i;
    if doc.kind(begin) != Some(TokenKind::Number) && doc.kind(begin) != Some(TokenKind::Word) {
        return;
    }
    // The start ends after `first`, at the dash: with no dash after `first`, reading it (a
    // full date reading) is wasted.
    if last_dash.is_none_or(|d| d <= first) {
        return;
    }
    let Some((start, k)) = read.at(doc, first) else {
        return;
    };
    if !doc.is(k, "-") || doc.sentence_start(k + 1) {
        return;
    }
    let Some((b, end)) = end_at(doc, k + 1) else {
        // "в 1985–1990", "(1985–1990 и 2006–2011 годы)": years without a year word, after a
        // preposition or a bracket.
        if let Start::Number(a, 4) = start
            && let Some((b, 4)) = digits_at(doc, k + 1, 4)
            && (begin < first || (first > 0 && doc.is(first - 1, "(")))
            && (1800..=2100).contains(&a)
            && a < b
            && b <= 2100
            && !super::timex::measure_word_at(doc, k + 2)
        {
            let year = |y: u32| Point::Year(YearSpec::Abs(y as i32));
            push(begin, k + 2, year(a), year(b), "date.range_dash", doc, out);
        }
        return;
    };
    if let Some(a) = complete(start, b) {
        push(begin, end, a, b, "date.range_dash", doc, out);
    }
}

/// False if no dashed interval runs through the dash at `k` (`dashed`): its end, a point
/// or digits, must start right after it in the same sentence.
pub fn may_join(doc: &Doc<'_>, k: usize) -> bool {
    !doc.sentence_start(k + 1) && super::date::may_start_point(doc, k + 1)
}

/// A month in every case at `form` (a part of a hyphenated token).
pub(super) fn month_form(doc: &Doc<'_>, form: &str) -> Option<u32> {
    doc.lexicon.lookup(form).iter().find_map(|m| match m {
        Meaning::Temporal(TemporalWord::Month { month, cases })
            if *cases != crate::lexicon::temporal::MONTH_ADJECTIVE =>
        {
            Some(u32::from(*month))
        }
        _ => None,
    })
}

/// "в январе–марте 2025 года", "в январе-сентябре 2024 г." (one hyphenated token).
fn hyphenated_months(doc: &Doc<'_>, s: &StartToken, out: &mut Vec<Candidate>) {
    let (first, begin) = (after_prep(doc, s, prep::DATE | prep::FROM), s.i);
    // Only a hyphenated word has a hyphen in it.
    if doc.kind(first) != Some(TokenKind::Word) || !doc.tokens[first].has(HYPHENATED) {
        return;
    }
    let Some((left, right)) = doc.text(first).split_once('-') else {
        return;
    };
    let Some(a) = month_form(doc, left) else {
        return;
    };
    let Some(b) = month_form(doc, right) else {
        return;
    };
    let (year, end) = match year_spec_at(doc, first + 1) {
        Some((y, end)) => (Some(y), end),
        None => (None, first + 1),
    };
    push(
        begin,
        end,
        Point::Month { year, month: a },
        Point::Month { year, month: b },
        "date.month_range",
        doc,
        out,
    );
}

/// "XIX–XX вв.", "в XIX-XX веках": Roman centuries joined by a dash.
/// The start is at `begin`, `first` is [`after_prep`] there with [`prep::DATE`].
fn centuries(doc: &Doc<'_>, begin: usize, first: usize, out: &mut Vec<Candidate>) {
    if doc.kind(first) != Some(TokenKind::Word) {
        return;
    }
    // "xix-xx" is one token; "XIX – XX" three. Only a hyphenated word has a hyphen in it.
    let halves = if doc.tokens[first].has(HYPHENATED) {
        doc.text(first).split_once('-')
    } else {
        None
    };
    let (a, b, k) = match halves {
        Some((l, r)) => match (roman(l), roman(r)) {
            (Some(a), Some(b)) => (a, b, first + 1),
            _ => return,
        },
        None => {
            let Some(a) = roman_word(doc, first) else {
                return;
            };
            if !doc.is(first + 1, "-") || doc.kind(first + 2) != Some(TokenKind::Word) {
                return;
            }
            let Some(b) = roman_word(doc, first + 2) else {
                return;
            };
            (a, b, first + 3)
        }
    };
    let Some(end) = unit_word_at(doc, k, TimeUnit::Century) else {
        return;
    };
    if !(1..=21).contains(&a) || !(1..=21).contains(&b) {
        return;
    }
    let (a, b) = (Point::Century(a as i32), Point::Century(b as i32));
    push(begin, end, a, b, "date.century_range", doc, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bounding dashed intervals by the last dash one may run through finds what bounding
    /// them by the last dash of all finds.
    #[test]
    fn last_joining_dash_finds_what_the_last_dash_finds() {
        let text = "12-14 сентября 2025 года - сказал он. В 2008-2011 годах, в 1985 - 1990 и \
                    (1985-1990 и 2006-2011 годы). 1 января - 5 февраля, январь - март - это \
                    зима. С 2010 - по 2015 - и 5 - 7 тонн, XIX - XX века - тогда. 3 - й, \
                    в 2019 - 2020 гг. - конец. 10 - 20. - Да. 5 мая -";
        crate::rules::with_doc(text, |doc| {
            let dashes: Vec<usize> = (0..doc.tokens.len()).filter(|&k| doc.is(k, "-")).collect();
            let last = dashes.last().copied();
            let last_joining = dashes.iter().rev().copied().find(|&k| may_join(doc, k));
            assert!(last != last_joining && last_joining.is_some());
            let (mut all, mut joining) = (Vec::new(), Vec::new());
            for i in 0..doc.tokens.len() {
                let s = StartToken::at_token(doc, i);
                let first = after_prep(doc, &s, prep::DATE);
                dashed(doc, &s, first, last, &mut LastStart::default(), &mut all);
                let mut read = LastStart::default();
                dashed(doc, &s, first, last_joining, &mut read, &mut joining);
            }
            assert_eq!(all, joining);
            assert!(all.len() >= 5, "{all:?}");
        });
    }
}
