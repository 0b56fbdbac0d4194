//! Serving a router on a TCP listener, with the timeouts a server facing
//! the internet needs.
//!
//! `axum::serve` sets no timer on its connections, so a client that opens
//! a connection and sends nothing, or a header a byte a minute, holds it
//! forever. Here each connection is HTTP/1.1 through hyper with a header
//! read timeout ([`HEADER_READ_TIMEOUT`] by default): a request's headers
//! must arrive within it, and hyper starts the same clock again when a
//! kept-alive connection goes idle after an answer, so it is the idle
//! timeout too. A request's body must arrive within
//! [`crate::Config::body_read_timeout`] ([`body_deadline`], a middleware of
//! [`crate::build`]); past it the body fails to read and the request is
//! refused as unreadable. Answers themselves have no limit:
//! the live event stream lasts as long as the page is open.
//!
//! Defaults: headers within 20 s, a body within 60 s; a graceful shutdown
//! waits at most 10 s for open requests.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::AppState;

/// How long a client may take to send a request's headers, and how long a
/// kept-alive connection may stay idle.
/// The most a connection buffers of what a client sends before the
/// request is read (its headers must fit; a longer header block gets 431),
/// so that a connection holding an unfinished request costs at most this.
pub const MAX_READ_BUFFER: usize = 16 * 1024;

/// The most connections served at once, and from one address. Beyond
/// either, a new connection is closed at once. (Behind a reverse proxy
/// every connection comes from the proxy's address; a proxy keeps far
/// fewer upstream connections than this.)
pub const MAX_CONNECTIONS: usize = 4096;
pub const MAX_CONNECTIONS_PER_ADDRESS: usize = 256;

/// Connections open now, in all and per address.
#[derive(Default)]
struct Connections {
    open: std::sync::Mutex<(usize, std::collections::HashMap<std::net::IpAddr, usize>)>,
}

/// One open connection, counted until dropped.
struct Held {
    connections: std::sync::Arc<Connections>,
    address: std::net::IpAddr,
}

impl Connections {
    fn take(self: &std::sync::Arc<Self>, address: std::net::IpAddr) -> Option<Held> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let (total, per) = &mut *open;
        let mine = per.get(&address).copied().unwrap_or(0);
        if *total >= MAX_CONNECTIONS || mine >= MAX_CONNECTIONS_PER_ADDRESS {
            return None;
        }
        *total += 1;
        per.insert(address, mine + 1);
        Some(Held { connections: self.clone(), address })
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut open = self.connections.open.lock().unwrap_or_else(|e| e.into_inner());
        let (total, per) = &mut *open;
        *total -= 1;
        if let Some(n) = per.get_mut(&self.address) {
            *n -= 1;
            if *n == 0 {
                per.remove(&self.address);
            }
        }
    }
}

pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(20);

/// How long a client may take to send a request's body (at most
/// [`crate::MAX_BODY`] bytes, or a zero draft).
pub const BODY_READ_TIMEOUT: Duration = Duration::from_secs(60);

/// How long a stopping server waits for answers in flight.
const DRAIN: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `shutdown` completes, then waits up
/// to ten seconds for the answers in flight. Headers must arrive within
/// `header_timeout`, which is also how long an idle connection is kept.
/// Handlers see the client's address as `ConnectInfo<SocketAddr>`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    header_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(header_timeout).keep_alive(true).max_buf_size(MAX_READ_BUFFER);
    let connections = std::sync::Arc::new(Connections::default());
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before
                    // it was accepted: wait a little rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(held) = connections.take(remote.ip()) else {
            // Over the limits: closed at once, before anything is read.
            tracing::debug!(%remote, "too many connections: closed");
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = router.clone().map_request(move |mut request: Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(remote));
            request.map(Body::new)
        });
        let connection =
            builder.serve_connection(TokioIo::new(stream), hyper_util::service::TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _held = held;
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, %remote, "connection ended");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN) => tracing::warn!("answers still in flight after {DRAIN:?}: stopping anyway"),
    }
    Ok(())
}

/// Middleware: the request's body must arrive within
/// [`crate::Config::body_read_timeout`]; past it, reading the body fails
/// (the handler answers as for any unreadable body).
pub async fn body_deadline(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let timeout = app.config.body_read_timeout;
    let body = Body::new(Deadline { inner: body, sleep: Box::pin(tokio::time::sleep(timeout)), timeout });
    next.run(Request::from_parts(parts, body)).await
}

/// A body that fails once its deadline passes.
struct Deadline {
    inner: Body,
    sleep: Pin<Box<tokio::time::Sleep>>,
    timeout: Duration,
}

/// The error a body too slow to arrive ends with.
#[derive(Debug, thiserror::Error)]
#[error("the request's body did not arrive within {} seconds", .0.as_secs())]
pub struct BodyTimeout(Duration);

impl http_body::Body for Deadline {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        let this = &mut *self;
        if let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx) {
            return Poll::Ready(frame);
        }
        if this.sleep.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Some(Err(axum::Error::new(BodyTimeout(this.timeout)))));
        }
        Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}
