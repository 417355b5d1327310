//! The whole plan as a report: Markdown, or one self-contained HTML file with the charts
//! embedded as SVG, in the language chosen; and the plan on one page (`summary`).
//! Everything the team wrote is escaped for the format it goes into (HTML escaping in
//! HTML, backslashes in Markdown), so no markup from a plan ever becomes part of the
//! report's own, and no `&amp;` shows where an `&` was written.

mod summary;
pub use summary::{summary_body, summary_html, SUMMARY_STYLE};

use crate::charts::{escape, information as info_charts, tracking as track_charts};
use crate::i18n::{fill, format_date, format_number_short, Lang};
use crate::model::tracking::{latest, statuses};
use crate::model::*;

/// A piece of the report, rendered to either format.
enum Part {
    Title(String),
    Heading(u8, String),
    Text(String),
    List(Vec<String>),
    /// A list numbered 1, 2, 3.
    Numbered(Vec<String>),
    /// Items with their own numbers (1.1, 1.2) and items under them.
    Tree(Vec<Item>),
    Table(Vec<String>, Vec<Vec<String>>),
    /// A chart's title (shown above it) and its SVG.
    Chart(String, String),
}

/// An entry of a `Part::Tree`: its number (may be empty), its text, what is under it.
struct Item {
    number: String,
    text: String,
    children: Vec<Item>,
}

fn chart(c: crate::charts::BarChart) -> Part {
    Part::Chart(c.title.clone(), c.svg())
}

/// `label: text`, or without the colon after a label that is a question or ends in one.
fn labelled(label: &str, text: &str) -> Option<Part> {
    let sep = if label.ends_with(['?', ':', '？']) { " " } else { ": " };
    (!text.trim().is_empty()).then(|| Part::Text(format!("{label}{sep}{}", text.trim())))
}

