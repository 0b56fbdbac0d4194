//! TEMPORARY STUB (replaced by the full table)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    pub alpha3: &'static str,
    pub name: &'static str,
    pub un_member: bool,
}
pub static COUNTRIES: &[Country] = &[
    Country { alpha3: "BRA", name: "Brazil", un_member: true },
    Country { alpha3: "CHN", name: "China", un_member: true },
    Country { alpha3: "FRA", name: "France", un_member: true },
    Country { alpha3: "KEN", name: "Kenya", un_member: true },
    Country { alpha3: "PSE", name: "Palestine, State of", un_member: false },
    Country { alpha3: "USA", name: "United States of America", un_member: true },
    Country { alpha3: "VAT", name: "Holy See", un_member: false },
];
pub fn lookup(alpha3: &str) -> Option<&'static Country> {
    COUNTRIES.binary_search_by(|c| c.alpha3.cmp(alpha3)).ok().map(|i| &COUNTRIES[i])
}
pub fn un_member_states() -> impl Iterator<Item = &'static Country> {
    COUNTRIES.iter().filter(|c| c.un_member)
}
