//! The one component that shows every list the team fills in (`crate::lists` describes
//! them), so the build carries it once. Rows are keyed by the items' ids, so typing never
//! rebuilds a row or loses the focus.
//!
//! Reactivity is narrow: a list's `ListModel` re-reads its shown rows once per change of
//! the plan, in one pass through the index, and tells only the rows whose values changed.
//! Typing in one row re-renders that row; the other rows, their cells and the list's
//! structure hear nothing.

use super::state::{new_id, today, AppState, NoticeKind};
use crate::i18n::{fill, parse_number, Texts};
use crate::lists::{At, Column, Index, Kind, ListSpec, Value};
use crate::model::{Date, Id, Plan};
use leptos::prelude::*;
use rustc_hash::FxHashMap as HashMap;

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
}

/// One list on one screen, shared by all its groups there: the index (built once per
/// change of the plan), the rows shown with what they show, and the options of its link
/// columns (read once per change, for all rows).
#[derive(Clone, Copy)]
pub struct ListModel {
    spec: &'static ListSpec,
    index: Memo<Index>,
    rows: StoredValue<HashMap<Id, Shown>>,
    options: StoredValue<Vec<Option<Memo<Vec<(Id, String)>>>>>,
    /// The day the list was opened: what its rows' dates are judged against.
    day: StoredValue<Date>,
}

