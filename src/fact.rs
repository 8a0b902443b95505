//! The output schema: a [`Fact`] and its typed [`Value`].
//!
//! These types are what `newsfacts` serializes, one JSON object a line; `SCHEMA.md` at the
//! top of the repository is the field-by-field reference, and [`SCHEMA_VERSION`] its version.
//! Inside the library, offsets are UTF-8 byte offsets into the original text (so that
//! `&text[fact.start..fact.end] == fact.text`); the CLI converts them to code points (or
//! UTF-16 units) once per document when it writes them.

use crate::decimal::Decimal;
use serde::Serialize;

/// The version of the JSON output schema: bumped when a field is removed, renamed or
/// changes meaning, not when one is added.
pub const SCHEMA_VERSION: u32 = 1;

/// What kind of fact it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactType {
    /// A number on its own: "2,5 млн", "треть".
    Number,
    /// An amount of money with its ISO 4217 currency.
    Money,
    /// A percentage, or percentage points.
    Percent,
    /// An amount with a unit, or a count of something.
    Quantity,
    /// An ordinal: "3-й", "XXI век".
    Ordinal,
    /// A person's age: "30-летний".
    Age,
    /// A date, date interval or relative date.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A person's name.
    Person,
    /// An organization's name.
    Organization,
    /// A place name.
    Location,
}

impl FactType {
    /// Every type, in schema order.
    pub const ALL: [FactType; 12] = [
        FactType::Number,
        FactType::Money,
        FactType::Percent,
        FactType::Quantity,
        FactType::Ordinal,
        FactType::Age,
        FactType::Date,
        FactType::Time,
        FactType::Duration,
        FactType::Person,
        FactType::Organization,
        FactType::Location,
    ];

    /// The name used in JSON (`"money"`).
    pub fn name(self) -> &'static str {
        match self {
            FactType::Number => "number",
            FactType::Money => "money",
            FactType::Percent => "percent",
            FactType::Quantity => "quantity",
            FactType::Ordinal => "ordinal",
            FactType::Age => "age",
            FactType::Date => "date",
            FactType::Time => "time",
            FactType::Duration => "duration",
            FactType::Person => "person",
            FactType::Organization => "organization",
            FactType::Location => "location",
        }
    }

    /// The type named `name` in JSON, if any.
    pub fn from_name(name: &str) -> Option<FactType> {
        FactType::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// One fact found in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    /// What kind of fact.
    #[serde(rename = "type")]
    pub kind: FactType,
    /// Start, a UTF-8 byte offset into the original text.
    pub start: usize,
    /// End (exclusive), a UTF-8 byte offset into the original text.
    pub end: usize,
    /// The exact original text of the fact: `&text[start..end]`.
    pub text: String,
    /// The normalized value; its fields depend on `kind`.
    pub value: Value,
    /// The name of the rule that made the fact.
    pub rule: &'static str,
}

impl Fact {
    /// The fact's coarse named-entity class, for scoring against NER corpora: `PER`, `ORG`,
    /// `LOC`, `DATE`, `TIME`, `MONEY`, `PERCENT`, `NUMBER`, `QUANTITY`, `ORDINAL`, `AGE`,
    /// `DURATION`. Mostly the type renamed; but, as in OntoNotes, a count of things ("300
    /// человек") is a cardinal, `NUMBER`, while a measurement with a unit ("755 млн тонн")
    /// is a `QUANTITY`. Lengths of time stay `DURATION`, as the user's own examples label
    /// them (NEREL would say `DATE`: `score.py --merge DURATION=DATE` scores that way).
    pub fn class(&self) -> &'static str {
        match self.kind {
            FactType::Number => "NUMBER",
            FactType::Money => "MONEY",
            FactType::Percent => "PERCENT",
            // A count of things ("300 человек") is a cardinal there, not a measurement.
            FactType::Quantity => match &self.value {
                Value::Amount(a) if a.dimension.as_deref() == Some("count") => "NUMBER",
                _ => "QUANTITY",
            },
            FactType::Ordinal => "ORDINAL",
            FactType::Age => "AGE",
            FactType::Date => "DATE",
            FactType::Time => "TIME",
            FactType::Duration => "DURATION",
            FactType::Person => "PER",
            FactType::Organization => "ORG",
            FactType::Location => "LOC",
        }
    }
}

