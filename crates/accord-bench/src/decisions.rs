//! Decisions at conference scale, over HTTP against the real application
//! (`accord_server::app` on 127.0.0.1, clients in the same process):
//!
//! - the 193 UN member states' delegations register at a meeting at once,
//!   then vote at once in recorded votes, each on its own keep-alive
//!   connection with its own API token; the chair closes each vote. Time
//!   from the first ballot sent until every ballot is acknowledged, and
//!   until the chair has the final tally;
//! - 1,000 open pages, each holding `GET /api/v1/events`: the secretariat
//!   adds an agenda item, and the delay from sending that request until
//!   each page has its `record` event is measured.
//!
//! The forum is the demonstration forum (`accord demo`): 193 states with
//! heads of delegation, a chair, the negotiation and a session whose
//! second meeting is empty.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use crate::common::bench_config;
use accord_domain::state::{Affiliation, MemberRole, MemberStatus, OfficerRole};
use accord_domain::DelegateId;
use anyhow::{bail, ensure, Context, Result};
use axum::body::Bytes;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;

use crate::common::temp_dir;
use crate::http::connect;
use crate::Options;

const VOTE_TARGET: Duration = Duration::from_secs(1);
const EVENT_TARGET: Duration = Duration::from_millis(500);
const ROUNDS: usize = 10;
const PAGES: usize = 1_000;
const EVENTS: usize = 20;
const MEETING: u64 = 2;

/// One request on a keep-alive connection; answers the status and body.
async fn call(
    sender: &mut SendRequest<Full<Bytes>>,
    method: Method,
    path: &str,
    token: &str,
    body: Option<serde_json::Value>,
) -> Result<(StatusCode, serde_json::Value)> {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, "127.0.0.1")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Full::new(body.map(|b| Bytes::from(b.to_string())).unwrap_or_default()))?;
    sender.ready().await?;
    let response = sender.send_request(request).await?;
    let status = response.status();
    let bytes = response.into_body().collect().await?.to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
    Ok((status, json))
}

fn token_for(store: &accord_store::Store, delegate: DelegateId) -> Result<String> {
    let token = accord_server::auth::random_secret("acc_");
    store.create_api_token(&accord_server::auth::secret_hash(&token), delegate, "bench", i64::MAX)?;
    Ok(token)
}

fn quantile(sorted: &[Duration], q: f64) -> Duration {
    sorted.get(((sorted.len() as f64 * q) as usize).min(sorted.len().saturating_sub(1))).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub fn run(runtime: &tokio::runtime::Runtime, _options: &Options) -> Result<()> {
    println!();
    println!(
        "== decisions: 193 delegations registering and voting at once ({ROUNDS} recorded votes), {PAGES} pages \
         receiving live events ({EVENTS} events)"
    );
    let dir = temp_dir()?;
    let store = std::sync::Arc::new(accord_store::Store::open(&dir.path().join("accord.sqlite3"))?);
    let started = Instant::now();
    accord_server::setup::load_demo(&store)?;
    let (voters, chair, secretariat, eid) = {
        let state = store.state();
        let mut voters = Vec::new();
        let mut chair = None;
        let mut secretariat = None;
        for d in state.delegates.values().filter(|d| d.is_active()) {
            match &d.affiliation {
                Affiliation::Member { member, role: MemberRole::HeadOfDelegation }
                    if state.members.get(member).is_some_and(|m| m.status == MemberStatus::Member)
                        && !voters.iter().any(|(m, _)| m == member) =>
                {
                    voters.push((member.clone(), d.id));
                }
                Affiliation::Officer { role: OfficerRole::Chair } => chair = chair.or(Some(d.id)),
                Affiliation::Officer { role: OfficerRole::Secretariat } => secretariat = secretariat.or(Some(d.id)),
                _ => {}
            }
        }
        let process = state.process(1).map_err(|r| anyhow::anyhow!("{r}"))?;
        let eid = process.latest().instrument.provisions.first().map(|p| p.eid.clone()).context("a provision")?;
        (voters, chair.context("the demo has a chair")?, secretariat.context("and a secretariat")?, eid)
    };
    ensure!(voters.len() == 193, "expected 193 voting delegations, found {}", voters.len());
    let tokens: Vec<String> = voters.iter().map(|(_, d)| token_for(&store, *d)).collect::<Result<_>>()?;
    let chair_token = token_for(&store, chair)?;
    let secretariat_token = token_for(&store, secretariat)?;
    println!(
        "forum: the demonstration ({} entries), 193 heads of delegation with API tokens, in {:.1} s",
        store.len(),
        started.elapsed().as_secs_f64()
    );
    let app = accord_server::app(store.clone(), bench_config());
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let server = tokio::spawn(async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await
        });
        let result = async {
            votes(addr, &tokens, &chair_token, &eid).await?;
            events(addr, &secretariat_token).await
        }
        .await;
        server.abort();
        result
    })?;
    store.shutdown();
    Ok(())
}

