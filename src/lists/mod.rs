//! The lists the team fills in (findings, tools, channels, SWOT entries, objectives, KPIs,
//! tactics, indicators, relationships, actions), each described as data: its typed
//! columns, how a value is read from the plan and written back through the model's
//! operations, how items are added, moved and grouped. One screen component
//! (`ui::lists`) shows them all, so the build carries it once; the descriptions are plain
//! code, tested natively.

pub mod conflicts;
mod information;
mod operative;
mod strategy;
pub mod template;
#[cfg(test)]
mod tests;

pub use information::{finding_weight, CHANNELS, FINDINGS, OPPORTUNITIES_RISKS, SWOT, TOOLS};
pub use operative::ACTIONS;
pub use strategy::{BUSINESS_OBJECTIVES, INDICATORS, KPIS, OBJECTIVES, RELATIONSHIPS, TACTICS};

use crate::i18n::Texts;
use crate::model::validate::MAX_MAGNITUDE;
use crate::model::{Date, Id, Keyed, Plan};
use rustc_hash::FxHashMap as HashMap;

/// Every list.
pub const ALL: [&ListSpec; 12] =
    [&OPPORTUNITIES_RISKS, &TOOLS, &FINDINGS, &CHANNELS, &SWOT, &BUSINESS_OBJECTIVES, &OBJECTIVES, &KPIS, &TACTICS, &INDICATORS, &RELATIONSHIPS, &ACTIONS];

/// A cell's value, typed as the model keeps it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(Option<f64>),
    Count(Option<u64>),
    Date(Option<Date>),
    /// An enumeration's value by its file key; `None` is "not set".
    Choice(Option<&'static str>),
    Check(bool),
    /// Other items of the plan, in the order the plan keeps them.
    Links(Vec<Id>),
    /// One other item of the plan, or none.
    Pick(Option<Id>),
}

/// How a column is entered, and the values it takes.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Text; `long` gives it a few lines.
    Text { long: bool },
    /// A number from `min` to `max`; `whole` numbers only; `optional` allows none.
    Number { min: f64, max: f64, whole: bool, optional: bool },
    /// A whole number of zero or more, or none.
    Count,
    /// A calendar date, or none.
    Date,
    /// One value of an enumeration (`keys`, in its order, with `labels` in the same order).
    Choice { keys: fn() -> Vec<&'static str>, labels: fn(&Texts) -> &[&'static str], optional: bool },
    /// Yes or no.
    Check,
    /// Several of the plan's items: the options, as (id, label).
    Links(fn(&Plan) -> Vec<(Id, String)>),
    /// One of the plan's items, or none: the options, as (id, label).
    Pick(fn(&Plan) -> Vec<(Id, String)>),
}

impl Kind {
    /// The empty value of this kind (what a row shows when its item is gone).
    pub fn empty(self) -> Value {
        match self {
            Kind::Text { .. } => Value::Text(String::new()),
            Kind::Number { .. } => Value::Number(None),
            Kind::Count => Value::Count(None),
            Kind::Date => Value::Date(None),
            Kind::Choice { .. } => Value::Choice(None),
            Kind::Check => Value::Check(false),
            Kind::Links(_) => Value::Links(Vec::new()),
            Kind::Pick(_) => Value::Pick(None),
        }
    }

    /// Whether `value` is one this column takes: its kind, in its range, a known key.
    pub fn accepts(self, value: &Value) -> bool {
        match (self, value) {
            (Kind::Text { .. }, Value::Text(_)) | (Kind::Check, Value::Check(_)) | (Kind::Links(_), Value::Links(_)) | (Kind::Pick(_), Value::Pick(_)) => true,
            (Kind::Number { optional, .. }, Value::Number(None)) => optional,
            (Kind::Number { min, max, whole, .. }, Value::Number(Some(v))) => v.is_finite() && *v >= min && *v <= max && (!whole || v.fract() == 0.0),
            (Kind::Count, Value::Count(v)) => v.is_none_or(|v| v as f64 <= MAX_MAGNITUDE),
            (Kind::Date, Value::Date(d)) => d.as_ref().is_none_or(Date::is_valid),
            (Kind::Choice { optional, .. }, Value::Choice(None)) => optional,
            (Kind::Choice { keys, .. }, Value::Choice(Some(k))) => keys().contains(k),
            _ => false,
        }
    }
}

