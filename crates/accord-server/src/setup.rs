//! Creating a forum: `accord init` and the demonstration forum of
//! `accord demo`. Both act as the operator at the console
//! ([`Principal::System`]), and every change is an entry like any other.

use accord_domain::ids::{DisplayName, LanguageTag};
use accord_domain::iso3166;
use accord_domain::state::{
    Action, MemberKind, MemberRole, MemberStatus, OfficerRole, OrganisationCategory, Principal,
};
use accord_domain::{Email, MemberCode, Refusal};
use accord_store::{PrivateWrite, Store, StoreError};

use crate::http::auth;

/// Establishes the forum and appoints its first secretariat officer, with
/// an account. The caller has checked that the record is empty.
pub fn init_forum(
    store: &Store,
    forum: DisplayName,
    languages: Vec<LanguageTag>,
    admin_name: DisplayName,
    admin_email: Email,
    admin_password: &str,
) -> Result<(), StoreError> {
    init_forum_with_log(store, forum, languages, None, admin_name, admin_email, admin_password)
}

/// [`init_forum`], declaring the transparency log's origin in the first
/// entry (members' signatures name it).
pub fn init_forum_with_log(
    store: &Store,
    forum: DisplayName,
    languages: Vec<LanguageTag>,
    log: Option<String>,
    admin_name: DisplayName,
    admin_email: Email,
    admin_password: &str,
) -> Result<(), StoreError> {
    store.submit_blocking(Principal::System, Action::EstablishForum { name: forum, languages, log }, None)?;
    create_officer(store, admin_name, OfficerRole::Secretariat, admin_email, admin_password)?;
    Ok(())
}

/// Appoints an officer with an account whose password is already chosen.
pub fn create_officer(
    store: &Store,
    name: DisplayName,
    role: OfficerRole,
    email: Email,
    password: &str,
) -> Result<accord_domain::DelegateId, StoreError> {
    let private = PrivateWrite::CreateAccount {
        email,
        password_hash: auth::hash_password_blocking(password),
        must_change_password: false,
    };
    let appended = store.submit_blocking(Principal::System, Action::AppointOfficer { name, role }, Some(private))?;
    Ok(accredited_id(&appended))
}

/// Accredits a delegate with an account whose password is already chosen.
pub fn create_delegate(
    store: &Store,
    member: MemberCode,
    name: DisplayName,
    role: MemberRole,
    email: Email,
    password: &str,
) -> Result<accord_domain::DelegateId, StoreError> {
    let private = PrivateWrite::CreateAccount {
        email,
        password_hash: auth::hash_password_blocking(password),
        must_change_password: false,
    };
    let appended =
        store.submit_blocking(Principal::System, Action::AccreditDelegate { member, name, role }, Some(private))?;
    Ok(accredited_id(&appended))
}

fn accredited_id(appended: &accord_store::Appended) -> accord_domain::DelegateId {
    match &appended.entry.body {
        accord_domain::EntryBody::DelegateAccredited(a) => a.delegate,
        accord_domain::EntryBody::OfficerAppointed(o) => o.delegate,
        _ => unreachable!("accreditations record one of these two kinds"),
    }
}

/// The log origin of the demonstration forum.
pub const DEMO_ORIGIN: &str = "accord.example/demo";

/// One log-in the demonstration forum created.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub who: String,
    pub email: String,
    pub password: String,
}

/// The observers of the demonstration forum: two observer states and
/// organisations of each kind that take part in such negotiations.
const DEMO_ORGANISATIONS: &[(&str, &str, OrganisationCategory)] = &[
    ("AU", "African Union", OrganisationCategory::IntergovernmentalOrganisation),
    ("EU", "European Union", OrganisationCategory::IntergovernmentalOrganisation),
    ("ITU", "International Telecommunication Union", OrganisationCategory::IntergovernmentalOrganisation),
    ("ICRC", "International Committee of the Red Cross", OrganisationCategory::Ngo),
    ("CPI", "CyberPeace Institute", OrganisationCategory::Ngo),
    ("ISOC", "Internet Society", OrganisationCategory::TechnicalCommunity),
    ("GFCE", "Global Forum on Cyber Expertise", OrganisationCategory::TechnicalCommunity),
    ("UNIDIR", "UN Institute for Disarmament Research", OrganisationCategory::Academia),
    ("CYBERTECH", "Cybersecurity Tech Accord", OrganisationCategory::PrivateSector),
];

