//! The forum as it stands: a fold of the record's entries.
//!
//! [`State::prepare`] turns what a user asks for (an [`Action`], by a
//! [`Principal`]) into the body of an entry, or refuses it;
//! [`State::apply`] checks a whole entry (index, time, the actor's rights,
//! the payload) and folds it in. `apply` checks everything before it changes
//! anything, and it is the same function for live appends and for replay.
//!
//! # Rights
//! Who may record what is decided in the domain ([`State::prepare`] and the
//! checks behind `apply`), never again in a page: each kind's check is in
//! its feature's folder ([`crate::kinds`] names it), on the facts of
//! [`crate::rights::Rights`]. The rights of the forum's membership are
//! listed in [`crate::forum`], those of negotiation in
//! [`crate::negotiation`], those of meetings in [`crate::proceedings`].
//!
//! # Editions of the rules
//! A check made stricter would apply to old entries on the next replay, and
//! a record holding an entry the new rule refuses would no longer open. So a
//! rule that a record in use may have met is gated on the entry's index or
//! time, or on the forum's edition: `forum.established` records the edition
//! the forum follows ([`EDITION`], absent = 1), and `Forum::edition` /
//! `Process::edition` carry it to the checks and folds; the list of what
//! each edition changed is on [`EDITION`]. Records of earlier editions
//! replay as written (tests replay such records).
//! [`State::apply_noting`] answers what such a record holds that edition 3
//! refuses ([`Leniency`]: a weak key, a signature only lenient verification
//! takes), which `accord verify` prints as warnings. The refusal of
//! bidirectional controls in instrument text applies to every edition (no
//! record held such text).
//!
//! # Preparing, signing, time
//! [`State::prepare`] normalises every string of a new unsigned action to
//! NFC (a signed one must already be) and refuses what the Unicode policy
//! forbids, in every edition. [`State::action_to_sign`] answers the actor
//! and entry body an unsigned action would record, checked as `prepare`
//! checks it but for the signature: what a member signs. Entries with
//! deadlines are checked at their own time ([`State::prepare_at`] with the
//! writer's clock, `apply` with the entry's time).
//! [`State::apply_accepted`] folds without checking again what the writer's
//! leading state already checked.
//!
//! # State digests
//! To compare a server's state with a replay, [`State::digest_parts`] names
//! every part of the state (`forum`, `members`, `delegates`, `signatures`,
//! `rules`, `important questions`, `process P`, `process P proposals`,
//! `process P rules`, `process P version V text` — the version's Markdown
//! digest — `process P version V provenance`, `process P translations`
//! (once one is recorded), `session S`, `meeting M`,
//! `vote V`, `consensus C`, `silence S`, `decision D`) with the SHA-256 of
//! its canonical JSON. [`State::digest_v2`] (format `accord-state-digest/v2`)
//! is the SHA-256 of `accord-state-digest/v2\n` and the canonical JSON of
//! `{parts: {name: hex}, size}`. [`State::digest`] (v1) stays, to check
//! checkpoints signed before v2. Changing what a digest covers changes the
//! format's name.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::entry::*;
use crate::error::Refusal;
use crate::forum::rules::{no_forum, unknown_state};
use crate::ids::{DelegateId, DisplayName, LanguageTag, MemberCode, Reason};
use crate::iso3166;
use crate::kinds::Cx;

pub use crate::forum::{
    Affiliation, Delegate, Forum, Member, MemberKey, MemberKind, MemberRole, MemberStatus, OfficerRole,
    OrganisationCategory,
};

/// Who asks for an action: the operator at the console, or a logged-in
/// delegate (the server has authenticated them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Principal {
    System,
    Delegate(DelegateId),
}

/// What a user asks for. [`State::prepare`] checks it and makes the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    EstablishForum {
        name: DisplayName,
        languages: Vec<LanguageTag>,
        /// The transparency log's origin line.
        log: Option<String>,
    },
    ChangeForumSettings {
        name: Option<DisplayName>,
        languages: Option<Vec<LanguageTag>>,
    },
    AdmitMember {
        code: MemberCode,
        /// For a state, the ISO short name is used when no name is given.
        name: Option<DisplayName>,
        kind: MemberKind,
        category: Option<OrganisationCategory>,
        status: MemberStatus,
    },
    ChangeMemberStatus {
        code: MemberCode,
        status: MemberStatus,
    },
    SuspendMember {
        code: MemberCode,
        reason: Reason,
    },
    ReinstateMember {
        code: MemberCode,
    },
    AccreditDelegate {
        member: MemberCode,
        name: DisplayName,
        role: MemberRole,
    },
    AppointOfficer {
        name: DisplayName,
        role: OfficerRole,
    },
    WithdrawAccreditation {
        delegate: DelegateId,
        reason: Reason,
    },
    /// The head of delegation registers a key of their member.
    RegisterMemberKey {
        member: MemberCode,
        public_key: String,
        label: DisplayName,
    },
    RevokeMemberKey {
        member: MemberCode,
        key: String,
    },
    /// The head of delegation declares, unsigned, that the member requires
    /// its signature: always refused (`signature_required`), since only a
    /// signed declaration ([`Action::Signed`] with a
    /// `member.signatures_required` body) binds the member. It exists so
    /// that the API can say so in the domain's words.
    RequireSignatures {
        member: MemberCode,
    },
    /// An action of a negotiation (see [`crate::negotiation`]): its body
    /// holds nothing the server assigns, so the caller builds it.
    Negotiate(Box<EntryBody>),
    /// An action the member signed: its body as signed, and the signature.
    Signed {
        body: Box<EntryBody>,
        signature: MemberSignature,
    },
}

/// The forum as it stands after the entries folded so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub forum: Option<Forum>,
    pub members: BTreeMap<MemberCode, Member>,
    pub delegates: BTreeMap<DelegateId, Delegate>,
    /// Index the next entry must carry.
    pub next_index: u64,
    /// Time of the last entry (Unix ms); the next may not be earlier.
    pub last_time: i64,
    /// (key id, nonce) of every signed action: a nonce is accepted once.
    pub used_nonces: BTreeSet<(String, String)>,
    /// Negotiations, by number from 1 (`processes[0]` is process 1).
    pub processes: Vec<crate::negotiation::Process>,
    /// Rules of procedure, sessions, meetings and decisions.
    pub proceedings: crate::proceedings::Proceedings,
    /// Open consultations, by number from 1.
    pub consultations: Vec<crate::consultation::Consultation>,
    /// Translations of the processes' texts.
    pub translations: crate::translation::Translations,
}

