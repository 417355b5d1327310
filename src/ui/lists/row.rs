//! A list's row. Its elements are cloned from a template made once per list and language
//! (`row_cells`, from `lists::template::row_html`); the row then sets what differs from item to item (ids, values, names),
//! one effect keeps those in step with the row's data, and the row hears its events once,
//! on itself.
//!
//! Built by the framework, each element, attribute, name and event of a row was a call of
//! its own from wasm, with a marker per element and an effect per changing attribute in
//! this build (components are type-erased to keep the download small): about 70 calls
//! and 13 effects a row, over 100 ms for the landscape's 400 findings. Cells whose
//! options change with the plan, and typed numbers, are still the framework's
//! (`cell::Cell`), mounted into their place.

use super::cell::Cell;
use super::{ListModel, RowData};
use crate::i18n::{fill, Texts};
use crate::lists::template::{row_html, Control};
use crate::lists::{Kind, ListSpec, Value};
use crate::model::{Date, Id};
use crate::ui::state::{new_id, AppState, NoticeKind};
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DocumentFragment, Element, HtmlTemplateElement};

/// Shows `value` in a control the row built (`None`: the item is gone).
fn show(control: Control, el: &Element, value: Option<&Value>) {
    if control == Control::Check {
        return set(el, "checked", &JsValue::from_bool(value == Some(&Value::Check(true))));
    }
    let text = match value {
        Some(Value::Text(s)) => s.clone(),
        Some(Value::Date(d)) => d.as_ref().map(|d| d.0.to_string()).unwrap_or_default(),
        Some(Value::Choice(k)) => k.unwrap_or_default().to_owned(),
        Some(Value::Number(n)) => n.map(|n| n.to_string()).unwrap_or_default(),
        _ => String::new(),
    };
    set(el, "value", &JsValue::from_str(&text));
}

/// What the person entered in a control the row built, as the column's value; `None`
/// when it is not one.
fn read(control: Control, el: &Element, kind: Kind) -> Option<Value> {
    let text = || get(el, "value").as_string().unwrap_or_default();
    Some(match (control, kind) {
        (Control::Text | Control::LongText, _) => Value::Text(text()),
        (Control::Date, _) => Value::Date(Some(Date(text().into())).filter(Date::is_valid)),
        (Control::Choice, Kind::Choice { keys, .. }) => {
            let key = text();
            Value::Choice(keys().into_iter().find(|k| *k == key))
        }
        (Control::Picked, _) => Value::Number(text().parse::<i64>().ok().map(|v| v as f64)),
        (Control::Check, _) => Value::Check(get(el, "checked").as_bool().unwrap_or(false)),
        (Control::Choice, _) => return None,
    })
}

