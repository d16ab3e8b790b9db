//! The `dts-job-detail` command: canonical JSON/XML, diagnostics and summaries
//! of saved `DescribeDtsJobDetail` responses.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
