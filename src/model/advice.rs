//! The Strategy phase's rules: how much hangs on an objective, the
//! SMART advice on objectives and KPIs, the order warning, the structure gaps of a plan
//! check, the KPI library, and promoting a kept indicator to a KPI. Advice never blocks:
//! it is shown beside what the team wrote.

use super::{BusinessGoal, Date, Direction, Frequency, Id, Kpi, Perspective, Plan, Strategy};

impl Strategy {
    /// The letter (A, B, C …) of a business objective, by id.
    pub fn letter_of(&self, id: &Id) -> Option<String> {
        self.business_objectives.iter().position(|b| &b.id == id).map(super::letter)
    }

    /// How many KPIs and tactics hang on an objective.
    pub fn dependents(&self, objective: &Id) -> (usize, usize) {
        (
            self.kpis.iter().filter(|k| &k.objective == objective).count(),
            self.tactics.iter().filter(|t| &t.objective == objective).count(),
        )
    }

    /// Makes a KPI of a kept indicator, on the objective of the indicator's tactic. The new
    /// KPI starts with the plan's default frequency and the deadline at the horizon's end.
    pub fn promote_indicator(&mut self, indicator: &Id, new_id: Id) -> Option<Id> {
        let ind = self.indicators.iter().find(|i| &i.id == indicator && i.kept)?;
        let objective = self.tactics.iter().find(|t| t.id == ind.tactic)?.objective.clone();
        let kpi = Kpi { id: new_id.clone(), objective, name: ind.text.clone(), deadline: self.horizon_end(), ..Default::default() };
        self.kpis.push(kpi);
        Some(new_id)
    }

    /// The last day of the time horizon, when the plan has a start.
    pub fn horizon_end(&self) -> Option<Date> {
        let (y, m, d) = self.focus.start.as_ref()?.parts()?;
        let y = y + i32::from(self.focus.horizon_years.max(1));
        // 29 February plus whole years lands on 28 February in common years.
        Some([Date::new(y, m, d), Date::new(y, m, d.min(28))].into_iter().find(Date::is_valid)?)
    }

    /// Tactics written while objectives or KPIs are still missing: the method puts them last.
    pub fn tactics_before_objectives(&self) -> bool {
        let objectives: Vec<_> = self.objectives.iter().filter(|o| !o.is_blank()).collect();
        self.tactics.iter().any(|t| !t.is_blank())
            && (objectives.is_empty() || objectives.iter().any(|o| !self.kpis.iter().any(|k| k.objective == o.id && !k.is_blank())))
    }
}

/// A gap in the structure of the strategic plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    NoBusinessObjective,
    BusinessObjectiveUnserved(Id),
    ObjectiveUnlinked(Id),
    /// An objective with this many KPIs: 0, or more than 2.
    KpiCount(Id, usize),
    ObjectiveWithoutTactic(Id),
    /// A tactic with this many kept indicators: fewer than 2 or more than 5.
    KeptCount(Id, usize),
    /// A KPI without what its pace needs: which of baseline, target and deadline it lacks.
    KpiIncomplete(Id, [bool; 3]),
}

