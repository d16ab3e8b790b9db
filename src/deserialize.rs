//! `serde::Deserialize` for the model, with the same tolerance as the
//! crate's own readers (the user's guide, with its caveat on numbers beyond
//! 64 bits, is the crate root's "Embedding in your own types").
//!
//! Each value read is charged to the same memory budget as the crate's own
//! readers charge; the input's size is not known here, so the budget is that
//! of a document of the default size limit (6 × 64 MiB + 48 MiB = 432 MiB
//! of model), and the nesting limit the default (128). A document that needs
//! more (megabytes of empty sub-jobs) is refused with the format's error
//! instead of exhausting memory. The format must be self-describing
//! (`deserialize_any`); quick-xml's serde layer hands elements over as maps
//! of text, not as members, so XML is read by the crate's own reader.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::de::root::{Decision, Root};
use crate::de::{Budget, DEFAULT_MAX_DEPTH, DEFAULT_MAX_SIZE, Exceeded, Height, Limits, Shape, Source};
use crate::model::{JobOrValue, Response, UnknownFields, Value, for_each_shape};
use crate::scalar::{self, In};

/// State shared by all visitors of one document.
struct Ctx {
    budget: Budget,
}

impl Ctx {
    fn new() -> Self {
        Ctx {
            // the input's size is not known here: the budget of a document
            // of the default size limit
            budget: Budget::new(DEFAULT_MAX_SIZE, DEFAULT_MAX_DEPTH),
        }
    }

    fn enter<E: de::Error>(&mut self, levels: usize) -> Result<(), E> {
        self.budget.enter(levels).map_err(limit)
    }

    fn leave(&mut self, levels: usize) {
        self.budget.leave(levels);
    }

    fn charge_shape<T, E: de::Error>(&mut self) -> Result<(), E> {
        self.budget.charge_shape::<T>().map_err(limit)
    }

    fn charge_value<E: de::Error>(&mut self) -> Result<(), E> {
        self.budget.charge_value().map_err(limit)
    }

    fn charge_first<T, E: de::Error>(&mut self, items: &[T]) -> Result<(), E> {
        self.budget.charge_first_item(items).map_err(limit)
    }
}

fn limit<E: de::Error>(exceeded: Exceeded) -> E {
    E::custom(exceeded.message())
}

impl<'de> Deserialize<'de> for Response {
    /// Reads a document: a job detail, the gateway envelope, or an SDK dump
    /// around one of them, decided by the same rules as
    /// [`from_slice`](crate::from_slice).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut ctx = Ctx::new();
        let mut root = Root::default();
        ObjectSeed {
            target: &mut root,
            ctx: &mut ctx,
        }
        .deserialize(d)?;
        // a dump's body is the response, whether an object or a string (a
        // dump is not nested)
        match root.finish(&ctx.budget, &crate::codec::FORMS).map_err(limit)? {
            Decision::Response(r) => Ok(r),
            Decision::DumpBody(Value::String(text)) => crate::Parser::new()
                .parse_body_str(&text)
                .map_err(|e| de::Error::custom(format_args!("in the SDK dump's body: {e}"))),
            Decision::DumpBody(body) => {
                crate::codec::json::de::read_value(&body, &Limits::default(), usize::MAX)
                    .map_err(|e| de::Error::custom(format_args!("{} at /body{}", e.message(), e.path())))
            }
        }
    }
}

/// Implements `Deserialize` for a shape of the model's table.
macro_rules! impl_deserialize {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $wire:literal $([$($mark:tt)*])?, )*
        }
        $( extra { $( $(#[$xmeta:meta])* $xfield:ident : $xty:ty, )* } )?
    ) => {
        impl<'de> Deserialize<'de> for crate::model::$name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let mut target = Self::default();
                ObjectSeed {
                    target: &mut target,
                    ctx: &mut Ctx::new(),
                }
                .deserialize(d)?;
                Ok(target)
            }
        }
    };
}

for_each_shape!(impl_deserialize);

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ValueSeed {
            ctx: &mut Ctx::new(),
            merge: true,
        }
        .deserialize(d)
    }
}

impl<'de> Deserialize<'de> for JobOrValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let item = JobOrValueSeed {
            ctx: &mut Ctx::new(),
            keep_null: true,
        }
        .deserialize(d)?;
        Ok(item.unwrap_or(JobOrValue::Value(Value::Null)))
    }
}

/// The value of one member, read through a map.
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

    fn job_or_value(self, slot: &mut Option<JobOrValue>) -> Result<(), A::Error> {
        let ctx = self.ctx;
        let value = self.map.next_value_seed(JobOrValueSeed {
            ctx: &mut *ctx,
            keep_null: false,
        })?;
        if let Some(value) = value {
            let repeated = slot.is_some();
            JobOrValue::append(slot, value);
            if repeated {
                ctx.budget.fits(slot.height()).map_err(limit)?;
            }
        }
        Ok(())
    }

    fn job_or_value_list(self, items: &mut Vec<JobOrValue>) -> Result<(), A::Error> {
        self.map
            .next_value_seed(JobOrValueListSeed { items, ctx: self.ctx })
    }

    fn unknown(self, key: &str, fields: &mut UnknownFields) -> Result<(), A::Error> {
        self.ctx.charge_value::<A::Error>()?;
        let value = self.map.next_value_seed(ValueSeed {
            ctx: self.ctx,
            merge: true,
        })?;
        fields.push(key, value);
        Ok(())
    }

    fn value_unmerged(self) -> Result<Value, A::Error> {
        self.map.next_value_seed(ValueSeed {
            ctx: self.ctx,
            merge: false,
        })
    }
}

