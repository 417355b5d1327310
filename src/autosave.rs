//! Autosave and two-tab sync of the open plan as one state machine, pure and tested
//! natively. The app feeds it what happened (an edit, the save timer, a save's outcome,
//! another tab's write) and carries out the effects it returns (start the timer, write,
//! show the other tab's version, warn). The save status in the header is derived from its
//! state, so it cannot disagree with what autosave is doing.
//!
//! ```text
//!             Edited                 Flush / TimerFired → Write
//!   Clean ───────────────► Dirty ─────────────────────────────┐
//!     ▲  ◄─────────────────────────── Saved(rev) ─────────────┤
//!     │                      ▲ Edited                         │ SaveFailed
//!     │                      └──────────── Failed(full | unavailable) ◄─┘
//!     │  LoadTheirs / Saved (after KeepMine)
//!     └──────────────────── Conflict ◄── OtherTabSaved while Dirty or Failed
//!                           Orphaned ◄── OtherTabDeleted
//! ```
//!
//! In `Conflict` and `Orphaned` the edits stay in memory and nothing is written until the
//! user chooses: "keep mine" writes over the other tab's version (or brings a deleted plan
//! back), "load theirs" replaces this tab's version.

/// Where the open plan stands against storage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum State {
    /// Storage holds what the screen shows (or no plan is open).
    #[default]
    Clean,
    /// Edits wait for the save timer.
    Dirty,
    /// The last save failed; the edits are kept in memory, and the next edit or flush
    /// tries again.
    Failed(Failure),
    /// Another tab saved a newer revision while this tab had unsaved edits: nothing is
    /// written until the user keeps this version or loads the other.
    Conflict,
    /// Another tab deleted the open plan: it is written back only if the user keeps it.
    Orphaned,
}

/// Why a save failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The quota is used up, or the browser refused the write.
    Full,
    /// There is no storage (blocked) or no plan writer to write with; the app said so
    /// when it started, so no warning repeats it.
    Unavailable,
}

/// The save status the header shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Failed,
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A plan became the open one, as stored with `revision` (0: never stored). Called
    /// only when nothing is unsaved; whatever was unsaved is dropped.
    Opened { revision: u64 },
    /// No plan is open any more (left, deleted, replaced by an import).
    Closed,
    /// The user changed the open plan.
    Edited,
    /// The save timer ran out.
    TimerFired,
    /// Save now if anything is unsaved (leaving the plan, hiding or closing the tab).
    Flush,
    /// A write succeeded and storage now holds `revision`.
    Saved { revision: u64 },
    /// A write failed; nothing was written.
    SaveFailed(Failure),
    /// A write was refused: storage holds a newer revision than the one this tab's
    /// version is based on (another tab saved first).
    SaveRefused,
    /// Another tab stored the open plan with `revision`.
    OtherTabSaved { revision: u64 },
    /// Another tab deleted the open plan.
    OtherTabDeleted,
    /// The user's answer to a conflict or a deletion: this tab's version wins.
    KeepMine,
    /// The user's answer to a conflict: the stored version, `revision`, was read and
    /// replaces this tab's.
    LoadTheirs { revision: u64 },
}

/// A warning about the open plan, shown once (a newer one replaces one of its kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A save failed for want of space.
    StorageFull,
    /// Another tab's version replaced what this tab showed (nothing was unsaved).
    OtherTabUpdated,
    /// Another tab saved while this tab had unsaved edits: keep mine or load theirs?
    OtherTabConflict,
    /// Another tab deleted the plan this tab has open: keep it?
    OtherTabDeleted,
}

/// What the app must do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// (Re)start the save timer; `TimerFired` follows unless it is cancelled.
    ScheduleSave,
    /// Stop the save timer.
    CancelTimer,
    /// Write the open plan, based on stored revision `base`; with `force`, even over a
    /// newer stored revision. `Saved`, `SaveFailed` or `SaveRefused` follows.
    Write { base: u64, force: bool },
    /// Replace the open plan with the version another tab stored (the event's).
    ShowTheirs,
    Warn(Warning),
    /// Take a warning away: what it warned about is over.
    Dismiss(Warning),
}

