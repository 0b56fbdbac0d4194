use serde::Serialize;
use serde_json::Value;

use super::reference::write_canonical;
use super::*;
use crate::canonical::MAX_SAFE_INTEGER;
use crate::entry::*;
use crate::ids::{DelegateId, DisplayName, LanguageTag, MemberCode, Reason};
use crate::state::{MemberKind, MemberRole, MemberStatus, OfficerRole, OrganisationCategory};

fn sample() -> Entry {
    Entry {
        index: 3,
        time: 1_764_104_188_123,
        signature: None,
        actor: Actor::Officer { delegate: DelegateId(1), role: OfficerRole::Secretariat },
        body: EntryBody::MemberAdmitted(MemberAdmitted {
            code: MemberCode::parse("KEN").unwrap(),
            name: DisplayName::parse("Kenya").unwrap(),
            kind: MemberKind::State,
            category: None,
            status: MemberStatus::Member,
        }),
    }
}

#[test]
fn canonical_bytes_are_stable() {
    let bytes = sample().encode().unwrap();
    assert_eq!(
        String::from_utf8(bytes.clone()).unwrap(),
        r#"{"actor":{"delegate":"D1","role":"secretariat","type":"officer"},"index":3,"kind":"member.admitted","payload":{"code":"KEN","kind":"state","name":"Kenya","status":"member"},"time":1764104188123,"v":1}"#
    );
    assert_eq!(Entry::decode(&bytes).unwrap(), sample());
}

#[test]
fn non_canonical_forms_are_refused() {
    let good = String::from_utf8(sample().encode().unwrap()).unwrap();
    let cases = [
        good.replacen("{\"actor\"", "{ \"actor\"", 1),
        good.replacen(",\"v\":1}", ",\"v\":1,\"v\":1}", 1),
        good.replacen("\"v\":1", "\"v\":2", 1),
        good.replacen("\"index\":3", "\"index\":3.0", 1),
        good.replacen("\"status\":\"member\"}", "\"status\":\"member\",\"category\":null}", 1),
        good.replacen("\"kind\":\"member.admitted\"", "\"kind\":\"member.elected\"", 1),
        good.replacen("\"v\":1}", "\"v\":1,\"w\":2}", 1),
        good.replacen("\"KEN\"", "\"KE N\"", 1),
        good.replacen("Kenya", "Ken\\u0079a", 1),
        // Fields out of order, each still valid JSON.
        good.replacen("\"index\":3,\"kind\":\"member.admitted\"", "\"kind\":\"member.admitted\",\"index\":3", 1),
        good.replacen("\"code\":\"KEN\",\"kind\":\"state\"", "\"kind\":\"state\",\"code\":\"KEN\"", 1),
        // The payload before the kind.
        good.replacen(
            "\"kind\":\"member.admitted\",\"payload\":{\"code\":\"KEN\",\"kind\":\"state\",\"name\":\"Kenya\",\"status\":\"member\"}",
            "\"payload\":{\"code\":\"KEN\",\"kind\":\"state\",\"name\":\"Kenya\",\"status\":\"member\"},\"kind\":\"member.admitted\"",
            1,
        ),
        // A duplicated kind, a missing payload, a null signature.
        good.replacen(",\"payload\"", ",\"kind\":\"member.admitted\",\"payload\"", 1),
        good.replacen(
            ",\"payload\":{\"code\":\"KEN\",\"kind\":\"state\",\"name\":\"Kenya\",\"status\":\"member\"}",
            "",
            1,
        ),
        good.replacen(",\"time\"", ",\"signature\":null,\"time\"", 1),
        // Leading zeros, an exponent, a negative time, trailing bytes.
        good.replacen("\"index\":3", "\"index\":03", 1),
        good.replacen("\"index\":3", "\"index\":3e0", 1),
        good.replacen("\"time\":1764104188123", "\"time\":-1764104188123", 1),
        format!("{good} "),
        format!("{good}{{}}"),
    ];
    for case in cases {
        assert!(Entry::decode(case.as_bytes()).is_err(), "accepted {case}");
    }
}

