//! What the app tells the user: the kinds of notice, and showing and dismissing them.
//! Texts are chosen when a notice is shown, so they follow the language.

use super::{session, AppState};
use crate::model::{Id, ImportError, Plan, Removal, Repair};
use leptos::prelude::*;

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
    /// Something failed, in words.
    Failed { text: String },
    /// A plan could not be written to its file on disk (`ui::file_access`), or the
    /// browser asks again for permission: `action` writes it (the click allows it).
    FileProblem { plan: Id, text: String, action: &'static str },
}

impl NoticeKind {
    /// A confirmation of something done belongs to the screen that did it and goes when
    /// the user leaves that screen; errors, storage problems, questions waiting for an
    /// answer and news of the plan follow the user.
    pub fn is_confirmation(&self) -> bool {
        matches!(self, NoticeKind::Imported { .. } | NoticeKind::Deleted { .. } | NoticeKind::Removed { .. } | NoticeKind::Pulled { .. } | NoticeKind::Done { .. })
    }
}

#[derive(Clone, Debug)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    /// The screen (its address) a confirmation belongs to.
    pub screen: Option<String>,
}

impl AppState {
    pub fn notify(&self, kind: NoticeKind) {
        let id = session(|s| {
            s.next_notice += 1;
            s.next_notice
        });
        // The address as it is now: a command that moved to another screen before saying
        // what it did (an import opens the plan) has already changed it.
        let screen = kind.is_confirmation().then(|| crate::route::Route::parse(&crate::ui::current_hash()).href());
        self.notices.update(|n| n.push(Notice { id, kind, screen }));
    }

    /// The user is on another screen now: the confirmations of other screens go.
    pub fn left_screen(&self, route: &crate::route::Route) {
        let here = route.href();
        if self.notices.with_untracked(|n| n.iter().any(|x| x.screen.as_ref().is_some_and(|s| *s != here))) {
            self.notices.update(|n| n.retain(|x| x.screen.as_ref().is_none_or(|s| *s == here)));
        }
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

    pub(super) fn dismiss_where(&self, pred: impl Fn(&NoticeKind) -> bool) {
        self.notices.update(|n| n.retain(|x| !pred(&x.kind)));
    }
}