fn parts(plan: &Plan, lang: Lang, today: &Date) -> Vec<Part> {
    let t = lang.texts();
    let info = &plan.information;
    let s = &plan.strategy;
    let mut out = vec![
        Part::Title(plan.name.clone()),
        Part::Text(format!("{} · {}", t.function(plan.function()), fill(t.report_made, &[("date", &format_date(lang, today))]))),
    ];
    let h2 = |p: Phase| Part::Heading(2, t.phase(p).to_owned());
    let h3 = |b: Block| Part::Heading(3, t.block(b).to_owned());

    // Information.
    out.push(h2(Phase::Information));
    out.push(h3(Block::OpportunitiesRisks));
    out.push(Part::List(info.opportunities_risks.iter().filter(|o| !o.is_blank()).map(|o| format!("{}: {} — {}", t.or_kinds[o.kind as usize], o.title, o.description)).collect()));
    out.push(h3(Block::ToolsMethods));
    out.push(Part::Table(
        vec![t.tool_name.into(), t.tool_purpose.into(), t.tool_usage.into(), t.tool_how.into(), t.tool_relevance.into()],
        info.tools.iter().filter(|x| !x.is_blank()).map(|x| vec![x.name.clone(), x.purpose.clone(), t.tool_usages[x.usage as usize].into(), x.how.clone(), x.relevance.to_string()]).collect(),
    ));
    out.push(h3(Block::Landscape));
    for level in LandscapeLevel::ALL {
        out.push(Part::Heading(4, t.landscape_levels[level as usize].to_owned()));
        out.push(Part::List(
            info.landscape.findings.iter().filter(|f| f.level == level && !f.is_blank()).map(|f| fill(t.finding_line, &[("polarity", t.polarities[f.polarity as usize]), ("weight", &f.weight.to_string()), ("text", &f.text)])).collect(),
        ));
    }
    out.extend(labelled(t.generic_strategy_label, &info.landscape.generic_strategy));
    out.push(chart(info_charts::landscape(plan, lang)));
    out.push(h3(Block::Audit));
    let a = &info.audit;
    for (q, answer) in t.audit_questions.iter().zip([&a.progress, &a.channels_used, &a.engagement, &a.benefits, &a.improvements]) {
        out.extend(labelled(q, answer));
    }
    out.push(Part::Table(
        vec![t.channel_name.into(), t.channel_since.into(), t.channel_audience.into(), t.channel_engagement.into(), t.channel_owner.into(), t.channel_notes.into()],
        a.channels
            .iter()
            .filter(|c| !c.is_blank())
            .map(|c| {
                vec![
                    c.name.clone(),
                    c.since.as_ref().map(|d| format_date(lang, d)).unwrap_or_default(),
                    c.audience.map(|v| format_number_short(lang, v as f64)).unwrap_or_default(),
                    c.engagement.map(|e| t.engagement_levels[e as usize].to_owned()).unwrap_or_default(),
                    c.owner.clone(),
                    c.notes.clone(),
                ]
            })
            .collect(),
    ));
    out.push(Part::Table(
        vec![t.benchmark_title.into(), t.score_current.into(), t.score_ideal.into(), t.gap_series_gap.into(), t.score_note.into()],
        BenchmarkLevel::ALL
            .iter()
            .map(|l| {
                let sc = a.benchmark.get(*l);
                let n = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_else(|| t.not_scored.into());
                vec![t.benchmark_levels[*l as usize].into(), n(sc.current), n(sc.ideal), sc.gap().map(|g| g.to_string()).unwrap_or_default(), sc.note.clone()]
            })
            .collect(),
    ));
    out.extend(info_charts::gap_sentences(plan, lang).into_iter().map(Part::Text));
    out.push(chart(info_charts::gap(plan, lang)));
    out.push(h3(Block::Swot));
    for (i, q) in info.swot.quadrants().iter().enumerate() {
        out.push(Part::Heading(4, t.swot_quadrants[i].to_owned()));
        out.push(Part::List(q.iter().filter(|x| !x.is_blank()).map(|x| x.text.clone()).collect()));
    }
    let w = &info.swot;
    for (q, answer) in t.swot_questions.iter().zip([&w.leverage_strengths, &w.overcome_weaknesses, &w.realise_opportunities, &w.alleviate_threats]) {
        out.extend(labelled(q, answer));
    }
    out.push(h3(Block::Maturity));
    let m = &info.maturity;
    out.push(Part::Text(match m.stage() {
        Some(stage) => fill(t.stage_result, &[("stage", t.stage_names[stage as usize])]),
        None => t.maturity_unknown.to_owned(),
    }));
    out.push(Part::Table(
        vec![String::new(), t.profile_series[0].into()],
        MaturityDimension::ALL
            .iter()
            .map(|d| {
                let answer = match m.answers.get(d) {
                    Some(a) => match a.stage() {
                        Some(s) => format!("{} – {}", t.stage_names[s as usize], t.dimension_anchors[*d as usize * 6 + s as usize]),
                        None => t.dont_know.into(),
                    },
                    None => t.not_set.into(),
                };
                vec![t.dimension_names[*d as usize].into(), answer]
            })
            .collect(),
    ));
    out.extend(labelled(t.maturity_notes, &m.notes));
    out.push(chart(info_charts::profile(plan, lang)));
    out.push(chart(info_charts::distribution(plan, lang)));
    out.push(Part::Text(t.distribution_source.to_owned()));

    // Strategy.
    out.push(h2(Phase::Strategy));
    out.push(h3(Block::StrategicPlan));
    out.push(Part::Heading(4, t.step(Step::Focus).to_owned()));
    out.push(Part::Text(format!("{}: {} · {}: {}", t.business_function, t.function(s.focus.function), t.focus_horizon, t.horizon_options[usize::from(s.focus.horizon_years.clamp(1, 5)) - 1])));
    if let Some(start) = &s.focus.start {
        out.push(Part::Text(format!("{}: {}", t.focus_start, format_date(lang, start))));
    }
    out.push(Part::Heading(4, t.step(Step::BusinessObjectives).to_owned()));
    out.push(Part::List(s.business_objectives.iter().enumerate().map(|(i, b)| format!("{} — {}", letter(i), b.text)).collect()));
    out.push(Part::Heading(4, t.step(Step::Mission).to_owned()));
    out.extend(labelled(t.mission_label, &s.mission));
    out.push(Part::Heading(4, t.step(Step::Objectives).to_owned()));
    out.push(Part::Numbered(
        s.objectives
            .iter()
            .map(|o| {
                let letters: Vec<String> = o.business_objectives.iter().filter_map(|b| s.letter_of(b)).collect();
                let perspective = o.perspective.map(|p| format!(" · {}", t.perspectives[p as usize])).unwrap_or_default();
                format!("{} ({}: {}){perspective}", o.text, t.obj_serves, letters.join(", "))
            })
            .collect(),
    ));
    out.push(Part::Heading(4, t.step(Step::Kpis).to_owned()));
    out.push(Part::Table(
        vec![t.kpi_name.into(), t.obj_text.into(), t.kpi_goal.into(), t.kpi_unit.into(), t.kpi_baseline.into(), t.kpi_target.into(), t.kpi_deadline.into(), t.kpi_frequency.into(), t.kpi_owner.into()],
        s.kpis
            .iter()
            .map(|k| {
                let n = |v: Option<f64>| v.map(|v| format_number_short(lang, v)).unwrap_or_default();
                vec![
                    k.name.clone(),
                    s.objectives.iter().position(|o| o.id == k.objective).map(|i| (i + 1).to_string()).unwrap_or_default(),
                    k.business_goal.map(|g| t.business_goals[g as usize].to_owned()).unwrap_or_default(),
                    k.unit.clone(),
                    n(k.baseline),
                    n(k.target),
                    k.deadline.as_ref().map(|d| format_date(lang, d)).unwrap_or_default(),
                    t.frequencies[k.frequency as usize].into(),
                    k.owner.clone(),
                ]
            })
            .collect(),
    ));
    out.push(Part::Heading(4, t.step(Step::Tactics).to_owned()));
    // Tactics numbered within their objective (1.1, 1.2), their kept indicators under them.
    out.push(Part::Tree(tactic_tree(plan, lang, |n| n.kept.then(|| n.text.clone()))));
    out.push(h3(Block::Post));
    out.extend(labelled(t.post_people, &s.post.people));
    out.push(Part::Text(format!("{} {}", t.post_objectives, s.post.objectives.iter().map(|o| t.post_objective_names[*o as usize]).collect::<Vec<_>>().join(", "))));
    out.extend(labelled(t.post_objectives_note, &s.post.objectives_note));
    out.extend(labelled(t.post_strategy, &s.post.strategy));
    out.extend(labelled(t.post_technology, &s.post.technology));
    out.push(h3(Block::WhySocialMedia));
    out.extend(labelled(t.why_marketing, &s.why.marketing));
    out.extend(labelled(t.why_employees, &s.why.employee_engagement));
    out.extend(labelled(t.why_collaboration, &s.why.collaboration));
    out.push(h3(Block::Relationships));
    out.push(Part::Table(
        vec![t.rel_who.into(), t.rel_kind.into(), t.rel_value.into(), t.rel_usage.into()],
        s.relationships.iter().filter(|r| !r.is_blank()).map(|r| vec![r.who.clone(), r.kind.clone(), r.value.clone(), r.usage.clone()]).collect(),
    ));
    out.push(h3(Block::Governance));
    out.extend(labelled(t.gov_policies, &s.governance.policies));
    out.extend(labelled(t.gov_guidelines, &s.governance.guidelines));
    out.extend(labelled(t.gov_processes, &s.governance.processes));
    out.extend(labelled(t.gov_education, &s.governance.education));
    out.push(h3(Block::BusinessIntegration));
    out.extend(labelled(t.integration_label, &s.business_integration));
    out.push(h3(Block::GoalSystem));
    out.extend(labelled(t.goal_system_label, &s.goal_system));
    out.push(h3(Block::Resources));
    out.extend(labelled(t.res_people, &s.resources.people));
    if let Some(h) = s.resources.hours_per_week {
        out.push(Part::Text(format!("{}: {}", t.res_hours, format_number_short(lang, h))));
    }
    if let Some(b) = s.resources.budget {
        out.push(Part::Text(format!("{}: {}", t.res_budget, format_number_short(lang, b))));
    }
    out.extend(labelled(t.res_tools, &s.resources.tools));

    // Operative.
    out.push(h2(Phase::Operative));
    for (i, block) in [Block::Enabling, Block::Organisation, Block::Technical].into_iter().enumerate() {
        out.push(h3(block));
        out.push(Part::Table(
            vec![t.action_title.into(), t.action_owner.into(), t.action_due.into(), t.action_status.into()],
            plan.operative
                .actions
                .iter()
                .filter(|a| a.plan as usize == i && !a.is_blank())
                .map(|a| vec![a.title.clone(), a.owner.clone(), a.due.as_ref().map(|d| format_date(lang, d)).unwrap_or_default(), t.action_statuses[a.status as usize].into()])
                .collect(),
        ));
    }
    out.push(h3(Block::KpiTracking));
    let all = statuses(plan, today);
    out.push(Part::Table(
        vec![t.kpi_name.into(), t.value.into(), t.kpi_target.into(), t.action_status.into()],
        s.kpis
            .iter()
            .zip(&all)
            .filter(|(k, _)| !k.is_blank())
            .map(|(k, (_, st))| {
                let last = latest(k).map(|a| format!("{} ({})", format_number_short(lang, a.value), format_date(lang, &a.period))).unwrap_or_default();
                vec![k.name.clone(), last, k.target.map(|v| format_number_short(lang, v)).unwrap_or_default(), track_charts::status_label(lang, *st)]
            })
            .collect(),
    ));
    out.push(chart(track_charts::status_counts(plan, lang, today)));
    for k in s.kpis.iter().filter(|k| !k.is_blank()) {
        let c = track_charts::kpi(plan, k, lang, today);
        out.push(Part::Chart(c.title.clone(), c.svg()));
    }
    out.push(chart(track_charts::phases(plan, lang)));
    out
}

