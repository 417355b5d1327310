//! Charts and reports on extreme plans: no panic, bounded ticks, finite scales.

use super::*;
use crate::i18n::Lang;
use crate::model::{Actual, BusinessFunction, Channel, Date, Direction, Finding, Id, Kpi, Plan, Polarity};
use proptest::prelude::{any, prop, prop_oneof, proptest, Just, ProptestConfig};
use proptest::strategy::Strategy as Gen;

const EXTREMES: [f64; 13] = [0.0, -0.0, 5e-324, 1e-320, 1e-10, 1.0, 1e15, -1e15, 1e300, -1e300, 1.7e308, f64::MAX, -f64::MAX];
/// Day numbers of 0001-01-01 and 9999-12-31.
const FIRST_DAY: i64 = -719_162;
const LAST_DAY: i64 = 2_932_896;

fn check_ticks(lo: f64, hi: f64, n: usize) {
    let ticks = nice_ticks(lo, hi, n);
    // Empty only where no round step lies in a narrow range asked for one tick (as before).
    assert!((!ticks.is_empty() || n < 2) && ticks.len() <= MAX_TICKS, "{lo} {hi} {n}: {} ticks", ticks.len());
    assert!(ticks.iter().all(|t| t.is_finite()), "{lo} {hi} {n}: {ticks:?}");
    assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{lo} {hi} {n}: {ticks:?}");
    // Within the range, give or take rounding.
    let slack = (hi / 2.0 - lo / 2.0).abs() * 1e-9 + lo.abs().max(hi.abs()) * 1e-15;
    assert!(ticks.iter().all(|t| *t >= lo - slack && *t <= hi + slack), "{lo} {hi} {n}: {ticks:?}");
}

