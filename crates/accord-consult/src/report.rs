//! The result of an analysis as JSON, the shape `accord consult analyse
//! --format json` prints and Accord's API serves, and its digest.
//!
//! One object with its keys in this order: `participants` (each
//! participant's id, in the given order, with its opinion group or null
//! when not counted), `groups` (id, size, representative statements),
//! `consensus` and `bridging` (statement and score, highest first).
//! Participants and statements are named by the caller (the ids of a Polis
//! export; pseudonyms and statement numbers in Accord).
//!
//! Scores and shares are rounded to six decimal places: the digest of a
//! result must not depend on the last bit of a platform's `exp` or `ln`.
//! The digest is the SHA-256 of the compact JSON ([`Report::digest`]).

use serde::Serialize;
use sha2::Digest;

use crate::Analysis;

/// The result as JSON. `S` names participants and statements.
#[derive(Debug, Clone, Serialize)]
pub struct Report<S: Serialize> {
    pub participants: Participants<S>,
    pub groups: Vec<GroupReport<S>>,
    pub consensus: Vec<ScoreReport<S>>,
    pub bridging: Vec<ScoreReport<S>>,
}

/// Participant id → group, serialised as one object in the given order.
#[derive(Debug, Clone)]
pub struct Participants<S>(pub Vec<(S, Option<usize>)>);

impl<S: Serialize> Serialize for Participants<S> {
    fn serialize<Z: serde::Serializer>(&self, s: Z) -> Result<Z::Ok, Z::Error> {
        s.collect_map(self.0.iter().map(|(id, g)| (id, *g)))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupReport<S: Serialize> {
    pub id: usize,
    pub size: usize,
    pub representative: Vec<RepresentativeReport<S>>,
}

/// A representative statement: `direction` is `agree` or `disagree`, and
/// the key of that name holds the share of the group who voted so (the
/// other key is absent), so that a reader may look for either form.
#[derive(Debug, Clone, Serialize)]
pub struct RepresentativeReport<S: Serialize> {
    pub statement: S,
    pub direction: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agree: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disagree: Option<f64>,
    pub score: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScoreReport<S: Serialize> {
    pub statement: S,
    pub score: f64,
}

/// Rounds to six decimal places (see the module doc).
pub fn round6(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1e6).round() / 1e6
    } else {
        0.0
    }
}

impl<S: Serialize + Clone> Report<S> {
    /// The report of `analysis`, naming participant `i` `participants[i]`
    /// and statement `j` `statements[j]`.
    pub fn new(analysis: &Analysis, participants: &[S], statements: &[S]) -> Report<S> {
        let statement = |j: usize| statements[j].clone();
        Report {
            participants: Participants(participants.iter().cloned().zip(analysis.group_of.iter().copied()).collect()),
            groups: analysis
                .groups
                .iter()
                .map(|g| GroupReport {
                    id: g.id,
                    size: g.size,
                    representative: g
                        .representative
                        .iter()
                        .map(|r| {
                            let share = round6(f64::from(r.n_success) / f64::from(r.n_trials.max(1)));
                            let agrees = r.direction.as_str() == "agree";
                            RepresentativeReport {
                                statement: statement(r.statement),
                                direction: r.direction.as_str(),
                                agree: agrees.then_some(share),
                                disagree: (!agrees).then_some(share),
                                score: round6(r.score),
                            }
                        })
                        .collect(),
                })
                .collect(),
            consensus: analysis
                .consensus
                .iter()
                .map(|c| ScoreReport { statement: statement(c.statement), score: round6(c.score) })
                .collect(),
            bridging: analysis
                .bridging
                .iter()
                .map(|b| ScoreReport { statement: statement(b.statement), score: round6(b.score) })
                .collect(),
        }
    }

    /// The report as one CSV table, for spreadsheets and further work:
    /// columns `section,group,participant,statement,direction,share,score`,
    /// one row per participant (`participant`: its group, empty when not
    /// counted), per representative statement of each group
    /// (`representative`), and per statement's group-informed consensus
    /// (`consensus`) and bridging score (`bridging`); columns that do not
    /// apply are empty.
    pub fn to_csv(&self) -> String
    where
        S: std::fmt::Display,
    {
        let mut w = csv::Writer::from_writer(Vec::new());
        let header = ["section", "group", "participant", "statement", "direction", "share", "score"];
        let mut rows: Vec<[String; 7]> = Vec::new();
        for (p, g) in &self.participants.0 {
            let group = g.map(|g| g.to_string()).unwrap_or_default();
            rows.push([
                "participant".into(),
                group,
                p.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        for g in &self.groups {
            for r in &g.representative {
                let share = r.agree.or(r.disagree).map(|x| x.to_string()).unwrap_or_default();
                rows.push([
                    "representative".into(),
                    g.id.to_string(),
                    String::new(),
                    r.statement.to_string(),
                    r.direction.into(),
                    share,
                    r.score.to_string(),
                ]);
            }
        }
        for (section, list) in [("consensus", &self.consensus), ("bridging", &self.bridging)] {
            for s in list {
                let row = [
                    section.into(),
                    String::new(),
                    String::new(),
                    s.statement.to_string(),
                    String::new(),
                    String::new(),
                    s.score.to_string(),
                ];
                rows.push(row);
            }
        }
        let written = std::iter::once(header.map(String::from)).chain(rows).try_for_each(|row| w.write_record(&row));
        written.expect("writing CSV to memory does not fail");
        String::from_utf8(w.into_inner().expect("writing to memory does not fail")).expect("the fields are UTF-8")
    }

    /// The SHA-256 of the compact JSON, in lowercase hex.
    pub fn digest(&self) -> String {
        let bytes = serde_json::to_vec(self).expect("a report serialises");
        let hash: [u8; 32] = sha2::Sha256::digest(&bytes).into();
        hash.iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_follows_the_content_and_rounding_hides_the_last_bits() {
        let plan = crate::planted::Plan {
            participants: 60,
            statements: 20,
            votes_each: 15,
            groups: 2,
            fidelity: 0.9,
            seed: 7,
        };
        let planted = crate::planted::plant(&plan);
        let m = crate::VoteMatrix::from_votes(60, 20, &planted.votes).unwrap();
        let a = crate::analyse(&m, &[], &crate::Settings::default()).unwrap();
        let names_p: Vec<String> = (0..60).map(|i| format!("p{i}")).collect();
        let names_s: Vec<String> = (0..20).map(|j| format!("{}", j + 1)).collect();
        let r = Report::new(&a, &names_p, &names_s);
        let again = Report::new(&a, &names_p, &names_s);
        assert_eq!(r.digest(), again.digest());
        let mut other = r.clone();
        other.participants.0[0].1 = None;
        assert_ne!(r.digest(), other.digest());
        assert_eq!(round6(0.123_456_789), 0.123_457);
        assert_eq!(round6(f64::NAN), 0.0);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["participants"].as_object().unwrap().len(), 60);
        // The CSV holds every participant and every score, read back by a CSV reader.
        let csv = r.to_csv();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let count = |section: &str| rows.iter().filter(|r| &r[0] == section).count();
        assert_eq!(count("participant"), 60);
        assert_eq!(count("consensus"), r.consensus.len());
        assert_eq!(count("bridging"), r.bridging.len());
        assert_eq!(count("representative"), r.groups.iter().map(|g| g.representative.len()).sum::<usize>());
        let first = rows.iter().find(|row| &row[0] == "consensus").unwrap();
        assert_eq!(first[6].parse::<f64>().unwrap(), r.consensus[0].score);
    }
}
