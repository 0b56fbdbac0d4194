//! The four Word documents Accord writes: a version's clean text, the
//! rolling text, the compilation of proposals article by article, and the
//! redline between two versions as tracked changes.

use std::collections::BTreeMap;

use accord_domain::error::Refusal;
use accord_domain::ids::MemberCode;
use accord_domain::negotiation::redline::{self, Change};
use accord_domain::negotiation::rolling::{BracketOption, RollingText, Span};
use accord_domain::negotiation::text::{label_of, Instrument, ProvisionKind, Source, SourceKind};
use accord_domain::negotiation::{Position, Process, Proposal, ProposalKind};
use accord_domain::state::Member;

use super::body::{layout, masthead, num_shown, Author, Body, Track, BOLD, ITALIC, PLAIN};
use crate::Masthead;

/// Where the rolling text names the members behind each option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Backers {
    /// In a footnote after the option: `shall¹` with `¹ Original text;
    /// China (CHN), United States (USA)` at the foot of the page.
    #[default]
    Footnote,
    /// In parentheses after the option: `shall (original; CHN, USA)`.
    Inline,
}

impl Backers {
    /// `footnote` or `inline`.
    pub fn parse(raw: &str) -> Result<Backers, Refusal> {
        match raw {
            "footnote" => Ok(Backers::Footnote),
            "inline" => Ok(Backers::Inline),
            other => Err(Refusal::invalid("invalid_members", format!("members is footnote or inline, not {other:?}"))),
        }
    }
}

/// Writes the number and heading (chapters, articles) or the number and
/// words (others) of one provision; `words` writes the words.
fn provision(
    body: &mut Body,
    kind: ProvisionKind,
    num: &str,
    track: Option<(Track, &Author)>,
    words: impl FnOnce(&mut Body),
    has_words: bool,
) {
    let (style, ppr) = layout(kind, !num.is_empty());
    body.open(style, ppr, track);
    match kind {
        ProvisionKind::Chapter | ProvisionKind::Article => {
            body.run_maybe(track, &num_shown(kind, num), PLAIN);
            if has_words {
                if !num.is_empty() {
                    body.line_break(track);
                }
                words(body);
            }
        }
        _ => {
            if !num.is_empty() {
                body.run_maybe(track, num, PLAIN);
                body.tab(track);
            }
            words(body);
        }
    }
    body.close();
}

fn start(title: &str, m: &Masthead) -> Result<Body, Refusal> {
    m.check()?;
    let mut body = Body::new();
    masthead(&mut body, m);
    body.paragraph(Some("Title"), "", title, BOLD);
    Ok(body)
}

/// A version's clean text, under the masthead: chapters and articles as
/// headings, paragraphs and points with their numbers.
pub fn instrument(instrument: &Instrument, m: &Masthead) -> Result<Vec<u8>, Refusal> {
    let mut body = start(&instrument.title, m)?;
    for p in &instrument.provisions {
        let words: &str = if p.kind.has_text() { &p.text } else { &p.heading };
        provision(&mut body, p.kind, &p.num, None, |b| b.run(words, PLAIN), !words.is_empty());
    }
    body.finish(&instrument.title)
}

/// A member as a footnote names it: `Brazil (BRA)`.
fn named(members: &BTreeMap<MemberCode, Member>, code: &MemberCode) -> String {
    match members.get(code) {
        Some(m) if m.name.as_str() != code.as_str() => format!("{} ({})", m.name.as_str(), code.as_str()),
        _ => code.as_str().to_owned(),
    }
}

/// Who is behind an option, inline: `original; P-3; BRA, KEN`.
fn behind_inline(o: &BracketOption) -> String {
    let mut who: Vec<String> = Vec::new();
    if o.original {
        who.push("original".to_owned());
    }
    if !o.proposals.is_empty() {
        who.push(o.proposals.iter().map(|p| format!("P-{p}")).collect::<Vec<_>>().join(", "));
    }
    if !o.members.is_empty() {
        who.push(o.members.iter().map(|m| m.as_str().to_owned()).collect::<Vec<_>>().join(", "));
    }
    who.join("; ")
}

