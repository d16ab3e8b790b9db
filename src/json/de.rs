//! JSON decoding: serde_json's tokenizer driving the model's own visitors.
//!
//! No `#[derive(Deserialize)]`: each seed below implements one [`Source`]
//! request (scalar, object, list, nested, opaque) as a small visitor, so the
//! model's table decides what every member means, exactly as for XML.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::de::{Shape, Source, nested_from_scalar, new_job, value_from_scalar};
use crate::error::PathSegment;
use crate::model::{Nested, UnknownFields, Value, merge_repeats};
use crate::scalar::In;

/// State shared by all visitors of one document.
pub(crate) struct Ctx {
    pub(crate) depth: usize,
    pub(crate) max_depth: usize,
    /// Filled innermost first while an error unwinds.
    pub(crate) path: Vec<PathSegment>,
}

impl Ctx {
    pub(crate) fn new(max_depth: usize) -> Self {
        Ctx {
            depth: 0,
            max_depth,
            path: Vec::new(),
        }
    }

    fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(E::custom(format_args!(
                "nesting deeper than the limit of {}",
                self.max_depth
            )));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }
}

/// The root: an object read into a shape.
pub(crate) fn read_root<'de, T: Shape, D: Deserializer<'de>>(
    de: D,
    target: &mut T,
    ctx: &mut Ctx,
) -> Result<bool, D::Error> {
    ObjectSeed { target, ctx }.deserialize(de)
}

struct Src<'a, A> {
    map: &'a mut A,
    ctx: &'a mut Ctx,
}

impl<'de, A: MapAccess<'de>> Source<'de> for Src<'_, A> {
    type Error = A::Error;

    fn scalar(self) -> Result<In<'de>, A::Error> {
        self.map.next_value_seed(ScalarSeed)
    }

    fn object<T: Shape>(self, target: &mut T) -> Result<bool, A::Error> {
        self.map.next_value_seed(ObjectSeed {
            target,
            ctx: self.ctx,
        })
    }

    fn list<T: Shape>(self, items: &mut Vec<T>) -> Result<(), A::Error> {
        self.map.next_value_seed(ListSeed { items, ctx: self.ctx })
    }

    fn nested_list(self, items: &mut Vec<Nested>) -> Result<(), A::Error> {
        self.map.next_value_seed(NestedListSeed {
            items,
            ctx: self.ctx,
            top: true,
        })
    }

    fn nested(self) -> Result<Option<Nested>, A::Error> {
        self.map.next_value_seed(NestedSeed { ctx: self.ctx })
    }

    fn unknown(self, key: &str, fields: &mut UnknownFields) -> Result<(), A::Error> {
        let value = self.map.next_value_seed(ValueSeed { ctx: self.ctx })?;
        fields.push(key.to_owned(), value);
        Ok(())
    }
}

/// An object key, borrowed from the input when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// Visitor methods shared by every seed that accepts scalars: each becomes an [`In`].
macro_rules! scalar_visits {
    ($ret:expr) => {
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, In::Bool(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, In::I64(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            let v = i64::try_from(v).map_or(In::U64(v), In::I64);
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, v)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, In::F64(v))
        }
        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, In::Str(Cow::Borrowed(v)))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, In::Str(Cow::Owned(v.to_owned())))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, In::Str(Cow::Owned(v)))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, In::Null)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, In::Null)
        }
    };
}

/// A scalar; objects and arrays are refused.
struct ScalarSeed;

impl<'de> DeserializeSeed<'de> for ScalarSeed {
    type Value = In<'de>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarSeed {
    type Value = In<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number, boolean or null")
    }

    scalar_visits!(|_s, v| Ok(v));
}

/// An object read into a shape.
struct ObjectSeed<'a, T> {
    target: &'a mut T,
    ctx: &'a mut Ctx,
}

impl<'de, T: Shape> DeserializeSeed<'de> for ObjectSeed<'_, T> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<bool, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de, T: Shape> Visitor<'de> for ObjectSeed<'_, T> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        self.ctx.enter()?;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let src = Src {
                map: &mut map,
                ctx: self.ctx,
            };
            if let Err(e) = self.target.read_field(&key, src) {
                self.ctx.path.push(PathSegment::Key(key.into_owned()));
                return Err(e);
            }
        }
        merge_repeats(&mut self.target.unknown_mut().0);
        self.ctx.leave();
        Ok(true)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        if v.trim_matches(crate::scalar::is_space).is_empty() {
            Ok(true)
        } else {
            Err(E::invalid_type(de::Unexpected::Str(v), &self))
        }
    }
}

