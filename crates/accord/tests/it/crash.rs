//! Kill the server with SIGKILL while many clients append: after a restart,
//! every acknowledged entry is there and the state is the replay of the
//! record.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;

#[test]
fn sigkill_loses_no_acknowledged_entry() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let mut server = Server::start(dir.path());
    let agent = agent();
    let mut login = agent
        .post(format!("{}/api/v1/auth/token", server.base))
        .send_json(json!({"email": email("sec"), "password": PASSWORD}))
        .unwrap();
    let token = login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned();

    // code → index of the acknowledged entry
    let acked: Arc<Mutex<BTreeMap<String, u64>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..24 {
        let (acked, stop, token, base, agent) =
            (acked.clone(), stop.clone(), token.clone(), server.base.clone(), agent.clone());
        clients.push(std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let code = format!("C{c}-{n}");
                n += 1;
                let answer = agent
                    .post(format!("{base}/api/v1/members"))
                    .header("Authorization", format!("Bearer {token}"))
                    .send_json(
                        json!({"code": code, "kind": "organisation", "name": "Crash Test Org", "category": "academia"}),
                    );
                match answer {
                    Ok(mut res) if res.status() == 201 => {
                        let body: Value = res.body_mut().read_json().unwrap();
                        acked.lock().unwrap().insert(code, body["entry"]["index"].as_u64().unwrap());
                    }
                    // The connection died with the server: not acknowledged.
                    _ => break,
                }
            }
        }));
    }
    std::thread::sleep(Duration::from_millis(1500));
    server.kill(); // SIGKILL on Unix
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() > 50, "only {} appends were acknowledged before the kill", acked.len());

    let server = Server::start(dir.path());
    // A new client: the new server may listen on the old one's port, where
    // a connection kept from before is a dead one.
    let agent = crate::helpers::agent();
    let mut res = agent.get(format!("{}/api/v1/members?kind=organisation", server.base)).call().unwrap();
    let members: Value = res.body_mut().read_json().unwrap();
    let present: BTreeMap<String, u64> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["code"].as_str().unwrap().to_owned(), m["admitted_entry"].as_u64().unwrap()))
        .collect();
    for (code, index) in &acked {
        assert_eq!(present.get(code), Some(index), "acknowledged admission of {code} (entry {index}) was lost");
    }
    // The record has no gaps and every entry is what the state says.
    let mut res = agent.get(format!("{}/api/v1/forum", server.base)).call().unwrap();
    let size = res.body_mut().read_json::<Value>().unwrap()["record_size"].as_u64().unwrap();
    let mut seen = 0;
    let mut after = String::new();
    while seen < size {
        let url = format!("{}/api/v1/record?limit=1000{after}", server.base);
        let mut res = agent.get(url).call().unwrap();
        let page: Value = res.body_mut().read_json().unwrap();
        for e in page.as_array().unwrap() {
            assert_eq!(e["index"].as_u64(), Some(seen));
            if e["kind"] == "member.admitted" && e["payload"]["kind"] == "organisation" {
                let code = e["payload"]["code"].as_str().unwrap();
                assert_eq!(present.get(code), Some(&seen), "{code} is in the record but not in the state");
            }
            seen += 1;
        }
        after = format!("&after={}", seen - 1);
    }
    assert_eq!(seen, size);
}

#[test]
fn sigterm_stops_gracefully_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let mut server = Server::start(dir.path());
    let agent = agent();
    let mut login = agent
        .post(format!("{}/api/v1/auth/token", server.base))
        .send_json(json!({"email": email("sec"), "password": PASSWORD}))
        .unwrap();
    let token = login.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned();
    let mut acked = Vec::new();
    for n in 0..20 {
        let mut res = agent
            .post(format!("{}/api/v1/members", server.base))
            .header("Authorization", format!("Bearer {token}"))
            .send_json(json!({"code": format!("T{n}"), "kind": "organisation", "name": "Org", "category": "ngo"}))
            .unwrap();
        assert_eq!(res.status(), 201);
        acked.push(res.body_mut().read_json::<Value>().unwrap()["entry"]["index"].as_u64().unwrap());
    }
    let pid = server.child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let status = server.child.wait().unwrap();
    assert!(status.success(), "accord serve exited with {status} on SIGTERM");
    // The lock is released and the record is whole.
    let server = Server::start(dir.path());
    // A new client: the new server may listen on the old one's port, where
    // a connection kept from before is a dead one.
    let agent = crate::helpers::agent();
    let mut res = agent.get(format!("{}/api/v1/members?kind=organisation", server.base)).call().unwrap();
    let members: Value = res.body_mut().read_json().unwrap();
    let indexes: Vec<u64> = members.as_array().unwrap().iter().map(|m| m["admitted_entry"].as_u64().unwrap()).collect();
    for i in acked {
        assert!(indexes.contains(&i), "entry {i} lost");
    }
}
