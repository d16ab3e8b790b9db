//! The error of a document that could not be read at all, or written.
//!
//! A bad *value* never fails a parse (it is kept raw and reported by
//! `validate()`); an [`Error`] means the document itself is unusable: not UTF-8,
//! not JSON or XML, truncated, the wrong shape, too deep, too large, or carrying
//! a DTD. It says where: 1-based line and column, the byte offset, and the
//! member path as a JSON Pointer, all in the input as given (inside an SDK
//! dump's body too). Writers fail with [`ErrorKind::Io`] or, for XML, with
//! [`ErrorKind::Unrepresentable`].

use std::fmt;

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not UTF-8 (or is UTF-16).
    Encoding,
    /// The input is neither JSON nor XML.
    UnknownFormat,
    /// JSON or XML syntax is broken (including a truncated document).
    Syntax,
    /// Well-formed, but a member has the wrong shape (an object where a string
    /// belongs, …) or the root is not a response.
    Shape,
    /// Larger than [`Parser::max_size`](crate::Parser::max_size) or nested deeper than
    /// [`Parser::max_depth`](crate::Parser::max_depth).
    Limit,
    /// A `<!DOCTYPE>`: refused, so no entity is ever expanded.
    Doctype,
    /// Refused under [`Parser::strict`](crate::Parser::strict).
    Strict,
    /// Reading the input or writing the output failed.
    Io,
    /// A value or member name that XML 1.0 cannot carry (a control
    /// character, U+FFFE, a name that is not an XML name).
    Unrepresentable,
    /// Something this build cannot do: Parquet without the `parquet` feature.
    Unsupported,
}

impl ErrorKind {
    /// The kind's name, for other languages and tools: `encoding`,
    /// `unknown-format`, `syntax`, `shape`, `limit`, `doctype`, `strict`,
    /// `io`, `unrepresentable`, `unsupported`.
    ///
    /// ```
    /// let err = dts_job_detail::from_slice(b"hello").unwrap_err();
    /// assert_eq!(err.kind().as_str(), "unknown-format");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Encoding => "encoding",
            ErrorKind::UnknownFormat => "unknown-format",
            ErrorKind::Syntax => "syntax",
            ErrorKind::Shape => "shape",
            ErrorKind::Limit => "limit",
            ErrorKind::Doctype => "doctype",
            ErrorKind::Strict => "strict",
            ErrorKind::Io => "io",
            ErrorKind::Unrepresentable => "unrepresentable",
            ErrorKind::Unsupported => "unsupported",
        }
    }
}

/// One step of a member path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PathSegment {
    Key(String),
    Index(usize),
}

