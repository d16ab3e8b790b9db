//! `metrics` over any number of inputs in bounded memory: each family's
//! samples go to an anonymous temporary file of its own as rows arrive
//! (it has no name, so no run, even a killed one, leaves it behind), and the
//! files are copied out, each after its family's header, at the end.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

use dts_job_detail::export::JobRow;
use dts_job_detail::metrics::{Exposition, header};

use super::output::{Output, Stop};

/// The samples of one family: the family's name and its file.
struct Family {
    name: &'static str,
    file: BufWriter<File>,
    written: bool,
}

/// An exposition whose families are kept on disk.
pub(crate) struct Spooled {
    pending: Exposition,
    families: Vec<Family>,
}

impl Spooled {
    pub(crate) fn new() -> Self {
        Spooled {
            pending: Exposition::new(),
            families: Vec::new(),
        }
    }

    /// Adds the samples of `rows` to their families' files.
    pub(crate) fn add(&mut self, rows: &[JobRow]) -> io::Result<()> {
        self.pending.add(rows);
        self.spill()
    }

    /// Moves the samples added so far to their families' files.
    fn spill(&mut self) -> io::Result<()> {
        for (i, (name, lines)) in self.pending.drain().into_iter().enumerate() {
            if self.families.len() <= i {
                self.families.push(Family {
                    name,
                    file: BufWriter::new(tempfile::tempfile()?),
                    written: false,
                });
            }
            if let Some(family) = self.families.get_mut(i) {
                family.file.write_all(lines.as_bytes())?;
                family.written |= !lines.is_empty();
            }
        }
        Ok(())
    }

    /// Writes the exposition to `out`: each family with samples after its header.
    pub(crate) fn finish(mut self, out: &mut Output) -> Result<(), Stop> {
        let failed = |out: &Output, e: io::Error| {
            out.message(&format!("keeping the samples in a temporary file: {e}"));
            Stop::Failed
        };
        if let Err(e) = self.spill() {
            return Err(failed(out, e));
        }
        let mut chunk = vec![0; 64 * 1024];
        for family in self.families.into_iter().filter(|f| f.written) {
            let mut file = match family.file.into_inner() {
                Ok(file) => file,
                Err(e) => return Err(failed(out, e.into_error())),
            };
            if let Err(e) = file.seek(SeekFrom::Start(0)) {
                return Err(failed(out, e));
            }
            out.print(&header(family.name))?;
            loop {
                match file.read(&mut chunk) {
                    Ok(0) => break,
                    // `read` returns at most the buffer's length
                    Ok(n) => out.write(&chunk[..n])?,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(failed(out, e)),
                }
            }
        }
        Ok(())
    }
}
