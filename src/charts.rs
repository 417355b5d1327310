//! Charts, drawn with plotters to SVG text. Pure: the same chart comes out in the
//! browser, in tests and in exported reports. A chart is described by its data (groups
//! of labelled bars); the screen shows the SVG and, as its text alternative, the same
//! data as a table.
//!
//! Bars are laid out with the group's label on its own line above them, so long labels
//! in any language never collide with the bars. Series differ by fill (solid, outlined)
//! as well as colour, and every bar carries its value as text, so nothing depends on
//! telling colours apart.

use plotters::element::DashedPathElement;
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
const FONT: &str = "sans-serif";
const INK: RGBColor = RGBColor(0x1d, 0x26, 0x2b);
const GRID: RGBColor = RGBColor(0xd5, 0xdc, 0xe0);
/// Series colours: deep teal and burnt orange, both ≥ 3:1 against white.
const COLOURS: [RGBColor; 3] = [RGBColor(0x1f, 0x4e, 0x5f), RGBColor(0xb3, 0x52, 0x00), RGBColor(0x5b, 0x3f, 0x8c)];
const MARK: RGBColor = RGBColor(0x8a, 0x1c, 0x4a);

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

/// An SVG document with its title as the first element, for screen readers and files.
fn with_title(mut svg: String, title: &str) -> String {
    let title = format!("<title>{}</title>", escape(title));
    match svg.find('>') {
        Some(end) => svg.insert_str(end + 1, &title),
        None => svg.push_str(&title),
    }
    svg
}

/// A rough width of text in pixels, for spacing the legend.
fn estimate_width(text: &str, size: i32) -> i32 {
    text.chars().count() as i32 * size * 6 / 10
}

/// Text made safe for XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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

/// The charts of the Information phase, built from a plan in a language.
pub mod information {
    use super::{Bar, BarChart, Group};
    use crate::i18n::{fill, format_number, Lang};
    use crate::model::{MaturityDimension, Plan, Stage};

    fn ticks(lang: Lang, max: u32, step: u32) -> Vec<(f64, String)> {
        (0..=max).step_by(step as usize).map(|v| (f64::from(v), format_number(lang, f64::from(v), 0))).collect()
    }

    /// Exercise 1: per level, the summed weights of opportunities and of threats.
    pub fn landscape(plan: &Plan, lang: Lang) -> BarChart {
        let t = lang.texts();
        let summary = plan.information.landscape.summary();
        let top = summary.iter().map(|s| s.opportunity_weight.max(s.threat_weight)).max().unwrap_or(0).max(5);
        let max = top.div_ceil(5) * 5;
        let bar = |weight: u32, count: u32| Bar {
            value: Some(f64::from(weight)),
            text: fill(t.weight_count, &[("weight", &format_number(lang, f64::from(weight), 0)), ("count", &format_number(lang, f64::from(count), 0))]),
        };
        BarChart {
            title: t.landscape_chart_title.to_owned(),
            series: t.landscape_series.iter().map(|s| s.to_string()).collect(),
            groups: summary
                .iter()
                .map(|s| Group {
                    label: t.landscape_levels[s.level as usize].to_owned(),
                    bars: vec![bar(s.opportunity_weight, s.opportunities), bar(s.threat_weight, s.threats)],
                    marked: false,
                })
                .collect(),
            max: f64::from(max),
            ticks: ticks(lang, max, (max / 5).max(1)),
            mark_text: String::new(),
        }
    }

    /// Exercise 2: current against ideal per benchmark level, and the overall means.
    pub fn gap(plan: &Plan, lang: Lang) -> BarChart {
        let t = lang.texts();
        let bench = &plan.information.audit.benchmark;
        let summary = bench.gap_summary();
        let score = |v: Option<f64>, decimals| Bar {
            value: v,
            text: v.map(|v| format_number(lang, v, decimals)).unwrap_or_else(|| t.not_scored.to_owned()),
        };
        let label = |name: &str, gap: Option<f64>, decimals| match gap {
            Some(g) => fill(t.gap_group, &[("level", name), ("gap", &format_number(lang, g, decimals))]),
            None => name.to_owned(),
        };
        let mut groups: Vec<Group> = crate::model::BenchmarkLevel::ALL
            .iter()
            .zip(summary.levels)
            .map(|(l, g)| {
                let s = bench.get(*l);
                Group {
                    label: label(t.benchmark_levels[*l as usize], g.map(f64::from), 0),
                    bars: vec![score(s.current.map(f64::from), 0), score(s.ideal.map(f64::from), 0)],
                    marked: false,
                }
            })
            .collect();
        groups.push(Group {
            label: label(t.gap_overall, summary.overall(), 1),
            bars: vec![score(summary.mean_current, 1), score(summary.mean_ideal, 1)],
            marked: false,
        });
        BarChart {
            title: t.gap_chart_title.to_owned(),
            series: t.gap_series.iter().map(|s| s.to_string()).collect(),
            groups,
            max: 10.0,
            ticks: ticks(lang, 10, 2),
            mark_text: String::new(),
        }
    }

    /// The gap in words: overall, and the largest levels.
    pub fn gap_sentences(plan: &Plan, lang: Lang) -> Vec<String> {
        let t = lang.texts();
        let summary = plan.information.audit.benchmark.gap_summary();
        let (Some(gap), Some(current), Some(ideal)) = (summary.overall(), summary.mean_current, summary.mean_ideal) else {
            return vec![t.gap_none_scored.to_owned()];
        };
        let n = |v: f64| format_number(lang, v, 1);
        let mut out = vec![fill(t.gap_overall_text, &[("gap", &n(gap)), ("current", &n(current)), ("ideal", &n(ideal))])];
        if summary.largest.is_empty() {
            out.push(t.gap_no_positive.to_owned());
        } else {
            let levels: Vec<String> = summary
                .largest
                .iter()
                .map(|(l, g)| format!("{} ({})", t.benchmark_levels[*l as usize], format_number(lang, f64::from(*g), 0)))
                .collect();
            out.push(fill(t.gap_largest, &[("levels", &levels.join(", "))]));
        }
        out
    }

