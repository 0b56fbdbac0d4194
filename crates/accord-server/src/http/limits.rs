//! Limits on what one party can make the server do: growing delays after
//! failed log-ins, and a budget of writes per member and per API token.
//!
//! # Failed log-ins: delays, never a lock
//! A lock after N wrong passwords would let anyone silence a delegation on
//! the morning of a vote by typing wrong passwords for its delegates. So a
//! failure never locks: after a few free failures, each further failure
//! makes the next attempt on the same counter wait, 1 s, 2 s, 4 s, … up to
//! [`LoginPolicy::max_delay`] (15 minutes). An attempt made while a counter
//! waits is answered 429 with `Retry-After` and a message saying when to try
//! again; it checks no password and counts nothing. Failures are counted
//! four ways ([`LoginKey`]):
//! - an account from one address (3 free): a guesser at one machine;
//! - an account from everywhere (10 free): guessing spread over many
//!   addresses; at the cap, one guess per 15 minutes per account;
//! - an address over every account (20 free, since a delegation or a
//!   conference venue may share one address);
//! - an account from one **known browser** (3 free): a browser that logged
//!   in to that account before holds a cookie signed by the server
//!   ([`KnownBrowsers`]); it is judged by this counter alone, so neither
//!   the account-wide counter nor its address's counter delays it. Wrong
//!   passwords sent by a stranger, from any number of addresses or from the
//!   same network as the delegate, therefore never keep the delegate out of
//!   their own browser; and a stolen cookie buys only this counter's slow
//!   pace.
//!
//! A log-in clears the counters of the account from that address and from
//! that browser; the account-wide counter is cleared when the account's
//! password is set (a reset by the secretariat, from a page, the API or the
//! console, or a change by its owner), since each counter remembers the
//! password it was counted against.
//!
//! # Writes: a token bucket per member and per token
//! Every request that can change the record, by a member's delegate logged
//! in or with an API token, takes one write from its member's bucket and,
//! through the API, one from its token's bucket. Officers (secretariat,
//! chair, vice-chairs, co-facilitators) are not limited: their work comes
//! in bulk (admitting the members, accrediting delegations), and the host's
//! staff could write the record without the server anyway. A bucket
//! holds [`RateLimit::burst`] (60) and refills at [`RateLimit::per_second`]
//! (1 per second); an empty bucket answers 429 `rate_limited` with
//! `Retry-After`. A request that fails (any status from 400 on) gives its
//! token back: only what is written counts. 60 at once covers a delegation's
//! tool tabling its amendments to a whole draft in one go, and one a second
//! (3,600 an hour) is far beyond what people in a negotiation record; the
//! demonstration negotiation, with 193 members, holds a few hundred entries.
//!
//! # Bounded memory
//! Every counter and bucket is keyed by what clients send (e-mail addresses,
//! network addresses, browsers), so each map has a capacity
//! ([`LoginPolicy::capacity`], [`WriteLimits::capacity`]). Keys are stored
//! as fixed-size digests, so a long e-mail address costs no more than a
//! short one. Login counters are forgotten [`LoginPolicy::forget_after`]
//! their last failure; when a map is full, the expired go first, then the
//! least severe (fewest failures, then oldest); a full bucket is the same
//! as no bucket and goes first.
//!
//! The known-browser cookie is an HMAC-SHA256 with a key kept in the private
//! table `secrets`. Limits read the monotonic time of the application's
//! one [`Clock`] (`Config::clock`, an `accord_store::Clock`), which tests
//! move by hand.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::Duration;

use accord_domain::{DelegateId, MemberCode};
use axum::http::StatusCode;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::http::error::ApiError;

/// The clock the limits go by: [`Clock::now`], its monotonic reading.
/// It is the one clock of the application (`Config::clock`), which tests
/// move by hand.
pub use accord_store::Clock;

/// A map with a capacity: when a new key would exceed it, `evict` is asked
/// to make room, which removes what matters least.
struct Bounded<K, V> {
    map: HashMap<K, V>,
    capacity: usize,
}

