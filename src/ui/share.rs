//! Sharing a plan as a link, and opening such a link: the browser half of `crate::share`.
//!
//! Compression is the browser's own (`CompressionStream` / `DecompressionStream`, format
//! `deflate-raw`; Chromium 103+, Firefox 113+, Safari 16.4+). web-sys 0.3 has those
//! bindings only behind `web_sys_unstable_apis`, so the two constructors are declared
//! here; the streams are piped with web-sys' stable `Blob`, `ReadableStream` and
//! `Response`. [`compress`] and [`decompress`] take and give plain bytes, so anything else
//! that travels as a link (contributions, say) uses them as they are:
//!
//! ```ignore
//! let payload = crate::share::encode(&compress(&bytes).await?);
//! let link = crate::share::link(&location_href, "#/contribution/", &payload);
//! // and back:
//! let bytes = decompress(&crate::share::decode(&payload)?).await?;
//! ```

use super::state::{self, AppState};
use crate::i18n::{fill, import_error};
use crate::model::file_format::Reading;
use crate::model::merge::ContributionHeader;
use crate::model::{BusinessFunction, Id, ImportError, Plan};
use crate::route::Route;
use crate::share::{self, Decision, MAX_LINK_CHARS, MAX_QR_CHARS};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream`: a transform stream (`readable`/`writable`).
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;

    /// `navigator.clipboard`, where the browser has it.
    type Clipboard;
    #[wasm_bindgen(method, js_name = writeText, catch)]
    fn write_text(this: &Clipboard, text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// The format of both streams: raw DEFLATE, no zlib or gzip header (the smallest).
const FORMAT: &str = "deflate-raw";

/// Runs bytes through a transform stream and collects what comes out.
async fn pipe(bytes: &[u8], transform: &JsValue) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let stream = blob.stream().pipe_through(transform.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Any bytes compressed with the browser's `deflate-raw`. Fails where the browser has no
/// `CompressionStream`.
pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let transform = CompressionStream::new(FORMAT)?;
    pipe(bytes, &transform).await
}

/// The bytes [`compress`] was given. Fails on data that is not `deflate-raw` or was cut
/// short (the stream reports an incomplete end).
pub async fn decompress(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let transform = DecompressionStream::new(FORMAT)?;
    pipe(bytes, &transform).await
}

/// The app's address as the browser shows it, for the start of a link.
fn here() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Puts `text` on the clipboard; `false` where the browser has no clipboard or refuses.
async fn copy(text: &str) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return false };
    let clip = js_sys::Reflect::get(&nav, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if clip.is_undefined() || clip.is_null() {
        return false;
    }
    match clip.unchecked_into::<Clipboard>().write_text(text) {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

/// Replaces the address's fragment with the plan list's without a new history entry, so
/// neither a reload nor "back" opens the shared link again.
fn clear_fragment(state: AppState) {
    leave_link(state, Route::Plans);
}

/// Goes from a shared link to `route` in place of the link's history entry.
fn leave_link(state: AppState, route: Route) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&route.href()));
    }
    state.route.set(route.clone());
    state.follow_route(&route);
}

/// What sharing the open plan came to.
#[derive(Clone)]
enum Shared {
    Preparing,
    Ready { link: String, qr: Option<String> },
    TooLong { chars: usize },
    Unsupported,
}

/// The link of a plan, and the decision what can be done with it.
async fn share_plan(plan: &Plan) -> Result<(String, Decision), JsValue> {
    let codec = state::codec().ok_or(JsValue::NULL)?;
    // Compact JSON, the file format as exported: the same checks on the way in.
    link_of(&codec.encode(plan, crate::APP_VERSION, &state::now(), None, false)).await
}

/// "Share as link" on a plan's overview, and what it shows: the link to copy, its QR code
/// when it is short enough, or why the plan travels as a file instead.
///
/// With `hand_out`, the Workshop's version: the plan is recorded as handed out to the
/// participants first (`Plan::hand_out`), so their contributions merge against it.
#[component]
pub fn ShareLink(id: Id, #[prop(optional)] hand_out: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let shown = RwSignal::new(None::<Shared>);
    let start = move |_| {
        if hand_out {
            if !super::workshop::may_hand_out(state) {
                return;
            }
            let Some(codec) = state::codec() else {
                state.notify(state::NoticeKind::PartFailed);
                return;
            };
            let at = state::now();
            state.edit(|p| codec.workshop().hand_out(p, &at));
        }
        let Some(plan) = state.plan.get_untracked() else { return };
        shown.set(Some(Shared::Preparing));
        leptos::task::spawn_local(async move {
            let outcome = match share_plan(&plan).await {
                Err(_) => Shared::Unsupported,
                Ok((link, Decision::TooLong)) => Shared::TooLong { chars: link.chars().count() },
                Ok((link, Decision::Link { qr })) => {
                    let svg = if qr { qr_svg(link.clone()).await.ok().flatten() } else { None };
                    Shared::Ready { link, qr: svg }
                }
            };
            shown.set(Some(outcome));
            super::refocus("share-title");
        });
    };
    let export_id = id.clone();
    let name = move || state.plan.with_untracked(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let body = move || {
        let current = shown.get()?;
        let inner = match current {
            Shared::Preparing => view! { <p role="status">{t.share_preparing}</p> }.into_any(),
            Shared::Unsupported => view! {
                <p role="alert" data-testid="share-unsupported">{t.share_unsupported}</p>
            }.into_any(),
            Shared::TooLong { chars } => {
                let id = export_id.clone();
                view! {
                    <p role="alert" data-testid="share-too-large">
                        {fill(t.share_too_large, &[("chars", &chars.to_string()), ("max", &MAX_LINK_CHARS.to_string())])}
                    </p>
                    <button type="button" class="primary" data-testid="share-export" on:click=move |_| state.export(&id)>{t.export}</button>
                }.into_any()
            }
            Shared::Ready { link, qr } => {
                let chars = link.chars().count();
                let qr_view = match qr {
                    Some(svg) => view! {
                        <figure class="share-qr">
                            <div role="img" data-testid="share-qr" aria-label=fill(t.share_qr_label, &[("name", &name())]) inner_html=svg></div>
                            <figcaption>{t.share_qr_hint}</figcaption>
                        </figure>
                    }.into_any(),
                    None => view! {
                        <p class="muted" data-testid="share-no-qr">{fill(t.share_no_qr, &[("max", &MAX_QR_CHARS.to_string())])}</p>
                    }.into_any(),
                };
                view! {
                    <p>{t.share_intro}</p>
                    <CopyLink link=link label=t.share_link_label name="share">
                        <p class="muted" data-testid="share-length">{t.count(t.share_length, chars)}</p>
                    </CopyLink>
                    {qr_view}
                }.into_any()
            }
        };
        Some(view! {
            <section class="card share-panel" aria-labelledby="share-title" data-testid="share-panel">
                <h2 id="share-title" tabindex="-1">{t.share_title}</h2>
                {inner}
                <button type="button" class="secondary" on:click=move |_| shown.set(None)>{t.dismiss}</button>
            </section>
        })
    };
    view! {
        <button type="button" class="secondary" data-testid=if hand_out { "hand-out-link" } else { "share" } aria-expanded=move || shown.with(Option::is_some).to_string() on:click=start>
            {if hand_out { t.workshop_handout_link } else { t.share_link }}
        </button>
        {move || body()}
    }
}

/// A link to copy: the field with the link (selected when focused, and when the clipboard
/// refuses, so it can be copied by hand), the copy button, what came of copying; `name`
/// names them (`<name>-link`, `<name>-copy`, `<name>-copied`).
#[component]
pub fn CopyLink(link: String, label: &'static str, name: &'static str, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let t = expect_context::<AppState>().texts();
    let copied = RwSignal::new(None::<bool>);
    let field = format!("{name}-link");
    let on_copy = {
        let (link, field) = (link.clone(), field.clone());
        move |_| {
            let (text, field) = (link.clone(), field.clone());
            leptos::task::spawn_local(async move {
                let ok = copy(&text).await;
                copied.set(Some(ok));
                if !ok {
                    if let Some(input) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(&field))
                        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        let _ = input.focus();
                        input.select();
                    }
                }
            });
        }
    };
    view! {
        <label for=field.clone()>{label}</label>
        <div class="share-row">
            <input id=field.clone() type="text" readonly data-testid=field prop:value=link
                on:focus=|ev| {
                    if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        i.select();
                    }
                }/>
            <button type="button" class="primary" data-testid=format!("{name}-copy") on:click=on_copy>{t.copy_link}</button>
        </div>
        {children.map(|c| c())}
        <p role="status" data-testid=format!("{name}-copied")>
            {move || match copied.get() {
                Some(true) => t.link_copied,
                Some(false) => t.copy_failed,
                None => "",
            }}
        </p>
    }
}

/// The link of a plan file's text (a plan, a contribution), compressed, and what can be
/// done with it; an error where the browser can't compress.
pub(super) async fn link_of(text: &str) -> Result<(String, Decision), JsValue> {
    let packed = compress(text.as_bytes()).await?;
    let link = share::link(&here(), share::IMPORT_PREFIX, &share::encode(&packed));
    let decision = share::decide(link.chars().count());
    Ok((link, decision))
}

super::on_demand! { qr_code:
/// A link as a QR code in SVG (error correction L, see `share::MAX_QR_CHARS`); its own
/// part, fetched the first time a link is short enough for one.
fn qr_svg(link: String) -> Option<String> {
    use qrcode::render::svg;
    qrcode::QrCode::with_error_correction_level(link.as_bytes(), qrcode::EcLevel::L).ok().map(|code| {
        let svg = code.render::<svg::Color>().min_dimensions(240, 240).quiet_zone(true).build();
        // Inline in HTML: without the XML declaration, scaled by the stylesheet.
        svg.split_once("?>").map_or(svg.clone(), |(_, rest)| rest.to_owned())
    })
}
}

/// What opening a shared link found.
#[derive(Clone)]
enum Opened {
    Reading,
    /// Damaged or cut short: not base64url, or not a whole `deflate-raw` stream.
    Broken,
    /// Readable, but not a plan the app can import.
    Refused(ImportError),
    Ready { bytes: std::sync::Arc<Vec<u8>>, name: String, function: BusinessFunction, contribution: Option<ContributionHeader> },
    /// The plan reader's part could not be fetched.
    PartMissing,
}

/// Reads a link's payload into the plan file it carries, checked as an import would.
async fn open_link(payload: &str) -> Opened {
    let Ok(packed) = share::decode(payload) else { return Opened::Broken };
    let Ok(bytes) = decompress(&packed).await else { return Opened::Broken };
    let Some(codec) = state::load_codec().await else { return Opened::PartMissing };
    match codec.read(&bytes, Reading::Import, &mut state::new_id) {
        Ok(decoded) => Opened::Ready {
            name: decoded.plan.name.clone(),
            function: decoded.plan.function(),
            // A contribution without a name can't be merged: offered as a plan, like any file.
            contribution: codec.workshop().header(&bytes).filter(|c| !crate::model::workshop::clean_name(&c.author).is_empty()),
            bytes: std::sync::Arc::new(bytes),
        },
        Err(e) => Opened::Refused(e),
    }
}

/// The screen of a shared link (`#/import/<payload>`): what the link holds, and the offer
/// to import it. Part of the plan's screens (`screen::plan_screen`), which a link's first
/// visit fetches with the plan reader anyway.
#[component]
pub fn LinkImport(payload: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let opened = RwSignal::new(Opened::Reading);
    leptos::task::spawn_local(async move {
        opened.set(open_link(&payload).await);
    });
    let body = move || match opened.get() {
        Opened::Reading => view! {
            <h1>{t.link_import_title}</h1>
            <p role="status">{t.link_reading}</p>
        }.into_any(),
        Opened::PartMissing => super::part_failed(),
        Opened::Broken => view! {
            <h1>{t.link_broken_title}</h1>
            <p role="alert" data-testid="link-broken">{t.link_broken}</p>
            <p><a href="#/">{t.go_to_plans}</a></p>
        }.into_any(),
        Opened::Refused(error) => {
            let (headline, details) = import_error(state.lang.get_untracked(), &error);
            view! {
                <h1>{t.link_broken_title}</h1>
                <div role="alert" data-testid="link-refused">
                    <p><strong>{fill(t.import_failed, &[("file", t.link_source)])}</strong></p>
                    <p>{headline}</p>
                    <ul class="problems">{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                </div>
                <p><a href="#/">{t.go_to_plans}</a></p>
            }.into_any()
        }
        Opened::Ready { bytes, name, function, contribution } => {
            // A participant's contribution to a plan of this browser: merged there.
            let target = contribution.as_ref().and_then(|c| state.plans.with_untracked(|plans| plans.iter().find(|p| p.id == c.plan).cloned()));
            if let (Some(c), Some(plan)) = (contribution.clone(), target) {
                let merge = {
                    let bytes = bytes.clone();
                    move |_| {
                        super::workshop::hand_over(plan.id.clone(), (*bytes).clone());
                        leave_link(state, Route::Workshop(plan.id.clone()));
                    }
                };
                return view! {
                    <h1 data-testid="link-contribution">{fill(t.link_contribution_title, &[("name", &crate::model::workshop::clean_name(&c.author))])}</h1>
                    <p class="lead">{fill(t.link_contribution_for, &[("plan", &plan.name)])}</p>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="link-merge" on:click=merge>{fill(t.link_contribution_merge, &[("plan", &plan.name)])}</button>
                        <button type="button" data-testid="link-cancel" on:click=move |_| clear_fragment(state)>{t.link_import_cancel}</button>
                    </div>
                }
                .into_any();
            }
            let elsewhere = contribution.is_some().then(|| view! { <p data-testid="link-contribution-elsewhere">{t.link_contribution_elsewhere}</p> });
            let import = move |_| {
                let bytes = bytes.clone();
                clear_fragment(state);
                super::file_access::forget_pending();
                if let Some(codec) = state::codec() {
                    // The same checks and questions as a file: unknown fields, repairs, a
                    // plan that is already here.
                    state.import_bytes(codec, t.link_source, &bytes);
                }
            };
            view! {
                <h1>{t.link_import_title}</h1>
                <p class="lead">{t.link_import_intro}</p>
                {elsewhere}
                <section class="card" aria-labelledby="link-plan">
                    <h2 id="link-plan" data-testid="link-plan">{fill(t.link_import_plan, &[("name", &name)])}</h2>
                    <p><span class="tag">{t.function(function)}</span></p>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="link-import" on:click=import>{t.link_import_button}</button>
                        <button type="button" data-testid="link-cancel" on:click=move |_| clear_fragment(state)>{t.link_import_cancel}</button>
                    </div>
                </section>
            }.into_any()
        }
    };
    view! { <div class="page link-import" data-testid="link-import-screen">{body}</div> }
}
