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
