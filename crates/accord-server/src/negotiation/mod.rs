//! Negotiating texts: processes, their versions and redlines, the rolling
//! text, proposals and the chair's acts on them, and the texts as
//! documents (`documents`: Akoma Ntoso, Word and Markdown), and the
//! conference room papers the secretariat issues of them (`papers`).

pub(crate) mod actions;
pub mod api;
pub mod documents;
pub mod pages;
pub mod papers;
pub mod shapes;

/// The feature's routes: its API operations and its pages.
pub fn routes() -> crate::http::routes::Routes {
    api::routes().merge(documents::routes()).merge(papers::routes()).merge(pages::routes())
}
