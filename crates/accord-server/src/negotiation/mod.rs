//! Negotiating texts: processes, their versions and redlines, the rolling
//! text, proposals and the chair's acts on them.

pub(crate) mod actions;
pub mod api;
pub mod pages;
pub mod shapes;

/// The feature's routes: its API operations and its pages.
pub fn routes() -> crate::http::routes::Routes {
    api::routes().merge(pages::routes())
}
