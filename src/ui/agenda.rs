//! The session's agenda on screen: the facilitator's card on the Workshop screen (blocks,
//! minutes, start, pause, reset), the bar that shows the block being worked on and its
//! minutes above the plan's screens, and the countdown on the projector. The clock
//! (`model::agenda::Clock`) is kept in this browser's storage, per plan, so a reload in the
//! middle of a workshop loses no time and a projector in a second window follows the
//! facilitator's pause and reset; it is not part of the plan and never autosaved.

use super::state::{navigate, AppState};
use crate::i18n::{fill, Texts};
use crate::model::agenda::{clock_face, Clock, ClockState, DEFAULT_MINUTES, MAX_MINUTES};
use crate::model::{Block, Id, Phase, Step};
use crate::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The clock of the plan last asked for.
    static CLOCK: std::cell::RefCell<Option<(Id, ArcRwSignal<Clock>)>> = const { std::cell::RefCell::new(None) };
    /// Whether this window follows other windows' clocks (`storage` events).
    static FOLLOWING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn key(plan: &Id) -> String {
    format!("{}{}", crate::storage::CLOCK_PREFIX, plan.as_str())
}

/// The session clock of `plan`, read from storage the first time.
pub fn clock(plan: &Id) -> ArcRwSignal<Clock> {
    follow_other_windows();
    CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        match c.as_ref() {
            Some((id, signal)) if id == plan => signal.clone(),
            _ => {
                let stored = crate::storage::local().and_then(|s| s.get_item(&key(plan)).ok().flatten()).and_then(|t| Clock::from_text(&t));
                let signal = ArcRwSignal::new(stored.unwrap_or_default());
                *c = Some((plan.clone(), signal.clone()));
                signal
            }
        }
    })
}

/// Another window of this browser changed a clock (the projector on a second screen, the
/// facilitator's laptop): this window's copy follows.
fn follow_other_windows() {
    if FOLLOWING.with(|f| f.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let on_storage = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(|ev: web_sys::StorageEvent| {
        let Some(changed) = ev.key() else { return };
        CLOCK.with(|c| {
            if let Some((id, signal)) = c.borrow().as_ref() {
                if changed == key(id) {
                    let clock = ev.new_value().and_then(|t| Clock::from_text(&t)).unwrap_or_default();
                    if signal.with_untracked(|c| *c != clock) {
                        signal.set(clock);
                    }
                }
            }
        });
    });
    let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    on_storage.forget();
}

/// Changes the clock of `plan` and keeps it.
pub fn change_clock(plan: &Id, f: impl FnOnce(&mut Clock, f64)) {
    let signal = clock(plan);
    let mut next = signal.get_untracked();
    f(&mut next, js_sys::Date::now());
    // Screens hear of the clock only when it changed.
    if signal.with_untracked(|c| *c != next) {
        if let Some(s) = crate::storage::local() {
            // Full storage only means a reload would start the clock again.
            let _ = s.set_item(&key(plan), &next.to_text());
        }
        signal.set(next);
    }
}

/// The time now, in milliseconds, new every second while the calling component lives.
fn ticking() -> ReadSignal<f64> {
    let (now, set_now) = signal(js_sys::Date::now());
    if let Ok(handle) = set_interval_with_handle(move || set_now.set(js_sys::Date::now()), std::time::Duration::from_millis(1000)) {
        on_cleanup(move || handle.clear());
    }
    now
}

/// "12:34 left" or "2:05 over".
fn left_text(t: &Texts, seconds: i64) -> String {
    let face = clock_face(seconds);
    if seconds >= 0 {
        fill(t.agenda_left, &[("time", &face)])
    } else {
        fill(t.agenda_over, &[("time", &face)])
    }
}

/// "1 h 45 min" or "45 min".
pub fn duration_text(t: &Texts, minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    if h > 0 && m == 0 {
        fill(t.agenda_hours_only, &[("h", &h.to_string())])
    } else if h > 0 {
        fill(t.agenda_hours, &[("h", &h.to_string()), ("m", &m.to_string())])
    } else {
        fill(t.agenda_minutes_short, &[("m", &m.to_string())])
    }
}

/// What the projector shows on one screen: a block, or a step of the strategic plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    Block(Block),
    Step(Step),
}

impl Slide {
    /// The block the slide belongs to (a step's is the strategic plan).
    pub fn block(self) -> Block {
        match self {
            Slide::Block(b) => b,
            Slide::Step(_) => Block::StrategicPlan,
        }
    }

    pub fn route(self, id: Id) -> Route {
        match self {
            Slide::Block(b) => Route::Present(id, b),
            Slide::Step(s) => Route::PresentStep(id, s),
        }
    }

