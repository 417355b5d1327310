//! The plan on a page: focus, mission, business objectives, the social media objectives
//! with their KPIs and status, the maturity stage, the strategic gap and the strongest
//! findings; short enough for one A4 page, for a client to take home. The same HTML
//! shows in the app (`summary_body`) and as a file of its own (`summary_html`).

use crate::charts::escape;
use crate::charts::information::gap_sentences;
use crate::charts::tracking::{status_index, status_label};
use crate::i18n::{fill, format_date, format_number_short, Lang};
use crate::lists::short;
use crate::model::tracking::{latest, statuses};
use crate::model::*;
use std::fmt::Write;

/// How many findings of Exercise 1 the page names.
const FINDINGS: usize = 5;

/// The look of the page, in the app (where `style/main.css` holds the same rules, checked
/// by a test) and in the file. Sized so the sample plan prints on one A4 page.
pub const SUMMARY_STYLE: &str = ".one-page{font-size:.95rem;line-height:1.4}.one-page h1{font-size:1.6rem;margin:0 0 .1rem}.one-page h2{font-size:1.05rem;margin:.8rem 0 .3rem;border-bottom:2px solid #1f4e5f;break-after:avoid}.one-page p{margin:.2rem 0}.one-page ul{margin:.2rem 0;padding-left:1.3rem}.one-page table{width:100%;border-collapse:collapse;margin:.2rem 0 .4rem;font-size:.88rem}.one-page th,.one-page td{border:1px solid #d9d4c7;padding:.15rem .35rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}.one-page tbody th{background:#eef3f5}.one-page .sp-meta{color:#4a5a61}.one-page .sp-facts{display:grid;grid-template-columns:1fr 1fr;gap:0 1.2rem}.one-page .sp-none{color:#4a5a61;font-style:italic}.one-page .sp-status-0{color:#1f6b5a}.one-page .sp-status-1{color:#8a5200}.one-page .sp-status-2{color:#a4262c}.one-page .sp-status-3,.one-page .sp-status-4{color:#55656c}@media (max-width:600px){.one-page .sp-facts{grid-template-columns:1fr}}@media print{.one-page{font-size:9pt;line-height:1.3}.one-page h1{font-size:1.35rem}.one-page h2{font-size:1rem;margin:.5rem 0 .2rem}.one-page table{font-size:8.2pt;margin:.1rem 0 .2rem}.one-page th,.one-page td{padding:.08rem .3rem}.one-page .sp-facts{grid-template-columns:1fr 1fr}}";

