//! Akoma Ntoso export and import, checked against the schema with xmllint
//! and against real documents.

mod export;
mod hostile;
mod helpers;
mod import;
