//! Meetings and decisions: rules of procedure, sessions, meetings and
//! attendance, agenda and speakers, recorded votes, consensus, silence
//! procedures (with the scheduler that concludes them), important
//! questions and the summary record.

pub(crate) mod actions;
pub mod api;
pub mod pages;
pub mod shapes;

/// The feature's routes: its API operations and its pages.
pub fn routes() -> crate::http::routes::Routes {
    api::routes().merge(pages::routes())
}
