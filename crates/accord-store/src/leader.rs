//! Leading and following, when several servers share one database
//! (PostgreSQL).
//!
//! One thread per store (`accord-leader`) drives a
//! [`Leadership`](crate::backend::Leadership):
//! - **Following**, it keeps the published state up to date: woken by the
//!   database's notification of a commit (or every [`POLL`] at the latest),
//!   it reads the tree hashes and entries committed since its state
//!   ([`catch_up`]), checks each entry against its stored leaf hash and
//!   folds it with every check of the start-up replay. Between catch-ups it
//!   tries to take the role, at most every [`POLL`].
//! - **Taking over**, the role's term is moved on in the database first (a
//!   batch of any earlier leader is refused from then on), then the store
//!   catches up with everything committed before, records the head it
//!   reached under its term, and only then sets [`Shared::term`]: the
//!   sequencer starts from a copy of that state, after the last committed
//!   entry. No acknowledged entry is lost and none is written twice.
//! - **Leading**, it checks every [`POLL`] that the role is still held (the
//!   lock's connection alive) and that the committer has not ended the term
//!   (a fenced batch); if either, it gives the role up and follows.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use accord_log::Hash;

use crate::backend::Leadership;
use crate::{Shared, StoreError};

/// How often a follower tries for the role and a leader checks it holds it.
/// A dead leader is replaced within about this, after PostgreSQL ends its
/// session (at once when the process dies with its machine up).
pub(crate) const POLL: Duration = Duration::from_millis(250);

/// How long a store opened to write (the CLI) waits for the role.
pub(crate) const OPEN_WAIT: Duration = Duration::from_secs(5);

/// How many entries a catch-up reads and folds at a time.
const CHUNK: u64 = 1024;

/// The leadership thread, stopped when the store shuts down.
pub(crate) struct Handle {
    stop: Arc<AtomicBool>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Handle {
    /// Stops the thread and gives the role up. Called after the writer
    /// committed what it held.
    pub(crate) fn stop(&self) {
        self.stop.store(true, Ordering::Release);
        if let Some(t) = self.thread.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let _ = t.join();
        }
    }
}

pub(crate) fn spawn(leadership: Box<dyn Leadership>, shared: Arc<Shared>) -> Result<Handle, StoreError> {
    let stop = Arc::new(AtomicBool::new(false));
    let thread = {
        let stop = stop.clone();
        std::thread::Builder::new()
            .name("accord-leader".into())
            .spawn(move || run(leadership, &shared, &stop))
            .map_err(|e| StoreError::Damaged { index: 0, reason: format!("cannot start the leadership thread: {e}") })?
    };
    Ok(Handle { stop, thread: Mutex::new(Some(thread)) })
}

/// How often a failure that goes on (the database unreachable) is logged
/// again: the first is logged at once, and the recovery.
const REPEAT_LOG: Duration = Duration::from_secs(30);

/// A failure that repeats every [`POLL`]: logged when it begins, then
/// every [`REPEAT_LOG`] with the number of attempts, and when it ends.
#[derive(Default)]
struct Trouble {
    since: Option<Instant>,
    logged: Option<Instant>,
    attempts: u64,
}

impl Trouble {
    /// Whether this failure is to be logged now.
    fn failed(&mut self) -> bool {
        self.attempts += 1;
        let now = Instant::now();
        self.since.get_or_insert(now);
        if self.logged.is_none_or(|at| now.duration_since(at) >= REPEAT_LOG) {
            self.logged = Some(now);
            return true;
        }
        false
    }

    /// Ends a run of failures: answers how long it lasted and how many
    /// attempts failed, if it was one.
    fn ended(&mut self) -> Option<(Duration, u64)> {
        let since = self.since.take()?;
        self.logged = None;
        Some((since.elapsed(), std::mem::take(&mut self.attempts)))
    }
}

