//! The monthly review: every KPI's values of one month in one grid, each with the team's
//! comment. Values are typed the user's way (German `1.234,5`, Bulgarian `1 234,5`); a
//! cell that cannot be read says why and keeps what was typed. Tab and Enter move down a
//! column, like a spreadsheet: down the values, then down the comments, then out.

use super::state::{navigate, today, AppState};
use crate::i18n::{fill, format_date, format_number_short, parse_number, Lang, Texts};
use crate::model::review::{grid_reusing, value_in, GridError, Month, Period, Row, MAX_COMMENT};
use crate::model::tracking::in_future;
use crate::model::{Actual, Frequency, Id};
use crate::route::Route;
use leptos::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use wasm_bindgen::JsCast;

super::on_demand! { review:
/// The review's screen is a part of its own, fetched when first opened.
pub fn lazy_review(id: Id, month: Option<Month>) -> AnyView {
    view! { <Review id=id month=month/> }.into_any()
}
}

fn period_label(t: &Texts, lang: Lang, frequency: Frequency, period: &Period) -> String {
    let i = match frequency {
        Frequency::Weekly => 0,
        Frequency::Monthly => 1,
        Frequency::Quarterly => 2,
    };
    fill(t.review_periods[i], &[("date", &format_date(lang, &period.last))])
}

/// A row's value in its period, and the latest value before it.
type Cell = (Option<Actual>, Option<f64>);

/// One row's fixed part: which KPI, which period; and its cell, which the grid keeps in
/// step with the plan (only a cell that changed tells its row).
#[derive(Clone)]
struct RowKey {
    kpi: Id,
    name: String,
    unit: String,
    frequency: Frequency,
    period: Period,
    cell: ArcRwSignal<Cell>,
}

