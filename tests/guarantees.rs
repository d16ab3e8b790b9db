//! The guarantee matrix: every subcommand of the command line (listed from
//! its own `--help`, so a new one joins the matrix or fails this test) ×
//! every hostile input (tests/common/hostile.rs), each run in its own
//! process, timed out after two minutes, with its own peak memory read by
//! `wait4`. Each run ends with exit 0, 1 or 2 (never a panic or a signal),
//! holds at most 8 × its input + 64 MiB, and 4 × the input takes at most
//! 6 × the time. The library's entry points are tests/memory.rs's matrix.
//!
//! A test binary of its own without the test harness (`harness = false`):
//! it runs alone, so runs do not compete for the cores, and each run is
//! measured from a fresh copy of this binary (`measured::run_fresh`), so
//! the inputs this process builds do not count in a run's peak.

fn main() {
    #[cfg(target_os = "linux")]
    linux::main();
}

#[cfg(target_os = "linux")]
#[path = "common/hostile.rs"]
mod hostile;
#[cfg(target_os = "linux")]
#[path = "common/measured.rs"]
mod measured;

#[cfg(target_os = "linux")]
#[path = "common/cli.rs"]
mod cli;

#[cfg(target_os = "linux")]
mod linux {
    use super::{hostile, measured};

    use std::path::{Path, PathBuf};
    use std::process::Command;
    use std::time::Duration;

    use measured::Run;

    const MIB: u64 = 1 << 20;
    /// Each hostile document is made at this size and at 4 × (the pair whose
    /// times are compared)…
    const SIZE: usize = 512 * 1024;
    /// …and at this size, small enough that the floods are read, not refused:
    /// the budget's 48 MiB floor is what bounds them there.
    const SMALL: usize = 64 * 1024;

    /// Runs the tool with `args`, its output discarded, from a fresh process.
    fn run(args: &[String]) -> Run {
        measured::run_fresh(env!("CARGO_BIN_EXE_dts-job-detail"), args)
    }

    /// What a subcommand reads.
    #[derive(Clone, Copy, PartialEq)]
    enum Reads {
        /// Documents (files, folders, stdin), with `--ndjson` and `--max-size`.
        Documents,
        /// Two documents, with `--max-size`.
        Pair,
        /// Nothing.
        Nothing,
    }

    /// How the matrix calls each subcommand: its arguments before the inputs.
    fn invocation(name: &str, scratch: &Path) -> (Vec<String>, Reads) {
        let args = |a: &[&str]| a.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        match name {
            "json" | "xml" | "check" | "inspect" | "metrics" | "jobs" => (args(&[name]), Reads::Documents),
            "export" => {
                let out = scratch.join("out.csv").display().to_string();
                (
                    args(&["export", "--format", "csv", "--output", &out]),
                    Reads::Documents,
                )
            }
            "diff" => (args(&["diff"]), Reads::Pair),
            "schema" | "man" => (args(&[name]), Reads::Nothing),
            "completions" => (args(&["completions", "bash"]), Reads::Nothing),
            other => {
                panic!("the subcommand {other:?} is not in the guarantee matrix: say how to call it here")
            }
        }
    }

