//! The start screen: the user's plans, a new plan, the sample, and import.

use super::later::Later;
use super::state::AppState;
use crate::i18n::{fill, format_timestamp};
use crate::model::{BusinessFunction, Keyed, PlanSummary};
use crate::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn PlansPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    view! {
        <div class="page plans-page">
            <h1>{t.plans_title}</h1>
            <p class="lead">{t.plans_intro}</p>
            <section class="card" aria-labelledby="your-plans">
                <h2 id="your-plans">{t.your_plans}</h2>
                <p class="empty" hidden=move || state.plans.with(|p| !p.is_empty())>{t.no_plans}</p>
                <ul class="plan-list" data-testid="plan-list" hidden=move || state.plans.with(Vec::is_empty)>
                    <For
                        each=move || state.plans.get()
                        key=|s| (s.id.clone(), s.name.clone(), s.updated_at.clone(), s.function)
                        children=move |s| view! { <PlanRow summary=s/> }
                    />
                </ul>
            </section>
            <Later>
                <div class="columns" on:pointerover=move |_| super::state::warm_up_codec() on:focusin=move |_| super::state::warm_up_codec()>
                    <NewPlan/>
                    <section class="card sample" aria-labelledby="sample-title">
                        <h2 id="sample-title">{t.sample_title}</h2>
                        <p>{t.sample_text}</p>
                        <button type="button" class="primary" data-testid="open-sample" on:click=move |_| state.open_sample()>
                            {t.open_sample}
                        </button>
                    </section>
                </div>
            </Later>
            <Later>
                <Import/>
                <Recovery/>
                <section class="card" aria-labelledby="worksheets-title">
                    <h2 id="worksheets-title">{t.worksheets_title}</h2>
                    <ul class="worksheet-links" data-testid="worksheet-links">
                        {crate::model::Block::WORKSHEETS.map(|b| view! { <li><a href=crate::route::Route::Worksheet(b).href()>{t.block(b)}</a></li> })}
                    </ul>
                </section>
            </Later>
        </div>
    }
}

/// One plan in the list, with its function and actions.
#[component]
fn PlanRow(summary: PlanSummary) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(summary.name.clone());
    let confirming = RwSignal::new(false);
    let id = summary.id.clone();
    let href = Route::Overview(id.clone()).href();
    let name = summary.name.clone();
    let (id_r, id_d, id_e, id_x) = (id.clone(), id.clone(), id.clone(), id.clone());
    let updated = summary.updated_at.clone();
    let function = summary.function;
    let input_id = format!("rename-{id}");
    view! {
        <li class="plan-row" data-testid="plan-row">
            <div class="plan-row-main">
                <a class="plan-name" href=href hidden=move || renaming.get()>{name.clone()}</a>
                <form class="inline-form" hidden=move || !renaming.get() on:submit={
                    let id = id_r.clone();
                    move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        // Renaming re-creates this row: finish with its own state first.
                        renaming.set(false);
                        state.rename(&id, &draft.get_untracked());
                    }
                }>
                    <label class="visually-hidden" for=input_id.clone()>{t.plan_name}</label>
                    <input id=input_id.clone() type="text" required maxlength="200"
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))/>
                    <button type="submit" class="primary">{t.save_name}</button>
                    <button type="button" on:click=move |_| renaming.set(false)>{t.cancel}</button>
                </form>
                <span class="tag">{t.function(function)}</span>
                <span class="muted">{fill(t.last_changed, &[("date", &format_timestamp(state.lang.get_untracked(), &updated))])}</span>
            </div>
            <div class="plan-row-actions" role="group" aria-label=fill(t.plan_actions, &[("name", &name)])>
                <button type="button" on:click=move |_| { renaming.set(true); }>{t.rename}</button>
                <button type="button" on:click=move |_| state.duplicate(&id_d)>{t.duplicate}</button>
                <button type="button" on:click=move |_| state.export(&id_e)>{t.export}</button>
                <button type="button" class="danger" on:click=move |_| confirming.set(true)>{t.delete}</button>
            </div>
            <div class="confirm" role="alertdialog" aria-label=t.delete hidden=move || !confirming.get()>
                <p>{fill(t.confirm_delete, &[("name", &name)])}</p>
                <button type="button" class="danger" data-testid="confirm-delete" on:click=move |_| {
                    confirming.set(false);
                    state.delete(&id_x);
                }>{t.delete}</button>
                <button type="button" on:click=move |_| confirming.set(false)>{t.cancel}</button>
            </div>
        </li>
    }
}

