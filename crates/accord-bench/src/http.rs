//! The real application over loopback: `accord_server::app` served by
//! `axum::serve` in this process, driven by concurrent keep-alive HTTP/1.1
//! clients (hyper's connection API, one connection per client) on the same
//! runtime, so client and server share the machine's cores.

use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::common::bench_config;
use accord_domain::iso3166;
use accord_domain::state::{Action, MemberKind, MemberStatus, Principal};
use accord_domain::MemberCode;
use anyhow::{bail, Context, Result};
use axum::body::Bytes;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::common::{group, new_forum, CpuUse, ADMIN_EMAIL, ADMIN_PASSWORD};
use crate::Options;

const TARGET_WRITES: f64 = 10_000.0;

/// What each client asks, again and again.
pub(crate) enum Scenario {
    Get(&'static str),
    /// POST /api/v1/members admitting `{prefix}{client}-{n}`.
    Admit {
        token: String,
        prefix: &'static str,
    },
    /// POST /api/v1/actions: client `c` sends, as the head of delegation of
    /// its own member, the actions signed for it in advance (a key
    /// registered, then revoked, again and again), in order.
    Signed {
        tokens: Vec<String>,
        bodies: Vec<Vec<String>>,
    },
    /// GET /api/v1/log/inclusion for entries spread over the record.
    Inclusion {
        size: u64,
    },
}

impl Scenario {
    fn request(&self, host: &str, client: usize, n: u64) -> Request<Full<Bytes>> {
        match self {
            Scenario::Get(path) => {
                Request::get(*path).header(header::HOST, host).body(Full::new(Bytes::new())).expect("a valid request")
            }
            Scenario::Admit { token, prefix } => {
                let body = serde_json::json!({
                    "code": format!("{prefix}{client}-{n}"),
                    "kind": "organisation",
                    "name": "Bench",
                    "category": "academia",
                });
                Request::builder()
                    .method(Method::POST)
                    .uri("/api/v1/members")
                    .header(header::HOST, host)
                    .header(header::AUTHORIZATION, format!("Bearer {token}"))
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Full::new(Bytes::from(body.to_string())))
                    .expect("a valid request")
            }
            Scenario::Signed { tokens, bodies } => {
                let body = bodies[client].get(n as usize).cloned().unwrap_or_default();
                Request::builder()
                    .method(Method::POST)
                    .uri("/api/v1/actions")
                    .header(header::HOST, host)
                    .header(header::AUTHORIZATION, format!("Bearer {}", tokens[client]))
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Full::new(Bytes::from(body)))
                    .expect("a valid request")
            }
            Scenario::Inclusion { size } => {
                let index = (client as u64 * 7_919 + n * 104_729) % size;
                Request::get(format!("/api/v1/log/inclusion?index={index}&size={size}"))
                    .header(header::HOST, host)
                    .body(Full::new(Bytes::new()))
                    .expect("a valid request")
            }
        }
    }

    /// How many requests client `client` has to send (unbounded: `None`).
    fn limit(&self, client: usize) -> Option<u64> {
        match self {
            Scenario::Signed { bodies, .. } => Some(bodies[client].len() as u64),
            _ => None,
        }
    }
}

