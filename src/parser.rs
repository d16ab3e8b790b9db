//! The entry point: limits, options, and the choice between JSON and XML.

use crate::error::{Error, ErrorKind};
use crate::{Response, TaskKind, json, xml};

/// Default input size limit: 64 MiB.
pub const DEFAULT_MAX_SIZE: usize = 64 * 1024 * 1024;
/// Default nesting limit (objects and arrays, or elements).
pub const DEFAULT_MAX_DEPTH: usize = 128;

/// The two forms of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON.
    Json,
    /// XML.
    Xml,
}

/// Parses a response with the default [`Parser`], sniffing JSON or XML.
///
/// ```
/// let resp = dts_job_detail::from_slice(b"\xEF\xBB\xBF <Error><Code>Forbidden</Code></Error>")?;
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

/// Options for reading a response.
///
/// ```
/// use dts_job_detail::{Parser, TaskKind};
/// let parser = Parser::new().task_kind(TaskKind::Synchronization).strict(true).max_depth(64);
/// let resp = parser.parse(br#"{"RequestId":"r","DtsJobId":"j","Status":"Synchronizing"}"#)?;
/// assert!(resp.detail().is_some());
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    pub(crate) task_kind: Option<TaskKind>,
    pub(crate) strict: bool,
    pub(crate) max_size: usize,
    pub(crate) max_depth: usize,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

/// What the parser was told, kept on the parsed detail for `validate()`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Context {
    pub(crate) task_kind: Option<TaskKind>,
    pub(crate) strict: bool,
    /// The XML root's name when it was not the expected one.
    pub(crate) root: Option<String>,
}

impl Parser {
    /// Default options: task kind from the response, lenient, 64 MiB, depth 128.
    pub fn new() -> Self {
        Parser {
            task_kind: None,
            strict: false,
            max_size: DEFAULT_MAX_SIZE,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }

    /// Overrides the task kind (otherwise resolved from the response).
    #[must_use]
    pub fn task_kind(mut self, kind: TaskKind) -> Self {
        self.task_kind = Some(kind);
        self
    }

    /// Strict mode: an unexpected XML root fails the parse, and `validate()`
    /// reports warnings as errors.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Largest accepted input, in bytes.
    #[must_use]
    pub fn max_size(mut self, bytes: usize) -> Self {
        self.max_size = bytes;
        self
    }

    /// Deepest accepted nesting. JSON is also bounded by serde_json's own
    /// limit of 128, so larger values only apply to XML.
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// Parses bytes: UTF-8 (a byte-order mark is skipped), JSON or XML.
    ///
    /// # Errors
    ///
    /// When the input cannot be read at all; see [`Error`].
    pub fn parse(&self, bytes: &[u8]) -> Result<Response, Error> {
        self.check_size(bytes.len())?;
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
        self.parse_str(text)
    }

    /// Parses text, sniffing JSON (`{`) or XML (`<`) after any byte-order mark
    /// and whitespace.
    ///
    /// # Errors
    ///
    /// When the text cannot be read at all; see [`Error`].
    pub fn parse_str(&self, text: &str) -> Result<Response, Error> {
        self.check_size(text.len())?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        // Neither form allows a raw NUL; many of them mean UTF-16 without a BOM.
        if let Some(at) = memchr::memchr(0, text.as_bytes()) {
            return Err(Error::new(
                ErrorKind::Encoding,
                "a NUL character, which neither JSON nor XML allows (UTF-16 without a byte-order mark?)",
            )
            .at_offset(text, at));
        }
        match sniff(text) {
            Some(Format::Json) => json::parse(text, self),
            Some(Format::Xml) => xml::parse(text, self),
            None => Err(Error::new(
                ErrorKind::UnknownFormat,
                "neither JSON (starting with `{`) nor XML (starting with `<`)",
            )
            .at_offset(text, text.len() - text.trim_start().len())),
        }
    }

    /// Parses text as JSON, whatever it starts with.
    ///
    /// # Errors
    ///
    /// When the text is not a JSON response; see [`Error`].
    pub fn parse_json(&self, text: &str) -> Result<Response, Error> {
        self.check_size(text.len())?;
        json::parse(text.strip_prefix('\u{FEFF}').unwrap_or(text), self)
    }

    /// Parses text as XML, whatever it starts with.
    ///
    /// # Errors
    ///
    /// When the text is not an XML response; see [`Error`].
    pub fn parse_xml(&self, text: &str) -> Result<Response, Error> {
        self.check_size(text.len())?;
        xml::parse(text.strip_prefix('\u{FEFF}').unwrap_or(text), self)
    }

    fn check_size(&self, len: usize) -> Result<(), Error> {
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

    pub(crate) fn context(&self, root: Option<String>) -> Context {
        Context {
            task_kind: self.task_kind,
            strict: self.strict,
            root,
        }
    }
}

/// JSON or XML, by the first character after whitespace.
pub fn sniff(text: &str) -> Option<Format> {
    match text
        .trim_start_matches(crate::scalar::is_space)
        .as_bytes()
        .first()
    {
        Some(b'{') => Some(Format::Json),
        Some(b'<') => Some(Format::Xml),
        _ => None,
    }
}
