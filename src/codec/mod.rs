//! The two forms' readers and writers, below the [`Parser`](crate::Parser)
//! that picks one: `json/` (a pull tokenizer, the model's decoder over it or
//! over a value in memory, the canonical writer, pointers from offsets) and
//! `xml/` (a decoder over quick-xml events, the well-formedness rules quick-xml
//! leaves out, the canonical writer). The public functions of each form are
//! in [`crate::json`] and [`crate::xml`].

pub(crate) mod json;
pub(crate) mod xml;

/// What deciding a document needs of the forms (see `de::root::Forms`).
pub(crate) const FORMS: crate::de::root::Forms = crate::de::root::Forms {
    values: json::de::job_values,
    job: json::de::job_from_value,
};

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
