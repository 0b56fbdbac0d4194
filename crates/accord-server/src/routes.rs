//! The application's routes, each declared once with its method. The
//! router is built from this list, so the list ([`crate::route_list`]) is
//! exactly what the router answers: the authorization test checks every
//! state-changing route in it against a table of roles, and a route
//! missing from that table fails the test.

use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{MethodFilter, MethodRouter};
use axum::Router;

use crate::AppState;

/// Routes as `(method, path, handler)`: build one with [`Routes::new`]
/// and the method-named adders, join them with [`Routes::merge`], and turn
/// them into a router with [`Routes::into_router`].
#[derive(Default)]
pub struct Routes {
    routes: Vec<(Method, &'static str, MethodRouter<AppState>)>,
}

impl Routes {
    pub fn new() -> Self {
        Self::default()
    }

    fn add<H, T>(mut self, method: Method, path: &'static str, handler: H, limit: Option<usize>) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = MethodFilter::try_from(method.clone()).expect("routes use the standard methods");
        let mut route = axum::routing::on(filter, handler);
        if let Some(limit) = limit {
            route = route.layer(DefaultBodyLimit::max(limit));
        }
        self.routes.push((method, path, route));
        self
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::GET, path, handler, None)
    }
    pub fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::POST, path, handler, None)
    }
    /// A POST whose body may be larger than [`crate::MAX_BODY`], up to `limit` bytes.
    pub fn post_limited<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        handler: H,
        limit: usize,
    ) -> Self {
        self.add(Method::POST, path, handler, Some(limit))
    }
    pub fn put<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::PUT, path, handler, None)
    }
    pub fn patch<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::PATCH, path, handler, None)
    }
    pub fn delete<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::DELETE, path, handler, None)
    }

    pub fn merge(mut self, other: Routes) -> Self {
        self.routes.extend(other.routes);
        self
    }

    /// Every `(method, path)`, in the order declared.
    pub fn list(&self) -> Vec<(Method, &'static str)> {
        self.routes.iter().map(|(m, p, _)| (m.clone(), *p)).collect()
    }

    pub fn into_router(self) -> Router<AppState> {
        self.routes.into_iter().fold(Router::new(), |router, (_, path, route)| router.route(path, route))
    }
}
