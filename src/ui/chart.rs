//! A chart on screen: its title, the SVG, words that sum it up, the data as a table (the
//! text alternative) and a download of the SVG. What it shows is worked out at every
//! change of the plan, which is cheap; it is drawn again only when that differs.

use super::state::{download_as, AppState};
use crate::charts::{BarChart, Drawn, LineChart};
use crate::i18n::{fill, Lang};
use crate::model::Plan;
use leptos::prelude::*;
use std::sync::Arc;

/// What a chart shows, before it is drawn.
#[derive(Clone, PartialEq)]
pub enum Figure {
    /// Bars, and the words that sum them up.
    Bars(BarChart, Vec<String>),
    /// A line, and the headers of its table.
    Line(LineChart, [&'static str; 3]),
    Nothing,
}

impl Figure {
    fn drawn(&self) -> Drawn {
        match self {
            Figure::Bars(chart, words) => chart.drawn(words.clone()),
            Figure::Line(chart, header) => chart.drawn(*header),
            Figure::Nothing => Drawn { title: String::new(), svg: String::new(), header: Vec::new(), rows: Vec::new(), words: Vec::new() },
        }
    }
}

pub type MakeChart = Arc<dyn Fn(&Plan, Lang) -> Figure + Send + Sync>;

#[component]
pub fn ChartView(name: String, make: MakeChart) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let lang = state.lang.get_untracked();
    let figure = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| make(p, lang))));
    let chart = Memo::new(move |_| figure.try_with(|f| f.as_ref().map(Figure::drawn)).flatten());
    let title = move || chart.with(|c| c.as_ref().map(|c| c.title.clone()).unwrap_or_default());
    let download = move |_| {
        if let Some(c) = chart.get_untracked() {
            let plan = state.plan.with_untracked(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
            download_as(&format!("{plan} – {}.svg", c.title), &c.svg, "image/svg+xml");
        }
    };
    let table = move || {
        chart.with(|c| {
            c.as_ref().map(|c| {
                let head = c.header.iter().map(|s| view! { <th scope="col">{s.clone()}</th> }).collect_view();
                let rows = c.rows.iter().map(|row| {
                    let first = row.first().cloned().unwrap_or_default();
                    view! { <tr><th scope="row">{first}</th>{row.iter().skip(1).map(|v| view! { <td>{v.clone()}</td> }).collect_view()}</tr> }
                }).collect_view();
                view! { <table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table> }
            })
        })
    };
    // The table is built when it is first opened: long series stay cheap until asked for.
    let opened = RwSignal::new(false);
    view! {
        <figure class="chart" data-testid=format!("chart-{name}")>
            <figcaption>{title}</figcaption>
            <div class="chart-svg" role="img" aria-label=move || fill(t.chart_label, &[("title", &title())])
                inner_html=move || chart.with(|c| c.as_ref().map(|c| c.svg.clone()).unwrap_or_default())></div>
            {move || chart.with(|c| c.as_ref().map(|c| c.words.iter().map(|w| view! { <p class="chart-words">{w.clone()}</p> }).collect_view()))}
            <details on:toggle=move |_| opened.set(true)>
                <summary>{t.show_data}</summary>
                {move || opened.get().then(table)}
            </details>
            <button type="button" class="secondary" data-testid=format!("download-{name}") on:click=download>{t.download_svg}</button>
        </figure>
    }
}
