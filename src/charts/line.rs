//! A value over time: the actual values as a line, the pace line and the target, with
//! the status in words, drawn at the width there is.

use super::svg::{clamp_width, estimate_width, font, with_title, wrap, BACKGROUND, GRID, INK, MARK, STATUS};
use super::Drawn;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A value over time: the actual values, the pace line and the target.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    pub title: String,
    /// (day number, value), in time order.
    pub points: Vec<(i64, f64)>,
    /// The pace line, from (day, value) to (day, value).
    pub pace: Option<((i64, f64), (i64, f64))>,
    pub target: Option<f64>,
    /// Legend: actual values, pace, target. An empty name, or a line the chart does not
    /// have, gets no entry.
    pub legend: [String; 3],
    /// The status in words, drawn in the chart too, so colour is never the only sign.
    pub status_text: String,
    pub colour: usize,
    pub x_ticks: Vec<(i64, String)>,
    pub y_ticks: Vec<(f64, String)>,
    /// The data as rows for the table: period, value, expected.
    pub rows: Vec<[String; 3]>,
    /// Today (day number and label), marked by a vertical line where it falls in the chart.
    pub today: Option<(i64, String)>,
}

const LEGEND_SIZE: u32 = 15;
const STATUS_SIZE: u32 = 16;
const TICK_SIZE: u32 = 14;
const ROW: i32 = 24;

/// Colours of the lines, for the contrast test.
#[cfg(test)]
pub(super) fn drawn_colours() -> Vec<RGBColor> {
    let mut all = STATUS.to_vec();
    all.extend([INK, MARK]);
    all
}

