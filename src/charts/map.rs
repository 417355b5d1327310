//! The strategy map as a diagram: business objectives → social media objectives → KPIs
//! and tactics → output indicators, in four columns joined by lines, with every gap
//! drawn as a dashed box that says what is missing.
//!
//! Written as SVG text directly (boxes with wrapped text need no chart library). Each
//! objective is drawn once, beside the first business objective it serves, with lines
//! from every other one it serves.

use super::svg::{escape, wrap, BACKGROUND, INK, SERIES, STATUS};
use crate::i18n::{fill, Lang};
use crate::lists::short;
use crate::model::{letter, Id, Strategy};
use plotters::style::RGBColor;
use std::fmt::Write;

/// What a box stands for; it sets the box's colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    BusinessObjective,
    Objective,
    Kpi,
    Tactic,
    Indicator,
    /// Something the method expects and the plan lacks.
    Gap,
}

/// One box of the map with the boxes it leads to.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub text: String,
    pub children: Vec<Node>,
    /// Business objectives (by index) this box is linked from besides its parent.
    pub also_from: Vec<usize>,
}

/// The map of a plan in a language: headers of the four columns and the business
/// objectives as roots.
#[derive(Clone, Debug, PartialEq)]
pub struct StrategyMap {
    pub title: String,
    pub columns: [String; 4],
    pub roots: Vec<Node>,
}

const MARGIN: i32 = 12;
const COLUMN_GAP: i32 = 34;
const MIN_COLUMN: i32 = 150;
const MAX_COLUMN: i32 = 280;
const TEXT_SIZE: u32 = 14;
const HEADER_SIZE: u32 = 15;
const LINE: i32 = 18;
const PAD: i32 = 7;
const GAP: i32 = 10;
const HEADER: i32 = 34;
const MAX_LINES: usize = 4;

fn colours(kind: Kind) -> (RGBColor, RGBColor) {
    match kind {
        Kind::BusinessObjective => (SERIES[0], RGBColor(0xe6, 0xef, 0xf2)),
        Kind::Objective => (STATUS[0], RGBColor(0xe8, 0xf4, 0xf0)),
        Kind::Kpi => (SERIES[2], RGBColor(0xf0, 0xec, 0xf7)),
        Kind::Tactic => (SERIES[1], RGBColor(0xfb, 0xf1, 0xe7)),
        Kind::Indicator => (STATUS[3], BACKGROUND),
        Kind::Gap => (STATUS[2], BACKGROUND),
    }
}

/// Borders and lines of the map, for the contrast test.
#[cfg(test)]
pub(super) fn drawn_colours() -> Vec<RGBColor> {
    let mut all: Vec<RGBColor> = [Kind::BusinessObjective, Kind::Objective, Kind::Kpi, Kind::Tactic, Kind::Indicator, Kind::Gap].map(|k| colours(k).0).to_vec();
    all.push(STATUS[3]);
    all
}

/// The column of a box of `kind` under a box in column `parent`.
fn column(kind: Kind, parent: usize) -> usize {
    match kind {
        Kind::BusinessObjective => 0,
        Kind::Objective => 1,
        Kind::Kpi | Kind::Tactic => 2,
        Kind::Indicator => 3,
        Kind::Gap => parent + 1,
    }
}

