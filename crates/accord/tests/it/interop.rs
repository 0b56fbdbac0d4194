//! Accord's log checked by code nobody on the team wrote: Go's
//! golang.org/x/mod/sumdb/note and sumdb/tlog (Debian's golang-go and
//! golang-golang-x-mod-dev, installed by the test script), through the
//! program in `tests/go/tlogcheck`.

use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;

fn go() -> &'static str {
    for candidate in ["/usr/bin/go", "/usr/lib/go/bin/go"] {
        if Path::new(candidate).exists() {
            return candidate;
        }
    }
    panic!("Go is missing: run ./test.sh, which installs Debian's golang-go and golang-golang-x-mod-dev");
}

#[test]
fn go_sumdb_verifies_checkpoint_tiles_and_proofs() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let key = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["log", "key", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(key.status.success(), "{}", String::from_utf8_lossy(&key.stderr));
    let key = String::from_utf8(key.stdout).unwrap().trim().to_owned();
    assert!(key.starts_with("accord.local/crash-test-forum+"), "{key}");

    let server = Server::start(dir.path());
    let agent = agent();
    let mut login = agent
        .post(format!("{}/api/v1/auth/token", server.base))
        .send_json(json!({"email": email("sec"), "password": PASSWORD}))
        .unwrap();
    let token = login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned();
    // Enough entries for two full tiles of entries and a level-1 hash tile.
    for n in 0..600 {
        let res = agent
            .post(format!("{}/api/v1/members", server.base))
            .header("Authorization", format!("Bearer {token}"))
            .send_json(json!({"code": format!("G{n}"), "kind": "organisation", "name": "Org", "category": "academia"}))
            .unwrap();
        assert_eq!(res.status(), 201);
    }
    // Wait for the checkpoint that covers them (signed every second).
    let size = loop {
        let mut res = agent.get(format!("{}/api/v1/log", server.base)).call().unwrap();
        let info: Value = res.body_mut().read_json().unwrap();
        assert_eq!(info["verifier_key"], key.as_str());
        if info["size"].as_u64() == Some(602) {
            break 602u64;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let gocache = tempfile::tempdir().unwrap();
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/go/tlogcheck/main.go");
    let out = std::process::Command::new(go())
        .arg("run")
        .arg(&program)
        .args([server.base.as_str(), key.as_str(), "1", "2", "255", "256", "257", "511", "600"])
        .env("GO111MODULE", "off")
        .env("GOPATH", "/usr/share/gocode")
        .env("GOCACHE", gocache.path())
        .env("GOFLAGS", "")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "Go's tlog refused Accord's log:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&format!("ok checkpoint accord.local/crash-test-forum size {size}")), "{stdout}");
    assert!(stdout.contains("ok tiles give the signed root"));
    assert!(stdout.contains(&format!("ok {size} entries: leaf hashes and inclusion proofs")));
    assert!(stdout.contains("ok consistency 257 -> 602"));
}