    /// Where the slide's content is edited.
    pub fn editing(self, id: Id) -> Route {
        match self {
            Slide::Block(b) => Route::Block(id, b),
            Slide::Step(s) => Route::Step(id, s),
        }
    }

    /// The slide a projector's address shows.
    pub fn of(route: &Route) -> Option<Slide> {
        match route {
            Route::Present(_, b) => Some(Slide::Block(*b)),
            Route::PresentStep(_, s) => Some(Slide::Step(*s)),
            _ => None,
        }
    }
}

/// The slides before and after `at` the way the session goes: the blocks of the agenda
/// while a session runs and the slide's block is on it, else every block in the method's
/// order; the strategic plan followed by its seven steps.
pub fn neighbours(plan: &crate::model::Plan, at: Slide) -> (Option<Slide>, Option<Slide>) {
    let in_session = clock(&plan.id).with_untracked(|c| c.state != ClockState::Idle);
    let blocks: Vec<Block> = if in_session && plan.agenda_minutes(at.block()).is_some() {
        plan.workshop.agenda.iter().map(|i| i.block).collect()
    } else {
        Block::ALL.to_vec()
    };
    let slides: Vec<Slide> = blocks
        .into_iter()
        .flat_map(|b| std::iter::once(Slide::Block(b)).chain(Step::ALL.into_iter().filter(move |_| b == Block::StrategicPlan).map(Slide::Step)))
        .collect();
    match slides.iter().position(|s| *s == at) {
        Some(i) => (i.checked_sub(1).map(|j| slides[j]), slides.get(i + 1).copied()),
        None => (None, None),
    }
}

/// The block a screen belongs to, for the agenda: a block's own screen, its projector
/// view, and the strategic plan's steps and check.
pub fn block_of(route: &Route) -> Option<Block> {
    match route {
        Route::Block(_, b) | Route::Present(_, b) => Some(*b),
        Route::Step(..) | Route::Check(_) | Route::PresentStep(..) => Some(Block::StrategicPlan),
        _ => None,
    }
}

/// How long a block of the agenda is on screen before it becomes the one worked on: a
/// glance at the next slide, and back, leaves the clock as it was.
const DWELL: std::time::Duration = std::time::Duration::from_secs(10);

/// Opening a block of the agenda while the session runs makes it the one worked on, once
/// it has been on screen for `DWELL`.
pub fn follow_route(route: &Route) {
    let state = expect_context::<AppState>();
    let (Some(id), Some(block)) = (route.plan_id().cloned(), block_of(route)) else { return };
    // A memo: typing in the plan changes nothing here, so it sets no timer.
    let on_agenda = {
        let id = id.clone();
        Memo::new(move |_| state.plan.with(|p| p.as_ref().is_some_and(|p| p.id == id && p.agenda_minutes(block).is_some())))
    };
    Effect::new(move |_| {
        let waiting = clock(&id).with_untracked(|c| c.state != ClockState::Idle && c.current != Some(block));
        if on_agenda.get() && waiting {
            let id = id.clone();
            set_timeout(
                move || {
                    let still = state.route.try_get_untracked().is_some_and(|r| r.plan_id() == Some(&id) && block_of(&r) == Some(block));
                    if still {
                        change_clock(&id, |c, now| c.show(block, now));
                    }
                },
                DWELL,
            );
        }
    });
}

/// The block being worked on and its minutes while a session runs, if it is on the
/// agenda, and the seconds left of them (below zero: the time over).
fn now_on(state: AppState, clock: &ArcRwSignal<Clock>, now: f64) -> Option<(Block, i64)> {
    let block = clock.with(|c| (c.state != ClockState::Idle).then_some(c.current).flatten())?;
    let minutes = state.plan.with(|p| p.as_ref().and_then(|p| p.agenda_minutes(block)))?;
    Some((block, clock.with(|c| c.left(block, minutes, now))))
}

