//! Any text through the JSON front end: Ok or Err, never a panic; the syntax
//! accepted is serde_json's; a response that parses also validates and writes.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check::json_agrees_with_serde(text);
        if let Ok(resp) = dts_job_detail::json::from_str(text) {
            let _ = resp.validate();
            let _ = dts_job_detail::json::to_string(&resp);
        }
    }
});
