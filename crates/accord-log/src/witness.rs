//! The witness side of C2SP tlog-witness: checking an `add-checkpoint`
//! request and cosigning it. The caller keeps, per log origin, the size and
//! root of the latest checkpoint it cosigned, and must check-and-update it
//! atomically (see [`Witness::add_checkpoint`]).

use std::collections::BTreeMap;

use base64::prelude::{Engine, BASE64_STANDARD};
use signed_note::{Note, VerifierList};

use crate::checkpoint::Cosigner;
use crate::ed25519::LogVerifier;
use crate::tree::{verify_consistency, ProofError};
use crate::Hash;

/// A refusal, with the HTTP status tlog-witness prescribes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WitnessError {
    pub status: u16,
    pub message: String,
    /// For 409 on a size mismatch: the size the witness holds.
    pub current_size: Option<u64>,
}

impl WitnessError {
    fn new(status: u16, message: impl Into<String>) -> Self {
        Self { status, message: message.into(), current_size: None }
    }
}

/// What a witness remembers of one log.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seen {
    pub size: u64,
    pub root: Hash,
}

/// A witness: its key, and the logs it follows.
pub struct Witness {
    cosigner: Cosigner,
    /// Origin → the log's verifier key.
    logs: BTreeMap<String, String>,
}

/// A parsed request body.
struct Request {
    old: u64,
    proof: Vec<Vec<u8>>,
    note: Vec<u8>,
}

fn parse(body: &[u8]) -> Result<Request, WitnessError> {
    let bad = |m: &str| WitnessError::new(400, m);
    let text = std::str::from_utf8(body).map_err(|_| bad("the request is not UTF-8"))?;
    let (head, note) = text
        .split_once("\n\n")
        .ok_or_else(|| bad("expected an old size line, proof lines, an empty line, then the checkpoint"))?;
    let mut lines = head.split('\n');
    let old_line = lines.next().unwrap_or_default();
    let old_text = old_line.strip_prefix("old ").ok_or_else(|| bad("the first line must be `old <size>`"))?;
    let old: u64 = old_text.parse().map_err(|_| bad("the old size is not a number"))?;
    if old.to_string() != old_text {
        return Err(bad("the old size has leading zeroes"));
    }
    let proof = lines
        .map(|l| BASE64_STANDARD.decode(l).map_err(|_| bad("a proof line is not base64")))
        .collect::<Result<Vec<_>, _>>()?;
    if proof.len() > 63 {
        return Err(bad("more than 63 proof lines"));
    }
    Ok(Request { old, proof, note: note.as_bytes().to_vec() })
}

impl Witness {
    /// A witness with its cosigning key and the logs it follows
    /// (verifier keys; each key's name is the log's origin).
    pub fn new(cosigner: Cosigner, log_keys: &[String]) -> Result<Self, String> {
        let mut logs = BTreeMap::new();
        for k in log_keys {
            let v = LogVerifier::new(k).map_err(|e| format!("log key {k}: {e:?}"))?;
            logs.insert(signed_note::Verifier::name(&v).to_owned(), k.clone());
        }
        Ok(Self { cosigner, logs })
    }

    pub fn verifier_key(&self) -> String {
        self.cosigner.verifier_key()
    }

    /// Handles an `add-checkpoint` body. `seen` looks up what the witness
    /// holds for an origin; on success, answers the origin, what to store
    /// for it, and the cosignature lines to answer. The caller holds its
    /// lock from the lookup to the store.
    pub fn add_checkpoint(
        &mut self,
        body: &[u8],
        now: u64,
        seen: impl FnOnce(&str) -> Option<Seen>,
    ) -> Result<(String, Seen, String), WitnessError> {
        let req = parse(body)?;
        let note = Note::from_bytes(&req.note)
            .map_err(|e| WitnessError::new(400, format!("the checkpoint is malformed: {e}")))?;
        let body_text = String::from_utf8(note.text().to_vec()).map_err(|_| WitnessError::new(400, "not UTF-8"))?;
        let checkpoint = tlog_tiles::Checkpoint::from_bytes(body_text.as_bytes())
            .map_err(|e| WitnessError::new(400, format!("the checkpoint is malformed: {e}")))?;
        let origin = checkpoint.origin().to_owned();
        let key = self
            .logs
            .get(&origin)
            .ok_or_else(|| WitnessError::new(404, format!("this witness does not follow the log {origin:?}")))?;
        // Checked when the witness was made.
        let verifier = LogVerifier::new(key).map_err(|e| WitnessError::new(500, format!("{e:?}")))?;
        note.verify(&VerifierList::new(vec![Box::new(verifier)])).map_err(|_| {
            WitnessError::new(403, format!("no signature of the log {origin} verifies on this checkpoint"))
        })?;
        let size = checkpoint.size();
        let root = *checkpoint.hash();
        if req.old > size {
            return Err(WitnessError::new(
                400,
                format!("the old size {} is larger than the checkpoint's {size}", req.old),
            ));
        }
        let held = seen(&origin);
        let held_size = held.map_or(0, |s| s.size);
        if req.old != held_size {
            return Err(WitnessError {
                status: 409,
                message: format!("this witness last cosigned size {held_size} of {origin}, not {}", req.old),
                current_size: Some(held_size),
            });
        }
        match held {
            None => {
                if !req.proof.is_empty() {
                    return Err(WitnessError::new(422, "the proof must be empty when the old size is zero"));
                }
            }
            Some(prev) if prev.size == size => {
                if prev.root != root {
                    return Err(WitnessError {
                        status: 409,
                        message: format!(
                            "a different checkpoint of size {size} of {origin} was cosigned before: the log forked"
                        ),
                        current_size: Some(prev.size),
                    });
                }
            }
            Some(prev) => {
                verify_consistency(prev.size, size, &prev.root.0, &root.0, &req.proof).map_err(|e: ProofError| {
                    WitnessError::new(
                        422,
                        format!(
                            "the checkpoint of size {size} is not consistent with the size {} cosigned before: {e}",
                            prev.size
                        ),
                    )
                })?;
            }
        }
        self.cosigner.timestamp = now;
        let line = self.cosigner.cosign(&body_text);
        Ok((origin, Seen { size, root }, line))
    }
}

