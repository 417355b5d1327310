//! Horizontal bar charts: one bar per series in each group, drawn at the width there is.
//!
//! Bars are laid out with the group's label on its own lines above them, so long labels
//! in any language never collide with the bars. Series differ by pattern (solid,
//! striped) as well as colour, status bars carry the status's sign and word, and every
//! bar carries its value as text, so nothing depends on telling colours apart.

use super::svg::{clamp_width, estimate_width, font, with_title, wrap, BACKGROUND, GRID, INK, MARK, SERIES, STATUS};
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
    /// A status (its index, as `tracking::status_index`): the bars take its colour.
    pub status: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// `None` draws no bar, only the text (e.g. "not scored").
    pub value: Option<f64>,
    pub text: String,
}

/// The width a chart is drawn at where no screen says otherwise (reports).
pub const WIDTH: u32 = 640;
const MARGIN: i32 = 12;
const BAR_HEIGHT: i32 = 18;
const BAR_GAP: i32 = 4;
const GROUP_GAP: i32 = 12;
/// Text sizes in pixels as shown: never below 12 (WCAG-minded projector and phone use).
const LABEL_SIZE: u32 = 16;
const VALUE_SIZE: u32 = 15;
const TICK_SIZE: u32 = 14;
const LEGEND_SIZE: u32 = 15;
const LINE: i32 = 20;
const LEGEND_ROW: i32 = 26;
const SCALE_SPACE: i32 = 30;
/// The pale stripe through bars of the second series.
const STRIPE: RGBColor = RGBColor(0xff, 0xff, 0xff);

/// Colours this chart fills bars with, for the contrast test.
#[cfg(test)]
pub(super) fn drawn_colours() -> Vec<RGBColor> {
    let mut all = SERIES.to_vec();
    all.extend(STATUS);
    all.push(MARK);
    all
}

/// Where everything goes at one width.
struct Layout {
    width: i32,
    /// (x, y) and lines of each legend item.
    legend: Vec<(i32, i32, Vec<String>)>,
    top: i32,
    /// The lines of each group's label.
    labels: Vec<Vec<String>>,
    right: i32,
    height: i32,
}

impl BarChart {
    fn label(&self, g: &Group) -> String {
        if g.marked && !self.mark_text.is_empty() { format!("{} ◀ {}", g.label, self.mark_text) } else { g.label.clone() }
    }

    fn layout(&self, width: u32) -> Layout {
        let width = clamp_width(width) as i32;
        // Legend items flow into rows, a name too long for a row on lines of its own; an
        // empty name has no entry, and bars coloured by status need none (their labels
        // name the status).
        let mut legend = Vec::new();
        let (mut x, mut y) = (MARGIN, 8);
        let mut rows = 0;
        if !self.groups.iter().all(|g| g.status.is_some()) || self.groups.is_empty() {
            for name in self.series.iter().filter(|n| !n.trim().is_empty()) {
                let lines = wrap(name, LEGEND_SIZE, width - 2 * MARGIN - 30, 3);
                let w = 30 + lines.iter().map(|l| estimate_width(l, LEGEND_SIZE)).max().unwrap_or(0) + 20;
                if x > MARGIN && x + w > width - MARGIN {
                    x = MARGIN;
                    y += rows;
                }
                rows = rows.max(LEGEND_ROW + (lines.len() as i32 - 1) * LINE);
                legend.push((x, y, lines));
                x += w;
            }
        }
        let top = if legend.is_empty() { 8 } else { y + rows + 6 };
        let labels: Vec<Vec<String>> = self.groups.iter().map(|g| wrap(&self.label(g), LABEL_SIZE, width - 2 * MARGIN - 4, 3)).collect();
        // Room right of the bars for the longest value, but never more than half the width.
        let text = self.groups.iter().flat_map(|g| g.bars.iter()).map(|b| estimate_width(&b.text, VALUE_SIZE)).max().unwrap_or(0);
        let right = width - MARGIN - (text + 10).clamp(24, width / 2);
        let bars = self.series.len().max(1) as i32;
        let groups: i32 = labels.iter().map(|l| l.len().max(1) as i32 * LINE + 4 + bars * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP).sum();
        Layout { width, legend, top, labels, right, height: top + groups + SCALE_SPACE }
    }

    /// The chart as a standalone SVG document at the report's width, its title included.
    pub fn svg(&self) -> String {
        self.svg_at(WIDTH)
    }

