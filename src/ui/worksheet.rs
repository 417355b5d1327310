//! Blank worksheets of the exercises, for workshops on paper: the same questions, levels
//! and tables as the screens, with room to write, ready to print. Opened from a plan
//! (`#/plans/<id>/worksheets/<slug>`), a sheet names the plan; opened from the plan list,
//! it has a line to write the plan's name on.

use super::state::AppState;
use crate::i18n::{fill, Texts};
use crate::model::{Block, LandscapeLevel, MaturityDimension, Stage, Step};
use leptos::prelude::*;

/// Empty rows of a table with these columns; the column at `text` is where sentences
/// are written, so it is the widest.
fn grid(head: Vec<&'static str>, text: usize, rows: usize) -> impl IntoView {
    let cols = head.len();
    let class = move |i: usize| (i == text).then_some("sheet-text");
    view! {
        <table class="sheet-table">
            <thead><tr>{head.into_iter().enumerate().map(|(i, h)| view! { <th scope="col" class=class(i)>{h}</th> }).collect_view()}</tr></thead>
            <tbody>{(0..rows).map(|_| view! { <tr>{(0..cols).map(|i| view! { <td class=class(i)></td> }).collect_view()}</tr> }).collect_view()}</tbody>
        </table>
    }
}

fn question(text: &'static str) -> impl IntoView {
    view! { <div class="sheet-question"><p>{text}</p><div class="box"></div></div> }
}

fn body(block: Block, t: &'static Texts) -> AnyView {
    match block {
        Block::Landscape => view! {
            {LandscapeLevel::ALL.map(|l| view! {
                <section class="sheet-part">
                    <h2>{format!("{}. {}", l as usize + 1, t.landscape_levels[l as usize])}</h2>
                    <p class="hint">{t.landscape_questions[l as usize]}</p>
                    {grid(vec![t.finding_text, t.polarity_label, t.weight_label], 0, 4)}
                </section>
            })}
            {question(t.generic_strategy_label)}
        }
        .into_any(),
        Block::Audit => view! {
            {t.audit_questions.map(question)}
            <h2>{t.channels_title}</h2>
            {grid(vec![t.channel_name, t.channel_since, t.channel_audience, t.channel_engagement, t.channel_owner, t.channel_notes], 5, 6)}
            <h2>{t.benchmark_title}</h2>
            <p class="hint">{t.benchmark_intro}</p>
            <table class="sheet-table">
                <thead><tr><th scope="col"></th><th scope="col">{t.score_current}</th><th scope="col">{t.score_ideal}</th><th scope="col">{t.gap_series_gap}</th><th scope="col" class="sheet-text">{t.score_note}</th></tr></thead>
                <tbody>{t.benchmark_levels.map(|l| view! { <tr><th scope="row">{l}</th><td></td><td></td><td></td><td class="sheet-text"></td></tr> })}</tbody>
            </table>
        }
        .into_any(),
        Block::Swot => view! {
            <div class="sheet-swot">{t.swot_quadrants.map(|q| view! { <section><h2>{q}</h2><div class="box tall"></div></section> })}</div>
            {t.swot_questions.map(question)}
        }
        .into_any(),
        Block::Maturity => view! {
            <p class="hint">{t.maturity_intro}</p>
            {MaturityDimension::ALL.map(|d| {
                let i = d as usize;
                view! {
                    <section class="sheet-part">
                        <h2>{format!("{}. {}", i + 1, t.dimension_names[i])}</h2>
                        <ul class="sheet-choices">
                            {Stage::ALL.map(|s| view! { <li>"☐ "<strong>{t.stage_names[s as usize]}</strong>" – "{t.dimension_anchors[i * 6 + s as usize]}</li> })}
                            <li>"☐ "<strong>{t.dont_know}</strong></li>
                        </ul>
                    </section>
                }
            })}
        }
        .into_any(),
        Block::StrategicPlan => view! {
            {Step::ALL.map(|s| {
                let part = match s {
                    Step::Focus => view! { {question(t.focus_horizon)}{question(t.business_function)} }.into_any(),
                    Step::BusinessObjectives => grid(vec![t.bo_text], 0, 4).into_any(),
                    Step::Mission => question(t.mission_label).into_any(),
                    Step::Objectives => grid(vec![t.obj_text, t.obj_serves, t.obj_perspective], 0, 4).into_any(),
                    Step::Kpis => grid(vec![t.kpi_name, t.kpi_goal, t.kpi_unit, t.kpi_baseline, t.kpi_target, t.kpi_deadline, t.kpi_frequency, t.kpi_owner], 0, 6).into_any(),
                    Step::Tactics => grid(vec![t.obj_text, t.tactic_text], 1, 6).into_any(),
                    Step::Indicators => grid(vec![t.tactic_text, t.indicator_text, t.indicator_kept], 1, 8).into_any(),
                };
                view! {
                    <section class="sheet-part">
                        <h2>{format!("{}. {}", s.number(), t.step(s))}</h2>
                        <p class="hint">{t.step_purpose(s)}</p>
                        {part}
                    </section>
                }
            })}
        }
        .into_any(),
        _ => view! {
            {question(t.post_people)}
            <div class="sheet-question">
                <p>{t.post_objectives}</p>
                <ul class="sheet-choices">{t.post_objective_names.iter().zip(t.post_objective_meanings).map(|(n, m)| view! { <li>"☐ "<strong>{*n}</strong>" – "{m}</li> }).collect_view()}</ul>
            </div>
            {question(t.post_strategy)}
            {question(t.post_technology)}
        }
        .into_any(),
    }
}

super::on_demand! { worksheets:
/// The worksheet of an exercise, loaded when first asked for.
pub fn sheet(block: Block) -> AnyView {
    view! { <Worksheet block=block/> }.into_any()
}
}

#[component]
fn Worksheet(block: Block) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let plan = state.plan.with_untracked(|p| p.as_ref().map(|p| if p.name.trim().is_empty() { t.new_plan_default_name.to_owned() } else { p.name.clone() }));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="page worksheet" data-testid="worksheet">
            <p class="eyebrow">{t.phase(block.phase())}</p>
            <h1>{fill(t.worksheet_title, &[("name", t.block(block))])}</h1>
            <p class="lead">{t.block_purpose(block)}</p>
            <p class="sheet-plan" data-testid="sheet-plan">{match plan {
                Some(name) => fill(t.worksheet_plan, &[("name", &name)]),
                None => t.worksheet_plan_blank.to_owned(),
            }}</p>
            <p class="sheet-who">{t.worksheet_who}</p>
            <p class="no-print"><button type="button" class="primary" data-testid="print" on:click=print>{t.print}</button>" "<a href="#/">{t.go_to_plans}</a></p>
            {body(block, t)}
        </div>
    }
}
