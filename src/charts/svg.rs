//! What every chart shares: the palette and font, the title as the SVG's first element,
//! a rough measure of text, wrapping, and text made safe for XML.
//!
//! Every colour that draws data is at least 3:1 against the background (WCAG's contrast
//! for graphics, tested below); the status colours are the status badges' colours.

use plotters::style::{FontDesc, RGBColor};

pub(super) const FONT: &str = "sans-serif";
pub(super) const BACKGROUND: RGBColor = RGBColor(0xff, 0xff, 0xff);
pub(super) const INK: RGBColor = RGBColor(0x1d, 0x26, 0x2b);
/// Grid lines: a guide, not data, and kept quiet on purpose.
pub(super) const GRID: RGBColor = RGBColor(0xd5, 0xdc, 0xe0);
pub(super) const MARK: RGBColor = RGBColor(0x8a, 0x1c, 0x4a);
/// Series colours: deep teal, burnt orange, violet.
pub(super) const SERIES: [RGBColor; 3] = [RGBColor(0x1f, 0x4e, 0x5f), RGBColor(0xb3, 0x52, 0x00), RGBColor(0x5b, 0x3f, 0x8c)];
/// By status (`Status::index`): on track, at risk, off track, stale, no data, no target —
/// as `.status-N` in the style sheet.
pub(super) const STATUS: [RGBColor; 6] = [
    RGBColor(0x1f, 0x6b, 0x5a),
    RGBColor(0x8a, 0x52, 0x00),
    RGBColor(0xa4, 0x26, 0x2c),
    RGBColor(0x55, 0x65, 0x6c),
    RGBColor(0x55, 0x65, 0x6c),
    RGBColor(0x3d, 0x4f, 0x8a),
];

/// Narrowest and widest a chart is drawn, in pixels.
pub const MIN_WIDTH: u32 = 200;
pub const MAX_WIDTH: u32 = 1400;

/// A width from the screen, within what a chart can be drawn at.
pub fn clamp_width(width: u32) -> u32 {
    width.clamp(MIN_WIDTH, MAX_WIDTH)
}

/// The font at `px` pixels as the SVG shows it (plotters writes sizes divided by 1.24).
pub(super) fn font(px: u32) -> FontDesc<'static> {
    FontDesc::from((FONT, f64::from(px) * 1.24))
}

/// An SVG document with its title as the first element, for screen readers and files.
pub(super) fn with_title(mut svg: String, title: &str) -> String {
    let title = format!("<title>{}</title>", escape(title));
    match svg.find('>') {
        Some(end) => svg.insert_str(end + 1, &title),
        None => svg.push_str(&title),
    }
    svg
}

/// A generous width of text in pixels (sans-serif averages about half an em a letter;
/// capitals and Cyrillic run wider), so what is placed by it is never cut.
pub(crate) fn estimate_width(text: &str, size: u32) -> i32 {
    let ems: f64 = text.chars().map(|c| if c.is_uppercase() || c == 'm' || c == 'w' || c == 'ш' || c == 'щ' || c == 'ж' || c == 'ю' || c == 'ф' { 0.82 } else if c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l' || c == '1' { 0.34 } else { 0.6 }).sum();
    (ems * f64::from(size)).ceil() as i32
}

/// Text broken into lines of at most `width` pixels, at word boundaries; a word longer
/// than a line is broken where it must. At most `max_lines`, the last ending in "…".
pub(crate) fn wrap(text: &str, size: u32, width: i32, max_lines: usize) -> Vec<String> {
    let width = width.max(size as i32 * 4);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if estimate_width(&candidate, size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than a line: in pieces that fit.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if estimate_width(&piece, size) > width {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        line = piece;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let max_lines = max_lines.max(1);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && estimate_width(&format!("{last}…"), size) > width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
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

/// WCAG's contrast ratio of two colours, from 1 (none) to 21 (black on white).
#[cfg(test)]
pub(crate) fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `#rrggbb` of a colour, for the style sheet and tests.
#[cfg(test)]
pub(crate) fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every colour that draws data: series, status, the marked bar, pace and target lines.
    fn data_colours() -> Vec<(String, RGBColor)> {
        let mut all: Vec<(String, RGBColor)> = SERIES.iter().enumerate().map(|(i, c)| (format!("series {i}"), *c)).collect();
        all.extend(STATUS.iter().enumerate().map(|(i, c)| (format!("status {i}"), *c)));
        all.extend([("marked bar and target line".to_owned(), MARK), ("pace line and text".to_owned(), INK)]);
        all.extend(super::super::bar::drawn_colours().into_iter().map(|c| (format!("bar fill {}", hex(c)), c)));
        all.extend(super::super::line::drawn_colours().into_iter().map(|c| (format!("line {}", hex(c)), c)));
        all.extend(super::super::map::drawn_colours().into_iter().map(|c| (format!("map {}", hex(c)), c)));
        all
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast(RGBColor(0, 0, 0), RGBColor(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(RGBColor(0x77, 0x77, 0x77), BACKGROUND) - 4.48).abs() < 0.01);
        assert_eq!(contrast(MARK, MARK), 1.0);
    }

    #[test]
    fn every_data_colour_has_three_to_one_against_the_background() {
        for (name, colour) in data_colours() {
            let ratio = contrast(colour, BACKGROUND);
            assert!(ratio >= 3.0, "{name} {} has {ratio:.2}:1", hex(colour));
        }
    }

    #[test]
    fn status_colours_are_the_badges_colours() {
        let css = include_str!("../../style/main.css");
        for (i, colour) in STATUS.iter().enumerate() {
            let rule = format!(".status-{i} {{ color: {};", hex(*colour));
            assert!(css.contains(&rule), "{rule} missing from the style sheet");
        }
    }

    #[test]
    fn wrap_keeps_every_word_within_the_width() {
        let lines = wrap("Opportunities and risks of the landscape, weighed", 16, 150, 9);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| estimate_width(l, 16) <= 150), "{lines:?}");
        assert_eq!(lines.join(" "), "Opportunities and risks of the landscape, weighed");
        let long = wrap(&"x".repeat(200), 16, 100, 2);
        assert_eq!(long.len(), 2);
        assert!(long[1].ends_with('…'));
        assert!(wrap("", 16, 100, 3).is_empty());
    }
}
