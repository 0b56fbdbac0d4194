//! The public log on a static host: `accord serve --log-dir DIR` writes
//! the log as files, Debian's nginx (installed by the test script) serves
//! them, and `accord verify --url` and Go's golang.org/x/mod/sumdb/tlog
//! (`tests/go/tlogcheck -static`) check them there, with the forum's
//! server stopped.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::helpers::*;
use crate::negotiation::DRAFT;

fn nginx() -> &'static str {
    for candidate in ["/usr/sbin/nginx", "/usr/bin/nginx"] {
        if Path::new(candidate).exists() {
            return candidate;
        }
    }
    panic!("nginx is missing: run ./test.sh, which installs Debian's nginx-light");
}

fn go() -> &'static str {
    for candidate in ["/usr/bin/go", "/usr/lib/go/bin/go"] {
        if Path::new(candidate).exists() {
            return candidate;
        }
    }
    panic!("Go is missing: run ./test.sh, which installs Debian's golang-go and golang-golang-x-mod-dev");
}

/// nginx serving `root` (which holds `log/`) on a free port, as the
/// current user, with its configuration, logs and temporary files in a
/// directory of its own, with README's cache headers; stopped when
/// dropped.
struct Nginx {
    child: std::process::Child,
    base: String,
    _dir: tempfile::TempDir,
}

