//! Checkpoints (C2SP tlog-checkpoint) signed as notes (C2SP signed-note)
//! with Ed25519, and witness cosignatures (C2SP tlog-cosignature,
//! `cosignature/v1`).
//!
//! A checkpoint body is three lines: the log's origin (its name), the tree
//! size in decimal, and the root hash in base64. The log signs it with its
//! key; witnesses add cosignature lines to the same note.
//!
//! Keys are kept in the text forms of Go's `sumdb/note`, which the
//! `signed_note` crate reads and writes: a signer key
//! `PRIVATE+KEY+<name>+<id>+<base64>` (kept secret, outside the record), a
//! verifier key `<name>+<id>+<base64(type ‖ public key)>` (published).

use base64::prelude::{Engine, BASE64_STANDARD};
use ed25519_dalek::{Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use signed_note::{Note, Signer, StandardSigner, Verifier, VerifierList};

use crate::ed25519::{LogVerifier, VerifierKeyError};
use tlog_tiles::Hash;

/// Why a checkpoint or key was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error("the key is malformed: {0}")]
    BadKey(String),
    #[error("the checkpoint is malformed: {0}")]
    Malformed(String),
    #[error("the checkpoint is not signed by the expected key ({0})")]
    BadSignature(String),
    #[error("the checkpoint is for the log {found:?}, not {expected:?}")]
    WrongOrigin { expected: String, found: String },
}

/// The log's signing key.
pub struct LogSigner {
    signer: StandardSigner,
    verifier_key: String,
    origin: String,
}

impl LogSigner {
    /// Makes a new key for a log named `origin` (e.g. `accord.example/forum`).
    /// Answers the signer key text, to be stored secretly.
    pub fn generate(origin: &str) -> Result<String, CheckpointError> {
        if !signed_note::is_key_name_valid(origin) {
            return Err(CheckpointError::BadKey(format!("{origin:?} is not a valid log name (no spaces or '+')")));
        }
        let (skey, _) = signed_note::generate_key(&mut rand_core::OsRng, origin);
        Ok(skey)
    }

    /// Reads a signer key text.
    pub fn from_key(skey: &str) -> Result<Self, CheckpointError> {
        let skey = skey.trim();
        let signer = StandardSigner::new(skey).map_err(|e| CheckpointError::BadKey(e.to_string()))?;
        // The public key is derived from the private one: PRIVATE+KEY+name+id+base64(0x01 ‖ seed).
        // The base64 part may itself contain '+': split from the left.
        let b64 = skey.splitn(5, '+').nth(4).unwrap_or_default();
        let raw = BASE64_STANDARD.decode(b64).map_err(|e| CheckpointError::BadKey(e.to_string()))?;
        let seed: [u8; 32] = raw
            .get(1..33)
            .and_then(|s| s.try_into().ok())
            .ok_or_else(|| CheckpointError::BadKey("not an Ed25519 key".into()))?;
        let verifying = SigningKey::from_bytes(&seed).verifying_key();
        let origin = signer.name().to_owned();
        let verifier_key = signed_note::new_ed25519_verifier_key(&origin, &verifying);
        Ok(Self { signer, verifier_key, origin })
    }

    /// The verifier key to publish: `<origin>+<id>+<base64>`.
    pub fn verifier_key(&self) -> &str {
        &self.verifier_key
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Signs the checkpoint of a tree: answers the whole signed note.
    pub fn sign(&self, size: u64, root: &Hash) -> String {
        let body = checkpoint_body(&self.origin, size, root);
        let mut note = Note::new(body.as_bytes(), &[]).expect("a checkpoint body is a valid note text");
        note.add_sigs(&[&self.signer]).expect("the log's name is valid");
        String::from_utf8(note.to_bytes()).expect("notes are UTF-8")
    }
}

/// The checkpoint body: origin, size, base64 root, each on its own line.
pub fn checkpoint_body(origin: &str, size: u64, root: &Hash) -> String {
    format!("{origin}\n{size}\n{}\n", BASE64_STANDARD.encode(root.0))
}

/// A checkpoint whose log signature was checked.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedCheckpoint {
    pub origin: String,
    pub size: u64,
    pub root: Hash,
    /// The note's text (the body that was signed).
    pub body: String,
    /// The whole note, with every signature line.
    pub note: String,
}

