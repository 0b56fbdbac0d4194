//! The one clock Accord goes by.
//!
//! Every time the application reads comes from a [`Clock`]: the time the
//! writer stamps on entries, the times of the private tables (sessions,
//! tokens, accounts), checkpoints, the server's deadlines (silence
//! procedures), its pages' "now", and the monotonic time of the log-in
//! delays and write limits. A clock is either the system's
//! ([`Clock::system`], what `accord serve` uses) or a manual one that stands
//! still until it is moved ([`Clock::manual`], for tests, which then set
//! the time instead of sleeping).
//!
//! A clock has two readings:
//! - [`Clock::now_unix_ms`], wall time in Unix milliseconds: what entries
//!   are stamped with and deadlines are compared with. The system's wall
//!   clock may step back; the writer never lets entry times go backwards.
//! - [`Clock::now`], the time since the clock was made, which never goes
//!   backwards: what delays and refills are measured with.
//!
//! [`Clock::sleep_until_unix_ms`] waits for a wall time (a deadline): on
//! the system clock it sleeps in steps of at most a second, so that a step
//! of the wall clock is noticed. [`Clock::sleep_until`] and [`Clock::sleep`]
//! wait on the monotonic reading (an interval). On a manual clock both wake
//! as soon as the clock is moved to or past the time waited for.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tokio::sync::watch;

/// The time Accord goes by (see the module's documentation). Cloning
/// shares the clock: moving a manual clock moves every clone.
#[derive(Clone)]
pub struct Clock(Arc<Source>);

enum Source {
    System(Instant),
    Manual(watch::Sender<Manual>),
}

/// A manual clock's readings.
#[derive(Debug, Clone, Copy)]
struct Manual {
    unix_ms: i64,
    elapsed: Duration,
}

/// The longest a system-clock wait sleeps before it reads the wall clock
/// again.
const SYSTEM_STEP: Duration = Duration::from_secs(1);

impl Clock {
    /// The system's clocks: wall time from `SystemTime`, monotonic time
    /// from `Instant`.
    pub fn system() -> Clock {
        Clock(Arc::new(Source::System(Instant::now())))
    }

    /// A clock that stands at `start_unix_ms` until [`Clock::advance`] or
    /// [`Clock::set_unix_ms`] moves it.
    pub fn manual(start_unix_ms: i64) -> Clock {
        Clock(Arc::new(Source::Manual(watch::Sender::new(Manual { unix_ms: start_unix_ms, elapsed: Duration::ZERO }))))
    }

    /// Whether this is a manual clock.
    pub fn is_manual(&self) -> bool {
        matches!(&*self.0, Source::Manual(_))
    }

