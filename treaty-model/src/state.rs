//! ISO 3166-1 alpha-3 country codes.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

/// Pattern of [`StateCode`] in the JSON Schemas.
pub const STATE_PATTERN: &str = "^[A-Z]{3}$";

/// A state, by its ISO 3166-1 alpha-3 code (`AZE`, `QAT`). The code must be an assigned one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StateCode([u8; 3]);

/// Why a text is not an assigned ISO 3166-1 alpha-3 code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StateCodeError {
    /// The rejected text.
    pub input: String,
}

impl fmt::Display for StateCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not an assigned ISO 3166-1 alpha-3 country code (three capital letters, such as `AZE`)",
            self.input
        )
    }
}

impl std::error::Error for StateCodeError {}

/// The officially assigned ISO 3166-1 alpha-3 codes, sorted for binary search. Written here
/// rather than taken from a crate: isocountry has had no release since 2020, and
/// rust_iso3166 brings phf, prettytable and wasm-bindgen for a list of 249 words.
const ASSIGNED: &str = "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE \
BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK \
CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA \
ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ \
GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM \
JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF \
MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL \
NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE \
PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK \
SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI \
URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE";

fn is_assigned(code: &str) -> bool {
    static CODES: LazyLock<Vec<&str>> = LazyLock::new(|| ASSIGNED.split(' ').collect());
    CODES.binary_search(&code).is_ok()
}

impl StateCode {
    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII capitals are ever stored, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl FromStr for StateCode {
    type Err = StateCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) && is_assigned(s) => {
                Ok(Self([a, b, c]))
            }
            _ => Err(StateCodeError {
                input: s.to_owned(),
            }),
        }
    }
}

impl fmt::Display for StateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::date::string_serde!(
    StateCode,
    "StateCode",
    STATE_PATTERN,
    "ISO 3166-1 alpha-3 country code of a state, such as AZE."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_list_is_sorted_and_complete() {
        let codes: Vec<&str> = ASSIGNED.split(' ').collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        assert_eq!(codes.len(), 249);
    }

    #[test]
    fn only_assigned_codes_parse() {
        assert_eq!("AZE".parse::<StateCode>().unwrap().to_string(), "AZE");
        for bad in ["aze", "XXX", "AZ", "AZER", ""] {
            assert!(bad.parse::<StateCode>().is_err(), "{bad}");
        }
    }
}