/// Prepares the signed-actions scenario: for each of `clients` members, a
/// head of delegation with an API token and a registered signing key, and
/// `per_client` actions signed in advance with that key, alternately
/// registering a fresh key and revoking it (a member has at most 16 active
/// keys). Signing happens here, before the clock starts, as it would on
/// the delegations' own machines.
fn signed_scenario(store: &accord_store::Store, clients: usize, per_client: usize) -> Result<Scenario> {
    use accord_domain::state::MemberRole;
    use accord_domain::{Actor, EntryBody};
    let states: Vec<_> = iso3166::un_member_states().collect();
    anyhow::ensure!(clients <= states.len(), "at most {} clients for signed actions", states.len());
    let log = store.state().forum.as_ref().and_then(|f| f.log.clone()).unwrap_or_default();
    let mut tokens = Vec::new();
    let mut bodies = Vec::new();
    for country in &states[..clients] {
        let member = MemberCode::parse(country.alpha3)?;
        let appended = store.submit_blocking(
            Principal::System,
            Action::AccreditDelegate {
                member: member.clone(),
                name: accord_domain::ids::DisplayName::parse("Bench head")?,
                role: MemberRole::HeadOfDelegation,
            },
            None,
        )?;
        let EntryBody::DelegateAccredited(accredited) = &appended.entry.body else { bail!("not an accreditation") };
        let head = accredited.delegate;
        let token = accord_server::auth::random_secret("acc_");
        store.create_api_token(&accord_server::auth::secret_hash(&token), head, "bench", i64::MAX)?;
        tokens.push(token);
        let (secret, public) = accord_client::sign::new_key();
        store.submit_blocking(
            Principal::Delegate(head),
            Action::RegisterMemberKey {
                member: member.clone(),
                public_key: public,
                label: accord_domain::ids::DisplayName::parse("bench")?,
            },
            None,
        )?;
        let actor = Actor::Delegate { delegate: head, member: member.clone() };
        let mut mine = Vec::with_capacity(per_client);
        let mut key_id = String::new();
        for i in 0..per_client {
            let (kind, payload) = if i % 2 == 0 {
                let (_, fresh) = accord_client::sign::new_key();
                let raw = base64::Engine::decode(&base64::prelude::BASE64_STANDARD, &fresh)?;
                key_id = accord_domain::signature::key_id(raw.as_slice().try_into()?);
                (
                    "member.key_registered",
                    serde_json::json!({"member": member.as_str(), "key": key_id, "public_key": fresh, "label": "rotating"}),
                )
            } else {
                ("member.key_revoked", serde_json::json!({"member": member.as_str(), "key": key_id}))
            };
            let body =
                accord_client::sign::sign_action(&secret, &log, &actor, kind, payload).map_err(anyhow::Error::msg)?;
            mine.push(body.to_string());
        }
        bodies.push(mine);
    }
    Ok(Scenario::Signed { tokens, bodies })
}

/// Ed25519 verification alone on one thread, as `State::apply` verifies
/// a member's signature: `signature::verify` (strict, the rule from
/// edition 3) and `signature::verify_lenient` (what records of editions 1
/// and 2 replay with), in alternating rounds so that the machine's drift
/// falls on both alike. Answers verifications per second, strict then
/// lenient.
fn verification_alone() -> (f64, f64) {
    use base64::prelude::{Engine, BASE64_STANDARD};
    use ed25519_dalek::Signer;
    let key = ed25519_dalek::SigningKey::from_bytes(&[42; 32]);
    let public = BASE64_STANDARD.encode(key.verifying_key().as_bytes());
    let signed: Vec<(Vec<u8>, String)> = (0..1_000)
        .map(|i| {
            let message = format!("accord-signed-action/v1\n{{\"nonce\":\"{i:016}\"}}").into_bytes();
            let sig = BASE64_STANDARD.encode(key.sign(&message).to_bytes());
            (message, sig)
        })
        .collect();
    let (mut strict, mut lenient) = (Duration::ZERO, Duration::ZERO);
    const ROUNDS: u32 = 10;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        for (message, sig) in &signed {
            accord_domain::signature::verify(&public, message, sig).expect("a real signature verifies");
        }
        strict += started.elapsed();
        let started = Instant::now();
        for (message, sig) in &signed {
            accord_domain::signature::verify_lenient(&public, message, sig).expect("a real signature verifies");
        }
        lenient += started.elapsed();
    }
    let count = f64::from(ROUNDS) * signed.len() as f64;
    (count / strict.as_secs_f64(), count / lenient.as_secs_f64())
}

#[derive(Default)]
struct Tally {
    latencies_us: Vec<u32>,
    body_bytes: u64,
    expected: u64,
    non_2xx: u64,
    unexpected: u64,
    /// The first answer that was not the expected status.
    first_unexpected: Option<String>,
    /// Connection-level failures (the client stops at the first).
    errors: Vec<String>,
}

pub(crate) struct Outcome {
    name: String,
    took: Duration,
    tally: Tally,
    cpu: String,
}

impl Outcome {
    /// Answers per second.
    pub(crate) fn rate(&self) -> f64 {
        self.tally.latencies_us.len() as f64 / self.took.as_secs_f64()
    }
}