/// Everything missing or out of proportion in the strategic plan, in the order of the steps.
/// Blank rows (just added, nothing written yet) are not part of the plan yet.
pub fn plan_check(plan: &Plan) -> Vec<Gap> {
    let s = &plan.strategy;
    let business: Vec<_> = s.business_objectives.iter().filter(|b| !b.is_blank()).collect();
    let objectives: Vec<_> = s.objectives.iter().filter(|o| !o.is_blank()).collect();
    let tactics: Vec<_> = s.tactics.iter().filter(|t| !t.is_blank()).collect();
    let mut gaps = Vec::new();
    if business.is_empty() {
        gaps.push(Gap::NoBusinessObjective);
    }
    for b in &business {
        if !objectives.iter().any(|o| o.business_objectives.contains(&b.id)) {
            gaps.push(Gap::BusinessObjectiveUnserved(b.id.clone()));
        }
    }
    for o in &objectives {
        if o.business_objectives.is_empty() {
            gaps.push(Gap::ObjectiveUnlinked(o.id.clone()));
        }
        let kpis = s.kpis.iter().filter(|k| k.objective == o.id && !k.is_blank()).count();
        if kpis == 0 || kpis > 2 {
            gaps.push(Gap::KpiCount(o.id.clone(), kpis));
        }
        if !tactics.iter().any(|t| t.objective == o.id) {
            gaps.push(Gap::ObjectiveWithoutTactic(o.id.clone()));
        }
    }
    for k in s.kpis.iter().filter(|k| !k.is_blank()) {
        let missing = [k.baseline.is_none(), k.target.is_none(), k.deadline.is_none()];
        if missing.contains(&true) {
            gaps.push(Gap::KpiIncomplete(k.id.clone(), missing));
        }
    }
    for t in &tactics {
        let kept = s.indicators.iter().filter(|i| i.tactic == t.id && i.kept && !i.is_blank()).count();
        if !(2..=5).contains(&kept) {
            gaps.push(Gap::KeptCount(t.id.clone(), kept));
        }
    }
    gaps
}

/// One SMART letter's advice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Smart {
    /// S: vague words without a number.
    Vague,
    /// M: no number, no "from X to Y".
    NoNumber,
    /// R: an activity where an outcome belongs.
    Activity,
    /// R: not linked to a business objective (objectives) or business goal (KPIs).
    NoLink,
    /// T: no deadline.
    NoDeadline,
    /// T: a deadline past the time horizon.
    PastHorizon,
    /// A: a target implausibly far from the baseline.
    Implausible,
    /// M: a KPI without a target.
    NoTarget,
}

impl Smart {
    /// The letter of SMART the advice belongs to.
    pub fn letter(self) -> char {
        match self {
            Smart::Vague => 'S',
            Smart::NoNumber | Smart::NoTarget => 'M',
            Smart::Implausible => 'A',
            Smart::Activity | Smart::NoLink => 'R',
            Smart::NoDeadline | Smart::PastHorizon => 'T',
        }
    }
}

/// Vague words, by language (English, German, Bulgarian); matched at the start of words.
const VAGUE: [&[&str]; 3] = [
    &["more", "better", "improve", "increase", "grow", "boost", "enhance", "some", "many", "lots", "strong", "maximi", "optimi"],
    &["mehr", "besser", "verbesser", "steiger", "erhöh", "stärk", "einige", "viele", "optimier", "maximier", "ausbau"],
    &["повече", "по-добр", "подобр", "увелич", "повиш", "засил", "някои", "много", "оптимизир", "максимизир", "разшир"],
];

/// Activities that are tactics, not outcomes, by language.
const ACTIVITIES: [&[&str]; 3] = [
    &["post", "publish", "launch", "tweet", "upload", "share", "create a", "set up", "run a", "send"],
    &["poste", "posten", "veröffentlich", "starten", "launch", "hochlad", "teilen", "erstell", "einricht", "versend"],
    &["публикува", "пуска", "стартира", "качва", "споделя", "създава", "създаде", "изпраща", "направи"],
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

fn has_word_starting(text: &str, lists: &[&[&str]; 3]) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<String> = words(text).collect();
    lists.iter().flat_map(|l| l.iter()).any(|stem| {
        if stem.contains(' ') {
            lower.contains(stem)
        } else {
            words.iter().any(|w| w.starts_with(stem))
        }
    })
}

/// An activity word, not counting units such as "per post" or "pro Beitrag".
fn names_activity(text: &str) -> bool {
    let words: Vec<String> = words(text).collect();
    let unit = |i: usize| i > 0 && ["per", "pro", "je", "на", "за"].contains(&words[i - 1].as_str());
    let single = ACTIVITIES.iter().flat_map(|l| l.iter()).filter(|s| !s.contains(' '));
    let lower = text.to_lowercase();
    single.clone().any(|stem| words.iter().enumerate().any(|(i, w)| w.starts_with(stem) && !unit(i)))
        || ACTIVITIES.iter().flat_map(|l| l.iter()).filter(|s| s.contains(' ')).any(|phrase| lower.contains(phrase))
}

