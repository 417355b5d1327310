//! The rules that hold for every plan, whatever a team does: random sequences of every
//! model operation, from the sample and from generated plans, keep the plan valid and
//! readable back from its file; any corrupted plan is repaired to a valid one.
//!
//! `PROPTEST_CASES` sets the number of cases (e.g. `PROPTEST_CASES=20000` for a long run).

use super::tests::plan;
use super::validate::validate;
use super::*;
use proptest::prelude::*;
use proptest::strategy::Strategy as Gen;

/// One thing a team can do to a plan, with its targets picked by position among what is
/// there (so every generated step applies to whatever plan it meets).
#[derive(Clone, Debug)]
enum Op {
    Remove(usize),
    RemoveMoving(usize, usize),
    Undo,
    Add(u8, usize),
    SetServes(usize, u8, usize),
    SetBusinessLinks(usize, Vec<usize>),
    SetKpiObjective(usize, usize),
    PullFindings,
    FlipPolarity(usize),
    EditFindingText(usize, String),
    Shift(usize, bool),
    Promote(usize),
    Unlink(usize),
    AddActual(usize, i64, f64),
    RemoveValue(usize, usize),
    /// Workshop notes on an item: its author, dots, a comment on it.
    Workshop(usize, u8),
    /// A block put on the agenda with some minutes (any number typed), or taken off it.
    Agenda(usize, Option<u16>),
}

fn op() -> impl Gen<Value = Op> {
    let n = 0usize..64;
    prop_oneof![
        4 => n.clone().prop_map(Op::Remove),
        1 => (n.clone(), n.clone()).prop_map(|(a, b)| Op::RemoveMoving(a, b)),
        2 => Just(Op::Undo),
        4 => (0u8..12, n.clone()).prop_map(|(k, t)| Op::Add(k, t)),
        1 => (n.clone(), 0u8..3, n.clone()).prop_map(|(a, k, t)| Op::SetServes(a, k, t)),
        1 => (n.clone(), prop::collection::vec(0usize..8, 0..3)).prop_map(|(o, l)| Op::SetBusinessLinks(o, l)),
        1 => (n.clone(), n.clone()).prop_map(|(k, o)| Op::SetKpiObjective(k, o)),
        1 => Just(Op::PullFindings),
        1 => n.clone().prop_map(Op::FlipPolarity),
        1 => (n.clone(), "\\PC{0,8}").prop_map(|(f, t)| Op::EditFindingText(f, t)),
        1 => (n.clone(), any::<bool>()).prop_map(|(i, up)| Op::Shift(i, up)),
        1 => n.clone().prop_map(Op::Promote),
        1 => n.clone().prop_map(Op::Unlink),
        1 => (n.clone(), n.clone()).prop_map(|(k, v)| Op::RemoveValue(k, v)),
        2 => (n.clone(), 0u8..4).prop_map(|(i, d)| Op::Workshop(i, d)),
        1 => (0usize..18, prop::option::of(any::<u16>())).prop_map(|(b, m)| Op::Agenda(b, m)),
        1 => (n, 19_000i64..25_000, prop_oneof![-1e15..1e15f64, Just(0.0), Just(5e-324)]).prop_map(|(k, d, v)| Op::AddActual(k, d, v)),
    ]
}

/// Every item id of the plan, in a fixed order.
fn item_ids(p: &Plan) -> Vec<Id> {
    let i = &p.information;
    let s = &p.strategy;
    let mut out: Vec<Id> = Vec::new();
    out.extend(i.opportunities_risks.iter().map(|x| x.id.clone()));
    out.extend(i.tools.iter().map(|x| x.id.clone()));
    out.extend(i.landscape.findings.iter().map(|x| x.id.clone()));
    out.extend(i.audit.channels.iter().map(|x| x.id.clone()));
    for q in i.swot.quadrants() {
        out.extend(q.iter().map(|x| x.id.clone()));
    }
    out.extend(s.business_objectives.iter().map(|x| x.id.clone()));
    out.extend(s.objectives.iter().map(|x| x.id.clone()));
    out.extend(s.kpis.iter().map(|x| x.id.clone()));
    out.extend(s.tactics.iter().map(|x| x.id.clone()));
    out.extend(s.indicators.iter().map(|x| x.id.clone()));
    out.extend(s.relationships.iter().map(|x| x.id.clone()));
    out.extend(p.operative.actions.iter().map(|x| x.id.clone()));
    out
}

