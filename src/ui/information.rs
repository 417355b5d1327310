//! The Information phase's screens: opportunities & risks, tools & methods, Exercise 1
//! (landscape), Exercise 2 (internal audit with the benchmark and the strategic gap),
//! Exercise 3 (readiness SWOT), the maturity self-assessment, and their charts.

use super::fields::{TextField, TextFields};
use super::lists::{shift, Column, Kind, Link, ListEditor, ListSpec};
use super::state::{new_id, AppState, NoticeKind};
use super::chart::ChartView;
use crate::charts::information as charts;
use std::sync::Arc;
use crate::i18n::{fill, Lang};
use crate::model::*;
use crate::route::Route;
use leptos::prelude::*;

// Items by id. A missing item reads as empty and ignores writes: a row can outlive its
// item for the instant between a removal and the next render.

fn find<'a, T>(items: &'a [T], id: &Id, key: fn(&T) -> &Id) -> Option<&'a T> {
    items.iter().find(|x| key(x) == id)
}

fn find_mut<'a, T>(items: &'a mut [T], id: &Id, key: fn(&T) -> &Id) -> Option<&'a mut T> {
    items.iter_mut().find(|x| key(x) == id)
}

fn index_of(text: &str) -> usize {
    text.parse().unwrap_or(0)
}

// Opportunities & risks.

fn or_id(x: &OpportunityRisk) -> &Id {
    &x.id
}
fn or_get<R: Default>(p: &Plan, id: &Id, f: fn(&OpportunityRisk) -> R) -> R {
    find(&p.information.opportunities_risks, id, or_id).map(f).unwrap_or_default()
}
fn or_set(p: &mut Plan, id: &Id, f: impl FnOnce(&mut OpportunityRisk)) {
    if let Some(x) = find_mut(&mut p.information.opportunities_risks, id, or_id) {
        f(x)
    }
}

