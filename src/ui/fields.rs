//! Editors for the blocks that are written in prose: labelled text areas, number fields
//! that read numbers the way the user's language writes them, and POST's objectives.
//! Each field is a plain description (label, how to read and write it in the plan), so
//! one component serves every block.

use super::state::AppState;
use crate::i18n::{fill, format_number, parse_number, Texts};
use crate::model::{Block, Plan, PostObjective, Step};
use leptos::prelude::*;

/// A text of the plan, with its label and an optional hint.
pub struct TextField {
    pub id: &'static str,
    pub label: fn(&Texts) -> &'static str,
    pub hint: Option<fn(&Texts) -> &'static str>,
    pub get: fn(&Plan) -> &String,
    pub set: fn(&mut Plan) -> &mut String,
}

/// A number of the plan.
pub struct NumberField {
    pub id: &'static str,
    pub label: fn(&Texts) -> &'static str,
    pub get: fn(&Plan) -> Option<f64>,
    pub set: fn(&mut Plan) -> &mut Option<f64>,
}

const WHY: &[TextField] = &[
    TextField { id: "why-marketing", label: |t| t.why_marketing, hint: Some(|t| t.why_hint), get: |p| &p.strategy.why.marketing, set: |p| &mut p.strategy.why.marketing },
    TextField { id: "why-employees", label: |t| t.why_employees, hint: None, get: |p| &p.strategy.why.employee_engagement, set: |p| &mut p.strategy.why.employee_engagement },
    TextField { id: "why-collaboration", label: |t| t.why_collaboration, hint: None, get: |p| &p.strategy.why.collaboration, set: |p| &mut p.strategy.why.collaboration },
];

const GOVERNANCE: &[TextField] = &[
    TextField { id: "gov-policies", label: |t| t.gov_policies, hint: Some(|t| t.gov_policies_hint), get: |p| &p.strategy.governance.policies, set: |p| &mut p.strategy.governance.policies },
    TextField { id: "gov-guidelines", label: |t| t.gov_guidelines, hint: Some(|t| t.gov_guidelines_hint), get: |p| &p.strategy.governance.guidelines, set: |p| &mut p.strategy.governance.guidelines },
    TextField { id: "gov-processes", label: |t| t.gov_processes, hint: Some(|t| t.gov_processes_hint), get: |p| &p.strategy.governance.processes, set: |p| &mut p.strategy.governance.processes },
    TextField { id: "gov-education", label: |t| t.gov_education, hint: Some(|t| t.gov_education_hint), get: |p| &p.strategy.governance.education, set: |p| &mut p.strategy.governance.education },
];

const INTEGRATION: &[TextField] = &[TextField {
    id: "business-integration",
    label: |t| t.integration_label,
    hint: Some(|t| t.integration_hint),
    get: |p| &p.strategy.business_integration,
    set: |p| &mut p.strategy.business_integration,
}];

const GOAL_SYSTEM: &[TextField] = &[TextField {
    id: "goal-system",
    label: |t| t.goal_system_label,
    hint: Some(|t| t.goal_system_hint),
    get: |p| &p.strategy.goal_system,
    set: |p| &mut p.strategy.goal_system,
}];

const RESOURCES: &[TextField] = &[
    TextField { id: "res-people", label: |t| t.res_people, hint: Some(|t| t.res_people_hint), get: |p| &p.strategy.resources.people, set: |p| &mut p.strategy.resources.people },
    TextField { id: "res-tools", label: |t| t.res_tools, hint: Some(|t| t.res_tools_hint), get: |p| &p.strategy.resources.tools, set: |p| &mut p.strategy.resources.tools },
];

const RESOURCE_NUMBERS: &[NumberField] = &[
    NumberField { id: "res-hours", label: |t| t.res_hours, get: |p| p.strategy.resources.hours_per_week, set: |p| &mut p.strategy.resources.hours_per_week },
    NumberField { id: "res-budget", label: |t| t.res_budget, get: |p| p.strategy.resources.budget, set: |p| &mut p.strategy.resources.budget },
];

const POST_PEOPLE: &[TextField] = &[TextField {
    id: "post-people",
    label: |t| t.post_people,
    hint: Some(|t| t.post_people_hint),
    get: |p| &p.strategy.post.people,
    set: |p| &mut p.strategy.post.people,
}];

const POST_REST: &[TextField] = &[
    TextField { id: "post-objectives-note", label: |t| t.post_objectives_note, hint: None, get: |p| &p.strategy.post.objectives_note, set: |p| &mut p.strategy.post.objectives_note },
    TextField { id: "post-strategy", label: |t| t.post_strategy, hint: Some(|t| t.post_strategy_hint), get: |p| &p.strategy.post.strategy, set: |p| &mut p.strategy.post.strategy },
    TextField { id: "post-technology", label: |t| t.post_technology, hint: Some(|t| t.post_technology_hint), get: |p| &p.strategy.post.technology, set: |p| &mut p.strategy.post.technology },
];

const MISSION: &[TextField] = &[TextField {
    id: "mission",
    label: |t| t.mission_label,
    hint: Some(|t| t.mission_hint),
    get: |p| &p.strategy.mission,
    set: |p| &mut p.strategy.mission,
}];

/// Whether a block is written in prose (its editor is in this module).
pub fn has_editor(block: Block) -> bool {
    matches!(block, Block::WhySocialMedia | Block::Governance | Block::BusinessIntegration | Block::GoalSystem | Block::Resources | Block::Post)
}

