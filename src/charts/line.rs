//! A value over time: the actual values as a line, the pace line and the target, with
//! the status in words.

use super::svg::{estimate_width, with_title, FONT, GRID, INK, MARK};
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
    /// Legend: actual values, pace, target.
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

/// Line colours by status: on track, at risk, off track, stale, no data.
/// Line colours by status (`Status::index`): on track, at risk, off track, stale, no data,
/// no target.
const STATUS_COLOURS: [RGBColor; 6] = [
    RGBColor(0x1f, 0x6b, 0x5a),
    RGBColor(0x9a, 0x5b, 0x00),
    RGBColor(0xa4, 0x26, 0x2c),
    RGBColor(0x55, 0x65, 0x6c),
    RGBColor(0x55, 0x65, 0x6c),
    RGBColor(0x3d, 0x4f, 0x8a),
];

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
        let colour = STATUS_COLOURS[self.colour.min(STATUS_COLOURS.len() - 1)];

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
