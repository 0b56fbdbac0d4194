//! Strict Ed25519 for the log's and the witnesses' keys and signatures.
//!
//! A key must decode to a point of large order, encoded canonically, and a
//! signature must pass ed25519-dalek's `verify_strict` (`s` below the group
//! order, `R` canonical and of large order). The lenient `verify`, which
//! the `signed_note` crate's `StandardVerifier` uses, takes a key of small
//! order, for which signatures on almost any message can be made without a
//! secret key; [`LogVerifier`] replaces it for the log's checkpoints.

use base64::prelude::{Engine, BASE64_STANDARD};
use ed25519_dalek::{Signature, VerifyingKey};
use signed_note::{StandardVerifier, Verifier, VerifierError};

/// Decodes a 32-byte Ed25519 public key and refuses a weak one; the error
/// says what is wrong.
pub fn strong_key(bytes: &[u8; 32]) -> Result<VerifyingKey, &'static str> {
    let key = VerifyingKey::from_bytes(bytes).map_err(|_| "the key is not an Ed25519 point")?;
    if key.is_weak() {
        return Err("the key is a point of small order, for which signatures can be forged");
    }
    // y (the low 255 bits) must be below p = 2^255 - 19; for a point of
    // large order x is not 0, so x's sign bit is never a second encoding.
    if bytes[0] >= 0xed && bytes[1..31].iter().all(|b| *b == 0xff) && bytes[31] & 0x7f == 0x7f {
        return Err("the key is a non-canonical encoding of its point");
    }
    Ok(key)
}

/// Verifies `sig` (64 bytes) over `message` strictly.
pub fn verify_strict(key: &VerifyingKey, message: &[u8], sig: &[u8]) -> bool {
    Signature::from_slice(sig).is_ok_and(|sig| key.verify_strict(message, &sig).is_ok())
}

/// Why a verifier key was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifierKeyError {
    /// Not `name+id+base64(0x01 ‖ key)`.
    Format,
    /// Another algorithm than Ed25519.
    Alg,
    /// The id is not that of the name and key.
    Id,
    /// An Ed25519 key that is weak (see [`strong_key`]).
    Weak(&'static str),
}

/// A signed-note verifier of an Ed25519 key (`name+id+base64(0x01 ‖ key)`,
/// Go's `sumdb/note` form) that refuses weak keys and verifies strictly.
#[derive(Clone)]
pub struct LogVerifier {
    name: String,
    id: u32,
    key: VerifyingKey,
}

impl LogVerifier {
    pub fn new(vkey: &str) -> Result<Self, VerifierKeyError> {
        // The signed_note crate checks the form, the name and the id.
        let standard = StandardVerifier::new(vkey).map_err(|e| match e {
            VerifierError::Format => VerifierKeyError::Format,
            VerifierError::Alg => VerifierKeyError::Alg,
            VerifierError::Id => VerifierKeyError::Id,
        })?;
        let b64 = vkey.splitn(3, '+').nth(2).ok_or(VerifierKeyError::Format)?;
        let raw = BASE64_STANDARD.decode(b64).map_err(|_| VerifierKeyError::Format)?;
        let bytes: [u8; 32] = raw.get(1..).and_then(|k| k.try_into().ok()).ok_or(VerifierKeyError::Format)?;
        let key = strong_key(&bytes).map_err(VerifierKeyError::Weak)?;
        Ok(Self { name: standard.name().to_owned(), id: standard.key_id(), key })
    }
}

