//! The cells a row leaves to the framework: a pick among the plan's items, links to
//! several of them (both with options that change with the plan), and typed numbers (a
//! draft kept while it does not read as a number, with its message). The row builds the
//! other cells itself (see `row`).

use super::ListModel;
use crate::i18n::{fill, parse_number};
use crate::lists::{Column, Kind, Value};
use crate::model::Id;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The cell of `column` (a pick, links or a typed number) of the item `id`.
#[component]
pub(super) fn Cell(model: ListModel, column: usize, el_id: String, id: StoredValue<Id>, value: Memo<Value>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let col: &'static Column = &model.spec.columns[column];
    let label = (col.label)(t);
    let write = move |v: Value| {
        if let Some(id) = id.try_get_value() {
            model.write(&id, col, v)
        }
    };
    let picked = move || match value.try_get() {
        Some(Value::Pick(Some(id))) => id.to_string(),
        _ => String::new(),
    };
    match col.kind {
        Kind::Pick(_) => view! {
            <select id=el_id.clone() data-testid=el_id aria-label=label prop:value=picked
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    write(Value::Pick((!v.is_empty()).then(|| Id(v))));
                }>
                <option value="">{t.not_set}</option>
                {move || model.options(column).into_iter().map(|(v, l)| view! { <option value=v.to_string()>{l}</option> }).collect_view()}
            </select>
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
        // The row builds the cells of the other kinds itself (see `lists::template::Control`).
        _ => ().into_any(),
    }
}
