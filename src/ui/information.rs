//! The Information phase's screens: opportunities & risks, tools & methods, Exercise 1
//! (landscape), Exercise 2 (internal audit with the benchmark and the strategic gap),
//! Exercise 3 (readiness SWOT), the maturity self-assessment, and their charts.

use super::fields::{TextField, TextFields};
use super::lists::{List, ListEditor, ListModel};
use crate::lists::{CHANNELS, FINDINGS, OPPORTUNITIES_RISKS, SWOT, TOOLS};
use super::state::{new_id, AppState, NoticeKind};
use super::chart::{ChartView, Figure};
use crate::charts::information as charts;
use std::sync::Arc;
use crate::i18n::{fill, Lang};
use crate::model::*;
use crate::route::Route;
use leptos::prelude::*;

const LANDSCAPE_TEXT: &[TextField] = &[TextField {
    id: "generic-strategy",
    label: |t| t.generic_strategy_label,
    hint: Some(|t| t.generic_strategy_hint),
    get: |p| &p.information.landscape.generic_strategy,
    set: |p| &mut p.information.landscape.generic_strategy,
}];

const AUDIT_QUESTIONS: &[TextField] = &[
    TextField { id: "audit-progress", label: |t| t.audit_questions[0], hint: None, get: |p| &p.information.audit.progress, set: |p| &mut p.information.audit.progress },
    TextField { id: "audit-channels-used", label: |t| t.audit_questions[1], hint: Some(|t| t.channels_used_hint), get: |p| &p.information.audit.channels_used, set: |p| &mut p.information.audit.channels_used },
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
        Block::OpportunitiesRisks => view! { <List spec=&OPPORTUNITIES_RISKS/> }.into_any(),
        Block::ToolsMethods => view! { <List spec=&TOOLS/> }.into_any(),
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
    let findings = ListModel::new(&FINDINGS);
    let levels = LandscapeLevel::ALL.map(|level| {
        let i = level as usize;
        let heading = format!("level-{i}");
        view! {
            <section class="level" aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>{format!("{}. {}", i + 1, t.landscape_levels[i])}</h2>
                <p class="hint">{t.landscape_questions[i]}</p>
                <ListEditor model=findings group=i/>
            </section>
        }
    });
    view! {
        {levels}
        <TextFields fields=LANDSCAPE_TEXT/>
        <ChartView name="landscape".to_owned() make=Arc::new(|p, l| Figure::Bars(charts::landscape(p, l), landscape_words(p, l)))/>
    }
}

fn landscape_words(plan: &Plan, lang: Lang) -> Vec<String> {
    let t = lang.texts();
    let s = plan.information.landscape.summary();
    let total = |f: fn(&LevelSummary) -> u32| s.iter().map(f).sum::<u32>() as usize;
    let sum = |f: fn(&LevelSummary) -> u32| total(f).to_string();
    vec![fill(
        t.landscape_summary,
        &[
            ("opportunities", &t.count(t.opportunities_count, total(|l| l.opportunities))),
            ("opportunity_weight", &sum(|l| l.opportunity_weight)),
            ("threats", &t.count(t.threats_count, total(|l| l.threats))),
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
        <List spec=&CHANNELS/>
        <h2 id="benchmark-title">{t.benchmark_title}</h2>
        <p class="hint">{t.benchmark_intro}</p>
        <BenchmarkTable/>
        <ChartView name="gap".to_owned() make=Arc::new(|p, l| Figure::Bars(charts::gap(p, l), charts::gap_sentences(p, l)))/>
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
        <div class="benchmark-wrap"><table class="benchmark" aria-labelledby="benchmark-title">
            <thead><tr>
                <th scope="col"><span class="visually-hidden">{t.benchmark_title}</span></th>
                <th scope="col">{t.score_current}</th>
                <th scope="col">{t.score_ideal}</th>
                <th scope="col">{t.gap_series_gap}</th>
                <th scope="col">{t.score_note}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
}

#[component]
fn SwotEditor(plan: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let pending = move || state.plan.with(|p| p.as_ref().map(|p| p.information.unpulled_findings()).unwrap_or(0));
    // The team chooses which findings come in; the choice starts empty.
    let chosen = RwSignal::new(Vec::<Id>::new());
    let pull = move |ids: Option<Vec<Id>>| {
        let mut count = 0;
        state.edit(|p| {
            count = match &ids {
                Some(ids) => p.information.pull_chosen(ids, new_id),
                None => p.information.pull_findings(new_id),
            }
        });
        chosen.set(Vec::new());
        state.notify(NoticeKind::Pulled { count });
    };
    let candidates = move || {
        state.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.information
                        .pullable_findings()
                        .map(|f| {
                            let about = format!("{} · {}", t.polarities[f.polarity as usize], crate::lists::finding_weight(f, t));
                            (f.id.clone(), f.text.clone(), about)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let landscape = Route::Block(plan, Block::Landscape).href();
    let swot = ListModel::new(&SWOT);
    let quadrants = (0..4usize).map(|q| {
        let heading = format!("quadrant-{q}");
        view! {
            <section class=format!("quadrant quadrant-{q}") aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>{t.swot_quadrants[q]}</h2>
                <ListEditor model=swot group=q/>
            </section>
        }
    }).collect_view();
    view! {
        <div class="pull">
            <p data-testid="pull-status">{move || match pending() {
                0 => t.pull_none.to_owned(),
                n => t.count(t.pull_pending, n),
            }}" "<a href=landscape>{t.block(Block::Landscape)}</a></p>
            <details class="pull-choice" hidden=move || pending() == 0>
                <summary data-testid="pull-choose">{t.pull_choose}</summary>
                <fieldset>
                    <legend class="visually-hidden">{t.pull_choose}</legend>
                    <ul class="pull-list">
                        {move || candidates().into_iter().map(|(id, text, about)| {
                            let box_id = format!("pull-{id}");
                            let on = { let id = id.clone(); move || chosen.with(|c| c.contains(&id)) };
                            view! {
                                <li>
                                    <input type="checkbox" id=box_id.clone() data-testid=box_id.clone() prop:checked=on
                                        on:change=move |ev| {
                                            let checked = event_target_checked(&ev);
                                            chosen.update(|c| {
                                                c.retain(|x| *x != id);
                                                if checked {
                                                    c.push(id.clone());
                                                }
                                            });
                                        }/>
                                    <label for=box_id><span class="pull-text">{text}</span>" "<span class="hint">{about}</span></label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
                <div class="pull-actions">
                    <button type="button" data-testid="pull-chosen" disabled=move || chosen.with(Vec::is_empty)
                        on:click=move |_| pull(Some(chosen.get_untracked()))>{t.pull_chosen}</button>
                    <button type="button" class="secondary" data-testid="pull-findings" on:click=move |_| pull(None)>{t.pull_all}</button>
                </div>
            </details>
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
        <ChartView name="profile".to_owned() make=Arc::new(|p, l| Figure::Bars(charts::profile(p, l), Vec::new()))/>
        <ChartView name="distribution".to_owned() make=Arc::new(|p, l| Figure::Bars(charts::distribution(p, l), vec![l.texts().distribution_source.to_owned()]))/>
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

super::on_demand! { information_editors, preload preload_editors:
/// The Information phase's editors, loaded when first shown.
pub fn lazy_editor(block: Block, plan: Id) -> AnyView {
    block_editor(block, plan).unwrap_or_else(|| ().into_any())
}
}
