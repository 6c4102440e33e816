//! Actor sectors: what part of a state or society an actor belongs to (the PLOVER sector or
//! CAMEO agent code).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! sectors {
    ($($variant:ident = $code:literal: $doc:literal,)*) => {
        /// An actor's sector, written as its three-letter code in data files and output.
        ///
        /// ```
        /// use eventcoder::ontology::Sector;
        /// let s: Sector = "MIL".parse().unwrap();
        /// assert_eq!((s, s.as_str()), (Sector::Mil, "MIL"));
        /// assert!("QQQ".parse::<Sector>().is_err());
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Sector {
            $(#[doc = $doc] $variant,)*
        }

        impl Sector {
            /// Every sector, in code-table order.
            pub const ALL: &'static [Sector] = &[$(Sector::$variant,)*];

            /// The three-letter code.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Sector::$variant => $code,)*
                }
            }
        }

        impl FromStr for Sector {
            type Err = UnknownSector;
            fn from_str(s: &str) -> Result<Sector, UnknownSector> {
                match s {
                    $($code => Ok(Sector::$variant),)*
                    _ => Err(UnknownSector(s.to_string())),
                }
            }
        }
    };
}

sectors! {
    Gov = "GOV": "Government, executive.",
    Mil = "MIL": "Armed forces.",
    Cop = "COP": "Police.",
    Jud = "JUD": "Judiciary and prosecutors.",
    Leg = "LEG": "Legislature.",
    Reb = "REB": "Rebels and guerrillas.",
    Ins = "INS": "Insurgents and militants.",
    Opp = "OPP": "Political opposition.",
    Pty = "PTY": "Political parties.",
    Spy = "SPY": "Intelligence services.",
    Cvl = "CVL": "Civilians.",
    Med = "MED": "Medical and health workers (the PLOVER sector; CAMEO writes HLH).",
    Bus = "BUS": "Business.",
    Ngo = "NGO": "Non-governmental organizations.",
    Ref = "REF": "Refugees and displaced people.",
    Rel = "REL": "Religious actors.",
    Edu = "EDU": "Education.",
    Lab = "LAB": "Labour.",
    Hlh = "HLH": "Health (the CAMEO agent code).",
    Crm = "CRM": "Criminals.",
    Eli = "ELI": "Elites.",
    Uaf = "UAF": "Unidentified armed forces.",
    Sep = "SEP": "Separatists.",
    Rad = "RAD": "Radicals and extremists.",
    Agr = "AGR": "Agriculture.",
    Dev = "DEV": "Development.",
    Env = "ENV": "Environment.",
    Hri = "HRI": "Human rights.",
    Igo = "IGO": "Intergovernmental organizations.",
    Jrn = "JRN": "Journalists.",
    Prm = "PRM": "Paramilitaries.",
    Soc = "SOC": "Social groups.",
    Mod = "MOD": "Moderates.",
    Img = "IMG": "International militarized groups.",
    Eth = "ETH": "Ethnic groups.",
    Unk = "UNK": "Unknown.",
}

impl Sector {
    /// An armed group or force: armed forces, rebels, insurgents, unidentified armed forces,
    /// separatists, radicals, paramilitaries, international militarized groups and criminals.
    pub fn is_armed(self) -> bool {
        matches!(
            self,
            Sector::Mil
                | Sector::Reb
                | Sector::Ins
                | Sector::Uaf
                | Sector::Sep
                | Sector::Rad
                | Sector::Prm
                | Sector::Img
                | Sector::Crm
        )
    }
}

/// A sector code that is not in the table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown sector code {0:?} (known: GOV, MIL, COP, JUD, LEG, REB, ... see ontology::Sector)"
)]
pub struct UnknownSector(pub String);

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Sector {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Sector {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Sector, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for &s in Sector::ALL {
            assert_eq!(s.as_str().parse::<Sector>(), Ok(s));
            assert_eq!(s.as_str().len(), 3);
        }
        assert_eq!(
            serde_json::to_string(&Some(Sector::Cvl)).unwrap(),
            "\"CVL\""
        );
        assert_eq!(
            serde_json::from_str::<Sector>("\"REB\"").unwrap(),
            Sector::Reb
        );
        assert!(serde_json::from_str::<Sector>("\"QQQ\"").is_err());
    }
}
