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

use super::wellformed::{self, Malformed};
use super::{DETAIL_ROOT, ERROR_ROOT, PAGE_ROOT};
use crate::de::root::Root;
use crate::de::{Budget, Exceeded, Height, Limits, Shape, Source, deeper, new_job};
use crate::error::{Error, ErrorKind, PathSegment, pointer};
use crate::model::{JobOrValue, ReadNotes, Response, UnknownFields, Value, XmlAttribute};
use crate::scalar::In;

/// Reads an XML document (`bom`: a UTF-8 byte-order mark preceded `text`).
/// Errors carry the byte offset (line and column are the caller's to compute
/// from its text). Under `strict`, a root other than the API's two is refused.
/// A document that is not well-formed is reported as such, even where its
/// shape is wrong too.
pub(crate) fn read(text: &str, limits: &Limits, strict: bool, bom: bool) -> Result<Response, Error> {
    let mut de = XmlDe::new(text, Budget::for_document(text.len(), limits), bom);
    let response = de.document(strict);
    response.map_err(|e| {
        let e = e.with_path(&de.path);
        match e.kind() {
            ErrorKind::Shape | ErrorKind::Limit | ErrorKind::Strict => de.malformed_later().unwrap_or(e),
            _ => e,
        }
    })
}

struct XmlDe<'i> {
    reader: Reader<&'i [u8]>,
    input: &'i str,
    /// A UTF-8 byte-order mark preceded the input.
    bom: bool,
    peeked: Option<Event<'i>>,
    /// Byte offset where the last event read started, for error positions.
    event_start: usize,

    budget: Budget,
    /// Filled innermost first while an error unwinds.
    path: Vec<PathSegment>,
    /// What the document carried beyond members.
    notes: ReadNotes,
    /// Where each attribute's element starts (its pointer is found at the end).
    attribute_at: Vec<usize>,
    /// Where each member given again starts (its pointer is found at the end).
    repeated_at: Vec<usize>,
    /// The document holds `]]>` somewhere, so text must be checked for it
    /// (the one rule of character data that the document pass leaves).
    check_texts: bool,
}

impl<'i> XmlDe<'i> {
    fn new(input: &'i str, budget: Budget, bom: bool) -> Self {
        let mut reader = Reader::from_str(input);
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_end_names = true;
        config.expand_empty_elements = false;
        XmlDe {
            reader,
            input,
            bom,
            peeked: None,
            event_start: 0,
            budget,
            path: Vec::new(),
            notes: ReadNotes::default(),
            attribute_at: Vec::new(),
            repeated_at: Vec::new(),
            check_texts: false,
        }
    }

    fn document(&mut self, strict: bool) -> Result<Response, Error> {
        self.check_texts = wellformed::scan_characters(self.input).map_err(|(at, why)| {
            Error::new(ErrorKind::Syntax, format!("malformed XML: {why}")).with_offset(at)
        })?;
        let (name, empty) = self.root_start()?;
        let unexpected = (![DETAIL_ROOT, ERROR_ROOT, PAGE_ROOT].contains(&name.as_str())).then_some(name);
        if let Some(name) = &unexpected
            && strict
        {
            return Err(self.error(
                ErrorKind::Strict,
                format!("unexpected root element <{name}>, expected <{DETAIL_ROOT}>, <{PAGE_ROOT}> or <{ERROR_ROOT}>"),
            ));
        }
        let mut root = Root::default();
        self.enter(1)?;
        if !empty {
            self.read_children(&mut root)?;
        }
        self.budget.leave(1);
        self.finish()?;
        // never a dump: a dump needs a JSON number, which XML cannot carry
        let mut response = root
            .finish_response(&self.budget, &crate::codec::FORMS)
            .map_err(|x| self.limit(x))?;
        if !self.attribute_at.is_empty() || !self.repeated_at.is_empty() {
            self.note_pointers()?;
        }
        let mut markup = std::mem::take(&mut self.notes);
        markup.root = unexpected;
        response.set_notes(markup);
        Ok(response)
    }