    fn scratch() -> PathBuf {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("guarantees");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    /// Checks one run: a clean end, memory within 8 × `input` + 64 MiB.
    fn check(what: &str, run: &Run, input: u64) {
        let bound_kib = (8 * input + 64 * MIB) / 1024;
        eprintln!(
            "{what}: exit {}, peak {} KiB (bound {bound_kib}), {:?}",
            run.code, run.peak_kib, run.time
        );
        assert!((0..=2).contains(&run.code), "{what}: exit {}", run.code);
        assert!(
            run.peak_kib <= bound_kib,
            "{what}: peak {} KiB > {bound_kib} KiB",
            run.peak_kib
        );
    }

    pub fn main() {
        if measured::serve_as_runner() {
            return;
        }
        every_subcommand_holds_its_guarantees_on_every_hostile_input();
        println!("guarantees: 1 passed, 0 failed");
    }

    fn every_subcommand_holds_its_guarantees_on_every_hostile_input() {
        let dir = scratch();
        let commands: Vec<(String, Vec<String>, Reads)> = super::cli::subcommands()
            .into_iter()
            .map(|name| {
                let (args, reads) = invocation(&name, &dir);
                (name, args, reads)
            })
            .collect();

        // small documents: memory only
        for doc in hostile::documents(SMALL) {
            let path = dir.join("tiny");
            std::fs::write(&path, &doc.bytes).expect("write");
            for (name, args, reads) in &commands {
                let files = match reads {
                    Reads::Documents => 1,
                    Reads::Pair => 2,
                    Reads::Nothing => continue,
                };
                let mut argv = args.clone();
                argv.extend(std::iter::repeat_n(path.display().to_string(), files));
                let input = (files * doc.bytes.len()) as u64;
                check(
                    &format!("{name} × {} ({input} bytes)", doc.name),
                    &run(&argv),
                    input,
                );
            }
        }

        // the hostile documents, at SIZE and 4 × SIZE, written and dropped (a
        // child's peak counts this process's memory until it execs)
        let mut inputs = Vec::new();
        for (i, (s, l)) in hostile::documents(SIZE)
            .into_iter()
            .zip(hostile::documents(4 * SIZE))
            .enumerate()
        {
            let (s_path, l_path) = (dir.join(format!("{i}.small")), dir.join(format!("{i}.large")));
            std::fs::write(&s_path, &s.bytes).expect("write");
            std::fs::write(&l_path, &l.bytes).expect("write");
            inputs.push((s.name, [(s_path, s.bytes.len()), (l_path, l.bytes.len())]));
        }
        for (doc, sizes) in &inputs {
            for (name, args, reads) in &commands {
                let files = match reads {
                    Reads::Documents => 1,
                    Reads::Pair => 2,
                    Reads::Nothing => continue,
                };
                let mut times = Vec::new();
                for (path, len) in sizes {
                    let mut argv = args.clone();
                    argv.extend(std::iter::repeat_n(path.display().to_string(), files));
                    let r = run(&argv);
                    let input = files as u64 * *len as u64;
                    check(&format!("{name} × {doc} ({input} bytes)"), &r, input);
                    times.push(r.time);
                }
                // linear: the time ratio scaled to an input ratio of exactly 4 is
                // at most 6; process start-up and noise below 50 ms do not count;
                // a ratio over the bound is measured again (the shorter of two
                // runs each), so one slow run on a busy machine does not fail it
                let input_ratio = sizes[1].1 as f64 / sizes[0].1 as f64;
                let ratio = |times: &[Duration]| {
                    let floor = Duration::from_millis(50);
                    times[1].as_secs_f64() / times[0].max(floor).as_secs_f64() * 4.0 / input_ratio
                };
                let mut seen = ratio(&times);
                if seen > 6.0 {
                    for (i, (path, _)) in sizes.iter().enumerate() {
                        let mut argv = args.clone();
                        argv.extend(std::iter::repeat_n(path.display().to_string(), files));
                        times[i] = times[i].min(run(&argv).time);
                    }
                    seen = ratio(&times);
                }
                assert!(
                    seen <= 6.0,
                    "{name} × {doc}: 4 × the input took {seen:.1} × the time"
                );
            }
        }

        // an endless stream (a private zero device; the machine's own where
        // mknod is not allowed: reading it harms nothing) and an over-long NDJSON
        // line without a line feed, each read up to --max-size
        let zero = dir.join("zero");
        let made = Command::new("mknod")
            .args([zero.to_str().expect("UTF-8"), "c", "1", "5"])
            .status()
            .is_ok_and(|s| s.success());
        let zero = if made { zero } else { PathBuf::from("/dev/zero") };
        let line = dir.join("line.ndjson");
        std::fs::write(&line, hostile::endless_line(4 * SIZE)).expect("write");
        let max = (SIZE / 4).to_string();
        for (name, args, reads) in &commands {
            let mut cases: Vec<(&str, Vec<String>)> = Vec::new();
            let with = |extra: &[&str], input: &Path, n: usize| {
                let mut argv = args.clone();
                argv.extend(extra.iter().map(|s| (*s).to_owned()));
                argv.extend(std::iter::repeat_n(input.display().to_string(), n));
                argv
            };
            match reads {
                Reads::Documents => {
                    cases.push(("an endless stream", with(&["--max-size", &max], &zero, 1)));
                    cases.push((
                        "an endless NDJSON line",
                        with(&["--ndjson", "--max-size", &max], &zero, 1),
                    ));
                    cases.push((
                        "an over-long NDJSON line without a line feed",
                        with(&["--ndjson", "--max-size", &max], &line, 1),
                    ));
                }
                Reads::Pair => cases.push(("an endless stream", with(&["--max-size", &max], &zero, 2))),
                Reads::Nothing => cases.push(("no input", args.clone())),
            }
            for (what, argv) in cases {
                let r = run(&argv);
                // what is held: at most the limit per input (the rest is skipped or refused)
                check(&format!("{name} × {what}"), &r, 4 * SIZE as u64);
                if *reads != Reads::Nothing {
                    assert_eq!(r.code, 2, "{name} × {what}: refused, exit 2");
                }
            }
        }
    }
}
