//! Open consultations: the secretariat opens one (on a process's text or
//! on chosen provisions), seeds it with statements and moderates those
//! participants write; delegates, stakeholders and members of the public
//! join under pseudonyms (`participants`) and vote agree, disagree or pass
//! one statement at a time; the analysis (`analysis`: opinion groups,
//! representative, consensus and bridging statements, the opinion map) is
//! served as it stands and published in the record, where `accord verify`
//! recomputes it.

pub(crate) mod actions;
pub mod analysis;
pub mod api;
pub mod pages;
pub mod participants;
pub mod shapes;

/// The feature's routes: its API operations and its pages.
pub fn routes() -> crate::http::routes::Routes {
    api::routes().merge(pages::routes())
}
