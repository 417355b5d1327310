//! Lists the team fills in: findings, tools, channels, SWOT entries. One component
//! serves them all; each list is a plain description (its columns, and how to read,
//! add, move and remove its items in the plan), so the build carries the component once.
//! Rows are keyed by the items' ids, so typing never rebuilds a row or loses the focus.

use super::state::{new_id, AppState, NoticeKind};
use crate::i18n::{fill, parse_number, Texts};
use crate::model::{Id, Plan};
use leptos::prelude::*;

/// How a column is entered.
#[derive(Clone, Copy)]
pub enum Kind {
    /// One line of text.
    Line,
    /// A few lines of text.
    Long,
    /// One of the labels; the value is the label's index. `optional` adds "Not set" ("").
    Choice { labels: fn(&Texts) -> &[&'static str], optional: bool },
    /// A whole number from `min` to `max`, picked from a list.
    Scale { min: u8, max: u8 },
    /// A whole number, written the way the language writes numbers.
    Count,
    /// A calendar date (`YYYY-MM-DD`), or "".
    Date,
    /// Any number, written the way the language writes numbers, or "".
    Number,
    /// Yes ("true") or no ("").
    Check,
    /// Several of the plan's items, ids separated by spaces; the options are (id, label).
    Links(fn(&Plan) -> Vec<(Id, String)>),
    /// One of the plan's items, or "": the options are (value, label).
    Pick(fn(&Plan) -> Vec<(String, String)>),
}

/// A column: its label and how its value is read and written, as text.
pub struct Column {
    pub key: &'static str,
    pub label: fn(&Texts) -> &'static str,
    pub kind: Kind,
    pub get: fn(&Plan, &Id) -> String,
    pub set: fn(&mut Plan, &Id, &str),
}

/// Items linked to something elsewhere in the plan show its text, read-only, and can be
/// unlinked to become the team's own.
pub struct Link {
    pub linked: fn(&Plan, &Id) -> bool,
    pub note: fn(&Texts) -> &'static str,
    pub unlink: fn(&mut Plan, &Id),
    /// The block where the linked thing is edited.
    pub source: crate::model::Block,
    pub source_label: fn(&Texts) -> &'static str,
}

pub struct ListSpec {
    /// Prefix of the list's test ids and element ids.
    pub name: &'static str,
    /// The items' ids in the plan's order; `group` selects a part of a shared list.
    pub ids: fn(&Plan, usize) -> Vec<Id>,
    pub add: fn(&mut Plan, usize, Id),
    /// Moves an item one place up (`true`) or down within its group.
    pub shift: fn(&mut Plan, &Id, bool),
    /// A short name of the item, for the labels of its buttons.
    pub title: fn(&Plan, &Id) -> String,
    pub add_label: fn(&Texts, usize) -> String,
    pub columns: &'static [Column],
    /// Whether the columns' headers sort the view.
    pub sortable: bool,
    pub link: Option<Link>,
    /// Rows as cards with their labels, for lists with many columns.
    pub cards: bool,
    /// A mark shown before the row (e.g. a business objective's letter).
    pub badge: Option<fn(&Plan, &Id) -> String>,
    /// Advice shown under the row (e.g. SMART hints).
    pub advice: Option<fn(&Plan, &Id, &Texts) -> Vec<String>>,
    pub action: Option<RowAction>,
    /// Items that others hang on: removing one asks whether they go too or move.
    pub removal: Option<Removal>,
    /// Columns the view can be narrowed by, each with a choice of the values present.
    pub filters: &'static [usize],
}

/// A further action on a row (e.g. making a kept indicator a KPI).
pub struct RowAction {
    pub label: fn(&Texts) -> &'static str,
    pub enabled: fn(&Plan, &Id) -> bool,
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

/// Moves the item with `id` one place up or down among the items `same` groups with it:
/// the `shift` of every list.
pub fn shift<T>(items: &mut [T], id: &Id, up: bool, key: fn(&T) -> &Id, same: fn(&T, &T) -> bool) {
    if let Some(i) = items.iter().position(|x| key(x) == id) {
        crate::model::move_in_group(items, i, up, same);
    }
}

/// What a row shows, read from the plan in one pass.
#[derive(Clone, PartialEq)]
struct RowData {
    cells: Vec<String>,
    title: String,
    badge: String,
    advice: Vec<String>,
    enabled: bool,
    linked: bool,
}

/// A value for sorting: numbers by size, texts alphabetically, empty last.
fn sort_key(kind: Kind, text: &str) -> (bool, f64, String) {
    let number = match kind {
        Kind::Count | Kind::Number | Kind::Scale { .. } | Kind::Choice { .. } => crate::i18n::plain_number(text).unwrap_or(0.0),
        _ => 0.0,
    };
    (text.is_empty(), number, text.to_lowercase())
}

#[component]
pub fn ListEditor(spec: &'static ListSpec, #[prop(optional)] group: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    // Sorted by column `.0`, ascending when `.1`; the plan's own order stays as it is.
    let sort = RwSignal::new(None::<(usize, bool)>);
    // The chosen value per filter; "" shows all.
    let chosen = RwSignal::new(vec![String::new(); spec.filters.len()]);
    // The list's items, read once per change of the plan and shared by the rows, the
    // empty-list hint and the filter count; typing in a row leaves it unchanged.
    let items = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| (spec.ids)(p, group)).unwrap_or_default()));
    let all_ids = move || items.try_get().unwrap_or_default();
    let ids = move || {
        let mut ids = all_ids();
        chosen.try_with(|chosen| {
            if chosen.iter().any(|c| !c.is_empty()) {
                state.plan.with(|p| {
                    if let Some(p) = p {
                        ids.retain(|id| spec.filters.iter().zip(chosen).all(|(col, c)| c.is_empty() || (spec.columns[*col].get)(p, id).split(' ').any(|v| v == c)));
                    }
                });
            }
        });
        if let Some((col, ascending)) = sort.try_get().flatten() {
            let column = &spec.columns[col];
            state.plan.with(|p| {
                if let Some(p) = p {
                    let mut keyed: Vec<_> = ids.drain(..).map(|id| (sort_key(column.kind, &(column.get)(p, &id)), id)).collect();
                    keyed.sort_by(|a, b| {
                        let order = a.0 .0.cmp(&b.0 .0).then(a.0 .1.total_cmp(&b.0 .1)).then(a.0 .2.cmp(&b.0 .2));
                        if ascending || a.0 .0 != b.0 .0 { order } else { order.reverse() }
                    });
                    ids = keyed.into_iter().map(|(_, id)| id).collect();
                }
            });
        }
        ids
    };
    let empty = move || items.try_with(Vec::is_empty).unwrap_or(true);
    let add_id = format!("{}-{group}-add", spec.name);
    let add = {
        let add_id = add_id.clone();
        move |_| {
            let id = new_id();
            state.edit(|p| (spec.add)(p, group, id.clone()));
            let first = format!("{}-{}-{}", spec.name, spec.columns[0].key, id);
            let _ = add_id;
            set_timeout(move || super::focus(&first), std::time::Duration::ZERO);
        }
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
            let options = move || {
                state.plan.with(|p| {
                    let Some(p) = p else { return Vec::new() };
                    let mut values: Vec<(String, String)> = match column.kind {
                        Kind::Choice { labels, .. } => labels(t).iter().enumerate().map(|(i, l)| (i.to_string(), l.to_string())).collect(),
                        Kind::Pick(options) => options(p),
                        _ => {
                            let mut seen: Vec<String> = (spec.ids)(p, group).iter().map(|id| (column.get)(p, id)).filter(|v| !v.trim().is_empty()).collect();
                            seen.sort();
                            seen.dedup();
                            seen.into_iter().map(|v| (v.clone(), v)).collect()
                        }
                    };
                    values.retain(|(v, _)| !v.is_empty());
                    values
                })
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
    view! {
        <div class="list" data-testid=format!("{}-{group}", spec.name)>
            {filters}
            <p class="hint" hidden=move || !empty()>{t.list_empty}</p>
            <table class="rows" class:cards=spec.cards hidden=empty>
                <thead><tr>{spec.badge.map(|_| view! { <th scope="col"></th> })}{header}<th scope="col"><span class="visually-hidden">{t.actions_column}</span></th></tr></thead>
                <tbody>
                    <For each=ids key=|id| id.clone() children=move |id| view! { <Row spec=spec group=group id=id sorted=Signal::derive(move || sort.try_get().flatten().is_some())/> }/>
                </tbody>
            </table>
            <button type="button" class="add" id=add_id.clone() data-testid=add_id on:click=add>{(spec.add_label)(t, group)}</button>
        </div>
    }
}

#[component]
fn Row(spec: &'static ListSpec, group: usize, id: Id, sorted: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let id = StoredValue::new(id);
    // Everything the row shows, read in one pass: typing elsewhere in the plan re-reads
    // it, but only a change of this row's own values reaches its cells.
    let data = Memo::new(move |_| {
        state.plan.with(|p| {
            p.as_ref().and_then(|p| {
                // A row being removed may be read once more after its id is gone.
                id.try_with_value(|id| RowData {
                    cells: spec.columns.iter().map(|c| (c.get)(p, id)).collect(),
                    title: (spec.title)(p, id).chars().take(60).collect(),
                    badge: spec.badge.map(|b| b(p, id)).unwrap_or_default(),
                    advice: spec.advice.map(|a| a(p, id, t)).unwrap_or_default(),
                    enabled: spec.action.as_ref().is_some_and(|a| (a.enabled)(p, id)),
                    linked: spec.link.as_ref().is_some_and(|l| (l.linked)(p, id)),
                })
            })
        })
    });
    let linked = move || data.try_with(|d| d.as_ref().is_some_and(|d| d.linked)).unwrap_or(false);
    let title = move || {
        let name = data.try_with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default()).unwrap_or_default();
        if name.trim().is_empty() {
            let n = state.plan.with_untracked(|p| p.as_ref().and_then(|p| (spec.ids)(p, group).iter().position(|x| *x == id.try_get_value().unwrap_or_default())).unwrap_or(0));
            fill(t.untitled_item, &[("number", &(n + 1).to_string())])
        } else {
            name
        }
    };
    let cells = spec.columns.iter().map(|c| {
        let el_id = format!("{}-{}-{}", spec.name, c.key, id.try_get_value().unwrap_or_default());
        let i = spec.columns.iter().position(|x| std::ptr::eq(x, c)).unwrap_or(0);
        let value = Signal::derive(move || data.try_with(|d| d.as_ref().and_then(|d| d.cells.get(i).cloned()).unwrap_or_default()).unwrap_or_default());
        view! { <td data-label=(c.label)(t)><Cell column=c el_id=el_id id=id value=value readonly=Signal::derive(linked)/></td> }
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
    let removal = spec.removal.as_ref().map(|r| {
        let target = RwSignal::new(String::new());
        // Read only while the question is open.
        let targets = move || if asking.try_get().unwrap_or(false) { state.plan.with(|p| p.as_ref().map(|p| (r.targets)(p, &id.try_get_value().unwrap_or_default())).unwrap_or_default()) } else { Vec::new() };
        let question = move || if asking.try_get().unwrap_or(false) { state.plan.with(|p| p.as_ref().and_then(|p| (r.dependents)(p, &id.try_get_value().unwrap_or_default(), t))).unwrap_or_default() } else { String::new() };
        let select_id = format!("{}-move-{}", spec.name, id.try_get_value().unwrap_or_default());
        view! {
            <div class="confirm" role="group" hidden=move || !asking.try_get().unwrap_or(false)>
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
    });
    let badge = spec.badge.map(|b| view! {
        <th scope="row" class="badge-cell">{move || { let _ = b; data.try_with(|d| d.as_ref().map(|d| d.badge.clone()).unwrap_or_default()).unwrap_or_default() }}</th>
    });
    let advice = spec.advice.map(|a| move || {
        let _ = a;
        let hints = data.try_with(|d| d.as_ref().map(|d| d.advice.clone()).unwrap_or_default()).unwrap_or_default();
        (!hints.is_empty()).then(|| view! {
            <ul class="advice" aria-label=t.smart_title>{hints.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul>
        })
    });
    let action = spec.action.as_ref().map(|a| {
        let enabled = move || data.try_with(|d| d.as_ref().is_some_and(|d| d.enabled)).unwrap_or(false);
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
        let plan = state.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())).unwrap_or_default();
        let href = crate::route::Route::Block(plan, l.source).href();
        view! {
            <p class="link-note" hidden=move || !linked()>
                {(l.note)(t)}" "<a href=href>{(l.source_label)(t)}</a>
            </p>
            <button type="button" class="secondary" hidden=move || !linked() aria-label=move || fill(t.unlink, &[("item", &title())])
                on:click=move |_| state.edit(|p| (l.unlink)(p, &id.try_get_value().unwrap_or_default()))
            >"⛓̸"</button>
        }
    });
    view! {
        <tr>
            {badge}
            {cells}
            <td class="row-actions">
                {advice}
                {action}
                {link}
                <button type="button" class="icon" aria-label=move || fill(t.move_up, &[("item", &title())]) disabled=sorted
                    on:click=move |_| state.edit(|p| (spec.shift)(p, &id.try_get_value().unwrap_or_default(), true))>"↑"</button>
                <button type="button" class="icon" aria-label=move || fill(t.move_down, &[("item", &title())]) disabled=sorted
                    on:click=move |_| state.edit(|p| (spec.shift)(p, &id.try_get_value().unwrap_or_default(), false))>"↓"</button>
                <button type="button" class="icon danger" aria-label=move || fill(t.remove_item, &[("item", &title())])
                    on:click=remove>"✕"</button>
                {removal}
            </td>
        </tr>
    }
}

#[component]
fn Cell(column: &'static Column, el_id: String, id: StoredValue<Id>, value: Signal<String>, readonly: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let label = (column.label)(t);
    let set = column.set;
    let value = move || value.try_get().unwrap_or_default();
    let write = move |text: String| state.edit(|p| set(p, &id.try_get_value().unwrap_or_default(), &text));
    match column.kind {
        Kind::Line => view! {
            <input type="text" id=el_id.clone() data-testid=el_id aria-label=label prop:value=value readonly=readonly
                on:input=move |ev| write(event_target_value(&ev))/>
        }
        .into_any(),
        Kind::Long => view! {
            <textarea id=el_id.clone() data-testid=el_id aria-label=label rows="2" prop:value=value readonly=readonly
                on:input=move |ev| write(event_target_value(&ev))></textarea>
        }
        .into_any(),
        Kind::Date => view! {
            <input type="date" id=el_id.clone() data-testid=el_id aria-label=label prop:value=value
                on:change=move |ev| write(event_target_value(&ev))/>
        }
        .into_any(),
        Kind::Choice { labels, optional } => {
            let options = labels(t).iter().enumerate().map(|(i, l)| view! { <option value=i.to_string()>{*l}</option> }).collect_view();
            view! {
                <select id=el_id.clone() data-testid=el_id aria-label=label prop:value=value on:change=move |ev| write(event_target_value(&ev))>
                    {optional.then(|| view! { <option value="">{t.not_set}</option> })}
                    {options}
                </select>
            }
            .into_any()
        }
        Kind::Pick(options) => view! {
            <select id=el_id.clone() data-testid=el_id aria-label=label prop:value=value on:change=move |ev| write(event_target_value(&ev))>
                <option value="">{t.not_set}</option>
                {move || state.plan.with(|p| p.as_ref().map(options).unwrap_or_default()).into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        Kind::Scale { min, max } => {
            let options = (min..=max).map(|i| view! { <option value=i.to_string()>{i}</option> }).collect_view();
            view! {
                <select id=el_id.clone() data-testid=el_id aria-label=label prop:value=value on:change=move |ev| write(event_target_value(&ev))>
                    {options}
                </select>
            }
            .into_any()
        }
        Kind::Check => view! {
            <input type="checkbox" id=el_id.clone() data-testid=el_id aria-label=label prop:checked=move || !value().is_empty()
                on:change=move |ev| write(if event_target_checked(&ev) { "true".into() } else { String::new() })/>
        }
        .into_any(),
        Kind::Links(options) => {
            let boxes = move || {
                let chosen = value();
                state.plan.with(|p| p.as_ref().map(options).unwrap_or_default()).into_iter().map(|(oid, text)| {
                    let on = chosen.split(' ').any(|c| c == oid.as_str());
                    let box_id = format!("{el_id}-{oid}");
                    let oid2 = oid.clone();
                    view! {
                        <span class="link-choice">
                            <input type="checkbox" id=box_id.clone() data-testid=box_id.clone() prop:checked=on
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut ids: Vec<String> = value().split(' ').filter(|c| !c.is_empty() && *c != oid2.as_str()).map(str::to_owned).collect();
                                    if on { ids.push(oid2.to_string()); }
                                    write(ids.join(" "));
                                }/>
                            <label for=box_id>{text}</label>
                        </span>
                    }
                }).collect_view()
            };
            view! { <fieldset class="links"><legend class="visually-hidden">{label}</legend>{boxes}</fieldset> }.into_any()
        }
        // Numbers as the language writes them; a count takes whole numbers of zero or more.
        Kind::Number | Kind::Count => {
            let whole = matches!(column.kind, Kind::Count);
            let shown = move || {
                let lang = state.lang.get_untracked();
                crate::i18n::plain_number(&value()).map(|v| crate::i18n::format_number_short(lang, v)).unwrap_or_default()
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
                        let message = match parse_number(state.lang.get_untracked(), &text) {
                            Ok(Some(v)) if whole && !(v >= 0.0 && v.fract() == 0.0) => Some(fill(t.err_whole_number, &[("text", text.trim())])),
                            Ok(v) => {
                                write(v.map(|v| v.to_string()).unwrap_or_default());
                                None
                            }
                            Err(e) => Some(t.number_error(e, &text)),
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
