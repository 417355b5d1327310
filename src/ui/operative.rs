//! The Operative phase: the three action plans, KPI tracking (values per period, status by
//! pace, charts, CSV, thresholds) and the plan's dashboard.

use super::chart::{ChartView, Figure};
use super::lists::List;
use crate::lists::ACTIONS;
use super::state::{download_as, today, AppState, NoticeKind};
use crate::charts::tracking as charts;
use crate::i18n::{fill, format_date, format_number, format_number_short, parse_number, Lang, Texts};
use crate::model::tracking::{import_csv, in_future, kpi_lines, roll_up, to_csv, CsvError, KpiLine, RowError, Status};
use crate::model::*;
use crate::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// The editor of an Operative block.
pub fn block_editor(block: Block, plan: Id) -> Option<AnyView> {
    let t = expect_context::<AppState>().texts();
    let list = |i: usize| view! { <p class="hint">{t.actions_intro[i]}</p><List spec=&ACTIONS group=i/> }.into_any();
    Some(match block {
        Block::Enabling => list(0),
        Block::Organisation => list(1),
        Block::Technical => list(2),
        Block::KpiTracking => view! { <Tracking plan=plan/> }.into_any(),
        _ => return None,
    })
}

fn status_badge(lang: Lang, s: Status) -> impl IntoView {
    view! { <span class=format!("status-badge status-{}", s.index()) data-status=s.index()>{charts::status_label(lang, s)}</span> }
}

/// The last value with its unit and date, and the change since the value before.
fn last_and_change(t: &Texts, lang: Lang, line: &KpiLine) -> (String, String) {
    let unit = if line.unit.is_empty() { String::new() } else { format!(" {}", line.unit) };
    let last = match &line.last {
        Some((date, v)) => fill(t.dash_last, &[("value", &format!("{}{unit}", format_number_short(lang, *v))), ("date", &format_date(lang, date))]),
        None => t.dash_no_value.to_owned(),
    };
    let change = match &line.change {
        Some((d, since)) => {
            let sign = if *d > 0.0 { "+" } else { "" };
            fill(t.dash_change, &[("change", &format!("{sign}{}{unit}", format_number_short(lang, *d))), ("date", &format_date(lang, since))])
        }
        None if line.last.is_some() => t.dash_no_change.to_owned(),
        None => String::new(),
    };
    (last, change)
}

/// The words a sparkline stands for: the values it draws and where the pace line is.
fn sparkline_text(t: &Texts, lang: Lang, line: &KpiLine) -> String {
    let (Some(first), Some(last)) = (line.recent.first(), line.recent.last()) else { return String::new() };
    let (first, last) = (format_number_short(lang, first.1), format_number_short(lang, last.1));
    let mut text = fill(t.count(t.spark_values, line.recent.len()).as_str(), &[("kpi", &line.name), ("first", &first), ("last", &last)]);
    if let Some((day, _, Some(pace))) = line.recent.last() {
        text.push(' ');
        text.push_str(&fill(t.spark_pace, &[("value", &format_number_short(lang, *pace)), ("date", &format_date(lang, &Date::from_day_number(*day)))]));
    }
    text
}

#[component]
fn Tracking(plan: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let kpis = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| p.strategy.kpis.iter().map(|k| k.id.clone()).collect::<Vec<_>>()).unwrap_or_default()));
    // Every card's status and last value, worked out once per change for all cards.
    let day = today();
    let lines = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| kpi_lines(p, &day, 0)).unwrap_or_default()));
    view! {
        <p class="lead">{t.tracking_intro}</p>
        <p class="links">
            <a href=Route::Review(plan.clone(), None).href() data-testid="open-review">{t.review_open}</a>
            <a href=Route::Dashboard(plan).href() data-testid="open-dashboard">{t.open_dashboard}</a>
        </p>
        <ThresholdsForm/>
        <CsvTools kpi=None/>
        <p class="warning" hidden=move || !kpis.with(Vec::is_empty)>{t.no_kpis}</p>
        {move || kpis.get().into_iter().enumerate().map(|(i, id)| view! { <KpiCard id=id index=i lines=lines/> }).collect_view()}
    }
}

