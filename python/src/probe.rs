//! Whether a response's serde `Serialize` gives the same Python objects as
//! `json.loads` of its canonical JSON. They differ only where a number kept
//! as text (an unknown member's `123456789012345678901234` or `1E400`) has
//! no exact `i64`/`u64`/`f64`: serde then gives a float or a string, JSON
//! text an exact `int` or `inf`. Such documents take the JSON-text path.

use serde::ser::{self, Serialize};

/// Found a number serde cannot give exactly.
#[derive(Debug)]
pub(crate) struct Inexact;

impl std::fmt::Display for Inexact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number without an exact serde form")
    }
}

impl std::error::Error for Inexact {}

impl ser::Error for Inexact {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Inexact
    }
}

/// `true` when serde's values are exactly those of the canonical JSON.
pub(crate) fn exact<T: Serialize + ?Sized>(value: &T) -> bool {
    value.serialize(Probe).is_ok()
}

struct Probe;

type R = Result<(), Inexact>;

/// A float that may stand for an integer JSON text holds with more digits.
fn wide_float(v: f64) -> bool {
    v.fract() == 0.0 && v.abs() >= 9.2e18
}

/// A string that is a JSON number too large for an `f64` (`1E400`): a number
/// serde writes as its text, where `json.loads` gives `inf`.
fn out_of_range_number(s: &str) -> bool {
    let numeric = s.bytes().next().is_some_and(|b| b == b'-' || b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
    numeric
        && match s.parse::<f64>() {
            Ok(f) => !f.is_finite(),
            Err(_) => false,
        }
}

macro_rules! fine {
    ($($name:ident: $ty:ty),*) => {
        $(fn $name(self, _: $ty) -> R { Ok(()) })*
    };
}

impl ser::Serializer for Probe {
    type Ok = ();
    type Error = Inexact;
    type SerializeSeq = Probe;
    type SerializeTuple = Probe;
    type SerializeTupleStruct = Probe;
    type SerializeTupleVariant = Probe;
    type SerializeMap = Probe;
    type SerializeStruct = Probe;
    type SerializeStructVariant = Probe;

    fine!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_char: char,
        serialize_bytes: &[u8], serialize_unit_struct: &'static str);

    fn serialize_f32(self, v: f32) -> R {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> R {
        if wide_float(v) { Err(Inexact) } else { Ok(()) }
    }
    fn serialize_str(self, v: &str) -> R {
        if out_of_range_number(v) {
            Err(Inexact)
        } else {
            Ok(())
        }
    }
    fn serialize_none(self) -> R {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> R {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Probe, Inexact> {
        Ok(Probe)
    }
    fn serialize_tuple(self, _: usize) -> Result<Probe, Inexact> {
        Ok(Probe)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Probe, Inexact> {
        Ok(Probe)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Probe, Inexact> {
        Ok(Probe)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Probe, Inexact> {
        Ok(Probe)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Probe, Inexact> {
        Ok(Probe)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Probe, Inexact> {
        Ok(Probe)
    }
}

/// The compound serializers: each element or field is probed.
macro_rules! compound {
    ($($trait:ident :: $method:ident ($($name:ident: $ty:ty),*);)*) => {
        $(impl ser::$trait for Probe {
            type Ok = ();
            type Error = Inexact;
            fn $method<T: Serialize + ?Sized>(&mut self, $($name: $ty,)* v: &T) -> R {
                $(let _ = $name;)*
                v.serialize(Probe)
            }
            fn end(self) -> R {
                Ok(())
            }
        })*
    };
}

compound! {
    SerializeSeq::serialize_element();
    SerializeTuple::serialize_element();
    SerializeTupleStruct::serialize_field();
    SerializeTupleVariant::serialize_field();
    SerializeStruct::serialize_field(_key: &'static str);
    SerializeStructVariant::serialize_field(_key: &'static str);
}

impl ser::SerializeMap for Probe {
    type Ok = ();
    type Error = Inexact;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> R {
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        v.serialize(Probe)
    }
    fn end(self) -> R {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_without_an_exact_serde_form_are_found() {
        let parse = |s: &str| match dts::json::from_str(s) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        for exact_doc in [
            r#"{"Foo":12345678901234567,"Bar":1.5,"Port":"3306","Delay":3,"Baz":"1e5x"}"#,
            r#"{"Foo":18446744073709551615,"Bar":-0.0}"#,
            r#"{"Foo":1e-400}"#, // 0.0 either way
        ] {
            assert!(exact(&parse(exact_doc)), "{exact_doc}");
        }
        for wide in [
            r#"{"Foo":123456789012345678901234}"#,
            r#"{"Foo":[1,{"x":-99999999999999999999}]}"#,
            r#"{"Foo":1E400}"#,
        ] {
            assert!(!exact(&parse(wide)), "{wide}");
        }
    }
}
