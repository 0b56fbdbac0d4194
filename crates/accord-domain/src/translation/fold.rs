//! What translations' entries change: one fold per kind (see
//! [`crate::kinds`]).

use super::*;
use crate::entry::{Actor, Entry};
use crate::state::State;

pub(crate) fn translation_recorded(state: &mut State, entry: &Entry, t: &TranslationRecorded) {
    let Actor::Officer { delegate, .. } = &entry.actor else { return };
    let translation = Translation {
        text: t.text.clone(),
        version: t.version,
        entry: entry.index,
        time: entry.time,
        translator: *delegate,
    };
    let of = state.translations.processes.entry(t.process).or_default();
    match t.proposal {
        None => of.provisions.insert((t.language.clone(), t.eid.clone()), translation),
        Some(p) => of.proposals.insert((p, t.language.clone()), translation),
    };
}
