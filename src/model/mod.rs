//! The pure domain: every block of the three-phase model as typed data, the rules on it
//! (completeness, stages, gaps), the file format with its validation and migrations.
//! No browser code lives here, so `cargo test` covers it natively.

mod actuals;
mod stamped;
mod advice;
pub mod agenda;
mod blocks;
mod date;
mod edit;
pub mod file_format;
mod id;
mod information;
pub mod json;
pub mod migrations;
mod repair;
mod spot;
pub mod review;
mod operative;
mod plan;
pub mod sample;
mod strategy;
pub mod merge;
pub mod workshop;
pub mod tracking;
pub mod validate;

pub use actuals::Actuals;
pub use stamped::Stamped;
pub use advice::*;
pub use blocks::*;
pub use date::Date;
pub use edit::{Item, LinkChange, Removal};
pub use repair::{repair, Repair, RepairKind};
pub use file_format::{decode, encode, Codec, Decoded, PlanCodec, Envelope, ImportError, SCHEMA_VERSION};
pub use id::Id;
pub use json::Keyed;
pub use information::*;
pub use operative::*;
pub use plan::{Plan, PlanSummary};
pub use strategy::*;
pub use workshop::{Comment, Workshop, VoteKind, Ranked};
#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod invariants;
#[cfg(test)] mod schema;