#[test]
fn size_limit() {
    let mut e = sample();
    e.body = EntryBody::MemberSuspended(MemberSuspended {
        code: MemberCode::parse("KEN").unwrap(),
        reason: Reason::parse(&"x".repeat(2000)).unwrap(),
    });
    assert!(e.encode().unwrap().len() < ENTRY_MAX_BYTES);
    assert!(Entry::decode(&vec![b' '; ENTRY_MAX_BYTES + 1]).is_err());
}

/// The encoder before `canonical`: through `serde_json::Value`, sorted
/// by `write_canonical`. The fast encoder must give the same bytes.
fn value_encode(entry: &Entry) -> Result<Vec<u8>, Refusal> {
    #[derive(Serialize)]
    struct Wire {
        v: u64,
        index: u64,
        time: i64,
        actor: Actor,
        kind: String,
        payload: Value,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        signature: Option<MemberSignature>,
    }
    let body = serde_json::to_value(&entry.body).unwrap();
    let Value::Object(mut body) = body else { unreachable!() };
    let kind = body.remove("kind").and_then(|k| k.as_str().map(str::to_owned)).unwrap_or_default();
    let payload = body.remove("payload").unwrap_or(Value::Object(Default::default()));
    let wire = Wire {
        v: ENTRY_FORMAT_VERSION,
        index: entry.index,
        time: entry.time,
        actor: entry.actor.clone(),
        kind,
        payload,
        signature: entry.signature.clone(),
    };
    let mut out = Vec::new();
    write_canonical(&serde_json::to_value(&wire).unwrap(), &mut out)?;
    Ok(out)
}

/// The decoder before this one: parse to `Value`, re-encode, compare,
/// then convert. The fast decoder must accept exactly what it accepted.
fn value_decode(bytes: &[u8]) -> Option<Entry> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Wire {
        v: u64,
        index: u64,
        time: i64,
        actor: Actor,
        kind: String,
        payload: Value,
        #[serde(default)]
        signature: Option<MemberSignature>,
    }
    if bytes.len() > ENTRY_MAX_BYTES {
        return None;
    }
    let value: Value = serde_json::from_slice(bytes).ok()?;
    let mut again = Vec::new();
    write_canonical(&value, &mut again).ok()?;
    if again != bytes {
        return None;
    }
    let wire: Wire = serde_json::from_value(value).ok()?;
    if wire.v != ENTRY_FORMAT_VERSION || wire.time < 0 {
        return None;
    }
    let body: EntryBody =
        serde_json::from_value(serde_json::json!({"kind": wire.kind, "payload": wire.payload})).ok()?;
    Some(Entry { index: wire.index, time: wire.time, actor: wire.actor, body, signature: wire.signature })
}

mod strategies {
    use proptest::prelude::*;

    use super::*;

