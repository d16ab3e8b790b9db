//! What a document is — a job detail, the gateway's error envelope, or a saved
//! SDK dump around one of them — decided once, from its members, by the same
//! rule in every form (the XML root's name does not decide it).
//!
//! The document's members are read once into a [`Root`]; [`Root::finish`]
//! then looks at what arrived:
//!
//! - **SDK dump**: the only members are `headers`, `statusCode` (a JSON
//!   number) and `body` (an object, or a string holding a document). The
//!   body is the response. (XML cannot carry a JSON number, so an XML
//!   document is never a dump, and neither is the canonical output of one.)
//! - **Gateway envelope**: no `Success`; `HostId` or `Message` present as a
//!   scalar; no member of a job detail other than `RequestId` and a `Code`
//!   that is not an integer. (A detail's `Code` is an integer, the gateway's a
//!   dotted name such as `Forbidden.InstanceNotFound`, so a detail that
//!   carries `Code` and `Message` stays a detail.)
//! - Otherwise a **job detail**.

use crate::de::{Budget, Exceeded, Height, Shape, Source};
use crate::model::{ErrorEnvelope, JobDetail, Response, Scalar, Str, UnknownFields, Value, Wire};

/// The gateway envelope's members, by wire name.
type E = Wire<ErrorEnvelope>;
use crate::scalar::{self, In};
use crate::value::merge_repeats;

/// The members of a document, before it is known what the document is.
#[derive(Default)]
pub(crate) struct Root {
    detail: JobDetail,
    /// `Code` as text, for an envelope (whose `Code` is a name, not a number).
    code: Option<Str>,
}

impl Height for Root {
    fn height(&self) -> usize {
        self.detail.height()
    }
}

impl Shape for Root {
    fn read_field<'de, S: Source<'de>>(&mut self, key: &str, src: S) -> Result<bool, S::Error> {
        match key {
            E::code => {
                let v = src.scalar()?;
                let replaced = self.code.is_some();
                self.code = Some(scalar::text(v.clone()));
                self.detail.code = Some(scalar::integer(v));
                Ok(replaced)
            }
            "body" => {
                let v = src.value_unmerged()?;
                self.detail.unknown.push(key, v);
                Ok(false)
            }
            _ => self.detail.read_field(key, src),
        }
    }

    fn unknown_mut(&mut self) -> &mut UnknownFields {
        &mut self.detail.unknown
    }
}

/// What a document turned out to be (named apart from the public
/// [`Document`](crate::Document) trait, which a parsed response implements).
#[allow(clippy::large_enum_variant)] // moved once, at the end of a parse
pub(crate) enum Decision {
    /// A response.
    Response(Response),
    /// An SDK dump: its body, still to be read as the response.
    DumpBody(Value),
}

impl Root {
    /// Decides what the document is. `budget` is at the depth outside the
    /// document; `dump` is false for a dump's body (a dump is not nested).
    pub(crate) fn finish(mut self, budget: &Budget, dump: bool) -> Result<Decision, Exceeded> {
        if dump && let Some(body) = self.dump_body() {
            return Ok(Decision::DumpBody(body));
        }
        // `body` was read without merging repeated names, in case it was a dump's
        if let Some((_, body)) = self.detail.unknown.0.iter_mut().find(|(k, _)| k == "body") {
            merge_deep(body);
            budget.fits(1 + body.height())?;
        }
        if self.is_envelope() {
            return Ok(Decision::Response(Response::Error(self.into_envelope())));
        }
        Ok(Decision::Response(Response::Detail(self.detail)))
    }

    fn dump_body(&mut self) -> Option<Value> {
        let d = &self.detail;
        let dump_keys = d
            .unknown
            .iter()
            .all(|(k, _)| matches!(k, "headers" | "statusCode" | "body"));
        let status_is_number = matches!(d.unknown.get("statusCode"), Some(Value::Number(_)));
        let body_is_document = matches!(d.unknown.get("body"), Some(Value::Object(_) | Value::String(_)));
        if d.present_count() == 0 && self.code.is_none() && dump_keys && status_is_number && body_is_document
        {
            self.detail.unknown.take("body")
        } else {
            None
        }
    }

    fn is_envelope(&self) -> bool {
        let d = &self.detail;
        let own = usize::from(d.request_id.is_some()) + usize::from(d.code.is_some());
        let code_is_name = !matches!(d.code, Some(Scalar::Value(_)));
        let scalar = |name: &str| d.unknown.get(name).map(|v| !v.is_container());
        let carried = scalar(E::host_id) == Some(true) || scalar(E::message) == Some(true);
        let all_scalar = [E::host_id, E::message, E::recommend]
            .iter()
            .all(|name| scalar(name) != Some(false));
        d.success.is_none() && d.present_count() == own && code_is_name && carried && all_scalar
    }

    fn into_envelope(self) -> ErrorEnvelope {
        let Root { mut detail, code } = self;
        let mut text = |name: &str| detail.unknown.take(name).map(scalar_text);
        ErrorEnvelope {
            host_id: text(E::host_id),
            message: text(E::message),
            recommend: text(E::recommend),
            code,
            request_id: detail.request_id,
            unknown: detail.unknown,
            ..ErrorEnvelope::default()
        }
    }
}

/// The text of a scalar value, as a text member reads it.
fn scalar_text(v: Value) -> Str {
    match v {
        Value::String(s) => s.into(),
        Value::Number(n) => n.to_string().into(),
        Value::Bool(b) => scalar::text(In::Bool(b)),
        _ => Str::default(),
    }
}

/// Merges repeated names in every object inside `value` (what reading it as
/// an unknown member would have done).
fn merge_deep(value: &mut Value) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(members) => {
                merge_repeats(members);
                stack.extend(members.iter_mut().map(|(_, v)| v));
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
}
