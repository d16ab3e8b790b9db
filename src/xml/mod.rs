//! The XML form: reading ([`from_str`]) and canonical writing ([`to_string`]).
//!
//! # Accepted input
//!
//! - Root `<DescribeDtsJobDetailResponse>` (a job detail, also when
//!   `Success` is false) or `<Error>` (the gateway envelope). Another root is
//!   read as a job detail and reported as `unexpected-root`, or refused under
//!   [`Parser::strict`](crate::Parser::strict).
//! - Lists are repeated sibling elements named after the member, without a
//!   wrapper, in any order and interleaved with other members; one element is
//!   a list of one, no element an absent list.
//! - Element text is kept exactly (not trimmed; line ends normalised to `\n`
//!   as XML 1.0 requires); the five predefined entities, character references
//!   and CDATA sections are decoded. Whitespace-only text between elements is
//!   ignored, as are comments and processing instructions.
//! - An optional XML declaration (its `encoding` is not consulted: the input
//!   is UTF-8, checked before parsing) and a UTF-8 byte-order mark.
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
//! absent members omitted), no indentation. Text escapes `&`, `<`, `>` and
//! carriage return; other control characters become character references,
//! and U+0000 (which XML cannot carry) becomes U+FFFD. Unknown members whose
//! names are not XML names are left out.

mod de;
mod ser;

use crate::error::{Error, ErrorKind};
use crate::model::{ErrorEnvelope, JobDetail};
use crate::{Parser, Response};

/// Root element of a job detail.
pub const DETAIL_ROOT: &str = "DescribeDtsJobDetailResponse";
/// Root element of the gateway error envelope.
pub const ERROR_ROOT: &str = "Error";

/// Parses an XML response with the default [`Parser`].
///
/// ```
/// let xml = "<DescribeDtsJobDetailResponse><Delay>5</Delay>\
///            <SubSyncJob><DtsJobId>a</DtsJobId></SubSyncJob></DescribeDtsJobDetailResponse>";
/// let resp = dts_job_detail::xml::from_str(xml)?;
/// let detail = resp.detail().unwrap();
/// assert_eq!(detail.sub_sync_job.len(), 1); // one element, a list of one
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
///
/// # Errors
///
/// When the text is not well-formed XML of the response's shape; see [`Error`].
pub fn from_str(text: &str) -> Result<Response, Error> {
    Parser::new().parse_str(text)
}

/// A document that can be written as canonical XML: it knows its root element.
pub trait XmlDocument: serde::Serialize {
    /// The root element's name.
    fn root_name(&self) -> &'static str;
}

impl XmlDocument for JobDetail {
    fn root_name(&self) -> &'static str {
        DETAIL_ROOT
    }
}

impl XmlDocument for ErrorEnvelope {
    fn root_name(&self) -> &'static str {
        ERROR_ROOT
    }
}

impl XmlDocument for Response {
    fn root_name(&self) -> &'static str {
        match self {
            Response::Detail(_) => DETAIL_ROOT,
            Response::Error(_) => ERROR_ROOT,
        }
    }
}

/// Writes the canonical XML document.
///
/// ```
/// let resp = dts_job_detail::json::from_str(r#"{"Code":"200","TagList":[{"TagKey":"a&b"}]}"#)?;
/// assert_eq!(
///     dts_job_detail::xml::to_string(&resp),
///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeDtsJobDetailResponse>\
///      <Code>200</Code><TagList><TagKey>a&amp;b</TagKey></TagList></DescribeDtsJobDetailResponse>"
/// );
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
pub fn to_string<T: XmlDocument + ?Sized>(value: &T) -> String {
    let mut out = String::from(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    ser::write(&mut out, value.root_name(), value);
    out
}

/// Parses XML text into a response (called by [`Parser`]).
pub(crate) fn parse(text: &str, parser: &Parser) -> Result<Response, Error> {
    let mut de = de::XmlDe::new(text, parser.max_depth);
    let result = read(&mut de, parser);
    result.map_err(|e| e.with_path(&de.path))
}

fn read(de: &mut de::XmlDe<'_>, parser: &Parser) -> Result<Response, Error> {
    let root = de.root()?;
    let response = if root.name == ERROR_ROOT {
        let mut envelope = ErrorEnvelope::default();
        if !root.empty {
            de.read_children(&mut envelope)?;
        }
        Response::Error(envelope)
    } else {
        let unexpected = (root.name != DETAIL_ROOT).then(|| root.name.clone().into_owned());
        if let Some(name) = &unexpected
            && parser.strict
        {
            return Err(de.error(
                ErrorKind::Strict,
                format!("unexpected root element <{name}>, expected <{DETAIL_ROOT}> or <{ERROR_ROOT}>"),
            ));
        }
        let mut detail = JobDetail::default();
        if !root.empty {
            de.read_children(&mut detail)?;
        }
        detail.context = parser.context(unexpected);
        Response::Detail(detail)
    };
    de.finish()?;
    Ok(response)
}