    /// The maturity profile: the stage reached per dimension (1 = Planning … 6 = Converged).
    pub fn profile(plan: &Plan, lang: Lang) -> BarChart {
        let t = lang.texts();
        let maturity = &plan.information.maturity;
        let weakest = maturity.weakest();
        BarChart {
            title: t.profile_chart_title.to_owned(),
            series: t.profile_series.iter().map(|s| s.to_string()).collect(),
            groups: MaturityDimension::ALL
                .iter()
                .map(|d| {
                    let stage = maturity.score(*d);
                    let text = match (stage, maturity.answers.contains_key(d)) {
                        (Some(s), _) => format!("{} {}", s as usize + 1, t.stage_names[s as usize]),
                        (None, true) => t.dont_know.to_owned(),
                        (None, false) => t.not_set.to_owned(),
                    };
                    Group {
                        label: t.dimension_names[*d as usize].to_owned(),
                        bars: vec![Bar { value: stage.map(|s| s as usize as f64 + 1.0), text }],
                        marked: weakest.contains(d),
                    }
                })
                .collect(),
            max: 6.0,
            ticks: ticks(lang, 6, 1).into_iter().skip(1).collect(),
            mark_text: t.weakest_link.to_owned(),
        }
    }

    /// The benchmark: share of companies per stage, the company's own stage marked.
    pub fn distribution(plan: &Plan, lang: Lang) -> BarChart {
        let t = lang.texts();
        let own = plan.information.maturity.stage();
        BarChart {
            title: t.distribution_chart_title.to_owned(),
            series: t.distribution_series.iter().map(|s| s.to_string()).collect(),
            groups: Stage::ALL
                .iter()
                .map(|s| Group {
                    label: t.stage_names[*s as usize].to_owned(),
                    bars: vec![Bar {
                        value: Some(s.benchmark_share()),
                        text: fill(t.percent_value, &[("value", &format_number(lang, s.benchmark_share(), 0))]),
                    }],
                    marked: own == Some(*s),
                })
                .collect(),
            max: 30.0,
            ticks: ticks(lang, 30, 10).into_iter().map(|(v, l)| (v, fill(t.percent_value, &[("value", &l)]))).collect(),
            mark_text: t.your_stage.to_owned(),
        }
    }
}

#[cfg(test)]
mod information_tests {
    use super::information::*;
    use crate::i18n::Lang;
    use crate::model::{BenchmarkLevel, BenchmarkScore, MaturityAnswer, MaturityDimension, Plan};

    #[test]
    fn empty_plan_charts_say_nothing_is_scored() {
        let plan = Plan::default();
        let gap = gap(&plan, Lang::En);
        assert_eq!(gap.groups.len(), 6);
        assert!(gap.groups.iter().all(|g| g.bars.iter().all(|b| b.value.is_none() && b.text == "not scored")));
        assert_eq!(gap_sentences(&plan, Lang::En), vec![Lang::En.texts().gap_none_scored.to_owned()]);
        assert!(distribution(&plan, Lang::En).groups.iter().all(|g| !g.marked));
        assert!(profile(&plan, Lang::En).groups.iter().all(|g| g.bars[0].value.is_none() && g.bars[0].text == "Not set"));
        assert_eq!(landscape(&plan, Lang::En).max, 5.0);
    }

    #[test]
    fn gap_chart_and_words_follow_the_scores() {
        let mut plan = Plan::default();
        *plan.information.audit.benchmark.get_mut(BenchmarkLevel::Kpis) = BenchmarkScore { current: Some(2), ideal: Some(9), note: String::new() };
        *plan.information.audit.benchmark.get_mut(BenchmarkLevel::Landscape) = BenchmarkScore { current: Some(6), ideal: Some(8), note: String::new() };
        let chart = gap(&plan, Lang::En);
        assert_eq!(chart.groups[3].label, "KPIs — gap 7");
        assert_eq!(chart.groups[5].bars[0].text, "4.0");
        let words = gap_sentences(&plan, Lang::De);
        assert!(words[0].contains("4,5"), "{words:?}");
        assert!(words[1].contains("KPIs (7)"), "{words:?}");
    }

    #[test]
    fn maturity_charts_mark_the_stage_and_weakest_links() {
        let mut plan = Plan::default();
        for d in MaturityDimension::ALL {
            plan.information.maturity.answers.insert(d, MaturityAnswer::Formalized);
        }
        plan.information.maturity.answers.insert(MaturityDimension::Roadmap, MaturityAnswer::Engagement);
        plan.information.maturity.answers.insert(MaturityDimension::Education, MaturityAnswer::DontKnow);
        let dist = distribution(&plan, Lang::En);
        let marked: Vec<_> = dist.groups.iter().filter(|g| g.marked).map(|g| g.label.as_str()).collect();
        assert_eq!(marked, ["Engagement"]);
        let prof = profile(&plan, Lang::En);
        assert!(prof.groups[2].marked);
        assert_eq!(prof.groups[2].bars[0].value, Some(3.0));
        assert_eq!(prof.groups[5].bars[0].text, "Don't know");
        assert!(prof.svg().contains("weakest link"));
    }
}
/// A value over time: the actual values, the pace line and the target.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    pub title: String,
    /// (day number, value), in time order.
    pub points: Vec<(i64, f64)>,
    /// The pace line, from (day, value) to (day, value).
    pub pace: Option<((i64, f64), (i64, f64))>,
    pub target: Option<f64>,
    /// Legend: actual values, pace, target.
    pub legend: [String; 3],
    /// The status in words, drawn in the chart too, so colour is never the only sign.
    pub status_text: String,
    pub colour: usize,
    pub x_ticks: Vec<(i64, String)>,
    pub y_ticks: Vec<(f64, String)>,
    /// The data as rows for the table: period, value, expected.
    pub rows: Vec<[String; 3]>,
}

