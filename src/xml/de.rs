//! XML decoding: a pull decoder over quick-xml events.
//!
//! The decoder walks elements by name, never by position: a shape gets every
//! child element through [`Shape::read_field`], so repeated siblings accumulate
//! into lists wherever they stand, and the same name at two depths is simply two
//! calls at two levels. Text is never trimmed; whitespace-only text *between*
//! elements is ignored.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::de::{Shape, Source, new_job};
use crate::error::{Error, ErrorKind, PathSegment};
use crate::model::{Nested, UnknownFields, Value, merge_repeats};
use crate::scalar::In;

pub(crate) struct XmlDe<'i> {
    reader: Reader<&'i [u8]>,
    input: &'i str,
    peeked: Option<Event<'i>>,
    /// Byte offset where the last event read started, for error positions.
    event_start: usize,
    depth: usize,
    max_depth: usize,
    /// Filled innermost first while an error unwinds.
    pub(crate) path: Vec<PathSegment>,
}

/// How the document starts: the root element's name and whether it is `<Root/>`.
pub(crate) struct Root<'i> {
    pub(crate) name: Cow<'i, str>,
    pub(crate) empty: bool,
}

impl<'i> XmlDe<'i> {
    pub(crate) fn new(input: &'i str, max_depth: usize) -> Self {
        let mut reader = Reader::from_str(input);
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = true;
        config.expand_empty_elements = false;
        XmlDe {
            reader,
            input,
            peeked: None,
            event_start: 0,
            depth: 0,
            max_depth,
            path: Vec::new(),
        }
    }

    #[inline]
    fn next(&mut self) -> Result<Event<'i>, Error> {
        if let Some(ev) = self.peeked.take() {
            return Ok(ev);
        }
        self.event_start = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
        match self.reader.read_event() {
            Ok(Event::DocType(_)) => Err(self.doctype_error()),
            Ok(ev) => Ok(ev),
            Err(e) => Err(self.syntax_error(&e)),
        }
    }

    #[cold]
    #[inline(never)]
    fn doctype_error(&self) -> Error {
        self.error(
            ErrorKind::Doctype,
            "a DOCTYPE is not accepted (no DTD, no entity expansion)",
        )
    }

    #[cold]
    #[inline(never)]
    fn syntax_error(&self, e: &quick_xml::Error) -> Error {
        let offset = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
        Error::new(ErrorKind::Syntax, format!("malformed XML: {e}")).at_offset(self.input, offset)
    }

    /// An error at the start of the last event read.
    pub(crate) fn error(&self, kind: ErrorKind, message: impl Into<String>) -> Error {
        Error::new(kind, message).at_offset(self.input, self.event_start)
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(self.error(
                ErrorKind::Limit,
                format!("nesting deeper than the limit of {}", self.max_depth),
            ));
        }
        Ok(())
    }

    /// Reads up to the root element's start tag.
    pub(crate) fn root(&mut self) -> Result<Root<'i>, Error> {
        loop {
            match self.next()? {
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
                Event::Text(t) if is_blank(&t) => {}
                Event::Start(e) => {
                    self.enter()?;
                    return Ok(Root {
                        name: own_name(e.name().0),
                        empty: false,
                    });
                }
                Event::Empty(e) => {
                    return Ok(Root {
                        name: own_name(e.name().0),
                        empty: true,
                    });
                }
                Event::Eof => {
                    return Err(self.error(ErrorKind::Syntax, "no root element"));
                }
                _ => {
                    return Err(self.error(ErrorKind::Syntax, "text before the root element"));
                }
            }
        }
    }

    /// After the root element: only comments, processing instructions and
    /// whitespace may follow.
    pub(crate) fn finish(&mut self) -> Result<(), Error> {
        loop {
            match self.next()? {
                Event::Eof => return Ok(()),
                Event::Comment(_) | Event::PI(_) => {}
                Event::Text(t) if is_blank(&t) => {}
                _ => {
                    return Err(self.error(ErrorKind::Syntax, "content after the root element"));
                }
            }
        }
    }

    /// The next child element of the current element (`true` when it is
    /// `<Empty/>`), skipping formatting whitespace, comments and processing
    /// instructions; `None` at the end tag. Text beside elements is an error.
    #[inline(always)]
    fn next_child(&mut self) -> Result<Option<(BytesStart<'i>, bool)>, Error> {
        loop {
            return match self.next()? {
                Event::Start(e) => {
                    self.enter()?;
                    Ok(Some((e, false)))
                }
                Event::Empty(e) => Ok(Some((e, true))),
                Event::End(_) => Ok(None),
                Event::Comment(_) | Event::PI(_) => continue,
                Event::Text(t) if is_blank(&t) => continue,
                Event::Eof => Err(self.unexpected_eof()),
                _ => Err(self.error(
                    ErrorKind::Shape,
                    "expected elements, found text (text beside elements is not supported)",
                )),
            };
        }
    }

    /// Reads the children of the current element into `target`, through its end tag.
    pub(crate) fn read_children<T: Shape>(&mut self, target: &mut T) -> Result<(), Error> {
        while let Some((start, empty)) = self.next_child()? {
            let key = start.name().0;
            if let Err(e) = target.read_field(key, Src { de: self, empty }) {
                self.path.push(PathSegment::Key(key.to_owned()));
                return Err(e);
            }
            if !empty {
                self.depth -= 1;
            }
        }
        merge_repeats(&mut target.unknown_mut().0);
        Ok(())
    }

    fn unexpected_eof(&self) -> Error {
        self.error(ErrorKind::Syntax, "unexpected end of document (unclosed element)")
    }

    /// Reads the text of the current element through its end tag. Child
    /// elements are an error; entities, character references and CDATA are
    /// decoded; line ends are normalised as XML 1.0 requires.
    fn read_text(&mut self, mut acc: Option<Cow<'i, str>>) -> Result<Cow<'i, str>, Error> {
        loop {
            let piece = match self.next()? {
                Event::Text(t) => t.xml10_content(),
                Event::CData(c) => c.xml10_content(),
                Event::GeneralRef(r) => Cow::Owned(self.resolve(&r)?),
                Event::End(_) => break,
                Event::Comment(_) | Event::PI(_) => continue,
                Event::Eof => return Err(self.unexpected_eof()),
                _ => {
                    return Err(self.error(
                        ErrorKind::Shape,
                        "expected a value, found an element (a value cannot hold elements)",
                    ));
                }
            };
            match &mut acc {
                None => acc = Some(piece),
                Some(text) => text.to_mut().push_str(&piece),
            }
        }
        Ok(acc.unwrap_or(Cow::Borrowed("")))
    }

    fn resolve(&self, r: &BytesRef<'_>) -> Result<String, Error> {
        let ch = match r.resolve_char_ref() {
            Ok(Some(ch)) => Some(ch),
            Ok(None) => match &**r {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "apos" => Some('\''),
                "quot" => Some('"'),
                _ => None,
            },
            Err(_) => None,
        };
        ch.map(String::from).ok_or_else(|| {
            self.error(
                ErrorKind::Syntax,
                format!("unknown entity or invalid character reference `&{};`", &**r),
            )
        })
    }

    /// Looks past leading whitespace and comments: `Some(text so far)` when
    /// the element holds a value, `None` when it holds elements (or nothing).
    /// The first significant event is pushed back.
    fn classify(&mut self) -> Result<Content<'i>, Error> {
        let mut lead: Option<Cow<'i, str>> = None;
        loop {
            let ev = self.next()?;
            match ev {
                Event::Text(ref t) if is_blank(t) => {
                    let piece = t.xml10_content();
                    match &mut lead {
                        None => lead = Some(piece),
                        Some(text) => text.to_mut().push_str(&piece),
                    }
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::Start(_) | Event::Empty(_) => {
                    self.peeked = Some(ev);
                    return Ok(Content::Elements);
                }
                Event::End(_) => return Ok(Content::Empty(lead)),
                Event::Eof => return Err(self.unexpected_eof()),
                other => {
                    self.peeked = Some(other);
                    return Ok(Content::Text(lead));
                }
            }
        }
    }

    /// Reads the current element as an opaque value.
    fn read_value(&mut self) -> Result<Value, Error> {
        match self.classify()? {
            Content::Elements => {
                let mut members = Vec::new();
                self.read_members(&mut members)?;
                Ok(Value::Object(members))
            }
            Content::Empty(lead) => Ok(Value::String(lead.map(Cow::into_owned).unwrap_or_default())),
            Content::Text(lead) => Ok(Value::String(self.read_text(lead)?.into_owned())),
        }
    }

    fn read_members(&mut self, members: &mut Vec<(String, Value)>) -> Result<(), Error> {
        while let Some((start, empty)) = self.next_child()? {
            let name = start.name().0.to_owned();
            if empty {
                members.push((name, Value::String(String::new())));
                continue;
            }
            match self.read_value() {
                Ok(v) => {
                    self.depth -= 1;
                    members.push((name, v));
                }
                Err(err) => {
                    self.path.push(PathSegment::Key(name));
                    return Err(err);
                }
            }
        }
        merge_repeats(members);
        Ok(())
    }
}

