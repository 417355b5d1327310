//! Horizontal bar charts: one bar per series in each group.
//!
//! Bars are laid out with the group's label on its own line above them, so long labels
//! in any language never collide with the bars. Series differ by fill (solid, outlined)
//! as well as colour, and every bar carries its value as text, so nothing depends on
//! telling colours apart.

use super::svg::{estimate_width, with_title, FONT, GRID, INK, MARK};
use super::Drawn;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A horizontal bar chart with one bar per series in each group.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub title: String,
    /// Names of the series, for the legend and the table's header.
    pub series: Vec<String>,
    pub groups: Vec<Group>,
    /// The value at the right end of the scale.
    pub max: f64,
    /// Grid lines with their labels.
    pub ticks: Vec<(f64, String)>,
    /// Text placed after the label of a marked group (e.g. "your stage").
    pub mark_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub label: String,
    pub bars: Vec<Bar>,
    pub marked: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// `None` draws no bar, only the text (e.g. "not scored").
    pub value: Option<f64>,
    pub text: String,
}

const WIDTH: u32 = 640;
const MARGIN: i32 = 12;
const RIGHT_SPACE: i32 = 170;
const BAR_HEIGHT: i32 = 16;
const BAR_GAP: i32 = 4;
const LABEL_HEIGHT: i32 = 22;
const GROUP_GAP: i32 = 12;
/// Series colours: deep teal and burnt orange, both ≥ 3:1 against white.
const COLOURS: [RGBColor; 3] = [RGBColor(0x1f, 0x4e, 0x5f), RGBColor(0xb3, 0x52, 0x00), RGBColor(0x5b, 0x3f, 0x8c)];

impl BarChart {
    fn height(&self) -> u32 {
        let bars = self.series.len().max(1) as i32;
        let group = LABEL_HEIGHT + bars * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
        (legend_height() + group * self.groups.len() as i32 + 28) as u32
    }

    /// The chart as a standalone SVG document, its title included.
    pub fn svg(&self) -> String {
        let mut out = String::new();
        let height = self.height();
        {
            let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
            // Drawing to a string cannot fail; a failed element would only be missing.
            let _ = self.draw(&root, height as i32);
        }
        with_title(out, &self.title)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, plotters::coord::Shift>, height: i32) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        root.fill(&WHITE)?;
        let text = |size: u32, colour: &'static RGBColor| TextStyle::from((FONT, size).into_font()).color(colour);
        let left = MARGIN;
        let right = WIDTH as i32 - RIGHT_SPACE;
        let x_of = |v: f64| {
            let share = if self.max > 0.0 { v / self.max } else { 0.0 };
            let share = if share.is_nan() { 0.0 } else { share.clamp(0.0, 1.0) };
            left + ((right - left) as f64 * share).round() as i32
        };
        let top = legend_height();
        let bottom = height - 28;

        // Legend: a swatch drawn like the bars of each series, then its name.
        let mut x = left;
        for (i, name) in self.series.iter().enumerate() {
            draw_bar(root, (x, 8), (x + 24, 8 + BAR_HEIGHT - 2), i)?;
            root.draw(&Text::new(name.clone(), (x + 30, 8 + (BAR_HEIGHT - 2) / 2), text(16, &INK).pos(Pos::new(HPos::Left, VPos::Center))))?;
            x += 30 + estimate_width(name, 13) + 24;
        }

        // Grid and scale.
        for (value, label) in &self.ticks {
            let gx = x_of(*value);
            root.draw(&PathElement::new(vec![(gx, top), (gx, bottom)], GRID.stroke_width(1)))?;
            root.draw(&Text::new(label.clone(), (gx, bottom + 6), text(14, &INK).pos(Pos::new(HPos::Center, VPos::Top))))?;
        }