fn pick<T>(items: &[T], n: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[n % items.len()])
}

struct Session {
    plan: Plan,
    undo: Vec<Removal>,
    next: u64,
}

impl Session {
    fn id(&mut self) -> Id {
        self.next += 1;
        Id(format!("n{}", self.next))
    }

    fn apply(&mut self, op: Op) {
        let objective = |p: &Plan, n: usize| pick(&p.strategy.objectives, n).map(|o| o.id.clone());
        match op {
            Op::Remove(n) => {
                if let Some(id) = pick(&item_ids(&self.plan), n).cloned() {
                    self.undo.extend(self.plan.remove(&id));
                }
            }
            Op::RemoveMoving(a, b) => {
                if let (Some(a), Some(b)) = (objective(&self.plan, a), objective(&self.plan, b)) {
                    self.undo.extend(self.plan.remove_moving(&a, &b));
                }
            }
            Op::Undo => {
                if let Some(r) = self.undo.pop() {
                    self.plan.restore(r);
                }
            }
            Op::Add(kind, n) => {
                let id = self.id();
                let p = &mut self.plan;
                let info = &mut p.information;
                match kind {
                    0 => info.opportunities_risks.push(OpportunityRisk { id, ..Default::default() }),
                    1 => info.tools.push(ToolEntry { id, ..Default::default() }),
                    2 => info.landscape.findings.push(Finding { id, level: LandscapeLevel::ALL[n % 5], ..Default::default() }),
                    3 => info.audit.channels.push(Channel { id, ..Default::default() }),
                    4 => info.swot.quadrant_mut(n % 4).push(SwotItem { id, ..Default::default() }),
                    5 => p.strategy.business_objectives.push(BusinessObjective { id, text: "B".into() }),
                    6 => p.strategy.objectives.push(Objective { id, ..Default::default() }),
                    7 => {
                        if let Some(objective) = objective(p, n) {
                            p.strategy.kpis.push(Kpi { id, objective, ..Default::default() });
                        }
                    }
                    8 => {
                        if let Some(objective) = objective(p, n) {
                            p.strategy.tactics.push(Tactic { id, objective, text: String::new() });
                        }
                    }
                    9 => {
                        if let Some(tactic) = pick(&p.strategy.tactics, n).map(|t| t.id.clone()) {
                            p.strategy.indicators.push(Indicator { id, tactic, text: "i".into(), kept: n % 2 == 0 });
                        }
                    }
                    10 => p.strategy.relationships.push(Relationship { id, ..Default::default() }),
                    _ => p.operative.actions.push(Action { id, ..Default::default() }),
                }
            }
            Op::SetServes(a, kind, t) => {
                let p = &mut self.plan;
                if let Some(action) = pick(&p.operative.actions, a).map(|x| x.id.clone()) {
                    let serves = match kind {
                        0 => None,
                        1 => objective(p, t).map(Serves::Objective),
                        _ => pick(&p.strategy.tactics, t).map(|x| Serves::Tactic(x.id.clone())),
                    };
                    p.set_serves(&action, serves);
                }
            }
            Op::SetBusinessLinks(o, links) => {
                let p = &mut self.plan;
                if let Some(o) = objective(p, o) {
                    let chosen: Vec<Id> = links.iter().filter_map(|l| pick(&p.strategy.business_objectives, *l).map(|b| b.id.clone())).collect();
                    p.set_business_links(&o, &chosen);
                }
            }
            Op::SetKpiObjective(k, o) => {
                let p = &mut self.plan;
                if let (Some(k), Some(o)) = (pick(&p.strategy.kpis, k).map(|x| x.id.clone()), objective(p, o)) {
                    p.set_kpi_objective(&k, &o);
                }
            }
            Op::PullFindings => {
                let mut ids: Vec<Id> = (0..64).map(|_| self.id()).collect();
                self.plan.information.pull_findings(move || ids.pop().unwrap_or_default());
                // Findings beyond the prepared ids would get an empty id: none in these sizes.
            }
            Op::FlipPolarity(n) => {
                let info = &mut self.plan.information;
                let len = info.landscape.findings.len();
                if len > 0 {
                    let f = &mut info.landscape.findings[n % len];
                    f.polarity = if f.polarity == Polarity::Threat { Polarity::Opportunity } else { Polarity::Threat };
                    info.sync_swot();
                }
            }
            Op::EditFindingText(n, text) => {
                let info = &mut self.plan.information;
                let len = info.landscape.findings.len();
                if len > 0 {
                    info.landscape.findings[n % len].text = text;
                    info.sync_swot();
                }
            }
            Op::Shift(n, up) => {
                let s = &mut self.plan.strategy;
                let len = s.kpis.len();
                if len > 0 {
                    move_in_group(&mut s.kpis, n % len, up, |a, b| a.objective == b.objective);
                }
            }
            Op::Workshop(n, dots) => {
                let p = &mut self.plan;
                if let Some(id) = pick(&item_ids(p), n).cloned() {
                    *p.workshop.authors_mut(&id) = vec!["Ana".into()];
                    p.workshop.comments.push(Comment { author: "Ben".into(), item: Some(id.clone()), text: "Yes".into() });
                    p.set_vote("Ben", &id, dots);
                }
            }
            Op::Agenda(b, minutes) => self.plan.set_agenda(Block::ALL[b], minutes),
            Op::Promote(n) => {
                let id = self.id();
                let s = &mut self.plan.strategy;
                if let Some(i) = pick(&s.indicators, n).map(|x| x.id.clone()) {
                    s.promote_indicator(&i, id);
                }
            }
            Op::Unlink(n) => {
                let swot = &mut self.plan.information.swot;
                let len = swot.opportunities.len();
                if len > 0 {
                    swot.opportunities[n % len].finding = None;
                }
            }
            Op::RemoveValue(k, v) => {
                let p = &mut self.plan;
                if let Some(k) = pick(&p.strategy.kpis, k) {
                    if let Some(period) = pick(&k.actuals, v).map(|a| a.period.clone()) {
                        let kpi = k.id.clone();
                        self.undo.extend(p.remove_value(&kpi, &period));
                    }
                }
            }
            Op::AddActual(k, day, value) => {
                let s = &mut self.plan.strategy;
                let len = s.kpis.len();
                if len > 0 {
                    let period = Date::from_day_number(day);
                    let k = &mut s.kpis[k % len];
                    match k.actuals.iter_mut().find(|a| a.period == period) {
                        Some(a) => a.value = value,
                        None => {
                            k.actuals.push(Actual { period, value, ..Default::default() });
                            k.actuals.sort_by(|a, b| a.period.0.cmp(&b.period.0));
                        }
                    }
                }
            }
        }
    }
}

