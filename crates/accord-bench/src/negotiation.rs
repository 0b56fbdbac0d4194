//! Negotiating texts at conference scale: a synthetic process of 100
//! articles (400 paragraphs), 5,000 proposals by the 193 UN member states
//! and 20,000 supports and objections, all recorded through the store as
//! delegations would record them. Then:
//!
//! - building the rolling text of the whole instrument (in-process);
//! - a redline between two versions of the whole instrument;
//! - the rolling-text page over HTTP with concurrent keep-alive clients.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use crate::common::bench_config;
use accord_domain::ids::DisplayName;
use accord_domain::iso3166;
use accord_domain::negotiation::redline::diff_instruments;
use accord_domain::negotiation::rolling::{rolling_text, View};
use accord_domain::negotiation::text::occurrences;
use accord_domain::negotiation::{Anchor, Position, ProposalKind, ProposalRef, ProposalTabled};
use accord_domain::state::{Action, MemberKind, MemberRole, MemberStatus, Principal};
use accord_domain::{DelegateId, EntryBody, MemberCode};
use anyhow::{Context, Result};

use crate::common::new_forum;
use crate::http::{drive_get, print_outcome};
use crate::Options;

const ARTICLES: usize = 100;
const PARAGRAPHS: usize = 4;
const PROPOSALS: usize = 5_000;
const POSITIONS: usize = 20_000;
const AGREED: usize = 40;

const WORDS: &[&str] = &[
    "States",
    "shall",
    "should",
    "cooperate",
    "information",
    "security",
    "appropriate",
    "measures",
    "including",
    "national",
    "international",
    "law",
    "critical",
    "infrastructure",
    "incidents",
    "respond",
    "prevent",
    "support",
    "capacity",
    "exchange",
    "technologies",
    "responsible",
    "behaviour",
    "in",
    "accordance",
    "with",
    "their",
    "the",
    "and",
    "to",
    "of",
    "promote",
    "ensure",
    "protect",
    "assist",
    "request",
    "timely",
    "manner",
];

