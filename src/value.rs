//! The value types every shape is built from: tolerant scalars, open
//! enumerations, exact numbers, untyped values and the list of unknown members.
//!
//! This is the bottom layer of the crate: it imports nothing else from it
//! but the stack guard of its recursive `Serialize`.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::str::FromStr;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A text value. Short texts — up to 24 bytes, as most ids, statuses and
/// timestamps are — are held inline, without an allocation; it reads as a
/// `&str` everywhere (`Deref`, `AsRef`, `Borrow`, comparisons with `str` and
/// `String`).
///
/// ```
/// use dts_job_detail::Str;
/// let id = Str::from("dtsi03e3zty16i****");
/// assert_eq!(id, "dtsi03e3zty16i****");
/// assert_eq!(id.len(), 18);
/// let owned: String = id.into();
/// # let _ = owned;
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Str(compact_str::CompactString);

impl Str {
    /// The text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Self {
        Str(compact_str::CompactString::new(s))
    }
}

impl From<String> for Str {
    fn from(s: String) -> Self {
        Str(compact_str::CompactString::from(s))
    }
}

impl From<Cow<'_, str>> for Str {
    fn from(s: Cow<'_, str>) -> Self {
        match s {
            Cow::Borrowed(s) => Str::from(s),
            Cow::Owned(s) => Str::from(s),
        }
    }
}

impl From<Str> for String {
    fn from(s: Str) -> Self {
        s.0.into_string()
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Str {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Str> for String {
    fn eq(&self, other: &Str) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Str> for str {
    fn eq(&self, other: &Str) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Str> for &str {
    fn eq(&self, other: &Str) -> bool {
        *self == other.as_str()
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Str {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A typed scalar as the response carried it.
///
/// The field around it is an `Option`: `None` means the member was absent.
///
/// ```
/// use dts_job_detail::Scalar;
/// let delay: Scalar<i64> = Scalar::Invalid("12ms".into());
/// assert_eq!(delay.value(), None);
/// assert_eq!(delay.invalid(), Some("12ms"));
/// assert_eq!(Scalar::Value(5).get(), Some(5));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar<T> {
    /// The value, read as its type (from a number, a string or XML text).
    Value(T),
    /// Present with no value: `""`, `null`, or an empty XML element.
    Empty,
    /// Present but not readable as its type: the exact text (a number's
    /// digits as written, a string as sent), written back unchanged as a
    /// string and reported by `validate()`.
    Invalid(String),
}

impl<T> Scalar<T> {
    /// The typed value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Scalar::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The raw text of an invalid value.
    pub fn invalid(&self) -> Option<&str> {
        match self {
            Scalar::Invalid(s) => Some(s),
            _ => None,
        }
    }
}

impl<T: Copy> Scalar<T> {
    /// The typed value, copied.
    pub fn get(&self) -> Option<T> {
        self.value().copied()
    }
}

/// How a typed scalar's value is written: the one place that decides the
/// canonical form of integers, booleans and floats.
trait CanonicalScalar {
    fn serialize_value<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
}

impl CanonicalScalar for i64 {
    fn serialize_value<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(*self)
    }
}

impl CanonicalScalar for bool {
    fn serialize_value<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(*self)
    }
}

impl CanonicalScalar for f64 {
    fn serialize_value<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match whole(*self) {
            Some(n) => s.serialize_i64(n),
            None => s.serialize_f64(*self),
        }
    }
}

/// `Value` as its canonical JSON type, `Empty` as `null`, `Invalid` as the
/// original string.
#[allow(private_bounds)]
impl<T: CanonicalScalar> Serialize for Scalar<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Scalar::Value(v) => v.serialize_value(s),
            Scalar::Empty => s.serialize_unit(),
            Scalar::Invalid(raw) => s.serialize_str(raw),
        }
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

/// Formats a float the way canonical output writes it: whole values without a
/// fraction (`16`), others in the shortest form that reads back exactly
/// (`0.5`, `1e300`).
pub(crate) fn format_float(f: f64) -> String {
    match whole(f) {
        Some(n) => n.to_string(),
        None => format!("{f:?}"),
    }
}

/// A string field whose values form an open set, such as `PayType`.
///
/// The spelling from the wire is kept (and written back unchanged);
/// [`known`](Open::known) matches it case-insensitively against the variants
/// this crate knows.
///
/// ```
/// use dts_job_detail::{Open, PayType};
/// let pay: Open<PayType> = Open::new("postpaid");
/// assert_eq!(pay.known(), Some(PayType::PostPaid));
/// assert_eq!(pay.raw(), "postpaid");
/// assert_eq!(Open::<PayType>::new("Trial").known(), None);
/// ```
pub struct Open<E> {
    raw: String,
    _enum: PhantomData<fn() -> E>,
}

impl<E> Open<E> {
    /// Wraps a spelling as received.
    pub fn new(raw: impl Into<String>) -> Self {
        Open {
            raw: raw.into(),
            _enum: PhantomData,
        }
    }

    /// The spelling as received.
    pub fn raw(&self) -> &str {
        &self.raw
    }
}

impl<E: FromStr> Open<E> {
    /// The known variant, matched case-insensitively after surrounding white
    /// space; `None` for other values.
    pub fn known(&self) -> Option<E> {
        self.raw.trim_matches(is_space).parse().ok()
    }
}

impl<E> Clone for Open<E> {
    fn clone(&self) -> Self {
        Open::new(self.raw.clone())
    }
}

impl<E> PartialEq for Open<E> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<E> Eq for Open<E> {}

impl<E> fmt::Debug for Open<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.raw, f)
    }
}