/// Copies of plans kept aside (unreadable plans, plans as they were before a repair),
/// each to download, to try to restore as a plan, or to delete. Shown while there are any.
#[component]
fn Recovery() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let backups = Memo::new(move |_| {
        state.backups_revision.track();
        crate::storage::local().map(|s| crate::storage::backups(&s)).unwrap_or_default()
    });
    view! {
        <section class="card recovery" aria-labelledby="recovery-title" data-testid="recovery" hidden=move || backups.with(Vec::is_empty)>
            <h2 id="recovery-title">{t.recovery_title}</h2>
            <p>{t.recovery_intro}</p>
            // Drawn anew when the list changes (a copy kept or removed, rare): a keyed list
            // would carry its own code in the first part for that.
            <ul class="plan-list">
                {move || backups.get().into_iter().map(|b| view! { <BackupRow backup=b/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn BackupRow(backup: crate::storage::Backup) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let confirming = RwSignal::new(false);
    let name = backup.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| t.backup_unnamed.to_owned());
    let line = fill(t.backup_line, &[("name", &name), ("date", &format_timestamp(state.lang.get_untracked(), &backup.at))]);
    let size = t.count(t.backup_size, backup.chars);
    let (b1, b2, b3) = (backup.clone(), backup.clone(), backup);
    view! {
        <li class="plan-row" data-testid="backup-row">
            <div class="plan-row-main">
                <span class="plan-name">{line}</span>
                <span class="muted">{size}</span>
            </div>
            <div class="plan-row-actions" role="group" aria-label=name.clone()>
                <button type="button" data-testid="backup-download" on:click=move |_| state.download_backup(&b1)>{t.backup_download}</button>
                <button type="button" data-testid="backup-restore" on:click=move |_| state.restore_backup(&b2)>{t.backup_restore}</button>
                <button type="button" class="danger" data-testid="backup-delete" on:click=move |_| confirming.set(true)>{t.backup_delete}</button>
            </div>
            <div class="confirm" role="alertdialog" aria-label=t.backup_delete hidden=move || !confirming.get()>
                <p>{fill(t.backup_confirm_delete, &[("name", &name)])}</p>
                <button type="button" class="danger" data-testid="confirm-backup-delete" on:click=move |_| {
                    confirming.set(false);
                    state.delete_backup(&b3);
                }>{t.backup_delete}</button>
                <button type="button" on:click=move |_| confirming.set(false)>{t.cancel}</button>
            </div>
        </li>
    }
}

/// The form for a new plan: a name and the business function it is for.
#[component]
fn NewPlan() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let name = RwSignal::new(String::new());
    let function = RwSignal::new(BusinessFunction::Marketing);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.create(&name.get_untracked(), function.get_untracked());
    };
    view! {
        <section class="card" aria-labelledby="new-plan">
            <h2 id="new-plan">{t.new_plan}</h2>
            <form class="stack" on:submit=submit>
                <label for="new-plan-name">{t.plan_name}</label>
                <input id="new-plan-name" type="text" maxlength="200" data-testid="new-plan-name"
                    prop:placeholder=t.new_plan_default_name
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
                <label for="new-plan-function">{t.business_function}</label>
                <select id="new-plan-function" data-testid="new-plan-function"
                    on:change=move |ev| {
                        if let Some(f) = BusinessFunction::from_key(&event_target_value(&ev)) {
                            function.set(f);
                        }
                    }
                    prop:value=move || function.get().key()
                >
                    {BusinessFunction::ALL.map(|f| view! { <option value=f.key()>{t.function(f)}</option> })}
                </select>
                <p class="hint">{t.one_plan_per_function}</p>
                <button type="submit" class="primary" data-testid="create-plan">{t.create_plan}</button>
            </form>
        </section>
    }
}

/// Import by file picker or by dropping a file anywhere on the zone.
#[component]
fn Import() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let over = RwSignal::new(false);
    let take = move |files: Option<web_sys::FileList>| {
        if let Some(files) = files {
            for i in 0..files.length() {
                if let Some(f) = files.get(i) {
                    state.import_file(f);
                }
            }
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            take(input.files());
            // Choosing the same file again must import it again.
            input.set_value("");
        }
    };
    view! {
        <section
            class=move || if over.get() { "card dropzone over" } else { "card dropzone" }
            aria-labelledby="import-title"
            data-testid="dropzone"
            on:pointerover=move |_| super::state::warm_up_codec()
            on:focusin=move |_| super::state::warm_up_codec()
            on:dragenter=move |_| super::state::warm_up_codec()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(false);
                take(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <h2 id="import-title">{t.import_plan}</h2>
            <p>{t.import_hint}</p>
            <label class="file-button">
                <span>{t.import_plan}</span>
                <input type="file" accept=".json,application/json" data-testid="import-input" on:change=on_change/>
            </label>
            <p class="drop-hint" aria-hidden="true">{t.drop_here}</p>
            // Where the browser can keep a plan bound to a file on disk.
            {super::file_access::supported().then(|| view! {
                <p class="open-file">
                    <span>{t.open_file_hint}</span> " "
                    <button type="button" class="secondary" data-testid="open-file" on:click=move |_| super::file_access::open(state)>{t.open_file}</button>
                </p>
            })}
        </section>
    }
}