impl Nginx {
    fn serve(root: &Path) -> Nginx {
        let dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let d = dir.path().display();
        // One process, in the foreground: no workers to switch to another
        // user, nothing left running when the test ends.
        let conf = format!(
            "daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
             events {{ worker_connections 64; }}\n\
             http {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n\
             fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n\
             server {{\n    listen 127.0.0.1:{port};\n    root {};\n\
             location /log/ {{ add_header Cache-Control \"public, max-age=31536000, immutable\"; }}\n\
             location = /log/checkpoint {{ add_header Cache-Control \"no-cache\"; }}\n  }}\n}}\n",
            root.display()
        );
        std::fs::write(dir.path().join("nginx.conf"), conf).unwrap();
        let child = std::process::Command::new(nginx())
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(dir.path().join("nginx.conf"))
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nginx did not start: {:?}",
                std::fs::read_to_string(dir.path().join("error.log"))
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Nginx { child, base, _dir: dir }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn log_key(data: &Path) -> String {
    let key = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["log", "key", "--data-dir"])
        .arg(data)
        .output()
        .unwrap();
    assert!(key.status.success(), "{}", String::from_utf8_lossy(&key.stderr));
    String::from_utf8(key.stdout).unwrap().trim().to_owned()
}

fn log_in(server: &Server) -> String {
    let mut login = agent()
        .post(format!("{}/api/v1/auth/token", server.base))
        .send_json(json!({"email": email("sec"), "password": PASSWORD}))
        .unwrap();
    login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned()
}

fn add_members(server: &Server, token: &str, from: usize, count: usize) {
    assert_eq!(post_members(&server.base, token, from, count), count);
}

/// Admits members `S<from>`…; answers how many were admitted before the
/// first request that failed (the server killed).
fn post_members(base: &str, token: &str, from: usize, count: usize) -> usize {
    for n in from..from + count {
        let res = agent()
            .post(format!("{base}/api/v1/members"))
            .header("Authorization", format!("Bearer {token}"))
            .send_json(json!({"code": format!("S{n}"), "kind": "organisation", "name": "Org", "category": "academia"}));
        match res {
            Ok(res) => assert_eq!(res.status(), 201),
            Err(_) => return n - from,
        }
    }
    count
}

/// The record's size, as the server shows it.
fn record_size(server: &Server) -> u64 {
    let mut res = agent().get(format!("{}/api/v1/forum", server.base)).call().unwrap();
    res.body_mut().read_json::<Value>().unwrap()["record_size"].as_u64().unwrap()
}

/// The size of the server's latest checkpoint.
fn checkpoint_size(server: &Server) -> u64 {
    let mut res = agent().get(format!("{}/api/v1/log", server.base)).call().unwrap();
    let info: Value = res.body_mut().read_json().unwrap();
    info["size"].as_u64().unwrap()
}

/// The size of the checkpoint in the log directory (0 if none).
fn dir_size(log: &Path) -> u64 {
    std::fs::read_to_string(log.join("checkpoint"))
        .ok()
        .and_then(|note| note.lines().nth(1).and_then(|l| l.parse().ok()))
        .unwrap_or(0)
}

/// Waits until the log directory's checkpoint covers `size` entries.
fn wait_for_dir(log: &Path, size: u64) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while dir_size(log) < size {
        assert!(Instant::now() < deadline, "the log directory stayed at size {} (waiting for {size})", dir_size(log));
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(dir_size(log), size);
}

/// Every file under `dir`, as paths relative to it.
fn files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for item in std::fs::read_dir(dir).unwrap() {
            let path = item.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().to_str().unwrap().to_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Waits until the server has signed a checkpoint of `size` entries.
fn wait_for_checkpoint(server: &Server, size: u64) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while checkpoint_size(server) < size {
        assert!(Instant::now() < deadline, "no checkpoint of size {size}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn verify(args: &[&str], state: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("verify")
        .args(args)
        .arg("--state")
        .arg(state)
        .output()
        .unwrap()
}

#[test]
fn the_log_served_by_nginx_verifies_with_accord_and_go_tlog() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let www = tmp.path().join("www");
    let log = www.join("log");
    init_forum_cli(&data);
    let key = log_key(&data);
    let mut server = Server::start_with(&data, &["--log-dir", log.to_str().unwrap()]);
    let token = log_in(&server);
    // A process whose zero draft is a blob the log directory must hold.
    let res = agent()
        .post(format!("{}/api/v1/processes", server.base))
        .header("Authorization", format!("Bearer {token}"))
        .send_json(json!({"title": "Framework on Testing", "markdown": DRAFT}))
        .unwrap();
    assert_eq!(res.status(), 201);
    // Two full tiles of entries and a partial third; a level-1 hash tile.
    add_members(&server, &token, 0, 600);
    let size = 603;
    wait_for_checkpoint(&server, size);
    wait_for_dir(&log, size);
    let written = files(&log);
    assert!(written.iter().any(|f| f.starts_with("blob/")), "{written:?}");
    assert!(written.contains(&format!("state/{size}")), "{written:?}");
    // The forum's server is gone: what follows reads nginx alone.
    server.kill();
    let nginx = Nginx::serve(&www);
    let res = agent().get(format!("{}/api/v1/log", nginx.base)).call().unwrap();
    assert_eq!(res.status(), 404, "a static host has no API");
    let cache = |path: &str| {
        let res = agent().get(format!("{}/log/{path}", nginx.base)).call().unwrap();
        assert_eq!(res.status(), 200, "{path}");
        res.headers().get("cache-control").unwrap().to_str().unwrap().to_owned()
    };
    assert_eq!(cache("checkpoint"), "no-cache");
    assert_eq!(cache("tile/entries/000"), "public, max-age=31536000, immutable");

    let out = verify(&["--url", &format!("{}/", nginx.base), "--key", &key], &tmp.path().join("verify.json"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "accord verify refused the static log:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&format!("size {size}, signature verified")), "{stdout}");
    assert!(stdout.contains("the tree's root is the signed root"), "{stdout}");
    assert!(stdout.contains("state: the server's published state equals the replay"), "{stdout}");

    let gocache = tempfile::tempdir().unwrap();
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/go/tlogcheck/main.go");
    let out = std::process::Command::new(go())
        .arg("run")
        .arg(&program)
        .args(["-static", nginx.base.as_str(), key.as_str(), "1", "255", "256", "257", "600"])
        .env("GO111MODULE", "off")
        .env("GOPATH", "/usr/share/gocode")
        .env("GOCACHE", gocache.path())
        .env("GOFLAGS", "")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "Go's tlog refused the static log:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&format!("ok checkpoint accord.local/crash-test-forum size {size}")), "{stdout}");
    assert!(stdout.contains("ok tiles give the signed root"), "{stdout}");
    assert!(stdout.contains(&format!("ok {size} entries: leaf hashes and inclusion proofs")), "{stdout}");
    assert!(stdout.contains(&format!("ok consistency 257 -> {size}")), "{stdout}");

    // A tile altered on the host is caught by both.
    let tile = log.join("tile/0/001");
    let mut bytes = std::fs::read(&tile).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&tile, bytes).unwrap();
    let out = verify(&["--url", &nginx.base, "--key", &key], &tmp.path().join("verify2.json"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("tile/0/001"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = std::process::Command::new(go())
        .arg("run")
        .arg(&program)
        .args(["-static", nginx.base.as_str(), key.as_str()])
        .env("GO111MODULE", "off")
        .env("GOPATH", "/usr/share/gocode")
        .env("GOCACHE", gocache.path())
        .env("GOFLAGS", "")
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn the_log_directory_follows_the_record_and_resumes_after_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let log: PathBuf = tmp.path().join("log");
    init_forum_cli(&data);
    let mut server = Server::start_with(&data, &["--log-dir", log.to_str().unwrap(), "--checkpoint-interval", "0.05"]);
    let token = log_in(&server);
    add_members(&server, &token, 0, 10);
    wait_for_checkpoint(&server, 12);
    wait_for_dir(&log, 12);
    // A tile not yet full is written under its partial name.
    let written = files(&log);
    for f in ["tile/entries/000.p/12", "tile/0/000.p/12", "checkpoint", "state/12"] {
        assert!(written.iter().any(|w| w == f), "{f} missing: {written:?}");
    }
    assert!(!written.iter().any(|w| w == "tile/entries/000" || w == "tile/0/000"), "{written:?}");

    // Entries written while serving: the checkpoint advances, the full
    // tile replaces the partial one in what the checkpoint names. A reader
    // of the directory meanwhile always finds every file the checkpoint
    // it reads names (it is written last), and a log that only grows.
    let key = log_key(&data);
    let writer = {
        let (base, token) = (server.base.clone(), token.clone());
        std::thread::spawn(move || post_members(&base, &token, 10, 250))
    };
    let mut reads = 0;
    loop {
        let out = verify(&["--dir", log.to_str().unwrap(), "--key", &key], &tmp.path().join("reader.json"));
        assert!(out.status.success(), "a reader during writes: {}", String::from_utf8_lossy(&out.stderr));
        reads += 1;
        if writer.is_finished() {
            break;
        }
    }
    assert_eq!(writer.join().unwrap(), 250);
    assert!(reads > 0);
    wait_for_checkpoint(&server, 262);
    wait_for_dir(&log, 262);
    let written = files(&log);
    for f in ["tile/entries/000", "tile/0/000", "tile/entries/001.p/6", "tile/0/001.p/6"] {
        assert!(written.iter().any(|w| w == f), "{f} missing: {written:?}");
    }
    assert!(!written.iter().any(|w| w.ends_with(".tmp")), "a temporary file is left: {written:?}");
    // Every file is what the server answers at the same path under /log/.
    for f in &written {
        if f == "checkpoint" {
            continue;
        }
        let mut res = agent().get(format!("{}/log/{f}", server.base)).call().unwrap();
        assert_eq!(res.status(), 200, "{f}");
        let served = res.body_mut().with_config().limit(1 << 26).read_to_vec().unwrap();
        assert_eq!(served, std::fs::read(log.join(f)).unwrap(), "{f} differs from the server's");
    }

    // Killed (SIGKILL) while entries are written, and restarted: the
    // writer continues from the directory's checkpoint.
    let writer = {
        let (base, token) = (server.base.clone(), token.clone());
        std::thread::spawn(move || post_members(&base, &token, 260, 1000))
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while dir_size(&log) < 300 {
        assert!(Instant::now() < deadline, "the log directory did not follow the writes");
        std::thread::sleep(Duration::from_millis(20));
    }
    server.kill();
    let admitted = writer.join().unwrap();
    assert!(admitted < 1000, "the writes outlasted the server");
    let server = Server::start_with(&data, &["--log-dir", log.to_str().unwrap(), "--checkpoint-interval", "0.05"]);
    let size = record_size(&server);
    assert!(size >= 262 + admitted as u64);
    wait_for_checkpoint(&server, size);
    wait_for_dir(&log, size);
    add_members(&server, &log_in(&server), 2000, 300);
    wait_for_checkpoint(&server, size + 300);
    wait_for_dir(&log, size + 300);
    let out = verify(&["--dir", log.to_str().unwrap(), "--key", &key], &tmp.path().join("reader.json"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("state: the server's published state equals the replay"), "{stdout}");
    assert!(stdout.contains("history: consistent with the checkpoint"), "{stdout}");
    drop(server);

    // Another forum's server refuses the directory.
    let other = tmp.path().join("other");
    init_forum_cli(&other);
    // `accord serve` of `other` with `--log-dir dir`, refused: its stderr.
    let refused = |dir: &Path| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
            .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(&other)
            .arg("--log-dir")
            .arg(dir)
            .envs(cli_database(&other).map(|url| ("ACCORD_DATABASE", url)))
            .output()
            .unwrap();
        assert!(!out.status.success(), "{} was taken", dir.display());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let stderr = refused(&log);
    assert!(stderr.contains("holds the log of another forum or key"), "{stderr}");
    // So does a directory that holds something else.
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("index.html"), "hello").unwrap();
    let stderr = refused(&elsewhere);
    assert!(stderr.contains("is not empty (index.html) and holds no checkpoint"), "{stderr}");
    // And one inside the data directory, which holds the log's key, nor
    // through another spelling of it: a symbolic link, or `..`.
    let mut inside = vec![other.join("log"), other.join("..").join(other.file_name().unwrap()).join("log")];
    #[cfg(unix)]
    {
        let link = tmp.path().join("innocent");
        std::os::unix::fs::symlink(&other, &link).unwrap();
        inside.push(link.join("log"));
    }
    for dir in inside {
        let stderr = refused(&dir);
        assert!(stderr.contains("keep it apart from the data directory"), "{stderr}");
        assert!(!other.join("log").exists());
    }
}

#[test]
fn witnesses_cosignatures_reach_the_log_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let log = tmp.path().join("log");
    init_forum_cli(&data);
    let key = log_key(&data);
    let (witness, witness_key) = crate::witness::start_witness(tmp.path(), "w1", &key);
    let server = Server::start_with(
        &data,
        &["--checkpoint-interval", "0.2", "--witness", &witness.base, "--log-dir", log.to_str().unwrap()],
    );
    add_members(&server, &log_in(&server), 0, 3);
    let cosigned = crate::witness::settled_checkpoint(&server.base, 1);
    // The checkpoint is written first as signed, then again with the
    // witness's line when it comes.
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::read_to_string(log.join("checkpoint")).ok().as_deref() != Some(cosigned.as_str()) {
        assert!(Instant::now() < deadline, "the cosigned checkpoint never reached the log directory");
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = verify(
        &["--dir", log.to_str().unwrap(), "--key", &key, "--witness", &witness_key, "--quorum", "1"],
        &tmp.path().join("verify.json"),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("witnesses: 1 cosigned (witness.test/w1), quorum 1"), "{stdout}");
}

/// Admits `count` members at once, as the operator.
fn admit_many(forum: &TestForum, from: usize, count: usize) {
    use accord_domain::state::{Action, MemberKind, MemberStatus, Principal};
    let actions = (from..from + count)
        .map(|n| {
            let action = Action::AdmitMember {
                code: accord_domain::MemberCode::parse(&format!("M{n}")).unwrap(),
                name: Some(accord_domain::ids::DisplayName::parse("Org").unwrap()),
                kind: MemberKind::Organisation,
                category: Some(accord_domain::state::OrganisationCategory::Ngo),
                status: MemberStatus::Member,
            };
            (Principal::System, action)
        })
        .collect();
    for result in forum.store.submit_all_blocking(actions) {
        result.unwrap();
    }
}

/// Signs a checkpoint of the record as it is; answers its size and note.
fn sign(forum: &TestForum) -> (u64, String) {
    accord_server::log::sign_checkpoint(&forum.state).unwrap();
    forum.state.log.latest().unwrap()
}

#[test]
fn superseded_partial_tiles_and_states_go_ten_minutes_later_and_readers_fall_back_to_the_full_tile() {
    use accord_server::record::log_dir::LogDir;
    let clock = manual_clock();
    let forum = TestForum::with_clock(&clock);
    let tmp = tempfile::tempdir().unwrap();
    let log = tmp.path().join("log");
    let key = forum.state.log.verifier_key().to_owned();
    let mut writer = LogDir::open(&log, &forum.store, &key).unwrap();
    let (first, first_note) = sign(&forum);
    assert!(first < 256);
    writer.write(&forum.store, first, &first_note).unwrap();
    let partial = format!("tile/entries/000.p/{first}");
    assert!(files(&log).contains(&partial));

    // The tile fills: the full tile is written, the partial ones stay.
    admit_many(&forum, 0, 300);
    let (size, note) = sign(&forum);
    writer.write(&forum.store, size, &note).unwrap();
    let written = files(&log);
    for f in [
        "tile/entries/000",
        "tile/0/000",
        partial.as_str(),
        &format!("tile/0/000.p/{first}"),
        &format!("state/{first}"),
    ] {
        assert!(written.iter().any(|w| w == f), "{f} missing: {written:?}");
    }
    // A copy of the directory with the first checkpoint: what a reader
    // who read that checkpoint then sees once the partial tiles are gone.
    let old = tmp.path().join("old");
    copy_dir(&log, &old);
    std::fs::write(old.join("checkpoint"), &first_note).unwrap();

    // A restart finds what was superseded; ten minutes on, the next
    // checkpoint's write removes it.
    drop(writer);
    // (A run that stopped while writing left a temporary file a while
    // ago; another server sharing the directory is writing one now.)
    let stale = log.join("tile/entries/.001.4242.tmp");
    std::fs::write(&stale, b"half").unwrap();
    let long_ago = std::time::SystemTime::now() - Duration::from_secs(120);
    std::fs::File::options().write(true).open(&stale).unwrap().set_modified(long_ago).unwrap();
    let busy = log.join("tile/entries/.002.4343.tmp");
    std::fs::write(&busy, b"being written").unwrap();
    let mut writer = LogDir::open(&log, &forum.store, &key).unwrap();
    assert!(!stale.exists(), "a stopped run's temporary file is removed");
    assert!(busy.exists(), "another writer's file in progress is left alone");
    std::fs::remove_file(&busy).unwrap();
    clock.advance(Duration::from_millis(accord_server::record::log_dir::SUPERSEDED_KEPT_FOR_MS as u64 - 1));
    admit_many(&forum, 300, 1);
    let (size, note) = sign(&forum);
    writer.write(&forum.store, size, &note).unwrap();
    assert!(files(&log).contains(&partial), "removed before ten minutes");
    clock.advance(Duration::from_millis(1));
    admit_many(&forum, 301, 1);
    let (size, note) = sign(&forum);
    writer.write(&forum.store, size, &note).unwrap();
    let written = files(&log);
    assert!(
        !written.iter().any(|w| w.starts_with("tile/entries/000.p/") || w.starts_with("tile/0/000.p/")),
        "{written:?}"
    );
    // The first checkpoint's state is gone; those superseded within the
    // last ten minutes stay.
    assert!(!written.contains(&format!("state/{first}")), "{written:?}");
    assert!(written.contains(&format!("state/{}", size - 1)), "{written:?}");
    assert!(written.contains(&format!("tile/entries/001.p/{}", size - 256)), "{written:?}");

    // The directory verifies, and so does the older checkpoint, its
    // partial tiles taken from the full tile.
    let out = verify(&["--dir", log.to_str().unwrap(), "--key", &key], &tmp.path().join("v1.json"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for f in files(&log) {
        if f.starts_with("tile/entries/000") || f.starts_with("tile/0/000") {
            std::fs::copy(log.join(&f), old.join(&f)).unwrap();
        }
    }
    std::fs::remove_dir_all(old.join("tile/entries/000.p")).unwrap();
    std::fs::remove_dir_all(old.join("tile/0/000.p")).unwrap();
    let out = verify(&["--dir", old.to_str().unwrap(), "--key", &key], &tmp.path().join("v2.json"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(&format!("size {first}, signature verified")), "{stdout}");
}

fn copy_dir(from: &Path, to: &Path) {
    for f in files(from) {
        let target = to.join(&f);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(from.join(&f), target).unwrap();
    }
}