/// A document that could not be read.
///
/// ```
/// let err = dts_job_detail::from_slice(br#"{"Delay": {"a": 1}}"#).unwrap_err();
/// assert_eq!(err.kind(), dts_job_detail::ErrorKind::Shape);
/// assert_eq!(err.path(), "/Delay");
/// assert_eq!((err.line(), err.column()), (1, 11));
/// ```
///
/// An [`ErrorKind::Io`] error keeps the `std::io::Error` it comes from as
/// its [`source`](std::error::Error::source), so a caller can read its
/// `raw_os_error()` or `kind()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    inner: Box<Inner>,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner
            .io
            .as_ref()
            .map(|io| &*io.0 as &(dyn std::error::Error + 'static))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    message: String,
    line: usize,
    column: usize,
    offset: Option<usize>,
    path: String,
    io: Option<IoSource>,
}

/// The I/O error behind an [`ErrorKind::Io`]: shared, so `Error` stays
/// `Clone`; equal when the kind and the OS error number are.
#[derive(Debug, Clone)]
struct IoSource(std::sync::Arc<std::io::Error>);

impl PartialEq for IoSource {
    fn eq(&self, other: &Self) -> bool {
        self.0.kind() == other.0.kind() && self.0.raw_os_error() == other.0.raw_os_error()
    }
}

impl Eq for IoSource {}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                line: 0,
                column: 0,
                offset: None,
                path: String::new(),
                io: None,
            }),
        }
    }

    /// Sets the byte offset; [`Error::locate`] turns it into a line and column.
    pub(crate) fn with_offset(mut self, offset: usize) -> Self {
        self.inner.offset = Some(offset);
        self
    }

    /// Fills in line and column from the byte offset, in `input`.
    pub(crate) fn locate(self, input: &str) -> Self {
        match self.inner.offset {
            Some(offset) if self.inner.line == 0 => self.at_offset(input, offset),
            _ => self,
        }
    }

    /// Moves the byte offset by `base` (for a document embedded in another)
    /// and forgets line and column, which [`Error::locate`] then computes in
    /// the outer document.
    pub(crate) fn shifted(mut self, base: usize) -> Self {
        self.inner.offset = self.inner.offset.map(|o| o + base);
        self.inner.line = 0;
        self.inner.column = 0;
        self
    }

    /// An I/O failure, kept as the error's source.
    pub(crate) fn io(e: std::io::Error) -> Self {
        let mut error = Error::new(ErrorKind::Io, e.to_string());
        error.inner.io = Some(IoSource(std::sync::Arc::new(e)));
        error
    }

    /// Sets the position from a byte offset into `input`.
    pub(crate) fn at_offset(mut self, input: &str, offset: usize) -> Self {
        let offset = offset.min(input.len());
        let before = input.as_bytes().get(..offset).unwrap_or_default();
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = input
            .get(line_start..offset)
            .map_or(offset - line_start, |s| s.chars().count())
            + 1;
        self.inner.offset = Some(offset);
        self.inner.line = line;
        self.inner.column = column;
        self
    }

    /// Sets the path from segments collected innermost first.
    pub(crate) fn with_path(mut self, reversed: &[PathSegment]) -> Self {
        self.inner.path = pointer(reversed.iter().rev());
        self
    }

    /// Prefixes the path (for a document nested in another, such as an SDK dump's body).
    pub(crate) fn under(mut self, prefix: &str) -> Self {
        self.inner.path = format!("{prefix}{}", self.inner.path);
        self
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The cause, without position.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// 1-based line of the failure, 0 when unknown (e.g. an encoding error).
    pub fn line(&self) -> usize {
        self.inner.line
    }

    /// 1-based column (in characters) of the failure, 0 when unknown.
    pub fn column(&self) -> usize {
        self.inner.column
    }

    /// Byte offset of the failure, when known.
    pub fn offset(&self) -> Option<usize> {
        self.inner.offset
    }

    /// The member being read, as a JSON Pointer (`/SubSyncJob/0/Delay`); empty at
    /// the root.
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    fn render(&self) -> String {
        let mut out = self.inner.message.clone();
        if !self.inner.path.is_empty() {
            out.push_str(&format!(" at {}", self.inner.path));
        }
        if self.inner.line > 0 {
            out.push_str(&format!(
                " (line {}, column {})",
                self.inner.line, self.inner.column
            ));
        } else if let Some(offset) = self.inner.offset {
            out.push_str(&format!(" (byte {offset})"));
        }
        out
    }
}

/// Renders path segments as a JSON Pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
pub(crate) fn pointer<'a>(segments: impl Iterator<Item = &'a PathSegment>) -> String {
    let mut out = String::new();
    for seg in segments {
        out.push('/');
        match seg {
            PathSegment::Key(k) => push_pointer_token(&mut out, k),
            PathSegment::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

/// Appends one escaped JSON Pointer reference token.
pub(crate) fn push_pointer_token(out: &mut String, token: &str) {
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

impl fmt::Display for PathSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathSegment::Key(k) => f.write_str(k),
            PathSegment::Index(i) => i.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let e = Error::new(ErrorKind::Syntax, "x").at_offset("ab\ncd\u{4e2d}e", 9);
        assert_eq!((e.line(), e.column(), e.offset()), (2, 5, Some(9)));
        assert_eq!(e.to_string(), "x (line 2, column 5)");
    }

    #[test]
    fn paths_are_json_pointers() {
        let segs = [
            PathSegment::Key("a/b~".into()),
            PathSegment::Index(0),
            PathSegment::Key("SubSyncJob".into()),
        ];
        let e = Error::new(ErrorKind::Shape, "bad").with_path(&segs);
        assert_eq!(e.path(), "/SubSyncJob/0/a~1b~0");
    }

    #[test]
    fn an_io_error_is_the_source() {
        use std::error::Error as _;
        let e = super::Error::io(std::io::Error::from_raw_os_error(21));
        assert_eq!(e.kind(), super::ErrorKind::Io);
        let source = e.source().and_then(|s| s.downcast_ref::<std::io::Error>());
        assert_eq!(source.and_then(std::io::Error::raw_os_error), Some(21));
        assert!(
            super::Error::new(super::ErrorKind::Syntax, "x")
                .source()
                .is_none()
        );
        assert_eq!(e.clone(), e);
    }
}
