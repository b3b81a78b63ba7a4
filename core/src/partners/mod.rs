//! Partner finder core (issue #16): who has experience in a field, in contexts like ours, and actor
//! profiles. Actors are providers and the agencies the records name; see [`actors`] for how agency
//! spellings are grouped without hiding them. Rows are dataset positions.

pub mod actors;
pub mod finder;
pub mod profile;

pub use actors::{agency_key, Actor, ActorId, Actors, ActorsBuilder, Role};
pub use finder::{field_rows, find, question, ActorRank, Contexts, Field, Finding, Gap, PeerRank};
pub use profile::{profile, ActorProfile, Amounts, Counted};