/// The normalized value of a fact.
// Facts are few next to tokens: an inline Amount costs less than a box per fact.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// Numbers, money, percentages, quantities, ordinals, ages and durations.
    Amount(Amount),
    /// Dates and times.
    Time(TimeValue),
    /// Persons, organizations and locations.
    Name(NameValue),
}

/// A qualifier said before an amount ("более 80%").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// более, свыше, больше.
    MoreThan,
    /// менее, меньше, почти.
    LessThan,
    /// около, порядка, примерно.
    About,
    /// не менее, как минимум.
    AtLeast,
    /// не более, максимум.
    AtMost,
    /// до.
    UpTo,
}

impl Qualifier {
    /// The name in JSON and in lexicons (`more_than`).
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::UpTo => "up_to",
        }
    }

    /// The qualifier named `name` in JSON and in lexicons (`more_than`).
    pub fn from_name(name: &str) -> Option<Qualifier> {
        Some(match name {
            "more_than" => Qualifier::MoreThan,
            "less_than" => Qualifier::LessThan,
            "about" => Qualifier::About,
            "at_least" => Qualifier::AtLeast,
            "at_most" => Qualifier::AtMost,
            "up_to" => Qualifier::UpTo,
            _ => return None,
        })
    }
}

/// The value of a numeric fact. A single amount has `value`; a range has `from` and `to`;
/// a vague amount ("сотни тысяч") has `approximate` and `order`. Amounts are exact.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Amount {
    /// The amount, multiplier applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    /// A range's lower end, inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Decimal>,
    /// A range's upper end, inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Decimal>,
    /// A qualifier said before the amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// True for vague amounts ("десятки"): `order` is then set instead of `value`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// The order of magnitude of a vague amount ("сотни тысяч" → 100000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<Decimal>,
    /// `"fraction"` for fractions ("треть"); `value` is then rounded to 6 places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// A fraction's numerator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Decimal>,
    /// A fraction's denominator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Decimal>,
    /// Money: the ISO 4217 currency code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Percent: `percent` or `percentage_point`; quantity: the canonical unit symbol;
    /// age and duration: the time unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Quantity: the unit as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_text: Option<String>,
    /// Quantity: what the unit measures (`mass`, `length`, ..., `count`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// Quantity: the noun phrase naming what is measured ("вольфрамовой руды").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Duration: the ISO 8601 duration (`P3Y6M`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
}

impl Amount {
    /// A single exact amount.
    pub fn exact(value: Decimal) -> Amount {
        Amount {
            value: Some(value),
            ..Amount::default()
        }
    }
}

/// The value of a date or time fact: an ISO 8601 value at a grain, an interval, or a
/// relative offset (resolved into `value` when a reference date is known).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TimeValue {
    /// The ISO 8601 value at the grain (`2025-11`, `2025-11-24`; times `15:30`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// An interval's start, at the grain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// An interval's end, at the grain, inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The grain: `century`, `decade`, `year`, `half`, `quarter`, `season`, `month`, `week`,
    /// `day`; for times `hour`, `minute`, `second`, `part_of_day`.
    pub grain: &'static str,
    /// The ISO 8601 offset of a relative expression from the reference (`-P1D`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<String>,
    /// A time zone when it is said (`Europe/Moscow`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tz: Option<&'static str>,
    /// A part of the day said without a clock time (`morning`, `afternoon`, `evening`,
    /// `night`: "утром", "в ночь на 19 декабря"), with grain `part_of_day`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<&'static str>,
    /// A qualifier (for "до 2030 года": `up_to`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
}

/// The value of a name: its nominative normal form, and for persons its parts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NameValue {
    /// The nominative normal form.
    pub normal: String,
    /// A person's first name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// A person's patronymic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middle: Option<String>,
    /// A person's surname.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
}