/// The request body a log sends to a witness.
pub fn add_checkpoint_body(old: u64, proof: &[Hash], note: &str) -> String {
    let mut body = format!("old {old}\n");
    for h in proof {
        body.push_str(&BASE64_STANDARD.encode(h.0));
        body.push('\n');
    }
    body.push('\n');
    body.push_str(note);
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkpoint::{CosignatureVerifier, LogSigner};
    use crate::MerkleTree;

    #[test]
    fn the_witness_protocol() {
        let log = LogSigner::from_key(&LogSigner::generate("accord.test/f").unwrap()).unwrap();
        let cosigner = Cosigner::from_key(&Cosigner::generate("witness.test/w").unwrap()).unwrap();
        let mut w = Witness::new(cosigner, &[log.verifier_key().to_owned()]).unwrap();
        let vkey = CosignatureVerifier::new(&w.verifier_key()).unwrap();
        let mut tree = MerkleTree::new();
        for i in 0..10 {
            tree.append(format!("{i}").as_bytes());
        }
        let cp10 = log.sign(10, &tree.root());
        let mut held: Option<Seen> = None;

        // First sight: old 0, empty proof.
        let (origin, seen, line) =
            w.add_checkpoint(add_checkpoint_body(0, &[], &cp10).as_bytes(), 1000, |_| held).unwrap();
        assert_eq!(origin, "accord.test/f");
        held = Some(seen);
        assert_eq!(vkey.cosigned_at(format!("{cp10}{line}").as_bytes()), Some(1000));

        // Stale: the log claims old 0 again.
        let e = w.add_checkpoint(add_checkpoint_body(0, &[], &cp10).as_bytes(), 1001, |_| held).unwrap_err();
        assert_eq!((e.status, e.current_size), (409, Some(10)));

        // Growth with a good proof.
        for i in 10..20 {
            tree.append(format!("{i}").as_bytes());
        }
        let cp20 = log.sign(20, &tree.root());
        let proof = tree.consistency_proof(10, 20).unwrap();
        let (_, seen, _) = w.add_checkpoint(add_checkpoint_body(10, &proof, &cp20).as_bytes(), 1002, |_| held).unwrap();
        held = Some(seen);

        // A fork: another tree of size 30 not grown from 20.
        let mut fork = MerkleTree::new();
        for i in 0..30 {
            fork.append(format!("fork {i}").as_bytes());
        }
        let forked = log.sign(30, &fork.root());
        let bad_proof = fork.consistency_proof(20, 30).unwrap();
        let e = w.add_checkpoint(add_checkpoint_body(20, &bad_proof, &forked).as_bytes(), 1003, |_| held).unwrap_err();
        assert_eq!(e.status, 422);
        // Same size, different root.
        let mut other = MerkleTree::new();
        for i in 0..20 {
            other.append(format!("other {i}").as_bytes());
        }
        let e = w
            .add_checkpoint(add_checkpoint_body(20, &[], &log.sign(20, &other.root())).as_bytes(), 1004, |_| held)
            .unwrap_err();
        assert_eq!(e.status, 409);
        // A bad signature.
        let stranger = LogSigner::from_key(&LogSigner::generate("accord.test/f").unwrap()).unwrap();
        let e = w
            .add_checkpoint(add_checkpoint_body(20, &[], &stranger.sign(20, &tree.root())).as_bytes(), 1005, |_| held)
            .unwrap_err();
        assert_eq!(e.status, 403);
        // An unknown log.
        let unknown = LogSigner::from_key(&LogSigner::generate("elsewhere.test/x").unwrap()).unwrap();
        let e = w
            .add_checkpoint(add_checkpoint_body(0, &[], &unknown.sign(1, &tree.root())).as_bytes(), 1006, |_| None)
            .unwrap_err();
        assert_eq!(e.status, 404);
        // Malformed.
        assert_eq!(w.add_checkpoint(b"hello", 1, |_| held).unwrap_err().status, 400);
        assert_eq!(
            w.add_checkpoint(add_checkpoint_body(30, &[], &cp20).as_bytes(), 1, |_| held).unwrap_err().status,
            400
        );
    }
}
