//! What every chart shares: the palette and font, the title as the SVG's first element,
//! a rough measure of text, and text made safe for XML.

use plotters::style::RGBColor;

pub(super) const FONT: &str = "sans-serif";
pub(super) const INK: RGBColor = RGBColor(0x1d, 0x26, 0x2b);
pub(super) const GRID: RGBColor = RGBColor(0xd5, 0xdc, 0xe0);
pub(super) const MARK: RGBColor = RGBColor(0x8a, 0x1c, 0x4a);

/// An SVG document with its title as the first element, for screen readers and files.
pub(super) fn with_title(mut svg: String, title: &str) -> String {
    let title = format!("<title>{}</title>", escape(title));
    match svg.find('>') {
        Some(end) => svg.insert_str(end + 1, &title),
        None => svg.push_str(&title),
    }
    svg
}

/// A rough width of text in pixels, for spacing the legend.
pub(super) fn estimate_width(text: &str, size: i32) -> i32 {
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
