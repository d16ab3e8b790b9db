//! Canonical JSON writing: compact, members in the model's order, unknown
//! members after them in arrival order, every number exactly as read.
//!
//! Each shape's writer is generated from the model's table (one line per
//! member); the value types write themselves below.

use std::fmt::Write as _;

use crate::model::meaning::{Position, marked};
use crate::model::{JobOrValue, Open, Present, Scalar, UnknownFields};
use crate::value::{Number, Value, format_float};

/// Something written as canonical JSON.
pub(crate) trait ToJson {
    fn to_json(&self, out: &mut String);

    /// As [`ToJson::to_json`], for a value at `at`: a job there writes its
    /// members as the API declares them at that position.
    fn to_json_at(&self, out: &mut String, at: Position) {
        let _ = at;
        self.to_json(out);
    }

    /// As a string: for a member the API declares a string where it sits
    /// (an integer written as its digits in quotes; anything else as usual).
    fn to_json_text(&self, out: &mut String) {
        self.to_json(out);
    }
}

/// Writes a string with JSON escapes: `"`, `\`, and control characters
/// (`\n`, `\t`, … or `\u00XX`); everything else as it is.
pub(crate) fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut rest = s;
    while let Some((before, c)) = crate::codec::next_special(&mut rest, |c| c == '"' || c == '\\' || c < ' ')
    {
        out.push_str(before);
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
        }
    }
    out.push_str(rest);
    out.push('"');
}

/// Writes `"name":` after a `,` unless it is the object's first member.
fn key(out: &mut String, first: &mut bool, name: &str) {
    if !*first {
        out.push(',');
    }
    *first = false;
    write_str(out, name);
    out.push(':');
}

impl ToJson for str {
    fn to_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for crate::value::Str {
    fn to_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn to_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl<E> ToJson for Open<E> {
    fn to_json(&self, out: &mut String) {
        write_str(out, self.raw());
    }
}

impl ToJson for Scalar<i64> {
    fn to_json(&self, out: &mut String) {
        match self {
            Scalar::Value(n) => {
                let _ = write!(out, "{n}");
            }
            Scalar::Empty => out.push_str("null"),
            Scalar::Invalid(raw) => write_str(out, raw),
        }
    }

    fn to_json_text(&self, out: &mut String) {
        match self {
            Scalar::Value(n) => {
                let _ = write!(out, "\"{n}\"");
            }
            _ => self.to_json(out),
        }
    }
}

impl ToJson for Scalar<bool> {
    fn to_json(&self, out: &mut String) {
        match self {
            Scalar::Value(b) => out.push_str(if *b { "true" } else { "false" }),
            Scalar::Empty => out.push_str("null"),
            Scalar::Invalid(raw) => write_str(out, raw),
        }
    }
}

impl ToJson for Scalar<f64> {
    fn to_json(&self, out: &mut String) {
        match self {
            Scalar::Value(f) => out.push_str(&format_float(*f)),
            Scalar::Empty => out.push_str("null"),
            Scalar::Invalid(raw) => write_str(out, raw),
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn to_json(&self, out: &mut String) {
        (**self).to_json(out);
    }

    fn to_json_at(&self, out: &mut String, at: Position) {
        (**self).to_json_at(out, at);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, out: &mut String) {
        self.to_json_at(out, Position::Top);
    }

    fn to_json_at(&self, out: &mut String, at: Position) {
        match self {
            Some(v) => v.to_json_at(out, at),
            None => out.push_str("null"),
        }
    }

    fn to_json_text(&self, out: &mut String) {
        match self {
            Some(v) => v.to_json_text(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, out: &mut String) {
        self.to_json_at(out, Position::Top);
    }

    fn to_json_at(&self, out: &mut String, at: Position) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.to_json_at(out, at);
        }
        out.push(']');
    }
}

impl ToJson for Number {
    fn to_json(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl ToJson for Value {
    fn to_json(&self, out: &mut String) {
        crate::de::deeper(|| match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => n.to_json(out),
            Value::String(s) => write_str(out, s),
            Value::Array(items) => items.to_json(out),
            Value::Object(members) => {
                out.push('{');
                let mut first = true;
                for (k, v) in members {
                    key(out, &mut first, k);
                    v.to_json(out);
                }
                out.push('}');
            }
        })
    }
}

/// Only ever in a member that holds jobs: its jobs are job objects.
impl ToJson for JobOrValue {
    fn to_json(&self, out: &mut String) {
        self.to_json_at(out, Position::JobObject);
    }

    fn to_json_at(&self, out: &mut String, at: Position) {
        match self {
            JobOrValue::Job(job) => job.to_json_at(out, at),
            JobOrValue::List(items) => items.to_json_at(out, at),
            JobOrValue::Value(v) => v.to_json(out),
        }
    }
}

/// A value prints as compact JSON, numbers exactly as read.
///
/// ```
/// use dts_job_detail::Value;
/// let v = Value::Array(vec![Value::String("a\"b".into()), Value::Null]);
/// assert_eq!(v.to_string(), r#"["a\"b",null]"#);
/// ```
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::new();
        self.to_json(&mut out);
        f.write_str(&out)
    }
}

fn unknown_members(out: &mut String, first: &mut bool, unknown: &UnknownFields) {
    for (k, v) in unknown.iter() {
        key(out, first, k);
        v.to_json(out);
    }
}

/// Implements [`ToJson`] for a shape of the model's table.
macro_rules! impl_to_json {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $wire:literal $([$($mark:tt)*])?, )*
        }
        $( extra { $( $(#[$xmeta:meta])* $xfield:ident : $xty:ty, )* } )?
    ) => {
        impl ToJson for crate::model::$name {
            fn to_json(&self, out: &mut String) {
                self.to_json_at(out, Position::Top);
            }

            fn to_json_at(&self, out: &mut String, at: Position) {
                crate::de::deeper(|| self.members_json(out, at));
            }
        }

        impl crate::model::$name {
            #[allow(unused_variables)] // `at` matters to a job only
            fn members_json(&self, out: &mut String, at: Position) {
                out.push('{');
                let mut first = true;
                $(
                    if Present::present(&self.$field) {
                        key(out, &mut first, $wire);
                        if marked!(in_job_objects; $($($mark)*)?) && at == Position::JobObject {
                            self.$field.to_json_text(out);
                        } else {
                            self.$field.to_json_at(out, Position::of_member(marked!(jobs; $($($mark)*)?)));
                        }
                    }
                )*
                unknown_members(out, &mut first, &self.unknown);
                out.push('}');
            }
        }
    };
}

crate::model::for_each_shape!(impl_to_json);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_like_json() {
        let mut out = String::new();
        write_str(&mut out, "a\"b\\c\n\t\u{1}\u{1f}é/");
        assert_eq!(out, r#""a\"b\\c\n\t\u0001\u001fé/""#);
    }
}