/// `nice_ticks` and `LineChart::ranges` as they were before the edge cases were handled.
fn nice_ticks_before(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(hi > lo) || !lo.is_finite() || !hi.is_finite() {
        return vec![lo];
    }
    let raw = (hi - lo) / n.max(1) as f64;
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

fn y_range_before(values: &[f64]) -> (f64, f64) {
    let (y0, y1) = values.iter().fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let pad = ((y1 - y0) * 0.08).max(if y1 == 0.0 { 1.0 } else { y1.abs() * 0.05 });
    let y0 = if y0 >= 0.0 && y0 - pad < 0.0 { 0.0 } else { y0 - pad };
    (y0, y1 + pad)
}

const ORDINARY: [f64; 16] = [-1e15, -123_456.78, -1_000.0, -12.0, -3.0, -0.5, 0.0, 0.001, 0.3, 1.0, 7.0, 42.5, 100.0, 9_999.0, 1e9, 1e15];

#[test]
fn nice_ticks_and_ranges_stay_as_they_were_on_ordinary_values() {
    assert_eq!(nice_ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    assert_eq!(nice_ticks(0.0, 4.0, 4), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
    assert_eq!(nice_ticks(-3.0, 12.0, 5), vec![0.0, 5.0, 10.0]);
    assert_eq!(nice_ticks(5.0, 5.0, 5), vec![5.0]);
    for lo in ORDINARY {
        for hi in ORDINARY {
            for n in 1..=10 {
                assert_eq!(nice_ticks(lo, hi, n), nice_ticks_before(lo, hi, n), "{lo} {hi} {n}");
            }
            let points = [(0, lo), (10, hi)];
            for target in [None, Some(lo * 2.0), Some(0.0)] {
                let values: Vec<f64> = [lo, hi].into_iter().chain(target).collect();
                assert_eq!(LineChart::ranges(&points, None, target).unwrap().1, y_range_before(&values), "{lo} {hi} {target:?}");
            }
        }
    }
}

#[test]
fn nice_ticks_on_edge_ranges_are_few_and_finite() {
    // Before: a step of zero and a range of i64::MAX ticks ("capacity overflow").
    let ranges = [
        (0.0, 1e-320),
        (0.0, 1.08e-320),
        (0.0, 5e-324),
        (-5e-324, 5e-324),
        (5e-324, 1e-323),
        (1e-320, 1e-320),
        (0.0, 0.0),
        (-0.0, 0.0),
        (0.0, 1e-10),
        (1e-10, 1e-10 + 1e-25),
        (-1e15, 1e15),
        (1e15, 1e15),
        (-1e300, 1e300),
        (-1e300, -1e299),
        (1e300, 1e300 * (1.0 + f64::EPSILON)),
        (-1.7e308, 1.7e308),
        (-f64::MAX, f64::MAX),
        (0.0, f64::MAX),
        (f64::MAX / 2.0, f64::MAX),
        (-12.0, -3.0),
    ];
    for (lo, hi) in ranges {
        for n in [0, 1, 2, 4, 5, 10, 1_000, usize::MAX] {
            check_ticks(lo, hi, n);
        }
    }
    let tiny = nice_ticks(0.0, 1e-320, 5);
    assert!((3..=6).contains(&tiny.len()) && tiny[0] == 0.0, "{tiny:?}");
    assert_eq!(nice_ticks(-1e300, 1e300, 5), vec![-1e300, -5e299, 0.0, 5e299, 1e300]);
    assert_eq!(nice_ticks(-1.7e308, 1.7e308, 5), vec![-1e308, 0.0, 1e308]);
    assert_eq!(nice_ticks(-12.0, -3.0, 5), vec![-12.0, -10.0, -8.0, -6.0, -4.0]);
    assert_eq!(nice_ticks(7.0, 3.0, 5), vec![7.0], "a reversed range is its start");
    assert_eq!(nice_ticks(f64::NEG_INFINITY, 3.0, 5), vec![3.0]);
    assert_eq!(nice_ticks(f64::NAN, f64::INFINITY, 5), Vec::<f64>::new());
}

#[test]
fn line_ranges_are_finite_and_never_empty() {
    let sets: [&[f64]; 9] = [&[0.0, 1e-320], &[5e-324], &[0.0], &[-0.0, 0.0], &[1e300, -1e300], &[f64::MAX, -f64::MAX], &[f64::MAX], &[-1e15, -1e15], &[f64::NAN, 1.0]];
    for values in sets {
        let points: Vec<(i64, f64)> = values.iter().enumerate().map(|(i, v)| (i as i64, *v)).collect();
        for (pace, target) in [(None, None), (Some(((FIRST_DAY, -f64::MAX), (LAST_DAY, f64::MAX))), Some(5e-324)), (Some(((i64::MIN, 0.0), (i64::MAX, 1e300))), Some(-1e300))] {
            let ((x0, x1), (y0, y1)) = LineChart::ranges(&points, pace, target).unwrap();
            assert!(x1 > x0 && y1 > y0 && y0.is_finite() && y1.is_finite(), "{values:?} {pace:?}: {y0} {y1}");
            check_ticks(y0, y1, 5);
        }
    }
    assert_eq!(LineChart::ranges(&[(i64::MAX, 1.0)], None, None).unwrap().0, (i64::MAX, i64::MAX));
    assert_eq!(LineChart::ranges(&[], None, Some(1.0)), None);
    // Unchanged on ordinary values.
    assert_eq!(LineChart::ranges(&[(0, 10.0), (30, 20.0)], None, Some(40.0)), Some(((0, 30), (7.6, 42.4))));
}

#[test]
fn line_charts_draw_far_days_and_extreme_values() {
    for (points, pace) in [
        (vec![(i64::MIN, -f64::MAX), (0, 0.0), (i64::MAX, f64::MAX)], None),
        (vec![(i64::MAX, 5e-324)], Some(((i64::MAX, 1e-320), (i64::MAX, 0.0)))),
        (vec![(FIRST_DAY, 1e300), (LAST_DAY, -1e300)], Some(((FIRST_DAY, 0.0), (LAST_DAY, 1e15)))),
    ] {
        let ((_, _), (lo, hi)) = LineChart::ranges(&points, pace, Some(1.0)).unwrap();
        let chart = LineChart {
            title: "far".into(),
            points,
            pace,
            target: Some(1.0),
            legend: ["a".into(), "b".into(), "c".into()],
            status_text: "s".into(),
            colour: usize::MAX,
            x_ticks: vec![(i64::MIN, "min".into()), (i64::MAX, "max".into())],
            y_ticks: nice_ticks(lo, hi, 5).into_iter().map(|v| (v, crate::i18n::format_number_short(Lang::En, v))).collect(),
            rows: Vec::new(),
            today: Some((0, "today".into())),
        };
        let svg = chart.svg();
        assert!(svg.contains("</svg>"), "{svg}");
    }
}

#[test]
fn bars_scale_on_extreme_maxima() {
    for max in [0.0, -0.0, 5e-324, 1e-320, 1e300, f64::MAX, f64::INFINITY, f64::NAN, -1.0] {
        for value in [0.0, 5e-324, 1.0, 1e300, f64::MAX, -f64::MAX, f64::NAN] {
            let chart = BarChart {
                title: "t".into(),
                series: vec!["s".into()],
                groups: vec![Group { label: "g".into(), bars: vec![Bar { value: Some(value), text: "v".into() }], marked: true, status: None }],
                max,
                ticks: nice_ticks(0.0, max, 4).into_iter().map(|v| (v, String::new())).collect(),
                mark_text: String::new(),
            };
            assert!(chart.svg().contains("</svg>"));
        }
    }
}

#[test]
fn number_formats_survive_extremes() {
    for lang in Lang::ALL {
        for v in [1e300, -1e300, 5e-324, -5e-324, 1e-320, 0.0, -0.0, f64::MAX, -f64::MAX, f64::INFINITY, f64::NAN, 9.2e18, 1.8e19] {
            for decimals in [0, 1, 2, 6, 20, usize::MAX] {
                assert!(!crate::i18n::format_number(lang, v, decimals).is_empty());
            }
            assert!(!crate::i18n::format_number_short(lang, v).is_empty());
        }
        assert_eq!(crate::i18n::format_number_short(lang, -0.0), "0");
        assert_eq!(crate::i18n::format_number_short(lang, 5e-324), "0");
    }
}

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// German and Bulgarian come as packs; each test thread installs them once.
fn install_packs() {
    for lang in Lang::ALL {
        if !lang.is_ready() {
            let pack = std::fs::read_to_string(format!("{}/public/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code())).unwrap();
            lang.install(&pack).unwrap();
        }
    }
}

fn value() -> impl Gen<Value = f64> {
    prop::sample::select(EXTREMES.to_vec())
}

fn day() -> impl Gen<Value = i64> {
    prop_oneof![Just(FIRST_DAY), Just(LAST_DAY), FIRST_DAY..=LAST_DAY, 20_000i64..21_000]
}

fn date() -> impl Gen<Value = Date> {
    day().prop_map(Date::from_day_number)
}

/// Day `i` of a series from `start`, `gap` days apart, wrapping inside years 1 to 9999.
fn nth_day(start: i64, gap: i64, i: usize) -> i64 {
    FIRST_DAY + (start - FIRST_DAY + gap * i as i64).rem_euclid(LAST_DAY - FIRST_DAY + 1)
}

/// A KPI with 1 to 3,000 extreme values, all equal or mixed, over near or far dates.
fn kpi() -> impl Gen<Value = Kpi> {
    // A KPI of 3,000 values takes ~0.15 s per chart in debug (every row looks up the
    // pace again), so they are rare here and certain in `a_kpi_of_3000_extreme_values`.
    let count = prop_oneof![4 => Just(1usize), 11 => 2usize..=60, 1 => 2_900usize..=3_000];
    let values = (count, value(), proptest::bool::weighted(0.3)).prop_flat_map(|(n, same, equal)| {
        if equal {
            Just(vec![same; n]).boxed()
        } else {
            prop::collection::vec(value(), n).boxed()
        }
    });
    let gap = prop_oneof![Just(1i64), 1i64..=400, Just(1_217), Just(-3)];
    let frequency = prop::sample::select(vec![crate::model::Frequency::Weekly, crate::model::Frequency::Monthly, crate::model::Frequency::Quarterly]);
    (values, day(), gap, proptest::option::of(value()), proptest::option::of(value()), proptest::option::of(date()), any::<bool>(), frequency).prop_map(
        |(values, start, gap, baseline, target, deadline, lower, frequency)| Kpi {
            id: Id::from("k"),
            name: "Reach".into(),
            unit: "€".into(),
            direction: if lower { Direction::LowerIsBetter } else { Direction::HigherIsBetter },
            baseline,
            target,
            deadline,
            frequency,
            actuals: values.into_iter().enumerate().map(|(i, value)| Actual { period: Date::from_day_number(nth_day(start, gap, i)), value, ..Default::default() }).collect(),
            ..Kpi::default()
        },
    )
}

fn plan() -> impl Gen<Value = (Plan, Date)> {
    let money = || proptest::option::of(value());
    let audience = proptest::option::of(prop::sample::select(vec![0u64, 1, 999_999, u64::MAX]));
    let weights = prop::collection::vec((prop::sample::select(vec![1u8, 5, 255]), any::<bool>()), 0..6);
    (prop::collection::vec(kpi(), 0..3), proptest::option::of(date()), date(), money(), money(), audience, proptest::option::of(date()), weights).prop_map(
        |(kpis, start, today, hours, budget, audience, since, weights)| {
            let mut p = Plan::new(Id::from("p"), "Extreme", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
            p.strategy.focus.start = start;
            p.strategy.kpis = kpis.into_iter().enumerate().map(|(i, k)| Kpi { id: Id::from(format!("k{i}").as_str()), ..k }).collect();
            p.strategy.resources.hours_per_week = hours;
            p.strategy.resources.budget = budget;
            p.information.audit.channels.push(Channel { id: Id::from("c"), name: "Channel".into(), since, audience, ..Channel::default() });
            p.information.landscape.findings = weights
                .into_iter()
                .map(|(weight, threat)| Finding { text: "finding".into(), weight, polarity: if threat { Polarity::Threat } else { Polarity::Opportunity }, ..Finding::default() })
                .collect();
            (p, today)
        },
    )
}

/// Every chart of the app and both reports, in every language: sound and non-empty.
fn check_plan(plan: &Plan, today: &Date) {
    install_packs();
    for lang in Lang::ALL {
        bar_chart_is_sound(&information::landscape(plan, lang));
        bar_chart_is_sound(&information::gap(plan, lang));
        bar_chart_is_sound(&information::profile(plan, lang));
        bar_chart_is_sound(&information::distribution(plan, lang));
        assert!(!information::gap_sentences(plan, lang).is_empty());
        bar_chart_is_sound(&tracking::status_counts(plan, lang, today));
        bar_chart_is_sound(&tracking::actions(plan, lang));
        bar_chart_is_sound(&tracking::phases(plan, lang));
        for k in &plan.strategy.kpis {
            let chart = tracking::kpi(plan, k, lang, today);
            assert!(chart.y_ticks.len() <= MAX_TICKS && chart.y_ticks.iter().all(|(v, label)| v.is_finite() && !label.is_empty()), "{:?}", chart.y_ticks);
            assert!(chart.x_ticks.len() <= MAX_TICKS && chart.rows.len() == k.actuals.len());
            let ((x0, x1), (y0, y1)) = LineChart::ranges(&chart.points, chart.pace, chart.target).unwrap();
            assert!(x1 > x0 && y1 > y0 && y0.is_finite() && y1.is_finite(), "{x0} {x1} {y0} {y1}");
            let drawn = chart.drawn(["period", "value", "expected"], 640);
            assert!(drawn.svg.trim_end().ends_with("</svg>") && !drawn.words.is_empty());
        }
        let md = crate::report::markdown(plan, lang, today);
        assert!(md.starts_with(&format!("# {}", plan.name)));
        let html = crate::report::html(plan, lang, today);
        assert!(html.starts_with("<!doctype html>") && html.matches("<svg").count() == 6 + plan.strategy.kpis.len());
    }
}

/// Before: "capacity overflow" in `nice_ticks` on the KPI chart and in both reports.
#[test]
fn a_kpi_of_zero_and_a_subnormal_value() {
    let mut plan = Plan::new(Id::from("p"), "Tiny", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
    let actuals = [(2026, 1, 0.0), (2026, 2, 1e-320)].map(|(y, m, value)| Actual { period: Date::new(y, m, 1), value, ..Default::default() }).to_vec();
    plan.strategy.kpis.push(Kpi { id: Id::from("k"), name: "Tiny".into(), actuals: actuals.into(), ..Kpi::default() });
    check_plan(&plan, &Date::new(2026, 3, 1));
}

#[test]
fn a_kpi_of_3000_extreme_values_over_ten_thousand_years() {
    let mut plan = Plan::new(Id::from("p"), "Far", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
    plan.strategy.focus.start = Some(Date::from_day_number(FIRST_DAY));
    let actuals = (0..3_000).map(|i| Actual { period: Date::from_day_number(nth_day(FIRST_DAY, 1_217, i)), value: EXTREMES[i % EXTREMES.len()], ..Default::default() }).collect();
    let kpi = Kpi { baseline: Some(-f64::MAX), target: Some(f64::MAX), deadline: Some(Date::from_day_number(LAST_DAY)), actuals, ..Kpi::default() };
    plan.strategy.kpis.push(Kpi { id: Id::from("k"), name: "Far".into(), ..kpi });
    check_plan(&plan, &Date::from_day_number(LAST_DAY));
}

fn bar_chart_is_sound(chart: &BarChart) {
    assert!(!chart.title.is_empty() && chart.ticks.len() <= MAX_TICKS && chart.ticks.iter().all(|(v, _)| v.is_finite()));
    let svg = chart.svg();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(!chart.drawn(Vec::new(), 640).rows.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    /// Every chart of the app and both reports, in every language, on extreme plans.
    #[test]
    fn charts_and_reports_never_panic_on_extreme_plans((plan, today) in plan()) {
        check_plan(&plan, &today);
    }
}
