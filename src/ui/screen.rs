//! The screens of one plan: its overview, each block, each step of the strategic plan;
//! and the page for addresses that lead nowhere.

use super::overview::Overview;
use super::state::AppState;
use crate::i18n::fill;
use crate::model::{block_progress, step_done, Block, Id, Place, Step};
use crate::route::Route;
use super::agenda::Slide;
use leptos::prelude::*;

super::on_demand! { plan_screens, preload preload_plan_screens:
/// The screens of a plan (overview, blocks, steps) are a part of their own: a first visit
/// shows the plan list, and loads them with the plan reader (`state::load_codec`).
pub fn plan_screen(route: Route) -> AnyView {
    match route {
        // A shared link: no plan is open yet, the link's screen offers one.
        Route::Import(payload) => view! { <super::share::LinkImport payload=payload/> }.into_any(),
        route => view! { <PlanScreen route=route/> }.into_any(),
    }
}
}

super::on_demand! { plan_screens:
/// Draws the overview of `plan` unseen (`draw_unseen`) while the app waits
/// (`state::codec`), for the first plan imported or opened, which shows the overview next.
pub fn warm_up_overview(plan: crate::model::Plan) -> () {
    super::draw_unseen(plan, || view! { <Overview/> });
}
}

/// Draws the dashboard of the plan reader's small plan unseen, once a page, in a task of
/// its own (`operative::warm_up_dashboard`); marked `socialplan:warm-up-dashboard`.
async fn warm_up_dashboard() {
    thread_local! {
        static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    let Some(plan) = (!DONE.with(|d| d.replace(true))).then(super::state::codec).flatten().and_then(|c| c.specimen()) else { return };
    // A task of its own, after the one that fetched the part.
    let next = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(next).await;
    let timing = super::state::Timing::start("socialplan:warm-up-dashboard");
    let _ = super::operative::warm_up_dashboard(plan).await;
    timing.end();
}

/// A screen of the open plan, or a message when the route names no plan here.
#[component]
fn PlanScreen(route: Route) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let has_plan = move || state.plan.with(|p| p.is_some());
    // The dashboard is where a review starts, and the blocks' editors are where the work
    // is: their parts are fetched while the team works on any screen of the plan, one
    // after the other, so each opens without waiting for the network or for the part to
    // be set up; once this screen is drawn, so they do not hold up its first frame. Once
    // fetched, a no-op.
    super::after_paint(|| {
        leptos::task::spawn_local(async {
            if super::operative::preload_dashboard().await.is_ok() {
                warm_up_dashboard().await;
            }
            let _ = super::information::preload_editors().await;
            let _ = super::strategy::preload_editors().await;
            let _ = super::strategy::preload_steps().await;
            let _ = super::operative::preload_editors().await;
        })
    });
    super::agenda::follow_route(&route);
    // The agenda's bar shows above the plan's screens but the projector's, the Workshop's
    // (its agenda shows the same) and the pages meant for print.
    let bar = match (&route, route.plan_id()) {
        (Route::Present(..) | Route::PresentStep(..) | Route::Workshop(_) | Route::Summary(_) | Route::PlanWorksheet(..), _) | (_, None) => None,
        (_, Some(id)) => Some(view! { <super::agenda::AgendaBar id=id.clone()/> }),
    };
    view! {
        {bar}
        <Show
            when=has_plan
            fallback=move || view! {
                <div class="page">
                    <h1>{t.not_found_title}</h1>
                    <p>{t.plan_not_found}</p>
                    <p><a href="#/">{t.go_to_plans}</a></p>
                </div>
            }
        >
            {
                let route = route.clone();
                move || match route.clone() {
                    Route::Overview(_) => view! { <Overview/> }.into_any(),
                    Route::Block(id, block) => view! { <BlockScreen id=id block=block/> }.into_any(),
                    Route::Step(id, step) => view! { <StepScreen id=id step=step/> }.into_any(),
                    Route::Check(id) => view! { <CheckScreen id=id/> }.into_any(),
                    Route::Present(id, block) => view! { <PresentScreen id=id slide=Slide::Block(block)/> }.into_any(),
                    Route::PresentStep(id, step) => view! { <PresentScreen id=id slide=Slide::Step(step)/> }.into_any(),
                    Route::Dashboard(id) => view! {
                        <Suspense fallback=|| ()>{Suspend::new(async move { super::operative::lazy_dashboard(id).await.unwrap_or_else(|_| super::part_failed()) })}</Suspense>
                    }.into_any(),
                    Route::Review(id, month) => view! {
                        <Suspense fallback=|| ()>{Suspend::new(async move { super::review::lazy_review(id, month).await.unwrap_or_else(|_| super::part_failed()) })}</Suspense>
                    }.into_any(),
                    Route::Summary(id) => view! {
                        <Suspense fallback=|| ()>{Suspend::new(async move { super::summary::summary_screen(id).await.unwrap_or_else(|_| super::part_failed()) })}</Suspense>
                    }.into_any(),
                    Route::PlanWorksheet(_, block) => view! {
                        <Suspense fallback=|| ()>{Suspend::new(async move { super::worksheet::sheet(block).await.unwrap_or_else(|_| super::part_failed()) })}</Suspense>
                    }.into_any(),
                    Route::Workshop(id) => view! {
                        <Suspense fallback=|| ()>{Suspend::new(async move { super::workshop::lazy_workshop(id).await.unwrap_or_else(|_| super::part_failed()) })}</Suspense>
                    }.into_any(),
                    Route::Plans | Route::NotFound | Route::Worksheet(_) | Route::Import(_) => ().into_any(),
                }
            }
        </Show>
    }
}

