//! Translations: the versions of a process's text in the forum's other
//! official languages, provision by provision, recorded by translators;
//! a translator's page (what is missing or out of date, with the redline of
//! the original since the version last translated) and a reader's view
//! (one language, or side by side with the original).

pub(crate) mod actions;
pub mod api;
pub mod pages;
pub mod shapes;

/// The feature's routes: its API operations and its pages.
pub fn routes() -> crate::http::routes::Routes {
    api::routes().merge(pages::routes())
}
