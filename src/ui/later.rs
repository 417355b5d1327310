//! The first screen drawn in steps. A first visit runs every function of the app's code
//! for the first time, and the browser compiles each one at its first call, in the task
//! that calls it: drawn in one go, the plan list held the page for one long task. Drawn
//! as the header and the page's top first, then the sections below it in tasks of their
//! own, the page answers between the steps; what the app sets up for later (the service
//! worker) comes after them.

use leptos::prelude::*;
use std::cell::{Cell, RefCell};

thread_local! {
    /// Whether the app's first screen is still being drawn.
    static FIRST_SCREEN: Cell<bool> = const { Cell::new(true) };
    /// What waits for the first screen.
    static AFTER: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Draws its children in a task of its own after the current one while the app's first
/// screen is drawn, and at once afterwards (a screen shown later is drawn whole, so it
/// never shows half). Sections drawn this way come in the order they are declared; what
/// follows the first of them on the page should be drawn this way too, so nothing already
/// shown moves down.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    if !FIRST_SCREEN.with(Cell::get) {
        return children().into_any();
    }
    let shown = RwSignal::new(false);
    super::next_task(move || shown.set(true));
    (move || shown.get().then(|| children())).into_any()
}

/// Runs `f` once the first screen is drawn, sections and all (at once if it is).
pub fn after_first_screen(f: impl FnOnce() + 'static) {
    if FIRST_SCREEN.with(Cell::get) {
        AFTER.with(|a| a.borrow_mut().push(Box::new(f)));
    } else {
        f();
    }
}

/// Called once the app is mounted: its sections are queued by then, so the task queued
/// now comes after theirs. From then on each `Later` is drawn at once.
pub(super) fn first_screen_mounted() {
    super::next_task(|| {
        FIRST_SCREEN.with(|s| s.set(false));
        for f in AFTER.with(|a| a.take()) {
            f();
        }
    });
}
