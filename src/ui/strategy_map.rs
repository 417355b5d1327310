//! The strategy map: a diagram of the whole strategic plan from the business objectives
//! down to the kept output indicators, gaps marked, drawn at the width of its card
//! (wider than a phone, it scrolls inside it); and the same map as a list, its text
//! alternative.

use super::chart::observed_width;
use super::state::AppState;
use super::strategy::objective_label;
use crate::charts::map::StrategyMap as Diagram;
use crate::i18n::fill;
use crate::lists::short;
use crate::model::*;
use leptos::html::Div;
use leptos::prelude::*;

/// Business objectives → social media objectives → KPIs and tactics → kept indicators:
/// the diagram, and the same map as a list.
#[component]
pub(super) fn StrategyMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let lang = state.lang.get_untracked();
    let node = NodeRef::<Div>::new();
    let width = observed_width(node);
    let map = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| Diagram::of(&p.strategy, lang))));
    // Until its place is laid out, the diagram is drawn for a wide screen.
    let svg = move || map.with(|m| m.as_ref().map(|m| m.svg_at(match width.get() { 0 => 1000, w => w })).unwrap_or_default());
    let gap = move |i: usize| view! { <span class="gap-mark"><span class="visually-hidden">{t.map_gap_label}" "</span>"⚠ "{t.map_gaps[i]}</span> };
    let objective_tree = move |s: &Strategy, o: &Objective| {
        let i = s.objectives.iter().position(|x| x.id == o.id).unwrap_or(0);
        let kpis: Vec<&Kpi> = s.kpis.iter().filter(|k| k.objective == o.id).collect();
        let tactics: Vec<&Tactic> = s.tactics.iter().filter(|x| x.objective == o.id).collect();
        view! {
            <li>
                <span class="map-objective">{objective_label(s, i, t)}</span>
                <ul>
                    {kpis.is_empty().then(|| view! { <li>{gap(1)}</li> })}
                    {kpis.iter().map(|k| view! { <li class="map-kpi">{fill(t.map_kpi, &[("name", &k.name)])}</li> }).collect_view()}
                    {tactics.is_empty().then(|| view! { <li>{gap(2)}</li> })}
                    {tactics.iter().map(|x| {
                        let kept: Vec<String> = s.indicators.iter().filter(|i| i.tactic == x.id && i.kept).map(|i| i.text.clone()).collect();
                        view! {
                            <li class="map-tactic">{fill(t.tactic_heading, &[("text", &short(&x.text, 100))])}
                                <ul>
                                    {kept.is_empty().then(|| view! { <li>{gap(3)}</li> })}
                                    {kept.into_iter().map(|k| view! { <li>{k}</li> }).collect_view()}
                                </ul>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </li>
        }
    };
    let tree = move || {
        state.plan.with(|p| {
            let Some(p) = p else { return ().into_any() };
            let s = &p.strategy;
            let unlinked: Vec<&Objective> = s.objectives.iter().filter(|o| o.business_objectives.is_empty()).collect();
            view! {
                <ul class="map">
                    {s.business_objectives.iter().enumerate().map(|(i, b)| {
                        let served: Vec<&Objective> = s.objectives.iter().filter(|o| o.business_objectives.contains(&b.id)).collect();
                        view! {
                            <li>
                                <span class="map-business"><span class="letter">{letter(i)}</span>" "{short(&b.text, 120)}</span>
                                <ul>
                                    {served.is_empty().then(|| view! { <li>{gap(0)}</li> })}
                                    {served.into_iter().map(|o| objective_tree(s, o)).collect_view()}
                                </ul>
                            </li>
                        }
                    }).collect_view()}
                    {(!unlinked.is_empty()).then(|| view! {
                        <li>
                            <span class="map-business">{t.map_unlinked}</span>
                            <ul>{unlinked.into_iter().map(|o| objective_tree(s, o)).collect_view()}</ul>
                        </li>
                    })}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <section class="subsection strategy-map" aria-labelledby="map-title" data-testid="strategy-map">
            <h2 id="map-title">{t.map_title}</h2>
            <p class="hint">{t.map_intro}</p>
            // Wider than a phone: it scrolls inside its card, so focusable for the keyboard.
            <div class="map-diagram" node_ref=node role="img" tabindex="0" aria-label=t.map_diagram_label data-testid="map-diagram" inner_html=svg></div>
            <details class="map-list" data-testid="map-list">
                <summary>{t.map_as_list}</summary>
                {tree}
            </details>
        </section>
    }
}
