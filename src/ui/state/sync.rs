//! Autosave and other tabs: every edit, timer, flush, save outcome, storage event and
//! answer to a conflict is one event for the state machine of `crate::autosave`, whose
//! effects are carried out here. Nothing else sets what the save status shows.

use super::browser::Timing;
use super::{codec, new_id, now, session, AppState, NoticeKind, SaveStatus};
use crate::autosave::{Autosave, Effect, Event, Failure, Warning};
use crate::model::file_format::Reading;
use crate::model::Plan;
use crate::storage::{self, SaveError};
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;

/// How long typing may pause before the plan is saved.
const SAVE_DELAY: Duration = Duration::from_millis(400);

impl AppState {
    /// Whether the open plan has edits that are not in storage.
    pub fn has_unsaved(&self) -> bool {
        self.autosave.with_untracked(Autosave::has_unsaved)
    }

    /// What the header says about saving; reactive.
    pub fn save_status(&self) -> SaveStatus {
        self.autosave.with(Autosave::status)
    }

    /// Saves the open plan now if it has unsaved edits.
    pub fn flush(&self) {
        self.dispatch(Event::Flush);
    }

    /// Tells autosave what happened and carries out what it says to do. An event that
    /// arrives while the effects of another run (a save's outcome) waits for them.
    pub fn dispatch(&self, event: Event) {
        self.dispatch_with(event, None);
    }

    /// `dispatch`, with the other tab's version of the plan for `Effect::ShowTheirs`.
    fn dispatch_with(&self, event: Event, theirs: Option<Plan>) {
        thread_local! {
            /// Whether effects are being carried out, and the events waiting for them.
            static QUEUE: RefCell<(bool, Vec<(AppState, Event, Option<Plan>)>)> = RefCell::default();
        }
        let busy = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            q.1.push((*self, event, theirs));
            std::mem::replace(&mut q.0, true)
        });
        if busy {
            return;
        }
        // First in, first out; the queue rarely holds more than one event.
        while let Some((state, event, theirs)) = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            (!q.1.is_empty()).then(|| q.1.remove(0))
        }) {
            state.run(event, theirs);
        }
        QUEUE.with(|q| q.borrow_mut().0 = false);
    }

    /// One event: autosave steps, then its effects are carried out in order.
    fn run(&self, event: Event, mut theirs: Option<Plan>) {
        let effects = self.autosave.try_maybe_update(|a| {
            let before = a.state();
            let effects = a.step(event);
            (a.state() != before, effects)
        });
        for effect in effects.unwrap_or_default() {
            match effect {
                Effect::ScheduleSave => {
                    let state = *self;
                    let fire = move || {
                        session(|s| s.timer = None);
                        state.dispatch(Event::TimerFired);
                    };
                    let handle = set_timeout_with_handle(fire, SAVE_DELAY).ok();
                    if let Some(old) = session(|s| std::mem::replace(&mut s.timer, handle)) {
                        old.clear();
                    }
                }
                Effect::CancelTimer => {
                    if let Some(timer) = session(|s| s.timer.take()) {
                        timer.clear();
                    }
                }
                Effect::Write { base, force } => self.write(base, force),
                Effect::ShowTheirs => {
                    if let Some(plan) = theirs.take() {
                        self.set_open(Some(plan));
                    }
                }
                Effect::Warn(w) => self.notify_once(warning_notice(w)),
                Effect::Dismiss(w) => {
                    let kind = std::mem::discriminant(&warning_notice(w));
                    if self.notices.with_untracked(|n| n.iter().any(|x| std::mem::discriminant(&x.kind) == kind)) {
                        self.dismiss_where(|k| std::mem::discriminant(k) == kind);
                    }
                }
            }
        }
    }

    /// Writes the open plan (`Effect::Write`) and tells autosave how it went.
    fn write(&self, base: u64, force: bool) {
        let (Some(storage), Some(codec)) = (storage::local(), codec()) else {
            self.dispatch(Event::SaveFailed(Failure::Unavailable));
            return;
        };
        // The save as marked in the performance timeline: the check, the write, the store.
        let timing = Timing::start("socialplan:save");
        // The last guard: storage only ever receives a plan that validates. Every edit is a
        // model operation that keeps the plan valid, so this finds nothing unless one of
        // them has a flaw; then the plan is repaired rather than saved broken.
        let repairs = self.plan.try_update_untracked(|p| p.as_mut().map(|p| codec.repair(p, &mut new_id)).unwrap_or_default()).unwrap_or_default();
        let result = self.plan.with_untracked(|p| p.as_ref().map(|p| (storage::save(&storage, codec, p, base, force, &now()), p.summary())));
        timing.end();
        if !repairs.is_empty() {
            self.plan.update(|_| ());
            let name = self.plan.with_untracked(|p| p.as_ref().map(|p| p.name.clone())).unwrap_or_default();
            self.notify(NoticeKind::Repaired { name, repairs, kept: None });
        }
        let Some((result, summary)) = result else { return };
        match result {
            Ok(revision) => {
                // A plan bound to a file on disk is written there too, once saves pause.
                crate::ui::file_access::saved(*self, &summary.id);
                let id = summary.id.clone();
                self.upsert_summary(summary);
                self.dispatch(Event::Saved { revision });
                self.import_stored(&id);
            }
            Err(SaveError::Conflict { .. }) => self.dispatch(Event::SaveRefused),
            Err(SaveError::Full) | Err(SaveError::Other(_)) => self.dispatch(Event::SaveFailed(Failure::Full)),
            Err(SaveError::Unavailable) => self.dispatch(Event::SaveFailed(Failure::Unavailable)),
        }
    }

    /// Resolves a two-tab conflict by keeping this tab's version.
    pub fn keep_mine(&self) {
        self.dispatch(Event::KeepMine);
    }

    /// Resolves a two-tab conflict by loading what the other tab stored.
    pub fn load_theirs(&self) {
        let Some(id) = self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) else { return };
        match storage::local().zip(codec()).and_then(|(s, c)| storage::load(&s, c, &id, &now(), &mut new_id)) {
            Some(Ok((plan, revision, _))) => self.dispatch_with(Event::LoadTheirs { revision }, Some(plan)),
            // Nothing to load (deleted meanwhile, unreadable): the question goes away.
            _ => self.dismiss_where(|k| matches!(k, NoticeKind::OtherTabConflict)),
        }
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
            self.dispatch(Event::OtherTabDeleted);
            return;
        };
        let Some(Ok(decoded)) = codec().map(|c| c.read(text.as_bytes(), Reading::Stored, &mut new_id)) else { return };
        // Shown if nothing is unsaved here, else the user is asked.
        self.dispatch_with(Event::OtherTabSaved { revision: decoded.revision.unwrap_or(0) }, Some(decoded.plan));
    }
}

/// The notice that shows an autosave warning.
fn warning_notice(w: Warning) -> NoticeKind {
    match w {
        Warning::StorageFull => NoticeKind::StorageFull,
        Warning::OtherTabUpdated => NoticeKind::OtherTabUpdated,
        Warning::OtherTabConflict => NoticeKind::OtherTabConflict,
        Warning::OtherTabDeleted => NoticeKind::OtherTabDeleted,
    }
}
