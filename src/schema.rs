//! A JSON Schema (draft 2020-12) of the canonical JSON, generated from the
//! model's table — the same table the readers and writers are generated
//! from, so the schema cannot drift from what `json::to_string` writes.
//!
//! Each shape is a definition (`#/$defs/JobDetail`, …) whose properties are
//! its members, with the member's documentation as `description`. Unknown
//! members are allowed (they are kept and written back). A typed scalar is
//! its JSON type, `null` when it was sent empty, or a string holding the
//! value as sent when it could not be read as its type (validation reports
//! it). The document is a list page when it has a member only a page has,
//! else a gateway error envelope when it meets the envelope rule — each
//! written here from the same markers of the tables that the reader decides
//! by — and a job otherwise. A job nested in a job is the
//! definition `JobObject`: the same members, with the types the API declares
//! inside job objects (`Checkpoint` a string).
//!
//! ```
//! let schema = dts_job_detail::schema::json_schema();
//! assert!(schema.starts_with(r#"{"$schema":"https://json-schema.org/draft/2020-12/schema""#));
//! assert!(schema.contains(r#""Checkpoint":{"description":"#));
//! ```

use crate::codec::json::ser::write_str;
use crate::model::meaning::{EnvelopeRole, Position, envelope_roles, marked};
#[allow(clippy::wildcard_imports)] // the table names every shape and member type
use crate::model::*;

/// The JSON type of a member, as a schema.
trait MemberSchema {
    /// The schema of the member's value at `at` (a job there is a job object or not).
    fn schema(out: &mut String, at: Position);