impl<K: Eq + Hash + Clone, V> Bounded<K, V> {
    fn new(capacity: usize) -> Self {
        Self { map: HashMap::new(), capacity: capacity.max(1) }
    }

    /// Makes room for one more key: first drops what `expired` says is
    /// gone; if the map is still full, drops the eighth (at least one) that
    /// `rank` puts first, so that the cost of a sort is spread over many
    /// insertions.
    fn make_room<R: Ord>(&mut self, expired: impl Fn(&V) -> bool, rank: impl Fn(&V) -> R) {
        if self.map.len() < self.capacity {
            return;
        }
        self.map.retain(|_, v| !expired(v));
        if self.map.len() < self.capacity {
            return;
        }
        let mut ranked: Vec<(R, K)> = self.map.iter().map(|(k, v)| (rank(v), k.clone())).collect();
        let drop = (self.capacity / 8).max(1).min(ranked.len());
        ranked.select_nth_unstable_by(drop - 1, |a, b| a.0.cmp(&b.0));
        for (_, k) in ranked.into_iter().take(drop) {
            self.map.remove(&k);
        }
    }
}

/// A fixed-size name for what a client typed, so that memory per key does
/// not depend on it.
type Digest16 = [u8; 16];

fn digest16(kind: &str, parts: &[&[u8]]) -> Digest16 {
    let mut h = Sha256::new();
    h.update(kind.as_bytes());
    for p in parts {
        h.update((p.len() as u64).to_be_bytes());
        h.update(p);
    }
    let full = h.finalize();
    let mut out = [0u8; 16];
    out.copy_from_slice(&full[..16]);
    out
}

// ---- log-in delays ----

/// How failed log-ins are delayed (see the module's documentation).
#[derive(Debug, Clone)]
pub struct LoginPolicy {
    /// Failures of an account from one address (or one known browser)
    /// before delays start.
    pub free_per_account_and_address: u32,
    /// Failures of an account from anywhere before delays start.
    pub free_per_account: u32,
    /// Failures from one address, over every account, before delays start.
    pub free_per_address: u32,
    /// The delay after the first failure beyond the free ones; each further
    /// failure doubles it.
    pub first_delay: Duration,
    /// The longest delay.
    pub max_delay: Duration,
    /// A counter is forgotten this long after its last failure.
    pub forget_after: Duration,
    /// The most counters kept in memory.
    pub capacity: usize,
}

impl Default for LoginPolicy {
    fn default() -> Self {
        Self {
            free_per_account_and_address: 3,
            free_per_account: 10,
            free_per_address: 20,
            first_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(15 * 60),
            forget_after: Duration::from_secs(24 * 3600),
            capacity: 100_000,
        }
    }
}

/// What a failed log-in is counted against. Each carries a digest of what
/// the client sent, so that no e-mail address typed by a stranger can name
/// another counter and none costs more memory than another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LoginKey {
    AccountFrom(Digest16),
    Account(Digest16),
    Address(Digest16),
    AccountInBrowser(Digest16),
}

#[derive(Debug, Clone)]
struct Counter {
    failures: u32,
    last_failure: Duration,
    /// No attempt on this counter before this time.
    wait_until: Duration,
    /// When the account's password was set when this counter counted
    /// (`None` for an address): a new password starts the count afresh.
    password_set_at: Option<i64>,
}

/// Who is trying to log in, as the limiter sees them.
pub struct Attempt<'a> {
    /// The e-mail address as typed, trimmed and in lower case.
    pub email: &'a str,
    /// The client's address.
    pub addr: &'a str,
    /// The browser's id, when it holds a valid known-browser cookie for
    /// this account.
    pub known_browser: Option<&'a str>,
    /// When the account's password was last set (`None` for no account).
    pub password_set_at: Option<i64>,
}

