//! The CAMEO event code table.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, RwLock};

use rustc_hash::FxHashMap;

use serde::Serialize;

use super::plover::PloverType;
use super::sector::Sector;
use crate::tsv;

/// One CAMEO event code with its label, quad class, Goldstein value and PLOVER mapping.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CameoEntry {
    /// The code: two to four digits ("04", "042", "0231").
    pub code: String,
    /// The codebook label.
    pub label: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// The Goldstein conflict-cooperation score, -10 to +10.
    pub goldstein: f32,
    /// The PLOVER type (none for 01x statements).
    pub plover_type: Option<PloverType>,
    /// The PLOVER mode, if any.
    pub plover_mode: Option<smol_str::SmolStr>,
    /// The PLOVER contexts the code implies.
    pub plover_contexts: Vec<String>,
    /// A mutual event: "A and B held talks" is one event between them (column `coding`).
    pub symmetric: bool,
    /// With no target written, the state where it happened is the target (pitfall 6).
    pub target_from_place: bool,
    /// The target may be named inside a "that" clause ("demanded that the United States ...").
    pub crosses_that: bool,
    /// The sector of the agent an agentless event implies ("five activists were detained": the
    /// police), if the table gives one.
    pub implied_agent: Option<Sector>,
    /// Coded even with no agent at all: the agent is an unidentified armed group of the place.
    pub unattributed: bool,
    /// A bare-verb pattern of this code needs an actor, state or place as its object (or the
    /// passive): "kill the bill" is no killing.
    pub needs_object: bool,
    /// With no target written, the non-government source's own government is the target
    /// (protests).
    pub targets_own_government: bool,
    /// A target taken from where it happened is the place's civilians, whoever the source is
    /// (unconventional violence).
    pub targets_civilians: bool,
    /// The code a state or government source makes of it instead ("Egypt protested" is an
    /// official complaint, 114, not a demonstration).
    pub by_state: Option<String>,
    /// Meaningless without a target: a visit made or hosted needs its other party ("received
    /// a prison sentence" is no hosting).
    pub needs_target: bool,
    /// A public statement (01x): "X said Y must ..." may add a demand beside it.
    pub statement: bool,
    /// A threat (13x).
    pub threat: bool,
    /// Material harm (15x-20x): a possible harm ("could strike") is coded as a threat.
    pub harm: bool,
    /// A show or use of one's own forces (15x): a bare role after the verb ("deployed
    /// troops") is the source's own, not the target.
    pub force_posture: bool,
    /// A consultation (04x): with no object, a "with" phrase names the other party.
    pub partner_with: bool,
    /// An agreement: "A and B agreed that they should ..." is their own intent.
    pub agreement: bool,
    /// The code when held by telephone or video ("discussed ... by phone with").
    pub by_phone: Option<String>,
    /// The code when done by aircraft or drones ("Turkish drones struck").
    pub by_air: Option<String>,
    /// The code when every source is an armed group or force ("Gunmen attacked a police
    /// station" is an armed attack, not a riot).
    pub by_armed: Option<String>,
    /// The code when every source is the police ("Police pelted the crowd with stones" is
    /// violent repression, not a riot).
    pub by_police: Option<String>,
    /// The code of a protest that only attributes its sentence (", a rights group protested"):
    /// a criticism said, not a protest held.
    pub reported: Option<String>,
    /// The event the target makes in turn ("X hosted Y" is also Y visiting X).
    pub reciprocal: Option<String>,
    /// The named coder rule that emits this code, if any.
    pub rule: Option<CodeRule>,
}

/// A coder rule whose output code is data (`rule=NAME` in the `coding` column of
/// `data/cameo.tsv`); see [`rule_code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeRule {
    /// "refused to" + an act with no refusal code of its own.
    Refusal,
    /// An intention with "unless": "will withdraw unless ...".
    ConditionalThreat,
    /// "X said Y must ...".
    Demand,
    /// "X said Y should ...".
    Appeal,
    /// "A and B agreed that they should ...".
    AgreedIntent,
}

impl CodeRule {
    /// Every rule, for table tests.
    pub const ALL: [CodeRule; 5] = [
        CodeRule::Refusal,
        CodeRule::ConditionalThreat,
        CodeRule::Demand,
        CodeRule::Appeal,
        CodeRule::AgreedIntent,
    ];

    fn parse(name: &str) -> Option<CodeRule> {
        Some(match name {
            "refusal" => CodeRule::Refusal,
            "conditional_threat" => CodeRule::ConditionalThreat,
            "demand" => CodeRule::Demand,
            "appeal" => CodeRule::Appeal,
            "agreed_intent" => CodeRule::AgreedIntent,
            _ => return None,
        })
    }
}

