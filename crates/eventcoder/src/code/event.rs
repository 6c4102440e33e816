//! The output model: events, actors and their evidence.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use crate::article::Span;
use crate::ontology::{PloverType, Sector, cameo};

/// One party to an event, resolved as of the article's date.
///
/// ```
/// use eventcoder::{Coder, Article};
/// let coder = Coder::new();
/// let doc = coder.code(&Article::new("a", "Russia expels 23 UK diplomats").with_published_str("2018-03-17")?)?;
/// let src = doc.events[0].source.as_ref().unwrap();
/// assert_eq!((src.country.as_deref(), src.text.as_str()), (Some("RUS"), "Russia"));
/// # Ok::<(), eventcoder::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// The mention as written.
    pub text: SmolStr,
    /// Where it is (bytes in Rust; string indices in Python and JSON output).
    pub span: Span,
    /// ISO 3166-1 alpha-3 code of the state, if any.
    pub country: Option<SmolStr>,
    /// Organization code (EU, UN, NATO, ...), if any.
    pub organization: Option<SmolStr>,
    /// Sector: GOV, MIL, COP, REB, CVL, ... (PLOVER / CAMEO agent code), if known.
    pub sector: Option<Sector>,
    /// The person's name, if the mention names one.
    pub name: Option<SmolStr>,
    /// The CAMEO actor code ("TJKGOV", "IGOEUREEC", "RUS"); `None` when the mention could not
    /// be resolved to any state, organization, group or sector ("Smith criticized Russia").
    pub code: Option<SmolStr>,
    /// Whether the state was inferred (from a location, the dateline or an earlier mention)
    /// rather than written in the mention.
    pub inferred: bool,
}

impl Actor {
    /// An actor with its text and span and nothing resolved yet (no country, organization,
    /// sector, name or code; not inferred).
    pub fn unresolved(text: SmolStr, span: Span) -> Actor {
        Actor {
            text,
            span,
            country: None,
            organization: None,
            sector: None,
            name: None,
            code: None,
            inferred: false,
        }
    }

    /// Whether the actor resolved to a code: `false` for an unknown name ("Smith").
    pub fn is_resolved(&self) -> bool {
        self.code.is_some()
    }

    /// The identity used for deduplication and the source ≠ target check.
    pub fn identity(&self) -> (Option<&str>, Option<&str>, Option<Sector>, Option<&str>) {
        (
            self.country.as_deref(),
            self.organization.as_deref(),
            self.sector,
            self.name.as_deref(),
        )
    }

    /// The organization it belongs to, else its state: whose side it is on.
    pub fn party(&self) -> Option<&str> {
        self.organization.as_deref().or(self.country.as_deref())
    }

    /// Whether two mentions are the same party (same state or organization, and the same
    /// person when both name one).
    pub fn same_party(&self, other: &Actor) -> bool {
        match (self.party(), other.party()) {
            (Some(a), Some(b)) if a == b => match (&self.name, &other.name) {
                (Some(x), Some(y)) => x == y,
                // A bare state ("Russia") is its government: the same party as "the Russian
                // government", not as its army or its citizens.
                _ => self.sector.unwrap_or(Sector::Gov) == other.sector.unwrap_or(Sector::Gov),
            },
            (None, None) => self.name.is_some() && self.name == other.name,
            _ => false,
        }
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code.as_deref().unwrap_or("?"))?;
        if let Some(n) = &self.name {
            write!(f, " ({n})")?;
        }
        Ok(())
    }
}

/// The CAMEO coding of an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cameo {
    /// The event code ("042").
    pub code: &'static str,
    /// Its root ("04").
    pub root: &'static str,
    /// The codebook label.
    pub label: &'static str,
    /// 1-4.
    pub quad_class: u8,
    /// Goldstein score.
    pub goldstein: f32,
}

impl Cameo {
    /// The coding of `code` from the CAMEO table.
    ///
    /// # Panics
    /// If the code is not in the table; the coder only produces codes that are.
    pub fn of(code: &str) -> Cameo {
        let e = cameo(code).unwrap_or_else(|| panic!("CAMEO code {code} is in the table"));
        Cameo::of_entry(e)
    }

    /// The coding of a table entry (what [`Cameo::of`] gives for its code).
    pub(crate) fn of_entry(e: &'static crate::ontology::CameoEntry) -> Cameo {
        Cameo {
            code: e.code.as_str(),
            root: e.root(),
            label: e.label.as_str(),
            quad_class: e.quad_class,
            goldstein: e.goldstein,
        }
    }
}

/// The PLOVER coding of an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plover {
    /// The event type; `None` for CAMEO 01x statements, which PLOVER does not code.
    #[serde(rename = "type")]
    pub event_type: Option<PloverType>,
    /// The mode, if any.
    pub mode: Option<SmolStr>,
    /// Contexts: from the CAMEO code, the sentence and the article.
    pub contexts: Vec<&'static str>,
}