fn numbers_in(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).count()
}

/// SMART advice on a social media objective.
pub fn smart_objective(plan: &Plan, objective: &Id) -> Vec<Smart> {
    let s = &plan.strategy;
    let Some(o) = s.objectives.iter().find(|o| &o.id == objective) else { return Vec::new() };
    let text = o.text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let numbers = numbers_in(text);
    if numbers == 0 && has_word_starting(text, &VAGUE) {
        out.push(Smart::Vague);
    }
    if numbers == 0 {
        out.push(Smart::NoNumber);
    }
    if names_activity(text) {
        out.push(Smart::Activity);
    }
    if o.business_objectives.is_empty() {
        out.push(Smart::NoLink);
    }
    let has_year = text.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() == 4 && n.starts_with("20"));
    let kpi_deadline = s.kpis.iter().any(|k| &k.objective == objective && k.deadline.is_some());
    if !has_year && !kpi_deadline {
        out.push(Smart::NoDeadline);
    }
    out
}

/// SMART advice on a KPI.
pub fn smart_kpi(plan: &Plan, kpi: &Id) -> Vec<Smart> {
    let s = &plan.strategy;
    let Some(k) = s.kpis.iter().find(|k| &k.id == kpi) else { return Vec::new() };
    let mut out = Vec::new();
    if names_activity(&k.name) {
        out.push(Smart::Activity);
    }
    if k.target.is_none() {
        out.push(Smart::NoTarget);
    }
    if let (Some(b), Some(t)) = (k.baseline, k.target) {
        if implausible(b, t, k.direction) {
            out.push(Smart::Implausible);
        }
    }
    if k.business_goal.is_none() {
        out.push(Smart::NoLink);
    }
    match (&k.deadline, s.horizon_end()) {
        (None, _) => out.push(Smart::NoDeadline),
        (Some(d), Some(end)) if d.0 > end.0 => out.push(Smart::PastHorizon),
        _ => {}
    }
    out
}

/// A target more than ten times the baseline (or a tenth of it, when lower is better), or
/// one that moves the wrong way.
fn implausible(baseline: f64, target: f64, direction: Direction) -> bool {
    let (from, to) = match direction {
        Direction::HigherIsBetter => (baseline, target),
        Direction::LowerIsBetter => (target, baseline),
    };
    if from < 0.0 || to < 0.0 {
        return false;
    }
    to < from || (from > 0.0 && to / from > 10.0)
}

/// What a suggested KPI is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Awareness,
    Engagement,
    Conversion,
    CustomerService,
    Cost,
    EmployeeEngagement,
}

impl Purpose {
    pub const ALL: [Purpose; 6] =
        [Purpose::Awareness, Purpose::Engagement, Purpose::Conversion, Purpose::CustomerService, Purpose::Cost, Purpose::EmployeeEngagement];
}

/// A suggestion of the KPI library; its name and unit are texts of the app's languages,
/// at the same index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KpiTemplate {
    pub purpose: Purpose,
    pub goal: BusinessGoal,
    pub perspective: Perspective,
    pub direction: Direction,
    pub frequency: Frequency,
}

const fn t(purpose: Purpose, goal: BusinessGoal, perspective: Perspective, direction: Direction, frequency: Frequency) -> KpiTemplate {
    KpiTemplate { purpose, goal, perspective, direction, frequency }
}

use BusinessGoal::{IncreaseRevenue as Revenue, IncreaseSatisfaction as Satisfaction, ReduceCosts as Costs};
use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};
use Frequency::{Monthly, Quarterly, Weekly};
use Perspective::{Customer, Financial, InternalProcess as Process, LearningGrowth as Learning};

