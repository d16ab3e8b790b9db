//! The command-line contract (README, "Command line"), run against the built binary.
#![cfg(feature = "cli")]

#[path = "common/cli.rs"]
mod common;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Output, Stdio};

use common::{bin, code, run, scratch, text};

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let written = child.stdin.take().expect("stdin").write_all(input);
    // the tool may stop reading early (a refused flag, a size limit)
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("the binary exits")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
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

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_not_walked() {
    use std::os::unix::fs::symlink;
    let dir = scratch("links");
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::copy(fixture("seed.json"), dir.join("a.json")).unwrap();
    std::fs::copy(fixture("seed.xml"), dir.join("sub/b.xml")).unwrap();
    symlink(".", dir.join("l1")).unwrap();
    symlink("..", dir.join("sub/l2")).unwrap();
    symlink("a.json", dir.join("c.json")).unwrap();
    let d = dir.display().to_string();

    // links are not followed: each real file once, each link to a folder or
    // a document reported (nothing is skipped silently)
    let out = run(&["inspect", &d]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 2, "{}", text(&out.stdout));
    let stderr = text(&out.stderr);
    assert_eq!(
        stderr.matches("a symbolic link, not followed").count(),
        3,
        "{stderr}"
    );

    // followed: each file still once, the loops reported, the walk ends
    let out = run(&["inspect", "--follow", &d]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 2, "{}", text(&out.stdout));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.matches("symbolic link loop").count(), 2, "{stderr}");

    // a link named on the command line is read
    let out = run(&["json", &dir.join("c.json").display().to_string()]);
    assert_eq!(code(&out), 0);
}

