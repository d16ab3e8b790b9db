//! The decoding contract shared by every front end (JSON, XML, serde, and a
//! value already in memory).
//!
//! A front end positions a [`Source`] on one member's value and hands it to the
//! shape ([`Shape::read_field`], generated from the model's table). The shape
//! picks the member's [`Slot`], and the slot asks the source for what it expects:
//! a scalar, an object, a list, a job-or-value, or an unknown value. The slot
//! implementations below are the only place that decides how a member is
//! stored; the tolerance of scalar values is in [`crate::scalar`]; what the
//! document as a whole is (detail, envelope or SDK dump) is decided once, in
//! [`root`], for every front end.
//!
//! Every front end counts the same two limits, in [`Budget`]:
//!
//! - **depth**: the nesting of objects and arrays *in the model* (that is, in
//!   the canonical JSON), whatever the input's own syntax. A JSON list given
//!   as a lone object, an XML list item, and a name repeated into an array
//!   are counted as the canonical document nests them, so both forms accept
//!   the same documents and every canonical output reads back.
//! - **memory**: the bytes the model takes beyond its strings, charged as it
//!   is built, so no input can make the reader allocate without bound.

pub(crate) mod root;
mod wrapped;

use std::mem::size_of;

use crate::error::{Error, ErrorKind};
use crate::model::{JobDetail, JobOrValue, Open, Scalar, UnknownFields, Value, for_each_shape};
use crate::scalar::{self, In};
pub(crate) use crate::stack::deeper;

/// A shape of the model that can take members by wire name.
pub(crate) trait Shape: Default + Height {
    /// Stores the member `key`, reading its value from `src`. `Ok(true)`
    /// when the member was given before and its earlier value is replaced
    /// (the last one wins, and the reader reports it).
    fn read_field<'de, S: Source<'de>>(&mut self, key: &str, src: S) -> Result<bool, S::Error>;

    /// The shape's unknown members.
    fn unknown_mut(&mut self) -> &mut UnknownFields;

    /// Stores a scalar already read into the scalar member `key`, as
    /// `read_field` would have: whether an earlier value was replaced;
    /// `None` when the shape has no scalar member of that name.
    fn set_scalar(&mut self, key: &str, v: In<'_>) -> Option<bool>;
}

/// One member's value, as a front end offers it. Each method consumes the value.
pub(crate) trait Source<'de>: Sized {
    /// The front end's error.
    type Error;

    /// A scalar; an object or array here is an error ("wrong shape").
    fn scalar(self) -> Result<In<'de>, Self::Error>;

    /// An object read into `target`; `Ok(false)` when the value was `null`.
    /// A blank string and an empty element are an empty object.
    fn object<T: Shape>(self, target: &mut T) -> Result<bool, Self::Error>;

    /// List items appended to `items`: a JSON array (or one object; `null`
    /// and a blank string for none), or one XML element.
    fn list<T: Shape>(self, items: &mut Vec<T>) -> Result<(), Self::Error>;

    /// An untyped position: a job for an object, a list for an array, a
    /// value otherwise; appended to what `slot` holds already (a repeated
    /// member becomes a list). `null` leaves the slot as it is.
    fn job_or_value(self, slot: &mut Option<JobOrValue>) -> Result<(), Self::Error>;

    /// An untyped list: an array's items (or one item), appended to `items`;
    /// `null` and a blank string for none.
    fn job_or_value_list(self, items: &mut Vec<JobOrValue>) -> Result<(), Self::Error>;

    /// An unknown member, stored with its name.
    fn unknown(self, key: &str, fields: &mut UnknownFields) -> Result<(), Self::Error>;

    /// The value whole, with names repeated inside its objects kept apart
    /// (an SDK dump's body, read before it is known to be one).
    fn value_unmerged(self) -> Result<Value, Self::Error>;
}

/// A model field that a [`Source`] can fill. `read` returns whether an
/// earlier value was replaced (a list or an untyped position accumulates
/// instead, and never replaces).
pub(crate) trait Slot {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<bool, S::Error>;

    /// For a scalar slot, stores a scalar already read (as `read` would
    /// have); `None` for a slot that is not a scalar.
    fn set_scalar(&mut self, v: In<'_>) -> Option<bool> {
        let _ = v;
        None
    }
}

/// The scalar slots: each reads a scalar and converts it by its rule.
macro_rules! scalar_slots {
    ($($ty:ty => $convert:expr;)*) => {
        $(impl Slot for $ty {
            fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<bool, S::Error> {
                Ok(scalar_slot(self, src.scalar()?, $convert))
            }

            fn set_scalar(&mut self, v: In<'_>) -> Option<bool> {
                Some(scalar_slot(self, v, $convert))
            }
        })*
    };
}

