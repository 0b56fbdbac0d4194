//! The static assets: the style sheet, the scripts and the forum's mark.
//!
//! Each is served twice: at its plain address (`/assets/accord.css`,
//! cached for an hour, for whoever linked it) and at an address named by
//! its content (`/assets/accord.3f9a0c1b2d.css`, the first ten hex digits
//! of its SHA-256), which the page frame links and browsers may keep for a
//! year without asking again (`immutable`): a new release changes the
//! content, so the name, so the page links the new one. The names are
//! computed once, at the first request, from the bytes compiled in.

use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::AppState;

/// One asset: its plain file name, its media type and its bytes.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const ASSETS: [Asset; 4] = [
    Asset {
        name: "accord.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("../../assets/accord.css"),
    },
    Asset {
        name: "accord.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../assets/accord.js"),
    },
    Asset {
        name: "signing.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../assets/signing.js"),
    },
    Asset { name: "favicon.svg", content_type: "image/svg+xml", body: include_str!("../../assets/favicon.svg") },
];

/// How long a browser keeps an asset fetched at its plain address.
const PLAIN_CACHE: &str = "public, max-age=3600";
/// How long it keeps one fetched at its content's address: a year, without
/// asking again.
const HASHED_CACHE: &str = "public, max-age=31536000, immutable";

/// The content-named file name of each asset, in the order of [`ASSETS`].
fn hashed_names() -> &'static [String; 4] {
    static NAMES: OnceLock<[String; 4]> = OnceLock::new();
    NAMES.get_or_init(|| ASSETS.each_ref().map(|a| hashed_name(a.name, a.body.as_bytes())))
}

/// `accord.css` with content `body` → `accord.<10 hex digits>.css`.
fn hashed_name(name: &str, body: &[u8]) -> String {
    let digest = hex::encode(Sha256::digest(body));
    let (stem, extension) = name.rsplit_once('.').expect("asset names have an extension");
    format!("{stem}.{}.{extension}", &digest[..10])
}

/// The address the pages link for the asset `name` (`accord.css`): the
/// one named by its content.
///
/// # Panics
/// If `name` is not one of the assets (a template naming a file that does
/// not exist; every page test would find it).
pub fn href(name: &str) -> String {
    let at = ASSETS.iter().position(|a| a.name == name).unwrap_or_else(|| panic!("no asset {name}"));
    format!("/assets/{}", hashed_names()[at])
}

pub fn routes() -> crate::http::routes::Routes {
    crate::http::routes::Routes::new()
        .get("/assets/{file}", asset)
        // Browsers ask for it whatever the page links.
        .get("/favicon.ico", || async { serve(&ASSETS[3], PLAIN_CACHE) })
}

/// An asset by its plain or its content's name; any other name is 404.
async fn asset(
    Path(file): Path<String>,
    app: State<AppState>,
    user: crate::http::auth::MaybeUser,
    uri: axum::http::Uri,
) -> Response {
    let names = hashed_names();
    if let Some(at) = names.iter().position(|n| *n == file) {
        return serve(&ASSETS[at], HASHED_CACHE);
    }
    match ASSETS.iter().find(|a| a.name == file) {
        Some(a) => serve(a, PLAIN_CACHE),
        None => crate::http::page::not_found(app, user, uri).await,
    }
}

fn serve(asset: &Asset, cache: &'static str) -> Response {
    (StatusCode::OK, [(header::CONTENT_TYPE, asset.content_type), (header::CACHE_CONTROL, cache)], asset.body)
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_asset_is_named_by_its_content() {
        let a = hashed_name("accord.css", b"a { color: red }");
        let b = hashed_name("accord.css", b"a { color: blue }");
        assert!(a.starts_with("accord.") && a.ends_with(".css") && a.len() == "accord..css".len() + 10, "{a}");
        assert_ne!(a, b);
        assert_eq!(a, hashed_name("accord.css", b"a { color: red }"));
        assert_eq!(href("accord.js"), format!("/assets/{}", hashed_name("accord.js", ASSETS[1].body.as_bytes())));
    }
}
