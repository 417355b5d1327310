//! The plan reader and writer (`crate::model::PlanCodec`), a part of the app of its own:
//! loaded at start when plans are stored, else with the first plan created, imported or
//! opened.

use super::{AppState, NoticeKind};
use crate::model::file_format::Codec;
use leptos::prelude::*;

thread_local! {
    static CODEC: std::cell::Cell<Option<&'static dyn Codec>> = const { std::cell::Cell::new(None) };
}

/// The plan reader and writer, once loaded. A plan is only ever open after it was read or
/// created through it, so code that works on the open plan finds it loaded.
pub fn codec() -> Option<&'static dyn Codec> {
    CODEC.with(std::cell::Cell::get)
}

/// Loads the plan reader and writer: at start when plans are stored, else when the
/// first plan is created, imported or opened. `None` when its part cannot be fetched.
pub async fn load_codec() -> Option<&'static dyn Codec> {
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

/// Runs the reader on its small plan (`Codec::warm_up`), a few runs per task so the page
/// stays responsive, until it has read about a large plan's worth of text, real plans
/// included (`file_format::WARM_UP_BYTES`); marked as `socialplan:warm-up` in the
/// performance timeline.
fn warm_up(c: &'static dyn Codec) {
    const PER_TASK: usize = 4;
    let timing = super::browser::Timing::start("socialplan:warm-up");
    let going = (0..PER_TASK).all(|_| c.warm_up());
    timing.end();
    if going {
        set_timeout(move || warm_up(c), std::time::Duration::ZERO);
    } else if let Some(plan) = c.specimen() {
        // Then the screen a plan opens on, in a task of its own.
        set_timeout(
            move || {
                let timing = super::browser::Timing::start("socialplan:warm-up-overview");
                leptos::task::spawn_local(async move {
                    let _ = crate::ui::screen::warm_up_overview(plan).await;
                    timing.end();
                });
            },
            std::time::Duration::ZERO,
        );
    }
}

/// Starts fetching the plan reader (with the screens of a plan) when the user heads for a
/// new, sample or imported plan, so it opens at once; the first visit's plan list itself
/// does not need it.
pub fn warm_up_codec() {
    thread_local! {
        static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if codec().is_none() && !STARTED.with(|s| s.replace(true)) {
        leptos::task::spawn_local(async {
            if load_codec().await.is_none() {
                // Not fetched (offline): the action itself tries again and says so.
                STARTED.with(|s| s.set(false));
            }
        });
    }
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