impl<E> fmt::Display for Open<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl<E> Serialize for Open<E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

/// XML and JSON white space: space, tab, line feed, carriage return.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// A number of an untyped value, kept exactly as written: its digits are
/// never rounded through a float, whatever their count.
///
/// ```
/// use dts_job_detail::{Number, Value};
/// let resp = dts_job_detail::json::from_str(r#"{"Big":123456789012345678901234567890,"Small":-7}"#)?;
/// let unknown = &resp.detail().unwrap().unknown;
/// let Some(Value::Number(big)) = unknown.get("Big") else { unreachable!() };
/// assert_eq!(big.to_string(), "123456789012345678901234567890");
/// assert_eq!(big.as_i64(), None);
/// assert_eq!(unknown.get("Small").and_then(Value::as_number).and_then(Number::as_i64), Some(-7));
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Number(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// An integer written in its shortest form (`-7`, not `-07`, `-0` or `7.0`).
    Int(i64),
    /// Any other JSON number, as written.
    Text(Box<str>),
}

impl Number {
    /// An integer.
    pub fn from_i64(n: i64) -> Self {
        Number(Repr::Int(n))
    }

    /// A number from the text of a JSON number token, which the caller has
    /// checked against the JSON grammar.
    pub(crate) fn from_json_text(text: &str) -> Self {
        let shortest = text != "-0" && !text.contains(['.', 'e', 'E']);
        match text.parse::<i64>() {
            Ok(n) if shortest => Number(Repr::Int(n)),
            _ => Number(Repr::Text(text.into())),
        }
    }

    /// The value, when it is an integer written plainly (`42`, `-7`) that
    /// fits `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match &self.0 {
            Repr::Int(n) => Some(*n),
            Repr::Text(_) => None,
        }
    }

    /// The value as the nearest `f64`, when that is finite.
    pub fn as_f64(&self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)]
        match &self.0 {
            Repr::Int(n) => Some(*n as f64),
            Repr::Text(t) => t.parse::<f64>().ok().filter(|f| f.is_finite()),
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Int(n) => n.fmt(f),
            Repr::Text(t) => f.write_str(t),
        }
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Number({self})")
    }
}

/// Through serde a number is an `i64` when it is one, else the nearest
/// finite `f64`, else its text as a string. (The crate's own writers, `json`
/// and `xml`, write every number exactly as it was read.)
impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (&self.0, self.as_f64()) {
            (Repr::Int(n), _) => s.serialize_i64(*n),
            (Repr::Text(t), _) if t.parse::<u64>().is_ok() => s.serialize_u64(t.parse().unwrap_or(0)),
            (Repr::Text(_), Some(f)) => s.serialize_f64(f),
            (Repr::Text(t), None) => s.serialize_str(t),
        }
    }
}

/// A value this crate does not type: an unknown member, or an untyped position
/// of the API (a placeholder in `ReverseJob`, an id in a job's own `SubSyncJob`).
///
/// From XML an element holding only text is a [`Value::String`], an element with
/// children an [`Value::Object`]; repeated children become a [`Value::Array`].
pub enum Value {
    /// JSON `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number, exactly as written.
    Number(Number),
    /// A string (or XML text).
    String(String),
    /// An array (or repeated XML elements).
    Array(Vec<Value>),
    /// An object, members in arrival order; a name that arrived more than
    /// once holds an array of its values.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The first member called `name`, if this is an object.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Whether this is an array or an object.
    pub(crate) fn is_container(&self) -> bool {
        matches!(self, Value::Array(_) | Value::Object(_))
    }
}

