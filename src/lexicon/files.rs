//! The lexicon files and how each row is read. The files live in `lexicons/` and are
//! embedded in the binary.

use super::tsv::Row;
use super::{LexiconBuilder, Meaning, NumberClass, RowLoader, parse_decimal};
use crate::fact::Qualifier;

/// A lexicon file: its name under `lexicons/`, its embedded content, and its row reader.
pub struct LexiconFile {
    /// The file name under `lexicons/`.
    pub name: &'static str,
    /// The content compiled into the binary.
    pub embedded: &'static str,
    /// Reads one row.
    pub load: RowLoader,
}

macro_rules! lexicon_file {
    ($name:literal, $load:expr) => {
        LexiconFile {
            name: $name,
            embedded: include_str!(concat!("../../lexicons/", $name)),
            load: $load,
        }
    };
}

/// Every lexicon file, in load order.
pub static FILES: &[LexiconFile] = &[
    lexicon_file!("multipliers.tsv", load_multiplier),
    lexicon_file!("currencies.tsv", load_currency),
    lexicon_file!("percent.tsv", load_percent),
    lexicon_file!("qualifiers.tsv", load_qualifier),
    lexicon_file!("abbreviations.tsv", load_abbreviation),
    lexicon_file!("number_words.tsv", load_number_word),
    lexicon_file!("identifier_prefixes.tsv", load_identifier_prefix),
    lexicon_file!("units.tsv", load_unit),
    lexicon_file!("rates.tsv", load_rate),
    lexicon_file!("count_nouns.tsv", load_count_noun),
    lexicon_file!("ordinal_words.tsv", load_ordinal_word),
    lexicon_file!("age_suffixes.tsv", load_age_suffix),
    lexicon_file!("age_blocking_nouns.tsv", load_age_blocking_noun),
    lexicon_file!("blockers.tsv", load_blocker),
    lexicon_file!("age_cues.tsv", load_age_cue),
];

/// `form, comparative` (yes/no)
fn load_age_cue(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let inside = match row.field(1, "comparative")? {
        "yes" => true,
        "no" => false,
        other => return Err(format!("comparative {other:?} is not yes or no")),
    };
    b.add(row.field(0, "form")?, Meaning::AgeCue(inside));
    Ok(())
}

/// `stem`
fn load_age_blocking_noun(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    b.add_age_blocking_stem(row.field(0, "stem")?);
    Ok(())
}

/// `form, type`
fn load_blocker(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let name = row.field(1, "type")?;
    let kind = crate::fact::FactType::from_name(name)
        .ok_or_else(|| format!("unknown fact type {name:?}"))?;
    b.add(row.field(0, "form")?, Meaning::Blocks(kind));
    Ok(())
}

/// `form, unit, dimension`
fn load_unit(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let symbol = row.field(1, "unit")?.into();
    let dimension = row.field(2, "dimension")?.into();
    b.add(row.field(0, "form")?, Meaning::Unit { symbol, dimension });
    Ok(())
}

/// `form, per`
fn load_rate(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    b.add(
        row.field(0, "form")?,
        Meaning::Rate(row.field(1, "per")?.into()),
    );
    Ok(())
}

/// `form, lemma`
fn load_count_noun(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    b.add(
        row.field(0, "form")?,
        Meaning::CountNoun(row.field(1, "lemma")?.into()),
    );
    Ok(())
}

/// `form, value`
fn load_ordinal_word(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let value = parse_decimal(row.field(1, "value")?, "value")?;
    b.add(row.field(0, "form")?, Meaning::OrdinalWord(value));
    Ok(())
}

/// `suffix, unit`
fn load_age_suffix(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    b.add_age_suffix(row.field(0, "suffix")?, row.field(1, "unit")?);
    Ok(())
}

/// `form`
fn load_identifier_prefix(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    b.add(row.field(0, "form")?, Meaning::IdentifierPrefix);
    Ok(())
}

/// `form, value, class`
fn load_number_word(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let value = parse_decimal(row.field(1, "value")?, "value")?;
    let class = match row.field(2, "class")? {
        "zero" => NumberClass::Zero,
        "unit" => NumberClass::Unit,
        "teen" => NumberClass::Teen,
        "ten" => NumberClass::Ten,
        "hundred" => NumberClass::Hundred,
        "half" => NumberClass::Half,
        "fraction" => NumberClass::Fraction,
        "denominator" => NumberClass::Denominator,
        "whole" => NumberClass::Whole,
        "vague" => NumberClass::Vague,
        "few" => NumberClass::Few,
        other => return Err(format!("unknown number class {other:?}")),
    };
    b.add(row.field(0, "form")?, Meaning::NumberWord { value, class });
    Ok(())
}

/// `form, factor, number`: number is `sg` or `pl` for words that can stand alone
/// ("миллион рублей"), empty for abbreviations and forms that only follow a number.
fn load_multiplier(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let factor = parse_decimal(row.field(1, "factor")?, "factor")?;
    let form = row.field(0, "form")?;
    b.add(form, Meaning::Multiplier(factor));
    let plural = match row.optional(2) {
        None => return Ok(()),
        Some("sg") => false,
        Some("pl") => true,
        Some(other) => return Err(format!("number {other:?} is not sg or pl")),
    };
    b.add(form, Meaning::LoneMultiplier { factor, plural });
    Ok(())
}

/// `form, code, factor, position` (factor defaults to 1; position is `prefix`, `suffix`
/// or `both`, default `suffix`).
fn load_currency(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let code = row.field(1, "code")?;
    if code.len() != 3 || !code.bytes().all(|c| c.is_ascii_uppercase()) {
        return Err(format!("currency code {code:?} is not an ISO 4217 code"));
    }
    let factor = match row.optional(2) {
        Some(f) => parse_decimal(f, "factor")?,
        None => crate::decimal::Decimal::from_int(1),
    };
    let prefix = match row.optional(3).unwrap_or("suffix") {
        "prefix" | "both" => true,
        "suffix" => false,
        other => return Err(format!("position {other:?} is not prefix, suffix or both")),
    };
    b.add(
        row.field(0, "form")?,
        Meaning::Currency {
            code: code.into(),
            factor,
            prefix,
        },
    );
    Ok(())
}

/// `form, unit` with unit `percent` or `percentage_point`.
fn load_percent(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let unit = match row.field(1, "unit")? {
        "percent" => "percent",
        "percentage_point" => "percentage_point",
        other => return Err(format!("unit {other:?} is not percent or percentage_point")),
    };
    b.add(row.field(0, "form")?, Meaning::Percent(unit));
    Ok(())
}

/// `form, qualifier`
fn load_qualifier(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let name = row.field(1, "qualifier")?;
    let q = Qualifier::from_name(name).ok_or_else(|| format!("unknown qualifier {name:?}"))?;
    b.add(row.field(0, "form")?, Meaning::Qualifier(q));
    Ok(())
}

/// `word, may_end_sentence` (yes/no)
fn load_abbreviation(row: &Row<'_>, b: &mut LexiconBuilder) -> Result<(), String> {
    let ends = match row.field(1, "may_end_sentence")? {
        "yes" => true,
        "no" => false,
        other => return Err(format!("may_end_sentence {other:?} is not yes or no")),
    };
    b.add_abbreviation(row.field(0, "word")?, ends);
    Ok(())
}
