//! What the user does with whole plans: create, open the sample, import (asking about
//! unknown fields and plans that exist), export, duplicate, rename, delete and undo, and
//! the backup copies of the Recovery list.

use super::browser::{download, Timing};
use super::codec::{importing, start_loading_codec, with_codec};
use super::{codec, fetch_text, load_codec, new_id, now, session, today, AppState, NoticeKind};
use crate::autosave::Event;
use crate::i18n::fill;
use crate::model::file_format::{Codec, Reading, MAX_BYTES};
use crate::model::{BusinessFunction, Id, ImportError, Plan, Repair};
use crate::route::Route;
use crate::storage;
use crate::APP_VERSION;
use leptos::prelude::*;

impl AppState {
    /// Stores a plan the way `store` does and hands it to the screen about to open it.
    fn store_and_open(&self, codec: &dyn Codec, plan: Plan, force: bool) -> bool {
        let route = Route::Overview(plan.id.clone());
        self.store_and_open_at(codec, plan, force, route)
    }

    /// `store_and_open`, opening the plan at `route`.
    fn store_and_open_at(&self, codec: &dyn Codec, plan: Plan, force: bool, route: Route) -> bool {
        let Some(revision) = self.store(codec, &plan, force) else { return false };
        // A plan stored anew may reuse a revision number: the closed copy is not it.
        session(|s| (s.handoff, s.closed) = (Some((plan, revision)), None));
        super::browser::go(*self, route);
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
            self.dispatch(Event::Closed);
            self.set_open(None);
        }
        session(|s| s.closed = None);
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
        crate::ui::file_access::forget_pending();
        let state = *self;
        let name = file.name();
        if file.size() > MAX_BYTES as f64 {
            let error = ImportError::TooLarge { bytes: file.size() as usize };
            state.notify(NoticeKind::ImportFailed { file: name, error });
            return;
        }
        // The reader is fetched while the file is read.
        start_loading_codec();
        // Reading a plan takes a few times its file's size in memory: taken in one step
        // now, while the browser reads the file, and not in hundreds of small steps of
        // the memory's growth while the plan is read and drawn.
        reserve_memory(file.size() as usize * 4);
        // The warm-ups wait until its screen is drawn.
        importing(true);
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
            crate::ui::after_paint(|| importing(false));
        });
    }

    /// Reads a plan file, checks it completely and opens it (see `open_imported`); or says
    /// why not. Marked as `socialplan:import` in the browser's performance timeline; the
    /// store that follows the first frame is a `socialplan:save`.
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
            Ok(decoded) => self.import_decoded(decoded.plan, decoded.migrated_from, decoded.repairs),
        }
        timing.end();
    }

    /// Imports the plan of a file that was read: asks when a plan with its id exists
    /// (listed, or open and not stored yet).
    fn import_decoded(&self, plan: Plan, migrated_from: Option<u32>, repairs: Vec<Repair>) {
        let exists = self.plans.with_untracked(|l| l.iter().any(|s| s.id == plan.id)) || self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.id == plan.id));
        if !exists {
            self.open_imported(plan, migrated_from, repairs);
            return;
        }
        let name = plan.name.clone();
        self.notify(NoticeKind::ImportSameId { incoming: Box::new(plan) });
        if !repairs.is_empty() {
            self.notify(NoticeKind::Repaired { name, repairs, kept: None });
        }
    }

    /// Opens an imported plan at once and stores it in the task after the frame that draws
    /// it, so a large plan shows without waiting for its write. Until storage holds it, the
    /// plan is open with an unsaved change (the header says so): leaving it, hiding or
    /// closing the tab writes it first, autosave's timer writes it should no frame come (a
    /// hidden tab), and a write that fails keeps it open, "Not saved", with the message
    /// about full storage. The import is confirmed (and a file opened with "Open file…"
    /// bound to it) only once it is stored: `import_stored`.
    fn open_imported(&self, plan: Plan, migrated_from: Option<u32>, repairs: Vec<Repair>) {
        let id = plan.id.clone();
        // A plan handed out to a workshop, new in this browser: a participant's copy, which
        // opens where they enter their name and send their contribution.
        let route = if plan.workshop.handed_out_at.is_empty() { Route::Overview(id.clone()) } else { Route::Workshop(id.clone()) };
        session(|s| s.imported = Some(super::PendingImport { id: id.clone(), name: plan.name.clone(), migrated_from, repairs }));
        // A plan still open with changes storage refused is not replaced (`follow_route`):
        // then the import is stored first, so it is not left waiting in memory.
        self.flush();
        if self.has_unsaved() {
            if let Some(codec) = codec() {
                if self.store_and_open_at(codec, plan, false, route) {
                    self.import_stored(&id);
                }
            }
            return;
        }
        session(|s| (s.handoff, s.closed) = (Some((plan, 0)), None));
        // Drawn in this task: the overview's first frame is the next one.
        super::browser::go(*self, route);
    }

    /// A plan was stored: if it is an import waiting for that, the import is confirmed.
    pub(super) fn import_stored(&self, id: &Id) {
        let Some(done) = session(|s| s.imported.take_if(|p| &p.id == id)) else { return };
        crate::ui::file_access::imported(id);
        self.notify(NoticeKind::Imported { name: done.name.clone(), migrated_from: done.migrated_from });
        if !done.repairs.is_empty() {
            self.notify(NoticeKind::Repaired { name: done.name, repairs: done.repairs, kept: None });
        }
    }

    /// Answers the question about unknown fields: import without them, or not at all.
    pub fn resolve_unknown(&self, notice: u64, incoming: &Plan, migrated_from: Option<u32>, repairs: &[Repair], import: bool) {
        self.dismiss(notice);
        if import {
            self.import_decoded(incoming.clone(), migrated_from, repairs.to_vec());
        }
    }

    /// Answers the question an import of a plan that exists asked.
    pub fn resolve_import(&self, notice: u64, incoming: &Plan, replace: bool) {
        self.dismiss(notice);
        let mut plan = incoming.clone();
        if replace {
            if self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.id == plan.id)) {
                self.dispatch(Event::Closed);
                self.set_open(None);
            }
        } else {
            plan.id = new_id();
        }
        let Some(codec) = codec() else { return };
        let (name, id) = (plan.name.clone(), plan.id.clone());
        if self.store_and_open(codec, plan, replace) {
            // A plan opened from a file keeps its file when it replaces the one here.
            if replace {
                crate::ui::file_access::imported(&id);
            }
            self.notify(NoticeKind::Imported { name, migrated_from: None });
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

/// Grows the app's memory by `bytes` at once, unless that much is free already: the
/// allocator keeps what is freed, and later allocations are taken from it.
fn reserve_memory(bytes: usize) {
    let block: Vec<u8> = Vec::with_capacity(bytes);
    // Taken and given back, not left out by the compiler as unused.
    drop(std::hint::black_box(block));
}