/// An object key, borrowed from the input when it can be.
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
            ($ret)(self, In::from_i64(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, In::from_u64(v))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            #[allow(clippy::redundant_closure_call)]
            ($ret)(self, In::from_f64(v))
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

/// An object read into a shape; `false` for `null`.
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
        self.ctx.enter(1)?;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let src = Src {
                map: &mut map,
                ctx: self.ctx,
            };
            self.target.read_field(&key, src)?;
        }
        self.ctx
            .budget
            .merge(&mut self.target.unknown_mut().0)
            .map_err(limit)?;
        self.ctx.leave(1);
        Ok(true)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        if In::Str(Cow::Borrowed(v)).is_blank() {
            self.ctx.budget.fits(1).map_err(limit)?;
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
        self.ctx.enter(1)?;
        loop {
            self.ctx.charge_shape::<T, A::Error>()?;
            let mut item = T::default();
            let seed = ObjectSeed {
                target: &mut item,
                ctx: self.ctx,
            };
            match seq.next_element_seed(seed)? {
                Some(true) => self.items.push(item),
                Some(false) => {} // a `null` item carries nothing
                None => break,
            }
        }
        self.ctx.leave(1);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.ctx.enter(1)?;
        self.ctx.charge_shape::<T, A::Error>()?;
        let mut item = T::default();
        ObjectSeed {
            target: &mut item,
            ctx: self.ctx,
        }
        .visit_map(map)?;
        self.items.push(item);
        self.ctx.leave(1);
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        if In::Str(Cow::Borrowed(v)).is_blank() {
            Ok(())
        } else {
            Err(E::invalid_type(de::Unexpected::Str(v), &self))
        }
    }
}

/// One value at an untyped position: a job for an object, a list for an
/// array, a value otherwise; `None` for `null` unless `keep_null`.
struct JobOrValueSeed<'a> {
    ctx: &'a mut Ctx,
    keep_null: bool,
}

impl<'de> DeserializeSeed<'de> for JobOrValueSeed<'_> {
    type Value = Option<JobOrValue>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for JobOrValueSeed<'_> {
    type Value = Option<JobOrValue>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    scalar_visits!(|s: Self, v: In<'_>| Ok(match v {
        In::Null if !s.keep_null => None,
        other => Some(JobOrValue::Value(scalar::value(other))),
    }));

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut job = crate::de::new_job(&mut self.ctx.budget).map_err(limit)?;
        ObjectSeed {
            target: &mut *job,
            ctx: self.ctx,
        }
        .visit_map(map)?;
        Ok(Some(JobOrValue::Job(job)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        untyped_items(self.ctx, seq, &mut items)?;
        Ok(Some(JobOrValue::List(items)))
    }
}

/// An array's items at an untyped position, appended to `items`, each
/// charged to the budget.
fn untyped_items<'de, A: SeqAccess<'de>>(
    ctx: &mut Ctx,
    mut seq: A,
    items: &mut Vec<JobOrValue>,
) -> Result<(), A::Error> {
    ctx.enter(1)?;
    loop {
        ctx.charge_value::<A::Error>()?;
        ctx.charge_first::<JobOrValue, A::Error>(items)?;
        let seed = JobOrValueSeed {
            ctx: &mut *ctx,
            keep_null: true,
        };
        let Some(item) = seq.next_element_seed(seed)? else {
            break;
        };
        items.extend(item);
    }
    ctx.leave(1);
    Ok(())
}

/// An untyped list: an array's items, one item, or none for `null`/`""`.
struct JobOrValueListSeed<'a> {
    items: &'a mut Vec<JobOrValue>,
    ctx: &'a mut Ctx,
}

impl<'de> DeserializeSeed<'de> for JobOrValueListSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for JobOrValueListSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    scalar_visits!(|s: Self, v: In<'_>| {
        if !v.is_blank() {
            s.ctx.budget.fits(1).map_err(limit)?;
            s.items.push(JobOrValue::Value(scalar::value(v)));
        }
        Ok(())
    });

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        untyped_items(self.ctx, seq, self.items)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.ctx.enter(1)?;
        let item = JobOrValueSeed {
            ctx: &mut *self.ctx,
            keep_null: true,
        }
        .visit_map(map)?;
        self.items.extend(item);
        self.ctx.leave(1);
        Ok(())
    }
}

/// A value kept whole; repeated names merged when `merge` is set.
struct ValueSeed<'a> {
    ctx: &'a mut Ctx,
    merge: bool,
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
        f.write_str("any value")
    }

    scalar_visits!(|_s, v| Ok(scalar::value(v)));

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.ctx.enter(1)?;
        let mut items = Vec::new();
        loop {
            self.ctx.charge_value::<A::Error>()?;
            self.ctx.charge_first::<Value, A::Error>(&items)?;
            let Some(v) = seq.next_element_seed(ValueSeed {
                ctx: &mut *self.ctx,
                merge: self.merge,
            })?
            else {
                break;
            };
            items.push(v);
        }
        self.ctx.leave(1);
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.ctx.enter(1)?;
        let mut members = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            self.ctx.charge_value::<A::Error>()?;
            self.ctx.charge_first::<(String, Value), A::Error>(&members)?;
            let v = map.next_value_seed(ValueSeed {
                ctx: &mut *self.ctx,
                merge: self.merge,
            })?;
            members.push((key.into_owned(), v));
        }
        if self.merge {
            self.ctx.budget.merge(&mut members).map_err(limit)?;
        }
        self.ctx.leave(1);
        Ok(Value::Object(members))
    }
}
