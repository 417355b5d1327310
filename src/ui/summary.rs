//! The plan on a page (`report::summary_body`): on screen, printed on one A4 page, or
//! downloaded as an HTML file of its own to take home.

use super::state::{download_as, today, AppState};
use crate::model::Id;
use crate::route::Route;
use leptos::prelude::*;

super::on_demand! { summary:
/// The summary screen, loaded when first opened.
pub fn summary_screen(id: Id) -> AnyView {
    view! { <Summary id=id/> }.into_any()
}
}

#[component]
fn Summary(id: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let lang = state.lang.get_untracked();
    let name = move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let body = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| crate::report::summary_body(p, lang, &today())).unwrap_or_default()));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let download = move |_| {
        if let Some(p) = state.plan.get_untracked() {
            let stem = crate::model::file_format::file_name(&p.name).trim_end_matches(".socialplan.json").to_owned();
            let html = crate::report::summary_html(&p, lang, &today());
            download_as(&format!("{stem} – {}.html", t.summary_title), &html, "text/html");
        }
    };
    view! {
        <div class="page summary-page">
            <nav class="breadcrumb" aria-label=t.breadcrumb>
                <ol>
                    <li><a href="#/">{t.nav_plans}</a></li>
                    <li><a href=Route::Overview(id.clone()).href()>{name}</a></li>
                    <li aria-current="page">{t.summary_title}</li>
                </ol>
            </nav>
            <p class="lead">{t.summary_intro}</p>
            <p class="summary-actions no-print">
                <button type="button" class="primary" data-testid="summary-print" on:click=print>{t.print}</button>
                <button type="button" class="secondary" data-testid="summary-download" on:click=download>{t.summary_download}</button>
                <a href=Route::Overview(id).href()>{t.back_to_overview}</a>
            </p>
            <article class="one-page" data-testid="summary" inner_html=move || body.get()></article>
        </div>
    }
}
