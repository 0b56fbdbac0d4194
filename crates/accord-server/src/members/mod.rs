//! Members of the forum: the forum itself, members and observers,
//! admission and status, suspension, delegates and their accreditation,
//! officers, members' signing keys, and actions signed by a member.

pub mod actions;
pub mod api;
pub mod pages;
pub mod shapes;

/// The feature's routes: its API operations and its pages.
pub fn routes() -> crate::http::routes::Routes {
    api::routes().merge(pages::routes())
}