/// Autosave's state: where the plan stands, the revision it is based on, and whether
/// the save timer runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Autosave {
    state: State,
    /// The stored revision the open plan is based on (0: none).
    base: u64,
    /// The save timer runs.
    timer: bool,
}

impl Autosave {
    pub fn state(&self) -> State {
        self.state
    }

    pub fn base(&self) -> u64 {
        self.base
    }

    /// Whether the save timer runs.
    pub fn timer(&self) -> bool {
        self.timer
    }

    /// Whether the open plan has edits that are not in storage.
    pub fn has_unsaved(&self) -> bool {
        self.state != State::Clean
    }

    /// What the header says.
    pub fn status(&self) -> SaveStatus {
        match self.state {
            State::Clean => SaveStatus::Saved,
            State::Dirty => SaveStatus::Pending,
            State::Failed(_) | State::Conflict | State::Orphaned => SaveStatus::Failed,
        }
    }

    /// Takes one event and returns what to do, in order.
    pub fn step(&mut self, event: Event) -> Vec<Effect> {
        use State::*;
        let mut out = Vec::new();
        match (self.state, event) {
            (_, Event::Opened { revision }) => self.clean(revision, &mut out),
            (_, Event::Closed) => self.clean(0, &mut out),

            (Clean | Dirty | Failed(_), Event::Edited) => {
                self.state = Dirty;
                self.timer = true;
                out.push(Effect::ScheduleSave);
            }
            // The edit stays in memory; autosave waits for the user's choice.
            (Conflict | Orphaned, Event::Edited) => {}

            (_, Event::TimerFired) => {
                self.timer = false;
                self.flush(&mut out);
            }
            (_, Event::Flush) => {
                self.cancel_timer(&mut out);
                self.flush(&mut out);
            }
            // Outside a conflict there is nothing to keep: as a flush, never forced.
            (Clean | Dirty | Failed(_), Event::KeepMine) => {
                self.cancel_timer(&mut out);
                self.flush(&mut out);
            }
            (Conflict | Orphaned, Event::KeepMine) => {
                self.cancel_timer(&mut out);
                out.push(Effect::Write { base: self.base, force: true });
            }

            (_, Event::Saved { revision }) => {
                self.clean(revision, &mut out);
                out.extend([Warning::StorageFull, Warning::OtherTabConflict, Warning::OtherTabDeleted].map(Effect::Dismiss));
            }
            (_, Event::SaveFailed(failure)) => {
                // A failed "keep mine" leaves the question open.
                if !matches!(self.state, Conflict | Orphaned) {
                    self.state = Failed(failure);
                }
                if failure == Failure::Full {
                    out.push(Effect::Warn(Warning::StorageFull));
                }
            }
            (_, Event::SaveRefused) => self.conflict(&mut out),

            (_, Event::OtherTabSaved { revision }) if revision <= self.base => {}
            (Clean, Event::OtherTabSaved { revision }) => {
                self.base = revision;
                out.extend([Effect::ShowTheirs, Effect::Warn(Warning::OtherTabUpdated)]);
            }
            (_, Event::OtherTabSaved { .. }) => self.conflict(&mut out),

            (_, Event::OtherTabDeleted) => {
                self.state = Orphaned;
                // Nothing is stored: "keep mine" writes the plan anew.
                self.base = 0;
                self.cancel_timer(&mut out);
                out.push(Effect::Warn(Warning::OtherTabDeleted));
            }

            (_, Event::LoadTheirs { revision }) => {
                self.clean(revision, &mut out);
                out.extend([Effect::ShowTheirs, Effect::Dismiss(Warning::OtherTabConflict)]);
            }
        }
        out
    }