/// Where an item is: its id, and its place in the list as the index last saw it. Readers
/// check the place against the id and look the item up by id only when it moved since.
#[derive(Clone, Copy, Debug)]
pub struct At<'a> {
    pub id: &'a Id,
    pub slot: usize,
}

/// A column: its label, its kind, and how its value is read and written.
pub struct Column {
    pub key: &'static str,
    pub label: fn(&Texts) -> &'static str,
    pub kind: Kind,
    get: fn(&Plan, At) -> Value,
    set: fn(&mut Plan, At, Value),
}

impl Column {
    pub fn get(&self, plan: &Plan, at: At) -> Value {
        (self.get)(plan, at)
    }

    /// Writes `value`; one this column does not take changes nothing.
    pub fn set(&self, plan: &mut Plan, at: At, value: Value) {
        if self.kind.accepts(&value) {
            (self.set)(plan, at, value)
        }
    }

    /// The values a filter of this column can match: keys and ids as they are, texts and
    /// numbers as written.
    pub fn filter_values(&self, value: &Value) -> Vec<String> {
        match value {
            Value::Text(s) if !s.trim().is_empty() => vec![s.clone()],
            Value::Text(_) => Vec::new(),
            Value::Number(v) => v.map(|v| v.to_string()).into_iter().collect(),
            Value::Count(v) => v.map(|v| v.to_string()).into_iter().collect(),
            Value::Date(d) => d.as_ref().map(|d| d.0.to_string()).into_iter().collect(),
            Value::Choice(k) => k.map(str::to_owned).into_iter().collect(),
            Value::Check(b) => vec![b.to_string()],
            Value::Links(ids) => ids.iter().map(Id::to_string).collect(),
            Value::Pick(id) => id.as_ref().map(Id::to_string).into_iter().collect(),
        }
    }

    /// A key to sort by: empty values last, then numbers (and choices in their order) by
    /// size, texts alphabetically.
    pub fn sort_key(&self, value: &Value) -> (bool, f64, String) {
        match (value, self.kind) {
            (Value::Text(s), _) => (s.trim().is_empty(), 0.0, s.to_lowercase()),
            (Value::Number(v), _) => (v.is_none(), v.unwrap_or(0.0), String::new()),
            (Value::Count(v), _) => (v.is_none(), v.unwrap_or(0) as f64, String::new()),
            (Value::Date(d), _) => (d.is_none(), 0.0, d.as_ref().map(|d| d.0.to_string()).unwrap_or_default()),
            (Value::Choice(k), Kind::Choice { keys, .. }) => (k.is_none(), k.and_then(|k| keys().iter().position(|x| *x == k)).unwrap_or(0) as f64, String::new()),
            (Value::Check(b), _) => (false, if *b { 0.0 } else { 1.0 }, String::new()),
            (Value::Links(ids), _) => (ids.is_empty(), 0.0, ids.iter().map(Id::as_str).collect::<Vec<_>>().join(" ")),
            (Value::Pick(id), _) => (id.is_none(), 0.0, id.as_ref().map(Id::to_string).unwrap_or_default()),
            _ => (true, 0.0, String::new()),
        }
    }
}

/// Items linked to something elsewhere in the plan show its text, read-only, and can be
/// unlinked to become the team's own.
pub struct Link {
    pub linked: fn(&Plan, At) -> bool,
    pub note: fn(&Texts) -> &'static str,
    pub unlink: fn(&mut Plan, &Id),
    /// The block where the linked thing is edited.
    pub source: crate::model::Block,
    pub source_label: fn(&Texts) -> &'static str,
    /// What a linked row shows of its source beside the text (e.g. a finding's weight).
    pub detail: fn(&Plan, At, &Texts) -> String,
}

/// A further action on a row (e.g. making a kept indicator a KPI).
pub struct RowAction {
    pub label: fn(&Texts) -> &'static str,
    pub enabled: fn(&Plan, At) -> bool,
    pub run: fn(&mut Plan, &Id, Id),
    pub done: fn(&Texts) -> &'static str,
}

