//! A JSON text's containers, found in one pass, so that any of its values
//! can be split one level down without reading what lies inside its parts:
//! `diff` walks two canonical texts this way, splitting only where they
//! differ.

use std::borrow::Cow;
use std::ops::Range;

use super::token::{Peek, Pull, Result, SyntaxError, Tokenizer};

/// Where every object and array of one JSON text starts and ends, found in
/// one pass: [`Spans::level`] then splits any of its values one level down
/// in time proportional to the value's parts, not to its size.
pub(crate) struct Spans<'a> {
    text: &'a str,
    /// In the order the containers start.
    spans: Vec<Span>,
}

/// One object or array of the text.
#[derive(Debug)]
pub(super) struct Span {
    /// Its bytes, brackets included.
    pub(super) range: Range<usize>,
    /// The index in [`Spans::spans`] just past the spans of what it holds:
    /// the next sibling's, if it has one.
    pub(super) after: usize,
}

/// A JSON value split one level down, each part as its byte range.
#[derive(Debug, PartialEq)]
pub(crate) enum Level<'a> {
    /// An object's members: each key decoded, each value's range.
    Object(Vec<(Cow<'a, str>, Range<usize>)>),
    /// An array's items.
    Array(Vec<Range<usize>>),
    /// A string, number, boolean or `null`.
    Scalar,
}

impl<'a> Spans<'a> {
    /// The spans of `text`, one JSON value (checked, with what follows it).
    pub(crate) fn of(text: &'a str) -> std::result::Result<Self, SyntaxError> {
        let mut t = Tokenizer::new(text);
        let mut spans = Vec::new();
        t.walk_value(Some(&mut spans))?;
        t.end()?;
        Ok(Spans { text, spans })
    }

    /// The whole value's range.
    pub(crate) fn root(&self) -> Range<usize> {
        self.text.len() - self.text.trim_start().len()..self.text.trim_end().len()
    }

    /// The text of `range`.
    pub(crate) fn text(&self, range: &Range<usize>) -> &'a str {
        self.text.get(range.clone()).unwrap_or_default()
    }

    /// The value at `range` (one of this text's values) split one level down.
    pub(crate) fn level(&self, range: &Range<usize>) -> std::result::Result<Level<'a>, SyntaxError> {
        let mut t = Tokenizer::at(self.text, range.start);
        let kind = t.peek()?;
        // the next container part's span: the first after the value's own
        let mut next = self.spans.partition_point(|s| s.range.start < range.start) + 1;
        match kind {
            Peek::Object => {
                let mut members = Vec::new();
                let mut key = t.begin_object()?;
                while let Some(k) = key {
                    members.push((k, self.skip(&mut t, &mut next)?));
                    key = t.next_key()?;
                }
                Ok(Level::Object(members))
            }
            Peek::Array => {
                let mut items = Vec::new();
                let mut more = t.begin_array()?;
                while more {
                    items.push(self.skip(&mut t, &mut next)?);
                    more = t.next_item()?;
                }
                Ok(Level::Array(items))
            }
            _ => Ok(Level::Scalar),
        }
    }

    /// Skips the part at hand: an object or array by its span (the one at
    /// `next`, which then moves to the next sibling's), a scalar as it is
    /// read. Its range.
    fn skip(&self, t: &mut Tokenizer<'a>, next: &mut usize) -> Result<Range<usize>> {
        let kind = t.peek()?;
        let start = t.pos();
        match kind {
            Peek::Object | Peek::Array => match self.spans.get(*next).filter(|s| s.range.start == start) {
                Some(span) => {
                    t.jump(span.range.end);
                    *next = span.after;
                }
                None => return t.error("not a value of this text"),
            },
            Peek::String => t.skip_string()?,
            kind => {
                t.scalar(kind)?;
            }
        }
        Ok(start..t.pos())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_split_a_value_one_level_down() {
        let text = r#" {"a": [1, {"b": null}, []], "k\u0021" :"x\"" } "#;
        let spans = Spans::of(text).expect("JSON");
        let parts = |range| match spans.level(&range) {
            Ok(Level::Object(members)) => members
                .into_iter()
                .map(|(k, r)| (k.into_owned(), spans.text(&r)))
                .collect(),
            Ok(Level::Array(items)) => items
                .into_iter()
                .map(|r| (String::new(), spans.text(&r)))
                .collect(),
            other => panic!("{other:?}"),
        };
        let root = spans.root();
        assert_eq!(
            spans.text(&root),
            r#"{"a": [1, {"b": null}, []], "k\u0021" :"x\"" }"#
        );
        let top: Vec<(String, &str)> = parts(root);
        assert_eq!(
            top,
            [
                ("a".to_owned(), r#"[1, {"b": null}, []]"#),
                ("k!".to_owned(), r#""x\"""#)
            ]
        );
        let a = spans.level(&spans.root()).ok().and_then(|l| match l {
            Level::Object(m) => m.into_iter().next().map(|(_, r)| r),
            _ => None,
        });
        let items: Vec<(String, &str)> = parts(a.expect("a member"));
        let items: Vec<&str> = items.into_iter().map(|(_, t)| t).collect();
        assert_eq!(items, ["1", r#"{"b": null}"#, "[]"]);
        // siblings after containers that hold containers
        let text = r#"[[[1],[]], {"a":[2,{}]}, [3], 4]"#;
        let spans = Spans::of(text).expect("JSON");
        let texts = |range: Range<usize>| -> Vec<&str> {
            match spans.level(&range) {
                Ok(Level::Array(items)) => items.iter().map(|r| spans.text(r)).collect(),
                Ok(Level::Object(members)) => members.iter().map(|(_, r)| spans.text(r)).collect(),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(texts(spans.root()), ["[[1],[]]", r#"{"a":[2,{}]}"#, "[3]", "4"]);
        assert_eq!(texts(11..23), ["[2,{}]"]);
        assert_eq!(texts(16..22), ["2", "{}"]);
        // brackets inside a string are no values of the text
        let text = r#"["[[1]]"]"#;
        let spans = Spans::of(text).expect("JSON");
        assert_eq!(
            spans.level(&(2..7)),
            Err(SyntaxError {
                message: "not a value of this text",
                offset: 3
            })
        );
        assert!(Spans::of(r#"{"a": [1,}"#).is_err());
        assert!(Spans::of("[] x").is_err());
    }
}
