//! The two forms' readers and writers, below the [`Parser`](crate::Parser)
//! that picks one: `json/` (a pull tokenizer, the model's decoder over it or
//! over a value in memory, the canonical writer, pointers from offsets) and
//! `xml/` (a decoder over quick-xml events, the well-formedness rules quick-xml
//! leaves out, the canonical writer). The public functions of each form are
//! in [`crate::json`] and [`crate::xml`].

pub(crate) mod json;
pub(crate) mod xml;
