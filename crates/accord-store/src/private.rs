//! The private tables: accounts (e-mail, password hash), log-in sessions and
//! API tokens. Nothing here enters the record. Tokens and session ids are
//! stored only as SHA-256 hashes; they are high-entropy random values, so a
//! fast hash is enough (unlike passwords, which are hashed with argon2id by
//! the server before they reach the store).

use accord_domain::{DelegateId, Email};
use rusqlite::{params, OptionalExtension};

use crate::{Store, StoreError};

/// A log-in account.
#[derive(Debug, Clone)]
pub struct Account {
    pub delegate: DelegateId,
    pub email: Email,
    pub password_hash: String,
    pub must_change_password: bool,
    /// When the password was last set (Unix ms): a log-in counter counted
    /// against an older password starts afresh.
    pub password_set_at: i64,
}

/// A browser session.
#[derive(Debug, Clone)]
pub struct Session {
    pub delegate: DelegateId,
    /// The synchroniser token every state-changing form of this log-in session
    /// must carry.
    pub csrf: String,
    pub expires_at: i64,
}

/// An API token, as listed to its owner (the token itself is never stored).
#[derive(Debug, Clone)]
pub struct ApiToken {
    pub id: i64,
    pub delegate: DelegateId,
    pub label: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
}

fn account_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    let email: String = r.get(1)?;
    Ok(Account {
        delegate: DelegateId(r.get::<_, i64>(0)? as u64),
        email: Email::parse(&email)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e)))?,
        password_hash: r.get(2)?,
        must_change_password: r.get(3)?,
        password_set_at: r.get(4)?,
    })
}

impl Store {
    pub fn account_by_email(&self, email: &Email) -> Result<Option<Account>, StoreError> {
        self.with_conn(|c| {
            c.prepare_cached(
                "SELECT delegate, email, password_hash, must_change_password, updated_at FROM accounts WHERE email = ?1",
            )?
            .query_row([email.as_str()], account_row)
            .optional()
        })
    }

    pub fn account(&self, delegate: DelegateId) -> Result<Option<Account>, StoreError> {
        self.with_conn(|c| {
            c.prepare_cached(
                "SELECT delegate, email, password_hash, must_change_password, updated_at FROM accounts WHERE delegate = ?1",
            )?
            .query_row([delegate.0 as i64], account_row)
            .optional()
        })
    }

    /// Creates an account for a delegate accredited earlier (the console's
    /// `admin create-account` for officers made before accounts existed).
    pub fn create_account(
        &self,
        delegate: DelegateId,
        email: &Email,
        password_hash: &str,
        must_change: bool,
    ) -> Result<(), StoreError> {
        self.with_conn(|c| {
            c.execute(
                "INSERT INTO accounts (delegate, email, password_hash, must_change_password, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![delegate.0 as i64, email.as_str(), password_hash, must_change, self.now_millis()],
            )
            .map(|_| ())
        })
    }

    /// Sets a new password hash. Ends every session of the account, so a
    /// password change logs out other browsers; with `revoke_tokens`, also
    /// revokes every API token of the account. One transaction: either all
    /// of it happens or none.
    pub fn set_password(
        &self,
        delegate: DelegateId,
        password_hash: &str,
        must_change: bool,
        revoke_tokens: bool,
    ) -> Result<bool, StoreError> {
        self.with_conn(|c| {
            let tx = c.unchecked_transaction()?;
            let now = self.now_millis();
            // The time a password was set also names it for the log-in
            // counters: it must change with every new password.
            let n = tx.execute(
                "UPDATE accounts SET password_hash = ?2, must_change_password = ?3, \
                 updated_at = max(?4, updated_at + 1) WHERE delegate = ?1",
                params![delegate.0 as i64, password_hash, must_change, now],
            )?;
            tx.execute("DELETE FROM sessions WHERE delegate = ?1", [delegate.0 as i64])?;
            if revoke_tokens {
                tx.execute(
                    "UPDATE api_tokens SET revoked_at = ?2 WHERE delegate = ?1 AND revoked_at IS NULL",
                    params![delegate.0 as i64, now],
                )?;
            }
            tx.commit()?;
            Ok(n == 1)
        })
    }

