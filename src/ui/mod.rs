//! The browser app: the shell (header, language switch, save status, messages) and the
//! screens, one module each. State and storage traffic live in `state`.

/// Declares a function whose code is a part of its own (named `$part`), loaded when it is
/// first called, in builds with the `split` feature (the release site); elsewhere it is an
/// ordinary async function. Either way it returns `Err(PartMissing)` when the part cannot
/// be fetched (offline before it was cached, or a newer version replaced the files), so
/// the screen can say so instead of the app stopping.
macro_rules! on_demand {
    ($part:ident $(, preload $preload:ident)?: $(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$m])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible $(, preload($preload))?)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::PartMissing> { Ok($body) }

        $(#[$m])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::PartMissing> { Ok($body) }

        // `preload NAME` also declares `NAME()`, which fetches the part without calling it.
        $(
            #[cfg(not(feature = "split"))]
            $vis async fn $preload() -> Result<(), $crate::ui::PartMissing> { Ok(()) }
        )?
    };
}
pub(crate) use on_demand;

/// A part of the app could not be fetched.
#[derive(Clone, Copy, Debug)]
pub struct PartMissing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// Saves what is unsaved, then reloads the page (a new version, a missing part).
pub fn save_and_reload() {
    if let Some(state) = use_context::<state::AppState>() {
        state.flush();
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// What a screen shows in place of a part that could not be fetched.
pub fn part_failed() -> AnyView {
    let t = expect_context::<state::AppState>().texts();
    view! {
        <div class="notice notice-error" role="alert" data-testid="part-failed">
            <p>{t.part_failed}</p>
            <button type="button" class="primary" on:click=move |_| save_and_reload()>{t.reload}</button>
        </div>
    }
    .into_any()
}

mod agenda;
mod chart;
mod fields;
pub mod file_access;
mod operative;
mod information;
mod later;
mod lists;
mod notices;
pub mod offline;
mod overview;
mod plans;
mod review;
mod screen;
pub mod share;
mod strategy;
mod strategy_map;
mod summary;
mod worksheet;
mod workshop;
pub mod state;

use crate::i18n::Lang;
use crate::route::Route;
use crate::storage;
use leptos::prelude::*;
use state::{AppState, SaveStatus};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Loads the language pack the user needs (English is built in), then mounts the app.
pub fn start() {
    // A failure inside the app is written to the console with its place, not only
    // "unreachable", and the page says what happened instead of going dead.
    std::panic::set_hook(Box::new(|info| {
        let text = wasm_bindgen::JsValue::from_str(&info.to_string());
        let _ = js_sys::Reflect::get(&js_sys::global(), &"console".into())
            .and_then(|c| js_sys::Reflect::get(&c, &"error".into()))
            .map(|f| js_sys::Function::from(f).call1(&wasm_bindgen::JsValue::NULL, &text));
        show_crash();
    }));
    let lang = initial_language(&storage::settings(storage::local().as_ref()));
    wasm_bindgen_futures::spawn_local(async move {
        // Without its pack (first visit offline), the app starts in English.
        let _ = load_language(lang).await;
        // Stored plans are read before the first screen, so it shows them at once.
        // Should that part be missing (offline before it was cached), the list shows the
        // stored index and a plan opens once the part can be fetched.
        if storage::local().is_some_and(|s| storage::has_plans(&s)) {
            let _ = state::load_codec().await;
        }
        // The app takes over from the shell painted by index.html, once it is painted:
        // the page's first paint is the shell's, however soon the app is ready.
        painted().await;
        if let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("shell")) {
            shell.remove();
        }
        leptos::mount::mount_to_body(App);
        later::first_screen_mounted();
    });
}

/// The language the page is shown in (`<html lang>`), which the shell keeps in step.
fn page_language(doc: &web_sys::Document) -> Lang {
    doc.document_element().and_then(|e| e.get_attribute("lang")).and_then(|code| Lang::from_code(&code)).unwrap_or_default()
}

/// Covers the page with a message and a reload button after a failure the app cannot
/// recover from. Plain DOM, no reactive code (that is what just failed); "Reload" is a
/// link to the app's start, so it loads the page anew even though the app's code stopped.
fn show_crash() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.get_element_by_id("crash").is_some() {
        return;
    }
    let t = page_language(&doc).texts();
    let build = || -> Option<web_sys::Element> {
        let el = |tag: &str, text: &str| {
            let e = doc.create_element(tag).ok()?;
            e.set_text_content(Some(text));
            Some(e)
        };
        let panel = doc.create_element("div").ok()?;
        panel.set_id("crash");
        panel.set_class_name("crash");
        panel.set_attribute("role", "alertdialog").ok()?;
        panel.set_attribute("aria-labelledby", "crash-title").ok()?;
        let title = el("h1", t.crash_title)?;
        title.set_id("crash-title");
        let reload = el("a", t.reload)?;
        reload.set_attribute("href", "./").ok()?;
        reload.set_class_name("button primary");
        let text: web_sys::Node = el("p", t.crash_text)?.into();
        panel.append_child(&title).ok()?;
        panel.append_child(&text).ok()?;
        panel.append_child(&reload).ok()?;
        Some(panel)
    };
    if let (Some(panel), Some(body)) = (build(), doc.body()) {
        let _ = body.append_child(&panel);
        if let Some(b) = panel.query_selector("a").ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = b.focus();
        }
    }
}

