//! The data directory: `accord.sqlite3` (record and private tables) and a
//! lock file, so that two processes never write the same record (two
//! writers would each sequence entries from their own idea of the state).
//!
//! With PostgreSQL (`accord … --database postgres://…`) the record and the
//! private tables live in the database, and the directory keeps the log's
//! signing key, the lock and a file `database` holding the database's URL
//! (0600, like the key beside it): later commands on the directory find
//! the database without `--database`, and since the same key must never
//! sign two records, a directory used with one database refuses another,
//! and one used with its SQLite file refuses PostgreSQL
//! ([`DataDir::record_in`]).
//!
//! The directory holds e-mail addresses, password hashes and the log's
//! signing key: it is made readable by its owner only (0700), and so are
//! its files (0600: the database with its `-wal` and `-shm` files, the log
//! key, the lock and the demonstration log-ins). Opening a directory
//! tightens the modes of one made before.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::Database;

/// A data directory seen without its lock: reads only.
pub struct DataDirView {
    path: PathBuf,
}

impl DataDirView {
    /// Where this directory's record is, as [`DataDir::record_in`] says,
    /// without writing anything.
    pub fn record_in(&self, chosen: Option<Database>) -> std::io::Result<Database> {
        record_in(&self.path, chosen)
    }

    pub fn read_log_key(&self) -> std::io::Result<Option<String>> {
        match std::fs::read_to_string(self.path.join("log-key")) {
            Ok(k) => Ok(Some(k.trim().to_owned())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The files of a data directory that only its owner may read.
pub const PRIVATE_FILES: &[&str] = &[
    "accord.sqlite3",
    "accord.sqlite3-wal",
    "accord.sqlite3-shm",
    "log-key",
    "accord.lock",
    "demo-logins.txt",
    "database",
];

/// The file of a data directory that names the PostgreSQL database of its
/// record.
const DATABASE_FILE: &str = "database";

/// Where the record of the data directory at `path` is: `chosen` (the
/// `--database` given) checked against the database the directory names,
/// or that database, or the directory's SQLite file.
fn record_in(path: &Path, chosen: Option<Database>) -> std::io::Result<Database> {
    let refuse = |msg: String| Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, msg));
    let sqlite = path.join("accord.sqlite3");
    let named = match std::fs::read_to_string(path.join(DATABASE_FILE)) {
        Ok(text) => Some(Database::Postgres(text.trim().to_owned())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    match (chosen, named) {
        (None, None) => Ok(Database::Sqlite(sqlite)),
        (None, Some(named)) => Ok(named),
        (Some(Database::Sqlite(p)), _) => Ok(Database::Sqlite(p)),
        (Some(db @ Database::Postgres(_)), named) => {
            let shown = db.describe();
            if sqlite.exists() {
                return refuse(format!(
                    "{} keeps its record in accord.sqlite3, signed with its log key: use another data directory for {shown}",
                    path.display()
                ));
            }
            match named {
                // The same database, perhaps with another password.
                Some(named) if named.describe() != shown => refuse(format!(
                    "the log key in {} signs the record in {}, not {shown}: use another data directory \
                     (or, if the same database has moved, write its new URL in {})",
                    path.display(),
                    named.describe(),
                    path.join(DATABASE_FILE).display()
                )),
                _ => Ok(db),
            }
        }
    }
}

/// Writes a new file readable by its owner only.
fn write_private(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(file)?;
    f.write_all(bytes)?;
    f.sync_all()
}

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

    /// Where this directory's record is: in `chosen` (a PostgreSQL database
    /// given with `--database`), or else in its SQLite file. Refuses a
    /// database other than the one the directory's log key signs for, and
    /// PostgreSQL for a directory whose record is in its SQLite file.
    pub fn record_in(&self, chosen: Option<Database>) -> std::io::Result<Database> {
        record_in(&self.path, chosen)
    }

    /// Writes the URL of a PostgreSQL database in the file `database`
    /// (readable by the owner only), once its record has been opened from
    /// this directory, or when its URL changed (a new password).
    pub fn remember(&self, database: &Database) -> std::io::Result<()> {
        let Database::Postgres(url) = database else { return Ok(()) };
        let file = self.path.join(DATABASE_FILE);
        if std::fs::read_to_string(&file).is_ok_and(|known| known.trim() == url) {
            return Ok(());
        }
        let _ = std::fs::remove_file(&file);
        write_private(&file, format!("{url}\n").as_bytes())
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