impl StrategyMap {
    /// The map of a plan's strategy in a language.
    pub fn of(s: &Strategy, lang: Lang) -> StrategyMap {
        let t = lang.texts();
        let node = |kind, text: String, children| Node { kind, text, children, also_from: Vec::new() };
        let gap = |i: usize| node(Kind::Gap, format!("⚠ {}", t.map_gaps[i]), Vec::new());
        let objective = |i: usize| {
            let o = &s.objectives[i];
            let text = if o.text.trim().is_empty() { t.untitled.to_owned() } else { short(&o.text, 160) };
            let mut children: Vec<Node> = s.kpis.iter().filter(|k| k.objective == o.id).map(|k| node(Kind::Kpi, fill(t.map_kpi, &[("name", &short(&k.name, 120))]), Vec::new())).collect();
            if children.is_empty() {
                children.push(gap(1));
            }
            let tactics: Vec<Node> = s
                .tactics
                .iter()
                .filter(|x| x.objective == o.id)
                .map(|x| {
                    let mut kept: Vec<Node> = s.indicators.iter().filter(|i| i.tactic == x.id && i.kept).map(|i| node(Kind::Indicator, short(&i.text, 120), Vec::new())).collect();
                    if kept.is_empty() {
                        kept.push(gap(3));
                    }
                    node(Kind::Tactic, fill(t.tactic_heading, &[("text", &short(&x.text, 120))]), kept)
                })
                .collect();
            if tactics.is_empty() {
                children.push(gap(2));
            }
            children.extend(tactics);
            node(Kind::Objective, format!("{}. {text}", i + 1), children)
        };
        let index_of = |id: &Id| s.business_objectives.iter().position(|b| &b.id == id);
        let mut roots: Vec<Node> = s
            .business_objectives
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let served = s.objectives.iter().any(|o| o.business_objectives.contains(&b.id));
                // Drawn here: the objectives whose first business objective this is.
                let children: Vec<Node> = s
                    .objectives
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.business_objectives.iter().filter_map(index_of).min() == Some(i))
                    .map(|(oi, o)| Node { also_from: o.business_objectives.iter().filter_map(index_of).filter(|j| *j != i).collect(), ..objective(oi) })
                    .collect();
                let text = format!("{} — {}", letter(i), if b.text.trim().is_empty() { t.untitled.to_owned() } else { short(&b.text, 160) });
                node(Kind::BusinessObjective, text, if served { children } else { vec![gap(0)] })
            })
            .collect();
        let unlinked: Vec<Node> = s.objectives.iter().enumerate().filter(|(_, o)| o.business_objectives.iter().filter_map(index_of).next().is_none()).map(|(i, _)| objective(i)).collect();
        if !unlinked.is_empty() {
            roots.push(node(Kind::Gap, format!("⚠ {}", t.map_unlinked), unlinked));
        }
        StrategyMap { title: t.map_title.to_owned(), columns: t.map_columns.map(str::to_owned), roots }
    }

    /// Widths of a column and of the whole map, for a container `width` pixels wide: the
    /// columns share it, but never shrink below what stays readable (then it scrolls).
    fn column_width(width: u32) -> i32 {
        ((width as i32 - 2 * MARGIN - 3 * COLUMN_GAP) / 4).clamp(MIN_COLUMN, MAX_COLUMN)
    }

    /// The map as an SVG document, laid out for a container `width` pixels wide.
    pub fn svg_at(&self, width: u32) -> String {
        let col = Self::column_width(width);
        let total_width = 2 * MARGIN + 4 * col + 3 * COLUMN_GAP;
        let mut boxes = String::new();
        let mut lines = String::new();
        let mut y = HEADER + 6;
        // Where each business objective's box sits, for the lines of objectives it also serves.
        let mut anchors: Vec<(i32, i32)> = Vec::new();
        let mut extra: Vec<(usize, (i32, i32))> = Vec::new();
        for root in &self.roots {
            let (height, centre) = place(root, 0, y, col, &mut boxes, &mut lines, &mut extra);
            if root.kind == Kind::BusinessObjective {
                anchors.push((MARGIN + col, centre));
            }
            y += height + GAP * 2;
        }
        for (from, to) in extra {
            if let Some(a) = anchors.get(from) {
                connect(&mut lines, *a, to, true);
            }
        }
        let height = y.max(HEADER + 40);
        let mut svg = format!(
            "<svg width=\"{total_width}\" height=\"{height}\" viewBox=\"0 0 {total_width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\"><title>{}</title><rect width=\"{total_width}\" height=\"{height}\" fill=\"#ffffff\"/>",
            escape(&self.title)
        );
        for (i, name) in self.columns.iter().enumerate() {
            let x = MARGIN + i as i32 * (col + COLUMN_GAP);
            for (j, line) in wrap(name, HEADER_SIZE, col, 2).iter().enumerate() {
                let _ = write!(svg, "<text x=\"{x}\" y=\"{}\" font-size=\"{HEADER_SIZE}\" font-weight=\"bold\" fill=\"{}\">{}</text>", 14 + j as i32 * 17, hex(INK), escape(line));
            }
        }
        svg.push_str(&lines);
        svg.push_str(&boxes);
        svg.push_str("</svg>");
        svg
    }

    /// How many gaps the map marks.
    pub fn gaps(&self) -> usize {
        fn count(n: &Node) -> usize {
            usize::from(n.kind == Kind::Gap) + n.children.iter().map(count).sum::<usize>()
        }
        self.roots.iter().map(count).sum()
    }
}

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn box_height(lines: usize) -> i32 {
    lines.max(1) as i32 * LINE + 2 * PAD
}