/// The code a named coder rule emits.
///
/// ```
/// use eventcoder::ontology::{CodeRule, rule_code};
/// assert_eq!(rule_code(CodeRule::Demand).code, "100");
/// assert_eq!(rule_code(CodeRule::Refusal).root(), "12");
/// ```
pub fn rule_code(rule: CodeRule) -> &'static CameoEntry {
    TABLE
        .entries
        .iter()
        .find(|e| e.rule == Some(rule))
        .expect("every rule is on one row of cameo.tsv (tested)")
}

impl CameoEntry {
    /// The two-digit root ("04" for "042").
    pub fn root(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }

    /// An act of violence: assault, fight or mass violence (roots 18, 19 and 20).
    pub fn violent(&self) -> bool {
        is_violent_code(&self.code)
    }
}

/// Whether a code, in the table or not (a dictionary may write its own), is an act of violence:
/// assault, fight or mass violence (roots 18, 19 and 20).
pub fn is_violent_code(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19" | "20"))
}

struct Table {
    entries: Vec<CameoEntry>,
    /// Entry index by [`slot`] of the code (`u16::MAX`: none); a direct index, as `cameo` is
    /// called for every predicate and event.
    by_code: Vec<u16>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let header = [
        "code",
        "label",
        "quad",
        "goldstein",
        "plover_type",
        "plover_mode",
        "plover_context",
        "coding",
    ];
    let rows = tsv::read("cameo.tsv", include_str!("../../data/cameo.tsv"), &header)
        .expect("built-in cameo.tsv is valid (tested)");
    let entries: Vec<CameoEntry> = rows
        .iter()
        .map(|r| {
            // A flag of the coding column, and the value of a `name=VALUE` flag.
            let flag = |name: &str| r.list(7).any(|f| f == name);
            let value = |name: &str| {
                r.list(7)
                    .find_map(|f| f.strip_prefix(name)?.strip_prefix('='))
                    .map(str::to_string)
            };
            CameoEntry {
                code: r.get(0).to_string(),
                label: r.get(1).to_string(),
                quad_class: r.get(2).parse().expect("quad is 1-4 (tested)"),
                goldstein: r.get(3).parse().expect("goldstein is a number (tested)"),
                plover_type: r.get(4).parse().ok(),
                plover_mode: Some(r.get(5))
                    .filter(|m| !m.is_empty())
                    .map(smol_str::SmolStr::new),
                plover_contexts: r.list(6).map(str::to_string).collect(),
                symmetric: flag("symmetric"),
                target_from_place: flag("target_from_place"),
                crosses_that: flag("crosses_that"),
                implied_agent: value("implied_agent")
                    .map(|s| s.parse().expect("implied_agent is a sector code (tested)")),
                unattributed: flag("unattributed"),
                needs_object: flag("needs_object"),
                targets_own_government: flag("targets_own_government"),
                targets_civilians: flag("targets_civilians"),
                by_state: value("by_state"),
                needs_target: flag("needs_target"),
                statement: flag("statement"),
                threat: flag("threat"),
                harm: flag("harm"),
                force_posture: flag("force_posture"),
                partner_with: flag("partner_with"),
                agreement: flag("agreement"),
                by_phone: value("by_phone"),
                by_air: value("by_air"),
                by_armed: value("by_armed"),
                by_police: value("by_police"),
                reported: value("reported"),
                reciprocal: value("reciprocal"),
                rule: value("rule")
                    .map(|r| CodeRule::parse(&r).expect("rule names are known (tested)")),
            }
        })
        .collect();
    let mut by_code = vec![u16::MAX; SLOTS];
    for (i, e) in entries.iter().enumerate() {
        let s = slot(&e.code).expect("codes are 2-4 digits (tested)");
        by_code[s] = u16::try_from(i).expect("fewer than 65,535 codes");
    }
    Table { entries, by_code }
});

/// Codes of 2, 3 and 4 digits, each length in its own range of slots.
const SLOTS: usize = 100 + 1_000 + 10_000;

/// The slot of a code of 2-4 ASCII digits.
fn slot(code: &str) -> Option<usize> {
    let b = code.as_bytes();
    if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = b.iter().fold(0usize, |v, d| v * 10 + usize::from(d - b'0'));
    Some(match b.len() {
        2 => value,
        3 => 100 + value,
        _ => 1_100 + value,
    })
}

/// The entry of a CAMEO code, if it exists: a code of the table, or one a loaded dictionary
/// registered ([`register_code`]).
pub fn cameo(code: &str) -> Option<&'static CameoEntry> {
    if let Some(e) = slot(code).and_then(|s| {
        let i = *TABLE.by_code.get(s)?;
        TABLE.entries.get(usize::from(i))
    }) {
        return Some(e);
    }
    if !ANY_USER.load(Ordering::Relaxed) {
        return None;
    }
    USER.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(code)
        .copied()
}