const STRUCTURE: &str = include_str!("../../public/sample/plan.json");

fn sample_plan(lang: usize) -> Plan {
    let table = [include_str!("../../public/sample/en.json"), include_str!("../../public/sample/de.json"), include_str!("../../public/sample/bg.json")][lang % 3];
    sample::build(STRUCTURE, table, &Date::new(2026, 11, 22), "2026-11-22T10:00:00Z").expect("the sample builds")
}

fn check_session(start: Plan, ops: Vec<Op>) -> Result<(), TestCaseError> {
    prop_assert!(validate(&start, "plan").is_empty(), "start: {:?}", validate(&start, "plan"));
    let mut s = Session { plan: start, undo: Vec::new(), next: 0 };
    for op in ops {
        let shown = format!("{op:?}");
        s.apply(op);
        let problems = validate(&s.plan, "plan");
        prop_assert!(problems.is_empty(), "after {}: {:?}", shown, problems);
        // The check skips KPI values found sound before (by their stamp): it finds what
        // a check from scratch finds.
        super::validate::forget_sound_values();
        prop_assert_eq!(validate(&s.plan, "plan"), problems, "after {}: a check from scratch differs", shown);
        // A write that reuses the text of the lists unchanged since the last write (as a
        // save does) writes what a write from scratch writes.
        let reused = super::stamped::to_string_reusing(&s.plan).expect("a plan serialises");
        let fresh = serde_json::to_string(&s.plan).expect("a plan serialises");
        prop_assert!(reused == fresh, "after {}: a write reusing unchanged lists differs from one from scratch", shown);
    }
    let text = encode(&s.plan, "test", "2026-11-22T10:00:00Z", None, false);
    let back = decode(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    prop_assert_eq!(back.plan, s.plan);
    Ok(())
}

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(128), ..ProptestConfig::default() })]

    #[test]
    fn editing_the_sample_keeps_it_valid(lang in 0usize..3, ops in prop::collection::vec(op(), 1..40)) {
        check_session(sample_plan(lang), ops)?;
    }

    #[test]
    fn editing_any_plan_keeps_it_valid(start in plan(), ops in prop::collection::vec(op(), 1..40)) {
        check_session(start, ops)?;
    }

    #[test]
    fn removal_and_undo_give_back_the_same_plan(start in plan(), n in 0usize..64) {
        let mut p = start.clone();
        if let Some(id) = pick(&item_ids(&p), n).cloned() {
            let r = p.remove(&id).expect("the id is in the plan");
            prop_assert!(!p.has_id(&id));
            p.restore(r);
        }
        prop_assert_eq!(p, start);
    }

    #[test]
    fn any_corrupted_plan_is_repaired_to_a_valid_one(start in plan(), damage in prop::collection::vec((0u8..10, 0usize..64, -1e300..1e300f64), 1..12)) {
        let mut p = start;
        let ids = item_ids(&p);
        // Checked once before the damage: the check then skips the KPI values it found
        // sound, and still finds what a check from scratch finds.
        let _ = validate(&p, "plan");
        for (kind, n, x) in damage {
            let other = pick(&ids, n).cloned().unwrap_or_default();
            let s = &mut p.strategy;
            match kind {
                0 => if let Some(k) = s.kpis.first_mut() { k.objective = Id::from("gone") },
                1 => if let Some(t) = s.tactics.last_mut() { t.objective = Id::from("gone") },
                2 => if let Some(i) = s.indicators.first_mut() { i.tactic = Id::from("gone") },
                3 => if let Some(o) = s.objectives.first_mut() { o.business_objectives.push(Id::from("gone")) },
                4 => if let Some(k) = s.kpis.first_mut() { k.target = Some(x); k.actuals.push(Actual { period: Date("2026-02-30".into()), value: x, ..Default::default() }) },
                5 => if let Some(a) = p.operative.actions.first_mut() { a.serves = Some(Serves::Tactic(other)) },
                6 => if let Some(f) = p.information.landscape.findings.first_mut() { f.id = other; f.weight = 0 },
                7 => if let Some(x) = p.information.swot.threats.first_mut() { x.finding = Some(Id::from("gone")) },
                8 => { p.operative.thresholds.off_track = x; s.focus.horizon_years = 9; p.workshop.agenda.push(agenda::AgendaItem { block: Block::ALL[n % 18], minutes: n as u16 * 7 }) },
                _ => if let Some(c) = p.information.audit.channels.first_mut() { c.id = Id::default(); c.since = Some(Date("never".into())) },
            }
        }
        let found = validate(&p, "plan");
        super::validate::forget_sound_values();
        prop_assert_eq!(validate(&p, "plan"), found);
        let mut n = 0u64;
        let repairs = repair(&mut p, &mut || { n += 1; Id(format!("r{n}")) });
        prop_assert!(validate(&p, "plan").is_empty(), "{:?} after {:?}", validate(&p, "plan"), repairs);
        let mut again = p.clone();
        prop_assert!(repair(&mut again, &mut || Id::from("x")).is_empty(), "a repaired plan needs no more repair");
    }
}