/// Draws `node` in `column` from `top`, its children in the next; returns the height of
/// its band and the centre of its box.
fn place(node: &Node, column: usize, top: i32, col: i32, boxes: &mut String, lines: &mut String, extra: &mut Vec<(usize, (i32, i32))>) -> (i32, i32) {
    let x = MARGIN + column as i32 * (col + COLUMN_GAP);
    let text = wrap(&node.text, TEXT_SIZE, col - 2 * PAD, MAX_LINES);
    let own = box_height(text.len());
    // Children first: the box sits at the middle of their band.
    let mut y = top;
    let mut centres = Vec::new();
    // Written after this box, so the SVG reads parent first.
    let mut below = String::new();
    for child in &node.children {
        let (h, c) = place(child, self::column(child.kind, column), y, col, &mut below, lines, extra);
        centres.push(c);
        y += h + GAP;
    }
    let band = if node.children.is_empty() { own } else { (y - GAP - top).max(own) };
    let box_top = top + (band - own) / 2;
    let centre = box_top + own / 2;
    for c in centres {
        connect(lines, (x + col, centre), (x + col + COLUMN_GAP, c), false);
    }
    for from in &node.also_from {
        extra.push((*from, (x, centre)));
    }
    let (stroke, background) = colours(node.kind);
    let dash = if node.kind == Kind::Gap { " stroke-dasharray=\"6 3\"" } else { "" };
    let ink = if node.kind == Kind::Gap { stroke } else { INK };
    let weight = if matches!(node.kind, Kind::BusinessObjective | Kind::Objective) { " font-weight=\"bold\"" } else { "" };
    let _ = write!(
        boxes,
        "<g class=\"map-node map-{}\"><rect x=\"{x}\" y=\"{box_top}\" width=\"{col}\" height=\"{own}\" rx=\"6\" fill=\"{}\" stroke=\"{}\" stroke-width=\"2\"{dash}/>",
        format!("{:?}", node.kind).to_lowercase(),
        hex(background),
        hex(stroke)
    );
    for (i, line) in text.iter().enumerate() {
        let _ = write!(boxes, "<text x=\"{}\" y=\"{}\" font-size=\"{TEXT_SIZE}\"{weight} fill=\"{}\">{}</text>", x + PAD, box_top + PAD + 13 + i as i32 * LINE, hex(ink), escape(line));
    }
    boxes.push_str("</g>");
    boxes.push_str(&below);
    (band, centre)
}

/// A curve from the right edge of one box to the left edge of another.
fn connect(lines: &mut String, from: (i32, i32), to: (i32, i32), dashed: bool) {
    let mid = (from.0 + to.0) / 2;
    let dash = if dashed { " stroke-dasharray=\"4 3\"" } else { "" };
    let _ = write!(
        lines,
        "<path d=\"M{} {} C{mid} {} {mid} {} {} {}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"{dash}/>",
        from.0, from.1, from.1, to.1, to.0, to.1,
        hex(STATUS[3])
    );
}

