//! One entry of the record: the envelope ([`Entry`]: index, time,
//! [`Actor`], body, signature) and the body ([`EntryBody`], a `kind` and its
//! `payload`).
//!
//! The body's kinds are listed once, in the table of [`crate::kinds`], from
//! which `EntryBody` and its dispatch are made; each payload is defined in
//! the folder of its feature ([`crate::forum`], [`crate::negotiation`],
//! [`crate::proceedings`]). The bytes of an entry, and how they are read, are
//! [`crate::codec`]'s part.

use serde::{Deserialize, Serialize};

pub use crate::forum::{
    AccreditationWithdrawn, DelegateAccredited, ForumSettings, MemberAdmitted, MemberKeyRegistered, MemberKeyRevoked,
    MemberReinstated, MemberSignaturesRequired, MemberStatusChanged, MemberSuspended, OfficerAppointed,
};
use crate::ids::{DelegateId, MemberCode};
pub use crate::kinds::{EntryBody, Feature};
use crate::state::OfficerRole;

/// The version written in the `v` field of every entry.
pub const ENTRY_FORMAT_VERSION: u64 = 1;

/// The largest encoded entry: 2^16 - 1 bytes (C2SP tlog-tiles entry bundles
/// prefix each entry with a big-endian 16-bit length).
pub const ENTRY_MAX_BYTES: usize = 65_535;

/// Who acted. The record names people by their stable delegate id; their
/// display names are in the entries that accredited them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Actor {
    /// The host's operator at the console (`accord init`, `accord demo`,
    /// `accord admin`): someone with access to the data directory.
    System,
    /// A delegate acting for their member.
    Delegate { delegate: DelegateId, member: MemberCode },
    /// A forum officer (secretariat, chair, vice-chair, co-facilitator).
    Officer { delegate: DelegateId, role: OfficerRole },
}

impl Actor {
    /// The delegate behind the action, if any.
    pub fn delegate(&self) -> Option<DelegateId> {
        match self {
            Actor::System => None,
            Actor::Delegate { delegate, .. } | Actor::Officer { delegate, .. } => Some(*delegate),
        }
    }
}

/// One entry of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub index: u64,
    /// Unix time in milliseconds.
    pub time: i64,
    pub actor: Actor,
    pub body: EntryBody,
    /// The member's own signature over the action, when the delegation
    /// signed it (see [`crate::signature`]).
    pub signature: Option<MemberSignature>,
}

/// A member's signature over an action: which of its registered keys, the
/// nonce it chose (never reused), and the Ed25519 signature (base64) over
/// [`crate::signature::signed_message`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberSignature {
    pub key: String,
    pub nonce: String,
    pub sig: String,
}

impl EntryBody {
    /// The blob this entry names, if any: its content must be attached
    /// before the entry is folded.
    pub fn blob_mut(&mut self) -> Option<&mut crate::blob::BlobRef> {
        match self {
            EntryBody::ProcessOpened(p) => Some(&mut p.draft),
            EntryBody::StatementDelivered(s) => s.file.as_mut(),
            _ => None,
        }
    }

    pub fn blob(&self) -> Option<&crate::blob::BlobRef> {
        match self {
            EntryBody::ProcessOpened(p) => Some(&p.draft),
            EntryBody::StatementDelivered(s) => s.file.as_ref(),
            _ => None,
        }
    }
}
