//! Canonical XML writing, as a small serde `Serializer`.
//!
//! The model's `Serialize` impls (the same ones that give canonical JSON) drive
//! it, so both forms are written from one traversal: a map member becomes an
//! element, a sequence becomes repeated elements of the member's name (the flat
//! list rule), a scalar becomes text, `null` an empty element.

use std::fmt::{self, Write as _};

use serde::ser::{self, Impossible, Serialize};

/// Writes `value` as the element `name` into `out`.
pub(crate) fn write<T: Serialize + ?Sized>(out: &mut String, name: &str, value: &T) {
    // The serializer below returns errors only for map keys that are not
    // strings, which the model never produces; on such an error the member is
    // simply not written.
    let _ = value.serialize(Elem { out, name });
}

/// Never produced by the model; required by serde.
#[derive(Debug)]
pub(crate) struct SerError(String);

impl fmt::Display for SerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        SerError(msg.to_string())
    }
}

/// Escapes element text: `&`, `<`, `>`, carriage return and control characters.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) =
        rest.find(|c: char| matches!(c, '&' | '<' | '>') || (c < ' ' && c != '\t' && c != '\n'))
    {
        out.push_str(rest.get(..i).unwrap_or_default());
        let c = rest.get(i..).and_then(|s| s.chars().next()).unwrap_or('\0');
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\0' => out.push('\u{FFFD}'),
            c => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
        }
        rest = rest.get(i + c.len_utf8()..).unwrap_or_default();
    }
    out.push_str(rest);
}

/// Whether `name` can be written as an element name (an XML `NCName`).
pub(crate) fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || (!c.is_ascii() && c.is_alphabetic()));
    first_ok
        && chars.all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '-' | '.' | '_')
                || (!c.is_ascii() && c.is_alphanumeric())
        })
}

struct Elem<'a> {
    out: &'a mut String,
    name: &'a str,
}

impl Elem<'_> {
    fn leaf(mut self, text: &str) -> Result<(), SerError> {
        self.open();
        escape_into(self.out, text);
        self.close();
        Ok(())
    }

    fn open(&mut self) {
        self.out.push('<');
        self.out.push_str(self.name);
        self.out.push('>');
    }

    fn close(self) {
        self.out.push_str("</");
        self.out.push_str(self.name);
        self.out.push('>');
    }
}

macro_rules! leaf_display {
    ($($method:ident: $ty:ty),*) => {
        $(fn $method(self, v: $ty) -> Result<(), SerError> {
            self.leaf(&v.to_string())
        })*
    };
}

impl<'a> ser::Serializer for Elem<'a> {
    type Ok = ();
    type Error = SerError;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Map<'a>;
    type SerializeStruct = Map<'a>;
    type SerializeStructVariant = Map<'a>;

    leaf_display!(
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_f32: f32, serialize_f64: f64, serialize_char: char
    );

    fn serialize_bool(self, v: bool) -> Result<(), SerError> {
        self.leaf(if v { "true" } else { "false" })
    }

    fn serialize_str(self, v: &str) -> Result<(), SerError> {
        self.leaf(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), SerError> {
        self.leaf(&String::from_utf8_lossy(v))
    }

    fn serialize_none(self) -> Result<(), SerError> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), SerError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), SerError> {
        self.leaf("")
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), SerError> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), SerError> {
        self.leaf(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        value.serialize(self)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, SerError> {
        Ok(Seq {
            out: self.out,
            name: self.name,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Seq<'a>, SerError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a>, SerError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Seq<'a>, SerError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_map(mut self, _: Option<usize>) -> Result<Map<'a>, SerError> {
        self.open();
        Ok(Map {
            out: self.out,
            name: self.name,
            key: String::new(),
        })
    }

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Map<'a>, SerError> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Map<'a>, SerError> {
        self.serialize_map(Some(len))
    }
}

/// Items of a list: each one an element named after the list's member.
pub(crate) struct Seq<'a> {
    out: &'a mut String,
    name: &'a str,
}

impl Seq<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        value.serialize(Elem {
            out: self.out,
            name: self.name,
        })
    }
}

