//! Texts a save can reuse. A save writes the whole plan, but most saves change one list
//! of it (a word typed in one row): a list with a stamp that changes with every change to
//! it (`Stamped`, and a KPI's values, `Actuals`) is written again only when its stamp
//! changed since the last write; else the text written the last time is copied.
//!
//! The stamp is sound by construction: the items are reached only through `Deref` (read)
//! and `DerefMut` (which takes a new stamp before anything can change), a new or read list
//! gets a new stamp, and a copy keeps the stamp of what it copies, being equal. So the
//! items may hold nothing that changes behind a shared reference (no `Cell`), and their
//! text must depend on them alone.

use rustc_hash::FxHashMap;
use serde::ser::Error as _;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;
use std::cell::RefCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT_STAMP: AtomicU64 = AtomicU64::new(1);

/// A stamp no list has had yet.
pub(crate) fn next_stamp() -> u64 {
    NEXT_STAMP.fetch_add(1, Ordering::Relaxed)
}

/// A list of a plan with a stamp (see the module): the findings, channels, objectives,
/// KPIs, tactics, indicators and actions, the lists a large plan is made of.
#[derive(Clone)]
pub struct Stamped<T> {
    items: Vec<T>,
    stamp: u64,
}

impl<T> Stamped<T> {
    /// Changes with every change to the items: equal stamps, equal items.
    pub fn stamp(&self) -> u64 {
        self.stamp
    }
}

impl<T> Default for Stamped<T> {
    fn default() -> Self {
        Vec::new().into()
    }
}

impl<T> From<Vec<T>> for Stamped<T> {
    fn from(items: Vec<T>) -> Self {
        Stamped { items, stamp: next_stamp() }
    }
}

impl<T> FromIterator<T> for Stamped<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl<T> Deref for Stamped<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.items
    }
}

impl<T> DerefMut for Stamped<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        self.stamp = next_stamp();
        &mut self.items
    }
}

impl<'a, T> IntoIterator for &'a Stamped<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut Stamped<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

impl<T> IntoIterator for Stamped<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<T: PartialEq> PartialEq for Stamped<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl<T: PartialEq> PartialEq<Vec<T>> for Stamped<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        &self.items == other
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Stamped<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.items.fmt(f)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Stamped<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Into::into)
    }
}

impl<T: Serialize> Serialize for Stamped<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_reusing(self.stamp, self.items.len(), &self.items, serializer)
    }
}

#[cfg(test)]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Stamped<T> {
    fn schema_name() -> String {
        <Vec<T>>::schema_name()
    }
    fn json_schema(generator: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        <Vec<T>>::json_schema(generator)
    }
    fn is_referenceable() -> bool {
        <Vec<T>>::is_referenceable()
    }
}

/// The text of a list as written, with how many items it holds and the stamps of the
/// lists inside it (a KPI's values inside the list of KPIs): reusing the text reuses
/// theirs too, so they are kept for the next write.
struct Text {
    len: usize,
    raw: Box<RawValue>,
    inner: Vec<u64>,
}

/// Texts of lists as written, by stamp.
type Written = FxHashMap<u64, Text>;

thread_local! {
    /// What the last `reusing_written` wrote.
    static WRITTEN: RefCell<Written> = RefCell::new(Written::default());
    /// While `reusing_written` runs: what it has written so far.
    static WRITING: RefCell<Option<Written>> = const { RefCell::new(None) };
    /// While a list is written from scratch: the stamps of the lists inside it, so far
    /// (one entry per list being written, the innermost last).
    static INNER: RefCell<Vec<Vec<u64>>> = const { RefCell::new(Vec::new()) };
}

#[cfg(test)]
thread_local! {
    /// How many stamped lists were written from scratch.
    pub(crate) static WROTE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// `serde_json::to_string` (compact: the texts reused are compact), reusing the text of
/// every stamped list unchanged since the last call; keeps what this call wrote for the
/// next.
pub(crate) fn to_string_reusing<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    reusing_written(|| serde_json::to_string(value))
}

pub(crate) fn reusing_written<T>(write: impl FnOnce() -> T) -> T {
    if WRITING.with(|w| w.borrow().is_some()) {
        return write();
    }
    struct Done;
    impl Drop for Done {
        fn drop(&mut self) {
            let wrote = WRITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
            WRITTEN.with(|last| *last.borrow_mut() = wrote);
            INNER.with(|i| i.borrow_mut().clear());
        }
    }
    WRITING.with(|w| *w.borrow_mut() = Some(Written::default()));
    let _done = Done;
    write()
}

/// Moves the texts of the lists inside a reused text from the last write to this one.
fn carry(inner: &[u64]) {
    for stamp in inner {
        let Some(text) = WRITTEN.with(|last| last.borrow_mut().remove(stamp)) else { continue };
        carry(&text.inner);
        WRITING.with(|w| {
            if let Some(w) = w.borrow_mut().as_mut() {
                w.entry(*stamp).or_insert(text);
            }
        });
    }
}

/// Writes `items` (of `len` items, stamped `stamp`): outside `reusing_written` as they
/// are; inside it, the text written for the same stamp last time or earlier in this
/// write when there is one, else their text, kept for the next write. (The work on the
/// texts kept is in functions of their own: this one is built for every kind of list
/// and every serialiser.)
pub(crate) fn serialize_reusing<S: Serializer, V: Serialize + ?Sized>(stamp: u64, len: usize, items: &V, serializer: S) -> Result<S::Ok, S::Error> {
    if !writing() {
        return items.serialize(serializer);
    }
    let text = match written(stamp, len) {
        Some(text) => text,
        None => fresh(len, items).map_err(S::Error::custom)?,
    };
    let result = text.raw.serialize(serializer);
    keep(stamp, text);
    result
}