fn file_with(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let plan = sample_plan(0);
    let mut value: serde_json::Value = serde_json::from_str(&encode(&plan, "test", "2026-11-22T10:00:00Z", None, false)).unwrap();
    edit(&mut value);
    value.to_string().into_bytes()
}

#[test]
fn an_import_names_the_fields_it_does_not_know() {
    use file_format::{read, Reading};
    let bytes = file_with(|v| {
        let kpis = v["plan"]["strategy"]["kpis"].take();
        v["plan"]["strategy"]["kpiz"] = kpis;
        v["plan"]["information"]["landscape"]["findings"][0]["colour"] = "red".into();
    });
    let decoded = read(&bytes, Reading::Import, &mut Id::default).expect("structure is fine");
    assert_eq!(decoded.unknown, vec!["plan.information.landscape.findings[0].colour".to_owned(), "plan.strategy.kpiz".to_owned()]);
    assert!(decoded.plan.strategy.kpis.is_empty());
    let clean = read(&file_with(|_| {}), Reading::Import, &mut Id::default).unwrap();
    assert!(clean.unknown.is_empty(), "{:?}", clean.unknown);
    assert!(clean.repairs.is_empty());
    // A file that takes the longer way (a `null` where a text belongs) is checked the same.
    let bytes = file_with(|v| {
        v["plan"]["strategy"]["mission"] = serde_json::Value::Null;
        v["plan"]["operative"]["actions"][1]["colour"] = "blue".into();
        v["plan"]["extra"] = serde_json::json!({ "a": 1 });
    });
    let decoded = read(&bytes, Reading::Import, &mut Id::default).expect("structure is fine");
    assert_eq!(decoded.unknown, vec!["plan.extra".to_owned(), "plan.operative.actions[1].colour".to_owned()]);
    // A file of another program names at most twenty.
    let bytes = file_with(|v| (0..50).for_each(|i| v["plan"][format!("field{i}")] = i.into()));
    assert_eq!(read(&bytes, Reading::Import, &mut Id::default).unwrap().unknown.len(), 20);
}

