//! Word documents at conference scale: on the process of the negotiation
//! benchmark (100 articles, 5,000 proposals), the rolling text written as
//! a .docx (members in footnotes, and inline), beside the same rolling text
//! in Akoma Ntoso and the time to build the rolling text itself; then the
//! compilation of every proposal, the redline of the whole text, and
//! reading the rolling text's .docx back. Last, the import of the largest
//! real Akoma Ntoso document in the repository (the European Commission's
//! proposal COM(2013) 619, 286 KB).

use std::time::{Duration, Instant};

use accord_documents::docx::{self, Backers, ByVersions};
use accord_documents::{Distribution, DocumentKind, Expression, Masthead};
use accord_domain::negotiation::rolling::{rolling_text, View};
use anyhow::{Context, Result};

use crate::negotiation::{build, Built};

/// The requirement: the rolling text of this process as a .docx in under
/// 300 ms.
const TARGET: Duration = Duration::from_millis(300);
/// The requirement: the same rolling text in Akoma Ntoso in under 100 ms.
const AKN_TARGET: Duration = Duration::from_millis(100);
/// The requirement: the European Commission's document imported in under
/// 200 ms.
const AKN_IMPORT_TARGET: Duration = Duration::from_millis(200);
/// The European Commission's Akoma Ntoso document, from the test data of
/// accord-documents (its README names the source and the licence).
const EU_DOCUMENT: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../accord-documents/tests/data/akn/v3/eu_COM(2013)0619_EN-8.xml");
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
    measure_n(RUNS, what, target, bytes, f)
}

/// [`measure`] over `runs` runs (an odd number).
fn measure_n(
    runs: usize,
    what: &str,
    target: Option<Duration>,
    bytes: bool,
    f: &mut dyn FnMut() -> Result<usize>,
) -> Result<Duration> {
    let mut times = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        size = f()?;
        times.push(t.elapsed());
    }
    times.sort_unstable();
    let median = times[runs / 2];
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let verdict = match target {
        Some(t) => format!("; target < {}: {}", ms(t), if median < t { "met" } else { "missed" }),
        None => String::new(),
    };
    let size = if bytes { format!("{} KiB", size / 1024) } else { format!("{size} provisions") };
    println!(
        "{what}: median {}, min {}, max {} over {runs} runs, {size}{verdict}",
        ms(median),
        ms(times[0]),
        ms(times[runs - 1])
    );
    Ok(median)
}

/// The requirement: the rolling text of this process as a PDF in under
/// 2 s.
const PDF_TARGET: Duration = Duration::from_secs(2);
/// Typesetting takes seconds: fewer runs.
const PDF_RUNS: usize = 5;

/// The rolling text typeset as a PDF (typst, in-process), members in
/// footnotes and inline, in English; the first document also finds and
/// reads the fonts, timed apart.
fn pdf(
    snapshot: &accord_domain::negotiation::Process,
    members: &std::collections::BTreeMap<accord_domain::ids::MemberCode, accord_domain::state::Member>,
    m: &Masthead,
    build_only: Duration,
) -> Result<()> {
    use accord_pdf::{Fonts, Labels, Language, Options};
    let t = Instant::now();
    let fonts = Fonts::shared(&Fonts::dirs(None));
    accord_pdf::check_fonts(&fonts, Language::En)?;
    println!("PDF fonts found and their book read: {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    let options = |backers| Options { language: Language::En, line_numbers: false, backers, fonts: fonts.clone() };
    let typeset = |backers| -> Result<accord_pdf::Pdf> {
        let r = rolling_text(snapshot, &View::All);
        let labels = Labels::english(m, Some(&r));
        Ok(accord_pdf::rolling_text(&r, &r.title, m, members, &labels, &options(backers))?)
    };
    let t = Instant::now();
    let first = typeset(Backers::Footnote)?;
    println!(
        "rolling text to PDF, first document (typst's library built, fonts read): {:.1} ms, {} pages",
        t.elapsed().as_secs_f64() * 1000.0,
        first.pages
    );
    let footnotes =
        measure_n(PDF_RUNS, "rolling text to PDF, members in footnotes", Some(PDF_TARGET), true, &mut || {
            Ok(typeset(Backers::Footnote)?.bytes.len())
        })?;
    measure_n(PDF_RUNS, "rolling text to PDF, members inline", Some(PDF_TARGET), true, &mut || {
        Ok(typeset(Backers::Inline)?.bytes.len())
    })?;
    println!(
        "typesetting the PDF alone (footnotes): about {:.1} ms",
        footnotes.saturating_sub(build_only).as_secs_f64() * 1000.0
    );
    Ok(())
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
    let akn = measure(
        "rolling text to Akoma Ntoso (the rolling text built, then written)",
        Some(AKN_TARGET),
        true,
        &mut || {
            let r = rolling_text(&snapshot, &View::All);
            Ok(accord_documents::export::rolling_text(&r, &expression, &m, members)?.len())
        },
    )?;
    println!(
        "writing the .docx alone (footnotes): about {:.1} ms; Akoma Ntoso alone about {:.1} ms",
        footnotes.saturating_sub(build_only).as_secs_f64() * 1000.0,
        akn.saturating_sub(build_only).as_secs_f64() * 1000.0
    );
    pdf(&snapshot, members, &m, build_only)?;
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
    let eu = std::fs::read(EU_DOCUMENT).with_context(|| format!("reading {EU_DOCUMENT}"))?;
    measure(
        &format!("Akoma Ntoso import of the European Commission's COM(2013) 619 ({} KB)", eu.len() / 1000),
        Some(AKN_IMPORT_TARGET),
        false,
        &mut || Ok(accord_documents::import::import(&eu, source.clone())?.instrument.provisions.len()),
    )?;
    drop(state);
    forum.store.shutdown();
    Ok(())
}
