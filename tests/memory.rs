//! Peak memory while parsing stays under 8 × the input's size + 64 MiB,
//! whatever the document's shape: counted by a wrapping allocator, from
//! before the input exists to the end of the parse.
//!
//! One test in this binary, so nothing else allocates while it measures.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

#[path = "common/hostile.rs"]
mod hostile;

use dts_job_detail::{Format, Parser, Response, from_reader, from_slice, json, sniff, xml};

/// A library entry point.
#[derive(Debug, Clone, Copy)]
enum Entry {
    FromSlice,
    FromReader,
    /// `json::from_str` or `xml::from_str`, by the document's form.
    FormFromStr,
    ParserParse,
    ParserRead,
    /// `serde::Deserialize` through `serde_json::from_str` (JSON only).
    Serde,
}

impl Entry {
    const ALL: [Entry; 6] = [
        Entry::FromSlice,
        Entry::FromReader,
        Entry::FormFromStr,
        Entry::ParserParse,
        Entry::ParserRead,
        Entry::Serde,
    ];

    /// Reads `doc`, a refusal as its message.
    fn read(self, doc: &str) -> Option<Result<Response, String>> {
        let json = sniff(doc) == Some(Format::Json);
        Some(match self {
            Entry::FromSlice => from_slice(doc.as_bytes()).map_err(|e| e.to_string()),
            Entry::FromReader => from_reader(doc.as_bytes()).map_err(|e| e.to_string()),
            Entry::FormFromStr if json => json::from_str(doc).map_err(|e| e.to_string()),
            Entry::FormFromStr => xml::from_str(doc).map_err(|e| e.to_string()),
            Entry::ParserParse => Parser::new().parse(doc.as_bytes()).map_err(|e| e.to_string()),
            Entry::ParserRead => Parser::new().read(doc.as_bytes()).map_err(|e| e.to_string()),
            Entry::Serde if json => serde_json::from_str::<Response>(doc).map_err(|e| e.to_string()),
            Entry::Serde => return None,
        })
    }
}

/// Every entry point over every hostile document (and an endless reader):
/// the peak while reading and validating, with the input, stays under
/// 8 × the input + 64 MiB (the serde path's budget is a 64 MiB document's).
fn entry_point_matrix() {
    for doc in hostile::documents(2 * MIB) {
        let text = String::from_utf8(doc.bytes).expect("UTF-8");
        for entry in Entry::ALL {
            let base = NOW.load(Ordering::Relaxed);
            PEAK.store(base, Ordering::Relaxed);
            let Some(result) = entry.read(&text) else { continue };
            if let Ok(response) = &result {
                drop(response.validate());
            }
            drop(result);
            let peak = PEAK.load(Ordering::Relaxed) - base + text.len();
            let size = match entry {
                Entry::Serde => text.len().max(64 * MIB),
                _ => text.len(),
            };
            let bound = 8 * size + 64 * MIB;
            eprintln!("{entry:?} × {}: peak {peak} bytes (bound {bound})", doc.name);
            assert!(peak <= bound, "{entry:?} × {}: peak {peak} > {bound}", doc.name);
        }
    }
    // an endless reader stops at the size limit
    for limit in [4 * MIB, dts_job_detail::DEFAULT_MAX_SIZE] {
        let base = NOW.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let refused = Parser::new().max_size(limit).read(std::io::repeat(b' ')).is_err();
        let peak = PEAK.load(Ordering::Relaxed) - base;
        eprintln!("Parser::read × an endless reader (limit {limit}): peak {peak} bytes");
        assert!(refused);
        assert!(peak <= 8 * limit + 64 * MIB, "endless reader: peak {peak}");
    }
}

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call forwards to `System` unchanged; the counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // while moving, both blocks may exist
            let now = NOW.load(Ordering::Relaxed);
            PEAK.fetch_max(now + new_size, Ordering::Relaxed);
            NOW.fetch_add(new_size, Ordering::Relaxed);
            NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Builds a document with `make`, parses and validates it, and returns (its
/// size, the peak bytes held from before it was built to the end of the
/// validation, the result).
fn measure(make: impl FnOnce() -> String, read: Reader) -> (usize, usize, Result<Response, String>) {
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let doc = make();
    // a refusal as "Kind: message", so both readers are judged alike
    let result = match read {
        Reader::Parser => from_slice(doc.as_bytes()).map_err(|e| format!("{:?}: {e}", e.kind())),
        Reader::Serde => serde_json::from_str::<Response>(&doc).map_err(|e| {
            let kind = if e.to_string().contains("bytes of memory") {
                "Limit"
            } else {
                "Other"
            };
            format!("{kind}: {e}")
        }),
    };

    if let Ok(response) = &result {
        // the diagnostics live beside the model (`check`)
        drop(response.validate());
    }
    let peak = PEAK.load(Ordering::Relaxed) - base;
    (doc.len(), peak, result)
}

const MIB: usize = 1 << 20;

/// Which reader a case goes through.
#[derive(Clone, Copy)]
enum Reader {
    Parser,
    /// `serde::Deserialize` through serde_json.
    Serde,
}

/// A named document maker, whether the document must be read, and by what.
type Case = (&'static str, Box<dyn Fn() -> String>, bool, Reader);

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
    )
    .expect("fixture")
}