/// Line colours by status: on track, at risk, off track, stale, no data.
const STATUS_COLOURS: [RGBColor; 5] =
    [RGBColor(0x1f, 0x6b, 0x5a), RGBColor(0x9a, 0x5b, 0x00), RGBColor(0xa4, 0x26, 0x2c), RGBColor(0x55, 0x65, 0x6c), RGBColor(0x55, 0x65, 0x6c)];

impl LineChart {
    pub const WIDTH: u32 = 640;
    pub const HEIGHT: u32 = 300;

    /// The x and y ranges the chart spans.
    pub fn ranges(points: &[(i64, f64)], pace: Option<((i64, f64), (i64, f64))>, target: Option<f64>) -> Option<((i64, i64), (f64, f64))> {
        let mut days: Vec<i64> = points.iter().map(|p| p.0).collect();
        let mut values: Vec<f64> = points.iter().map(|p| p.1).collect();
        if let Some((a, b)) = pace {
            days.extend([a.0, b.0]);
            values.extend([a.1, b.1]);
        }
        values.extend(target);
        let (x0, x1) = (*days.iter().min()?, *days.iter().max()?);
        let (y0, y1) = values.iter().filter(|v| v.is_finite()).fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
        let (y0, y1) = if y0 <= y1 { (y0, y1) } else { (0.0, 0.0) };
        // The span of ±1.7e308 overflows; a tenth of each end does not. The pad is never
        // zero, so the range never collapses on subnormal values.
        let span = match y1 - y0 {
            s if s.is_finite() => s * 0.08,
            _ => y1 * 0.08 - y0 * 0.08,
        };
        let pad = span.max(if y1 == 0.0 { 1.0 } else { y1.abs() * 0.05 }).max(f64::MIN_POSITIVE);
        let y0 = if y0 >= 0.0 && y0 - pad < 0.0 { 0.0 } else { y0 - pad };
        Some(((x0, x1.max(x0.saturating_add(1))), (y0.max(f64::MIN), (y1 + pad).min(f64::MAX))))
    }

    pub fn svg(&self) -> String {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (Self::WIDTH, Self::HEIGHT)).into_drawing_area();
            let _ = self.draw(&root);
        }
        with_title(out, &self.title)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, plotters::coord::Shift>) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        root.fill(&WHITE)?;
        let text = |size: u32| TextStyle::from((FONT, size).into_font()).color(&INK);
        let Some(((x0, x1), (y0, y1))) = Self::ranges(&self.points, self.pace, self.target) else { return Ok(()) };
        let (left, right, top, bottom) = (70, Self::WIDTH as i32 - 16, 44, Self::HEIGHT as i32 - 34);
        // Shares of the ranges, in f64 so far days cannot overflow, and clamped so no pixel
        // leaves the plot (NaN casts to 0).
        let px = |d: i64| {
            let share = (d as f64 - x0 as f64) / (x1 as f64 - x0 as f64).max(1.0);
            left + (share.clamp(0.0, 1.0) * f64::from(right - left)).round() as i32
        };
        let py = |v: f64| {
            let share = match y1 - y0 {
                span if span.is_finite() => (v - y0) / span.max(f64::MIN_POSITIVE),
                _ => (v / 2.0 - y0 / 2.0) / (y1 / 2.0 - y0 / 2.0),
            };
            bottom - (share.clamp(0.0, 1.0) * f64::from(bottom - top)).round() as i32
        };
        let colour = STATUS_COLOURS[self.colour.min(4)];

        // Legend and status.
        let mut x = 8;
        let items: [(&str, u8); 3] = [(&self.legend[0], 0), (&self.legend[1], 1), (&self.legend[2], 2)];
        for (name, kind) in items {
            match kind {
                0 => root.draw(&PathElement::new(vec![(x, 12), (x + 22, 12)], colour.stroke_width(3)))?,
                1 => root.draw(&DashedPathElement::new(vec![(x, 12), (x + 22, 12)], 5, 3, INK.stroke_width(1)))?,
                _ => root.draw(&DashedPathElement::new(vec![(x, 12), (x + 22, 12)], 2, 2, MARK.stroke_width(2)))?,
            }
            root.draw(&Text::new(name.to_owned(), (x + 28, 12), text(15).pos(Pos::new(HPos::Left, VPos::Center))))?;
            x += 28 + estimate_width(name, 12) + 22;
        }
        root.draw(&Text::new(self.status_text.clone(), (8, 30), TextStyle::from((FONT, 16).into_font().style(FontStyle::Bold)).color(&colour).pos(Pos::new(HPos::Left, VPos::Center))))?;

        for (v, label) in &self.y_ticks {
            let y = py(*v);
            root.draw(&PathElement::new(vec![(left, y), (right, y)], GRID.stroke_width(1)))?;
            root.draw(&Text::new(label.clone(), (left - 6, y), text(13).pos(Pos::new(HPos::Right, VPos::Center))))?;
        }
        for (d, label) in &self.x_ticks {
            let x = px(*d);
            root.draw(&PathElement::new(vec![(x, bottom), (x, bottom + 4)], INK.stroke_width(1)))?;
            root.draw(&Text::new(label.clone(), (x, bottom + 8), text(13).pos(Pos::new(HPos::Center, VPos::Top))))?;
        }
        root.draw(&PathElement::new(vec![(left, top), (left, bottom), (right, bottom)], INK.stroke_width(1)))?;

        if let Some(t) = self.target {
            let y = py(t);
            root.draw(&DashedPathElement::new(vec![(left, y), (right, y)], 2, 2, MARK.stroke_width(2)))?;
        }
        if let Some((a, b)) = self.pace {
            root.draw(&DashedPathElement::new(vec![(px(a.0), py(a.1)), (px(b.0), py(b.1))], 5, 3, INK.stroke_width(1)))?;
        }
        let line: Vec<(i32, i32)> = self.points.iter().map(|(d, v)| (px(*d), py(*v))).collect();
        root.draw(&PathElement::new(line.clone(), colour.stroke_width(3)))?;
        // Markers while they stay apart; a hundred points read as a line.
        if line.len() <= 60 {
            for p in line {
                root.draw(&Circle::new(p, 3, colour.filled()))?;
            }
        }
        Ok(())
    }
}