/// Text for Markdown: markup characters are escaped with a backslash so what the team
/// wrote stays text; `&` stays `&` unless it would start an entity (`&amp;`), and a
/// line never starts with what Markdown reads as a list marker, quote or heading.
fn md(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '&' if starts_entity(&chars[i + 1..]) => out.push_str("\\&"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    // "1. ", "2) ", "- ", "+ ", "= " at the start would make a list or a heading.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let rest = &out[digits..];
    if digits > 0 && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")") {
        out.insert(digits, '\\');
    } else if ["- ", "+ ", "= "].iter().any(|m| out.starts_with(m)) || out == "-" || out == "+" {
        out.insert(0, '\\');
    }
    out
}

/// Whether what follows an `&` reads as an entity: a name or number, then `;`.
fn starts_entity(rest: &[char]) -> bool {
    let body = rest.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '#').count();
    body > 0 && rest.get(body) == Some(&';')
}

/// A tree as a nested Markdown list, two spaces of indent per level.
fn md_tree(out: &mut String, items: &[Item], depth: usize) {
    for item in items {
        let number = if item.number.is_empty() { String::new() } else { format!("{} ", item.number) };
        out.push_str(&format!("{}- {number}{}\n", "  ".repeat(depth), md(&item.text)));
        md_tree(out, &item.children, depth + 1);
    }
}

