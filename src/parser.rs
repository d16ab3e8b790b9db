//! The entry point: options, limits, encodings, and the choice between JSON
//! and XML.

use std::io::Read;
use std::ops::Range;

use crate::codec::{json, xml};
use crate::de::root::Decision;
use crate::de::{Budget, Limits};
use crate::error::{Error, ErrorKind};
use crate::model::{Response, Value};
use crate::task::{Options, TaskKind};

pub use crate::de::{DEFAULT_MAX_DEPTH, DEFAULT_MAX_SIZE, MAX_DEPTH_CEILING};

/// The two forms of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// JSON.
    Json,
    /// XML.
    Xml,
}

/// Parses a response with the default [`Parser`], sniffing JSON or XML.
///
/// ```
/// let resp = dts_job_detail::from_slice(b"\xEF\xBB\xBF <Error><Code>Forbidden</Code><HostId>h</HostId></Error>")?;
/// assert_eq!(resp.envelope().and_then(|e| e.code.as_deref()), Some("Forbidden"));
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
///
/// # Errors
///
/// When the input cannot be read at all; see [`Error`].
pub fn from_slice(bytes: &[u8]) -> Result<Response, Error> {
    Parser::new().parse(bytes)
}

/// Reads a response from `reader` with the default [`Parser`], stopping at
/// the size limit, and sniffs JSON or XML.
///
/// ```
/// let resp = dts_job_detail::from_reader(&b"{\"RequestId\":\"r\"}"[..])?;
/// assert!(resp.detail().is_some());
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
///
/// # Errors
///
/// When reading fails, the input is larger than the limit, or it cannot be
/// parsed; see [`Error`].
pub fn from_reader<R: Read>(reader: R) -> Result<Response, Error> {
    Parser::new().read(reader)
}

/// How to read responses: limits, strictness, and the [`Options`] to read
/// their meaning with.
///
/// Nothing of a parser is stored in what it returns: the same bytes give the
/// same [`Response`] whatever the options. `strict` applies while parsing (an
/// unexpected XML root is refused); the task-kind override and strictness
/// apply where meaning is read — pass [`Parser::options`] to
/// [`JobDetail::job_with`](crate::JobDetail::job_with) and
/// [`Response::validate_with`].
///
/// ```
/// use dts_job_detail::{Parser, TaskKind};
/// let parser = Parser::new().task_kind(TaskKind::Synchronization).strict(true).max_depth(64);
/// let resp = parser.parse(br#"{"RequestId":"r","DtsJobId":"j","Delay":"7"}"#)?;
/// let job = resp.detail().unwrap().job_with(parser.options());
/// assert_eq!(job.delay(), Some(std::time::Duration::from_secs(7)));
/// assert!(resp.validate_with(parser.options()).is_empty());
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Parser {
    options: Options,
    limits: Limits,
}

impl Parser {
    /// Default options: task kind from the response, lenient, 64 MiB, depth 128.
    pub fn new() -> Self {
        Parser::default()
    }

    /// Overrides the task kind of every job (see [`Options::task_kind`]).
    #[must_use]
    pub fn task_kind(mut self, kind: TaskKind) -> Self {
        self.options = self.options.task_kind(kind);
        self
    }