pub fn run(runtime: &tokio::runtime::Runtime, options: &Options) -> Result<()> {
    println!();
    println!(
        "== http: accord_server::app on 127.0.0.1, {} keep-alive HTTP/1.1 clients, {} s per scenario",
        options.clients, options.seconds
    );
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    println!(
        "note: the clients run in the same process and on the same tokio runtime ({cores} worker threads) as the \
         server, plus the store's writer thread: client and server share the {cores} cores, so these figures are \
         lower than a server alone on this machine would reach"
    );
    let (strict, lenient) = verification_alone();
    println!(
        "Ed25519 verification alone, one thread, as the record verifies a member's signature (base64 and key \
         decoding included): strict {}/s, lenient {}/s (strict takes {:.3} of the lenient time)",
        group(strict),
        group(lenient),
        lenient / strict
    );
    let forum = new_forum()?;
    let states: Vec<_> = iso3166::un_member_states().collect();
    for country in &states {
        let action = Action::AdmitMember {
            code: MemberCode::parse(country.alpha3)?,
            name: None,
            kind: MemberKind::State,
            category: None,
            status: MemberStatus::Member,
        };
        forum.store.submit_blocking(Principal::System, action, None)?;
    }
    println!("forum: {} UN member states admitted; record of {} entries", states.len(), forum.store.len());
    let per_client = (options.seconds as usize * 10_000 / clients_for_signed(options)).max(100);
    let started = Instant::now();
    let signed = signed_scenario(&forum.store, clients_for_signed(options), per_client)?;
    println!(
        "signed actions: {} heads of delegation with a token and a key; {} actions signed in advance in {:.1} s",
        clients_for_signed(options),
        group((per_client * clients_for_signed(options)) as f64),
        started.elapsed().as_secs_f64()
    );
    let store = forum.store.clone();
    let app = accord_server::app(store.clone(), bench_config());
    let duration = Duration::from_secs(options.seconds);
    let clients = options.clients;
    let signed_clients = clients_for_signed(options);
    let (server, addr, mut outcomes, commits, entries) = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let server = tokio::spawn(async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await
        });
        let token = token(addr).await?;
        let mut outcomes = Vec::new();
        outcomes.push(drive("GET /healthz", addr, Scenario::Get("/healthz"), StatusCode::OK, clients, duration).await);
        outcomes.push(drive("GET /members", addr, Scenario::Get("/members"), StatusCode::OK, clients, duration).await);
        let metrics = store.metrics();
        let (commits, entries) =
            (metrics.commits.load(Ordering::Relaxed), metrics.entries_appended.load(Ordering::Relaxed));
        let writes = drive(
            "POST /api/v1/members",
            addr,
            Scenario::Admit { token, prefix: "H" },
            StatusCode::CREATED,
            clients,
            duration,
        )
        .await;
        let commits = metrics.commits.load(Ordering::Relaxed) - commits;
        let entries = metrics.entries_appended.load(Ordering::Relaxed) - entries;
        outcomes.push(writes);
        outcomes.push(drive("POST /api/v1/actions", addr, signed, StatusCode::CREATED, signed_clients, duration).await);
        anyhow::Ok((server, addr, outcomes, commits, entries))
    })?;
    // Inclusion proofs in a larger tree, so that they have a realistic
    // depth; after the page scenarios, which list every member.
    let grown = crate::common::append_concurrently(runtime, &forum.store, 256, options.proof_entries, "P")?;
    let size = forum.store.len();
    println!(
        "record grown by {} entries to {} for the inclusion proofs ({:.1} s)",
        group(grown.entries as f64),
        group(size as f64),
        grown.took.as_secs_f64()
    );
    runtime.block_on(async {
        let one = Scenario::Inclusion { size };
        outcomes.push(drive("GET inclusion, 1 client", addr, one, StatusCode::OK, 1, duration).await);
        let many = Scenario::Inclusion { size };
        outcomes.push(drive("GET inclusion", addr, many, StatusCode::OK, clients, duration).await);
    });
    server.abort();
    let outcomes = (outcomes, commits, entries);
    let (outcomes, commits, entries) = outcomes;
    println!();
    println!(
        "{:<22} {:>9} {:>11} {:>9} {:>9} {:>9} {:>8} {:>10} {:>7}",
        "scenario", "answers", "answers/s", "p50", "p99", "max", "non-2xx", "unexpected", "errors"
    );
    let mut rates = Vec::new();
    for outcome in &outcomes {
        let Outcome { name, took, tally, .. } = outcome;
        let mut lat = tally.latencies_us.clone();
        lat.sort_unstable();
        let pick =
            |q: f64| lat.get(((lat.len() as f64 * q) as usize).min(lat.len().saturating_sub(1))).copied().unwrap_or(0);
        let answers = lat.len();
        let per_second = answers as f64 / took.as_secs_f64();
        rates.push((name.clone(), per_second, tally.expected as f64 / took.as_secs_f64()));
        println!(
            "{:<22} {:>9} {:>11} {:>9} {:>9} {:>9} {:>8} {:>10} {:>7}",
            name,
            answers,
            group(per_second),
            micros(pick(0.50)),
            micros(pick(0.99)),
            micros(lat.last().copied().unwrap_or(0)),
            tally.non_2xx,
            tally.unexpected,
            tally.errors.len()
        );
        if let Some(first) = &tally.first_unexpected {
            println!("  first unexpected answer: {first}");
        }
        for error in tally.errors.iter().take(3) {
            println!("  error: {error}");
        }
    }
    for Outcome { name, tally, cpu, .. } in &outcomes {
        let bytes = tally.body_bytes as f64 / tally.latencies_us.len().max(1) as f64;
        println!("{name}: {bytes:.0} body bytes per answer; {cpu}");
    }
    let healthz = rates[0].1;
    for (name, per_second, _) in &rates[1..4] {
        println!("{name}: {:.3} of the bare handler's rate (GET /healthz)", per_second / healthz);
    }
    let acknowledged = rates[2].2;
    let signed_rate = rates[3].2;
    println!(
        "signed actions: {} acknowledged/s (201) by {signed_clients} clients; Ed25519 verification alone (strict) \
         did {}/s on one thread in this run",
        group(signed_rate),
        group(strict)
    );
    let one_client = &outcomes[4];
    let mut lat = one_client.tally.latencies_us.clone();
    lat.sort_unstable();
    let p99 = lat.get(((lat.len() as f64 * 0.99) as usize).min(lat.len().saturating_sub(1))).copied().unwrap_or(0);
    println!(
        "target: inclusion proof p99 under 1 ms (one client, tree of {} entries): {} ({})",
        group(size as f64),
        if p99 < 1000 && !lat.is_empty() { "met" } else { "missed" },
        micros(p99)
    );
    println!(
        "writes: {} entries appended in {} commits during the write scenario ({:.1} entries per commit)",
        group(entries as f64),
        group(commits as f64),
        entries as f64 / commits.max(1) as f64
    );
    println!(
        "target: >= {} acknowledged writes/s (201): {} ({})",
        group(TARGET_WRITES),
        if acknowledged >= TARGET_WRITES { "met" } else { "missed" },
        group(acknowledged)
    );
    forum.store.shutdown();
    Ok(())
}

