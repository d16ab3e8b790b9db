//! The JSON form: reading ([`from_str`], [`from_slice`], [`from_reader`]) and
//! canonical writing ([`to_string`], [`to_writer`]).
//!
//! Reading accepts exactly RFC 8259 (one document, white space around it),
//! plus the tolerance of the model (numbers as strings, `null`/`""` as "no
//! value", a lone object where a list belongs) and a saved SDK dump around
//! the response. Numbers are read as their text: a number that does not fit
//! its member keeps its digits. Canonical writing is compact and on one
//! line, members in the model's order, unknown members after them in arrival
//! order, every number exactly as read.

use std::io::{Read, Write};

use crate::error::Error;
use crate::parser::Format;
use crate::{Document, Parser, Response};

/// Parses a JSON response with the default [`Parser`]. XML is refused.
///
/// ```
/// let resp = dts_job_detail::json::from_str(r#"{"RequestId":"r1","Delay":"5"}"#)?;
/// let detail = resp.detail().unwrap();
/// assert_eq!(detail.delay.as_ref().and_then(|d| d.get()), Some(5));
/// assert!(dts_job_detail::json::from_str("<Error/>").is_err());
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
///
/// # Errors
///
/// When the text is not one JSON object of the response's shape; see [`Error`].
pub fn from_str(text: &str) -> Result<Response, Error> {
    Parser::new().parse_as(Format::Json, text)
}

/// Parses JSON bytes (UTF-8, a byte-order mark is skipped) with the default
/// [`Parser`].
///
/// # Errors
///
/// As [`from_str`], and when the bytes are not UTF-8.
pub fn from_slice(bytes: &[u8]) -> Result<Response, Error> {
    Parser::new().parse_bytes_as(Some(Format::Json), bytes)
}

/// Reads and parses a JSON response, stopping at the size limit.
///
/// # Errors
///
/// As [`from_slice`], and when reading fails or the input is larger than
/// the default limit (64 MiB).
pub fn from_reader<R: Read>(reader: R) -> Result<Response, Error> {
    Parser::new().read_as(Some(Format::Json), reader)
}

/// Writes the canonical JSON document (compact, one line).
///
/// ```
/// let resp = dts_job_detail::json::from_str(r#"{"Success":"true","Code":"200","Big":1e400}"#)?;
/// assert_eq!(dts_job_detail::json::to_string(&resp), r#"{"Code":200,"Success":true,"Big":1e400}"#);
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
pub fn to_string<D: Document + ?Sized>(doc: &D) -> String {
    let mut out = String::new();
    doc.write_json(&mut out);
    out
}

/// Writes the canonical JSON document to `writer`.
///
/// ```
/// let resp = dts_job_detail::xml::from_str("<Error><HostId>h</HostId><Code>X.Y</Code></Error>")?;
/// let mut out = Vec::new();
/// dts_job_detail::json::to_writer(&mut out, &resp)?;
/// assert_eq!(out, br#"{"Code":"X.Y","HostId":"h"}"#);
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Io`](crate::ErrorKind::Io) when writing fails.
pub fn to_writer<W: Write, D: Document + ?Sized>(mut writer: W, doc: &D) -> Result<(), Error> {
    writer.write_all(to_string(doc).as_bytes()).map_err(Error::io)
}
