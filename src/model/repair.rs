//! Repairs a plan that fails validation, so that a team's own stored work never drops
//! out of the list: links to missing items are detached (or their items re-homed), numbers
//! out of range are clamped, duplicate or missing ids get new ones, unreadable dates are
//! cleared. Every repair is counted by kind, so the app can say what it did.

use super::validate::{validate, MAX_MAGNITUDE};
use super::{Date, Id, Objective, Plan, Serves, Tactic};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// What was repaired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RepairKind {
    /// Items without an id, or with one used before, got a new id.
    NewIds,
    /// Objectives served a business objective that is gone: the link was removed.
    BusinessLinks,
    /// KPIs or tactics of an objective that is gone now hang on a new, empty objective.
    Rehomed,
    /// Indicators of a tactic that is gone now hang on a new, empty tactic.
    RehomedIndicators,
    /// SWOT entries linked to a finding that is gone keep their text as the team's own.
    SwotLinks,
    /// Actions pointed at an objective or tactic that is gone: their link was cleared.
    ActionLinks,
    /// Numbers out of their range were set to the nearest allowed value.
    Numbers,
    /// Dates that are not real calendar dates were cleared.
    Dates,
    /// KPI values with an unreadable period, or a second value for the same period, were dropped.
    Values,
    /// Workshop notes (authors, dots, comments) about items that are gone were dropped,
    /// or the number of dots was out of range.
    Workshop,
}

/// One kind of repair and how many items it touched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repair {
    pub kind: RepairKind,
    pub count: usize,
}

#[derive(Default)]
struct Tally(HashMap<RepairKind, usize>);

impl Tally {
    fn add(&mut self, kind: RepairKind) {
        *self.0.entry(kind).or_default() += 1;
    }
    fn into_repairs(self) -> Vec<Repair> {
        let mut out: Vec<Repair> = self.0.into_iter().map(|(kind, count)| Repair { kind, count }).collect();
        out.sort_by_key(|r| r.kind);
        out
    }
}

fn clamp_f64(v: f64, lo: f64, hi: f64, tally: &mut Tally) -> f64 {
    let fixed = if v.is_nan() { lo.max(0.0).min(hi) } else { v.clamp(lo, hi) };
    if fixed != v || v.is_nan() {
        tally.add(RepairKind::Numbers);
    }
    fixed
}

fn clamp_u8(v: &mut u8, lo: u8, hi: u8, tally: &mut Tally) {
    if !(lo..=hi).contains(v) {
        *v = (*v).clamp(lo, hi);
        tally.add(RepairKind::Numbers);
    }
}

fn clamp_opt(v: &mut Option<f64>, tally: &mut Tally) {
    if let Some(x) = *v {
        if !x.is_finite() {
            *v = None;
            tally.add(RepairKind::Numbers);
        } else {
            *v = Some(clamp_f64(x, -MAX_MAGNITUDE, MAX_MAGNITUDE, tally));
        }
    }
}

fn check_date(d: &mut Option<Date>, tally: &mut Tally) {
    if d.as_ref().is_some_and(|d| !d.is_valid()) {
        *d = None;
        tally.add(RepairKind::Dates);
    }
}

/// Repairs `plan` in place until it validates, and says what was done; an empty list
/// means the plan was valid. `next_id` makes the new ids.
pub fn repair(plan: &mut Plan, next_id: &mut dyn FnMut() -> Id) -> Vec<Repair> {
    if validate(plan, "plan").is_empty() {
        return Vec::new();
    }
    let mut tally = Tally::default();
    ids(plan, next_id, &mut tally);
    numbers_and_dates(plan, &mut tally);
    links(plan, next_id, &mut tally);
    for _ in 0..super::workshop::repair(plan) {
        tally.add(RepairKind::Workshop);
    }
    debug_assert!(validate(plan, "plan").is_empty(), "{:?}", validate(plan, "plan"));
    tally.into_repairs()
}

/// A new id that `taken` does not know: from `next_id`, or, should that keep giving
/// used or empty ids, counted up from `repaired-1`.
fn fresh_id(next_id: &mut dyn FnMut() -> Id, taken: impl Fn(&Id) -> bool) -> Id {
    for _ in 0..3 {
        let id = next_id();
        if !id.is_empty() && !taken(&id) {
            return id;
        }
    }
    (1..).map(|n| Id(format!("repaired-{n}"))).find(|id| !taken(id)).expect("unbounded")
}

