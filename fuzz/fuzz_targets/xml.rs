//! Any text through the XML front end: Ok or Err, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(resp) = dts_job_detail::xml::from_str(text)
    {
        let _ = resp.validate();
        let _ = dts_job_detail::xml::to_string(&resp);
    }
});
