//! PostgreSQL restarted under load: the server reconnects, and no entry it
//! acknowledged is lost. Runs on a cluster of its own (the suite's shared
//! one serves other tests meanwhile), started from Debian's PostgreSQL
//! binaries as `scripts/postgres.sh` starts the suite's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::helpers::*;

/// A throw-away PostgreSQL cluster in a temporary directory, stopped and
/// removed when dropped.
struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    /// initdb refuses root: as root, the cluster runs as `postgres`.
    as_postgres: bool,
    url: String,
}

impl Cluster {
    fn start() -> Cluster {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .expect("PostgreSQL from Debian's packages (test.sh installs it)")
            .filter_map(|e| Some(e.ok()?.path().join("bin")))
            .find(|b| b.join("initdb").exists() && b.join("pg_ctl").exists())
            .expect("initdb and pg_ctl in /usr/lib/postgresql/<version>/bin");
        let dir = tempfile::Builder::new().prefix("accord-pg-restart").tempdir().unwrap().keep();
        let uid = Command::new("id").arg("-u").output().unwrap();
        let as_postgres = String::from_utf8_lossy(&uid.stdout).trim() == "0";
        if as_postgres {
            assert!(Command::new("chown").arg("postgres:").arg(&dir).status().unwrap().success());
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let cluster = Cluster { url: format!("postgres://postgres@127.0.0.1:{port}/postgres"), dir, bin, as_postgres };
        let data = cluster.dir.join("data");
        cluster.run("initdb", &["-D", data.to_str().unwrap(), "-U", "postgres", "-A", "trust", "--no-locale"]);
        let options = format!("-c listen_addresses=127.0.0.1 -p {port} -k {}", cluster.dir.display());
        let log = cluster.dir.join("server.log");
        cluster.pg_ctl(&["-l", log.to_str().unwrap(), "-o", &options, "start"]);
        cluster
    }

    fn run(&self, program: &str, args: &[&str]) {
        let program = self.bin.join(program);
        let shown = program.display().to_string();
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        // Not through pipes: a server pg_ctl starts keeps what it inherits
        // open, and reading to the end would wait for it to stop.
        let status = command
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
        assert!(status.success(), "{shown} {args:?} failed; the server's log:\n{log}");
    }

    fn pg_ctl(&self, args: &[&str]) {
        let data = self.dir.join("data");
        let mut all = vec!["-D", data.to_str().unwrap(), "-w", "-t", "60"];
        all.extend_from_slice(args);
        self.run("pg_ctl", &all);
    }

    /// A database of its own on this cluster.
    fn database(&self, name: &str) -> String {
        accord_store::postgres::create_database(&self.url, name).unwrap()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(|| self.pg_ctl(&["-m", "immediate", "stop"]));
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The organisations a server shows, code → index of their admission.
pub(crate) fn members(base: &str) -> BTreeMap<String, u64> {
    let mut res = agent().get(format!("{base}/api/v1/members?kind=organisation")).call().unwrap();
    assert_eq!(res.status(), 200);
    let members: Value = res.body_mut().read_json().unwrap();
    members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["code"].as_str().unwrap().to_owned(), m["admitted_entry"].as_u64().unwrap()))
        .collect()
}

fn init_on(dir: &Path, url: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["init", "--forum", "Restart Test Forum", "--admin-email", &email("sec"), "--data-dir"])
        .arg(dir)
        .args(["--database", url])
        .env("ACCORD_ADMIN_PASSWORD", PASSWORD)
        .env("ACCORD_LOG", "warn")
        .output()
        .unwrap();
    assert!(out.status.success(), "accord init failed: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn postgres_restarted_under_load_loses_no_acknowledged_entry() {
    restarted_under_load(1);
}

/// Two servers on the database: after the restart one of them leads again
/// (not necessarily the same), and both show every acknowledged entry.
#[test]
fn postgres_restarted_under_load_with_two_servers_loses_no_acknowledged_entry() {
    restarted_under_load(2);
}

fn restarted_under_load(n: usize) {
    if !on_postgres() {
        eprintln!("skipped on SQLite: restarts a PostgreSQL server (runs with ACCORD_TEST_STORE=postgres)");
        return;
    }
    let cluster = Cluster::start();
    let url = cluster.database(&format!("restart_under_load_{n}"));
    let root = tempfile::tempdir().unwrap();
    let dirs: Vec<PathBuf> = (0..n).map(|i| root.path().join(format!("server-{i}"))).collect();
    init_on(&dirs[0], &url);
    for dir in &dirs[1..] {
        // Each server a data directory of its own: the same key and database.
        std::fs::create_dir(dir).unwrap();
        for file in ["log-key", "database"] {
            std::fs::copy(dirs[0].join(file), dir.join(file)).unwrap();
        }
    }
    // The data directory names its database: `accord serve` finds it.
    let mut servers: Vec<Server> = dirs.iter().map(|d| Server::start_shared(d, &[])).collect();
    let bases: Vec<String> = servers.iter().map(|s| s.base.clone()).collect();
    let mut login = agent()
        .post(format!("{}/api/v1/auth/token", bases[0]))
        .send_json(json!({"email": email("sec"), "password": PASSWORD}))
        .unwrap();
    let token = login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned();

    // code → (index of the acknowledged entry, acknowledged after the restart)
    let acked: Arc<Mutex<BTreeMap<String, (u64, bool)>>> = Arc::default();
    let restarted = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let refused = Arc::new(Mutex::new(0usize));
    let mut clients = Vec::new();
    for c in 0..16 {
        let (acked, stop, restarted, refused, token, bases) =
            (acked.clone(), stop.clone(), restarted.clone(), refused.clone(), token.clone(), bases.clone());
        clients.push(std::thread::spawn(move || {
            let agent = agent();
            let (mut n, mut at) = (0, c % bases.len());
            while !stop.load(Ordering::Relaxed) {
                let code = format!("R{c}-{n}");
                n += 1;
                let after = restarted.load(Ordering::Relaxed);
                let answer = agent
                    .post(format!("{}/api/v1/members", bases[at]))
                    .header("Authorization", format!("Bearer {token}"))
                    .send_json(
                        json!({"code": code, "kind": "organisation", "name": "Restart Org", "category": "academia"}),
                    )
                    .unwrap();
                let mut answer = answer;
                if answer.status() == 201 {
                    let body: Value = answer.body_mut().read_json().unwrap();
                    acked.lock().unwrap().insert(code, (body["entry"]["index"].as_u64().unwrap(), after));
                } else {
                    // The database was away, or this server does not lead:
                    // an error, not an acknowledgement; the next server.
                    *refused.lock().unwrap() += 1;
                    at = (at + 1) % bases.len();
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        }));
    }
    std::thread::sleep(Duration::from_millis(1500));
    let before = acked.lock().unwrap().len();
    assert!(before > 20, "only {before} appends before the restart");
    // A fast shutdown ends every session, in the middle of commits.
    let log = cluster.dir.join("server.log");
    cluster.pg_ctl(&["-m", "fast", "-l", log.to_str().unwrap(), "restart"]);
    restarted.store(true, Ordering::Relaxed);
    let deadline = Instant::now() + Duration::from_secs(30);
    while acked.lock().unwrap().values().filter(|(_, after)| *after).count() < 50 {
        assert!(Instant::now() < deadline, "the server did not take writes again after the database restarted");
        std::thread::sleep(Duration::from_millis(100));
    }
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    eprintln!(
        "{} appends acknowledged ({before} before the restart), {} answered with an error while the database was away",
        acked.len(),
        refused.lock().unwrap()
    );
    // The running servers show every acknowledged entry (once the
    // followers have caught up) ...
    let deadline = Instant::now() + Duration::from_secs(30);
    // What the servers show once they agree (a follower may lag by the
    // last commits).
    let present = loop {
        let shown: Vec<_> = bases.iter().map(|b| members(b)).collect();
        if shown.windows(2).all(|w| w[0] == w[1]) {
            break shown[0].clone();
        }
        assert!(Instant::now() < deadline, "the servers do not converge");
        std::thread::sleep(Duration::from_millis(100));
    };
    for base in &bases {
        let mut shown = members(base);
        while acked.keys().any(|code| !shown.contains_key(code)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
            shown = members(base);
        }
        for (code, (index, _)) in &acked {
            assert_eq!(shown.get(code), Some(index), "acknowledged admission of {code} (entry {index}) is not shown");
        }
    }
    // ... and so does a new server replaying the database.
    for server in &mut servers {
        server.kill();
    }
    let server = Server::start(&dirs[0]);
    let replayed = members(&server.base);
    for (code, (index, _)) in &acked {
        assert_eq!(replayed.get(code), Some(index), "acknowledged admission of {code} (entry {index}) was lost");
    }
    let differ: Vec<_> = replayed.iter().filter(|(c, i)| present.get(*c) != Some(i)).take(5).collect();
    let missing: Vec<_> = present.iter().filter(|(c, _)| !replayed.contains_key(*c)).take(5).collect();
    assert!(
        differ.is_empty() && missing.is_empty(),
        "the replay differs from what the servers showed: {differ:?} {missing:?}"
    );
}