/// A tree as nested HTML lists.
fn html_tree(out: &mut String, items: &[Item]) {
    out.push_str("<ul class=\"tree\">\n");
    for item in items {
        let number = if item.number.is_empty() { String::new() } else { format!("<span class=\"num\">{}</span> ", escape(&item.number)) };
        out.push_str(&format!("<li>{number}{}", escape(&item.text)));
        if !item.children.is_empty() {
            html_tree(out, &item.children);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// The plan as Markdown. Charts are left out; their data is in the tables.
pub fn markdown(plan: &Plan, lang: Lang, today: &Date) -> String {
    let mut out = String::new();
    for part in parts(plan, lang, today) {
        match part {
            Part::Title(t) => out.push_str(&format!("# {}\n\n", md(&t))),
            Part::Heading(level, t) => out.push_str(&format!("{} {}\n\n", "#".repeat(usize::from(level)), md(&t))),
            Part::Text(t) => out.push_str(&format!("{}\n\n", md(&t))),
            Part::List(items) if items.is_empty() => out.push_str("—\n\n"),
            Part::List(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", md(&i)));
                }
                out.push('\n');
            }
            Part::Numbered(items) if items.is_empty() => out.push_str("—\n\n"),
            Part::Numbered(items) => {
                for (n, i) in items.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", n + 1, md(i)));
                }
                out.push('\n');
            }
            Part::Tree(items) if items.is_empty() => out.push_str("—\n\n"),
            Part::Tree(items) => {
                md_tree(&mut out, &items, 0);
                out.push('\n');
            }
            Part::Table(_, rows) if rows.is_empty() => out.push_str("—\n\n"),
            Part::Table(head, rows) => {
                let line = |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | "));
                out.push_str(&line(&head));
                out.push_str(&format!("|{}\n", " --- |".repeat(head.len())));
                for r in rows {
                    out.push_str(&line(&r));
                }
                out.push('\n');
            }
            Part::Chart(..) => {}
        }
    }
    out
}

/// The plan as one HTML file with its charts, readable and printable without the app.
pub fn html(plan: &Plan, lang: Lang, today: &Date) -> String {
    let body = html_body(parts(plan, lang, today));
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        lang.code(),
        escape(&plan.name),
        STYLE,
        body
    )
}