impl Attempt<'_> {
    fn keys(&self) -> Vec<(LoginKey, u32, bool)> {
        // (key, free failures, belongs to the account)
        let email = self.email.as_bytes();
        match self.known_browser {
            Some(browser) => {
                vec![(LoginKey::AccountInBrowser(digest16("browser", &[email, browser.as_bytes()])), 0, true)]
            }
            None => vec![
                (LoginKey::AccountFrom(digest16("account-from", &[email, self.addr.as_bytes()])), 0, true),
                (LoginKey::Account(digest16("account", &[email])), 1, true),
                (LoginKey::Address(digest16("address", &[self.addr.as_bytes()])), 2, false),
            ],
        }
    }
}

/// The log-in delays (see the module's documentation). Kept in memory: a
/// restart forgets the counts, which an attacker cannot trigger.
pub struct LoginLimiter {
    policy: LoginPolicy,
    counters: Mutex<Bounded<LoginKey, Counter>>,
}

impl LoginLimiter {
    pub fn new(policy: LoginPolicy) -> Self {
        let capacity = policy.capacity;
        Self { policy, counters: Mutex::new(Bounded::new(capacity)) }
    }

    fn free(&self, which: u32) -> u32 {
        match which {
            0 => self.policy.free_per_account_and_address,
            1 => self.policy.free_per_account,
            _ => self.policy.free_per_address,
        }
    }

    /// The delay after `failures` failures on a counter with `free` free ones.
    fn delay(&self, failures: u32, free: u32) -> Duration {
        if failures <= free {
            return Duration::ZERO;
        }
        let doublings = (failures - free - 1).min(30);
        self.policy.first_delay.saturating_mul(1 << doublings).min(self.policy.max_delay)
    }

    /// Refuses with 429 while any counter of the attempt waits. A counter
    /// counted against an older password of the account is dropped.
    pub fn check(&self, attempt: &Attempt<'_>, now: Duration) -> Result<(), ApiError> {
        let mut counters = self.counters.lock().unwrap_or_else(|e| e.into_inner());
        let mut wait = Duration::ZERO;
        let mut waiting = None;
        for (key, _, of_account) in attempt.keys() {
            let Some(c) = counters.map.get(&key) else { continue };
            if (of_account && c.password_set_at != attempt.password_set_at)
                || now.saturating_sub(c.last_failure) >= self.policy.forget_after
            {
                counters.map.remove(&key);
                continue;
            }
            if c.wait_until > now && c.wait_until - now > wait {
                wait = c.wait_until - now;
                waiting = Some(key);
            }
        }
        if wait.is_zero() {
            return Ok(());
        }
        let secs = wait.as_millis().div_ceil(1000).max(1) as u64;
        let when = match secs {
            1 => "1 second".to_owned(),
            2..120 => format!("{secs} seconds"),
            _ => format!("{} minutes", secs.div_ceil(60)),
        };
        let message = match waiting {
            Some(LoginKey::AccountInBrowser(_)) => format!(
                "too many failed log-ins for this account from this browser: try again in {when}, or ask the secretariat to reset the password, which ends the wait"
            ),
            Some(LoginKey::Address(_)) => format!(
                "too many failed log-ins from this network address: try again in {when}; from a browser where you logged in before there is no wait"
            ),
            _ => format!(
                "too many failed log-ins for this account: try again in {when}; from a browser where you logged in before, or after the secretariat resets the password, there is no wait"
            ),
        };
        let mut e = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts", message);
        e.retry_after = Some(secs);
        Err(e)
    }

    /// Counts a failed attempt against each of its counters.
    pub fn failed(&self, attempt: &Attempt<'_>, now: Duration) {
        let mut counters = self.counters.lock().unwrap_or_else(|e| e.into_inner());
        let forget_after = self.policy.forget_after;
        for (key, which, of_account) in attempt.keys() {
            if !counters.map.contains_key(&key) {
                counters.make_room(
                    |c| now.saturating_sub(c.last_failure) >= forget_after,
                    |c| (c.failures, c.last_failure),
                );
            }
            let c = counters.map.entry(key).or_insert(Counter {
                failures: 0,
                last_failure: now,
                wait_until: Duration::ZERO,
                password_set_at: if of_account { attempt.password_set_at } else { None },
            });
            c.failures = c.failures.saturating_add(1);
            c.last_failure = now;
            let failures = c.failures;
            let delay = self.delay(failures, self.free(which));
            if let Some(c) = counters.map.get_mut(&key) {
                c.wait_until = now + delay;
            }
        }
    }

