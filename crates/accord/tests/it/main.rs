//! Accord's integration tests: one binary, modules per feature.
//!
//! - [`helpers`]: a fresh forum in a temporary directory, the app as a
//!   router called in-process, and a spawned `accord` process where a real
//!   socket is needed (crash and browser tests).

mod helpers;

mod access;
mod accessibility;
mod api_input;
mod authorization;
mod backup;
mod browser;
mod browser_signing;
mod cli;
mod consult;
mod consultations;
mod crash;
mod decisions;
mod delivery;
mod documents;
mod failover;
mod hardening;
mod i18n;
mod i18n_errors;
mod interop;
mod log;
mod log_dir;
mod login_limits;
mod negotiation;
mod openapi_baseline;
mod page_signatures;
mod pages;
mod papers;
mod pdf;
mod phone;
mod postgres_restart;
mod ranges;
mod readme;
mod record;
mod record_edition_3;
mod rtl;
mod signatures;
mod translations;
mod unicode;
mod verify;
mod weak_keys;
mod witness;
mod write_limits;
