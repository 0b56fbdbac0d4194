//! The HTTP layer every feature stands on. It imports nothing from the
//! feature folders (a unit test in `lib.rs` checks it).

pub mod assets;
pub mod auth;
pub mod compression;
pub mod error;
pub mod extract;
pub mod i18n;
pub mod ids;
pub mod limits;
pub mod metrics;
pub mod openapi;
pub mod openapi_errors;
pub mod page;
pub mod pdf;
pub mod ranges;
pub mod routes;
pub mod security;
pub mod server;
pub mod signing;
pub mod time;
pub mod views;
