//! Test fixtures: a forum with officers and delegates, and ways to call it.

use std::path::PathBuf;
use std::sync::Arc;

use accord_domain::ids::{DisplayName, LanguageTag};
use accord_domain::state::{Action, MemberKind, MemberRole, MemberStatus, OfficerRole, Principal};
use accord_domain::{Email, MemberCode};
use accord_server::setup;
use accord_store::Store;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// Whether the suite runs on PostgreSQL: `ACCORD_TEST_STORE=postgres`, with
/// `ACCORD_TEST_POSTGRES` naming a server (a URL to an existing database;
/// `test.sh` starts a throw-away cluster and runs the suite a second time
/// so). Every forum then gets a database of its own; otherwise its SQLite
/// file in its temporary directory.
pub fn on_postgres() -> bool {
    std::env::var("ACCORD_TEST_STORE").as_deref() == Ok("postgres")
}

/// Says why a test runs only on SQLite, and answers `true` when it must be
/// skipped (the suite runs on PostgreSQL).
pub fn sqlite_only(why: &str) -> bool {
    if on_postgres() {
        eprintln!("skipped on PostgreSQL: {why}");
    }
    on_postgres()
}

/// A fresh, empty PostgreSQL database on the test server.
fn fresh_postgres() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let admin = std::env::var("ACCORD_TEST_POSTGRES")
        .expect("ACCORD_TEST_STORE=postgres needs ACCORD_TEST_POSTGRES, the URL of a PostgreSQL server");
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() % 1_000_000_000;
    let name = format!("accord_it_{}_{}_{nanos}", std::process::id(), N.fetch_add(1, Ordering::Relaxed));
    accord_store::postgres::create_database(&admin, &name).unwrap()
}

/// The database a forum in `dir` keeps its record in: its SQLite file, or
/// on PostgreSQL a fresh database.
pub fn new_database(dir: &std::path::Path) -> accord_store::Database {
    if on_postgres() {
        accord_store::Database::Postgres(fresh_postgres())
    } else {
        accord_store::Database::Sqlite(dir.join("accord.sqlite3"))
    }
}

/// On PostgreSQL, the database of the data directory `dir` for the
/// `accord` processes a test starts there (one per directory, made on
/// first use); `None` on SQLite, or for a directory already holding an
/// SQLite record (a test that made it with `accord` directly).
pub fn cli_database(dir: &std::path::Path) -> Option<String> {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static DATABASES: Mutex<Option<HashMap<PathBuf, String>>> = Mutex::new(None);
    // A directory that already names its database (or holds an SQLite
    // record) keeps it.
    if !on_postgres() || dir.join("accord.sqlite3").exists() || dir.join("database").exists() {
        return None;
    }
    let mut all = DATABASES.lock().unwrap();
    Some(all.get_or_insert_with(HashMap::new).entry(dir.to_owned()).or_insert_with(fresh_postgres).clone())
}

/// The password every fixture account gets.
pub const PASSWORD: &str = "correct horse battery staple";

/// A forum in a temporary directory with one account per role:
/// secretariat `sec`, chair `chair`, BRA head `bra_head`, BRA delegate
/// `bra_del`, BRA adviser `bra_adv`, KEN head `ken_head`, observer ICRC
/// delegate `icrc`. Members: BRA, KEN, CHN (states), ICRC (NGO, observer).
pub struct TestForum {
    pub dir: tempfile::TempDir,
    /// Where the record is: `dir`'s SQLite file, or a PostgreSQL database.
    pub database: accord_store::Database,
    pub store: Arc<Store>,
    pub app: Router,
    pub state: accord_server::AppState,
}

pub const ACCOUNTS: &[&str] = &["sec", "chair", "bra_head", "bra_del", "bra_adv", "ken_head", "icrc"];

/// Where the tests' manual clocks start: 2027-01-15T08:00:00Z.
pub const CLOCK_START: i64 = 1_800_000_000_000;

/// A clock that stands at [`CLOCK_START`] until the test moves it.
pub fn manual_clock() -> accord_store::Clock {
    accord_store::Clock::manual(CLOCK_START)
}

