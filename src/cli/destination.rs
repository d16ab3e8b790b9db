//! Where a subcommand's results go: standard output, or a file that is
//! replaced only when the run succeeds, and never a file it was not asked to
//! write.
//!
//! | the output name is | what happens |
//! |---|---|
//! | `-` | standard output |
//! | a regular file, or a name that does not exist | written to a temporary file beside it (`.dts-job-detail.XXXXXX.tmp`, a short name whatever the output's), renamed over it when the run succeeds, removed when it fails or is interrupted (SIGINT, SIGTERM, SIGHUP); a replaced file keeps its permissions |
//! | a character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) | written in place: it is never replaced |
//! | a symbolic link | the rules above, for the file it points to: the link stays a link |
//! | a folder, a block device, a socket, a link to nothing | refused before anything is read (exit 2) |
//!
//! Only `SIGKILL` (which no program can catch) leaves the temporary file
//! behind; its name says what it is.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, PoisonError};

/// Temporary files not yet renamed into place: removed if a signal ends the run.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The exit code of a run ended by a signal (128 + SIGINT's number, as shells report it).
const INTERRUPTED: i32 = 130;

/// Where results are written.
pub(crate) enum Destination {
    /// Standard output.
    Stdout(io::Stdout),
    /// A temporary file, renamed to `path` by [`Destination::commit`].
    Replace { temp: Temp, path: PathBuf },
    /// A character device or a FIFO, written as it is.
    InPlace(File),
    /// Nowhere (`--quiet` with standard output as the output).
    Discard(io::Sink),
}

impl Destination {
    /// Standard output.
    pub(crate) fn stdout() -> Self {
        Destination::Stdout(io::stdout())
    }

    /// `-` for standard output, else the file `path` as the module's table
    /// says. The error is a sentence for the user.
    pub(crate) fn open(path: &Path) -> Result<Self, String> {
        if path.as_os_str() == "-" {
            return Ok(Destination::stdout());
        }
        // what the name leads to, through any links
        match fs::metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if fs::symlink_metadata(path).is_ok() {
                    return Err("a symbolic link to nothing: not written".to_owned());
                }
                Self::replace(path, None)
            }
            Err(e) => Err(e.to_string()),
            Ok(meta) => {
                let kind = meta.file_type();
                if kind.is_file() {
                    // the file itself is replaced, not a link to it
                    let file = fs::canonicalize(path).map_err(|e| e.to_string())?;
                    Self::replace(&file, Some(meta.permissions()))
                } else if kind.is_dir() {
                    Err("a folder, not a file".to_owned())
                } else if special_in_place(&kind) {
                    // a device or a pipe, also through a link (`/dev/stdout`)
                    let file = fs::OpenOptions::new()
                        .write(true)
                        .open(path)
                        .map_err(|e| e.to_string())?;
                    Ok(Destination::InPlace(file))
                } else {
                    Err("neither a regular file, a character device nor a FIFO: not written".to_owned())
                }
            }
        }
    }

    /// A temporary file beside `path`, with the permissions of the file it
    /// replaces (or the umask's, for a new one).
    fn replace(path: &Path, permissions: Option<fs::Permissions>) -> Result<Self, String> {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".dts-job-detail.").suffix(".tmp");
        #[cfg(unix)]
        if permissions.is_none() {
            use std::os::unix::fs::PermissionsExt;
            // as `File::create` does: 0666 less the umask
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let temp = Temp::create(&builder, folder).map_err(|e| e.to_string())?;
        if let (Some(permissions), Some(file)) = (permissions, temp.file.as_ref()) {
            file.as_file()
                .set_permissions(permissions)
                .map_err(|e| e.to_string())?;
        }
        Ok(Destination::Replace {
            temp,
            path: path.to_owned(),
        })
    }

    /// Whether this is standard output.
    pub(crate) fn is_stdout(&self) -> bool {
        matches!(self, Destination::Stdout(_))
    }

    /// The run succeeded: `buffered` flushed and, for a replaced file, the
    /// temporary file renamed into place.
    pub(crate) fn commit(buffered: io::BufWriter<Destination>) -> io::Result<()> {
        match buffered.into_inner().map_err(io::IntoInnerError::into_error)? {
            Destination::Stdout(mut out) => out.flush(),
            Destination::InPlace(mut file) => file.flush(),
            Destination::Discard(_) => Ok(()),
            Destination::Replace { temp, path } => temp.persist(&path),
        }
    }

    /// What the bytes are written to.
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Destination::Stdout(out) => out,
            Destination::Replace { temp, .. } => temp,
            Destination::InPlace(file) => file,
            Destination::Discard(sink) => sink,
        }
    }
}

/// A temporary file that a signal removes until it is renamed into place,
/// and that is removed when dropped (the run failed).
pub(crate) struct Temp {
    /// Always `Some` until [`Temp::persist`] takes it.
    file: Option<tempfile::NamedTempFile>,
}

impl Temp {
    /// Creates the file in `folder`. The handler is installed first, and the
    /// file is created and registered under the lock the handler takes, so a
    /// signal at any moment finds it (it was seen to kill the run between
    /// the file's creation and the handler's installation).
    fn create(builder: &tempfile::Builder<'_, '_>, folder: &Path) -> io::Result<Self> {
        install_handler();
        let mut pending = lock_pending();
        let file = builder.tempfile_in(folder)?;
        pending.push(file.path().to_owned());
        Ok(Temp { file: Some(file) })
    }

    fn file(&mut self) -> io::Result<&mut tempfile::NamedTempFile> {
        self.file
            .as_mut()
            .ok_or_else(|| io::Error::other("the output was put in place already"))
    }

    /// Synced to disk, then renamed to `path`; removed when either fails
    /// (dropping the file, or the one `persist` hands back, removes it).
    fn persist(mut self, path: &Path) -> io::Result<()> {
        let Some(file) = self.file.take() else {
            return Err(io::Error::other("the output was put in place already"));
        };
        let temp_path = file.path().to_owned();
        let result = match file.as_file().sync_all() {
            Ok(()) => file.persist(path).map(drop).map_err(|e| e.error),
            Err(e) => Err(e),
        };
        lock_pending().retain(|p| *p != temp_path);
        result
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(file) = &self.file {
            // `NamedTempFile` removes its file when dropped, right after this
            let path = file.path();
            lock_pending().retain(|p| p != path);
        }
    }
}

impl Write for Temp {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file()?.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file()?.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file()?.flush()
    }
}

impl Write for Destination {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer().write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer().write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer().flush()
    }
}

/// Character devices and FIFOs are written in place; every other special
/// file is refused.
#[cfg(unix)]
fn special_in_place(kind: &fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_char_device() || kind.is_fifo()
}

#[cfg(not(unix))]
fn special_in_place(_: &fs::FileType) -> bool {
    false
}

/// Makes SIGINT, SIGTERM and SIGHUP remove the pending temporary files
/// before the run ends.
fn install_handler() {
    static HANDLER: Once = Once::new();
    HANDLER.call_once(|| {
        // without a handler (another one is set) a signal leaves the file: not worth failing the run
        let _ = ctrlc::set_handler(|| {
            for path in lock_pending().iter() {
                let _ = fs::remove_file(path);
            }
            std::process::exit(INTERRUPTED);
        });
    });
}

fn lock_pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}