/// The most ticks an axis ever gets, whatever the data.
pub const MAX_TICKS: usize = 12;

/// Round steps for an axis: about `n` ticks from `lo` to `hi`, never more than
/// `MAX_TICKS`, and only finite ones. Where no round step fits (a span that overflows or
/// is subnormal), the ends themselves; with `hi == lo`, `lo` alone.
pub fn nice_ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !lo.is_finite() || !hi.is_finite() {
        return [lo, hi].into_iter().find(|v| v.is_finite()).into_iter().collect();
    }
    if !(hi > lo) {
        return vec![lo];
    }
    let n = n.clamp(1, MAX_TICKS - 2) as f64;
    // The span overflows from -1.7e308 to 1.7e308; halved first, it does not.
    let raw = match (hi - lo) / n {
        raw if raw.is_finite() => raw,
        _ => hi / n - lo / n,
    };
    // A subnormal span divided may round to zero; at worst the step is the smallest number.
    let raw = if raw.is_finite() { raw.max(f64::from_bits(1)) } else { f64::MAX };
    let exponent = raw.log10().floor() as i32;
    // powi is exact up to 10^22; beyond, it drifts (10^299 by 6 ulp) and reaches 0 through
    // 1 / 10^321 = 1 / inf, so far powers of ten are read from their text, correctly rounded.
    let magnitude = if exponent.abs() <= 22 { 10f64.powi(exponent) } else { format!("1e{exponent}").parse().unwrap_or(0.0) };
    let magnitude = magnitude.max(f64::from_bits(1));
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    let (first, last) = ((lo / step).ceil(), (hi / step).floor());
    if !(step.is_finite() && step > 0.0 && first.is_finite() && last.is_finite() && last - first < MAX_TICKS as f64) {
        return vec![lo, hi];
    }
    let mut ticks: Vec<f64> = (first as i64..=last as i64).map(|i| i as f64 * step).filter(|v| v.is_finite()).collect();
    ticks.dedup();
    ticks
}

/// The charts of KPI tracking and the dashboard.
pub mod tracking {
    use super::{nice_ticks, Bar, BarChart, Group, LineChart};
    use crate::i18n::{fill, format_date, format_number, format_number_short, Lang};
    use crate::model::tracking::{counts, expected_value, latest, pace_start, statuses, Status};
    use crate::model::{phase_progress, ActionPlan, ActionStatus, Date, Kpi, Phase, Plan};

    pub fn status_index(s: Status) -> usize {
        match s {
            Status::OnTrack => 0,
            Status::AtRisk => 1,
            Status::OffTrack => 2,
            Status::Stale => 3,
            Status::NoData => 4,
        }
    }

    /// The status in words with its sign.
    pub fn status_label(lang: Lang, s: Status) -> String {
        let t = lang.texts();
        format!("{} {}", ["✓", "!", "✕", "…", "–"][status_index(s)], t.statuses[status_index(s)])
    }

    /// One KPI over time.
    pub fn kpi(plan: &Plan, kpi: &Kpi, lang: Lang, today: &Date) -> LineChart {
        let t = lang.texts();
        let start = plan.strategy.focus.start.as_ref();
        let status = crate::model::tracking::status(kpi, start, &plan.operative.thresholds, today);
        let mut points: Vec<(i64, f64)> = kpi.actuals.iter().filter_map(|a| Some((a.period.day_number()?, a.value))).collect();
        points.sort_by_key(|p| p.0);
        let pace = match (pace_start(kpi, start), kpi.deadline.as_ref().and_then(Date::day_number), kpi.target) {
            (Some(from), Some(end), Some(to)) => Some((from, (end, to))),
            _ => None,
        };
        let unit = if kpi.unit.trim().is_empty() { String::new() } else { format!(" {}", kpi.unit.trim()) };
        let y_ticks = LineChart::ranges(&points, pace, kpi.target)
            .map(|(_, (lo, hi))| nice_ticks(lo, hi, 5).into_iter().map(|v| (v, format_number_short(lang, v))).collect())
            .unwrap_or_default();
        let x_ticks = LineChart::ranges(&points, pace, kpi.target)
            .map(|((lo, hi), _)| {
                // In i128, so no span of days overflows; each tick lies between lo and hi.
                (0..=4)
                    .map(|i| (i128::from(lo) + (i128::from(hi) - i128::from(lo)) * i / 4) as i64)
                    .map(|d| (d, format_date(lang, &Date::from_day_number(d))))
                    .collect()
            })
            .unwrap_or_default();
        let mut status_text = fill(t.status_line, &[("status", &status_label(lang, status))]);
        if let Some(last) = latest(kpi) {
            status_text.push_str(" · ");
            status_text.push_str(&fill(t.latest_value, &[("value", &format!("{}{unit}", format_number_short(lang, last.value))), ("date", &format_date(lang, &last.period))]));
        }
        let rows = {
            let mut actuals: Vec<_> = kpi.actuals.iter().collect();
            actuals.sort_by(|a, b| b.period.0.cmp(&a.period.0));
            actuals
                .into_iter()
                .map(|a| {
                    let expected = a.period.day_number().and_then(|d| expected_value(kpi, start, d));
                    [format_date(lang, &a.period), format_number_short(lang, a.value), expected.map(|e| format_number(lang, e, 1)).unwrap_or_else(|| "—".into())]
                })
                .collect()
        };
        LineChart {
            title: fill(t.kpi_chart_title, &[("kpi", &kpi.name)]),
            points,
            pace,
            target: kpi.target,
            legend: [t.legend_actual.to_owned(), t.legend_pace.to_owned(), kpi.target.map(|v| fill(t.legend_target, &[("value", &format!("{}{unit}", format_number_short(lang, v)))])).unwrap_or_default()],
            status_text,
            colour: status_index(status),
            x_ticks,
            y_ticks,
            rows,
        }
    }