/// Parses a signed checkpoint and checks the log's signature with its
/// verifier key, strictly ([`LogVerifier`]). Signature lines of other keys
/// (cosignatures) are kept.
pub fn open_checkpoint(note: &[u8], log_verifier_key: &str) -> Result<VerifiedCheckpoint, CheckpointError> {
    let verifier = LogVerifier::new(log_verifier_key).map_err(|e| {
        CheckpointError::BadKey(match e {
            VerifierKeyError::Id => format!(
                "{log_verifier_key:?}: its key id does not match its name and key (a key altered, or given another \
                 name); copy the verifier key exactly as the forum's home page or `accord log key` shows it"
            ),
            VerifierKeyError::Format | VerifierKeyError::Alg => format!(
                "{log_verifier_key:?} is not a verifier key: expected name+keyid+base64, as the forum's home page \
                 or `accord log key` shows it"
            ),
            VerifierKeyError::Weak(why) => format!("{log_verifier_key:?}: {why}"),
        })
    })?;
    let expected_origin = verifier.name().to_owned();
    let parsed = Note::from_bytes(note).map_err(|e| CheckpointError::Malformed(e.to_string()))?;
    parsed
        .verify(&VerifierList::new(vec![Box::new(verifier)]))
        .map_err(|e| CheckpointError::BadSignature(e.to_string()))?;
    let body = String::from_utf8(parsed.text().to_vec()).map_err(|_| CheckpointError::Malformed("not UTF-8".into()))?;
    let checkpoint =
        tlog_tiles::Checkpoint::from_bytes(body.as_bytes()).map_err(|e| CheckpointError::Malformed(e.to_string()))?;
    if checkpoint.origin() != expected_origin {
        return Err(CheckpointError::WrongOrigin { expected: expected_origin, found: checkpoint.origin().to_owned() });
    }
    Ok(VerifiedCheckpoint {
        origin: checkpoint.origin().to_owned(),
        size: checkpoint.size(),
        root: *checkpoint.hash(),
        body,
        note: String::from_utf8_lossy(note).into_owned(),
    })
}

/// The signature type byte of `cosignature/v1` keys.
const COSIGNATURE_V1: u8 = 0x04;

/// The key ID of an Ed25519 cosigner:
/// `SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[:4]`.
pub fn cosigner_key_id(name: &str, key: &VerifyingKey) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update([COSIGNATURE_V1]);
    h.update(key.as_bytes());
    let d = h.finalize();
    u32::from_be_bytes([d[0], d[1], d[2], d[3]])
}

fn cosigned_message(timestamp: u64, body: &[u8]) -> Vec<u8> {
    let mut m = format!("cosignature/v1\ntime {timestamp}\n").into_bytes();
    m.extend_from_slice(body);
    m
}

/// A witness's key, which makes `cosignature/v1` signatures.
pub struct Cosigner {
    name: String,
    key: SigningKey,
    /// The time to put in the next signature (POSIX seconds); set by the
    /// caller, since this crate reads no clock.
    pub timestamp: u64,
}

impl Cosigner {
    /// A new random key; answers the secret in the `PRIVATE+KEY+...` form
    /// with type 0x04.
    pub fn generate(name: &str) -> Result<String, CheckpointError> {
        if !signed_note::is_key_name_valid(name) {
            return Err(CheckpointError::BadKey(format!("{name:?} is not a valid witness name")));
        }
        let key = SigningKey::generate(&mut rand_core::OsRng);
        let id = cosigner_key_id(name, &key.verifying_key());
        let mut raw = vec![COSIGNATURE_V1];
        raw.extend_from_slice(&key.to_bytes());
        Ok(format!("PRIVATE+KEY+{name}+{id:08x}+{}", BASE64_STANDARD.encode(raw)))
    }

