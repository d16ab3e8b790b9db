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

pub(crate) mod de;
pub(crate) mod ser;
mod wellformed;

use std::io::{Read, Write};

use crate::error::Error;
use crate::parser::Format;
use crate::{Document, Parser, Response};

/// Root element of a job detail.
pub const DETAIL_ROOT: &str = "DescribeDtsJobDetailResponse";
/// Root element of the gateway error envelope.
pub const ERROR_ROOT: &str = "Error";

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

/// Whether `name` is an XML 1.0 `Name` (fifth edition): a name-start
/// character, then name characters.
pub(crate) fn is_name(name: &str) -> bool {
    /// ASCII name characters: 1 may start a name, 2 may follow.
    const ASCII: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut c = 0;
        while c < 128 {
            let b = c as u8;
            t[c] = if b.is_ascii_alphabetic() || b == b'_' || b == b':' {
                3
            } else if b.is_ascii_digit() || b == b'-' || b == b'.' {
                2
            } else {
                0
            };
            c += 1;
        }
        t
    };
    if name.is_ascii() {
        let b = name.as_bytes();
        let class = |c: &u8| ASCII.get(usize::from(*c)).copied().unwrap_or(0);
        return b.first().is_some_and(|c| class(c) & 1 != 0) && b.iter().all(|c| class(c) != 0);
    }
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

#[cfg(test)]
mod tests {
    use super::is_name;

    #[test]
    fn xml_names() {
        for ok in ["DtsJobId", "_a.b-c1", "中文", "a:b", "Ä"] {
            assert!(is_name(ok), "{ok}");
        }
        for bad in [
            "",
            "1a",
            "a b",
            ".doc",
            "µs",
            "ª",
            "whitelist.dms\"x",
            "a\u{FFFE}",
        ] {
            assert!(!is_name(bad), "{bad}");
        }
    }
}