static OPPORTUNITIES_RISKS: ListSpec = ListSpec {
    name: "or",
    ids: |p, _| p.information.opportunities_risks.iter().map(|x| x.id.clone()).collect(),
    add: |p, _, id| p.information.opportunities_risks.push(OpportunityRisk { id, ..Default::default() }),
    shift: |p, id, up| shift(&mut p.information.opportunities_risks, id, up, or_id, |_, _| true),
    title: |p, id| or_get(p, id, |x| x.title.clone()),
    add_label: |t, _| t.add_opportunity_risk.to_owned(),
    columns: &[
        Column { key: "kind", label: |t| t.or_kind, kind: Kind::Choice { labels: |t| &t.or_kinds, optional: false },
            get: |p, id| or_get(p, id, |x| (x.kind as usize).to_string()),
            set: |p, id, v| or_set(p, id, |x| x.kind = if index_of(v) == 1 { OpportunityRiskKind::Risk } else { OpportunityRiskKind::Opportunity }) },
        Column { key: "title", label: |t| t.or_title, kind: Kind::Line, get: |p, id| or_get(p, id, |x| x.title.clone()), set: |p, id, v| or_set(p, id, |x| x.title = v.to_owned()) },
        Column { key: "description", label: |t| t.or_description, kind: Kind::Long, get: |p, id| or_get(p, id, |x| x.description.clone()), set: |p, id, v| or_set(p, id, |x| x.description = v.to_owned()) },
    ],
    sortable: false,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

// Tools & methods.

fn tool_id(x: &ToolEntry) -> &Id {
    &x.id
}
fn tool_get<R: Default>(p: &Plan, id: &Id, f: fn(&ToolEntry) -> R) -> R {
    find(&p.information.tools, id, tool_id).map(f).unwrap_or_default()
}
fn tool_set(p: &mut Plan, id: &Id, f: impl FnOnce(&mut ToolEntry)) {
    if let Some(x) = find_mut(&mut p.information.tools, id, tool_id) {
        f(x)
    }
}

static TOOLS: ListSpec = ListSpec {
    name: "tools",
    ids: |p, _| p.information.tools.iter().map(|x| x.id.clone()).collect(),
    add: |p, _, id| p.information.tools.push(ToolEntry { id, ..Default::default() }),
    shift: |p, id, up| shift(&mut p.information.tools, id, up, tool_id, |_, _| true),
    title: |p, id| tool_get(p, id, |x| x.name.clone()),
    add_label: |t, _| t.add_tool.to_owned(),
    columns: &[
        Column { key: "name", label: |t| t.tool_name, kind: Kind::Line, get: |p, id| tool_get(p, id, |x| x.name.clone()), set: |p, id, v| tool_set(p, id, |x| x.name = v.to_owned()) },
        Column { key: "purpose", label: |t| t.tool_purpose, kind: Kind::Long, get: |p, id| tool_get(p, id, |x| x.purpose.clone()), set: |p, id, v| tool_set(p, id, |x| x.purpose = v.to_owned()) },
        Column { key: "usage", label: |t| t.tool_usage, kind: Kind::Choice { labels: |t| &t.tool_usages, optional: false },
            get: |p, id| tool_get(p, id, |x| (x.usage as usize).to_string()),
            set: |p, id, v| tool_set(p, id, |x| x.usage = ToolUsage::ALL.get(index_of(v)).copied().unwrap_or_default()) },
        Column { key: "how", label: |t| t.tool_how, kind: Kind::Long, get: |p, id| tool_get(p, id, |x| x.how.clone()), set: |p, id, v| tool_set(p, id, |x| x.how = v.to_owned()) },
        Column { key: "relevance", label: |t| t.tool_relevance, kind: Kind::Scale { min: 1, max: 5 },
            get: |p, id| tool_get(p, id, |x| x.relevance.to_string()),
            set: |p, id, v| tool_set(p, id, |x| x.relevance = v.parse::<u8>().unwrap_or(3).clamp(1, 5)) },
    ],
    sortable: true,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

// Exercise 1: findings, one list per level.

fn finding_id(x: &Finding) -> &Id {
    &x.id
}
fn finding_get<R: Default>(p: &Plan, id: &Id, f: fn(&Finding) -> R) -> R {
    find(&p.information.landscape.findings, id, finding_id).map(f).unwrap_or_default()
}
/// Changes a finding, and the SWOT entries linked to it follow.
fn finding_set(p: &mut Plan, id: &Id, f: impl FnOnce(&mut Finding)) {
    if let Some(x) = find_mut(&mut p.information.landscape.findings, id, finding_id) {
        f(x);
        p.information.sync_swot();
    }
}

static FINDINGS: ListSpec = ListSpec {
    name: "finding",
    ids: |p, level| p.information.landscape.findings.iter().filter(|f| f.level as usize == level).map(|x| x.id.clone()).collect(),
    add: |p, level, id| {
        let level = LandscapeLevel::ALL[level.min(4)];
        p.information.landscape.findings.push(Finding { id, level, ..Default::default() })
    },
    shift: |p, id, up| shift(&mut p.information.landscape.findings, id, up, finding_id, |a, b| a.level == b.level),
    title: |p, id| finding_get(p, id, |x| x.text.clone()),
    add_label: |t, level| fill(t.add_finding, &[("level", t.landscape_levels[level.min(4)])]),
    columns: &[
        Column { key: "text", label: |t| t.finding_text, kind: Kind::Long, get: |p, id| finding_get(p, id, |x| x.text.clone()), set: |p, id, v| finding_set(p, id, |x| x.text = v.to_owned()) },
        Column { key: "polarity", label: |t| t.polarity_label, kind: Kind::Choice { labels: |t| &t.polarities, optional: false },
            get: |p, id| finding_get(p, id, |x| (x.polarity as usize).to_string()),
            set: |p, id, v| finding_set(p, id, |x| x.polarity = if index_of(v) == 1 { Polarity::Threat } else { Polarity::Opportunity }) },
        Column { key: "weight", label: |t| t.weight_label, kind: Kind::Scale { min: 1, max: 5 },
            get: |p, id| finding_get(p, id, |x| x.weight.to_string()),
            set: |p, id, v| finding_set(p, id, |x| x.weight = v.parse::<u8>().unwrap_or(3).clamp(1, 5)) },
    ],
    sortable: false,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

// Exercise 2: the channels table.

fn channel_id(x: &Channel) -> &Id {
    &x.id
}
fn channel_get<R: Default>(p: &Plan, id: &Id, f: fn(&Channel) -> R) -> R {
    find(&p.information.audit.channels, id, channel_id).map(f).unwrap_or_default()
}
fn channel_set(p: &mut Plan, id: &Id, f: impl FnOnce(&mut Channel)) {
    if let Some(x) = find_mut(&mut p.information.audit.channels, id, channel_id) {
        f(x)
    }
}

static CHANNELS: ListSpec = ListSpec {
    name: "channel",
    ids: |p, _| p.information.audit.channels.iter().map(|x| x.id.clone()).collect(),
    add: |p, _, id| p.information.audit.channels.push(Channel { id, ..Default::default() }),
    shift: |p, id, up| shift(&mut p.information.audit.channels, id, up, channel_id, |_, _| true),
    title: |p, id| channel_get(p, id, |x| x.name.clone()),
    add_label: |t, _| t.add_channel.to_owned(),
    columns: &[
        Column { key: "name", label: |t| t.channel_name, kind: Kind::Line, get: |p, id| channel_get(p, id, |x| x.name.clone()), set: |p, id, v| channel_set(p, id, |x| x.name = v.to_owned()) },
        Column { key: "since", label: |t| t.channel_since, kind: Kind::Date,
            get: |p, id| channel_get(p, id, |x| x.since.as_ref().map(|d| d.0.clone()).unwrap_or_default()),
            set: |p, id, v| channel_set(p, id, |x| x.since = Some(Date(v.to_owned())).filter(Date::is_valid)) },
        Column { key: "audience", label: |t| t.channel_audience, kind: Kind::Count,
            get: |p, id| channel_get(p, id, |x| x.audience.map(|a| a.to_string()).unwrap_or_default()),
            set: |p, id, v| channel_set(p, id, |x| x.audience = crate::i18n::plain_number(v).map(|v| v as u64)) },
        Column { key: "engagement", label: |t| t.channel_engagement, kind: Kind::Choice { labels: |t| &t.engagement_levels, optional: true },
            get: |p, id| channel_get(p, id, |x| x.engagement.map(|e| (e as usize).to_string()).unwrap_or_default()),
            set: |p, id, v| channel_set(p, id, |x| x.engagement = v.parse::<usize>().ok().and_then(|i| EngagementLevel::ALL.get(i).copied())) },
        Column { key: "owner", label: |t| t.channel_owner, kind: Kind::Line, get: |p, id| channel_get(p, id, |x| x.owner.clone()), set: |p, id, v| channel_set(p, id, |x| x.owner = v.to_owned()) },
        Column { key: "notes", label: |t| t.channel_notes, kind: Kind::Long, get: |p, id| channel_get(p, id, |x| x.notes.clone()), set: |p, id, v| channel_set(p, id, |x| x.notes = v.to_owned()) },
    ],
    sortable: true,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

// Exercise 3: the four quadrants.

fn swot_id(x: &SwotItem) -> &Id {
    &x.id
}
fn swot_item<'a>(p: &'a Plan, id: &Id) -> Option<&'a SwotItem> {
    p.information.swot.quadrants().into_iter().find_map(|q| find(q, id, swot_id))
}
fn swot_set(p: &mut Plan, id: &Id, f: impl FnOnce(&mut SwotItem)) {
    for q in 0..4 {
        if let Some(x) = find_mut(p.information.swot.quadrant_mut(q), id, swot_id) {
            return f(x);
        }
    }
}

static SWOT: ListSpec = ListSpec {
    name: "swot",
    ids: |p, q| p.information.swot.quadrants()[q.min(3)].iter().map(|x| x.id.clone()).collect(),
    add: |p, q, id| p.information.swot.quadrant_mut(q).push(SwotItem { id, ..Default::default() }),
    shift: |p, id, up| (0..4).for_each(|q| shift(p.information.swot.quadrant_mut(q), id, up, swot_id, |_, _| true)),
    title: |p, id| swot_item(p, id).map(|x| x.text.clone()).unwrap_or_default(),
    add_label: |t, q| fill(t.add_swot_item, &[("quadrant", t.swot_quadrants[q.min(3)])]),
    columns: &[Column {
        key: "text",
        label: |t| t.swot_item,
        kind: Kind::Long,
        get: |p, id| swot_item(p, id).map(|x| x.text.clone()).unwrap_or_default(),
        set: |p, id, v| swot_set(p, id, |x| if x.finding.is_none() { x.text = v.to_owned() }),
    }],
    sortable: false,
    link: Some(Link {
        linked: |p, id| swot_item(p, id).is_some_and(|x| x.finding.is_some()),
        note: |t| t.linked_finding,
        unlink: |p, id| swot_set(p, id, |x| x.finding = None),
        source: Block::Landscape,
        source_label: |t| t.edit_in_landscape,
    }),
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

const LANDSCAPE_TEXT: &[TextField] = &[TextField {
    id: "generic-strategy",
    label: |t| t.generic_strategy_label,
    hint: Some(|t| t.generic_strategy_hint),
    get: |p| &p.information.landscape.generic_strategy,
    set: |p| &mut p.information.landscape.generic_strategy,
}];

const AUDIT_QUESTIONS: &[TextField] = &[
    TextField { id: "audit-progress", label: |t| t.audit_questions[0], hint: None, get: |p| &p.information.audit.progress, set: |p| &mut p.information.audit.progress },
    TextField { id: "audit-channels-used", label: |t| t.audit_questions[1], hint: None, get: |p| &p.information.audit.channels_used, set: |p| &mut p.information.audit.channels_used },
    TextField { id: "audit-engagement", label: |t| t.audit_questions[2], hint: None, get: |p| &p.information.audit.engagement, set: |p| &mut p.information.audit.engagement },
    TextField { id: "audit-benefits", label: |t| t.audit_questions[3], hint: None, get: |p| &p.information.audit.benefits, set: |p| &mut p.information.audit.benefits },
    TextField { id: "audit-improvements", label: |t| t.audit_questions[4], hint: None, get: |p| &p.information.audit.improvements, set: |p| &mut p.information.audit.improvements },
];

const SWOT_QUESTIONS: &[TextField] = &[
    TextField { id: "swot-leverage", label: |t| t.swot_questions[0], hint: None, get: |p| &p.information.swot.leverage_strengths, set: |p| &mut p.information.swot.leverage_strengths },
    TextField { id: "swot-overcome", label: |t| t.swot_questions[1], hint: None, get: |p| &p.information.swot.overcome_weaknesses, set: |p| &mut p.information.swot.overcome_weaknesses },
    TextField { id: "swot-realise", label: |t| t.swot_questions[2], hint: None, get: |p| &p.information.swot.realise_opportunities, set: |p| &mut p.information.swot.realise_opportunities },
    TextField { id: "swot-alleviate", label: |t| t.swot_questions[3], hint: None, get: |p| &p.information.swot.alleviate_threats, set: |p| &mut p.information.swot.alleviate_threats },
];

const MATURITY_NOTES: &[TextField] = &[TextField {
    id: "maturity-notes",
    label: |t| t.maturity_notes,
    hint: None,
    get: |p| &p.information.maturity.notes,
    set: |p| &mut p.information.maturity.notes,
}];

/// The editor of an Information block.
pub fn block_editor(block: Block, plan: Id) -> Option<AnyView> {
    Some(match block {
        Block::OpportunitiesRisks => view! { <ListEditor spec=&OPPORTUNITIES_RISKS/> }.into_any(),
        Block::ToolsMethods => view! { <ListEditor spec=&TOOLS/> }.into_any(),
        Block::Landscape => view! { <LandscapeEditor/> }.into_any(),
        Block::Audit => view! { <AuditEditor/> }.into_any(),
        Block::Swot => view! { <SwotEditor plan=plan/> }.into_any(),
        Block::Maturity => view! { <MaturityEditor/> }.into_any(),
        _ => return None,
    })
}

#[component]
fn LandscapeEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let levels = LandscapeLevel::ALL.map(|level| {
        let i = level as usize;
        let heading = format!("level-{i}");
        view! {
            <section class="level" aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>{format!("{}. {}", i + 1, t.landscape_levels[i])}</h2>
                <p class="hint">{t.landscape_questions[i]}</p>
                <ListEditor spec=&FINDINGS group=i/>
            </section>
        }
    });
    view! {
        {levels}
        <TextFields fields=LANDSCAPE_TEXT/>
        <ChartView name="landscape".to_owned() make=Arc::new(|p, l| charts::landscape(p, l).drawn(landscape_words(p, l)))/>
    }
}

fn landscape_words(plan: &Plan, lang: Lang) -> Vec<String> {
    let t = lang.texts();
    let s = plan.information.landscape.summary();
    let sum = |f: fn(&LevelSummary) -> u32| s.iter().map(f).sum::<u32>().to_string();
    vec![fill(
        t.landscape_summary,
        &[
            ("opportunities", &sum(|l| l.opportunities)),
            ("opportunity_weight", &sum(|l| l.opportunity_weight)),
            ("threats", &sum(|l| l.threats)),
            ("threat_weight", &sum(|l| l.threat_weight)),
        ],
    )]
}

#[component]
fn AuditEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    view! {
        <TextFields fields=AUDIT_QUESTIONS/>
        <h2>{t.channels_title}</h2>
        <ListEditor spec=&CHANNELS/>
        <h2 id="benchmark-title">{t.benchmark_title}</h2>
        <p class="hint">{t.benchmark_intro}</p>
        <BenchmarkTable/>
        <ChartView name="gap".to_owned() make=Arc::new(|p, l| charts::gap(p, l).drawn(charts::gap_sentences(p, l)))/>
    }
}

/// Current and ideal (0–10) per benchmark level, picked from lists so no value can be
/// out of range, with the gap beside them.
#[component]
fn BenchmarkTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let rows = BenchmarkLevel::ALL.map(|level| {
        let i = level as usize;
        let score = move |f: fn(&BenchmarkScore) -> Option<u8>| state.plan.with(|p| p.as_ref().and_then(|p| f(p.information.audit.benchmark.get(level))));
        let select = move |which: &'static str, label: &'static str, get: fn(&BenchmarkScore) -> Option<u8>, set: fn(&mut BenchmarkScore, Option<u8>)| {
            let id = format!("bench-{i}-{which}");
            view! {
                <select id=id.clone() data-testid=id aria-label=format!("{}: {}", t.benchmark_levels[i], label)
                    prop:value=move || score(get).map(|v| v.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<u8>().ok().filter(|v| *v <= 10);
                        state.edit(|p| set(p.information.audit.benchmark.get_mut(level), v));
                    }>
                    <option value="">{t.not_scored}</option>
                    {(0..=10).map(|v| view! { <option value=v.to_string()>{v}</option> }).collect_view()}
                </select>
            }
        };
        let note_id = format!("bench-{i}-note");
        view! {
            <tr>
                <th scope="row">{t.benchmark_levels[i]}<span class="hint">{t.benchmark_hints[i]}</span></th>
                <td>{select("current", t.score_current, |s| s.current, |s, v| s.current = v)}</td>
                <td>{select("ideal", t.score_ideal, |s| s.ideal, |s, v| s.ideal = v)}</td>
                <td data-testid=format!("bench-{i}-gap")>{move || state.plan.with(|p| p.as_ref().and_then(|p| p.information.audit.benchmark.get(level).gap()))
                    .map(|g| g.to_string()).unwrap_or_else(|| "—".into())}</td>
                <td><input type="text" id=note_id.clone() data-testid=note_id aria-label=format!("{}: {}", t.benchmark_levels[i], t.score_note)
                    prop:value=move || state.plan.with(|p| p.as_ref().map(|p| p.information.audit.benchmark.get(level).note.clone()).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); state.edit(|p| p.information.audit.benchmark.get_mut(level).note = v); }/></td>
            </tr>
        }
    });
    view! {
        <table class="benchmark" aria-labelledby="benchmark-title">
            <thead><tr>
                <th scope="col"><span class="visually-hidden">{t.benchmark_title}</span></th>
                <th scope="col">{t.score_current}</th>
                <th scope="col">{t.score_ideal}</th>
                <th scope="col">{t.gap_series_gap}</th>
                <th scope="col">{t.score_note}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn SwotEditor(plan: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let pending = move || state.plan.with(|p| p.as_ref().map(|p| p.information.unpulled_findings()).unwrap_or(0));
    let pull = move |_| {
        let mut count = 0;
        state.edit(|p| count = p.information.pull_findings(new_id));
        state.notify(NoticeKind::Pulled { count });
    };
    let landscape = Route::Block(plan, Block::Landscape).href();
    let quadrants = (0..4usize).map(|q| {
        let heading = format!("quadrant-{q}");
        view! {
            <section class="quadrant" aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>{t.swot_quadrants[q]}</h2>
                <ListEditor spec=&SWOT group=q/>
            </section>
        }
    }).collect_view();
    view! {
        <div class="pull">
            <p data-testid="pull-status">{move || match pending() {
                0 => t.pull_none.to_owned(),
                n => fill(t.pull_pending, &[("count", &n.to_string())]),
            }}" "<a href=landscape>{t.block(Block::Landscape)}</a></p>
            <button type="button" data-testid="pull-findings" disabled=move || pending() == 0 on:click=pull>{t.pull_findings}</button>
        </div>
        <div class="swot-grid">{quadrants}</div>
        <TextFields fields=SWOT_QUESTIONS/>
    }
}

#[component]
fn MaturityEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let answer = move |d: MaturityDimension| state.plan.with(|p| p.as_ref().and_then(|p| p.information.maturity.answers.get(&d).copied()));
    let dimensions = MaturityDimension::ALL.map(|d| {
        let i = d as usize;
        let options = MaturityAnswer::ALL.iter().copied().map(|a| {
            let id = format!("maturity-{i}-{}", a.key());
            let text = match a.stage() {
                Some(s) => view! { <strong>{t.stage_names[s as usize]}</strong>" – "{t.dimension_anchors[i * 6 + s as usize]}" " }.into_any(),
                None => view! { <strong>{t.dont_know}</strong> }.into_any(),
            };
            view! {
                <div class="choice">
                    <input type="radio" name=format!("maturity-{i}") id=id.clone() data-testid=id.clone()
                        prop:checked=move || answer(d) == Some(a)
                        on:change=move |_| state.edit(|p| { p.information.maturity.answers.insert(d, a); })/>
                    <label for=id>{text}</label>
                </div>
            }
        }).collect_view();
        view! {
            <fieldset class="dimension">
                <legend>{format!("{}. {}", i + 1, t.dimension_names[i])}</legend>
                {options}
            </fieldset>
        }
    });
    view! {
        <p class="hint">{t.maturity_intro}</p>
        {dimensions}
        <TextFields fields=MATURITY_NOTES/>
        <MaturityResult/>
        <ChartView name="profile".to_owned() make=Arc::new(|p, l| charts::profile(p, l).drawn(Vec::new()))/>
        <ChartView name="distribution".to_owned() make=Arc::new(|p, l| charts::distribution(p, l).drawn(vec![l.texts().distribution_source.to_owned()]))/>
    }
}