// Clone, PartialEq and Debug by hand: derived ones would recurse without
// the stack guard on a deeply nested value.
impl Clone for Value {
    fn clone(&self) -> Self {
        crate::stack::deeper(|| match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(*b),
            Value::Number(n) => Value::Number(n.clone()),
            Value::String(s) => Value::String(s.clone()),
            Value::Array(items) => Value::Array(items.clone()),
            Value::Object(members) => Value::Object(members.clone()),
        })
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        crate::stack::deeper(|| match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Array(a), Value::Array(b)) => a == b,
            (Value::Object(a), Value::Object(b)) => a == b,
            _ => false,
        })
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::stack::deeper(|| match self {
            Value::Null => f.write_str("Null"),
            Value::Bool(b) => f.debug_tuple("Bool").field(b).finish(),
            Value::Number(n) => f.debug_tuple("Number").field(n).finish(),
            Value::String(s) => f.debug_tuple("String").field(s).finish(),
            Value::Array(items) => f.debug_tuple("Array").field(items).finish(),
            Value::Object(members) => f.debug_tuple("Object").field(members).finish(),
        })
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::stack::deeper(|| match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => n.serialize(s),
            Value::String(v) => s.serialize_str(v),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        })
    }
}

/// Members a shape does not know, in arrival order, written back after the
/// known members.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnknownFields(pub Vec<(String, Value)>);

impl UnknownFields {
    /// The value stored under `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Iterates over `(name, value)` in arrival order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Adds a member at the end.
    pub fn push(&mut self, name: impl Into<String>, value: Value) {
        self.0.push((name.into(), value));
    }

    /// Removes the member called `name` and returns its value.
    pub(crate) fn take(&mut self, name: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == name)?;
        Some(self.0.remove(at).1)
    }

    pub(crate) fn serialize_entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        Ok(())
    }
}

/// Members repeated under one name become one array member, at the place of
/// the first: repeated XML siblings, and duplicate keys of a JSON object (so
/// both forms give one model). Linear time; nothing moves when names are
/// distinct. Returns the names that were merged.
pub(crate) fn merge_repeats(members: &mut Vec<(String, Value)>) -> Vec<usize> {
    if members.len() < 2 {
        return Vec::new();
    }
    let mut seen = std::collections::HashSet::with_capacity(members.len());
    if members.iter().all(|(k, _)| seen.insert(k.as_str())) {
        return Vec::new();
    }
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut merged = Vec::new();
    let mut out: Vec<(String, Value)> = Vec::with_capacity(members.len());
    for (k, v) in members.drain(..) {
        match index.get(&k).copied() {
            Some(i) => {
                if let Some((_, slot)) = out.get_mut(i) {
                    append(slot, v);
                    if !merged.contains(&i) {
                        merged.push(i);
                    }
                }
            }
            None => {
                index.insert(k.clone(), out.len());
                out.push((k, v));
            }
        }
    }
    *members = out;
    merged
}

/// Appends `value` to a repeated member (the first repeat makes the array).
pub(crate) fn append(slot: &mut Value, value: Value) {
    match slot {
        Value::Array(items) => items.push(value),
        other => {
            let first = std::mem::replace(other, Value::Null);
            *other = Value::Array(vec![first, value]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_text() {
        for (text, int) in [
            ("0", Some(0)),
            ("-7", Some(-7)),
            ("-0", None),
            ("1e3", None),
            ("2.0", None),
            ("9223372036854775807", Some(i64::MAX)),
            ("9223372036854775808", None),
            ("123456789012345678901234567890", None),
        ] {
            let n = Number::from_json_text(text);
            assert_eq!(n.to_string(), text);
            assert_eq!(n.as_i64(), int, "{text}");
        }
        assert_eq!(Number::from_json_text("1E400").as_f64(), None);
        assert_eq!(Number::from_json_text("0.5").as_f64(), Some(0.5));
    }

    #[test]
    fn floats_format_shortest() {
        assert_eq!(format_float(16.0), "16");
        assert_eq!(format_float(0.5), "0.5");
        assert_eq!(format_float(-0.0), "0");
        assert_eq!(format_float(1e300), "1e300");
        assert_eq!(format_float(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn repeats_merge_at_the_first_place() {
        let s = |v: &str| Value::String(v.into());
        let mut m = vec![
            ("a".to_owned(), s("1")),
            ("b".to_owned(), s("x")),
            ("a".to_owned(), s("2")),
            ("a".to_owned(), s("3")),
        ];
        assert_eq!(merge_repeats(&mut m), vec![0]);
        assert_eq!(
            m,
            vec![
                ("a".to_owned(), Value::Array(vec![s("1"), s("2"), s("3")])),
                ("b".to_owned(), s("x")),
            ]
        );
    }
}