/// The block being worked on and its minutes, above the screens of the plan while a
/// session runs, with the way to the next block of the agenda. Not on the Workshop screen
/// (its agenda shows the same) nor on the pages meant for print.
#[component]
pub fn AgendaBar(id: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let clock = clock(&id);
    let active = {
        let clock = clock.clone();
        move || now_on(state, &clock, 0.0).is_some()
    };
    view! {
        <Show when=active>
            {
                let clock = clock.clone();
                let id = id.clone();
                move || {
                    let now = ticking();
                    let paused = {
                        let clock = clock.clone();
                        move || clock.with(|c| c.state == ClockState::Paused)
                    };
                    let clock = clock.clone();
                    // Once a second: the block, its time, and whether it is over.
                    let on = Memo::new(move |_| now_on(state, &clock, now.try_get().unwrap_or_default()));
                    let line = move || {
                        let Some((block, left)) = on.try_get().flatten() else { return String::new() };
                        let mut line = format!("{} · {}", fill(t.agenda_now, &[("name", t.block(block))]), left_text(t, left));
                        if paused() {
                            line = format!("{line} · {}", t.agenda_paused);
                        }
                        line
                    };
                    let over = move || on.try_get().flatten().is_some_and(|(_, left)| left < 0);
                    let next = {
                        let id = id.clone();
                        move || {
                            let (current, _) = on.try_get().flatten()?;
                            let next = state.plan.with(|p| p.as_ref().and_then(|p| p.agenda_neighbours(current)).and_then(|(_, n)| n))?;
                            Some(view! {
                                <a href=Route::Block(id.clone(), next).href() data-testid="agenda-next">
                                    {fill(t.agenda_next, &[("name", t.block(next))])}<span aria-hidden="true">" →"</span>
                                </a>
                            })
                        }
                    };
                    view! {
                        <section class="agenda-bar" class:over=over aria-label=t.agenda_title data-testid="agenda-bar">
                            <span role="timer">{line}</span>
                            {next}
                            <a href=Route::Workshop(id.clone()).href()>{t.agenda_open}</a>
                        </section>
                    }
                }
            }
        </Show>
    }
}

/// The countdown of a block on the projector, with its place on the agenda: shown while a
/// session runs and the block is on the agenda; no control, nothing in the way.
#[component]
pub fn PresentTimer(id: Id, block: Block) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let clock = clock(&id);
    let shown = {
        let clock = clock.clone();
        move || clock.with(|c| c.state != ClockState::Idle) && state.plan.with(|p| p.as_ref().is_some_and(|p| p.agenda_minutes(block).is_some()))
    };
    view! {
        <Show when=shown>
            {
                let clock = clock.clone();
                move || {
                    let now = ticking();
                    let clock = clock.clone();
                    let left = Memo::new(move |_| {
                        let minutes = state.plan.with(|p| p.as_ref().and_then(|p| p.agenda_minutes(block))).unwrap_or(0);
                        clock.with(|c| c.left(block, minutes, now.try_get().unwrap_or_default()))
                    });
                    let place = move || {
                        state.plan.with(|p| {
                            let agenda = p.as_ref().map(|p| &p.workshop.agenda[..]).unwrap_or(&[]);
                            let n = agenda.iter().position(|i| i.block == block).map_or(0, |i| i + 1);
                            fill(t.agenda_position, &[("n", &n.to_string()), ("total", &agenda.len().to_string())])
                        })
                    };
                    view! {
                        <p class="present-timer" class:over=move || left.try_get().unwrap_or_default() < 0 role="timer" data-testid="present-timer">
                            <span class="present-timer-place">{place}</span>" · "{move || left_text(t, left.try_get().unwrap_or_default())}
                        </p>
                    }
                }
            }
        </Show>
    }
}