/// Removing any item is `Plan::remove` (with everything that hangs on it); items with
/// dependents ask first whether those go too or move (`Plan::remove_moving`).
pub struct Removal {
    /// What hangs on the item, in words; `None` when nothing does.
    pub dependents: fn(&Plan, &Id, &Texts) -> Option<String>,
    /// Where the dependents can move: every other item, as (id, label).
    pub targets: fn(&Plan, &Id) -> Vec<(Id, String)>,
}

pub struct ListSpec {
    /// Prefix of the list's test ids and element ids.
    pub name: &'static str,
    /// Every item's id in the plan's order, with the group it is shown in (a landscape
    /// level, an objective's index …); the slot of an item is its place here.
    pub items: fn(&Plan) -> Vec<(&Id, usize)>,
    pub add: fn(&mut Plan, usize, Id),
    /// Moves an item one place up (`true`) or down within its group.
    pub shift: fn(&mut Plan, &Id, bool),
    /// A short name of the item, for the labels of its buttons.
    pub title: fn(&Plan, At) -> String,
    pub add_label: fn(&Texts, usize) -> String,
    pub columns: &'static [Column],
    /// Whether the columns' headers sort the view.
    pub sortable: bool,
    pub link: Option<Link>,
    /// Rows as cards with their labels, for lists with many columns.
    pub cards: bool,
    /// A mark shown before the row (e.g. a business objective's letter).
    pub badge: Option<fn(&Plan, At) -> String>,
    /// Advice shown under the row (e.g. SMART hints), given today's date.
    pub advice: Option<fn(&Plan, At, &Texts, &Date) -> Vec<String>>,
    pub action: Option<RowAction>,
    /// Items that others hang on: removing one asks whether they go too or move.
    pub removal: Option<Removal>,
    /// Columns the view can be narrowed by, each with a choice of the values present.
    pub filters: &'static [usize],
}

/// Where each item of a list is, built once per change of the plan: rows find their item
/// by id here instead of searching the list for every cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    slots: HashMap<Id, usize>,
    groups: Vec<Vec<Id>>,
    /// The group of each slot, in order.
    placed: Vec<usize>,
}

impl Index {
    pub fn new(spec: &ListSpec, plan: &Plan) -> Index {
        Index::of(&(spec.items)(plan))
    }

    /// The index of a list's `items` (its `ListSpec::items`).
    pub fn of(items: &[(&Id, usize)]) -> Index {
        let mut index = Index { slots: HashMap::with_capacity_and_hasher(items.len(), Default::default()), groups: Vec::new(), placed: Vec::with_capacity(items.len()) };
        for (slot, &(id, group)) in items.iter().enumerate() {
            if index.groups.len() <= group {
                index.groups.resize_with(group + 1, Vec::new);
            }
            index.groups[group].push(id.clone());
            index.placed.push(group);
            index.slots.entry(id.clone()).or_insert(slot);
        }
        index
    }

    /// Whether this is the index of `items` (`Index::of(items) == *self`), found by
    /// comparing in place: typing leaves a list's items and their order as they are, and
    /// its index need not be built again to find that out.
    pub fn matches(&self, items: &[(&Id, usize)]) -> bool {
        if items.len() != self.placed.len() {
            return false;
        }
        let mut next = vec![0; self.groups.len()];
        for (&(id, group), &placed) in items.iter().zip(&self.placed) {
            if group != placed {
                return false;
            }
            let Some(k) = next.get_mut(group) else { return false };
            if self.groups[group].get(*k) != Some(id) {
                return false;
            }
            *k += 1;
        }
        true
    }

