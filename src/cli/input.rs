//! Inputs: files, directories (recursive, `*.json`/`*.xml`, sorted), standard
//! input, and NDJSON lines, read lazily so memory stays bounded.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Where documents come from.
pub(crate) enum Source {
    Stdin,
    File(PathBuf),
}

/// One document to parse.
pub(crate) struct Unit {
    /// File name, with `:line` for NDJSON.
    pub(crate) label: String,
    /// The file name alone, for JSON output.
    pub(crate) file: String,
    /// NDJSON line number (1-based).
    pub(crate) line: Option<usize>,
    pub(crate) bytes: Vec<u8>,
}

/// Expands inputs into sources; directories that cannot be listed are reported.
pub(crate) fn expand(inputs: &[PathBuf], unreadable: &mut dyn FnMut(String, String)) -> Vec<Source> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if input.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files, unreadable);
            files.sort();
            out.extend(files.into_iter().map(Source::File));
        } else {
            out.push(Source::File(input.clone()));
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, unreadable: &mut dyn FnMut(String, String)) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return unreadable(dir.display().to_string(), e.to_string()),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files, unreadable);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("xml"))
        {
            files.push(path);
        }
    }
}

type Item = Result<Unit, (String, String)>;

/// The documents of one source: the whole source, or one per NDJSON line.
pub(crate) fn units(source: &Source, ndjson: bool) -> Box<dyn Iterator<Item = Item> + '_> {
    let label = source.label();
    let reader: Box<dyn Read> = match source {
        Source::Stdin => Box::new(io::stdin()),
        Source::File(path) => match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return Box::new(std::iter::once(Err((label, e.to_string())))),
        },
    };
    if ndjson {
        Box::new(Lines {
            reader: BufReader::new(reader),
            file: label,
            line: 0,
            done: false,
        })
    } else {
        let mut bytes = Vec::new();
        let mut reader = reader;
        Box::new(std::iter::once(match reader.read_to_end(&mut bytes) {
            Ok(_) => Ok(Unit {
                label: label.clone(),
                file: label,
                line: None,
                bytes,
            }),
            Err(e) => Err((label, e.to_string())),
        }))
    }
}

/// NDJSON: one document per non-blank line.
struct Lines<R> {
    reader: R,
    file: String,
    line: usize,
    done: bool,
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            let mut bytes = Vec::new();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok(Unit {
                        label: format!("{}:{}", self.file, self.line),
                        file: self.file.clone(),
                        line: Some(self.line),
                        bytes,
                    }));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err((format!("{}:{}", self.file, self.line), e.to_string())));
                }
            }
        }
        None
    }
}
