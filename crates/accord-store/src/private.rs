//! The private tables: accounts (e-mail, password hash, settings), log-in
//! sessions and API tokens. Nothing here enters the record. Tokens and session ids are
//! stored only as SHA-256 hashes; they are high-entropy random values, so a
//! fast hash is enough (unlike passwords, which are hashed with argon2id by
//! the server before they reach the store).

use accord_domain::{DelegateId, Email};

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

impl Store {
    pub fn account_by_email(&self, email: &Email) -> Result<Option<Account>, StoreError> {
        self.backend().account_by_email(email)
    }

    pub fn account(&self, delegate: DelegateId) -> Result<Option<Account>, StoreError> {
        self.backend().account(delegate)
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
        self.backend().create_account(delegate, email, password_hash, must_change, self.now_millis())
    }

    /// Sets a new password hash. Ends every session of the account, so a
    /// password change logs out other browsers; with `revoke_tokens`, also
    /// revokes every API token of the account. One transaction: either all
    /// of it happens or none. The time the password was set moves forward
    /// by at least a millisecond: it also names the password for the
    /// log-in counters.
    pub fn set_password(
        &self,
        delegate: DelegateId,
        password_hash: &str,
        must_change: bool,
        revoke_tokens: bool,
    ) -> Result<bool, StoreError> {
        self.backend().set_password(delegate, password_hash, must_change, revoke_tokens, self.now_millis())
    }

    /// A server secret kept in the private tables by name: the one stored,
    /// or `candidate` if there was none (then stored).
    pub fn secret(&self, name: &str, candidate: &[u8]) -> Result<Vec<u8>, StoreError> {
        self.backend().secret(name, candidate)
    }

    /// One of an account's settings (e.g. `language`), if set.
    pub fn preference(&self, delegate: DelegateId, name: &str) -> Result<Option<String>, StoreError> {
        self.backend().preference(delegate, name)
    }

    /// Sets one of an account's settings.
    pub fn set_preference(&self, delegate: DelegateId, name: &str, value: &str) -> Result<(), StoreError> {
        self.backend().set_preference(delegate, name, value)
    }

    /// Creates a log-in session (and forgets expired ones).
    pub fn create_session(
        &self,
        token_hash: &[u8; 32],
        delegate: DelegateId,
        csrf: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        self.backend().create_session(token_hash, delegate, csrf, expires_at, self.now_millis())
    }

    /// A live (unexpired) session.
    pub fn session(&self, token_hash: &[u8; 32]) -> Result<Option<Session>, StoreError> {
        self.backend().session(token_hash, self.now_millis())
    }

    pub fn delete_session(&self, token_hash: &[u8; 32]) -> Result<(), StoreError> {
        self.backend().delete_session(token_hash)
    }

    pub fn create_api_token(
        &self,
        token_hash: &[u8; 32],
        delegate: DelegateId,
        label: &str,
        expires_at: i64,
    ) -> Result<i64, StoreError> {
        self.backend().create_api_token(token_hash, delegate, label, expires_at, self.now_millis())
    }

    /// The delegate a live (unrevoked, unexpired) token belongs to.
    pub fn api_token_owner(&self, token_hash: &[u8; 32]) -> Result<Option<(i64, DelegateId)>, StoreError> {
        self.backend().api_token_owner(token_hash, self.now_millis())
    }

    pub fn api_tokens(&self, delegate: DelegateId) -> Result<Vec<ApiToken>, StoreError> {
        self.backend().api_tokens(delegate)
    }

    /// Revokes one of a delegate's tokens; `false` if they hold no live
    /// token with that id.
    pub fn revoke_api_token(&self, delegate: DelegateId, id: i64) -> Result<bool, StoreError> {
        self.backend().revoke_api_token(delegate, id, self.now_millis())
    }
}
