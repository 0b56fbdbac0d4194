//! A cache of rendered views that are costly to build and read by many at
//! once: the rolling text of a process (its page and its JSON), which a
//! hundred delegations reload during a meeting.
//!
//! A view is a function of the state, and the state changes only when an
//! entry is appended; so a cached view is kept with the size of the record
//! it was built from, and is used only while the record still has that
//! size. One view is built at a time (the others wait for it and then read
//! it), on a blocking thread, under the state's read lock so that the size
//! and the view agree.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use accord_domain::State;

use crate::error::ApiError;
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

/// The view under `key`, built by `make` from the current state when the
/// record has grown since it was last built. Refusals are not cached.
pub async fn cached<T, F>(app: &AppState, key: String, make: F) -> Result<Arc<T>, ApiError>
where
    T: Send + Sync + 'static,
    F: FnOnce(&State) -> Result<T, ApiError> + Send + 'static,
{
    if let Some(hit) = app.views.lookup::<T>(&key, app.store.len()) {
        return Ok(hit);
    }
    let _gate = app.views.gate.lock().await;
    if let Some(hit) = app.views.lookup::<T>(&key, app.store.len()) {
        return Ok(hit);
    }
    let owner = app.clone();
    let (size, view) = tokio::task::spawn_blocking(move || {
        let state = owner.store.state();
        let size = state.next_index;
        make(&state).map(|v| (size, Arc::new(v)))
    })
    .await
    .map_err(|_| ApiError::internal())??;
    let mut views = app.views.views.lock().unwrap_or_else(|e| e.into_inner());
    if views.len() >= MAX_VIEWS {
        views.clear();
    }
    views.insert(key, (size, view.clone()));
    Ok(view)
}
