//! Content too large for an entry: stored once, named by its SHA-256.
//!
//! In the record a [`BlobRef`] is the lower-case hex SHA-256 of the content
//! and nothing else, so the entry stays small (C2SP tiles allow 64 KiB).
//! In memory it may also carry the content: whoever reads an entry from the
//! record (the store, `accord verify`) attaches the content before folding
//! the entry, and [`crate::State::apply`] refuses an entry whose content is
//! missing or does not hash to the name.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::Digest;

use crate::error::Refusal;

#[derive(Clone)]
pub struct BlobRef {
    pub sha256: [u8; 32],
    content: Option<Arc<Vec<u8>>>,
}

impl BlobRef {
    /// A reference to `content`, carrying it.
    pub fn of(content: Vec<u8>) -> Self {
        Self { sha256: sha2::Sha256::digest(&content).into(), content: Some(Arc::new(content)) }
    }

    pub fn hex(&self) -> String {
        hex::encode(self.sha256)
    }

    pub fn content(&self) -> Option<&[u8]> {
        self.content.as_deref().map(Vec::as_slice)
    }

    /// Attaches the content read from a blob store, if it is the content
    /// this reference names.
    pub fn attach(&mut self, content: Vec<u8>) -> Result<(), Refusal> {
        let got: [u8; 32] = sha2::Sha256::digest(&content).into();
        if got != self.sha256 {
            return Err(Refusal::invalid(
                "blob_mismatch",
                format!("the blob given for {} has SHA-256 {}", self.hex(), hex::encode(got)),
            ));
        }
        self.content = Some(Arc::new(content));
        Ok(())
    }

    /// The content, or a refusal that says it is missing.
    pub fn require(&self) -> Result<&[u8], Refusal> {
        self.content().ok_or_else(|| {
            Refusal::unprocessable("blob_missing", format!("the content of blob {} is not available", self.hex()))
        })
    }
}

impl std::fmt::Debug for BlobRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BlobRef({}{})", self.hex(), if self.content.is_some() { ", attached" } else { "" })
    }
}

/// Two references are equal when they name the same content.
impl PartialEq for BlobRef {
    fn eq(&self, other: &Self) -> bool {
        self.sha256 == other.sha256
    }
}
impl Eq for BlobRef {}

impl Serialize for BlobRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.hex())
    }
}

impl<'de> Deserialize<'de> for BlobRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let bytes = hex::decode(&s).ok().filter(|b| b.len() == 32 && s.bytes().all(|c| !c.is_ascii_uppercase()));
        let Some(bytes) = bytes else {
            return Err(serde::de::Error::custom(format!("{s:?} is not a lower-case hex SHA-256")));
        };
        Ok(Self { sha256: bytes.try_into().expect("32 bytes"), content: None })
    }
}
