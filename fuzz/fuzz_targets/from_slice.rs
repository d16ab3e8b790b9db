//! Any bytes through the sniffing entry point (encodings, BOMs, both forms).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dts_job_detail::from_slice(data).map(|resp| resp.validate());
});