/// The stage, why, and what the next stage takes.
#[component]
fn MaturityResult() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let result = move || {
        state.plan.with(|p| {
            let Some(p) = p else { return ().into_any() };
            let m = &p.information.maturity;
            let Some(stage) = m.stage() else {
                return view! {
                    <p data-testid="stage-result">{fill(t.stage_needs_more, &[("needed", &Maturity::NEEDED.to_string()), ("count", &m.answered_with_stage().to_string())])}</p>
                }
                .into_any();
            };
            let weakest: Vec<&str> = m.weakest().iter().map(|d| t.dimension_names[*d as usize]).collect();
            let next = match stage.next() {
                Some(next) => {
                    let per_dimension = m.weakest().into_iter().map(|d| {
                        view! { <li>{fill(t.next_for_dimension, &[("dimension", t.dimension_names[d as usize]), ("description", t.dimension_anchors[d as usize * 6 + next as usize])])}</li> }
                    }).collect_view();
                    view! {
                        <h3>{fill(t.next_stage_title, &[("stage", t.stage_names[next as usize])])}</h3>
                        <p>{t.next_stage_actions[stage as usize]}</p>
                        <ul>{per_dimension}</ul>
                    }
                    .into_any()
                }
                None => view! { <p>{t.top_stage}</p> }.into_any(),
            };
            view! {
                <h2 data-testid="stage-result">{fill(t.stage_result, &[("stage", t.stage_names[stage as usize])])}</h2>
                <p class="lead">{t.stage_meanings[stage as usize]}</p>
                <p>{fill(t.stage_because, &[("dimensions", &weakest.join(", "))])}</p>
                {next}
            }
            .into_any()
        })
    };
    view! { <section class="card result" aria-live="polite">{result}</section> }
}

super::on_demand! { information_editors:
/// The Information phase's editors, loaded when first shown.
pub fn lazy_editor(block: Block, plan: Id) -> AnyView {
    block_editor(block, plan).unwrap_or_else(|| ().into_any())
}
}
