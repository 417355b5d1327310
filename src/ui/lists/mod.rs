//! The one component that shows every list the team fills in (`crate::lists` describes
//! them), so the build carries it once. Rows are keyed by the items' ids, so typing never
//! rebuilds a row or loses the focus.
//!
//! Reactivity is narrow: a list's `ListModel` re-reads its shown rows once per change of
//! the plan, in one pass through the index, and tells only the rows whose values changed.
//! Typing in one row re-renders that row; the other rows, their cells and the list's
//! structure hear nothing. A change typed into one row is read from that row alone before
//! the frame that shows it; the other rows are read again in the task after that frame
//! (what they show may hang on the row typed in: a title, a count), so the keystroke's
//! frame does not wait for a pass over thousands of rows.

mod cell;
mod row;

use super::state::{new_id, today, AppState};
use crate::i18n::{fill, Texts};
use crate::lists::{At, Column, Index, Kind, ListSpec, Value};
use row::Row;
use crate::model::{Date, Id, Plan};
use leptos::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// The id (and test id) of the control of `column` in the row of `item`.
fn cell_id(spec: &ListSpec, column: usize, item: &Id) -> String {
    format!("{}-{}-{}", spec.name, spec.columns[column].key, item)
}

/// What a row shows, read from the plan in one pass.
#[derive(Clone, Default, PartialEq)]
struct RowData {
    cells: Vec<Value>,
    title: String,
    badge: String,
    advice: Vec<String>,
    enabled: bool,
    linked: bool,
    link_detail: String,
    /// Who added the item at a workshop, names joined.
    authors: String,
}

fn row_data(spec: &ListSpec, plan: &Plan, at: At, t: &Texts, today: &Date) -> RowData {
    RowData {
        cells: spec.columns.iter().map(|c| c.get(plan, at)).collect(),
        title: (spec.title)(plan, at).chars().take(60).collect(),
        badge: spec.badge.map(|b| b(plan, at)).unwrap_or_default(),
        advice: spec.advice.map(|a| a(plan, at, t, today)).unwrap_or_default(),
        enabled: spec.action.as_ref().is_some_and(|a| (a.enabled)(plan, at)),
        linked: spec.link.as_ref().is_some_and(|l| (l.linked)(plan, at)),
        link_detail: spec.link.as_ref().filter(|l| (l.linked)(plan, at)).map(|l| (l.detail)(plan, at, t)).unwrap_or_default(),
        authors: plan.workshop.authors_of(at.id).map(|a| a.join(", ")).unwrap_or_default(),
    }
}

/// A row on screen: what it showed last, and how to tell it that changed.
struct Shown {
    data: RowData,
    changed: ArcTrigger,
    /// Which row on screen watches it: an item moving to another group is shown by a new
    /// row before or after its old row is gone, and only the row watching it now unwatches.
    row: u64,
}