macro_rules! seq_impl {
    ($($trait:ident :: $method:ident),*) => {
        $(impl ser::$trait for Seq<'_> {
            type Ok = ();
            type Error = SerError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
                self.item(value)
            }
            fn end(self) -> Result<(), SerError> {
                Ok(())
            }
        })*
    };
}

seq_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// Members of an object: each one a child element.
pub(crate) struct Map<'a> {
    out: &'a mut String,
    name: &'a str,
    key: String,
}

impl Map<'_> {
    fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), SerError> {
        if is_xml_name(key) {
            value.serialize(Elem {
                out: self.out,
                name: key,
            })
        } else {
            Ok(())
        }
    }

    fn finish(self) {
        self.out.push_str("</");
        self.out.push_str(self.name);
        self.out.push('>');
    }
}

impl ser::SerializeMap for Map<'_> {
    type Ok = ();
    type Error = SerError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerError> {
        self.key = key.serialize(KeyName)?;
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerError> {
        let key = std::mem::take(&mut self.key);
        self.member(&key, value)
    }

    fn end(self) -> Result<(), SerError> {
        self.finish();
        Ok(())
    }
}

macro_rules! struct_impl {
    ($($trait:ident),*) => {
        $(impl ser::$trait for Map<'_> {
            type Ok = ();
            type Error = SerError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), SerError> {
                self.member(key, value)
            }
            fn end(self) -> Result<(), SerError> {
                self.finish();
                Ok(())
            }
        })*
    };
}

struct_impl!(SerializeStruct, SerializeStructVariant);

/// Captures a map key; only strings (and characters) are names.
struct KeyName;

macro_rules! key_refuse {
    ($($method:ident: $ty:ty),*) => {
        $(fn $method(self, _: $ty) -> Result<String, SerError> {
            Err(SerError("a member name must be a string".into()))
        })*
    };
}

impl ser::Serializer for KeyName {
    type Ok = String;
    type Error = SerError;
    type SerializeSeq = Impossible<String, SerError>;
    type SerializeTuple = Impossible<String, SerError>;
    type SerializeTupleStruct = Impossible<String, SerError>;
    type SerializeTupleVariant = Impossible<String, SerError>;
    type SerializeMap = Impossible<String, SerError>;
    type SerializeStruct = Impossible<String, SerError>;
    type SerializeStructVariant = Impossible<String, SerError>;

    key_refuse!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_bytes: &[u8]
    );

    fn serialize_char(self, v: char) -> Result<String, SerError> {
        Ok(v.to_string())
    }

    fn serialize_str(self, v: &str) -> Result<String, SerError> {
        Ok(v.to_owned())
    }

    fn serialize_none(self) -> Result<String, SerError> {
        Err(SerError("a member name must be a string".into()))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, SerError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<String, SerError> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<String, SerError> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, SerError> {
        Ok(variant.to_owned())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, SerError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, SerError> {
        self.serialize_none()
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, SerError> {
        Err(SerError("a member name must be a string".into()))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, SerError> {
        Err(SerError("a member name must be a string".into()))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, SerError> {
        Err(SerError("a member name must be a string".into()))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, SerError> {
        Err(SerError("a member name must be a string".into()))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, SerError> {
        Err(SerError("a member name must be a string".into()))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, SerError> {
        Err(SerError("a member name must be a string".into()))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, SerError> {
        Err(SerError("a member name must be a string".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        let mut out = String::new();
        escape_into(&mut out, "a<b>&c]]>\r\n\t\u{1}\0中");
        assert_eq!(out, "a&lt;b&gt;&amp;c]]&gt;&#13;\n\t&#1;\u{FFFD}中");
    }

    #[test]
    fn names() {
        assert!(is_xml_name("DtsJobId"));
        assert!(is_xml_name("_a.b-c1"));
        assert!(is_xml_name("中文"));
        assert!(!is_xml_name(""));
        assert!(!is_xml_name("1a"));
        assert!(!is_xml_name("a b"));
        assert!(!is_xml_name("a:b"));
        assert!(!is_xml_name("whitelist.dms\"x"));
    }
}
