//! The two forms' readers and writers, below the [`Parser`](crate::Parser)
//! that picks one: `json/` (a pull tokenizer, the model's decoder over it or
//! over a value in memory, the canonical writer, pointers from offsets) and
//! `xml/` (a decoder over quick-xml events, the well-formedness rules quick-xml
//! leaves out, the canonical writer). The public functions of each form are
//! in [`crate::json`] and [`crate::xml`].

pub(crate) mod json;
pub(crate) mod xml;

/// A job's known members as (name, JSON value) pairs, in canonical order:
/// how the members of a job at the top of a list page are kept (as the
/// page's unknown members; see `de::root`).
pub(crate) fn job_values(job: &crate::model::JobDetail) -> Vec<(String, crate::model::Value)> {
    use json::ser::ToJson;
    let mut text = String::new();
    job.to_json(&mut text);
    match json::de::value_from_str_to_depth(&text, crate::de::MAX_DEPTH_CEILING) {
        Ok(crate::model::Value::Object(members)) => members,
        // the canonical writer writes an object that reads back (a test holds it)
        _ => Vec::new(),
    }
}

/// The text before the first character `special` picks in `rest`, and that
/// character; `rest` moves past it. `None` when no character is special
/// (`rest` is then all plain text). The writers' escape loops.
pub(crate) fn next_special<'a>(
    rest: &mut &'a str,
    special: impl Fn(char) -> bool,
) -> Option<(&'a str, char)> {
    let i = rest.find(special)?;
    // `find` gives the boundary of the character it found
    let (before, at) = rest.split_at(i);
    let mut chars = at.chars();
    let c = chars.next()?;
    *rest = chars.as_str();
    Some((before, c))
}