/// The facilitator's card on the Workshop screen: which blocks, how many minutes, and the
/// session's clock with each block's time.
#[component]
pub fn AgendaCard(id: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let clock = clock(&id);
    let now = ticking();
    let agenda = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| p.workshop.agenda.clone()).unwrap_or_default()));
    let total = Memo::new(move |_| state.plan.with(|p| p.as_ref().map_or(0, |p| p.agenda_total())));
    let error = RwSignal::new(None::<Block>);
    let clock_state = {
        let clock = clock.clone();
        Memo::new(move |_| clock.with(|c| c.state))
    };
    let total_text = move || {
        agenda.try_with(|a| if a.is_empty() { t.agenda_empty.to_owned() } else { fill(&t.count(t.agenda_total, a.len()), &[("time", &duration_text(t, total.get()))]) }).unwrap_or_default()
    };
    let start = {
        let id = id.clone();
        move |_| {
            let Some(first) = agenda.with_untracked(|a| a.first().map(|i| i.block)) else { return };
            change_clock(&id, |c, now| {
                c.reset();
                c.start(first, now);
            });
            navigate(&Route::Present(id.clone(), first));
        }
    };
    let pause = {
        let id = id.clone();
        move |_| change_clock(&id, |c, now| if c.state == ClockState::Running { c.pause(now) } else { c.resume(now) })
    };
    let reset = {
        let id = id.clone();
        move |_| {
            // A whole session's times: asked first.
            if web_sys::window().and_then(|w| w.confirm_with_message(t.agenda_reset_confirm).ok()) != Some(true) {
                return;
            }
            change_clock(&id, |c, _| c.reset());
            super::refocus("agenda-start");
        }
    };
    let phase = move |phase: Phase| {
        let rows = phase
            .blocks()
            .map(|block| {
                // The clock outlives the screen: what it wakes after the screen went reads nothing.
                let minutes = move || agenda.try_with(|a| a.iter().find(|i| i.block == block).map(|i| i.minutes)).flatten();
                let input_id = format!("agenda-{}", block.slug());
                let message_id = format!("agenda-{}-message", block.slug());
                let plan = id.clone();
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    error.set(None);
                    let next = state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.agenda_neighbours(block)).and_then(|(_, next)| next));
                    state.edit(|p| p.set_agenda(block, on.then_some(DEFAULT_MINUTES)));
                    if !on {
                        // Taken off while worked on: the next block of the agenda takes over.
                        change_clock(&plan, |c, now| c.drop_block(block, next, now));
                    }
                };
                let set_minutes = move |ev: leptos::ev::Event| match event_target_value(&ev).trim().parse::<u16>() {
                    Ok(m) if (1..=MAX_MINUTES).contains(&m) => {
                        error.set(None);
                        state.edit(|p| p.set_agenda(block, Some(m)));
                    }
                    _ => error.set(Some(block)),
                };
                let clock = clock.clone();
                let current = {
                    let clock = clock.clone();
                    move || clock.with(|c| c.state != ClockState::Idle && c.current == Some(block))
                };
                let countdown = move || {
                    if clock_state.try_get()? == ClockState::Idle {
                        return None;
                    }
                    let m = minutes()?;
                    let left = clock.with(|c| c.left(block, m, now.try_get().unwrap_or_default()));
                    Some(view! { <span class="agenda-left" class:over=left < 0>{left_text(t, left)}</span> })
                };
                let invalid = move || error.get() == Some(block);
                view! {
                    <li class="agenda-row" class:current=current.clone() aria-current=move || current().then_some("true") data-block=block.slug()>
                        <label class="agenda-pick">
                            <input type="checkbox" data-testid="agenda-pick" prop:checked=move || minutes().is_some() on:change=toggle/>
                            {t.block(block)}
                        </label>
                        <span class="agenda-minutes" hidden=move || minutes().is_none()>
                            <input id=input_id.clone() type="number" min="1" max=MAX_MINUTES.to_string() step="1" inputmode="numeric"
                                aria-label=fill(t.agenda_minutes_for, &[("block", t.block(block))]) aria-describedby=message_id.clone()
                                aria-invalid=move || invalid().then_some("true")
                                data-testid="agenda-minutes" prop:value=move || minutes().map(|m| m.to_string()).unwrap_or_default() on:change=set_minutes/>
                            {t.agenda_minutes_unit}
                        </span>
                        {countdown}
                        <span id=message_id class="field-message" role="status">
                            {move || invalid().then(|| fill(t.agenda_minutes_error, &[("max", &MAX_MINUTES.to_string())]))}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <fieldset class="agenda-phase">
                <legend>{t.phase(phase)}</legend>
                <ul class="agenda-list">{rows}</ul>
            </fieldset>
        }
    };
    let idle = move || clock_state.try_get() == Some(ClockState::Idle);
    view! {
        <section class="card agenda" aria-labelledby="ws-agenda">
            <h2 id="ws-agenda" tabindex="-1">{t.agenda_title}</h2>
            <p class="hint">{t.agenda_intro}</p>
            {Phase::ALL.map(phase)}
            <p class="agenda-total" data-testid="agenda-total">{total_text}</p>
            <p class="hint" data-testid="agenda-clock">
                {move || match clock_state.try_get() {
                    Some(ClockState::Idle) => t.agenda_idle,
                    Some(ClockState::Paused) => t.agenda_paused,
                    _ => "",
                }}
            </p>
            // The buttons stay where they are, so the keyboard's focus stays on them.
            <div class="actions">
                <button type="button" id="agenda-start" class="primary" data-testid="agenda-start" hidden=move || !idle()
                    disabled=move || agenda.try_with(Vec::is_empty).unwrap_or(true) on:click=start>{t.agenda_start}</button>
                <button type="button" data-testid="agenda-pause" hidden=idle on:click=pause>
                    {move || if clock_state.try_get() == Some(ClockState::Paused) { t.agenda_resume } else { t.agenda_pause }}
                </button>
                <button type="button" data-testid="agenda-reset" hidden=idle on:click=reset>{t.agenda_reset}</button>
            </div>
        </section>
    }
}