/// Plans › plan › phase › block, as links.
#[component]
fn Breadcrumb(id: Id, #[prop(optional)] block: Option<Block>, #[prop(optional)] step: Option<Step>, #[prop(optional)] check: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let name = move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let overview = Route::Overview(id.clone()).href();
    let block_link = block.map(|b| (Route::Block(id.clone(), b).href(), b));
    view! {
        <nav class="breadcrumb" aria-label=t.breadcrumb>
            <ol>
                <li><a href="#/">{t.nav_plans}</a></li>
                <li><a href=overview>{name}</a></li>
                {block_link.map(|(href, b)| view! {
                    <li>{t.phase(b.phase())}</li>
                    <li><a href=href.clone() aria-current=(step.is_none() && !check).then_some("page")>{t.block(b)}</a></li>
                })}
                {step.map(|s| view! { <li aria-current="page">{t.step(s)}</li> })}
                {check.then(|| view! { <li aria-current="page">{t.plan_check_title}</li> })}
            </ol>
        </nav>
    }
}

/// A building block: its title, purpose, place in the model and how complete it is.
#[component]
fn BlockScreen(id: Id, block: Block) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    // Worked out once per change of the plan; the line is written again only when it differs.
    let progress = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| block_progress(p, block)).unwrap_or_default()));
    let steps = (block == Block::StrategicPlan).then(|| {
        let id = id.clone();
        view! {
            <section class="card" aria-labelledby="steps-title">
                <h2 id="steps-title">{t.steps_title}</h2>
                <p class="hint">{t.order_hint}</p>
                <StepList id=id current=None/>
            </section>
        }
    });
    view! {
        <div class="page">
            <Breadcrumb id=id.clone() block=block/>
            <p class="eyebrow">{fill(t.part_of_phase, &[("phase", t.phase(block.phase()))])}</p>
            <h1>{t.block(block)}</h1>
            <p class="lead">{t.block_purpose(block)}</p>
            <p class="progress-line" data-testid="block-progress">
                {move || {
                    let p = progress.try_get().unwrap_or_default();
                    fill(&t.count(t.parts_filled, p.total as usize), &[("done", &p.done.to_string())])
                }}
            </p>
            {steps}
            {super::fields::block_editor(block).map(|editor| view! { <section class="card editor">{editor}</section> {block_end(id.clone(), block)} })}
            // An editor in a part of its own: the links after it come with it, so they do
            // not move down the page when it arrives.
            {(!super::fields::has_editor(block)).then(|| {
                let plan = id.clone();
                view! {
                    <Suspense fallback=|| ()>
                        {Suspend::new(async move {
                            let editor = match block.phase() {
                                crate::model::Phase::Information => super::information::lazy_editor(block, plan.clone()).await,
                                crate::model::Phase::Strategy => super::strategy::lazy_block_editor(block).await,
                                crate::model::Phase::Operative => super::operative::lazy_editor(block, plan.clone()).await,
                            }
                            .unwrap_or_else(|_| super::part_failed());
                            view! { <section class="card editor">{editor}</section> {block_end(plan, block)} }
                        })}
                    </Suspense>
                }
            })}
        </div>
    }
}

