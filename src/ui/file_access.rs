//! A plan bound to a real file on disk, where the browser offers the File System Access
//! API (`showSaveFilePicker`, `showOpenFilePicker`: Chromium-based browsers). Elsewhere
//! nothing here is shown, and plans travel by download and upload as before.
//!
//! - "Save to file…" (overview) asks where to save, binds the plan to that file and writes
//!   it. "Open file…" (plan list) imports a file with the checks of any import and binds
//!   the plan to it.
//! - Afterwards every save of the plan in this browser is followed by a write to its file,
//!   [`WRITE_DELAY`] after the last save (typing saves every 0.4 s; the file is written
//!   once things are quiet), and "Save to file now" writes at once.
//! - Before writing, the browser is asked whether the permission still holds; where it
//!   asks again (a new session), writing waits for a click on "Allow writing to the
//!   file", since the browser asks only in answer to a click. Every failure is a notice
//!   with "Try again" and "Export"; nothing fails silently.
//! - localStorage stays the working copy. A file handle can't be kept there: the binding
//!   lasts for the tab's session (keeping handles in IndexedDB across sessions was left
//!   out: the browser would ask for permission again anyway, and a plan can be bound
//!   again with one click).
//!
//! What the plan list needs (whether the API exists, and [`saved`], which autosave calls)
//! is small and in the first part; the rest is fetched on demand.

use super::state::{self, AppState, NoticeKind};
use crate::i18n::fill;
use crate::model::file_format::Reading;
use crate::model::Id;
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long after the last save in this browser the file is written.
pub const WRITE_DELAY: Duration = Duration::from_secs(2);

#[wasm_bindgen]
extern "C" {
    /// A `FileSystemFileHandle`.
    #[derive(Clone)]
    pub type FileHandle;
    #[wasm_bindgen(method, getter)]
    fn name(this: &FileHandle) -> String;
    #[wasm_bindgen(method, js_name = createWritable, catch)]
    fn create_writable(this: &FileHandle) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(method, js_name = getFile, catch)]
    fn get_file(this: &FileHandle) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(method, js_name = queryPermission, catch)]
    fn query_permission(this: &FileHandle, descriptor: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(method, js_name = requestPermission, catch)]
    fn request_permission(this: &FileHandle, descriptor: &JsValue) -> Result<js_sys::Promise, JsValue>;

    /// A `FileSystemWritableFileStream`.
    type Writable;
    #[wasm_bindgen(method, catch)]
    fn write(this: &Writable, data: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn close(this: &Writable) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(js_name = showSaveFilePicker, catch)]
    fn show_save_file_picker(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = showOpenFilePicker, catch)]
    fn show_open_file_picker(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Whether this browser can bind plans to files.
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        ["showSaveFilePicker", "showOpenFilePicker"].iter().all(|f| js_sys::Reflect::has(&w, &JsValue::from_str(f)).unwrap_or(false))
    })
}

/// A plan's file, for the session.
struct Bound {
    plan: Id,
    handle: FileHandle,
    timer: Option<TimeoutHandle>,
}

#[derive(Default)]
struct Files {
    bound: Vec<Bound>,
    /// A file opened with "Open file…" whose plan waits for an answer (unknown fields, a
    /// plan that is already here) before it is imported with the file's id.
    pending: Option<(Id, FileHandle)>,
}

thread_local! {
    static FILES: RefCell<Files> = RefCell::default();
    /// Counts changes to the bound files, for the screens that show them.
    /// Reference-counted, so no screen that reads it first owns (and disposes of) it.
    static CHANGES: ArcRwSignal<u64> = ArcRwSignal::new(0);
}

fn changed() {
    CHANGES.with(|c| c.update(|n| *n += 1));
}

/// The name of the file a plan is bound to; reactive.
pub fn file_of(plan: &Id) -> Option<String> {
    CHANGES.with(|c| c.track());
    handle_of(plan).map(|h| h.name())
}

fn handle_of(plan: &Id) -> Option<FileHandle> {
    FILES.with(|f| f.borrow().bound.iter().find(|b| &b.plan == plan).map(|b| b.handle.clone()))
}

fn bind(plan: &Id, handle: FileHandle) {
    FILES.with(|f| {
        let mut f = f.borrow_mut();
        f.bound.retain(|b| &b.plan != plan);
        f.bound.push(Bound { plan: plan.clone(), handle, timer: None });
    });
    changed();
}

/// Stops writing a plan to its file (the file stays as it is).
pub fn unbind(plan: &Id) {
    FILES.with(|f| {
        let mut f = f.borrow_mut();
        if let Some(b) = f.bound.iter_mut().find(|b| &b.plan == plan) {
            if let Some(t) = b.timer.take() {
                t.clear();
            }
        }
        f.bound.retain(|b| &b.plan != plan);
    });
    changed();
}