    /// A log-in succeeded: its account's counters from this address and
    /// this browser start afresh. The account-wide counter stays (it counts
    /// guesses from elsewhere, which a log-in does not undo), and so does
    /// the address's.
    pub fn succeeded(&self, attempt: &Attempt<'_>) {
        let mut counters = self.counters.lock().unwrap_or_else(|e| e.into_inner());
        for (key, _, _) in attempt.keys() {
            if matches!(key, LoginKey::AccountFrom(_) | LoginKey::AccountInBrowser(_)) {
                counters.map.remove(&key);
            }
        }
    }

    /// How many counters are held (for tests of the bound and for metrics).
    pub fn tracked(&self) -> usize {
        self.counters.lock().unwrap_or_else(|e| e.into_inner()).map.len()
    }
}

// ---- known browsers ----

/// Signs and checks the cookies that mark a browser as one where an account
/// logged in before. The secret is kept in the private tables (created on
/// first use), never in the record; a cookie names the account's delegate
/// and a random id of the browser, and is good for
/// [`KnownBrowsers::LIFETIME`] from its last log-in.
pub struct KnownBrowsers {
    secret: [u8; 32],
}

type HmacSha256 = Hmac<Sha256>;

impl KnownBrowsers {
    pub const LIFETIME: Duration = Duration::from_secs(180 * 24 * 3600);
    /// The name of the secret in the private tables.
    pub const SECRET_NAME: &'static str = "known-browser-hmac";

    pub fn new(secret: [u8; 32]) -> Self {
        Self { secret }
    }

    /// The cookie's name for an account: one per account, so that people
    /// who share a computer each keep theirs.
    pub fn cookie_name(delegate: DelegateId) -> String {
        format!("accord_known_{}", delegate.0)
    }

    fn mac(&self, delegate: DelegateId, browser: &str, issued_ms: i64) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.secret).expect("HMAC takes a key of any length");
        mac.update(format!("accord-known-browser/v1\n{}\n{browser}\n{issued_ms}", delegate.0).as_bytes());
        mac
    }

    /// A cookie value for a browser (`browser`: its random id).
    pub fn issue(&self, delegate: DelegateId, browser: &str, issued_ms: i64) -> String {
        use base64::Engine;
        let tag = self.mac(delegate, browser, issued_ms).finalize().into_bytes();
        format!("{browser}.{issued_ms}.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(tag))
    }

    /// The browser's id, if `value` is a cookie this server signed for
    /// this account and it has not expired.
    pub fn check<'a>(&self, delegate: DelegateId, value: &'a str, now_ms: i64) -> Option<&'a str> {
        use base64::Engine;
        let mut parts = value.splitn(3, '.');
        let (browser, issued, tag) = (parts.next()?, parts.next()?, parts.next()?);
        if browser.is_empty()
            || browser.len() > 64
            || !browser.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return None;
        }
        let issued_ms: i64 = issued.parse().ok()?;
        if now_ms.saturating_sub(issued_ms) > Self::LIFETIME.as_millis() as i64 || issued_ms > now_ms + 60_000 {
            return None;
        }
        let tag = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(tag).ok()?;
        self.mac(delegate, browser, issued_ms).verify_slice(&tag).ok()?;
        Some(browser)
    }
}

// ---- writes ----

/// A token bucket's size and refill.
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    /// Writes that may be made at once.
    pub burst: u32,
    /// Writes per second, sustained.
    pub per_second: f64,
}

/// The limits on writes (see the module's documentation).
#[derive(Debug, Clone)]
pub struct WriteLimits {
    /// Per member, over all its delegates.
    pub per_member: RateLimit,
    /// Per API token.
    pub per_token: RateLimit,
    /// Per consultation participant without an account (by participant key).
    pub per_participant: RateLimit,
    /// Per client address, for writes by people without an account (a
    /// consultation's participants): a venue's shared address holds many.
    pub per_address: RateLimit,
    /// The most buckets kept in memory.
    pub capacity: usize,
}

