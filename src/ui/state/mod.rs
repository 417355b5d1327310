//! The app's state, and the only code that moves plans between memory and storage. One
//! file per job:
//!
//! - here: `AppState` itself, the open plan and its edits (with undo of a removal);
//! - `open`: what storage holds at start, and which plan the route opens;
//! - `sync`: autosave and other tabs, driven by the state machine of `crate::autosave`;
//! - `commands`: create, sample, import, export, duplicate, rename, delete, backups;
//! - `notices`: what the app tells the user;
//! - `codec`: the plan reader and writer, loaded on demand;
//! - `browser`: downloads, fetches, navigation and timings.

mod browser;
mod codec;
mod commands;
mod notices;
mod open;
mod sync;

pub use browser::{download, download_as, navigate};
pub(crate) use browser::{fetch_text, Timing};
pub use codec::{codec, is_importing, load_codec, warm_up_codec, warm_up_codec_when_idle};
pub use notices::{Notice, NoticeKind};
pub use crate::autosave::SaveStatus;

use crate::autosave::{Autosave, Event};
use crate::i18n::Lang;
use crate::model::{Date, Id, Plan, PlanSummary, Removal, Repair};
use crate::route::Route;
use leptos::prelude::*;
use std::cell::RefCell;

/// The app's reactive state, shared through the context; every screen reads and changes
/// plans through its methods.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub plans: RwSignal<Vec<PlanSummary>>,
    /// The open plan, if the route names one that exists.
    pub plan: RwSignal<Option<Plan>>,
    /// Autosave and two-tab sync of the open plan; changed only by `dispatch`. Readers
    /// are notified when its state changes (the save status follows it).
    pub autosave: RwSignal<Autosave>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Counts changes to the backup copies in storage, for the Recovery list.
    pub backups_revision: RwSignal<u64>,
}

/// What the app keeps between events; not reactive.
#[derive(Default)]
struct Session {
    /// The save timer, while it runs (`Effect::ScheduleSave`).
    timer: Option<TimeoutHandle>,
    next_notice: u64,
    /// Plans already reminded of a backup this session.
    reminded: Vec<Id>,
    /// A plan just stored by this tab, with its revision, for the screen about to open
    /// it: a new or imported plan is not read back from storage. Revision 0: an imported
    /// plan not stored yet (`AppState::open_imported`).
    handoff: Option<(Plan, u64)>,
    /// An imported plan that is open but not stored yet, with what the import says once
    /// storage holds it.
    imported: Option<PendingImport>,
    /// The plan last closed (for the plan list), with the revision storage held then:
    /// opened again while storage still holds that revision, it is taken as it is rather
    /// than read and checked anew (a large plan takes tens of milliseconds to read).
    closed: Option<(Plan, u64)>,
}

/// What an import confirms once its plan is stored (`AppState::import_stored`).
struct PendingImport {
    id: Id,
    name: String,
    migrated_from: Option<u32>,
    repairs: Vec<Repair>,
}

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

/// A fresh random id for a plan or an entry.
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
            autosave: RwSignal::new(Autosave::default()),
            notices: RwSignal::new(Vec::new()),
            backups_revision: RwSignal::new(0),
        }
    }

    /// The texts of the current language. Untracked: the shell re-renders every screen
    /// when the language changes, so text nodes need no reactivity of their own.
    pub fn texts(&self) -> &'static crate::i18n::Texts {
        self.lang.get_untracked().texts()
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
        self.dispatch(Event::Edited);
    }

    /// Puts back what one removal took out of the open plan, and only that.
    pub fn undo_remove(&self, notice: u64, plan: &Id, removal: &Removal) {
        self.dismiss(notice);
        if self.plan.with_untracked(|p| p.as_ref().is_some_and(|p| &p.id == plan)) {
            let removal = removal.clone();
            self.edit_keeping_undo(|p| p.restore(removal), true);
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
}
