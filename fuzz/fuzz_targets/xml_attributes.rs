//! Attributes as the fuzzer writes them, on every kind of element (see `../check.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check::xml_attributes(text);
    }
});