/// What follows a block's editor: the next place in the method, projector mode, the
/// overview and the block's worksheet.
fn block_end(id: Id, block: Block) -> impl IntoView {
    let t = expect_context::<AppState>().texts();
    view! {
        <NextLink id=id.clone() from=Place::Block(block)/>
        <p>
            <a href=Route::Present(id.clone(), block).href() data-testid="present-link" title=t.present_label>{t.present}</a>" · "
            <a href=Route::Overview(id.clone()).href()>{t.back_to_overview}</a>
            {Block::WORKSHEETS.contains(&block).then(|| view! { " · "<a href=Route::PlanWorksheet(id.clone(), block).href() data-testid="worksheet-link">{t.worksheet_link}</a> })}
        </p>
    }
}

/// The seven steps as links, each marked done or open.
#[component]
fn StepList(id: Id, current: Option<Step>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    view! {
        <ol class="step-list">
            {Step::ALL.map(|s| {
                let done = Memo::new(move |_| state.plan.with(|p| p.as_ref().is_some_and(|p| step_done(p, s))));
                view! {
                    <li class:done=move || done.try_get().unwrap_or(false)>
                        <a href=Route::Step(id.clone(), s).href() aria-current=(current == Some(s)).then_some("step")>
                            <span class="step-number">{s.number()}</span>
                            <span>{t.step(s)}</span>
                        </a>
                        <span class="badge">{move || if done.try_get().unwrap_or(false) { t.step_done } else { t.step_open }}</span>
                    </li>
                }
            })}
        </ol>
    }
}

/// One step of the strategic plan, with the way to the previous and next step.
#[component]
fn StepScreen(id: Id, step: Step) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let previous = step.number().checked_sub(1).and_then(Step::from_number).map(|s| Route::Step(id.clone(), s).href());
    let next = Step::from_number(step.number() + 1).map(|s| Route::Step(id.clone(), s).href());
    let last = next.is_none();
    view! {
        <div class="page">
            <Breadcrumb id=id.clone() block=Block::StrategicPlan step=step/>
            <p class="eyebrow">{fill(t.step_of, &[("number", &step.number().to_string())])}</p>
            <h1>{t.step(step)}</h1>
            <p class="lead">{t.step_purpose(step)}</p>
            {super::fields::step_editor(step).map(|editor| view! { <section class="card editor">{editor}</section> })}
            {(step != Step::Mission).then(|| view! {
                <Suspense fallback=|| ()>
                    {Suspend::new(async move {
                        let editor = super::strategy::lazy_step_editor(step).await.unwrap_or_else(|_| super::part_failed());
                        view! { <section class="card editor">{editor}</section> }
                    })}
                </Suspense>
            })}
            <nav class="step-nav" aria-label=t.steps_title>
                {previous.map(|href| view! { <a href=href rel="prev">{t.previous_step}</a> })}
                {next.map(|href| view! { <a href=href rel="next">{t.next_step}</a> })}
            </nav>
            {last.then(|| view! { <NextLink id=id.clone() from=Place::Step(step)/> })}
            <p><a href=Route::PresentStep(id.clone(), step).href() data-testid="present-link" title=t.present_label>{t.present}</a></p>
            <section class="card">
                <h2>{t.steps_title}</h2>
                <StepList id=id current=Some(step)/>
            </section>
        </div>
    }
}

super::on_demand! { present:
/// A block or step of the report, for the projector: built by code loaded when first presented.
fn present_html(plan: crate::model::Plan, lang: crate::i18n::Lang, today: crate::model::Date, slide: Slide) -> String {
    match slide {
        Slide::Block(block) => crate::report::block_html(&plan, lang, &today, block),
        Slide::Step(step) => crate::report::step_html(&plan, lang, &today, step),
    }
}
}

