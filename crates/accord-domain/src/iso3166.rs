//! ISO 3166-1 alpha-3 country codes: every officially assigned code with its
//! English short name.
//!
//! The codes come from ISO 3166-1 as published via the `pycountry` package's
//! copy of the Debian `iso-codes` data (pycountry 26.2.16); a few names are
//! given in the form the United Nations usually uses (e.g. "Republic of Korea"
//! rather than "Korea, Republic of"). `un_member` marks the 193 member states
//! of the United Nations; observers such as the Holy See (`VAT`) and the State
//! of Palestine (`PSE`), Taiwan and dependent territories are not members.

/// One officially assigned ISO 3166-1 alpha-3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// Three upper-case letters, e.g. `KEN`.
    pub alpha3: &'static str,
    /// English short name, e.g. `Kenya`.
    pub name: &'static str,
    /// Whether the country is one of the 193 member states of the United Nations.
    pub un_member: bool,
}

/// Every officially assigned code, sorted by `alpha3`.
pub static COUNTRIES: &[Country] = &[
    Country { alpha3: "ABW", name: "Aruba", un_member: false },
    Country { alpha3: "AFG", name: "Afghanistan", un_member: true },
    Country { alpha3: "AGO", name: "Angola", un_member: true },
    Country { alpha3: "AIA", name: "Anguilla", un_member: false },
    Country { alpha3: "ALA", name: "Åland Islands", un_member: false },
    Country { alpha3: "ALB", name: "Albania", un_member: true },
    Country { alpha3: "AND", name: "Andorra", un_member: true },
    Country { alpha3: "ARE", name: "United Arab Emirates", un_member: true },
    Country { alpha3: "ARG", name: "Argentina", un_member: true },
    Country { alpha3: "ARM", name: "Armenia", un_member: true },
    Country { alpha3: "ASM", name: "American Samoa", un_member: false },
    Country { alpha3: "ATA", name: "Antarctica", un_member: false },
    Country { alpha3: "ATF", name: "French Southern Territories", un_member: false },
    Country { alpha3: "ATG", name: "Antigua and Barbuda", un_member: true },
    Country { alpha3: "AUS", name: "Australia", un_member: true },
    Country { alpha3: "AUT", name: "Austria", un_member: true },
    Country { alpha3: "AZE", name: "Azerbaijan", un_member: true },
    Country { alpha3: "BDI", name: "Burundi", un_member: true },
    Country { alpha3: "BEL", name: "Belgium", un_member: true },
    Country { alpha3: "BEN", name: "Benin", un_member: true },
    Country { alpha3: "BES", name: "Bonaire, Sint Eustatius and Saba", un_member: false },
    Country { alpha3: "BFA", name: "Burkina Faso", un_member: true },
    Country { alpha3: "BGD", name: "Bangladesh", un_member: true },
    Country { alpha3: "BGR", name: "Bulgaria", un_member: true },
    Country { alpha3: "BHR", name: "Bahrain", un_member: true },
    Country { alpha3: "BHS", name: "Bahamas", un_member: true },
    Country { alpha3: "BIH", name: "Bosnia and Herzegovina", un_member: true },
    Country { alpha3: "BLM", name: "Saint Barthélemy", un_member: false },
    Country { alpha3: "BLR", name: "Belarus", un_member: true },
    Country { alpha3: "BLZ", name: "Belize", un_member: true },
    Country { alpha3: "BMU", name: "Bermuda", un_member: false },
    Country { alpha3: "BOL", name: "Bolivia", un_member: true },
    Country { alpha3: "BRA", name: "Brazil", un_member: true },
    Country { alpha3: "BRB", name: "Barbados", un_member: true },
    Country { alpha3: "BRN", name: "Brunei Darussalam", un_member: true },
    Country { alpha3: "BTN", name: "Bhutan", un_member: true },
    Country { alpha3: "BVT", name: "Bouvet Island", un_member: false },
    Country { alpha3: "BWA", name: "Botswana", un_member: true },
    Country { alpha3: "CAF", name: "Central African Republic", un_member: true },
    Country { alpha3: "CAN", name: "Canada", un_member: true },
    Country { alpha3: "CCK", name: "Cocos (Keeling) Islands", un_member: false },
    Country { alpha3: "CHE", name: "Switzerland", un_member: true },
    Country { alpha3: "CHL", name: "Chile", un_member: true },
    Country { alpha3: "CHN", name: "China", un_member: true },
    Country { alpha3: "CIV", name: "Côte d'Ivoire", un_member: true },
    Country { alpha3: "CMR", name: "Cameroon", un_member: true },
    Country { alpha3: "COD", name: "Democratic Republic of the Congo", un_member: true },
    Country { alpha3: "COG", name: "Congo", un_member: true },
    Country { alpha3: "COK", name: "Cook Islands", un_member: false },
    Country { alpha3: "COL", name: "Colombia", un_member: true },
    Country { alpha3: "COM", name: "Comoros", un_member: true },
    Country { alpha3: "CPV", name: "Cabo Verde", un_member: true },
    Country { alpha3: "CRI", name: "Costa Rica", un_member: true },
    Country { alpha3: "CUB", name: "Cuba", un_member: true },
    Country { alpha3: "CUW", name: "Curaçao", un_member: false },
    Country { alpha3: "CXR", name: "Christmas Island", un_member: false },
    Country { alpha3: "CYM", name: "Cayman Islands", un_member: false },
    Country { alpha3: "CYP", name: "Cyprus", un_member: true },
    Country { alpha3: "CZE", name: "Czechia", un_member: true },
    Country { alpha3: "DEU", name: "Germany", un_member: true },
    Country { alpha3: "DJI", name: "Djibouti", un_member: true },
    Country { alpha3: "DMA", name: "Dominica", un_member: true },
    Country { alpha3: "DNK", name: "Denmark", un_member: true },
    Country { alpha3: "DOM", name: "Dominican Republic", un_member: true },
    Country { alpha3: "DZA", name: "Algeria", un_member: true },
    Country { alpha3: "ECU", name: "Ecuador", un_member: true },
    Country { alpha3: "EGY", name: "Egypt", un_member: true },
    Country { alpha3: "ERI", name: "Eritrea", un_member: true },
    Country { alpha3: "ESH", name: "Western Sahara", un_member: false },
    Country { alpha3: "ESP", name: "Spain", un_member: true },
    Country { alpha3: "EST", name: "Estonia", un_member: true },
    Country { alpha3: "ETH", name: "Ethiopia", un_member: true },
    Country { alpha3: "FIN", name: "Finland", un_member: true },
    Country { alpha3: "FJI", name: "Fiji", un_member: true },
    Country { alpha3: "FLK", name: "Falkland Islands (Malvinas)", un_member: false },
    Country { alpha3: "FRA", name: "France", un_member: true },
    Country { alpha3: "FRO", name: "Faroe Islands", un_member: false },
    Country { alpha3: "FSM", name: "Micronesia (Federated States of)", un_member: true },
    Country { alpha3: "GAB", name: "Gabon", un_member: true },
    Country { alpha3: "GBR", name: "United Kingdom of Great Britain and Northern Ireland", un_member: true },
    Country { alpha3: "GEO", name: "Georgia", un_member: true },
    Country { alpha3: "GGY", name: "Guernsey", un_member: false },
    Country { alpha3: "GHA", name: "Ghana", un_member: true },
    Country { alpha3: "GIB", name: "Gibraltar", un_member: false },
    Country { alpha3: "GIN", name: "Guinea", un_member: true },
    Country { alpha3: "GLP", name: "Guadeloupe", un_member: false },
    Country { alpha3: "GMB", name: "Gambia", un_member: true },
    Country { alpha3: "GNB", name: "Guinea-Bissau", un_member: true },
    Country { alpha3: "GNQ", name: "Equatorial Guinea", un_member: true },
    Country { alpha3: "GRC", name: "Greece", un_member: true },
    Country { alpha3: "GRD", name: "Grenada", un_member: true },
    Country { alpha3: "GRL", name: "Greenland", un_member: false },
    Country { alpha3: "GTM", name: "Guatemala", un_member: true },
    Country { alpha3: "GUF", name: "French Guiana", un_member: false },
    Country { alpha3: "GUM", name: "Guam", un_member: false },
    Country { alpha3: "GUY", name: "Guyana", un_member: true },
    Country { alpha3: "HKG", name: "Hong Kong", un_member: false },
    Country { alpha3: "HMD", name: "Heard Island and McDonald Islands", un_member: false },
    Country { alpha3: "HND", name: "Honduras", un_member: true },
    Country { alpha3: "HRV", name: "Croatia", un_member: true },
    Country { alpha3: "HTI", name: "Haiti", un_member: true },
    Country { alpha3: "HUN", name: "Hungary", un_member: true },
    Country { alpha3: "IDN", name: "Indonesia", un_member: true },
    Country { alpha3: "IMN", name: "Isle of Man", un_member: false },
    Country { alpha3: "IND", name: "India", un_member: true },
    Country { alpha3: "IOT", name: "British Indian Ocean Territory", un_member: false },
    Country { alpha3: "IRL", name: "Ireland", un_member: true },
    Country { alpha3: "IRN", name: "Iran", un_member: true },
    Country { alpha3: "IRQ", name: "Iraq", un_member: true },
    Country { alpha3: "ISL", name: "Iceland", un_member: true },
    Country { alpha3: "ISR", name: "Israel", un_member: true },
    Country { alpha3: "ITA", name: "Italy", un_member: true },
    Country { alpha3: "JAM", name: "Jamaica", un_member: true },
    Country { alpha3: "JEY", name: "Jersey", un_member: false },
    Country { alpha3: "JOR", name: "Jordan", un_member: true },
    Country { alpha3: "JPN", name: "Japan", un_member: true },
    Country { alpha3: "KAZ", name: "Kazakhstan", un_member: true },
    Country { alpha3: "KEN", name: "Kenya", un_member: true },
    Country { alpha3: "KGZ", name: "Kyrgyzstan", un_member: true },
    Country { alpha3: "KHM", name: "Cambodia", un_member: true },
    Country { alpha3: "KIR", name: "Kiribati", un_member: true },
    Country { alpha3: "KNA", name: "Saint Kitts and Nevis", un_member: true },
    Country { alpha3: "KOR", name: "Republic of Korea", un_member: true },
    Country { alpha3: "KWT", name: "Kuwait", un_member: true },
    Country { alpha3: "LAO", name: "Lao People's Democratic Republic", un_member: true },
    Country { alpha3: "LBN", name: "Lebanon", un_member: true },
    Country { alpha3: "LBR", name: "Liberia", un_member: true },
    Country { alpha3: "LBY", name: "Libya", un_member: true },
    Country { alpha3: "LCA", name: "Saint Lucia", un_member: true },
    Country { alpha3: "LIE", name: "Liechtenstein", un_member: true },
    Country { alpha3: "LKA", name: "Sri Lanka", un_member: true },
    Country { alpha3: "LSO", name: "Lesotho", un_member: true },
    Country { alpha3: "LTU", name: "Lithuania", un_member: true },
    Country { alpha3: "LUX", name: "Luxembourg", un_member: true },
    Country { alpha3: "LVA", name: "Latvia", un_member: true },
    Country { alpha3: "MAC", name: "Macao", un_member: false },
    Country { alpha3: "MAF", name: "Saint Martin (French part)", un_member: false },
    Country { alpha3: "MAR", name: "Morocco", un_member: true },
    Country { alpha3: "MCO", name: "Monaco", un_member: true },
    Country { alpha3: "MDA", name: "Republic of Moldova", un_member: true },
    Country { alpha3: "MDG", name: "Madagascar", un_member: true },
    Country { alpha3: "MDV", name: "Maldives", un_member: true },
    Country { alpha3: "MEX", name: "Mexico", un_member: true },
    Country { alpha3: "MHL", name: "Marshall Islands", un_member: true },
    Country { alpha3: "MKD", name: "North Macedonia", un_member: true },
    Country { alpha3: "MLI", name: "Mali", un_member: true },
    Country { alpha3: "MLT", name: "Malta", un_member: true },
    Country { alpha3: "MMR", name: "Myanmar", un_member: true },
    Country { alpha3: "MNE", name: "Montenegro", un_member: true },
    Country { alpha3: "MNG", name: "Mongolia", un_member: true },
    Country { alpha3: "MNP", name: "Northern Mariana Islands", un_member: false },
    Country { alpha3: "MOZ", name: "Mozambique", un_member: true },
    Country { alpha3: "MRT", name: "Mauritania", un_member: true },
    Country { alpha3: "MSR", name: "Montserrat", un_member: false },
    Country { alpha3: "MTQ", name: "Martinique", un_member: false },
    Country { alpha3: "MUS", name: "Mauritius", un_member: true },
    Country { alpha3: "MWI", name: "Malawi", un_member: true },
    Country { alpha3: "MYS", name: "Malaysia", un_member: true },
    Country { alpha3: "MYT", name: "Mayotte", un_member: false },
    Country { alpha3: "NAM", name: "Namibia", un_member: true },
    Country { alpha3: "NCL", name: "New Caledonia", un_member: false },
    Country { alpha3: "NER", name: "Niger", un_member: true },
    Country { alpha3: "NFK", name: "Norfolk Island", un_member: false },
    Country { alpha3: "NGA", name: "Nigeria", un_member: true },
    Country { alpha3: "NIC", name: "Nicaragua", un_member: true },
    Country { alpha3: "NIU", name: "Niue", un_member: false },
    Country { alpha3: "NLD", name: "Netherlands", un_member: true },
    Country { alpha3: "NOR", name: "Norway", un_member: true },
    Country { alpha3: "NPL", name: "Nepal", un_member: true },
    Country { alpha3: "NRU", name: "Nauru", un_member: true },
    Country { alpha3: "NZL", name: "New Zealand", un_member: true },
    Country { alpha3: "OMN", name: "Oman", un_member: true },
    Country { alpha3: "PAK", name: "Pakistan", un_member: true },
    Country { alpha3: "PAN", name: "Panama", un_member: true },
    Country { alpha3: "PCN", name: "Pitcairn", un_member: false },
    Country { alpha3: "PER", name: "Peru", un_member: true },
    Country { alpha3: "PHL", name: "Philippines", un_member: true },
    Country { alpha3: "PLW", name: "Palau", un_member: true },
    Country { alpha3: "PNG", name: "Papua New Guinea", un_member: true },
    Country { alpha3: "POL", name: "Poland", un_member: true },
    Country { alpha3: "PRI", name: "Puerto Rico", un_member: false },
    Country { alpha3: "PRK", name: "Democratic People's Republic of Korea", un_member: true },
    Country { alpha3: "PRT", name: "Portugal", un_member: true },
    Country { alpha3: "PRY", name: "Paraguay", un_member: true },
    Country { alpha3: "PSE", name: "State of Palestine", un_member: false },
    Country { alpha3: "PYF", name: "French Polynesia", un_member: false },
    Country { alpha3: "QAT", name: "Qatar", un_member: true },
    Country { alpha3: "REU", name: "Réunion", un_member: false },
    Country { alpha3: "ROU", name: "Romania", un_member: true },
    Country { alpha3: "RUS", name: "Russian Federation", un_member: true },
    Country { alpha3: "RWA", name: "Rwanda", un_member: true },
    Country { alpha3: "SAU", name: "Saudi Arabia", un_member: true },
    Country { alpha3: "SDN", name: "Sudan", un_member: true },
    Country { alpha3: "SEN", name: "Senegal", un_member: true },
    Country { alpha3: "SGP", name: "Singapore", un_member: true },
    Country { alpha3: "SGS", name: "South Georgia and the South Sandwich Islands", un_member: false },
    Country { alpha3: "SHN", name: "Saint Helena, Ascension and Tristan da Cunha", un_member: false },
    Country { alpha3: "SJM", name: "Svalbard and Jan Mayen", un_member: false },
    Country { alpha3: "SLB", name: "Solomon Islands", un_member: true },
    Country { alpha3: "SLE", name: "Sierra Leone", un_member: true },
    Country { alpha3: "SLV", name: "El Salvador", un_member: true },
    Country { alpha3: "SMR", name: "San Marino", un_member: true },
    Country { alpha3: "SOM", name: "Somalia", un_member: true },
    Country { alpha3: "SPM", name: "Saint Pierre and Miquelon", un_member: false },
    Country { alpha3: "SRB", name: "Serbia", un_member: true },
    Country { alpha3: "SSD", name: "South Sudan", un_member: true },
    Country { alpha3: "STP", name: "Sao Tome and Principe", un_member: true },
    Country { alpha3: "SUR", name: "Suriname", un_member: true },
    Country { alpha3: "SVK", name: "Slovakia", un_member: true },
    Country { alpha3: "SVN", name: "Slovenia", un_member: true },
    Country { alpha3: "SWE", name: "Sweden", un_member: true },
    Country { alpha3: "SWZ", name: "Eswatini", un_member: true },
    Country { alpha3: "SXM", name: "Sint Maarten (Dutch part)", un_member: false },
    Country { alpha3: "SYC", name: "Seychelles", un_member: true },
    Country { alpha3: "SYR", name: "Syrian Arab Republic", un_member: true },
    Country { alpha3: "TCA", name: "Turks and Caicos Islands", un_member: false },
    Country { alpha3: "TCD", name: "Chad", un_member: true },
    Country { alpha3: "TGO", name: "Togo", un_member: true },
    Country { alpha3: "THA", name: "Thailand", un_member: true },
    Country { alpha3: "TJK", name: "Tajikistan", un_member: true },
    Country { alpha3: "TKL", name: "Tokelau", un_member: false },
    Country { alpha3: "TKM", name: "Turkmenistan", un_member: true },
    Country { alpha3: "TLS", name: "Timor-Leste", un_member: true },
    Country { alpha3: "TON", name: "Tonga", un_member: true },
    Country { alpha3: "TTO", name: "Trinidad and Tobago", un_member: true },
    Country { alpha3: "TUN", name: "Tunisia", un_member: true },
    Country { alpha3: "TUR", name: "Türkiye", un_member: true },
    Country { alpha3: "TUV", name: "Tuvalu", un_member: true },
    Country { alpha3: "TWN", name: "Taiwan, Province of China", un_member: false },
    Country { alpha3: "TZA", name: "United Republic of Tanzania", un_member: true },
    Country { alpha3: "UGA", name: "Uganda", un_member: true },
    Country { alpha3: "UKR", name: "Ukraine", un_member: true },
    Country { alpha3: "UMI", name: "United States Minor Outlying Islands", un_member: false },
    Country { alpha3: "URY", name: "Uruguay", un_member: true },
    Country { alpha3: "USA", name: "United States of America", un_member: true },
    Country { alpha3: "UZB", name: "Uzbekistan", un_member: true },
    Country { alpha3: "VAT", name: "Holy See", un_member: false },
    Country { alpha3: "VCT", name: "Saint Vincent and the Grenadines", un_member: true },
    Country { alpha3: "VEN", name: "Venezuela", un_member: true },
    Country { alpha3: "VGB", name: "British Virgin Islands", un_member: false },
    Country { alpha3: "VIR", name: "United States Virgin Islands", un_member: false },
    Country { alpha3: "VNM", name: "Viet Nam", un_member: true },
    Country { alpha3: "VUT", name: "Vanuatu", un_member: true },
    Country { alpha3: "WLF", name: "Wallis and Futuna", un_member: false },
    Country { alpha3: "WSM", name: "Samoa", un_member: true },
    Country { alpha3: "YEM", name: "Yemen", un_member: true },
    Country { alpha3: "ZAF", name: "South Africa", un_member: true },
    Country { alpha3: "ZMB", name: "Zambia", un_member: true },
    Country { alpha3: "ZWE", name: "Zimbabwe", un_member: true },
];

