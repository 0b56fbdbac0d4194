//! The data directory: `accord.sqlite3` (record and private tables) and a
//! lock file, so that two processes never write the same record (two
//! writers would each sequence entries from their own idea of the state).
//!
//! The directory holds e-mail addresses, password hashes and the log's
//! signing key: it is made readable by its owner only (0700), and so are
//! its files (0600: the database with its `-wal` and `-shm` files, the log
//! key, the lock and the demonstration log-ins). Opening a directory
//! tightens the modes of one made before.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// A data directory seen without its lock: reads only.
pub struct DataDirView {
    path: PathBuf,
}

impl DataDirView {
    pub fn read_log_key(&self) -> std::io::Result<Option<String>> {
        match std::fs::read_to_string(self.path.join("log-key")) {
            Ok(k) => Ok(Some(k.trim().to_owned())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The files of a data directory that only its owner may read.
pub const PRIVATE_FILES: &[&str] =
    &["accord.sqlite3", "accord.sqlite3-wal", "accord.sqlite3-shm", "log-key", "accord.lock", "demo-logins.txt"];

/// Makes the directory 0700 and its [`PRIVATE_FILES`] 0600 where they are
/// more open. A mode that cannot be changed (a directory owned by another
/// user) is reported in the log, not fatal: the operator may have chosen it.
fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let tighten = |file: &Path, mode: u32| match std::fs::metadata(file) {
            Ok(m) if m.permissions().mode() & 0o077 != 0 => {
                if let Err(e) = std::fs::set_permissions(file, std::fs::Permissions::from_mode(mode)) {
                    tracing::warn!(path = %file.display(), error = %e, "could not make the file private to its owner");
                }
            }
            _ => {}
        };
        tighten(path, 0o700);
        for name in PRIVATE_FILES {
            tighten(&path.join(name), 0o600);
        }
    }
}

/// Creates the database file readable by its owner only, if it does not
/// exist yet; SQLite gives its `-wal` and `-shm` files the same mode.
pub(crate) fn create_private_file(path: &Path) {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    // Already there, or not creatable: SQLite says what is wrong when it opens it.
    let _ = options.open(path);
}

/// A locked data directory. The lock is released when this is dropped (or
/// the process dies: the operating system releases it).
pub struct DataDir {
    path: PathBuf,
    _lock: File,
}

impl DataDir {
    /// Creates the directory if needed and takes its lock, or says who
    /// holds it.
    pub fn open(path: &Path) -> std::io::Result<DataDir> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(path)?;
        make_private(path);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let lock = options.open(path.join("accord.lock"))?;
        match lock.try_lock() {
            Ok(()) => Ok(DataDir { path: path.to_owned(), _lock: lock }),
            Err(std::fs::TryLockError::WouldBlock) => Err(std::io::Error::new(
                std::io::ErrorKind::WouldBlock,
                format!(
                    "another Accord process (a running server?) is using {}: stop it first, or use the web pages or the API",
                    path.display()
                ),
            )),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }

    /// A data directory read without its lock (for commands that only
    /// read files beside a running server, such as `accord log key`).
    pub fn at(path: &Path) -> DataDirView {
        DataDirView { path: path.to_owned() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The SQLite file holding the record and the private tables.
    pub fn database(&self) -> PathBuf {
        self.path.join("accord.sqlite3")
    }

    /// The file holding the log's signing key (C2SP signed-note private key
    /// text). Never in the database, never in the record.
    pub fn log_key_path(&self) -> PathBuf {
        self.path.join("log-key")
    }

    /// The log's signing key text, if it exists.
    pub fn read_log_key(&self) -> std::io::Result<Option<String>> {
        match std::fs::read_to_string(self.log_key_path()) {
            Ok(k) => Ok(Some(k.trim().to_owned())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Writes the log's signing key, readable by its owner only. Refuses to
    /// replace an existing key: a new key would orphan every checkpoint
    /// signed so far.
    pub fn write_log_key(&self, key: &str) -> std::io::Result<()> {
        use std::io::Write;
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut f = options.open(self.log_key_path())?;
        f.write_all(key.as_bytes())?;
        f.write_all(b"\n")?;
        f.sync_all()
    }

    /// Whether the record has been created here (by `accord init` or
    /// `accord demo`).
    pub fn is_initialised(&self) -> bool {
        self.database().exists()
    }
}
