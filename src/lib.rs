//! Socialplan: a browser app that guides a team through its social media strategy with
//! the three-phase model (Information → Strategy → Operative), offline, in the browser.
//!
//! `model` (the pure domain), `lists` (the lists' descriptions), `i18n` (texts), `charts`,
//! `report`, `route` and `autosave` (the save and two-tab state machine) build and test
//! natively;
//! `storage` and `ui` are the browser half and exist only in the WebAssembly build.

pub mod autosave;
pub mod charts;
pub mod report;
pub mod i18n;
pub mod lists;
pub mod model;
pub mod route;
pub mod share;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The version written into exported files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
