//! Typed indexes into the lexicon's tables: a [`StateId`] indexes [`Lexicon::states`], an
//! [`AgentId`] [`Lexicon::agents`], and so on, so an index of one table cannot be used for
//! another. Each id indexes its table directly (`lex.states[id]`).
//!
//! [`Lexicon::states`]: super::Lexicon::states
//! [`Lexicon::agents`]: super::Lexicon::agents

use serde::Serialize;

use super::model::{Agent, Group, Organization, Outlet, Pattern, Person, Place, State};

/// Defines a 32-bit id of the rows of one table, with `Index` and `IndexMut` on the table.
macro_rules! table_id {
    ($(#[$doc:meta])* $name:ident indexes $table:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(u32);

        impl $name {
            /// The id of row `index`; `None` when `index` does not fit the id's 32 bits.
            pub fn from_index(index: usize) -> Option<Self> {
                u32::try_from(index).ok().map(Self)
            }

            /// The row's index in its table.
            #[inline]
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl std::ops::Index<$name> for Vec<$table> {
            type Output = $table;
            #[inline]
            fn index(&self, id: $name) -> &$table {
                &self[id.index()]
            }
        }

        impl std::ops::IndexMut<$name> for Vec<$table> {
            #[inline]
            fn index_mut(&mut self, id: $name) -> &mut $table {
                &mut self[id.index()]
            }
        }
    };
}

table_id! {
    /// A state: an index into [`Lexicon::states`](super::Lexicon::states).
    StateId indexes State
}

table_id! {
    /// An organization: an index into [`Lexicon::organizations`](super::Lexicon::organizations).
    OrgId indexes Organization
}

table_id! {
    /// A role: an index into [`Lexicon::agents`](super::Lexicon::agents).
    AgentId indexes Agent
}

table_id! {
    /// A non-state group: an index into [`Lexicon::groups`](super::Lexicon::groups).
    GroupId indexes Group
}

table_id! {
    /// An office holder: an index into [`Lexicon::persons`](super::Lexicon::persons).
    PersonId indexes Person
}

table_id! {
    /// A place: an index into [`Lexicon::places`](super::Lexicon::places).
    PlaceId indexes Place
}

table_id! {
    /// A news outlet: an index into [`Lexicon::outlets`](super::Lexicon::outlets).
    OutletId indexes Outlet
}

table_id! {
    /// A context: an index into [`Lexicon::contexts`](super::Lexicon::contexts).
    ContextId indexes &'static str
}

table_id! {
    /// An event pattern (a verb pattern or an event noun): an index into
    /// [`Lexicon::patterns`](super::Lexicon::patterns).
    PatternId indexes Pattern
}
