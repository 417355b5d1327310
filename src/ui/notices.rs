//! Messages to the user: import results, storage trouble, other tabs. Each stays until
//! dismissed or answered, and offers the action that helps.

use super::state::{AppState, Notice, NoticeKind};
use crate::i18n::{fill, import_error};
use leptos::prelude::*;

/// The list of open messages, announced to screen readers as they come.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="notices" aria-live="polite" aria-label=move || state.texts().notices>
            <For
                each=move || state.notices.get()
                key=|n| n.id
                children=move |n| view! { <NoticeView notice=n/> }
            />
        </section>
    }
}

#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let id = notice.id;
    let dismiss = move |_| state.dismiss(id);
    let export_open = move |_| {
        if let Some(plan_id) = state.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) {
            state.export(&plan_id);
        }
    };
    let (class, body, actions) = match notice.kind {
        NoticeKind::Imported { name, migrated_from } => (
            "notice notice-ok",
            view! {
                <p>{match migrated_from {
                    Some(v) => fill(t.imported_migrated, &[("name", &name), ("version", &v.to_string())]),
                    None => fill(t.imported, &[("name", &name)]),
                }}</p>
            }.into_any(),
            ().into_any(),
        ),
        NoticeKind::ImportFailed { file, error } => {
            let (headline, details) = import_error(state.lang.get_untracked(), &error);
            (
                "notice notice-error",
                view! {
                    <p><strong>{fill(t.import_failed, &[("file", &file)])}</strong></p>
                    <p>{headline}</p>
                    <ul class="problems">
                        {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                    </ul>
                }
                .into_any(),
                ().into_any(),
            )
        }
        NoticeKind::ReadFailed { file } => (
            "notice notice-error",
            view! { <p>{fill(t.err_read_file, &[("file", &file)])}</p> }.into_any(),
            ().into_any(),
        ),
        NoticeKind::ImportSameId { incoming } => {
            let name = incoming.name.clone();
            let replace = incoming.clone();
            (
                "notice notice-question",
                view! { <p>{fill(t.import_same_id, &[("name", &name)])}</p> }.into_any(),
                view! {
                    <button type="button" on:click=move |_| state.resolve_import(id, &replace, true)>{t.replace}</button>
                    <button type="button" on:click=move |_| state.resolve_import(id, &incoming, false)>{t.keep_both}</button>
                }.into_any(),
            )
        }
        NoticeKind::Deleted { name, text } => (
            "notice notice-ok",
            view! { <p>{fill(t.deleted_notice, &[("name", &name)])}</p> }.into_any(),
            view! { <button type="button" on:click=move |_| state.undo_delete(id, &text)>{t.undo}</button> }.into_any(),
        ),
        NoticeKind::Removed { item, plan, removal } => {
            let touched = removal.actions_touched();
            (
                "notice notice-ok",
                view! {
                    <p>{fill(t.removed_notice, &[("item", &item)])}</p>
                    {(touched > 0).then(|| view! { <p>{t.count(t.actions_unlinked, touched)}</p> })}
                }.into_any(),
                view! { <button type="button" on:click=move |_| state.undo_remove(id, &plan, &removal)>{t.undo}</button> }.into_any(),
            )
        }
        NoticeKind::Pulled { count } => (
            "notice notice-ok",
            view! { <p>{t.count(t.pulled_notice, count)}</p> }.into_any(),
            ().into_any(),
        ),
        NoticeKind::PartFailed => (
            "notice notice-error",
            view! { <p>{t.part_failed}</p> }.into_any(),
            view! { <button type="button" on:click=move |_| super::save_and_reload()>{t.reload}</button> }.into_any(),
        ),
        NoticeKind::Done { text } => ("notice notice-ok", view! { <p>{text}</p> }.into_any(), ().into_any()),
        NoticeKind::Failed { text } => ("notice notice-error", view! { <p>{text}</p> }.into_any(), ().into_any()),
        NoticeKind::FileProblem { plan, text, action } => {
            let export = plan.clone();
            (
                "notice notice-error",
                view! { <p>{text}</p> }.into_any(),
                view! {
                    <button type="button" data-testid="file-retry" on:click=move |_| super::file_access::save_now(state, plan.clone())>{action}</button>
                    <button type="button" on:click=move |_| state.export(&export)>{t.export_now}</button>
                }.into_any(),
            )
        }
        NoticeKind::BackupDue { name, days } => (
            "notice notice-question",
            view! { <p>{fill(t.backup_due, &[("name", &name), ("days", &days.to_string())])}</p> }.into_any(),
            view! { <button type="button" data-testid="backup-export" on:click=export_open>{t.export_now}</button> }.into_any(),
        ),
        NoticeKind::StorageFull => (
            "notice notice-error",
            view! { <p>{t.storage_full}</p> }.into_any(),
            view! {
                <button type="button" on:click=export_open hidden=move || state.plan.with(Option::is_none)>{t.export_now}</button>
            }.into_any(),
        ),
        NoticeKind::UpdateReady => (
            "notice notice-question",
            view! { <p>{t.update_ready}</p> }.into_any(),
            view! {
                <button type="button" on:click=move |_| super::offline::switch_to_new_version(state)>{t.update_now}</button>
            }.into_any(),
        ),
        NoticeKind::LanguageFailed => (
            "notice notice-error",
            view! { <p>{t.language_failed}</p> }.into_any(),
            ().into_any(),
        ),
        NoticeKind::SampleFailed => (
            "notice notice-error",
            view! { <p>{t.sample_failed}</p> }.into_any(),
            ().into_any(),
        ),
        NoticeKind::StorageUnavailable => (
            "notice notice-error",
            view! { <p>{t.storage_unavailable}</p> }.into_any(),
            ().into_any(),
        ),
        NoticeKind::NewerVersion { name } => (
            "notice notice-error",
            view! { <p>{fill(t.plan_needs_newer_app, &[("name", &name)])}</p> }.into_any(),
            ().into_any(),
        ),
        NoticeKind::Repaired { name, repairs, kept } => (
            "notice notice-question",
            view! {
                <p><strong>{fill(t.repaired_plan, &[("name", &name)])}</strong></p>
                <ul class="problems">
                    {repairs.iter().map(|r| view! { <li>{t.repair_text(*r)}</li> }).collect_view()}
                </ul>
                <p>{if kept.is_some() { t.repaired_kept } else { t.repaired_check }}</p>
            }.into_any(),
            ().into_any(),
        ),
        NoticeKind::UnknownFields { file, fields, incoming, migrated_from, repairs } => {
            let shown = fields.join(", ");
            let (plan, repairs2) = (incoming.clone(), repairs.clone());
            (
                "notice notice-question",
                view! {
                    <p><strong>{fill(t.unknown_fields, &[("file", &file)])}</strong></p>
                    <p><code>{shown}</code></p>
                    <p>{t.unknown_fields_question}</p>
                }.into_any(),
                view! {
                    <button type="button" data-testid="import-without-unknown"
                        on:click=move |_| state.resolve_unknown(id, &plan, migrated_from, &repairs2, true)>{t.import_without_them}</button>
                    <button type="button" on:click=move |_| state.resolve_unknown(id, &incoming, migrated_from, &repairs, false)>{t.cancel}</button>
                }.into_any(),
            )
        }
        NoticeKind::OtherTabUpdated => (
            "notice notice-ok",
            view! { <p>{t.other_tab_updated}</p> }.into_any(),
            ().into_any(),
        ),
        NoticeKind::OtherTabConflict => (
            "notice notice-question",
            view! { <p>{t.other_tab_conflict}</p> }.into_any(),
            view! {
                <button type="button" on:click=move |_| state.keep_mine()>{t.keep_mine}</button>
                <button type="button" on:click=move |_| state.load_theirs()>{t.load_theirs}</button>
            }.into_any(),
        ),
        NoticeKind::OtherTabDeleted => (
            "notice notice-question",
            view! { <p>{t.other_tab_deleted}</p> }.into_any(),
            view! { <button type="button" on:click=move |_| state.keep_mine()>{t.keep_mine}</button> }.into_any(),
        ),
    };
    view! {
        <div class=class role=class.contains("error").then_some("alert") data-testid="notice">
            <div class="notice-body">{body}</div>
            <div class="notice-actions">
                {actions}
                <button type="button" class="secondary" on:click=dismiss>{t.dismiss}</button>
            </div>
        </div>
    }
}
