//! The decoding contract shared by the JSON and XML front ends.
//!
//! A front end positions a [`Source`] on one member's value and hands it to the
//! shape ([`Shape::read_field`], generated from the model's table). The shape
//! picks the member's [`Slot`], and the slot asks the source for what it expects:
//! a scalar, an object, a list item, a job-or-value, or an opaque value. The
//! slot implementations below are the only place that decides how a member is
//! stored; the tolerance of scalar values is in [`crate::scalar`].

use crate::model::{JobDetail, Nested, Open, Scalar, UnknownFields, Value};
use crate::scalar::{self, In};

/// A shape of the model that can take members by wire name.
pub(crate) trait Shape: Default {
    /// Stores the member `key`, reading its value from `src`.
    fn read_field<'de, S: Source<'de>>(&mut self, key: &str, src: S) -> Result<(), S::Error>;

    /// The shape's unknown members.
    fn unknown_mut(&mut self) -> &mut UnknownFields;
}

/// One member's value, as a front end offers it. Each method consumes the value.
pub(crate) trait Source<'de>: Sized {
    /// The front end's error.
    type Error;

    /// A scalar; an object or array here is an error ("wrong shape").
    fn scalar(self) -> Result<In<'de>, Self::Error>;

    /// An object read into `target`; `Ok(false)` when the value was `null`.
    /// `""` and an empty element are an empty object.
    fn object<T: Shape>(self, target: &mut T) -> Result<bool, Self::Error>;

    /// List items appended to `items`: a JSON array (or one object, or
    /// `null`/`""` for none), or one XML element.
    fn list<T: Shape>(self, items: &mut Vec<T>) -> Result<(), Self::Error>;

    /// Untyped-position items appended to `items` (a job for each object).
    fn nested_list(self, items: &mut Vec<Nested>) -> Result<(), Self::Error>;

    /// A job when the value is an object, a [`Value`] otherwise; `None` for `null`.
    fn nested(self) -> Result<Option<Nested>, Self::Error>;

    /// An unknown member, stored with its name.
    fn unknown(self, key: &str, fields: &mut UnknownFields) -> Result<(), Self::Error>;
}

/// A model field that a [`Source`] can fill.
pub(crate) trait Slot {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<(), S::Error>;
}

/// Whether a field is written out (absent fields and empty lists are not).
pub(crate) trait Present {
    fn present(&self) -> bool;
}

impl<T> Present for Option<T> {
    fn present(&self) -> bool {
        self.is_some()
    }
}

impl<T> Present for Vec<T> {
    fn present(&self) -> bool {
        !self.is_empty()
    }
}

impl Slot for Option<String> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<(), S::Error> {
        *self = Some(scalar::text(src.scalar()?));
        Ok(())
    }
}

impl Slot for Option<Scalar<i64>> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<(), S::Error> {
        *self = Some(scalar::integer(src.scalar()?));
        Ok(())
    }
}

impl Slot for Option<Scalar<bool>> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<(), S::Error> {
        *self = Some(scalar::boolean(src.scalar()?));
        Ok(())
    }
}

impl Slot for Option<Scalar<f64>> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<(), S::Error> {
        *self = Some(scalar::float(src.scalar()?));
        Ok(())
    }
}

impl<E> Slot for Option<Open<E>> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<(), S::Error> {
        *self = Some(Open::new(scalar::text(src.scalar()?)));
        Ok(())
    }
}

/// A nested object; a repeated member replaces the earlier one (last wins).
impl<T: Shape> Slot for Option<Box<T>> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<(), S::Error> {
        let mut value = Box::<T>::default();
        *self = src.object(&mut *value)?.then_some(value);
        Ok(())
    }
}

/// A list; repeated XML elements accumulate, wherever they stand.
impl<T: Shape> Slot for Vec<T> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<(), S::Error> {
        src.list(self)
    }
}

impl Slot for Vec<Nested> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<(), S::Error> {
        src.nested_list(self)
    }
}

impl Slot for Option<Nested> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<(), S::Error> {
        *self = src.nested()?;
        Ok(())
    }
}

/// Turns an untyped scalar into a [`Nested`] value: `""` is an empty job.
pub(crate) fn nested_from_scalar(v: In<'_>) -> Option<Nested> {
    match v {
        In::Null => None,
        In::Str(s) if s.trim_matches(scalar::is_space).is_empty() => Some(Nested::Job(Box::default())),
        other => Some(Nested::Raw(value_from_scalar(other))),
    }
}

/// An untyped scalar as a [`Value`].
pub(crate) fn value_from_scalar(v: In<'_>) -> Value {
    use crate::model::Number;
    match v {
        In::Str(s) => Value::String(s.into_owned()),
        In::I64(n) => Value::Number(Number::Int(n)),
        In::U64(n) => Value::Number(Number::UInt(n)),
        In::F64(f) => Value::Number(Number::Float(f)),
        In::Bool(b) => Value::Bool(b),
        In::Null => Value::Null,
    }
}

/// A fresh job for a [`Nested`] position.
pub(crate) fn new_job() -> Box<JobDetail> {
    Box::default()
}