/// Where an event's location was found.
///
/// ```
/// use eventcoder::code::LocationSource;
/// assert_eq!(LocationSource::Dateline.as_str(), "dateline");
/// assert_eq!(serde_json::to_string(&LocationSource::Sentence).unwrap(), "\"sentence\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationSource {
    /// A place in the event's sentence.
    Sentence,
    /// The article's dateline.
    Dateline,
}

impl LocationSource {
    /// Every value, in declaration order (what the Python stubs list).
    pub const ALL: [LocationSource; 2] = [LocationSource::Sentence, LocationSource::Dateline];

    /// The name used in JSON and Python.
    pub fn as_str(self) -> &'static str {
        match self {
            LocationSource::Sentence => "sentence",
            LocationSource::Dateline => "dateline",
        }
    }
}

impl fmt::Display for LocationSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an event's date was found.
///
/// ```
/// use eventcoder::code::DateSource;
/// assert_eq!(DateSource::Continued.to_string(), "continued");
/// assert_eq!(serde_json::to_string(&DateSource::Published).unwrap(), "\"published\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Written in the event's sentence.
    Explicit,
    /// A follow-up sentence about the same parties keeps the date of the event before it.
    Continued,
    /// The article's dateline.
    Dateline,
    /// The article's publication date.
    Published,
    /// No date could be found.
    None,
}

impl DateSource {
    /// Every value, in declaration order (what the Python stubs list).
    pub const ALL: [DateSource; 5] = [
        DateSource::Explicit,
        DateSource::Continued,
        DateSource::Dateline,
        DateSource::Published,
        DateSource::None,
    ];

    /// The name used in JSON and Python.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Explicit => "explicit",
            DateSource::Continued => "continued",
            DateSource::Dateline => "dateline",
            DateSource::Published => "published",
            DateSource::None => "none",
        }
    }
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    /// The place as written.
    pub text: SmolStr,
    /// Where it is written.
    pub span: Span,
    /// Canonical place name.
    pub name: SmolStr,
    /// ISO3 code of its state.
    pub country: Option<SmolStr>,
    /// Where it was found: the sentence or the dateline.
    pub source: LocationSource,
}

/// A piece of text: its content and span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextSpan {
    /// The text.
    pub text: SmolStr,
    /// Where it is.
    pub span: Span,
}

/// A sentence reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceRef {
    /// 0-based sentence index in the article.
    pub index: usize,
    /// The sentence span.
    pub span: Span,
}

/// One mention of an event: several mentions of the same event collapse into one [`Event`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The sentence.
    pub sentence: SentenceRef,
    /// The trigger.
    pub trigger: TextSpan,
    /// The rule that fired.
    pub rule: SmolStr,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// The article's id.
    pub article_id: SmolStr,
    /// When it happened, if the article is dated.
    pub date: Option<NaiveDate>,
    /// Who acted.
    pub source: Option<Actor>,
    /// Who was acted on; `None` for one-sided events ("X said").
    pub target: Option<Actor>,
    /// CAMEO coding.
    pub cameo: Cameo,
    /// PLOVER coding.
    pub plover: Plover,
    /// The sentence of the first mention.
    pub sentence: SentenceRef,
    /// The words that triggered it.
    pub trigger: TextSpan,
    /// The pattern (file:line and text) and modifiers that produced it.
    pub rule: SmolStr,
    /// Confidence in [0, 1].
    pub confidence: f32,
    /// Where it happened.
    pub location: Option<Location>,
    /// The outlet the article cites.
    pub reported_by: Option<SmolStr>,
    /// Whether the event is negated ("did not sign"). Negated events are dropped unless the
    /// coder keeps them.
    pub negated: bool,
    /// How the date was found.
    pub date_source: DateSource,
    /// How many times the article mentions this event (deduplication merges the mentions).
    pub mentions: usize,
    /// The mentions of this event in the article, the first included: all of them, up to
    /// [`crate::code::MAX_EVIDENCE`] (so that an article repeating one event a million times
    /// keeps bounded memory; [`Event::mentions`] still counts them all).
    pub evidence: Vec<Evidence>,
    /// The issues of the sentences the event is mentioned in (those of [`Event::evidence`]),
    /// in text order, when the coder has a PETRARCH issues file; `None` without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issues: Option<Vec<super::IssueMention>>,
}

impl Event {
    /// Whether the event has a target and both of its actors resolved to a code (what
    /// `require_dyad` keeps).
    pub fn is_resolved_dyad(&self) -> bool {
        self.source.as_ref().is_some_and(Actor::is_resolved)
            && self.target.as_ref().is_some_and(Actor::is_resolved)
    }