/// The page's content as an HTML fragment, every text of the plan escaped.
pub fn summary_body(plan: &Plan, lang: Lang, today: &Date) -> String {
    let t = lang.texts();
    let s = &plan.strategy;
    let info = &plan.information;
    let mut out = String::new();
    let none = || format!("<p class=\"sp-none\">{}</p>", escape(t.summary_none));
    let name = if plan.name.trim().is_empty() { t.new_plan_default_name } else { plan.name.as_str() };
    let _ = write!(
        out,
        "<h1>{}</h1><p class=\"sp-meta\">{} · {} · {}</p>",
        escape(name),
        escape(t.summary_title),
        escape(t.function(plan.function())),
        escape(&fill(t.report_made, &[("date", &format_date(lang, today))]))
    );

    // Focus and mission side by side.
    let mut focus = format!("{} · {}", t.function(s.focus.function), t.horizon_options[usize::from(s.focus.horizon_years.clamp(1, 5)) - 1]);
    if let Some(start) = &s.focus.start {
        focus.push_str(&format!(" · {}: {}", t.focus_start, format_date(lang, start)));
    }
    let _ = write!(out, "<div class=\"sp-facts\"><section><h2>{}</h2><p>{}</p></section><section><h2>{}</h2>", escape(t.step(Step::Focus)), escape(&focus), escape(t.step(Step::Mission)));
    if s.mission.trim().is_empty() {
        out.push_str(&none());
    } else {
        let _ = write!(out, "<p>{}</p>", escape(s.mission.trim()));
    }
    out.push_str("</section></div>");

    // Business objectives, lettered as in the plan.
    let _ = write!(out, "<h2>{}</h2>", escape(t.step(Step::BusinessObjectives)));
    let business: Vec<String> = s.business_objectives.iter().enumerate().filter(|(_, b)| !b.text.trim().is_empty()).map(|(i, b)| format!("<li><strong>{}</strong> — {}</li>", letter(i), escape(&short(&b.text, 200)))).collect();
    if business.is_empty() {
        out.push_str(&none());
    } else {
        let _ = write!(out, "<ul>{}</ul>", business.concat());
    }

    // One table of every objective (a group of rows) with its KPIs: latest value,
    // target, status in words and sign.
    let _ = write!(out, "<h2>{}</h2>", escape(t.step(Step::Objectives)));
    let all = statuses(plan, today);
    if s.objectives.is_empty() {
        out.push_str(&none());
    } else {
        let _ = write!(
            out,
            "<table class=\"sp-kpis\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>",
            escape(t.kpi_name),
            escape(t.value),
            escape(t.kpi_target),
            escape(t.action_status)
        );
        for (i, o) in s.objectives.iter().enumerate() {
            let text = if o.text.trim().is_empty() { t.untitled.to_owned() } else { short(&o.text, 200) };
            let _ = write!(out, "<tbody><tr><th colspan=\"4\" scope=\"rowgroup\">{}</th></tr>", escape(&fill(t.objective_heading, &[("number", &(i + 1).to_string()), ("text", &text)])));
            let kpis: Vec<(&Kpi, crate::model::tracking::Status)> = s.kpis.iter().zip(&all).filter(|(k, _)| k.objective == o.id && !k.is_blank()).map(|(k, (_, st))| (k, *st)).collect();
            if kpis.is_empty() {
                let _ = write!(out, "<tr><td colspan=\"4\" class=\"sp-none\">⚠ {}</td></tr>", escape(t.map_gaps[1]));
            }
            for (k, st) in kpis {
                let unit = if k.unit.trim().is_empty() { String::new() } else { format!(" {}", k.unit.trim()) };
                let last = latest(k).map(|a| format!("{}{unit} ({})", format_number_short(lang, a.value), format_date(lang, &a.period))).unwrap_or_else(|| "—".into());
                let target = match (k.target, &k.deadline) {
                    (Some(v), Some(d)) => format!("{}{unit} ({})", format_number_short(lang, v), format_date(lang, d)),
                    (Some(v), None) => format!("{}{unit}", format_number_short(lang, v)),
                    (None, _) => "—".into(),
                };
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"sp-status-{}\">{}</td></tr>",
                    escape(&short(&k.name, 120)),
                    escape(&last),
                    escape(&target),
                    status_index(st),
                    escape(&status_label(lang, st))
                );
            }
            out.push_str("</tbody>");
        }
        out.push_str("</table>");
    }

    // Where the company stands: maturity and the strategic gap.
    let stage = match info.maturity.stage() {
        Some(stage) => fill(t.stage_result, &[("stage", t.stage_names[stage as usize])]),
        None => t.maturity_unknown.to_owned(),
    };
    let _ = write!(out, "<div class=\"sp-facts\"><section><h2>{}</h2><p>{}</p></section><section><h2>{}</h2>", escape(t.block(Block::Maturity)), escape(&stage), escape(t.summary_gap));
    for sentence in gap_sentences(plan, lang) {
        let _ = write!(out, "<p>{}</p>", escape(&sentence));
    }
    out.push_str("</section></div>");

    // The strongest findings of Exercise 1: highest weight first, the list's order on ties.
    let _ = write!(out, "<h2>{}</h2>", escape(t.summary_findings));
    let mut findings: Vec<&Finding> = info.landscape.findings.iter().filter(|f| !f.is_blank()).collect();
    findings.sort_by(|a, b| b.weight.cmp(&a.weight));
    if findings.is_empty() {
        out.push_str(&none());
    } else {
        out.push_str("<ul>");
        for f in findings.into_iter().take(FINDINGS) {
            let _ = write!(
                out,
                "<li><strong>{} · {}</strong> ({}): {}</li>",
                escape(t.polarities[f.polarity as usize]),
                escape(t.landscape_levels[f.level as usize]),
                escape(&fill(t.summary_weight, &[("weight", &f.weight.to_string())])),
                escape(&short(&f.text, 160))
            );
        }
        out.push_str("</ul>");
    }
    out
}

