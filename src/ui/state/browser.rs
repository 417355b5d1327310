//! Small browser helpers: file downloads, fetching the app's own files, navigation and
//! timings in the performance timeline.

use crate::route::Route;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// A step's duration in the browser's performance timeline (`performance.measure`), where
/// the benchmark reads it and developer tools show it.
pub(crate) struct Timing(&'static str);

impl Timing {
    pub(crate) fn start(name: &'static str) -> Timing {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(name);
        }
        Timing(name)
    }

    pub(crate) fn end(self) {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.measure_with_start_mark(self.0, self.0);
            p.clear_marks_with_mark_name(self.0);
        }
    }
}

/// The text of a file of the app's own site, by relative URL.
pub(crate) async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response = JsFuture::from(web_sys::window()?.fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// Shows `route`'s screen in this task, with a new entry in the history: what `navigate`
/// does a task later (after the address's change event), with a frame of the old screen
/// between. Back and forward then go through the address's change as usual.
pub fn go(state: super::AppState, route: Route) {
    // Already there (a plan replaced under its open screen): the screen takes the plan.
    if state.route.get_untracked() == route {
        state.follow_route(&route);
        return;
    }
    let href = route.href();
    if let Some(w) = web_sys::window() {
        let here = w.location().hash().ok().is_some_and(|h| h == href);
        if let (false, Ok(history)) = (here, w.history()) {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    }
    crate::ui::show_route(state, route);
}

pub fn navigate(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}

/// Offers `text` as a file download, without any server.
pub fn download(name: &str, text: &str) {
    download_as(name, text, "application/json")
}

pub fn download_as(name: &str, text: &str, mime: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    // Some browsers start the download only after the click returns.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), Duration::from_secs(30));
}
