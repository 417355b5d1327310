//! A plan's overview: the three-phase model drawn as a stack built from the ground up,
//! each phase with its blocks, how complete they are, and what is missing below.

use super::state::AppState;
use crate::i18n::fill;
use crate::model::{block_progress, missing_cornerstones_of, phase_progress_of, Block, Phase, Progress};
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let id = state.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())).unwrap_or_default();
    let name = move || {
        let name = state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
        if name.trim().is_empty() { t.new_plan_default_name.to_owned() } else { name }
    };
    let typed = move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let function = move || state.plan.with(|p| p.as_ref().map(|p| p.function()).unwrap_or_default());
    let standing = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(Standing::of).unwrap_or_default()));
    let export_id = id.clone();
    let dashboard = crate::route::Route::Dashboard(id.clone()).href();
    let summary = crate::route::Route::Summary(id.clone()).href();
    let workshop = crate::route::Route::Workshop(id.clone()).href();
    let report = move |as_html: bool| {
        let lang = state.lang.get_untracked();
        if let Some(p) = state.plan.get_untracked() {
            let stem = crate::model::file_format::file_name(&p.name).trim_end_matches(".socialplan.json").to_owned();
            leptos::task::spawn_local(async move {
                let Ok(text) = render_report(p, lang, super::state::today(), as_html).await else {
                    state.notify(super::state::NoticeKind::PartFailed);
                    return;
                };
                let (ext, mime) = if as_html { ("html", "text/html") } else { ("md", "text/markdown") };
                super::state::download_as(&format!("{stem}.{ext}"), &text, mime);
            });
        }
    };
    view! {
        <div class="page overview">
            <nav class="breadcrumb" aria-label=t.breadcrumb>
                <ol>
                    <li><a href="#/">{t.nav_plans}</a></li>
                    <li aria-current="page">{name}</li>
                </ol>
            </nav>
            <h1 data-testid="plan-title">{name}</h1>
            <div class="plan-meta">
                <label for="plan-name">{t.plan_name}</label>
                <input id="plan-name" type="text" maxlength="200" data-testid="plan-name"
                    prop:value=typed
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        state.edit(|p| p.name = value);
                    }/>
                <span class="tag">{move || t.function(function())}</span>
                <button type="button" data-testid="export" on:click=move |_| state.export(&export_id)>{t.export}</button>
                <super::share::ShareLink id=id.clone()/>
                {super::file_access::supported().then(|| {
                    let id = id.clone();
                    view! { <button type="button" class="secondary" data-testid="save-to-file" on:click=move |_| super::file_access::save_as(state, id.clone())>{t.save_to_file}</button> }
                })}
                <button type="button" class="secondary" data-testid="report-md" on:click=move |_| report(false)>{t.export_report_md}</button>
                <button type="button" class="secondary" data-testid="report-html" on:click=move |_| report(true)>{t.export_report_html}</button>
                <a href=dashboard data-testid="dashboard-link">{t.open_dashboard}</a>
                <a href=summary data-testid="summary-link">{t.summary_title}</a>
                <a href=workshop data-testid="workshop-link">{t.open_workshop}</a>
            </div>
            <FileBinding id=id.clone()/>
            <h2 class="model-title">{t.model_title} " " <small>{t.model_note}</small></h2>
            <p class="model-intro">{t.overview_intro}</p>
            // Information comes first in reading order and is drawn at the bottom.
            <ol class="phase-stack" data-testid="phase-stack">
                {Phase::ALL.map(|phase| view! { <PhaseCard id=id.clone() phase=phase standing=standing/> })}
            </ol>
        </div>
    }
}

/// The file on disk this plan is written to, if any, with "Save to file now".
#[component]
fn FileBinding(id: crate::model::Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let file = {
        let id = id.clone();
        move || super::file_access::file_of(&id)
    };
    move || {
        let id = id.clone();
        file().map(|name| {
            let (save, unbind) = (id.clone(), id.clone());
            view! {
                <div class="file-binding" data-testid="file-binding">
                    <p>{fill(t.file_bound, &[("file", &name)])}</p>
                    <button type="button" data-testid="save-file-now" on:click=move |_| super::file_access::save_now(state, save.clone())>{t.save_to_file_now}</button>
                    <button type="button" class="secondary" data-testid="file-unbind" on:click=move |_| super::file_access::unbind(&unbind)>{t.file_unbind}</button>
                </div>
            }
        })
    }
}

fn status_text(t: &crate::i18n::Texts, p: Progress) -> &'static str {
    if p.is_complete() {
        t.status_complete
    } else if p.is_empty() {
        t.status_empty
    } else {
        t.status_partial
    }
}

