//! Checking an Accord forum from outside, as a member, an auditor or
//! anyone: nothing here trusts the server.
//!
//! # Layout
//! - [`verify`]: `accord verify` — fetch the checkpoint, the tiles and the
//!   entries (from the forum or a mirrored copy), check every signature
//!   and hash, replay every entry through the domain, compare the result
//!   with what the server publishes, and prove that the log only grew since
//!   the last run.
//! - [`sign`]: members' keys and signed actions (`accord keygen`, `sign`,
//!   `submit`).
//! - [`source`]: where the log is read from: a URL or a directory.

pub mod sign;
pub mod source;
pub mod verify;
