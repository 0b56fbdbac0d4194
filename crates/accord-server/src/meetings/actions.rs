//! From parsed input to an entry, for meetings and decisions: the API and
//! the pages check their input each in their own terms (a JSON field, a
//! form's words) and then build the entries here, so that what is
//! recorded — titles and reasons tidied, a statement's line ends, the
//! majority a vote takes when none is named — cannot drift between them.

use accord_domain::blob::BlobRef;
use accord_domain::decisions::{
    AgendaItemAdded, ConsensusObjected, ConsensusProposed, Majority, MeetingScheduled, SessionOpened, SilenceBroken,
    SilenceStarted, StatementDelivered, Target, VoteExplained, VoteOpened,
};
use accord_domain::{EntryBody, State};

use crate::shared::tidy;

/// A session opens, under `title`.
pub(crate) fn session(title: &str) -> EntryBody {
    EntryBody::SessionOpened(SessionOpened { title: tidy(title, false) })
}

/// A meeting of `session` is scheduled on `date` (checked by the domain)
/// at `place`.
pub(crate) fn meeting(session: u64, date: &str, place: &str) -> EntryBody {
    EntryBody::MeetingScheduled(MeetingScheduled { session, date: date.trim().to_owned(), place: tidy(place, false) })
}

/// An item is added to `meeting`'s agenda, under `parent` if given.
pub(crate) fn agenda_item(meeting: u64, title: &str, parent: Option<u32>) -> EntryBody {
    EntryBody::AgendaItemAdded(AgendaItemAdded { meeting, title: tidy(title, false), parent })
}

/// A statement delivered in a turn: its text with Unix line ends and no
/// surrounding blank, and an attached file's name tidied.
pub(crate) fn statement(
    meeting: u64,
    item: u32,
    request: u32,
    text: Option<&str>,
    file: Option<BlobRef>,
    file_name: Option<&str>,
) -> EntryBody {
    EntryBody::StatementDelivered(StatementDelivered {
        meeting,
        item,
        request,
        text: text.map(|t| t.replace("\r\n", "\n").trim().to_owned()),
        file,
        file_name: file_name.map(|n| tidy(n, false)),
    })
}

/// A vote opens on `target`, by `majority` or, when none is named, the
/// majority the rules give it (two thirds for an important question).
pub(crate) fn open_vote(
    state: &State,
    process: u64,
    target: Target,
    majority: Option<Majority>,
    meeting: u64,
    version: Option<u32>,
) -> EntryBody {
    let majority = majority.unwrap_or_else(|| state.majority_for(process, &target));
    EntryBody::VoteOpened(VoteOpened { process, target, majority, meeting, version })
}

/// A member explains its vote.
pub(crate) fn explanation(vote: u64, text: &str) -> EntryBody {
    EntryBody::VoteExplained(VoteExplained { vote, text: tidy(text, false) })
}

/// The chair proposes adoption of `target` by consensus.
pub(crate) fn consensus(
    process: u64,
    target: Target,
    meeting: u64,
    ad_referendum: bool,
    version: Option<u32>,
) -> EntryBody {
    EntryBody::ConsensusProposed(ConsensusProposed { process, target, meeting, ad_referendum, version })
}

/// A member objects to a consensus, for `reason`.
pub(crate) fn objection(consensus: u64, reason: &str) -> EntryBody {
    EntryBody::ConsensusObjected(ConsensusObjected { consensus, reason: tidy(reason, false) })
}

/// A silence procedure on `target` until `deadline` (Unix milliseconds).
pub(crate) fn silence(process: u64, target: Target, deadline: i64, version: Option<u32>) -> EntryBody {
    EntryBody::SilenceStarted(SilenceStarted { process, target, deadline, version })
}

/// A member breaks silence, for `reason`.
pub(crate) fn silence_break(silence: u64, reason: &str) -> EntryBody {
    EntryBody::SilenceBroken(SilenceBroken { silence, reason: tidy(reason, false) })
}
