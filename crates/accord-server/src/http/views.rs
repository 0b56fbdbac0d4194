//! A cache of rendered views that are costly to build and read by many at
//! once: the rolling text of a process (its page and its JSON), which a
//! hundred delegations reload during a meeting.
//!
//! A view is a function of the state, and the state changes only when an
//! entry is appended; so a cached view is kept with a *stamp* of the state
//! it was built from, and is used only while the state has that stamp. The
//! stamp of a view of one process is the index of the last entry that
//! changed that process (`Process::changed`), and of the list of
//! processes the latest of those, so that attendance, speakers and votes on
//! other things do not make a hundred delegations' rolling text be built
//! again. One view is built at
//! a time (the others wait for it and then read it), on a blocking thread,
//! under the state's read lock so that the stamp and the view agree.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use accord_domain::State;

use crate::http::error::ApiError;
use crate::AppState;

/// At most this many views are kept; beyond it the cache starts afresh.
const MAX_VIEWS: usize = 256;

type Entry = (u64, Arc<dyn Any + Send + Sync>);

#[derive(Default)]
pub struct ViewCache {
    views: Mutex<HashMap<String, Entry>>,
    gate: tokio::sync::Mutex<()>,
}

impl ViewCache {
    fn lookup<T: Send + Sync + 'static>(&self, key: &str, size: u64) -> Option<Arc<T>> {
        let views = self.views.lock().unwrap_or_else(|e| e.into_inner());
        let (at, view) = views.get(key)?;
        (*at == size).then(|| view.clone().downcast::<T>().ok()).flatten()
    }
}

/// The view under `key`, built by `make` when `stamp` of the current state
/// differs from the stamp it was built at. `stamp` must change whenever
/// anything `make` reads changes. Refusals are not cached. `make` runs in
/// the request's language; a view that holds words of the interface (a
/// rendered page fragment) must have the language in its `key`.
pub async fn cached_by<T, S, F>(app: &AppState, key: String, stamp: S, make: F) -> Result<Arc<T>, ApiError>
where
    T: Send + Sync + 'static,
    S: Fn(&State) -> u64 + Send + 'static,
    F: FnOnce(&State) -> Result<T, ApiError> + Send + 'static,
{
    let now = stamp(&app.store.state());
    if let Some(hit) = app.views.lookup::<T>(&key, now) {
        return Ok(hit);
    }
    let _gate = app.views.gate.lock().await;
    let now = stamp(&app.store.state());
    if let Some(hit) = app.views.lookup::<T>(&key, now) {
        return Ok(hit);
    }
    let owner = app.clone();
    // The request's language is a task-local, not seen on the blocking
    // thread: carried there, a refusal `make` builds speaks it.
    let lang = crate::http::i18n::current();
    let (at, view) = tokio::task::spawn_blocking(move || {
        lang.scope_sync(|| {
            let state = owner.store.state();
            let at = stamp(&state);
            make(&state).map(|v| (at, Arc::new(v)))
        })
    })
    .await
    .map_err(|_| ApiError::internal())??;
    let mut views = app.views.views.lock().unwrap_or_else(|e| e.into_inner());
    if views.len() >= MAX_VIEWS {
        views.clear();
    }
    views.insert(key, (at, view.clone()));
    Ok(view)
}

/// The stamp of the views of process `id`: the last entry that changed it.
pub fn process_stamp(id: u64) -> impl Fn(&State) -> u64 + Send + 'static {
    move |state: &State| state.process(id).map_or(u64::MAX, |p| p.changed)
}

/// The stamp of views of every process (their list and summaries).
pub fn processes_stamp(state: &State) -> u64 {
    state.processes.iter().map(|p| p.changed).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{cached_by, MAX_VIEWS};

    /// However many different views are asked for, the cache holds at
    /// most [`MAX_VIEWS`], and still answers each.
    #[tokio::test]
    async fn the_cache_holds_at_most_max_views() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(accord_store::Store::open(&dir.path().join("accord.sqlite3")).unwrap());
        let key = accord_log::checkpoint::LogSigner::generate("accord.test/views").unwrap();
        let signer = accord_log::checkpoint::LogSigner::from_key(&key).unwrap();
        let (_, app) = crate::build(store.clone(), crate::Config::default(), signer);
        for i in 0..(3 * MAX_VIEWS + 7) {
            let view = cached_by(&app, format!("view {i}"), |_| 0, move |_| Ok(i)).await.unwrap();
            assert_eq!(*view, i);
            let held = app.views.views.lock().unwrap().len();
            assert!(held <= MAX_VIEWS, "{held} views held");
        }
        drop(app);
        store.shutdown();
    }
}