    /// The next event, checked for well-formedness (text where it is read,
    /// element names where they are not a member's).
    #[inline(never)]
    fn next(&mut self) -> Result<Event<'i>, Error> {
        self.pull()
    }

    /// [`Self::next`], inlined where events are read most (a value's text, an
    /// element's children): the event then stays in registers instead of
    /// being copied through memory.
    #[inline(always)]
    fn pull(&mut self) -> Result<Event<'i>, Error> {
        if let Some(ev) = self.peeked.take() {
            return Ok(ev);
        }
        self.event_start = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
        match self.reader.read_event() {
            Ok(ev) => {
                let plain = match &ev {
                    Event::Text(_) | Event::End(_) => true,
                    Event::Start(e) => e.attributes_raw().is_empty(),
                    _ => false,
                };
                if !plain {
                    self.check_other(&ev)?;
                }
                Ok(ev)
            }
            Err(e) => Err(self.syntax_error(&e)),
        }
    }

    /// The rarer events, checked: a start tag with attributes, an empty
    /// element, CDATA, comments, processing instructions, the XML
    /// declaration, references, a DOCTYPE, the end.
    #[cold]
    #[inline(never)]
    fn check_other(&mut self, ev: &Event<'i>) -> Result<(), Error> {
        let checked = match ev {
            Event::Start(e) | Event::Empty(e) if !e.attributes_raw().is_empty() => {
                self.check_start(e)?;
                Ok(())
            }
            Event::Comment(c) => wellformed::check_comment(c),
            Event::PI(p) => wellformed::check_pi(p),
            Event::Decl(d) if self.event_start == 0 => {
                wellformed::check_decl(d, self.bom, self.input.is_ascii())
            }
            Event::Decl(_) => Err(Malformed::from(
                "an XML declaration that is not at the very start of the document",
            )),
            Event::DocType(_) => return Err(self.doctype_error()),
            Event::GeneralRef(r) => match wellformed::reference(r) {
                Some(_) => Ok(()),
                None => Err(Malformed::from(format!(
                    "unknown entity or invalid character reference `&{};`",
                    &**r
                ))),
            },
            _ => Ok(()),
        };
        checked.map_err(|why| self.error(ErrorKind::Syntax, format!("malformed XML: {why}")))
    }

    /// A start tag's attributes (checked, and recorded). Its name is checked
    /// where it is not one of a shape's members: at the root, for an unknown
    /// member, in an untyped value (a member's name is an XML name).
    #[cold]
    #[inline(never)]
    fn check_start(&mut self, e: &BytesStart<'i>) -> Result<(), Error> {
        let at = self.event_start;
        let attributes = wellformed::attributes(e.attributes_raw())
            .map_err(|why| self.error(ErrorKind::Syntax, format!("malformed XML: {why}")))?;
        for (n, value) in attributes {
            // what the attribute costs here and, later, as a diagnostic
            self.budget
                .charge_note(4 * (n.len() + value.len()))
                .map_err(|x| self.limit(x))?;
            self.attribute_at.push(at);
            self.notes.attributes.push(XmlAttribute {
                pointer: String::new(),
                name: n.to_owned(),
                value,
            });
        }
        Ok(())
    }

    /// A member given again at `at`, which replaced its earlier value:
    /// charged, and recorded (its pointer is found at the end).
    #[cold]
    fn repeated(&mut self, at: usize) -> Result<(), Error> {
        self.budget.charge_note(0).map_err(|x| self.limit(x))?;
        self.repeated_at.push(at);
        Ok(())
    }

    /// The pointers of the elements that carried attributes and of the
    /// members given again: found by walking the document again up to each
    /// (a cold path: the API sends neither). Each copy of a pointer (in the
    /// note, in its diagnostic) is charged.
    #[cold]
    fn note_pointers(&mut self) -> Result<(), Error> {
        // a second decoder, so that quick-xml's reader has one caller (`next`),
        // into which it is inlined
        let mut again = XmlDe::new(self.input, Budget::new(0, 0), self.bom);
        let mut names: Vec<&str> = Vec::new();
        let (mut attribute, mut repeat) = (0, 0);
        while attribute < self.attribute_at.len() || repeat < self.repeated_at.len() {
            let (name, empty) = match again.next() {
                Ok(Event::Start(e)) => (e.name().0.to_owned(), false),
                Ok(Event::Empty(e)) => (e.name().0.to_owned(), true),
                Ok(Event::End(_)) => {
                    names.pop();
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            let at = again.event_start;
            let wanted = |offsets: &[usize], i: usize| offsets.get(i) == Some(&at);
            if wanted(&self.attribute_at, attribute) || wanted(&self.repeated_at, repeat) {
                let segments: Vec<PathSegment> = names
                    .iter()
                    .skip(1)
                    .map(|n| PathSegment::Key((*n).to_owned()))
                    .chain((!names.is_empty()).then(|| PathSegment::Key(name.clone())))
                    .collect();
                let pointer = pointer(segments.iter());
                let charge = |de: &mut Self| {
                    de.budget
                        .charge(2 * pointer.len())
                        .map_err(|x| Exceeded::into_error(x).with_offset(at))
                };
                while wanted(&self.attribute_at, attribute) {
                    charge(self)?;
                    if let Some(a) = self.notes.attributes.get_mut(attribute) {
                        a.pointer.clone_from(&pointer);
                    }
                    attribute += 1;
                }
                if wanted(&self.repeated_at, repeat) {
                    charge(self)?;
                    self.notes.repeated.push(pointer);
                    repeat += 1;
                }
            }
            if !empty {
                names.push(self.input.get(at + 1..at + 1 + name.len()).unwrap_or_default());
            }
        }
        Ok(())
    }

    /// The error of text that is not well-formed.
    #[cold]
    fn malformed_text(&self, text: &str) -> Error {
        let why = wellformed::check_text(text).err().unwrap_or_default();
        self.error(ErrorKind::Syntax, format!("malformed XML: {why}"))
    }

    /// A name that is not a member's: an XML name, or the document is not
    /// well-formed.
    fn check_name(&self, name: &str) -> Result<(), Error> {
        wellformed::check_name(name)
            .map_err(|why| self.error(ErrorKind::Syntax, format!("malformed XML: {why}")))
    }

    /// After a wrong shape or a limit: the first well-formedness error in
    /// the rest of the document, if there is one (a damaged document is
    /// reported as damaged).
    #[cold]
    fn malformed_later(&mut self) -> Option<Error> {
        // the elements open where the rest starts (a peeked event is read again)
        let upto = if self.peeked.is_some() {
            self.event_start
        } else {
            usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
        };
        let mut open = self.open_before(upto);
        let mut closed_root = false;
        loop {
            let event = self.next().and_then(|ev| {
                let checked = match &ev {
                    Event::Start(e) | Event::Empty(e) => wellformed::check_name(e.name().0),
                    Event::Text(t) => wellformed::check_text(t),
                    _ => Ok(()),
                };
                match checked {
                    Ok(()) => Ok(ev),
                    Err(why) => Err(self.error(ErrorKind::Syntax, format!("malformed XML: {why}"))),
                }
            });
            match event {
                Ok(Event::Eof) if open > 0 => return Some(self.unexpected_eof()),
                Ok(Event::Eof) => return None,
                Ok(Event::Start(_) | Event::Empty(_)) if closed_root => {
                    return Some(self.error(ErrorKind::Syntax, "content after the root element"));
                }
                Ok(Event::Start(_)) => open += 1,
                Ok(Event::Text(t)) if closed_root && !is_blank(&t) => {
                    return Some(self.error(ErrorKind::Syntax, "content after the root element"));
                }
                Ok(Event::End(_)) => {
                    open = open.saturating_sub(1);
                    closed_root = open == 0;
                }
                Ok(_) => {}
                Err(e) if matches!(e.kind(), ErrorKind::Syntax | ErrorKind::Doctype) => return Some(e),
                Err(_) => {}
            }
        }
    }

    /// How many elements are open before byte `upto`: found by walking the
    /// document again (a cold path, after an error).
    #[cold]
    fn open_before(&self, upto: usize) -> usize {
        let mut again = XmlDe::new(self.input, Budget::new(0, 0), self.bom);
        let mut open = 0usize;
        while let Ok(ev) = again.next() {
            if again.event_start >= upto {
                break;
            }
            match ev {
                Event::Start(_) => open += 1,
                Event::End(_) => open = open.saturating_sub(1),
                Event::Eof => break,
                _ => {}
            }
        }
        open
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
        Error::new(ErrorKind::Syntax, format!("malformed XML: {e}")).with_offset(offset)
    }

    /// An error at the start of the last event read.
    #[cold]
    fn error(&self, kind: ErrorKind, message: impl Into<String>) -> Error {
        Error::new(kind, message).with_offset(self.event_start)
    }

    #[cold]
    fn limit(&self, exceeded: Exceeded) -> Error {
        exceeded.into_error().with_offset(self.event_start)
    }

    #[inline]
    fn enter(&mut self, levels: usize) -> Result<(), Error> {
        self.budget.enter(levels).map_err(|x| self.limit(x))
    }

    #[inline]
    fn charge_shape<T>(&mut self) -> Result<(), Error> {
        self.budget.charge_shape::<T>().map_err(|x| self.limit(x))
    }

    /// Reads up to the root element's start tag: its name, and whether it is
    /// `<Root/>`.
    fn root_start(&mut self) -> Result<(String, bool), Error> {
        loop {
            match self.next()? {
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
                Event::Text(t) if is_blank(&t) => {}
                Event::Start(e) => {
                    self.check_name(e.name().0)?;
                    return Ok((own_name(e.name().0), false));
                }
                Event::Empty(e) => {
                    self.check_name(e.name().0)?;
                    return Ok((own_name(e.name().0), true));
                }
                Event::Eof => return Err(self.error(ErrorKind::Syntax, "no root element")),
                _ => return Err(self.error(ErrorKind::Syntax, "text before the root element")),
            }
        }
    }

    /// After the root element: only comments, processing instructions and
    /// whitespace may follow.
    fn finish(&mut self) -> Result<(), Error> {
        loop {
            match self.next()? {
                Event::Eof => return Ok(()),
                Event::Comment(_) | Event::PI(_) => {}
                Event::Text(t) if is_blank(&t) => {}
                _ => return Err(self.error(ErrorKind::Syntax, "content after the root element")),
            }
        }
    }

    /// The next child element of the current element (`true` when it is
    /// `<Empty/>`), skipping formatting whitespace, comments and processing
    /// instructions; `None` at the end tag. Text beside elements is an error.
    #[inline(always)]
    fn next_child(&mut self) -> Result<Option<(BytesStart<'i>, bool)>, Error> {
        loop {
            return match self.pull()? {
                Event::Start(e) => Ok(Some((e, false))),
                Event::Empty(e) => Ok(Some((e, true))),
                Event::End(_) => Ok(None),
                Event::Comment(_) | Event::PI(_) => continue,
                Event::Text(t) if is_blank(&t) => continue,
                Event::Eof => Err(self.unexpected_eof()),
                Event::Text(t) if self.check_texts && wellformed::check_text(&t).is_err() => {
                    Err(self.malformed_text(&t))
                }
                _ => Err(self.error(
                    ErrorKind::Shape,
                    "expected elements, found text (text beside elements is not supported)",
                )),
            };
        }
    }

    /// Reads the children of the current element into `target`, through its end tag.
    fn read_children<T: Shape>(&mut self, target: &mut T) -> Result<(), Error> {
        deeper(|| self.children_into(target))
    }

    fn children_into<T: Shape>(&mut self, target: &mut T) -> Result<(), Error> {
        while let Some((start, empty)) = self.next_child()? {
            let key = start.name().0;
            let at = self.event_start;
            match target.read_field(key, Src { de: self, empty }) {
                Ok(false) => {}
                Ok(true) => self.repeated(at)?,
                Err(e) => {
                    self.path.push(PathSegment::Key(key.to_owned()));
                    return Err(e);
                }
            }
        }
        self.budget
            .merge(&mut target.unknown_mut().0)
            .map_err(|x| self.limit(x))
    }

    #[cold]
    fn unexpected_eof(&self) -> Error {
        self.error(ErrorKind::Syntax, "unexpected end of document (unclosed element)")
    }

    /// Reads the text of the current element through its end tag. Child
    /// elements are an error; entities, character references and CDATA are
    /// decoded; line ends are normalised as XML 1.0 requires.
    fn read_text(&mut self, mut acc: Option<Cow<'i, str>>) -> Result<Cow<'i, str>, Error> {
        loop {
            let piece = match self.pull()? {
                Event::Text(t) => {
                    if self.check_texts && wellformed::check_text(&t).is_err() {
                        return Err(self.malformed_text(&t));
                    }
                    t.xml10_content()
                }
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
        wellformed::reference(r).map(String::from).ok_or_else(|| {
            self.error(
                ErrorKind::Syntax,
                format!("unknown entity or invalid character reference `&{};`", &**r),
            )
        })
    }

    /// Looks past leading whitespace and comments: whether the element holds
    /// elements, nothing (but white space), or text. The first significant
    /// event is pushed back.
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

    /// Reads the current element as an untyped value: an object when it holds
    /// elements (repeated names merged into arrays when `merge` is set), its
    /// text otherwise.
    fn read_value(&mut self, merge: bool) -> Result<Value, Error> {
        deeper(|| self.value_here(merge))
    }

    fn value_here(&mut self, merge: bool) -> Result<Value, Error> {
        self.budget.charge_value().map_err(|x| self.limit(x))?;
        match self.classify()? {
            Content::Elements => {
                self.enter(1)?;
                let mut members = Vec::new();
                while let Some((start, empty)) = self.next_child()? {
                    self.check_name(start.name().0)?;
                    self.budget
                        .charge_first_item(&members)
                        .map_err(|x| self.limit(x))?;
                    let name = own_name(start.name().0);
                    let value = if empty {
                        self.budget.charge_value().map_err(|x| self.limit(x))?;
                        Ok(Value::String(String::new()))
                    } else {
                        self.read_value(merge)
                    };
                    match value {
                        Ok(v) => members.push((name, v)),
                        Err(err) => {
                            let index = members.iter().filter(|(k, _)| *k == name).count();
                            if index > 0 {
                                self.path.push(PathSegment::Index(index));
                            }
                            self.path.push(PathSegment::Key(name));
                            return Err(err);
                        }
                    }
                }
                if merge {
                    self.budget.merge(&mut members).map_err(|x| self.limit(x))?;
                }
                self.budget.leave(1);
                Ok(Value::Object(members))
            }
            Content::Empty(lead) => Ok(Value::String(lead.map(Cow::into_owned).unwrap_or_default())),
            Content::Text(lead) => Ok(Value::String(self.read_text(lead)?.into_owned())),
        }
    }

    /// The current element at an untyped position, where `levels` containers
    /// (a list's array, or none) stand around a job: elements make a job, text
    /// a value, nothing an empty job.
    fn job_or_value(&mut self, empty: bool, levels: usize) -> Result<JobOrValue, Error> {
        let mut job = new_job(&mut self.budget).map_err(|x| self.limit(x))?;
        if empty {
            self.budget.fits(levels + 1).map_err(|x| self.limit(x))?;
            return Ok(JobOrValue::Job(job));
        }
        match self.classify()? {
            Content::Elements => {
                self.enter(levels + 1)?;
                self.read_children(&mut *job)?;
                self.budget.leave(levels + 1);
                Ok(JobOrValue::Job(job))
            }
            Content::Empty(_) => {
                self.budget.fits(levels + 1).map_err(|x| self.limit(x))?;
                Ok(JobOrValue::Job(job))
            }
            Content::Text(lead) => {
                self.budget.fits(levels).map_err(|x| self.limit(x))?;
                let text = self.read_text(lead)?;
                Ok(JobOrValue::Value(Value::String(text.into_owned())))
            }
        }
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

fn own_name(name: &str) -> String {
    name.to_owned()
}

/// One child element, as the value of the member it names.
struct Src<'a, 'i> {
    de: &'a mut XmlDe<'i>,
    empty: bool,
}

impl<'i> Source<'i> for Src<'_, 'i> {
    type Error = Error;

    #[inline]
    fn scalar(self) -> Result<In<'i>, Error> {
        if self.empty {
            return Ok(In::Str(Cow::Borrowed("")));
        }
        self.de.read_text(None).map(In::Str)
    }

    fn object<T: Shape>(self, target: &mut T) -> Result<bool, Error> {
        let de = self.de;
        de.charge_shape::<T>()?;
        de.enter(1)?;
        if !self.empty {
            de.read_children(target)?;
        }
        de.budget.leave(1);
        Ok(true)
    }

    fn list<T: Shape>(self, items: &mut Vec<T>) -> Result<(), Error> {
        let de = self.de;
        let index = items.len();
        de.charge_shape::<T>()?;
        // the list's array and the item's object
        de.enter(2)?;
        let mut item = T::default();
        if !self.empty
            && let Err(e) = de.read_children(&mut item)
        {
            de.path.push(PathSegment::Index(index));
            return Err(e);
        }
        de.budget.leave(2);
        items.push(item);
        Ok(())
    }

    fn job_or_value(self, slot: &mut Option<JobOrValue>) -> Result<(), Error> {
        let de = self.de;
        let value = de.job_or_value(self.empty, 0)?;
        let repeated = slot.is_some();
        JobOrValue::append(slot, value);
        if repeated {
            de.budget.fits(slot.height()).map_err(|x| de.limit(x))?;
        }
        Ok(())
    }

    fn job_or_value_list(self, items: &mut Vec<JobOrValue>) -> Result<(), Error> {
        let de = self.de;
        let index = items.len();
        de.budget.charge_value().map_err(|x| de.limit(x))?;
        match de.job_or_value(self.empty, 1) {
            Ok(item) => {
                items.push(item);
                Ok(())
            }
            Err(e) => {
                de.path.push(PathSegment::Index(index));
                Err(e)
            }
        }
    }

    fn unknown(self, key: &str, fields: &mut UnknownFields) -> Result<(), Error> {
        let de = self.de;
        de.check_name(key)?;
        let value = if self.empty {
            de.budget.charge_value().map_err(|x| de.limit(x))?;
            Value::String(String::new())
        } else {
            match de.read_value(true) {
                Ok(v) => v,
                Err(e) => {
                    let index = fields.iter().filter(|(k, _)| *k == key).count();
                    if index > 0 {
                        de.path.push(PathSegment::Index(index));
                    }
                    return Err(e);
                }
            }
        };
        fields.push(key, value);
        Ok(())
    }

    fn value_unmerged(self) -> Result<Value, Error> {
        self.de.check_name("body")?;
        if self.empty {
            return Ok(Value::String(String::new()));
        }
        self.de.read_value(false)
    }
}