impl Default for WriteLimits {
    fn default() -> Self {
        let limit = RateLimit { burst: 60, per_second: 1.0 };
        Self {
            per_member: limit,
            per_token: limit,
            per_participant: limit,
            per_address: RateLimit { burst: 300, per_second: 5.0 },
            capacity: 10_000,
        }
    }
}

impl WriteLimits {
    /// Limits no client can reach, with the same bookkeeping on every write
    /// (for benchmarks that measure the server at full speed).
    pub fn unreachable() -> Self {
        let limit = RateLimit { burst: u32::MAX, per_second: 1e12 };
        Self { per_member: limit, per_token: limit, per_participant: limit, per_address: limit, capacity: 10_000 }
    }
}

/// Whose bucket a write is taken from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Writer {
    Member(MemberCode),
    Token(i64),
    /// A consultation participant without an account: a hash of their key.
    Participant([u8; 16]),
    /// A client address, for writes by people without an account.
    Address(String),
}

#[derive(Debug, Clone)]
struct Bucket {
    tokens: f64,
    at: Duration,
    limit: RateLimit,
}

impl Bucket {
    fn refilled(&self, now: Duration) -> f64 {
        let elapsed = now.saturating_sub(self.at).as_secs_f64();
        (self.tokens + elapsed * self.limit.per_second).min(self.limit.burst as f64)
    }
}

/// The write buckets.
pub struct WriteLimiter {
    limits: WriteLimits,
    buckets: Mutex<Bounded<Writer, Bucket>>,
}

impl WriteLimiter {
    pub fn new(limits: WriteLimits) -> Self {
        let capacity = limits.capacity;
        Self { limits, buckets: Mutex::new(Bounded::new(capacity)) }
    }

