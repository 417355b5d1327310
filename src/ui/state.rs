//! The app's state and the only code that moves plans between memory and storage:
//! opening, editing with autosave, creating, importing, exporting, deleting.

use crate::i18n::{fill, Lang};
use crate::model::file_format::{decode, encode, file_name, MAX_BYTES};
use crate::model::{sample, BusinessFunction, Date, Id, ImportError, Plan, PlanSummary};
use crate::route::Route;
use crate::storage::{self, SaveError, Unreadable};
use crate::APP_VERSION;
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long typing may pause before the plan is saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Failed,
}

/// Something the app tells the user; texts are chosen when shown, so they follow the language.
#[derive(Clone, Debug)]
pub enum NoticeKind {
    Imported { name: String, migrated_from: Option<u32> },
    SampleFailed,
    LanguageFailed,
    UpdateReady,
    ImportFailed { file: String, error: ImportError },
    ReadFailed { file: String },
    ImportSameId { incoming: Box<Plan> },
    Deleted { name: String, text: String },
    StorageFull,
    StorageUnavailable,
    Unreadable(Unreadable),
    OtherTabUpdated,
    OtherTabConflict,
    OtherTabDeleted,
    /// A list entry was removed; undo puts the plan back as it was, until the next edit.
    Removed { item: String, before: Box<Plan> },
    Pulled { count: usize },
    BackupDue { name: String, days: i64 },
    /// Something was done, in words.
    Done { text: String },
}

#[derive(Clone, Debug)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub plans: RwSignal<Vec<PlanSummary>>,
    /// The open plan, if the route names one that exists.
    pub plan: RwSignal<Option<Plan>>,
    pub save_status: RwSignal<SaveStatus>,
    pub notices: RwSignal<Vec<Notice>>,
}

/// What autosave needs between events; not reactive.
#[derive(Default)]
struct Session {
    /// The stored revision the open plan is based on.
    base: u64,
    dirty: bool,
    /// Another tab saved too; autosave waits for the user's choice.
    conflict: bool,
    timer: Option<TimeoutHandle>,
    next_notice: u64,
    /// Plans already reminded of a backup this session.
    reminded: Vec<Id>,
}

/// Days without an export, with changes, before the backup reminder.
const BACKUP_AFTER_DAYS: i64 = 7;

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::default());
}

fn session<R>(f: impl FnOnce(&mut Session) -> R) -> R {
    SESSION.with(|s| f(&mut s.borrow_mut()))
}

pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today in the user's time zone.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