/// The plan's thresholds, in percent; a wrong entry is named and changes nothing.
#[component]
fn ThresholdsForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let current = move |f: fn(&Thresholds) -> f64| state.plan.with_untracked(|p| p.as_ref().map(|p| f(&p.operative.thresholds)).unwrap_or(0.0));
    let at_risk = RwSignal::new(format_number_short(state.lang.get_untracked(), current(|x| x.at_risk) * 100.0));
    let off_track = RwSignal::new(format_number_short(state.lang.get_untracked(), current(|x| x.off_track) * 100.0));
    let error = RwSignal::new(false);
    let apply = move || {
        let lang = state.lang.get_untracked();
        let read = |s: RwSignal<String>| parse_number(lang, &s.get_untracked()).ok().flatten();
        match (read(at_risk), read(off_track)) {
            (Some(a), Some(o)) if o > 0.0 && a <= 100.0 && o < a => {
                error.set(false);
                state.edit(|p| p.operative.thresholds = Thresholds { at_risk: a / 100.0, off_track: o / 100.0 });
            }
            _ => error.set(true),
        }
    };
    view! {
        <details class="card thresholds">
            <summary>{t.thresholds_title}</summary>
            <p class="hint">{t.thresholds_intro}</p>
            <div class="inline-form">
                <label for="threshold-at-risk">{t.threshold_at_risk}</label>
                <input type="text" inputmode="decimal" id="threshold-at-risk" data-testid="threshold-at-risk" aria-describedby="threshold-message"
                    prop:value=move || at_risk.get() on:input=move |ev| { at_risk.set(event_target_value(&ev)); apply(); }/>
                <label for="threshold-off-track">{t.threshold_off_track}</label>
                <input type="text" inputmode="decimal" id="threshold-off-track" data-testid="threshold-off-track" aria-describedby="threshold-message"
                    prop:value=move || off_track.get() on:input=move |ev| { off_track.set(event_target_value(&ev)); apply(); }/>
            </div>
            <p class="field-message" id="threshold-message" role="status">{move || error.get().then_some(t.thresholds_invalid)}</p>
        </details>
    }
}

fn csv_error_lines(t: &Texts, e: &CsvError) -> Vec<String> {
    match e {
        CsvError::Empty => vec![t.csv_empty.to_owned()],
        CsvError::Header => vec![t.csv_header.to_owned()],
        CsvError::TooLarge { .. } => vec![t.csv_too_large.to_owned()],
        CsvError::Rows(rows) => rows
            .iter()
            .take(20)
            .map(|(line, e)| {
                let (i, text) = match e {
                    RowError::Columns => (0, ""),
                    RowError::UnknownKpi(s) => (1, s.as_str()),
                    RowError::BadDate(s) => (2, s.as_str()),
                    RowError::BadNumber(s) => (3, s.as_str()),
                    RowError::Duplicate(s) => (4, s.as_str()),
                };
                fill(t.csv_rows[i], &[("line", &line.to_string()), ("text", text)])
            })
            .collect(),
    }
}