/// What a record of edition 1 or 2 of the rules holds that edition 3
/// refuses, found on replay ([`State::apply_noting`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leniency {
    /// A member's key registered although weak.
    WeakKey { member: MemberCode, key: String, weakness: crate::signature::KeyWeakness },
    /// A member's signature that only lenient verification takes (made
    /// with a weak key, or with an `R` of small order).
    LenientSignature { member: MemberCode, key: String },
}

/// The name of the state digest format published with checkpoints since
/// the state was digested in parts ([`State::digest_parts`],
/// [`State::digest_v2`]).
pub const STATE_DIGEST_V2: &str = "accord-state-digest/v2";

/// The name of the first format, one hash of some of the state
/// ([`State::digest`]): what checkpoints signed before v2 carry.
pub const STATE_DIGEST_V1: &str = "accord-state-digest/v1";

/// Checks an entry body against the Unicode policy: every string of its
/// payload, and every line of a zero draft.
fn check_unicode(body: &EntryBody) -> Result<(), Refusal> {
    crate::unicode::check_strings(body)?;
    if let EntryBody::ProcessOpened(p) = body {
        if let Some(Ok(draft)) = p.draft.content().map(std::str::from_utf8) {
            crate::unicode::check_lines("draft", draft)?;
        }
    }
    Ok(())
}

/// A new, unsigned entry body with its text in NFC: strings of the payload
/// and the zero draft (whose blob is then named by the normalised text).
fn normalise_unicode(mut body: EntryBody) -> Result<EntryBody, Refusal> {
    if let EntryBody::ProcessOpened(p) = &mut body {
        if let Some(Ok(draft)) = p.draft.content().map(std::str::from_utf8) {
            if !crate::unicode::is_normalised(draft) {
                p.draft = crate::blob::BlobRef::of(crate::unicode::normalise(draft).into_bytes());
            }
        }
    }
    if crate::unicode::strings_normalised(&body) {
        return Ok(body);
    }
    let content = body.blob().and_then(|b| b.content()).map(<[u8]>::to_vec);
    let unreadable =
        |e: serde_json::Error| Refusal::invalid("malformed_text", format!("the text could not be read: {e}"));
    let mut value = serde_json::to_value(&body).map_err(unreadable)?;
    crate::unicode::normalise_json(&mut value);
    let mut body: EntryBody = serde_json::from_value(value).map_err(unreadable)?;
    if let (Some(content), Some(blob)) = (content, body.blob_mut()) {
        blob.attach(content)?;
    }
    Ok(body)
}

/// The edition of Accord's rules a forum established now follows
/// (recorded in its `forum.established` entry):
/// - 1: the rules as first recorded (records without an edition);
/// - 2: a new wording of a whole provision is outdated once the
///   provision's words change, and a proposal to replace a paragraph's
///   words carries no heading;
/// - 3: every string of an entry's payload, and every line of a zero
///   draft, follows the Unicode policy ([`crate::unicode`]: NFC, no
///   bidirectional controls, no invisible format characters); a silence
///   procedure lasts at most a year, a speaking time at most an hour, and
///   a quorum's share has a denominator of at most 1,000
///   ([`crate::proceedings`]); an adviser takes no action for its member in
///   meetings, and a question names the version it is put on, which does
///   not change while the whole instrument is before the members;
///   members' keys and signatures are checked strictly: a weak key
///   (small order, or encoded non-canonically) is not registered, and a
///   signature must pass strict verification (`crate::signature`).
pub const EDITION: u32 = 3;

impl State {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn member(&self, code: &MemberCode) -> Option<&Member> {
        self.members.get(code)
    }

    pub fn delegate(&self, id: DelegateId) -> Option<&Delegate> {
        self.delegates.get(&id)
    }