thread_local! {
    static ROWS_MADE: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    static PASSES_QUEUED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// One list on one screen, shared by all its groups there: the index (built once per
/// change of the plan, and set only when the items or their order changed), the rows
/// shown with what they show, and the options of its link columns (read once per change,
/// for all rows).
#[derive(Clone, Copy)]
pub struct ListModel {
    spec: &'static ListSpec,
    /// A signal, not a memo of the plan: a memo would have every group's list of items,
    /// and all that hangs on it, checked again on every keystroke (200 groups on step 7),
    /// to find the index unchanged. The model's pass sets it when it changed.
    index: RwSignal<Index>,
    rows: StoredValue<HashMap<Id, Shown>>,
    options: StoredValue<Vec<Option<Memo<Vec<(Id, String)>>>>>,
    /// The day the list was opened: what its rows' dates are judged against.
    day: StoredValue<Date>,
    /// What this list wrote into the plan since its last pass.
    written: StoredValue<Written>,
    /// The pass over all rows queued for the task after the next frame, by its number.
    queued: StoredValue<Option<u64>>,
}

/// What a list wrote into the plan since its last pass: nothing (the plan changed some
/// other way), one row's cells, or more.
#[derive(Clone, Debug, Default, PartialEq)]
enum Written {
    #[default]
    Nothing,
    Row(Id),
    Rows,
}

impl Written {
    fn and(self, id: &Id) -> Written {
        match self {
            Written::Nothing => Written::Row(id.clone()),
            Written::Row(row) if &row == id => Written::Row(row),
            _ => Written::Rows,
        }
    }
}

impl ListModel {
    pub fn new(spec: &'static ListSpec) -> ListModel {
        let state = expect_context::<AppState>();
        let t = state.texts();
        let day = today();
        let index = RwSignal::new(state.plan.with_untracked(|p| p.as_ref().map(|p| Index::new(spec, p)).unwrap_or_default()));
        let options = spec
            .columns
            .iter()
            .map(|c| match c.kind {
                Kind::Links(options) | Kind::Pick(options) => Some(Memo::new(move |_| state.plan.with(|p| p.as_ref().map(options).unwrap_or_default()))),
                _ => None,
            })
            .collect();
        let model = ListModel {
            spec,
            index,
            rows: StoredValue::new(HashMap::default()),
            options: StoredValue::new(options),
            day: StoredValue::new(day),
            written: StoredValue::new(Written::Nothing),
            queued: StoredValue::new(None),
        };
        // One pass per change of the plan; only rows whose values changed are told, and the
        // groups only when the items or their order changed. After a cell of one row was
        // written (typing), and the items are as they were, that row alone is read now and
        // the others after the frame.
        Effect::new(move |_| {
            let written = model.written.try_update_value(std::mem::take).unwrap_or_default();
            let mut changed = Vec::new();
            let mut later = false;
            let fresh = state.plan.with(|p| {
                let fresh = model.rebuilt(p.as_ref());
                let Some(p) = p else { return fresh };
                match (&fresh, written) {
                    (Some(fresh), _) => model.pass(p, fresh, None, t, &mut changed),
                    (None, Written::Row(id)) => {
                        index.try_with_untracked(|index| model.pass(p, index, Some(&id), t, &mut changed));
                        later = true;
                    }
                    (None, _) => drop(index.try_with_untracked(|index| model.pass(p, index, None, t, &mut changed))),
                }
                fresh
            });
            if let Some(fresh) = fresh {
                index.try_set(fresh);
            }
            changed.iter().for_each(Notify::notify);
            if later {
                model.pass_later(state, t);
            }
        });
        model
    }

    /// Reads the rows on screen (or only the row of `only`) from `plan` and notes in
    /// `changed` those whose values changed. A screen being left may still hear of a
    /// change: its parts are then gone, and nothing is read.
    fn pass(self, plan: &Plan, index: &Index, only: Option<&Id>, t: &Texts, changed: &mut Vec<ArcTrigger>) {
        let spec = self.spec;
        let Some(day) = self.day.try_get_value() else { return };
        self.rows.try_update_value(|rows| {
            let mut read = |id: &Id, shown: &mut Shown| {
                let Some(at) = index.at(id) else { return };
                let data = row_data(spec, plan, at, t, &day);
                if data != shown.data {
                    shown.data = data;
                    changed.push(shown.changed.clone());
                }
            };
            match only {
                Some(id) => {
                    if let Some(shown) = rows.get_mut(id) {
                        read(id, shown);
                    }
                }
                None => rows.iter_mut().for_each(|(id, shown)| read(id, shown)),
            }
        });
    }

    /// Queues a pass over all rows for the task after the next frame, once however many
    /// keys come before it; or after 100 ms, when no frame comes (a tab hidden meanwhile).
    /// Each pass has its number: a timer left from a pass that ran after its frame does
    /// not run the next one early.
    fn pass_later(self, state: AppState, t: &'static Texts) {
        let number = PASSES_QUEUED.with(|n| n.replace(n.get() + 1));
        let queued = self.queued.try_update_value(|q| q.is_none() && q.replace(number).is_none()).unwrap_or(false);
        if !queued {
            return;
        }
        crate::ui::after_paint(move || self.pass_queued(state, t, number));
        set_timeout(move || self.pass_queued(state, t, number), std::time::Duration::from_millis(100));
    }

    /// The queued pass `number` over all rows, unless it ran already (or the list is gone).
    fn pass_queued(self, state: AppState, t: &'static Texts, number: u64) {
        if !self.queued.try_update_value(|q| q.take_if(|n| *n == number).is_some()).unwrap_or(false) {
            return;
        }
        let mut changed = Vec::new();
        state.plan.try_with_untracked(|p| {
            if let Some(p) = p {
                self.index.try_with_untracked(|index| self.pass(p, index, None, t, &mut changed));
            }
        });
        changed.iter().for_each(Notify::notify);
    }

    /// Brings the index up to date now, for groups made anew that read it at once (the
    /// list's pass sets it after them otherwise).
    pub fn refresh(self, plan: Option<&Plan>) {
        if let Some(fresh) = self.rebuilt(plan) {
            self.index.try_set(fresh);
        }
    }

    /// The index of `plan`'s items, built again only when they or their order are not
    /// those of the index now; `None` when they are.
    fn rebuilt(self, plan: Option<&Plan>) -> Option<Index> {
        let items = plan.map(|p| (self.spec.items)(p)).unwrap_or_default();
        (!self.index.try_with_untracked(|i| i.matches(&items)).unwrap_or(true)).then(|| Index::of(&items))
    }

    /// Starts showing the row of `id`: what it shows now, what tells it of changes, and
    /// the row's number, to stop with (`unwatch`).
    fn watch(self, id: &Id) -> (ArcTrigger, u64) {
        let state = expect_context::<AppState>();
        let t = state.texts();
        let data = state.plan.with_untracked(|p| {
            let at = self.index.try_with_untracked(|i| i.at(id).map(|at| at.slot)).flatten();
            p.as_ref().zip(at).map(|(p, slot)| self.day.with_value(|day| row_data(self.spec, p, At { id, slot }, t, day))).unwrap_or_default()
        });
        let changed = ArcTrigger::new();
        let row = ROWS_MADE.with(|n| n.replace(n.get() + 1));
        self.rows.try_update_value(|rows| {
            rows.insert(id.clone(), Shown { data, changed: changed.clone(), row });
        });
        (changed, row)
    }

    fn unwatch(self, id: &Id, row: u64) {
        self.rows.try_update_value(|rows| {
            if rows.get(id).is_some_and(|s| s.row == row) {
                rows.remove(id);
            }
        });
    }

    fn data(self, id: &Id) -> Option<RowData> {
        self.rows.try_with_value(|rows| rows.get(id).map(|s| s.data.clone())).flatten()
    }

    fn options(self, column: usize) -> Vec<(Id, String)> {
        self.options.try_with_value(|o| o.get(column).copied().flatten()).flatten().and_then(|m| m.try_get()).unwrap_or_default()
    }

    /// Writes a cell through the list's description, which uses the model's operations.
    fn write(self, id: &Id, column: &'static Column, value: Value) {
        let state = expect_context::<AppState>();
        let slot = self.index.try_with_untracked(|i| i.at(id).map(|at| at.slot)).flatten().unwrap_or(usize::MAX);
        self.written.try_update_value(|w| *w = std::mem::take(w).and(id));
        state.edit(|p| column.set(p, At { id, slot }, value));
    }
}

/// How many rows of a list are a table of their own (`ListEditor`).
const BLOCK: usize = 40;

/// A list whose groups are not shown side by side: it has a model of its own.
#[component]
pub fn List(spec: &'static ListSpec, #[prop(optional)] group: usize) -> impl IntoView {
    view! { <ListEditor model=ListModel::new(spec) group=group/> }
}

/// One group of a list (a landscape level, an objective's KPIs …), sharing `model` with
/// the list's other groups on the screen.
#[component]
pub fn ListEditor(model: ListModel, #[prop(optional)] group: usize) -> impl IntoView {
    let spec = model.spec;
    let state = expect_context::<AppState>();
    let t = state.texts();
    // Sorted by column `.0`, ascending when `.1`; the plan's own order stays as it is.
    let sort = RwSignal::new(None::<(usize, bool)>);
    // The chosen value per filter; "" shows all.
    let chosen = RwSignal::new(vec![String::new(); spec.filters.len()]);
    // The group's items change with the index only: typing leaves them as they are.
    let items = Memo::new(move |_| model.index.try_with(|i| i.group(group).to_vec()).unwrap_or_default());
    let all_ids = move || items.try_get().unwrap_or_default();
    // Values of a column for the items shown, read while filtering or sorting only.
    let values = move |ids: &[Id], column: &'static Column| -> Vec<Value> {
        state.plan.with(|p| {
            model
                .index
                .try_with(|index| match p {
                    Some(p) => ids.iter().map(|id| index.at(id).map_or_else(|| column.kind.empty(), |at| column.get(p, at))).collect(),
                    None => Vec::new(),
                })
                .unwrap_or_default()
        })
    };
    let ids = move || {
        let mut ids = all_ids();
        let filters: Vec<(usize, String)> = chosen.try_with(|c| spec.filters.iter().copied().zip(c.iter().cloned()).filter(|(_, c)| !c.is_empty()).collect()).unwrap_or_default();
        for (col, wanted) in filters {
            let column = &spec.columns[col];
            let keep: Vec<bool> = values(&ids, column).iter().map(|v| column.filter_values(v).contains(&wanted)).collect();
            let mut keep = keep.into_iter();
            ids.retain(|_| keep.next().unwrap_or(false));
        }
        if let Some((col, ascending)) = sort.try_get().flatten() {
            let column = &spec.columns[col];
            let mut keyed: Vec<_> = values(&ids, column).iter().map(|v| column.sort_key(v)).zip(ids.drain(..)).collect();
            keyed.sort_by(|a, b| {
                let order = a.0 .0.cmp(&b.0 .0).then(a.0 .1.total_cmp(&b.0 .1)).then(a.0 .2.cmp(&b.0 .2));
                if ascending || a.0 .0 != b.0 .0 { order } else { order.reverse() }
            });
            ids = keyed.into_iter().map(|(_, id)| id).collect();
        }
        ids
    };
    // Filtered and sorted once per change, for the rows and the count of them.
    let shown = Memo::new(move |_| ids());
    let empty = move || items.try_with(Vec::is_empty).unwrap_or(true);
    let add_id = format!("{}-{group}-add", spec.name);
    let add = move |_| {
        let id = new_id();
        state.edit(|p| (spec.add)(p, group, id.clone()));
        let first = cell_id(spec, 0, &id);
        set_timeout(move || super::focus(&first), std::time::Duration::ZERO);
    };
    // The column headers of a block of rows; `repeated` in the blocks after the first:
    // there they have no height and their sort buttons are out of the tab order (the
    // first block's are in it), but they name the columns to screen readers and take the
    // same room as the first block's, so every block's columns are as wide.
    let header = move |repeated: bool| spec.columns.iter().enumerate().map(move |(i, c)| {
        let label = (c.label)(t);
        let aria_sort = move || match sort.try_get().flatten() {
            Some((col, true)) if col == i => "ascending",
            Some((col, false)) if col == i => "descending",
            _ => "none",
        };
        if spec.sortable {
            view! {
                <th scope="col" aria-sort=aria_sort><div class="head">
                    <button type="button" class="sort" title=fill(t.sort_by, &[("column", label)]) tabindex=repeated.then_some("-1")
                        on:click=move |_| sort.update(|s| *s = match *s {
                            Some((col, true)) if col == i => Some((i, false)),
                            Some((col, false)) if col == i => None,
                            _ => Some((i, true)),
                        })
                    >{label}<span aria-hidden="true">{move || match aria_sort() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span></button>
                </div></th>
            }
            .into_any()
        } else {
            view! { <th scope="col"><div class="head">{label}</div></th> }.into_any()
        }
    }).collect_view();
    let filters = (!spec.filters.is_empty()).then(|| {
        let selects = spec.filters.iter().enumerate().map(|(n, col)| {
            let column = &spec.columns[*col];
            let label = (column.label)(t);
            let select_id = format!("{}-{group}-filter-{}", spec.name, column.key);
            let options = move || -> Vec<(String, String)> {
                match column.kind {
                    Kind::Choice { keys, labels, .. } => keys().into_iter().zip(labels(t)).map(|(k, l)| (k.to_owned(), l.to_string())).collect(),
                    Kind::Pick(_) | Kind::Links(_) => model.options(*col).into_iter().map(|(id, l)| (id.to_string(), l)).collect(),
                    _ => {
                        let mut seen: Vec<String> = values(&all_ids(), column).iter().flat_map(|v| column.filter_values(v)).collect();
                        seen.sort();
                        seen.dedup();
                        seen.into_iter().map(|v| (v.clone(), v)).collect()
                    }
                }
            };
            view! {
                <label for=select_id.clone()>{fill(t.filter_by, &[("column", label)])}</label>
                <select id=select_id.clone() data-testid=select_id
                    on:change=move |ev| { let v = event_target_value(&ev); chosen.update(|c| c[n] = v); }>
                    <option value="">{t.filter_all}</option>
                    {move || options().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                </select>
            }
        }).collect_view();
        let count = move || fill(t.shown_of, &[("shown", &shown.try_with(Vec::len).unwrap_or(0).to_string()), ("total", &all_ids().len().to_string())]);
        view! { <div class="filters">{selects}<span class="hint" role="status">{count}</span></div> }
    });
    // Rows linked to another exercise: said once for the list, with the way there.
    let link_note = spec.link.as_ref().map(|l| {
        let plan = state.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())).unwrap_or_default();
        let href = crate::route::Route::Block(plan, l.source).href();
        let any_linked = move || {
            state.plan.with(|p| {
                p.as_ref().is_some_and(|p| model.index.try_with(|index| items.try_with(|ids| ids.iter().any(|id| index.at(id).is_some_and(|at| (l.linked)(p, at)))).unwrap_or(false)).unwrap_or(false))
            })
        };
        view! {
            <p class="link-note" data-testid="link-note" hidden=move || !any_linked()>
                <span class="linked-mark" aria-hidden="true"></span>{(l.note)(t)}" "<a href=href>{(l.source_label)(t)}</a>
            </p>
        }
    });
    // A table with long text gives it the room its other columns leave.
    let long = spec.columns.iter().any(|c| matches!(c.kind, Kind::Text { long: true }));
    let table_class = match (spec.cards, long) {
        (true, _) => "rows cards",
        (false, true) => "rows long",
        (false, false) => "rows",
    };
    // The rows shown, in blocks of `BLOCK` rows, each a table of its own that is laid out
    // and painted only while in view: a keystroke in a list of 400 rows repaints the
    // blocks in view, not 400 rows. The first block shows the column headers (and the
    // sort buttons); the others have the same with no height (`header`). A filter that
    // leaves no row still shows the headers.
    let blocks = move || shown.try_with(|s| s.len().div_ceil(BLOCK)).unwrap_or(0);
    view! {
        <div class="list" data-testid=format!("{}-{group}", spec.name)>
            {filters}
            {link_note}
            <p class="hint" hidden=move || !empty()>{t.list_empty}</p>
            <div class="row-blocks" hidden=empty>
                <For each=move || 0..blocks().max(1) key=|n| *n let:n>
                    <div class="row-block">
                        <table class=table_class>
                            <thead class:repeated=n != 0><tr>
                                {spec.badge.map(|_| view! { <th scope="col"></th> })}
                                {header(n != 0)}
                                <th scope="col"><span class="visually-hidden">{t.actions_column}</span></th>
                            </tr></thead>
                            <tbody>
                                <For each=move || shown.try_with(|s| s.iter().skip(n * BLOCK).take(BLOCK).cloned().collect::<Vec<_>>()).unwrap_or_default() key=|id| id.clone()
                                    children=move |id| view! { <Row model=model group=group id=id sorted=Signal::derive(move || sort.try_get().flatten().is_some())/> }/>
                            </tbody>
                        </table>
                    </div>
                </For>
            </div>
            <button type="button" class="add" id=add_id.clone() data-testid=add_id on:click=add>{(spec.add_label)(t, group)}</button>
        </div>
    }
}

