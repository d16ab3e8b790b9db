//! NDJSON: one JSON object per row and line, members named and ordered as
//! the columns; null for a missing value; times as RFC 3339 text in UTC.

use std::io::Write;

use super::{COLUMNS, Cell, JobRow, io_error, push_plain, time_text};
use crate::error::Error;
use crate::json::ser::write_str;

pub(super) struct NdjsonWriter<W> {
    out: W,
    line: String,
}

impl<W: Write> NdjsonWriter<W> {
    pub(super) fn new(out: W) -> Self {
        NdjsonWriter {
            out,
            line: String::new(),
        }
    }

    pub(super) fn write_rows(&mut self, rows: &[JobRow]) -> Result<(), Error> {
        for row in rows {
            self.line.clear();
            self.line.push('{');
            for (i, (column, cell)) in COLUMNS.iter().zip(row.cells()).enumerate() {
                if i > 0 {
                    self.line.push(',');
                }
                write_str(&mut self.line, column.name);
                self.line.push(':');
                match cell {
                    Cell::Text(Some(s)) => write_str(&mut self.line, s),
                    Cell::Time(Some(t)) => write_str(&mut self.line, &time_text(t)),
                    other => {
                        if !push_plain(&mut self.line, other) {
                            self.line.push_str("null");
                        }
                    }
                }
            }
            self.line.push_str("}\n");
            self.out
                .write_all(self.line.as_bytes())
                .map_err(|e| io_error(&e))?;
        }
        Ok(())
    }

    pub(super) fn finish(mut self) -> Result<W, Error> {
        self.out.flush().map_err(|e| io_error(&e))?;
        Ok(self.out)
    }
}