    /// KPIs per status.
    pub fn status_counts(plan: &Plan, lang: Lang, today: &Date) -> BarChart {
        let t = lang.texts();
        // Blank rows (added, nothing written yet) are no KPIs yet.
        let mut all = statuses(plan, today);
        all.retain(|(id, _)| plan.strategy.kpis.iter().any(|k| &k.id == id && !k.is_blank()));
        let c = counts(&all);
        let max = c.iter().copied().max().unwrap_or(0).max(4) as u32;
        BarChart {
            title: t.status_chart_title.to_owned(),
            series: vec![t.kpis_series.to_owned()],
            groups: Status::ALL
                .iter()
                .zip(c)
                .map(|(s, n)| Group { label: status_label(lang, *s), bars: vec![Bar { value: Some(n as f64), text: n.to_string() }], marked: false })
                .collect(),
            max: f64::from(max),
            ticks: nice_ticks(0.0, f64::from(max), 4).into_iter().map(|v| (v, format_number(lang, v, 0))).collect(),
            mark_text: String::new(),
        }
    }

    /// Share of actions done per action plan.
    pub fn actions(plan: &Plan, lang: Lang) -> BarChart {
        let t = lang.texts();
        BarChart {
            title: t.actions_chart_title.to_owned(),
            series: vec![t.done_series.to_owned()],
            groups: ActionPlan::ALL
                .iter()
                .map(|ap| {
                    let all: Vec<_> = plan.operative.actions.iter().filter(|a| a.plan == *ap && a.status != ActionStatus::Dropped && !a.is_blank()).collect();
                    let done = all.iter().filter(|a| a.status == ActionStatus::Done).count();
                    let share = if all.is_empty() { None } else { Some(done as f64 * 100.0 / all.len() as f64) };
                    Group {
                        label: t.action_plans[*ap as usize].to_owned(),
                        bars: vec![Bar { value: share, text: fill(t.done_of, &[("done", &done.to_string()), ("total", &all.len().to_string())]) }],
                        marked: false,
                    }
                })
                .collect(),
            max: 100.0,
            ticks: [0.0, 25.0, 50.0, 75.0, 100.0].map(|v| (v, fill(t.percent_value, &[("value", &format_number(lang, v, 0))]))).to_vec(),
            mark_text: String::new(),
        }
    }

    /// How complete each phase is, foundation first.
    pub fn phases(plan: &Plan, lang: Lang) -> BarChart {
        let t = lang.texts();
        BarChart {
            title: t.phases_chart_title.to_owned(),
            series: vec![t.complete_series.to_owned()],
            groups: Phase::ALL
                .iter()
                .map(|p| {
                    let pct = phase_progress(plan, *p).percent();
                    Group { label: t.phase(*p).to_owned(), bars: vec![Bar { value: Some(f64::from(pct)), text: fill(t.percent_value, &[("value", &pct.to_string())]) }], marked: false }
                })
                .collect(),
            max: 100.0,
            ticks: [0.0, 25.0, 50.0, 75.0, 100.0].map(|v| (v, fill(t.percent_value, &[("value", &format_number(lang, v, 0))]))).to_vec(),
            mark_text: String::new(),
        }
    }
}

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

impl BarChart {
    pub fn drawn(&self, words: Vec<String>) -> Drawn {
        let mut header = vec![String::new()];
        header.extend(self.series.iter().cloned());
        Drawn { title: self.title.clone(), svg: self.svg(), header, rows: self.rows(), words }
    }
}

