//! The command-line contract (README, "Command line"), run against the built binary.
#![cfg(feature = "cli")]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dts-job-detail"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("NO_COLOR");
    cmd
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("the binary exits")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

fn fixture(name: &str) -> String {
    PathBuf::from("fixtures").join(name).display().to_string()
}

#[test]
fn json_and_xml_print_canonical_documents() {
    let a = run(&["json", &fixture("seed.json")]);
    let b = run(&["json", &fixture("seed.xml")]);
    assert_eq!((code(&a), code(&b)), (0, 0));
    assert_eq!(a.stdout, b.stdout, "both forms print the same canonical JSON");
    assert!(text(&a.stdout).starts_with(r#"{"Checkpoint":1616405159,"#));
    assert_eq!(text(&a.stdout).lines().count(), 1);

    let x = run(&["xml", &fixture("seed.json")]);
    assert_eq!(code(&x), 0);
    let xml = text(&x.stdout);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeDtsJobDetailResponse>"));
    // the printed XML reads back to the same canonical JSON
    let back = run_stdin(&["json"], xml.as_bytes());
    assert_eq!(back.stdout, a.stdout);
}

#[test]
fn gateway_envelopes_print_and_inspect() {
    let out = run(&["xml", &fixture("gateway_error.json")]);
    assert_eq!(code(&out), 0);
    assert!(text(&out.stdout).contains("<Error><Code>Forbidden.InstanceNotFound</Code>"));
    let out = run(&["json", &fixture("gateway_error.xml")]);
    assert_eq!(code(&out), 0);
    let out = run(&["inspect", "--format", "json", &fixture("gateway_error.xml")]);
    let rows = json_lines(&out);
    assert_eq!(rows[0]["ErrorCode"], "Forbidden.InstanceNotFound");
    assert_eq!(rows[0]["TaskKind"], "unknown");
}

#[test]
fn inspect_json_has_the_contract_fields() {
    let out = run(&[
        "inspect",
        "--format",
        "json",
        &fixture("sync_subjobs.json"),
        &fixture("migration.xml"),
    ]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 2);
    for row in &rows {
        for key in [
            "TaskKind",
            "Status",
            "StatusKnown",
            "DelayMillis",
            "Checkpoint",
            "ErrorCode",
            "ErrorMessage",
            "SubJobs",
        ] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
    }
    assert_eq!(rows[0]["TaskKind"], "synchronization");
    assert_eq!(rows[0]["Status"], "synchronizing");
    assert_eq!(rows[0]["StatusKnown"], true);
    assert_eq!(rows[0]["DelayMillis"], 2000);
    assert_eq!(rows[0]["Checkpoint"], 1_616_405_159);
    assert_eq!(rows[0]["SubJobs"], 4);
    assert_eq!(rows[1]["TaskKind"], "migration");
    assert_eq!(rows[1]["DelayMillis"], 1500);
    let biz = json_lines(&run(&[
        "inspect",
        "--format",
        "json",
        &fixture("business_error.json"),
    ]));
    assert_eq!(biz[0]["ErrorCode"], "InvalidParameter");
    assert_eq!(
        biz[0]["ErrorMessage"],
        "The Value of Input Parameter DtsJobId is not valid."
    );
}

#[test]
fn inspect_text_is_one_aligned_line_per_response() {
    let out = run(&["inspect", &fixture("seed.json"), &fixture("change_tracking.xml")]);
    assert_eq!(code(&out), 0);
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].contains("migration") && lines[0].contains("Migrating"),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[0].find("migration"),
        lines[1].find("change-tracking"),
        "columns align"
    );
    assert!(
        !text(&out.stdout).contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn task_kind_option_changes_decoding() {
    let input = br#"{"RequestId":"r","DtsJobId":"j","Status":"Failed","Delay":5}"#;
    let plain = json_lines(&run_stdin(&["inspect", "--format", "json"], input));
    assert_eq!(
        (plain[0]["TaskKind"].as_str(), plain[0]["DelayMillis"].is_null()),
        (Some("unknown"), true)
    );
    let mig = json_lines(&run_stdin(
        &["inspect", "--format", "json", "--task-kind", "migration"],
        input,
    ));
    assert_eq!(
        (mig[0]["TaskKind"].as_str(), mig[0]["DelayMillis"].as_u64()),
        (Some("migration"), Some(5))
    );
    let ct = json_lines(&run_stdin(
        &["inspect", "--format", "json", "--task-kind", "change-tracking"],
        input,
    ));
    assert_eq!(ct[0]["DelayMillis"], 5000);
    let bad = run(&["inspect", "--task-kind", "nonsense"]);
    assert_eq!(code(&bad), 2, "clap rejects an unknown kind");
}

#[test]
fn check_exit_codes_and_strict() {
    let clean = run(&["check", &fixture("seed.json"), &fixture("seed.xml")]);
    assert_eq!(code(&clean), 0, "{}", text(&clean.stdout));
    assert_eq!(
        text(&clean.stdout).trim(),
        "2 responses checked: 0 errors, 0 warnings"
    );

    let warn = run(&["check", &fixture("diag/ambiguous-unit.json")]);
    assert_eq!(code(&warn), 0, "warnings alone pass");
    let strict = run(&["check", "--strict", &fixture("diag/ambiguous-unit.json")]);
    assert_eq!(code(&strict), 1, "--strict turns the warning into an error");
    assert!(text(&strict.stdout).contains("error    ambiguous-unit"));

    let err = run(&["check", &fixture("diag/invalid-timestamp.xml")]);
    assert_eq!(code(&err), 1);
    // json/inspect exit 0 whatever the diagnostics
    assert_eq!(code(&run(&["json", &fixture("diag/invalid-timestamp.xml")])), 0);
    assert_eq!(
        code(&run(&["inspect", &fixture("diag/invalid-timestamp.xml")])),
        0
    );

    // strict refuses an unexpected XML root: unreadable → 2
    let root = run(&["json", "--strict", &fixture("diag/unexpected-root.xml")]);
    assert_eq!(code(&root), 2);
    assert_eq!(code(&run(&["json", &fixture("diag/unexpected-root.xml")])), 0);
}

#[test]
fn check_json_is_one_object_per_diagnostic() {
    let out = run(&["check", "--format", "json", &fixture("diag/invalid-number.xml")]);
    assert_eq!(code(&out), 1);
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(row["file"], fixture("diag/invalid-number.xml"));
        for key in ["path", "code", "severity", "message"] {
            assert!(row[key].is_string(), "{key} in {row}");
        }
    }
    assert_eq!(rows[0]["path"], "/Delay");
    assert_eq!(rows[0]["code"], "invalid-number");
    assert_eq!(rows[0]["severity"], "error");
}

#[test]
fn a_folder_mixing_good_and_broken_files() {
    let out = run(&["inspect", "tests/cli-data/mixed"]);
    assert_eq!(code(&out), 2, "some inputs could not be read");
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        2,
        "both good files (one nested) are still printed: {stdout}"
    );
    let stderr = text(&out.stderr);
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 3, "one line per broken file: {stderr}");
    assert!(
        errors
            .iter()
            .any(|l| l.contains("doctype.xml") && l.contains("DOCTYPE"))
    );
    assert!(
        errors
            .iter()
            .any(|l| l.contains("truncated.json") && l.contains("EOF"))
    );
    assert!(
        errors
            .iter()
            .any(|l| l.contains("notes.json") && l.contains("neither JSON"))
    );
    assert!(!stderr.contains("readme.txt"), "other extensions are skipped");
    assert!(!stderr.contains("panicked"));
    // sorted, deterministic order
    assert!(stdout.find("good.json") < stdout.find("nested/good.xml"));
}