    /// A multi-line explanation of where every field came from. The first line is the
    /// event's [`Display`](fmt::Display) form; a negated event (kept with `keep_negated`)
    /// reads `NOT CAMEO ...` there and has a `negated` line.
    ///
    /// ```
    /// use eventcoder::{Article, Coder};
    /// let coder = Coder::builder().keep_negated(true).build()?;
    /// let text = "Iran did not attack Israel on Sunday.";
    /// let doc = coder.code(&Article::new("a", text).with_published_str("2024-04-15")?)?;
    /// let e = doc.events.iter().find(|e| e.negated).expect("a negated event");
    /// let explained = e.explain(text);
    /// assert!(explained.lines().next().unwrap().contains(": NOT CAMEO "));
    /// assert!(explained.contains("\n  negated:"));
    /// # Ok::<(), eventcoder::Error>(())
    /// ```
    pub fn explain(&self, text: &str) -> String {
        let mut s = String::new();
        let actor = |a: &Option<Actor>| match a {
            Some(a) => format!(
                "{} from {:?} at {}..{} (country {}, organization {}, sector {}{})",
                a.code.as_deref().unwrap_or("unresolved"),
                a.text,
                a.span.start,
                a.span.end,
                a.country.as_deref().unwrap_or("-"),
                a.organization.as_deref().unwrap_or("-"),
                a.sector.map_or("-", Sector::as_str),
                if a.inferred { ", state inferred" } else { "" }
            ),
            None => "none".into(),
        };
        s.push_str(&format!("{self}\n"));
        s.push_str(&format!(
            "  sentence {}: {:?}\n",
            self.sentence.index,
            self.sentence.span.slice(text)
        ));
        s.push_str(&format!(
            "  trigger {:?} at {}..{}\n",
            self.trigger.text, self.trigger.span.start, self.trigger.span.end
        ));
        s.push_str(&format!("  rule {}\n", self.rule));
        if self.negated {
            s.push_str("  negated: the text says it did not happen (kept by keep_negated)\n");
        }
        s.push_str(&format!("  source {}\n", actor(&self.source)));
        s.push_str(&format!("  target {}\n", actor(&self.target)));
        s.push_str(&format!(
            "  date {} ({})\n",
            self.date.map_or("unknown".into(), |d| d.to_string()),
            self.date_source
        ));
        if let Some(l) = &self.location {
            s.push_str(&format!(
                "  location {} ({}) from the {}\n",
                l.name,
                l.country.as_deref().unwrap_or("-"),
                l.source
            ));
        }
        if let Some(r) = &self.reported_by {
            s.push_str(&format!("  reported by {r}\n"));
        }
        for i in self.issues.iter().flatten() {
            s.push_str(&format!(
                "  issue {} ({}) from {:?} at {}..{} in sentence {}\n",
                i.code, i.category, i.text, i.span.start, i.span.end, i.sentence
            ));
        }
        s.push_str(&format!(
            "  confidence {:.2}, {} mention(s)\n",
            self.confidence, self.mentions
        ));
        s
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self
            .date
            .map_or("????-??-??".to_string(), |d| d.to_string());
        let src = self
            .source
            .as_ref()
            .map_or("-".to_string(), ToString::to_string);
        let tgt = self
            .target
            .as_ref()
            .map_or("-".to_string(), ToString::to_string);
        let ty = self.plover.event_type.map_or("-", PloverType::as_str);
        // A negated event (kept with `keep_negated`) says so up front: it did not happen.
        let not = if self.negated { "NOT " } else { "" };
        write!(
            f,
            "{d} {src} -> {tgt}: {not}CAMEO {} {} / PLOVER {ty} [{:?}]",
            self.cameo.code, self.cameo.label, self.trigger.text
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{DateSource, LocationSource};

    /// `ALL` lists every variant once, and `as_str` is what serde writes.
    #[test]
    fn every_source_is_listed_and_named_as_serialized() {
        // Exhaustive matches: a new variant does not compile here until it is counted.
        let date_index = |d: DateSource| match d {
            DateSource::Explicit => 0,
            DateSource::Continued => 1,
            DateSource::Dateline => 2,
            DateSource::Published => 3,
            DateSource::None => 4,
        };
        let location_index = |l: LocationSource| match l {
            LocationSource::Sentence => 0,
            LocationSource::Dateline => 1,
        };
        let dates: Vec<usize> = DateSource::ALL.iter().map(|&d| date_index(d)).collect();
        assert_eq!(dates, (0..DateSource::ALL.len()).collect::<Vec<_>>());
        assert_eq!(DateSource::ALL.len(), 5);
        let places: Vec<usize> = LocationSource::ALL
            .iter()
            .map(|&l| location_index(l))
            .collect();
        assert_eq!(places, (0..LocationSource::ALL.len()).collect::<Vec<_>>());
        assert_eq!(LocationSource::ALL.len(), 2);
        for d in DateSource::ALL {
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(json, format!("{:?}", d.as_str()));
        }
        for l in LocationSource::ALL {
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("{:?}", l.as_str()));
        }
    }
}
