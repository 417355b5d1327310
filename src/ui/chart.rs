//! A chart on screen: its title, the SVG, words that sum it up, the data as a table (the
//! text alternative) and a download of the SVG. What it shows is worked out at every
//! change of the plan, which is cheap; it is drawn again only when that differs, or when
//! its place on the screen changes width: a chart is drawn at the width it is shown at,
//! so its text is never scaled below its size.

use super::state::{download_as, AppState};
use crate::charts::{clamp_width, BarChart, Drawn, LineChart};
use crate::i18n::{fill, Lang};
use crate::model::Plan;
use leptos::html::Div;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::prelude::*;

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
    fn drawn(&self, width: u32) -> Drawn {
        match self {
            Figure::Bars(chart, words) => chart.drawn(words.clone(), width),
            Figure::Line(chart, header) => chart.drawn(*header, width),
            Figure::Nothing => Drawn { title: String::new(), svg: String::new(), header: Vec::new(), rows: Vec::new(), words: Vec::new() },
        }
    }
}

pub type MakeChart = Arc<dyn Fn(&Plan, Lang) -> Figure + Send + Sync>;

/// A resize observer that stops observing when it is dropped (with the component that
/// made it), so its callback never outlives it.
struct Observer {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn Fn()>,
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The width in pixels of the element behind `node`: 0 until it is laid out, then
/// measured at once, and again (after a pause, so dragging a window's edge does not
/// redraw at every pixel) whenever it changes by more than a little.
pub(super) fn observed_width(node: NodeRef<Div>) -> ReadSignal<u32> {
    let (width, set_width) = signal(0u32);
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        let measured = element.clone();
        let callback = Closure::<dyn Fn()>::new(move || {
            let now = measured.client_width().max(0) as u32;
            let old = width.get_untracked();
            if old == 0 {
                set_width.set(now);
            } else if now.abs_diff(old) >= 24 {
                if let Some(h) = pending.get_value() {
                    h.clear();
                }
                let handle = set_timeout_with_handle(move || set_width.set(now), Duration::from_millis(150)).ok();
                pending.set_value(handle);
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else { return };
        observer.observe(&element);
        // Kept until the component goes; dropping it stops the observer.
        StoredValue::new_local(Observer { observer, _callback: callback });
    });
    width
}

#[component]
pub fn ChartView(name: String, make: MakeChart) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let lang = state.lang.get_untracked();
    let node = NodeRef::<Div>::new();
    let width = observed_width(node);
    let figure = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| make(p, lang))));
    let chart = Memo::new(move |_| {
        // Until the chart's place is laid out, at the report's width; then at its own.
        let w = match width.get() {
            0 => crate::charts::BAR_WIDTH,
            w => clamp_width(w),
        };
        figure.try_with(|f| f.as_ref().map(|f| f.drawn(w))).flatten()
    });
    let title = move || figure.with(|f| match f {
        Some(Figure::Bars(c, _)) => c.title.clone(),
        Some(Figure::Line(c, _)) => c.title.clone(),
        _ => String::new(),
    });
    let download = move |_| {
        let svg = figure.with_untracked(|f| match f {
            Some(Figure::Bars(c, _)) => Some((c.title.clone(), c.svg())),
            Some(Figure::Line(c, _)) => Some((c.title.clone(), c.svg())),
            _ => None,
        });
        if let Some((title, svg)) = svg {
            let plan = state.plan.with_untracked(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
            download_as(&format!("{plan} – {title}.svg"), &svg, "image/svg+xml");
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
            <div class="chart-svg" node_ref=node role="img" aria-label=move || fill(t.chart_label, &[("title", &title())])
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