/// A rough width of the widest line, for tests of the layout.
#[cfg(test)]
fn widest(svg: &str) -> i32 {
    use super::svg::estimate_width;
    svg.split("font-size=\"14\"").skip(1).filter_map(|s| s.split('>').nth(1)?.split('<').next()).map(|t| estimate_width(t, TEXT_SIZE)).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BusinessObjective, Indicator, Kpi, Objective, Tactic};

    fn strategy() -> Strategy {
        let mut s = Strategy::default();
        s.business_objectives = vec![
            BusinessObjective { id: Id::from("a"), text: "Grow sales in the new bakeries & cafés".into() },
            BusinessObjective { id: Id::from("b"), text: "Hire <bakers>".into() },
            BusinessObjective { id: Id::from("c"), text: "Served by nobody".into() },
        ];
        let objective = |id: &str, text: &str, serves: &[&str]| Objective { id: Id::from(id), text: text.into(), business_objectives: serves.iter().map(|s| Id::from(*s)).collect(), ..Objective::default() };
        *s.objectives = vec![objective("o1", "More visits from Instagram", &["a", "b"]), objective("o2", "An employer brand", &["b"]), objective("o3", "Floating", &[])];
        *s.kpis = vec![Kpi { id: Id::from("k1"), objective: Id::from("o1"), name: "Store visits".into(), ..Kpi::default() }];
        *s.tactics = vec![Tactic { id: Id::from("t1"), objective: Id::from("o1"), text: "Weekly reels".into() }, Tactic { id: Id::from("t2"), objective: Id::from("o2"), text: "Team stories".into() }];
        *s.indicators = vec![Indicator { id: Id::from("i1"), tactic: Id::from("t1"), text: "Reels posted".into(), kept: true }];
        s
    }

    #[test]
    fn the_map_follows_the_plan_and_marks_every_gap() {
        let map = StrategyMap::of(&strategy(), Lang::En);
        assert_eq!(map.roots.len(), 4, "three business objectives and the unlinked objectives");
        let a = &map.roots[0];
        assert_eq!(a.children.len(), 1);
        assert_eq!(a.children[0].also_from, vec![1], "objective 1 serves B too");
        // B draws objective 2 (objective 1 sits under A); C is served by none.
        assert_eq!(map.roots[1].children[0].text, "2. An employer brand");
        assert_eq!(map.roots[2].children[0].kind, Kind::Gap);
        assert_eq!(map.roots[3].kind, Kind::Gap);
        // Gaps: C unserved, objective 2 without KPI, tactic t2 without indicator, the
        // unlinked group, objective 3 without KPI and without tactic.
        assert_eq!(map.gaps(), 6);
    }

    #[test]
    fn the_svg_has_boxes_lines_and_escaped_text_at_a_readable_size() {
        let map = StrategyMap::of(&strategy(), Lang::En);
        let svg = map.svg_at(1000);
        assert!(svg.starts_with("<svg width=\""));
        assert!(svg.contains("<title>Strategy map</title>"));
        assert!(svg.contains("Hire &lt;bakers&gt;"));
        assert!(!svg.contains("<bakers>"));
        assert!(svg.contains("&amp; cafés"));
        assert_eq!(svg.matches("class=\"map-node map-gap\"").count(), 6);
        assert!(svg.matches("<path").count() >= 9);
        let sizes: Vec<f64> = svg.split("font-size=\"").skip(1).filter_map(|s| s.split('"').next()?.parse().ok()).collect();
        assert!(sizes.iter().all(|s| *s >= 12.0));
        assert!(widest(&svg) <= StrategyMap::column_width(1000) - 2 * PAD);
    }

    #[test]
    fn a_narrow_screen_gets_a_map_that_scrolls_rather_than_shrinks() {
        let map = StrategyMap::of(&strategy(), Lang::En);
        let narrow = map.svg_at(330);
        let width: i32 = narrow["<svg width=\"".len()..].split('"').next().unwrap().parse().unwrap();
        assert_eq!(width, 2 * MARGIN + 4 * MIN_COLUMN + 3 * COLUMN_GAP);
        let wide = map.svg_at(1030);
        let width: i32 = wide["<svg width=\"".len()..].split('"').next().unwrap().parse().unwrap();
        assert!(width <= 1030);
    }

    #[test]
    fn an_empty_plan_has_an_empty_map() {
        let map = StrategyMap::of(&Strategy::default(), Lang::En);
        assert!(map.roots.is_empty());
        assert!(map.svg_at(800).ends_with("</svg>"));
    }
}