impl ListModel {
    pub fn new(spec: &'static ListSpec) -> ListModel {
        let state = expect_context::<AppState>();
        let t = state.texts();
        let day = today();
        let index = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| Index::new(spec, p)).unwrap_or_default()));
        let options = spec
            .columns
            .iter()
            .map(|c| match c.kind {
                Kind::Links(options) | Kind::Pick(options) => Some(Memo::new(move |_| state.plan.with(|p| p.as_ref().map(options).unwrap_or_default()))),
                _ => None,
            })
            .collect();
        let model = ListModel { spec, index, rows: StoredValue::new(HashMap::default()), options: StoredValue::new(options), day: StoredValue::new(day) };
        // One pass per change of the plan; only rows whose values changed are told.
        Effect::new(move |_| {
            let mut changed = Vec::new();
            state.plan.with(|p| {
                let Some(p) = p else { return };
                // A screen being left may still hear of a change: its parts are then gone.
                index.try_with_untracked(|index| {
                    model.rows.try_update_value(|rows| {
                        for (id, shown) in rows.iter_mut() {
                            let Some(at) = index.at(id) else { continue };
                            let fresh = model.day.with_value(|day| row_data(spec, p, at, t, day));
                            if fresh != shown.data {
                                shown.data = fresh;
                                changed.push(shown.changed.clone());
                            }
                        }
                    })
                });
            });
            changed.iter().for_each(Notify::notify);
        });
        model
    }

    /// Starts showing the row of `id`: what it shows now, and what tells it of changes.
    fn watch(self, id: &Id) -> ArcTrigger {
        let state = expect_context::<AppState>();
        let t = state.texts();
        let data = state.plan.with_untracked(|p| {
            let at = self.index.try_with_untracked(|i| i.at(id).map(|at| at.slot)).flatten();
            p.as_ref().zip(at).map(|(p, slot)| self.day.with_value(|day| row_data(self.spec, p, At { id, slot }, t, day))).unwrap_or_default()
        });
        let changed = ArcTrigger::new();
        self.rows.try_update_value(|rows| {
            rows.insert(id.clone(), Shown { data, changed: changed.clone() });
        });
        changed
    }

    fn unwatch(self, id: &Id) {
        self.rows.try_update_value(|rows| rows.remove(id));
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
        state.edit(|p| column.set(p, At { id, slot }, value));
    }
}

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
    let empty = move || items.try_with(Vec::is_empty).unwrap_or(true);
    let add_id = format!("{}-{group}-add", spec.name);
    let add = move |_| {
        let id = new_id();
        state.edit(|p| (spec.add)(p, group, id.clone()));
        let first = format!("{}-{}-{}", spec.name, spec.columns[0].key, id);
        set_timeout(move || super::focus(&first), std::time::Duration::ZERO);
    };
    let header = spec.columns.iter().enumerate().map(|(i, c)| {
        let label = (c.label)(t);
        let aria_sort = move || match sort.try_get().flatten() {
            Some((col, true)) if col == i => "ascending",
            Some((col, false)) if col == i => "descending",
            _ => "none",
        };
        if spec.sortable {
            view! {
                <th scope="col" aria-sort=aria_sort>
                    <button type="button" class="sort" title=fill(t.sort_by, &[("column", label)])
                        on:click=move |_| sort.update(|s| *s = match *s {
                            Some((col, true)) if col == i => Some((i, false)),
                            Some((col, false)) if col == i => None,
                            _ => Some((i, true)),
                        })
                    >{label}<span aria-hidden="true">{move || match aria_sort() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span></button>
                </th>
            }
            .into_any()
        } else {
            view! { <th scope="col">{label}</th> }.into_any()
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
        let shown = move || fill(t.shown_of, &[("shown", &ids().len().to_string()), ("total", &all_ids().len().to_string())]);
        view! { <div class="filters">{selects}<span class="hint" role="status">{shown}</span></div> }
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
    view! {
        <div class="list" data-testid=format!("{}-{group}", spec.name)>
            {filters}
            {link_note}
            <p class="hint" hidden=move || !empty()>{t.list_empty}</p>
            <table class=table_class hidden=empty>
                <thead><tr>{spec.badge.map(|_| view! { <th scope="col"></th> })}{header}<th scope="col"><span class="visually-hidden">{t.actions_column}</span></th></tr></thead>
                <tbody>
                    <For each=ids key=|id| id.clone() children=move |id| view! { <Row model=model group=group id=id sorted=Signal::derive(move || sort.try_get().flatten().is_some())/> }/>
                </tbody>
            </table>
            <button type="button" class="add" id=add_id.clone() data-testid=add_id on:click=add>{(spec.add_label)(t, group)}</button>
        </div>
    }
}

#[component]
fn Row(model: ListModel, group: usize, id: Id, sorted: Signal<bool>) -> impl IntoView {
    let spec = model.spec;
    let state = expect_context::<AppState>();
    let t = state.texts();
    let changed = model.watch(&id);
    let id = StoredValue::new(id);
    on_cleanup(move || {
        if let Some(id) = id.try_get_value() {
            model.unwatch(&id);
        }
    });
    // Re-read only when the list's pass found this row changed.
    let data = Memo::new(move |_| {
        changed.track();
        id.try_with_value(|id| model.data(id)).flatten().unwrap_or_default()
    });
    let linked = move || data.try_with(|d| d.linked).unwrap_or(false);
    let title = move || {
        let name = data.try_with(|d| d.title.clone()).unwrap_or_default();
        if name.trim().is_empty() {
            let n = id.try_with_value(|id| model.index.try_with_untracked(|i| i.position(group, id))).flatten().flatten().unwrap_or(0);
            fill(t.untitled_item, &[("number", &(n + 1).to_string())])
        } else {
            name
        }
    };
    let cells = spec.columns.iter().enumerate().map(|(i, c)| {
        let el_id = format!("{}-{}-{}", spec.name, c.key, id.try_get_value().unwrap_or_default());
        let value = Memo::new(move |_| data.try_with(|d| d.cells.get(i).cloned()).flatten().unwrap_or_else(|| c.kind.empty()));
        view! { <td class=column_class(c.kind) data-label=(c.label)(t)><Cell model=model column=i el_id=el_id id=id value=value readonly=Signal::derive(linked)/></td> }
    }).collect_view();
    let add_id = StoredValue::new(format!("{}-{group}-add", spec.name));
    // Removing asks first when other items hang on this one.
    let asking = RwSignal::new(false);
    // `to`: where the dependents move; `None` takes them along.
    let remove_with = move |to: Option<Id>| {
        let item = title();
        let this = id.try_get_value().unwrap_or_default();
        state.remove(item, |p| match &to {
            Some(to) => p.remove_moving(&this, to),
            None => p.remove(&this),
        });
        add_id.with_value(|a| super::focus(a));
    };
    let remove = move |_| {
        let dependents = spec.removal.as_ref().and_then(|r| state.plan.with_untracked(|p| p.as_ref().and_then(|p| (r.dependents)(p, &id.try_get_value().unwrap_or_default(), t))));
        if dependents.is_some() {
            asking.set(true);
        } else {
            remove_with(None);
        }
    };
    // The question is built when it is asked: a list of 400 rows built 400 hidden ones.
    let removal = spec.removal.as_ref().map(|r| move || asking.try_get().unwrap_or(false).then(|| {
        let target = RwSignal::new(String::new());
        let targets = move || state.plan.with(|p| p.as_ref().map(|p| (r.targets)(p, &id.try_get_value().unwrap_or_default())).unwrap_or_default());
        let question = move || state.plan.with(|p| p.as_ref().and_then(|p| (r.dependents)(p, &id.try_get_value().unwrap_or_default(), t))).unwrap_or_default();
        let select_id = format!("{}-move-{}", spec.name, id.try_get_value().unwrap_or_default());
        view! {
            <div class="confirm" role="group">
                <p>{question}</p>
                <button type="button" class="danger" data-testid="remove-with-dependents"
                    on:click=move |_| { asking.set(false); remove_with(None); }>{t.delete_them_too}</button>
                <label for=select_id.clone()>{t.move_them_to}</label>
                <select id=select_id.clone() data-testid="move-target" prop:value=move || target.try_get().unwrap_or_default() on:change=move |ev| target.set(event_target_value(&ev))>
                    <option value="">{t.not_set}</option>
                    {move || targets().into_iter().map(|(tid, label)| view! { <option value=tid.to_string()>{label}</option> }).collect_view()}
                </select>
                <button type="button" data-testid="move-and-remove" disabled=move || target.try_with(String::is_empty).unwrap_or(true)
                    on:click=move |_| {
                        let to = Id(target.get_untracked());
                        asking.set(false);
                        remove_with(Some(to));
                    }>{t.move_and_remove}</button>
                <button type="button" class="secondary" on:click=move |_| asking.set(false)>{t.cancel}</button>
            </div>
        }
    }));
    let badge = spec.badge.map(|_| view! {
        <th scope="row" class="badge-cell">{move || data.try_with(|d| d.badge.clone()).unwrap_or_default()}</th>
    });
    // Lists whose advice runs long are cards: the advice then reads under the row,
    // across its whole width.
    let advice = spec.advice.map(|_| move || {
        let hints = data.try_with(|d| d.advice.clone()).unwrap_or_default();
        (!hints.is_empty()).then(|| view! {
            <ul class="advice" aria-label=t.smart_title>{hints.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul>
        })
    });
    let action = spec.action.as_ref().map(|a| {
        let enabled = move || data.try_with(|d| d.enabled).unwrap_or(false);
        view! {
            <button type="button" class="secondary" hidden=move || !enabled()
                on:click=move |_| {
                    let item = title();
                    state.edit(|p| (a.run)(p, &id.try_get_value().unwrap_or_default(), new_id()));
                    state.notify(NoticeKind::Done { text: fill((a.done)(t), &[("item", &item)]) });
                }>{(a.label)(t)}</button>
        }
    });
    let link = spec.link.as_ref().map(|l| {
        view! {
            <span class="link-detail" hidden=move || !linked()>{move || data.try_with(|d| d.link_detail.clone()).unwrap_or_default()}</span>
            <button type="button" class="secondary unlink" hidden=move || !linked()
                aria-label=move || fill(t.unlink, &[("item", &title())]) title=move || fill(t.unlink, &[("item", &title())])
                on:click=move |_| state.edit(|p| (l.unlink)(p, &id.try_get_value().unwrap_or_default()))
            >{t.unlink_short}</button>
        }
    });
    // Icon buttons carry their name as a tooltip too.
    let up = move || fill(t.move_up, &[("item", &title())]);
    let down = move || fill(t.move_down, &[("item", &title())]);
    let delete = move || fill(t.remove_item, &[("item", &title())]);
    view! {
        <tr class:linked=linked>
            {badge}
            {cells}
            <td class="row-actions">
                {move || {
                    let names = data.try_with(|d| d.authors.clone()).unwrap_or_default();
                    (!names.is_empty()).then(|| view! { <p class="author-note" data-testid="item-authors">{fill(t.added_by, &[("names", &names)])}</p> })
                }}
                {advice}
                {action}
                {link}
                <button type="button" class="icon" aria-label=up title=up disabled=sorted
                    on:click=move |_| state.edit(|p| (spec.shift)(p, &id.try_get_value().unwrap_or_default(), true))>"↑"</button>
                <button type="button" class="icon" aria-label=down title=down disabled=sorted
                    on:click=move |_| state.edit(|p| (spec.shift)(p, &id.try_get_value().unwrap_or_default(), false))>"↓"</button>
                <button type="button" class="icon danger" aria-label=delete title=delete
                    on:click=remove>"✕"</button>
                {removal}
            </td>
        </tr>
    }
}

/// The class of a column's cells, by what they hold: the style sheet sizes columns by it.
fn column_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Text { long: true } => "k-long",
        Kind::Text { long: false } => "k-text",
        Kind::Number { .. } | Kind::Count => "k-number",
        Kind::Date => "k-date",
        Kind::Choice { .. } => "k-choice",
        Kind::Check => "k-check",
        Kind::Links(_) => "k-links",
        Kind::Pick(_) => "k-pick",
    }
}

/// Whole numbers in a range this short are picked from a list.
const PICKED: f64 = 10.0;

/// The options of a column with a fixed choice, as one piece of HTML text in the browser,
/// made from `(value, label)` pairs the first time a row of that column in `lang` asks.
/// Every row of the column then sets the same text as its select's content: a 400-row
/// list built each option as an element of its own, with its text and a marker, each
/// string passed from wasm (about 2,800 options in the landscape).
fn option_list(col: &'static Column, lang: crate::i18n::Lang, make: impl FnOnce() -> Vec<(String, String)>) -> wasm_bindgen::JsValue {
    thread_local! {
        static LISTS: std::cell::RefCell<Vec<((usize, crate::i18n::Lang), wasm_bindgen::JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let key = (std::ptr::from_ref(col) as usize, lang);
    if let Some(html) = LISTS.with(|l| l.borrow().iter().find(|(k, _)| *k == key).map(|(_, html)| html.clone())) {
        return html;
    }
    let escape = crate::charts::svg::escape;
    let mut html = String::new();
    for (value, label) in make() {
        html.push_str(&format!("<option value=\"{}\">{}</option>", escape(&value), escape(&label)));
    }
    let html = wasm_bindgen::JsValue::from_str(&html);
    LISTS.with(|l| l.borrow_mut().push((key, html.clone())));
    html
}

#[component]
fn Cell(model: ListModel, column: usize, el_id: String, id: StoredValue<Id>, value: Memo<Value>, readonly: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let col: &'static Column = &model.spec.columns[column];
    let label = (col.label)(t);
    let write = move |v: Value| {
        if let Some(id) = id.try_get_value() {
            model.write(&id, col, v)
        }
    };
    let text = move || match value.try_get() {
        Some(Value::Text(s)) => s,
        Some(Value::Date(d)) => d.map(|d| d.0).unwrap_or_default(),
        Some(Value::Choice(k)) => k.unwrap_or_default().to_owned(),
        Some(Value::Pick(id)) => id.map(|id| id.to_string()).unwrap_or_default(),
        Some(Value::Number(n)) => n.map(|n| n.to_string()).unwrap_or_default(),
        _ => String::new(),
    };
    match col.kind {
        Kind::Text { long: false } => view! {
            <input type="text" id=el_id.clone() data-testid=el_id aria-label=label prop:value=text readonly=readonly
                on:input=move |ev| write(Value::Text(event_target_value(&ev)))/>
        }
        .into_any(),
        Kind::Text { long: true } => view! {
            <textarea id=el_id.clone() data-testid=el_id aria-label=label rows="2" prop:value=text readonly=readonly
                on:input=move |ev| write(Value::Text(event_target_value(&ev)))></textarea>
        }
        .into_any(),
        Kind::Date => view! {
            <input type="date" id=el_id.clone() data-testid=el_id aria-label=label prop:value=text
                on:change=move |ev| write(Value::Date(Some(Date(event_target_value(&ev))).filter(Date::is_valid)))/>
        }
        .into_any(),
        // The options come as one piece of HTML, made once per column and language: a list
        // of 400 rows has thousands of them (see `option_list`). Set before the value, which
        // picks among them.
        Kind::Choice { keys, labels, optional } => {
            let options = option_list(col, state.lang.get_untracked(), || {
                let labels = labels(t).iter().map(|l| l.to_string());
                optional.then(|| (String::new(), t.not_set.to_owned())).into_iter().chain(keys().into_iter().map(str::to_owned).zip(labels)).collect()
            });
            view! {
                <select id=el_id.clone() data-testid=el_id aria-label=label prop:innerHTML=options prop:value=text
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        write(Value::Choice(keys().into_iter().find(|k| *k == v)));
                    }>
                </select>
            }
            .into_any()
        }
        Kind::Pick(_) => view! {
            <select id=el_id.clone() data-testid=el_id aria-label=label prop:value=text
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    write(Value::Pick((!v.is_empty()).then(|| Id(v))));
                }>
                <option value="">{t.not_set}</option>
                {move || model.options(column).into_iter().map(|(v, l)| view! { <option value=v.to_string()>{l}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        Kind::Number { min, max, whole: true, .. } if max - min <= PICKED => {
            let options = option_list(col, state.lang.get_untracked(), || (min as i64..=max as i64).map(|i| (i.to_string(), i.to_string())).collect());
            view! {
                <select id=el_id.clone() data-testid=el_id aria-label=label prop:innerHTML=options prop:value=text
                    on:change=move |ev| write(Value::Number(event_target_value(&ev).parse::<i64>().ok().map(|v| v as f64)))>
                </select>
            }
            .into_any()
        }
        Kind::Check => view! {
            <input type="checkbox" id=el_id.clone() data-testid=el_id aria-label=label prop:checked=move || value.try_get() == Some(Value::Check(true))
                on:change=move |ev| write(Value::Check(event_target_checked(&ev)))/>
        }
        .into_any(),
        Kind::Links(_) => {
            let chosen = move || match value.try_get() {
                Some(Value::Links(ids)) => ids,
                _ => Vec::new(),
            };
            let boxes = move || {
                let now = chosen();
                model.options(column).into_iter().map(|(oid, text)| {
                    let on = now.contains(&oid);
                    let box_id = format!("{el_id}-{oid}");
                    view! {
                        <span class="link-choice">
                            <input type="checkbox" id=box_id.clone() data-testid=box_id.clone() prop:checked=on
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut ids: Vec<Id> = chosen().into_iter().filter(|c| *c != oid).collect();
                                    if on {
                                        ids.push(oid.clone());
                                    }
                                    write(Value::Links(ids));
                                }/>
                            <label for=box_id>{text}</label>
                        </span>
                    }
                }).collect_view()
            };
            view! { <fieldset class="links"><legend class="visually-hidden">{label}</legend>{boxes}</fieldset> }.into_any()
        }
        // Numbers as the language writes them; a count takes whole numbers of zero or more.
        Kind::Number { .. } | Kind::Count => {
            let whole = matches!(col.kind, Kind::Count | Kind::Number { whole: true, .. });
            let shown = move || {
                let lang = state.lang.get_untracked();
                let n = match value.try_get_untracked() {
                    Some(Value::Number(n)) => n,
                    Some(Value::Count(n)) => n.map(|n| n as f64),
                    _ => None,
                };
                n.map(|v| crate::i18n::format_number_short(lang, v)).unwrap_or_default()
            };
            let draft = RwSignal::new(shown());
            let error = RwSignal::new(None::<String>);
            let message_id = format!("{el_id}-message");
            view! {
                <input type="text" inputmode=if whole { "numeric" } else { "decimal" } id=el_id.clone() data-testid=el_id aria-label=label
                    aria-invalid=move || error.try_with(Option::is_some).unwrap_or(false).to_string() aria-describedby=message_id.clone()
                    prop:value=move || draft.try_get().unwrap_or_default()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        draft.set(text.clone());
                        let typed = match parse_number(state.lang.get_untracked(), &text) {
                            Ok(v) => Ok(match col.kind {
                                Kind::Count => Value::Count(v.filter(|v| *v >= 0.0 && v.fract() == 0.0).map(|v| v as u64)),
                                _ => Value::Number(v),
                            }),
                            Err(e) => Err(t.number_error(e, &text)),
                        };
                        let message = match typed {
                            // A count of -1 or 2.5 reads as none above: it is refused here.
                            Ok(Value::Count(None)) if !text.trim().is_empty() => Some(fill(t.err_whole_number, &[("text", text.trim())])),
                            Ok(v) if col.kind.accepts(&v) => {
                                write(v);
                                None
                            }
                            Ok(_) => Some(fill(t.err_whole_number, &[("text", text.trim())])),
                            Err(message) => Some(message),
                        };
                        error.set(message);
                    }
                    on:blur=move |_| if error.try_with_untracked(Option::is_none) == Some(true) { draft.try_set(shown()); }
                />
                <span class="field-message" id=message_id role="status">{move || error.try_get().flatten()}</span>
            }
            .into_any()
        }
    }
}