    /// Strict mode: an unexpected XML root fails the parse, and validation
    /// with [`Parser::options`] reports warnings as errors.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        self.options = self.options.strict(strict);
        self
    }

    /// Largest accepted input, in bytes (default 64 MiB).
    #[must_use]
    pub fn max_size(mut self, bytes: usize) -> Self {
        self.limits.max_size = bytes;
        self
    }

    /// The memory a document's model may take while it is read, in bytes.
    /// By default 6 × the document's size + 48 MiB, which with the input
    /// itself keeps a parse under 8 × its size + 64 MiB; a document that
    /// needs more (very many small values: empty objects, one-digit numbers,
    /// attributes) is refused with [`ErrorKind::Limit`].
    /// Set it to read such a document, or to bound every document alike.
    ///
    /// ```
    /// use dts_job_detail::{ErrorKind, Parser};
    /// let doc = format!(r#"{{"RequestId":"r","SubSyncJob":[{}{{}}]}}"#, "{},".repeat(999));
    /// let err = Parser::new().max_memory(1 << 20).parse(doc.as_bytes()).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Limit);
    /// assert!(Parser::new().parse(doc.as_bytes()).is_ok());
    /// ```
    #[must_use]
    pub fn max_memory(mut self, bytes: usize) -> Self {
        self.limits.max_memory = Some(bytes);
        self
    }

    /// Deepest accepted nesting of objects and arrays, counted in the
    /// canonical document (default 128; at most [`MAX_DEPTH_CEILING`], to
    /// which larger values are lowered). The same rule holds for both forms,
    /// so the canonical output of anything accepted is accepted back.
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.limits.max_depth = depth.min(MAX_DEPTH_CEILING);
        self
    }

    /// The options to read meaning with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Parses bytes: UTF-8 (a byte-order mark is skipped), JSON or XML.
    ///
    /// # Errors
    ///
    /// When the input cannot be read at all; see [`Error`].
    pub fn parse(&self, bytes: &[u8]) -> Result<Response, Error> {
        self.parse_bytes_as(None, bytes)
    }

    /// Parses text, sniffing JSON (`{`) or XML (`<`) after any byte-order mark
    /// and white space.
    ///
    /// ```
    /// let parser = dts_job_detail::Parser::new();
    /// let a = parser.parse_str(r#"{"Delay":"3"}"#)?;
    /// let b = parser.parse_str("<DescribeDtsJobDetailResponse><Delay>3</Delay></DescribeDtsJobDetailResponse>")?;
    /// assert_eq!(a, b);
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When the text cannot be read at all; see [`Error`].
    pub fn parse_str(&self, text: &str) -> Result<Response, Error> {
        self.parse_sniffed(text, Level::Document)
    }

    /// Parses the text of an SDK dump's body (saved as a string): a response,
    /// never a dump again.
    pub(crate) fn parse_body_str(&self, text: &str) -> Result<Response, Error> {
        self.parse_sniffed(text, Level::DumpBody)
    }

    fn parse_sniffed(&self, text: &str, level: Level) -> Result<Response, Error> {
        self.check_text(text)?;
        let (text, bom) = strip_bom(text);
        match sniff(text) {
            Some(format) => self.parse_text(format, text, bom, level),
            None if text.trim_start().is_empty() => Err(Error::new(
                ErrorKind::UnknownFormat,
                "empty: no document (only white space, or nothing)",
            )),
            None => Err(Error::new(
                ErrorKind::UnknownFormat,
                "neither JSON (starting with `{`) nor XML (starting with `<`)",
            )
            .at_offset(text, text.len() - text.trim_start().len())),
        }
    }

    /// Parses text in the given form only: the other form is refused.
    ///
    /// ```
    /// use dts_job_detail::{ErrorKind, Format, Parser};
    /// let err = Parser::new().parse_as(Format::Json, "<Error/>").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::UnknownFormat);
    /// ```
    ///
    /// # Errors
    ///
    /// When the text is not a response in that form; see [`Error`].
    pub fn parse_as(&self, format: Format, text: &str) -> Result<Response, Error> {
        self.check_text(text)?;
        let (text, bom) = strip_bom(text);
        if let Some(other) = sniff(text).filter(|f| *f != format) {
            let (want, found) = match other {
                Format::Json => ("XML", "JSON (`{`)"),
                Format::Xml => ("JSON", "XML (`<`)"),
            };
            return Err(Error::new(
                ErrorKind::UnknownFormat,
                format!("expected {want}, found {found}"),
            )
            .at_offset(text, text.len() - text.trim_start().len()));
        }
        self.parse_text(format, text, bom, Level::Document)
    }

    /// Reads a response from `reader`, stopping as soon as it is larger than
    /// the size limit, and sniffs JSON or XML.
    ///
    /// ```
    /// use dts_job_detail::{ErrorKind, Parser};
    /// let endless = std::io::repeat(b' ');
    /// let err = Parser::new().max_size(1 << 20).read(endless).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Limit);
    /// ```
    ///
    /// # Errors
    ///
    /// When reading fails, the input is too large, or it cannot be parsed.
    pub fn read<R: Read>(&self, reader: R) -> Result<Response, Error> {
        self.read_as(None, reader)
    }

    pub(crate) fn read_as<R: Read>(&self, format: Option<Format>, reader: R) -> Result<Response, Error> {
        let bytes = read_limited(reader, self.limits.max_size)?;
        self.parse_bytes_as(format, &bytes)
    }

    pub(crate) fn parse_bytes_as(&self, format: Option<Format>, bytes: &[u8]) -> Result<Response, Error> {
        self.limits.check_size(bytes.len())?;
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(Error::new(
                ErrorKind::Encoding,
                "UTF-16 input is not supported; convert it to UTF-8",
            ));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let offset = e.valid_up_to();
            let prefix = std::str::from_utf8(bytes.get(..offset).unwrap_or_default()).unwrap_or_default();
            Error::new(ErrorKind::Encoding, "invalid UTF-8").at_offset(prefix, offset)
        })?;
        match format {
            Some(format) => self.parse_as(format, text),
            None => self.parse_str(text),
        }
    }

    fn check_text(&self, text: &str) -> Result<(), Error> {
        self.limits.check_size(text.len())?;
        // Neither form allows a raw NUL; many of them mean UTF-16 without a BOM.
        if let Some(at) = memchr::memchr(0, text.as_bytes()) {
            return Err(Error::new(
                ErrorKind::Encoding,
                "a NUL character, which neither JSON nor XML allows (UTF-16 without a byte-order mark?)",
            )
            .at_offset(text, at));
        }
        Ok(())
    }

    fn parse_text(&self, format: Format, text: &str, bom: bool, level: Level) -> Result<Response, Error> {
        // each arm a call whose result is returned as it is: a response is
        // as large as a job, and every move copies it
        match (format, level) {
            (Format::Xml, _) => located(
                xml::de::read(text, &self.limits, self.options.is_strict(), bom),
                text,
            ),
            (Format::Json, Level::DumpBody) => located(
                json::de::read_response(text, Budget::for_document(text.len(), &self.limits)),
                text,
            ),
            (Format::Json, Level::Document) => self.parse_json_document(text),
        }
    }

    /// A JSON document, which may be an SDK dump.
    fn parse_json_document(&self, text: &str) -> Result<Response, Error> {
        let mut span = None;
        match json::de::read(text, &self.limits, &mut span) {
            Ok(Decision::Response(r)) => Ok(r),
            Ok(Decision::DumpBody(body)) => match span {
                Some(span) => self.dump_body(text, &body, span),
                // the reader reads `body` only where it keeps its span
                None => Err(Error::new(
                    ErrorKind::Shape,
                    "an SDK dump's body out of its place",
                )),
            },
            Err(e) => Err(e.locate(text)),
        }
    }

    /// The body of an SDK dump, at `span` in `text`: an object, read where it
    /// is; or a string holding a document. Either way a response, not a dump
    /// again; errors point at their line and column in `text`, found from the
    /// span kept while reading (the text is not read again to find them).
    fn dump_body(&self, text: &str, body: &Value, span: Range<usize>) -> Result<Response, Error> {
        let at = span.start;
        match body {
            Value::String(inner) => self.parse_body_str(inner).map_err(|e| {
                let raw = e.offset().map(|o| json::position::raw_offset(&text[at..], o));
                let e = e.under("/body");
                match raw {
                    Some(raw) => e.shifted(0).with_offset(at + raw).locate(text),
                    None => e,
                }
            }),
            _ => json::de::read_body(text, span, &self.limits).map_err(|e| e.locate(text)),
        }
    }
}

