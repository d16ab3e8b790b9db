//! Any text through the JSON front end: Ok or Err, never a panic; a response
//! that parses also validates and writes without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(resp) = dts_job_detail::Parser::new().parse_json(text)
    {
        let _ = resp.validate();
        let _ = dts_job_detail::json::to_string(&resp);
    }
});
