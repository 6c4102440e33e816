//! Stage 3: the shallow parse. Lexical matches become actor mentions; verb patterns become
//! predicates with subjects, targets, voice, negation and modality. No external parser.

mod clauses;
mod mentions;
mod nominal;
mod phrase_roles;
mod unit_set;

pub use clauses::{
    ClauseScratch, Modality, Predicate, PredicateOptions, predicates, predicates_in,
    predicates_with,
};
pub use mentions::{Mention, Reference, StateForm, mentions, mentions_into};
pub use nominal::{merge_predicates, nominal_predicates};
pub use phrase_roles::petrarch_phrase_roles;
