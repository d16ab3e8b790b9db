//! CSV (RFC 4180): a header line of column names, then one line per row.
//! A field is quoted when it holds a comma, a quote, a line break or white
//! space at either end, or nothing (`""`, so an empty text differs from
//! null); a quote inside is doubled. Null is an empty field;
//! booleans are `true`/`false`; times are RFC 3339 in UTC.

use std::io::Write;

use super::{COLUMNS, Cell, JobRow, io_error, push_plain};
use crate::error::Error;

pub(super) struct CsvWriter<W> {
    out: W,
    line: String,
}

impl<W: Write> CsvWriter<W> {
    pub(super) fn new(mut out: W) -> Result<Self, Error> {
        let header: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        writeln!(out, "{}", header.join(",")).map_err(|e| io_error(&e))?;
        Ok(CsvWriter {
            out,
            line: String::new(),
        })
    }

    pub(super) fn write_rows(&mut self, rows: &[JobRow]) -> Result<(), Error> {
        for row in rows {
            self.line.clear();
            for (i, cell) in row.cells().iter().enumerate() {
                if i > 0 {
                    self.line.push(',');
                }
                match *cell {
                    Cell::Text(Some(s)) => field(&mut self.line, s),
                    // numbers, booleans and RFC 3339 times never need quotes
                    other => {
                        push_plain(&mut self.line, other);
                    }
                }
            }
            self.line.push('\n');
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

/// Appends `s` as one field, quoted when it has to be.
fn field(line: &mut String, s: &str) {
    let quote = s.is_empty()
        || s.contains([',', '"', '\n', '\r'])
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace);
    if quote {
        line.push('"');
        line.push_str(&s.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed() {
        for (input, expected) in [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            (" padded", "\" padded\""),
            ("", "\"\""),
        ] {
            let mut line = String::new();
            field(&mut line, input);
            assert_eq!(line, expected, "{input:?}");
        }
    }
}
