//! Several `accord serve` processes on one PostgreSQL database: one leads
//! the writes, the others follow and answer writes `503 not_leader` with
//! `Retry-After`; when the leader dies (SIGKILL) or is fenced off (paused
//! with SIGSTOP while an operator ends its database session), another
//! takes over, no acknowledged entry is lost and none is written twice.
//! Each server has a data directory of its own, a copy of the first (the
//! same log key and database).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::helpers::*;
use crate::postgres_restart::members;

/// Forum data directories sharing one database: the first made by
/// `accord init`, the others copies of it.
fn shared_data_dirs(root: &Path, n: usize) -> Vec<PathBuf> {
    let first = root.join("server-0");
    init_forum_cli(&first);
    let mut dirs = vec![first.clone()];
    for i in 1..n {
        let dir = root.join(format!("server-{i}"));
        std::fs::create_dir(&dir).unwrap();
        for file in ["log-key", "database"] {
            std::fs::copy(first.join(file), dir.join(file)).unwrap();
        }
        dirs.push(dir);
    }
    dirs
}

fn token(base: &str) -> String {
    let mut login = agent()
        .post(format!("{base}/api/v1/auth/token"))
        .send_json(json!({"email": email("sec"), "password": PASSWORD}))
        .unwrap();
    assert_eq!(login.status(), 201);
    login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned()
}

/// Admits organisation `code` through `base`: the entry's index when
/// acknowledged, else the status (0: no answer).
fn admit(agent: &ureq::Agent, base: &str, token: &str, code: &str) -> Result<u64, u16> {
    let answer = agent
        .post(format!("{base}/api/v1/members"))
        .header("Authorization", format!("Bearer {token}"))
        .send_json(json!({"code": code, "kind": "organisation", "name": "Fail-over Org", "category": "academia"}));
    match answer {
        Ok(mut res) if res.status() == 201 => {
            Ok(res.body_mut().read_json::<Value>().unwrap()["entry"]["index"].as_u64().unwrap())
        }
        Ok(res) => {
            if res.status() == 503 {
                assert_eq!(
                    res.headers().get("retry-after").and_then(|v| v.to_str().ok()),
                    Some("1"),
                    "a server that does not lead says when to try again"
                );
            }
            Err(res.status().as_u16())
        }
        Err(_) => Err(0),
    }
}

fn record_size(base: &str) -> u64 {
    let mut res = agent().get(format!("{base}/api/v1/forum")).call().unwrap();
    res.body_mut().read_json::<Value>().unwrap()["record_size"].as_u64().unwrap()
}

/// Every organisation admission in the record a server serves, in order:
/// the record has no gaps, and no code is admitted twice.
fn admissions_in_record(base: &str) -> Vec<String> {
    let size = record_size(base);
    let (mut seen, mut after, mut codes) = (0, String::new(), Vec::new());
    while seen < size {
        let mut res = agent().get(format!("{base}/api/v1/record?limit=1000{after}")).call().unwrap();
        let page: Value = res.body_mut().read_json().unwrap();
        for e in page.as_array().unwrap() {
            assert_eq!(e["index"].as_u64(), Some(seen), "the record has a gap");
            if e["kind"] == "member.admitted" && e["payload"]["kind"] == "organisation" {
                codes.push(e["payload"]["code"].as_str().unwrap().to_owned());
            }
            seen += 1;
        }
        after = format!("&after={}", seen - 1);
    }
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), codes.len(), "an admission is in the record twice");
    codes
}

