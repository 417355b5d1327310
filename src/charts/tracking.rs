//! The charts of KPI tracking and the dashboard: a KPI over time, KPIs per status,
//! actions done per action plan, and how complete each phase is.

use super::{nice_ticks, Bar, BarChart, Group, LineChart};
use crate::i18n::{fill, format_date, format_number, format_number_short, Lang};
use crate::model::tracking::{counts, expected_value, in_future, latest_as_of, pace_start, statuses, Status};
use crate::model::{phase_progress, ActionPlan, ActionStatus, Date, Kpi, Phase, Plan};

/// The status's number for colours and texts; `Status` keeps it (one source).
pub fn status_index(s: Status) -> usize {
    s.index()
}

/// The status in words with its sign.
pub fn status_label(lang: Lang, s: Status) -> String {
    let t = lang.texts();
    format!("{} {}", s.sign(), t.statuses[s.index()])
}

/// One KPI over time.
pub fn kpi(plan: &Plan, kpi: &Kpi, lang: Lang, today: &Date) -> LineChart {
    let t = lang.texts();
    let start = plan.strategy.focus.start.as_ref();
    let status = crate::model::tracking::status(kpi, start, &plan.operative.thresholds, today);
    let mut points: Vec<(i64, f64)> = kpi.actuals.iter().filter_map(|a| Some((a.period.day_number()?, a.value))).collect();
    points.sort_by_key(|p| p.0);
    let pace = match (pace_start(kpi, start), kpi.deadline.as_ref().and_then(Date::day_number), kpi.target) {
        (Some(from), Some(end), Some(to)) => Some((from, (end, to))),
        _ => None,
    };
    let unit = if kpi.unit.trim().is_empty() { String::new() } else { format!(" {}", kpi.unit.trim()) };
    let y_ticks = LineChart::ranges(&points, pace, kpi.target)
        .map(|(_, (lo, hi))| nice_ticks(lo, hi, 5).into_iter().map(|v| (v, format_number_short(lang, v))).collect())
        .unwrap_or_default();
    let x_ticks = LineChart::ranges(&points, pace, kpi.target)
        .map(|((lo, hi), _)| {
            // In i128, so no span of days overflows; each tick lies between lo and hi.
            (0..=4)
                .map(|i| (i128::from(lo) + (i128::from(hi) - i128::from(lo)) * i / 4) as i64)
                .map(|d| (d, format_date(lang, &Date::from_day_number(d))))
                .collect()
        })
        .unwrap_or_default();
    let mut status_text = fill(t.status_line, &[("status", &status_label(lang, status))]);
    if let Some(last) = latest_as_of(kpi, today) {
        status_text.push_str(" · ");
        status_text.push_str(&fill(t.latest_value, &[("value", &format!("{}{unit}", format_number_short(lang, last.value))), ("date", &format_date(lang, &last.period))]));
    }
    let rows = {
        let mut actuals: Vec<_> = kpi.actuals.iter().collect();
        actuals.sort_by(|a, b| b.period.0.cmp(&a.period.0));
        actuals
            .into_iter()
            .map(|a| {
                let expected = a.period.day_number().and_then(|d| expected_value(kpi, start, d));
                let mut period = format_date(lang, &a.period);
                if in_future(a, today) {
                    period = fill(t.in_future, &[("date", &period)]);
                }
                [period, format_number_short(lang, a.value), expected.map(|e| format_number(lang, e, 1)).unwrap_or_else(|| "—".into())]
            })
            .collect()
    };
    LineChart {
        title: fill(t.kpi_chart_title, &[("kpi", &kpi.name)]),
        points,
        pace,
        target: kpi.target,
        legend: [t.legend_actual.to_owned(), t.legend_pace.to_owned(), kpi.target.map(|v| fill(t.legend_target, &[("value", &format!("{}{unit}", format_number_short(lang, v)))])).unwrap_or_default()],
        status_text,
        colour: status_index(status),
        x_ticks,
        y_ticks,
        rows,
        today: today.day_number().map(|d| (d, t.today.to_owned())),
    }
}

/// KPIs per status.
pub fn status_counts(plan: &Plan, lang: Lang, today: &Date) -> BarChart {
    let t = lang.texts();
    // Blank rows (added, nothing written yet) are no KPIs yet.
    let mut all = statuses(plan, today);
    all.retain(|(id, _)| plan.strategy.kpis.iter().any(|k| &k.id == id && !k.is_blank()));
    let c = counts(&all);
    let max = c.iter().copied().max().unwrap_or(0).max(4) as u32;
    BarChart {
        title: t.status_chart_title.to_owned(),
        series: vec![t.kpis_series.to_owned()],
        groups: Status::ALL
            .iter()
            .zip(c)
            .map(|(s, n)| Group { label: status_label(lang, *s), bars: vec![Bar { value: Some(n as f64), text: n.to_string() }], marked: false, status: Some(status_index(*s)) })
            .collect(),
        max: f64::from(max),
        ticks: nice_ticks(0.0, f64::from(max), 4).into_iter().map(|v| (v, format_number(lang, v, 0))).collect(),
        mark_text: String::new(),
    }
}

/// Share of actions done per action plan.
pub fn actions(plan: &Plan, lang: Lang) -> BarChart {
    let t = lang.texts();
    BarChart {
        title: t.actions_chart_title.to_owned(),
        series: vec![t.done_series.to_owned()],
        groups: ActionPlan::ALL
            .iter()
            .map(|ap| {
                let all: Vec<_> = plan.operative.actions.iter().filter(|a| a.plan == *ap && a.status != ActionStatus::Dropped && !a.is_blank()).collect();
                let done = all.iter().filter(|a| a.status == ActionStatus::Done).count();
                let share = if all.is_empty() { None } else { Some(done as f64 * 100.0 / all.len() as f64) };
                Group {
                    label: t.action_plans[*ap as usize].to_owned(),
                    bars: vec![Bar { value: share, text: fill(t.done_of, &[("done", &done.to_string()), ("total", &all.len().to_string())]) }],
                    marked: false,
                    status: None,
                }
            })
            .collect(),
        max: 100.0,
        ticks: [0.0, 25.0, 50.0, 75.0, 100.0].map(|v| (v, fill(t.percent_value, &[("value", &format_number(lang, v, 0))]))).to_vec(),
        mark_text: String::new(),
    }
}

/// How complete each phase is, foundation first.
pub fn phases(plan: &Plan, lang: Lang) -> BarChart {
    let t = lang.texts();
    BarChart {
        title: t.phases_chart_title.to_owned(),
        series: vec![t.complete_series.to_owned()],
        groups: Phase::ALL
            .iter()
            .map(|p| {
                let pct = phase_progress(plan, *p).percent();
                Group { label: t.phase(*p).to_owned(), bars: vec![Bar { value: Some(f64::from(pct)), text: fill(t.percent_value, &[("value", &pct.to_string())]) }], marked: false, status: None }
            })
            .collect(),
        max: 100.0,
        ticks: [0.0, 25.0, 50.0, 75.0, 100.0].map(|v| (v, fill(t.percent_value, &[("value", &format_number(lang, v, 0))]))).to_vec(),
        mark_text: String::new(),
    }
}
