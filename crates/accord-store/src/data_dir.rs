//! The data directory: `accord.sqlite3` (record and private tables) and a
//! lock file, so that two processes never write the same record (two
//! writers would each sequence entries from their own idea of the state).

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
        std::fs::create_dir_all(path)?;
        let lock = OpenOptions::new().create(true).truncate(false).write(true).open(path.join("accord.lock"))?;
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