    /// Any string, with quotes, backslashes, control characters and
    /// non-ASCII text, to exercise escaping.
    pub fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[ -~]{0,12}",
            "\\PC{0,12}",
            proptest::collection::vec(proptest::char::any(), 0..12).prop_map(|c| c.into_iter().collect()),
            Just("\"\\/\u{0}\u{1f}\u{7f}\u{2028}é\n\t\r\u{8}\u{c}".to_owned()),
        ]
    }
    fn name() -> impl Strategy<Value = DisplayName> {
        text().prop_filter_map("not a name", |s| DisplayName::parse(&s).ok())
    }
    fn reason() -> impl Strategy<Value = Reason> {
        prop_oneof![text(), "[a-z\n ]{0,30}"].prop_filter_map("not a reason", |s| Reason::parse(&s).ok())
    }
    fn code() -> impl Strategy<Value = MemberCode> {
        "[A-Z][A-Z0-9-]{1,15}".prop_map(|s| MemberCode::parse(&s).unwrap())
    }
    fn delegate() -> impl Strategy<Value = DelegateId> {
        prop_oneof![1u64..100, Just(u64::MAX)].prop_map(DelegateId)
    }
    fn language() -> impl Strategy<Value = LanguageTag> {
        "[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}".prop_map(|s| LanguageTag::parse(&s).unwrap())
    }
    fn officer_role() -> impl Strategy<Value = OfficerRole> {
        prop_oneof![
            Just(OfficerRole::Secretariat),
            Just(OfficerRole::Chair),
            Just(OfficerRole::ViceChair),
            Just(OfficerRole::CoFacilitator),
            Just(OfficerRole::Translator)
        ]
    }
    fn member_role() -> impl Strategy<Value = MemberRole> {
        prop_oneof![Just(MemberRole::HeadOfDelegation), Just(MemberRole::Delegate), Just(MemberRole::Adviser)]
    }
    fn status() -> impl Strategy<Value = MemberStatus> {
        prop_oneof![Just(MemberStatus::Member), Just(MemberStatus::Observer)]
    }
    fn settings() -> impl Strategy<Value = ForumSettings> {
        (name(), proptest::collection::vec(language(), 0..4), proptest::option::of(text()))
            .prop_map(|(name, languages, log)| ForumSettings { name, languages, log, edition: None })
    }
    pub fn actor() -> impl Strategy<Value = Actor> {
        prop_oneof![
            Just(Actor::System),
            (delegate(), code()).prop_map(|(delegate, member)| Actor::Delegate { delegate, member }),
            (delegate(), officer_role()).prop_map(|(delegate, role)| Actor::Officer { delegate, role }),
        ]
    }
    pub fn body() -> impl Strategy<Value = EntryBody> {
        let category = proptest::option::of(proptest::sample::select(OrganisationCategory::ALL.to_vec()));
        prop_oneof![
            settings().prop_map(EntryBody::ForumEstablished),
            settings().prop_map(EntryBody::ForumSettingsChanged),
            (code(), name(), any::<bool>(), category, status()).prop_map(|(code, name, org, category, status)| {
                EntryBody::MemberAdmitted(MemberAdmitted {
                    code,
                    name,
                    kind: if org { MemberKind::Organisation } else { MemberKind::State },
                    category,
                    status,
                })
            }),
            (code(), status())
                .prop_map(|(code, status)| EntryBody::MemberStatusChanged(MemberStatusChanged { code, status })),
            (code(), reason()).prop_map(|(code, reason)| EntryBody::MemberSuspended(MemberSuspended { code, reason })),
            code().prop_map(|code| EntryBody::MemberReinstated(MemberReinstated { code })),
            (delegate(), name(), code(), member_role()).prop_map(|(delegate, name, member, role)| {
                EntryBody::DelegateAccredited(DelegateAccredited { delegate, name, member, role })
            }),
            (delegate(), name(), officer_role()).prop_map(|(delegate, name, role)| {
                EntryBody::OfficerAppointed(OfficerAppointed { delegate, name, role })
            }),
            (delegate(), reason()).prop_map(|(delegate, reason)| {
                EntryBody::AccreditationWithdrawn(AccreditationWithdrawn { delegate, reason })
            }),
            (code(), text(), text(), name()).prop_map(|(member, key, public_key, label)| {
                EntryBody::MemberKeyRegistered(MemberKeyRegistered { member, key, public_key, label })
            }),
            (code(), text()).prop_map(|(member, key)| EntryBody::MemberKeyRevoked(MemberKeyRevoked { member, key })),
            code().prop_map(|member| EntryBody::MemberSignaturesRequired(MemberSignaturesRequired { member })),
            negotiation(),
            proceedings(),
        ]
    }
    /// The kinds of negotiating texts: optional fields, enums, blobs.
    pub fn negotiation() -> impl Strategy<Value = EntryBody> {
        use crate::negotiation::*;
        let kind = proptest::sample::select(vec![
            ProposalKind::ReplaceWords,
            ProposalKind::InsertWords,
            ProposalKind::DeleteWords,
            ProposalKind::InsertProvision,
        ]);
        let anchor = proptest::option::of(
            (text(), proptest::option::of(1u32..5)).prop_map(|(quote, occurrence)| Anchor { quote, occurrence }),
        );
        let position = proptest::option::of(proptest::sample::select(vec![Position::Before, Position::After]));
        prop_oneof![
            (text(), proptest::collection::vec(any::<u8>(), 0..40)).prop_map(|(title, draft)| {
                let mut d = crate::blob::BlobRef::of(draft);
                // As decoded: the name without the content.
                d = serde_json::from_value(serde_json::Value::String(d.hex())).unwrap();
                EntryBody::ProcessOpened(ProcessOpened { title, draft: d })
            }),
            (1u64..9, kind, text(), 1u32..9, anchor, position, proptest::option::of(text()), text()).prop_map(
                |(process, kind, eid, version, anchor, position, text, justification)| {
                    EntryBody::ProposalTabled(ProposalTabled {
                        process,
                        kind,
                        eid,
                        version,
                        anchor,
                        position,
                        text,
                        heading: None,
                        justification,
                    })
                }
            ),
            (1u64..9, 1u64..99)
                .prop_map(|(process, proposal)| EntryBody::ProposalSupported(ProposalRef { process, proposal })),
            (1u64..9, text(), proptest::collection::vec(1u64..99, 0..4), text()).prop_map(
                |(process, eid, proposals, text)| EntryBody::ChairTextTabled(ChairText {
                    process,
                    eid,
                    proposals,
                    text
                })
            ),
            (1u64..9, 1u32..9, text(), language(), text(), proptest::option::of(1u64..99)).prop_map(
                |(process, version, eid, language, text, proposal)| {
                    EntryBody::TranslationRecorded(crate::translation::TranslationRecorded {
                        process,
                        version,
                        eid,
                        language,
                        text,
                        proposal,
                    })
                }
            ),
        ]
    }
    /// The kinds of meetings and decisions: tagged targets, booleans, nested structs.
    pub fn proceedings() -> impl Strategy<Value = EntryBody> {
        use crate::decisions::*;
        let target = prop_oneof![
            (1u64..99).prop_map(Target::Proposal),
            text().prop_map(Target::Provision),
            Just(Target::Instrument),
        ];
        let majority = proptest::sample::select(vec![Majority::Simple, Majority::TwoThirds]);
        prop_oneof![
            (1u64..9, target.clone(), majority, 1u64..9, proptest::option::of(1u32..99)).prop_map(
                |(process, target, majority, meeting, version)| {
                    EntryBody::VoteOpened(VoteOpened { process, target, majority, meeting, version })
                }
            ),
            (1u64..9, target.clone(), 1u64..9, any::<bool>(), proptest::option::of(1u32..99)).prop_map(
                |(process, target, meeting, ad_referendum, version)| {
                    EntryBody::ConsensusProposed(ConsensusProposed { process, target, meeting, ad_referendum, version })
                }
            ),
            (1u64..9, target.clone(), 0i64..(1 << 50), proptest::option::of(1u32..99)).prop_map(
                |(process, target, deadline, version)| {
                    EntryBody::SilenceStarted(SilenceStarted { process, target, deadline, version })
                }
            ),
            (1u64..9, any::<bool>()).prop_map(|(meeting, open)| if open {
                EntryBody::MeetingOpened(MeetingRef { meeting })
            } else {
                EntryBody::MeetingClosed(MeetingRef { meeting })
            }),
            (1u64..9, target.clone()).prop_map(|(process, target)| EntryBody::ImportantQuestionDesignated(
                ImportantQuestion { process, target }
            )),
            (1u64..9, code(), any::<bool>()).prop_map(|(meeting, member, present)| EntryBody::AttendanceCorrected(
                AttendanceCorrected { meeting, member, present }
            )),
            (1u32..99, 0u32..3, any::<bool>()).prop_map(|(n, d, more_than)| {
                let share = Share { numerator: n, denominator: n + d, more_than };
                EntryBody::RulesChanged(RulesChanged {
                    process: (n % 2 == 0).then_some(n as u64),
                    rules: Rules {
                        meeting_quorum: share,
                        decision_quorum: share,
                        silence_min_hours: n,
                        informal_agreement: n % 3 != 0,
                        ..Rules::default()
                    },
                })
            }),
        ]
    }
    pub fn entry() -> impl Strategy<Value = Entry> {
        let signature = proptest::option::of((text(), text(), text()).prop_map(|(key, nonce, sig)| MemberSignature {
            key,
            nonce,
            sig,
        }));
        (
            prop_oneof![0u64..1000, Just(MAX_SAFE_INTEGER), Just(MAX_SAFE_INTEGER + 1), Just(u64::MAX)],
            prop_oneof![0i64..2_000_000_000_000, Just(-1i64), Just(i64::MAX)],
            actor(),
            body(),
            signature,
        )
            .prop_map(|(index, time, actor, body, signature)| Entry { index, time, actor, body, signature })
    }
}

