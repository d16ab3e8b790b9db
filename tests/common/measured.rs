//! One run of a program, with its own peak memory (`wait4`'s resource usage)
//! and its time (tests/guarantees.rs, benches/hostile.rs). Linux only.

use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How a run ended, what it held at most, how long it took.
#[derive(Debug)]
pub struct Run {
    /// The exit code, or minus the signal that ended it.
    pub code: i32,
    /// The peak resident memory, in KiB (the child's own, from `wait4`).
    pub peak_kib: u64,
    /// Wall time from spawn to exit.
    pub time: Duration,
}

/// Runs `command`, its output discarded, and measures it; killed after two
/// minutes.
// the child is reaped by `wait4` (which std's `wait` cannot replace: it
// gives no resource usage)
#[allow(clippy::zombie_processes)]
pub fn run(command: &mut Command) -> Run {
    let start = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let (done, watch) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if watch.recv_timeout(Duration::from_secs(120)) == Err(mpsc::RecvTimeoutError::Timeout) {
            // SAFETY: signals our own child, which has not been waited for yet.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    });
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of that plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, waited for only here; both pointers are
    // valid for writes for the duration of the call.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let _ = done.send(());
    let _ = watchdog.join();
    assert_eq!(waited, pid, "wait4 failed for {command:?}");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    };
    Run {
        code,
        peak_kib: u64::try_from(usage.ru_maxrss).unwrap_or(u64::MAX),
        time: start.elapsed(),
    }
}

/// Set on this executable when it is started again as a runner.
const RUNNER: &str = "DTS_JOB_DETAIL_MEASURE_RUNNER";

/// Runs `program` with `args` from a fresh process: this executable started
/// again as a runner (see [`serve_as_runner`]). A child's peak as `wait4`
/// reports it is at least its parent's own peak at the moment it started it
/// (Linux keeps the larger of the two across `exec`), so a parent that has
/// held large inputs would see them in every figure; the runner holds none.
pub fn run_fresh(program: &str, args: &[String]) -> Run {
    let exe = std::env::current_exe().expect("this executable");
    let out = Command::new(exe)
        .env(RUNNER, "1")
        .arg(program)
        .args(args)
        .output()
        .expect("the runner starts");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("MEASURED "))
        .unwrap_or_else(|| panic!("the runner reported nothing: {text}"));
    let fields: Vec<i64> = line.split(' ').filter_map(|f| f.parse().ok()).collect();
    match fields.as_slice() {
        [code, peak, nanos] => Run {
            code: i32::try_from(*code).unwrap_or(i32::MIN),
            peak_kib: u64::try_from(*peak).unwrap_or(0),
            time: Duration::from_nanos(u64::try_from(*nanos).unwrap_or(0)),
        },
        _ => panic!("the runner's report is not three numbers: {line}"),
    }
}

/// When this executable was started as a runner: runs the program of its
/// arguments, prints `MEASURED code peak_kib nanoseconds` and returns true.
pub fn serve_as_runner() -> bool {
    if std::env::var_os(RUNNER).is_none() {
        return false;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((program, rest)) = args.split_first() else {
        return true;
    };
    let run = run(Command::new(program).args(rest));
    println!("MEASURED {} {} {}", run.code, run.peak_kib, run.time.as_nanos());
    true
}