#[test]
fn ndjson_log_with_a_broken_line() {
    let out = run(&[
        "inspect",
        "--ndjson",
        "--format",
        "json",
        "tests/cli-data/log.ndjson",
    ]);
    assert_eq!(code(&out), 2);
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 3, "blank lines skipped, the broken one reported");
    assert_eq!(
        rows.iter()
            .map(|r| r["line"].as_u64().unwrap_or(0))
            .collect::<Vec<_>>(),
        [1, 3, 5]
    );
    assert_eq!(rows[2]["ErrorCode"], "Forbidden.InstanceNotFound");
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1);
    assert!(stderr.contains("log.ndjson:4"), "{stderr}");

    let check = run(&[
        "check",
        "--ndjson",
        "--format",
        "json",
        "tests/cli-data/log.ndjson",
    ]);
    let rows = json_lines(&check);
    assert!(
        rows.iter()
            .any(|r| r["code"] == "invalid-timestamp" && r["line"] == 3)
    );
}

#[test]
fn stdin_by_dash_and_by_default() {
    let input = std::fs::read(fixture("seed.xml")).expect("fixture");
    let dash = run_stdin(&["json", "-"], &input);
    let default = run_stdin(&["json"], &input);
    assert_eq!(code(&dash), 0);
    assert_eq!(dash.stdout, default.stdout);
    let bad = run_stdin(&["json"], b"\xff\xfe<\x00");
    assert_eq!(code(&bad), 2);
    assert!(text(&bad.stderr).starts_with("dts-job-detail: <stdin>: UTF-16"));
    let missing = run(&["json", "no/such/file.json"]);
    assert_eq!(code(&missing), 2);
    assert!(text(&missing.stderr).contains("no/such/file.json"));
}

#[test]
fn closed_pipe_ends_quietly() {
    let line = std::fs::read_to_string(fixture("seed.json"))
        .expect("fixture")
        .replace('\n', " ");
    let input = format!("{line}\n").repeat(20_000);
    let mut child = bin()
        .args(["json", "--ndjson"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("exits");
    let _ = writer.join();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "quiet on a closed pipe: {stderr}");
}

#[test]
fn no_color_and_help() {
    let out = bin()
        .env("NO_COLOR", "1")
        .args(["check", &fixture("diag/invalid-bool.json")])
        .output()
        .expect("runs");
    assert!(!text(&out.stdout).contains('\x1b'));
    let help = run(&["--help"]);
    assert_eq!(code(&help), 0);
    for sub in ["json", "xml", "check", "inspect"] {
        let h = run(&[sub, "--help"]);
        let t = text(&h.stdout);
        assert!(
            t.contains("Examples:") && t.contains("--ndjson") && t.contains("--task-kind"),
            "{sub}: {t}"
        );
    }
    let version = run(&["--version"]);
    assert!(text(&version.stdout).starts_with("dts-job-detail "));
}