async fn votes(addr: SocketAddr, tokens: &[String], chair_token: &str, eid: &str) -> Result<()> {
    let mut senders = Vec::with_capacity(tokens.len());
    for _ in tokens {
        senders.push(connect(addr).await?);
    }
    let mut chair = connect(addr).await?;

    // Everyone registers at once.
    let started = Instant::now();
    let tasks: Vec<_> = senders
        .into_iter()
        .zip(tokens.iter().cloned())
        .map(|(mut sender, token)| {
            tokio::spawn(async move {
                let path = format!("/api/v1/meetings/{MEETING}/attendance");
                let (status, body) = call(&mut sender, Method::POST, &path, &token, None).await?;
                ensure!(status == StatusCode::CREATED, "attendance answered {status}: {body}");
                Ok::<_, anyhow::Error>(sender)
            })
        })
        .collect();
    let mut senders = Vec::with_capacity(tasks.len());
    for task in tasks {
        senders.push(task.await??);
    }
    println!("attendance: 193 delegations registered at once in {}", ms(started.elapsed()));
    let (status, body) =
        call(&mut chair, Method::POST, &format!("/api/v1/meetings/{MEETING}/open"), chair_token, None).await?;
    ensure!(status == StatusCode::OK, "opening the meeting answered {status}: {body}");

    let mut recorded = Vec::new();
    let mut finals = Vec::new();
    for round in 0..ROUNDS {
        let open = serde_json::json!({
            "target": {"kind": "provision", "id": eid}, "majority": "two_thirds", "meeting": MEETING,
        });
        let (status, body) =
            call(&mut chair, Method::POST, "/api/v1/processes/1/votes", chair_token, Some(open)).await?;
        ensure!(status == StatusCode::CREATED, "opening the vote answered {status}: {body}");
        let vote = body["id"].as_u64().context("the vote's id")?;
        let started = Instant::now();
        let tasks: Vec<_> = senders
            .into_iter()
            .zip(tokens.iter().cloned())
            .enumerate()
            .map(|(i, (mut sender, token))| {
                let choice = ["yes", "yes", "no", "abstain"][(i + round) % 4];
                tokio::spawn(async move {
                    let path = format!("/api/v1/votes/{vote}/ballots");
                    let ballot = serde_json::json!({ "choice": choice });
                    let (status, body) = call(&mut sender, Method::POST, &path, &token, Some(ballot)).await?;
                    ensure!(status.is_success(), "a ballot answered {status}: {body}");
                    Ok::<_, anyhow::Error>(sender)
                })
            })
            .collect();
        senders = Vec::with_capacity(tasks.len());
        for task in tasks {
            senders.push(task.await??);
        }
        let all_recorded = started.elapsed();
        let path = format!("/api/v1/votes/{vote}/close");
        let (status, tally) = call(&mut chair, Method::POST, &path, chair_token, None).await?;
        let tally_final = started.elapsed();
        ensure!(status == StatusCode::OK, "closing answered {status}: {tally}");
        let counted = ["yes", "no", "abstain"].iter().map(|k| tally[k].as_u64().unwrap_or(0)).sum::<u64>();
        if counted != 193 {
            bail!("the tally counts {counted} ballots, not 193: {tally}");
        }
        if round == 0 {
            println!("first tally: {tally}");
        }
        recorded.push(all_recorded);
        finals.push(tally_final);
    }
    recorded.sort();
    finals.sort();
    println!(
        "recorded votes ({ROUNDS}): every ballot acknowledged after median {} (max {}); final tally after median {} \
         (max {})",
        ms(quantile(&recorded, 0.5)),
        ms(*recorded.last().unwrap_or(&Duration::ZERO)),
        ms(quantile(&finals, 0.5)),
        ms(*finals.last().unwrap_or(&Duration::ZERO)),
    );
    let worst = *finals.last().unwrap_or(&Duration::MAX);
    println!(
        "target: 193 ballots and the final tally under {}: {} (slowest of {ROUNDS}: {})",
        ms(VOTE_TARGET),
        if worst < VOTE_TARGET { "met" } else { "missed" },
        ms(worst)
    );
    Ok(())
}

