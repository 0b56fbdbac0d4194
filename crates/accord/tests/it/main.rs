//! Accord's integration tests: one binary, modules per feature.
//!
//! - [`helpers`]: a fresh forum in a temporary directory, the app as a
//!   router called in-process, and a spawned `accord` process where a real
//!   socket is needed (crash and browser tests).

mod helpers;

mod access;
mod api_input;
mod browser;
mod cli;
mod crash;
mod decisions;
mod interop;
mod log;
mod negotiation;
mod pages;
mod record;
mod signatures;
mod verify;
mod weak_keys;
mod witness;
