//! Value types shared by every shape: tolerant scalars, open enums, opaque values
//! and the list of unknown members.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A typed scalar as the response carried it.
///
/// The field around it is an `Option`: `None` means the member was absent.
///
/// ```
/// use dts_job_detail::Scalar;
/// let delay: Scalar<i64> = Scalar::Invalid("12ms".into());
/// assert_eq!(delay.value(), None);
/// assert_eq!(delay.invalid(), Some("12ms"));
/// assert_eq!(Scalar::Value(5).value(), Some(&5));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar<T> {
    /// The value, read as its type (from a number, a string or XML text).
    Value(T),
    /// Present with no value: `""`, `null`, or an empty XML element.
    Empty,
    /// Present but not readable as its type; the exact text is kept and
    /// written back unchanged, and `validate()` reports it.
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

impl Serialize for Scalar<i64> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Scalar::Value(n) => s.serialize_i64(*n),
            Scalar::Empty => s.serialize_unit(),
            Scalar::Invalid(raw) => s.serialize_str(raw),
        }
    }
}

impl Serialize for Scalar<bool> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Scalar::Value(b) => s.serialize_bool(*b),
            Scalar::Empty => s.serialize_unit(),
            Scalar::Invalid(raw) => s.serialize_str(raw),
        }
    }
}

impl Serialize for Scalar<f64> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Scalar::Value(f) => match crate::scalar::whole(*f) {
                Some(n) => s.serialize_i64(n),
                None => s.serialize_f64(*f),
            },
            Scalar::Empty => s.serialize_unit(),
            Scalar::Invalid(raw) => s.serialize_str(raw),
        }
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
    /// The known variant, matched case-insensitively; `None` for other values.
    pub fn known(&self) -> Option<E> {
        self.raw.trim_matches(crate::scalar::is_space).parse().ok()
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

/// A JSON number kept exactly as its type allows (integers are never floats).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// An integer that fits `i64`.
    Int(i64),
    /// An integer above `i64::MAX`.
    UInt(u64),
    /// Any other number.
    Float(f64),
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Int(n) => n.fmt(f),
            Number::UInt(n) => n.fmt(f),
            Number::Float(x) => x.fmt(f),
        }
    }
}

/// A value this crate does not type: an unknown member, or an untyped position
/// of the API (a nested `SubSyncJob` item that is not an object).
///
/// From XML an element holding only text is a [`Value::String`], an element with
/// children an [`Value::Object`] (repeated children become an [`Value::Array`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// JSON `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string (or XML text).
    String(String),
    /// An array (or repeated XML elements).
    Array(Vec<Value>),
    /// An object, members in arrival order (duplicates kept).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(Number::Int(n)) => s.serialize_i64(*n),
            Value::Number(Number::UInt(n)) => s.serialize_u64(*n),
            Value::Number(Number::Float(f)) => s.serialize_f64(*f),
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
        }
    }
}

/// Members a shape does not know, in arrival order, written back after the
/// known members.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnknownFields(pub Vec<(String, Value)>);

impl UnknownFields {
    /// The first value stored under `name`.
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
    pub(crate) fn push(&mut self, name: String, value: Value) {
        self.0.push((name, value));
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
/// distinct.
pub(crate) fn merge_repeats(members: &mut Vec<(String, Value)>) {
    if members.len() < 2 {
        return;
    }
    let mut seen = std::collections::HashSet::with_capacity(members.len());
    if members.iter().all(|(k, _)| seen.insert(k.as_str())) {
        return;
    }
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out: Vec<(String, Value)> = Vec::with_capacity(members.len());
    for (k, v) in members.drain(..) {
        match index.get(&k).and_then(|&i| out.get_mut(i)) {
            Some((_, slot)) => merge(slot, v),
            None => {
                index.insert(k.clone(), out.len());
                out.push((k, v));
            }
        }
    }
    *members = out;
}

/// Appends `value` to a repeated member (the first repeat makes the array).
fn merge(slot: &mut Value, value: Value) {
    match slot {
        Value::Array(items) => items.push(value),
        other => {
            let first = std::mem::replace(other, Value::Null);
            *other = Value::Array(vec![first, value]);
        }
    }
}
