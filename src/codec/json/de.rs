//! JSON decoding: a pull decoder that drives the model's own table.
//!
//! No serde derive, no `flatten`/`untagged`: the decoder implements the
//! [`Source`] contract over a [`Pull`] — the tokenizer for text, a cursor for
//! a value in memory (an SDK dump's body) — so the model's table decides what
//! every member means, exactly as for XML.

use std::marker::PhantomData;
use std::ops::Range;

use super::token::{Peek, Pull, SyntaxError, Tokenizer};
use crate::de::root::{Decision, Root};
use crate::de::{Budget, Exceeded, Height, Limits, Shape, Source, deeper, new_job};
use crate::error::{Error, ErrorKind, PathSegment};
use crate::model::{JobDetail, JobOrValue, ReadNotes, Response, UnknownFields, Value};
use crate::scalar::{self, In};

/// Reads a JSON document: what it is, in one pass. For an SDK dump,
/// `body_span` is set to where the body's value is in the text. Errors
/// carry the byte offset (line and column are the caller's to compute from
/// its text).
pub(crate) fn read(
    text: &str,
    limits: &Limits,
    body_span: &mut Option<Range<usize>>,
) -> Result<Decision, Error> {
    read_root(text, Budget::for_document(text.len(), limits), |d, root| {
        let mut decision = root
            .finish(&d.budget, &crate::codec::FORMS)
            .map_err(Exceeded::into_error)?;
        match &mut decision {
            Decision::Response(response) => d.notes(text, response)?,
            Decision::DumpBody(_) => *body_span = d.body_span.take(),
        }
        Ok(decision)
    })
}

/// Reads the SDK dump body at `span` in `text` (an object) as the response: a
/// dump is not nested. The budget is that of the whole document; errors
/// carry their offset in `text` and their path under `/body`.
pub(crate) fn read_body(text: &str, span: Range<usize>, limits: &Limits) -> Result<Response, Error> {
    let at = span.start;
    // the span is the reader's own, of a value in this text
    debug_assert!(text.get(span.clone()).is_some());
    let body = &text[span];
    read_response(body, Budget::for_document(text.len(), limits)).map_err(|e| e.shifted(at).under("/body"))
}

/// Reads a JSON document as a response, never a dump (the text of a dump's
/// body saved as a string).
pub(crate) fn read_response(text: &str, budget: Budget) -> Result<Response, Error> {
    read_root(text, budget, |d, root| {
        let mut response = root
            .finish_response(&d.budget, &crate::codec::FORMS)
            .map_err(Exceeded::into_error)?;
        d.notes(text, &mut response)?;
        Ok(response)
    })
}

/// Reads the document's top-level object, to its end, and hands it to
/// `finish` with the decoder (a continuation: the root, as large as a job,
/// is not moved out and back).
#[inline]
fn read_root<'a, T>(
    text: &'a str,
    budget: Budget,
    finish: impl FnOnce(&mut Decoder<'a, Tokenizer<'a>>, Root) -> Result<T, Error>,
) -> Result<T, Error> {
    let mut d = Decoder::new(Tokenizer::new(text), budget);
    let root = d.root().and_then(|root| {
        d.pull.end().map_err(|e| d.syntax(&e))?;
        Ok(root)
    });
    let root = root.map_err(|e| e.with_path(&d.path))?;
    finish(&mut d, root)
}

impl Decoder<'_, Tokenizer<'_>> {
    /// Records what reading noticed beside the members (members given
    /// twice), their pointers found now, in `text`.
    fn notes(&mut self, text: &str, response: &mut Response) -> Result<(), Error> {
        if self.repeated_at.is_empty() {
            return Ok(());
        }
        let mut notes = ReadNotes::default();
        for pointer in super::position::pointers_at(text, &self.repeated_at) {
            self.budget
                .charge(2 * pointer.len())
                .map_err(Exceeded::into_error)?;
            notes.repeated.push(pointer);
        }
        response.set_notes(notes);
        Ok(())
    }
}

/// Reads a document from a value in memory (the body of an SDK dump handed
/// to `serde::Deserialize`) as the response: a dump is not nested. Errors
/// carry the path inside the value, no position.
pub(crate) fn read_value(value: &Value, limits: &Limits, input_len: usize) -> Result<Response, Error> {
    let mut d = Decoder::new(
        super::cursor::ValueCursor::new(value),
        Budget::for_document(input_len, limits),
    );
    let root = d.root().map_err(|e| e.with_path(&d.path))?;
    root.finish_response(&d.budget, &crate::codec::FORMS)
        .map_err(Exceeded::into_error)
}