    /// The chart drawn `width` pixels wide, so its text shows at its size.
    pub fn svg_at(&self, width: u32) -> String {
        let layout = self.layout(width);
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (layout.width as u32, layout.height.max(1) as u32)).into_drawing_area();
            // Drawing to a string cannot fail; a failed element would only be missing.
            let _ = self.draw(&root, &layout);
        }
        with_title(out, &self.title)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, plotters::coord::Shift>, layout: &Layout) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        root.fill(&BACKGROUND)?;
        let text = |size: u32, colour: &'static RGBColor| TextStyle::from(font(size)).color(colour);
        let left = MARGIN;
        let right = layout.right;
        let x_of = |v: f64| {
            let share = if self.max > 0.0 { v / self.max } else { 0.0 };
            let share = if share.is_nan() { 0.0 } else { share.clamp(0.0, 1.0) };
            left + ((right - left) as f64 * share).round() as i32
        };
        let top = layout.top;
        let bottom = layout.height - SCALE_SPACE + 2;

        // Legend: a swatch drawn like the bars of each series, then its name.
        let named = self.series.iter().enumerate().filter(|(_, n)| !n.trim().is_empty()).map(|(i, _)| i);
        for (i, (x, y, lines)) in named.zip(&layout.legend) {
            draw_bar(root, (*x, *y), (x + 24, y + BAR_HEIGHT - 2), i, None)?;
            for (j, line) in lines.iter().enumerate() {
                root.draw(&Text::new(line.clone(), (x + 30, y + (BAR_HEIGHT - 2) / 2 + j as i32 * LINE), text(LEGEND_SIZE, &INK).pos(Pos::new(HPos::Left, VPos::Center))))?;
            }
        }

        // Grid and scale; the outer labels stay whole inside the chart.
        let count = self.ticks.len();
        for (i, (value, label)) in self.ticks.iter().enumerate() {
            let gx = x_of(*value);
            root.draw(&PathElement::new(vec![(gx, top), (gx, bottom)], GRID.stroke_width(1)))?;
            let half = estimate_width(label, TICK_SIZE) / 2;
            let (x, h) = if i + 1 == count && gx + half > layout.width - 2 {
                (layout.width - 2, HPos::Right)
            } else if i == 0 && gx - half < 2 {
                (2, HPos::Left)
            } else {
                (gx, HPos::Center)
            };
            root.draw(&Text::new(label.clone(), (x, bottom + 6), text(TICK_SIZE, &INK).pos(Pos::new(h, VPos::Top))))?;
        }

        let mut y = top;
        for (group, lines) in self.groups.iter().zip(&layout.labels) {
            let colour: &'static RGBColor = if group.marked { &MARK } else { &INK };
            let style = if group.marked { TextStyle::from(font(LABEL_SIZE).style(FontStyle::Bold)).color(colour) } else { text(LABEL_SIZE, colour) };
            for line in lines {
                root.draw(&Text::new(line.clone(), (left + 4, y + LINE / 2), style.pos(Pos::new(HPos::Left, VPos::Center))))?;
                y += LINE;
            }
            if lines.is_empty() {
                y += LINE;
            }
            y += 4;
            for (i, bar) in group.bars.iter().enumerate() {
                let end = bar.value.map(x_of).unwrap_or(left);
                let drawn = bar.value.is_some_and(|v| v > 0.0);
                if drawn {
                    let series = if group.marked && self.series.len() == 1 { usize::MAX } else { i };
                    draw_bar(root, (left, y), (end, y + BAR_HEIGHT), series, group.status)?;
                }
                // The value after the bar, or inside its end where the chart is too narrow.
                let w = estimate_width(&bar.text, VALUE_SIZE);
                let at = if drawn && end + 6 + w > layout.width - 2 && end - left > w + 12 {
                    Text::new(bar.text.clone(), (end - 6, y + BAR_HEIGHT / 2), text(VALUE_SIZE, &BACKGROUND).pos(Pos::new(HPos::Right, VPos::Center)))
                } else {
                    Text::new(bar.text.clone(), (end + 6, y + BAR_HEIGHT / 2), text(VALUE_SIZE, &INK).pos(Pos::new(HPos::Left, VPos::Center)))
                };
                root.draw(&at)?;
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

/// Series 0 solid, series 1 solid with a pale stripe through it, series 2 solid in a
/// third colour; `usize::MAX` is the marked bar of a one-series chart; a status colours
/// the bar as its badge.
fn draw_bar<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, from: (i32, i32), to: (i32, i32), series: usize, status: Option<usize>) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if let Some(s) = status {
        return root.draw(&Rectangle::new([from, to], STATUS[s.min(STATUS.len() - 1)].filled()));
    }
    match series {
        usize::MAX => root.draw(&Rectangle::new([from, to], MARK.filled())),
        1 => {
            root.draw(&Rectangle::new([from, to], SERIES[1].filled()))?;
            let middle = (from.1 + to.1) / 2;
            if to.0 - from.0 > 4 {
                root.draw(&Rectangle::new([(from.0 + 2, middle - 1), (to.0 - 2, middle + 2)], STRIPE.filled()))?;
            }
            Ok(())
        }
        i => root.draw(&Rectangle::new([from, to], SERIES[i % SERIES.len()].filled())),
    }
}

