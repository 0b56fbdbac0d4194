//! Accord's documents: Akoma Ntoso in and out.
pub mod export;
pub mod xml;

/// The Akoma Ntoso 3.0 namespace (OASIS LegalDocML).
pub const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
