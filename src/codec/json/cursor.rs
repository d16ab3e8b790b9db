//! A [`Pull`] over a [`Value`] already in memory: the JSON decoder reads an
//! SDK dump's body from the value it was read into, with the same rules as
//! from text.

use std::borrow::Cow;

use super::token::{Peek, Pull, SyntaxError};
use crate::scalar::In;
use crate::value::Value;

/// Walks a value in document order.
pub(crate) struct ValueCursor<'a> {
    /// The value at hand.
    at: Option<&'a Value>,
    /// The containers entered, innermost last.
    open: Vec<Frame<'a>>,
}

enum Frame<'a> {
    Object(std::slice::Iter<'a, (String, Value)>),
    Array(std::slice::Iter<'a, Value>),
}

impl<'a> ValueCursor<'a> {
    pub(crate) fn new(value: &'a Value) -> Self {
        ValueCursor {
            at: Some(value),
            open: Vec::new(),
        }
    }

    fn member(&mut self) -> Option<Cow<'a, str>> {
        let Some(Frame::Object(members)) = self.open.last_mut() else {
            return None;
        };
        match members.next() {
            Some((k, v)) => {
                self.at = Some(v);
                Some(Cow::Borrowed(k.as_str()))
            }
            None => {
                self.open.pop();
                None
            }
        }
    }

    fn item(&mut self) -> bool {
        let Some(Frame::Array(items)) = self.open.last_mut() else {
            return false;
        };
        match items.next() {
            Some(v) => {
                self.at = Some(v);
                true
            }
            None => {
                self.open.pop();
                false
            }
        }
    }

    /// Not reachable through the decoder, which asks only for what `peek` said.
    fn misuse<T>() -> Result<T, SyntaxError> {
        Err(SyntaxError {
            offset: 0,
            message: "the value ended where more was read",
        })
    }
}

impl<'a> Pull<'a> for ValueCursor<'a> {
    fn peek(&mut self) -> Result<Peek, SyntaxError> {
        Ok(match self.at {
            None => return Self::misuse(),
            Some(Value::Null) => Peek::Null,
            Some(Value::Bool(_)) => Peek::Bool,
            Some(Value::Number(_)) => Peek::Number,
            Some(Value::String(_)) => Peek::String,
            Some(Value::Array(_)) => Peek::Array,
            Some(Value::Object(_)) => Peek::Object,
        })
    }

    fn begin_object(&mut self) -> Result<Option<Cow<'a, str>>, SyntaxError> {
        let Some(Value::Object(members)) = self.at.take() else {
            return Self::misuse();
        };
        self.open.push(Frame::Object(members.iter()));
        Ok(self.member())
    }

    fn next_key(&mut self) -> Result<Option<Cow<'a, str>>, SyntaxError> {
        Ok(self.member())
    }

    fn begin_array(&mut self) -> Result<bool, SyntaxError> {
        let Some(Value::Array(items)) = self.at.take() else {
            return Self::misuse();
        };
        self.open.push(Frame::Array(items.iter()));
        Ok(self.item())
    }

    fn next_item(&mut self) -> Result<bool, SyntaxError> {
        Ok(self.item())
    }

    fn scalar(&mut self, _: Peek) -> Result<In<'a>, SyntaxError> {
        Ok(match self.at.take() {
            Some(Value::Null) => In::Null,
            Some(Value::Bool(b)) => In::Bool(*b),
            Some(Value::Number(n)) => In::Number(Cow::Owned(n.to_string())),
            Some(Value::String(s)) => In::Str(Cow::Borrowed(s.as_str())),
            _ => return Self::misuse(),
        })
    }

    fn offset(&self) -> Option<usize> {
        None
    }
}