/// A job's known members as (name, JSON value) pairs, in canonical order
/// (its canonical JSON read as a value), within `budget`.
pub(crate) fn job_values(job: &JobDetail, budget: &mut Budget) -> Result<crate::de::root::Members, Exceeded> {
    use super::ser::ToJson;
    let mut text = String::new();
    job.to_json(&mut text);
    let mut d = Decoder::new(Tokenizer::new(&text), budget.clone());
    let value = d.value(false);
    *budget = d.budget;
    match value {
        Ok(Value::Object(members)) => Ok(members),
        // the canonical writer writes an object, which reads back but for the budget
        _ => Err(budget.exceeded()),
    }
}

/// A value read as a job (`None` when it is not one: another kind of
/// response, or a value that does not read), within `budget`.
pub(crate) fn job_from_value(value: &Value, budget: &mut Budget) -> Result<Option<JobDetail>, Exceeded> {
    let mut d = Decoder::new(super::cursor::ValueCursor::new(value), budget.clone());
    let read = d.root();
    let decided = match read {
        Ok(root) => root.finish_response(&d.budget, &crate::codec::FORMS).map(Some),
        Err(e) if e.kind() == ErrorKind::Limit => Err(d.budget.exceeded()),
        Err(_) => Ok(None),
    };
    *budget = d.budget;
    Ok(match decided? {
        Some(Response::Detail(job)) => Some(job),
        _ => None,
    })
}

/// The decoder's state for one document.
pub(crate) struct Decoder<'de, P> {
    pull: P,
    budget: Budget,
    /// Filled innermost first while an error unwinds.
    path: Vec<PathSegment>,
    /// Where each member given again starts its value (its pointer is found
    /// at the end, for a document read from text).
    repeated_at: Vec<usize>,
    /// Where the value read by `value_unmerged` (an SDK dump's `body`) is.
    body_span: Option<Range<usize>>,
    _input: PhantomData<&'de str>,
}

