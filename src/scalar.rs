//! Tolerant scalar conversions: the one place where wire values become typed values.
//!
//! Both front ends reduce a scalar on the wire (a JSON string, number, boolean or
//! `null`; an XML element's text) to an [`In`] and hand it to one of the functions
//! below. The rules are documented for users on [`crate::model`].

use std::borrow::Cow;

use crate::model::Scalar;

/// A scalar as the wire carried it, before any typing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum In<'de> {
    /// A JSON string or XML text (entities decoded).
    Str(Cow<'de, str>),
    /// A JSON integer that fits `i64`.
    I64(i64),
    /// A JSON integer above `i64::MAX`.
    U64(u64),
    /// A JSON number with a fraction or exponent.
    F64(f64),
    /// A JSON boolean.
    Bool(bool),
    /// JSON `null`.
    Null,
}

impl In<'_> {
    /// The value's literal text, as a string field keeps it.
    pub(crate) fn into_text(self) -> String {
        match self {
            In::Str(s) => s.into_owned(),
            In::I64(n) => n.to_string(),
            In::U64(n) => n.to_string(),
            In::F64(f) => format_float(f),
            In::Bool(b) => if b { "true" } else { "false" }.to_owned(),
            In::Null => String::new(),
        }
    }
}

/// Reads a text field: every scalar is accepted as its literal text.
pub(crate) fn text(v: In<'_>) -> String {
    v.into_text()
}

/// Reads an integer field (`Code`, `Delay`, `Checkpoint`, `DatabaseCount`, …).
pub(crate) fn integer(v: In<'_>) -> Scalar<i64> {
    match v {
        In::I64(n) => Scalar::Value(n),
        In::Str(s) => from_text(s, parse_int),
        In::Null => Scalar::Empty,
        // `{:?}` keeps the fraction (`2.0`), so the raw text never reads back
        // as the integer 2 and canonical output stays a fixed point.
        In::F64(f) => Scalar::Invalid(format!("{f:?}")),
        other => Scalar::Invalid(other.into_text()),
    }
}

/// Reads a boolean field (`Success`, `Retrying`, `Ddl`, …).
pub(crate) fn boolean(v: In<'_>) -> Scalar<bool> {
    match v {
        In::Bool(b) => Scalar::Value(b),
        In::Str(s) => from_text(s, |t| {
            if t.eq_ignore_ascii_case("true") {
                Some(true)
            } else if t.eq_ignore_ascii_case("false") {
                Some(false)
            } else {
                None
            }
        }),
        In::Null => Scalar::Empty,
        other => Scalar::Invalid(other.into_text()),
    }
}

/// Reads a float field (`MaxDu`, `MinDu`); integer literals are floats too.
pub(crate) fn float(v: In<'_>) -> Scalar<f64> {
    match v {
        In::F64(f) => Scalar::Value(f),
        #[allow(clippy::cast_precision_loss)]
        In::I64(n) => Scalar::Value(n as f64),
        #[allow(clippy::cast_precision_loss)]
        In::U64(n) => Scalar::Value(n as f64),
        In::Str(s) => from_text(s, parse_float),
        In::Null => Scalar::Empty,
        In::Bool(_) => Scalar::Invalid(v.into_text()),
    }
}

/// A typed value from text: surrounding spaces ignored, blank is
/// [`Scalar::Empty`], unreadable text kept whole as [`Scalar::Invalid`].
fn from_text<T>(s: Cow<'_, str>, parse: impl FnOnce(&str) -> Option<T>) -> Scalar<T> {
    let t = s.trim_matches(is_space);
    if t.is_empty() {
        return Scalar::Empty;
    }
    match parse(t) {
        Some(v) => Scalar::Value(v),
        None => Scalar::Invalid(s.into_owned()),
    }
}

/// XML and JSON whitespace: space, tab, line feed, carriage return.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Parses a decimal integer: optional sign, ASCII digits only.
pub(crate) fn parse_int(t: &str) -> Option<i64> {
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Parses a finite decimal float in JSON-like syntax (no `NaN`, `inf`, hex).
fn parse_float(t: &str) -> Option<f64> {
    let ok = t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
    if !ok || !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Formats a float the way canonical output writes it: whole values without a
/// fraction (`16`), others in the shortest form that reads back exactly.
pub(crate) fn format_float(f: f64) -> String {
    match whole(f) {
        Some(n) => n.to_string(),
        None => f.to_string(),
    }
}

/// `Some(n)` when `f` is a whole number small enough to be exact as an integer.
pub(crate) fn whole(f: f64) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    #[allow(clippy::cast_possible_truncation)]
    if f.is_finite() && f.fract() == 0.0 && f.abs() < EXACT {
        Some(f as i64)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> In<'_> {
        In::Str(Cow::Borrowed(v))
    }

    #[test]
    fn integers_from_every_form() {
        assert_eq!(integer(In::I64(200)), Scalar::Value(200));
        assert_eq!(integer(s("1616405159")), Scalar::Value(1_616_405_159));
        assert_eq!(integer(s(" 0 ")), Scalar::Value(0));
        assert_eq!(integer(s("-5")), Scalar::Value(-5));
        assert_eq!(integer(s("")), Scalar::Empty);
        assert_eq!(integer(In::Null), Scalar::Empty);
        assert_eq!(integer(s("12ms")), Scalar::Invalid("12ms".into()));
        assert_eq!(integer(s("1.5")), Scalar::Invalid("1.5".into()));
        assert_eq!(integer(In::F64(1.5)), Scalar::Invalid("1.5".into()));
        assert_eq!(
            integer(In::F64(2.0)),
            Scalar::Invalid("2.0".into()),
            "found by the roundtrip fuzzer"
        );
        assert_eq!(integer(In::Bool(true)), Scalar::Invalid("true".into()));
        assert_eq!(integer(In::U64(u64::MAX)), Scalar::Invalid(u64::MAX.to_string()));
        assert_eq!(
            integer(s("99999999999999999999")),
            Scalar::Invalid("99999999999999999999".into())
        );
        assert_eq!(integer(s("+")), Scalar::Invalid("+".into()));
    }

    #[test]
    fn booleans_from_every_form() {
        assert_eq!(boolean(In::Bool(false)), Scalar::Value(false));
        assert_eq!(boolean(s("true")), Scalar::Value(true));
        assert_eq!(boolean(s("FALSE")), Scalar::Value(false));
        assert_eq!(boolean(s("")), Scalar::Empty);
        assert_eq!(boolean(s("yes")), Scalar::Invalid("yes".into()));
        assert_eq!(boolean(In::I64(1)), Scalar::Invalid("1".into()));
    }

    #[test]
    fn floats_accept_integer_literals() {
        assert_eq!(float(In::I64(16)), Scalar::Value(16.0));
        assert_eq!(float(s("1.5")), Scalar::Value(1.5));
        assert_eq!(float(s("NaN")), Scalar::Invalid("NaN".into()));
        assert_eq!(float(s("inf")), Scalar::Invalid("inf".into()));
        assert_eq!(format_float(16.0), "16");
        assert_eq!(format_float(0.5), "0.5");
    }

    #[test]
    fn text_keeps_literals() {
        assert_eq!(text(In::I64(3306)), "3306");
        assert_eq!(text(In::Bool(true)), "true");
        assert_eq!(text(In::Null), "");
        assert_eq!(text(s(" a ")), " a ");
    }
}
