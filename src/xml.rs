//! The XML form: reading ([`from_str`], [`from_slice`], [`from_reader`]) and
//! canonical writing ([`to_string`], [`to_writer`]).
//!
//! # Accepted input
//!
//! - Any root element: `<DescribeDtsJobDetailResponse>` and `<Error>` are the
//!   API's; another is read as well and reported as `unexpected-root` by
//!   validation, or refused under [`Parser::strict`](crate::Parser::strict).
//!   Whether the document is a job detail or the gateway envelope is decided
//!   by its members, by the same rule as for JSON (see [`crate::Response`]).
//! - Lists are repeated sibling elements named after the member, without a
//!   wrapper, in any order and interleaved with other members; one element is
//!   a list of one, no element an absent list.
//! - Element text is kept exactly (not trimmed; line ends normalised to `\n`
//!   as XML 1.0 requires); the five predefined entities, character references
//!   and CDATA sections are decoded. Whitespace-only text between elements is
//!   ignored, as are comments and processing instructions.
//! - An optional XML declaration and a UTF-8 byte-order mark.
//! - Attributes and namespace prefixes are not interpreted (names are matched
//!   as written).
//!
//! Refused: `<!DOCTYPE>` (so no entity is ever expanded), unknown entities,
//! mismatched or unclosed tags, text beside child elements (mixed content),
//! content after the root element.
//!
//! # Canonical output
//!
//! `<?xml version="1.0" encoding="UTF-8"?>`, then the root with one element per
//! member in the model's order (lists as repeated elements, empty lists and
//! absent members omitted), no indentation, on one line: `&`, `<`, `>`, line
//! feeds and carriage returns are written as references. A value or member
//! name that XML 1.0 cannot carry (a C0 control character, U+FFFE or U+FFFF,
//! a name that is not an XML name or has a namespace prefix) is an error
//! ([`ErrorKind::Unrepresentable`](crate::ErrorKind::Unrepresentable)), never a
//! malformed document.

use std::io::{Read, Write};

use crate::error::Error;
use crate::parser::Format;
use crate::{Document, Parser, Response};

/// Parses an XML response with the default [`Parser`]. JSON is refused.
///
/// ```
/// let xml = "<DescribeDtsJobDetailResponse><Delay>5</Delay>\
///            <SubSyncJob><DtsJobId>a</DtsJobId></SubSyncJob></DescribeDtsJobDetailResponse>";
/// let resp = dts_job_detail::xml::from_str(xml)?;
/// let detail = resp.detail().unwrap();
/// assert_eq!(detail.sub_sync_job.len(), 1); // one element, a list of one
/// assert!(dts_job_detail::xml::from_str("{}").is_err());
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
///
/// # Errors
///
/// When the text is not well-formed XML of the response's shape; see [`Error`].
pub fn from_str(text: &str) -> Result<Response, Error> {
    Parser::new().parse_as(Format::Xml, text)
}

/// Parses XML bytes (UTF-8, a byte-order mark is skipped) with the default
/// [`Parser`].
///
/// # Errors
///
/// As [`from_str`], and when the bytes are not UTF-8.
pub fn from_slice(bytes: &[u8]) -> Result<Response, Error> {
    Parser::new().parse_bytes_as(Some(Format::Xml), bytes)
}

/// Reads and parses an XML response, stopping at the size limit.
///
/// # Errors
///
/// As [`from_slice`], and when reading fails or the input is larger than
/// the default limit (64 MiB).
pub fn from_reader<R: Read>(reader: R) -> Result<Response, Error> {
    Parser::new().read_as(Some(Format::Xml), reader)
}

/// Writes the canonical XML document.
///
/// ```
/// let resp = dts_job_detail::json::from_str(r#"{"Code":"200","TagList":[{"TagKey":"a&b"}]}"#)?;
/// assert_eq!(
///     dts_job_detail::xml::to_string(&resp)?,
///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeDtsJobDetailResponse>\
///      <Code>200</Code><TagList><TagKey>a&amp;b</TagKey></TagList></DescribeDtsJobDetailResponse>"
/// );
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Unrepresentable`](crate::ErrorKind::Unrepresentable) for a
/// value or name XML 1.0 cannot carry.
pub fn to_string<D: Document + ?Sized>(doc: &D) -> Result<String, Error> {
    let mut out = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    doc.write_xml(&mut out)?;
    Ok(out)
}

/// Writes the canonical XML document to `writer`.
///
/// # Errors
///
/// As [`to_string`], and [`ErrorKind::Io`](crate::ErrorKind::Io) when writing
/// fails.
pub fn to_writer<W: Write, D: Document + ?Sized>(mut writer: W, doc: &D) -> Result<(), Error> {
    let text = to_string(doc)?;
    writer.write_all(text.as_bytes()).map_err(Error::io)
}

pub use crate::codec::xml::{DETAIL_ROOT, ERROR_ROOT, PAGE_ROOT};