/// A list of shapes: an array, a lone object (a list of one), or `null`/`""`.
struct ListSeed<'a, T> {
    items: &'a mut Vec<T>,
    ctx: &'a mut Ctx,
}

impl<'de, T: Shape> DeserializeSeed<'de> for ListSeed<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de, T: Shape> Visitor<'de> for ListSeed<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.ctx.enter()?;
        loop {
            let mut item = T::default();
            let index = self.items.len();
            let seed = ObjectSeed {
                target: &mut item,
                ctx: self.ctx,
            };
            match seq.next_element_seed(seed) {
                Ok(Some(true)) => self.items.push(item),
                Ok(Some(false)) => {} // a `null` item carries nothing
                Ok(None) => break,
                Err(e) => {
                    self.ctx.path.push(PathSegment::Index(index));
                    return Err(e);
                }
            }
        }
        self.ctx.leave();
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let mut item = T::default();
        ObjectSeed {
            target: &mut item,
            ctx: self.ctx,
        }
        .visit_map(map)?;
        self.items.push(item);
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        if v.trim_matches(crate::scalar::is_space).is_empty() {
            Ok(())
        } else {
            Err(E::invalid_type(de::Unexpected::Str(v), &self))
        }
    }
}

/// One untyped-position value: an object is a job, anything else a [`Value`].
struct NestedSeed<'a> {
    ctx: &'a mut Ctx,
}

impl<'de> DeserializeSeed<'de> for NestedSeed<'_> {
    type Value = Option<Nested>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NestedSeed<'_> {
    type Value = Option<Nested>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a job object or a value")
    }

    scalar_visits!(|_s, v| Ok(nested_from_scalar(v)));

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut job = new_job();
        ObjectSeed {
            target: &mut *job,
            ctx: self.ctx,
        }
        .visit_map(map)?;
        Ok(Some(Nested::Job(job)))
    }
}

/// A list of untyped-position values. Arrays inside it are flattened, as XML
/// (repeated elements) would carry them.
struct NestedListSeed<'a> {
    items: &'a mut Vec<Nested>,
    ctx: &'a mut Ctx,
    /// The member's own value (where `""` means "no items"), not an item.
    top: bool,
}

impl<'de> DeserializeSeed<'de> for NestedListSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NestedListSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    scalar_visits!(|s: Self, v| {
        s.items.extend(match v {
            In::Str(t) if s.top && t.trim_matches(crate::scalar::is_space).is_empty() => None,
            other => nested_from_scalar(other),
        });
        Ok(())
    });

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.ctx.enter()?;
        loop {
            let index = self.items.len();
            let seed = NestedListSeed {
                items: &mut *self.items,
                ctx: &mut *self.ctx,
                top: false,
            };
            match seq.next_element_seed(seed) {
                Ok(Some(())) => {}
                Ok(None) => break,
                Err(e) => {
                    self.ctx.path.push(PathSegment::Index(index));
                    return Err(e);
                }
            }
        }
        self.ctx.leave();
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let item = NestedSeed { ctx: self.ctx }.visit_map(map)?;
        self.items.extend(item);
        Ok(())
    }
}

/// An opaque value, kept whole.
struct ValueSeed<'a> {
    ctx: &'a mut Ctx,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    scalar_visits!(|_s, v| Ok(value_from_scalar(v)));

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.ctx.enter()?;
        let mut items = Vec::new();
        loop {
            match seq.next_element_seed(ValueSeed { ctx: self.ctx }) {
                Ok(Some(v)) => items.push(v),
                Ok(None) => break,
                Err(e) => {
                    self.ctx.path.push(PathSegment::Index(items.len()));
                    return Err(e);
                }
            }
        }
        self.ctx.leave();
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.ctx.enter()?;
        let mut members = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match map.next_value_seed(ValueSeed { ctx: self.ctx }) {
                Ok(v) => members.push((key.into_owned(), v)),
                Err(e) => {
                    self.ctx.path.push(PathSegment::Key(key.into_owned()));
                    return Err(e);
                }
            }
        }
        merge_repeats(&mut members);
        self.ctx.leave();
        Ok(Value::Object(members))
    }
}