/// Called by autosave after each save of a plan: a bound plan's file is written once
/// saves pause for [`WRITE_DELAY`].
pub fn saved(state: AppState, plan: &Id) {
    let bound = FILES.with(|f| f.borrow().bound.iter().any(|b| &b.plan == plan));
    if !bound {
        return;
    }
    let id = plan.clone();
    let timer = set_timeout_with_handle(
        move || {
            FILES.with(|f| {
                if let Some(b) = f.borrow_mut().bound.iter_mut().find(|b| b.plan == id) {
                    b.timer = None;
                }
            });
            run(state, Job::Write { plan: id, asked: false });
        },
        WRITE_DELAY,
    )
    .ok();
    FILES.with(|f| {
        if let Some(b) = f.borrow_mut().bound.iter_mut().find(|b| &b.plan == plan) {
            if let Some(old) = std::mem::replace(&mut b.timer, timer) {
                old.clear();
            }
        }
    });
}

/// An import of the plan of the file opened last finished with the file's id: the plan is
/// bound to that file from now on.
pub fn imported(plan: &Id) {
    let pending = FILES.with(|f| f.borrow_mut().pending.take());
    match pending {
        Some((id, handle)) if &id == plan => bind(plan, handle),
        other => FILES.with(|f| f.borrow_mut().pending = other),
    }
}

/// Forgets a file opened earlier whose import was not finished (another import started).
pub fn forget_pending() {
    FILES.with(|f| f.borrow_mut().pending = None);
}

/// What the part of this module does.
enum Job {
    /// Writes a bound plan to its file; `asked` when a click asked for it (the browser may
    /// then ask for permission).
    Write { plan: Id, asked: bool },
    SaveAs(Id),
    Open,
}

fn run(state: AppState, job: Job) {
    leptos::task::spawn_local(async move {
        match file_part(state, job).await {
            Ok(task) => task.await,
            Err(_) => state.notify(NoticeKind::PartFailed),
        }
    });
}

/// Writes the plan now (a click: "Save to file now", "Try again", "Allow writing").
pub fn save_now(state: AppState, plan: Id) {
    run(state, Job::Write { plan, asked: true });
}

/// "Save to file…": asks where, binds the plan to that file and writes it.
pub fn save_as(state: AppState, plan: Id) {
    run(state, Job::SaveAs(plan));
}

/// "Open file…": asks for a plan file, imports it and binds the plan to it.
pub fn open(state: AppState) {
    run(state, Job::Open);
}

/// The picker's options: plan files (JSON) and, for saving, a suggested name.
fn picker_options(suggested: Option<&str>) -> JsValue {
    let accept = js_sys::Object::new();
    let exts = js_sys::Array::of2(&".json".into(), &".socialplan.json".into());
    let _ = js_sys::Reflect::set(&accept, &"application/json".into(), &exts);
    let kind = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&kind, &"description".into(), &"Socialplan".into());
    let _ = js_sys::Reflect::set(&kind, &"accept".into(), &accept);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"types".into(), &js_sys::Array::of1(&kind));
    if let Some(name) = suggested {
        let _ = js_sys::Reflect::set(&options, &"suggestedName".into(), &name.into());
    }
    options.into()
}

/// A failure in words: the browser's message (it names what went wrong, in its language).
fn reason(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).filter(|m| !m.is_empty()).or_else(|| e.as_string()).unwrap_or_else(|| "?".to_owned())
}

/// The user closed the picker: nothing to report.
fn cancelled(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "AbortError")
}

async fn promise(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(p?).await
}

/// Whether the browser lets the app write to the file; asks when `ask` (only a click may).
async fn permitted(handle: &FileHandle, ask: bool) -> Result<bool, JsValue> {
    let descriptor = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&descriptor, &"mode".into(), &"readwrite".into());
    // Browsers without the permission methods write while the handle lives.
    if !js_sys::Reflect::has(handle, &"queryPermission".into()).unwrap_or(false) {
        return Ok(true);
    }
    let answer = promise(handle.query_permission(&descriptor)).await?;
    if answer.as_string().as_deref() == Some("granted") {
        return Ok(true);
    }
    if !ask {
        return Ok(false);
    }
    let answer = promise(handle.request_permission(&descriptor)).await?;
    Ok(answer.as_string().as_deref() == Some("granted"))
}

/// The text of a plan's file: the open plan as it is in memory, else the stored one.
fn file_text(state: AppState, plan: &Id) -> Option<String> {
    let codec = state::codec()?;
    let open = state.plan.with_untracked(|p| p.as_ref().filter(|p| &p.id == plan).cloned());
    let plan = open.or_else(|| crate::storage::load(&crate::storage::local()?, codec, plan, &state::now(), &mut state::new_id)?.ok().map(|(p, _, _)| p))?;
    Some(codec.encode(&plan, crate::APP_VERSION, &state::now(), None, false))
}

