//! Akoma Ntoso export and import, checked against the schema with xmllint
//! and against real documents.

mod debate;
mod docx;
mod export;
mod helpers;
mod hostile;
mod import;
mod negotiation;
mod world;