/// Who is behind an option, in a footnote: `Original text. P-3: Brazil
/// (BRA), Kenya (KEN).`
fn behind_note(o: &BracketOption, members: &BTreeMap<MemberCode, Member>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if o.original {
        parts.push("Original text".to_owned());
    }
    let names: Vec<String> = o.members.iter().map(|c| named(members, c)).collect();
    match (o.proposals.is_empty(), names.is_empty()) {
        (true, true) => {}
        (true, false) => parts.push(format!("Supported by {}", names.join(", "))),
        (false, _) => {
            let ps: Vec<String> = o.proposals.iter().map(|p| format!("P-{p}")).collect();
            if names.is_empty() {
                parts.push(format!("Proposed in {}", ps.join(", ")));
            } else {
                parts.push(format!("{}: {}", ps.join(", "), names.join(", ")));
            }
        }
    }
    format!("{}.", parts.join(". "))
}

fn spans(body: &mut Body, spans: &[Span], members: &BTreeMap<MemberCode, Member>, backers: Backers) {
    for s in spans {
        match s {
            Span::Agreed { agreed } => body.run(agreed, PLAIN),
            Span::Bracket { bracket } => {
                body.run("[", BOLD);
                for (k, o) in bracket.options.iter().enumerate() {
                    if k > 0 {
                        body.run(" / ", BOLD);
                    }
                    body.run(&o.text, PLAIN);
                    match backers {
                        Backers::Inline => body.run(&format!(" ({})", behind_inline(o)), ITALIC),
                        Backers::Footnote => body.footnote(&behind_note(o, members)),
                    }
                }
                body.run("]", BOLD);
            }
        }
    }
}

/// The rolling text as secretariats circulate it: agreed words plain,
/// each contested passage in bold square brackets with its options
/// separated by a bold ` / `, the members behind each option in a
/// footnote or after it ([`Backers`]). A provision only an open proposal
/// would insert is marked `(proposed in P-7)` after its number.
///
/// `members` is the record's list of members: each is named by its name
/// and code in footnotes, by its code inline.
pub fn rolling_text(
    rolling: &RollingText,
    m: &Masthead,
    members: &BTreeMap<MemberCode, Member>,
    backers: Backers,
) -> Result<Vec<u8>, Refusal> {
    let title = match &rolling.version_name {
        Some(n) => format!("{} (rolling text on {n})", rolling.title),
        None => format!("{} (rolling text on version {})", rolling.title, rolling.version),
    };
    let mut body = start(&title, m)?;
    body.paragraph(
        None,
        "<w:jc w:val=\"center\"/>",
        &format!("{} brackets, {} options", rolling.brackets, rolling.options),
        ITALIC,
    );
    for p in &rolling.provisions {
        let (kind, num) = (p.kind, p.num.as_str());
        let has_words = !p.spans.is_empty() || !p.heading.is_empty();
        provision(
            &mut body,
            kind,
            num,
            None,
            |b| {
                if let Some(by) = p.inserted_by {
                    b.run(&format!("(proposed in P-{by}) "), ITALIC);
                }
                if kind.has_text() || !p.spans.is_empty() {
                    spans(b, &p.spans, members, backers);
                } else {
                    b.run(&p.heading, PLAIN);
                }
            },
            has_words || p.inserted_by.is_some(),
        );
    }
    body.finish(&title)
}

/// The article (or chapter, or the preamble) a proposal on `eid` is
/// compiled under: `art_5` for `chp_1__art_5__para_2`.
fn group_of(eid: &str) -> String {
    if eid.starts_with("preamble") {
        return "preamble".to_owned();
    }
    let mut end = 0;
    for (i, seg) in eid.split("__").enumerate() {
        end += seg.len() + if i > 0 { 2 } else { 0 };
        if seg.starts_with("art_") {
            return eid[..end].to_owned();
        }
    }
    eid.split("__").next().unwrap_or(eid).to_owned()
}

fn quoted(s: &str) -> String {
    format!("\u{201c}{s}\u{201d}")
}