pub const LIBRARY: [KpiTemplate; 18] = [
    t(Purpose::Awareness, Revenue, Customer, Up, Weekly),
    t(Purpose::Awareness, Revenue, Customer, Up, Monthly),
    t(Purpose::Awareness, Revenue, Customer, Up, Monthly),
    t(Purpose::Engagement, Satisfaction, Customer, Up, Weekly),
    t(Purpose::Engagement, Satisfaction, Customer, Up, Monthly),
    t(Purpose::Engagement, Revenue, Customer, Up, Weekly),
    t(Purpose::Conversion, Revenue, Financial, Up, Weekly),
    t(Purpose::Conversion, Revenue, Financial, Up, Monthly),
    t(Purpose::Conversion, Revenue, Financial, Up, Monthly),
    t(Purpose::CustomerService, Satisfaction, Process, Down, Weekly),
    t(Purpose::CustomerService, Satisfaction, Customer, Up, Monthly),
    t(Purpose::CustomerService, Satisfaction, Customer, Up, Monthly),
    t(Purpose::Cost, Costs, Financial, Down, Monthly),
    t(Purpose::Cost, Costs, Process, Up, Monthly),
    t(Purpose::Cost, Costs, Financial, Down, Quarterly),
    t(Purpose::EmployeeEngagement, Revenue, Learning, Up, Monthly),
    t(Purpose::EmployeeEngagement, Costs, Learning, Up, Quarterly),
    t(Purpose::EmployeeEngagement, Satisfaction, Learning, Up, Quarterly),
];

