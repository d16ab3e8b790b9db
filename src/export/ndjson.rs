//! NDJSON: one JSON object per row and line, members named and ordered as
//! the columns; null for a missing value; times as RFC 3339 text in UTC.

use super::{COLUMNS, Cell, JobRow, push_plain, time_text};
use crate::codec::json::ser::write_str;

/// Appends a row's line.
pub(super) fn line(out: &mut String, row: &JobRow) {
    out.push('{');
    for (i, (column, cell)) in COLUMNS.iter().zip(row.cells()).enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(out, column.name);
        out.push(':');
        match cell {
            Cell::Text(Some(s)) => write_str(out, s),
            Cell::Time(Some(t)) => write_str(out, &time_text(t)),
            other => {
                if !push_plain(out, other) {
                    out.push_str("null");
                }
            }
        }
    }
    out.push_str("}\n");
}