pub fn email(who: &str) -> String {
    format!("{who}@forum.test")
}

impl TestForum {
    pub fn new() -> TestForum {
        TestForum::with_config(accord_server::Config::default())
    }

    /// A forum whose store and server go by `clock` (a manual one, which
    /// the test moves).
    pub fn with_clock(clock: &accord_store::Clock) -> TestForum {
        TestForum::with_config(accord_server::Config { clock: clock.clone(), ..Default::default() })
    }

    /// A forum served with the given configuration (a manual clock, small
    /// limits); the store is opened with the configuration's clock.
    pub fn with_config(config: accord_server::Config) -> TestForum {
        let dir = tempfile::tempdir().unwrap();
        let database = new_database(dir.path());
        if let accord_store::Database::Postgres(url) = &database {
            // As `accord` does: the data directory remembers its database,
            // so that `accord` commands run on it find the record.
            std::fs::write(dir.path().join("database"), url).unwrap();
        }
        let store = Store::open_database(&database, config.clock.clone()).unwrap();
        let name = |s: &str| DisplayName::parse(s).unwrap();
        let code = |s: &str| MemberCode::parse(s).unwrap();
        setup::init_forum_with_log(
            &store,
            name("Test Forum"),
            LanguageTag::un_languages(),
            Some("accord.test/forum".into()),
            name("Sec Retariat"),
            Email::parse(&email("sec")).unwrap(),
            PASSWORD,
        )
        .unwrap();
        for (c, status) in [("BRA", MemberStatus::Member), ("KEN", MemberStatus::Member), ("CHN", MemberStatus::Member)]
        {
            store
                .submit_blocking(
                    Principal::System,
                    Action::AdmitMember { code: code(c), name: None, kind: MemberKind::State, category: None, status },
                    None,
                )
                .unwrap();
        }
        store
            .submit_blocking(
                Principal::System,
                Action::AdmitMember {
                    code: code("ICRC"),
                    name: Some(name("International Committee of the Red Cross")),
                    kind: MemberKind::Organisation,
                    category: Some(accord_domain::state::OrganisationCategory::Ngo),
                    status: MemberStatus::Observer,
                },
                None,
            )
            .unwrap();
        let e = |w: &str| Email::parse(&email(w)).unwrap();
        setup::create_officer(&store, name("Chair Person"), OfficerRole::Chair, e("chair"), PASSWORD).unwrap();
        for (who, member, role) in [
            ("bra_head", "BRA", MemberRole::HeadOfDelegation),
            ("bra_del", "BRA", MemberRole::Delegate),
            ("bra_adv", "BRA", MemberRole::Adviser),
            ("ken_head", "KEN", MemberRole::HeadOfDelegation),
            ("icrc", "ICRC", MemberRole::Delegate),
        ] {
            setup::create_delegate(&store, code(member), name(&format!("Person {who}")), role, e(who), PASSWORD)
                .unwrap();
        }
        let store = Arc::new(store);
        let key = accord_log::checkpoint::LogSigner::generate("accord.test/forum").unwrap();
        let signer = accord_log::checkpoint::LogSigner::from_key(&key).unwrap();
        let (app, state) = accord_server::build(store.clone(), config, signer);
        TestForum { dir, database, store, app, state }
    }

    /// Stops the forum's store and opens its database again with the same
    /// configuration and clock, as a restarted server does (with a new log
    /// key). Tasks holding the forum's state must be stopped first.
    pub fn restart(self) -> TestForum {
        let TestForum { dir, database, store, app, state } = self;
        let config = state.config.clone();
        drop((app, state));
        store.shutdown();
        drop(store);
        let store = Store::open_database(&database, config.clock.clone()).unwrap();
        let store = Arc::new(store);
        let key = accord_log::checkpoint::LogSigner::generate("accord.test/forum").unwrap();
        let signer = accord_log::checkpoint::LogSigner::from_key(&key).unwrap();
        let (app, state) = accord_server::build(store.clone(), config, signer);
        TestForum { dir, database, store, app, state }
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("accord.sqlite3")
    }