/// Every id unique and present: the first holder keeps it, later ones get a new one.
fn ids(plan: &mut Plan, next_id: &mut dyn FnMut() -> Id, tally: &mut Tally) {
    let all: HashSet<Id> = {
        let mut all = HashSet::default();
        let mut note = |id: &Id| {
            all.insert(id.clone());
        };
        note(&plan.id);
        super::edit::for_each_id(plan, &mut note);
        all
    };
    let mut seen: HashSet<Id> = HashSet::default();
    let mut fix = |id: &mut Id| {
        if id.is_empty() || !seen.insert(id.clone()) {
            let fresh = fresh_id(next_id, |x| seen.contains(x) || all.contains(x));
            seen.insert(fresh.clone());
            *id = fresh;
            tally.add(RepairKind::NewIds);
        }
    };
    fix(&mut plan.id);
    let info = &mut plan.information;
    info.opportunities_risks.iter_mut().for_each(|x| fix(&mut x.id));
    info.tools.iter_mut().for_each(|x| fix(&mut x.id));
    info.landscape.findings.iter_mut().for_each(|x| fix(&mut x.id));
    info.audit.channels.iter_mut().for_each(|x| fix(&mut x.id));
    for q in 0..4 {
        info.swot.quadrant_mut(q).iter_mut().for_each(|x| fix(&mut x.id));
    }
    let s = &mut plan.strategy;
    s.business_objectives.iter_mut().for_each(|x| fix(&mut x.id));
    s.objectives.iter_mut().for_each(|x| fix(&mut x.id));
    s.kpis.iter_mut().for_each(|x| fix(&mut x.id));
    s.tactics.iter_mut().for_each(|x| fix(&mut x.id));
    s.indicators.iter_mut().for_each(|x| fix(&mut x.id));
    s.relationships.iter_mut().for_each(|x| fix(&mut x.id));
    plan.operative.actions.iter_mut().for_each(|x| fix(&mut x.id));
}

fn numbers_and_dates(plan: &mut Plan, tally: &mut Tally) {
    let info = &mut plan.information;
    info.tools.iter_mut().for_each(|x| clamp_u8(&mut x.relevance, 1, 5, tally));
    info.landscape.findings.iter_mut().for_each(|x| clamp_u8(&mut x.weight, 1, 5, tally));
    for c in &mut info.audit.channels {
        check_date(&mut c.since, tally);
        if c.audience.is_some_and(|a| a as f64 > MAX_MAGNITUDE) {
            c.audience = Some(MAX_MAGNITUDE as u64);
            tally.add(RepairKind::Numbers);
        }
    }
    for level in super::BenchmarkLevel::ALL {
        let score = info.audit.benchmark.get_mut(level);
        for v in [&mut score.current, &mut score.ideal].into_iter().flatten() {
            clamp_u8(v, 0, 10, tally);
        }
    }
    let s = &mut plan.strategy;
    clamp_u8(&mut s.focus.horizon_years, 1, 5, tally);
    check_date(&mut s.focus.start, tally);
    clamp_opt(&mut s.resources.hours_per_week, tally);
    clamp_opt(&mut s.resources.budget, tally);
    for k in &mut s.kpis {
        clamp_opt(&mut k.baseline, tally);
        clamp_opt(&mut k.target, tally);
        check_date(&mut k.deadline, tally);
        let before = k.actuals.len();
        k.actuals.retain(|a| a.period.is_valid());
        for a in &mut k.actuals {
            a.value = clamp_f64(a.value, -MAX_MAGNITUDE, MAX_MAGNITUDE, tally);
        }
        // The later of two values for one period is the correction: keep it.
        let mut seen = HashSet::default();
        let mut kept: Vec<_> = k.actuals.drain(..).rev().filter(|a| seen.insert(a.period.clone())).collect();
        kept.reverse();
        kept.sort_by(|a, b| a.period.0.cmp(&b.period.0));
        k.actuals = kept.into();
        for _ in k.actuals.len()..before {
            tally.add(RepairKind::Values);
        }
    }
    plan.operative.actions.iter_mut().for_each(|a| check_date(&mut a.due, tally));
    let t = &mut plan.operative.thresholds;
    t.at_risk = clamp_f64(t.at_risk, 0.0, 1.0, tally);
    t.off_track = clamp_f64(t.off_track, 0.0, 1.0, tally);
    if t.off_track > t.at_risk {
        std::mem::swap(&mut t.off_track, &mut t.at_risk);
        tally.add(RepairKind::Numbers);
    }
}

