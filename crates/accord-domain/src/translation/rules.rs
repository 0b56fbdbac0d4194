//! The rules of translations: one check per kind (see [`crate::kinds`]).

use super::*;
use crate::error::Refusal;
use crate::forum::OfficerRole;
use crate::kinds::Cx;
use crate::negotiation::text::check_text;
use crate::state::State;

pub(crate) fn translation_recorded(state: &State, cx: &Cx<'_>, t: &TranslationRecorded) -> Result<(), Refusal> {
    if cx.rights.officer != Some(OfficerRole::Translator) {
        return Err(Refusal::forbidden(
            "translator_only",
            "only a translator records translations: the secretariat appoints translators as officers",
        ));
    }
    let process = state.process(t.process)?;
    check_language(state, process, &t.language)?;
    let latest = process.latest().number;
    if t.version != latest {
        let why = if process.version(t.version).is_some() {
            format!("version {} of process {} is not its current version", t.version, process.id)
        } else {
            format!("process {} has no version {}", process.id, t.version)
        };
        return Err(Refusal::conflict(
            "wrong_version",
            format!("{why}: translate the current version, {latest}, as it now reads"),
        ));
    }
    let provision = process.latest().instrument.get(&t.eid).ok_or_else(|| {
        Refusal::not_found(
            "unknown_provision",
            format!("version {latest} of process {} has no provision {:?}", process.id, t.eid),
        )
    })?;
    check_text("translation", &t.text, TRANSLATION_MAX_CHARS, false)?;
    let recorded = match t.proposal {
        Some(p) => state.translations.proposal(t.process, p, &t.language),
        None => state.translations.get(t.process, &t.language, &t.eid),
    };
    if recorded.is_some_and(|r| r.version == t.version && r.text == t.text) {
        return Err(Refusal::conflict(
            "translation_unchanged",
            format!("this translation into {} of version {latest} is recorded already, word for word", t.language),
        ));
    }
    match t.proposal {
        None if words(provision).is_empty() => Err(Refusal::unprocessable(
            "nothing_to_translate",
            format!("{} has no words of its own: translate its paragraphs", provision.label()),
        )),
        None => Ok(()),
        Some(id) => {
            let proposal = process.proposal(id)?;
            if !proposal.is_open() {
                return Err(Refusal::conflict(
                    "proposal_closed",
                    format!(
                        "{} is {}: only an open proposal is translated",
                        proposal.label(),
                        proposal.status.as_str()
                    ),
                ));
            }
            if proposal.eid != t.eid {
                return Err(Refusal::invalid(
                    "wrong_provision",
                    format!("{} is on {:?}, not on {:?}", proposal.label(), proposal.eid, t.eid),
                ));
            }
            if proposal_words(proposal).is_empty() {
                return Err(Refusal::unprocessable(
                    "nothing_to_translate",
                    format!("{} has no words to translate", proposal.label()),
                ));
            }
            Ok(())
        }
    }
}

/// A translation is into one of the forum's official languages, other
/// than the original's: `unofficial_language` or `original_language`
/// otherwise.
pub fn check_language(state: &State, process: &Process, language: &LanguageTag) -> Result<(), Refusal> {
    let official = state.forum.as_ref().map(|f| f.languages.as_slice()).unwrap_or_default();
    if !official.contains(language) {
        let list: Vec<&str> = official.iter().map(LanguageTag::as_str).collect();
        return Err(Refusal::unprocessable(
            "unofficial_language",
            format!("{language} is not an official language of this forum: translate into {}", list.join(", ")),
        ));
    }
    if language == &process.language {
        return Err(Refusal::unprocessable(
            "original_language",
            format!("process {} is written in {language}: its original needs no translation", process.id),
        ));
    }
    Ok(())
}