/// Whether `code` is a code a dictionary may register: 2 to 8 ASCII letters and digits.
///
/// ```
/// use eventcoder::ontology::is_registrable_code;
/// assert!(is_registrable_code("174K") && is_registrable_code("903"));
/// assert!(!is_registrable_code("---") && !is_registrable_code("1"));
/// ```
pub fn is_registrable_code(code: &str) -> bool {
    (2..=8).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Registers an event code that is not in the CAMEO table (a PETRARCH validation dictionary
/// codes `903` and `174K`), so events can carry it: its entry has no label, quad class 0,
/// Goldstein 0, no PLOVER type and none of the coder's flags. A code of the table is returned
/// as it is. `None` for a code that is not [`is_registrable_code`]. The entries live for the
/// rest of the program (like interned names; the set is bounded by the dictionaries loaded).
///
/// ```
/// use eventcoder::ontology::{cameo, register_code};
/// let e = register_code("174K").unwrap();
/// assert_eq!((e.code.as_str(), e.quad_class, e.root()), ("174K", 0, "17"));
/// assert!(cameo("174K").is_some());
/// assert_eq!(register_code("042").unwrap().label, cameo("042").unwrap().label);
/// ```
pub fn register_code(code: &str) -> Option<&'static CameoEntry> {
    if let Some(e) = cameo(code) {
        return Some(e);
    }
    if !is_registrable_code(code) {
        return None;
    }
    let mut map = USER
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(e) = map.get(code) {
        return Some(e);
    }
    let entry: &'static CameoEntry = Box::leak(Box::new(CameoEntry {
        code: code.to_string(),
        label: String::new(),
        quad_class: 0,
        goldstein: 0.0,
        plover_type: None,
        plover_mode: None,
        plover_contexts: Vec::new(),
        symmetric: false,
        target_from_place: false,
        crosses_that: false,
        implied_agent: None,
        unattributed: false,
        needs_object: false,
        targets_own_government: false,
        targets_civilians: false,
        by_state: None,
        needs_target: false,
        statement: false,
        threat: false,
        harm: false,
        force_posture: false,
        partner_with: false,
        agreement: false,
        by_phone: None,
        by_air: None,
        by_armed: None,
        by_police: None,
        reported: None,
        reciprocal: None,
        rule: None,
    }));
    map.insert(entry.code.as_str(), entry);
    ANY_USER.store(true, Ordering::Relaxed);
    Some(entry)
}

/// Codes registered by loaded dictionaries, outside the table.
static USER: LazyLock<RwLock<FxHashMap<&'static str, &'static CameoEntry>>> =
    LazyLock::new(Default::default);
/// Whether [`USER`] has any entry: a miss in the table then costs no lock.
static ANY_USER: AtomicBool = AtomicBool::new(false);

