//! Tolerant scalar conversions: the one place where wire values become typed values.
//!
//! Both front ends reduce a scalar on the wire (a JSON string, number, boolean or
//! `null`; an XML element's text) to an [`In`] and hand it to one of the functions
//! below. The rules are documented for users on [`crate::model`].
//!
//! Numbers are never read through a float on the way in: a JSON number arrives
//! as its text, and integers are decided exactly on that text, so a number that
//! does not fit its member keeps its digits.

use std::borrow::Cow;

use crate::value::{Number, Scalar, Value, is_space};

/// A scalar as the wire carried it, before any typing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum In<'de> {
    /// A JSON string or XML text (escapes and entities decoded).
    Str(Cow<'de, str>),
    /// A JSON number, as its token's text.
    Number(Cow<'de, str>),
    /// A JSON boolean.
    Bool(bool),
    /// JSON `null`.
    Null,
}

impl<'de> In<'de> {
    /// A number handed over by serde as an integer.
    pub(crate) fn from_i64(n: i64) -> Self {
        In::Number(Cow::Owned(n.to_string()))
    }

    /// A number handed over by serde as an unsigned integer.
    pub(crate) fn from_u64(n: u64) -> Self {
        In::Number(Cow::Owned(n.to_string()))
    }

    /// A number handed over by serde as a float (already rounded by the
    /// format; its shortest text is what is kept).
    pub(crate) fn from_f64(f: f64) -> Self {
        if f.is_finite() {
            In::Number(Cow::Owned(format!("{f:?}")))
        } else {
            In::Str(Cow::Owned(format!("{f}")))
        }
    }

    /// The value's literal text, as a string member keeps it.
    pub(crate) fn into_text(self) -> String {
        match self {
            In::Str(s) | In::Number(s) => s.into_owned(),
            In::Bool(b) => if b { "true" } else { "false" }.to_owned(),
            In::Null => String::new(),
        }
    }

    /// Whether this is `null`, or a string of white space only.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            In::Null => true,
            In::Str(s) => s.trim_matches(is_space).is_empty(),
            In::Number(_) | In::Bool(_) => false,
        }
    }
}

/// Reads a text member: every scalar is accepted as its literal text.
pub(crate) fn text(v: In<'_>) -> crate::value::Str {
    match v {
        In::Str(s) | In::Number(s) => s.into(),
        In::Bool(b) => if b { "true" } else { "false" }.into(),
        In::Null => crate::value::Str::default(),
    }
}

/// Reads an integer member (`Code`, `Delay`, `Checkpoint`, `DatabaseCount`, …).
///
/// A number or numeric text that denotes an integer in `i64` range is that
/// integer, whatever its spelling (`-0` is 0, `1e3` is 1000, `2.0` is 2);
/// anything else keeps its text.
pub(crate) fn integer(v: In<'_>) -> Scalar<i64> {
    match v {
        In::Number(s) => typed(s, exact_integer),
        In::Str(s) => typed(s, |t| exact_integer(t.trim_matches(is_space))),
        In::Null => Scalar::Empty,
        In::Bool(_) => Scalar::Invalid(v.into_text()),
    }
}

/// Reads a boolean member (`Success`, `Retrying`, `Ddl`, …): `true`/`false`
/// as booleans or text in any case.
pub(crate) fn boolean(v: In<'_>) -> Scalar<bool> {
    match v {
        In::Bool(b) => Scalar::Value(b),
        In::Str(s) => typed(s, |t| {
            let t = t.trim_matches(is_space);
            if t.eq_ignore_ascii_case("true") {
                Some(true)
            } else if t.eq_ignore_ascii_case("false") {
                Some(false)
            } else {
                None
            }
        }),
        In::Null => Scalar::Empty,
        In::Number(_) => Scalar::Invalid(v.into_text()),
    }
}

/// Reads a float member (`MaxDu`, `MinDu`); integer literals are floats too.
/// A number whose value a float cannot hold (`1e400`, `1e-400`) keeps its text.
pub(crate) fn float(v: In<'_>) -> Scalar<f64> {
    match v {
        In::Number(s) => typed(s, exact_float),
        In::Str(s) => typed(s, |t| exact_float(t.trim_matches(is_space))),
        In::Null => Scalar::Empty,
        In::Bool(_) => Scalar::Invalid(v.into_text()),
    }
}