#[test]
fn a_plan_that_does_not_validate_is_refused_strictly_and_repaired_otherwise() {
    use file_format::{read, Reading};
    let bytes = file_with(|v| {
        for a in v["plan"]["operative"]["actions"].as_array_mut().unwrap().iter_mut().take(3) {
            a["serves"] = serde_json::json!({ "objective": "removed" });
        }
    });
    assert!(matches!(decode(&bytes), Err(ImportError::Invalid(_))));
    let mut n = 0;
    for reading in [Reading::Stored, Reading::Import] {
        let decoded = read(&bytes, reading, &mut || { n += 1; Id(format!("x{n}")) }).expect("repaired");
        assert_eq!(decoded.repairs, vec![Repair { kind: RepairKind::ActionLinks, count: 3 }]);
        assert!(validate(&decoded.plan, "plan").is_empty());
    }
}

/// Browser storage holds about 5 million characters per origin; a plan that fills it
/// exports, and the export imports again.
#[test]
fn the_largest_plan_storage_holds_exports_and_imports_again() {
    use file_format::{read, Reading, MAX_BYTES};
    let mut plan = sample_plan(0);
    let template = plan.information.landscape.findings[0].clone();
    let mut i = 0;
    while encode(&plan, "test", "2026-11-22T10:00:00Z", Some(1), false).len() < 5_200_000 {
        for _ in 0..4000 {
            i += 1;
            plan.information.landscape.findings.push(Finding { id: Id(format!("big{i}")), text: format!("{} — «{i}» \"quoted\"\n", template.text), ..template.clone() });
        }
    }
    let export = encode(&plan, "test", "2026-11-22T10:00:00Z", None, false);
    assert!(export.len() < MAX_BYTES, "{} bytes", export.len());
    let back = read(export.as_bytes(), Reading::Import, &mut Id::default).expect("imports");
    assert!(back.unknown.is_empty() && back.repairs.is_empty());
    assert_eq!(back.plan, plan);
}
