//! The charts of the Information phase, built from a plan in a language: the landscape,
//! the strategic gap (with the gap in words), the maturity profile and the benchmark.

use super::{Bar, BarChart, Group};
use crate::i18n::{fill, format_number, Lang};
use crate::model::{MaturityDimension, Plan, Stage};

fn ticks(lang: Lang, max: u32, step: u32) -> Vec<(f64, String)> {
    (0..=max).step_by(step as usize).map(|v| (f64::from(v), format_number(lang, f64::from(v), 0))).collect()
}

/// Exercise 1: per level, the summed weights of opportunities and of threats.
pub fn landscape(plan: &Plan, lang: Lang) -> BarChart {
    let t = lang.texts();
    let summary = plan.information.landscape.summary();
    let top = summary.iter().map(|s| s.opportunity_weight.max(s.threat_weight)).max().unwrap_or(0).max(5);
    let max = top.div_ceil(5) * 5;
    let bar = |weight: u32, count: u32| Bar {
        value: Some(f64::from(weight)),
        text: fill(t.weight_count, &[("weight", &format_number(lang, f64::from(weight), 0)), ("count", &format_number(lang, f64::from(count), 0))]),
    };
    BarChart {
        title: t.landscape_chart_title.to_owned(),
        series: t.landscape_series.iter().map(|s| s.to_string()).collect(),
        groups: summary
            .iter()
            .map(|s| Group {
                label: t.landscape_levels[s.level as usize].to_owned(),
                bars: vec![bar(s.opportunity_weight, s.opportunities), bar(s.threat_weight, s.threats)],
                marked: false,
                status: None,
            })
            .collect(),
        max: f64::from(max),
        ticks: ticks(lang, max, (max / 5).max(1)),
        mark_text: String::new(),
    }
}

/// Exercise 2: current against ideal per benchmark level, and the overall means.
pub fn gap(plan: &Plan, lang: Lang) -> BarChart {
    let t = lang.texts();
    let bench = &plan.information.audit.benchmark;
    let summary = bench.gap_summary();
    let score = |v: Option<f64>, decimals| Bar {
        value: v,
        text: v.map(|v| format_number(lang, v, decimals)).unwrap_or_else(|| t.not_scored.to_owned()),
    };
    let label = |name: &str, gap: Option<f64>, decimals| match gap {
        Some(g) => fill(t.gap_group, &[("level", name), ("gap", &format_number(lang, g, decimals))]),
        None => name.to_owned(),
    };
    let mut groups: Vec<Group> = crate::model::BenchmarkLevel::ALL
        .iter()
        .zip(summary.levels)
        .map(|(l, g)| {
            let s = bench.get(*l);
            Group {
                label: label(t.benchmark_levels[*l as usize], g.map(f64::from), 0),
                bars: vec![score(s.current.map(f64::from), 0), score(s.ideal.map(f64::from), 0)],
                marked: false,
                status: None,
            }
        })
        .collect();
    groups.push(Group {
        label: label(t.gap_overall, summary.overall(), 1),
        bars: vec![score(summary.mean_current, 1), score(summary.mean_ideal, 1)],
        marked: false,
        status: None,
    });
    BarChart {
        title: t.gap_chart_title.to_owned(),
        series: t.gap_series.iter().map(|s| s.to_string()).collect(),
        groups,
        max: 10.0,
        ticks: ticks(lang, 10, 2),
        mark_text: String::new(),
    }
}

/// The gap in words: overall, and the largest levels.
pub fn gap_sentences(plan: &Plan, lang: Lang) -> Vec<String> {
    let t = lang.texts();
    let summary = plan.information.audit.benchmark.gap_summary();
    let (Some(gap), Some(current), Some(ideal)) = (summary.overall(), summary.mean_current, summary.mean_ideal) else {
        return vec![t.gap_none_scored.to_owned()];
    };
    let n = |v: f64| format_number(lang, v, 1);
    let mut out = vec![fill(t.gap_overall_text, &[("gap", &n(gap)), ("current", &n(current)), ("ideal", &n(ideal))])];
    if summary.largest.is_empty() {
        out.push(t.gap_no_positive.to_owned());
    } else {
        let levels: Vec<String> = summary
            .largest
            .iter()
            .map(|(l, g)| format!("{} ({})", t.benchmark_levels[*l as usize], format_number(lang, f64::from(*g), 0)))
            .collect();
        out.push(fill(t.gap_largest, &[("levels", &levels.join(", "))]));
    }
    out
}