    pub fn at<'a>(&self, id: &'a Id) -> Option<At<'a>> {
        self.slots.get(id).map(|&slot| At { id, slot })
    }

    /// The ids of a group, in the plan's order.
    pub fn group(&self, group: usize) -> &[Id] {
        self.groups.get(group).map_or(&[], Vec::as_slice)
    }

    /// The place of an item within its group.
    pub fn position(&self, group: usize, id: &Id) -> Option<usize> {
        self.group(group).iter().position(|x| x == id)
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

/// Items of the plan's lists, each with its id.
pub(crate) trait HasId {
    fn id(&self) -> &Id;
}

macro_rules! has_id {
    ($($ty:ty),*) => { $(impl HasId for $ty { fn id(&self) -> &Id { &self.id } })* };
}
use crate::model::{Action, BusinessObjective, Channel, Finding, Indicator, Kpi, Objective, OpportunityRisk, Relationship, SwotItem, Tactic, ToolEntry};
has_id!(OpportunityRisk, ToolEntry, Finding, Channel, SwotItem, BusinessObjective, Objective, Kpi, Tactic, Indicator, Relationship, Action);

/// The item at `at`: at its slot when it is still there, else found by id. A missing
/// item reads as empty and ignores writes: a row can outlive its item for the instant
/// between a removal and the next render.
pub(crate) fn find<'a, T: HasId>(items: &'a [T], at: At) -> Option<&'a T> {
    match items.get(at.slot) {
        Some(x) if x.id() == at.id => Some(x),
        _ => items.iter().find(|x| x.id() == at.id),
    }
}

pub(crate) fn find_mut<'a, T: HasId>(items: &'a mut [T], at: At) -> Option<&'a mut T> {
    let slot = match items.get(at.slot) {
        Some(x) if x.id() == at.id => Some(at.slot),
        _ => items.iter().position(|x| x.id() == at.id),
    };
    slot.map(move |i| &mut items[i])
}

/// The ids of `items`, all in one group.
pub(crate) fn ungrouped<T: HasId>(items: &[T]) -> Vec<(&Id, usize)> {
    items.iter().map(|x| (x.id(), 0)).collect()
}

/// Moves the item with `id` one place up or down among the items `same` groups with it:
/// the `shift` of every list.
pub(crate) fn shift<T: HasId>(items: &mut [T], id: &Id, up: bool, same: fn(&T, &T) -> bool) {
    if let Some(i) = items.iter().position(|x| x.id() == id) {
        crate::model::move_in_group(items, i, up, same);
    }
}

/// The file keys of an enumeration, in its order: the keys of a `Choice` column.
pub fn keys<T: Keyed>() -> Vec<&'static str> {
    T::ALL.iter().map(|v| v.key()).collect()
}

/// The value of a `Choice` cell.
pub(crate) fn choice<T: Keyed>(value: T) -> Value {
    Value::Choice(Some(value.key()))
}

/// The enumeration value a `Choice` sets; `None` when it sets nothing.
pub(crate) fn chosen<T: Keyed>(value: Value) -> Option<T> {
    match value {
        Value::Choice(Some(k)) => T::from_key(k),
        _ => None,
    }
}

/// What an optional `Choice` sets: `Some(None)` clears it.
pub(crate) fn chosen_optional<T: Keyed>(value: Value) -> Option<Option<T>> {
    match value {
        Value::Choice(None) => Some(None),
        Value::Choice(Some(k)) => T::from_key(k).map(Some),
        _ => None,
    }
}

/// Shortens a text to `n` characters for labels, with an ellipsis when cut.
pub fn short(text: &str, n: usize) -> String {
    let text = text.trim();
    if text.chars().count() > n {
        text.chars().take(n).collect::<String>() + "…"
    } else {
        text.to_owned()
    }
}

/// A text column of items read from `$list` (a place in the plan `$p`), field `$field`.
macro_rules! text_column {
    ($key:literal, $label:ident, $long:expr, |$p:ident| $list:expr, $field:ident) => {
        $crate::lists::Column {
            key: $key,
            label: |t| t.$label,
            kind: $crate::lists::Kind::Text { long: $long },
            get: |$p, at| $crate::lists::Value::Text($crate::lists::find(&$list, at).map(|x| x.$field.clone()).unwrap_or_default()),
            set: |$p, at, v| {
                if let ($crate::lists::Value::Text(v), Some(x)) = (v, $crate::lists::find_mut(&mut $list, at)) {
                    x.$field = v
                }
            },
        }
    };
}
pub(crate) use text_column;