struct Dice(u64);
impl Dice {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// A zero draft of 100 articles in 10 chapters, 4 paragraphs each of about
/// 40 words.
fn draft(dice: &mut Dice) -> String {
    let mut md = String::from("# Synthetic Framework for Benchmarks\n\n## Preamble\n\n");
    for r in 0..10 {
        md.push_str(&format!(
            "Recalling resolution {r} and the shared interest of all States in a secure environment,\n\n"
        ));
    }
    const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    for a in 0..ARTICLES {
        if a % 10 == 0 {
            md.push_str(&format!("## Chapter {} — Part {}\n\n", ROMAN[a / 10], a / 10 + 1));
        }
        md.push_str(&format!("### Article {} — Heading {}\n\n", a + 1, a + 1));
        for p in 0..PARAGRAPHS {
            let words: Vec<&str> = (0..40).map(|_| WORDS[dice.next(WORDS.len())]).collect();
            md.push_str(&format!("{}. {}.\n\n", p + 1, words.join(" ")));
        }
    }
    md
}

/// The synthetic process, built through the store as delegations would
/// build it.
pub struct Built {
    pub forum: crate::common::Forum,
    /// Its number.
    pub process: u64,
    /// The process once every proposal, position and agreement is in.
    pub snapshot: accord_domain::negotiation::Process,
    /// The heads of delegation, in the order admitted.
    pub heads: Vec<DelegateId>,
    /// How many proposals were tabled.
    pub tabled: usize,
}

/// Builds the process: 193 members and their heads of delegation, the
/// zero draft, the proposals, the positions and the agreements; prints
/// what it built.
pub fn build() -> Result<Built> {
    let forum = new_forum()?;
    let store = forum.store.clone();
    let started = Instant::now();
    let mut setup = Vec::new();
    for country in iso3166::un_member_states() {
        let code = MemberCode::parse(country.alpha3)?;
        setup.push((
            Principal::System,
            Action::AdmitMember {
                code: code.clone(),
                name: None,
                kind: MemberKind::State,
                category: None,
                status: MemberStatus::Member,
            },
        ));
        setup.push((
            Principal::System,
            Action::AccreditDelegate {
                member: code,
                name: DisplayName::parse("Head of delegation")?,
                role: MemberRole::HeadOfDelegation,
            },
        ));
    }
    let mut heads: Vec<DelegateId> = Vec::new();
    for r in store.submit_all_blocking(setup) {
        if let EntryBody::DelegateAccredited(a) = r?.entry.body {
            heads.push(a.delegate);
        }
    }
    let secretariat = store.state().officers().next().map(|d| d.id).context("the forum has a secretariat")?;
    let chair = {
        let action = Action::AppointOfficer {
            name: DisplayName::parse("Chair")?,
            role: accord_domain::state::OfficerRole::Chair,
        };
        match store.submit_blocking(Principal::System, action, None)?.entry.body {
            EntryBody::OfficerAppointed(o) => o.delegate,
            _ => unreachable!("an appointment"),
        }
    };
    let mut dice = Dice(0xbe_7c_4a_11);
    let body = accord_server::negotiation::api::opening("Synthetic Framework", draft(&mut dice))?;
    store.submit_blocking(Principal::Delegate(secretariat), Action::Negotiate(Box::new(body)), None)?;
    let process = store.state().processes.len() as u64;
    let paragraphs: Vec<(String, String)> = store
        .state()
        .process(process)?
        .latest()
        .instrument
        .provisions
        .iter()
        .filter(|p| p.kind.has_text() && p.eid.contains("art_"))
        .map(|p| (p.eid.clone(), p.text.clone()))
        .collect();

    // 5,000 proposals on words of random paragraphs.
    let mut proposals = Vec::with_capacity(PROPOSALS);
    while proposals.len() < PROPOSALS {
        let (eid, text) = &paragraphs[dice.next(paragraphs.len())];
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let word = words[dice.next(words.len())];
        let found = occurrences(text, word).len();
        let occurrence = Some(dice.next(found) as u32 + 1);
        let (kind, position, words) = match dice.next(3) {
            0 => (ProposalKind::ReplaceWords, None, Some(WORDS[dice.next(WORDS.len())].to_owned() + " indeed")),
            1 => (ProposalKind::InsertWords, Some(Position::After), Some("fully".to_owned())),
            _ => (ProposalKind::DeleteWords, None, None),
        };
        let t = ProposalTabled {
            process,
            kind,
            eid: eid.clone(),
            version: 1,
            anchor: Some(Anchor { quote: word.into(), occurrence }),
            position,
            text: words,
            heading: None,
            justification: "Benchmark.".into(),
        };
        proposals.push((
            Principal::Delegate(heads[dice.next(heads.len())]),
            Action::Negotiate(Box::new(EntryBody::ProposalTabled(t))),
        ));
    }
    let answers = store.submit_all_blocking(proposals);
    let tabled = answers.iter().filter(|r| r.is_ok()).count();
    let mut refused: std::collections::BTreeMap<String, usize> = Default::default();
    for e in answers.iter().filter_map(|r| r.as_ref().err()) {
        *refused.entry(e.to_string().chars().take(60).collect()).or_default() += 1;
    }
    if !refused.is_empty() {
        println!("proposals refused by the rules (the generator does not avoid them): {refused:?}");
    }
    // Each member takes one position on a proposal, never on its own.
    let proposers: Vec<DelegateId> = store.state().process(process)?.proposals.iter().map(|p| p.tabled_by).collect();
    let mut taken = std::collections::HashSet::new();
    let mut positions = Vec::with_capacity(POSITIONS);
    while positions.len() < POSITIONS {
        let proposal = dice.next(tabled);
        let head = heads[dice.next(heads.len())];
        if proposers[proposal] == head || !taken.insert((proposal, head)) {
            continue;
        }
        let r = ProposalRef { process, proposal: proposal as u64 + 1 };
        let body = if dice.next(3) == 0 { EntryBody::ProposalObjected(r) } else { EntryBody::ProposalSupported(r) };
        positions.push((Principal::Delegate(head), Action::Negotiate(Box::new(body))));
    }
    let positioned = store.submit_all_blocking(positions).into_iter().filter(|r| r.is_ok()).count();
    let mut agreements = Vec::new();
    for i in 0..AGREED {
        let r = ProposalRef { process, proposal: (i * tabled / AGREED) as u64 + 1 };
        agreements.push((Principal::Delegate(chair), Action::Negotiate(Box::new(EntryBody::ProposalAgreed(r)))));
    }
    let agreed = store.submit_all_blocking(agreements).into_iter().filter(|r| r.is_ok()).count();
    let snapshot = store.state().process(process)?.clone();
    println!(
        "built in {:.1} s: {tabled} proposals tabled, {positioned} supports and objections, {agreed} agreed ({} versions); record of {} entries",
        started.elapsed().as_secs_f64(),
        snapshot.versions.len(),
        store.len()
    );
    let open = snapshot.proposals.iter().filter(|p| p.is_open()).count();
    let outdated = snapshot.proposals.iter().filter(|p| p.is_open() && p.outdated).count();
    println!("open proposals: {open} ({outdated} outdated)");

    drop(store);
    Ok(Built { forum, process, snapshot, heads, tabled })
}

pub fn run(runtime: &tokio::runtime::Runtime, options: &Options) -> Result<()> {
    println!();
    println!(
        "== negotiation: {ARTICLES} articles ({} paragraphs), {PROPOSALS} proposals by 193 members, {POSITIONS} supports and objections",
        ARTICLES * PARAGRAPHS
    );
    let Built { forum, process, snapshot, heads, tabled } = build()?;
    let store = forum.store.clone();

    // The state's digest, which the server computes under the state's read
    // lock for every checkpoint (at most once a second): the v2 parts
    // (every version's text and provenance among them) beside the v1
    // digest it replaced.
    {
        let state = store.state().clone();
        let median = |f: &dyn Fn()| {
            let mut times: Vec<Duration> = (0..7)
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed()
                })
                .collect();
            times.sort();
            times[times.len() / 2]
        };
        let v1 = median(&|| {
            std::hint::black_box(state.digest());
        });
        let parts = state.digest_parts();
        let v2 = median(&|| {
            let parts = state.digest_parts();
            std::hint::black_box(accord_domain::State::digest_v2(state.next_index, &parts));
        });
        let clone = median(&|| {
            std::hint::black_box(state.clone());
        });
        println!(
            "state digest at a checkpoint: v2 ({} parts) {}, v1 {}, a copy of the state {} (median of 7)",
            parts.len(),
            fmt(v2),
            fmt(v1),
            fmt(clone)
        );
    }

    // The rolling text, in-process.
    let mut times = Vec::new();
    let mut brackets = 0;
    for _ in 0..60 {
        let t = Instant::now();
        let rolling = rolling_text(&snapshot, &View::All);
        times.push(t.elapsed());
        brackets = rolling.brackets;
        std::hint::black_box(rolling);
    }
    let rolling = rolling_text(&snapshot, &View::All);
    println!("rolling text: {brackets} brackets, {} options", rolling.options);
    report("build the rolling text of the whole instrument", &mut times, Duration::from_millis(10));

    // A redline between two versions of the whole instrument.
    let first = snapshot.versions.first().context("a zero draft")?.instrument.clone();
    let last = snapshot.latest().instrument.clone();
    let mut times = Vec::new();
    let mut changed = 0;
    for _ in 0..60 {
        let t = Instant::now();
        let d = diff_instruments(&first, &last);
        times.push(t.elapsed());
        changed = d.iter().filter(|p| p.status != "equal").count();
        std::hint::black_box(d);
    }
    println!("redline from version 1 to version {}: {changed} provisions changed", snapshot.latest().number);
    report("redline of the whole instrument", &mut times, Duration::from_millis(10));
    // The worst case: every paragraph and recital changed (one word each,
    // in the middle), so that no provision is skipped as equal.
    let mut rewritten = (*last).clone();
    for p in rewritten.provisions.iter_mut().filter(|p| p.kind.has_text()) {
        let mut q = (**p).clone();
        let middle = q.text.char_indices().map(|(i, _)| i).nth(q.text.chars().count() / 2).unwrap_or(0);
        q.text.insert_str(middle, " revised ");
        *p = std::sync::Arc::new(q);
    }
    let mut times = Vec::new();
    for _ in 0..60 {
        let t = Instant::now();
        let d = diff_instruments(&first, &rewritten);
        times.push(t.elapsed());
        changed = d.iter().filter(|p| p.status != "equal").count();
        std::hint::black_box(d);
    }
    println!("redline from version 1 to a text with every provision changed: {changed} provisions changed");
    report("redline, every provision changed", &mut times, Duration::from_millis(10));

    // The rolling-text page over HTTP.
    let app = accord_server::app(store.clone(), bench_config());
    // The same forum served with Arabic as its default language: the page
    // right to left, every word from the Arabic messages.
    let arabic = accord_server::app(
        store.clone(),
        accord_server::Config { language: accord_server::i18n::Lang::Ar, ..bench_config() },
    );
    let growing = store.clone();
    let unrelated = store.clone();
    let growing_heads: Vec<DelegateId> = heads.iter().rev().take(40).copied().collect();
    let duration = Duration::from_secs(options.seconds);
    let clients = options.clients;
    let outcomes = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let server = tokio::spawn(async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await
        });
        let page = drive_get("GET /processes/1", addr, "/processes/1", clients, duration).await;
        let arabic_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let arabic_addr = arabic_listener.local_addr()?;
        let arabic_server = tokio::spawn(async move {
            axum::serve(arabic_listener, arabic.into_make_service_with_connect_info::<SocketAddr>()).await
        });
        let arabic_page = drive_get("GET /processes/1 in Arabic", arabic_addr, "/processes/1", clients, duration).await;
        arabic_server.abort();
        let json =
            drive_get("GET rolling-text (JSON)", addr, "/api/v1/processes/1/rolling-text", clients, duration).await;
        // The same page while the record grows: a delegation supports a
        // proposal every 250 ms, and the first request after each entry
        // builds the rolling text again while the others wait for it.
        let appended = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = appended.clone();
        let writing = tokio::spawn(async move {
            let mut n = 0usize;
            let mut tick = tokio::time::interval(Duration::from_millis(250));
            loop {
                tick.tick().await;
                // Pairs nobody took before: the last heads on the last proposals.
                let head = growing_heads[n % growing_heads.len()];
                let proposal = (tabled - 1 - n / growing_heads.len()) as u64 + 1;
                let body = EntryBody::ProposalSupported(ProposalRef { process, proposal });
                if growing.submit(Principal::Delegate(head), Action::Negotiate(Box::new(body)), None).await.is_ok() {
                    counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                n += 1;
            }
        });
        let growing_page = drive_get(
            "GET /processes/1 while the record grows (an entry every 250 ms)",
            addr,
            "/processes/1",
            clients,
            duration,
        )
        .await;
        writing.abort();
        println!("entries appended while the page was read: {}", appended.load(std::sync::atomic::Ordering::Relaxed));
        // And while entries about other things are recorded (an admission
        // every 250 ms): the process's views are kept.
        let unrelated_store = unrelated.clone();
        let admitting = tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(250));
            for n in 0.. {
                tick.tick().await;
                let _ = unrelated_store
                    .submit(Principal::System, crate::common::admit_organisation(&format!("NB{n}")), None)
                    .await;
            }
        });
        let other_page = drive_get(
            "GET /processes/1 while other entries are recorded (an admission every 250 ms)",
            addr,
            "/processes/1",
            clients,
            duration,
        )
        .await;
        admitting.abort();
        server.abort();
        anyhow::Ok(vec![page, arabic_page, json, growing_page, other_page])
    })?;
    println!("{} clients, {} s each:", clients, options.seconds);
    for outcome in &outcomes {
        let p99 = print_outcome(outcome);
        println!(
            "  target p99 < 100 ms: {} ({})",
            if p99 < Duration::from_millis(100) { "met" } else { "missed" },
            fmt(p99)
        );
    }
    store.shutdown();
    drop(forum);
    Ok(())
}

fn fmt(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn report(what: &str, times: &mut [Duration], target: Duration) {
    times.sort_unstable();
    let median = times[times.len() / 2];
    let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
    println!(
        "{what}: median {}, min {}, max {} over {} runs; target < {}: {}",
        fmt(median),
        fmt(times[0]),
        fmt(p99.max(*times.last().expect("runs"))),
        times.len(),
        fmt(target),
        if median < target { "met" } else { "missed" }
    );
}
