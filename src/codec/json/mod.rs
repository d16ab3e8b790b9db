//! The JSON form's reader and writer (the public functions are in
//! `crate::json`, which sits above the `Parser`).

pub(crate) mod cursor;
pub(crate) mod de;
pub(crate) mod position;
pub(crate) mod ser;
pub(crate) mod spans;
pub(crate) mod token;