impl<'de, P: Pull<'de>> Decoder<'de, P> {
    fn new(pull: P, budget: Budget) -> Self {
        Decoder {
            pull,
            budget,
            path: Vec::new(),
            repeated_at: Vec::new(),
            body_span: None,
            _input: PhantomData,
        }
    }

    fn root(&mut self) -> Result<Root, Error> {
        let mut root = Root::default();
        match self.peek()? {
            Peek::Object => self.object_into(&mut root)?,
            other => return Err(self.wrong(self.pull.offset(), "an object", other)),
        }
        Ok(root)
    }

    #[inline]
    fn peek(&mut self) -> Result<Peek, Error> {
        self.pull.peek().map_err(|e| self.syntax(&e))
    }

    #[cold]
    fn syntax(&self, e: &SyntaxError) -> Error {
        Error::new(ErrorKind::Syntax, e.message).with_offset(e.offset)
    }

    #[cold]
    fn wrong(&self, at: Option<usize>, expected: &str, found: Peek) -> Error {
        let e = Error::new(
            ErrorKind::Shape,
            format!("expected {expected}, found {}", found.noun()),
        );
        match at {
            Some(offset) => e.with_offset(offset),
            None => e,
        }
    }

    #[cold]
    fn limit(&self, exceeded: Exceeded) -> Error {
        let e = exceeded.into_error();
        match self.pull.offset() {
            Some(offset) => e.with_offset(offset),
            None => e,
        }
    }

    /// The scalar at hand, of the kind `peek` returned.
    #[inline]
    fn scalar(&mut self, kind: Peek) -> Result<In<'de>, Error> {
        self.pull.scalar(kind).map_err(|e| self.syntax(&e))
    }

    /// Reads the object at hand into `target`, member by member.
    fn object_into<T: Shape>(&mut self, target: &mut T) -> Result<(), Error> {
        deeper(|| self.object_members(target))
    }

    fn object_members<T: Shape>(&mut self, target: &mut T) -> Result<(), Error> {
        self.budget.enter(1).map_err(|x| self.limit(x))?;
        let mut key = self.pull.begin_object().map_err(|e| self.syntax(&e))?;
        while let Some(k) = key {
            let at = self.pull.offset();
            match target.read_field(&k, Src { d: self }) {
                Ok(false) => {}
                Ok(true) => self.repeated(at)?,
                Err(e) => {
                    self.path.push(PathSegment::Key(k.into_owned()));
                    return Err(e);
                }
            }
            key = self.pull.next_key().map_err(|e| self.syntax(&e))?;
        }
        self.budget
            .merge(&mut target.unknown_mut().0)
            .map_err(|x| self.limit(x))?;
        self.budget.leave(1);
        Ok(())
    }

    /// A member given again, its value at `at`, which replaced the earlier
    /// one: charged, and recorded where the input is text.
    #[cold]
    fn repeated(&mut self, at: Option<usize>) -> Result<(), Error> {
        self.budget.charge_note(0).map_err(|x| self.limit(x))?;
        self.repeated_at.extend(at);
        Ok(())
    }

    /// Reads the items of the array at hand, each through `item`, with the
    /// item's index (as it stands in the input) on the path of an error.
    fn items(&mut self, item: impl FnMut(&mut Self) -> Result<(), Error>) -> Result<(), Error> {
        deeper(|| self.each_item(item))
    }

    fn each_item(&mut self, mut item: impl FnMut(&mut Self) -> Result<(), Error>) -> Result<(), Error> {
        self.budget.enter(1).map_err(|x| self.limit(x))?;
        let mut more = self.pull.begin_array().map_err(|e| self.syntax(&e))?;
        let mut index = 0;
        while more {
            if let Err(e) = item(self) {
                self.path.push(PathSegment::Index(index));
                return Err(e);
            }
            index += 1;
            more = self.pull.next_item().map_err(|e| self.syntax(&e))?;
        }
        self.budget.leave(1);
        Ok(())
    }

    /// One item of a typed list: an object (a blank string is an empty one;
    /// `null` is no item).
    fn list_item<T: Shape>(&mut self, items: &mut Vec<T>) -> Result<(), Error> {
        let kind = self.peek()?;
        let at = self.pull.offset();
        match kind {
            Peek::Object => {
                self.budget.charge_shape::<T>().map_err(|x| self.limit(x))?;
                let mut item = T::default();
                self.object_into(&mut item)?;
                items.push(item);
            }
            Peek::Null => {
                self.scalar(kind)?;
            }
            Peek::String if self.scalar(kind)?.is_blank() => {
                self.budget.charge_shape::<T>().map_err(|x| self.limit(x))?;
                self.budget.fits(1).map_err(|x| self.limit(x))?;
                items.push(T::default());
            }
            other => return Err(self.wrong(at, "an object", other)),
        }
        Ok(())
    }

    /// A value at an untyped position; `None` for `null` when `keep_null` is false.
    fn job_or_value(&mut self, keep_null: bool) -> Result<Option<JobOrValue>, Error> {
        Ok(Some(match self.peek()? {
            Peek::Object => {
                let mut job = new_job(&mut self.budget).map_err(|x| self.limit(x))?;
                self.object_into(&mut *job)?;
                JobOrValue::Job(job)
            }
            Peek::Array => {
                let mut list = Vec::new();
                self.items(|d| {
                    d.budget.charge_value().map_err(|x| d.limit(x))?;
                    d.budget.charge_first_item(&list).map_err(|x| d.limit(x))?;
                    list.extend(d.job_or_value(true)?);
                    Ok(())
                })?;
                JobOrValue::List(list)
            }
            Peek::Null if !keep_null => {
                self.scalar(Peek::Null)?;
                return Ok(None);
            }
            kind => JobOrValue::Value(scalar::value(self.scalar(kind)?)),
        }))
    }

    /// Any value, kept whole; names repeated in an object merge into an
    /// array when `merge` is set.
    fn value(&mut self, merge: bool) -> Result<Value, Error> {
        deeper(|| self.value_here(merge))
    }

    fn value_here(&mut self, merge: bool) -> Result<Value, Error> {
        self.budget.charge_value().map_err(|x| self.limit(x))?;
        match self.peek()? {
            Peek::Object => {
                self.budget.enter(1).map_err(|x| self.limit(x))?;
                let mut members = Vec::new();
                let mut key = self.pull.begin_object().map_err(|e| self.syntax(&e))?;
                while let Some(k) = key {
                    self.budget
                        .charge_first_item(&members)
                        .map_err(|x| self.limit(x))?;
                    match self.value(merge) {
                        Ok(v) => members.push((k.into_owned(), v)),
                        Err(e) => {
                            self.path.push(PathSegment::Key(k.into_owned()));
                            return Err(e);
                        }
                    }
                    key = self.pull.next_key().map_err(|e| self.syntax(&e))?;
                }
                if merge {
                    self.budget.merge(&mut members).map_err(|x| self.limit(x))?;
                }
                self.budget.leave(1);
                Ok(Value::Object(members))
            }
            Peek::Array => {
                let mut items = Vec::new();
                self.items(|d| {
                    d.budget.charge_first_item(&items).map_err(|x| d.limit(x))?;
                    items.push(d.value(merge)?);
                    Ok(())
                })?;
                Ok(Value::Array(items))
            }
            kind => Ok(scalar::value(self.scalar(kind)?)),
        }
    }
}