/// `item` repeated between `head` and `tail` to about `size` bytes.
fn flood(head: &str, item: &str, tail: &str, size: usize) -> String {
    String::from_utf8(hostile::fill(head, item, tail, size)).expect("UTF-8")
}

/// The synchronization fixture with its sub-jobs repeated to `n`.
fn large(n: usize) -> Response {
    let resp = json::from_str(&fixture("sync_subjobs.json")).expect("fixture parses");
    let mut d = resp.into_detail().expect("detail");
    let jobs = d.sub_sync_job.clone();
    d.sub_sync_job = jobs.iter().cycle().take(n).cloned().collect();
    Response::Detail(d)
}

#[test]
fn peak_memory_is_bounded_by_the_input() {
    entry_point_matrix();

    let ten_mib = 10 * MIB;
    let empty_sub_jobs = move || flood(r#"{"RequestId":"r","SubSyncJob":["#, "{},", "{}]}", ten_mib);
    let cases: Vec<Case> = vec![
        (
            "10 MiB of empty sub-jobs, serde_json::from_str::<Response>",
            Box::new(empty_sub_jobs),
            false,
            Reader::Serde,
        ),
        (
            "10 MiB of empty sub-jobs, JSON",
            Box::new(move || flood(r#"{"RequestId":"r","SubSyncJob":["#, "{},", "{}]}", ten_mib)),
            false,
            Reader::Parser,
        ),
        (
            "10 MiB of empty sub-jobs, XML",
            Box::new(move || {
                flood(
                    "<DescribeDtsJobDetailResponse><RequestId>r</RequestId>",
                    "<SubSyncJob/>",
                    "</DescribeDtsJobDetailResponse>",
                    ten_mib,
                )
            }),
            false,
            Reader::Parser,
        ),
        (
            "10 MiB of one-digit numbers in an unknown array",
            Box::new(move || flood(r#"{"RequestId":"r","Many":["#, "1,", "1]}", ten_mib)),
            false,
            Reader::Parser,
        ),
        (
            "10 MiB of elements with many attributes, XML",
            Box::new(move || {
                flood(
                    "<DescribeDtsJobDetailResponse><RequestId>r</RequestId>",
                    "<U a=\"\" b=\"\" c=\"\" d=\"\" e=\"\" f=\"\"/>",
                    "</DescribeDtsJobDetailResponse>",
                    ten_mib,
                )
            }),
            false,
            Reader::Parser,
        ),
        (
            "one tag with 1 MiB of attributes, XML",
            Box::new(|| {
                let mut s = String::from("<DescribeDtsJobDetailResponse");
                let mut i = 0;
                while s.len() < MIB {
                    s.push_str(&format!(" a{i}=\"\""));
                    i += 1;
                }
                s.push_str("><RequestId>r</RequestId></DescribeDtsJobDetailResponse>");
                s
            }),
            true,
            Reader::Parser,
        ),
        (
            "200 sub-jobs, JSON",
            Box::new(|| json::to_string(&large(200))),
            true,
            Reader::Parser,
        ),
        (
            "200 sub-jobs, XML",
            Box::new(|| xml::to_string(&large(200)).expect("XML")),
            true,
            Reader::Parser,
        ),
        (
            "2 000 sub-jobs, JSON",
            Box::new(|| json::to_string(&large(2000))),
            true,
            Reader::Parser,
        ),
    ];
    for (name, make, readable, read) in cases {
        let (size, peak, result) = measure(make, read);
        // the serde path's budget is a 64 MiB document's, whatever the input
        let bound = match read {
            Reader::Parser => 8 * size + 64 * MIB,
            Reader::Serde => 8 * size.max(64 * MIB) + 64 * MIB,
        };
        eprintln!(
            "{name}: {size} bytes, peak {peak} bytes ({:.1} × size), {}",
            peak as f64 / size as f64,
            match &result {
                Ok(_) => "read".to_owned(),
                Err(e) => format!("refused: {e}"),
            }
        );
        assert!(peak <= bound, "{name}: peak {peak} > bound {bound}");
        match result {
            Ok(_) => assert!(readable, "{name} should be refused"),
            Err(e) => {
                assert!(!readable, "{name}: {e}");
                assert!(e.starts_with("Limit: "), "{name}: {e}");
            }
        }
    }
}
