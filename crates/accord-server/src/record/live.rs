//! Live updates: one task waits for the record to grow and fans an event
//! out to every open event stream.
//!
//! The store announces its committed size after every commit (a watch
//! channel); the fan-out task reads the new entries once, renders one
//! `record` event, and hands the same bytes to every subscriber through a
//! broadcast channel. A stream that falls behind (more than
//! `BACKLOG` events unread) is given one event with the current size and
//! no entries: pages refresh on any `record` event, so nothing is missed.
//! Streams end when the server stops, so that open pages do not hold the
//! shutdown. At most [`crate::Config::max_event_streams`] streams are open
//! at once; beyond it a new one is refused (503 with `Retry-After`), and
//! pages go on working without live updates.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock, Weak};

use tokio::sync::{broadcast, watch};

use crate::App;

/// How many events a slow stream may leave unread before it is told only
/// the current size.
const BACKLOG: usize = 256;

/// The most entries one event lists.
const MAX_LISTED: u64 = 64;

pub struct Live {
    events: OnceLock<broadcast::Sender<Arc<str>>>,
    stop: watch::Sender<bool>,
    /// How many streams are open.
    open: Arc<AtomicUsize>,
}

impl Default for Live {
    fn default() -> Self {
        Live { events: OnceLock::new(), stop: watch::Sender::new(false), open: Arc::default() }
    }
}

/// One subscriber's view: the events, and the signal to end. Counts as an
/// open stream until dropped.
pub struct Subscription {
    pub events: broadcast::Receiver<Arc<str>>,
    pub stop: watch::Receiver<bool>,
    _slot: Slot,
}

/// A place among the open streams, given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Live {
    /// Ends every open stream and the fan-out task.
    pub fn stop(&self) {
        self.stop.send_replace(true);
    }

    /// How many streams are open.
    pub fn open_streams(&self) -> usize {
        self.open.load(Ordering::Acquire)
    }

    /// Subscribes to the events, starting the fan-out task on first use
    /// (it needs a Tokio runtime, which handlers have). Answers `None` when
    /// `limit` streams are open already.
    pub fn subscribe(&self, app: &Arc<App>, limit: usize) -> Option<Subscription> {
        let taken = self.open.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| (n < limit).then_some(n + 1));
        if taken.is_err() {
            return None;
        }
        let slot = Slot(self.open.clone());
        let sender = self.events.get_or_init(|| {
            let (sender, _) = broadcast::channel(BACKLOG);
            tokio::spawn(fan_out(Arc::downgrade(app), sender.clone(), self.stop.subscribe()));
            sender
        });
        Some(Subscription { events: sender.subscribe(), stop: self.stop.subscribe(), _slot: slot })
    }
}

/// Waits for commits and broadcasts one event per change of size. Holds
/// the application only weakly, so that dropping it (tests do) ends the
/// task when the store's sender goes.
async fn fan_out(app: Weak<App>, sender: broadcast::Sender<Arc<str>>, mut stop: watch::Receiver<bool>) {
    let (mut sizes, mut seen) = match app.upgrade() {
        Some(app) => (app.store.watch_len(), app.store.len()),
        None => return,
    };
    loop {
        tokio::select! {
            changed = sizes.changed() => if changed.is_err() { return },
            _ = stop.changed() => return,
        }
        let now = *sizes.borrow_and_update();
        if now <= seen {
            continue;
        }
        let Some(app) = app.upgrade() else { return };
        let data = render(&app, seen, now);
        drop(app);
        seen = now;
        // No subscriber is not an error: the next one gets the next event.
        let _ = sender.send(data);
    }
}

/// The event for entries `seen..now`: the new size and, for the first
/// entries, their kind and what they concern.
fn render(app: &App, seen: u64, now: u64) -> Arc<str> {
    let entries = app.store.entries(seen.checked_sub(1), MAX_LISTED.min(now - seen)).unwrap_or_default();
    let list: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            let payload = serde_json::to_value(&e.body).ok().map(|v| v["payload"].clone()).unwrap_or_default();
            let mut item = serde_json::json!({"index": e.index, "kind": e.body.kind()});
            for key in ["process", "meeting", "vote", "consensus", "silence"] {
                if let Some(v) = payload.get(key).filter(|v| v.is_u64()) {
                    item[key] = v.clone();
                }
            }
            item
        })
        .collect();
    serde_json::json!({"size": now, "entries": list}).to_string().into()
}

/// The event a stream that fell behind gets instead of those it missed.
pub fn catch_up(size: u64) -> String {
    serde_json::json!({"size": size, "entries": []}).to_string()
}
