#![allow(dead_code)] // each target uses some of these checks
//! The properties the fuzz targets assert, shared with
//! `tests/fuzz_regressions.rs` (included there with `#[path]`).

use dts_job_detail::{ErrorKind, Format, Parser, from_slice, json, xml};

/// Whatever parses must write canonical JSON that reads back to the same
/// bytes (a fixed point), and canonical XML that does too unless a value
/// cannot be XML (then the writer says so); validating must not panic.
pub fn roundtrip(data: &[u8]) {
    let Ok(resp) = from_slice(data) else { return };
    let _ = resp.validate();
    let j1 = json::to_string(&resp);
    let again = match from_slice(j1.as_bytes()) {
        Ok(r) => r,
        Err(e) => panic!("canonical JSON does not read back: {e}\n{j1}"),
    };
    assert_eq!(json::to_string(&again), j1, "canonical JSON is not a fixed point");
    let x1 = match xml::to_string(&resp) {
        Ok(x) => x,
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::Unrepresentable, "{e}");
            return;
        }
    };
    let back = match from_slice(x1.as_bytes()) {
        Ok(r) => r,
        Err(e) => panic!("canonical XML does not read back: {e}\n{x1}"),
    };
    assert_eq!(
        xml::to_string(&back).ok(),
        Some(x1),
        "canonical XML is not a fixed point"
    );
}

/// The JSON reader accepts the syntax serde_json accepts: where serde_json
/// reads a value, the crate fails on nothing but the response's shape or a
/// limit; where the crate reads a document, serde_json reads it too — but for
/// the crate's documented leniencies: a byte-order mark, numbers beyond
/// `f64` (kept as text), nesting deeper than serde_json's 128.
pub fn json_agrees_with_serde(text: &str) {
    let bare = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // `Value`, not `IgnoredAny`: ignoring a string skips its escapes unchecked
    let theirs = serde_json::from_str::<serde_json::Value>(bare);
    let lenient = theirs.as_ref().is_err_and(|t| {
        let t = t.to_string();
        t.contains("number out of range") || t.contains("recursion limit")
    });
    match Parser::new().parse_as(Format::Json, text) {
        Ok(_) => assert!(
            theirs.is_ok() || lenient,
            "accepted what serde_json refuses: {theirs:?}\n{text}"
        ),
        Err(e) if e.kind() == ErrorKind::Syntax => {
            assert!(theirs.is_err(), "refused what serde_json accepts: {e}\n{text}");
        }
        Err(_) => {}
    }
}
