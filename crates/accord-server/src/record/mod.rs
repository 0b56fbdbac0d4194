//! The record: its entries, the transparency log over it (checkpoints,
//! tiles, proofs, receipts, witnesses), the live event stream, and the
//! home page.

pub mod api;
pub mod live;
pub mod log;
pub mod log_dir;
pub mod pages;
pub mod shapes;
pub mod witness;

/// The feature's routes: its API operations, its pages, and the log's
/// tiles, checkpoints and proofs.
pub fn routes() -> crate::http::routes::Routes {
    api::routes().merge(pages::routes()).merge(log::routes())
}