impl LineChart {
    /// `header` names the table's columns: period, value, expected.
    pub fn drawn(&self, header: [&str; 3]) -> Drawn {
        Drawn {
            title: self.title.clone(),
            svg: self.svg(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: self.rows.iter().map(|r| r.to_vec()).collect(),
            words: vec![self.status_text.clone()],
        }
    }
}

/// Charts and reports on extreme plans: no panic, bounded ticks, finite scales.
#[cfg(test)]
mod extreme_tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Actual, BusinessFunction, Channel, Date, Direction, Finding, Id, Kpi, Plan, Polarity};
    use proptest::prelude::{any, prop, prop_oneof, proptest, Just, ProptestConfig};
    use proptest::strategy::Strategy as Gen;

    const EXTREMES: [f64; 13] = [0.0, -0.0, 5e-324, 1e-320, 1e-10, 1.0, 1e15, -1e15, 1e300, -1e300, 1.7e308, f64::MAX, -f64::MAX];
    /// Day numbers of 0001-01-01 and 9999-12-31.
    const FIRST_DAY: i64 = -719_162;
    const LAST_DAY: i64 = 2_932_896;

    fn check_ticks(lo: f64, hi: f64, n: usize) {
        let ticks = nice_ticks(lo, hi, n);
        // Empty only where no round step lies in a narrow range asked for one tick (as before).
        assert!((!ticks.is_empty() || n < 2) && ticks.len() <= MAX_TICKS, "{lo} {hi} {n}: {} ticks", ticks.len());
        assert!(ticks.iter().all(|t| t.is_finite()), "{lo} {hi} {n}: {ticks:?}");
        assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{lo} {hi} {n}: {ticks:?}");
        // Within the range, give or take rounding.
        let slack = (hi / 2.0 - lo / 2.0).abs() * 1e-9 + lo.abs().max(hi.abs()) * 1e-15;
        assert!(ticks.iter().all(|t| *t >= lo - slack && *t <= hi + slack), "{lo} {hi} {n}: {ticks:?}");
    }

    /// `nice_ticks` and `LineChart::ranges` as they were before the edge cases were handled.
    fn nice_ticks_before(lo: f64, hi: f64, n: usize) -> Vec<f64> {
        if !(hi > lo) || !lo.is_finite() || !hi.is_finite() {
            return vec![lo];
        }
        let raw = (hi - lo) / n.max(1) as f64;
        let magnitude = 10f64.powi(raw.log10().floor() as i32);
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
        let first = (lo / step).ceil() as i64;
        let last = (hi / step).floor() as i64;
        (first..=last).map(|i| i as f64 * step).collect()
    }

    fn y_range_before(values: &[f64]) -> (f64, f64) {
        let (y0, y1) = values.iter().fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
        let pad = ((y1 - y0) * 0.08).max(if y1 == 0.0 { 1.0 } else { y1.abs() * 0.05 });
        let y0 = if y0 >= 0.0 && y0 - pad < 0.0 { 0.0 } else { y0 - pad };
        (y0, y1 + pad)
    }

    const ORDINARY: [f64; 16] = [-1e15, -123_456.78, -1_000.0, -12.0, -3.0, -0.5, 0.0, 0.001, 0.3, 1.0, 7.0, 42.5, 100.0, 9_999.0, 1e9, 1e15];

    #[test]
    fn nice_ticks_and_ranges_stay_as_they_were_on_ordinary_values() {
        assert_eq!(nice_ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(nice_ticks(0.0, 4.0, 4), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
        assert_eq!(nice_ticks(-3.0, 12.0, 5), vec![0.0, 5.0, 10.0]);
        assert_eq!(nice_ticks(5.0, 5.0, 5), vec![5.0]);
        for lo in ORDINARY {
            for hi in ORDINARY {
                for n in 1..=10 {
                    assert_eq!(nice_ticks(lo, hi, n), nice_ticks_before(lo, hi, n), "{lo} {hi} {n}");
                }
                let points = [(0, lo), (10, hi)];
                for target in [None, Some(lo * 2.0), Some(0.0)] {
                    let values: Vec<f64> = [lo, hi].into_iter().chain(target).collect();
                    assert_eq!(LineChart::ranges(&points, None, target).unwrap().1, y_range_before(&values), "{lo} {hi} {target:?}");
                }
            }
        }
    }

    #[test]
    fn nice_ticks_on_edge_ranges_are_few_and_finite() {
        // Before: a step of zero and a range of i64::MAX ticks ("capacity overflow").
        let ranges = [
            (0.0, 1e-320),
            (0.0, 1.08e-320),
            (0.0, 5e-324),
            (-5e-324, 5e-324),
            (5e-324, 1e-323),
            (1e-320, 1e-320),
            (0.0, 0.0),
            (-0.0, 0.0),
            (0.0, 1e-10),
            (1e-10, 1e-10 + 1e-25),
            (-1e15, 1e15),
            (1e15, 1e15),
            (-1e300, 1e300),
            (-1e300, -1e299),
            (1e300, 1e300 * (1.0 + f64::EPSILON)),
            (-1.7e308, 1.7e308),
            (-f64::MAX, f64::MAX),
            (0.0, f64::MAX),
            (f64::MAX / 2.0, f64::MAX),
            (-12.0, -3.0),
        ];
        for (lo, hi) in ranges {
            for n in [0, 1, 2, 4, 5, 10, 1_000, usize::MAX] {
                check_ticks(lo, hi, n);
            }
        }
        let tiny = nice_ticks(0.0, 1e-320, 5);
        assert!((3..=6).contains(&tiny.len()) && tiny[0] == 0.0, "{tiny:?}");
        assert_eq!(nice_ticks(-1e300, 1e300, 5), vec![-1e300, -5e299, 0.0, 5e299, 1e300]);
        assert_eq!(nice_ticks(-1.7e308, 1.7e308, 5), vec![-1e308, 0.0, 1e308]);
        assert_eq!(nice_ticks(-12.0, -3.0, 5), vec![-12.0, -10.0, -8.0, -6.0, -4.0]);
        assert_eq!(nice_ticks(7.0, 3.0, 5), vec![7.0], "a reversed range is its start");
        assert_eq!(nice_ticks(f64::NEG_INFINITY, 3.0, 5), vec![3.0]);
        assert_eq!(nice_ticks(f64::NAN, f64::INFINITY, 5), Vec::<f64>::new());
    }

    #[test]
    fn line_ranges_are_finite_and_never_empty() {
        let sets: [&[f64]; 9] = [&[0.0, 1e-320], &[5e-324], &[0.0], &[-0.0, 0.0], &[1e300, -1e300], &[f64::MAX, -f64::MAX], &[f64::MAX], &[-1e15, -1e15], &[f64::NAN, 1.0]];
        for values in sets {
            let points: Vec<(i64, f64)> = values.iter().enumerate().map(|(i, v)| (i as i64, *v)).collect();
            for (pace, target) in [(None, None), (Some(((FIRST_DAY, -f64::MAX), (LAST_DAY, f64::MAX))), Some(5e-324)), (Some(((i64::MIN, 0.0), (i64::MAX, 1e300))), Some(-1e300))] {
                let ((x0, x1), (y0, y1)) = LineChart::ranges(&points, pace, target).unwrap();
                assert!(x1 > x0 && y1 > y0 && y0.is_finite() && y1.is_finite(), "{values:?} {pace:?}: {y0} {y1}");
                check_ticks(y0, y1, 5);
            }
        }
        assert_eq!(LineChart::ranges(&[(i64::MAX, 1.0)], None, None).unwrap().0, (i64::MAX, i64::MAX));
        assert_eq!(LineChart::ranges(&[], None, Some(1.0)), None);
        // Unchanged on ordinary values.
        assert_eq!(LineChart::ranges(&[(0, 10.0), (30, 20.0)], None, Some(40.0)), Some(((0, 30), (7.6, 42.4))));
    }

    #[test]
    fn line_charts_draw_far_days_and_extreme_values() {
        for (points, pace) in [
            (vec![(i64::MIN, -f64::MAX), (0, 0.0), (i64::MAX, f64::MAX)], None),
            (vec![(i64::MAX, 5e-324)], Some(((i64::MAX, 1e-320), (i64::MAX, 0.0)))),
            (vec![(FIRST_DAY, 1e300), (LAST_DAY, -1e300)], Some(((FIRST_DAY, 0.0), (LAST_DAY, 1e15)))),
        ] {
            let ((_, _), (lo, hi)) = LineChart::ranges(&points, pace, Some(1.0)).unwrap();
            let chart = LineChart {
                title: "far".into(),
                points,
                pace,
                target: Some(1.0),
                legend: ["a".into(), "b".into(), "c".into()],
                status_text: "s".into(),
                colour: usize::MAX,
                x_ticks: vec![(i64::MIN, "min".into()), (i64::MAX, "max".into())],
                y_ticks: nice_ticks(lo, hi, 5).into_iter().map(|v| (v, crate::i18n::format_number_short(Lang::En, v))).collect(),
                rows: Vec::new(),
            };
            let svg = chart.svg();
            assert!(svg.contains("</svg>"), "{svg}");
        }
    }

    #[test]
    fn bars_scale_on_extreme_maxima() {
        for max in [0.0, -0.0, 5e-324, 1e-320, 1e300, f64::MAX, f64::INFINITY, f64::NAN, -1.0] {
            for value in [0.0, 5e-324, 1.0, 1e300, f64::MAX, -f64::MAX, f64::NAN] {
                let chart = BarChart {
                    title: "t".into(),
                    series: vec!["s".into()],
                    groups: vec![Group { label: "g".into(), bars: vec![Bar { value: Some(value), text: "v".into() }], marked: true }],
                    max,
                    ticks: nice_ticks(0.0, max, 4).into_iter().map(|v| (v, String::new())).collect(),
                    mark_text: String::new(),
                };
                assert!(chart.svg().contains("</svg>"));
            }
        }
    }

    #[test]
    fn number_formats_survive_extremes() {
        for lang in Lang::ALL {
            for v in [1e300, -1e300, 5e-324, -5e-324, 1e-320, 0.0, -0.0, f64::MAX, -f64::MAX, f64::INFINITY, f64::NAN, 9.2e18, 1.8e19] {
                for decimals in [0, 1, 2, 6, 20, usize::MAX] {
                    assert!(!crate::i18n::format_number(lang, v, decimals).is_empty());
                }
                assert!(!crate::i18n::format_number_short(lang, v).is_empty());
            }
            assert_eq!(crate::i18n::format_number_short(lang, -0.0), "0");
            assert_eq!(crate::i18n::format_number_short(lang, 5e-324), "0");
        }
    }

    fn cases(default: u32) -> u32 {
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
    }

    /// German and Bulgarian come as packs; each test thread installs them once.
    fn install_packs() {
        for lang in Lang::ALL {
            if !lang.is_ready() {
                let pack = std::fs::read_to_string(format!("{}/public/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code())).unwrap();
                lang.install(&pack).unwrap();
            }
        }
    }

    fn value() -> impl Gen<Value = f64> {
        prop::sample::select(EXTREMES.to_vec())
    }

    fn day() -> impl Gen<Value = i64> {
        prop_oneof![Just(FIRST_DAY), Just(LAST_DAY), FIRST_DAY..=LAST_DAY, 20_000i64..21_000]
    }

    fn date() -> impl Gen<Value = Date> {
        day().prop_map(Date::from_day_number)
    }

    /// Day `i` of a series from `start`, `gap` days apart, wrapping inside years 1 to 9999.
    fn nth_day(start: i64, gap: i64, i: usize) -> i64 {
        FIRST_DAY + (start - FIRST_DAY + gap * i as i64).rem_euclid(LAST_DAY - FIRST_DAY + 1)
    }

    /// A KPI with 1 to 3,000 extreme values, all equal or mixed, over near or far dates.
    fn kpi() -> impl Gen<Value = Kpi> {
        // A KPI of 3,000 values takes ~0.15 s per chart in debug (every row looks up the
        // pace again), so they are rare here and certain in `a_kpi_of_3000_extreme_values`.
        let count = prop_oneof![4 => Just(1usize), 11 => 2usize..=60, 1 => 2_900usize..=3_000];
        let values = (count, value(), proptest::bool::weighted(0.3)).prop_flat_map(|(n, same, equal)| {
            if equal {
                Just(vec![same; n]).boxed()
            } else {
                prop::collection::vec(value(), n).boxed()
            }
        });
        let gap = prop_oneof![Just(1i64), 1i64..=400, Just(1_217), Just(-3)];
        let frequency = prop::sample::select(vec![crate::model::Frequency::Weekly, crate::model::Frequency::Monthly, crate::model::Frequency::Quarterly]);
        (values, day(), gap, proptest::option::of(value()), proptest::option::of(value()), proptest::option::of(date()), any::<bool>(), frequency).prop_map(
            |(values, start, gap, baseline, target, deadline, lower, frequency)| Kpi {
                id: Id::from("k"),
                name: "Reach".into(),
                unit: "€".into(),
                direction: if lower { Direction::LowerIsBetter } else { Direction::HigherIsBetter },
                baseline,
                target,
                deadline,
                frequency,
                actuals: values.into_iter().enumerate().map(|(i, value)| Actual { period: Date::from_day_number(nth_day(start, gap, i)), value }).collect(),
                ..Kpi::default()
            },
        )
    }

    fn plan() -> impl Gen<Value = (Plan, Date)> {
        let money = || proptest::option::of(value());
        let audience = proptest::option::of(prop::sample::select(vec![0u64, 1, 999_999, u64::MAX]));
        let weights = prop::collection::vec((prop::sample::select(vec![1u8, 5, 255]), any::<bool>()), 0..6);
        (prop::collection::vec(kpi(), 0..3), proptest::option::of(date()), date(), money(), money(), audience, proptest::option::of(date()), weights).prop_map(
            |(kpis, start, today, hours, budget, audience, since, weights)| {
                let mut p = Plan::new(Id::from("p"), "Extreme", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
                p.strategy.focus.start = start;
                p.strategy.kpis = kpis.into_iter().enumerate().map(|(i, k)| Kpi { id: Id::from(format!("k{i}").as_str()), ..k }).collect();
                p.strategy.resources.hours_per_week = hours;
                p.strategy.resources.budget = budget;
                p.information.audit.channels.push(Channel { id: Id::from("c"), name: "Channel".into(), since, audience, ..Channel::default() });
                p.information.landscape.findings = weights
                    .into_iter()
                    .map(|(weight, threat)| Finding { text: "finding".into(), weight, polarity: if threat { Polarity::Threat } else { Polarity::Opportunity }, ..Finding::default() })
                    .collect();
                (p, today)
            },
        )
    }

    /// Every chart of the app and both reports, in every language: sound and non-empty.
    fn check_plan(plan: &Plan, today: &Date) {
        install_packs();
        for lang in Lang::ALL {
            bar_chart_is_sound(&information::landscape(plan, lang));
            bar_chart_is_sound(&information::gap(plan, lang));
            bar_chart_is_sound(&information::profile(plan, lang));
            bar_chart_is_sound(&information::distribution(plan, lang));
            assert!(!information::gap_sentences(plan, lang).is_empty());
            bar_chart_is_sound(&tracking::status_counts(plan, lang, today));
            bar_chart_is_sound(&tracking::actions(plan, lang));
            bar_chart_is_sound(&tracking::phases(plan, lang));
            for k in &plan.strategy.kpis {
                let chart = tracking::kpi(plan, k, lang, today);
                assert!(chart.y_ticks.len() <= MAX_TICKS && chart.y_ticks.iter().all(|(v, label)| v.is_finite() && !label.is_empty()), "{:?}", chart.y_ticks);
                assert!(chart.x_ticks.len() <= MAX_TICKS && chart.rows.len() == k.actuals.len());
                let ((x0, x1), (y0, y1)) = LineChart::ranges(&chart.points, chart.pace, chart.target).unwrap();
                assert!(x1 > x0 && y1 > y0 && y0.is_finite() && y1.is_finite(), "{x0} {x1} {y0} {y1}");
                let drawn = chart.drawn(["period", "value", "expected"]);
                assert!(drawn.svg.trim_end().ends_with("</svg>") && !drawn.words.is_empty());
            }
            let md = crate::report::markdown(plan, lang, today);
            assert!(md.starts_with(&format!("# {}", plan.name)));
            let html = crate::report::html(plan, lang, today);
            assert!(html.starts_with("<!doctype html>") && html.matches("<svg").count() == 6 + plan.strategy.kpis.len());
        }
    }

    /// Before: "capacity overflow" in `nice_ticks` on the KPI chart and in both reports.
    #[test]
    fn a_kpi_of_zero_and_a_subnormal_value() {
        let mut plan = Plan::new(Id::from("p"), "Tiny", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
        let actuals = [(2026, 1, 0.0), (2026, 2, 1e-320)].map(|(y, m, value)| Actual { period: Date::new(y, m, 1), value }).to_vec();
        plan.strategy.kpis.push(Kpi { id: Id::from("k"), name: "Tiny".into(), actuals, ..Kpi::default() });
        check_plan(&plan, &Date::new(2026, 3, 1));
    }

    #[test]
    fn a_kpi_of_3000_extreme_values_over_ten_thousand_years() {
        let mut plan = Plan::new(Id::from("p"), "Far", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
        plan.strategy.focus.start = Some(Date::from_day_number(FIRST_DAY));
        let actuals = (0..3_000).map(|i| Actual { period: Date::from_day_number(nth_day(FIRST_DAY, 1_217, i)), value: EXTREMES[i % EXTREMES.len()] }).collect();
        let kpi = Kpi { baseline: Some(-f64::MAX), target: Some(f64::MAX), deadline: Some(Date::from_day_number(LAST_DAY)), actuals, ..Kpi::default() };
        plan.strategy.kpis.push(Kpi { id: Id::from("k"), name: "Far".into(), ..kpi });
        check_plan(&plan, &Date::from_day_number(LAST_DAY));
    }

    fn bar_chart_is_sound(chart: &BarChart) {
        assert!(!chart.title.is_empty() && chart.ticks.len() <= MAX_TICKS && chart.ticks.iter().all(|(v, _)| v.is_finite()));
        let svg = chart.svg();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(!chart.drawn(Vec::new()).rows.is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

        /// Every chart of the app and both reports, in every language, on extreme plans.
        #[test]
        fn charts_and_reports_never_panic_on_extreme_plans((plan, today) in plan()) {
            check_plan(&plan, &today);
        }
    }
}