/// Opens `PAGES` event streams, then sends `EVENTS` writes 300 ms apart and
/// measures, for each stream, the delay from sending the write until its
/// `record` event arrived.
async fn events(addr: SocketAddr, token: &str) -> Result<()> {
    let (arrivals_tx, mut arrivals) = tokio::sync::mpsc::unbounded_channel::<(usize, Instant)>();
    let mut readers = Vec::with_capacity(PAGES);
    for page in 0..PAGES {
        let mut sender = connect(addr).await?;
        let request = Request::get("/api/v1/events").header(header::HOST, "127.0.0.1").body(Full::new(Bytes::new()))?;
        let response = sender.send_request(request).await?;
        ensure!(response.status() == StatusCode::OK, "GET /api/v1/events answered {}", response.status());
        let mut body = response.into_body();
        let tx = arrivals_tx.clone();
        readers.push(tokio::spawn(async move {
            let _keep = sender;
            while let Some(Ok(frame)) = body.frame().await {
                if let Some(data) = frame.data_ref() {
                    let text = String::from_utf8_lossy(data);
                    if text.contains("event: record") && tx.send((page, Instant::now())).is_err() {
                        return;
                    }
                }
            }
        }));
    }
    drop(arrivals_tx);
    let mut writer = connect(addr).await?;
    let mut delays = Vec::with_capacity(PAGES * EVENTS);
    let mut missing = 0;
    for n in 0..EVENTS {
        let sent = Instant::now();
        let item = serde_json::json!({ "title": format!("Item added for the benchmark {n}") });
        let (status, body) =
            call(&mut writer, Method::POST, &format!("/api/v1/meetings/{MEETING}/agenda"), token, Some(item)).await?;
        ensure!(status == StatusCode::CREATED, "adding an agenda item answered {status}: {body}");
        let mut seen = vec![false; PAGES];
        let mut count = 0;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        while count < PAGES {
            match tokio::time::timeout_at(deadline, arrivals.recv()).await {
                Ok(Some((page, at))) if !seen[page] => {
                    seen[page] = true;
                    count += 1;
                    delays.push(at.saturating_duration_since(sent));
                }
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => break,
            }
        }
        missing += PAGES - count;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    for reader in readers {
        reader.abort();
    }
    delays.sort();
    let p99 = quantile(&delays, 0.99);
    println!(
        "live events: {PAGES} open streams, {EVENTS} events: {} deliveries, {missing} missing after 5 s; delay from \
         sending the write: p50 {}, p99 {}, max {}",
        delays.len(),
        ms(quantile(&delays, 0.5)),
        ms(p99),
        ms(*delays.last().unwrap_or(&Duration::ZERO))
    );
    println!(
        "target: p99 under {}: {}",
        ms(EVENT_TARGET),
        if p99 < EVENT_TARGET && missing == 0 { "met" } else { "missed" }
    );
    Ok(())
}
