//! Replays every input the fuzzers ever failed on (tests/fuzz-regressions/<target>/*)
//! through the same check as the target, as a plain test on stable Rust.

use std::fs;
use std::path::Path;

#[path = "../fuzz/check.rs"]
mod check;

/// What the `json`, `xml` and `from_slice` targets assert: no panic, and the
/// JSON reader's syntax is serde_json's.
fn parse_anything(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        check::json_agrees_with_serde(text);
    }
    if let Ok(resp) = dts_job_detail::from_slice(data) {
        let _ = resp.validate();
        let _ = dts_job_detail::json::to_string(&resp);
        let _ = dts_job_detail::xml::to_string(&resp);
    }
}

#[test]
fn every_fuzz_regression_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut replayed = 0;
    for target in fs::read_dir(&root).expect("regression dir") {
        let target = target.expect("entry").path();
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        for input in fs::read_dir(&target).expect("target dir") {
            let path = input.expect("entry").path();
            let data = fs::read(&path).expect("readable input");
            eprintln!("replaying {}", path.display());
            match name.as_str() {
                "roundtrip" => check::roundtrip(&data),
                "xml_attributes" => check::xml_attributes(&String::from_utf8_lossy(&data)),
                "diff" => check::diff_two(&data),
                _ => parse_anything(&data),
            }
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no regression inputs found");
}
