//! A sparkline: a KPI's recent values as a small line beside the pace line's values on the
//! same days, for the dashboard's list. Plain SVG text (no plotters: a hundred of them are
//! drawn at once); it is decorative beside its text alternative, which the screen writes.

use std::fmt::Write;

pub const WIDTH: u32 = 120;
pub const HEIGHT: u32 = 32;

/// Line colours by `Status::index`, as the line chart's.
const COLOURS: [&str; 6] = ["#1f6b5a", "#9a5b00", "#a4262c", "#55656c", "#55656c", "#3d4f8a"];
/// The pace line: dark enough for 3:1 against white (WCAG, graphics).
const PACE: &str = "#4a4a4a";

/// `points` are (day, value, the pace line's value that day), oldest first. Empty when
/// there is nothing to draw.
pub fn svg(points: &[(i64, f64, Option<f64>)], status: usize) -> String {
    let finite = |v: f64| v.is_finite().then_some(v);
    let values = points.iter().flat_map(|p| [finite(p.1), p.2.and_then(finite)]).flatten();
    let (lo, hi) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return String::new() };
    if lo > hi {
        return String::new();
    }
    let (pad, w, h) = (3.0, f64::from(WIDTH), f64::from(HEIGHT));
    let span_x = (last.0 - first.0).max(1) as f64;
    // Halved before subtracting, so ±1e308 does not overflow.
    let span_y = (hi / 2.0 - lo / 2.0).max(f64::MIN_POSITIVE);
    let x = |d: i64| pad + (d - first.0) as f64 / span_x * (w - 2.0 * pad);
    let y = |v: f64| h - pad - ((v / 2.0 - lo / 2.0) / span_y).clamp(0.0, 1.0) * (h - 2.0 * pad);
    // One point alone is drawn in the middle, as a dot.
    let at = |d: i64| if points.len() == 1 { w / 2.0 } else { x(d) };
    // Coordinates in tenths of a pixel, as whole numbers: a hundred sparklines are drawn
    // at once, and whole numbers are much quicker to write than decimals.
    let (vw, vh) = (WIDTH * 10, HEIGHT * 10);
    let mut out = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {vw} {vh}" aria-hidden="true" focusable="false">"#);
    let xy = |x: f64, y: f64| format!("{},{}", (x * 10.0).round() as i32, (y * 10.0).round() as i32);
    let pace: Vec<String> = points.iter().filter_map(|p| Some(xy(at(p.0), y(finite(p.2?)?)))).collect();
    if pace.len() > 1 {
        let _ = write!(out, r#"<polyline points="{}" fill="none" stroke="{PACE}" stroke-width="15" stroke-dasharray="40 30"/>"#, pace.join(" "));
    }
    let colour = COLOURS[status.min(COLOURS.len() - 1)];
    let line: Vec<String> = points.iter().filter_map(|p| Some(xy(at(p.0), y(finite(p.1)?)))).collect();
    if line.len() > 1 {
        let _ = write!(out, r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="20"/>"#, line.join(" "));
    }
    if let Some((lx, ly)) = line.last().and_then(|p| p.split_once(',')) {
        let _ = write!(out, r#"<circle cx="{lx}" cy="{ly}" r="25" fill="{colour}"/>"#);
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_values_and_pace_within_the_box() {
        let s = svg(&[(0, 10.0, Some(10.0)), (30, 20.0, Some(15.0)), (60, 15.0, Some(20.0))], 1);
        assert_eq!(s.matches("<polyline").count(), 2, "{s}");
        assert!(s.contains("#9a5b00") && s.contains("stroke-dasharray"));
        // Every coordinate lies inside the box.
        let numbers = s.split(['"', ' ', ',']).filter_map(|x| x.parse::<f64>().ok());
        assert!(numbers.clone().all(|n| (0.0..=f64::from(WIDTH * 10)).contains(&n)), "{s}");
        assert!(s.contains(r#"cx="1170" cy="160""#), "the last value marked: {s}");
    }

    #[test]
    fn odd_inputs_draw_something_sound_or_nothing() {
        assert_eq!(svg(&[], 0), "");
        let one = svg(&[(5, 1.0, None)], 9);
        assert!(one.contains("<circle") && !one.contains("<polyline"), "{one}");
        for s in [svg(&[(0, f64::MAX, None), (1, -f64::MAX, None)], 0), svg(&[(i64::MIN / 2, 1e-320, Some(0.0)), (i64::MAX / 2, 0.0, Some(5e-324))], 0), svg(&[(0, f64::NAN, None)], 0)] {
            assert!(!s.contains("NaN") && !s.contains("inf"), "{s}");
        }
    }
}
