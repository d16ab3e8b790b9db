//! The round-trip property, shared by the `roundtrip` fuzz target and
//! `tests/fuzz_regressions.rs` (included there with `#[path]`).

use dts_job_detail::{from_slice, json, xml};

/// Whatever parses must write canonical JSON and XML that read back and
/// write the same bytes again (both are fixed points), and validating must
/// not panic.
pub fn roundtrip(data: &[u8]) {
    let Ok(resp) = from_slice(data) else { return };
    let _ = resp.validate();
    let j1 = json::to_string(&resp);
    let again = match from_slice(j1.as_bytes()) {
        Ok(r) => r,
        Err(e) => panic!("canonical JSON does not read back: {e}\n{j1}"),
    };
    assert_eq!(json::to_string(&again), j1, "canonical JSON is not a fixed point");
    let x1 = xml::to_string(&resp);
    let back = match from_slice(x1.as_bytes()) {
        Ok(r) => r,
        Err(e) => panic!("canonical XML does not read back: {e}\n{x1}"),
    };
    assert_eq!(xml::to_string(&back), x1, "canonical XML is not a fixed point");
}
