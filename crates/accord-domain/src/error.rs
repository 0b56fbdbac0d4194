//! Why the domain refuses an action or an entry.
//!
//! # Error policy
//! Every refusal is a [`Refusal`] with a stable machine `code` (used as the
//! `error` field of the JSON API and never renamed), a message that tells the
//! user what is wrong and what to do (lower-case, no trailing dot), and a
//! [`RefusalKind`] that the HTTP layer maps to a status. A refusal changes
//! nothing: the domain checks everything before it folds an entry.

use std::fmt;

/// The class of a refusal; the server maps it to an HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalKind {
    /// The input is malformed (400).
    Invalid,
    /// The actor is not allowed to do this (403).
    Forbidden,
    /// What the action names does not exist (404).
    NotFound,
    /// The action conflicts with the state, e.g. a member admitted twice (409).
    Conflict,
    /// Well-formed, but the rules refuse it (422).
    Unprocessable,
    /// Larger than Accord accepts (413).
    TooLarge,
}

/// A refusal: nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Refusal {
    pub kind: RefusalKind,
    /// Stable machine code, e.g. `member_exists`.
    pub code: &'static str,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl Refusal {
    pub fn invalid(code: &'static str, message: impl Into<String>) -> Self {
        Self { kind: RefusalKind::Invalid, code, message: message.into() }
    }
    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        Self { kind: RefusalKind::Forbidden, code, message: message.into() }
    }
    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Self { kind: RefusalKind::NotFound, code, message: message.into() }
    }
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self { kind: RefusalKind::Conflict, code, message: message.into() }
    }
    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> Self {
        Self { kind: RefusalKind::Unprocessable, code, message: message.into() }
    }
    pub fn too_large(code: &'static str, message: impl Into<String>) -> Self {
        Self { kind: RefusalKind::TooLarge, code, message: message.into() }
    }
}