    /// Whether `self` and `other` are the same clock (clones of one
    /// another).
    pub fn same_as(&self, other: &Clock) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// Wall time in Unix milliseconds (0 if the system clock is before 1970).
    pub fn now_unix_ms(&self) -> i64 {
        match &*self.0 {
            Source::System(_) => {
                SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis().min(i64::MAX as u128) as i64)
            }
            Source::Manual(m) => m.borrow().unix_ms,
        }
    }

    /// Monotonic time: how long since the clock was made. Never goes
    /// backwards, whatever the wall clock does.
    pub fn now(&self) -> Duration {
        match &*self.0 {
            Source::System(start) => start.elapsed(),
            Source::Manual(m) => m.borrow().elapsed,
        }
    }

    /// Moves a manual clock forward: both readings move by `by`. The system
    /// clock moves by itself and is left alone.
    pub fn advance(&self, by: Duration) {
        if let Source::Manual(m) = &*self.0 {
            let ms = by.as_millis().min(i64::MAX as u128) as i64;
            m.send_modify(|t| {
                t.unix_ms = t.unix_ms.saturating_add(ms);
                t.elapsed = t.elapsed.saturating_add(by);
            });
        }
    }

    /// Sets a manual clock's wall time, forward or back (as a system's wall
    /// clock may be set back); the monotonic reading moves only forward, by
    /// as much as the wall time did. The system clock is left alone.
    pub fn set_unix_ms(&self, unix_ms: i64) {
        if let Source::Manual(m) = &*self.0 {
            m.send_modify(|t| {
                let forward = unix_ms.saturating_sub(t.unix_ms).max(0) as u64;
                t.elapsed = t.elapsed.saturating_add(Duration::from_millis(forward));
                t.unix_ms = unix_ms;
            });
        }
    }

    /// Waits until the wall time is `unix_ms` or later. On a manual clock it
    /// returns as soon as the clock is moved there; until then it waits
    /// however long that takes.
    pub async fn sleep_until_unix_ms(&self, unix_ms: i64) {
        match &*self.0 {
            Source::System(_) => loop {
                let now = self.now_unix_ms();
                if now >= unix_ms {
                    return;
                }
                let left = Duration::from_millis(unix_ms.saturating_sub(now) as u64);
                tokio::time::sleep(left.min(SYSTEM_STEP)).await;
            },
            Source::Manual(m) => {
                let mut rx = m.subscribe();
                // The sender lives as long as `self`: the wait cannot fail.
                let _ = rx.wait_for(|t| t.unix_ms >= unix_ms).await;
            }
        }
    }

    /// Waits until the monotonic reading ([`Clock::now`]) is `at` or later:
    /// for intervals, which a step of the wall clock must not stretch. On a
    /// manual clock it returns as soon as the clock is moved there.
    pub async fn sleep_until(&self, at: Duration) {
        match &*self.0 {
            Source::System(start) => match start.checked_add(at) {
                Some(instant) => tokio::time::sleep_until(instant.into()).await,
                None => std::future::pending().await,
            },
            Source::Manual(m) => {
                let mut rx = m.subscribe();
                let _ = rx.wait_for(|t| t.elapsed >= at).await;
            }
        }
    }

    /// Waits `d` on this clock's monotonic reading, counted from the call
    /// (see [`Clock::sleep_until`]).
    pub fn sleep(&self, d: Duration) -> impl std::future::Future<Output = ()> + '_ {
        self.sleep_until(self.now().saturating_add(d))
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &*self.0 {
            Source::System(_) => f.write_str("Clock::system"),
            Source::Manual(m) => {
                let t = *m.borrow();
                write!(f, "Clock::manual(unix_ms: {}, elapsed: {:?})", t.unix_ms, t.elapsed)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_stands_still_until_moved() {
        let c = Clock::manual(1_800_000_000_000);
        assert_eq!((c.now_unix_ms(), c.now()), (1_800_000_000_000, Duration::ZERO));
        let shared = c.clone();
        shared.advance(Duration::from_millis(1500));
        assert_eq!((c.now_unix_ms(), c.now()), (1_800_000_001_500, Duration::from_millis(1500)));
        // Set back, the wall time goes back and the monotonic time stays.
        c.set_unix_ms(1_700_000_000_000);
        assert_eq!((c.now_unix_ms(), c.now()), (1_700_000_000_000, Duration::from_millis(1500)));
        c.set_unix_ms(1_700_000_000_010);
        assert_eq!(c.now(), Duration::from_millis(1510));
        assert!(c.same_as(&shared) && !c.same_as(&Clock::manual(0)));
    }

    #[test]
    fn the_system_clock_reads_the_wall_time() {
        let c = Clock::system();
        let wall = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as i64;
        assert!((c.now_unix_ms() - wall).abs() < 60_000);
        c.advance(Duration::from_secs(3600));
        assert!((c.now_unix_ms() - wall).abs() < 60_000, "advance leaves the system clock alone");
    }

    #[tokio::test]
    async fn a_wait_on_a_manual_clock_ends_when_the_clock_reaches_it() {
        let c = Clock::manual(1_000);
        let waiter = tokio::spawn({
            let c = c.clone();
            async move { c.sleep_until_unix_ms(5_000).await }
        });
        c.advance(Duration::from_millis(3_000));
        // However long it is given in real time, it still waits at 4,000.
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiter.is_finished(), "woke at {}", c.now_unix_ms());
        c.advance(Duration::from_millis(1_000));
        tokio::time::timeout(Duration::from_secs(10), waiter).await.expect("woke on the advance").unwrap();
        // A time already passed returns at once.
        tokio::time::timeout(Duration::from_secs(10), c.sleep_until_unix_ms(4_999)).await.unwrap();
        // The monotonic wait goes by `now`, which a wall time set back does
        // not move back.
        let at = c.now() + Duration::from_secs(10);
        let interval = tokio::spawn({
            let c = c.clone();
            async move { c.sleep_until(at).await }
        });
        c.set_unix_ms(0);
        c.set_unix_ms(9_000);
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!interval.is_finished(), "woke at {:?}", c.now());
        c.advance(Duration::from_secs(1));
        tokio::time::timeout(Duration::from_secs(10), interval).await.expect("woke on the advance").unwrap();
    }
}