/// Whether a text is a document, or the body of an SDK dump (which is never
/// a dump again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Document,
    DumpBody,
}

/// `result` with an error's line and column found in `text`.
#[inline(always)]
fn located<T>(result: Result<T, Error>, text: &str) -> Result<T, Error> {
    result.map_err(|e| e.locate(text))
}

/// The text without a leading byte-order mark, and whether it had one.
fn strip_bom(text: &str) -> (&str, bool) {
    match text.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest, true),
        None => (text, false),
    }
}

/// Reads all of `reader`, but never more than `limit` + 1 bytes.
fn read_limited<R: Read>(reader: R, limit: usize) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(cap).read_to_end(&mut bytes).map_err(Error::io)?;
    if bytes.len() > limit {
        return Err(Error::new(
            ErrorKind::Limit,
            format!("input larger than the limit of {limit} bytes"),
        ));
    }
    Ok(bytes)
}

/// JSON or XML, by the first character after white space.
///
/// ```
/// use dts_job_detail::{Format, sniff};
/// assert_eq!(sniff(" \n{}"), Some(Format::Json));
/// assert_eq!(sniff("<a/>"), Some(Format::Xml));
/// assert_eq!(sniff("hello"), None);
/// ```
pub fn sniff(text: &str) -> Option<Format> {
    match text.trim_start_matches(crate::value::is_space).as_bytes().first() {
        Some(b'{') => Some(Format::Json),
        Some(b'<') => Some(Format::Xml),
        _ => None,
    }
}