        let mut y = top;
        for group in &self.groups {
            let colour: &'static RGBColor = if group.marked { &MARK } else { &INK };
            let label = if group.marked { format!("{} ◀ {}", group.label, self.mark_text) } else { group.label.clone() };
            root.draw(&Text::new(label, (left + 4, y + LABEL_HEIGHT / 2), text(if group.marked { 17 } else { 16 }, colour).pos(Pos::new(HPos::Left, VPos::Center))))?;
            y += LABEL_HEIGHT;
            for (i, bar) in group.bars.iter().enumerate() {
                let end = bar.value.map(x_of).unwrap_or(left);
                if bar.value.is_some_and(|v| v > 0.0) {
                    let series = if group.marked && self.series.len() == 1 { usize::MAX } else { i };
                    draw_bar(root, (left, y), (end, y + BAR_HEIGHT), series)?;
                }
                root.draw(&Text::new(bar.text.clone(), (end + 6, y + BAR_HEIGHT / 2), text(15, &INK).pos(Pos::new(HPos::Left, VPos::Center))))?;
                y += BAR_HEIGHT + BAR_GAP;
            }
            y += GROUP_GAP;
        }
        root.draw(&PathElement::new(vec![(left, top), (left, bottom)], INK.stroke_width(1)))?;
        Ok(())
    }

    /// The chart's data as rows of text: the group's label, then each bar's text.
    pub fn rows(&self) -> Vec<Vec<String>> {
        self.groups
            .iter()
            .map(|g| {
                let mut row = vec![if g.marked { format!("{} ({})", g.label, self.mark_text) } else { g.label.clone() }];
                row.extend(g.bars.iter().map(|b| b.text.clone()));
                row
            })
            .collect()
    }
}

fn legend_height() -> i32 {
    40
}

/// Series 0 solid, series 1 outlined on a pale fill, series 2 solid in a third colour;
/// `usize::MAX` is the marked bar of a one-series chart.
fn draw_bar<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, from: (i32, i32), to: (i32, i32), series: usize) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match series {
        usize::MAX => root.draw(&Rectangle::new([from, to], MARK.filled())),
        1 => {
            let colour = COLOURS[1];
            root.draw(&Rectangle::new([from, to], RGBColor(0xfb, 0xec, 0xdc).filled()))?;
            root.draw(&Rectangle::new([from, to], colour.stroke_width(2)))
        }
        i => root.draw(&Rectangle::new([from, to], COLOURS[i % COLOURS.len()].filled())),
    }
}

impl BarChart {
    /// The chart ready for the screen, with `words` that sum it up.
    pub fn drawn(&self, words: Vec<String>) -> Drawn {
        let mut header = vec![String::new()];
        header.extend(self.series.iter().cloned());
        Drawn { title: self.title.clone(), svg: self.svg(), header, rows: self.rows(), words }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> BarChart {
        BarChart {
            title: "Gap <b>".into(),
            series: vec!["Current".into(), "Ideal".into()],
            groups: vec![
                Group { label: "KPIs".into(), bars: vec![Bar { value: Some(3.0), text: "3".into() }, Bar { value: Some(9.0), text: "9".into() }], marked: false },
                Group { label: "<script>alert(1)</script>".into(), bars: vec![Bar { value: None, text: "not scored".into() }, Bar { value: Some(10.0), text: "10".into() }], marked: true },
            ],
            max: 10.0,
            ticks: vec![(0.0, "0".into()), (5.0, "5".into()), (10.0, "10".into())],
            mark_text: "yours".into(),
        }
    }

    #[test]
    fn svg_has_title_labels_and_values() {
        let svg = chart().svg();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("<title>Gap &lt;b&gt;</title>"));
        for text in ["KPIs", "Current", "Ideal", "not scored", "yours"] {
            assert!(svg.contains(text), "{text} missing");
        }
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn svg_never_carries_markup_from_labels() {
        let svg = chart().svg();
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn bars_scale_to_the_maximum() {
        let svg = chart().svg();
        let full = (WIDTH as i32 - RIGHT_SPACE - MARGIN).to_string();
        assert!(svg.contains(&format!("width=\"{full}\"")), "a bar at the maximum spans the scale");
        let zero = BarChart { max: 0.0, ..chart() }.svg();
        assert!(!zero.contains(&format!("width=\"{full}\"")));
    }

    #[test]
    fn rows_follow_the_groups() {
        assert_eq!(chart().rows()[1], vec!["<script>alert(1)</script> (yours)".to_string(), "not scored".into(), "10".into()]);
    }
}