#[cfg(unix)]
#[test]
fn reading_stops_at_the_size_limit() {
    let started = std::time::Instant::now();
    let out = run(&["json", "--max-size", "100000", "/dev/zero"]);
    assert_eq!(code(&out), 2);
    assert!(
        text(&out.stderr).contains("larger than the limit of 100000 bytes"),
        "{}",
        text(&out.stderr)
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));

    let big = std::fs::read(fixture("seed.json")).unwrap();
    let out = run_stdin(&["json", "--max-size", "100"], &big);
    assert_eq!(code(&out), 2);

    // one NDJSON line over the limit is refused; the others are read
    let small = r#"{"RequestId":"r"}"#;
    let long = format!(r#"{{"RequestId":"{}"}}"#, "x".repeat(5000));
    let log = format!("{small}\n{long}\n{small}\n");
    let out = run_stdin(&["inspect", "--ndjson", "--max-size", "1000"], log.as_bytes());
    assert_eq!(code(&out), 2);
    assert_eq!(text(&out.stdout).lines().count(), 2);
    assert!(
        text(&out.stderr).contains("<stdin>:2: larger than the limit"),
        "{}",
        text(&out.stderr)
    );

    let deep = format!("{}1{}", r#"{"A":"#.repeat(10), "}".repeat(10));
    assert_eq!(
        code(&run_stdin(&["json", "--max-depth", "5"], deep.as_bytes())),
        2
    );
    assert_eq!(
        code(&run_stdin(&["json", "--max-depth", "20"], deep.as_bytes())),
        0
    );
    // a depth the parser cannot honour is refused, not silently lowered
    for beyond in ["0", "1025", "many"] {
        let out = run_stdin(&["json", "--max-depth", beyond], deep.as_bytes());
        assert_eq!(code(&out), 2, "{beyond}");
        assert!(
            text(&out.stderr).contains("from 1 to 1024"),
            "{}",
            text(&out.stderr)
        );
    }

    // a regular file known to be larger than the limit is refused unread
    let big = scratch("size-limit").join("big.json");
    std::fs::write(&big, format!(r#"{{"RequestId":"{}"}}"#, "x".repeat(5000))).unwrap();
    let out = run(&["json", "--max-size", "1000", big.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("larger than the limit of 1000 bytes"));
}

#[test]
fn one_document_per_line_and_text_escaped() {
    let input = br#"{"RequestId":"r","DtsJobId":"j","Success":false,"ErrCode":"E\nX","ErrMessage":"line one\nline two \u001b[31mred"}"#;
    let printable = String::from_utf8_lossy(input).replace(r"\u001b[31m", "");
    let xml = run_stdin(&["xml"], printable.as_bytes());
    assert_eq!(code(&xml), 0);
    assert_eq!(text(&xml.stdout).lines().count(), 1, "line breaks are references");
    assert!(text(&xml.stdout).contains("line one&#10;line two"));
    let inspect = run_stdin(&["inspect"], input);
    let line = text(&inspect.stdout);
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(
        !line.contains('\x1b'),
        "no escape sequence reaches the terminal: {line}"
    );
    assert!(line.contains(r"line one\nline two \u{1b}[31mred"), "{line}");
    let check = run_stdin(&["check"], input);
    assert!(!text(&check.stdout).contains('\x1b'));
}

#[test]
fn xml_output_is_well_formed_or_refused() {
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json" || e == "xml") {
            let out = run(&["xml", &path.display().to_string()]);
            assert_eq!(code(&out), 0, "{}", path.display());
            let doc = text(&out.stdout);
            roxmltree::Document::parse(doc.trim_end())
                .unwrap_or_else(|e| panic!("{}: {e}\n{doc}", path.display()));
        }
    }
    // what XML 1.0 cannot carry is refused with a clear reason, not written
    for bad in [
        r#"{"RequestId":"a\u0001b"}"#,
        r#"{"RequestId":"a\uFFFEb"}"#,
        r#"{"µs":"1"}"#,
        r#"{"ns:Status":"1"}"#,
    ] {
        let out = run_stdin(&["xml"], bad.as_bytes());
        assert_eq!(code(&out), 2, "{bad}");
        assert!(text(&out.stdout).is_empty());
        assert!(
            text(&out.stderr).contains("cannot be written as XML"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn write_errors_exit_2() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = bin()
        .args(["json", &fixture("seed.json")])
        .stdout(full)
        .output()
        .expect("runs");
    assert_eq!(code(&out), 2);
    assert!(
        text(&out.stderr).contains("cannot write the output"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn colour_is_chosen() {
    let args = ["check", "--color", "always", &fixture("diag/invalid-bool.json")];
    assert!(text(&run(&args).stdout).contains("\x1b["));
    let never = run(&["check", "--color", "never", &fixture("diag/invalid-bool.json")]);
    assert!(!text(&never.stdout).contains('\x1b'));
}

#[test]
fn format_only_where_it_applies_and_with_filename() {
    assert_eq!(
        code(&run(&["json", "--format", "json", &fixture("seed.json")])),
        2
    );
    assert_eq!(code(&run(&["xml", "--format", "text", &fixture("seed.json")])), 2);
    let out = run(&[
        "json",
        "--with-filename",
        &fixture("seed.json"),
        &fixture("seed.xml"),
    ]);
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["file"], fixture("seed.json"));
    assert_eq!(rows[0]["response"], rows[1]["response"]);
    assert_eq!(rows[1]["response"]["Checkpoint"], 1_616_405_159);
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(&["completions", shell]);
        assert_eq!(code(&out), 0, "{shell}");
        assert!(text(&out.stdout).contains("dts-job-detail"), "{shell}");
    }
    let man = run(&["man"]);
    assert_eq!(code(&man), 0);
    let page = text(&man.stdout);
    assert!(page.starts_with(".ie") || page.contains(".TH"), "{page}");
    assert!(page.contains("inspect"));
}

/// Runs the tool in a pseudo-terminal (stdout and stderr on one screen) and
/// returns the screen, big enough for every line.
#[cfg(unix)]
fn on_a_terminal(args: &[&str], env: &[(&str, &str)], rows: u16) -> (vt100::Parser, Vec<u8>) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let size = PtySize {
        rows,
        cols: 240,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pair = native_pty_system().openpty(size).expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dts-job-detail"));
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.args(args);
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).expect("spawns");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut raw = Vec::new();
    let _ = reader.read_to_end(&mut raw);
    let _ = child.wait();
    let nonzero = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
    let mut screen = vt100::Parser::new(nonzero(rows), nonzero(240), 0);
    screen.process(&raw);
    (screen, raw)
}

#[cfg(unix)]
#[test]
fn progress_never_shares_a_line_with_output() {
    // a folder large enough for the bar to be drawn while results print
    let dir = scratch("many");
    let seed = std::fs::read(fixture("sync_subjobs.json")).unwrap();
    for i in 0..1500 {
        std::fs::write(dir.join(format!("r{i:04}.json")), &seed).unwrap();
    }
    let d = dir.display().to_string();
    let (screen, raw) = on_a_terminal(&["inspect", &d], &[], 1600);
    let raw = String::from_utf8_lossy(&raw);
    assert!(raw.contains("documents"), "the bar was drawn");
    let rows: Vec<String> = screen.screen().rows(0, 240).collect();
    let results: Vec<&String> = rows.iter().filter(|r| r.contains("synchronization")).collect();
    assert_eq!(results.len(), 1500, "every result on its own line");
    for row in &results {
        assert!(row.starts_with(&d), "a result starts at column 0: {row:?}");
        assert!(
            !row.contains("documents") && !row.contains("=>"),
            "no bar in a result line: {row:?}"
        );
    }
    assert!(
        !rows.iter().any(|r| r.contains("documents")),
        "the bar is cleared at the end"
    );
    // --no-progress: no bar at all, the results still printed
    let (_, raw) = on_a_terminal(&["inspect", "--no-progress", &d], &[], 1600);
    let shown = String::from_utf8_lossy(&raw);
    assert!(!shown.contains("documents"));
    assert!(shown.contains("delay"), "{shown}");
}

#[cfg(unix)]
#[test]
fn colour_follows_the_terminal_and_no_color() {
    let args = ["check", &fixture("diag/invalid-bool.json")];
    let (_, raw) = on_a_terminal(&args, &[], 40);
    assert!(raw.windows(2).any(|w| w == b"\x1b["), "colour on a terminal");
    let (_, raw) = on_a_terminal(&args, &[("NO_COLOR", "")], 40);
    let shown = String::from_utf8_lossy(&raw);
    assert!(
        shown.contains("\x1b[31m"),
        "an empty NO_COLOR does not disable colour: {shown:?}"
    );
    let (_, raw) = on_a_terminal(&args, &[("NO_COLOR", "1")], 40);
    assert!(!String::from_utf8_lossy(&raw).contains("\x1b[31m"));
}

#[test]
fn every_document_of_a_long_log_is_read() {
    let line = std::fs::read_to_string(fixture("seed.json"))
        .expect("fixture")
        .replace('\n', " ");
    let input = format!("{line}\n").repeat(700);
    let out = run_stdin(&["inspect", "--ndjson", "--format", "json"], input.as_bytes());
    assert_eq!(code(&out), 0);
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 700, "several batches, all printed");
    assert_eq!(rows[699]["line"], 700, "in input order");
}

#[test]
fn export_takes_its_format_from_the_flag_or_the_extension() {
    let dir = scratch("export");
    // CSV to stdout: a header and one line per job, unreadable inputs named
    let out = run(&[
        "export",
        "--format",
        "csv",
        "--output",
        "-",
        "fixtures/sync_subjobs.xml",
        "tests/cli-data/mixed/truncated.json",
    ]);
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("truncated.json"));
    let csv = text(&out.stdout);
    assert!(csv.starts_with("file,pointer,parent_pointer,depth,request_id,"));
    // a record per job (a quoted message may span lines); the top job's
    // parent is null, its sub-jobs' parent the empty pointer
    assert_eq!(csv.matches("\nfixtures/sync_subjobs.xml,").count(), 5, "{csv}");
    assert!(csv.contains("\nfixtures/sync_subjobs.xml,\"\",,0,"), "{csv}");
    assert!(
        csv.contains("\nfixtures/sync_subjobs.xml,/SubSyncJob/0,\"\",1,"),
        "{csv}"
    );
    // NDJSON by extension
    let ndjson = dir.join("jobs.jsonl");
    let out = run(&[
        "export",
        "--output",
        ndjson.to_str().unwrap(),
        "fixtures/seed.json",
    ]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let rows: Vec<serde_json::Value> = std::fs::read_to_string(&ndjson)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["task_kind"], "migration");
    // written beside its place, then renamed: no partial file is left
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["jobs.jsonl"]);
    // an extension that says nothing: refused before reading
    let out = run(&[
        "export",
        "--output",
        dir.join("jobs.out").to_str().unwrap(),
        "fixtures/seed.json",
    ]);
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("--format"), "{}", text(&out.stderr));
    // Parquet: the file starts and ends with the format's magic
    let parquet = dir.join("jobs.parquet");
    let out = run(&["export", "--output", parquet.to_str().unwrap(), "fixtures"]);
    if cfg!(feature = "parquet") {
        assert_eq!(code(&out), 0, "{}", text(&out.stderr));
        let bytes = std::fs::read(&parquet).unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    } else {
        assert_eq!(code(&out), 2);
        assert!(text(&out.stderr).contains("`parquet` feature"));
    }
}

#[test]
fn metrics_and_schema_print_their_documents() {
    let out = run(&["metrics", "fixtures/seed.json", "fixtures/seed.xml"]);
    assert_eq!(code(&out), 0);
    let exposition = text(&out.stdout);
    // one HELP per family, whatever the number of inputs
    assert_eq!(exposition.matches("# HELP dts_job_info ").count(), 1);
    assert_eq!(exposition.matches("\ndts_job_info{").count(), 2);

    let out = run(&["schema"]);
    assert_eq!(code(&out), 0);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(schema["$defs"]["JobDetail"]["properties"]["SubSyncJob"].is_object());
}