/// The maturity profile: the stage reached per dimension (1 = Planning … 6 = Converged).
pub fn profile(plan: &Plan, lang: Lang) -> BarChart {
    let t = lang.texts();
    let maturity = &plan.information.maturity;
    let weakest = maturity.weakest();
    BarChart {
        title: t.profile_chart_title.to_owned(),
        series: t.profile_series.iter().map(|s| s.to_string()).collect(),
        groups: MaturityDimension::ALL
            .iter()
            .map(|d| {
                let stage = maturity.score(*d);
                let text = match (stage, maturity.answers.contains_key(d)) {
                    (Some(s), _) => format!("{} {}", s as usize + 1, t.stage_names[s as usize]),
                    (None, true) => t.dont_know.to_owned(),
                    (None, false) => t.not_set.to_owned(),
                };
                Group {
                    label: t.dimension_names[*d as usize].to_owned(),
                    bars: vec![Bar { value: stage.map(|s| s as usize as f64 + 1.0), text }],
                    marked: weakest.contains(d),
                    status: None,
                }
            })
            .collect(),
        max: 6.0,
        ticks: ticks(lang, 6, 1).into_iter().skip(1).collect(),
        mark_text: t.weakest_link.to_owned(),
    }
}

/// The benchmark: share of companies per stage, the company's own stage marked.
pub fn distribution(plan: &Plan, lang: Lang) -> BarChart {
    let t = lang.texts();
    let own = plan.information.maturity.stage();
    BarChart {
        title: t.distribution_chart_title.to_owned(),
        series: t.distribution_series.iter().map(|s| s.to_string()).collect(),
        groups: Stage::ALL
            .iter()
            .map(|s| Group {
                label: t.stage_names[*s as usize].to_owned(),
                bars: vec![Bar {
                    value: Some(s.benchmark_share()),
                    text: fill(t.percent_value, &[("value", &format_number(lang, s.benchmark_share(), 0))]),
                }],
                marked: own == Some(*s),
                status: None,
            })
            .collect(),
        max: 30.0,
        ticks: ticks(lang, 30, 10).into_iter().map(|(v, l)| (v, fill(t.percent_value, &[("value", &l)]))).collect(),
        mark_text: t.your_stage.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{BenchmarkLevel, BenchmarkScore, MaturityAnswer, MaturityDimension, Plan};

    #[test]
    fn empty_plan_charts_say_nothing_is_scored() {
        let plan = Plan::default();
        let gap = gap(&plan, Lang::En);
        assert_eq!(gap.groups.len(), 6);
        assert!(gap.groups.iter().all(|g| g.bars.iter().all(|b| b.value.is_none() && b.text == "not scored")));
        assert_eq!(gap_sentences(&plan, Lang::En), vec![Lang::En.texts().gap_none_scored.to_owned()]);
        assert!(distribution(&plan, Lang::En).groups.iter().all(|g| !g.marked));
        assert!(profile(&plan, Lang::En).groups.iter().all(|g| g.bars[0].value.is_none() && g.bars[0].text == "Not set"));
        assert_eq!(landscape(&plan, Lang::En).max, 5.0);
    }

    #[test]
    fn gap_chart_and_words_follow_the_scores() {
        let mut plan = Plan::default();
        *plan.information.audit.benchmark.get_mut(BenchmarkLevel::Kpis) = BenchmarkScore { current: Some(2), ideal: Some(9), note: String::new() };
        *plan.information.audit.benchmark.get_mut(BenchmarkLevel::Landscape) = BenchmarkScore { current: Some(6), ideal: Some(8), note: String::new() };
        let chart = gap(&plan, Lang::En);
        assert_eq!(chart.groups[3].label, "KPIs — gap 7");
        assert_eq!(chart.groups[5].bars[0].text, "4.0");
        let words = gap_sentences(&plan, Lang::De);
        assert!(words[0].contains("4,5"), "{words:?}");
        assert!(words[1].contains("KPIs (7)"), "{words:?}");
    }

    #[test]
    fn maturity_charts_mark_the_stage_and_weakest_links() {
        let mut plan = Plan::default();
        for d in MaturityDimension::ALL {
            plan.information.maturity.answers.insert(d, MaturityAnswer::Formalized);
        }
        plan.information.maturity.answers.insert(MaturityDimension::Roadmap, MaturityAnswer::Engagement);
        plan.information.maturity.answers.insert(MaturityDimension::Education, MaturityAnswer::DontKnow);
        let dist = distribution(&plan, Lang::En);
        let marked: Vec<_> = dist.groups.iter().filter(|g| g.marked).map(|g| g.label.as_str()).collect();
        assert_eq!(marked, ["Engagement"]);
        let prof = profile(&plan, Lang::En);
        assert!(prof.groups[2].marked);
        assert_eq!(prof.groups[2].bars[0].value, Some(3.0));
        assert_eq!(prof.groups[5].bars[0].text, "Don't know");
        assert!(prof.svg().contains("weakest link"));
    }
}
