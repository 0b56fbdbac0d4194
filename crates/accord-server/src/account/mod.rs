//! One's own account: logging in and out, one's password, API tokens
//! (by password, and from the account page), and `GET /api/v1/me`.

pub mod api;
pub mod pages;

/// The feature's routes: its API operations and its pages.
pub fn routes() -> crate::http::routes::Routes {
    api::routes().merge(pages::routes())
}