/// Of ticks at pixel positions, those whose labels do not overlap: the first and the
/// last always, the ones between where there is room.
fn spaced<T: Clone>(ticks: &[(i32, T, i32)]) -> Vec<(i32, T, i32)> {
    let Some(last) = ticks.last() else { return Vec::new() };
    let mut out: Vec<(i32, T, i32)> = Vec::new();
    for (i, t) in ticks.iter().enumerate() {
        let clear = |a: &(i32, T, i32), b: &(i32, T, i32)| (a.0 - b.0).abs() >= (a.2 + b.2) / 2 + 12;
        let fits_before = out.last().is_none_or(|p| clear(p, t));
        let fits_last = i + 1 == ticks.len() || clear(t, last);
        if i + 1 == ticks.len() {
            // The last label stays; one before it that would touch it goes.
            while out.len() > 1 && out.last().is_some_and(|p| !clear(p, t)) {
                out.pop();
            }
            out.push(t.clone());
        } else if fits_before && fits_last {
            out.push(t.clone());
        }
    }
    out
}

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

    /// The legend's entries: (name, kind) where kind 0 is the values, 1 pace, 2 target.
    fn legend_items(&self) -> Vec<(&str, u8)> {
        let has = [true, self.pace.is_some(), self.target.is_some()];
        self.legend.iter().zip(0u8..).filter(|(name, kind)| !name.trim().is_empty() && has[usize::from(*kind)]).map(|(n, k)| (n.as_str(), k)).collect()
    }

    /// Legend positions and lines, the status's lines at a width, and where the plot starts.
    fn head(&self, width: i32) -> (Vec<(i32, i32, Vec<String>)>, Vec<String>, i32) {
        let mut at = Vec::new();
        let (mut x, mut y) = (8, 12);
        let mut rows = 0;
        for (name, _) in self.legend_items() {
            let lines = wrap(name, LEGEND_SIZE, width - 16 - 28, 2);
            let w = 28 + lines.iter().map(|l| estimate_width(l, LEGEND_SIZE)).max().unwrap_or(0) + 20;
            if x > 8 && x + w > width - 8 {
                x = 8;
                y += rows;
            }
            rows = rows.max(ROW + (lines.len() as i32 - 1) * 20);
            at.push((x, y, lines));
            x += w;
        }
        let status = wrap(&self.status_text, STATUS_SIZE, width - 16, 3);
        let status_top = if at.is_empty() { 12 } else { y + rows };
        let top = status_top + status.len() as i32 * 20 + 8;
        (at, status, top)
    }

    pub fn svg(&self) -> String {
        self.svg_at(Self::WIDTH)
    }

    /// The chart drawn `width` pixels wide, so its text shows at its size.
    pub fn svg_at(&self, width: u32) -> String {
        let width = clamp_width(width);
        let (_, _, top) = self.head(width as i32);
        let height = Self::HEIGHT.max(top as u32 + 200);
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
            let _ = self.draw(&root, width as i32, height as i32);
        }
        with_title(out, &self.title)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, plotters::coord::Shift>, width: i32, height: i32) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        root.fill(&BACKGROUND)?;
        let text = |size: u32| TextStyle::from(font(size)).color(&INK);
        let colour = STATUS[self.colour.min(STATUS.len() - 1)];

        // Legend and status.
        let (at, status, top) = self.head(width);
        for ((_, kind), (x, y, lines)) in self.legend_items().into_iter().zip(at) {
            match kind {
                0 => root.draw(&PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3)))?,
                1 => root.draw(&DashedPathElement::new(vec![(x, y), (x + 22, y)], 5, 3, INK.stroke_width(2)))?,
                _ => root.draw(&DashedPathElement::new(vec![(x, y), (x + 22, y)], 8, 3, MARK.stroke_width(2)))?,
            }
            for (j, line) in lines.into_iter().enumerate() {
                root.draw(&Text::new(line, (x + 28, y + j as i32 * 20), text(LEGEND_SIZE).pos(Pos::new(HPos::Left, VPos::Center))))?;
            }
        }
        let mut y = top - status.len() as i32 * 20 - 8 + 10;
        for line in status {
            root.draw(&Text::new(line, (8, y), TextStyle::from(font(STATUS_SIZE).style(FontStyle::Bold)).color(&colour).pos(Pos::new(HPos::Left, VPos::Center))))?;
            y += 20;
        }

        let Some(((x0, x1), (y0, y1))) = Self::ranges(&self.points, self.pace, self.target) else { return Ok(()) };
        let label_width = self.y_ticks.iter().map(|(_, l)| estimate_width(l, TICK_SIZE)).max().unwrap_or(0);
        let (left, right, top, bottom) = ((label_width + 14).clamp(36, width / 3), width - 16, top + 8, height - 34);
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

        for (v, label) in &self.y_ticks {
            let y = py(*v);
            root.draw(&PathElement::new(vec![(left, y), (right, y)], GRID.stroke_width(1)))?;
            root.draw(&Text::new(label.clone(), (left - 6, y), text(TICK_SIZE).pos(Pos::new(HPos::Right, VPos::Center))))?;
        }
        // Date labels: as many as fit without touching; the last one whole at the edge.
        let ticks: Vec<(i32, &String, i32)> = self.x_ticks.iter().map(|(d, l)| (px(*d), l, estimate_width(l, TICK_SIZE))).collect();
        let shown = spaced(&ticks);
        let count = shown.len();
        for (i, (x, label, w)) in shown.into_iter().enumerate() {
            root.draw(&PathElement::new(vec![(x, bottom), (x, bottom + 4)], INK.stroke_width(1)))?;
            let (at, h) = if i + 1 == count && count > 1 && x + w / 2 > width - 4 {
                (width - 4, HPos::Right)
            } else if i == 0 && x - w / 2 < 4 {
                (4, HPos::Left)
            } else {
                (x, HPos::Center)
            };
            root.draw(&Text::new(label.clone(), (at, bottom + 8), text(TICK_SIZE).pos(Pos::new(h, VPos::Top))))?;
        }
        root.draw(&PathElement::new(vec![(left, top), (left, bottom), (right, bottom)], INK.stroke_width(1)))?;

        if let Some(t) = self.target {
            let y = py(t);
            root.draw(&DashedPathElement::new(vec![(left, y), (right, y)], 8, 3, MARK.stroke_width(2)))?;
        }
        if let Some((a, b)) = self.pace {
            root.draw(&DashedPathElement::new(vec![(px(a.0), py(a.1)), (px(b.0), py(b.1))], 5, 3, INK.stroke_width(2)))?;
        }
        if let Some((day, label)) = self.today.as_ref().filter(|(d, _)| (x0..=x1).contains(d)) {
            let x = px(*day);
            root.draw(&DashedPathElement::new(vec![(x, top), (x, bottom)], 3, 3, INK.stroke_width(1)))?;
            // The label on the side with room: left of the line in the chart's right half.
            let (side, at) = if x > (left + right) / 2 { (HPos::Right, x - 4) } else { (HPos::Left, x + 4) };
            root.draw(&Text::new(label.clone(), (at, top + 8), text(13).pos(Pos::new(side, VPos::Center))))?;
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

impl LineChart {
    /// `header` names the table's columns: period, value, expected.
    pub fn drawn(&self, header: [&str; 3], width: u32) -> Drawn {
        Drawn {
            title: self.title.clone(),
            svg: self.svg_at(width),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: self.rows.iter().map(|r| r.to_vec()).collect(),
            words: vec![self.status_text.clone()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> LineChart {
        LineChart {
            title: "Followers".into(),
            points: vec![(0, 10.0), (30, 20.0), (60, 35.0)],
            pace: Some(((0, 10.0), (360, 100.0))),
            target: Some(100.0),
            legend: ["Actual".into(), "Pace".into(), "Target 100".into()],
            status_text: "Status: ✓ On track · latest 35 on 2 Mar 2026".into(),
            colour: 0,
            x_ticks: (0..=4).map(|i| (i * 90, format!("{} Dec 2026", 10 + i))).collect(),
            y_ticks: vec![(0.0, "0".into()), (50.0, "50".into()), (100.0, "100".into())],
            rows: Vec::new(),
            today: Some((45, "Today".into())),
        }
    }

    #[test]
    fn the_last_date_stays_whole_at_any_width() {
        for width in [300, 390, 640, 1200] {
            let svg = chart().svg_at(width);
            assert!(svg.contains("14 Dec 2026"), "{width}: the last date label is drawn");
            assert!(svg.contains("10 Dec 2026"), "{width}: the first date label is drawn");
            let sizes = super::super::bar::tests::font_sizes(&svg);
            assert!(sizes.iter().all(|s| *s >= 12.0), "{width}: {sizes:?}");
        }
        // On a narrow chart, dates that would collide are left out, never overlapped.
        let narrow = chart().svg_at(300);
        assert!(narrow.matches(" Dec 2026").count() < 5);
    }

    #[test]
    fn no_legend_entry_for_lines_the_chart_does_not_have() {
        let c = LineChart { pace: None, target: None, legend: ["Actual".into(), "Pace".into(), String::new()], ..chart() };
        assert_eq!(c.legend_items(), vec![("Actual", 0)]);
        let svg = c.svg();
        assert!(!svg.contains(">Pace<"));
        assert_eq!(chart().legend_items().len(), 3);
    }

    #[test]
    fn spacing_keeps_the_ends_and_drops_what_would_touch() {
        let ticks: Vec<(i32, u8, i32)> = (0..5).map(|i| (i * 40, 0, 80)).collect();
        let kept = spaced(&ticks);
        assert_eq!(kept.first().map(|t| t.0), Some(0));
        assert_eq!(kept.last().map(|t| t.0), Some(160));
        assert!(kept.windows(2).all(|w| w[1].0 - w[0].0 >= 92));
    }
}
