//! The Strategy phase's steps and lists: focus, business objectives (lettered), social
//! media objectives linked to them, KPIs per objective with the library and SMART advice,
//! tactics per objective, output indicators per tactic; the plan check, the strategy map
//! and the relationships.

use super::lists::{List, ListEditor, ListModel};
use crate::lists::{short, ListSpec, BUSINESS_OBJECTIVES, INDICATORS, KPIS, OBJECTIVES, RELATIONSHIPS, TACTICS};
use super::state::{new_id, AppState, NoticeKind};
use crate::i18n::{fill, Texts};
use crate::model::*;
use leptos::prelude::*;

fn index_of(text: &str) -> Option<usize> {
    text.parse().ok()
}

pub(super) fn objective_label(s: &Strategy, i: usize, t: &Texts) -> String {
    let text = s.objectives.get(i).map(|o| short(&o.text, 80)).filter(|x| !x.is_empty()).unwrap_or_else(|| t.untitled.to_owned());
    fill(t.objective_heading, &[("number", &(i + 1).to_string()), ("text", &text)])
}

fn objective_id(p: &Plan, group: usize) -> Option<Id> {
    p.strategy.objectives.get(group).map(|o| o.id.clone())
}

/// The editor of a step of the strategic plan, where it is a list or a choice.
pub fn step_editor(step: Step) -> Option<AnyView> {
    Some(match step {
        Step::Focus => view! { <FocusEditor/> }.into_any(),
        Step::BusinessObjectives => view! { <List spec=&BUSINESS_OBJECTIVES/> }.into_any(),
        Step::Objectives => view! { <ObjectivesStep/> }.into_any(),
        Step::Kpis => view! { <Grouped spec=&KPIS by_tactic=false library=true/> }.into_any(),
        Step::Tactics => view! { <OrderWarning/><Grouped spec=&TACTICS by_tactic=false library=false/> }.into_any(),
        Step::Indicators => view! { <Grouped spec=&INDICATORS by_tactic=true library=false/> }.into_any(),
        Step::Mission => return None,
    })
}

/// The editor of a Strategy block, where it is not prose.
pub fn block_editor(block: Block) -> Option<AnyView> {
    Some(match block {
        Block::Relationships => view! { <List spec=&RELATIONSHIPS/> }.into_any(),
        Block::StrategicPlan => view! { <PlanCheck/><super::strategy_map::StrategyMap/> }.into_any(),
        _ => return None,
    })
}

#[component]
fn FocusEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let focus = move |f: fn(&Focus) -> String| state.plan.with(|p| p.as_ref().map(|p| f(&p.strategy.focus)).unwrap_or_default());
    let horizon_end = move || {
        let lang = state.lang.get_untracked();
        state.plan.with(|p| p.as_ref().and_then(|p| p.strategy.horizon_end())).map(|d| fill(t.horizon_ends, &[("date", &crate::i18n::format_date(lang, &d))]))
    };
    view! {
        <div class="field">
            <label for="focus-horizon">{t.focus_horizon}</label>
            <select id="focus-horizon" data-testid="focus-horizon" prop:value=move || focus(|f| f.horizon_years.to_string())
                on:change=move |ev| {
                    let years = event_target_value(&ev).parse::<u8>().unwrap_or(1).clamp(1, 5);
                    state.edit(|p| p.strategy.focus.horizon_years = years);
                }>
                {(1..=5).map(|y| view! { <option value=y.to_string()>{t.horizon_options[y - 1]}</option> }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for="focus-function">{t.business_function}</label>
            <select id="focus-function" data-testid="focus-function" prop:value=move || focus(|f| f.function.key().to_owned())
                on:change=move |ev| {
                    let key = event_target_value(&ev);
                    if let Some(f) = BusinessFunction::from_key(&key) {
                        state.edit(|p| p.strategy.focus.function = f);
                    }
                }>
                {BusinessFunction::ALL.map(|f| view! { <option value=f.key()>{t.function(f)}</option> })}
            </select>
            <p class="hint">{t.one_plan_per_function}</p>
        </div>
        <div class="field">
            <label for="focus-start">{t.focus_start}</label>
            <p class="hint" id="focus-start-hint">{t.focus_start_hint}</p>
            <input type="date" id="focus-start" data-testid="focus-start" aria-describedby="focus-start-hint"
                prop:value=move || focus(|f| f.start.as_ref().map(|d| d.0.to_string()).unwrap_or_default())
                on:change=move |ev| {
                    let v = Some(Date(event_target_value(&ev).into())).filter(Date::is_valid);
                    state.edit(|p| p.strategy.focus.start = v);
                }/>
            <p data-testid="horizon-end">{horizon_end}</p>
        </div>
    }
}

#[component]
fn ObjectivesStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let none = move || state.plan.with(|p| p.as_ref().is_none_or(|p| p.strategy.business_objectives.is_empty()));
    view! {
        <p class="warning" hidden=move || !none()>{t.need_business_objectives}</p>
        <List spec=&OBJECTIVES/>
    }
}