/// The editor of a block, where the block is written in prose.
pub fn block_editor(block: Block) -> Option<AnyView> {
    Some(match block {
        Block::WhySocialMedia => view! { <TextFields fields=WHY/> }.into_any(),
        Block::Governance => view! { <TextFields fields=GOVERNANCE/> }.into_any(),
        Block::BusinessIntegration => view! { <TextFields fields=INTEGRATION/> }.into_any(),
        Block::GoalSystem => view! { <TextFields fields=GOAL_SYSTEM/> }.into_any(),
        Block::Resources => view! {
            <TextFields fields=RESOURCES/>
            <NumberFields fields=RESOURCE_NUMBERS/>
        }
        .into_any(),
        Block::Post => view! {
            <TextFields fields=POST_PEOPLE/>
            <PostObjectives/>
            <TextFields fields=POST_REST/>
            <TechnologyOrder/>
        }
        .into_any(),
        _ => return None,
    })
}

/// The editor of a step of the strategic plan, where the step is written in prose.
pub fn step_editor(step: Step) -> Option<AnyView> {
    match step {
        Step::Mission => Some(view! { <TextFields fields=MISSION/> }.into_any()),
        _ => None,
    }
}

/// Labelled text areas; every keystroke goes into the plan and is saved shortly after.
#[component]
pub fn TextFields(fields: &'static [TextField]) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    fields
        .iter()
        .map(|f| {
            let hint_id = format!("{}-hint", f.id);
            let described = f.hint.map(|_| hint_id.clone());
            let (get, set) = (f.get, f.set);
            view! {
                <div class="field">
                    <label for=f.id>{(f.label)(t)}</label>
                    {f.hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h(t)}</p> })}
                    <textarea id=f.id data-testid=f.id rows="3" aria-describedby=described
                        prop:value=move || state.plan.with(|p| p.as_ref().map(|p| get(p).clone()).unwrap_or_default())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            state.edit(|p| *set(p) = value);
                        }
                    ></textarea>
                </div>
            }
        })
        .collect_view()
}

/// Number fields that accept both `1.234,5` and `1,234.5` where that is unambiguous,
/// and say what is wrong where it is not; a wrong entry leaves the plan unchanged.
#[component]
pub fn NumberFields(fields: &'static [NumberField]) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    fields
        .iter()
        .map(|f| {
            let (get, set) = (f.get, f.set);
            let shown = move || {
                let lang = state.lang.get_untracked();
                state.plan.with_untracked(|p| p.as_ref().and_then(get)).map(|v| format_number(lang, v, 2)).unwrap_or_default()
            };
            let draft = RwSignal::new(shown());
            let error = RwSignal::new(None::<String>);
            let message_id = format!("{}-message", f.id);
            let on_input = move |ev| {
                let text = event_target_value(&ev);
                draft.set(text.clone());
                match parse_number(state.lang.get_untracked(), &text) {
                    Ok(value) => {
                        error.set(None);
                        state.edit(|p| *set(p) = value);
                    }
                    Err(kind) => error.set(Some(t.number_error(kind, &text))),
                }
            };
            view! {
                <div class="field field-number">
                    <label for=f.id>{(f.label)(t)}</label>
                    <input type="text" inputmode="decimal" id=f.id data-testid=f.id
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        aria-describedby=message_id.clone()
                        prop:value=move || draft.get()
                        on:input=on_input
                        // Blur also fires while the screen is being left: the field may be gone.
                        on:blur=move |_| if error.try_with_untracked(Option::is_none) == Some(true) { draft.try_set(shown()); }
                    />
                    <p class="field-message" id=message_id.clone() role="status">
                        {move || error.get().unwrap_or_else(|| {
                            let lang = state.lang.get();
                            state.plan.with(|p| p.as_ref().and_then(get))
                                .map(|v| fill(t.saved_as, &[("value", &format_number(lang, v, 2))]))
                                .unwrap_or_default()
                        })}
                    </p>
                </div>
            }
        })
        .collect_view()
}

/// POST's objectives: listening, talking, energizing, supporting, embracing.
#[component]
fn PostObjectives() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    view! {
        <fieldset class="field checks">
            <legend>{t.post_objectives}</legend>
            {PostObjective::ALL.iter().enumerate().map(|(i, objective)| {
                let objective = *objective;
                let id = format!("post-objective-{i}");
                let checked = move || state.plan.with(|p| p.as_ref().is_some_and(|p| p.strategy.post.objectives.contains(&objective)));
                view! {
                    <div class="check">
                        <input type="checkbox" id=id.clone() prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                state.edit(|p| {
                                    // Rebuilt in the method's order, so the file lists them the same way.
                                    let list = &mut p.strategy.post.objectives;
                                    *list = PostObjective::ALL
                                        .into_iter()
                                        .filter(|o| if *o == objective { on } else { list.contains(o) })
                                        .collect();
                                });
                            }/>
                        <label for=id>
                            <strong>{t.post_objective_names[i]}</strong>" – "{t.post_objective_meanings[i]}
                        </label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// POST puts technology last: say so when it was decided before the rest.
#[component]
fn TechnologyOrder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let early = move || {
        state.plan.with(|p| {
            p.as_ref().is_some_and(|p| {
                let post = &p.strategy.post;
                !post.technology.trim().is_empty()
                    && (post.people.trim().is_empty() || post.objectives.is_empty() || post.strategy.trim().is_empty())
            })
        })
    };
    view! {
        <p class="warning" data-testid="technology-early" hidden=move || !early()>{t.technology_early}</p>
    }
}
