//! The JSON form: reading ([`from_str`]) and canonical writing ([`to_string`]).
//!
//! Reading accepts exactly what serde_json accepts (RFC 8259, one document,
//! whitespace around it), plus the tolerance of the model (numbers as strings,
//! `null`/`""` as "no value", a lone object where a list belongs). Canonical
//! writing is compact, members in the model's order, unknown members after
//! them in arrival order.

mod de;

use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::model::{ErrorEnvelope, JobDetail, Value};
use crate::{Parser, Response};

/// Parses a JSON response with the default [`Parser`].
///
/// ```
/// let resp = dts_job_detail::json::from_str(r#"{"RequestId":"r1","Delay":"5"}"#)?;
/// let detail = resp.detail().unwrap();
/// assert_eq!(detail.delay.as_ref().and_then(|d| d.get()), Some(5));
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
///
/// # Errors
///
/// When the text is not one JSON object of the response's shape; see [`Error`].
pub fn from_str(text: &str) -> Result<Response, Error> {
    Parser::new().parse_str(text)
}

/// Writes the canonical JSON document (compact, one line).
///
/// ```
/// let resp = dts_job_detail::json::from_str(r#"{"Success":"true","Code":"200"}"#)?;
/// assert_eq!(dts_job_detail::json::to_string(&resp), r#"{"Code":200,"Success":true}"#);
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    // Serializing the model cannot fail: every key is a string and no
    // `Serialize` impl of the model returns an error; writing to a `Vec` does
    // no I/O.
    serde_json::to_string(value).unwrap_or_default()
}

/// Writes the canonical JSON document, indented for people.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Parses JSON text into a response (called by [`Parser`]).
pub(crate) fn parse(text: &str, parser: &Parser) -> Result<Response, Error> {
    let mut detail = JobDetail::default();
    read(text, &mut detail, parser.max_depth)?;
    if let Some(body) = sdk_dump_body(&detail) {
        return parse_dump_body(body, parser);
    }
    if looks_like_envelope(&detail) {
        let mut envelope = ErrorEnvelope::default();
        read(text, &mut envelope, parser.max_depth)?;
        return Ok(Response::Error(envelope));
    }
    detail.context = parser.context(None);
    Ok(Response::Detail(detail))
}

fn read<T: crate::de::Shape>(text: &str, target: &mut T, max_depth: usize) -> Result<(), Error> {
    let mut ctx = de::Ctx::new(max_depth);
    let mut json = serde_json::Deserializer::from_str(text);
    let present = de::read_root(&mut json, target, &mut ctx)
        .and_then(|present| json.end().map(|()| present))
        .map_err(|e| convert(&e, &ctx))?;
    if present {
        Ok(())
    } else {
        Err(Error::new(ErrorKind::Shape, "expected an object, found null").at_line_column(1, 1))
    }
}

fn convert(e: &serde_json::Error, ctx: &de::Ctx) -> Error {
    use serde_json::error::Category;
    let kind = match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => ErrorKind::Syntax,
        Category::Data => ErrorKind::Shape,
    };
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let kind = if message.starts_with("nesting deeper") || message.starts_with("recursion limit") {
        ErrorKind::Limit
    } else {
        kind
    };
    Error::new(kind, message)
        .at_line_column(e.line(), e.column())
        .with_path(&ctx.path)
}

/// The gateway envelope has `HostId`/`Message`, no `Success`, and nothing of a
/// job detail but `RequestId` and `Code` (api-facts §10 trap 30).
fn looks_like_envelope(d: &JobDetail) -> bool {
    let own = usize::from(d.request_id.is_some()) + usize::from(d.code.is_some());
    d.success.is_none()
        && d.present_count() == own
        && (d.unknown.get("HostId").is_some() || d.unknown.get("Message").is_some())
}

/// A saved SDK dump `{"headers":…,"statusCode":…,"body":…}`: its body.
fn sdk_dump_body(d: &JobDetail) -> Option<&Value> {
    let only_dump_keys = d
        .unknown
        .iter()
        .all(|(k, _)| matches!(k, "headers" | "statusCode" | "body"));
    if d.present_count() == 0 && only_dump_keys {
        d.unknown.get("body")
    } else {
        None
    }
}

fn parse_dump_body(body: &Value, parser: &Parser) -> Result<Response, Error> {
    let text = match body {
        Value::String(s) => s.clone(),
        other => to_string(other),
    };
    parser.parse_str(&text).map_err(|e| e.under("/body"))
}