    /// Takes one write from each of the writers' buckets, or none if any
    /// is empty: then 429 with the wait until one is there.
    pub fn take(&self, writers: &[Writer], now: Duration) -> Result<(), ApiError> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let mut wait = 0f64;
        for w in writers {
            let limit = self.limit(w);
            let tokens = buckets.map.get(w).map(|b| b.refilled(now)).unwrap_or(limit.burst as f64);
            if tokens < 1.0 {
                wait = wait.max((1.0 - tokens) / limit.per_second);
            }
        }
        if wait > 0.0 {
            let secs = (wait.ceil() as u64).max(1);
            let mut e = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                format!(
                    "too many changes in a short time from this delegation, token, participant or address: nothing was recorded; try again in {secs} second{}",
                    if secs == 1 { "" } else { "s" }
                ),
            );
            e.retry_after = Some(secs);
            return Err(e);
        }
        for w in writers {
            if !buckets.map.contains_key(w) {
                buckets.make_room(|b| b.refilled(now) >= b.limit.burst as f64, |b| b.at);
            }
            let limit = self.limit(w);
            let b = buckets.map.entry(w.clone()).or_insert(Bucket { tokens: limit.burst as f64, at: now, limit });
            b.tokens = b.refilled(now) - 1.0;
            b.at = now;
        }
        Ok(())
    }

    /// Gives back a write taken for a request that wrote nothing.
    pub fn give_back(&self, writers: &[Writer], now: Duration) {
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        for w in writers {
            if let Some(b) = buckets.map.get_mut(w) {
                b.tokens = (b.refilled(now) + 1.0).min(b.limit.burst as f64);
                b.at = now;
            }
        }
    }

    fn limit(&self, w: &Writer) -> RateLimit {
        match w {
            Writer::Token(_) => self.limits.per_token,
            Writer::Member(_) => self.limits.per_member,
            Writer::Participant(_) => self.limits.per_participant,
            Writer::Address(_) => self.limits.per_address,
        }
    }

    /// How many buckets are held (for tests of the bound).
    pub fn tracked(&self) -> usize {
        self.buckets.lock().unwrap_or_else(|e| e.into_inner()).map.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_from_the_first_beyond_the_free_ones_up_to_the_cap() {
        let l = LoginLimiter::new(LoginPolicy::default());
        let free = 10;
        let d: Vec<u64> = (9..=22).map(|n| l.delay(n, free).as_secs()).collect();
        assert_eq!(d, [0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
        assert_eq!(l.delay(u32::MAX, free), Duration::from_secs(900));
    }

    #[test]
    fn a_full_map_drops_the_least_severe_and_the_expired_first() {
        let l = LoginLimiter::new(LoginPolicy { capacity: 10, ..LoginPolicy::default() });
        let t = Duration::from_secs(1000);
        let attacked = |i: u32| Attempt {
            email: "d@forum.test",
            addr: if i.is_multiple_of(2) { "192.0.2.1" } else { "192.0.2.2" },
            known_browser: None,
            password_set_at: Some(7),
        };
        for i in 0..15 {
            l.failed(&attacked(i), t);
        }
        for i in 0..500 {
            let (email, addr) = (format!("nobody{i}"), format!("10.0.{}.{}", i / 256, i % 256));
            let a = Attempt { email: &email, addr: &addr, known_browser: None, password_set_at: None };
            l.failed(&a, t);
            assert!(l.tracked() <= 10);
        }
        let fresh = Attempt { addr: "203.0.113.1", ..attacked(0) };
        assert!(l.check(&fresh, t).is_err(), "the account's counter of 15 failures is kept");
        // A day later everything has expired and makes room first.
        let later = t + LoginPolicy::default().forget_after;
        assert!(l.check(&fresh, later).is_ok());
        // A new password starts the account's count afresh.
        for i in 0..15 {
            l.failed(&attacked(i), later);
        }
        assert!(l.check(&fresh, later).is_err());
        let reset = Attempt { password_set_at: Some(8), ..fresh };
        assert!(l.check(&reset, later).is_ok());
    }

    #[test]
    fn a_known_browser_cookie_is_checked_against_its_account_and_its_age() {
        let k = KnownBrowsers::new([7; 32]);
        let now = 1_800_000_000_000;
        let v = k.issue(DelegateId(5), "abc_DEF-1", now);
        assert_eq!(k.check(DelegateId(5), &v, now + 1000), Some("abc_DEF-1"));
        assert_eq!(k.check(DelegateId(6), &v, now), None, "another account");
        assert_eq!(k.check(DelegateId(5), &v, now + KnownBrowsers::LIFETIME.as_millis() as i64 + 1), None);
        assert_eq!(KnownBrowsers::new([8; 32]).check(DelegateId(5), &v, now), None, "another server's secret");
        let forged = v.replace("abc_DEF-1", "abc_DEF-2");
        assert_eq!(k.check(DelegateId(5), &forged, now), None);
        for junk in ["", ".", "..", "a.b.c", "a.1.", "\u{202e}.1.x"] {
            assert_eq!(k.check(DelegateId(5), junk, now), None, "{junk:?}");
        }
    }

    #[test]
    fn a_full_bucket_refills_at_its_rate() {
        let limits = WriteLimits {
            per_member: RateLimit { burst: 3, per_second: 0.5 },
            per_token: RateLimit { burst: 100, per_second: 1.0 },
            capacity: 10,
            ..WriteLimits::default()
        };
        let l = WriteLimiter::new(limits);
        let w = [Writer::Member(MemberCode::parse("BRA").unwrap())];
        let t = Duration::from_secs(100);
        for _ in 0..3 {
            l.take(&w, t).unwrap();
        }
        let e = l.take(&w, t).unwrap_err();
        assert_eq!((e.status, e.code, e.retry_after), (StatusCode::TOO_MANY_REQUESTS, "rate_limited", Some(2)));
        l.take(&w, t + Duration::from_secs(2)).unwrap();
        l.give_back(&w, t + Duration::from_secs(2));
        l.take(&w, t + Duration::from_secs(2)).unwrap();
        assert!(l.take(&w, t + Duration::from_secs(2)).is_err());
    }
}
