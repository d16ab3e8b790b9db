//! Inputs: files, folders (recursive, `*.json`/`*.xml`, sorted), standard
//! input, and NDJSON lines — each read only up to the size limit, so no input
//! makes the tool hold more than the limit plus one buffer.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Where documents come from.
pub(crate) enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// A short name for messages and outputs (see [`label`]).
    pub(crate) fn label(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(p) => label(p),
        }
    }
}

pub(crate) use dts_job_detail::export::file_label as label;

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

/// An input that could not be read: its label and the reason.
pub(crate) type Unreadable = (String, String);

/// What walking a folder reports beside the files it finds.
pub(crate) enum WalkNote {
    /// An entry that could not be read (a folder without permission): exit 2.
    Unreadable(Unreadable),
    /// A symbolic link loop, under `--follow`: reported, not walked.
    Loop(String),
    /// A symbolic link to a document or a folder, without `--follow`:
    /// reported, not read.
    Skipped(String),
}

/// Which files of a folder are read.
pub(crate) struct Walk {
    /// Follow symbolic links.
    pub(crate) follow: bool,
    /// The folder holds logs, one document per line: `*.ndjson`, `*.jsonl`,
    /// `*.log` are read instead of `*.json`, `*.xml`.
    pub(crate) ndjson: bool,
    /// `-g/--glob`: the files to read (replacing the extensions) and, with a
    /// leading `!`, the files and folders to leave out. A glob without `/`
    /// matches a name, one with `/` a path inside the walked folder.
    pub(crate) globs: Globs,
}

/// The `-g/--glob` patterns, compiled.
#[derive(Default)]
pub(crate) struct Globs {
    include: Option<globset::GlobSet>,
    exclude: Option<globset::GlobSet>,
}

impl Globs {
    /// Compiles `patterns`; the error names the pattern that is not a glob.
    pub(crate) fn new(patterns: &[String]) -> Result<Self, String> {
        let (mut include, mut exclude) = (globset::GlobSetBuilder::new(), globset::GlobSetBuilder::new());
        let (mut includes, mut excludes) = (0, 0);
        for pattern in patterns {
            let (set, count, text) = match pattern.strip_prefix('!') {
                Some(rest) => (&mut exclude, &mut excludes, rest),
                None => (&mut include, &mut includes, pattern.as_str()),
            };
            let glob = globset::GlobBuilder::new(text)
                .literal_separator(true)
                .build()
                .map_err(|e| format!("--glob {pattern:?}: {e}"))?;
            set.add(glob);
            *count += 1;
        }
        let build = |set: globset::GlobSetBuilder, count: usize| -> Result<_, String> {
            if count == 0 {
                return Ok(None);
            }
            set.build().map(Some).map_err(|e| format!("--glob: {e}"))
        };
        Ok(Globs {
            include: build(include, includes)?,
            exclude: build(exclude, excludes)?,
        })
    }

    /// Whether a glob matches `relative` (a path inside the walked folder):
    /// a pattern without `/` matches its name alone.
    fn matches(set: &globset::GlobSet, relative: &Path) -> bool {
        set.is_match(relative)
            || relative
                .file_name()
                .is_some_and(|name| set.is_match(Path::new(name)))
    }
}

impl Walk {
    /// Whether a `!GLOB` names `path` (found under `root`): a file, or a
    /// folder whose files are then all left out.
    fn leaves_out(&self, root: &Path, path: &Path) -> bool {
        let relative = path.strip_prefix(root).unwrap_or(path);
        self.globs
            .exclude
            .as_ref()
            .is_some_and(|exclude| Globs::matches(exclude, relative))
    }

    /// Whether the walk reads the file at `path` (found under `root`).
    fn reads(&self, root: &Path, path: &Path) -> bool {
        if self.leaves_out(root, path) {
            return false;
        }
        let relative = path.strip_prefix(root).unwrap_or(path);
        if let Some(include) = &self.globs.include {
            return Globs::matches(include, relative);
        }
        let extensions: &[&str] = if self.ndjson {
            &["ndjson", "jsonl", "log"]
        } else {
            &["json", "xml"]
        };
        path.extension()
            .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
    }
}

/// Expands the inputs into sources, in order: `-` is standard input, a folder
/// every file inside it that the walk reads (`*.json`/`*.xml`, or the logs
/// under `--ndjson`, or what `--glob` says; sorted). Inside folders symbolic
/// links are not followed unless `follow`; then each file is read once and a
/// loop is reported, not walked. Paths named on the command line are always
/// read. `walked` is told each file found, for a progress display.
pub(crate) fn expand(
    inputs: &[PathBuf],
    walk: &Walk,
    note: &mut dyn FnMut(WalkNote),
    walked: &mut dyn FnMut(usize),
) -> Vec<Source> {
    let follow = walk.follow;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if input.is_dir() {
            let mut files = Vec::new();
            // a folder that `!GLOB` names is not entered (as ripgrep does)
            let walker = WalkDir::new(input)
                .follow_links(follow)
                .into_iter()
                .filter_entry(|e| {
                    !(e.depth() > 0 && e.file_type().is_dir() && walk.leaves_out(input, e.path()))
                });
            for entry in walker {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(e) => {
                        note(walk_note(&e, input));
                        continue;
                    }
                };
                let is_document = walk.reads(input, entry.path());
                if entry.path_is_symlink() && !follow && (is_document || entry.path().is_dir()) {
                    // nothing is skipped silently
                    note(WalkNote::Skipped(format!(
                        "{}: a symbolic link, not followed (--follow follows links)",
                        label(entry.path())
                    )));
                    continue;
                }
                if !entry.file_type().is_file() || !is_document {
                    continue;
                }
                files.push(entry.into_path());
                walked(files.len());
            }
            if files.is_empty() {
                let what = match (&walk.globs.include, walk.ndjson) {
                    (Some(_), _) => "no file that --glob matches",
                    (None, true) => "no *.ndjson, *.jsonl or *.log file",
                    (None, false) => "no *.json or *.xml file",
                };
                note(WalkNote::Skipped(format!(
                    "{}: {what} inside: nothing read",
                    label(input)
                )));
            }
            // sorted first, so that under `--follow` the file reached by two
            // paths is read under the first in sorted order, whatever the
            // folder's own order
            files.sort();
            if follow {
                files
                    .retain(|path| seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())));
            }
            out.extend(files.into_iter().map(Source::File));
        } else {
            out.push(Source::File(input.clone()));
        }
    }
    out
}