/// Creates the demonstration forum in an empty record: the 193 UN member
/// states as members, the Holy See and the State of Palestine and a handful
/// of organisations as observers, a secretariat, a chair, and delegates of
/// a few states and of one observer. Answers the log-ins it created.
pub fn load_demo(store: &Store) -> Result<Vec<DemoLogin>, StoreError> {
    if !store.is_empty() {
        return Err(StoreError::Refused(Refusal::conflict(
            "forum_exists",
            "this data directory already holds a forum: use an empty one for the demonstration",
        )));
    }
    let name = |s: &str| DisplayName::parse(s).expect("demo names are valid");
    let code = |s: &str| MemberCode::parse(s).expect("demo codes are valid");
    let email = |s: &str| Email::parse(s).expect("demo addresses are valid");
    let mut logins = Vec::new();
    let mut login = |who: &str, address: &str| {
        let password = auth::initial_password();
        logins.push(DemoLogin { who: who.into(), email: address.into(), password: password.clone() });
        (email(address), password)
    };

    let (e, p) = login("Secretariat", "secretariat@demo.accord.example");
    init_forum_with_log(
        store,
        name("Global Forum on Cyberspace (demonstration)"),
        LanguageTag::un_languages(),
        Some(DEMO_ORIGIN.to_owned()),
        name("Amina Diallo"),
        e,
        &p,
    )?;
    for country in iso3166::un_member_states() {
        let action = Action::AdmitMember {
            code: code(country.alpha3),
            name: None,
            kind: MemberKind::State,
            category: None,
            status: MemberStatus::Member,
        };
        store.submit_blocking(Principal::System, action, None)?;
    }
    for observer in ["VAT", "PSE"] {
        let action = Action::AdmitMember {
            code: code(observer),
            name: None,
            kind: MemberKind::State,
            category: None,
            status: MemberStatus::Observer,
        };
        store.submit_blocking(Principal::System, action, None)?;
    }
    for (c, n, category) in DEMO_ORGANISATIONS {
        let action = Action::AdmitMember {
            code: code(c),
            name: Some(name(n)),
            kind: MemberKind::Organisation,
            category: Some(*category),
            status: MemberStatus::Observer,
        };
        store.submit_blocking(Principal::System, action, None)?;
    }
    let secretariat = store.state().officers().next().map(|d| d.id).expect("init appointed the secretariat");
    let (e, p) = login("Chair", "chair@demo.accord.example");
    let chair = create_officer(store, name("Ambassador Lucía Fernández"), OfficerRole::Chair, e, &p)?;
    let (e, p) = login("Translator", "translator@demo.accord.example");
    create_officer(store, name("Hélène Dubois"), OfficerRole::Translator, e, &p)?;
    let mut heads = Vec::new();
    let delegates: &[(&str, &str, MemberRole, &str)] = &[
        ("BRA", "Rafael Souza", MemberRole::HeadOfDelegation, "head.bra@demo.accord.example"),
        ("KEN", "Wanjiru Kamau", MemberRole::HeadOfDelegation, "head.ken@demo.accord.example"),
        ("KEN", "Otieno Odhiambo", MemberRole::Delegate, "delegate.ken@demo.accord.example"),
        ("CHN", "Li Wei", MemberRole::HeadOfDelegation, "head.chn@demo.accord.example"),
        ("FRA", "Claire Martin", MemberRole::HeadOfDelegation, "head.fra@demo.accord.example"),
        ("USA", "Jordan Miller", MemberRole::HeadOfDelegation, "head.usa@demo.accord.example"),
        ("ICRC", "Sophie Weber", MemberRole::Delegate, "icrc@demo.accord.example"),
    ];
    for (member, person, role, address) in delegates {
        let (e, p) = login(&format!("{} of {member}", role.label()), address);
        let id = create_delegate(store, code(member), name(person), *role, e, &p)?;
        if *role == MemberRole::HeadOfDelegation {
            heads.push((code(member), id));
        }
    }
    let process = crate::demo::load_process(store, secretariat, chair, &heads)?;
    crate::demo::load_consultation(store, secretariat, process)?;
    Ok(logins)
}
