//! Which plan is open: what storage holds at start, and the plan the route names, read
//! from storage (repaired if it must be) or handed over by the command that stored it.

use super::{codec, load_codec, navigate, new_id, now, session, AppState, NoticeKind};
use crate::autosave::Event;
use crate::model::file_format::Codec;
use crate::model::{Id, Plan};
use crate::route::Route;
use crate::storage;
use leptos::prelude::*;

/// Days without an export, with changes, before the backup reminder.
const BACKUP_AFTER_DAYS: i64 = 7;

impl AppState {
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
        // The plan being closed is kept for a return to it: saved, it is what storage holds.
        let base = self.autosave.with_untracked(|a| a.base());
        if let Some(closing) = self.plan.try_update_untracked(Option::take).flatten() {
            session(|s| s.closed = (base > 0).then_some((closing, base)));
        }
        // A plan this tab just stored is taken as it is, and so is the plan closed last if
        // storage still holds the revision it had; any other is read from storage.
        let handoff = session(|s| s.handoff.take()).filter(|(p, _)| Some(&p.id) == wanted.as_ref());
        let unstored = matches!(handoff, Some((_, 0)));
        let reopened = || {
            let (id, storage) = (wanted.as_ref()?, storage::local()?);
            session(|s| s.closed.take_if(|(p, revision)| &p.id == id && storage::stored_revision(&storage, id) == *revision))
        };
        let loaded = handoff.or_else(reopened).or_else(|| self.read_stored(codec?, &wanted?));
        self.dispatch(match &loaded {
            Some((_, revision)) => Event::Opened { revision: *revision },
            None => Event::Closed,
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
        if unstored {
            // An imported plan not stored yet: an unsaved change, written once drawn.
            self.dispatch(Event::Edited);
            self.store_after_paint();
        }
    }

    /// Writes the open plan in the task after the next frame, the one that draws the
    /// screen about to show it; registered before that screen renders, it runs before
    /// whatever the screen leaves for after its frame. Whatever the user does in between
    /// (leave, edit, close the tab) finds the plan unsaved and writes it first.
    fn store_after_paint(&self) {
        let state = *self;
        let Some(id) = self.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) else { return };
        crate::ui::after_paint(move || {
            if state.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.id == id)) {
                state.flush();
            }
        });
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
}
