//! The application's routes, each declared once with its method. The
//! router is built from this list, so the list ([`crate::route_list`]) is
//! exactly what the router answers: the authorization test checks every
//! state-changing route in it against a table of roles, and a route
//! missing from that table fails the test.
//!
//! An operation of the JSON API is added with [`Routes::api`] and the
//! `utoipa_axum::routes!` of its handler: its path and method come from the
//! handler's `#[utoipa::path]`, and its operation goes into the OpenAPI
//! document with it, so that the document cannot miss a route. Pages and
//! the other addresses are added with the method-named adders.

use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{MethodFilter, MethodRouter};
use axum::Router;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

use crate::AppState;

/// Routes as `(method, path, handler)`: build one with [`Routes::new`],
/// [`Routes::api`] and the method-named adders, join them with
/// [`Routes::merge`], and turn them into a router and the operations of
/// the OpenAPI document with [`Routes::into_parts`].
pub struct Routes {
    router: OpenApiRouter<AppState>,
    list: Vec<(Method, String)>,
}

impl Default for Routes {
    fn default() -> Self {
        Self { router: OpenApiRouter::new(), list: Vec::new() }
    }
}

impl Routes {
    pub fn new() -> Self {
        Self::default()
    }

    /// A documented operation of the API (`routes!(handler)`).
    pub fn api(self, route: UtoipaMethodRouter<AppState>) -> Self {
        self.add_api(route, None)
    }

    /// [`Routes::api`] for an operation whose body may be larger than
    /// [`crate::MAX_BODY`], up to `limit` bytes.
    pub fn api_limited(self, route: UtoipaMethodRouter<AppState>, limit: usize) -> Self {
        self.add_api(route, Some(limit))
    }

    fn add_api(mut self, (schemas, paths, mut route): UtoipaMethodRouter<AppState>, limit: Option<usize>) -> Self {
        if let Some(limit) = limit {
            route = route.layer(DefaultBodyLimit::max(limit));
        }
        for (path, item) in paths.paths.iter() {
            let methods = [
                (Method::GET, item.get.is_some()),
                (Method::PUT, item.put.is_some()),
                (Method::POST, item.post.is_some()),
                (Method::DELETE, item.delete.is_some()),
                (Method::PATCH, item.patch.is_some()),
                (Method::HEAD, item.head.is_some()),
                (Method::OPTIONS, item.options.is_some()),
                (Method::TRACE, item.trace.is_some()),
            ];
            for (method, present) in methods {
                if present {
                    self.list.push((method, path.clone()));
                }
            }
        }
        self.router = self.router.routes((schemas, paths, route));
        self
    }

    fn add<H, T>(mut self, method: Method, path: &str, handler: H, limit: Option<usize>) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = MethodFilter::try_from(method.clone()).expect("routes use the standard methods");
        let mut route: MethodRouter<AppState> = axum::routing::on(filter, handler);
        if let Some(limit) = limit {
            route = route.layer(DefaultBodyLimit::max(limit));
        }
        self.router = self.router.route(path, route);
        self.list.push((method, path.to_owned()));
        self
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Self {
        self.add(Method::GET, path, handler, None)
    }
    pub fn post<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Self {
        self.add(Method::POST, path, handler, None)
    }
    /// A POST whose body may be larger than [`crate::MAX_BODY`], up to `limit` bytes.
    pub fn post_limited<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H, limit: usize) -> Self {
        self.add(Method::POST, path, handler, Some(limit))
    }
    pub fn put<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Self {
        self.add(Method::PUT, path, handler, None)
    }
    pub fn patch<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Self {
        self.add(Method::PATCH, path, handler, None)
    }
    pub fn delete<H: Handler<T, AppState>, T: 'static>(self, path: &str, handler: H) -> Self {
        self.add(Method::DELETE, path, handler, None)
    }

    pub fn merge(mut self, other: Routes) -> Self {
        self.router = self.router.merge(other.router);
        self.list.extend(other.list);
        self
    }

    /// Every `(method, path)`, in the order declared.
    pub fn list(&self) -> Vec<(Method, String)> {
        self.list.clone()
    }

    /// The router, and the OpenAPI document of the operations added with
    /// [`Routes::api`] (on the frame `base`).
    pub fn into_parts(self, base: utoipa::openapi::OpenApi) -> (Router<AppState>, utoipa::openapi::OpenApi) {
        let router = OpenApiRouter::with_openapi(base).merge(self.router);
        router.split_for_parts()
    }
}