/// Export and import of actual values as CSV, for one KPI or all.
#[component]
fn CsvTools(kpi: Option<Id>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let only = StoredValue::new(kpi.clone());
    let suffix = kpi.as_ref().map(|k| k.to_string()).unwrap_or_else(|| "all".into());
    let errors = RwSignal::new(Vec::<String>::new());
    let export = move |_| {
        state.plan.with_untracked(|p| {
            if let Some(p) = p {
                let name = only.with_value(|o| o.as_ref().and_then(|id| p.strategy.kpis.iter().find(|k| &k.id == id)).map(|k| k.name.clone())).unwrap_or_else(|| p.name.clone());
                download_as(&format!("{name}.csv"), &only.with_value(|o| to_csv(p, o.as_ref())), "text/csv");
            }
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        leptos::task::spawn_local(async move {
            let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else {
                state.notify(NoticeKind::ReadFailed { file: name });
                return;
            };
            let text = text.as_string().unwrap_or_default();
            let lang = state.lang.get_untracked();
            // Tried on a copy: a refused file leaves the plan as it was.
            let Some(mut copy) = state.plan.get_untracked() else { return };
            let result = only.with_value(|o| import_csv(&mut copy, &text, o.as_ref(), |s| parse_number(lang, s).ok().flatten()));
            match result {
                Ok(done) => {
                    errors.set(Vec::new());
                    state.edit(|p| *p = copy);
                    state.notify(NoticeKind::Done { text: fill(t.csv_imported, &[("added", &t.count(t.values_added, done.added)), ("replaced", &t.count(t.values_replaced, done.replaced))]) });
                }
                Err(e) => {
                    let mut lines = vec![fill(t.csv_failed, &[("file", &name)])];
                    lines.extend(csv_error_lines(t, &e));
                    errors.set(lines);
                }
            }
        });
    };
    let (export_label, import_label) = if kpi.is_some() { (t.export_csv, t.import_csv) } else { (t.export_all_csv, t.import_all_csv) };
    let input_id = format!("csv-import-{suffix}");
    view! {
        <div class="csv-tools">
            <button type="button" class="secondary" data-testid=format!("csv-export-{suffix}") on:click=export>{export_label}</button>
            <label class="file-button">
                <span>{import_label}</span>
                <input type="file" accept=".csv,text/csv" id=input_id.clone() data-testid=input_id aria-describedby="csv-hint" on:change=import/>
            </label>
            {kpi.is_none().then(|| view! { <p class="hint" id="csv-hint">{t.csv_hint}</p> })}
            <div class="notice notice-error" role="alert" data-testid=format!("csv-errors-{suffix}") hidden=move || errors.with(Vec::is_empty)>
                <ul class="problems">{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        </div>
    }
}

fn kpi_of<'a>(p: &'a Plan, id: &Id) -> Option<&'a Kpi> {
    p.strategy.kpis.iter().find(|k| &k.id == id)
}

/// A KPI's card, compact: name, status, last value and change on top; the chart and the
/// values open on demand, so twenty KPIs fit on a few screens.
#[component]
fn KpiCard(id: Id, index: usize, lines: Memo<Vec<KpiLine>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let lang = state.lang.get_untracked();
    let day = today();
    let kid = StoredValue::new(id.clone());
    let name = move || state.plan.with(|p| p.as_ref().and_then(|p| kpi_of(p, &kid.try_get_value().unwrap_or_default())).map(|k| k.name.clone()).unwrap_or_default());
    let objective = move || {
        state.plan.with(|p| {
            let p = p.as_ref()?;
            let k = kpi_of(p, &kid.try_get_value().unwrap_or_default())?;
            let i = p.strategy.objectives.iter().position(|o| o.id == k.objective)?;
            Some(fill(t.objective_heading, &[("number", &(i + 1).to_string()), ("text", &p.strategy.objectives[i].text.chars().take(80).collect::<String>())]))
        })
    };
    // This card's line, compared so the card redraws only when its own numbers change.
    let line = Memo::new(move |_| lines.with(|l| kid.with_value(|id| l.iter().find(|x| &x.id == id).cloned())));
    let current = move || line.with(|l| l.as_ref().map_or(Status::NoData, |l| l.status));
    let summary = move || {
        line.with(|l| {
            let l = l.as_ref()?;
            let (last, change) = last_and_change(t, lang, l);
            let mut text = if change.is_empty() { last } else { format!("{last} · {change}") };
            if l.future > 0 {
                text.push_str(" · ");
                text.push_str(&t.count(t.future_note, l.future));
            }
            Some(text)
        })
    };
    let shown = RwSignal::new(false);
    let entry = RwSignal::new(false);
    let chart_day = day.clone();
    let make: super::chart::MakeChart = Arc::new(move |p: &Plan, lang: Lang| match kpi_of(p, &kid.try_get_value().unwrap_or_default()) {
        Some(k) => Figure::Line(charts::kpi(p, k, lang, &chart_day), [lang.texts().period, lang.texts().value, lang.texts().expected]),
        None => Figure::Nothing,
    });
    let toggled = |flag: RwSignal<bool>| {
        move |ev: leptos::ev::Event| {
            if let Some(d) = ev.target().and_then(|x| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(x).ok()) {
                flag.set(d.open());
            }
        }
    };
    let heading_id = format!("kpi-{index}-title");
    view! {
        <section class="card kpi-card" aria-labelledby=heading_id.clone() data-testid=format!("kpi-card-{index}")>
            <h2 id=heading_id.clone()>{name}" "<span data-testid=format!("kpi-status-{index}")>{move || status_badge(lang, current())}</span></h2>
            <p class="kpi-summary" data-testid=format!("kpi-summary-{index}")>{summary}</p>
            <p class="hint">{objective}</p>
            <details class="chart-toggle" on:toggle=toggled(shown)>
                <summary>{t.show_chart}</summary>
                {move || shown.get().then(|| view! { <ChartView name=format!("kpi-{index}") make=make.clone()/> })}
            </details>
            <details class="value-entry" data-testid=format!("value-entry-{index}") on:toggle=toggled(entry)>
                <summary>{t.card_values}</summary>
                {move || entry.get().then(|| view! {
                    <AddValue id=kid index=index/>
                    <ValuesTable id=kid index=index day=day.clone()/>
                    <CsvTools kpi=Some(kid.get_value())/>
                })}
            </details>
        </section>
    }
}

/// Entry of one period's value: the date the period ends on and the number.
#[component]
fn AddValue(id: StoredValue<Id>, index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let period = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let date = Date(period.get_untracked().into());
        let text = value.get_untracked();
        let fail = |m: String| message.set(Some((false, m)));
        if !date.is_valid() {
            return fail(t.period_missing.to_owned());
        }
        let v = match parse_number(lang, &text) {
            Ok(Some(v)) => v,
            Ok(None) => return fail(t.value_missing.to_owned()),
            Err(e) => return fail(t.number_error(e, &text)),
        };
        let exists = state.plan.with_untracked(|p| p.as_ref().and_then(|p| kpi_of(p, &id.try_get_value().unwrap_or_default())).is_some_and(|k| k.actuals.iter().any(|a| a.period == date)));
        if exists {
            return fail(fill(t.period_exists, &[("date", &format_date(lang, &date))]));
        }
        state.edit(|p| {
            if let Some(k) = p.strategy.kpis.iter_mut().find(|k| k.id == id.try_get_value().unwrap_or_default()) {
                let at = k.actuals.iter().position(|a| a.period.0 > date.0).unwrap_or(k.actuals.len());
                k.actuals.insert(at, Actual { period: date.clone(), value: v, ..Default::default() });
            }
        });
        message.set(Some((true, fill(t.value_added, &[("value", &format_number_short(lang, v)), ("date", &format_date(lang, &date))]))));
        value.set(String::new());
    };
    let (pid, vid) = (format!("period-{index}"), format!("value-{index}"));
    view! {
        <form class="inline-form add-value" on:submit=add>
            <label for=pid.clone()>{t.period}</label>
            <input type="date" id=pid.clone() data-testid=pid prop:value=move || period.get() on:input=move |ev| period.set(event_target_value(&ev))/>
            <label for=vid.clone()>{t.value}</label>
            <input type="text" inputmode="decimal" id=vid.clone() data-testid=vid prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            <button type="submit" class="primary" data-testid=format!("add-value-{index}")>{t.add_value}</button>
            <p role="status" data-testid=format!("value-message-{index}") class=move || if message.with(|m| m.as_ref().is_some_and(|m| m.0)) { "field-ok" } else { "field-message" }>
                {move || message.get().map(|m| m.1)}
            </p>
        </form>
    }
}