/// Stores `convert(v)`; whether an earlier value was replaced.
fn scalar_slot<T>(slot: &mut Option<T>, v: In<'_>, convert: impl FnOnce(In<'_>) -> T) -> bool {
    let replaced = slot.is_some();
    *slot = Some(convert(v));
    replaced
}

scalar_slots! {
    Option<crate::value::Str> => scalar::text;
    Option<Scalar<i64>> => scalar::integer;
    Option<Scalar<bool>> => scalar::boolean;
    Option<Scalar<f64>> => scalar::float;
}

impl<E> Slot for Option<Open<E>> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<bool, S::Error> {
        Ok(scalar_slot(self, src.scalar()?, |v| Open::new(scalar::text(v))))
    }

    fn set_scalar(&mut self, v: In<'_>) -> Option<bool> {
        Some(scalar_slot(self, v, |v| Open::new(scalar::text(v))))
    }
}

/// A nested object; a repeated member replaces the earlier one (last wins).
impl<T: Shape> Slot for Option<Box<T>> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<bool, S::Error> {
        let replaced = self.is_some();
        let mut value = Box::<T>::default();
        *self = src.object(&mut *value)?.then_some(value);
        Ok(replaced)
    }
}

/// A list; repeated XML elements (and a JSON key given twice) accumulate.
impl<T: Shape> Slot for Vec<T> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<bool, S::Error> {
        src.list(self).map(|()| false)
    }
}

impl Slot for Vec<JobOrValue> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<bool, S::Error> {
        src.job_or_value_list(self).map(|()| false)
    }
}

impl Slot for Option<JobOrValue> {
    fn read<'de, S: Source<'de>>(&mut self, src: S) -> Result<bool, S::Error> {
        src.job_or_value(self).map(|()| false)
    }
}

/// The model depth of a value: how many objects and arrays nest in it,
/// counted as the canonical JSON nests them (a scalar is 0, `{}` is 1).
pub(crate) trait Height {
    fn height(&self) -> usize;
}

macro_rules! flat_height {
    ($($ty:ty),*) => {
        $(impl Height for $ty {
            fn height(&self) -> usize {
                0
            }
        })*
    };
}

flat_height!(
    Option<crate::value::Str>,
    Option<Scalar<i64>>,
    Option<Scalar<bool>>,
    Option<Scalar<f64>>
);

impl<E> Height for Option<Open<E>> {
    fn height(&self) -> usize {
        0
    }
}

impl<T: Height> Height for Option<Box<T>> {
    fn height(&self) -> usize {
        self.as_ref().map_or(0, |v| 1 + v.height())
    }
}

impl<T: Shape> Height for Vec<T> {
    /// The array and each item's object (an empty list is not written).
    fn height(&self) -> usize {
        self.iter().map(|item| 2 + item.height()).max().unwrap_or(0)
    }
}

impl Height for Vec<JobOrValue> {
    /// The array and each item's own nesting (an empty list is not written).
    fn height(&self) -> usize {
        self.iter().map(Height::height).max().map_or(0, |h| 1 + h)
    }
}

impl Height for Option<JobOrValue> {
    fn height(&self) -> usize {
        self.as_ref().map_or(0, Height::height)
    }
}

impl Height for JobOrValue {
    fn height(&self) -> usize {
        match self {
            JobOrValue::Job(job) => 1 + job.height(),
            JobOrValue::List(items) => 1 + items.iter().map(Height::height).max().unwrap_or(0),
            JobOrValue::Value(v) => v.height(),
        }
    }
}

impl Height for Value {
    fn height(&self) -> usize {
        deeper(|| match self {
            Value::Array(items) => 1 + items.iter().map(Height::height).max().unwrap_or(0),
            Value::Object(members) => 1 + members.iter().map(|(_, v)| v.height()).max().unwrap_or(0),
            _ => 0,
        })
    }
}

impl Height for UnknownFields {
    fn height(&self) -> usize {
        self.0.iter().map(|(_, v)| v.height()).max().unwrap_or(0)
    }
}