#[component]
fn Review(id: Id, month: Option<Month>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let day = today();
    let month = month.or_else(|| Month::of(&day)).unwrap_or(Month { year: 2026, month: 1 });
    // The grid, kept in step with each change of the plan: only the rows of KPIs whose
    // values or frequency changed are worked out again (`grid_reusing`).
    let grid_now = Memo::new_owning(move |old: Option<Vec<Row>>| {
        state.plan.with(|p| match p {
            Some(p) => grid_reusing(p, month, old.unwrap_or_default()),
            None => (Vec::new(), old.is_none_or(|o| !o.is_empty())),
        })
    });
    // The grid's rows change only when KPIs, their names or frequencies do, not with each
    // value: compared with the rows before in place, without building them again. A row
    // that stays keeps its cell.
    let rows = Memo::new_owning(move |old: Option<Vec<RowKey>>| {
        grid_now.with(|g| {
            state.plan.with(|p| {
                let kpis = p.as_ref().map(|p| p.strategy.kpis.as_slice()).unwrap_or_default();
                let same = |old: &[RowKey]| {
                    old.len() == g.len()
                        && old.iter().zip(g).all(|(o, r)| {
                            kpis.get(r.index).is_some_and(|k| o.kpi == r.kpi && o.frequency == r.frequency && o.period == r.period && o.name == k.name && o.unit == k.unit.trim())
                        })
                };
                match old {
                    Some(old) if same(&old) => (old, false),
                    old => {
                        let mut cells: HashMap<(Id, Period), ArcRwSignal<Cell>> = old.into_iter().flatten().map(|o| ((o.kpi, o.period), o.cell)).collect();
                        let rows = g
                            .iter()
                            .map(|r| {
                                let k = kpis.get(r.index);
                                let cell = cells.remove(&(r.kpi.clone(), r.period.clone())).unwrap_or_else(|| ArcRwSignal::new((r.value.clone(), r.before)));
                                let (name, unit) = k.map(|k| (k.name.clone(), k.unit.trim().to_owned())).unwrap_or_default();
                                RowKey { kpi: r.kpi.clone(), name, unit, frequency: r.frequency, period: r.period.clone(), cell }
                            })
                            .collect();
                        (rows, true)
                    }
                }
            })
        })
    });
    // Each change of the grid is handed to the cells that changed: typing a value tells
    // its row and the later rows of its KPI, not the other 500.
    Effect::new(move |_| {
        grid_now.with(|g| {
            rows.with(|rows| {
                for (r, row) in g.iter().zip(rows) {
                    if row.kpi == r.kpi && row.period == r.period {
                        row.cell.maybe_update(|c| {
                            let changed = c.0 != r.value || c.1 != r.before;
                            if changed {
                                *c = (r.value.clone(), r.before);
                            }
                            changed
                        });
                    }
                }
            })
        })
    });
    let plan_name = move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let (previous, next) = (Route::Review(id.clone(), Some(month.previous())).href(), Route::Review(id.clone(), Some(month.next())).href());
    let review_id = id.clone();
    let choose = move |ev: leptos::ev::Event| {
        if let Some(m) = Month::parse(&event_target_value(&ev)) {
            navigate(&Route::Review(review_id.clone(), Some(m)));
        }
    };
    view! {
        <div class="page review">
            <nav class="breadcrumb" aria-label=t.breadcrumb>
                <ol>
                    <li><a href="#/">{t.nav_plans}</a></li>
                    <li><a href=Route::Overview(id.clone()).href()>{plan_name}</a></li>
                    <li><a href=Route::Dashboard(id.clone()).href()>{t.dashboard}</a></li>
                    <li aria-current="page">{t.review_title}</li>
                </ol>
            </nav>
            <h1>{t.review_title}</h1>
            <p class="lead">{t.review_intro}</p>
            <div class="month-switch">
                <a href=previous data-testid="review-previous">{"← "}{t.review_previous}</a>
                <label for="review-month">{t.review_month}</label>
                <input type="month" id="review-month" data-testid="review-month" value=month.key() on:change=choose/>
                <a href=next data-testid="review-next">{t.review_next}{" →"}</a>
            </div>
            <p class="hint" id="review-keys">{t.review_keys}</p>
            <p class="warning" hidden=move || !rows.with(Vec::is_empty)>{t.no_kpis}</p>
            // One table per KPI, its columns as wide as in every other, so they read as one
            // grid: a KPI off screen is left to be laid out and painted when scrolled to,
            // and a value typed repaints the tables in view, not 500 rows.
            <div class="table-scroll review-grids" data-testid="review-grid" hidden=move || rows.with(Vec::is_empty)>
                <For each=move || rows.with(|r| kpi_groups(r)) key=|g| (g.first, g.rows[0].kpi.clone(), g.rows[0].name.clone(), g.rows[0].unit.clone(), g.rows.iter().map(|r| r.period.clone()).collect::<Vec<_>>()) let:group>
                    <KpiTable group=group day=day.clone()/>
                </For>
            </div>
            <p><a href=Route::Dashboard(id.clone()).href() data-testid="review-dashboard">{t.open_dashboard}</a></p>
        </div>
    }
}

/// Moves the focus to the next (or previous) cell of the grid in column order: down the
/// values, then down the comments. `false` when there is none, so the key does its usual.
fn move_focus(from: &str, back: bool) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
    let cells = doc.get_elements_by_class_name("grid-cell");
    let ids: Vec<web_sys::Element> = (0..cells.length()).filter_map(|i| cells.item(i)).collect();
    // Column order: every value cell, then every comment cell that can be typed in.
    let mut order: Vec<&web_sys::Element> = ids.iter().filter(|e| e.class_list().contains("grid-value")).collect();
    order.extend(ids.iter().filter(|e| e.class_list().contains("grid-comment") && !e.has_attribute("disabled")));
    let Some(at) = order.iter().position(|e| e.id() == from) else { return false };
    let to = if back { at.checked_sub(1) } else { Some(at + 1) };
    // Selected, as the browser's own Tab does: typing replaces what the cell held.
    match to.and_then(|i| order.get(i)).and_then(|e| e.dyn_ref::<web_sys::HtmlInputElement>()) {
        Some(e) => {
            e.select();
            e.focus().is_ok()
        }
        None => false,
    }
}

