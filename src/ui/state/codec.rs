//! The plan reader and writer (`crate::model::PlanCodec`), a part of the app of its own:
//! loaded at start when plans are stored, else with the first plan created, imported or
//! opened.

use super::{AppState, NoticeKind};
use crate::model::file_format::Codec;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::cell::Cell;

thread_local! {
    static CODEC: Cell<Option<&'static dyn Codec>> = const { Cell::new(None) };
    /// Loading has started (`warm_up_codec`, `warm_up_codec_when_idle`).
    static STARTED: Cell<bool> = const { Cell::new(false) };
    /// Loaded in idle time, with no sign yet that a plan comes next: the overview is not
    /// drawn unseen until there is one (a task too long for a page that is still loading).
    static UNASKED: Cell<bool> = const { Cell::new(false) };
    /// The reader's warm-up is done.
    static READER_WARM: Cell<bool> = const { Cell::new(false) };
    /// The overview was drawn unseen, or is about to be.
    static OVERVIEW_WARM: Cell<bool> = const { Cell::new(false) };
    /// A file is being imported (`importing`).
    static IMPORTING: Cell<bool> = const { Cell::new(false) };
}

/// The plan reader and writer, once loaded. A plan is only ever open after it was read or
/// created through it, so code that works on the open plan finds it loaded.
pub fn codec() -> Option<&'static dyn Codec> {
    CODEC.with(Cell::get)
}

/// Loads the plan reader and writer: at start when plans are stored, else when the
/// first plan is created, imported or opened. `None` when its part cannot be fetched.
pub async fn load_codec() -> Option<&'static dyn Codec> {
    UNASKED.set(false);
    load().await
}

async fn load() -> Option<&'static dyn Codec> {
    if let Some(c) = codec() {
        return Some(c);
    }
    // A plan's screens are what comes next: their part is fetched at the same time
    // (also at start, before the app is mounted, so not through Leptos' executor).
    wasm_bindgen_futures::spawn_local(async {
        let _ = crate::ui::screen::preload_plan_screens().await;
    });
    wasm_bindgen_futures::spawn_local(async {
        let _ = crate::ui::preload_english_texts().await;
    });
    let c = codec_part().await.ok()?;
    // Two callers may have waited for the part: the first to get it warms it up.
    if codec().is_none() {
        CODEC.with(|x| x.set(Some(c)));
        crate::ui::after_paint(move || warm_up(c));
    }
    Some(c)
}

/// Runs the reader on its small plan (`Codec::warm_up`), in short tasks so the page
/// answers a click or a key at once meanwhile, until it has read about a large plan's
/// worth of text, real plans included (`file_format::WARM_UP_BYTES`); marked as
/// `socialplan:warm-up` in the performance timeline. Then the overview, unless the reader
/// was loaded unasked. While a file is being imported it waits: that is the work it
/// prepares for, and the two would share the processor.
fn warm_up(c: &'static dyn Codec) {
    if IMPORTING.get() {
        set_timeout(move || warm_up(c), std::time::Duration::from_millis(200));
        return;
    }
    // Unasked, the page may still be loading (on a slow phone a task four times as
    // long); asked, the user is about to choose a file.
    let slice_ms = if UNASKED.get() { 5.0 } else { 15.0 };
    let timing = super::browser::Timing::start("socialplan:warm-up");
    let clock = web_sys::window().and_then(|w| w.performance());
    let now = || clock.as_ref().map_or(0.0, web_sys::Performance::now);
    let start = now();
    let mut going = c.warm_up();
    while going && now() - start < slice_ms {
        going = c.warm_up();
    }
    timing.end();
    if going {
        crate::ui::next_task(move || warm_up(c));
    } else {
        READER_WARM.set(true);
        // Marked as `socialplan:reader-ready` (no duration) in the performance timeline.
        super::browser::Timing::start("socialplan:reader-ready").end();
        if !UNASKED.get() {
            warm_up_overview(c);
        }
    }
}

