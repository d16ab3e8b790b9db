//! The work of the commands v2 added — `export` (each format), `metrics`,
//! `diff` — beside `json` (parse and write canonical JSON) on the same
//! inputs, as the library does it for the command line (a response's rows
//! made one at a time, `export::Rows`).
//!
//! Inputs: `many`, 10,000 saved responses (the seed and a response with 3
//! sub-jobs, in turn, each with its own `DtsJobId`); `one_large`, one
//! response of about 60 MB (8,700 sub-jobs). `diff` compares each response
//! with a copy whose status changed, so its baseline here is `json` over both.
//! In test mode (`cargo test --benches`) the inputs are small: 100 responses,
//! about 1 MB.
//!
//! Run: `cargo bench --features parquet --bench subcommands -- --quick`.

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dts_job_detail::export::{ExportFormat, RowWriter, Rows};
use dts_job_detail::metrics::Exposition;
use dts_job_detail::{Options, Response, diff, json};
use support::{SEED_JSON, large_json};

/// Whether criterion measures (`cargo bench`), not only runs each once.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn parse(text: &str) -> Response {
    dts_job_detail::from_slice(text.as_bytes()).expect("the bench input parses")
}

/// `json`: parse, then canonical JSON.
fn json_of(docs: &[String]) -> usize {
    docs.iter().map(|d| json::to_string(&parse(d)).len()).sum()
}

/// `export`: parse, validate, make the rows one at a time and write them.
fn export(docs: &[String], format: ExportFormat) -> usize {
    let options = Options::default();
    let mut writer = RowWriter::new(format, Vec::new()).expect("a writer");
    for (i, doc) in docs.iter().enumerate() {
        let resp = parse(doc);
        let diagnostics = resp.validate_with(&options);
        let label = format!("r{i}.json");
        let rows: Vec<_> = Rows::new(&label, &resp, &options, &diagnostics).collect();
        writer.write_rows(&rows).expect("rows written");
    }
    writer.finish().expect("the file closes").len()
}

/// `metrics`: parse, validate, rows, one exposition.
fn metrics(docs: &[String]) -> usize {
    let options = Options::default();
    let mut exposition = Exposition::new();
    for (i, doc) in docs.iter().enumerate() {
        let resp = parse(doc);
        let diagnostics = resp.validate_with(&options);
        let label = format!("r{i}.json");
        let rows: Vec<_> = Rows::new(&label, &resp, &options, &diagnostics).collect();
        exposition.add(&rows);
    }
    exposition.finish().len()
}

/// `diff`: parse both, compare.
fn diff_of(pairs: &[(String, String)]) -> usize {
    pairs
        .iter()
        .map(|(a, b)| diff::diff(&parse(a), &parse(b), &Options::default()).len())
        .sum()
}

/// The `json` baseline of `diff`: both sides parsed and written.
fn json_of_pairs(pairs: &[(String, String)]) -> usize {
    pairs
        .iter()
        .map(|(a, b)| json::to_string(&parse(a)).len() + json::to_string(&parse(b)).len())
        .sum()
}

/// `n` responses, the seed and a small synchronization response in turn,
/// each with its own `DtsJobId`.
fn many(n: usize) -> Vec<String> {
    let small = large_json(3);
    (0..n)
        .map(|i| {
            let template = if i % 2 == 0 { SEED_JSON } else { small.as_str() };
            template.replacen(
                "\"DtsJobId\":",
                &format!("\"DtsJobId\":\"bench-{i}\",\"Unused\":"),
                1,
            )
        })
        .collect()
}

/// A copy of `doc` whose first status changed (what `diff` reports).
fn changed(doc: &str) -> String {
    let key = doc.find("\"Status\":").expect("a status") + "\"Status\":".len();
    let quote = key + doc[key..].find('"').expect("a text value") + 1;
    format!("{}Failed{}", &doc[..quote], &doc[quote..])
}

fn group(c: &mut Criterion, name: &str, docs: &[String]) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let pairs: Vec<(String, String)> = docs.iter().map(|d| (d.clone(), changed(d))).collect();
    assert!(diff_of(&pairs) >= docs.len(), "every pair differs");
    let mut g = c.benchmark_group(name);
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("json", |b| b.iter(|| json_of(black_box(docs))));
    for format in [ExportFormat::Csv, ExportFormat::Ndjson, ExportFormat::Parquet] {
        g.bench_function(format!("export_{}", format.as_str()), |b| {
            b.iter(|| export(black_box(docs), format))
        });
    }
    g.bench_function("metrics", |b| b.iter(|| metrics(black_box(docs))));
    g.throughput(Throughput::Bytes(2 * bytes as u64));
    g.bench_function("json_both_sides", |b| b.iter(|| json_of_pairs(black_box(&pairs))));
    g.bench_function("diff", |b| b.iter(|| diff_of(black_box(&pairs))));
    g.finish();
}

fn bench(c: &mut Criterion) {
    let (count, sub_jobs) = if measuring() { (10_000, 8_700) } else { (100, 150) };
    group(c, "many", &many(count));
    group(c, "one_large", &[large_json(sub_jobs)]);
}

criterion_group!(benches, bench);
criterion_main!(benches);
