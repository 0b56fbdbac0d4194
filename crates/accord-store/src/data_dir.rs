//! The data directory: `accord.sqlite3` (record and private tables) and a
//! lock file, so that two processes never write the same record (two
//! writers would each sequence entries from their own idea of the state).

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

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

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The SQLite file holding the record and the private tables.
    pub fn database(&self) -> PathBuf {
        self.path.join("accord.sqlite3")
    }

    /// Whether the record has been created here (by `accord init` or
    /// `accord demo`).
    pub fn is_initialised(&self) -> bool {
        self.database().exists()
    }
}
