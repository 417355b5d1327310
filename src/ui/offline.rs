//! Registers the service worker that keeps the app usable offline (`public/sw.js`), and
//! tells the user when a new version has been installed next to the running one.

use super::state::{AppState, NoticeKind};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

thread_local! {
    /// Set when the user asked for the new version: the switch then reloads the page.
    static RELOAD_ON_SWITCH: Cell<bool> = const { Cell::new(false) };
}

fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent outside secure contexts (plain http on another host, file://).
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return None;
    }
    Some(navigator.service_worker())
}

/// Time the page gets for itself before the worker is registered (see `start`).
const QUIET: std::time::Duration = std::time::Duration::from_secs(3);

/// Watches for a new version of the app, and registers the worker: on a later visit at
/// once; on a first visit once the page has shown its first screen for `QUIET` and no
/// file is being imported. The first install fetches every file of the app (about 140 of
/// them), on the same cores: an import in those seconds took twice as long.
pub fn start(state: AppState) {
    let Some(container) = service_workers() else { return };
    // On a first visit the first worker takes control too: that is no new version.
    let had_controller = container.controller().is_some();
    // A later visit: the worker serves the app's files from the cache, and the plan reader
    // is got ready in idle time (not on a first visit, still loading then).
    if had_controller {
        super::state::warm_up_codec_when_idle();
    }
    let on_switch = Closure::<dyn Fn()>::new(move || {
        if RELOAD_ON_SWITCH.with(Cell::get) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        } else if had_controller {
            // Another tab switched to the new version. This tab keeps running the old one
            // (its files stay cached) until the user reloads it.
            state.notify_once(NoticeKind::UpdateReady);
        }
    });
    container.set_oncontrollerchange(Some(on_switch.as_ref().unchecked_ref()));
    on_switch.forget();
    register_when_quiet(state, if had_controller { std::time::Duration::ZERO } else { QUIET });
}

fn register_when_quiet(state: AppState, after: std::time::Duration) {
    leptos::prelude::set_timeout(
        move || {
            if super::state::is_importing() {
                register_when_quiet(state, std::time::Duration::from_millis(500));
            } else {
                register(state);
            }
        },
        after,
    );
}

fn register(state: AppState) {
    let Some(container) = service_workers() else { return };
    let registering = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else { return };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // The first install has no page to replace; only an update is news.
        let updating = move || service_workers().is_some_and(|c| c.controller().is_some());
        if registration.waiting().is_some() && updating() {
            state.notify_once(NoticeKind::UpdateReady);
        }
        // A new version found before this (its install under way) is watched as well.
        let watch = move |worker: web_sys::ServiceWorker| {
            let installing = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if installing.state() == ServiceWorkerState::Installed && updating() {
                    state.notify_once(NoticeKind::UpdateReady);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        };
        if let Some(worker) = registration.installing() {
            watch(worker);
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            if let Some(worker) = watched.installing() {
                watch(worker);
            }
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Saves what is open, then switches to the waiting new version (the page reloads).
pub fn switch_to_new_version(state: AppState) {
    state.flush();
    if state.has_unsaved() {
        // The edits could not be saved (full storage, another tab): the notice about that
        // stays, and the update waits.
        return;
    }
    let Some(container) = service_workers() else { return };
    let lookup = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(lookup).await else { return };
        let Some(registration) = registration.dyn_into::<ServiceWorkerRegistration>().ok() else { return };
        match registration.waiting() {
            Some(waiting) => {
                RELOAD_ON_SWITCH.with(|r| r.set(true));
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
            // Another tab switched already: the new version is active, load it.
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}