/// Drives `GET path` and answers the outcome (for other benchmarks).
pub(crate) async fn drive_get(
    name: &str,
    addr: SocketAddr,
    path: &'static str,
    clients: usize,
    duration: Duration,
) -> Outcome {
    drive(name, addr, Scenario::Get(path), StatusCode::OK, clients, duration).await
}

/// Prints one outcome's line and answers its p99 latency.
pub(crate) fn print_outcome(outcome: &Outcome) -> Duration {
    let Outcome { name, took, tally, cpu } = outcome;
    let mut lat = tally.latencies_us.clone();
    lat.sort_unstable();
    let pick =
        |q: f64| lat.get(((lat.len() as f64 * q) as usize).min(lat.len().saturating_sub(1))).copied().unwrap_or(0);
    let answers = lat.len();
    println!(
        "  {name}: {answers} answers, {}/s, p50 {}, p99 {}, max {}, {} non-2xx, {} errors, {:.0} body bytes per answer; {cpu}",
        group(answers as f64 / took.as_secs_f64()),
        micros(pick(0.50)),
        micros(pick(0.99)),
        micros(lat.last().copied().unwrap_or(0)),
        tally.non_2xx,
        tally.errors.len(),
        tally.body_bytes as f64 / answers.max(1) as f64
    );
    for error in tally.errors.iter().take(3) {
        println!("  error: {error}");
    }
    Duration::from_micros(pick(0.99) as u64)
}