    /// Storage holds what is on screen, as `revision`.
    fn clean(&mut self, revision: u64, out: &mut Vec<Effect>) {
        self.state = State::Clean;
        self.base = revision;
        self.cancel_timer(out);
    }

    fn conflict(&mut self, out: &mut Vec<Effect>) {
        self.state = State::Conflict;
        self.cancel_timer(out);
        out.push(Effect::Warn(Warning::OtherTabConflict));
    }

    fn cancel_timer(&mut self, out: &mut Vec<Effect>) {
        if std::mem::take(&mut self.timer) {
            out.push(Effect::CancelTimer);
        }
    }

    /// Writes unsaved edits, unless autosave waits for the user.
    fn flush(&mut self, out: &mut Vec<Effect>) {
        if matches!(self.state, State::Dirty | State::Failed(_)) {
            out.push(Effect::Write { base: self.base, force: false });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use Effect::*;
    use State::*;

    fn at(state: State, base: u64, timer: bool) -> Autosave {
        Autosave { state, base, timer }
    }

    const ALL_STATES: [State; 6] = [Clean, Dirty, Failed(Failure::Full), Failed(Failure::Unavailable), Conflict, Orphaned];

    /// Every state with every event: the state after, the base after, the timer after, and
    /// the effects. From base 5, with the timer running where the state allows it.
    #[test]
    fn every_transition() {
        let full = Failed(Failure::Full);
        let none = Failed(Failure::Unavailable);
        let saved_dismiss = [Dismiss(Warning::StorageFull), Dismiss(Warning::OtherTabConflict), Dismiss(Warning::OtherTabDeleted)];
        #[rustfmt::skip]
        let table: Vec<(State, bool, Event, State, u64, bool, Vec<Effect>)> = vec![
            // Opening and closing: clean, whatever was before.
            (Clean, false, Event::Opened { revision: 9 }, Clean, 9, false, vec![]),
            (Dirty, true, Event::Opened { revision: 9 }, Clean, 9, false, vec![CancelTimer]),
            (Conflict, false, Event::Opened { revision: 0 }, Clean, 0, false, vec![]),
            (Orphaned, false, Event::Closed, Clean, 0, false, vec![]),
            (Dirty, true, Event::Closed, Clean, 0, false, vec![CancelTimer]),
            (full, false, Event::Closed, Clean, 0, false, vec![]),
            (Clean, false, Event::Closed, Clean, 0, false, vec![]),
            (Conflict, false, Event::Closed, Clean, 0, false, vec![]),
            (full, false, Event::Opened { revision: 9 }, Clean, 9, false, vec![]),
            (Orphaned, false, Event::Opened { revision: 9 }, Clean, 9, false, vec![]),
            // Edits schedule a save, except while the user is asked.
            (Clean, false, Event::Edited, Dirty, 5, true, vec![ScheduleSave]),
            (Dirty, true, Event::Edited, Dirty, 5, true, vec![ScheduleSave]),
            (full, false, Event::Edited, Dirty, 5, true, vec![ScheduleSave]),
            (none, false, Event::Edited, Dirty, 5, true, vec![ScheduleSave]),
            (Conflict, false, Event::Edited, Conflict, 5, false, vec![]),
            (Orphaned, false, Event::Edited, Orphaned, 0, false, vec![]),
            // The timer and flushes write what is unsaved, never over another tab's version.
            (Dirty, true, Event::TimerFired, Dirty, 5, false, vec![Write { base: 5, force: false }]),
            (Dirty, true, Event::Flush, Dirty, 5, false, vec![CancelTimer, Write { base: 5, force: false }]),
            (Dirty, false, Event::Flush, Dirty, 5, false, vec![Write { base: 5, force: false }]),
            (full, false, Event::Flush, full, 5, false, vec![Write { base: 5, force: false }]),
            (none, false, Event::TimerFired, none, 5, false, vec![Write { base: 5, force: false }]),
            (Clean, false, Event::Flush, Clean, 5, false, vec![]),
            (Clean, false, Event::TimerFired, Clean, 5, false, vec![]),
            (Conflict, false, Event::Flush, Conflict, 5, false, vec![]),
            (Orphaned, false, Event::Flush, Orphaned, 0, false, vec![]),
            (Conflict, false, Event::TimerFired, Conflict, 5, false, vec![]),
            (Orphaned, false, Event::TimerFired, Orphaned, 0, false, vec![]),
            // A save's outcome.
            (Dirty, false, Event::Saved { revision: 6 }, Clean, 6, false, saved_dismiss.to_vec()),
            (Dirty, true, Event::Saved { revision: 6 }, Clean, 6, false, [vec![CancelTimer], saved_dismiss.to_vec()].concat()),
            (Conflict, false, Event::Saved { revision: 8 }, Clean, 8, false, saved_dismiss.to_vec()),
            (Orphaned, false, Event::Saved { revision: 1 }, Clean, 1, false, saved_dismiss.to_vec()),
            (none, false, Event::Saved { revision: 6 }, Clean, 6, false, saved_dismiss.to_vec()),
            // (An outcome with no write before it: the app never makes one.)
            (Clean, false, Event::Saved { revision: 6 }, Clean, 6, false, saved_dismiss.to_vec()),
            (Clean, false, Event::SaveFailed(Failure::Full), full, 5, false, vec![Warn(Warning::StorageFull)]),
            (Clean, false, Event::SaveRefused, Conflict, 5, false, vec![Warn(Warning::OtherTabConflict)]),
            (Dirty, false, Event::SaveFailed(Failure::Full), full, 5, false, vec![Warn(Warning::StorageFull)]),
            (Dirty, false, Event::SaveFailed(Failure::Unavailable), none, 5, false, vec![]),
            (full, false, Event::SaveFailed(Failure::Full), full, 5, false, vec![Warn(Warning::StorageFull)]),
            (Conflict, false, Event::SaveFailed(Failure::Full), Conflict, 5, false, vec![Warn(Warning::StorageFull)]),
            (Orphaned, false, Event::SaveFailed(Failure::Unavailable), Orphaned, 0, false, vec![]),
            (Dirty, false, Event::SaveRefused, Conflict, 5, false, vec![Warn(Warning::OtherTabConflict)]),
            (Dirty, true, Event::SaveRefused, Conflict, 5, false, vec![CancelTimer, Warn(Warning::OtherTabConflict)]),
            (full, false, Event::SaveRefused, Conflict, 5, false, vec![Warn(Warning::OtherTabConflict)]),
            (Conflict, false, Event::SaveRefused, Conflict, 5, false, vec![Warn(Warning::OtherTabConflict)]),
            (Orphaned, false, Event::SaveRefused, Conflict, 0, false, vec![Warn(Warning::OtherTabConflict)]),
            // Another tab saved: shown when nothing is unsaved, else the user is asked.
            (Clean, false, Event::OtherTabSaved { revision: 7 }, Clean, 7, false, vec![ShowTheirs, Warn(Warning::OtherTabUpdated)]),
            (Clean, false, Event::OtherTabSaved { revision: 5 }, Clean, 5, false, vec![]),
            (Clean, false, Event::OtherTabSaved { revision: 4 }, Clean, 5, false, vec![]),
            (Dirty, true, Event::OtherTabSaved { revision: 7 }, Conflict, 5, false, vec![CancelTimer, Warn(Warning::OtherTabConflict)]),
            (Dirty, true, Event::OtherTabSaved { revision: 5 }, Dirty, 5, true, vec![]),
            (full, false, Event::OtherTabSaved { revision: 7 }, Conflict, 5, false, vec![Warn(Warning::OtherTabConflict)]),
            (Conflict, false, Event::OtherTabSaved { revision: 8 }, Conflict, 5, false, vec![Warn(Warning::OtherTabConflict)]),
            (Orphaned, false, Event::OtherTabSaved { revision: 1 }, Conflict, 0, false, vec![Warn(Warning::OtherTabConflict)]),
            // Another tab deleted the plan.
            (Clean, false, Event::OtherTabDeleted, Orphaned, 0, false, vec![Warn(Warning::OtherTabDeleted)]),
            (Dirty, true, Event::OtherTabDeleted, Orphaned, 0, false, vec![CancelTimer, Warn(Warning::OtherTabDeleted)]),
            (Conflict, false, Event::OtherTabDeleted, Orphaned, 0, false, vec![Warn(Warning::OtherTabDeleted)]),
            (none, false, Event::OtherTabDeleted, Orphaned, 0, false, vec![Warn(Warning::OtherTabDeleted)]),
            (Orphaned, false, Event::OtherTabDeleted, Orphaned, 0, false, vec![Warn(Warning::OtherTabDeleted)]),
            // The user's answers.
            (Conflict, false, Event::KeepMine, Conflict, 5, false, vec![Write { base: 5, force: true }]),
            (Orphaned, false, Event::KeepMine, Orphaned, 0, false, vec![Write { base: 0, force: true }]),
            (Clean, false, Event::KeepMine, Clean, 5, false, vec![]),
            (Dirty, true, Event::KeepMine, Dirty, 5, false, vec![CancelTimer, Write { base: 5, force: false }]),
            (full, false, Event::KeepMine, full, 5, false, vec![Write { base: 5, force: false }]),
            (Conflict, false, Event::LoadTheirs { revision: 8 }, Clean, 8, false, vec![ShowTheirs, Dismiss(Warning::OtherTabConflict)]),
            (Dirty, true, Event::LoadTheirs { revision: 8 }, Clean, 8, false, vec![CancelTimer, ShowTheirs, Dismiss(Warning::OtherTabConflict)]),
            (Orphaned, false, Event::LoadTheirs { revision: 8 }, Clean, 8, false, vec![ShowTheirs, Dismiss(Warning::OtherTabConflict)]),
            (full, false, Event::LoadTheirs { revision: 8 }, Clean, 8, false, vec![ShowTheirs, Dismiss(Warning::OtherTabConflict)]),
            (Clean, false, Event::LoadTheirs { revision: 8 }, Clean, 8, false, vec![ShowTheirs, Dismiss(Warning::OtherTabConflict)]),
        ];
        for (state, timer, event, after, base, timer_after, effects) in table.iter().cloned() {
            let mut a = at(state, if state == Orphaned { 0 } else { 5 }, timer);
            let got = a.step(event);
            assert_eq!((a.state, a.base, a.timer, &got), (after, base, timer_after, &effects), "{state:?} (timer {timer}) + {event:?}");
        }
        // Every kind of state meets every kind of event in the table.
        let kind = |s: State| std::mem::discriminant(&s);
        let missing: Vec<String> = ALL_STATES
            .iter()
            .flat_map(|s| EVENTS.iter().map(move |e| (*s, *e)))
            .filter(|(s, e)| !table.iter().any(|row| kind(row.0) == kind(*s) && std::mem::discriminant(&row.2) == std::mem::discriminant(e)))
            .map(|(s, e)| format!("{s:?} + {e:?}"))
            .collect();
        assert!(missing.is_empty(), "not in the table: {missing:#?}");
    }

    const EVENTS: [Event; 12] = [
        Event::Opened { revision: 1 },
        Event::Closed,
        Event::Edited,
        Event::TimerFired,
        Event::Flush,
        Event::Saved { revision: 1 },
        Event::SaveFailed(Failure::Full),
        Event::SaveRefused,
        Event::OtherTabSaved { revision: 9 },
        Event::OtherTabDeleted,
        Event::KeepMine,
        Event::LoadTheirs { revision: 1 },
    ];

    #[test]
    fn status_follows_the_state() {
        let status = |s| at(s, 1, false).status();
        assert_eq!(status(Clean), SaveStatus::Saved);
        assert_eq!(status(Dirty), SaveStatus::Pending);
        for s in [Failed(Failure::Full), Failed(Failure::Unavailable), Conflict, Orphaned] {
            assert_eq!(status(s), SaveStatus::Failed, "{s:?}");
        }
        assert!(!at(Clean, 1, false).has_unsaved());
        assert!(ALL_STATES.iter().filter(|s| **s != Clean).all(|s| at(*s, 1, false).has_unsaved()));
    }

    /// The story of the two-tab browser test, step by step.
    #[test]
    fn two_tabs() {
        let mut a = Autosave::default();
        assert_eq!(a.step(Event::Opened { revision: 1 }), vec![]);
        // The other tab saves; nothing is unsaved here, so its version shows.
        assert_eq!(a.step(Event::OtherTabSaved { revision: 2 }), vec![ShowTheirs, Warn(Warning::OtherTabUpdated)]);
        // An edit here, then the other tab saves again: the user is asked.
        assert_eq!(a.step(Event::Edited), vec![ScheduleSave]);
        assert_eq!(a.step(Event::OtherTabSaved { revision: 3 }), vec![CancelTimer, Warn(Warning::OtherTabConflict)]);
        assert_eq!(a.step(Event::Flush), vec![], "autosave waits for the user's choice");
        assert_eq!(a.status(), SaveStatus::Failed);
        assert_eq!(a.step(Event::KeepMine), vec![Write { base: 2, force: true }]);
        a.step(Event::Saved { revision: 4 });
        assert_eq!((a.state(), a.base()), (Clean, 4));
        // The other tab deletes it: it stays deleted until the user keeps it.
        a.step(Event::OtherTabDeleted);
        assert_eq!(a.step(Event::Flush), vec![]);
        assert!(a.has_unsaved());
        assert_eq!(a.step(Event::KeepMine), vec![Write { base: 0, force: true }]);
        a.step(Event::Saved { revision: 1 });
        assert_eq!(a.status(), SaveStatus::Saved);
    }

    /// A full quota: the edits stay, the next edit or flush tries again.
    #[test]
    fn a_full_quota_retries() {
        let mut a = Autosave::default();
        a.step(Event::Opened { revision: 3 });
        a.step(Event::Edited);
        assert_eq!(a.step(Event::TimerFired), vec![Write { base: 3, force: false }]);
        assert_eq!(a.step(Event::SaveFailed(Failure::Full)), vec![Warn(Warning::StorageFull)]);
        assert_eq!((a.status(), a.has_unsaved()), (SaveStatus::Failed, true));
        assert_eq!(a.step(Event::Flush), vec![Write { base: 3, force: false }]);
        a.step(Event::SaveFailed(Failure::Full));
        assert_eq!(a.step(Event::Edited), vec![ScheduleSave]);
        assert_eq!(a.status(), SaveStatus::Pending);
        assert_eq!(a.step(Event::TimerFired), vec![Write { base: 3, force: false }]);
        a.step(Event::Saved { revision: 4 });
        assert_eq!((a.state(), a.base(), a.timer()), (Clean, 4, false));
    }

    fn event() -> impl Strategy<Value = Event> {
        let revision = 0u64..12;
        prop_oneof![
            1 => revision.clone().prop_map(|revision| Event::Opened { revision }),
            1 => Just(Event::Closed),
            4 => Just(Event::Edited),
            2 => Just(Event::TimerFired),
            2 => Just(Event::Flush),
            2 => revision.clone().prop_map(|revision| Event::Saved { revision }),
            1 => prop_oneof![Just(Failure::Full), Just(Failure::Unavailable)].prop_map(Event::SaveFailed),
            1 => Just(Event::SaveRefused),
            2 => revision.clone().prop_map(|revision| Event::OtherTabSaved { revision }),
            1 => Just(Event::OtherTabDeleted),
            1 => Just(Event::KeepMine),
            1 => revision.prop_map(|revision| Event::LoadTheirs { revision }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Random event sequences, including ones the app never makes (a save's outcome
        /// with no write before it): the invariants hold after every step.
        #[test]
        fn invariants_hold_on_any_sequence(events in prop::collection::vec(event(), 0..60)) {
            let mut a = Autosave::default();
            // The timer as the app sees it, from the effects alone.
            let mut timer = false;
            for event in events {
                let before = a;
                let effects = a.step(event);
                for e in &effects {
                    match e {
                        ScheduleSave => timer = true,
                        CancelTimer => {
                            prop_assert!(timer, "a timer is cancelled only when it runs");
                            timer = false;
                        }
                        // Never over another tab's version or over a deletion, unless the
                        // user said "keep mine"; never with nothing to save.
                        Write { base, force } => {
                            prop_assert_eq!(*base, before.base);
                            prop_assert!(before.state != Clean, "{:?} + {:?}", before, event);
                            let asked = matches!(before.state, Conflict | Orphaned);
                            prop_assert_eq!(*force, asked, "{:?} + {:?}", before, event);
                            prop_assert!(!asked || event == Event::KeepMine, "{:?} + {:?}", before, event);
                        }
                        // Another tab's version replaces the screen only when nothing is
                        // unsaved, or when the user asked for it.
                        ShowTheirs => prop_assert!(before.state == Clean || matches!(event, Event::LoadTheirs { .. }), "{:?} + {:?}", before, event),
                        Warn(_) | Dismiss(_) => {}
                    }
                }
                if event == Event::TimerFired {
                    timer = false;
                }
                prop_assert_eq!(timer, a.timer, "the machine knows whether the timer runs");
                // Clean: no timer. Waiting for the user: no timer either.
                prop_assert!(!(a.timer && matches!(a.state, Clean | Conflict | Orphaned)), "{:?}", a);
                // The status shown is the state's.
                let status = match a.state {
                    Clean => SaveStatus::Saved,
                    Dirty => SaveStatus::Pending,
                    Failed(_) | Conflict | Orphaned => SaveStatus::Failed,
                };
                prop_assert_eq!(a.status(), status);
                prop_assert_eq!(a.has_unsaved(), a.state != Clean);
                // Unsaved edits are dropped only by a save, a user's choice or a plan
                // opened or closed.
                if before.has_unsaved() && !a.has_unsaved() {
                    prop_assert!(matches!(event, Event::Saved { .. } | Event::LoadTheirs { .. } | Event::Opened { .. } | Event::Closed), "{:?} + {:?}", before, event);
                }
                // Edits become unsaved: nothing but an edit leaves a clean plan dirty.
                if before.state == Clean && a.state == Dirty {
                    prop_assert_eq!(event, Event::Edited);
                }
                // A deletion is only undone by the user or a save (after "keep mine").
                if before.state == Orphaned && a.state != Orphaned {
                    prop_assert!(matches!(event, Event::Saved { .. } | Event::LoadTheirs { .. } | Event::Opened { .. } | Event::Closed | Event::OtherTabSaved { .. } | Event::SaveRefused), "{:?}", event);
                }
                // The base only moves forward with another tab's save, or to what was
                // read or written.
                if a.base != before.base {
                    prop_assert!(matches!(event, Event::Opened { .. } | Event::Closed | Event::Saved { .. } | Event::LoadTheirs { .. } | Event::OtherTabDeleted)
                        || matches!(event, Event::OtherTabSaved { revision } if revision > before.base && before.state == Clean), "{:?} + {:?}", before, event);
                }
            }
        }
    }
}