    /// As a string where the API declares one (`in_job_objects(String)`):
    /// the value as its text, `null` when it was sent empty.
    fn schema_text(out: &mut String) {
        out.push_str(r#""type":["string","null"]"#);
    }
}

impl MemberSchema for Option<Str> {
    fn schema(out: &mut String, _: Position) {
        out.push_str(r#""type":"string""#);
    }
}

impl MemberSchema for Option<Scalar<i64>> {
    fn schema(out: &mut String, _: Position) {
        out.push_str(r#""type":["integer","null","string"]"#);
    }
}

impl MemberSchema for Option<Scalar<bool>> {
    fn schema(out: &mut String, _: Position) {
        out.push_str(r#""type":["boolean","null","string"]"#);
    }
}

impl MemberSchema for Option<Scalar<f64>> {
    fn schema(out: &mut String, _: Position) {
        out.push_str(r#""type":["number","null","string"]"#);
    }
}

impl<E> MemberSchema for Option<Open<E>> {
    fn schema(out: &mut String, _: Position) {
        out.push_str(r#""type":"string""#);
    }
}

impl<T: Definition> MemberSchema for Option<Box<T>> {
    fn schema(out: &mut String, at: Position) {
        reference(out, T::name(at));
    }
}

impl<T: Definition> MemberSchema for Vec<T> {
    fn schema(out: &mut String, at: Position) {
        out.push_str(r#""type":"array","items":{"#);
        reference(out, T::name(at));
        out.push('}');
    }
}

impl MemberSchema for Option<JobOrValue> {
    fn schema(out: &mut String, _: Position) {
        reference(out, "JobOrValue");
    }
}

impl MemberSchema for Vec<JobOrValue> {
    fn schema(out: &mut String, _: Position) {
        out.push_str(r#""type":"array","items":{"#);
        reference(out, "JobOrValue");
        out.push('}');
    }
}

fn reference(out: &mut String, name: &str) {
    out.push_str(r##""$ref":"#/$defs/"##);
    out.push_str(name);
    out.push('"');
}

/// A shape of the model, as a definition.
trait Definition {
    const NAME: &'static str;

    /// The definition's name for the shape at `at`: only a job is ever in a
    /// job object, and it is `JobObject` there.
    fn name(at: Position) -> &'static str {
        match at {
            Position::Top => Self::NAME,
            Position::JobObject => JOB_OBJECT,
        }
    }

    fn definition(out: &mut String, at: Position);
}

/// The definition of a job nested in a job.
const JOB_OBJECT: &str = "JobObject";

/// The text of doc comments, as one description.
fn description(out: &mut String, lines: &[&str]) {
    let text: Vec<&str> = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
    out.push_str(r#""description":"#);
    write_str(out, &text.join(" "));
}

/// Implements [`Definition`] for a shape of the model's table.
macro_rules! impl_definition {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty = $wire:literal $([$($mark:tt)*])?, )*
        }
        $( extra { $( $(#[$xmeta:meta])* $xfield:ident : $xty:ty, )* } )?
    ) => {
        impl Definition for crate::model::$name {
            const NAME: &'static str = stringify!($name);
            #[allow(unused_variables)] // `at` matters to a job only
            fn definition(out: &mut String, at: Position) {
                out.push('{');
                description(out, &[$($doc),*]);
                out.push_str(r#","type":"object","properties":{"#);
                let mut first = true;
                $(
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    write_str(out, $wire);
                    out.push_str(":{");
                    description(out, &[$($fdoc),*]);
                    out.push(',');
                    if marked!(in_job_objects; $($($mark)*)?) && at == Position::JobObject {
                        <$ty as MemberSchema>::schema_text(out);
                    } else {
                        <$ty as MemberSchema>::schema(out, Position::of_member(marked!(jobs; $($($mark)*)?)));
                    }
                    out.push('}');
                )*
                let _ = first;
                out.push_str(r#"},"additionalProperties":true}"#);
            }
        }
    };
}

crate::model::for_each_shape!(impl_definition);

/// Writes one shape's definition.
type WriteDefinition = fn(&mut String);

/// The envelope rule ([`EnvelopeRole`]) as a schema: a document that meets it
/// is an envelope. Written from the same roles the reader decides by.
fn envelope_condition(job_members: &[&str]) -> String {
    let scalar = r#"{"type":["string","number","boolean","null"]}"#;
    let (mut evidence, mut properties, mut shared) = (Vec::new(), Vec::new(), Vec::new());
    for (wire, role) in envelope_roles() {
        let mut name = String::new();
        write_str(&mut name, wire);
        match role {
            EnvelopeRole::Own { evidence: counts } => {
                if counts {
                    evidence.push(format!(r#"{{"required":[{name}]}}"#));
                }
                properties.push(format!("{name}:{scalar}"));
            }
            EnvelopeRole::Shared { not_integer } => {
                if not_integer {
                    properties.push(format!(r#"{name}:{{"not":{{"type":"integer"}}}}"#));
                }
                shared.push(wire);
            }
        }
    }
    let mut detail_only = Vec::new();
    for member in job_members.iter().filter(|m| !shared.contains(m)) {
        let mut name = String::new();
        write_str(&mut name, member);
        detail_only.push(name);
    }
    format!(
        r#"{{"anyOf":[{}],"properties":{{{}}},"propertyNames":{{"not":{{"enum":[{}]}}}}}}"#,
        evidence.join(","),
        properties.join(","),
        detail_only.join(",")
    )
}

/// The page rule as a schema: a document with a member only a page has (the
/// `evidence` of the page's table, as the reader decides) is a list page.
fn page_condition() -> String {
    let evidence: Vec<String> = JobPage::MEANINGS
        .iter()
        .filter(|m| m.evidence)
        .map(|m| {
            let mut name = String::new();
            write_str(&mut name, m.wire);
            format!(r#"{{"required":[{name}]}}"#)
        })
        .collect();
    format!(r#"{{"anyOf":[{}]}}"#, evidence.join(","))
}

/// The JSON Schema of canonical JSON, as compact JSON text.
pub fn json_schema() -> String {
    let mut names: Vec<(&'static str, WriteDefinition)> = Vec::new();
    let mut job_members: Vec<&'static str> = Vec::new();
    // every shape of the table, by name; the members of a job
    macro_rules! shape_name {
        (
            $(#[doc = $doc:literal])* $name:ident {
                $( $(#[doc = $fdoc:literal])* $field:ident : $ty:ty = $wire:literal $([$($mark:tt)*])?, )*
            }
            $( extra { $($extra:tt)* } )?
        ) => {
            names.push((stringify!($name), |out| <$name as Definition>::definition(out, Position::Top)));
            if stringify!($name) == "JobDetail" {
                job_members.extend([$($wire),*]);
            }
        };
    }
    crate::model::for_each_shape!(shape_name);
    names.push((JOB_OBJECT, |out| JobDetail::definition(out, Position::JobObject)));
    let mut out = format!(
        r##"{{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"DescribeDtsJobDetail or DescribeDtsJobs response, canonical JSON of dts-job-detail","type":"object","if":{},"then":{{"$ref":"#/$defs/JobPage"}},"else":{{"if":{},"then":{{"$ref":"#/$defs/ErrorEnvelope"}},"else":{{"$ref":"#/$defs/JobDetail"}}}},"$defs":{{"##,
        page_condition(),
        envelope_condition(&job_members)
    );
    for (name, definition) in names {
        write_str(&mut out, name);
        out.push(':');
        definition(&mut out);
        out.push(',');
    }
    out.push_str(
        r##""JobOrValue":{"description":"A position the API leaves untyped: a job for an object, a list for an array, any other value as sent.","anyOf":[{"$ref":"#/$defs/JobObject"},{"type":"array","items":{"$ref":"#/$defs/JobOrValue"}},{"type":["string","number","boolean","null"]}]}}}"##,
    );
    out
}