pub fn new_id() -> Id {
    let half = || (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    Id::from_bits((half() << 32) | half())
}

impl AppState {
    pub fn new(lang: Lang) -> AppState {
        AppState {
            lang: RwSignal::new(lang),
            route: RwSignal::new(Route::Plans),
            plans: RwSignal::new(Vec::new()),
            plan: RwSignal::new(None),
            save_status: RwSignal::new(SaveStatus::Saved),
            notices: RwSignal::new(Vec::new()),
        }
    }

    /// The texts of the current language. Untracked: the shell re-renders every screen
    /// when the language changes, so text nodes need no reactivity of their own.
    pub fn texts(&self) -> &'static crate::i18n::Texts {
        self.lang.get_untracked().texts()
    }

    pub fn notify(&self, kind: NoticeKind) {
        let id = session(|s| {
            s.next_notice += 1;
            s.next_notice
        });
        self.notices.update(|n| n.push(Notice { id, kind }));
    }

    /// Shows a notice, replacing an earlier one of the same kind.
    fn notify_once(&self, kind: NoticeKind) {
        let same = std::mem::discriminant(&kind);
        self.dismiss_where(|k| std::mem::discriminant(k) == same);
        self.notify(kind);
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }

    fn dismiss_where(&self, pred: impl Fn(&NoticeKind) -> bool) {
        self.notices.update(|n| n.retain(|x| !pred(&x.kind)));
    }

    /// Reads what storage holds at start and reports plans that can't be read.
    pub fn load_inventory(&self) {
        let Some(storage) = storage::local() else {
            self.notify(NoticeKind::StorageUnavailable);
            return;
        };
        let inventory = storage::inventory(&storage, &now());
        self.plans.set(inventory.plans);
        for u in inventory.unreadable {
            self.notify(NoticeKind::Unreadable(u));
        }
    }

    /// Makes the plan of the current route the open one.
    pub fn follow_route(&self, route: &Route) {
        let wanted = route.plan_id().cloned();
        let open = self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
        if wanted == open {
            return;
        }
        self.flush();
        if self.has_unsaved() {
            // The save failed (storage full, another tab): the edits stay in memory. The plan
            // list may be shown beside it, but no other plan replaces it.
            if let (Some(open), Some(_)) = (open, wanted) {
                navigate(&Route::Overview(open));
            }
            return;
        }
        session(|s| {
            s.base = 0;
            s.dirty = false;
            s.conflict = false;
        });
        let loaded = wanted.and_then(|id| {
            let storage = storage::local()?;
            match storage::load(&storage, &id)? {
                Ok((plan, revision)) => {
                    session(|s| s.base = revision);
                    Some(plan)
                }
                Err(_) => {
                    // Damaged since start: keep it and tell, as at start.
                    let inventory = storage::inventory(&storage, &now());
                    self.plans.set(inventory.plans);
                    inventory.unreadable.into_iter().for_each(|u| self.notify(NoticeKind::Unreadable(u)));
                    None
                }
            }
        });
        // Browsers may clear storage: a plan with changes not exported for a week gets a
        // reminder, once a session.
        if let Some(p) = &loaded {
            let settings = storage::settings(storage::local().as_ref());
            let first = session(|s| !s.reminded.contains(&p.id) && { s.reminded.push(p.id.clone()); true });
            if let (true, Some(days)) = (first, p.backup_due(settings.last_export(&p.id), &now(), BACKUP_AFTER_DAYS)) {
                self.notify(NoticeKind::BackupDue { name: p.name.clone(), days });
            }
        }
        self.plan.set(loaded);
        self.save_status.set(SaveStatus::Saved);
    }

    /// Changes the open plan and schedules its save.
    pub fn edit(&self, f: impl FnOnce(&mut Plan)) {
        // An undo offered earlier would now also drop this edit: withdraw it.
        if self.notices.with_untracked(|n| n.iter().any(|x| matches!(x.kind, NoticeKind::Removed { .. }))) {
            self.dismiss_where(|k| matches!(k, NoticeKind::Removed { .. }));
        }
        let stamp = now();
        self.plan.update(|p| {
            if let Some(p) = p {
                f(p);
                p.updated_at = stamp;
            }
        });
        session(|s| s.dirty = true);
        self.save_status.set(SaveStatus::Pending);
        let state = *self;
        let handle = set_timeout_with_handle(move || state.flush(), SAVE_DELAY).ok();
        if let Some(old) = session(|s| std::mem::replace(&mut s.timer, handle)) {
            old.clear();
        }
    }

    /// Whether the open plan has edits that are not in storage.
    pub fn has_unsaved(&self) -> bool {
        session(|s| s.dirty)
    }

    /// Saves the open plan now if it has unsaved edits.
    pub fn flush(&self) {
        if let Some(timer) = session(|s| s.timer.take()) {
            timer.clear();
        }
        let (dirty, conflict, base) = session(|s| (s.dirty, s.conflict, s.base));
        if conflict {
            self.save_status.set(SaveStatus::Failed);
        }
        if !dirty || conflict {
            return;
        }
        self.write(base, false);
    }

    fn write(&self, base: u64, force: bool) {
        let Some(storage) = storage::local() else {
            self.save_status.set(SaveStatus::Failed);
            return;
        };
        let result = self.plan.with_untracked(|p| p.as_ref().map(|p| (storage::save(&storage, p, base, force, &now()), p.summary())));
        let Some((result, summary)) = result else { return };
        match result {
            Ok(revision) => {
                session(|s| {
                    s.base = revision;
                    s.dirty = false;
                    s.conflict = false;
                });
                self.save_status.set(SaveStatus::Saved);
                self.upsert_summary(summary);
                self.dismiss_where(|k| {
                    matches!(k, NoticeKind::StorageFull | NoticeKind::OtherTabConflict | NoticeKind::OtherTabDeleted)
                });
            }
            Err(SaveError::Conflict { .. }) => {
                session(|s| s.conflict = true);
                self.save_status.set(SaveStatus::Failed);
                self.notify_once(NoticeKind::OtherTabConflict);
            }
            Err(SaveError::Full) | Err(SaveError::Other(_)) | Err(SaveError::Unavailable) => {
                self.save_status.set(SaveStatus::Failed);
                self.notify_once(NoticeKind::StorageFull);
            }
        }
    }

    fn upsert_summary(&self, summary: PlanSummary) {
        self.plans.update(|list| match list.iter_mut().find(|s| s.id == summary.id) {
            Some(entry) => {
                if *entry != summary {
                    *entry = summary
                }
            }
            None => list.push(summary),
        });
    }

    /// Resolves a two-tab conflict by keeping this tab's version.
    pub fn keep_mine(&self) {
        session(|s| s.dirty = true);
        let base = session(|s| s.base);
        self.write(base, true);
    }

    /// Resolves a two-tab conflict by loading what the other tab stored.
    pub fn load_theirs(&self) {
        let Some(id) = self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) else { return };
        if let Some(Ok((plan, revision))) = storage::local().and_then(|s| storage::load(&s, &id)) {
            session(|s| {
                s.base = revision;
                s.dirty = false;
                s.conflict = false;
            });
            self.plan.set(Some(plan));
            self.save_status.set(SaveStatus::Saved);
        }
        self.dismiss_where(|k| matches!(k, NoticeKind::OtherTabConflict));
    }

    /// Another tab wrote `key`: refresh the list, and reload or warn about the open plan.
    pub fn on_storage_event(&self, key: Option<String>, new_value: Option<String>) {
        let ours = key.as_deref().is_none_or(|k| k == storage::INDEX_KEY || storage::plan_id_of_key(k).is_some());
        if !ours {
            return;
        }
        let Some(storage) = storage::local() else { return };
        let Some(key) = key else {
            self.plans.set(storage::read_index(&storage));
            return;
        };
        if key == storage::INDEX_KEY {
            self.plans.set(storage::read_index(&storage));
            return;
        }
        let Some(id) = storage::plan_id_of_key(&key) else { return };
        if self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) != Some(id) {
            return;
        }
        let Some(text) = new_value else {
            // Only the user's "keep mine" writes it back.
            session(|s| {
                s.base = 0;
                s.dirty = true;
                s.conflict = true;
            });
            if let Some(t) = session(|s| s.timer.take()) {
                t.clear();
            }
            self.save_status.set(SaveStatus::Failed);
            self.notify_once(NoticeKind::OtherTabDeleted);
            return;
        };
        let Ok(decoded) = decode(text.as_bytes()) else { return };
        let revision = decoded.revision.unwrap_or(0);
        let (base, dirty) = session(|s| (s.base, s.dirty));
        if revision <= base {
            return;
        }
        if dirty {
            session(|s| s.conflict = true);
            if let Some(t) = session(|s| s.timer.take()) {
                t.clear();
            }
            self.save_status.set(SaveStatus::Failed);
            self.notify_once(NoticeKind::OtherTabConflict);
        } else {
            session(|s| s.base = revision);
            self.plan.set(Some(decoded.plan));
            self.notify_once(NoticeKind::OtherTabUpdated);
        }
    }

    /// Stores a plan that isn't open (new, copied, imported, renamed from the list) and
    /// lists it. With `force`, it replaces the stored plan of the same id.
    fn store_new(&self, plan: &Plan, force: bool) -> bool {
        let Some(storage) = storage::local() else {
            self.notify(NoticeKind::StorageUnavailable);
            return false;
        };
        match storage::save(&storage, plan, 0, force, &now()) {
            Ok(_) => {
                self.upsert_summary(plan.summary());
                true
            }
            Err(_) => {
                self.notify(NoticeKind::StorageFull);
                false
            }
        }
    }

    pub fn create(&self, name: &str, function: BusinessFunction) {
        let name = if name.trim().is_empty() { self.lang.get_untracked().texts().new_plan_default_name } else { name.trim() };
        let plan = Plan::new(new_id(), name, function, &now());
        if self.store_new(&plan, false) {
            navigate(&Route::Overview(plan.id));
        }
    }

    /// Fetches the sample's files from the app's own site and opens a fresh copy.
    pub fn open_sample(&self) {
        let state = *self;
        let lang = self.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let structure = fetch_text("sample/plan.json").await;
            let table = fetch_text(&format!("sample/{}.json", lang.code())).await;
            let built = structure.zip(table).and_then(|(s, t)| sample::build(&s, &t, &today(), &now()));
            let Some(mut plan) = built else {
                state.notify(NoticeKind::SampleFailed);
                return;
            };
            plan.reassign_ids(&mut new_id);
            if state.store_new(&plan, false) {
                navigate(&Route::Overview(plan.id));
            }
        });
    }

    /// A plan by id: the open one with its unsaved edits, or the stored one.
    fn plan_by_id(&self, id: &Id) -> Option<Plan> {
        let open = self.plan.with_untracked(|p| p.as_ref().filter(|p| &p.id == id).cloned());
        open.or_else(|| storage::load(&storage::local()?, id)?.ok().map(|(p, _)| p))
    }

    pub fn duplicate(&self, id: &Id) {
        let Some(mut plan) = self.plan_by_id(id) else { return };
        plan.reassign_ids(&mut new_id);
        plan.name = fill(self.lang.get_untracked().texts().copy_of, &[("name", &plan.name)]);
        plan.created_at = now();
        plan.updated_at = plan.created_at.clone();
        self.store_new(&plan, false);
    }

    pub fn rename(&self, id: &Id, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        if self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| &p.id == id)) {
            self.edit(|p| p.name = name.to_owned());
            self.flush();
        } else if let Some(mut plan) = self.plan_by_id(id) {
            plan.name = name.to_owned();
            plan.updated_at = now();
            self.store_new(&plan, true);
        }
    }

    pub fn delete(&self, id: &Id) {
        let Some(storage) = storage::local() else { return };
        let name = self.plans.with_untracked(|l| l.iter().find(|s| &s.id == id).map(|s| s.name.clone())).unwrap_or_default();
        if self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| &p.id == id)) {
            self.flush();
            session(|s| s.dirty = false);
            self.plan.set(None);
        }
        let text = storage::delete(&storage, id);
        self.plans.update(|l| l.retain(|s| &s.id != id));
        if let Some(text) = text {
            self.notify(NoticeKind::Deleted { name, text });
        }
    }

    pub fn undo_delete(&self, notice: u64, text: &str) {
        let Some(storage) = storage::local() else { return };
        match storage::restore(&storage, text) {
            Ok(summary) => {
                self.upsert_summary(summary);
                self.dismiss(notice);
            }
            Err(_) => self.notify(NoticeKind::StorageFull),
        }
    }

    /// Exports a plan as a file download.
    pub fn export(&self, id: &Id) {
        if let Some(plan) = self.plan_by_id(id) {
            let at = now();
            download(&file_name(&plan.name), &encode(&plan, APP_VERSION, &at, None, true));
            storage::record_export(storage::local().as_ref(), id, &at);
            self.dismiss_where(|k| matches!(k, NoticeKind::BackupDue { .. }));
        }
    }

    /// Reads a chosen or dropped file and imports it.
    pub fn import_file(&self, file: web_sys::File) {
        let state = *self;
        let name = file.name();
        if file.size() > MAX_BYTES as f64 {
            let error = ImportError::TooLarge { bytes: file.size() as usize };
            state.notify(NoticeKind::ImportFailed { file: name, error });
            return;
        }
        leptos::task::spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            match buffer {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    state.import_bytes(&name, &bytes);
                }
                Err(_) => state.notify(NoticeKind::ReadFailed { file: name }),
            }
        });
    }

    pub fn import_bytes(&self, file: &str, bytes: &[u8]) {
        match decode(bytes) {
            Err(error) => self.notify(NoticeKind::ImportFailed { file: file.to_owned(), error }),
            Ok(decoded) => {
                let exists = self.plans.with_untracked(|l| l.iter().any(|s| s.id == decoded.plan.id));
                if exists {
                    self.notify(NoticeKind::ImportSameId { incoming: Box::new(decoded.plan) });
                } else if self.store_new(&decoded.plan, false) {
                    let name = decoded.plan.name.clone();
                    self.notify(NoticeKind::Imported { name, migrated_from: decoded.migrated_from });
                    navigate(&Route::Overview(decoded.plan.id));
                }
            }
        }
    }

    /// Answers the question an import of a plan that exists asked.
    pub fn resolve_import(&self, notice: u64, incoming: &Plan, replace: bool) {
        self.dismiss(notice);
        let mut plan = incoming.clone();
        if replace {
            if self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.id == plan.id)) {
                session(|s| s.dirty = false);
                self.plan.set(None);
            }
        } else {
            plan.id = new_id();
        }
        if self.store_new(&plan, replace) {
            self.notify(NoticeKind::Imported { name: plan.name.clone(), migrated_from: None });
            let route = Route::Overview(plan.id);
            if self.route.get_untracked() == route {
                self.follow_route(&route);
            }
            navigate(&route);
        }
    }

    /// Puts the plan back as it was before a removal.
    pub fn undo_remove(&self, notice: u64, before: &Plan) {
        self.edit(|p| {
            if p.id == before.id {
                *p = before.clone();
            }
        });
        self.dismiss(notice);
    }

    /// Offers the raw text of an unreadable plan as a download.
    pub fn download_raw(&self, u: &Unreadable) {
        if let Some(text) = storage::local().and_then(|s| storage::raw(&s, &u.key)) {
            download(&format!("{}-backup.json", u.id), &text);
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