fn on_grid_key(ev: leptos::ev::KeyboardEvent) {
    let key = ev.key();
    if key != "Tab" && key != "Enter" {
        return;
    }
    let Some(id) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|e| e.id()) else { return };
    if move_focus(&id, ev.shift_key()) {
        ev.prevent_default();
    } else if key == "Enter" {
        ev.prevent_default();
    }
}

/// The rows of one KPI, which follow each other in the grid, from the row `first` on.
#[derive(Clone)]
struct KpiGroup {
    first: usize,
    rows: Vec<RowKey>,
}

fn kpi_groups(rows: &[RowKey]) -> Vec<KpiGroup> {
    let mut groups: Vec<KpiGroup> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if g.rows[0].kpi == row.kpi => g.rows.push(row.clone()),
            _ => groups.push(KpiGroup { first: i, rows: vec![row.clone()] }),
        }
    }
    groups
}

/// The table of one KPI's rows. Its column headers show above the first KPI only; the
/// others keep theirs for screen readers, with no height.
#[component]
fn KpiTable(group: KpiGroup, day: crate::model::Date) -> impl IntoView {
    let t = expect_context::<AppState>().texts();
    let KpiGroup { first, rows } = group;
    let weekly = rows[0].frequency == Frequency::Weekly;
    view! {
        <div class="review-kpi" class:weekly=weekly>
            <table class="rows review-grid">
                <colgroup>{(0..t.review_columns.len()).map(|_| view! { <col/> }).collect_view()}</colgroup>
                <thead class:repeated={first > 0}><tr>{t.review_columns.iter().map(|c| view! { <th scope="col"><div class="head">{*c}</div></th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().enumerate().map(|(i, row)| view! { <GridRow row=row index=first + i day=day.clone()/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn GridRow(row: RowKey, index: usize, day: crate::model::Date) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let lang = state.lang.get_untracked();
    let RowKey { kpi, name, unit, frequency, period, cell } = row;
    let label = period_label(t, lang, frequency, &period);
    let key = StoredValue::new((kpi.clone(), period.clone()));
    let current = Memo::new({
        let cell = cell.clone();
        move |_| cell.with(|c| c.0.clone())
    });
    let before = Memo::new(move |_| cell.with(|c| c.1));
    let shown = move |a: &Option<Actual>| a.as_ref().map(|a| format_number_short(lang, a.value)).unwrap_or_default();
    let draft = RwSignal::new(current.with_untracked(shown));
    let note = RwSignal::new(current.with_untracked(|a| a.as_ref().map(|a| a.comment.clone()).unwrap_or_default()));
    let value_error = RwSignal::new(None::<String>);
    let comment_error = RwSignal::new(None::<String>);
    // What changes elsewhere (undo, a CSV import, another tab) shows here, unless the cell
    // holds text that cannot be read yet: that is kept.
    Effect::new(move |_| {
        let now = current.get();
        if value_error.with_untracked(Option::is_none) && parse_number(lang, &draft.get_untracked()).ok().flatten() != now.as_ref().map(|a| a.value) {
            draft.set(shown(&now));
        }
        let stored = now.as_ref().map(|a| a.comment.clone()).unwrap_or_default();
        if comment_error.with_untracked(Option::is_none) && note.with_untracked(|n| n.trim() != stored) {
            note.set(stored);
        }
    });
    let future = {
        let day = day.clone();
        move || current.with(|a| a.as_ref().is_some_and(|a| in_future(a, &day))) || period.is_future(&day)
    };
    let item_label = fill(t.review_removed, &[("kpi", &name), ("period", &label)]);
    let on_value = {
        let day = day.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            draft.set(text.clone());
            let (kpi, at) = key.get_value();
            match parse_number(lang, &text) {
                Ok(Some(v)) => {
                    let mut result = Ok(());
                    state.edit(|p| result = p.set_period_value(&kpi, &at, v, &day).map(|_| ()));
                    value_error.set(result.err().map(|e| grid_error(t, e, &text)));
                }
                Ok(None) => {
                    value_error.set(None);
                    // Emptied: the value is removed, and the removal can be undone. Its
                    // date is read from the plan, not the cell, which hears of a change
                    // only after this event's task (a value typed and emptied in one task).
                    let date = state.plan.with_untracked(|p| {
                        let k = p.as_ref()?.strategy.kpis.iter().find(|k| k.id == kpi)?;
                        value_in(k, &at).map(|a| a.period.clone())
                    });
                    if let Some(date) = date {
                        state.remove(item_label.clone(), |p| p.remove_value(&kpi, &date));
                    }
                }
                Err(e) => value_error.set(Some(t.number_error(e, &text))),
            }
        }
    };
    let on_comment = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        note.set(text.clone());
        let (kpi, at) = key.get_value();
        let mut result = Ok(());
        state.edit(|p| result = p.set_period_comment(&kpi, &at, &text));
        comment_error.set(result.err().map(|e| grid_error(t, e, &text)));
    };
    let (value_id, comment_id) = (format!("review-value-{index}"), format!("review-comment-{index}"));
    let (value_msg, comment_msg) = (format!("review-value-msg-{index}"), format!("review-comment-msg-{index}"));
    let period_text = {
        let label = label.clone();
        let future = future.clone();
        move || if future() { fill(t.in_future, &[("date", &label)]) } else { label.clone() }
    };
    let kpi_text = if unit.is_empty() { name.clone() } else { format!("{name} ({unit})") };
    view! {
        <tr data-testid=format!("review-row-{index}") class:future=future>
            <th scope="row">{kpi_text}</th>
            <td>{period_text}</td>
            <td class="number">{move || before.get().map(|v| format_number_short(lang, v)).unwrap_or_else(|| "—".into())}</td>
            <td>
                <input type="text" inputmode="decimal" class="grid-cell grid-value" id=value_id.clone() data-testid=value_id
                    aria-label=fill(t.review_value_label, &[("kpi", &name), ("period", &label)])
                    aria-describedby=format!("{value_msg} review-keys") aria-invalid=move || value_error.with(Option::is_some).to_string()
                    prop:value=move || draft.get() on:input=on_value on:keydown=on_grid_key/>
                <span class="field-message" id=value_msg.clone() data-testid=value_msg role="status">{move || value_error.get()}</span>
            </td>
            <td>
                <input type="text" class="grid-cell grid-comment" id=comment_id.clone() data-testid=comment_id maxlength=MAX_COMMENT.to_string()
                    aria-label=fill(t.review_comment_label, &[("kpi", &name), ("period", &label)]) placeholder=t.review_comment_hint
                    aria-describedby=comment_msg.clone() aria-invalid=move || comment_error.with(Option::is_some).to_string()
                    disabled=move || current.with(Option::is_none)
                    prop:value=move || note.get() on:input=on_comment on:keydown=on_grid_key/>
                <span class="field-message" id=comment_msg.clone() data-testid=comment_msg role="status">
                    {move || comment_error.get().or_else(|| current.with(Option::is_none).then(|| t.review_needs_value.to_owned()))}
                </span>
            </td>
        </tr>
    }
}

fn grid_error(t: &Texts, e: GridError, typed: &str) -> String {
    match e {
        GridError::UnknownKpi => t.review_kpi_gone.to_owned(),
        GridError::OutOfRange => t.number_error(crate::i18n::NumberError::TooLarge, typed),
        GridError::NoValue => t.review_needs_value.to_owned(),
        GridError::TooLong => t.review_too_long.to_owned(),
    }
}