/// What a proposal asks, in words.
fn request(p: &Proposal, instrument: &Instrument) -> String {
    let quote = p.anchor.as_ref().map_or("", |a| a.quote.as_str());
    let words = p.text.as_deref().unwrap_or("");
    match p.kind {
        ProposalKind::ReplaceWords => format!("Replace {} with {}", quoted(quote), quoted(words)),
        ProposalKind::InsertWords => format!("After {} insert {}", quoted(quote), quoted(words)),
        ProposalKind::DeleteWords => format!("Delete {}", quoted(quote)),
        ProposalKind::ReplaceProvision => {
            let mut parts = Vec::new();
            if let Some(h) = &p.heading {
                parts.push(format!("Replace the heading with {}", quoted(h)));
            }
            if let Some(t) = &p.text {
                parts.push(format!("Replace the text with {}", quoted(t)));
            }
            if parts.is_empty() {
                parts.push("Replace the provision".to_owned());
            }
            parts.join("; ")
        }
        ProposalKind::InsertProvision => {
            let place = match p.position {
                Some(Position::Before) => "before",
                _ => "after",
            };
            let new = match &p.heading {
                Some(h) if !h.is_empty() => format!("{h}: {words}"),
                _ => words.to_owned(),
            };
            format!("Insert {place} {}: {}", label_of(&p.eid), quoted(&new))
        }
        ProposalKind::DeleteProvision => {
            let gone = instrument.get(&p.eid).map_or(String::new(), |q| format!(" ({})", quoted(&q.text)));
            format!("Delete {}{gone}", label_of(&p.eid))
        }
    }
}

/// The compilation of proposals article by article, as a secretariat
/// circulates it: for the preamble, each chapter heading and each article
/// in the order of `instrument`, its text, then every proposal on it
/// (number, proposer and co-sponsors by name, what it asks in words,
/// its status, its justification). `proposals` are those to compile, in
/// the order given within each article; proposals on provisions no longer
/// in the text come last, under "Other proposals".
pub fn compilation(
    instrument: &Instrument,
    proposals: &[&Proposal],
    m: &Masthead,
    members: &BTreeMap<MemberCode, Member>,
) -> Result<Vec<u8>, Refusal> {
    let title = format!("{}: compilation of proposals", instrument.title);
    let mut body = start(&title, m)?;
    body.paragraph(None, "<w:jc w:val=\"center\"/>", &format!("{} proposals", proposals.len()), ITALIC);
    let mut by_group: BTreeMap<String, Vec<&Proposal>> = BTreeMap::new();
    for p in proposals {
        by_group.entry(group_of(&p.eid)).or_default().push(p);
    }
    let write_proposals = |body: &mut Body, list: &[&Proposal]| {
        for p in list {
            let mut who = named(members, &p.proposer);
            if !p.cosponsors.is_empty() {
                let co: Vec<String> = p.cosponsors.iter().map(|c| named(members, c)).collect();
                who.push_str(&format!("; co-sponsored by {}", co.join(", ")));
            }
            body.open(None, "<w:spacing w:before=\"120\"/><w:ind w:left=\"567\"/>", None);
            body.run(&format!("P-{}", p.id), BOLD);
            body.run(&format!(" ({who}), on {}, {}: ", label_of(&p.eid), p.status.as_str()), ITALIC);
            body.run(&request(p, instrument), PLAIN);
            body.close();
            if !p.justification.is_empty() {
                body.paragraph(
                    None,
                    "<w:ind w:left=\"1134\"/>",
                    &format!("Justification: {}", p.justification),
                    ITALIC,
                );
            }
        }
    };
    // Each group's proposals follow its last provision.
    let mut open: Option<String> = None;
    for p in &instrument.provisions {
        let g = group_of(&p.eid);
        if open.as_deref() != Some(g.as_str()) {
            if let Some(list) = open.take().and_then(|prev| by_group.remove(&prev)) {
                write_proposals(&mut body, &list);
            }
            if g == "preamble" {
                body.paragraph(Some("Heading2"), "", "Preamble", PLAIN);
            }
            open = Some(g);
        }
        let words: &str = if p.kind.has_text() { &p.text } else { &p.heading };
        provision(&mut body, p.kind, &p.num, None, |b| b.run(words, PLAIN), !words.is_empty());
    }
    if let Some(list) = open.and_then(|prev| by_group.remove(&prev)) {
        write_proposals(&mut body, &list);
    }
    if !by_group.is_empty() {
        body.paragraph(Some("Heading2"), "", "Other proposals", PLAIN);
        let rest: Vec<&Proposal> = by_group.into_values().flatten().collect();
        write_proposals(&mut body, &rest);
    }
    body.finish(&title)
}