    /// The first state digest, format [`STATE_DIGEST_V1`], kept to check
    /// checkpoints signed before v2 (it leaves out meetings, sessions,
    /// votes, consensus, silences, rules and important questions; v2 does
    /// not): SHA-256 of its canonical
    /// JSON (the encoding of entries: sorted keys, no whitespace) with the
    /// fields `size`, `forum`, `members`, `delegates`, `processes` (every
    /// version's text digest and every proposal's status and positions)
    /// and `decisions`. The server
    /// publishes it with each checkpoint; `accord verify` recomputes it by
    /// replaying the record, so a server that shows anything the record does
    /// not say is caught.
    pub fn digest(&self) -> [u8; 32] {
        use sha2::Digest;
        #[derive(Serialize)]
        struct Digested<'a> {
            size: u64,
            forum: &'a Option<Forum>,
            members: Vec<&'a Member>,
            delegates: Vec<&'a Delegate>,
            processes: Vec<serde_json::Value>,
            decisions: &'a [crate::proceedings::Decision],
        }
        let digested = Digested {
            size: self.next_index,
            forum: &self.forum,
            members: self.members.values().collect(),
            delegates: self.delegates.values().collect(),
            processes: self.processes.iter().map(|p| p.digest_value()).collect(),
            decisions: &self.proceedings.decisions,
        };
        let mut bytes = Vec::new();
        crate::canonical::to_canonical(&digested, &mut bytes).expect("the state has no floats");
        sha2::Sha256::digest(&bytes).into()
    }

    /// The state in named parts, each with the SHA-256 of its canonical
    /// JSON (the encoding of entries), so that two states can be compared
    /// part by part and a difference named exactly. The parts cover
    /// everything the state holds:
    ///
    /// - `forum`, `members`, `delegates`, `signatures` (the used nonces of
    ///   signed actions), `rules` (the forum's rules of procedure),
    ///   `important questions`;
    /// - per process: `process P` (title, entries, draft, adoption, its
    ///   document symbol once set, and each version's number, name and
    ///   cause), `process P proposals`
    ///   (every proposal: its edit, status and positions), `process P
    ///   rules` when the process has its own, and per version `process P
    ///   version V text` (the SHA-256 of the version's Markdown, the same
    ///   digest the API gives for it) and `process P version V provenance`
    ///   (the origin of every provision's words); `process P
    ///   translations` once a translation of it is recorded (each with the
    ///   version it translates and whether it is current); `process P
    ///   papers` once a conference room paper of it is issued (each with
    ///   its kind, symbol, version and entry);
    /// - `session S`, `meeting M` (attendance, agenda, speakers,
    ///   statements), `vote V` (ballots and tally), `consensus C`,
    ///   `silence S`, `decision D`.
    ///
    /// [`State::digest_v2`] of these parts is what the server publishes
    /// with each checkpoint.
    pub fn digest_parts(&self) -> BTreeMap<String, [u8; 32]> {
        use sha2::Digest;
        fn hash<T: Serialize + ?Sized>(value: &T) -> [u8; 32] {
            let mut bytes = Vec::new();
            crate::canonical::to_canonical(value, &mut bytes).expect("the state has no floats");
            sha2::Sha256::digest(&bytes).into()
        }
        /// A process without its proposals and texts (parts of their own).
        #[derive(Serialize)]
        struct ProcessHead<'a> {
            id: u64,
            title: &'a str,
            entry: u64,
            time: i64,
            draft: &'a str,
            adopted_version: Option<u32>,
            versions: &'a [crate::negotiation::Version],
            /// Only when set, so that a record without document symbols
            /// digests as it did before processes had them.
            #[serde(skip_serializing_if = "Option::is_none")]
            symbol: Option<&'a str>,
        }
        let mut parts = BTreeMap::new();
        parts.insert("forum".to_owned(), hash(&self.forum));
        parts.insert("members".to_owned(), hash(&self.members.values().collect::<Vec<_>>()));
        parts.insert("delegates".to_owned(), hash(&self.delegates.values().collect::<Vec<_>>()));
        parts.insert("signatures".to_owned(), hash(&self.used_nonces));
        let proceedings = &self.proceedings;
        parts.insert("rules".to_owned(), hash(&proceedings.rules));
        parts.insert("important questions".to_owned(), hash(&proceedings.important));
        for p in &self.processes {
            let head = ProcessHead {
                id: p.id,
                title: &p.title,
                entry: p.entry,
                time: p.time,
                draft: &p.draft,
                adopted_version: p.adopted_version,
                versions: &p.versions,
                symbol: p.symbol.as_deref(),
            };
            parts.insert(format!("process {}", p.id), hash(&head));
            parts.insert(format!("process {} proposals", p.id), hash(&p.proposals));
            // Only once a conference room paper is issued: a record without
            // any digests as before.
            if !p.papers.is_empty() {
                parts.insert(format!("process {} papers", p.id), hash(&p.papers));
            }
            // Only once a translation is recorded: a record without any
            // digests as before.
            if let Some(translations) = self.translations.digest_value(p) {
                parts.insert(format!("process {} translations", p.id), hash(&translations));
            }
            if let Some(rules) = proceedings.process_rules.get(&p.id) {
                parts.insert(format!("process {} rules", p.id), hash(rules));
            }
            for v in &p.versions {
                parts.insert(format!("process {} version {} text", p.id, v.number), v.instrument.digest());
                let origins: Vec<(&str, &[crate::negotiation::text::Origin])> =
                    v.instrument.provisions.iter().map(|pr| (pr.eid.as_str(), pr.origins.as_slice())).collect();
                parts.insert(format!("process {} version {} provenance", p.id, v.number), hash(&origins));
            }
        }
        // Rules are kept by process number: a number without a process
        // (none is expected) is covered too, so that nothing is left out.
        for (id, rules) in &proceedings.process_rules {
            parts.entry(format!("process {id} rules")).or_insert_with(|| hash(rules));
        }
        // Numbered things, each a part of its own: "session 1", "vote 3"...
        fn numbered<T: Serialize>(parts: &mut BTreeMap<String, [u8; 32]>, name: &str, all: &[T]) {
            for (n, x) in all.iter().enumerate() {
                parts.insert(format!("{name} {}", n + 1), hash(x));
            }
        }
        numbered(&mut parts, "session", &proceedings.sessions);
        numbered(&mut parts, "meeting", &proceedings.meetings);
        numbered(&mut parts, "vote", &proceedings.votes);
        numbered(&mut parts, "consensus", &proceedings.consensus);
        numbered(&mut parts, "silence", &proceedings.silences);
        numbered(&mut parts, "decision", &proceedings.decisions);
        numbered(&mut parts, "consultation", &self.consultations);
        parts
    }

    /// The state digest, format [`STATE_DIGEST_V2`]: SHA-256 of the line
    /// `accord-state-digest/v2`, a newline, and the canonical JSON of
    /// `{"parts": {name: hex digest}, "size": entries folded}` — one hash
    /// that commits to every part of [`State::digest_parts`].
    pub fn digest_v2(size: u64, parts: &BTreeMap<String, [u8; 32]>) -> [u8; 32] {
        use sha2::Digest;
        #[derive(Serialize)]
        struct Digested {
            parts: BTreeMap<String, String>,
            size: u64,
        }
        let parts = parts.iter().map(|(k, v)| (k.clone(), hex::encode(v))).collect();
        let mut bytes = format!("{STATE_DIGEST_V2}\n").into_bytes();
        crate::canonical::to_canonical(&Digested { parts, size }, &mut bytes).expect("no floats");
        sha2::Sha256::digest(&bytes).into()
    }

    /// The id the next accreditation or appointment receives.
    pub fn next_delegate_id(&self) -> DelegateId {
        DelegateId(self.delegates.keys().next_back().map_or(1, |d| d.0 + 1))
    }

    /// The active delegates of a member, in order of accreditation.
    pub fn delegation(&self, code: &MemberCode) -> impl Iterator<Item = &Delegate> {
        let code = code.clone();
        self.delegates.values().filter(move |d| d.is_active() && d.member() == Some(&code))
    }

    /// Active officers, in order of appointment.
    pub fn officers(&self) -> impl Iterator<Item = &Delegate> {
        self.delegates.values().filter(|d| d.is_active() && d.officer_role().is_some())
    }

    /// The actor an authenticated principal acts as, if they are still
    /// accredited.
    pub fn actor_for(&self, principal: Principal) -> Result<Actor, Refusal> {
        match principal {
            Principal::System => Ok(Actor::System),
            Principal::Delegate(id) => {
                let d = self.delegates.get(&id).filter(|d| d.is_active()).ok_or_else(|| {
                    Refusal::forbidden("not_accredited", format!("{id} is not (or no longer) accredited"))
                })?;
                Ok(match &d.affiliation {
                    Affiliation::Member { member, .. } => Actor::Delegate { delegate: id, member: member.clone() },
                    Affiliation::Officer { role } => Actor::Officer { delegate: id, role: *role },
                })
            }
        }
    }

    /// Checks an action by a principal against the state and makes the
    /// entry body it would record. Nothing changes here; the caller then
    /// sequences the entry and passes it to [`State::apply`], which checks
    /// again (so replay checks the same things).
    ///
    /// For a signed action, everything about the signature is checked here
    /// (the actor, the key, the nonce) except the Ed25519 verification
    /// itself, the costly part, which `apply` does: an action is recorded
    /// only through `apply`, so it is verified once, not twice. (When the
    /// body is refused, the signature is verified here, so that a bad
    /// signature is still the refusal given, as `apply` gives it.)
    pub fn prepare(
        &self,
        principal: Principal,
        action: Action,
    ) -> Result<(Actor, EntryBody, Option<MemberSignature>), Refusal> {
        self.prepare_at(principal, action, self.last_time)
    }

    /// [`State::prepare`] for an entry that will be dated `time` (the
    /// writer's clock): rules with deadlines depend on it.
    pub fn prepare_at(
        &self,
        principal: Principal,
        action: Action,
        time: i64,
    ) -> Result<(Actor, EntryBody, Option<MemberSignature>), Refusal> {
        let time = time.max(self.last_time);
        let actor = self.actor_for(principal)?;
        if let Action::Signed { body, signature } = action {
            let key = self.check_signature_claims(&actor, &signature)?;
            // A weak key that a record of edition 1 or 2 holds signs
            // nothing more, whatever the signature: one could be forged.
            // (From edition 3 no weak key is registered, and strict
            // verification refuses them anyway.)
            let weakness = (self.edition() < 3)
                .then(|| crate::signature::parse_public_key(&key.public_key).ok())
                .flatten()
                .and_then(|k| crate::signature::key_weakness(&k));
            if let Some(weakness) = weakness {
                return Err(Refusal::unprocessable(
                    "weak_key",
                    format!(
                        "the key {} is {}: it signs nothing more; revoke it and register a key made with \
                         `accord keygen`",
                        signature.key,
                        weakness.describe()
                    ),
                ));
            }
            // A signed payload is recorded as signed: it is checked,
            // never normalised.
            if let Err(refusal) = check_unicode(&body).and_then(|()| self.check_body_at(&actor, &body, time)) {
                // A bad signature is the first thing to say: verify
                // it now, as `apply` would have before the body.
                self.check_signature(&actor, &body, &signature)?;
                return Err(refusal);
            }
            return Ok((actor, *body, Some(signature)));
        }
        let body = normalise_unicode(self.body_of(action)?)?;
        check_unicode(&body)?;
        self.check_signature_requirement(&actor, &body, false)?;
        self.check_body_at(&actor, &body, time)?;
        Ok((actor, body, None))
    }

    /// What a member signs for an action by this principal: the actor and
    /// the entry body that the action would record, checked as
    /// [`State::prepare`] checks it, except that it is not yet signed. The
    /// bytes to sign are then [`crate::signature::signed_message`] of them
    /// with a nonce; the signed action is [`Action::Signed`] with this body.
    /// Refused when the principal is not a delegate of a member (only a
    /// delegation signs for its member) and whenever the action itself
    /// would be refused.
    pub fn action_to_sign(&self, principal: Principal, action: Action) -> Result<(Actor, EntryBody), Refusal> {
        let actor = self.actor_for(principal)?;
        if !matches!(actor, Actor::Delegate { .. }) {
            return Err(Refusal::forbidden("not_a_member_action", "only a delegation signs actions for its member"));
        }
        // Normalised as an unsigned action is, so that what the browser
        // signs is what the record accepts signed.
        let body = normalise_unicode(self.body_of(action)?)?;
        check_unicode(&body)?;
        self.check_body_at(&actor, &body, self.last_time)?;
        Ok((actor, body))
    }

    /// The entry body an unsigned action makes (not yet checked against the
    /// rules): the server fills in what it assigns (a new delegate's id, a
    /// key's id, the forum's edition).
    fn body_of(&self, action: Action) -> Result<EntryBody, Refusal> {
        Ok(match action {
            Action::Signed { body, .. } => *body,
            Action::Negotiate(body) => {
                if !body.is_negotiation() && !body.is_proceedings() && !body.is_consultation() && !body.is_translation()
                {
                    return Err(Refusal::invalid(
                        "not_a_negotiation_action",
                        "this action is not part of a negotiation",
                    ));
                }
                let mut body = *body;
                // A question put without naming its version is put on the latest.
                self.name_version(&mut body);
                body
            }
            Action::RegisterMemberKey { member, public_key, label } => {
                // A weak key is refused live whatever the edition: no key
                // generator makes one, and its signatures can be forged.
                // (Records of editions 1 and 2 that hold one still replay:
                // `check_body_at` gates the refusal on the edition.)
                let key = crate::signature::parse_strong_public_key(&public_key)?;
                EntryBody::MemberKeyRegistered(MemberKeyRegistered {
                    member,
                    key: crate::signature::key_id(key.as_bytes()),
                    public_key: base64::Engine::encode(&base64::prelude::BASE64_STANDARD, key.as_bytes()),
                    label,
                })
            }
            Action::RevokeMemberKey { member, key } => EntryBody::MemberKeyRevoked(MemberKeyRevoked { member, key }),
            Action::RequireSignatures { member } => {
                EntryBody::MemberSignaturesRequired(MemberSignaturesRequired { member })
            }
            Action::EstablishForum { name, languages, log } => {
                EntryBody::ForumEstablished(ForumSettings { name, languages, log, edition: Some(EDITION) })
            }
            Action::ChangeForumSettings { name, languages } => {
                let forum = self.forum.as_ref().ok_or_else(no_forum)?;
                EntryBody::ForumSettingsChanged(ForumSettings {
                    name: name.unwrap_or_else(|| forum.name.clone()),
                    languages: languages.unwrap_or_else(|| forum.languages.clone()),
                    log: None,
                    edition: None,
                })
            }
            Action::AdmitMember { code, name, kind, category, status } => {
                let name = match (name, kind) {
                    (Some(name), _) => name,
                    (None, MemberKind::State) => match iso3166::lookup(code.as_str()) {
                        Some(c) => DisplayName::parse(c.name)?,
                        None => return Err(unknown_state(&code)),
                    },
                    (None, MemberKind::Organisation) => {
                        return Err(Refusal::invalid("missing_name", "give the organisation's name"))
                    }
                };
                EntryBody::MemberAdmitted(MemberAdmitted { code, name, kind, category, status })
            }
            Action::ChangeMemberStatus { code, status } => {
                EntryBody::MemberStatusChanged(MemberStatusChanged { code, status })
            }
            Action::SuspendMember { code, reason } => EntryBody::MemberSuspended(MemberSuspended { code, reason }),
            Action::ReinstateMember { code } => EntryBody::MemberReinstated(MemberReinstated { code }),
            Action::AccreditDelegate { member, name, role } => EntryBody::DelegateAccredited(DelegateAccredited {
                delegate: self.next_delegate_id(),
                name,
                member,
                role,
            }),
            Action::AppointOfficer { name, role } => {
                EntryBody::OfficerAppointed(OfficerAppointed { delegate: self.next_delegate_id(), name, role })
            }
            Action::WithdrawAccreditation { delegate, reason } => {
                EntryBody::AccreditationWithdrawn(AccreditationWithdrawn { delegate, reason })
            }
        })
    }

    /// Refuses an unsigned entry that must be signed: any action in the
    /// name of a member that declared `member.signatures_required`, and
    /// that declaration itself. (Whether a signature present is valid is
    /// [`State::check_signature`]'s part.)
    fn check_signature_requirement(&self, actor: &Actor, body: &EntryBody, signed: bool) -> Result<(), Refusal> {
        if signed {
            return Ok(());
        }
        if let EntryBody::MemberSignaturesRequired(r) = body {
            return Err(Refusal::forbidden(
                "signature_required",
                format!(
                    "the declaration that {m} requires its signature must itself be signed with one of {m}'s \
                     registered keys: `accord submit --key FILE --kind member.signatures_required --payload \
                     '{{\"member\":\"{m}\"}}'`",
                    m = r.member
                ),
            ));
        }
        let Actor::Delegate { member, .. } = actor else { return Ok(()) };
        match self.members.get(member).and_then(|m| m.signatures_required) {
            Some(since) => Err(Refusal::forbidden(
                "signature_required",
                format!(
                    "{member} requires its signature on every action in its name (declared in entry {since}): \
                     sign this action with one of {member}'s registered keys on the delegation's machine and \
                     send it with `accord submit --key FILE --kind KIND --payload JSON` (or `accord sign`, then \
                     POST /api/v1/actions)"
                ),
            )),
            None => Ok(()),
        }
    }

    /// Checks a member's signature on an action: the actor is a delegate of
    /// the member, the key is the member's and not revoked, the nonce is
    /// new, and the signature verifies over [`crate::signature::signed_message`].
    ///
    /// From edition 3 the verification is strict; a record of edition 1 or
    /// 2 is verified strictly first, then leniently, as it was written:
    /// answers whether only the lenient verification took the signature.
    pub(crate) fn check_signature(
        &self,
        actor: &Actor,
        body: &EntryBody,
        sig: &MemberSignature,
    ) -> Result<bool, Refusal> {
        let key = self.check_signature_claims(actor, sig)?;
        let log = self.forum.as_ref().and_then(|f| f.log.as_deref()).unwrap_or_default();
        let message = crate::signature::signed_message(log, actor, body, &sig.nonce);
        match crate::signature::verify(&key.public_key, &message, &sig.sig) {
            Ok(()) => Ok(false),
            Err(strict) if self.edition() >= 3 => Err(strict),
            Err(_) => crate::signature::verify_lenient(&key.public_key, &message, &sig.sig).map(|()| true),
        }
    }

    /// The edition of the rules the forum's record follows (1 before the
    /// forum is established, as for records without an edition).
    pub fn edition(&self) -> u32 {
        self.forum.as_ref().map_or(1, |f| f.edition)
    }

    /// Everything [`State::check_signature`] checks but the Ed25519
    /// verification: answers the key to verify with.
    fn check_signature_claims(&self, actor: &Actor, sig: &MemberSignature) -> Result<&MemberKey, Refusal> {
        let Actor::Delegate { member, .. } = actor else {
            return Err(Refusal::forbidden("not_a_member_action", "only a delegation signs actions for its member"));
        };
        crate::signature::check_nonce(&sig.nonce)?;
        let key = self
            .members
            .get(member)
            .and_then(|m| m.keys.get(&sig.key))
            .filter(|k| k.revoked_entry.is_none())
            .ok_or_else(|| {
                Refusal::forbidden("unknown_key", format!("{} is not a registered, unrevoked key of {member}", sig.key))
            })?;
        if self.used_nonces.contains(&(sig.key.clone(), sig.nonce.clone())) {
            return Err(Refusal::conflict(
                "replayed_action",
                "this signed action was already recorded (its nonce is used): sign each action with a new nonce",
            ));
        }
        Ok(key)
    }

    /// Checks an entry completely and folds it into the state. On a refusal
    /// the state is unchanged.
    pub fn apply(&mut self, entry: &Entry) -> Result<(), Refusal> {
        self.apply_noting(entry).map(|_| ())
    }

    /// [`State::apply`], answering what the entry holds that the current
    /// edition of the rules would refuse but the record's edition accepts
    /// (a weak key, a signature only lenient verification takes): what
    /// `accord verify` warns about. Always empty from edition 3.
    pub fn apply_noting(&mut self, entry: &Entry) -> Result<Vec<Leniency>, Refusal> {
        if entry.index != self.next_index {
            return Err(Refusal::invalid(
                "entry_out_of_order",
                format!("entry has index {}, the record expects {}", entry.index, self.next_index),
            ));
        }
        if entry.time < self.last_time {
            return Err(Refusal::invalid(
                "entry_time_decreases",
                format!("entry {} is dated before the entry that precedes it", entry.index),
            ));
        }
        self.check_actor(&entry.actor)?;
        self.check_signature_requirement(&entry.actor, &entry.body, entry.signature.is_some())?;
        let mut noted = Vec::new();
        if let Some(sig) = &entry.signature {
            if self.check_signature(&entry.actor, &entry.body, sig)? {
                if let Actor::Delegate { member, .. } = &entry.actor {
                    noted.push(Leniency::LenientSignature { member: member.clone(), key: sig.key.clone() });
                }
            }
        }
        if let Some(blob) = entry.body.blob() {
            blob.require()?;
        }
        if self.edition_of(&entry.body) >= 3 {
            check_unicode(&entry.body)?;
        }
        self.check_body_at(&entry.actor, &entry.body, entry.time)?;
        // Editions 1 and 2 registered weak keys (edition 3 refused them above).
        if let EntryBody::MemberKeyRegistered(k) = &entry.body {
            if let Some(weakness) = (self.edition() < 3)
                .then(|| crate::signature::parse_public_key(&k.public_key).ok())
                .flatten()
                .and_then(|key| crate::signature::key_weakness(&key))
            {
                noted.push(Leniency::WeakKey { member: k.member.clone(), key: k.key.clone(), weakness });
            }
        }
        self.fold_and_advance(entry);
        Ok(noted)
    }

    /// Folds a checked entry in and moves past it.
    fn fold_and_advance(&mut self, entry: &Entry) {
        self.fold(entry);
        if let Some(sig) = &entry.signature {
            self.used_nonces.insert((sig.key.clone(), sig.nonce.clone()));
        }
        self.next_index += 1;
        self.last_time = entry.time;
    }

    /// Folds in an entry that [`State::apply`] has already accepted on an
    /// equal state, without checking it again: the store's writer checks
    /// each entry on its leading copy of the state, then folds the
    /// committed entries into the published copy with this (the checks,
    /// a member's signature among them, would give the same answer twice).
    /// Debug builds check anyway, and panic if the states had diverged.
    pub fn apply_accepted(&mut self, entry: &Entry) {
        if cfg!(debug_assertions) {
            self.apply(entry).expect("an entry accepted on an equal state applies");
            return;
        }
        self.fold_and_advance(entry);
    }

    /// The edition of the rules an entry is checked under: the forum's, or
    /// for the entry that establishes it, the one it declares.
    fn edition_of(&self, body: &EntryBody) -> u32 {
        match (&self.forum, body) {
            (Some(forum), _) => forum.edition,
            (None, EntryBody::ForumEstablished(settings)) => settings.edition.unwrap_or(1),
            (None, _) => 1,
        }
    }

    /// The recorded actor must be who the state says they were.
    fn check_actor(&self, actor: &Actor) -> Result<(), Refusal> {
        let Some(id) = actor.delegate() else { return Ok(()) };
        let expected = self.actor_for(Principal::Delegate(id))?;
        if &expected != actor {
            return Err(Refusal::invalid(
                "actor_mismatch",
                format!("the entry names {id} with an affiliation they do not hold"),
            ));
        }
        Ok(())
    }

    /// The rules, for an entry dated `time` (deadlines depend on it): the
    /// forum must be established first, then the entry's kind decides
    /// (its check, named in [`crate::kinds`]).
    fn check_body_at(&self, actor: &Actor, body: &EntryBody, time: i64) -> Result<(), Refusal> {
        if self.forum.is_none() && !matches!(body, EntryBody::ForumEstablished(_)) {
            return Err(no_forum());
        }
        body.check(self, &Cx { actor, time, rights: self.rights_of(actor) })
    }

    /// Folds a checked entry in (its fold, named in [`crate::kinds`]).
    /// Must not fail.
    fn fold(&mut self, entry: &Entry) {
        entry.body.fold(self, entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn name(s: &str) -> DisplayName {
        DisplayName::parse(s).unwrap()
    }
    fn code(s: &str) -> MemberCode {
        MemberCode::parse(s).unwrap()
    }

    /// Runs an action the way the store does: prepare, sequence, apply.
    fn act(state: &mut State, log: &mut Vec<Vec<u8>>, who: Principal, action: Action) -> Result<(), Refusal> {
        let (actor, body, signature) = state.prepare(who, action)?;
        let entry = Entry { index: state.next_index, time: 1_000 + state.next_index as i64, actor, body, signature };
        let bytes = entry.encode()?;
        state.apply(&entry)?;
        log.push(bytes);
        Ok(())
    }

    fn founded() -> (State, Vec<Vec<u8>>) {
        let mut state = State::new();
        let mut log = Vec::new();
        act(
            &mut state,
            &mut log,
            Principal::System,
            Action::EstablishForum { name: name("Test Forum"), languages: LanguageTag::un_languages(), log: None },
        )
        .unwrap();
        act(
            &mut state,
            &mut log,
            Principal::System,
            Action::AppointOfficer { name: name("Sec"), role: OfficerRole::Secretariat },
        )
        .unwrap();
        (state, log)
    }

    /// A record of the given edition: the forum, then an officer named
    /// `officer` (as the record holds it, unparsed by the policy), as
    /// entries decoded from their bytes.
    fn record_naming(edition: Option<u32>, officer: &str) -> Vec<Entry> {
        let forum = EntryBody::ForumEstablished(ForumSettings {
            name: name("F"),
            languages: vec![LanguageTag::parse("en").unwrap()],
            log: None,
            edition,
        });
        let officer = EntryBody::OfficerAppointed(OfficerAppointed {
            delegate: DelegateId(1),
            name: DisplayName::parse_recorded(officer).unwrap(),
            role: OfficerRole::Secretariat,
        });
        [forum, officer]
            .into_iter()
            .enumerate()
            .map(|(i, body)| {
                let entry = Entry { index: i as u64, time: 1 + i as i64, actor: Actor::System, body, signature: None };
                Entry::decode(&entry.encode().unwrap()).unwrap()
            })
            .collect()
    }

    #[test]
    fn the_unicode_policy_applies_to_records_from_edition_3() {
        for text in ["Sec\u{202E}ret", "Sec\u{200B}", "Co\u{0302}te", "\u{200F}Kenya"] {
            for edition in [None, Some(2)] {
                let mut state = State::new();
                for entry in record_naming(edition, text) {
                    state.apply(&entry).unwrap();
                }
                assert_eq!(state.delegates.get(&DelegateId(1)).unwrap().name.as_str(), text);
            }
            let mut state = State::new();
            let [forum, officer] = <[Entry; 2]>::try_from(record_naming(Some(3), text)).unwrap();
            state.apply(&forum).unwrap();
            let e = state.apply(&officer).unwrap_err();
            assert!(crate::unicode::CODES.contains(&e.code), "{text:?}: {e}");
        }
        // New input is normalised before it is recorded, in any edition.
        let (mut s, mut log) = founded();
        let officer = Action::AppointOfficer {
            name: DisplayName::parse_recorded("Co\u{0302}te").unwrap(),
            role: OfficerRole::Secretariat,
        };
        act(&mut s, &mut log, Principal::System, officer).unwrap();
        assert_eq!(s.delegates.get(&DelegateId(2)).unwrap().name.as_str(), "Côte");
        let officer = Action::AppointOfficer {
            name: DisplayName::parse_recorded("Sec\u{2066}x").unwrap(),
            role: OfficerRole::Secretariat,
        };
        assert_eq!(act(&mut s, &mut log, Principal::System, officer).unwrap_err().code, "bidi_control");
    }

    #[test]
    fn signed_text_must_be_in_nfc_and_follow_the_policy() {
        use ed25519_dalek::Signer;
        let (mut s, mut log) = founded();
        let bra = code("BRA");
        let admit = Action::AdmitMember {
            code: bra.clone(),
            name: None,
            kind: MemberKind::State,
            category: None,
            status: MemberStatus::Member,
        };
        act(&mut s, &mut log, Principal::System, admit).unwrap();
        for who in ["Head", "Delegate"] {
            let role = if who == "Head" { MemberRole::HeadOfDelegation } else { MemberRole::Delegate };
            let accredit = Action::AccreditDelegate { member: bra.clone(), name: name(who), role };
            act(&mut s, &mut log, Principal::System, accredit).unwrap();
        }
        let (head, delegate) = (DelegateId(2), DelegateId(3));
        let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
        let public_key = base64::Engine::encode(&base64::prelude::BASE64_STANDARD, key.verifying_key().to_bytes());
        let register = Action::RegisterMemberKey { member: bra.clone(), public_key, label: name("laptop") };
        act(&mut s, &mut log, Principal::Delegate(head), register).unwrap();
        let actor = s.actor_for(Principal::Delegate(head)).unwrap();
        let signed = |reason: &str, nonce: &str| {
            let body = EntryBody::AccreditationWithdrawn(AccreditationWithdrawn {
                delegate,
                reason: Reason::parse_recorded(reason).unwrap(),
            });
            let message = crate::signature::signed_message("", &actor, &body, nonce);
            let sig = base64::Engine::encode(&base64::prelude::BASE64_STANDARD, key.sign(&message).to_bytes());
            let signature = MemberSignature {
                key: crate::signature::key_id(&key.verifying_key().to_bytes()),
                nonce: nonce.into(),
                sig,
            };
            Action::Signed { body: Box::new(body), signature }
        };
        let e = s.prepare(Principal::Delegate(head), signed("Re\u{301}union", "nonce-0000000001")).unwrap_err();
        assert_eq!(e.code, crate::unicode::NOT_NFC, "{e}");
        let e = s.prepare(Principal::Delegate(head), signed("fine\u{200B}", "nonce-0000000002")).unwrap_err();
        assert_eq!(e.code, crate::unicode::INVISIBLE_CHARACTER, "{e}");
        act(&mut s, &mut log, Principal::Delegate(head), signed("R\u{e9}union", "nonce-0000000003")).unwrap();
    }

    #[test]
    fn rules_of_admission_and_accreditation() {
        let (mut s, mut log) = founded();
        let sec = Principal::Delegate(DelegateId(1));
        let admit = |c: &str, kind, category| Action::AdmitMember {
            code: code(c),
            name: None,
            kind,
            category,
            status: MemberStatus::Member,
        };
        act(&mut s, &mut log, sec, admit("KEN", MemberKind::State, None)).unwrap();
        assert_eq!(s.member(&code("KEN")).unwrap().name.as_str(), "Kenya");
        let err = act(&mut s, &mut log, sec, admit("KEN", MemberKind::State, None)).unwrap_err();
        assert_eq!(err.code, "member_exists");
        let err = act(&mut s, &mut log, sec, admit("XYZ", MemberKind::State, None)).unwrap_err();
        assert_eq!(err.code, "unknown_state_code");
        let err = act(&mut s, &mut log, sec, admit("ICRC", MemberKind::Organisation, None)).unwrap_err();
        assert_eq!(err.code, "missing_name");
        act(
            &mut s,
            &mut log,
            sec,
            Action::AccreditDelegate { member: code("KEN"), name: name("Head"), role: MemberRole::HeadOfDelegation },
        )
        .unwrap();
        let head = Principal::Delegate(DelegateId(2));
        let err = act(&mut s, &mut log, head, admit("BRA", MemberKind::State, None)).unwrap_err();
        assert_eq!(err.code, "secretariat_only");
        let err = act(
            &mut s,
            &mut log,
            sec,
            Action::AccreditDelegate {
                member: code("KEN"),
                name: name("Second head"),
                role: MemberRole::HeadOfDelegation,
            },
        )
        .unwrap_err();
        assert_eq!(err.code, "head_of_delegation_exists");
        let err = act(
            &mut s,
            &mut log,
            sec,
            Action::WithdrawAccreditation { delegate: DelegateId(1), reason: Reason::default() },
        )
        .unwrap_err();
        assert_eq!(err.code, "last_secretariat");
    }

    #[test]
    fn action_to_sign_is_what_prepare_records() {
        let (mut s, mut log) = founded();
        let sec = Principal::Delegate(DelegateId(1));
        for c in ["KEN", "BRA"] {
            let admit = Action::AdmitMember {
                code: code(c),
                name: None,
                kind: MemberKind::State,
                category: None,
                status: MemberStatus::Member,
            };
            act(&mut s, &mut log, sec, admit).unwrap();
        }
        let accredit =
            Action::AccreditDelegate { member: code("KEN"), name: name("Head"), role: MemberRole::HeadOfDelegation };
        act(&mut s, &mut log, sec, accredit).unwrap();
        let head = Principal::Delegate(DelegateId(2));
        let public = ed25519_dalek::SigningKey::from_bytes(&[1; 32]).verifying_key();
        let register = |member: &str| Action::RegisterMemberKey {
            member: code(member),
            public_key: base64::Engine::encode(&base64::prelude::BASE64_STANDARD, public.as_bytes()),
            label: name("browser"),
        };
        // The body to sign is the body an unsigned action records, the
        // server's part (the key id) included.
        let (actor, body) = s.action_to_sign(head, register("KEN")).unwrap();
        let (p_actor, p_body, signature) = s.prepare(head, register("KEN")).unwrap();
        assert_eq!((&actor, &body, signature), (&p_actor, &p_body, None));
        let EntryBody::MemberKeyRegistered(k) = &body else { panic!("{body:?}") };
        assert_eq!(k.key, crate::signature::key_id(public.as_bytes()));
        // Refused as the action would be; only a delegation signs.
        let refused = s.action_to_sign(head, register("BRA")).unwrap_err();
        assert_eq!(refused.code, s.prepare(head, register("BRA")).unwrap_err().code);
        assert_eq!(s.action_to_sign(sec, register("KEN")).unwrap_err().code, "not_a_member_action");
        // Nothing changed.
        assert_eq!(s.next_index, 5);
    }

    #[test]
    fn apply_refuses_forged_entries() {
        let (mut s, _) = founded();
        // A delegate that does not exist cannot have acted.
        let forged = Entry {
            signature: None,
            index: s.next_index,
            time: 5_000,
            actor: Actor::Officer { delegate: DelegateId(9), role: OfficerRole::Secretariat },
            body: EntryBody::MemberReinstated(MemberReinstated { code: code("KEN") }),
        };
        let before = s.clone();
        assert!(s.apply(&forged).is_err());
        assert_eq!(s, before);
        // An entry out of order is refused.
        let mut late = forged.clone();
        late.actor = Actor::System;
        late.index += 1;
        assert_eq!(s.apply(&late).unwrap_err().code, "entry_out_of_order");
    }

    #[derive(Debug, Clone)]
    enum Step {
        Admit(usize, bool, bool),
        Status(usize, bool),
        Suspend(usize),
        Reinstate(usize),
        Accredit(usize, u8),
        Appoint(u8),
        Withdraw(u64),
        Settings(u8),
    }

    const CODES: [&str; 8] = ["BRA", "KEN", "CHN", "USA", "ICRC", "ISOC", "XYZ", "FRA"];

    fn step() -> impl Strategy<Value = (u64, Step)> {
        let s = prop_oneof![
            (0..CODES.len(), any::<bool>(), any::<bool>()).prop_map(|(c, o, st)| Step::Admit(c, o, st)),
            (0..CODES.len(), any::<bool>()).prop_map(|(c, o)| Step::Status(c, o)),
            (0..CODES.len()).prop_map(Step::Suspend),
            (0..CODES.len()).prop_map(Step::Reinstate),
            (0..CODES.len(), 0u8..3).prop_map(|(c, r)| Step::Accredit(c, r)),
            (0u8..4).prop_map(Step::Appoint),
            (1u64..12).prop_map(Step::Withdraw),
            (0u8..3).prop_map(Step::Settings),
        ];
        // Who acts: 0 is the console, n is delegate Dn (who may not exist).
        (0u64..10, s)
    }

    fn to_action(step: Step) -> Action {
        match step {
            Step::Admit(c, org, observer) => Action::AdmitMember {
                code: code(CODES[c]),
                name: org.then(|| name("An organisation")),
                kind: if org { MemberKind::Organisation } else { MemberKind::State },
                category: org.then_some(OrganisationCategory::Ngo),
                status: if observer { MemberStatus::Observer } else { MemberStatus::Member },
            },
            Step::Status(c, o) => Action::ChangeMemberStatus {
                code: code(CODES[c]),
                status: if o { MemberStatus::Observer } else { MemberStatus::Member },
            },
            Step::Suspend(c) => {
                Action::SuspendMember { code: code(CODES[c]), reason: Reason::parse("arrears").unwrap() }
            }
            Step::Reinstate(c) => Action::ReinstateMember { code: code(CODES[c]) },
            Step::Accredit(c, r) => Action::AccreditDelegate {
                member: code(CODES[c]),
                name: name("Delegate"),
                role: [MemberRole::HeadOfDelegation, MemberRole::Delegate, MemberRole::Adviser][r as usize],
            },
            Step::Appoint(r) => Action::AppointOfficer {
                name: name("Officer"),
                role: [
                    OfficerRole::Secretariat,
                    OfficerRole::Chair,
                    OfficerRole::ViceChair,
                    OfficerRole::CoFacilitator,
                ][r as usize],
            },
            Step::Withdraw(d) => Action::WithdrawAccreditation { delegate: DelegateId(d), reason: Reason::default() },
            Step::Settings(n) => {
                Action::ChangeForumSettings { name: Some(name(&format!("Forum {n}"))), languages: None }
            }
        }
    }

    proptest! {
        /// Replaying the encoded record from entry 0 reproduces the state,
        /// and a refused action leaves the state as it was.
        #[test]
        fn replay_reproduces_state(steps in proptest::collection::vec(step(), 0..120)) {
            let (mut state, mut log) = founded();
            for (who, step) in steps {
                let principal = if who == 0 { Principal::System } else { Principal::Delegate(DelegateId(who)) };
                let before = state.clone();
                if act(&mut state, &mut log, principal, to_action(step)).is_err() {
                    prop_assert_eq!(&state, &before);
                }
            }
            let mut replayed = State::new();
            for bytes in &log {
                let entry = Entry::decode(bytes).unwrap();
                prop_assert_eq!(&entry.encode().unwrap(), bytes);
                replayed.apply(&entry).unwrap();
            }
            prop_assert_eq!(replayed, state);
        }
    }
}
