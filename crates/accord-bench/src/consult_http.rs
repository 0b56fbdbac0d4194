//! Consultations over HTTP: votes a second recorded through the API by
//! `--clients` participants at once (each joins, then votes on the
//! statements in turn, every vote acknowledged once durable), and the
//! time from a vote to the first analysis served (`GET
//! /api/v1/consultations/1/analysis`, what the opinion map is drawn from)
//! that includes it.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use accord_domain::consultation::{ConsultationOpened, StatementSeeded};
use accord_domain::ids::{DisplayName, Reason, StatementText};
use accord_domain::state::{Action, Principal};
use accord_domain::EntryBody;
use anyhow::{bail, Context, Result};
use axum::body::Bytes;
use axum::http::{header, Method, Request};
use http_body_util::{BodyExt, Full};

use crate::common::{bench_config, group, ms, new_forum, CpuUse};
use crate::http::connect;
use crate::Options;

/// Statements of the consultation.
const STATEMENTS: u32 = 20;

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

async fn call(
    sender: &mut Sender,
    addr: SocketAddr,
    method: Method,
    path: &str,
    key: Option<&str>,
    body: Option<serde_json::Value>,
) -> Result<(u16, serde_json::Value)> {
    let mut request = Request::builder().method(method).uri(path).header(header::HOST, addr.to_string());
    if let Some(k) = key {
        request = request.header("X-Accord-Participant", k);
    }
    let body = match body {
        Some(b) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Full::new(Bytes::from(b.to_string()))
        }
        None => Full::new(Bytes::new()),
    };
    sender.ready().await?;
    let response = sender.send_request(request.body(body)?).await?;
    let status = response.status().as_u16();
    let bytes = response.into_body().collect().await?.to_bytes();
    Ok((status, serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null)))
}

/// Joins consultation 1 as a member of the public: answers the key.
async fn join(sender: &mut Sender, addr: SocketAddr) -> Result<String> {
    let (status, v) = call(
        sender,
        addr,
        Method::POST,
        "/api/v1/consultations/1/participants",
        None,
        Some(serde_json::json!({"category": "public"})),
    )
    .await?;
    if status != 201 {
        bail!("joining answered {status}: {v}");
    }
    v["key"].as_str().map(str::to_owned).context("no key in the answer")
}

fn vote_body(client: usize, n: u64) -> serde_json::Value {
    let statement = (n % u64::from(STATEMENTS)) as u32 + 1;
    let vote = ["agree", "disagree", "pass"][(client + n as usize) % 3];
    serde_json::json!({"statement": statement, "vote": vote})
}

pub fn run(runtime: &tokio::runtime::Runtime, options: &Options) -> Result<()> {
    println!();
    println!(
        "== consult over HTTP: {} participants voting at once through the API for {} s; then a vote's way to the analysis",
        options.clients, options.seconds
    );
    let forum = new_forum()?;
    let open = EntryBody::ConsultationOpened(ConsultationOpened {
        title: DisplayName::parse("Benchmark consultation")?,
        question: Reason::parse("What should the Framework say?")?,
        process: None,
        provisions: Vec::new(),
    });
    forum.store.submit_blocking(Principal::System, Action::Negotiate(Box::new(open)), None)?;
    for s in 1..=STATEMENTS {
        let text = StatementText::parse(&format!("Statement number {s} of the benchmark"))?;
        let seed = EntryBody::ConsultationStatementSeeded(StatementSeeded { consultation: 1, text, proposal: None });
        forum.store.submit_blocking(Principal::System, Action::Negotiate(Box::new(seed)), None)?;
    }
    let app = accord_server::app(forum.store.clone(), bench_config());
    let clients = options.clients;
    let duration = Duration::from_secs(options.seconds);
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        tokio::spawn(
            async move { axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await },
        );

        // Votes a second.
        let cpu = CpuUse::start();
        let started = Instant::now();
        let deadline = started + duration;
        let tasks: Vec<_> = (0..clients)
            .map(|client| {
                tokio::spawn(async move {
                    let mut sender = connect(addr).await?;
                    let key = join(&mut sender, addr).await?;
                    let mut latencies = Vec::new();
                    let mut n = 0u64;
                    while Instant::now() < deadline {
                        let sent = Instant::now();
                        let (status, v) = call(
                            &mut sender,
                            addr,
                            Method::POST,
                            "/api/v1/consultations/1/votes",
                            Some(&key),
                            Some(vote_body(client, n)),
                        )
                        .await?;
                        if status != 200 {
                            bail!("a vote answered {status}: {v}");
                        }
                        latencies.push(sent.elapsed());
                        n += 1;
                    }
                    anyhow::Ok(latencies)
                })
            })
            .collect();
        let mut latencies = Vec::new();
        for t in tasks {
            latencies.extend(t.await??);
        }
        let took = started.elapsed();
        latencies.sort();
        let p99 = latencies.get(latencies.len() * 99 / 100).copied().unwrap_or_default();
        println!(
            "votes through POST /api/v1/consultations/1/votes: {} in {:.1} s = {} votes/s acknowledged (p99 {}); {}",
            group(latencies.len() as f64),
            took.as_secs_f64(),
            group(latencies.len() as f64 / took.as_secs_f64()),
            ms(p99),
            cpu.report()
        );

        // A vote's way to the analysis: vote, then read the analysis until
        // its record size covers the vote's entry.
        let mut sender = connect(addr).await?;
        let key = join(&mut sender, addr).await?;
        let analysis = "/api/v1/consultations/1/analysis";
        let started = Instant::now();
        let (_, warm) = call(&mut sender, addr, Method::GET, analysis, None, None).await?;
        let first = started.elapsed();
        let mut delays = Vec::new();
        for n in 0..20u64 {
            let sent = Instant::now();
            let (status, v) = call(
                &mut sender,
                addr,
                Method::POST,
                "/api/v1/consultations/1/votes",
                Some(&key),
                Some(vote_body(7, n)),
            )
            .await?;
            if status != 200 {
                bail!("a vote answered {status}: {v}");
            }
            let index = v["entry"]["index"].as_u64().context("the vote's entry")?;
            loop {
                let (_, a) = call(&mut sender, addr, Method::GET, analysis, None, None).await?;
                if a["record_size"].as_u64().unwrap_or(0) > index {
                    break;
                }
            }
            delays.push(sent.elapsed());
        }
        delays.sort();
        let participants = warm["participants"].as_object().map_or(0, |p| p.len());
        let votes = forum.store.state().consultation(1).map(|c| c.votes.len()).unwrap_or(0);
        println!(
            "from a vote to the first analysis that includes it ({} participants, {} votes recorded): median {}, \
             max {} (20 votes, one at a time); the first analysis after the load took {}",
            group(participants as f64),
            group(votes as f64),
            ms(delays[delays.len() / 2]),
            ms(*delays.last().expect("20 delays")),
            ms(first)
        );
        anyhow::Ok(())
    })?;
    Ok(())
}