fn links(plan: &mut Plan, next_id: &mut dyn FnMut() -> Id, tally: &mut Tally) {
    let mut taken: HashSet<Id> = HashSet::default();
    let mut fresh = |plan: &Plan, taken: &mut HashSet<Id>| {
        let id = fresh_id(next_id, |x| taken.contains(x) || plan.has_id(x));
        taken.insert(id.clone());
        id
    };
    let s = &mut plan.strategy;
    let business: HashSet<Id> = s.business_objectives.iter().map(|b| b.id.clone()).collect();
    for o in &mut s.objectives {
        let before = o.business_objectives.len();
        let mut seen = HashSet::default();
        o.business_objectives.retain(|b| business.contains(b) && seen.insert(b.clone()));
        if o.business_objectives.len() < before {
            tally.add(RepairKind::BusinessLinks);
        }
    }

    // KPIs and tactics must hang on an objective: those whose objective is gone move to
    // one new, empty objective, so nothing the team wrote is dropped.
    let objectives: HashSet<Id> = s.objectives.iter().map(|o| o.id.clone()).collect();
    let orphans = s.kpis.iter().filter(|k| !objectives.contains(&k.objective)).count()
        + s.tactics.iter().filter(|t| !objectives.contains(&t.objective)).count();
    let tactics: HashSet<Id> = s.tactics.iter().map(|t| t.id.clone()).collect();
    let lost_indicators = s.indicators.iter().filter(|i| !tactics.contains(&i.tactic)).count();
    let mut home: Option<Id> = None;
    if orphans > 0 || lost_indicators > 0 {
        let id = fresh(plan, &mut taken);
        let s = &mut plan.strategy;
        s.objectives.push(Objective { id: id.clone(), ..Default::default() });
        for k in s.kpis.iter_mut().filter(|k| !objectives.contains(&k.objective)) {
            k.objective = id.clone();
            tally.add(RepairKind::Rehomed);
        }
        for t in s.tactics.iter_mut().filter(|t| !objectives.contains(&t.objective)) {
            t.objective = id.clone();
            tally.add(RepairKind::Rehomed);
        }
        home = Some(id);
    }
    if lost_indicators > 0 {
        let id = fresh(plan, &mut taken);
        let s = &mut plan.strategy;
        let objective = home.clone().expect("made above");
        s.tactics.push(Tactic { id: id.clone(), objective, text: String::new() });
        for i in s.indicators.iter_mut().filter(|i| !tactics.contains(&i.tactic)) {
            i.tactic = id.clone();
            tally.add(RepairKind::RehomedIndicators);
        }
    }

    let findings: HashSet<Id> = plan.information.landscape.findings.iter().map(|f| f.id.clone()).collect();
    for q in 0..4 {
        for x in plan.information.swot.quadrant_mut(q) {
            if x.finding.as_ref().is_some_and(|f| !findings.contains(f)) {
                x.finding = None;
                tally.add(RepairKind::SwotLinks);
            }
        }
    }
    let s = &plan.strategy;
    let objectives: HashSet<&Id> = s.objectives.iter().map(|o| &o.id).collect();
    let tactics: HashSet<&Id> = s.tactics.iter().map(|t| &t.id).collect();
    for a in &mut plan.operative.actions {
        let dangling = match &a.serves {
            Some(Serves::Objective(o)) => !objectives.contains(o),
            Some(Serves::Tactic(t)) => !tactics.contains(t),
            None => false,
        };
        if dangling {
            a.serves = None;
            tally.add(RepairKind::ActionLinks);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Actual, Finding, Kpi, SwotItem};

    fn ids() -> impl FnMut() -> Id {
        let mut n = 0u64;
        move || {
            n += 1;
            Id(format!("new{n}"))
        }
    }

    #[test]
    fn a_valid_plan_is_left_alone() {
        let mut p = Plan::new(Id::from("p"), "P", Default::default(), "2026-01-01T00:00:00Z");
        let before = p.clone();
        assert!(repair(&mut p, &mut ids()).is_empty());
        assert_eq!(p, before);
    }

    #[test]
    fn dangling_links_are_detached_and_counted() {
        let mut p = Plan::new(Id::from("p"), "P", Default::default(), "2026-01-01T00:00:00Z");
        for i in 0..3 {
            p.operative.actions.push(Action { id: Id(format!("a{i}")), serves: Some(Serves::Objective(Id::from("gone"))), ..Default::default() });
        }
        p.strategy.kpis.push(Kpi { id: Id::from("k"), objective: Id::from("gone"), name: "Reach".into(), ..Default::default() });
        p.information.swot.threats.push(SwotItem { id: Id::from("s"), text: "kept".into(), finding: Some(Id::from("gone")) });
        p.information.landscape.findings.push(Finding { id: Id::from("s"), weight: 9, ..Default::default() });
        p.strategy.kpis[0].actuals = vec![
            Actual { period: Date::new(2026, 1, 31), value: 1.0, ..Default::default() },
            Actual { period: Date("2026-13-01".into()), value: 2.0, ..Default::default() },
            Actual { period: Date::new(2026, 1, 31), value: 3.0, ..Default::default() },
        ].into();
        let repairs = repair(&mut p, &mut ids());
        assert!(validate(&p, "plan").is_empty());
        let count = |k| repairs.iter().find(|r| r.kind == k).map_or(0, |r| r.count);
        assert_eq!(count(RepairKind::ActionLinks), 3);
        assert_eq!(count(RepairKind::Rehomed), 1);
        assert_eq!(count(RepairKind::NewIds), 1);
        assert_eq!(count(RepairKind::Numbers), 1);
        assert_eq!(count(RepairKind::Values), 2);
        assert_eq!(p.strategy.kpis[0].name, "Reach", "the KPI is kept");
        assert_eq!(p.strategy.kpis[0].actuals, vec![Actual { period: Date::new(2026, 1, 31), value: 3.0, ..Default::default() }]);
        assert_eq!(p.information.swot.threats[0].text, "kept");
    }
}