/// Every CAMEO code in the table, in file order.
pub fn cameo_codes() -> impl Iterator<Item = &'static CameoEntry> {
    TABLE.entries.iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_root_and_quad_is_consistent() {
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(cameo(&r).is_some(), "root {r} missing");
        }
        for e in cameo_codes() {
            assert!(
                (2..=4).contains(&e.code.len()) && e.code.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                e.code
            );
            let root: u8 = e.root().parse().unwrap();
            let quad = match root {
                1..=5 => 1,
                6..=9 => 2,
                10..=14 => 3,
                _ => 4,
            };
            assert_eq!(e.quad_class, quad, "{}", e.code);
            assert!((-10.0..=10.0).contains(&e.goldstein), "{}", e.code);
            if e.code.len() > 2 {
                let parent = &e.code[..e.code.len() - 1];
                assert!(
                    cameo(parent).is_some() || cameo(&e.code[..2]).is_some(),
                    "{}",
                    e.code
                );
            }
            if root >= 2 {
                assert!(e.plover_type.is_some(), "{} has no PLOVER type", e.code);
            }
        }
        assert_eq!(cameo("042").unwrap().plover_type, Some(PloverType::Consult));
        assert_eq!(
            cameo("0256").unwrap().plover_type,
            Some(PloverType::Request)
        );
        assert_eq!(cameo("010").unwrap().plover_type, None);
    }

    #[test]
    fn coding_flags_are_known_and_point_to_codes() {
        const FLAGS: [&str; 14] = [
            "symmetric",
            "target_from_place",
            "crosses_that",
            "unattributed",
            "needs_object",
            "targets_own_government",
            "targets_civilians",
            "needs_target",
            "statement",
            "threat",
            "harm",
            "force_posture",
            "partner_with",
            "agreement",
        ];
        const VALUES: [&str; 9] = [
            "implied_agent",
            "by_state",
            "by_phone",
            "by_air",
            "by_armed",
            "by_police",
            "reported",
            "reciprocal",
            "rule",
        ];
        let header = [
            "code",
            "label",
            "quad",
            "goldstein",
            "plover_type",
            "plover_mode",
            "plover_context",
            "coding",
        ];
        let rows = tsv::read("cameo.tsv", include_str!("../../data/cameo.tsv"), &header).unwrap();
        for r in &rows {
            for f in r.list(7) {
                let name = f.split('=').next().unwrap();
                assert!(
                    if f.contains('=') {
                        VALUES.contains(&name)
                    } else {
                        FLAGS.contains(&name)
                    },
                    "{}: unknown coding flag {f}",
                    r.get(0)
                );
            }
        }
        for e in cameo_codes() {
            for c in [
                &e.by_state,
                &e.by_phone,
                &e.by_air,
                &e.by_armed,
                &e.by_police,
                &e.reported,
                &e.reciprocal,
            ]
            .into_iter()
            .flatten()
            {
                assert!(cameo(c).is_some(), "{}: {c} is no code", e.code);
            }
            // The classes follow the roots.
            let root: u8 = e.root().parse().unwrap();
            assert_eq!(e.statement, root == 1, "{}", e.code);
            assert_eq!(e.threat, root == 13, "{}", e.code);
            assert_eq!(e.harm, root >= 15, "{}", e.code);
        }
        for rule in CodeRule::ALL {
            assert_eq!(
                cameo_codes().filter(|e| e.rule == Some(rule)).count(),
                1,
                "{rule:?}"
            );
        }
    }

    #[test]
    fn plover_contexts_and_modes_exist() {
        let cats = super::super::plover_categories();
        for e in cameo_codes() {
            for c in &e.plover_contexts {
                assert!(
                    cats.iter().any(|k| k.kind == "context" && &k.name == c),
                    "{}: context {c}",
                    e.code
                );
            }
        }
    }
}

/// How a stated intention or a refusal changes an event code (`data/modality.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modal {
    /// "will visit", "vowed to", "said it would".
    Intent,
    /// "refused to meet", "did not sign".
    Negated,
}

static MODALITY: LazyLock<Vec<(String, String, String)>> = LazyLock::new(|| {
    tsv::read(
        "modality.tsv",
        include_str!("../../data/modality.tsv"),
        &["prefix", "intent", "negated"],
    )
    .expect("built-in modality.tsv is valid (tested)")
    .iter()
    .map(|r| {
        (
            r.get(0).to_string(),
            r.get(1).to_string(),
            r.get(2).to_string(),
        )
    })
    .collect()
});

/// The code an event gets under a modality: `Some(code)` (possibly unchanged) or `None` when a
/// negated event has no CAMEO reading and should be dropped.
///
/// ```
/// use eventcoder::ontology::{modal_code, Modal};
/// assert_eq!(modal_code("042", Modal::Intent).as_deref(), Some("036"));
/// assert_eq!(modal_code("163", Modal::Intent).as_deref(), Some("1312"));
/// assert_eq!(modal_code("040", Modal::Negated).as_deref(), Some("125"));
/// assert_eq!(modal_code("111", Modal::Intent).as_deref(), Some("111"));
/// assert_eq!(modal_code("111", Modal::Negated), None);
/// ```
pub fn modal_code(code: &str, modal: Modal) -> Option<String> {
    let best = MODALITY
        .iter()
        .filter(|(p, _, _)| code.starts_with(p.as_str()))
        .max_by_key(|(p, _, _)| p.len());
    match (modal, best) {
        (Modal::Intent, Some((_, i, _))) if !i.is_empty() => Some(i.clone()),
        (Modal::Intent, _) => Some(code.to_string()),
        (Modal::Negated, Some((_, _, n))) if !n.is_empty() => Some(n.clone()),
        (Modal::Negated, _) => None,
    }
}

#[cfg(test)]
mod modality_tests {
    use super::*;
    #[test]
    fn every_modal_code_exists() {
        for (p, i, n) in MODALITY.iter() {
            for c in [p, i, n] {
                assert!(
                    c.is_empty() || cameo(c).is_some() || cameo(&c[..2]).is_some(),
                    "{c}"
                );
            }
            assert!(i.is_empty() || cameo(i).is_some(), "intent code {i}");
            assert!(n.is_empty() || cameo(n).is_some(), "negated code {n}");
        }
    }
}