/// One block of the report as HTML, without its heading: what projector mode shows of it.
/// Empty when the block has nothing written.
pub fn block_html(plan: &Plan, lang: Lang, today: &Date, block: Block) -> String {
    let name = lang.texts().block(block);
    let section: Vec<Part> = parts(plan, lang, today)
        .into_iter()
        .skip_while(|p| !matches!(p, Part::Heading(3, t) if t == name))
        .skip(1)
        .take_while(|p| !matches!(p, Part::Heading(2 | 3, _)))
        .collect();
    html_body(section)
}

/// The tactics, numbered within their objective (1.1, 1.2), under their objectives, with
/// the indicators `shown` gives a text for under each tactic.
fn tactic_tree(plan: &Plan, lang: Lang, shown: impl Fn(&Indicator) -> Option<String>) -> Vec<Item> {
    let (s, t) = (&plan.strategy, lang.texts());
    s.objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| s.tactics.iter().any(|x| x.objective == o.id))
        .map(|(i, o)| Item {
            number: String::new(),
            text: fill(t.objective_heading, &[("number", &(i + 1).to_string()), ("text", &o.text)]),
            children: s
                .tactics
                .iter()
                .filter(|x| x.objective == o.id)
                .enumerate()
                .map(|(j, x)| Item {
                    number: format!("{}.{}", i + 1, j + 1),
                    text: x.text.clone(),
                    children: s.indicators.iter().filter(|n| n.tactic == x.id).filter_map(|n| shown(n)).map(|text| Item { number: String::new(), text, children: Vec::new() }).collect(),
                })
                .collect(),
        })
        .collect()
}

/// One step of the strategic plan, as `block_html` gives a block: for the projector. The
/// seventh step shows every tactic's candidate indicators, the kept ones marked ✓.
pub fn step_html(plan: &Plan, lang: Lang, today: &Date, step: Step) -> String {
    let t = lang.texts();
    if step == Step::Indicators {
        let tree = tactic_tree(plan, lang, |n| (!n.text.trim().is_empty()).then(|| if n.kept { format!("{} ✓", n.text) } else { n.text.clone() }));
        return if tree.is_empty() { String::new() } else { html_body(vec![Part::Tree(tree)]) };
    }
    let (block, name) = (t.block(Block::StrategicPlan), t.step(step));
    let section: Vec<Part> = parts(plan, lang, today)
        .into_iter()
        .skip_while(|p| !matches!(p, Part::Heading(3, t) if t == block))
        .skip_while(|p| !matches!(p, Part::Heading(4, t) if t == name))
        .skip(1)
        .take_while(|p| !matches!(p, Part::Heading(2..=4, _)))
        .collect();
    html_body(section)
}