/// An untyped scalar as a [`Value`].
pub(crate) fn value(v: In<'_>) -> Value {
    match v {
        In::Str(s) => Value::String(s.into_owned()),
        In::Number(s) => Value::Number(Number::from_json_text(&s)),
        In::Bool(b) => Value::Bool(b),
        In::Null => Value::Null,
    }
}

/// A typed value from text: blank is [`Scalar::Empty`], unreadable text is
/// kept whole as [`Scalar::Invalid`].
fn typed<T>(s: Cow<'_, str>, parse: impl FnOnce(&str) -> Option<T>) -> Scalar<T> {
    if s.trim_matches(is_space).is_empty() {
        return Scalar::Empty;
    }
    match parse(&s) {
        Some(v) => Scalar::Value(v),
        None => Scalar::Invalid(s.into_owned()),
    }
}

/// A decimal number split into its parts: `[+-]?int[.frac][(e|E)[+-]?exp]`,
/// every part ASCII digits, `int` and (when a `.` is present) `frac` not
/// empty. Leading zeros are allowed (text from XML or a JSON string).
struct Decimal<'a> {
    negative: bool,
    int: &'a str,
    frac: &'a str,
    /// `None` when the exponent does not fit `i64`; its sign is `exp_negative`.
    exp: Option<i64>,
    exp_negative: bool,
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl<'a> Decimal<'a> {
    fn parse(t: &'a str) -> Option<Self> {
        let (negative, rest) = match t.as_bytes().first()? {
            b'-' => (true, t.get(1..)?),
            b'+' => (false, t.get(1..)?),
            _ => (false, t),
        };
        let (mantissa, exp_text) = match rest.find(['e', 'E']) {
            Some(at) => (rest.get(..at)?, Some(rest.get(at + 1..)?)),
            None => (rest, None),
        };
        let (int, frac) = match mantissa.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (mantissa, None),
        };
        if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
            return None;
        }
        let (exp, exp_negative) = match exp_text {
            None => (Some(0), false),
            Some(e) => {
                let (neg, digits) = match e.as_bytes().first()? {
                    b'-' => (true, e.get(1..)?),
                    b'+' => (false, e.get(1..)?),
                    _ => (false, e),
                };
                if !all_digits(digits) {
                    return None;
                }
                (digits.parse::<i64>().ok(), neg)
            }
        };
        Some(Decimal {
            negative,
            int,
            frac: frac.unwrap_or(""),
            exp,
            exp_negative,
        })
    }

    fn is_zero(&self) -> bool {
        self.int.bytes().chain(self.frac.bytes()).all(|b| b == b'0')
    }
}

/// The integer a decimal text denotes, when it denotes one in `i64` range.
pub(crate) fn exact_integer(t: &str) -> Option<i64> {
    // the common case: plain digits, short enough not to overflow
    let plain = t.strip_prefix(['-', '+']).unwrap_or(t);
    if (1..=18).contains(&plain.len()) && plain.bytes().all(|b| b.is_ascii_digit()) {
        let magnitude: i64 = plain.parse().ok()?;
        return Some(if t.starts_with('-') { -magnitude } else { magnitude });
    }
    let d = Decimal::parse(t)?;
    if d.is_zero() {
        return Some(0);
    }
    let exp = d.exp?;
    let exp = if d.exp_negative { -exp } else { exp };
    // value = digits × 10^(exp − len(frac)); the digits' own leading and
    // trailing zeros folded in
    let digits = || d.int.bytes().chain(d.frac.bytes());
    let total = d.int.len() + d.frac.len();
    let leading = digits().take_while(|&b| b == b'0').count();
    let trailing = d
        .frac
        .bytes()
        .rev()
        .chain(d.int.bytes().rev())
        .take_while(|&b| b == b'0')
        .count();
    let significant = total - leading - trailing;
    let scale = exp
        .checked_sub(i64::try_from(d.frac.len()).ok()?)?
        .checked_add(i64::try_from(trailing).ok()?)?;
    if scale < 0 || i64::try_from(significant).ok()?.checked_add(scale)? > 19 {
        return None;
    }
    let mut magnitude: i128 = 0;
    for b in digits().skip(leading).take(significant) {
        magnitude = magnitude * 10 + i128::from(b - b'0');
    }
    for _ in 0..scale {
        magnitude = magnitude.checked_mul(10)?;
    }
    i64::try_from(if d.negative { -magnitude } else { magnitude }).ok()
}