/// Draws the overview of the reader's small plan unseen, once, in a task of its own: the
/// screen a plan opens on is then drawn at once the first time too. Not while a file is
/// being imported: its overview is drawn next anyway.
fn warm_up_overview(c: &'static dyn Codec) {
    if OVERVIEW_WARM.replace(true) {
        return;
    }
    let Some(plan) = c.specimen() else { return };
    set_timeout(
        move || {
            if IMPORTING.get() {
                return;
            }
            let timing = super::browser::Timing::start("socialplan:warm-up-overview");
            leptos::task::spawn_local(async move {
                let _ = crate::ui::screen::warm_up_overview(plan).await;
                timing.end();
            });
        },
        std::time::Duration::ZERO,
    );
}

/// A file is being imported (`true`, from its choice) or no longer (`false`, once its
/// screen is drawn): the warm-ups wait meanwhile.
pub fn importing(now: bool) {
    IMPORTING.set(now);
}

/// Whether a file is being imported (see `importing`).
pub fn is_importing() -> bool {
    IMPORTING.get()
}

/// Gets the plan reader (with the screens of a plan) ready while the browser is idle, on a
/// later visit with no plan stored (with plans, it loads at start): the service worker
/// serves the app's files from this browser's cache, and a file dropped then opens about
/// as fast as one dropped after pointing at the import. Not on a first visit: the worker's
/// precache would fetch the same files, and setting the reader up takes tasks of 40–70 ms
/// (compiling, the first runs) while the page is still loading, four times as long on a
/// slow phone. The warm-up itself runs in short tasks.
pub fn warm_up_codec_when_idle() {
    fn load_unasked() {
        if codec().is_none() && !STARTED.replace(true) {
            UNASKED.set(true);
            spawn_load();
        }
    }
    let Some(w) = web_sys::window() else { return };
    match js_sys::Reflect::get(&w, &"requestIdleCallback".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        // At the latest a second later, should the page never be idle.
        Some(idle) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
            let _ = idle.call2(&w, &wasm_bindgen::closure::Closure::once_into_js(load_unasked), &options);
        }
        // A browser without idle callbacks (Safari).
        None => set_timeout(load_unasked, std::time::Duration::from_millis(200)),
    }
}

/// Starts fetching the plan reader (with the screens of a plan) when the user heads for a
/// new, sample or imported plan, so it opens at once; the first visit's plan list itself
/// does not need it. Loaded already, the overview is drawn unseen if it was not yet.
pub fn warm_up_codec() {
    start_loading_codec();
    if let Some(c) = codec().filter(|_| READER_WARM.get()) {
        warm_up_overview(c);
    }
}

/// Starts fetching the plan reader, if it is not loaded or on its way (a file chosen: the
/// file is read meanwhile, and the overview is drawn next anyway).
pub fn start_loading_codec() {
    UNASKED.set(false);
    if codec().is_none() && !STARTED.replace(true) {
        spawn_load();
    }
}

fn spawn_load() {
    leptos::task::spawn_local(async {
        if load().await.is_none() {
            // Not fetched (offline): the action itself tries again and says so.
            STARTED.set(false);
        }
    });
}

crate::ui::on_demand! { plan_codec:
fn codec_part() -> &'static dyn Codec {
    &crate::model::PlanCodec
}
}

/// Runs `f` with the plan reader and writer: at once when loaded, else once it is; when
/// it can't be fetched, says so.
pub(super) fn with_codec(f: impl FnOnce(&'static dyn Codec) + 'static) {
    match codec() {
        Some(c) => f(c),
        None => {
            let state = use_context::<AppState>();
            leptos::task::spawn_local(async move {
                match load_codec().await {
                    Some(c) => f(c),
                    None => {
                        if let Some(state) = state {
                            state.notify(NoticeKind::PartFailed);
                        }
                    }
                }
            })
        }
    }
}
