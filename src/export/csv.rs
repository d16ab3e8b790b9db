//! CSV (RFC 4180): a header line of column names, then one line per row.
//! A field is quoted when it holds a comma, a quote, a line break or white
//! space at either end, or nothing (`""`, so an empty text differs from
//! null); a quote inside is doubled. Null is an empty field;
//! booleans are `true`/`false`; times are RFC 3339 in UTC.

use super::{COLUMNS, Cell, JobRow, push_plain};

/// The header line.
pub(super) fn header() -> String {
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    names.join(",") + "\n"
}

/// Appends a row's line.
pub(super) fn line(out: &mut String, row: &JobRow) {
    for (i, cell) in row.cells().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match *cell {
            Cell::Text(Some(s)) => field(out, s),
            // numbers, booleans and RFC 3339 times never need quotes
            other => {
                push_plain(out, other);
            }
        }
    }
    out.push('\n');
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
