//! The app's state and the only code that moves plans between memory and storage:
//! opening, editing with autosave, creating, importing, exporting, deleting.

use crate::i18n::{fill, Lang};
use crate::model::file_format::{Codec, MAX_BYTES};
use crate::model::file_format::Reading;
use crate::model::{BusinessFunction, Date, Id, ImportError, Plan, PlanSummary, Removal, Repair};
use crate::route::Route;
use crate::storage::{self, SaveError};
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
    /// A stored plan was saved by a newer version of the app (another tab updated first).
    NewerVersion { name: String },
    OtherTabUpdated,
    OtherTabConflict,
    OtherTabDeleted,
    /// A list entry was removed; undo puts back what went, until the plan changes otherwise.
    Removed { item: String, plan: Id, removal: Box<Removal> },
    /// A stored or imported plan did not validate and was repaired; `kept` is where the
    /// text as it was is kept, if it was stored.
    Repaired { name: String, repairs: Vec<Repair>, kept: Option<String> },
    /// An import met fields the app does not know: import without them, or not at all.
    UnknownFields { file: String, fields: Vec<String>, incoming: Box<Plan>, migrated_from: Option<u32>, repairs: Vec<Repair> },
    Pulled { count: usize },
    BackupDue { name: String, days: i64 },
    /// Something was done, in words.
    Done { text: String },
    /// A part of the app could not be fetched; a reload (after saving) gets it.
    PartFailed,
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
    /// Counts changes to the backup copies in storage, for the Recovery list.
    pub backups_revision: RwSignal<u64>,
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
    /// A plan just stored by this tab, with its revision, for the screen about to open
    /// it: a new or imported plan is not read back from storage.
    handoff: Option<(Plan, u64)>,
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
        let _ = super::screen::preload_plan_screens().await;
    });
    let c = codec_part().await.ok()?;
    CODEC.with(|x| x.set(Some(c)));
    Some(c)
}

super::on_demand! { plan_codec:
fn codec_part() -> &'static dyn Codec {
    &crate::model::PlanCodec
}
}

