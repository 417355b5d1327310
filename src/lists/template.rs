//! The markup every row of a list shares: its cells, the controls of the columns a row
//! builds itself (text, dates, fixed choices, short ranges of whole numbers, checks), the
//! options of its fixed choices and its buttons. The page copies it for each row (see
//! `ui::lists::row`); it is made here, where it is tested natively for every list in every
//! language.

use super::{Kind, ListSpec};
use crate::i18n::Texts;

/// Whole numbers in a range this short are picked from a list.
pub const PICKED: f64 = 10.0;

/// A cell the row builds itself, by how it holds its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Control {
    Text,
    LongText,
    Date,
    Choice,
    /// A whole number picked from a short range.
    Picked,
    Check,
}

impl Control {
    /// The control of a column's kind; `None` for the cells the framework builds (picks,
    /// links, typed numbers: `ui::lists::cell`).
    pub fn of(kind: Kind) -> Option<Control> {
        match kind {
            Kind::Text { long: false } => Some(Control::Text),
            Kind::Text { long: true } => Some(Control::LongText),
            Kind::Date => Some(Control::Date),
            Kind::Choice { .. } => Some(Control::Choice),
            Kind::Number { min, max, whole: true, .. } if max - min <= PICKED => Some(Control::Picked),
            Kind::Check => Some(Control::Check),
            Kind::Number { .. } | Kind::Count | Kind::Links(_) | Kind::Pick(_) => None,
        }
    }

    /// Whether the control reports a value as it is typed (`input`) rather than once
    /// chosen (`change`).
    pub fn typed(self) -> bool {
        matches!(self, Control::Text | Control::LongText)
    }
}

/// The class of a column's cells, by what they hold: the style sheet sizes columns by it.
pub fn column_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Text { long: true } => "k-long",
        Kind::Text { long: false } => "k-text",
        Kind::Number { .. } | Kind::Count => "k-number",
        Kind::Date => "k-date",
        Kind::Choice { .. } => "k-choice",
        Kind::Check => "k-check",
        Kind::Links(_) => "k-links",
        Kind::Pick(_) => "k-pick",
    }
}