/// The cells of a new row of `spec`: a copy of the list's template, made from `row_html`
/// the first time a row of the list is built with the texts `t` (each language's texts
/// are one value for the page's life; English gains the parts' texts as a new one).
fn row_cells(spec: &'static ListSpec, t: &'static Texts) -> DocumentFragment {
    thread_local! {
        static TEMPLATES: std::cell::RefCell<Vec<((usize, usize), DocumentFragment)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let key = (std::ptr::from_ref(spec) as usize, std::ptr::from_ref(t) as usize);
    let cells = TEMPLATES.with(|l| l.borrow().iter().find(|(k, _)| *k == key).map(|(_, cells)| cells.clone())).unwrap_or_else(|| {
        let template: HtmlTemplateElement = document().create_element("template").expect("a template element").unchecked_into();
        template.set_inner_html(&row_html(spec, t));
        let cells = template.content();
        TEMPLATES.with(|l| l.borrow_mut().push((key, cells.clone())));
        cells
    });
    cells.clone_node_with_deep(true).expect("a copy of the row's cells").unchecked_into()
}

/// The elements of a row's cells the row works with.
struct Parts {
    badge: Option<Element>,
    /// The cells the row built, by column.
    controls: Vec<(usize, Control, Element)>,
    /// The cells left to `Cell`, by column.
    slots: Vec<(usize, Element)>,
    actions: Element,
    /// The first of the actions' own buttons: notes go before it.
    first_action: Option<Element>,
    action: Option<Element>,
    link_detail: Option<Element>,
    unlink: Option<Element>,
    up: Option<Element>,
    down: Option<Element>,
    delete: Option<Element>,
}

impl Parts {
    fn of(spec: &ListSpec, cells: &DocumentFragment) -> Parts {
        let mut cell = child(cells, "firstElementChild");
        let mut next = move || {
            let this = cell.take();
            cell = this.as_ref().and_then(|el| child(el, "nextElementSibling"));
            this
        };
        let badge = if spec.badge.is_some() { next() } else { None };
        let mut controls = Vec::new();
        let mut slots = Vec::new();
        for (i, c) in spec.columns.iter().enumerate() {
            let Some(td) = next() else { break };
            match Control::of(c.kind) {
                Some(control) => controls.extend(child(&td, "firstElementChild").map(|el| (i, control, el))),
                None => slots.push((i, td)),
            }
        }
        let actions = next().expect("the row's actions");
        let first_action = child(&actions, "firstElementChild");
        let mut button = first_action.clone();
        let mut take = move |there: bool| {
            if !there {
                return None;
            }
            let this = button.take();
            button = this.as_ref().and_then(|el| child(el, "nextElementSibling"));
            this
        };
        Parts {
            badge,
            controls,
            slots,
            action: take(spec.action.is_some()),
            link_detail: take(spec.link.is_some()),
            unlink: take(spec.link.is_some()),
            up: take(true),
            down: take(true),
            delete: take(true),
            actions,
            first_action,
        }
    }
}

// The row reads and writes its elements' properties by name, with the calls into the
// page the framework makes anyway: each call of its own would be one more import in the
// first download.

fn get(el: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(el, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(el: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(el, &JsValue::from_str(key), value);
}

/// The element `key` of `node` (`firstElementChild`, `nextElementSibling`), if any.
fn child(node: &JsValue, key: &str) -> Option<Element> {
    Some(get(node, key)).filter(|v| !v.is_null() && !v.is_undefined()).map(JsCast::unchecked_into)
}

fn toggle(el: Option<&Element>, attribute: &str, on: bool) {
    if let Some(el) = el {
        let _ = if on { el.set_attribute(attribute, "") } else { el.remove_attribute(attribute) };
    }
}

/// After a row moved, the focus goes back to the button that moved it, in the row's new
/// place (the row's element was moved, or made anew in another block of rows, and lost
/// it); to the other one when the row can move no further that way.
fn keep_focus(spec: &'static ListSpec, id: Id, up: bool) {
    set_timeout(
        move || {
            let row = document().get_element_by_id(&super::cell_id(spec, 0, &id)).and_then(|el| el.closest("tr").ok().flatten());
            let Some(row) = row else { return };
            let [first, second] = if up { ["up", "down"] } else { ["down", "up"] };
            let pressed = |way: &str| row.query_selector(&format!("[data-do={way}]:not([disabled])")).ok().flatten();
            if let Some(button) = pressed(first).or_else(|| pressed(second)).and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = button.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The element an event came from, and its `attribute`.
fn marked(ev: &web_sys::Event, attribute: &str) -> Option<(Element, String)> {
    let target: Element = ev.target()?.dyn_into().ok()?;
    let mark = target.get_attribute(attribute)?;
    Some((target, mark))
}

fn name(el: Option<&Element>, text: &str) {
    if let Some(el) = el {
        let _ = el.set_attribute("aria-label", text);
        let _ = el.set_attribute("title", text);
    }
}

/// A new element; `class` empty for none.
fn element(tag: &str, class: &str) -> Element {
    let el = document().create_element(tag).expect("an element");
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el
}

/// Takes `slot`'s element out of the page and puts `new` (if any) there instead, in
/// `parent` before `before`.
fn replace(parent: &Element, slot: &mut Option<Element>, new: Option<Element>, before: Option<&Element>) {
    if let Some(old) = slot.take() {
        old.remove();
    }
    if let Some(new) = &new {
        let _ = parent.insert_before(new, before.map(AsRef::as_ref));
    }
    *slot = new;
}

/// Puts the row's cells into the row as it is built.
fn append_cells(row: Element, cells: DocumentFragment) {
    let _ = row.append_child(&cells);
}

#[component]
pub(super) fn Row(model: ListModel, group: usize, id: Id, sorted: Signal<bool>) -> impl IntoView {
    let spec = model.spec;
    let state = expect_context::<AppState>();
    let t = state.texts();
    let (changed, watching) = model.watch(&id);
    let cells = row_cells(spec, t);
    let parts = Parts::of(spec, &cells);
    for (i, _, el) in &parts.controls {
        let el_id = super::cell_id(spec, *i, &id);
        let _ = el.set_attribute("id", &el_id);
        let _ = el.set_attribute("data-testid", &el_id);
    }
    let id = StoredValue::new(id);
    on_cleanup(move || {
        if let Some(id) = id.try_get_value() {
            model.unwatch(&id, watching);
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
    // Cells left to the framework, in their place.
    let mut mounted: Vec<_> = parts
        .slots
        .iter()
        .map(|(i, td)| {
            let (i, c) = (*i, &spec.columns[*i]);
            let el_id = id.with_value(|id| super::cell_id(spec, i, id));
            let value = Memo::new(move |_| data.try_with(|d| d.cells.get(i).cloned()).flatten().unwrap_or_else(|| c.kind.empty()));
            let mut cell = view! { <Cell model=model column=i el_id=el_id id=id value=value/> }.into_any().build();
            cell.mount(td, None);
            cell
        })
        .collect();
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
        add_id.with_value(|a| crate::ui::focus(a));
    };
    let remove = move || {
        let dependents = spec.removal.as_ref().and_then(|r| state.plan.with_untracked(|p| p.as_ref().and_then(|p| (r.dependents)(p, &id.try_get_value().unwrap_or_default(), t))));
        if dependents.is_some() {
            asking.set(true);
        } else {
            remove_with(None);
        }
    };
    // The question is built when it is asked: a list of 400 rows built 400 hidden ones.
    if let Some(r) = spec.removal.as_ref() {
        let question = move || asking.try_get().unwrap_or(false).then(|| {
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
        });
        let mut question = question.into_any().build();
        question.mount(&parts.actions, None);
        mounted.push(question);
    }
    // What the row shows, kept in step with its data: only what changed is set.
    let shown = {
        let mut last: Option<RowData> = None;
        let mut last_title = String::new();
        let mut was_sorted = None;
        let mut authors: Option<Element> = None;
        let mut advice: Option<Element> = None;
        RenderEffect::new(move |_| {
            let is_sorted = sorted.try_get().unwrap_or(false);
            if was_sorted != Some(is_sorted) {
                toggle(parts.up.as_ref(), "disabled", is_sorted);
                toggle(parts.down.as_ref(), "disabled", is_sorted);
                was_sorted = Some(is_sorted);
            }
            let Some(d) = data.try_get() else { return };
            let before = last.as_ref();
            for (i, control, el) in &parts.controls {
                if before.map(|b| b.cells.get(*i)) != Some(d.cells.get(*i)) {
                    show(*control, el, d.cells.get(*i));
                }
                if control.typed() && before.map(|b| b.linked) != Some(d.linked) {
                    toggle(Some(el), "readonly", d.linked);
                }
            }
            if before.map(|b| &b.badge) != Some(&d.badge) {
                if let Some(badge) = &parts.badge {
                    badge.set_text_content(Some(&d.badge));
                }
            }
            let now = title();
            if before.is_none() || now != last_title {
                name(parts.up.as_ref(), &fill(t.move_up, &[("item", &now)]));
                name(parts.down.as_ref(), &fill(t.move_down, &[("item", &now)]));
                name(parts.delete.as_ref(), &fill(t.remove_item, &[("item", &now)]));
                name(parts.unlink.as_ref(), &fill(t.unlink, &[("item", &now)]));
                last_title = now;
            }
            if before.map(|b| &b.authors) != Some(&d.authors) {
                let note = (!d.authors.is_empty()).then(|| {
                    let note = element("p", "author-note");
                    let _ = note.set_attribute("data-testid", "item-authors");
                    note.set_text_content(Some(&fill(t.added_by, &[("names", &d.authors)])));
                    note
                });
                let before = advice.clone().or_else(|| parts.first_action.clone());
                replace(&parts.actions, &mut authors, note, before.as_ref());
            }
            if before.map(|b| &b.advice) != Some(&d.advice) {
                let list = (!d.advice.is_empty()).then(|| {
                    let list = element("ul", "advice");
                    let _ = list.set_attribute("aria-label", t.smart_title);
                    for hint in &d.advice {
                        let li = element("li", "");
                        li.set_text_content(Some(hint));
                        let _ = list.append_child(&li);
                    }
                    list
                });
                replace(&parts.actions, &mut advice, list, parts.first_action.as_ref());
            }
            if before.map(|b| b.enabled) != Some(d.enabled) {
                toggle(parts.action.as_ref(), "hidden", !d.enabled);
            }
            if before.map(|b| (b.linked, &b.link_detail)) != Some((d.linked, &d.link_detail)) {
                if let Some(detail) = &parts.link_detail {
                    detail.set_text_content(Some(&d.link_detail));
                }
                toggle(parts.link_detail.as_ref(), "hidden", !d.linked);
                toggle(parts.unlink.as_ref(), "hidden", !d.linked);
            }
            last = Some(d);
        })
    };
    StoredValue::new_local((mounted, shown));
    // The row's controls and buttons, heard on the row.
    let entered = move |ev: web_sys::Event, typed: bool| {
        let Some((el, column)) = marked(&ev, "data-column") else { return };
        let Some(column) = column.parse::<usize>().ok().and_then(|i| spec.columns.get(i)) else { return };
        let Some(control) = Control::of(column.kind).filter(|c| c.typed() == typed) else { return };
        if let (Some(value), Some(id)) = (read(control, &el, column.kind), id.try_get_value()) {
            model.write(&id, column, value);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some((_, action)) = marked(&ev, "data-do") else { return };
        let this = || id.try_get_value().unwrap_or_default();
        match action.as_str() {
            "up" | "down" => {
                let up = action == "up";
                state.edit(|p| (spec.shift)(p, &this(), up));
                keep_focus(spec, this(), up);
            }
            "delete" => remove(),
            "action" => {
                if let Some(a) = &spec.action {
                    let item = title();
                    state.edit(|p| (a.run)(p, &this(), new_id()));
                    state.notify(NoticeKind::Done { text: fill((a.done)(t), &[("item", &item)]) });
                }
            }
            "unlink" => {
                if let Some(l) = &spec.link {
                    state.edit(|p| (l.unlink)(p, &this()));
                }
            }
            _ => {}
        }
    };
    view! { <tr class:linked=linked use:append_cells=cells on:input=move |ev| entered(ev, true) on:change=move |ev| entered(ev, false) on:click=on_click></tr> }
}