fn status_class(p: Progress) -> &'static str {
    if p.is_complete() {
        "block-link complete"
    } else if p.is_empty() {
        "block-link empty"
    } else {
        "block-link partial"
    }
}

/// What the overview shows of a plan's progress, worked out once per change of the plan.
#[derive(Clone, Default, PartialEq)]
struct Standing {
    blocks: Vec<(Block, Progress)>,
    phases: Vec<(Phase, Progress)>,
    cornerstones: Vec<Block>,
}

impl Standing {
    fn of(plan: &crate::model::Plan) -> Standing {
        // Each block once; the phases and cornerstones follow from them.
        let blocks: Vec<(Block, Progress)> = Block::ALL.iter().map(|b| (*b, block_progress(plan, *b))).collect();
        let of = |b: Block| blocks.iter().find(|(x, _)| *x == b).map(|(_, p)| *p).unwrap_or_default();
        Standing {
            phases: Phase::ALL.iter().map(|p| (*p, phase_progress_of(*p, of))).collect(),
            cornerstones: missing_cornerstones_of(of),
            blocks,
        }
    }

    fn block(&self, block: Block) -> Progress {
        self.blocks.iter().find(|(b, _)| *b == block).map(|(_, p)| *p).unwrap_or_default()
    }

    fn phase(&self, phase: Phase) -> Progress {
        self.phases.iter().find(|(p, _)| *p == phase).map(|(_, p)| *p).unwrap_or_default()
    }

    /// The first phase below `phase` that has gaps, once `phase` itself has been started:
    /// what makes the work in it unstable.
    fn weak_below(&self, phase: Phase) -> Option<(Phase, Progress)> {
        if self.phase(phase).is_empty() {
            return None;
        }
        phase.below().iter().map(|b| (*b, self.phase(*b))).find(|(_, p)| !p.is_complete())
    }
}

/// One phase of the stack.
#[component]
fn PhaseCard(id: crate::model::Id, phase: Phase, standing: Memo<Standing>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let progress = Memo::new(move |_| standing.try_with(|s| s.phase(phase)).unwrap_or_default());
    let weak_below = move || standing.try_with(|s| s.weak_below(phase)).flatten();
    let cornerstones = move || if phase == Phase::Strategy { standing.try_with(|s| s.cornerstones.clone()).unwrap_or_default() } else { Vec::new() };
    let heading = format!("phase-{}", phase.slug());
    let (testid, labelledby) = (heading.clone(), heading.clone());
    view! {
        <li class=format!("phase phase-{}", phase.slug()) data-testid=testid aria-labelledby=labelledby>
            <div class="phase-head">
                <h3 id=heading>{t.phase(phase)}</h3>
                <p>{t.phase_purpose(phase)}</p>
                <div class="meter">
                    <progress max="100" value=move || progress.try_get().unwrap_or_default().percent() aria-label=t.phase(phase)></progress>
                    <span>{move || fill(t.complete_percent, &[("percent", &progress.try_get().unwrap_or_default().percent().to_string())])}</span>
                </div>
                {move || weak_below().map(|(below, p)| view! {
                    <p class="warning" data-testid="unstable">
                        {fill(t.unstable_below, &[("phase", t.phase(below)), ("percent", &p.percent().to_string())])}
                    </p>
                })}
                {move || {
                    let missing = cornerstones();
                    (!missing.is_empty()).then(|| {
                        let list: Vec<&str> = missing.iter().map(|b| t.block(*b)).collect();
                        view! { <p class="warning" data-testid="incomplete">{fill(t.strategy_incomplete, &[("missing", &list.join(", "))])}</p> }
                    })
                }}
            </div>
            <ul class="blocks">
                {phase.blocks().map(|block| {
                    let progress = Memo::new(move |_| standing.try_with(|s| s.block(block)).unwrap_or_default());
                    let p = move || progress.try_get().unwrap_or_default();
                    view! {
                        <li>
                            <a class=move || status_class(p()) href=Route::Block(id.clone(), block).href()>
                                <span class="block-name">{t.block(block)}</span>
                                <span class="block-status">{move || status_text(t, p())}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}

super::on_demand! { report:
/// The report, built by code that is loaded when a report is first asked for.
fn render_report(plan: crate::model::Plan, lang: crate::i18n::Lang, today: crate::model::Date, as_html: bool) -> String {
    if as_html {
        crate::report::html(&plan, lang, &today)
    } else {
        crate::report::markdown(&plan, lang, &today)
    }
}
}