/// Implements [`Shape`] and [`Height`] for a shape of the model's table.
macro_rules! impl_shape {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $wire:literal $([$($mark:tt)*])?, )*
        }
        $( extra { $( $(#[$xmeta:meta])* $xfield:ident : $xty:ty, )* } )?
    ) => {
        impl crate::model::$name {
            /// [`Shape::read_field`], with `other` reading a member the
            /// shape does not have (`Shape::read_field` keeps it as unknown).
            #[allow(dead_code)]
            #[inline]
            pub(crate) fn read_member_or<'de, S: Source<'de>>(
                &mut self,
                key: &str,
                src: S,
                other: impl FnOnce(&mut Self, &str, S) -> Result<bool, S::Error>,
            ) -> Result<bool, S::Error> {
                match key {
                    $( $wire => Slot::read(&mut self.$field, src), )*
                    _ => other(self, key, src),
                }
            }
        }

        impl Shape for crate::model::$name {
            #[inline]
            fn read_field<'de, S: Source<'de>>(&mut self, key: &str, src: S) -> Result<bool, S::Error> {
                self.read_member_or(key, src, |shape, key, src| {
                    src.unknown(key, &mut shape.unknown).map(|()| false)
                })
            }

            fn unknown_mut(&mut self) -> &mut UnknownFields {
                &mut self.unknown
            }

            fn set_scalar(&mut self, key: &str, v: In<'_>) -> Option<bool> {
                match key {
                    $( $wire => Slot::set_scalar(&mut self.$field, v), )*
                    _ => None,
                }
            }
        }

        /// The shape's members' nesting (the shape's own object not counted).
        impl Height for crate::model::$name {
            fn height(&self) -> usize {
                deeper(|| 0 $( .max(Height::height(&self.$field)) )* .max(self.unknown.height()))
            }
        }
    };
}

for_each_shape!(impl_shape);

/// Default input size limit: 64 MiB.
pub const DEFAULT_MAX_SIZE: usize = 64 * 1024 * 1024;
/// Default nesting limit (objects and arrays of the canonical document).
pub const DEFAULT_MAX_DEPTH: usize = 128;
/// The deepest nesting any reader accepts, whatever it is configured with:
/// reading, validation and both writers are tested at this depth on a thread
/// with a 1 MiB stack.
pub const MAX_DEPTH_CEILING: usize = 1024;

/// How much a document may make the reader hold and nest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    pub(crate) max_size: usize,
    pub(crate) max_depth: usize,
    /// The memory a document's model may take; `None`: 6 × its size + 48 MiB.
    pub(crate) max_memory: Option<usize>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_size: DEFAULT_MAX_SIZE,
            max_depth: DEFAULT_MAX_DEPTH,
            max_memory: None,
        }
    }
}

impl Limits {
    /// The size check, before anything is read.
    pub(crate) fn check_size(&self, len: usize) -> Result<(), Error> {
        if len > self.max_size {
            return Err(Error::new(
                ErrorKind::Limit,
                format!(
                    "input of {len} bytes is larger than the limit of {} bytes",
                    self.max_size
                ),
            ));
        }
        Ok(())
    }
}

/// What a reader may still spend on one document: nesting levels and bytes.
#[derive(Debug, Clone)]
pub(crate) struct Budget {
    depth: usize,
    max_depth: usize,
    bytes_left: usize,
    bytes_total: usize,
}

/// Which limit a document ran into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exceeded {
    Depth(usize),
    Memory(usize),
}

impl Exceeded {
    pub(crate) fn message(self) -> String {
        match self {
            Exceeded::Depth(max) => format!("nesting deeper than the limit of {max}"),
            Exceeded::Memory(total) => format!(
                "reading the document would take more than {total} bytes of memory \
                 (by default 6 × its size + 48 MiB; `Parser::max_memory`, `--max-memory` set it)"
            ),
        }
    }

    pub(crate) fn into_error(self) -> Error {
        Error::new(ErrorKind::Limit, self.message())
    }
}

impl Budget {
    /// The budget for a document of `input_len` bytes: 6 × its size + 48 MiB
    /// for the model (which, with the input itself, keeps a parse under
    /// 8 × size + 64 MiB of memory), `max_depth` levels (at most
    /// [`MAX_DEPTH_CEILING`]).
    pub(crate) fn new(input_len: usize, max_depth: usize) -> Self {
        let bytes = input_len.saturating_mul(6).saturating_add(48 << 20);
        Budget {
            depth: 0,
            max_depth: max_depth.min(MAX_DEPTH_CEILING),
            bytes_left: bytes,
            bytes_total: bytes,
        }
    }

