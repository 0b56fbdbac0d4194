//! Negotiating texts: processes, their versions and redlines, the rolling
//! text, proposals and the chair's acts on them, and the texts as
//! documents (`documents`: Akoma Ntoso and Markdown).

pub(crate) mod actions;
pub mod api;
pub mod documents;
pub mod pages;
pub mod shapes;

/// The feature's routes: its API operations and its pages.
pub fn routes() -> crate::http::routes::Routes {
    api::routes().merge(documents::routes()).merge(pages::routes())
}