/// A block or a step on the projector: large type, read-only, nothing but its content.
/// ← and → go through the blocks (and the strategic plan's steps) in the method's order,
/// or the agenda's while a session runs; Esc goes back to editing.
#[component]
fn PresentScreen(id: Id, slide: Slide) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let neighbours = move |slide| state.plan.with_untracked(|p| p.as_ref().map(|p| super::agenda::neighbours(p, slide))).unwrap_or_default();
    // The links follow the session: started or reset in another window, they change too.
    let session = super::agenda::clock(&id);
    let around = Memo::new(move |_| {
        session.track();
        neighbours(slide)
    });
    let link = {
        let id = id.clone();
        move |pick: fn((Option<Slide>, Option<Slide>)) -> Option<Slide>| around.try_get().and_then(pick).map(|s| s.route(id.clone()).href())
    };
    let (previous, next) = (link.clone(), link);
    let back = slide.editing(id.clone());
    // The keys go by the address as it is when pressed, not by the screen shown: while one
    // screen makes way for the next, or when a key follows another at once, a key means
    // the slide the address names.
    let keys = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        // Alt+← is the browser's "back", Ctrl and Cmd keys belong to it too.
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let route = Route::parse(&super::current_hash());
        let (Some(id), Some(slide)) = (route.plan_id().cloned(), Slide::of(&route)) else { return };
        let (previous, next) = neighbours(slide);
        let target = match ev.key().as_str() {
            "ArrowLeft" | "PageUp" => previous.map(|s| s.route(id)),
            "ArrowRight" | "PageDown" | " " => next.map(|s| s.route(id)),
            "Escape" => Some(slide.editing(id)),
            _ => None,
        };
        if let Some(route) = target {
            ev.prevent_default();
            super::state::navigate(&route);
        }
    });
    on_cleanup(move || keys.remove());
    let content = state.plan.get_untracked().map(|plan| {
        let lang = state.lang.get_untracked();
        view! {
            <Suspense fallback=|| ()>
                {Suspend::new(async move {
                    match present_html(plan, lang, super::state::today(), slide).await {
                        Ok(html) if html.trim().is_empty() => view! { <p class="hint">{t.present_empty}</p> }.into_any(),
                        Ok(html) => view! { <div class="present-body" inner_html=html></div> }.into_any(),
                        Err(_) => super::part_failed(),
                    }
                })}
            </Suspense>
        }
    });
    let (eyebrow, title) = match slide {
        Slide::Block(b) => (t.phase(b.phase()).to_owned(), t.block(b).to_owned()),
        Slide::Step(s) => (t.block(Block::StrategicPlan).to_owned(), format!("{}. {}", s.number(), t.step(s))),
    };
    view! {
        <div class="present" data-testid="present">
            <super::agenda::PresentTimer id=id.clone() block=slide.block()/>
            <p class="present-phase">{eyebrow}</p>
            <h1>{title}</h1>
            {content}
            <nav class="present-nav" aria-label=t.present_keys>
                {move || previous(|(p, _)| p).map(|href| view! { <a href=href rel="prev" aria-label=t.previous_step>"←"</a> })}
                <a href=back.href() data-testid="present-exit">{t.present_keys}</a>
                {move || next(|(_, n)| n).map(|href| view! { <a href=href rel="next" aria-label=t.next_step>"→"</a> })}
            </nav>
        </div>
    }
}

/// The plan check that closes the seven steps, with the strategy map: where step 7 leads.
#[component]
fn CheckScreen(id: Id) -> impl IntoView {
    let t = expect_context::<AppState>().texts();
    view! {
        <div class="page">
            <Breadcrumb id=id.clone() block=Block::StrategicPlan check=true/>
            <p class="eyebrow">{t.block(Block::StrategicPlan)}</p>
            <h1>{t.plan_check_title}</h1>
            <Suspense fallback=|| ()>
                {Suspend::new(async move {
                    let editor = super::strategy::lazy_block_editor(Block::StrategicPlan).await.unwrap_or_else(|_| super::part_failed());
                    view! { <section class="card editor">{editor}</section> }
                })}
            </Suspense>
            <NextLink id=id.clone() from=Place::PlanCheck/>
            <p><a href=Route::Block(id, Block::StrategicPlan).href()>{t.block(Block::StrategicPlan)}</a></p>
        </div>
    }
}

/// The link to the next place in the method's order, at the end of a block or the last
/// step: where a team goes on from here.
#[component]
fn NextLink(id: Id, from: Place) -> impl IntoView {
    let t = expect_context::<AppState>().texts();
    let (route, name) = match from.next() {
        Some(Place::Block(b)) => {
            let name = if b.phase() == from_phase(from) { t.block(b).to_owned() } else { format!("{} · {}", t.phase(b.phase()), t.block(b)) };
            (Route::Block(id, b), name)
        }
        Some(Place::Step(s)) => (Route::Step(id, s), format!("{} {}", s.number(), t.step(s))),
        Some(Place::PlanCheck) => (Route::Check(id), t.plan_check_title.to_owned()),
        Some(Place::Dashboard) => (Route::Dashboard(id), t.dashboard.to_owned()),
        None => return None::<AnyView>.into_any(),
    };
    view! {
        <p class="next-place">
            <a class="button" href=route.href() rel="next" data-testid="next-place">{fill(t.next_in_method, &[("name", &name)])}" →"</a>
        </p>
    }
    .into_any()
}

fn from_phase(place: Place) -> crate::model::Phase {
    match place {
        Place::Block(b) => b.phase(),
        Place::Step(_) | Place::PlanCheck => crate::model::Phase::Strategy,
        Place::Dashboard => crate::model::Phase::Operative,
    }
}

