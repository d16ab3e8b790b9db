//! Running the built binary from a test (tests/cli.rs, tests/jobs.rs,
//! tests/reliability.rs, tests/guarantees.rs).
//! (Each includer uses part of it.)
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// The binary, run from the repository's root, colour left to its flags.
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dts-job-detail"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("NO_COLOR");
    cmd
}

/// Runs the binary with `args`, its output captured.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

/// The subcommands, as `--help` lists them (`help` aside).
pub fn subcommands() -> Vec<String> {
    let help = text(&run(&["--help"]).stdout);
    let listed: Vec<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|name| name != "help")
        .collect();
    assert!(listed.len() >= 10, "{help}");
    listed
}

/// Output as text: the tool writes UTF-8.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// The exit code (a run ended by a signal has none: a failure here).
pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

/// A fresh folder under the target's temporary directory, one per test
/// binary (`CARGO_CRATE_NAME`) and name.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(env!("CARGO_CRATE_NAME"))
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}