fn walk_note(e: &walkdir::Error, root: &Path) -> WalkNote {
    let label = label(e.path().unwrap_or(root));
    match e.loop_ancestor() {
        Some(ancestor) => WalkNote::Loop(format!(
            "{label}: a symbolic link loop back to {}, not walked again",
            self::label(ancestor)
        )),
        None => WalkNote::Unreadable((
            label,
            e.io_error().map_or_else(|| e.to_string(), ToString::to_string),
        )),
    }
}

type Item = Result<Unit, Unreadable>;

/// The documents of one source: the whole source, or one per NDJSON line,
/// each read up to `max_size` bytes.
pub(crate) fn units(source: &Source, ndjson: bool, max_size: usize) -> Box<dyn Iterator<Item = Item> + '_> {
    let label = source.label();
    let reader: Box<dyn Read> = match source {
        Source::Stdin => Box::new(io::stdin()),
        Source::File(path) => match File::open(path) {
            // a regular file known to be too large is refused unread
            Ok(f)
                if !ndjson
                    && f.metadata().is_ok_and(|m| {
                        m.is_file() && m.len() > u64::try_from(max_size).unwrap_or(u64::MAX)
                    }) =>
            {
                return Box::new(std::iter::once(Err((label, too_large(max_size)))));
            }
            Ok(f) => Box::new(f),
            Err(e) => return Box::new(std::iter::once(Err((label, e.to_string())))),
        },
    };
    if ndjson {
        return Box::new(Lines {
            reader: BufReader::with_capacity(64 * 1024, reader),
            file: label,
            line: 0,
            max_size,
            done: false,
        });
    }
    Box::new(std::iter::once(match read_limited(reader, max_size) {
        Ok(bytes) => Ok(Unit {
            label: label.clone(),
            file: label,
            line: None,
            bytes,
        }),
        Err(reason) => Err((label, reason)),
    }))
}

fn too_large(max_size: usize) -> String {
    format!("larger than the limit of {max_size} bytes (--max-size)")
}

/// Reads all of `reader`, but never more than `max_size` + 1 bytes.
fn read_limited(reader: impl Read, max_size: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(max_size).unwrap_or(u64::MAX).saturating_add(1);
    reader
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() > max_size {
        return Err(too_large(max_size));
    }
    Ok(bytes)
}

/// NDJSON: one document per non-blank line.
struct Lines<R> {
    reader: R,
    file: String,
    line: usize,
    max_size: usize,
    done: bool,
}

/// How one line read.
enum Line {
    /// End of input.
    End,
    /// A line within the limit.
    Text(Vec<u8>),
    /// A line over the limit: skipped to its end, not kept.
    TooLong,
    /// A line over the limit with no line feed within [`SKIPPED_AT_MOST`]
    /// bytes (an endless stream, `/dev/zero`): the rest is not read.
    Endless,
}

/// How far an over-long NDJSON line is skipped in search of its end.
const SKIPPED_AT_MOST: usize = 64 << 20;

impl<R: BufRead> Lines<R> {
    /// Reads up to the next line feed, keeping at most `max_size` bytes.
    fn next_line(&mut self) -> io::Result<Line> {
        let mut bytes = Vec::new();
        let mut too_long = false;
        let mut any = false;
        let mut read = 0usize;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            any = true;
            let (chunk, end) = match memchr::memchr(b'\n', buf) {
                // `memchr` found the line end inside `buf`
                Some(i) => (&buf[..i], Some(i + 1)),
                None => (buf, None),
            };
            if !too_long {
                if bytes.len() + chunk.len() > self.max_size {
                    too_long = true;
                    bytes = Vec::new();
                } else {
                    bytes.extend_from_slice(chunk);
                }
            }
            let used = end.unwrap_or(buf.len());
            self.reader.consume(used);
            if end.is_some() {
                break;
            }
            read = read.saturating_add(used);
            if too_long && read > self.max_size.saturating_add(SKIPPED_AT_MOST) {
                return Ok(Line::Endless);
            }
        }
        Ok(match (any, too_long) {
            (false, _) => Line::End,
            (true, true) => Line::TooLong,
            (true, false) => Line::Text(bytes),
        })
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            self.line += 1;
            let read = self.next_line();
            let label = || format!("{}:{}", self.file, self.line);
            match read {
                Ok(Line::End) => self.done = true,
                Ok(Line::Text(bytes)) => {
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok(Unit {
                        label: label(),
                        file: self.file.clone(),
                        line: Some(self.line),
                        bytes,
                    }));
                }
                Ok(Line::TooLong) => return Some(Err((label(), too_large(self.max_size)))),
                Ok(Line::Endless) => {
                    self.done = true;
                    let reason = format!(
                        "{}, and no line feed within {} bytes: the rest of the input is not read",
                        too_large(self.max_size),
                        self.max_size.saturating_add(SKIPPED_AT_MOST)
                    );
                    return Some(Err((label(), reason)));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err((label(), e.to_string())));
                }
            }
        }
        None
    }
}
