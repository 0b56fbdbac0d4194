//! The rolling text: the latest version with every open proposal shown in
//! place. Agreed text is plain; the words one or more open proposals would
//! change are a *bracket* whose *options* are the original words and each
//! proposal's words (proposals that would write the same words share an
//! option). Proposals whose ranges overlap form one bracket; an insertion
//! at the edge of another proposal's range does not overlap it.
//!
//! Each option lists its proposals and the members behind it: for a
//! proposal, its proposer, co-sponsors and supporters; for the original,
//! the members that object to the bracket's proposals.
//!
//! Two insertions at one point do overlap. A chapter's or an article's new
//! headings and deletions are one bracket on its row; a provision proposed
//! for insertion is shown with the eId and number it would get if agreed
//! (`insertion_name`, shared with the fold), and a proposed new article
//! counts as one bracket, on its heading's row. A long text is built on
//! several threads (up to 8), with the same result as on one (tested).

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde::Serialize;

use crate::ids::MemberCode;
use crate::negotiation::text::{Instrument, Provision, ProvisionKind};
use crate::negotiation::{overlaps, Position, Process, Proposal, ProposalKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RollingText {
    pub process: u64,
    pub version: u32,
    pub version_name: Option<String>,
    pub title: String,
    pub brackets: usize,
    pub options: usize,
    /// Open proposals whose anchor is no longer intact (not in brackets).
    pub outdated: Vec<u64>,
    pub provisions: Vec<RollingProvision>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RollingProvision {
    pub eid: String,
    pub kind: ProvisionKind,
    pub num: String,
    pub heading: String,
    pub spans: Vec<Span>,
    pub brackets: usize,
    pub options: usize,
    /// For a provision an open proposal would insert: that proposal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inserted_by: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Span {
    Agreed { agreed: String },
    Bracket { bracket: Bracket },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bracket {
    pub options: Vec<BracketOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BracketOption {
    pub text: String,
    pub original: bool,
    pub proposals: Vec<u64>,
    pub members: Vec<MemberCode>,
}

/// From this many provisions on, the rolling text is built on all cores.
pub(crate) const PARALLEL_FROM: usize = 200;

/// Which proposals to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Every open proposal.
    All,
    /// Only those one member tabled or co-sponsors.
    Member(MemberCode),
    /// No proposals: the clean text of the latest version.
    Clean,
}

fn shown(p: &Proposal, view: &View) -> bool {
    p.is_open()
        && match view {
            View::All => true,
            View::Member(m) => &p.proposer == m || p.cosponsors.contains(m),
            View::Clean => false,
        }
}

/// Builds the rolling text of a process's latest version.
pub fn rolling_text(process: &Process, view: &View) -> RollingText {
    rolling_text_on(process, view, std::thread::available_parallelism().map_or(1, |n| n.get()).min(8))
}

/// [`rolling_text`] on `cores` threads.
pub(crate) fn rolling_text_on(process: &Process, view: &View, cores: usize) -> RollingText {
    let version = process.latest();
    let instrument = &version.instrument;
    let mut on: HashMap<&str, Vec<&Proposal>> = HashMap::new();
    let mut before: HashMap<&str, Vec<&Proposal>> = HashMap::new();
    let mut after: HashMap<&str, Vec<&Proposal>> = HashMap::new();
    let mut outdated = Vec::new();
    for p in process.proposals.iter().filter(|p| shown(p, view)) {
        if p.outdated {
            outdated.push(p.id);
            continue;
        }
        match (p.kind, p.position) {
            (ProposalKind::InsertProvision, Some(Position::Before)) => before.entry(&p.eid).or_default().push(p),
            (ProposalKind::InsertProvision, _) => after.entry(&p.eid).or_default().push(p),
            _ => on.entry(&p.eid).or_default().push(p),
        }
    }
    // Where each provision's subtree ends, for insertions after it.
    let mut after_at: HashMap<usize, Vec<&Proposal>> = HashMap::new();
    for (eid, ps) in &after {
        if let Some(i) = instrument.position(eid) {
            after_at.entry(instrument.subtree(i).end - 1).or_default().extend(ps.iter().copied());
        }
    }
    // Each provision's brackets depend only on its own proposals: a long
    // text is built on every core, in order.
    let build = |ps: &[Arc<Provision>]| -> Vec<RollingProvision> {
        ps.iter().map(|p| provision(p, on.get(p.eid.as_str()).map(Vec::as_slice).unwrap_or_default())).collect()
    };
    let own: Vec<RollingProvision> = if cores > 1 && instrument.provisions.len() >= PARALLEL_FROM {
        let chunk = instrument.provisions.len().div_ceil(cores);
        std::thread::scope(|scope| {
            let parts: Vec<_> = instrument.provisions.chunks(chunk).map(|c| scope.spawn(move || build(c))).collect();
            parts.into_iter().flat_map(|h| h.join().expect("building a provision does not panic")).collect()
        })
    } else {
        build(&instrument.provisions)
    };
    let mut provisions = Vec::with_capacity(instrument.provisions.len());
    for ((i, p), built) in instrument.provisions.iter().enumerate().zip(own) {
        if let Some(ps) = before.get(p.eid.as_str()) {
            for q in ps {
                inserted(&mut provisions, instrument, p, q);
            }
        }
        provisions.push(built);
        if let Some(ps) = after_at.get_mut(&i) {
            ps.sort_by_key(|q| q.id);
            for q in ps.iter() {
                let neighbour = instrument.get(&q.eid).expect("found above");
                inserted(&mut provisions, instrument, neighbour, q);
            }
        }
    }
    outdated.sort_unstable();
    RollingText {
        process: process.id,
        version: version.number,
        version_name: version.name.clone(),
        title: instrument.title.clone(),
        brackets: provisions.iter().map(|p| p.brackets).sum(),
        options: provisions.iter().map(|p| p.options).sum(),
        outdated,
        provisions,
    }
}

fn members_of(p: &Proposal) -> BTreeSet<MemberCode> {
    p.backers()
}

/// One provision with the proposals on its own words.
fn provision(p: &Provision, proposals: &[&Proposal]) -> RollingProvision {
    let mut out = RollingProvision {
        eid: p.eid.clone(),
        kind: p.kind,
        num: p.num.clone(),
        heading: p.heading.clone(),
        spans: Vec::new(),
        brackets: 0,
        options: 0,
        inserted_by: None,
    };
    if !p.kind.has_text() {
        // A chapter or an article: new headings and deletions, one bracket
        // whose options are the headings (or the number, without one).
        heading_bracket(&mut out, p, proposals);
        return out;
    }
    let text = &p.text;
    let mut edits: Vec<(&Proposal, usize, usize, &str)> = proposals
        .iter()
        .filter_map(|q| q.edit.as_ref().map(|e| (*q, e.start, e.end, e.text.as_str())))
        .filter(|(_, s, e, _)| *s <= *e && *e <= text.len() && text.is_char_boundary(*s) && text.is_char_boundary(*e))
        .collect();
    edits.sort_by_key(|(q, s, e, _)| (*s, *e, q.id));
    let mut pos = 0;
    let mut k = 0;
    while k < edits.len() {
        // A cluster: edits that overlap each other, transitively.
        let (mut s, mut e) = (edits[k].1, edits[k].2);
        let mut members = vec![edits[k]];
        let mut j = k + 1;
        while j < edits.len() && overlaps((s, e), (edits[j].1, edits[j].2)) {
            s = s.min(edits[j].1);
            e = e.max(edits[j].2);
            members.push(edits[j]);
            j += 1;
        }
        // Later edits may still overlap the grown span.
        while j < edits.len() && overlaps((s, e), (edits[j].1, edits[j].2)) {
            e = e.max(edits[j].2);
            members.push(edits[j]);
            j += 1;
        }
        let mut options = cluster_options(text, s, e, &members);
        // A space every non-empty option starts (or ends) with goes outside
        // the bracket: `exchange [ / relevant] information`, not
        // `exchange[ / relevant] information`.
        let (lead, trail) = spaces_outside(&mut options);
        let before = format!("{}{}", &text[pos..s], if lead { " " } else { "" });
        if !before.is_empty() {
            match out.spans.last_mut() {
                Some(Span::Agreed { agreed }) => agreed.push_str(&before),
                _ => out.spans.push(Span::Agreed { agreed: before }),
            }
        }
        out.brackets += 1;
        out.options += options.len();
        out.spans.push(Span::Bracket { bracket: Bracket { options } });
        if trail {
            out.spans.push(Span::Agreed { agreed: " ".into() });
        }
        pos = e;
        k = j;
    }
    if pos < text.len() {
        match out.spans.last_mut() {
            Some(Span::Agreed { agreed }) => agreed.push_str(&text[pos..]),
            _ => out.spans.push(Span::Agreed { agreed: text[pos..].to_owned() }),
        }
    }
    out
}

/// The bracket of a chapter or an article: new headings and deletions, one
/// bracket whose options are the headings (or the number, without one).
fn heading_bracket(out: &mut RollingProvision, p: &Provision, proposals: &[&Proposal]) {
    let label = |heading: &str| {
        if heading.is_empty() {
            let kind = p.kind.label();
            format!("{}{} {}", kind[..1].to_uppercase(), &kind[1..], p.num)
        } else {
            heading.to_owned()
        }
    };
    let mut options: Vec<BracketOption> = Vec::new();
    let mut ordered: Vec<&&Proposal> =
        proposals.iter().filter(|q| q.kind == ProposalKind::ReplaceProvision && q.heading.is_some()).collect();
    ordered.sort_by_key(|q| q.id);
    let deletions: Vec<&&Proposal> = proposals.iter().filter(|q| q.kind == ProposalKind::DeleteProvision).collect();
    ordered.extend(deletions.iter());
    if ordered.is_empty() {
        return;
    }
    let objectors: BTreeSet<MemberCode> = ordered.iter().flat_map(|q| q.objectors.iter().cloned()).collect();
    options.push(BracketOption {
        text: label(&p.heading),
        original: true,
        proposals: Vec::new(),
        members: objectors.into_iter().collect(),
    });
    for q in ordered {
        let text = match (q.kind, &q.heading) {
            (ProposalKind::ReplaceProvision, Some(h)) => label(h),
            _ => String::new(),
        };
        let backers = members_of(q);
        match options.iter_mut().skip(1).find(|o| o.text == text) {
            Some(o) => {
                o.proposals.push(q.id);
                let mut all: BTreeSet<MemberCode> = o.members.iter().cloned().collect();
                all.extend(backers);
                o.members = all.into_iter().collect();
            }
            None => options.push(BracketOption {
                text,
                original: false,
                proposals: vec![q.id],
                members: backers.into_iter().collect(),
            }),
        }
    }
    out.brackets = 1;
    out.options = options.len();
    out.spans.push(Span::Bracket { bracket: Bracket { options } });
}

/// The options of one bracket: the original words from `s` to `e`, and the
/// words each edit of the cluster would write there, with their members.
fn cluster_options(text: &str, s: usize, e: usize, members: &[(&Proposal, usize, usize, &str)]) -> Vec<BracketOption> {
    let original = &text[s..e];
    let mut options: Vec<BracketOption> =
        vec![BracketOption { text: original.to_owned(), original: true, proposals: Vec::new(), members: Vec::new() }];
    // Members are gathered as references and cloned once per option:
    // this loop runs for every open proposal of the text.
    let mut backers_of: Vec<Vec<&MemberCode>> = vec![Vec::new()];
    for (q, qs, qe, words) in members {
        let mut option = String::with_capacity(e - s + words.len());
        option.push_str(&text[s..*qs]);
        option.push_str(words);
        option.push_str(&text[*qe..e]);
        backers_of[0].extend(q.objectors.iter());
        let i = match options.iter().position(|o| o.text == option) {
            // Proposals that would write the same words share an option;
            // one whose words are already the text (the text moved to
            // them) joins the original.
            Some(i) => {
                options[i].proposals.push(q.id);
                i
            }
            None => {
                options.push(BracketOption {
                    text: option,
                    original: false,
                    proposals: vec![q.id],
                    members: Vec::new(),
                });
                backers_of.push(Vec::new());
                options.len() - 1
            }
        };
        backers_of[i].push(&q.proposer);
        backers_of[i].extend(q.cosponsors.iter());
        backers_of[i].extend(q.supporters.iter());
    }
    for (o, mut m) in options.iter_mut().zip(backers_of) {
        m.sort_unstable();
        m.dedup();
        o.members = m.into_iter().cloned().collect();
    }
    options
}

/// Takes out of the options a space every non-empty one starts (or ends)
/// with, and answers whether it did at the start and at the end.
fn spaces_outside(options: &mut [BracketOption]) -> (bool, bool) {
    let (mut lead, mut trail) = (false, false);
    if options.iter().any(|o| !o.text.is_empty()) {
        lead = options.iter().all(|o| o.text.is_empty() || o.text.starts_with(' '));
        if lead {
            for o in options.iter_mut().filter(|o| !o.text.is_empty()) {
                o.text.remove(0);
            }
        }
    }
    if options.iter().any(|o| !o.text.is_empty()) {
        trail = options.iter().all(|o| o.text.is_empty() || o.text.ends_with(' '));
        if trail {
            for o in options.iter_mut().filter(|o| !o.text.is_empty()) {
                o.text.pop();
            }
        }
    }
    (lead, trail)
}

/// The provisions an open `insert_provision` proposal would add, each one
/// bracket: nothing (the original) or the new words.
fn inserted(out: &mut Vec<RollingProvision>, instrument: &Instrument, neighbour: &Provision, q: &Proposal) {
    let Some(at) = instrument.position(&neighbour.eid) else { return };
    // Named as it would be if agreed now.
    let (eid, num) = super::insertion_name(instrument, at, q.position == Some(Position::Before));
    let eid = format!("{eid}_p{}", q.id);
    let words = q.text.clone().unwrap_or_default();
    let objectors: Vec<MemberCode> = q.objectors.iter().cloned().collect();
    let backers: Vec<MemberCode> = members_of(q).into_iter().collect();
    let bracket = |text: String| Span::Bracket {
        bracket: Bracket {
            options: vec![
                BracketOption {
                    text: String::new(),
                    original: true,
                    proposals: Vec::new(),
                    members: objectors.clone(),
                },
                BracketOption { text, original: false, proposals: vec![q.id], members: backers.clone() },
            ],
        },
    };
    let mut push = |eid: String, kind: ProvisionKind, num: String, heading: String, text: Option<String>| {
        let spans: Vec<Span> = text.into_iter().map(&bracket).collect();
        let n = spans.len();
        out.push(RollingProvision {
            eid,
            kind,
            num,
            heading,
            spans,
            brackets: n,
            options: 2 * n,
            inserted_by: Some(q.id),
        });
    };
    if neighbour.kind == ProvisionKind::Article {
        push(eid.clone(), ProvisionKind::Article, num, q.heading.clone().unwrap_or_default(), None);
        let source = std::sync::Arc::new(crate::negotiation::text::Source {
            entry: q.entry,
            time: q.time,
            how: crate::negotiation::text::SourceKind::ChairText,
        });
        if let Ok(body) = crate::negotiation::markdown::parse_article_body(&eid, &words, source) {
            for p in body {
                push(p.eid, p.kind, p.num, String::new(), Some(p.text));
            }
        }
        // An inserted article is one bracket (the article, or nothing),
        // however many paragraphs it has: counted on its heading's row.
        let rows = out.iter().rposition(|p| p.eid == eid).expect("pushed above");
        for row in &mut out[rows..] {
            (row.brackets, row.options) = (0, 0);
        }
        out[rows].brackets = 1;
        out[rows].options = 2;
    } else {
        push(eid, neighbour.kind, num, String::new(), Some(words));
    }
}

/// The clean text of a version, in the rolling text's shape.
pub fn clean_text(process: &Process, instrument: &Instrument, version: u32) -> RollingText {
    let provisions = instrument
        .provisions
        .iter()
        .map(|p| RollingProvision {
            eid: p.eid.clone(),
            kind: p.kind,
            num: p.num.clone(),
            heading: p.heading.clone(),
            spans: if p.text.is_empty() { Vec::new() } else { vec![Span::Agreed { agreed: p.text.clone() }] },
            brackets: 0,
            options: 0,
            inserted_by: None,
        })
        .collect();
    RollingText {
        process: process.id,
        version,
        version_name: process.version(version).and_then(|v| v.name.clone()),
        title: instrument.title.clone(),
        brackets: 0,
        options: 0,
        outdated: Vec::new(),
        provisions,
    }
}

impl RollingText {
    /// The text as one string, brackets written the way delegates write
    /// them: `States [shall (original; CHN) / should (P-1: BRA, KEN)] cooperate`.
    pub fn to_plain(&self) -> String {
        let mut out = format!("{}\n", self.title);
        for p in &self.provisions {
            out.push('\n');
            match p.kind {
                ProvisionKind::Chapter | ProvisionKind::Article => {
                    let name = if p.kind == ProvisionKind::Chapter { "Chapter" } else { "Article" };
                    out.push_str(&format!("{name} {}", p.num));
                    if !p.heading.is_empty() {
                        out.push_str(&format!(" \u{2014} {}", p.heading));
                    }
                    if !p.spans.is_empty() {
                        out.push(' ');
                    }
                }
                _ if !p.num.is_empty() => {
                    out.push_str(&p.num);
                    out.push(' ');
                }
                _ => {}
            }
            for s in &p.spans {
                match s {
                    Span::Agreed { agreed } => out.push_str(agreed),
                    Span::Bracket { bracket } => {
                        out.push('[');
                        for (i, o) in bracket.options.iter().enumerate() {
                            if i > 0 {
                                out.push_str(" / ");
                            }
                            out.push_str(if o.text.is_empty() { "\u{2014}" } else { &o.text });
                            let who: Vec<&str> = o.members.iter().map(MemberCode::as_str).collect();
                            if o.original {
                                out.push_str(&format!(
                                    " (original{}{})",
                                    if who.is_empty() { "" } else { "; " },
                                    who.join(", ")
                                ));
                            } else {
                                let ps: Vec<String> = o.proposals.iter().map(|p| format!("P-{p}")).collect();
                                out.push_str(&format!(" ({}: {})", ps.join(", "), who.join(", ")));
                            }
                        }
                        out.push(']');
                    }
                }
            }
        }
        out
    }
}