/// The `f64` a decimal text denotes, when a float can hold it: finite, and
/// not rounded to zero from a number that is not zero.
pub(crate) fn exact_float(t: &str) -> Option<f64> {
    let d = Decimal::parse(t)?;
    let f = t.parse::<f64>().ok()?;
    (f.is_finite() && (f != 0.0 || d.is_zero())).then_some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> In<'_> {
        In::Str(Cow::Borrowed(v))
    }

    fn n(v: &str) -> In<'_> {
        In::Number(Cow::Borrowed(v))
    }

    #[test]
    fn integers_from_every_form() {
        assert_eq!(integer(n("200")), Scalar::Value(200));
        assert_eq!(integer(s("1616405159")), Scalar::Value(1_616_405_159));
        assert_eq!(integer(s(" 0 ")), Scalar::Value(0));
        assert_eq!(integer(s("-5")), Scalar::Value(-5));
        assert_eq!(integer(s("+5")), Scalar::Value(5));
        assert_eq!(integer(s("007")), Scalar::Value(7));
        assert_eq!(integer(s("")), Scalar::Empty);
        assert_eq!(integer(In::Null), Scalar::Empty);
        assert_eq!(integer(s("12ms")), Scalar::Invalid("12ms".into()));
        assert_eq!(integer(s("1.5")), Scalar::Invalid("1.5".into()));
        assert_eq!(integer(n("1.5")), Scalar::Invalid("1.5".into()));
        assert_eq!(integer(In::Bool(true)), Scalar::Invalid("true".into()));
        assert_eq!(integer(s("+")), Scalar::Invalid("+".into()));
        assert_eq!(integer(s(".5")), Scalar::Invalid(".5".into()));
        assert_eq!(integer(s("5.")), Scalar::Invalid("5.".into()));
    }

    #[test]
    fn integers_are_decided_exactly() {
        for (text, want) in [
            ("-0", Some(0)),
            ("1e3", Some(1000)),
            ("2.0", Some(2)),
            ("1.50e1", Some(15)),
            ("1500e-2", Some(15)),
            // leading zeros are no significant digits
            ("0.050e2", Some(5)),
            ("00.5e1", Some(5)),
            // an explicit plus sign, on the number and on its exponent
            ("+1e3", Some(1000)),
            ("+2.0", Some(2)),
            ("1e+3", Some(1000)),
            ("-1.5e1", Some(-15)),
            ("0e99999999999999999999", Some(0)),
            ("9223372036854775807", Some(i64::MAX)),
            ("-9223372036854775808", Some(i64::MIN)),
            ("9223372036854775808", None),
            ("123456789012345678901234", None),
            ("1E400", None),
            ("1e-3", None),
            ("1.05e1", None),
            ("1e99999999999999999999", None),
        ] {
            assert_eq!(exact_integer(text), want, "{text}");
        }
        assert_eq!(
            integer(n("123456789012345678901234")),
            Scalar::Invalid("123456789012345678901234".into())
        );
    }

    #[test]
    fn booleans_from_every_form() {
        assert_eq!(boolean(In::Bool(false)), Scalar::Value(false));
        assert_eq!(boolean(s("true")), Scalar::Value(true));
        assert_eq!(boolean(s(" FALSE ")), Scalar::Value(false));
        assert_eq!(boolean(s("")), Scalar::Empty);
        assert_eq!(boolean(s("yes")), Scalar::Invalid("yes".into()));
        assert_eq!(boolean(n("1")), Scalar::Invalid("1".into()));
    }

    #[test]
    fn floats_keep_what_they_cannot_hold() {
        assert_eq!(float(n("16")), Scalar::Value(16.0));
        assert_eq!(float(s("1.5")), Scalar::Value(1.5));
        assert_eq!(float(n("-0")), Scalar::Value(-0.0));
        assert_eq!(float(s("NaN")), Scalar::Invalid("NaN".into()));
        assert_eq!(float(s("inf")), Scalar::Invalid("inf".into()));
        assert_eq!(float(n("1E400")), Scalar::Invalid("1E400".into()));
        assert_eq!(float(n("0.1e-999")), Scalar::Invalid("0.1e-999".into()));
        assert_eq!(float(n("0e-999")), Scalar::Value(0.0));
    }

    #[test]
    fn text_keeps_literals() {
        assert_eq!(text(n("3306")), "3306");
        assert_eq!(text(n("1E400")), "1E400");
        assert_eq!(text(In::Bool(true)), "true");
        assert_eq!(text(In::Null), "");
        assert_eq!(text(s(" a ")), " a ");
    }
}