/// The remembered language, else the browser's first that the app speaks.
fn initial_language(settings: &storage::Settings) -> Lang {
    settings
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_else(|| Lang::from_preferences(browser_languages().iter().map(String::as_str)))
}

/// Makes a language's texts available, fetching its pack from the app's own site.
pub async fn load_language(lang: Lang) -> bool {
    lang.is_ready() || load_pack(lang).await
}

/// Makes every text of the current language available, for a screen of a part: in
/// builds with parts, English beyond the plan list's texts is a part of its own
/// (`i18n::first_part`); another language is complete once it is chosen.
async fn all_texts(lang: Lang) -> bool {
    lang.is_complete() || (lang == Lang::En && english_texts().await.is_ok())
}

on_demand! { english_texts, preload preload_english_texts:
/// Every English text, for the screens of the parts.
fn english_texts() -> () {
    Lang::install_english()
}
}

async fn load_pack(lang: Lang) -> bool {
    match state::fetch_text(&format!("i18n/{}.json", lang.code())).await {
        Some(pack) => install_pack(lang, pack).await.unwrap_or(false),
        None => false,
    }
}

on_demand! { language_pack_reader:
/// Reads a language pack into the app's texts; loaded with the first pack a user needs,
/// so an English first visit does not carry the reader.
fn install_pack(lang: Lang, pack: String) -> bool {
    lang.install(&pack).is_ok()
}
}

pub(crate) fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// Asks once that the browser keeps this origin's storage even when space runs low.
fn ask_for_persistence(settings: &mut storage::Settings) {
    if settings.persist_asked {
        return;
    }
    if let Some(w) = web_sys::window() {
        let manager = w.navigator().storage();
        if let Ok(promise) = manager.persist() {
            // The answer changes nothing here; the request is what counts.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
    settings.persist_asked = true;
}

pub(crate) fn focus(id: &str) {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

fn focus_main() {
    focus("main");
}

/// Draws `screen` with `plan` open, in the page's language, lays it out and takes it
/// down again, all in one task, so nothing of it is ever painted. The browser compiles
/// each function of a screen when it first runs, and lays out a page faster once it has
/// laid out its words before: done while the app waits, this spares both to the first
/// real visit. A state of its own, so the open plan, its saves and notices are untouched.
pub(crate) fn draw_unseen<V: IntoView + 'static>(plan: crate::model::Plan, screen: impl FnOnce() -> V + 'static) {
    use wasm_bindgen::JsCast;
    let document = document();
    let lang = page_language(&document);
    if let (Ok(host), Some(body)) = (document.create_element("div"), document.body()) {
        let host: web_sys::HtmlElement = host.unchecked_into();
        let drawn = leptos::mount::mount_to(host.clone(), move || {
            let state = state::AppState::new(lang);
            state.plan.set(Some(plan));
            provide_context(state);
            screen()
        });
        if body.append_child(&host).is_ok() {
            // Reading its height lays it out now.
            let _ = host.offset_height();
            host.remove();
        }
        drop(drawn);
    }
}

/// Runs `f` in the task after the next frame: once what the current task rendered is
/// painted, before anything that comes later.
pub(crate) fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Resolves in the task after the next frame, or after 100 ms where no frame comes (a
/// page opened in a background tab is not painted until it is shown).
async fn painted() {
    let next = js_sys::Promise::new(&mut |resolve, _| {
        let on_paint = resolve.clone();
        after_paint(move || {
            let _ = on_paint.call0(&JsValue::NULL);
        });
        set_timeout(move || {
            let _ = resolve.call0(&JsValue::NULL);
        }, std::time::Duration::from_millis(100));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(next).await;
}

/// Runs `f` in a task of its own, next: a message the page sends itself, which a chain of
/// such tasks does not delay as it does timers (at least 4 ms each after a few).
pub(crate) fn next_task(f: impl FnOnce() + 'static) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return set_timeout(f, std::time::Duration::ZERO);
    };
    let f = Closure::once_into_js(f);
    channel.port1().set_onmessage(Some(f.unchecked_ref()));
    let _ = channel.port2().post_message(&JsValue::NULL);
}

/// Shows `route`'s screen, as the address changing to it does.
pub(crate) fn show_route(state: AppState, route: Route) {
    state.left_screen(&route);
    if route.plan_id().is_none() {
        // Leaving the plan: its screen goes first, so nothing on it reads a plan that
        // is being closed.
        state.route.set(route.clone());
        state.follow_route(&route);
    } else {
        state.follow_route(&route);
        state.route.set(route);
    }
    // Like a page load: start at the top, with the focus on the new screen.
    refocus("main");
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Focuses an element once the current render is done.
fn refocus(id: &'static str) {
    set_timeout(move || focus(id), std::time::Duration::ZERO);
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let local = storage::local();
    let mut settings = storage::settings(local.as_ref());
    let wanted = initial_language(&settings);
    let lang = if wanted.is_ready() { wanted } else { Lang::En };
    if local.is_some() {
        ask_for_persistence(&mut settings);
        storage::save_settings(local.as_ref(), &settings);
    }
    let state = AppState::new(lang);
    provide_context(state);
    state.load_inventory();
    later::after_first_screen(move || offline::start(state));
    // The open plan follows the route before the screen renders, so a screen never shows
    // without its plan.
    let start = Route::parse(&current_hash());
    state.follow_route(&start);
    state.route.set(start);
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        let route = Route::parse(&current_hash());
        // A screen shown at once (`state::browser::go`) is current already.
        if route != state.route.get_untracked() {
            show_route(state, route);
        }
    });

    // Nothing typed is lost when the tab is hidden or closed; if it can't be saved, the
    // browser asks before closing.
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev: web_sys::BeforeUnloadEvent| {
        state.flush();
        if state.has_unsaved() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let doc = document.clone();
        let on_hide = Closure::<dyn Fn()>::new(move || {
            if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                state.flush();
            }
        });
        let _ = document.add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
        on_hide.forget();
    }
    let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        state.on_storage_event(ev.key(), ev.new_value());
    });

    // <html lang>, the title and the remembered choice follow the language.
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
            document.set_title(lang.texts().app_name);
        }
    });

    // A language change re-renders everything once; texts are plain strings below.
    move || {
        let t = state.lang.get().texts();
        view! {
            <Header/>
            <notices::Notices/>
            <main id="main" tabindex="-1">
                {move || match state.route.get() {
                    Route::Plans => plans::PlansPage().into_any(),
                    Route::NotFound => NotFound().into_any(),
                    // The screens of parts show once their part and all their texts are here.
                    route => {
                        let texts = all_texts(state.lang.get_untracked());
                        view! {
                            <Suspense fallback=|| ()>{Suspend::new(async move {
                                if !texts.await {
                                    return part_failed();
                                }
                                match route {
                                    Route::Worksheet(block) => worksheet::sheet(block).await,
                                    route => screen::plan_screen(route).await,
                                }
                                .unwrap_or_else(|_| part_failed())
                            })}</Suspense>
                        }.into_any()
                    }
                }}
            </main>
            <later::Later>
                <footer class="footer">
                    <p>{t.privacy_note}</p>
                </footer>
            </later::Later>
        }
    }
}

