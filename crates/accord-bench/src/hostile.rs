//! Memory under hostile requests: a real `accord serve` process (the
//! release binary beside this one) with the demonstration forum, sent
//! requests with made-up methods (some of 8 KiB), random paths and random
//! headers over loopback, its resident memory (`VmRSS` in
//! `/proc/PID/status`) read before and after.
//!
//! Before is read after a warm-up of ordinary requests (pages, API, and
//! a first round of hostile ones), so that what the allocator and the
//! caches take for serving at all is in both figures; the target is that
//! the hostile requests leave memory within 10 % of it.

use std::io::BufRead;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use axum::body::Bytes;
use axum::http::Request;
use http_body_util::{BodyExt, Full};

use crate::http::connect;
use crate::Options;

/// A small, fast generator (xorshift64*): the requests need variety, not
/// unpredictability.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick(&mut self, from: &[u8]) -> u8 {
        from[self.below(from.len())]
    }

    fn text(&mut self, from: &[u8], len: usize) -> String {
        (0..len).map(|_| self.pick(from) as char).collect()
    }
}

const TOKEN: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~";
const PATH: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/%";
const VALUE: &[u8] =
    b" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
const PREFIXES: &[&str] = &[
    "/",
    "/members/",
    "/api/v1/",
    "/api/v1/members/",
    "/processes/",
    "/record/",
    "/log/tile/",
    "/assets/",
    "/meetings/",
    "/login",
];

/// One hostile request: a method that is one of HTTP's in a quarter of
/// cases and made up otherwise (one in ten of those 8 KiB long), a path
/// under a real prefix with random bytes (percent-escapes included, some
/// malformed), up to 12 random headers, and sometimes a query.
fn hostile(dice: &mut Dice, host: &str) -> Request<Full<Bytes>> {
    let method = match dice.below(8) {
        0 => "GET".to_owned(),
        1 => "POST".to_owned(),
        2 => ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"][dice.below(5)].to_owned(),
        3 => dice.text(TOKEN, 8 * 1024),
        _ => {
            let len = 1 + dice.below(40);
            dice.text(TOKEN, len)
        }
    };
    let mut path = PREFIXES[dice.below(PREFIXES.len())].to_owned();
    let len = dice.below(120);
    path.push_str(&dice.text(PATH, len));
    if dice.below(3) == 0 {
        let len = dice.below(200);
        path.push('?');
        path.push_str(&dice.text(PATH, len).replace('/', "="));
    }
    let mut request = Request::builder().method(method.as_str()).uri(&path).header("host", host);
    for _ in 0..dice.below(13) {
        let name_len = 1 + dice.below(30);
        let name = dice.text(TOKEN, name_len).to_ascii_lowercase();
        let value_len = dice.below(300);
        let value = dice.text(VALUE, value_len);
        request = request.header(format!("x-{name}"), value.trim());
    }
    let body = if dice.below(4) == 0 {
        let len = dice.below(2048);
        Bytes::from(dice.text(VALUE, len))
    } else {
        Bytes::new()
    };
    request.body(Full::new(body)).unwrap_or_else(|_| {
        Request::builder().uri("/").header("host", host).body(Full::new(Bytes::new())).expect("a plain request")
    })
}

/// Sends `count` hostile requests over `clients` keep-alive connections
/// (a connection the server closes is opened again); answers how many
/// got an answer, and a count by status class.
async fn send_hostile(addr: SocketAddr, count: usize, clients: usize, seed: u64) -> Result<(usize, [usize; 6])> {
    let host = addr.to_string();
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let host = host.clone();
            let share = count / clients + usize::from(c < count % clients);
            tokio::spawn(async move {
                let mut dice = Dice(seed ^ (0x9E37_79B9_7F4A_7C15u64.wrapping_mul(c as u64 + 1)));
                let mut answered = 0usize;
                let mut classes = [0usize; 6];
                let mut sender = None;
                for _ in 0..share {
                    let request = hostile(&mut dice, &host);
                    if sender.is_none() {
                        sender = connect(addr).await.ok();
                    }
                    let Some(s) = sender.as_mut() else { continue };
                    if s.ready().await.is_err() {
                        sender = None;
                        continue;
                    }
                    match s.send_request(request).await {
                        Ok(response) => {
                            classes[(response.status().as_u16() / 100) as usize % 6] += 1;
                            if response.into_body().collect().await.is_ok() {
                                answered += 1;
                            } else {
                                sender = None;
                            }
                        }
                        Err(_) => sender = None,
                    }
                }
                (answered, classes)
            })
        })
        .collect();
    let mut total = (0usize, [0usize; 6]);
    for t in tasks {
        let (a, c) = t.await?;
        total.0 += a;
        for (sum, n) in total.1.iter_mut().zip(c) {
            *sum += n;
        }
    }
    Ok(total)
}