    /// The budget for a document of `input_len` bytes under `limits`: its
    /// `max_memory` when set, else as [`Budget::new`].
    pub(crate) fn for_document(input_len: usize, limits: &Limits) -> Self {
        let mut budget = Budget::new(input_len, limits.max_depth);
        if let Some(bytes) = limits.max_memory {
            budget.bytes_left = bytes;
            budget.bytes_total = bytes;
        }
        budget
    }

    /// Opens `levels` containers.
    #[inline]
    pub(crate) fn enter(&mut self, levels: usize) -> Result<(), Exceeded> {
        self.depth += levels;
        if self.depth > self.max_depth {
            return Err(Exceeded::Depth(self.max_depth));
        }
        Ok(())
    }

    /// Closes `levels` containers.
    #[inline]
    pub(crate) fn leave(&mut self, levels: usize) {
        self.depth = self.depth.saturating_sub(levels);
    }

    /// Whether a value of `height` fits under the current depth (for a
    /// container that is never entered, such as `{}` from `""`, or a value
    /// that a repeat has just moved into an array).
    #[inline]
    pub(crate) fn fits(&self, height: usize) -> Result<(), Exceeded> {
        if self.depth + height > self.max_depth {
            return Err(Exceeded::Depth(self.max_depth));
        }
        Ok(())
    }

    /// Running past the memory limit, as its error.
    pub(crate) fn exceeded(&self) -> Exceeded {
        Exceeded::Memory(self.bytes_total)
    }

    /// Spends `bytes` of memory.
    #[inline]
    pub(crate) fn charge(&mut self, bytes: usize) -> Result<(), Exceeded> {
        match self.bytes_left.checked_sub(bytes) {
            Some(left) => {
                self.bytes_left = left;
                Ok(())
            }
            None => Err(Exceeded::Memory(self.bytes_total)),
        }
    }

    /// Spends what an item of type `T` costs in a list (which may hold up
    /// to twice its length while it grows) or in a box.
    #[inline]
    pub(crate) fn charge_shape<T>(&mut self) -> Result<(), Exceeded> {
        self.charge(2 * size_of::<T>().max(16))
    }

    /// Spends what a job at an untyped position costs: its box (the job and
    /// the allocator's header) and its entry in a growing list. Measured
    /// with a counting allocator: 26 000 small sub-jobs take 1.7 KB each.
    #[inline]
    pub(crate) fn charge_job(&mut self) -> Result<(), Exceeded> {
        self.charge(size_of::<JobDetail>() + 16 + 2 * size_of::<JobOrValue>())
    }

    /// Spends what a note of the reader costs (an XML attribute, a member
    /// given twice): its record, its place, its later diagnostic, with the
    /// allocator's rounding, and `bytes` of its own text.
    #[inline]
    pub(crate) fn charge_note(&mut self, bytes: usize) -> Result<(), Exceeded> {
        /// A note's record (up to three strings) twice over, its place, a
        /// diagnostic (two strings, a code, a severity) and 128 bytes of message.
        const NOTE_COST: usize =
            6 * size_of::<String>() + size_of::<usize>() + 2 * size_of::<String>() + 8 + 128;
        self.charge(NOTE_COST.saturating_add(bytes))
    }

    /// Spends what a list's first allocation costs beyond its first item's
    /// own charge, when `items` is still empty: a `Vec` first holds room for
    /// four items, so a flood of one-item arrays (`[[[[…]]]]`) costs four
    /// slots per level (an empty list allocates nothing).
    #[inline]
    pub(crate) fn charge_first_item<T>(&mut self, items: &[T]) -> Result<(), Exceeded> {
        if items.is_empty() {
            self.charge(3 * size_of::<T>())?;
        }
        Ok(())
    }

    /// Spends what one value node costs (with its member name, in an object).
    #[inline]
    pub(crate) fn charge_value(&mut self) -> Result<(), Exceeded> {
        self.charge(2 * size_of::<(String, Value)>())
    }

    /// Merges an object's repeated names into arrays (see `merge_repeats`)
    /// and checks the result: each merged array is one level deeper than its
    /// items were.
    pub(crate) fn merge(&self, members: &mut Vec<(String, Value)>) -> Result<(), Exceeded> {
        for i in crate::value::merge_repeats(members) {
            if let Some((_, v)) = members.get(i) {
                self.fits(v.height())?;
            }
        }
        Ok(())
    }
}

/// A fresh job for an untyped position, charged to `budget`.
pub(crate) fn new_job(budget: &mut Budget) -> Result<Box<JobDetail>, Exceeded> {
    budget.charge_job()?;
    Ok(Box::default())
}