fn micros(us: u32) -> String {
    if us >= 10_000 {
        format!("{:.1} ms", us as f64 / 1000.0)
    } else {
        format!("{:.2} ms", us as f64 / 1000.0)
    }
}

/// One HTTP/1.1 connection.
pub(crate) async fn connect(addr: SocketAddr) -> Result<hyper::client::conn::http1::SendRequest<Full<Bytes>>> {
    let stream = TcpStream::connect(addr).await?;
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(sender)
}

/// An API token for the secretariat account of `init_forum`.
pub(crate) async fn token(addr: SocketAddr) -> Result<String> {
    let mut sender = connect(addr).await?;
    let body = serde_json::json!({ "email": ADMIN_EMAIL, "password": ADMIN_PASSWORD, "label": "bench" });
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/token")
        .header(header::HOST, addr.to_string())
        .header(header::CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(body.to_string())))?;
    let response = sender.send_request(request).await?;
    let status = response.status();
    let body = response.into_body().collect().await?.to_bytes();
    if status != StatusCode::CREATED {
        bail!("POST /api/v1/auth/token answered {status}: {}", String::from_utf8_lossy(&body));
    }
    let json: serde_json::Value = serde_json::from_slice(&body)?;
    json["token"].as_str().map(str::to_owned).context("the token answer has no token")
}

/// Runs `clients` clients for `duration`, each sending the scenario's
/// request on its own keep-alive connection, one at a time.
pub(crate) async fn drive(
    name: &str,
    addr: SocketAddr,
    scenario: Scenario,
    expected: StatusCode,
    clients: usize,
    duration: Duration,
) -> Outcome {
    let scenario = Arc::new(scenario);
    let host = Arc::new(addr.to_string());
    let cpu = CpuUse::start();
    let started = Instant::now();
    let deadline = started + duration;
    let tasks: Vec<_> = (0..clients)
        .map(|client| {
            let scenario = scenario.clone();
            let host = host.clone();
            tokio::spawn(async move {
                let mut tally = Tally::default();
                if let Err(e) = client_loop(addr, &scenario, &host, client, expected, deadline, &mut tally).await {
                    tally.errors.push(format!("{e:#}"));
                }
                tally
            })
        })
        .collect();
    let mut total = Tally::default();
    for task in tasks {
        match task.await {
            Ok(t) => {
                total.latencies_us.extend(t.latencies_us);
                total.body_bytes += t.body_bytes;
                total.expected += t.expected;
                total.non_2xx += t.non_2xx;
                total.unexpected += t.unexpected;
                total.first_unexpected = total.first_unexpected.or(t.first_unexpected);
                total.errors.extend(t.errors);
            }
            Err(e) => total.errors.push(format!("client task failed: {e}")),
        }
    }
    let took = started.elapsed();
    Outcome { name: name.to_owned(), took, tally: total, cpu: cpu.report() }
}

async fn client_loop(
    addr: SocketAddr,
    scenario: &Scenario,
    host: &str,
    client: usize,
    expected: StatusCode,
    deadline: Instant,
    tally: &mut Tally,
) -> Result<()> {
    let mut sender = connect(addr).await?;
    let mut n = 0u64;
    let limit = scenario.limit(client).unwrap_or(u64::MAX);
    while Instant::now() < deadline && n < limit {
        let request = scenario.request(host, client, n);
        n += 1;
        let sent = Instant::now();
        sender.ready().await?;
        let response = sender.send_request(request).await?;
        let status = response.status();
        let body = response.into_body().collect().await?.to_bytes();
        tally.latencies_us.push(sent.elapsed().as_micros().min(u32::MAX as u128) as u32);
        tally.body_bytes += body.len() as u64;
        if !status.is_success() {
            tally.non_2xx += 1;
        }
        if status == expected {
            tally.expected += 1;
        } else {
            tally.unexpected += 1;
            if tally.first_unexpected.is_none() {
                let text = String::from_utf8_lossy(&body);
                tally.first_unexpected = Some(format!("{status}: {}", text.chars().take(300).collect::<String>()));
            }
        }
    }
    Ok(())
}

/// Clients of the signed-actions scenario: one member each.
fn clients_for_signed(options: &Options) -> usize {
    options.clients.min(iso3166::un_member_states().count())
}