/// Who changed the text between two versions, for the tracked changes of
/// a redline.
pub trait Authors {
    /// The author of words the newer version holds from `source`.
    fn inserted(&self, source: &Source) -> Author;
    /// The author of words of provision `eid` that are gone, when no
    /// insertion beside them says who replaced them.
    fn deleted(&self, eid: &str) -> Author;
}

/// Who made each version between two versions of a process: words by
/// their origin (a proposal's member by name, a chair's text "the
/// chair's revision"), a deletion by the version that first changed its
/// provision: the member whose proposal was agreed into it, else "the
/// chair's revision".
pub struct ByVersions<'a> {
    members: &'a BTreeMap<MemberCode, Member>,
    base: &'a Instrument,
    /// Each version after the older one, up to the newer, with its author.
    steps: Vec<(&'a Instrument, Author)>,
}

impl<'a> ByVersions<'a> {
    /// The versions of `process` after `from` up to `to` (numbers).
    pub fn new(process: &'a Process, from: u32, to: u32, members: &'a BTreeMap<MemberCode, Member>) -> Self {
        let base = process.version(from).map_or(&*process.latest().instrument, |v| &*v.instrument);
        let steps = process
            .versions
            .iter()
            .filter(|v| v.number > from && v.number <= to)
            .map(|v| {
                let by = process.proposals.iter().find(|p| p.agreed_version == Some(v.number));
                let name = match by {
                    Some(p) => members
                        .get(&p.proposer)
                        .map_or_else(|| p.proposer.as_str().to_owned(), |m| m.name.as_str().to_owned()),
                    None => "the chair's revision".to_owned(),
                };
                (&*v.instrument, Author { name, date: iso_date(v.time) })
            })
            .collect();
        ByVersions { members, base, steps }
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` from Unix milliseconds.
pub fn iso_date(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(mo <= 2);
    format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// The name words of `source` are attributed to.
pub fn source_name(source: &Source, members: &BTreeMap<MemberCode, Member>) -> String {
    match &source.how {
        SourceKind::Proposal { member, .. } => {
            members.get(member).map_or_else(|| member.as_str().to_owned(), |m| m.name.as_str().to_owned())
        }
        SourceKind::ChairText => "the chair's revision".to_owned(),
        SourceKind::ZeroDraft => "the zero draft".to_owned(),
    }
}

impl Authors for ByVersions<'_> {
    fn inserted(&self, source: &Source) -> Author {
        Author { name: source_name(source, self.members), date: iso_date(source.time) }
    }
    fn deleted(&self, eid: &str) -> Author {
        let mut before = self.base.get(eid);
        for (instrument, author) in &self.steps {
            let now = instrument.get(eid);
            let same = match (before, now) {
                (Some(a), Some(b)) => std::sync::Arc::ptr_eq(a, b) || (a.text == b.text && a.heading == b.heading),
                (None, None) => true,
                _ => false,
            };
            if !same {
                return author.clone();
            }
            before = now;
        }
        self.steps
            .last()
            .map_or_else(|| Author { name: "the chair's revision".to_owned(), date: iso_date(0) }, |(_, a)| a.clone())
    }
}

/// The redline from `old` to `new` as Word tracked changes: provisions
/// matched by eId ([`redline::diff_instruments`]), words inserted as
/// `w:ins` and deleted as `w:del` (`w:delText`), whole provisions inserted
/// or deleted with their paragraph mark, so that accepting every change
/// in Word or LibreOffice gives `new` and rejecting every one gives `old`.
///
/// Inserted words are attributed by their origin in `new` (who put them
/// in the text, and when); deleted words to the author of the insertion
/// right beside them (a replacement), else to [`Authors::deleted`].
pub fn redline(
    old: &Instrument,
    new: &Instrument,
    title: &str,
    m: &Masthead,
    authors: &dyn Authors,
) -> Result<Vec<u8>, Refusal> {
    let mut body = start(title, m)?;
    for r in redline::diff_instruments(old, new) {
        let whole = match r.status {
            "insert" => Some(Track::Insert),
            "delete" => Some(Track::Delete),
            _ => None,
        };
        let segments = if r.kind.has_text() { &r.text } else { &r.heading };
        let current = new.get(&r.eid);
        // The origins of the newer text, as byte ranges.
        let origins: Vec<(usize, usize, &Source)> = match current {
            Some(p) if r.kind.has_text() => {
                let mut at = 0;
                p.origins
                    .iter()
                    .map(|o| {
                        let range = (at, at + o.len, &*o.source);
                        at += o.len;
                        range
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        let author_at = |pos: usize| -> Option<Author> {
            origins.iter().find(|(a, b, _)| (*a..*b).contains(&pos)).map(|(_, _, s)| authors.inserted(s))
        };
        let fallback_insert = || match current.and_then(|p| p.origins.last()) {
            Some(o) => authors.inserted(&o.source),
            None => authors.deleted(&r.eid),
        };
        let mark_author = match whole {
            Some(Track::Insert) => Some(author_at(0).unwrap_or_else(fallback_insert)),
            Some(Track::Delete) => Some(authors.deleted(&r.eid)),
            None => None,
        };
        let mark = whole.zip(mark_author.as_ref());
        // The author of each segment: insertions by their origin (the
        // first byte's), deletions by the insertion beside them.
        let mut pos = 0;
        let mut seg_authors: Vec<Option<Author>> = Vec::with_capacity(segments.len());
        for s in segments {
            match s.change {
                Change::Insert => {
                    seg_authors.push(Some(author_at(pos).unwrap_or_else(fallback_insert)));
                    pos += s.text.len();
                }
                Change::Equal => {
                    seg_authors.push(None);
                    pos += s.text.len();
                }
                Change::Delete => seg_authors.push(None),
            }
        }
        for i in 0..segments.len() {
            if segments[i].change == Change::Delete {
                let beside = [i.checked_sub(1), Some(i + 1)]
                    .into_iter()
                    .flatten()
                    .find(|&j| segments.get(j).is_some_and(|s| s.change == Change::Insert));
                seg_authors[i] = Some(match beside {
                    Some(j) => seg_authors[j].clone().unwrap_or_else(|| authors.deleted(&r.eid)),
                    None => mark_author.clone().unwrap_or_else(|| authors.deleted(&r.eid)),
                });
            }
        }
        let has_words = !segments.is_empty();
        provision(
            &mut body,
            r.kind,
            &r.num,
            mark,
            |b| {
                for (s, a) in segments.iter().zip(&seg_authors) {
                    match (s.change, a) {
                        (Change::Equal, _) | (_, None) => b.run(&s.text, PLAIN),
                        (Change::Insert, Some(a)) => b.tracked(Track::Insert, a, &s.text, PLAIN),
                        (Change::Delete, Some(a)) => b.tracked(Track::Delete, a, &s.text, PLAIN),
                    }
                }
            },
            has_words,
        );
    }
    body.finish(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_groups() {
        assert_eq!(iso_date(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_date(1_772_445_600_000), "2026-03-02T10:00:00Z");
        assert_eq!(iso_date(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(group_of("chp_1__art_5__para_2"), "chp_1__art_5");
        assert_eq!(group_of("art_5__para_2__point_a"), "art_5");
        assert_eq!(group_of("preamble__recital_3"), "preamble");
        assert_eq!(group_of("chp_2"), "chp_2");
    }
}