/// Looks a code up (exact, upper-case); `None` if it is not assigned.
pub fn lookup(alpha3: &str) -> Option<&'static Country> {
    // Every alpha-3 code has three letters: most organisations' codes are
    // told apart without a search.
    if alpha3.len() != 3 {
        return None;
    }
    COUNTRIES.binary_search_by(|c| c.alpha3.cmp(alpha3)).ok().map(|i| &COUNTRIES[i])
}

/// The 193 member states of the United Nations.
pub fn un_member_states() -> impl Iterator<Item = &'static Country> {
    COUNTRIES.iter().filter(|c| c.un_member)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_every_assigned_code() {
        assert_eq!(COUNTRIES.len(), 249);
    }

    #[test]
    fn sorted_and_unique() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].alpha3 < w[1].alpha3));
    }

    #[test]
    fn exactly_193_un_members() {
        assert_eq!(un_member_states().count(), 193);
    }

    #[test]
    fn every_code_is_three_upper_case_letters() {
        for c in COUNTRIES {
            assert!(c.alpha3.len() == 3 && c.alpha3.bytes().all(|b| b.is_ascii_uppercase()), "{c:?}");
            assert!(!c.name.trim().is_empty(), "{c:?}");
        }
    }

    #[test]
    fn lookup_is_exact() {
        let ken = lookup("KEN").unwrap();
        assert_eq!(ken.name, "Kenya");
        assert!(ken.un_member);
        assert_eq!(lookup("XXX"), None);
        assert_eq!(lookup("ken"), None);
        assert_eq!(lookup("KOS"), None);
        assert_eq!(lookup(""), None);
    }

    #[test]
    fn observers_and_territories_are_not_members() {
        for code in ["VAT", "PSE", "TWN", "ESH", "COK", "NIU", "HKG", "MAC", "PRI", "GUM", "GRL", "ATA"] {
            assert!(!lookup(code).unwrap().un_member, "{code}");
        }
        assert!(lookup("SSD").unwrap().un_member);
    }
}