fn run(mut l: Box<dyn Leadership>, shared: &Shared, stop: &AtomicBool) {
    let mut leading = false;
    let mut tried = Instant::now() - POLL;
    let (mut following, mut reaching) = (Trouble::default(), Trouble::default());
    while !stop.load(Ordering::Acquire) {
        if leading {
            if shared.term.load(Ordering::Acquire) == 0 || !l.still_leading() {
                shared.term.store(0, Ordering::Release);
                l.step_down();
                leading = false;
                tracing::warn!("this server no longer leads the writes: it follows the record");
                continue;
            }
            l.rest_while_leading(POLL);
            continue;
        }
        match catch_up(shared, &*l) {
            Err(error) => {
                if following.failed() {
                    tracing::error!(%error, attempts = following.attempts, "could not follow the record");
                }
            }
            Ok(_) => {
                if let Some((lasted, attempts)) = following.ended() {
                    tracing::info!(?lasted, attempts, "following the record again");
                }
            }
        }
        if tried.elapsed() < POLL {
            l.wait_for_commit(POLL - tried.elapsed());
            continue;
        }
        tried = Instant::now();
        let attempt = l.try_lead();
        if attempt.is_ok() {
            if let Some((lasted, attempts)) = reaching.ended() {
                tracing::info!(?lasted, attempts, "the database is reachable again");
            }
        }
        match attempt {
            Ok(Some(term)) => match take_over(shared, &mut *l, term) {
                Ok(size) => {
                    shared.term.store(term, Ordering::Release);
                    leading = true;
                    tracing::info!(term, size, "this server leads the writes");
                }
                Err(error) => {
                    l.step_down();
                    tracing::error!(%error, "could not take over the writes");
                }
            },
            Ok(None) => l.wait_for_commit(POLL),
            Err(error) => {
                if reaching.failed() {
                    tracing::warn!(
                        %error,
                        attempts = reaching.attempts,
                        "could not reach the database to try for the writer's role (tried every quarter second; \
                         logged again every 30 s while it lasts)"
                    );
                }
                std::thread::sleep(POLL);
            }
        }
    }
    shared.term.store(0, Ordering::Release);
    l.step_down();
}

/// With the role and a new term: catches up with everything committed
/// before the term began, and records the head reached. Answers its size.
fn take_over(shared: &Shared, l: &mut dyn Leadership, term: u64) -> Result<u64, StoreError> {
    catch_up(shared, l)?;
    let (size, root) = {
        let tree = shared.tree.read().unwrap_or_else(|e| e.into_inner());
        (tree.size(), tree.root())
    };
    l.set_head(term, size, &root)?;
    Ok(size)
}

/// Folds into the published state and tree what other servers committed
/// since, with the checks of the start-up replay. Answers how many entries
/// it folded.
pub(crate) fn catch_up(shared: &Shared, l: &dyn Leadership) -> Result<u64, StoreError> {
    let _gate = shared.gate.lock().unwrap_or_else(|e| e.into_inner());
    let (mut next, have) = {
        let tree = shared.tree.read().unwrap_or_else(|e| e.into_inner());
        (tree.size(), tree.stored_len())
    };
    let mut new: Vec<Hash> = Vec::new();
    for (first, bytes) in l.hash_runs_from(have)? {
        if first != have + new.len() || bytes.is_empty() || !bytes.len().is_multiple_of(32) {
            return Err(StoreError::Damaged {
                index: next,
                reason: format!("stored tree hashes from {first} are out of place or not whole hashes"),
            });
        }
        new.extend(bytes.chunks_exact(32).map(|h| Hash(h.try_into().expect("32 bytes"))));
    }
    let count = |n: u64| accord_log::tree::stored_hash_count(n) as usize;
    // The entries the new hashes cover: a batch writes both together.
    let mut end = next;
    while count(end + 1) <= have + new.len() {
        end += 1;
    }
    let folded = end - next;
    while next < end {
        let rows = shared.backend.entry_bytes(next as i64, CHUNK.min(end - next) as i64)?;
        if rows.is_empty() {
            return Err(StoreError::Damaged { index: next, reason: "the tree has hashes for a missing entry".into() });
        }
        let mut decoded = Vec::with_capacity(rows.len());
        for (index, bytes) in rows {
            if index != next + decoded.len() as u64 {
                return Err(StoreError::Damaged { index, reason: "entries are missing before it".into() });
            }
            let leaf = new[count(index) - have];
            let entry = crate::decode_entry_at(|sha256| shared.backend.blob(sha256), Some(leaf), index, &bytes)?;
            decoded.push((index, entry));
        }
        let mut state = shared.state.write().unwrap_or_else(|e| e.into_inner());
        let mut tree = shared.tree.write().unwrap_or_else(|e| e.into_inner());
        for (index, (entry, leaf)) in decoded {
            crate::fold_checked(&mut state, &entry, &leaf)?;
            tree.append_stored(&new[count(index) - have..count(index + 1) - have]);
            next = index + 1;
        }
        shared.committed.send_replace(state.next_index);
    }
    Ok(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_that_goes_on_is_logged_once_then_every_while_and_its_end() {
        let mut trouble = Trouble::default();
        assert_eq!(trouble.ended(), None, "no run of failures yet");
        assert!(trouble.failed(), "the first failure is logged");
        for _ in 0..100 {
            assert!(!trouble.failed(), "repeats within the interval are not");
        }
        trouble.logged = Some(Instant::now() - REPEAT_LOG);
        assert!(trouble.failed(), "logged again once the interval passed");
        let (_, attempts) = trouble.ended().expect("a run ended");
        assert_eq!(attempts, 102);
        assert_eq!(trouble.ended(), None);
        assert!(trouble.failed(), "a new run is logged at once");
    }
}
