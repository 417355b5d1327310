//! Checks a plan for what types alone can't: unique ids, links that point somewhere,
//! numbers in range, real dates. Every problem names the field path where it is.

use super::{Date, Id, Plan, Serves};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::hash_map::Entry;

/// Largest magnitude accepted for a measured number (KPI values, budgets, hours).
pub const MAX_MAGNITUDE: f64 = 1e15;

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    MissingId,
    /// The id is already used at `first`.
    DuplicateId { id: Id, first: String },
    /// The link points at an item that isn't in the plan.
    DanglingLink { id: Id },
    OutOfRange { min: f64, max: f64 },
    BadDate { text: String },
    DuplicatePeriod { period: Date },
    /// `off_track` must not be above `at_risk`.
    ThresholdOrder,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

/// Where an id sits, spelled out only when a problem is reported.
#[derive(Clone, Copy)]
enum Loc {
    Field(&'static str),
    At(&'static str, usize),
}

struct Checker<'a> {
    root: &'a str,
    problems: Vec<Problem>,
    ids: HashMap<&'a Id, Loc>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, path: String, kind: ProblemKind) {
        self.problems.push(Problem { path, kind });
    }

    fn render(&self, loc: Loc) -> String {
        match loc {
            Loc::Field(name) => format!("{}.{name}", self.root),
            Loc::At(list, i) => format!("{}.{list}[{i}].id", self.root),
        }
    }

    fn id(&mut self, loc: Loc, id: &'a Id) {
        if id.is_empty() {
            self.report(self.render(loc), ProblemKind::MissingId);
        } else {
            match self.ids.entry(id) {
                Entry::Occupied(first) => {
                    let first = *first.get();
                    let kind = ProblemKind::DuplicateId { id: id.clone(), first: self.render(first) };
                    self.report(self.render(loc), kind);
                }
                Entry::Vacant(slot) => {
                    slot.insert(loc);
                }
            }
        }
    }

    // The checks below take the path as a closure: a large plan has tens of thousands of
    // values, and a path is only spelled out for a problem.
    fn range(&mut self, path: impl FnOnce() -> String, value: f64, min: f64, max: f64) {
        if !(value.is_finite() && value >= min && value <= max) {
            self.report(path(), ProblemKind::OutOfRange { min, max });
        }
    }

    fn number(&mut self, path: impl FnOnce() -> String, value: Option<f64>) {
        if let Some(v) = value {
            self.range(path, v, -MAX_MAGNITUDE, MAX_MAGNITUDE);
        }
    }

    fn date(&mut self, path: impl FnOnce() -> String, date: Option<&Date>) {
        if let Some(d) = date {
            if !d.is_valid() {
                self.report(path(), ProblemKind::BadDate { text: d.0.to_string() });
            }
        }
    }

    fn link(&mut self, path: impl FnOnce() -> String, id: &Id, targets: &HashSet<&Id>) {
        if !targets.contains(id) {
            self.report(path(), ProblemKind::DanglingLink { id: id.clone() });
        }
    }
}

thread_local! {
    /// The stamps of KPI values checks found sound (`Actuals::stamp`), of every plan
    /// checked (the open one, one being imported, the reader's warm-up), so that checking
    /// another plan does not make the next save check all values again; at most
    /// `SOUND_VALUES_KEPT`. A stamp is never taken twice, so one kept from an older
    /// version of the values can never match newer ones.
    static SOUND_VALUES: std::cell::RefCell<HashSet<u64>> = std::cell::RefCell::new(HashSet::default());
}

const SOUND_VALUES_KEPT: usize = 20_000;

/// Forgets which values were found sound: the next check checks all (for tests).
#[cfg(test)]
pub(crate) fn forget_sound_values() {
    SOUND_VALUES.with(|v| v.borrow_mut().clear());
}