    pub fn from_key(skey: &str) -> Result<Self, CheckpointError> {
        let parts: Vec<&str> = skey.trim().splitn(5, '+').collect();
        let [p, k, name, _, b64] = parts[..] else {
            return Err(CheckpointError::BadKey("expected PRIVATE+KEY+name+id+base64".into()));
        };
        if p != "PRIVATE" || k != "KEY" {
            return Err(CheckpointError::BadKey("expected PRIVATE+KEY+name+id+base64".into()));
        }
        let raw = BASE64_STANDARD.decode(b64).map_err(|e| CheckpointError::BadKey(e.to_string()))?;
        if raw.len() != 33 || raw[0] != COSIGNATURE_V1 {
            return Err(CheckpointError::BadKey("not an Ed25519 cosignature/v1 key".into()));
        }
        let seed: [u8; 32] = raw[1..].try_into().expect("32 bytes");
        Ok(Self { name: name.to_owned(), key: SigningKey::from_bytes(&seed), timestamp: 0 })
    }

    /// The verifier key: `<name>+<id>+base64(0x04 ‖ public key)`.
    pub fn verifier_key(&self) -> String {
        let vk = self.key.verifying_key();
        let mut raw = vec![COSIGNATURE_V1];
        raw.extend_from_slice(vk.as_bytes());
        format!("{}+{:08x}+{}", self.name, cosigner_key_id(&self.name, &vk), BASE64_STANDARD.encode(raw))
    }

    /// The signature line this witness adds to a checkpoint with `body`.
    pub fn cosign(&self, body: &str) -> String {
        let sig = self.sign(body.as_bytes()).expect("Ed25519 signing does not fail");
        format!("— {} {}\n", self.name, BASE64_STANDARD.encode([&self.key_id().to_be_bytes()[..], &sig].concat()))
    }
}

impl Signer for Cosigner {
    fn name(&self) -> &str {
        &self.name
    }
    fn key_id(&self) -> u32 {
        cosigner_key_id(&self.name, &self.key.verifying_key())
    }
    fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, ed25519_dalek::SignatureError> {
        let signature = self.key.sign(&cosigned_message(self.timestamp, msg));
        Ok([&self.timestamp.to_be_bytes()[..], &signature.to_bytes()].concat())
    }
}

/// Checks `cosignature/v1` signatures of one witness, strictly (a weak
/// witness key is refused, see [`crate::ed25519`]).
pub struct CosignatureVerifier {
    name: String,
    key: VerifyingKey,
    id: u32,
}

