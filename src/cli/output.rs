//! Where the tool writes: results on stdout, messages on stderr, and a
//! progress display on stderr that never shares a line with either.
//!
//! Every line goes through [`Output`]: while the progress bar is drawn, it is
//! cleared for the line and redrawn after it (`ProgressBar::suspend`), so a
//! terminal that shows both streams never has a result glued to the bar.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::destination::Destination;

/// Whether to colour text output.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum ColorChoice {
    /// When stdout is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub(crate) fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// Why writing stopped.
pub(crate) enum Stop {
    /// The reader of stdout went away (`| head`): end quietly.
    ClosedPipe,
    /// Any other failure (a full disk): reported, exit 2.
    Failed,
}

/// Standard output (through the output module), stderr and the progress display.
pub(crate) struct Output {
    out: io::BufWriter<Destination>,
    bar: ProgressBar,
    /// Whether stdout shares the terminal with the bar (then every write is
    /// flushed inside `suspend`).
    shared: bool,
    /// `--quiet`: results are not written (the exit code answers).
    silent: bool,
}

impl Output {
    /// Results to standard output (none when `silent`); a progress display
    /// on stderr when it is a terminal and not `no_progress`.
    pub(crate) fn new(no_progress: bool, silent: bool) -> Self {
        let visible = !no_progress && io::stderr().is_terminal();
        let bar = if visible {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(10));
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(100));
            bar
        } else {
            ProgressBar::hidden()
        };
        Output {
            out: io::BufWriter::with_capacity(64 * 1024, Destination::stdout()),
            bar,
            shared: visible && io::stdout().is_terminal(),
            silent,
        }
    }

    /// While folders are walked: how many documents so far.
    pub(crate) fn walking(&self, found: usize) {
        if found.is_multiple_of(64) {
            self.bar
                .set_message(format!("walking folders: {found} documents"));
        }
    }

    /// From now on: `total` documents to read (`None` for NDJSON, where only
    /// the count and rate are known).
    pub(crate) fn reading(&self, total: Option<usize>) {
        let template = match total {
            Some(total) => {
                self.bar.set_length(total as u64);
                "{bar:30} {human_pos}/{human_len} documents  {per_sec}  ETA {eta}"
            }
            None => "{spinner} {human_pos} documents  {per_sec}  {elapsed}",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_message("");
        self.bar.set_position(0);
    }

    /// `n` more documents done.
    pub(crate) fn advance(&self, n: usize) {
        self.bar.inc(n as u64);
    }

    /// Writes result text (whole lines) to stdout.
    pub(crate) fn print(&mut self, text: &str) -> Result<(), Stop> {
        self.write(text.as_bytes())
    }

    /// Writes result bytes to the destination.
    pub(crate) fn write(&mut self, bytes: &[u8]) -> Result<(), Stop> {
        let Output {
            out,
            bar,
            shared,
            silent,
        } = self;
        if *silent {
            return Ok(());
        }
        let result = if *shared {
            bar.suspend(|| out.write_all(bytes).and_then(|()| out.flush()))
        } else {
            out.write_all(bytes)
        };
        result.map_err(|e| self.write_failed(&e))
    }

    /// Ends the output: the progress display removed, everything written
    /// and, for a file, put in place. When `stop` says the run failed,
    /// nothing is put in place (a file being replaced stays as it was).
    pub(crate) fn close(self, stop: Option<Stop>) -> Option<Stop> {
        let Output { out, bar, .. } = self;
        bar.finish_and_clear();
        if stop.is_some() {
            return stop;
        }
        Destination::commit(out).err().map(|e| failed(&bar, &e))
    }

    fn write_failed(&self, e: &io::Error) -> Stop {
        failed(&self.bar, e)
    }

    /// One line on stderr, prefixed with the tool's name.
    pub(crate) fn message(&self, text: &str) {
        message(&self.bar, text);
    }
}

/// Why writing failed: quietly for a closed pipe, else with one line on stderr.
fn failed(bar: &ProgressBar, e: &io::Error) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Stop::ClosedPipe;
    }
    message(bar, &format!("cannot write the output: {e}"));
    Stop::Failed
}

/// One line on stderr, prefixed with the tool's name, never inside the bar's line.
pub(crate) fn message(bar: &ProgressBar, text: &str) {
    let line = format!("dts-job-detail: {}\n", escape(text));
    bar.suspend(|| {
        let _ = io::stderr().write_all(line.as_bytes());
    });
}

/// Text for a terminal: control characters (a line break in a value, an
/// escape sequence) are written as escapes, so one record stays one line and
/// no input can drive the terminal.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape("plain é"), "plain é");
        assert_eq!(escape("a\nb\tc\u{1b}[31m\u{9b}"), "a\\nb\\tc\\u{1b}[31m\\u{9b}");
    }
}
