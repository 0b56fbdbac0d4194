//! Receipts, checked offline.
//!
//! A receipt (`accord-receipt/v1`, JSON) holds an entry's canonical bytes,
//! its index, the audit path from its leaf to the root of a signed
//! checkpoint, and that checkpoint. With the forum's verifier key — taken
//! from the forum, never from the receipt — anyone can check that the log
//! committed to this entry at this index; a log that later denies it, or
//! shows something else there, is caught by the consistency of its
//! checkpoints.

use base64::prelude::{Engine, BASE64_STANDARD};
use serde_json::Value;

use crate::checkpoint::{open_checkpoint, VerifiedCheckpoint};
use crate::tree::{leaf_hash, verify_inclusion};

/// A receipt whose every check passed.
#[derive(Debug, Clone)]
pub struct VerifiedReceipt {
    pub index: u64,
    /// The entry's canonical bytes.
    pub entry: Vec<u8>,
    pub checkpoint: VerifiedCheckpoint,
}

/// Checks a receipt file against the log's verifier key. The message of
/// the error says which check failed.
pub fn verify_receipt(json: &[u8], log_verifier_key: &str) -> Result<VerifiedReceipt, String> {
    let r: Value = serde_json::from_slice(json).map_err(|e| format!("the receipt is not JSON: {e}"))?;
    if r["format"] != "accord-receipt/v1" {
        return Err("this is not an accord-receipt/v1 file".into());
    }
    let field = |name: &str| r.get(name).ok_or_else(|| format!("the receipt has no {name}"));
    let index = field("index")?.as_u64().ok_or("index is not a number")?;
    let entry = field("entry")?.as_str().ok_or("entry is not a string")?.as_bytes().to_vec();
    let note = field("checkpoint")?.as_str().ok_or("checkpoint is not a string")?;
    let checkpoint = open_checkpoint(note.as_bytes(), log_verifier_key)
        .map_err(|e| format!("the checkpoint does not verify with this key: {e}"))?;
    if let Some(size) = r.get("tree_size").and_then(Value::as_u64) {
        if size != checkpoint.size {
            return Err(format!("tree_size says {size} but the signed checkpoint says {}", checkpoint.size));
        }
    }
    // The entry names its own index: the two must agree.
    if let Some(own) = serde_json::from_slice::<Value>(&entry).ok().and_then(|e| e.get("index").and_then(Value::as_u64))
    {
        if own != index {
            return Err(format!("the receipt says index {index} but its entry is entry {own}"));
        }
    }
    let leaf = leaf_hash(&entry);
    if let Some(claimed) = r.get("leaf_hash").and_then(Value::as_str) {
        if BASE64_STANDARD.encode(leaf.0) != claimed {
            return Err("leaf_hash is not the hash of the entry".into());
        }
    }
    let proof = field("proof")?
        .as_array()
        .ok_or("proof is not a list")?
        .iter()
        .map(|p| p.as_str().and_then(|s| BASE64_STANDARD.decode(s).ok()).ok_or("a proof hash is not base64"))
        .collect::<Result<Vec<_>, _>>()?;
    verify_inclusion(index, checkpoint.size, &leaf.0, &checkpoint.root.0, &proof).map_err(|_| {
        format!(
            "the inclusion proof fails: it does not lead from this entry, at index {index}, to the root of the \
                 signed checkpoint of {} entries",
            checkpoint.size
        )
    })?;
    Ok(VerifiedReceipt { index, entry, checkpoint })
}
