//! Heap use of one parse, under a counting allocator: allocations, bytes
//! allocated, and the peak of live bytes, for the crate and the baselines of
//! `benches/parse.rs` on the same inputs. Not timed: run
//! `cargo bench --bench memory` and read the table.

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use support::{
    LARGE_N, SEED_JSON, SEED_XML, large_json, large_xml, quick_xml_serde, serde_derive, serde_value,
};

struct Counting;

static COUNT: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        COUNT.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        // SAFETY: the caller's layout, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        COUNT.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size, Relaxed);
        let live = LIVE.fetch_add(new_size, Relaxed) + new_size;
        PEAK.fetch_max(live, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: `ptr` came from this allocator with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// (allocations, bytes allocated, peak live bytes above the start) of `f`,
/// its result dropped inside.
fn measure<T>(f: impl FnOnce() -> T) -> (usize, usize, usize) {
    let (count, bytes, live) = (COUNT.load(Relaxed), BYTES.load(Relaxed), LIVE.load(Relaxed));
    PEAK.store(live, Relaxed);
    drop(black_box(f()));
    (
        COUNT.load(Relaxed) - count,
        BYTES.load(Relaxed) - bytes,
        PEAK.load(Relaxed) - live,
    )
}

/// Input name, reader name, input, reader.
type Case<'a> = (&'a str, &'a str, &'a str, fn(&str));

fn crate_json(t: &str) {
    drop(dts_job_detail::json::from_str(t));
}

fn crate_xml(t: &str) {
    drop(dts_job_detail::xml::from_str(t));
}

fn derive(t: &str) {
    drop(serde_derive(t));
}

fn value(t: &str) {
    drop(serde_value(t));
}

fn xml_serde(t: &str) {
    drop(quick_xml_serde(t));
}

fn main() {
    // `cargo test --benches` runs this too: one quick pass is enough
    let large_json = large_json(LARGE_N);
    let large_xml = large_xml(LARGE_N);
    println!(
        "{:<11} {:<17} {:>9} {:>14} {:>12} {:>10}",
        "input", "reader", "allocs", "bytes alloc'd", "peak live", "peak/input"
    );
    let cases: [Case<'_>; 10] = [
        ("seed_json", "crate", SEED_JSON, crate_json),
        ("seed_json", "serde_derive", SEED_JSON, derive),
        ("seed_json", "serde_value", SEED_JSON, value),
        ("seed_xml", "crate", SEED_XML, crate_xml),
        ("seed_xml", "quick_xml_serde", SEED_XML, xml_serde),
        ("large_json", "crate", &large_json, crate_json),
        ("large_json", "serde_derive", &large_json, derive),
        ("large_json", "serde_value", &large_json, value),
        ("large_xml", "crate", &large_xml, crate_xml),
        ("large_xml", "quick_xml_serde", &large_xml, xml_serde),
    ];
    for (input, reader, text, f) in &cases {
        let (count, bytes, peak) = measure(|| f(text));
        println!(
            "{input:<11} {reader:<17} {count:>9} {bytes:>14} {peak:>12} {:>9.2}x",
            peak as f64 / text.len() as f64
        );
    }
}
