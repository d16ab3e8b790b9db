//! Canonical XML writing: one element per member in the model's order, lists
//! as repeated elements of the member's name, no indentation, one line.
//!
//! Each shape's writer is generated from the model's table (one line per
//! member); the value types write themselves below. What XML 1.0 cannot
//! carry is refused with [`ErrorKind::Unrepresentable`], never written
//! malformed or dropped.

use std::fmt::Write as _;

use super::is_name;
use crate::error::{Error, ErrorKind};
use crate::model::{JobOrValue, Open, Present, Scalar, UnknownFields};
use crate::value::{Number, Value, format_float};

type Result = std::result::Result<(), Error>;

/// Something written as the element `name` of canonical XML.
pub(crate) trait ToXml {
    fn to_xml(&self, name: &str, out: &mut String) -> Result;
}

/// Writes `<name>text</name>`.
fn leaf(out: &mut String, name: &str, text: &str) -> Result {
    out.push('<');
    out.push_str(name);
    out.push('>');
    escape_into(out, name, text)?;
    out.push_str("</");
    out.push_str(name);
    out.push('>');
    Ok(())
}

/// Escapes element text: `&`, `<`, `>`, and line breaks as character
/// references (so a document stays on one line and `\r` survives the
/// reader's line-end normalisation). Characters XML 1.0 cannot carry at all
/// (C0 controls other than tab and line breaks, U+FFFE, U+FFFF) are an error.
pub(crate) fn escape_into(out: &mut String, element: &str, text: &str) -> Result {
    let mut rest = text;
    let special = |c: char| matches!(c, '&' | '<' | '>' | '\u{FFFE}' | '\u{FFFF}') || c < ' ';
    while let Some((before, c)) = crate::codec::next_special(&mut rest, special) {
        out.push_str(before);
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push('\t'),
            c => {
                return Err(Error::new(
                    ErrorKind::Unrepresentable,
                    format!(
                        "the value of <{element}> holds U+{:04X}, which XML 1.0 cannot carry",
                        u32::from(c)
                    ),
                ));
            }
        }
    }
    out.push_str(rest);
    Ok(())
}

impl ToXml for crate::value::Str {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        leaf(out, name, self)
    }
}

impl ToXml for String {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        leaf(out, name, self)
    }
}

impl<E> ToXml for Open<E> {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        leaf(out, name, self.raw())
    }
}

impl ToXml for Scalar<i64> {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        match self {
            Scalar::Value(n) => leaf(out, name, &n.to_string()),
            Scalar::Empty => leaf(out, name, ""),
            Scalar::Invalid(raw) => leaf(out, name, raw),
        }
    }
}

impl ToXml for Scalar<bool> {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        match self {
            Scalar::Value(b) => leaf(out, name, if *b { "true" } else { "false" }),
            Scalar::Empty => leaf(out, name, ""),
            Scalar::Invalid(raw) => leaf(out, name, raw),
        }
    }
}

impl ToXml for Scalar<f64> {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        match self {
            Scalar::Value(f) => leaf(out, name, &format_float(*f)),
            Scalar::Empty => leaf(out, name, ""),
            Scalar::Invalid(raw) => leaf(out, name, raw),
        }
    }
}

impl<T: ToXml + ?Sized> ToXml for Box<T> {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        (**self).to_xml(name, out)
    }
}

impl<T: ToXml> ToXml for Option<T> {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        match self {
            Some(v) => v.to_xml(name, out),
            None => Ok(()),
        }
    }
}

/// The flat list rule: one element per item, named after the member.
impl<T: ToXml> ToXml for Vec<T> {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        self.iter().try_for_each(|item| item.to_xml(name, out))
    }
}

impl ToXml for Number {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        out.push('<');
        out.push_str(name);
        out.push('>');
        let _ = write!(out, "{self}");
        out.push_str("</");
        out.push_str(name);
        out.push('>');
        Ok(())
    }
}

impl ToXml for Value {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        crate::de::deeper(|| match self {
            Value::Null => leaf(out, name, ""),
            Value::Bool(b) => leaf(out, name, if *b { "true" } else { "false" }),
            Value::Number(n) => n.to_xml(name, out),
            Value::String(s) => leaf(out, name, s),
            Value::Array(items) => items.to_xml(name, out),
            Value::Object(members) => {
                out.push('<');
                out.push_str(name);
                out.push('>');
                for (k, v) in members {
                    member(out, k, v)?;
                }
                out.push_str("</");
                out.push_str(name);
                out.push('>');
                Ok(())
            }
        })
    }
}

impl ToXml for JobOrValue {
    fn to_xml(&self, name: &str, out: &mut String) -> Result {
        match self {
            JobOrValue::Job(job) => job.to_xml(name, out),
            JobOrValue::List(items) => items.to_xml(name, out),
            JobOrValue::Value(v) => v.to_xml(name, out),
        }
    }
}

/// An unknown member, whose name must be an XML name.
fn member(out: &mut String, name: &str, value: &Value) -> Result {
    if !is_name(name) || name.contains(':') {
        return Err(Error::new(
            ErrorKind::Unrepresentable,
            format!("the member name {name:?} is not an XML element name (without a namespace)"),
        ));
    }
    value.to_xml(name, out)
}

fn unknown_members(out: &mut String, unknown: &UnknownFields) -> Result {
    unknown.iter().try_for_each(|(k, v)| member(out, k, v))
}

/// Implements [`ToXml`] for a shape of the model's table.
macro_rules! impl_to_xml {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $wire:literal $([$($mark:tt)*])?, )*
        }
        $( extra { $( $(#[$xmeta:meta])* $xfield:ident : $xty:ty, )* } )?
    ) => {
        impl ToXml for crate::model::$name {
            fn to_xml(&self, name: &str, out: &mut String) -> Result {
                crate::de::deeper(|| self.element_xml(name, out))
            }
        }

        impl crate::model::$name {
            fn element_xml(&self, name: &str, out: &mut String) -> Result {
                out.push('<');
                out.push_str(name);
                out.push('>');
                $(
                    if Present::present(&self.$field) {
                        self.$field.to_xml($wire, out)?;
                    }
                )*
                unknown_members(out, &self.unknown)?;
                out.push_str("</");
                out.push_str(name);
                out.push('>');
                Ok(())
            }
        }
    };
}

crate::model::for_each_shape!(impl_to_xml);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_line_breaks() {
        let mut out = String::new();
        assert!(escape_into(&mut out, "x", "a<b>&c]]>\r\n\t中").is_ok());
        assert_eq!(out, "a&lt;b&gt;&amp;c]]&gt;&#13;&#10;\t中");
    }

    #[test]
    fn refuses_what_xml_cannot_carry() {
        for bad in ["\u{1}", "\0", "a\u{FFFE}", "\u{FFFF}", "\u{1B}[31m"] {
            let err = escape_into(&mut String::new(), "x", bad).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Unrepresentable, "{bad:?}");
        }
        let err = member(&mut String::new(), "a b", &Value::Null).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Unrepresentable);
        let err = member(&mut String::new(), "ns:Status", &Value::Null).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Unrepresentable);
    }
}