    /// Sends a request; answers the status and the JSON body (or `Null`).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let req = match body {
            Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())).unwrap(),
            None => req.body(Body::empty()).unwrap(),
        };
        let (status, bytes) = self.raw(req).await;
        (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    }

    /// Sends any request; answers status and body bytes. Every JSON answer
    /// is checked to be valid JSON whose objects have unique keys.
    pub async fn raw(&self, req: Request<Body>) -> (StatusCode, Vec<u8>) {
        let what = format!("{} {}", req.method(), req.uri());
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let json = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("application/json") || t.contains("+json"));
        let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        if json {
            if let Err(e) = parse_unique(&bytes) {
                panic!("{what} answered JSON that is invalid or repeats a key: {e}");
            }
        }
        (status, bytes)
    }

    /// Full response, for headers.
    pub async fn response(&self, req: Request<Body>) -> axum::http::Response<Body> {
        self.app.clone().oneshot(req).await.unwrap()
    }

    /// A page, as text.
    pub async fn get_html(&self, path: &str) -> (StatusCode, String) {
        let (status, bytes) = self.raw(Request::get(path).body(Body::empty()).unwrap()).await;
        (status, String::from_utf8(bytes).unwrap())
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, None, None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }

    /// Logs in through the API and answers a token.
    pub async fn token(&self, who: &str) -> String {
        let (status, body) = self
            .call(
                Method::POST,
                "/api/v1/auth/token",
                None,
                Some(serde_json::json!({"email": email(who), "password": PASSWORD})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "log-in of {who} failed: {body}");
        body["token"].as_str().unwrap().to_owned()
    }

    /// Tokens for every fixture account, by name.
    pub async fn tokens(&self) -> std::collections::HashMap<&'static str, String> {
        let mut out = std::collections::HashMap::new();
        for who in ACCOUNTS {
            out.insert(*who, self.token(who).await);
        }
        out
    }

    pub fn record_len(&self) -> u64 {
        self.store.len()
    }
}