/// The value of one member, at the decoder's position.
struct Src<'r, 'de, P> {
    d: &'r mut Decoder<'de, P>,
}

impl<'de, P: Pull<'de>> Source<'de> for Src<'_, 'de, P> {
    type Error = Error;

    #[inline]
    fn scalar(self) -> Result<In<'de>, Error> {
        let d = self.d;
        match d.peek()? {
            found @ (Peek::Object | Peek::Array) => {
                Err(d.wrong(d.pull.offset(), "a string, number, boolean or null", found))
            }
            kind => d.scalar(kind),
        }
    }

    fn object<T: Shape>(self, target: &mut T) -> Result<bool, Error> {
        let d = self.d;
        let kind = d.peek()?;
        let at = d.pull.offset();
        match kind {
            Peek::Object => {
                d.budget.charge_shape::<T>().map_err(|x| d.limit(x))?;
                d.object_into(target)?;
                Ok(true)
            }
            Peek::Null => {
                d.scalar(kind)?;
                Ok(false)
            }
            Peek::String if d.scalar(kind)?.is_blank() => {
                d.budget.charge_shape::<T>().map_err(|x| d.limit(x))?;
                d.budget.fits(1).map_err(|x| d.limit(x))?;
                Ok(true)
            }
            other => Err(d.wrong(at, "an object", other)),
        }
    }

    fn list<T: Shape>(self, items: &mut Vec<T>) -> Result<(), Error> {
        let d = self.d;
        let kind = d.peek()?;
        let at = d.pull.offset();
        match kind {
            Peek::Array => d.items(|d| d.list_item(items)),
            Peek::Object => {
                // a lone object is a list of one: the array and its object
                d.budget.enter(1).map_err(|x| d.limit(x))?;
                d.list_item(items)?;
                d.budget.leave(1);
                Ok(())
            }
            Peek::Null => d.scalar(kind).map(drop),
            Peek::String if d.scalar(kind)?.is_blank() => Ok(()),
            other => Err(d.wrong(at, "an array of objects", other)),
        }
    }

    fn job_or_value(self, slot: &mut Option<JobOrValue>) -> Result<(), Error> {
        let d = self.d;
        if let Some(value) = d.job_or_value(false)? {
            let repeated = slot.is_some();
            JobOrValue::append(slot, value);
            if repeated {
                d.budget.fits(slot.height()).map_err(|x| d.limit(x))?;
            }
        }
        Ok(())
    }

    fn job_or_value_list(self, items: &mut Vec<JobOrValue>) -> Result<(), Error> {
        let d = self.d;
        match d.peek()? {
            Peek::Array => d.items(|d| {
                d.budget.charge_value().map_err(|x| d.limit(x))?;
                items.extend(d.job_or_value(true)?);
                Ok(())
            }),
            Peek::Null => d.scalar(Peek::Null).map(drop),
            Peek::String => {
                let v = d.scalar(Peek::String)?;
                if !v.is_blank() {
                    d.budget.fits(1).map_err(|x| d.limit(x))?;
                    items.push(JobOrValue::Value(scalar::value(v)));
                }
                Ok(())
            }
            _ => {
                // one item where a list belongs: the list and the item
                d.budget.enter(1).map_err(|x| d.limit(x))?;
                items.extend(d.job_or_value(true)?);
                d.budget.leave(1);
                Ok(())
            }
        }
    }

    fn unknown(self, key: &str, fields: &mut UnknownFields) -> Result<(), Error> {
        let value = self.d.value(true)?;
        fields.push(key, value);
        Ok(())
    }

    fn value_unmerged(self) -> Result<Value, Error> {
        let d = self.d;
        d.peek()?;
        let start = d.pull.offset();
        let value = d.value(false)?;
        if let (Some(start), Some(end)) = (start, d.pull.offset()) {
            d.body_span = Some(start..end);
        }
        Ok(value)
    }
}

/// Reads any JSON value, names repeated in an object kept apart (the views of
/// JSON held in a string member). Errors carry line and column in `text`.
pub(crate) fn value_from_str(text: &str) -> Result<Value, Error> {
    value_from_str_to_depth(text, crate::de::DEFAULT_MAX_DEPTH)
}

/// [`value_from_str`] with another depth limit (at most the ceiling).
pub(crate) fn value_from_str_to_depth(text: &str, max_depth: usize) -> Result<Value, Error> {
    let mut d = Decoder::new(Tokenizer::new(text), Budget::new(text.len(), max_depth));
    let value = d.value(false).and_then(|v| {
        d.pull.end().map_err(|e| d.syntax(&e))?;
        Ok(v)
    });
    value.map_err(|e| e.with_path(&d.path).locate(text))
}
