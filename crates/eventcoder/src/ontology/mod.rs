//! Stage 5: the ontologies. The CAMEO event code table (label, quad class, Goldstein value) and
//! the PLOVER types, modes and contexts, with the official CAMEO → PLOVER mapping.
//!
//! Both tables are data (`data/cameo.tsv`, `data/plover.tsv`), read once.
//!
//! ```
//! use eventcoder::ontology::{cameo, PloverType};
//! let c = cameo("042").unwrap();
//! assert_eq!((c.root(), c.quad_class), ("04", 1));
//! assert_eq!(c.plover_type, Some(PloverType::Consult));
//! ```

mod cameo;
mod plover;
mod sector;

pub use cameo::{
    CameoEntry, CodeRule, Modal, cameo, cameo_codes, is_registrable_code, is_violent_code,
    modal_code, register_code, rule_code,
};
pub use plover::{PloverCategory, PloverType, plover_categories};
pub use sector::{Sector, UnknownSector};