/// The page for addresses that lead nowhere.
#[component]
fn NotFound() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    view! {
        <div class="page">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_text}</p>
            <p><a href="#/">{t.go_to_plans}</a></p>
        </div>
    }
}

/// The top bar: app name, navigation, language switch and save status.
#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_main();
    };
    // Derived from autosave's state (`crate::autosave`), never set on its own.
    let status = move || match state.save_status() {
        SaveStatus::Saved => ("status status-saved", t.saved),
        SaveStatus::Pending => ("status status-pending", t.saving),
        SaveStatus::Failed => ("status status-failed", t.not_saved),
    };
    view! {
        <a class="skip-link" href="#/" on:click=skip>{t.skip_to_content}</a>
        <header class="topbar">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                <span>{t.app_name}</span>
            </a>
            <nav aria-label=t.main_nav>
                <a href="#/">{t.nav_plans}</a>
            </nav>
            <span class="spacer"></span>
            <span class=move || status().0 role="status" data-testid="save-status" hidden=move || state.plan.with(Option::is_none)>
                {move || status().1}
            </span>
            <label class="lang-switch">
                <span>{t.language}</span>
                <select
                    data-testid="language"
                    id="language"
                    on:change=move |ev| {
                        let Some(lang) = Lang::from_code(&event_target_value(&ev)) else { return };
                        let select = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok());
                        leptos::task::spawn_local(async move {
                            if load_language(lang).await {
                                state.lang.set(lang);
                                // Remembered only when chosen, so the browser's preference
                                // keeps its say otherwise.
                                let local = storage::local();
                                let mut settings = storage::settings(local.as_ref());
                                settings.lang = Some(lang.code().to_owned());
                                storage::save_settings(local.as_ref(), &settings);
                                // The switch was rebuilt in the new language: keep the keyboard on it.
                                refocus("language");
                            } else {
                                if let Some(select) = select {
                                    select.set_value(state.lang.get_untracked().code());
                                }
                                state.notify(state::NoticeKind::LanguageFailed);
                            }
                        });
                    }
                    prop:value=move || state.lang.get().code()
                >
                    {Lang::ALL.map(|l| view! { <option value=l.code() lang=l.code()>{l.native_name()}</option> })}
                </select>
            </label>
        </header>
    }
}
