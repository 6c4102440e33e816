//! PLOVER event types, modes and contexts.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::tsv;

/// The 16 PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum PloverType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl PloverType {
    /// All types, in codebook order.
    pub const ALL: [PloverType; 16] = [
        PloverType::Agree,
        PloverType::Consult,
        PloverType::Support,
        PloverType::Concede,
        PloverType::Cooperate,
        PloverType::Aid,
        PloverType::Retreat,
        PloverType::Request,
        PloverType::Accuse,
        PloverType::Reject,
        PloverType::Threaten,
        PloverType::Protest,
        PloverType::Sanction,
        PloverType::Mobilize,
        PloverType::Coerce,
        PloverType::Assault,
    ];

    /// The upper-case name ("CONSULT").
    pub fn as_str(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Concede => "CONCEDE",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Protest => "PROTEST",
            PloverType::Sanction => "SANCTION",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
        }
    }
}

impl fmt::Display for PloverType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PloverType {
    type Err = String;
    /// Parses a type name, ignoring case.
    ///
    /// ```
    /// use eventcoder::ontology::PloverType;
    /// assert_eq!("consult".parse::<PloverType>(), Ok(PloverType::Consult));
    /// ```
    fn from_str(s: &str) -> Result<Self, String> {
        PloverType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown PLOVER type {s:?}"))
    }
}

/// One row of the PLOVER table: a type, a mode or a context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PloverCategory {
    /// `type`, `mode` or `context`.
    pub kind: String,
    /// Its name.
    pub name: String,
    /// For modes, the type they belong to.
    pub parent: Option<String>,
    /// A one-line description.
    pub description: String,
}

static PLOVER: LazyLock<Vec<PloverCategory>> = LazyLock::new(|| {
    tsv::read(
        "plover.tsv",
        include_str!("../../data/plover.tsv"),
        &["kind", "name", "parent", "description"],
    )
    .expect("built-in plover.tsv is valid (tested)")
    .iter()
    .map(|r| PloverCategory {
        kind: r.get(0).to_string(),
        name: r.get(1).to_string(),
        parent: Some(r.get(2).to_string()).filter(|p| !p.is_empty()),
        description: r.get(3).to_string(),
    })
    .collect()
});

/// Every PLOVER type, mode and context.
pub fn plover_categories() -> &'static [PloverCategory] {
    &PLOVER
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_every_type_and_the_contexts() {
        for t in PloverType::ALL {
            assert!(
                plover_categories()
                    .iter()
                    .any(|c| c.kind == "type" && c.name == t.as_str()),
                "{t}"
            );
        }
        let contexts = plover_categories()
            .iter()
            .filter(|c| c.kind == "context")
            .count();
        assert!(contexts >= 28, "{contexts}");
        for c in plover_categories().iter().filter(|c| c.kind == "mode") {
            let parent = c.parent.as_deref().unwrap_or_default();
            assert!(
                parent.parse::<PloverType>().is_ok(),
                "mode {} has parent {parent:?}",
                c.name
            );
        }
    }
}