fn writing() -> bool {
    WRITING.with(|w| w.borrow().is_some())
}

/// The text kept for `stamp`, if any (taken out of the last write's, or a copy of this
/// write's); notes the stamp in the list being written around it.
#[inline(never)]
fn written(stamp: u64, len: usize) -> Option<Text> {
    INNER.with(|i| {
        if let Some(outer) = i.borrow_mut().last_mut() {
            outer.push(stamp);
        }
    });
    // Written already in this write (a copy of these items elsewhere in the plan)?
    let again = WRITING.with(|w| w.borrow().as_ref().and_then(|w| w.get(&stamp).filter(|t| t.len == len).map(|t| Text { len, raw: t.raw.to_owned(), inner: t.inner.clone() })));
    if again.is_some() {
        return again;
    }
    let text = WRITTEN.with(|last| last.borrow_mut().remove(&stamp)).filter(|t| t.len == len)?;
    carry(&text.inner);
    Some(text)
}

/// The text of `items`, written from scratch, with the stamps of the lists inside it.
fn fresh<V: Serialize + ?Sized>(len: usize, items: &V) -> serde_json::Result<Text> {
    #[cfg(test)]
    WROTE.with(|n| n.set(n.get() + 1));
    INNER.with(|i| i.borrow_mut().push(Vec::new()));
    let raw = serde_json::value::to_raw_value(items);
    let inner = INNER.with(|i| i.borrow_mut().pop()).unwrap_or_default();
    Ok(Text { len, raw: raw?, inner })
}

/// Keeps the text written for `stamp` for the next write.
#[inline(never)]
fn keep(stamp: u64, text: Text) {
    WRITING.with(|w| {
        if let Some(w) = w.borrow_mut().as_mut() {
            w.insert(stamp, text);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actual, Date, Finding, Kpi, Plan};
    use std::cell::Cell;

    fn kpi(id: &str, values: &[f64]) -> Kpi {
        let actuals = values.iter().enumerate().map(|(i, v)| Actual { period: Date::new(2026, 1, 1 + i as u32), value: *v, comment: String::new() }).collect();
        Kpi { id: id.into(), actuals, ..Kpi::default() }
    }

    fn plan() -> Plan {
        let mut p = Plan::default();
        *p.strategy.kpis = vec![kpi("k1", &[1.0, 2.0]), kpi("k2", &[3.0])];
        *p.information.landscape.findings = vec![Finding { id: "f1".into(), text: "A finding".into(), ..Finding::default() }];
        p
    }

    /// Writes `plan` as a save does; returns how many lists were written anew.
    fn write(plan: &Plan) -> usize {
        let before = WROTE.with(Cell::get);
        let text = to_string_reusing(plan).unwrap();
        assert_eq!(text, serde_json::to_string(plan).unwrap(), "the same text as a write from scratch");
        WROTE.with(Cell::get) - before
    }

    #[test]
    fn only_the_lists_changed_since_the_last_write_are_written_again() {
        let mut p = plan();
        // The findings, the KPIs and their two lists of values; the empty lists too.
        let first = write(&p);
        assert!(first >= 4, "{first}");
        assert_eq!(write(&p), 0, "nothing changed");
        p.strategy.governance.policies.push_str(" More.");
        assert_eq!(write(&p), 0, "a change outside the lists");
        p.information.landscape.findings[0].text.push('!');
        assert_eq!(write(&p), 1, "the findings alone");
        // A KPI's name: the list of KPIs, not their values, which stay kept for later.
        p.strategy.kpis[1].name = "Reach".into();
        assert_eq!(write(&p), 1);
        assert_eq!(write(&p), 0);
        p.strategy.kpis[0].name = "Visits".into();
        assert_eq!(write(&p), 1, "the values kept through a write that reused the KPIs' text");
        p.strategy.kpis[0].actuals[1].value = 2.5;
        assert_eq!(write(&p), 2, "the KPIs and the values changed");
        // Even a look through `&mut` counts as a change: written again, never stale.
        let _ = p.strategy.tactics.iter_mut().count();
        assert_eq!(write(&p), 1);
    }

    #[test]
    fn copies_replacements_and_reads_are_written_as_they_are() {
        let mut p = plan();
        write(&p);
        // A copy keeps the stamp (it is equal); a change to the copy takes a new one and
        // leaves the original's text alone.
        let mut copy = p.clone();
        assert_eq!(write(&copy), 0);
        copy.information.landscape.findings.clear();
        write(&copy);
        assert_eq!(p.information.landscape.findings.len(), 1);
        write(&p);
        std::mem::swap(&mut p.strategy.kpis, &mut copy.strategy.kpis);
        write(&p);
        p.information.landscape.findings = vec![Finding { id: "f2".into(), ..Finding::default() }].into();
        write(&p);
        // Read from text: new stamps, the same text.
        let read: Plan = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(read, p);
        assert_eq!(to_string_reusing(&read).unwrap(), to_string_reusing(&p).unwrap());
    }

    #[test]
    fn lists_compare_by_their_items_and_a_copy_keeps_its_stamp_until_changed() {
        let a: Stamped<u8> = vec![1, 2].into();
        let b: Stamped<u8> = vec![1, 2].into();
        assert_ne!(a.stamp(), b.stamp());
        assert_eq!(a, b);
        let mut c = a.clone();
        assert_eq!(c.stamp(), a.stamp());
        c.push(3);
        assert_ne!(c.stamp(), a.stamp());
        assert_ne!(a, c);
    }
}