impl KpiTemplate {
    /// A KPI of `objective` made from the suggestion, named and measured in the team's language.
    pub fn to_kpi(&self, id: Id, objective: Id, name: &str, unit: &str, deadline: Option<Date>) -> Kpi {
        Kpi {
            id,
            objective,
            name: name.to_owned(),
            business_goal: Some(self.goal),
            unit: unit.to_owned(),
            direction: self.direction,
            frequency: self.frequency,
            deadline,
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BusinessObjective, Indicator, Objective, Tactic};

    fn id(s: &str) -> Id {
        Id::from(s)
    }

    fn plan() -> Plan {
        let mut p = Plan::default();
        p.id = id("plan");
        let s = &mut p.strategy;
        s.focus.start = Some(Date::new(2026, 1, 1));
        s.focus.horizon_years = 2;
        s.business_objectives = vec![BusinessObjective { id: id("A"), text: "Grow revenue".into() }, BusinessObjective { id: id("B"), text: "Cut costs".into() }];
        *s.objectives = vec![
            Objective { id: id("o1"), text: "Raise webshop orders from social from 40 to 90 a month by 2027".into(), business_objectives: vec![id("A"), id("B")], perspective: None },
            Objective { id: id("o2"), text: "More engagement".into(), business_objectives: vec![id("B")], perspective: None },
        ];
        *s.kpis = vec![Kpi { id: id("k1"), objective: id("o1"), name: "Orders".into(), ..Default::default() }];
        *s.tactics = vec![Tactic { id: id("t1"), objective: id("o2"), text: "Weekly live tasting".into() }, Tactic { id: id("t2"), objective: id("o2"), text: "Stories".into() }];
        *s.indicators = vec![
            Indicator { id: id("i1"), tactic: id("t1"), text: "Viewers".into(), kept: true },
            Indicator { id: id("i2"), tactic: id("t1"), text: "Questions asked".into(), kept: true },
            Indicator { id: id("i3"), tactic: id("t2"), text: "Taps".into(), kept: false },
        ];
        p
    }

    #[test]
    fn letters_follow_the_order_and_links_survive_removal() {
        let mut p = plan();
        assert_eq!(p.strategy.letter_of(&id("B")), Some("B".into()));
        p.remove(&id("A"));
        assert_eq!(p.strategy.letter_of(&id("B")), Some("A".into()), "B moves up to A");
        assert_eq!(p.strategy.objectives[0].business_objectives, vec![id("B")]);
        assert_eq!(crate::model::validate::validate(&p, "plan"), vec![]);
    }

    #[test]
    fn removing_an_objective_takes_or_moves_what_hangs_on_it() {
        let mut p = plan();
        assert_eq!(p.strategy.dependents(&id("o2")), (0, 2));
        p.remove(&id("o2"));
        assert!(p.strategy.tactics.is_empty());
        assert!(p.strategy.indicators.is_empty(), "indicators of removed tactics go too");
        assert_eq!(p.strategy.kpis.len(), 1);

        let mut p = plan();
        assert!(p.remove_moving(&id("o2"), &id("o2")).is_none());
        assert!(p.remove_moving(&id("o2"), &id("nowhere")).is_none());
        assert!(p.remove_moving(&id("o2"), &id("o1")).is_some());
        assert!(p.strategy.tactics.iter().all(|t| t.objective == id("o1")));
        assert_eq!(p.strategy.indicators.len(), 3);
        assert_eq!(crate::model::validate::validate(&p, "plan"), vec![]);

        let mut p = plan();
        p.remove(&id("t1"));
        assert_eq!(p.strategy.indicators.len(), 1);
    }

    #[test]
    fn plan_check_names_every_gap() {
        let p = plan();
        assert_eq!(
            plan_check(&p),
            vec![Gap::ObjectiveWithoutTactic(id("o1")), Gap::KpiCount(id("o2"), 0), Gap::KpiIncomplete(id("k1"), [true; 3]), Gap::KeptCount(id("t2"), 0)]
        );
        assert_eq!(plan_check(&Plan::default()), vec![Gap::NoBusinessObjective]);
        let mut p = plan();
        p.strategy.objectives[0].business_objectives.clear();
        p.strategy.kpis.extend((2..=4).map(|n| Kpi { id: id(&format!("k{n}")), objective: id("o1"), name: format!("KPI {n}"), ..Default::default() }));
        p.strategy.kpis.push(Kpi { id: id("blank"), objective: id("o1"), ..Default::default() });
        let gaps = plan_check(&p);
        assert!(gaps.contains(&Gap::BusinessObjectiveUnserved(id("A"))));
        assert!(gaps.contains(&Gap::ObjectiveUnlinked(id("o1"))));
        assert!(gaps.contains(&Gap::KpiCount(id("o1"), 4)), "a blank KPI row is not counted");
        assert!(!gaps.contains(&Gap::KpiIncomplete(id("blank"), [true; 3])), "nor asked for its numbers");
        // What is missing is named: here only the deadline.
        let mut p = plan();
        let k = &mut p.strategy.kpis[0];
        (k.baseline, k.target) = (Some(40.0), Some(90.0));
        assert!(plan_check(&p).contains(&Gap::KpiIncomplete(id("k1"), [false, false, true])));
        p.strategy.kpis[0].deadline = Some(Date::new(2027, 6, 30));
        assert!(!plan_check(&p).iter().any(|g| matches!(g, Gap::KpiIncomplete(..))));
    }

    #[test]
    fn order_warning_when_tactics_come_first() {
        let mut p = plan();
        assert!(p.strategy.tactics_before_objectives(), "o2 has tactics but no KPI");
        p.strategy.kpis.push(Kpi { id: id("k2"), objective: id("o2"), ..Default::default() });
        assert!(p.strategy.tactics_before_objectives(), "a blank KPI row is no KPI yet");
        p.strategy.kpis.last_mut().unwrap().name = "Visits".into();
        assert!(!p.strategy.tactics_before_objectives());
        p.strategy.tactics.clear();
        p.strategy.objectives.clear();
        assert!(!p.strategy.tactics_before_objectives());
    }

    fn objective_advice(text: &str, linked: bool) -> Vec<Smart> {
        let mut p = plan();
        p.strategy.objectives[1].text = text.into();
        if !linked {
            p.strategy.objectives[1].business_objectives.clear();
        }
        smart_objective(&p, &id("o2"))
    }

    #[test]
    fn smart_objectives_in_three_languages() {
        use Smart::*;
        assert_eq!(objective_advice("More engagement", true), vec![Vague, NoNumber, NoDeadline]);
        assert_eq!(objective_advice("Mehr Interaktion mit Kunden", true), vec![Vague, NoNumber, NoDeadline]);
        assert_eq!(objective_advice("Повече ангажираност", true), vec![Vague, NoNumber, NoDeadline]);
        assert_eq!(objective_advice("Post three videos a week in 2026", true), vec![Activity]);
        assert_eq!(objective_advice("Drei Videos pro Woche veröffentlichen bis 2026", true), vec![Activity]);
        assert_eq!(objective_advice("Публикуване на 3 видеа седмично до 2026", true), vec![Activity]);
        assert_eq!(objective_advice("Increase repeat buyers from 20 to 35 % by 2027", true), vec![]);
        assert_eq!(objective_advice("Increase repeat buyers from 20 to 35 % by 2027", false), vec![NoLink]);
        assert_eq!(objective_advice("   ", false), vec![], "nothing written, nothing to advise");
        // A deadline on one of its KPIs counts for the objective.
        assert_eq!(smart_objective(&plan(), &id("o1")), vec![]);
    }

    #[test]
    fn smart_kpis() {
        use Smart::*;
        let mut p = plan();
        assert_eq!(smart_kpi(&p, &id("k1")), vec![NoTarget, NoLink, NoDeadline]);
        let k = &mut p.strategy.kpis[0];
        k.baseline = Some(40.0);
        k.target = Some(900.0);
        k.business_goal = Some(BusinessGoal::IncreaseRevenue);
        k.deadline = Some(Date::new(2029, 6, 30));
        assert_eq!(smart_kpi(&p, &id("k1")), vec![Implausible, PastHorizon]);
        let k = &mut p.strategy.kpis[0];
        k.target = Some(90.0);
        k.deadline = Some(Date::new(2027, 12, 31));
        assert_eq!(smart_kpi(&p, &id("k1")), vec![]);
        // Lower is better: a response time from 10 hours down to 2 is plausible, up to 20 is not.
        let k = &mut p.strategy.kpis[0];
        k.direction = Direction::LowerIsBetter;
        k.baseline = Some(10.0);
        k.target = Some(2.0);
        assert_eq!(smart_kpi(&p, &id("k1")), vec![]);
        p.strategy.kpis[0].target = Some(20.0);
        assert_eq!(smart_kpi(&p, &id("k1")), vec![Implausible]);
        p.strategy.kpis[0].name = "Engagement rate per post".into();
        assert_eq!(smart_kpi(&p, &id("k1")), vec![Implausible], "a unit, not an activity");
        p.strategy.kpis[0].name = "Stories posted".into();
        assert_eq!(smart_kpi(&p, &id("k1")), vec![Activity, Implausible]);
        assert_eq!(Smart::Implausible.letter(), 'A');
    }

    #[test]
    fn horizon_end_and_promotion() {
        let mut p = plan();
        assert_eq!(p.strategy.horizon_end(), Some(Date::new(2028, 1, 1)));
        p.strategy.focus.start = Some(Date::new(2024, 2, 29));
        p.strategy.focus.horizon_years = 1;
        assert_eq!(p.strategy.horizon_end(), Some(Date::new(2025, 2, 28)));
        assert_eq!(p.strategy.promote_indicator(&id("i3"), id("k9")), None, "only kept indicators");
        assert_eq!(p.strategy.promote_indicator(&id("i1"), id("k9")), Some(id("k9")));
        let k = p.strategy.kpis.last().unwrap();
        assert_eq!((k.name.as_str(), &k.objective, &k.deadline), ("Viewers", &id("o2"), &Some(Date::new(2025, 2, 28))));
    }

    #[test]
    fn library_covers_every_purpose() {
        for purpose in Purpose::ALL {
            assert!(LIBRARY.iter().filter(|t| t.purpose == purpose).count() >= 3);
        }
        let k = LIBRARY[9].to_kpi(id("k"), id("o1"), "Response time", "hours", None);
        assert_eq!((k.direction, k.business_goal), (Direction::LowerIsBetter, Some(BusinessGoal::IncreaseSatisfaction)));
    }
}
