//! Word documents at conference scale: on the process of the negotiation
//! benchmark (100 articles, 5,000 proposals), the rolling text written as
//! a .docx (members in footnotes, and inline), beside the same rolling text
//! in Akoma Ntoso and the time to build the rolling text itself; then the
//! compilation of every proposal, the redline of the whole text, and
//! reading the rolling text's .docx back.

use std::time::{Duration, Instant};

use accord_documents::docx::{self, Backers, ByVersions};
use accord_documents::{Distribution, DocumentKind, Expression, Masthead};
use accord_domain::negotiation::rolling::{rolling_text, View};
use anyhow::Result;

use crate::negotiation::{build, Built};

/// The requirement: the rolling text of this process as a .docx in under
/// 300 ms.
const TARGET: Duration = Duration::from_millis(300);
const RUNS: usize = 21;

fn masthead() -> Masthead {
    Masthead {
        forum: "Benchmark forum".into(),
        symbol: "A/AC.999/2026/L.1".into(),
        distribution: Distribution::Limited,
        date: "2026-03-02".into(),
        original_language: "English".into(),
        session: "First session".into(),
        agenda_item: "Item 1".into(),
    }
}

/// Times `f` `RUNS` times; prints the median, the fastest and the slowest,
/// and the size of what it made (`f` answers a number of bytes, or of
/// provisions when `bytes` is false).
fn measure(
    what: &str,
    target: Option<Duration>,
    bytes: bool,
    f: &mut dyn FnMut() -> Result<usize>,
) -> Result<Duration> {
    let mut times = Vec::with_capacity(RUNS);
    let mut size = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        size = f()?;
        times.push(t.elapsed());
    }
    times.sort_unstable();
    let median = times[RUNS / 2];
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let verdict = match target {
        Some(t) => format!("; target < {}: {}", ms(t), if median < t { "met" } else { "missed" }),
        None => String::new(),
    };
    let size = if bytes { format!("{} KiB", size / 1024) } else { format!("{size} provisions") };
    println!(
        "{what}: median {}, min {}, max {} over {RUNS} runs, {size}{verdict}",
        ms(median),
        ms(times[0]),
        ms(times[RUNS - 1])
    );
    Ok(median)
}

pub fn run() -> Result<()> {
    println!();
    println!("== docx: Word documents of the negotiation benchmark's process");
    let Built { forum, snapshot, .. } = build()?;
    let state = forum.store.state().clone();
    let members = &state.members;
    let m = masthead();
    let rolling = rolling_text(&snapshot, &View::All);
    println!("rolling text: {} brackets, {} options", rolling.brackets, rolling.options);

    // What a download holds the state's read lock for: a copy of the
    // process and the members; the document is written after.
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box((snapshot.clone(), members.clone()));
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    println!(
        "copy of the process and the members (held under the state's lock for a download): median {:.2} ms",
        times[RUNS / 2].as_secs_f64() * 1000.0
    );
    let build_only = measure("build the rolling text (for comparison)", None, false, &mut || {
        Ok(std::hint::black_box(rolling_text(&snapshot, &View::All)).provisions.len())
    })?;
    let footnotes = measure(
        "rolling text to .docx, members in footnotes (the rolling text built, then written)",
        Some(TARGET),
        true,
        &mut || {
            let r = rolling_text(&snapshot, &View::All);
            Ok(docx::rolling_text(&r, &m, members, Backers::Footnote)?.len())
        },
    )?;
    measure("rolling text to .docx, members inline", Some(TARGET), true, &mut || {
        let r = rolling_text(&snapshot, &View::All);
        Ok(docx::rolling_text(&r, &m, members, Backers::Inline)?.len())
    })?;
    let expression = Expression {
        kind: DocumentKind::Treaty,
        language: "eng".into(),
        version: snapshot.latest().number,
        version_name: None,
    };
    let akn = measure("rolling text to Akoma Ntoso (for comparison)", None, true, &mut || {
        let r = rolling_text(&snapshot, &View::All);
        Ok(accord_documents::export::rolling_text(&r, &expression, &m, members)?.len())
    })?;
    println!(
        "writing the .docx alone (footnotes): about {:.1} ms; Akoma Ntoso alone about {:.1} ms",
        footnotes.saturating_sub(build_only).as_secs_f64() * 1000.0,
        akn.saturating_sub(build_only).as_secs_f64() * 1000.0
    );
    let proposals: Vec<_> = snapshot.proposals.iter().collect();
    measure(&format!("compilation of {} proposals to .docx", proposals.len()), None, true, &mut || {
        Ok(docx::compilation(&snapshot.latest().instrument, &proposals, &m, members)?.len())
    })?;
    let first = snapshot.versions.first().expect("a zero draft");
    let last = snapshot.latest();
    let authors = ByVersions::new(&snapshot, first.number, last.number, members);
    measure(
        &format!("redline of the whole text, version {} to {}, to .docx", first.number, last.number),
        None,
        true,
        &mut || Ok(docx::redline(&first.instrument, &last.instrument, "Redline", &m, &authors)?.len()),
    )?;
    let bytes = docx::rolling_text(&rolling, &m, members, Backers::Footnote)?;
    let source = std::sync::Arc::new(accord_domain::negotiation::text::Source {
        entry: 0,
        time: 0,
        how: accord_domain::negotiation::text::SourceKind::ZeroDraft,
    });
    let clean = docx::instrument(&last.instrument, &m)?;
    measure("read the clean text's .docx back (import)", None, false, &mut || {
        Ok(docx::import(&clean, source.clone())?.instrument.provisions.len())
    })?;
    measure("read the rolling text's .docx back (import)", None, false, &mut || {
        Ok(docx::import(&bytes, source.clone())?.instrument.provisions.len())
    })?;
    drop(state);
    forum.store.shutdown();
    Ok(())
}