/// All problems of `plan`, with paths under `root` (e.g. `plan`). Empty means valid.
pub fn validate(plan: &Plan, root: &str) -> Vec<Problem> {
    let mut c = Checker { root, problems: Vec::new(), ids: HashMap::default() };
    let info = &plan.information;
    let s = &plan.strategy;
    let p = |rest: &str| format!("{root}.{rest}");

    c.id(Loc::Field("id"), &plan.id);
    for (i, x) in info.opportunities_risks.iter().enumerate() {
        c.id(Loc::At("information.opportunities_risks", i), &x.id);
    }
    for (i, x) in info.tools.iter().enumerate() {
        c.id(Loc::At("information.tools", i), &x.id);
        c.range(|| p(&format!("information.tools[{i}].relevance")), f64::from(x.relevance), 1.0, 5.0);
    }
    for (i, x) in info.landscape.findings.iter().enumerate() {
        c.id(Loc::At("information.landscape.findings", i), &x.id);
        c.range(|| p(&format!("information.landscape.findings[{i}].weight")), f64::from(x.weight), 1.0, 5.0);
    }
    for (i, x) in info.audit.channels.iter().enumerate() {
        c.id(Loc::At("information.audit.channels", i), &x.id);
        c.date(|| p(&format!("information.audit.channels[{i}].since")), x.since.as_ref());
        if let Some(a) = x.audience {
            c.range(|| p(&format!("information.audit.channels[{i}].audience")), a as f64, 0.0, MAX_MAGNITUDE);
        }
    }
    for level in super::BenchmarkLevel::ALL {
        let key = serde_json::to_value(level).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let score = info.audit.benchmark.get(level);
        for (field, value) in [("current", score.current), ("ideal", score.ideal)] {
            if let Some(v) = value {
                c.range(|| p(&format!("information.audit.benchmark.{key}.{field}")), f64::from(v), 0.0, 10.0);
            }
        }
    }
    let swot = &info.swot;
    let quadrants = [
        ("information.swot.strengths", &swot.strengths),
        ("information.swot.weaknesses", &swot.weaknesses),
        ("information.swot.opportunities", &swot.opportunities),
        ("information.swot.threats", &swot.threats),
    ];
    for (list, items) in quadrants {
        for (i, x) in items.iter().enumerate() {
            c.id(Loc::At(list, i), &x.id);
        }
    }

    c.range(|| p("strategy.focus.horizon_years"), f64::from(s.focus.horizon_years), 1.0, 5.0);
    c.date(|| p("strategy.focus.start"), s.focus.start.as_ref());
    for (i, x) in s.business_objectives.iter().enumerate() {
        c.id(Loc::At("strategy.business_objectives", i), &x.id);
    }
    for (i, x) in s.objectives.iter().enumerate() {
        c.id(Loc::At("strategy.objectives", i), &x.id);
    }
    let mut sound_values = HashSet::default();
    for (i, k) in s.kpis.iter().enumerate() {
        c.id(Loc::At("strategy.kpis", i), &k.id);
        c.number(|| p(&format!("strategy.kpis[{i}].baseline")), k.baseline);
        c.number(|| p(&format!("strategy.kpis[{i}].target")), k.target);
        c.date(|| p(&format!("strategy.kpis[{i}].deadline")), k.deadline.as_ref());
        // Values found sound before (the same stamp, so the same values) are not checked
        // again: every save checks the plan, and most of a large plan is its KPI values.
        if SOUND_VALUES.with(|v| v.borrow().contains(&k.actuals.stamp())) {
            continue;
        }
        let found = c.problems.len();
        // Values are kept in order of their period, so a duplicate is rare: only then are
        // the periods collected to find it.
        let ordered = k.actuals.windows(2).all(|w| w[0].period < w[1].period);
        let mut periods = HashSet::default();
        for (j, a) in k.actuals.iter().enumerate() {
            // The hot loop of a large plan: paths are only spelled out for a problem.
            if !a.period.is_valid() {
                c.date(|| p(&format!("strategy.kpis[{i}].actuals[{j}].period")), Some(&a.period));
            }
            if !(a.value.is_finite() && a.value.abs() <= MAX_MAGNITUDE) {
                c.number(|| p(&format!("strategy.kpis[{i}].actuals[{j}].value")), Some(a.value));
            }
            if !ordered && !periods.insert(&a.period) {
                let kind = ProblemKind::DuplicatePeriod { period: a.period.clone() };
                c.report(p(&format!("strategy.kpis[{i}].actuals[{j}].period")), kind);
            }
        }
        if c.problems.len() == found {
            sound_values.insert(k.actuals.stamp());
        }
    }
    SOUND_VALUES.with(|v| {
        let mut v = v.borrow_mut();
        if v.len() + sound_values.len() > SOUND_VALUES_KEPT {
            v.clear();
        }
        v.extend(sound_values);
    });
    for (i, x) in s.tactics.iter().enumerate() {
        c.id(Loc::At("strategy.tactics", i), &x.id);
    }
    for (i, x) in s.indicators.iter().enumerate() {
        c.id(Loc::At("strategy.indicators", i), &x.id);
    }
    for (i, x) in s.relationships.iter().enumerate() {
        c.id(Loc::At("strategy.relationships", i), &x.id);
    }
    c.number(|| p("strategy.resources.hours_per_week"), s.resources.hours_per_week);
    c.number(|| p("strategy.resources.budget"), s.resources.budget);
    for (i, a) in plan.operative.actions.iter().enumerate() {
        c.id(Loc::At("operative.actions", i), &a.id);
        c.date(|| p(&format!("operative.actions[{i}].due")), a.due.as_ref());
    }
    let t = &plan.operative.thresholds;
    c.range(|| p("operative.thresholds.at_risk"), t.at_risk, 0.0, 1.0);
    c.range(|| p("operative.thresholds.off_track"), t.off_track, 0.0, 1.0);
    if t.off_track > t.at_risk {
        c.report(p("operative.thresholds.off_track"), ProblemKind::ThresholdOrder);
    }

    // Links: every one must point at an item of the right kind.
    let business: HashSet<&Id> = s.business_objectives.iter().map(|x| &x.id).collect();
    let objectives: HashSet<&Id> = s.objectives.iter().map(|x| &x.id).collect();
    let tactics: HashSet<&Id> = s.tactics.iter().map(|x| &x.id).collect();
    let findings: HashSet<&Id> = info.landscape.findings.iter().map(|x| &x.id).collect();
    for (i, o) in s.objectives.iter().enumerate() {
        for (j, b) in o.business_objectives.iter().enumerate() {
            c.link(|| p(&format!("strategy.objectives[{i}].business_objectives[{j}]")), b, &business);
        }
    }
    for (i, k) in s.kpis.iter().enumerate() {
        c.link(|| p(&format!("strategy.kpis[{i}].objective")), &k.objective, &objectives);
    }
    for (i, t) in s.tactics.iter().enumerate() {
        c.link(|| p(&format!("strategy.tactics[{i}].objective")), &t.objective, &objectives);
    }
    for (i, x) in s.indicators.iter().enumerate() {
        c.link(|| p(&format!("strategy.indicators[{i}].tactic")), &x.tactic, &tactics);
    }
    for (list, items) in quadrants {
        for (i, x) in items.iter().enumerate() {
            if let Some(f) = &x.finding {
                c.link(|| p(&format!("{list}[{i}].finding")), f, &findings);
            }
        }
    }
    for (i, a) in plan.operative.actions.iter().enumerate() {
        match &a.serves {
            Some(Serves::Objective(id)) => {
                c.link(|| p(&format!("operative.actions[{i}].serves.objective")), id, &objectives)
            }
            Some(Serves::Tactic(id)) => {
                c.link(|| p(&format!("operative.actions[{i}].serves.tactic")), id, &tactics)
            }
            None => {}
        }
    }
    c.problems.extend(super::workshop::problems(plan, root));
    c.problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actual, BusinessFunction, Kpi, Objective};

    #[test]
    fn values_found_sound_are_checked_again_once_they_change() {
        let mut plan = Plan::new("p".into(), "Plan", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
        *plan.strategy.objectives = vec![Objective { id: "o".into(), ..Objective::default() }];
        let actuals = (1..=3).map(|d| Actual { period: Date::new(2026, 1, d), value: 1.0, comment: String::new() }).collect();
        *plan.strategy.kpis = vec![Kpi { id: "k".into(), objective: "o".into(), actuals, ..Kpi::default() }];
        assert_eq!(validate(&plan, "plan"), vec![]);
        assert_eq!(validate(&plan, "plan"), vec![], "unchanged");
        plan.strategy.kpis[0].actuals[1].value = f64::NAN;
        assert!(matches!(validate(&plan, "plan")[..], [Problem { kind: ProblemKind::OutOfRange { .. }, .. }]));
        plan.strategy.kpis[0].actuals[1].value = 2.0;
        let period = plan.strategy.kpis[0].actuals[0].period.clone();
        plan.strategy.kpis[0].actuals[2].period = period;
        assert!(matches!(validate(&plan, "plan")[..], [Problem { kind: ProblemKind::DuplicatePeriod { .. }, .. }]));
        // A copy of sound values (the same stamp) is sound; a plan read anew is checked.
        plan.strategy.kpis[0].actuals[2].period = Date::new(2026, 1, 9);
        assert_eq!(validate(&plan, "plan"), vec![]);
        let copy = plan.clone();
        assert_eq!(validate(&copy, "plan"), vec![]);
        let mut text = serde_json::to_value(&plan).unwrap();
        text["strategy"]["kpis"][0]["actuals"][0]["period"] = "2026-02-30".into();
        let read: Plan = serde_json::from_value(text).unwrap();
        assert!(matches!(validate(&read, "plan")[..], [Problem { kind: ProblemKind::BadDate { .. }, .. }]));
    }
}