#[test]
fn signed_messages_are_unchanged() {
    let entry = sample();
    let tagged = serde_json::to_value(&entry.body).unwrap();
    let value = serde_json::json!({
        "actor": entry.actor,
        "kind": entry.body.kind(),
        "log": "example.org/forum",
        "nonce": "n0nce-n0nce-n0nce",
        "payload": tagged.get("payload").cloned().unwrap_or_default(),
    });
    let mut expected = b"accord-signed-action/v1\n".to_vec();
    write_canonical(&value, &mut expected).unwrap();
    let got = crate::signature::signed_message("example.org/forum", &entry.actor, &entry.body, "n0nce-n0nce-n0nce");
    assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(expected).unwrap());
}

/// Envelopes that are almost canonical: the fast path takes none of
/// them, and the decision is the general decoder's. (The `Value`
/// decoder of the tests is laxer on two: it reads `"signature":null` as
/// no signature, and re-encodes no typed value.)
#[test]
fn almost_canonical_envelopes_are_decided_as_before() {
    let good = r#"{"actor":{"delegate":"D7","member":"BRA","type":"delegate"},"index":3,"kind":"member.reinstated","payload":{"code":"BRA"},"time":1700000000000,"v":1}"#;
    assert!(Entry::decode(good.as_bytes()).is_ok());
    let variants = [
        good.replace("\"D7\"", "\"D+7\""),
        good.replace("\"D7\"", "\"D07\""),
        good.replace("\"D7\"", "\"d7\""),
        good.replace("\"BRA\",\"type\"", "\"bra\",\"type\""),
        good.replace("\"BRA\",\"type\"", "\" BRA\",\"type\""),
        good.replace("\"index\":3", "\"index\":03"),
        good.replace("\"index\":3", "\"index\":3.0"),
        good.replace("\"index\":3", "\"index\":9007199254740993"),
        good.replace("\"time\":1700000000000", "\"time\":-1700000000000"),
        good.replace("\"time\":1700000000000", "\"time\":9007199254740992"),
        good.replace("\"v\":1}", "\"v\":2}"),
        good.replace("\"v\":1}", "\"v\":1 }"),
        good.replace("member.reinstated", "member.reinstate\\u0064"),
        good.replace("{\"code\":\"BRA\"}", "{\"code\":\"BR\\u0041\"}"),
        good.replace("{\"code\":\"BRA\"}", "{ \"code\":\"BRA\"}"),
        good.replace("{\"code\":\"BRA\"}", "{\"code\":\"BRA\",\"code\":\"BRA\"}"),
        good.replace(",\"time\"", ",\"signature\":null,\"time\""),
        good.replace(",\"time\"", ",\"signature\":{\"key\":\"k\",\"nonce\":\"n\",\"sig\":\"s\\/\"},\"time\""),
        good.replace(",\"time\"", ",\"signature\":{\"key\":\"k\",\"sig\":\"s\",\"nonce\":\"n\"},\"time\""),
        good.replace(",\"time\"", ",\"signature\":{\"key\":\"k\",\"nonce\":\"n\",\"sig\":\"s\"},\"time\""),
        good.replace("{\"delegate\":\"D7\",\"member\":\"BRA\",\"type\":\"delegate\"}", "{\"type\":\"system\"}"),
        good.replace(
            "{\"delegate\":\"D7\",\"member\":\"BRA\",\"type\":\"delegate\"}",
            "{\"delegate\":\"D1\",\"role\":\"chair\",\"type\":\"officer\"}",
        ),
        good.replace(
            "{\"delegate\":\"D7\",\"member\":\"BRA\",\"type\":\"delegate\"}",
            "{\"delegate\":\"D1\",\"role\":\"Chair\",\"type\":\"officer\"}",
        ),
        good.replace(
            "\"kind\":\"member.reinstated\",\"payload\":{\"code\":\"BRA\"}",
            "\"payload\":{\"code\":\"BRA\"},\"kind\":\"member.reinstated\"",
        ),
        // The kind's closing quote beyond where the time begins, an
        // empty payload, a signature cut short.
        r#"{"actor":{"type":"system"},"index":0,"kind":"x,"time":1,"v":1}"#.to_owned(),
        r#"{"actor":{"type":"system"},"index":0,"kind":"x","payload":,"time":1,"v":1}"#.to_owned(),
        r#"{"actor":{"type":"system"},"index":0,"kind":"x","payload":{},"signature":{"key":"a","time":1,"v":1}"#
            .to_owned(),
    ];
    for text in &variants {
        let bytes = text.as_bytes();
        let general = Entry::decode_general(text, &mut Vec::new()).ok();
        assert_eq!(Entry::decode(bytes).ok(), general, "on {text}");
        if let Some(read) = fast::parse(text) {
            let mut again = Vec::new();
            assert_eq!(read.is_canonical(text, &mut again), general.is_some(), "on {text}");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// The fast encoder writes exactly the bytes of the `Value` path,
    /// refuses exactly what it refused, and the decoder reads them back.
    #[test]
    fn fast_encoding_equals_value_encoding(entry in strategies::entry()) {
        let old = value_encode(&entry).map(|b| if b.len() > ENTRY_MAX_BYTES { Err(()) } else { Ok(b) });
        match (entry.encode(), old) {
            (Ok(new), Ok(Ok(old))) => {
                proptest::prop_assert_eq!(&new, &old);
                // The decoders agree; what they accept is the entry
                // encoded (a negative time or a delegate id of more
                // than 19 digits encodes but does not decode).
                let decoded = Entry::decode(&new).ok();
                proptest::prop_assert_eq!(&decoded, &value_decode(&new));
                if let Some(decoded) = decoded {
                    // Every kind, actor and signature takes the fast
                    // path: the general one is only for refusals.
                    let fast = fast::parse(std::str::from_utf8(&new).unwrap()).map(|read| read.entry);
                    proptest::prop_assert_eq!(fast.as_ref(), Some(&decoded), "the fast path gave up");
                    proptest::prop_assert_eq!(decoded, entry);
                }
            }
            (Err(_), Err(_)) | (Err(_), Ok(Err(()))) => {}
            (new, old) => proptest::prop_assert!(false, "new {new:?}, old {old:?}"),
        }
    }

    /// Signed messages are the same as through `Value`.
    #[test]
    fn fast_signed_message_equals_value(actor in strategies::actor(), body in strategies::body(), log in strategies::text(), nonce in strategies::text()) {
        let tagged = serde_json::to_value(&body).unwrap();
        let value = serde_json::json!({
            "actor": actor, "kind": body.kind(), "log": log, "nonce": nonce,
            "payload": tagged.get("payload").cloned().unwrap_or_default(),
        });
        let mut expected = b"accord-signed-action/v1\n".to_vec();
        write_canonical(&value, &mut expected).unwrap();
        proptest::prop_assert_eq!(crate::signature::signed_message(&log, &actor, &body, &nonce), expected);
    }

    /// Mutated, truncated or extended encodings of varied entries: the
    /// fast decoder accepts exactly what the `Value` decoder accepted,
    /// and reads the same entry.
    #[test]
    fn fast_decoder_agrees_with_value_decoder(
        entry in strategies::entry(),
        edits in proptest::collection::vec((0usize..400, proptest::num::u8::ANY, 0u8..3), 1..4),
    ) {
        let Ok(mut bytes) = entry.encode() else { return Ok(()) };
        for (pos, byte, op) in edits {
            let pos = pos % (bytes.len() + 1);
            match op {
                0 if pos < bytes.len() => bytes[pos] = byte,
                1 => bytes.insert(pos, byte),
                _ if pos < bytes.len() => { bytes.remove(pos); }
                _ => {}
            }
        }
        let new = Entry::decode(&bytes).ok();
        proptest::prop_assert_eq!(&new, &value_decode(&bytes), "on {}", String::from_utf8_lossy(&bytes));
        if let Some(entry) = new {
            proptest::prop_assert_eq!(entry.encode().unwrap(), bytes);
        }
    }
}

proptest::proptest! {
    #[test]
    fn decoder_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
        let _ = Entry::decode(&bytes);
    }

    #[test]
    fn decoder_survives_mutations_of_real_entries(pos in 0usize..200, byte in proptest::num::u8::ANY) {
        let mut bytes = sample().encode().unwrap();
        let pos = pos % bytes.len();
        bytes[pos] = byte;
        if let Ok(entry) = Entry::decode(&bytes) {
            // Anything accepted re-encodes to exactly the same bytes.
            proptest::prop_assert_eq!(entry.encode().unwrap(), bytes);
        }
    }
}