/// Ordinary requests: pages and API reads a delegation makes.
async fn send_ordinary(addr: SocketAddr, count: usize) -> Result<()> {
    let mut sender = connect(addr).await?;
    let paths = ["/", "/members", "/members/BRA", "/processes", "/api/v1/members", "/record", "/metrics", "/login"];
    for i in 0..count {
        let request =
            Request::get(paths[i % paths.len()]).header("host", addr.to_string()).body(Full::new(Bytes::new()))?;
        sender.ready().await?;
        let response = sender.send_request(request).await?;
        response.into_body().collect().await?;
    }
    Ok(())
}

/// Resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .context("no VmRSS in /proc/PID/status")
}

async fn metrics_bytes(addr: SocketAddr) -> Result<usize> {
    let mut sender = connect(addr).await?;
    let request = Request::get("/metrics").header("host", addr.to_string()).body(Full::new(Bytes::new()))?;
    let response = sender.send_request(request).await?;
    Ok(response.into_body().collect().await?.to_bytes().len())
}

struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn run(runtime: &tokio::runtime::Runtime, options: &Options) -> Result<()> {
    println!();
    println!("== hostile: memory of `accord serve` under {} random requests ==", options.hostile_requests);
    let accord = std::env::current_exe()?.with_file_name("accord");
    if !accord.exists() {
        bail!("{} is missing: build it with `cargo build --release -p accord`", accord.display());
    }
    let dir = tempfile::tempdir()?;
    let mut child = Child(
        std::process::Command::new(&accord)
            .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(dir.path())
            .env("ACCORD_LOG", "error")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .with_context(|| format!("starting {}", accord.display()))?,
    );
    let pid = child.0.id();
    let stdout = child.0.stdout.take().context("the server's output")?;
    let mut lines = std::io::BufReader::new(stdout).lines();
    let addr: SocketAddr = loop {
        let line = lines.next().context("accord serve ended before it listened")??;
        if let Some(rest) = line.split(" at http://").nth(1) {
            break rest.trim_end_matches('/').parse()?;
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let clients = options.clients.min(32);
    runtime.block_on(async {
        send_ordinary(addr, 2_000).await?;
        send_hostile(addr, 5_000, clients, 1).await?;
        send_ordinary(addr, 500).await?;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let before = rss_kib(pid)?;
        let metrics_before = metrics_bytes(addr).await?;
        let started = Instant::now();
        let (answered, classes) = send_hostile(addr, options.hostile_requests, clients, 0x00AC_C04D).await?;
        let took = started.elapsed();
        send_ordinary(addr, 500).await?;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let after = rss_kib(pid)?;
        let metrics_after = metrics_bytes(addr).await?;
        let growth = (after as f64 - before as f64) / before as f64 * 100.0;
        println!(
            "  {} requests in {:.1} s over {clients} connections: {answered} answered (1xx {}, 2xx {}, 3xx {}, 4xx {}, \
             5xx {})",
            options.hostile_requests,
            took.as_secs_f64(),
            classes[1],
            classes[2],
            classes[3],
            classes[4],
            classes[5]
        );
        println!(
            "  resident memory (VmRSS): {before} KiB before, {after} KiB after: {growth:+.1} % (target: within 10 %)"
        );
        println!("  /metrics: {metrics_before} bytes before, {metrics_after} bytes after");
        if classes[5] > 0 {
            println!("  NOTE: {} answers were server errors (5xx)", classes[5]);
        }
        anyhow::Ok(())
    })?;
    drop(child);
    Ok(())
}
