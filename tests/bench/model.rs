//! Native benchmarks of the model on a large plan (the same shape as the browser
//! benchmark's: 40 objectives, 100 KPIs with 260 weekly values each, 200 tactics with 10
//! indicators each, 300 findings, 50 channels, 90 actions): serialise, decode (the whole
//! import path: reading and every check), validate, the status of every KPI, and what
//! the dashboard computes; and the workshop's merge of 10 participants' contributions of
//! 50 new items each, next to one import of the same plan. `cargo bench --bench model`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use socialplan::model::tracking::{counts, statuses};
use socialplan::model::*;

fn large_plan() -> Plan {
    let start = Date::new(2021, 1, 4);
    let day = |n: i64| Date::from_day_number(start.day_number().unwrap() + n);
    let id = |p: &str, i: usize| Id::from(format!("{p}{i}").as_str());
    let mut p = Plan::new(Id::from("large"), "Large plan", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
    let levels = LandscapeLevel::ALL;
    p.information.landscape.findings = (0..300)
        .map(|i| Finding { id: id("f", i), level: levels[i % 5], text: format!("Finding {i} about the market"), polarity: if i % 3 == 0 { Polarity::Threat } else { Polarity::Opportunity }, weight: 1 + (i % 5) as u8 })
        .collect();
    p.information.audit.channels = (0..50).map(|i| Channel { id: id("c", i), name: format!("Channel {i}"), audience: Some(1000 * i as u64), ..Default::default() }).collect();
    let s = &mut p.strategy;
    s.focus.start = Some(day(0));
    s.focus.horizon_years = 5;
    s.business_objectives = (0..10).map(|i| BusinessObjective { id: id("b", i), text: format!("Business objective {i}") }).collect();
    s.objectives = (0..40).map(|i| Objective { id: id("o", i), text: format!("Objective {i}"), business_objectives: vec![id("b", i % 10)], perspective: Some(Perspective::Customer) }).collect();
    s.kpis = (0..100)
        .map(|i| Kpi {
            id: id("k", i),
            objective: id("o", i % 40),
            name: format!("KPI {i}"),
            business_goal: Some(BusinessGoal::IncreaseRevenue),
            baseline: Some(100.0),
            target: Some(1000.0),
            deadline: Some(day(5 * 365)),
            frequency: Frequency::Weekly,
            actuals: (0..260).map(|w| Actual { period: day(7 * (w + 1)), value: 100.0 + w as f64 * 3.5 + (w % 7) as f64, ..Default::default() }).collect(),
            ..Default::default()
        })
        .collect();
    s.tactics = (0..200).map(|i| Tactic { id: id("t", i), objective: id("o", i % 40), text: format!("Tactic {i}") }).collect();
    s.indicators = (0..2000).map(|i| Indicator { id: id("i", i), tactic: id("t", i / 10), text: format!("Indicator {i}"), kept: i % 10 < 3 }).collect();
    p.operative.actions = (0..90)
        .map(|i| Action { id: id("a", i), plan: [ActionPlan::Enabling, ActionPlan::Organisation, ActionPlan::Technical][i % 3], title: format!("Action {i}"), due: Some(day(30 * (i as i64 + 1))), ..Default::default() })
        .collect();
    p
}

/// Ten participants' copies of the handed-out plan, each with 50 new items (20 findings,
/// 10 SWOT entries, 10 objectives, 10 tactics under them) and their dots.
fn contributions(base: &Plan) -> Vec<merge::Contribution> {
    (0..10)
        .map(|n| {
            let who = format!("Participant {n}");
            let id = |k: &str, i: usize| Id::from(format!("p{n}{k}{i}").as_str());
            let mut p = base.clone();
            for i in 0..20 {
                p.information.landscape.findings.push(Finding { id: id("f", i), text: format!("{who}: finding {i}"), ..Default::default() });
            }
            for i in 0..10 {
                p.information.swot.strengths.push(SwotItem { id: id("s", i), text: format!("{who}: strength {i}"), finding: None });
                p.strategy.objectives.push(Objective { id: id("o", i), text: format!("{who}: objective {i}"), ..Default::default() });
                p.strategy.tactics.push(Tactic { id: id("t", i), objective: id("o", i), text: format!("{who}: tactic {i}") });
            }
            p.workshop.dots = 5;
            p.set_vote(&who, &id("f", 0), 3);
            p.set_vote(&who, &Id::from("f1"), 2);
            p.sign_new_items(&who);
            merge::Contribution { id: format!("c{n}"), author: who, plan: p }
        })
        .collect()
}

fn model(c: &mut Criterion) {
    let plan = large_plan();
    let text = encode(&plan, "bench", "2026-01-01T00:00:00Z", None, false);
    assert!(decode(text.as_bytes()).is_ok(), "the large plan is valid");
    let today = Date::new(2024, 6, 1);
    let mut g = c.benchmark_group("large plan");
    g.sample_size(20);
    g.bench_function("serialise", |b| b.iter(|| encode(black_box(&plan), "bench", "2026-01-01T00:00:00Z", None, false)));
    g.bench_function("decode (the import path: read and check)", |b| b.iter(|| decode(black_box(text.as_bytes())).unwrap()));
    g.bench_function("import (read, check and find unknown fields)", |b| {
        b.iter(|| file_format::read(black_box(text.as_bytes()), file_format::Reading::Import, &mut Id::default).unwrap())
    });
    let with_null = text.replacen("\"mission\":\"\"", "\"mission\":null", 1);
    assert_ne!(with_null, text, "the large plan has an empty mission to null");
    g.bench_function("decode with a null (the slower way)", |b| b.iter(|| decode(black_box(with_null.as_bytes())).unwrap()));
    g.bench_function("validate", |b| b.iter(|| validate::validate(black_box(&plan), "plan")));
    g.bench_function("status of every KPI", |b| b.iter(|| statuses(black_box(&plan), &today)));
    g.bench_function("dashboard numbers", |b| {
        b.iter(|| {
            let all = statuses(black_box(&plan), &today);
            (counts(&all), Phase::ALL.map(|ph| phase_progress(&plan, ph)), plan_check(&plan).len())
        })
    });
    let mut base = plan.clone();
    base.hand_out("2026-01-01T00:00:00Z");
    let sent = contributions(&base);
    let files: Vec<String> = sent.iter().map(|c| merge::write_contribution(&PlanCodec, &c.plan, &c.author, &c.id, "bench", "2026-01-01T00:00:00Z")).collect();
    let merged = merge::merge(&base, &sent, "2026-01-01T00:00:00Z", &mut Id::default).plan();
    assert_eq!(merged.information.landscape.findings.len(), 300 + 200, "every new finding is in");
    assert!(validate::validate(&merged, "plan").is_empty());
    g.bench_function("workshop: merge 10 contributions of 50 items", |b| {
        b.iter(|| merge::merge(black_box(&base), black_box(&sent), "2026-01-01T00:00:00Z", &mut Id::default).plan())
    });
    g.bench_function("workshop: read 10 contribution files and merge them", |b| {
        b.iter(|| {
            let read: Vec<merge::Contribution> = files.iter().map(|f| merge::read_contribution(&PlanCodec, f.as_bytes(), &base, &mut Id::default).unwrap()).collect();
            merge::merge(&base, &read, "2026-01-01T00:00:00Z", &mut Id::default).plan()
        })
    });
    g.finish();
}

criterion_group!(benches, model);
criterion_main!(benches);