/// Runs `f` with the plan reader and writer: at once when loaded, else once it is; when
/// it can't be fetched, says so.
fn with_codec(f: impl FnOnce(&'static dyn Codec) + 'static) {
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
            backups_revision: RwSignal::new(0),
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
    pub fn notify_once(&self, kind: NoticeKind) {
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
        // Stored plans are read with the codec, loaded before the app starts when there
        // are any (see `ui::start`).
        let inventory = storage::inventory(&storage, codec(), &now(), &mut new_id);
        self.take_inventory(inventory);
    }

    fn take_inventory(&self, inventory: storage::Inventory) {
        self.plans.set(inventory.plans);
        // Plans that can't be read at all are listed under "Recovery" on the plan list;
        // only a plan saved by a newer version of the app needs a word here.
        for u in inventory.unreadable.into_iter().filter(|u| u.newer) {
            self.notify(NoticeKind::NewerVersion { name: u.name });
        }
        for r in inventory.repaired {
            self.notify(NoticeKind::Repaired { name: r.name, repairs: r.repairs, kept: r.kept });
        }
        self.backups_changed();
    }

    /// The Recovery list follows storage's backup copies.
    pub fn backups_changed(&self) {
        self.backups_revision.update(|n| *n += 1);
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
        let codec = match (wanted.is_some(), codec()) {
            (true, None) => {
                // No plan was stored when the app started (another tab made this one):
                // load the reader, then open the plan if the route still names it.
                let (state, route) = (*self, route.clone());
                leptos::task::spawn_local(async move {
                    if load_codec().await.is_none() {
                        state.notify(NoticeKind::PartFailed);
                        return;
                    }
                    if state.route.get_untracked().plan_id() == route.plan_id() {
                        state.follow_route(&route);
                    }
                });
                return;
            }
            (_, codec) => codec,
        };
        // A plan this tab just stored is taken as it is; any other is read from storage.
        let handoff = session(|s| s.handoff.take()).filter(|(p, _)| Some(&p.id) == wanted.as_ref());
        let loaded = handoff.or_else(|| self.read_stored(codec?, &wanted?));
        session(|s| {
            s.base = loaded.as_ref().map_or(0, |(_, revision)| *revision);
            s.dirty = false;
            s.conflict = false;
        });
        let loaded = loaded.map(|(plan, _)| plan);
        // Browsers may clear storage: a plan with changes not exported for a week gets a
        // reminder, once a session.
        if let Some(p) = &loaded {
            let settings = storage::settings(storage::local().as_ref());
            let first = session(|s| !s.reminded.contains(&p.id) && { s.reminded.push(p.id.clone()); true });
            if let (true, Some(days)) = (first, p.backup_due(settings.last_export(&p.id), &now(), BACKUP_AFTER_DAYS)) {
                self.notify(NoticeKind::BackupDue { name: p.name.clone(), days });
            }
        }
        self.set_open(loaded);
        self.save_status.set(SaveStatus::Saved);
    }

    /// A stored plan with its revision. A plan damaged since start is kept and reported,
    /// as at start.
    fn read_stored(&self, codec: &dyn Codec, id: &Id) -> Option<(Plan, u64)> {
        let storage = storage::local()?;
        match storage::load(&storage, codec, id, &now(), &mut new_id)? {
            Ok((plan, revision, None)) => Some((plan, revision)),
            Ok((plan, revision, Some(r))) => {
                // The repaired plan is saved at once, so storage holds a valid plan again.
                self.notify(NoticeKind::Repaired { name: r.name, repairs: r.repairs, kept: r.kept });
                self.backups_changed();
                let saved = storage::save(&storage, codec, &plan, revision, false, &now()).unwrap_or(revision);
                Some((plan, saved))
            }
            Err(_) => {
                let inventory = storage::inventory(&storage, Some(codec), &now(), &mut new_id);
                self.take_inventory(inventory);
                None
            }
        }
    }

    /// Changes the open plan and schedules its save.
    pub fn edit(&self, f: impl FnOnce(&mut Plan)) {
        self.edit_keeping_undo(f, false);
    }

    /// Removes an item of the open plan with `f` (a model removal) and offers to undo it.
    pub fn remove(&self, item: String, f: impl FnOnce(&mut Plan) -> Option<Removal>) {
        let mut removal = None;
        self.edit(|p| removal = f(p));
        let plan = self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
        if let (Some(removal), Some(plan)) = (removal, plan) {
            self.notify(NoticeKind::Removed { item, plan, removal: Box::new(removal) });
        }
    }

    /// An undo offered earlier is withdrawn when the plan changes in any other way than
    /// by the undo itself: it then puts back one item into the plan as it is now.
    fn withdraw_undo(&self) {
        if self.notices.with_untracked(|n| n.iter().any(|x| matches!(x.kind, NoticeKind::Removed { .. }))) {
            self.dismiss_where(|k| matches!(k, NoticeKind::Removed { .. }));
        }
    }

    /// Replaces the open plan (another plan opened, another tab's version loaded).
    fn set_open(&self, plan: Option<Plan>) {
        self.withdraw_undo();
        self.plan.set(plan);
    }

    fn edit_keeping_undo(&self, f: impl FnOnce(&mut Plan), keep_undo: bool) {
        // Without an open plan there is nothing to change, and nothing to save.
        if self.plan.with_untracked(Option::is_none) {
            return;
        }
        if !keep_undo {
            self.withdraw_undo();
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
        let (Some(storage), Some(codec)) = (storage::local(), codec()) else {
            self.save_status.set(SaveStatus::Failed);
            return;
        };
        // The last guard: storage only ever receives a plan that validates. Every edit is a
        // model operation that keeps the plan valid, so this finds nothing unless one of
        // them has a flaw; then the plan is repaired rather than saved broken.
        let repairs = self.plan.try_update_untracked(|p| p.as_mut().map(|p| codec.repair(p, &mut new_id)).unwrap_or_default()).unwrap_or_default();
        if !repairs.is_empty() {
            self.plan.update(|_| ());
            let name = self.plan.with_untracked(|p| p.as_ref().map(|p| p.name.clone())).unwrap_or_default();
            self.notify(NoticeKind::Repaired { name, repairs, kept: None });
        }
        let timing = Timing::start("socialplan:save");
        let result = self.plan.with_untracked(|p| p.as_ref().map(|p| (storage::save(&storage, codec, p, base, force, &now()), p.summary())));
        timing.end();
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
        if let Some(Ok((plan, revision, _))) = storage::local().zip(codec()).and_then(|(s, c)| storage::load(&s, c, &id, &now(), &mut new_id)) {
            session(|s| {
                s.base = revision;
                s.dirty = false;
                s.conflict = false;
            });
            self.set_open(Some(plan));
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
        let Some(Ok(decoded)) = codec().map(|c| c.read(text.as_bytes(), Reading::Stored, &mut new_id)) else { return };
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
            self.set_open(Some(decoded.plan));
            self.notify_once(NoticeKind::OtherTabUpdated);
        }
    }

    /// Stores a plan the way `store` does and hands it to the screen about to open it.
    fn store_and_open(&self, codec: &dyn Codec, plan: Plan, force: bool) -> bool {
        let Some(revision) = self.store(codec, &plan, force) else { return false };
        let route = Route::Overview(plan.id.clone());
        session(|s| s.handoff = Some((plan, revision)));
        if self.route.get_untracked() == route {
            self.follow_route(&route);
        }
        navigate(&route);
        true
    }

    /// Stores a plan that isn't open (new, copied, imported, renamed from the list) and
    /// lists it. With `force`, it replaces the stored plan of the same id. Returns the
    /// revision it was stored with, or `None` (and a notice) when it couldn't be.
    fn store(&self, codec: &dyn Codec, plan: &Plan, force: bool) -> Option<u64> {
        let Some(storage) = storage::local() else {
            self.notify(NoticeKind::StorageUnavailable);
            return None;
        };
        match storage::save(&storage, codec, plan, 0, force, &now()) {
            Ok(revision) => {
                self.upsert_summary(plan.summary());
                Some(revision)
            }
            Err(_) => {
                self.notify(NoticeKind::StorageFull);
                None
            }
        }
    }

    pub fn create(&self, name: &str, function: BusinessFunction) {
        let name = if name.trim().is_empty() { self.lang.get_untracked().texts().new_plan_default_name } else { name.trim() };
        let plan = Plan::new(new_id(), name, function, &now());
        let state = *self;
        with_codec(move |codec| {
            state.store_and_open(codec, plan, false);
        });
    }

    /// Fetches the sample's files from the app's own site and opens a fresh copy.
    pub fn open_sample(&self) {
        let state = *self;
        let lang = self.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let structure = fetch_text("sample/plan.json").await;
            let table = fetch_text(&format!("sample/{}.json", lang.code())).await;
            let Some(codec) = load_codec().await else {
                state.notify(NoticeKind::PartFailed);
                return;
            };
            let built = structure.zip(table).and_then(|(s, t)| codec.sample(&s, &t, &today(), &now()));
            let Some(mut plan) = built else {
                state.notify(NoticeKind::SampleFailed);
                return;
            };
            plan.reassign_ids(&mut new_id);
            state.store_and_open(codec, plan, false);
        });
    }

    /// A plan by id: the open one with its unsaved edits, or the stored one.
    fn plan_by_id(&self, codec: &dyn Codec, id: &Id) -> Option<Plan> {
        let open = self.plan.with_untracked(|p| p.as_ref().filter(|p| &p.id == id).cloned());
        open.or_else(|| storage::load(&storage::local()?, codec, id, &now(), &mut new_id)?.ok().map(|(p, _, _)| p))
    }

    pub fn duplicate(&self, id: &Id) {
        let (state, id) = (*self, id.clone());
        with_codec(move |codec| {
            let Some(mut plan) = state.plan_by_id(codec, &id) else { return };
            plan.reassign_ids(&mut new_id);
            plan.name = fill(state.lang.get_untracked().texts().copy_of, &[("name", &plan.name)]);
            plan.created_at = now();
            plan.updated_at = plan.created_at.clone();
            state.store(codec, &plan, false);
        });
    }

    pub fn rename(&self, id: &Id, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        if self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| &p.id == id)) {
            self.edit(|p| p.name = name.to_owned());
            self.flush();
        } else {
            let (state, id, name) = (*self, id.clone(), name.to_owned());
            with_codec(move |codec| {
                if let Some(mut plan) = state.plan_by_id(codec, &id) {
                    plan.name = name;
                    plan.updated_at = now();
                    state.store(codec, &plan, true);
                }
            });
        }
    }

    pub fn delete(&self, id: &Id) {
        let Some(storage) = storage::local() else { return };
        let name = self.plans.with_untracked(|l| l.iter().find(|s| &s.id == id).map(|s| s.name.clone())).unwrap_or_default();
        if self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| &p.id == id)) {
            self.flush();
            session(|s| s.dirty = false);
            self.set_open(None);
        }
        let text = storage::delete(&storage, id);
        self.plans.update(|l| l.retain(|s| &s.id != id));
        if let Some(text) = text {
            self.notify(NoticeKind::Deleted { name, text });
        }
    }

    pub fn undo_delete(&self, notice: u64, text: &str) {
        let Some(storage) = storage::local() else { return };
        let (state, text) = (*self, text.to_owned());
        with_codec(move |codec| match storage::restore(&storage, codec, &text, &mut new_id) {
            Ok(summary) => {
                state.upsert_summary(summary);
                state.dismiss(notice);
            }
            Err(_) => state.notify(NoticeKind::StorageFull),
        });
    }

    /// Exports a plan as a file download.
    pub fn export(&self, id: &Id) {
        let (state, id) = (*self, id.clone());
        with_codec(move |codec| {
            if let Some(plan) = state.plan_by_id(codec, &id) {
                let at = now();
                // Compact, like storage: what the app can store it can export and import again.
                download(&codec.file_name(&plan.name), &codec.encode(&plan, APP_VERSION, &at, None, false));
                storage::record_export(storage::local().as_ref(), &id, &at);
                state.dismiss_where(|k| matches!(k, NoticeKind::BackupDue { .. }));
            }
        });
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
                    match load_codec().await {
                        Some(codec) => state.import_bytes(codec, &name, &bytes),
                        None => state.notify(NoticeKind::PartFailed),
                    }
                }
                Err(_) => state.notify(NoticeKind::ReadFailed { file: name }),
            }
        });
    }

    /// Reads a plan file, checks it completely, stores it and opens it; or says why not.
    /// Marked as `socialplan:import` in the browser's performance timeline.
    pub fn import_bytes(&self, codec: &dyn Codec, file: &str, bytes: &[u8]) {
        let timing = Timing::start("socialplan:import");
        match codec.read(bytes, Reading::Import, &mut new_id) {
            Err(error) => self.notify(NoticeKind::ImportFailed { file: file.to_owned(), error }),
            Ok(decoded) if !decoded.unknown.is_empty() => {
                // Fields the app does not know would be dropped: ask first.
                self.notify(NoticeKind::UnknownFields {
                    file: file.to_owned(),
                    fields: decoded.unknown,
                    incoming: Box::new(decoded.plan),
                    migrated_from: decoded.migrated_from,
                    repairs: decoded.repairs,
                });
            }
            Ok(decoded) => self.import_decoded(codec, decoded.plan, decoded.migrated_from, decoded.repairs),
        }
        timing.end();
    }

    /// Imports the plan of a file that was read: asks when a plan with its id exists.
    fn import_decoded(&self, codec: &dyn Codec, plan: Plan, migrated_from: Option<u32>, repairs: Vec<Repair>) {
        let exists = self.plans.with_untracked(|l| l.iter().any(|s| s.id == plan.id));
        let name = plan.name.clone();
        if exists {
            self.notify(NoticeKind::ImportSameId { incoming: Box::new(plan) });
        } else if self.store_and_open(codec, plan, false) {
            self.notify(NoticeKind::Imported { name: name.clone(), migrated_from });
        } else {
            return;
        }
        if !repairs.is_empty() {
            self.notify(NoticeKind::Repaired { name, repairs, kept: None });
        }
    }

    /// Answers the question about unknown fields: import without them, or not at all.
    pub fn resolve_unknown(&self, notice: u64, incoming: &Plan, migrated_from: Option<u32>, repairs: &[Repair], import: bool) {
        self.dismiss(notice);
        if let (true, Some(codec)) = (import, codec()) {
            self.import_decoded(codec, incoming.clone(), migrated_from, repairs.to_vec());
        }
    }

    /// Answers the question an import of a plan that exists asked.
    pub fn resolve_import(&self, notice: u64, incoming: &Plan, replace: bool) {
        self.dismiss(notice);
        let mut plan = incoming.clone();
        if replace {
            if self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.id == plan.id)) {
                session(|s| s.dirty = false);
                self.set_open(None);
            }
        } else {
            plan.id = new_id();
        }
        let Some(codec) = codec() else { return };
        let name = plan.name.clone();
        if self.store_and_open(codec, plan, replace) {
            self.notify(NoticeKind::Imported { name, migrated_from: None });
        }
    }

    /// Puts back what one removal took out of the open plan, and only that.
    pub fn undo_remove(&self, notice: u64, plan: &Id, removal: &Removal) {
        self.dismiss(notice);
        if self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| &p.id == plan)) {
            let removal = removal.clone();
            self.edit_keeping_undo(|p| p.restore(removal), true);
        }
    }

    /// Offers a backup copy's text as a download, exactly as it is stored.
    pub fn download_backup(&self, b: &storage::Backup) {
        if let Some(text) = storage::local().and_then(|s| storage::raw(&s, &b.key)) {
            download(&format!("{}-{}.backup.json", b.plan, b.at.replace(':', "-")), &text);
        }
    }

    /// Tries to make a plan of a backup copy again. The copy stays until it is deleted.
    /// A plan with the same id that is still listed is kept: the restored one is a copy.
    pub fn restore_backup(&self, b: &storage::Backup) {
        let Some(text) = storage::local().and_then(|s| storage::raw(&s, &b.key)) else { return };
        let (state, key) = (*self, b.key.clone());
        with_codec(move |codec| match codec.read(text.as_bytes(), Reading::Import, &mut new_id) {
            Err(error) => state.notify(NoticeKind::ImportFailed { file: key, error }),
            Ok(decoded) => {
                let mut plan = decoded.plan;
                if state.plans.with_untracked(|l| l.iter().any(|s| s.id == plan.id)) {
                    plan.reassign_ids(&mut new_id);
                    plan.name = fill(state.texts().copy_of, &[("name", &plan.name)]);
                }
                let name = plan.name.clone();
                if state.store_and_open(codec, plan, false) {
                    state.notify(NoticeKind::Done { text: fill(state.texts().backup_restored, &[("name", &name)]) });
                    if !decoded.repairs.is_empty() {
                        state.notify(NoticeKind::Repaired { name, repairs: decoded.repairs, kept: None });
                    }
                }
            }
        });
    }

    pub fn delete_backup(&self, b: &storage::Backup) {
        if let Some(s) = storage::local() {
            storage::delete_backup(&s, &b.key);
            self.backups_changed();
        }
    }
}

/// A step's duration in the browser's performance timeline (`performance.measure`), where
/// the benchmark reads it and developer tools show it.
struct Timing(&'static str);

impl Timing {
    fn start(name: &'static str) -> Timing {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(name);
        }
        Timing(name)
    }

    fn end(self) {
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
