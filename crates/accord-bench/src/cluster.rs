//! Several `accord serve` processes on one PostgreSQL database (`--postgres`
//! names the server; the release `accord` binary beside this one runs
//! them), each with a data directory of its own holding the same log key:
//!
//! - `GET /members` and a hash tile, spread over the three servers, on a
//!   forum of 300 organisations;
//! - acknowledged `POST /api/v1/members` per second at the leader while
//!   one, two and three servers run (the others follow every commit);
//! - the time from the leader's SIGKILL to the first write another server
//!   acknowledges, twice (three servers, then the two left).
//!
//! Clients, servers and PostgreSQL share the machine's cores.

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use axum::http::StatusCode;

use crate::common::{group, ADMIN_EMAIL, ADMIN_PASSWORD};
use crate::http::{drive, print_outcome, token, Scenario};
use crate::Options;

/// One `accord serve`, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(accord: &Path, dir: &Path) -> Result<Server> {
    let mut child = Command::new(accord)
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir)
        .env("ACCORD_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("starting {}", accord.display()))?;
    let stdout = child.stdout.take().context("the server's output")?;
    let mut lines = std::io::BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines.next().context("accord serve ended before it listened")??;
        if let Some(rest) = line.split(" at http://").nth(1) {
            break rest.trim_end_matches('/').parse()?;
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Ok(Server { child, addr })
}

/// Admits one organisation through `addr`; answers the status.
fn admit(agent: &ureq::Agent, addr: SocketAddr, token: &str, code: &str) -> u16 {
    let body = serde_json::json!({"code": code, "kind": "organisation", "name": "Bench", "category": "academia"});
    agent
        .post(format!("http://{addr}/api/v1/members"))
        .header("Authorization", format!("Bearer {token}"))
        .send_json(body)
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

/// Which server leads: the one that acknowledges a write.
fn leader(servers: &[Server], token: &str) -> Result<usize> {
    let agent = agent();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut n = 0;
    while Instant::now() < deadline {
        for (i, s) in servers.iter().enumerate() {
            n += 1;
            if admit(&agent, s.addr, token, &format!("LEAD-{n}")) == 201 {
                return Ok(i);
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    bail!("no server took writes")
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

/// Kills the leader with SIGKILL while a client writes to the others, and
/// answers the time to the first write one of them acknowledges.
fn failover(servers: &mut Vec<Server>, token: &str, tag: &str) -> Result<Duration> {
    let lead = leader(servers, token)?;
    let others: Vec<SocketAddr> = servers.iter().enumerate().filter(|(i, _)| *i != lead).map(|(_, s)| s.addr).collect();
    let agent = agent();
    let mut old = servers.remove(lead);
    old.child.kill()?;
    let killed = Instant::now();
    let _ = old.child.wait();
    let mut n = 0;
    loop {
        for addr in &others {
            n += 1;
            if admit(&agent, *addr, token, &format!("{tag}-{n}")) == 201 {
                return Ok(killed.elapsed());
            }
        }
        if killed.elapsed() > Duration::from_secs(60) {
            bail!("no server took writes within 60 s of the leader's death");
        }
    }
}

pub fn run(runtime: &tokio::runtime::Runtime, options: &Options) -> Result<()> {
    println!();
    println!("== cluster: three `accord serve` on one PostgreSQL database ==");
    let Some(admin) = &options.postgres else {
        println!("skipped: needs --postgres URL (a PostgreSQL server where it may CREATE DATABASE)");
        return Ok(());
    };
    let accord = std::env::current_exe()?.with_file_name("accord");
    if !accord.exists() {
        bail!("{} is missing: build it with `cargo build --release -p accord`", accord.display());
    }
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.subsec_nanos();
    let url = accord_store::postgres::create_database(admin, &format!("accord_bench_cluster_{nanos}"))?;
    let root = crate::common::temp_dir()?;
    let dirs: Vec<PathBuf> = (0..3).map(|i| root.path().join(format!("server-{i}"))).collect();
    let out = Command::new(&accord)
        .args(["init", "--forum", "Benchmark forum", "--admin-email", ADMIN_EMAIL, "--data-dir"])
        .arg(&dirs[0])
        .args(["--database", &url])
        .env("ACCORD_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("ACCORD_LOG", "error")
        .output()?;
    if !out.status.success() {
        bail!("accord init failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    for dir in &dirs[1..] {
        std::fs::create_dir(dir)?;
        for file in ["log-key", "database"] {
            std::fs::copy(dirs[0].join(file), dir.join(file))?;
        }
    }
    let duration = Duration::from_secs(options.seconds);
    let clients = options.clients;
    let mut servers = dirs.iter().map(|d| serve(&accord, d)).collect::<Result<Vec<_>>>()?;
    let token = runtime.block_on(token(servers[0].addr))?;
    let lead = leader(&servers, &token)?;
    // Reads first, while `/members` lists a forum's worth of members (the
    // writes below admit tens of thousands): 300 organisations, enough for
    // a full hash tile.
    let agent = agent();
    for i in 0..300 {
        admit(&agent, servers[lead].addr, &token, &format!("SEED-{i}"));
    }
    std::thread::sleep(Duration::from_secs(1));
    let addrs: Vec<SocketAddr> = servers.iter().map(|s| s.addr).collect();
    for (name, path) in [("GET /members", "/members"), ("GET /log/tile/0/000", "/log/tile/0/000")] {
        let per_server = (clients / addrs.len()).max(1);
        let run = |addr: SocketAddr| {
            let name = format!("{name} at {addr}");
            async move { drive(&name, addr, Scenario::Get(path), StatusCode::OK, per_server, duration).await }
        };
        let (a, b, c) = runtime.block_on(async { tokio::join!(run(addrs[0]), run(addrs[1]), run(addrs[2])) });
        let mut total = 0.0;
        for outcome in [a, b, c] {
            print_outcome(&outcome);
            total += outcome.rate();
        }
        println!("  {name}, three servers together: {}/s", group(total));
    }
    // Writes at the leader with the followers stopped, then one and two
    // of them started again.
    let leading = servers.remove(lead);
    drop(servers);
    let others: Vec<&PathBuf> = dirs.iter().enumerate().filter(|(i, _)| *i != lead).map(|(_, d)| d).collect();
    let mut servers = vec![leading];
    for n in 1..=3 {
        if n > 1 {
            servers.push(serve(&accord, others[n - 2])?);
        }
        let outcome = runtime.block_on(drive(
            &format!("POST /api/v1/members at the leader, {n} server(s) running"),
            servers[0].addr,
            Scenario::Admit { token: token.clone(), prefix: ["S1-", "S2-", "S3-"][n - 1] },
            StatusCode::CREATED,
            clients,
            duration,
        ));
        print_outcome(&outcome);
    }
    let first = failover(&mut servers, &token, "FAILOVER-A")?;
    println!(
        "  leader killed (SIGKILL), three servers: first write acknowledged by another after {:.0} ms (target < 5 s)",
        first.as_secs_f64() * 1000.0
    );
    let second = failover(&mut servers, &token, "FAILOVER-B")?;
    println!(
        "  leader killed (SIGKILL), two servers: first write acknowledged by the last after {:.0} ms (target < 5 s)",
        second.as_secs_f64() * 1000.0
    );
    drop(servers);
    Ok(())
}