/// Parses JSON, refusing an object that holds the same key twice (which
/// `serde_json::Value` would take silently, keeping the last).
pub fn parse_unique(bytes: &[u8]) -> Result<Value, String> {
    use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
    struct Unique;
    impl<'de> DeserializeSeed<'de> for Unique {
        type Value = Value;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Unique {
        type Value = Value;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(v.into())
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(v.into())
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_none<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut out = Vec::new();
            while let Some(v) = seq.next_element_seed(Unique)? {
                out.push(v);
            }
            Ok(Value::Array(out))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut out = serde_json::Map::new();
            while let Some(key) = map.next_key::<String>()? {
                let value = map.next_value_seed(Unique)?;
                if out.insert(key.clone(), value).is_some() {
                    return Err(A::Error::custom(format!("the key {key:?} appears twice in one object")));
                }
            }
            Ok(Value::Object(out))
        }
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = Unique.deserialize(&mut de).map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    Ok(value)
}

/// Asserts an error answer: status and stable code, and a message.
#[track_caller]
pub fn assert_error(answer: &(StatusCode, Value), status: StatusCode, code: &str) {
    assert_eq!(answer.0, status, "expected {status} {code}, got {answer:?}");
    assert_eq!(answer.1["error"], code, "expected error code {code}, got {}", answer.1);
    assert!(answer.1["message"].as_str().is_some_and(|m| !m.is_empty()), "no message in {}", answer.1);
}

/// A spawned `accord serve` on a free port.
pub struct Server {
    pub child: std::process::Child,
    pub base: String,
}

impl Server {
    /// A server alone on its database, once it takes writes: on
    /// PostgreSQL a server restarted after a kill follows until the
    /// database has ended the killed one's session.
    pub fn start(data_dir: &std::path::Path) -> Server {
        Self::start_with(data_dir, &[])
    }

    /// `accord serve` with more arguments, once it takes writes.
    pub fn start_with(data_dir: &std::path::Path, extra: &[&str]) -> Server {
        let server = Self::start_shared(data_dir, extra);
        server.wait_to_lead(std::time::Duration::from_secs(20));
        server
    }

    /// `accord serve` as one of several servers on one database: once it
    /// listens, whether it leads or follows.
    pub fn start_shared(data_dir: &std::path::Path, extra: &[&str]) -> Server {
        let mut args = vec!["serve".to_owned(), "--listen".into(), "127.0.0.1:0".into(), "--data-dir".into()];
        args.push(data_dir.to_str().unwrap().to_owned());
        args.extend(extra.iter().map(|s| s.to_string()));
        Self::spawn(&args, " at http://")
    }

    /// Waits until `GET /healthz/writer` says the server leads the writes.
    pub fn wait_to_lead(&self, within: std::time::Duration) {
        let deadline = std::time::Instant::now() + within;
        let agent = agent();
        loop {
            let status = agent.get(format!("{}/healthz/writer", self.base)).call().map(|r| r.status().as_u16());
            if status.is_ok_and(|s| s == 200) {
                return;
            }
            assert!(std::time::Instant::now() < deadline, "the server at {} does not lead the writes", self.base);
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// Runs `accord ARGS` and waits for the line that gives its address.
    pub fn spawn(args: &[String], marker: &str) -> Server {
        use std::io::BufRead;
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_accord"));
        if let Some(dir) = args.iter().position(|a| a == "--data-dir").and_then(|i| args.get(i + 1)) {
            if let Some(url) = cli_database(std::path::Path::new(dir)) {
                command.env("ACCORD_DATABASE", url);
            }
        }
        let mut child = command
            .args(args)
            .env("ACCORD_LOG", "warn")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .expect("the accord binary starts");
        let stdout = child.stdout.take().unwrap();
        let mut lines = std::io::BufReader::new(stdout).lines();
        let base = loop {
            let line = lines.next().expect("accord serve printed its address").unwrap();
            if let Some(rest) = line.split(marker).nth(1) {
                break format!("http://{}", rest.trim_end_matches('/'));
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, base }
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Creates a forum in `dir` through `accord init`, with the fixture
/// password for `sec@forum.test`.
pub fn init_forum_cli(dir: &std::path::Path) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_accord"));
    if let Some(url) = cli_database(dir) {
        command.env("ACCORD_DATABASE", url);
    }
    let out = command
        .args(["init", "--forum", "Crash Test Forum", "--admin-email", &email("sec"), "--data-dir"])
        .arg(dir)
        .env("ACCORD_ADMIN_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert!(out.status.success(), "accord init failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// A blocking HTTP agent that reports error statuses as answers, not errors.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

/// Writes a mirror of a log of `entries` to `dir`, as a static server
/// would hold it (`checkpoint`, every entry bundle and hash tile), with a
/// checkpoint signed by a new key of `origin`: what a host holding its
/// log key could publish. Answers the verifier key.
pub fn write_mirror(dir: &std::path::Path, origin: &str, entries: &[Vec<u8>]) -> String {
    use accord_log::tiles::{self, TilePath, TILE_WIDTH};
    let signer =
        accord_log::checkpoint::LogSigner::from_key(&accord_log::checkpoint::LogSigner::generate(origin).unwrap())
            .unwrap();
    let mut tree = accord_log::MerkleTree::new();
    for e in entries {
        tree.append(e);
    }
    let size = entries.len() as u64;
    let write = |path: &str, bytes: &[u8]| {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, bytes).unwrap();
    };
    write("checkpoint", signer.sign(size, &tree.root()).as_bytes());
    for (t, chunk) in entries.chunks(TILE_WIDTH as usize).enumerate() {
        let path = TilePath::Entries { index: t as u64, width: chunk.len() as u64 }.to_path();
        write(&path, &tiles::entry_bundle(chunk.iter().map(Vec::as_slice)));
    }
    for tile in tiles::hash_tiles_for(size) {
        let TilePath::Hashes { level, index, width } = tile else { unreachable!() };
        write(&tile.to_path(), &tiles::hash_tile(&tree, level, index, width).unwrap());
    }
    signer.verifier_key().to_owned()
}