impl BarChart {
    /// The chart ready for the screen, with `words` that sum it up.
    pub fn drawn(&self, words: Vec<String>, width: u32) -> Drawn {
        let mut header = vec![String::new()];
        header.extend(self.series.iter().cloned());
        Drawn { title: self.title.clone(), svg: self.svg_at(width), header, rows: self.rows(), words }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn chart() -> BarChart {
        BarChart {
            title: "Gap <b>".into(),
            series: vec!["Current".into(), "Ideal".into()],
            groups: vec![
                Group { label: "KPIs".into(), bars: vec![Bar { value: Some(3.0), text: "3".into() }, Bar { value: Some(9.0), text: "9".into() }], marked: false, status: None },
                Group { label: "<script>alert(1)</script>".into(), bars: vec![Bar { value: None, text: "not scored".into() }, Bar { value: Some(10.0), text: "10".into() }], marked: true, status: None },
            ],
            max: 10.0,
            ticks: vec![(0.0, "0".into()), (5.0, "5".into()), (10.0, "10".into())],
            mark_text: "yours".into(),
        }
    }

    /// Every `font-size` the SVG sets, in pixels.
    pub(crate) fn font_sizes(svg: &str) -> Vec<f64> {
        svg.split("font-size=\"").skip(1).filter_map(|s| s.split('"').next()?.parse().ok()).collect()
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
        let c = chart();
        let layout = c.layout(WIDTH);
        let full = (layout.right - MARGIN).to_string();
        let svg = c.svg();
        assert!(svg.contains(&format!("width=\"{full}\"")), "a bar at the maximum spans the scale");
        let zero = BarChart { max: 0.0, ..chart() }.svg();
        assert!(!zero.contains(&format!("width=\"{full}\"")));
    }

    #[test]
    fn the_chart_takes_the_width_it_is_given_and_text_stays_at_least_12_px() {
        for width in [300, 420, 640, 1100] {
            let svg = chart().svg_at(width);
            assert!(svg.starts_with(&format!("<svg width=\"{width}\"")), "{width}: {}", &svg[..60]);
            let sizes = font_sizes(&svg);
            assert!(!sizes.is_empty());
            assert!(sizes.iter().all(|s| *s >= 12.0), "{width}: {sizes:?}");
        }
        assert!(chart().svg_at(10).starts_with(&format!("<svg width=\"{}\"", super::super::svg::MIN_WIDTH)));
    }

    #[test]
    fn long_labels_wrap_inside_a_narrow_chart() {
        let mut c = chart();
        c.groups[0].label = "Opportunities and risks of the landscape, weighed by the team in the room".into();
        let narrow = c.layout(300);
        assert!(narrow.labels[0].len() > 1);
        assert!(narrow.labels[0].iter().all(|l| estimate_width(l, LABEL_SIZE) <= 300 - 2 * MARGIN - 4));
        assert!(narrow.height > c.layout(1100).height);
    }

    #[test]
    fn an_empty_series_name_has_no_legend_entry() {
        let c = BarChart { series: vec![String::new()], groups: vec![Group { label: "A".into(), bars: vec![Bar { value: Some(1.0), text: "1".into() }], marked: false, status: None }], ..chart() };
        let svg = c.svg();
        // The legend's swatch is a rectangle 24 wide; none is drawn for an empty name.
        assert!(!svg.contains("width=\"24\""), "{svg}");
    }

    #[test]
    fn a_long_legend_name_wraps_inside_a_narrow_chart() {
        let c = BarChart { series: vec!["Opportunities: total weight (findings)".into(), "Threats: total weight (findings)".into()], ..chart() };
        let layout = c.layout(300);
        assert!(layout.legend.iter().all(|(x, _, lines)| lines.iter().all(|l| x + 30 + estimate_width(l, LEGEND_SIZE) <= 300 - MARGIN)), "{:?}", layout.legend);
        assert!(layout.legend[0].2.len() > 1);
    }

    #[test]
    fn status_bars_take_the_status_colour() {
        let c = BarChart {
            series: vec!["KPIs".into()],
            groups: (0..STATUS.len()).map(|s| Group { label: format!("s{s}"), bars: vec![Bar { value: Some(2.0), text: "2".into() }], marked: false, status: Some(s) }).collect(),
            ..chart()
        };
        let svg = c.svg().to_lowercase();
        assert!(c.layout(WIDTH).legend.is_empty(), "the status labels are the legend");
        for colour in STATUS {
            assert!(svg.contains(&format!("fill=\"{}\"", super::super::svg::hex(colour))), "{}", super::super::svg::hex(colour));
        }
    }

    #[test]
    fn rows_follow_the_groups() {
        assert_eq!(chart().rows()[1], vec!["<script>alert(1)</script> (yours)".to_string(), "not scored".into(), "10".into()]);
    }
}