/// Which of `servers` takes writes: tries each until one acknowledges.
fn find_leader(servers: &[Option<Server>], token: &str, within: Duration) -> usize {
    let deadline = Instant::now() + within;
    let agent = agent();
    let mut n = 0;
    loop {
        for (i, s) in servers.iter().enumerate() {
            if let Some(s) = s {
                n += 1;
                if admit(&agent, &s.base, token, &format!("PROBE-{i}-{n}")).is_ok() {
                    return i;
                }
            }
        }
        assert!(Instant::now() < deadline, "no server took writes within {within:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Waits until every server shows the whole record (followers catch up).
fn wait_until_equal(servers: &[&Server]) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let sizes: Vec<u64> = servers.iter().map(|s| record_size(&s.base)).collect();
        if sizes.windows(2).all(|w| w[0] == w[1]) {
            return sizes[0];
        }
        assert!(Instant::now() < deadline, "the servers do not converge: record sizes {sizes:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `accord verify` against a server, once a checkpoint covers its record.
fn verify(base: &str, key: &str, state: &Path) {
    let size = record_size(base);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let mut res = agent().get(format!("{base}/api/v1/log")).call().unwrap();
        if res.body_mut().read_json::<Value>().unwrap()["size"].as_u64() == Some(size) {
            break;
        }
        assert!(Instant::now() < deadline, "no checkpoint covered the record");
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["verify", "--url", base, "--key", key, "--state"])
        .arg(state)
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "accord verify failed against {base}:\n{text}");
}

fn log_key(dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["log", "key", "--data-dir"])
        .arg(dir)
        .env("ACCORD_DATABASE", std::fs::read_to_string(dir.join("database")).unwrap().trim())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn signal(server: &Server, name: &str) {
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args([&format!("-{name}"), &pid]).status().unwrap().success());
}

#[test]
fn the_leader_killed_under_load_another_takes_over_and_nothing_acknowledged_is_lost() {
    if !on_postgres() {
        eprintln!(
            "skipped on SQLite: several servers share one PostgreSQL database (runs with ACCORD_TEST_STORE=postgres)"
        );
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let dirs = shared_data_dirs(root.path(), 3);
    let key = log_key(&dirs[0]);
    let mut servers: Vec<Option<Server>> = dirs.iter().map(|d| Some(Server::start_shared(d, &[]))).collect();
    let token = token(&servers[1].as_ref().unwrap().base);
    let leader = find_leader(&servers, &token, Duration::from_secs(30));
    let bases: Vec<String> = servers.iter().map(|s| s.as_ref().unwrap().base.clone()).collect();
    // The health check a load balancer reads says which server leads.
    let writer = |base: &str| {
        let mut res = agent().get(format!("{base}/healthz/writer")).call().unwrap();
        (res.status().as_u16(), res.body_mut().read_to_string().unwrap())
    };
    for (i, base) in bases.iter().enumerate() {
        let expected = if i == leader { (200, "leading") } else { (503, "following") };
        assert_eq!(writer(base), (expected.0, expected.1.to_owned()), "server {i}");
    }
    // A follower serves reads and refuses writes, saying when to retry.
    for (i, base) in bases.iter().enumerate().filter(|(i, _)| *i != leader) {
        assert_eq!(admit(&agent(), base, &token, &format!("FOLLOWER-{i}")), Err(503));
        let deadline = Instant::now() + Duration::from_secs(30);
        while !members(base).keys().any(|c| c.starts_with("PROBE")) {
            assert!(Instant::now() < deadline, "a follower does not show the leader's writes");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    // code → (index, which server acknowledged it, when)
    type Acked = BTreeMap<String, (u64, usize, Instant)>;
    let acked: Arc<Mutex<Acked>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..12 {
        let (acked, stop, token, bases) = (acked.clone(), stop.clone(), token.clone(), bases.clone());
        clients.push(std::thread::spawn(move || {
            let agent = crate::helpers::agent();
            // Each client starts at a server of its own and moves to the
            // next one when answered with an error.
            let (mut at, mut n, mut refused) = (c % 3, 0, 0usize);
            while !stop.load(Ordering::Relaxed) {
                let code = format!("F{c}-{n}");
                n += 1;
                match admit(&agent, &bases[at], &token, &code) {
                    Ok(index) => {
                        acked.lock().unwrap().insert(code, (index, at, Instant::now()));
                    }
                    Err(status) => {
                        assert!(matches!(status, 0 | 503), "a write was answered {status}");
                        refused += 1;
                        at = (at + 1) % bases.len();
                        std::thread::sleep(Duration::from_millis(10));
                    }
                }
            }
            refused
        }));
    }
    std::thread::sleep(Duration::from_millis(2000));
    let before = acked.lock().unwrap().len();
    assert!(before > 20, "only {before} writes were acknowledged before the leader's death");

    servers[leader].as_mut().unwrap().kill(); // SIGKILL
    let killed = Instant::now();
    let deadline = killed + Duration::from_secs(30);
    let first_after = loop {
        let first =
            acked.lock().unwrap().values().filter(|(_, by, at)| *by != leader && *at > killed).map(|v| v.2).min();
        if let Some(at) = first {
            break at;
        }
        assert!(Instant::now() < deadline, "no write was acknowledged within 30 s of the leader's death");
        std::thread::sleep(Duration::from_millis(20));
    };
    eprintln!("first write acknowledged by the new leader {:?} after the leader's death", first_after - killed);
    // Writes go on after the take-over.
    while acked.lock().unwrap().values().filter(|(_, _, at)| *at > killed).count() < 50 {
        assert!(Instant::now() < deadline, "writes did not resume after the leader's death");
        std::thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, Ordering::Relaxed);
    let refused: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
    let acked = acked.lock().unwrap().clone();
    eprintln!(
        "{} writes acknowledged ({before} before the leader's death), {refused} answered with an error",
        acked.len()
    );

    let alive: Vec<&Server> =
        servers.iter().enumerate().filter(|(i, _)| *i != leader).map(|(_, s)| s.as_ref().unwrap()).collect();
    assert_eq!(alive.len(), 2);
    wait_until_equal(&alive);
    for server in &alive {
        let shown = members(&server.base);
        for (code, (index, _, _)) in &acked {
            assert_eq!(shown.get(code), Some(index), "acknowledged admission of {code} (entry {index}) is not shown");
        }
        admissions_in_record(&server.base);
    }
    assert_eq!(members(&alive[0].base), members(&alive[1].base), "the two servers show the same forum");
    verify(&alive[0].base, &key, &root.path().join("verify-state.json"));
    verify(&alive[1].base, &key, &root.path().join("verify-state-2.json"));
}

#[test]
fn a_paused_leader_fenced_off_is_refused_and_steps_down() {
    if !on_postgres() {
        eprintln!(
            "skipped on SQLite: several servers share one PostgreSQL database (runs with ACCORD_TEST_STORE=postgres)"
        );
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let dirs = shared_data_dirs(root.path(), 2);
    let key = log_key(&dirs[0]);
    let servers: Vec<Option<Server>> = dirs.iter().map(|d| Some(Server::start_shared(d, &[]))).collect();
    let token = token(&servers[0].as_ref().unwrap().base);
    let old = find_leader(&servers, &token, Duration::from_secs(30));
    let new = 1 - old;
    let (old_base, new_base) =
        (servers[old].as_ref().unwrap().base.clone(), servers[new].as_ref().unwrap().base.clone());
    let agent = agent();
    for i in 0..20 {
        admit(&agent, &old_base, &token, &format!("BEFORE-{i}")).unwrap();
    }

    // The leader hangs; an operator ends its database session.
    signal(servers[old].as_ref().unwrap(), "STOP");
    let end = |dir: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_accord"))
            .args(["admin", "end-leader-session", "--data-dir"])
            .arg(dir)
            .env_remove("ACCORD_DATABASE")
            .env("ACCORD_LOG", "warn")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(end(&dirs[new]).contains("ended the leader's database session"), "one session held the writer's role");
    // Clients keep writing to the paused server: their requests wait.
    let waiting: Vec<_> = (0..4)
        .map(|i| {
            let (base, token) = (old_base.clone(), token.clone());
            std::thread::spawn(move || {
                let agent = crate::helpers::agent();
                (0..3).map(|n| admit(&agent, &base, &token, &format!("PAUSED-{i}-{n}"))).collect::<Vec<_>>()
            })
        })
        .collect();
    // The other server takes over and writes.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut acked = BTreeMap::new();
    let mut n = 0;
    while acked.len() < 30 {
        assert!(Instant::now() < deadline, "the other server did not take over");
        let code = format!("AFTER-{n}");
        n += 1;
        if let Ok(index) = admit(&agent, &new_base, &token, &code) {
            acked.insert(code, index);
        } else {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    signal(servers[old].as_ref().unwrap(), "CONT");
    for answers in waiting.into_iter().map(|t| t.join().unwrap()) {
        for answer in answers {
            assert_eq!(answer, Err(503), "the fenced-off server acknowledged a write it could not commit");
        }
    }
    // The old leader follows: it refuses writes and shows the new ones.
    assert_eq!(admit(&agent, &old_base, &token, "LATE"), Err(503));
    let (o, n_) = (servers[old].as_ref().unwrap(), servers[new].as_ref().unwrap());
    wait_until_equal(&[o, n_]);
    let codes = admissions_in_record(&new_base);
    assert!(codes.iter().all(|c| !c.starts_with("PAUSED") && c != "LATE"), "a refused write is in the record");
    for server in [o, n_] {
        let shown = members(&server.base);
        for (code, index) in &acked {
            assert_eq!(shown.get(code), Some(index), "acknowledged admission of {code} is not shown");
        }
        for i in 0..20 {
            assert!(shown.contains_key(&format!("BEFORE-{i}")));
        }
    }
    verify(&new_base, &key, &root.path().join("verify-state.json"));
    verify(&old_base, &key, &root.path().join("verify-state-old.json"));
}

/// Every write names the answer of a server that does not lead: 503 with
/// `Retry-After`, code `not_leader`.
#[tokio::test]
async fn the_openapi_document_says_writes_may_meet_a_follower() {
    let forum = TestForum::new();
    let (_, doc) = forum.get("/api/openapi.json").await;
    let mut writes = 0;
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            if matches!(method.as_str(), "post" | "put" | "patch" | "delete") && op["responses"].get("409").is_some() {
                writes += 1;
                let header = &op["responses"]["503"]["headers"]["Retry-After"];
                let said = header["description"].as_str().unwrap_or_default();
                assert!(said.contains("not_leader"), "{method} {path}: {header}");
            }
        }
    }
    assert!(writes >= 40, "{writes} write operations");
}