/// Whitespace-only text (between elements it is formatting, not content).
fn is_blank(text: &str) -> bool {
    text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

enum Content<'i> {
    Elements,
    Empty(Option<Cow<'i, str>>),
    Text(Option<Cow<'i, str>>),
}

fn own_name(name: &str) -> Cow<'static, str> {
    Cow::Owned(name.to_owned())
}

struct Src<'a, 'i> {
    de: &'a mut XmlDe<'i>,
    empty: bool,
}

impl<'i> Source<'i> for Src<'_, 'i> {
    type Error = Error;

    fn scalar(self) -> Result<In<'i>, Error> {
        if self.empty {
            return Ok(In::Str(Cow::Borrowed("")));
        }
        self.de.read_text(None).map(In::Str)
    }

    fn object<T: Shape>(self, target: &mut T) -> Result<bool, Error> {
        if !self.empty {
            self.de.read_children(target)?;
        }
        Ok(true)
    }

    fn list<T: Shape>(self, items: &mut Vec<T>) -> Result<(), Error> {
        let mut item = T::default();
        self.object(&mut item)?;
        items.push(item);
        Ok(())
    }

    fn nested_list(self, items: &mut Vec<Nested>) -> Result<(), Error> {
        items.extend(self.nested()?);
        Ok(())
    }

    fn nested(self) -> Result<Option<Nested>, Error> {
        let mut job = new_job();
        if self.empty {
            return Ok(Some(Nested::Job(job)));
        }
        match self.de.classify()? {
            Content::Elements => {
                self.de.read_children(&mut *job)?;
                Ok(Some(Nested::Job(job)))
            }
            Content::Empty(_) => Ok(Some(Nested::Job(job))),
            Content::Text(lead) => {
                let text = self.de.read_text(lead)?;
                Ok(Some(Nested::Raw(Value::String(text.into_owned()))))
            }
        }
    }

    fn unknown(self, key: &str, fields: &mut UnknownFields) -> Result<(), Error> {
        let value = if self.empty {
            Value::String(String::new())
        } else {
            self.de.read_value()?
        };
        fields.0.push((key.to_owned(), value));
        Ok(())
    }
}
