//! Charts, drawn with plotters to SVG text. Pure: the same chart comes out in the
//! browser, in tests and in exported reports. A chart is described by its data (groups
//! of labelled bars, or points over time); the screen shows the SVG and, as its text
//! alternative, the same data as a table. Charts are drawn at the width of their place on
//! the screen (reports use `bar::WIDTH`), so their text shows at its size, never below
//! 12 px. One file per job:
//!
//! - `bar`: horizontal bar charts;
//! - `line`: a value over time, with its pace line and target;
//! - `map`: the strategy map as a diagram;
//! - `ticks`: round steps for an axis, whatever the data;
//! - `svg`: what all share: palette (and its contrast), font, wrapping, titles, escaping;
//! - `information`, `tracking`: what the Information phase and KPI tracking chart;
//! - `extremes` (tests): every chart and both reports on extreme plans.

mod bar;
pub mod information;
mod line;
pub mod map;
pub mod sparkline;
pub(crate) mod svg;
mod ticks;
pub mod tracking;
#[cfg(test)]
mod extremes;

pub use bar::{Bar, BarChart, Group, WIDTH as BAR_WIDTH};
pub use line::LineChart;
pub use svg::{clamp_width, escape};
pub use ticks::{nice_ticks, MAX_TICKS};

/// A chart ready for the screen: its title, its SVG, its data as a table, and words that
/// sum it up.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub title: String,
    pub svg: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub words: Vec<String>,
}
