//! The guarantee matrix's figures: every subcommand that reads × every
//! hostile input (tests/common/hostile.rs) at 16 MiB, run by the release
//! binary: exit code, peak resident memory (the process's own, from
//! `wait4`) and time. Not a criterion bench: a memory peak is one number
//! per run. `cargo bench --features cli --bench hostile` prints the table the
//! README's "Limits" section shows; `cargo test --benches --all-features`
//! runs it at 64 KiB as a smoke test.

#[cfg(target_os = "linux")]
#[path = "../tests/common/hostile.rs"]
mod hostile;
#[cfg(target_os = "linux")]
#[path = "../tests/common/measured.rs"]
mod measured;

#[cfg(target_os = "linux")]
fn main() {
    // each run is measured from a fresh copy of this process (see `run_fresh`)
    if measured::serve_as_runner() {
        return;
    }
    let full = std::env::args().any(|a| a == "--bench");
    let size = if full { 16 << 20 } else { 64 << 10 };
    let dir = std::env::temp_dir().join(format!("dts-job-detail-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let bin = env!("CARGO_BIN_EXE_dts-job-detail");
    let out = dir.join("out.csv").display().to_string();
    let commands: [(&str, Vec<&str>); 7] = [
        ("json", vec!["json"]),
        ("xml", vec!["xml"]),
        ("check", vec!["check"]),
        ("inspect", vec!["inspect"]),
        ("export", vec!["export", "--format", "csv", "--output", &out]),
        ("metrics", vec!["metrics"]),
        ("diff", vec!["diff"]),
    ];
    println!(
        "| input ({} MiB) | command | exit | peak RSS | bound (8 × input + 64 MiB) | time |",
        size >> 20
    );
    println!("|---|---|---|---|---|---|");
    let mut inputs: Vec<(String, std::path::PathBuf, usize)> = Vec::new();
    for (i, doc) in hostile::documents(size).into_iter().enumerate() {
        let path = dir.join(format!("{i}.doc"));
        std::fs::write(&path, &doc.bytes).expect("write");
        inputs.push((doc.name.to_owned(), path, doc.bytes.len()));
    }
    let line = dir.join("line.ndjson");
    std::fs::write(&line, hostile::endless_line(size)).expect("write");
    inputs.push((
        "over-long NDJSON line (--ndjson --max-size 1 MiB)".to_owned(),
        line,
        size,
    ));
    for (name, path, len) in &inputs {
        for (command, args) in &commands {
            let mut argv: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
            let files = if *command == "diff" { 2 } else { 1 };
            if name.starts_with("over-long") {
                if *command == "diff" {
                    continue;
                }
                argv.extend(["--ndjson", "--max-size", "1048576"].map(str::to_owned));
            }
            argv.extend(std::iter::repeat_n(path.display().to_string(), files));
            let run = measured::run_fresh(bin, &argv);
            let input = (files * len) as f64;
            println!(
                "| {name} | {command} | {} | {:.1} MiB | {:.0} MiB | {:.2} s |",
                run.code,
                run.peak_kib as f64 / 1024.0,
                (8.0 * input) / f64::from(1 << 20) + 64.0,
                run.time.as_secs_f64()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(not(target_os = "linux"))]
fn main() {}