fn html_body(parts: Vec<Part>) -> String {
    let mut body = String::new();
    for part in parts {
        match part {
            Part::Title(t) => body.push_str(&format!("<h1>{}</h1>\n", escape(&t))),
            Part::Heading(level, t) => body.push_str(&format!("<h{level}>{}</h{level}>\n", escape(&t))),
            Part::Text(t) => body.push_str(&format!("<p>{}</p>\n", escape(&t))),
            Part::List(items) if items.is_empty() => body.push_str("<p>—</p>\n"),
            Part::List(items) => {
                body.push_str("<ul>\n");
                for i in items {
                    body.push_str(&format!("<li>{}</li>\n", escape(&i)));
                }
                body.push_str("</ul>\n");
            }
            Part::Numbered(items) if items.is_empty() => body.push_str("<p>—</p>\n"),
            Part::Numbered(items) => {
                body.push_str("<ol>\n");
                for i in items {
                    body.push_str(&format!("<li>{}</li>\n", escape(&i)));
                }
                body.push_str("</ol>\n");
            }
            Part::Tree(items) if items.is_empty() => body.push_str("<p>—</p>\n"),
            Part::Tree(items) => html_tree(&mut body, &items),
            Part::Table(_, rows) if rows.is_empty() => body.push_str("<p>—</p>\n"),
            Part::Table(head, rows) => {
                body.push_str("<table>\n<thead><tr>");
                for h in head {
                    body.push_str(&format!("<th scope=\"col\">{}</th>", escape(&h)));
                }
                body.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    body.push_str("<tr>");
                    for c in r {
                        body.push_str(&format!("<td>{}</td>", escape(&c)));
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</tbody>\n</table>\n");
            }
            // The SVG comes from the chart code, which escapes every label.
            Part::Chart(title, svg) => body.push_str(&format!("<figure><figcaption>{}</figcaption>{svg}</figure>\n", escape(&title))),
        }
    }
    body
}

/// Fits A4 in print: tables take the page's width and break long words rather than run
/// off the edge, headers repeat, charts scale to the width and carry their title.
const STYLE: &str = "body{font:11pt/1.45 system-ui,sans-serif;color:#1c2a30;max-width:60rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.8rem}h2{border-bottom:2px solid #1f4e5f;margin-top:2rem}h2,h3,h4{break-after:avoid}table{border-collapse:collapse;width:100%;max-width:100%;table-layout:auto;margin:.5rem 0}th,td{border:1px solid #d9d4c7;padding:.25rem .45rem;text-align:left;vertical-align:top;overflow-wrap:anywhere;hyphens:auto}thead{display:table-header-group}tr,figure{break-inside:avoid}figure{margin:1rem 0}figcaption{font-weight:700;margin-bottom:.3rem}svg{max-width:100%;height:auto}ul.tree{list-style:none;padding-left:1.1rem}ul.tree ul.tree{padding-left:1.6rem;list-style:disc}.num{font-weight:700}@page{size:A4;margin:15mm 12mm}@media print{body{font-size:9.5pt;margin:0;max-width:none;padding:0}table{font-size:8.5pt}th,td{padding:.15rem .3rem}}";

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let mut p = Plan::new(Id::from("p"), "Plan <b>A</b>", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
        p.information.opportunities_risks.push(OpportunityRisk { id: Id::from("o"), kind: OpportunityRiskKind::Risk, title: "<script>alert(1)</script>".into(), description: "a | b".into() });
        p.strategy.business_objectives.push(BusinessObjective { id: Id::from("b"), text: "Grow **fast**".into() });
        p
    }

    #[test]
    fn each_block_of_the_report_stands_alone_for_the_projector() {
        let plan = crate::model::sample::build(include_str!("../public/sample/plan.json"), include_str!("../public/sample/en.json"), &Date::new(2026, 11, 22), "2026-11-22T10:00:00Z").expect("the sample builds");
        let today = Date::new(2026, 11, 22);
        for block in Block::ALL {
            let html = block_html(&plan, Lang::En, &today, block);
            assert!(!html.is_empty(), "{block:?} shows what the sample holds");
            assert!(!html.contains("<h2>") && !html.contains("<h3>"), "{block:?} stops at the next block");
        }
        assert!(block_html(&plan, Lang::En, &today, Block::Swot).contains(&plan.information.swot.strengths[0].text.replace('&', "&amp;")));
        for step in Step::ALL {
            let html = step_html(&plan, Lang::En, &today, step);
            assert!(!html.is_empty(), "{step:?} shows what the sample holds");
            assert!(!html.contains("<h2>") && !html.contains("<h3>") && !html.contains("<h4>"), "{step:?} stops at the next step");
        }
        assert!(step_html(&plan, Lang::En, &today, Step::Mission).contains(&escape(&plan.strategy.mission)));
        let kept = plan.strategy.indicators.iter().find(|i| i.kept).expect("the sample keeps indicators");
        assert!(step_html(&plan, Lang::En, &today, Step::Indicators).contains(&format!("{} ✓", escape(&kept.text))));
        assert_eq!(step_html(&Plan::default(), Lang::En, &today, Step::Indicators), "");
    }

    #[test]
    fn markdown_keeps_the_team_text_as_text() {
        let md = markdown(&plan(), Lang::En, &Date::new(2026, 11, 22));
        assert!(md.starts_with("# Plan \\<b\\>A\\</b\\>\n"), "{}", &md[..40]);
        assert!(md.contains("Risk: \\<script\\>alert(1)\\</script\\> — a \\| b"));
        assert!(md.contains("A — Grow \\*\\*fast\\*\\*"));
        assert!(md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')), "every < is escaped");
        for phase in ["## Information phase", "## Strategy phase", "## Operative phase"] {
            assert!(md.contains(phase), "{phase}");
        }
    }

    #[test]
    fn markdown_headings_and_text_carry_no_html_entities() {
        let md = markdown(&plan(), Lang::En, &Date::new(2026, 11, 22));
        assert!(md.contains("### Opportunities & risks\n"), "a heading with & as written");
        assert!(!md.contains("&amp;"));
        assert_eq!(super::md("Fish & chips &amp; more"), "Fish & chips \\&amp; more");
    }

    #[test]
    fn markdown_lists_nest_and_never_double_their_markers() {
        let mut p = plan();
        let s = &mut p.strategy;
        s.objectives.push(Objective { id: Id::from("o1"), text: "More visits".into(), business_objectives: vec![Id::from("b")], ..Objective::default() });
        s.objectives.push(Objective { id: Id::from("o2"), text: "1. Hire bakers".into(), business_objectives: vec![Id::from("b")], ..Objective::default() });
        s.tactics.push(Tactic { id: Id::from("t1"), objective: Id::from("o1"), text: "Weekly reels".into() });
        s.tactics.push(Tactic { id: Id::from("t2"), objective: Id::from("o1"), text: "- Stories".into() });
        s.tactics.push(Tactic { id: Id::from("t3"), objective: Id::from("o2"), text: "Team days".into() });
        s.indicators.push(Indicator { id: Id::from("i1"), tactic: Id::from("t1"), text: "Reels posted".into(), kept: true });
        let md = markdown(&p, Lang::En, &Date::new(2026, 11, 22));
        assert!(md.contains("1. More visits (Serves business objectives: A)\n2. 1\\. Hire bakers"), "{md}");
        assert!(md.contains("- Objective 1: More visits\n  - 1.1 Weekly reels\n    - Reels posted\n  - 1.2 \\- Stories\n- Objective 2: 1. Hire bakers\n  - 2.1 Team days\n"), "{md}");
        for line in md.lines() {
            let item = line.trim_start();
            assert!(!(item.starts_with("- ") && item[2..].split_once(". ").is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty())), "double marker: {line}");
        }
        let html = html(&p, Lang::En, &Date::new(2026, 11, 22));
        assert!(html.contains("<span class=\"num\">1.2</span> - Stories"));
        assert!(html.contains("<ol>\n<li>More visits"));
    }

    #[test]
    fn html_is_self_contained_with_charts_and_escaped_text() {
        let html = html(&plan(), Lang::En, &Date::new(2026, 11, 22));
        assert!(html.starts_with("<!doctype html>"));
        assert!(!html.contains("<script"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.matches("<svg").count() >= 6, "the charts are embedded");
        assert_eq!(html.matches("http://").count(), html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(), "no address but the SVG namespace");
        assert!(!html.contains("src="), "nothing is loaded from elsewhere");
        // Every chart shows its title above it.
        assert_eq!(html.matches("<figure><figcaption>").count(), html.matches("<svg").count());
        assert!(html.contains("<figcaption>Opportunities and threats per level</figcaption>") || html.contains("<figcaption>"));
        assert!(html.contains("overflow-wrap:anywhere"), "table cells wrap rather than run off the page");
    }
}