/// Writes `text` to the file in one go (the browser swaps the file only when it closes).
async fn write_file(handle: &FileHandle, text: &str) -> Result<(), JsValue> {
    let writable: Writable = promise(handle.create_writable()).await?.unchecked_into();
    promise(writable.write(text)).await?;
    promise(writable.close()).await?;
    Ok(())
}

/// Work of a part that goes on after the part returns (the part's functions are not
/// async themselves).
type Task = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

super::on_demand! { file_access:
/// Everything that talks to files: a part of its own, fetched on first use.
fn file_part(state: AppState, job: Job) -> Task {
    match job {
        Job::Write { plan, asked } => Box::pin(write_bound(state, plan, asked)),
        Job::SaveAs(plan) => Box::pin(save_as_to(state, plan)),
        Job::Open => Box::pin(open_from(state)),
    }
}
}

async fn write_bound(state: AppState, plan: Id, asked: bool) {
    let t = state.texts();
    let Some(handle) = handle_of(&plan) else { return };
    let file = handle.name();
    // An earlier failure of this file is replaced by how this write goes.
    let earlier: Vec<u64> = state.notices.with_untracked(|n| {
        n.iter()
            .filter(|x| matches!(&x.kind, NoticeKind::FileProblem { plan: p, .. } if p == &plan))
            .map(|x| x.id)
            .collect()
    });
    for id in earlier {
        state.dismiss(id);
    }
    match permitted(&handle, asked).await {
        Ok(true) => {}
        Ok(false) if !asked => {
            let text = fill(t.file_permission_needed, &[("file", &file)]);
            state.notify(NoticeKind::FileProblem { plan, text, action: t.file_allow });
            return;
        }
        Ok(false) => return failed(state, plan, &file, t.file_denied),
        Err(e) => return failed(state, plan, &file, &reason(&e)),
    }
    let Some(text) = file_text(state, &plan) else { return };
    match write_file(&handle, &text).await {
        Ok(()) => {
            crate::storage::record_export(crate::storage::local().as_ref(), &plan, &state::now());
            if asked {
                state.notify(NoticeKind::Done { text: fill(t.file_written, &[("file", &file)]) });
            }
        }
        Err(e) => failed(state, plan, &file, &reason(&e)),
    }
}

/// A write that failed, with "Try again".
fn failed(state: AppState, plan: Id, file: &str, reason: &str) {
    let t = state.texts();
    let text = fill(t.file_write_failed, &[("file", file), ("reason", reason)]);
    state.notify(NoticeKind::FileProblem { plan, text, action: t.file_try_again });
}

async fn save_as_to(state: AppState, plan: Id) {
    let Some(codec) = state::codec() else { return };
    let name = state.plan.with_untracked(|p| p.as_ref().filter(|p| p.id == plan).map(|p| p.name.clone())).unwrap_or_default();
    let options = picker_options(Some(&codec.file_name(&name)));
    match promise(show_save_file_picker(&options)).await {
        Ok(handle) => {
            bind(&plan, handle.unchecked_into());
            write_bound(state, plan, true).await;
        }
        Err(e) if cancelled(&e) => {}
        Err(e) => failed(state, plan, &codec.file_name(&name), &reason(&e)),
    }
}

async fn open_from(state: AppState) {
    let t = state.texts();
    let failed = |e: &JsValue| NoticeKind::Failed { text: fill(t.file_open_failed, &[("reason", &reason(e))]) };
    let picked = match promise(show_open_file_picker(&picker_options(None))).await {
        Ok(list) => js_sys::Array::from(&list).get(0).unchecked_into::<FileHandle>(),
        Err(e) if cancelled(&e) => return,
        Err(e) => return state.notify(failed(&e)),
    };
    let file: web_sys::File = match promise(picked.get_file()).await {
        Ok(f) => f.unchecked_into(),
        Err(e) => return state.notify(failed(&e)),
    };
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(b) => js_sys::Uint8Array::new(&b).to_vec(),
        Err(_) => return state.notify(NoticeKind::ReadFailed { file: file.name() }),
    };
    let Some(codec) = state::load_codec().await else { return state.notify(NoticeKind::PartFailed) };
    // The id the plan will have if it is imported as it is; the import itself (with its
    // checks and questions) is the one every file goes through.
    if let Ok(decoded) = codec.read(&bytes, Reading::Import, &mut state::new_id) {
        FILES.with(|f| f.borrow_mut().pending = Some((decoded.plan.id, picked)));
    }
    state.import_bytes(codec, &file.name(), &bytes);
}
