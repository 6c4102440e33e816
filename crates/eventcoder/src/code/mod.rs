//! Stage 4: coding. Predicates and mentions become [`Event`]s: actors resolved as of the
//! article date, CAMEO and PLOVER codes, dates, places, attribution, contexts, deduplication
//! and an explanation of every field.

mod coder;
mod commas;
mod conjuncts;
mod dates;
mod dedup;
mod diagnose;
mod event;
mod mention_actors;
mod predicate;
mod resolve;
mod targets;

pub(crate) use coder::place_for_state;
pub use coder::{Coder, CoderBuilder, CoderOptions, DateSpan, Discarded, Document, IssueMention};
pub use commas::CommaLimits;
pub use dates::{DateMention, find_dates, infer_year, last_weekday, resolve_partial};
pub use dedup::{Dedup, MAX_EVIDENCE, dedup};
pub use diagnose::{Diagnosis, DropReason, SentenceDiagnosis, SentenceOutcome, TriggerDiagnosis};
pub use event::{
    Actor, Cameo, DateSource, Event, Evidence, Location, LocationSource, Plover, SentenceRef,
    TextSpan,
};
pub use resolve::{Memory, Resolver, same_person};