/// Tactics written before objectives and KPIs: a gentle warning.
#[component]
fn OrderWarning() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let early = move || state.plan.with(|p| p.as_ref().is_some_and(|p| p.strategy.tactics_before_objectives()));
    view! { <p class="warning" data-testid="order-warning" hidden=move || !early()>{t.order_warning}</p> }
}

/// One list per objective (KPIs, tactics) or per tactic (indicators), with its heading
/// and the counts the method asks for.
#[component]
fn Grouped(spec: &'static ListSpec, by_tactic: bool, library: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let model = ListModel::new(spec);
    // Only a change of the groups themselves re-renders the sections, not typing.
    let groups = Memo::new(move |_| {
        state.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    let s = &p.strategy;
                    if by_tactic {
                        s.tactics.iter().map(|x| x.id.clone()).collect::<Vec<_>>()
                    } else {
                        s.objectives.iter().map(|x| x.id.clone()).collect()
                    }
                })
                .unwrap_or_default()
        })
    });
    // Every group's heading and count note, worked out in one pass per change of the plan
    // (counting an objective's KPIs or a tactic's kept indicators once, not once per
    // group); each group has a signal of its own, set by the pass only when its heading
    // or note changed, so typing in an item is silent. (A memo of all headings with a
    // memo per group would have every group's heading checked again on every keystroke.)
    let headings = move |p: &Option<crate::model::Plan>| -> Vec<(String, Option<String>)> {
        let Some(p) = p.as_ref() else { return Vec::new() };
        let s = &p.strategy;
        if by_tactic {
            let kept = count_per(s.indicators.iter().filter(|x| x.kept), |x| &x.tactic);
            s.tactics
                .iter()
                .map(|x| {
                    let text = Some(short(&x.text, 80)).filter(|x| !x.is_empty()).unwrap_or_else(|| t.untitled.to_owned());
                    let kept = kept.get(x.id.as_str()).copied().unwrap_or(0);
                    (fill(t.tactic_heading, &[("text", &text)]), (!(2..=5).contains(&kept)).then(|| t.count(t.kept_count, kept)))
                })
                .collect::<Vec<_>>()
        } else {
            let kpis = if library { count_per(s.kpis.iter(), |k| &k.objective) } else { Default::default() };
            s.objectives
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let note = library.then(|| match kpis.get(o.id.as_str()).copied().unwrap_or(0) {
                        0 => Some(t.kpi_none.to_owned()),
                        1 | 2 => None,
                        n => Some(fill(t.kpi_too_many, &[("count", &n.to_string())])),
                    });
                    (objective_label(s, i, t), note.flatten())
                })
                .collect()
        }
    };
    let heads: StoredValue<Vec<ArcRwSignal<(String, Option<String>)>>> = StoredValue::new(Vec::new());
    Effect::new(move |_| {
        let fresh = state.plan.with(headings);
        heads.try_with_value(|heads| {
            for (head, now) in heads.iter().zip(fresh) {
                if head.with_untracked(|h| *h != now) {
                    head.set(now);
                }
            }
        });
    });
    let empty_text = if by_tactic { t.need_tactics } else { t.need_objectives };
    view! {
        {by_tactic.then(|| view! { <p class="hint">{t.candidates_hint}</p> })}
        <p class="warning" hidden=move || !groups.with(Vec::is_empty)>{empty_text}</p>
        {move || groups.with(|g| {
            // The sections are made anew when the groups change: so are their headings'
            // signals; their lists read the list's index at once, brought up to date first.
            state.plan.with_untracked(|p| model.refresh(p.as_ref()));
            let mut now = state.plan.with_untracked(headings).into_iter();
            let made: Vec<_> = (0..g.len()).map(|_| ArcRwSignal::new(now.next().unwrap_or_default())).collect();
            heads.set_value(made.clone());
            made.into_iter().enumerate().map(|(i, head)| {
                let heading_id = format!("{}-group-{i}", spec.name);
                let head: Signal<(String, Option<String>)> = head.into();
                view! {
                    <section class="group" aria-labelledby=heading_id.clone()>
                        <h2 id=heading_id.clone()>{move || head.with(|h| h.0.clone())}</h2>
                        <p class="warning" data-testid=format!("{}-count-{i}", spec.name) hidden=move || head.with(|h| h.1.is_none())>{move || head.with(|h| h.1.clone())}</p>
                        <ListEditor model=model group=i/>
                        {library.then(|| view! { <Library group=i/> })}
                    </section>
                }
            }).collect_view()
        })}
    }
}