/// The cells of a row of `spec` with the texts `t`, as HTML: what every row of the list has alike
/// (classes, the columns' names, the options of fixed choices, the buttons).
pub fn row_html(spec: &ListSpec, t: &Texts) -> String {
    let escape = crate::charts::svg::escape;
    let mut html = String::new();
    if spec.badge.is_some() {
        html.push_str(r#"<th scope="row" class="badge-cell"></th>"#);
    }
    for (i, c) in spec.columns.iter().enumerate() {
        let label = escape((c.label)(t));
        html.push_str(&format!(r#"<td class="{}" data-label="{label}">"#, column_class(c.kind)));
        // `data-column` tells the row's events which column a control is.
        let label = format!(r#"aria-label="{label}" data-column="{i}""#);
        let options = |html: &mut String, options: Vec<(String, String)>| {
            html.push_str(&format!(r#"<select {label}>"#));
            for (value, text) in options {
                html.push_str(&format!(r#"<option value="{}">{}</option>"#, escape(&value), escape(&text)));
            }
            html.push_str("</select>");
        };
        match (Control::of(c.kind), c.kind) {
            (Some(Control::Text), _) => html.push_str(&format!(r#"<input type="text" {label}>"#)),
            (Some(Control::LongText), _) => html.push_str(&format!(r#"<textarea {label} rows="2"></textarea>"#)),
            (Some(Control::Date), _) => html.push_str(&format!(r#"<input type="date" {label}>"#)),
            (Some(Control::Check), _) => html.push_str(&format!(r#"<input type="checkbox" {label}>"#)),
            (Some(Control::Choice), Kind::Choice { keys, labels, optional }) => {
                let none = optional.then(|| (String::new(), t.not_set.to_owned()));
                options(&mut html, none.into_iter().chain(keys().into_iter().map(str::to_owned).zip(labels(t).iter().map(|l| l.to_string()))).collect());
            }
            (Some(Control::Picked), Kind::Number { min, max, .. }) => options(&mut html, (min as i64..=max as i64).map(|i| (i.to_string(), i.to_string())).collect()),
            _ => {}
        }
        html.push_str("</td>");
    }
    // `data-do` tells the row's events which button was pressed.
    html.push_str(r#"<td class="row-actions">"#);
    if let Some(a) = &spec.action {
        html.push_str(&format!(r#"<button type="button" class="secondary" data-do="action" hidden>{}</button>"#, escape((a.label)(t))));
    }
    if spec.link.is_some() {
        html.push_str(&format!(r#"<span class="link-detail" hidden></span><button type="button" class="secondary unlink" data-do="unlink" hidden>{}</button>"#, escape(t.unlink_short)));
    }
    html.push_str(r#"<button type="button" class="icon" data-do="up">↑</button><button type="button" class="icon" data-do="down">↓</button><button type="button" class="icon danger" data-do="delete">✕</button></td>"#);
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::svg::escape;
    use crate::i18n::Lang;

    fn texts() -> Vec<&'static Texts> {
        Lang::De.install(include_str!("../../public/i18n/de.json")).expect("German pack");
        Lang::Bg.install(include_str!("../../public/i18n/bg.json")).expect("Bulgarian pack");
        Lang::ALL.iter().map(|l| l.texts()).collect()
    }

    /// What follows `from` in `html` up to `to`.
    fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
        let start = html.find(from).unwrap_or_else(|| panic!("{from} in {html}")) + from.len();
        &html[start..start + html[start..].find(to).unwrap_or_else(|| panic!("{to} after {from}"))]
    }

    /// Every list's template in every language: one cell per column and one for the
    /// actions; each control the row builds marked with its column (what its events are
    /// read by) and named; the fixed choices' options in the order of their keys; and the
    /// buttons the list has, each marked with what it does.
    #[test]
    fn every_lists_row_template_marks_and_names_its_controls_and_buttons() {
        for t in texts() {
            for spec in crate::lists::ALL {
                let html = row_html(spec, t);
                let cells = spec.columns.len() + 1;
                assert_eq!(html.matches("<td ").count(), cells, "{}: {html}", spec.name);
                assert_eq!(html.matches("<th ").count(), usize::from(spec.badge.is_some()), "{}", spec.name);
                let built: Vec<usize> = (0..spec.columns.len()).filter(|i| Control::of(spec.columns[*i].kind).is_some()).collect();
                assert_eq!(html.matches("data-column=").count(), built.len(), "{}", spec.name);
                for (i, column) in spec.columns.iter().enumerate() {
                    let label = escape((column.label)(t));
                    assert!(html.contains(&format!(r#"<td class="{}" data-label="{label}">"#, column_class(column.kind))), "{}: {label}", spec.name);
                    let mark = format!(r#"aria-label="{label}" data-column="{i}""#);
                    if !built.contains(&i) {
                        assert!(!html.contains(&mark), "{}: column {i} is the framework's", spec.name);
                        continue;
                    }
                    assert_eq!(html.matches(&mark).count(), 1, "{}: column {i}", spec.name);
                    let wanted: Option<Vec<String>> = match column.kind {
                        Kind::Choice { keys, optional, .. } => Some(optional.then(String::new).into_iter().chain(keys().into_iter().map(str::to_owned)).collect()),
                        Kind::Number { min, max, .. } if Control::of(column.kind) == Some(Control::Picked) => Some((min as i64..=max as i64).map(|n| n.to_string()).collect()),
                        _ => None,
                    };
                    if let Some(wanted) = wanted {
                        let options = between(&html, &mark, "</select>");
                        let values: Vec<String> = options.split(r#"<option value=""#).skip(1).map(|o| o[..o.find('"').unwrap()].to_owned()).collect();
                        assert_eq!(values, wanted, "{}: column {i}", spec.name);
                    }
                }
                let actions = between(&html, r#"<td class="row-actions">"#, "</td>");
                let does: Vec<&str> = actions.split(r#"data-do=""#).skip(1).map(|b| &b[..b.find('"').unwrap()]).collect();
                let mut wanted = Vec::new();
                wanted.extend(spec.action.as_ref().map(|_| "action"));
                wanted.extend(spec.link.as_ref().map(|_| "unlink"));
                wanted.extend(["up", "down", "delete"]);
                assert_eq!(does, wanted, "{}", spec.name);
                assert_eq!(actions.matches("<button ").count(), wanted.len(), "{}", spec.name);
            }
        }
    }
}
