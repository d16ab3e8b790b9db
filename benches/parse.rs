//! Parse speed of the crate against baselines compiled in this same bench.
//!
//! Groups (each parses the same bytes with every function in it):
//! - `seed_json`: the API doc's JSON sample — `crate` (full model), `serde_derive`
//!   (a naive derived struct tree), `serde_value` (`serde_json::Value`), `ignored_any`.
//! - `seed_xml`: the doc's XML sample — `crate`, `quick_xml_events` (bare event
//!   loop, every text decoded), `quick_xml_serde` (`quick_xml::de` into derived structs).
//! - `large_json`, `large_xml`: a generated response with 200 sub-jobs.
//! - `validate`: `crate_parse` vs `crate_parse_validate` on the seed.
//! - `scaling`: `crate` on 1, 10, 100, 1000 sub-jobs (JSON).
//!
//! Run: `cargo bench --bench parse -- --quick` (about 35 s on 2 cores).

mod support;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use dts_job_detail::{json, xml};
use support::{
    LARGE_N, SEED_JSON, SEED_XML, ignored_any, large_json, large_xml, quick_xml_events, quick_xml_serde,
    serde_derive, serde_value,
};

fn crate_json(text: &str) -> dts_job_detail::Response {
    json::from_str(text).expect("the bench input parses")
}

fn crate_xml(text: &str) -> dts_job_detail::Response {
    xml::from_str(text).expect("the bench input parses")
}

fn json_group(c: &mut Criterion, name: &str, doc: &str) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(doc.len() as u64));
    group.bench_function("crate", |b| b.iter(|| crate_json(black_box(doc))));
    group.bench_function("serde_derive", |b| b.iter(|| serde_derive(black_box(doc))));
    group.bench_function("serde_value", |b| b.iter(|| serde_value(black_box(doc))));
    group.bench_function("ignored_any", |b| b.iter(|| ignored_any(black_box(doc))));
    group.finish();
}

fn xml_group(c: &mut Criterion, name: &str, doc: &str) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(doc.len() as u64));
    group.bench_function("crate", |b| b.iter(|| crate_xml(black_box(doc))));
    group.bench_function("quick_xml_events", |b| {
        b.iter(|| quick_xml_events(black_box(doc)))
    });
    group.bench_function("quick_xml_serde", |b| b.iter(|| quick_xml_serde(black_box(doc))));
    group.finish();
}

fn bench(c: &mut Criterion) {
    support::self_check();
    // The generated forms must mean the same thing to the crate, or the
    // JSON and XML groups would not measure the same work.
    assert_eq!(
        json::to_string(&crate_json(&large_json(3))),
        json::to_string(&crate_xml(&large_xml(3)))
    );
    json_group(c, "seed_json", SEED_JSON);
    xml_group(c, "seed_xml", SEED_XML);
    json_group(c, "large_json", &large_json(LARGE_N));
    xml_group(c, "large_xml", &large_xml(LARGE_N));

    let mut group = c.benchmark_group("validate");
    group.bench_function("crate_parse", |b| b.iter(|| crate_json(black_box(SEED_JSON))));
    group.bench_function("crate_parse_validate", |b| {
        b.iter(|| crate_json(black_box(SEED_JSON)).validate())
    });
    group.finish();

    let mut group = c.benchmark_group("scaling");
    for n in [1, 10, 100, 1000] {
        let doc = large_json(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("crate", n), doc.as_str(), |b, doc| {
            b.iter(|| crate_json(black_box(doc)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