/// KPI suggestions by purpose, inserted as a template into an objective.
#[component]
fn Library(group: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let id = format!("library-{group}");
    let groups = Purpose::ALL.map(|purpose| {
        let options = LIBRARY.iter().enumerate().filter(|(_, x)| x.purpose == purpose).map(|(i, x)| {
            view! { <option value=i.to_string()>{format!("{} ({}; {})", t.kpi_library_names[i], t.kpi_library_units[i], t.business_goals[x.goal as usize])}</option> }
        }).collect_view();
        view! { <optgroup label=t.kpi_purposes[purpose as usize]>{options}</optgroup> }
    });
    view! {
        <div class="field library">
            <label for=id.clone()>{t.library_add}</label>
            <select id=id.clone() data-testid=id prop:value=""
                on:change=move |ev| {
                    let Some(i) = index_of(&event_target_value(&ev)) else { return };
                    let Some(template) = LIBRARY.get(i) else { return };
                    let name = t.kpi_library_names[i];
                    state.edit(|p| {
                        if let Some(objective) = objective_id(p, group) {
                            let deadline = p.strategy.horizon_end();
                            let kpi = template.to_kpi(new_id(), objective.clone(), name, t.kpi_library_units[i], deadline);
                            p.strategy.kpis.push(kpi);
                            if let Some(o) = p.strategy.objectives.iter_mut().find(|o| o.id == objective) {
                                o.perspective.get_or_insert(template.perspective);
                            }
                        }
                    });
                    state.notify(NoticeKind::Done { text: fill(t.library_added, &[("item", name)]) });
                    if let Some(select) = ev.target().and_then(|x| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(x).ok()) {
                        select.set_value("");
                    }
                }>
                <option value="">{t.library_choose}</option>
                {groups}
            </select>
        </div>
    }
}

fn gap_text(p: &Plan, gap: &Gap, t: &Texts) -> String {
    let s = &p.strategy;
    let objective = |id: &Id| s.objectives.iter().position(|o| &o.id == id).map(|i| (i + 1).to_string()).unwrap_or_default();
    let tactic = |id: &Id| s.tactics.iter().find(|x| &x.id == id).map(|x| short(&x.text, 60)).unwrap_or_default();
    match gap {
        Gap::NoBusinessObjective => t.gap_texts[0].to_owned(),
        Gap::BusinessObjectiveUnserved(id) => fill(t.gap_texts[1], &[("item", &s.letter_of(id).unwrap_or_default())]),
        Gap::ObjectiveUnlinked(id) => fill(t.gap_texts[2], &[("item", &objective(id))]),
        Gap::KpiCount(id, n) => fill(t.gap_texts[3], &[("item", &objective(id)), ("count", &n.to_string())]),
        Gap::ObjectiveWithoutTactic(id) => fill(t.gap_texts[4], &[("item", &objective(id))]),
        Gap::KeptCount(id, n) => fill(t.gap_texts[5], &[("item", &tactic(id)), ("count", &n.to_string())]),
        Gap::KpiIncomplete(id, missing) => {
            let name = p.strategy.kpis.iter().find(|k| &k.id == id).map(|k| k.name.clone()).unwrap_or_default();
            let parts: Vec<&str> = [t.kpi_baseline, t.kpi_target, t.kpi_deadline].into_iter().zip(missing).filter(|(_, m)| **m).map(|(w, _)| w).collect();
            fill(t.gap_kpi_incomplete, &[("item", &name), ("missing", &parts.join(", "))])
        }
    }
}

#[component]
fn PlanCheck() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let gaps = move || state.plan.with(|p| p.as_ref().map(|p| plan_check(p).iter().map(|g| gap_text(p, g, t)).collect::<Vec<_>>()).unwrap_or_default());
    view! {
        <section class="subsection" aria-labelledby="plan-check-title" data-testid="plan-check">
            <h2 id="plan-check-title">{t.plan_check_title}</h2>
            {move || {
                let gaps = gaps();
                if gaps.is_empty() {
                    view! { <p>{t.plan_check_ok}</p> }.into_any()
                } else {
                    view! { <ul class="gaps">{gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
    }
}

super::on_demand! { strategy_editors, preload preload_editors:
/// The Strategy phase's list editors, loaded when first shown.
pub fn lazy_block_editor(block: Block) -> AnyView {
    block_editor(block).unwrap_or_else(|| ().into_any())
}
}

super::on_demand! { strategy_steps, preload preload_steps:
pub fn lazy_step_editor(step: Step) -> AnyView {
    step_editor(step).unwrap_or_else(|| ().into_any())
}
}