impl CosignatureVerifier {
    /// Reads a witness verifier key `<name>+<id>+base64(0x04 ‖ key)`.
    pub fn new(vkey: &str) -> Result<Self, CheckpointError> {
        let parts: Vec<&str> = vkey.trim().splitn(3, '+').collect();
        let [name, id_hex, b64] = parts[..] else {
            return Err(CheckpointError::BadKey("expected name+id+base64".into()));
        };
        let raw = BASE64_STANDARD.decode(b64).map_err(|e| CheckpointError::BadKey(e.to_string()))?;
        if raw.len() != 33 || raw[0] != COSIGNATURE_V1 {
            return Err(CheckpointError::BadKey(format!("{name} is not an Ed25519 cosignature/v1 key")));
        }
        let key = crate::ed25519::strong_key(raw[1..].try_into().expect("32 bytes"))
            .map_err(|why| CheckpointError::BadKey(format!("{name}: {why}")))?;
        let id = cosigner_key_id(name, &key);
        if u32::from_str_radix(id_hex, 16).ok() != Some(id) {
            return Err(CheckpointError::BadKey(format!("the key id of {name} does not match its key")));
        }
        Ok(Self { name: name.to_owned(), key, id })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The time of this witness's valid cosignature on the note, if it has one.
    pub fn cosigned_at(&self, note: &[u8]) -> Option<u64> {
        let parsed = Note::from_bytes(note).ok()?;
        let text = parsed.text().to_vec();
        let list = VerifierList::new(vec![Box::new(self.clone_box())]);
        let (verified, _) = parsed.verify(&list).ok()?;
        let sig = verified.first()?.signature();
        let _ = text;
        Some(u64::from_be_bytes(sig.get(..8)?.try_into().ok()?))
    }

    fn clone_box(&self) -> CosignatureVerifier {
        CosignatureVerifier { name: self.name.clone(), key: self.key, id: self.id }
    }
}

impl Verifier for CosignatureVerifier {
    fn name(&self) -> &str {
        &self.name
    }
    fn key_id(&self) -> u32 {
        self.id
    }
    fn verify(&self, msg: &[u8], sig: &[u8]) -> bool {
        if sig.len() != 72 {
            return false;
        }
        let timestamp = u64::from_be_bytes(sig[..8].try_into().expect("8 bytes"));
        crate::ed25519::verify_strict(&self.key, &cosigned_message(timestamp, msg), &sig[8..])
    }
}

/// Adds signature lines (e.g. cosignatures) to a signed note.
pub fn add_signature_lines(note: &str, lines: &[String]) -> String {
    let mut out = note.to_owned();
    for l in lines {
        if !out.contains(l.as_str()) {
            out.push_str(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back() {
        // Base64 may contain '+', the separator of the key's fields.
        for _ in 0..64 {
            let log = LogSigner::from_key(&LogSigner::generate("accord.test/forum").unwrap()).unwrap();
            let note = log.sign(1, &crate::tree::leaf_hash(b"x"));
            assert!(open_checkpoint(note.as_bytes(), log.verifier_key()).is_ok());
            let w = Cosigner::from_key(&Cosigner::generate("witness.test/w").unwrap()).unwrap();
            assert!(CosignatureVerifier::new(&w.verifier_key()).is_ok());
        }
    }

    #[test]
    fn sign_open_and_cosign() {
        let skey = LogSigner::generate("accord.test/forum").unwrap();
        let log = LogSigner::from_key(&skey).unwrap();
        assert!(log.verifier_key().starts_with("accord.test/forum+"));
        let root = crate::tree::leaf_hash(b"x");
        let note = log.sign(7, &root);
        // Keys that are not keys, or renamed, are refused in words.
        let bad = open_checkpoint(note.as_bytes(), "garbage").err().unwrap().to_string();
        assert!(bad.contains("is not a verifier key"), "{bad}");
        let renamed = log.verifier_key().replacen("accord.test/forum", "other.test/log", 1);
        let bad = open_checkpoint(note.as_bytes(), &renamed).err().unwrap().to_string();
        assert!(bad.contains("key id does not match"), "{bad}");
        assert!(note.starts_with("accord.test/forum\n7\n"));
        let opened = open_checkpoint(note.as_bytes(), log.verifier_key()).unwrap();
        assert_eq!((opened.size, opened.root), (7, root));

        // Another key's verifier refuses it.
        let other = LogSigner::from_key(&LogSigner::generate("accord.test/forum").unwrap()).unwrap();
        assert!(open_checkpoint(note.as_bytes(), other.verifier_key()).is_err());
        // A changed size breaks the signature.
        let forged = note.replacen("\n7\n", "\n8\n", 1);
        assert!(open_checkpoint(forged.as_bytes(), log.verifier_key()).is_err());

        let mut witness = Cosigner::from_key(&Cosigner::generate("witness.test/w1").unwrap()).unwrap();
        witness.timestamp = 1_764_100_000;
        let line = witness.cosign(&opened.body);
        let cosigned = add_signature_lines(&note, &[line]);
        let v = CosignatureVerifier::new(&witness.verifier_key()).unwrap();
        assert_eq!(v.cosigned_at(cosigned.as_bytes()), Some(1_764_100_000));
        assert_eq!(v.cosigned_at(note.as_bytes()), None);
        // The log's signature still verifies with the cosignature present.
        assert!(open_checkpoint(cosigned.as_bytes(), log.verifier_key()).is_ok());
    }
}