/// The page as one HTML file of its own, for one A4 page in print.
pub fn summary_html(plan: &Plan, lang: Lang, today: &Date) -> String {
    let t = lang.texts();
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{} – {}</title>\n<style>body{{font-family:system-ui,sans-serif;color:#1c2a30;max-width:50rem;margin:1.5rem auto;padding:0 1rem}}@page{{size:A4;margin:12mm}}@media print{{body{{margin:0;max-width:none;padding:0}}}}{}</style>\n</head>\n<body>\n<main class=\"one-page\">{}</main>\n</body>\n</html>\n",
        lang.code(),
        escape(&plan.name),
        escape(t.summary_title),
        SUMMARY_STYLE,
        summary_body(plan, lang, today)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let mut p = Plan::new(Id::from("p"), "Bakery <chain> & cafés", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
        let s = &mut p.strategy;
        s.mission = "Fresh bread & good mornings".into();
        s.business_objectives.push(BusinessObjective { id: Id::from("b"), text: "Grow sales".into() });
        s.objectives.push(Objective { id: Id::from("o"), text: "More visits".into(), business_objectives: vec![Id::from("b")], ..Objective::default() });
        s.objectives.push(Objective { id: Id::from("o2"), text: "Hire bakers".into(), business_objectives: vec![Id::from("b")], ..Objective::default() });
        s.kpis.push(Kpi { id: Id::from("k"), objective: Id::from("o"), name: "Store visits".into(), target: Some(500.0), ..Kpi::default() });
        for (i, w) in [2u8, 5, 3, 5, 1, 4].into_iter().enumerate() {
            p.information.landscape.findings.push(Finding { id: Id::from(format!("f{i}").as_str()), text: format!("finding {i} weight {w}"), weight: w, ..Finding::default() });
        }
        p
    }

    #[test]
    fn the_page_has_every_part_with_text_escaped() {
        let html = summary_body(&plan(), Lang::En, &Date::new(2026, 11, 22));
        assert!(html.starts_with("<h1>Bakery &lt;chain&gt; &amp; cafés</h1>"));
        for part in ["Choose the focus", "Social media mission", "Fresh bread &amp; good mornings", "Objective 1: More visits", "Store visits", "500", "No data", "Objective 2: Hire bakers", "⚠ no KPI", "Maturity: not assessed yet", "Strongest findings"] {
            assert!(html.contains(part), "{part} missing");
        }
        assert!(!html.contains("<chain>"));
    }

    #[test]
    fn the_strongest_findings_come_first_and_only_five() {
        let html = summary_body(&plan(), Lang::En, &Date::new(2026, 11, 22));
        let order: Vec<usize> = ["finding 1", "finding 3", "finding 5", "finding 2", "finding 0"].iter().map(|f| html.find(f).unwrap_or_else(|| panic!("{f}"))).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        assert!(!html.contains("finding 4"));
    }

    #[test]
    fn the_file_stands_alone_and_the_app_shares_its_style() {
        let html = summary_html(&plan(), Lang::De, &Date::new(2026, 11, 22));
        assert!(html.starts_with("<!doctype html>\n<html lang=\"de\">"));
        assert!(html.contains("@page{size:A4"));
        assert!(!html.contains("<script") && !html.contains("src="));
        let css = include_str!("../../style/main.css");
        assert!(css.contains(SUMMARY_STYLE), "style/main.css holds SUMMARY_STYLE as it is");
    }
}