impl Verifier for LogVerifier {
    fn name(&self) -> &str {
        &self.name
    }
    fn key_id(&self) -> u32 {
        self.id
    }
    fn verify(&self, msg: &[u8], sig: &[u8]) -> bool {
        verify_strict(&self.key, msg, sig)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkpoint::{checkpoint_body, open_checkpoint, CosignatureVerifier, Cosigner, LogSigner};
    use curve25519_dalek::scalar::{clamp_integer, Scalar};
    use ed25519_dalek::SigningKey;
    use sha2::{Digest, Sha512};
    use signed_note::{Note, VerifierList};

    /// The identity point, encoded.
    fn identity() -> [u8; 32] {
        let mut r = [0u8; 32];
        r[0] = 1;
        r
    }

    /// `R` = identity and `s` = k·a: what lenient verification takes from
    /// the holder of `seed` (and, with a key of small order and s = 0,
    /// from anyone).
    fn identity_r_signature(seed: &[u8; 32], message: &[u8]) -> Vec<u8> {
        let public = SigningKey::from_bytes(seed).verifying_key().to_bytes();
        let a = Scalar::from_bytes_mod_order(clamp_integer(Sha512::digest(seed)[..32].try_into().unwrap()));
        let k = Scalar::from_bytes_mod_order_wide(
            &Sha512::new().chain_update(identity()).chain_update(public).chain_update(message).finalize().into(),
        );
        [&identity()[..], &(k * a).to_bytes()].concat()
    }

    /// A verifier key `name+id+base64(0x01 ‖ key)` for any 32 bytes.
    fn verifier_key(name: &str, key: &[u8; 32]) -> String {
        let raw = [&[1u8][..], key].concat();
        format!("{name}+{:08x}+{}", signed_note::key_id(name, &raw), BASE64_STANDARD.encode(raw))
    }

    /// A note whose signature line is `sig` by the key `name`/`id`.
    fn note(body: &str, name: &str, id: u32, sig: &[u8]) -> String {
        format!("{body}\n— {name} {}\n", BASE64_STANDARD.encode([&id.to_be_bytes()[..], sig].concat()))
    }

    #[test]
    fn a_log_key_of_small_order_is_refused_and_its_forged_checkpoint_too() {
        let name = "accord.test/forum";
        let weak = verifier_key(name, &[0u8; 32]);
        let id = u32::from_str_radix(weak.split('+').nth(1).unwrap(), 16).unwrap();
        // The forgery: R = identity, s = 0, on the first tree size whose
        // checkpoint the lenient verifier of the signed_note crate takes.
        let forged = (1..200u64)
            .map(|size| {
                note(
                    &checkpoint_body(name, size, &crate::tree::leaf_hash(b"x")),
                    name,
                    id,
                    &[&identity()[..], &[0u8; 32]].concat(),
                )
            })
            .find(|n| {
                let lenient = StandardVerifier::new(&weak).unwrap();
                Note::from_bytes(n.as_bytes()).unwrap().verify(&VerifierList::new(vec![Box::new(lenient)])).is_ok()
            })
            .expect("about one checkpoint in four takes the forgery leniently");
        assert!(matches!(LogVerifier::new(&weak), Err(VerifierKeyError::Weak(_))));
        let refused = open_checkpoint(forged.as_bytes(), &weak).unwrap_err().to_string();
        assert!(refused.contains("small order"), "{refused}");
        assert!(crate::witness::Witness::new(
            Cosigner::from_key(&Cosigner::generate("witness.test/w").unwrap()).unwrap(),
            &[weak]
        )
        .is_err());
    }

    #[test]
    fn a_log_signature_only_lenient_verification_takes_is_refused() {
        let name = "accord.test/forum";
        let seed = [5u8; 32];
        let key = verifier_key(name, SigningKey::from_bytes(&seed).verifying_key().as_bytes());
        let id = u32::from_str_radix(key.split('+').nth(1).unwrap(), 16).unwrap();
        let body = checkpoint_body(name, 3, &crate::tree::leaf_hash(b"x"));
        let odd = note(&body, name, id, &identity_r_signature(&seed, body.as_bytes()));
        let lenient = StandardVerifier::new(&key).unwrap();
        assert!(Note::from_bytes(odd.as_bytes()).unwrap().verify(&VerifierList::new(vec![Box::new(lenient)])).is_ok());
        assert!(open_checkpoint(odd.as_bytes(), &key).is_err());
        // The log's own signatures verify.
        let skey = format!("PRIVATE+KEY+{name}+{id:08x}+{}", BASE64_STANDARD.encode([&[1u8][..], &seed].concat()));
        let signer = LogSigner::from_key(&skey).unwrap();
        assert_eq!(signer.verifier_key(), key);
        assert!(open_checkpoint(signer.sign(3, &crate::tree::leaf_hash(b"x")).as_bytes(), &key).is_ok());
    }

    #[test]
    fn witness_keys_and_cosignatures_are_checked_strictly() {
        let name = "witness.test/w";
        // A witness key of small order is refused.
        let weak = [&[0x04u8][..], &[0u8; 32]].concat();
        let id = crate::checkpoint::cosigner_key_id(name, &VerifyingKey::from_bytes(&[0u8; 32]).unwrap());
        let refused = CosignatureVerifier::new(&format!("{name}+{id:08x}+{}", BASE64_STANDARD.encode(weak)));
        assert!(refused.err().unwrap().to_string().contains("small order"));

        // A strong witness's cosignature with R = identity is refused; its
        // real one is taken.
        let seed = [6u8; 32];
        let skey = format!("PRIVATE+KEY+{name}+00000000+{}", BASE64_STANDARD.encode([&[0x04u8][..], &seed].concat()));
        let mut witness = Cosigner::from_key(&skey).unwrap();
        let verifier = CosignatureVerifier::new(&witness.verifier_key()).unwrap();
        let log = LogSigner::from_key(&LogSigner::generate("accord.test/forum").unwrap()).unwrap();
        let signed = log.sign(3, &crate::tree::leaf_hash(b"x"));
        let body = open_checkpoint(signed.as_bytes(), log.verifier_key()).unwrap().body;
        let timestamp = 1_764_100_000u64;
        let mut message = format!("cosignature/v1\ntime {timestamp}\n").into_bytes();
        message.extend_from_slice(body.as_bytes());
        let odd_sig = identity_r_signature(&seed, &message);
        let public = SigningKey::from_bytes(&seed).verifying_key();
        let lenient = ed25519_dalek::Verifier::verify(&public, &message, &Signature::from_slice(&odd_sig).unwrap());
        assert!(lenient.is_ok(), "lenient verification takes it");
        let odd = [&timestamp.to_be_bytes()[..], &odd_sig].concat();
        let key_id = signed_note::Signer::key_id(&witness);
        let line = format!("— {name} {}\n", BASE64_STANDARD.encode([&key_id.to_be_bytes()[..], &odd].concat()));
        assert_eq!(verifier.cosigned_at(format!("{signed}{line}").as_bytes()), None);
        witness.timestamp = timestamp;
        let real = witness.cosign(&body);
        assert_eq!(verifier.cosigned_at(format!("{signed}{real}").as_bytes()), Some(timestamp));
    }
}