    /// A server secret kept in the private tables by name: the one stored,
    /// or `candidate` if there was none (then stored).
    pub fn secret(&self, name: &str, candidate: &[u8]) -> Result<Vec<u8>, StoreError> {
        self.with_conn(|c| {
            c.execute("INSERT OR IGNORE INTO secrets (name, value) VALUES (?1, ?2)", params![name, candidate])?;
            c.query_row("SELECT value FROM secrets WHERE name = ?1", [name], |r| r.get(0))
        })
    }

    pub fn create_session(
        &self,
        token_hash: &[u8; 32],
        delegate: DelegateId,
        csrf: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        self.with_conn(|c| {
            c.execute("DELETE FROM sessions WHERE expires_at < ?1", [self.now_millis()])?;
            c.execute(
                "INSERT INTO sessions (token_hash, delegate, csrf, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![&token_hash[..], delegate.0 as i64, csrf, self.now_millis(), expires_at],
            )
            .map(|_| ())
        })
    }

    /// A live (unexpired) session.
    pub fn session(&self, token_hash: &[u8; 32]) -> Result<Option<Session>, StoreError> {
        self.with_conn(|c| {
            c.prepare_cached(
                "SELECT delegate, csrf, expires_at FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
            )?
            .query_row(params![&token_hash[..], self.now_millis()], |r| {
                Ok(Session { delegate: DelegateId(r.get::<_, i64>(0)? as u64), csrf: r.get(1)?, expires_at: r.get(2)? })
            })
            .optional()
        })
    }

    pub fn delete_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError> {
        self.with_conn(|c| c.execute("DELETE FROM sessions WHERE token_hash = ?1", [&token_hash[..]]).map(|_| ()))
    }

    pub fn create_api_token(
        &self,
        token_hash: &[u8; 32],
        delegate: DelegateId,
        label: &str,
        expires_at: i64,
    ) -> Result<i64, StoreError> {
        self.with_conn(|c| {
            c.execute(
                "INSERT INTO api_tokens (token_hash, delegate, label, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![&token_hash[..], delegate.0 as i64, label, self.now_millis(), expires_at],
            )?;
            Ok(c.last_insert_rowid())
        })
    }

    /// The delegate a live (unrevoked, unexpired) token belongs to.
    pub fn api_token_owner(&self, token_hash: &[u8; 32]) -> Result<Option<(i64, DelegateId)>, StoreError> {
        self.with_conn(|c| {
            c.prepare_cached(
                "SELECT id, delegate FROM api_tokens WHERE token_hash = ?1 AND revoked_at IS NULL AND expires_at > ?2",
            )?
            .query_row(params![&token_hash[..], self.now_millis()], |r| {
                Ok((r.get(0)?, DelegateId(r.get::<_, i64>(1)? as u64)))
            })
            .optional()
        })
    }

    pub fn api_tokens(&self, delegate: DelegateId) -> Result<Vec<ApiToken>, StoreError> {
        self.with_conn(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, delegate, label, created_at, expires_at, revoked_at FROM api_tokens WHERE delegate = ?1 ORDER BY id",
            )?;
            let rows = stmt.query_map([delegate.0 as i64], |r| {
                Ok(ApiToken {
                    id: r.get(0)?,
                    delegate: DelegateId(r.get::<_, i64>(1)? as u64),
                    label: r.get(2)?,
                    created_at: r.get(3)?,
                    expires_at: r.get(4)?,
                    revoked_at: r.get(5)?,
                })
            })?;
            rows.collect()
        })
    }

    /// Revokes one of a delegate's tokens; `false` if they hold no live
    /// token with that id.
    pub fn revoke_api_token(&self, delegate: DelegateId, id: i64) -> Result<bool, StoreError> {
        self.with_conn(|c| {
            let n = c.execute(
                "UPDATE api_tokens SET revoked_at = ?3 WHERE id = ?1 AND delegate = ?2 AND revoked_at IS NULL",
                params![id, delegate.0 as i64, self.now_millis()],
            )?;
            Ok(n == 1)
        })
    }
}