/// Every value of a KPI, newest first, to correct or remove; built when opened.
#[component]
fn ValuesTable(id: StoredValue<Id>, index: usize, day: Date) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let lang = state.lang.get_untracked();
    let day = StoredValue::new(day);
    let opened = RwSignal::new(false);
    let count = move || state.plan.with(|p| p.as_ref().and_then(|p| kpi_of(p, &id.try_get_value().unwrap_or_default())).map(|k| k.actuals.len()).unwrap_or(0));
    let periods = Memo::new(move |_| {
        state.plan.with(|p| p.as_ref().and_then(|p| kpi_of(p, &id.try_get_value().unwrap_or_default())).map(|k| k.actuals.iter().rev().map(|a| a.period.clone()).collect::<Vec<_>>()).unwrap_or_default())
    });
    let rows = move || {
        periods.get().into_iter().map(|period| {
            let label = format_date(lang, &period);
            let stored = state.plan.with_untracked(|p| p.as_ref().and_then(|p| kpi_of(p, &id.try_get_value().unwrap_or_default())).and_then(|k| k.actuals.iter().find(|a| a.period == period).cloned()));
            let comment = stored.as_ref().map(|a| a.comment.clone()).unwrap_or_default();
            let shown_label = if stored.as_ref().is_some_and(|a| day.with_value(|d| in_future(a, d))) { fill(t.in_future, &[("date", &label)]) } else { label.clone() };
            let input_id = format!("actual-{index}-{}", period.0);
            let p2 = period.clone();
            let p3 = period.clone();
            let get = move || state.plan.with_untracked(|p| p.as_ref().and_then(|p| kpi_of(p, &id.try_get_value().unwrap_or_default())).and_then(|k| k.actuals.iter().find(|a| a.period == p2)).map(|a| a.value));
            let draft = RwSignal::new(get().map(|v| format_number_short(lang, v)).unwrap_or_default());
            let bad = RwSignal::new(false);
            let period_for_input = period.clone();
            view! {
                <tr>
                    <th scope="row">{shown_label}</th>
                    <td>
                        <input type="text" inputmode="decimal" id=input_id.clone() data-testid=input_id aria-label=fill(t.value_for, &[("date", &label)])
                            aria-invalid=move || bad.get().to_string()
                            prop:value=move || draft.get()
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                draft.set(text.clone());
                                match parse_number(lang, &text) {
                                    Ok(Some(v)) => {
                                        bad.set(false);
                                        let at = period_for_input.clone();
                                        state.edit(|p| {
                                            if let Some(a) = p.strategy.kpis.iter_mut().find(|k| k.id == id.try_get_value().unwrap_or_default()).and_then(|k| k.actuals.iter_mut().find(|a| a.period == at)) {
                                                a.value = v;
                                            }
                                        });
                                    }
                                    _ => bad.set(true),
                                }
                            }/>
                    </td>
                    <td class="comment">{comment}</td>
                    <td>
                        <button type="button" class="icon danger" aria-label=fill(t.remove_value, &[("date", &label)])
                            on:click=move |_| {
                                let kpi = id.try_get_value().unwrap_or_default();
                                state.remove(format_date(lang, &p3), |p| p.remove_value(&kpi, &p3));
                            }>"✕"</button>
                    </td>
                </tr>
            }
        }).collect_view()
    };
    view! {
        <details class="values" on:toggle=move |_| opened.set(true) data-testid=format!("values-{index}")>
            <summary>{move || fill(t.values_title, &[("count", &count().to_string())])}</summary>
            {move || opened.get().then(|| view! {
                <table class="rows">
                    <thead><tr><th scope="col">{t.period}</th><th scope="col">{t.value}</th><th scope="col">{t.review_columns[4]}</th><th scope="col"><span class="visually-hidden">{t.actions_column}</span></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
        </details>
    }
}

/// How many recent values a dashboard sparkline draws.
const SPARK_VALUES: usize = 12;

/// Where the plan stands: the screen for the monthly review. Every KPI's numbers are
/// worked out once per change of the plan (`kpi_lines`), and each list item is drawn
/// again only when its own line differs.
#[component]
pub fn Dashboard(id: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let lang = state.lang.get_untracked();
    let day = today();
    let d1 = day.clone();
    let lines = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| kpi_lines(p, &day, SPARK_VALUES)).unwrap_or_default()));
    let objectives = Memo::new(move |_| {
        lines.with(|lines| {
            state.plan.with(|p| {
                let Some(p) = p else { return Vec::new() };
                p.strategy
                    .objectives
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let of = lines.iter().filter(|l| l.objective == o.id).map(|l| l.status);
                        (fill(t.objective_heading, &[("number", &(i + 1).to_string()), ("text", &o.text.chars().take(80).collect::<String>())]), roll_up(of))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let info = move || {
        state.plan.with(|p| {
            let p = p.as_ref()?;
            let stage = p.information.maturity.stage().map(|s| fill(t.maturity_line, &[("stage", t.stage_names[s as usize])])).unwrap_or_else(|| t.maturity_unknown.to_owned());
            let gap = p.information.audit.benchmark.gap_summary().overall().map(|g| fill(t.gap_line, &[("gap", &format_number(lang, g, 1))])).unwrap_or_else(|| t.gap_unknown.to_owned());
            Some((stage, gap))
        })
    };
    let tracking = Route::Block(id.clone(), Block::KpiTracking).href();
    let maturity = Route::Block(id.clone(), Block::Maturity).href();
    let audit = Route::Block(id.clone(), Block::Audit).href();
    view! {
        <div class="page dashboard">
            <nav class="breadcrumb" aria-label=t.breadcrumb>
                <ol>
                    <li><a href="#/">{t.nav_plans}</a></li>
                    <li><a href=Route::Overview(id.clone()).href()>{move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())}</a></li>
                    <li aria-current="page">{t.dashboard}</li>
                </ol>
            </nav>
            <h1>{t.dashboard}</h1>
            <p class="lead">{t.dashboard_intro}</p>
            <p class="links"><a href=Route::Review(id.clone(), None).href() class="button primary" data-testid="dashboard-review">{t.review_open}</a></p>
            <section class="card kpi-lines-card" aria-labelledby="kpi-lines-title">
                <h2 id="kpi-lines-title">{t.kpis_list_title}</h2>
                // Read-only text and pictures: written as one piece of HTML, which the
                // browser builds far quicker than a hundred items node by node.
                <ul class="kpi-lines" data-testid="kpi-status-list" inner_html=move || lines.with(|lines| kpi_lines_html(t, lang, lines))>
                </ul>
                <p><a href=tracking>{t.block(Block::KpiTracking)}</a></p>
            </section>
            <div class="columns">
                <ChartView name="status".to_owned() make=Arc::new(move |p, l| Figure::Bars(charts::status_counts(p, l, &d1), Vec::new()))/>
                <section class="card" aria-labelledby="objectives-status">
                    <h2 id="objectives-status">{t.objectives_status}</h2>
                    <ul class="status-list" data-testid="objective-status">
                        {move || objectives.get().into_iter().map(|(label, s)| view! { <li>{status_badge(lang, s)}" "{label}</li> }).collect_view()}
                    </ul>
                </section>
                <ChartView name="actions".to_owned() make=Arc::new(|p, l| Figure::Bars(charts::actions(p, l), Vec::new()))/>
                <ChartView name="phases".to_owned() make=Arc::new(|p, l| Figure::Bars(charts::phases(p, l), Vec::new()))/>
                <section class="card" data-testid="dashboard-information">
                    <h2>{t.phase(Phase::Information)}</h2>
                    {move || info().map(|(stage, gap)| view! {
                        <p><a href=maturity.clone()>{stage}</a></p>
                        <p><a href=audit.clone()>{gap}</a></p>
                    })}
                </section>
            </div>
        </div>
    }
}

/// Every KPI on the dashboard, one list item each: status, name, last value, change, and
/// its sparkline against the pace line with the sparkline's words for screen readers. All
/// text is escaped; it is the team's own.
fn kpi_lines_html(t: &Texts, lang: Lang, lines: &[KpiLine]) -> String {
    use crate::charts::{escape, sparkline};
    use std::fmt::Write;
    let mut out = String::with_capacity(lines.len() * 1200);
    for (i, line) in lines.iter().enumerate() {
        let (last, change) = last_and_change(t, lang, line);
        let s = line.status.index();
        let _ = write!(
            out,
            r#"<li data-testid="kpi-line-{i}"><span class="status-badge status-{s}" data-status="{s}">{}</span><span class="kpi-line-name">{}</span><span class="kpi-line-last" data-testid="kpi-last-{i}">{}</span><span class="kpi-line-change" data-testid="kpi-change-{i}">{}</span>"#,
            escape(&charts::status_label(lang, line.status)),
            escape(&line.name),
            escape(&last),
            escape(&change)
        );
        let spark = sparkline::svg(&line.recent, s);
        if !spark.is_empty() {
            let _ = write!(out, r#"<span class="kpi-line-spark" role="img" aria-label="{}" data-testid="kpi-spark-{i}">{spark}</span>"#, escape(&sparkline_text(t, lang, line)));
        }
        if line.future > 0 {
            let _ = write!(out, r#"<span class="future-note">{}</span>"#, escape(&t.count(t.future_note, line.future)));
        }
        out.push_str("</li>");
    }
    out
}

super::on_demand! { operative_editors, preload preload_editors:
/// The Operative phase's editors, loaded when first shown.
pub fn lazy_editor(block: Block, plan: Id) -> AnyView {
    block_editor(block, plan).unwrap_or_else(|| ().into_any())
}
}

super::on_demand! { dashboard, preload preload_dashboard:
pub fn lazy_dashboard(id: Id) -> AnyView {
    view! { <Dashboard id=id/> }.into_any()
}
}

super::on_demand! { dashboard:
/// Draws the dashboard of `plan` unseen (`draw_unseen`), so its first real visit does not
/// compile its code.
pub fn warm_up_dashboard(plan: Plan) -> () {
    let id = plan.id.clone();
    super::draw_unseen(plan, move || view! { <Dashboard id=id/> });
}
}
