//! The building blocks of the three phases, the seven steps of the strategic plan, and
//! how complete each of them is.

use super::{LandscapeLevel, Plan, ActionPlan, BenchmarkLevel, MaturityDimension};

/// The three phases, foundation first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    Information,
    Strategy,
    Operative,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Information, Phase::Strategy, Phase::Operative];

    pub fn slug(self) -> &'static str {
        match self {
            Phase::Information => "information",
            Phase::Strategy => "strategy",
            Phase::Operative => "operative",
        }
    }

    pub fn from_slug(s: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.slug() == s)
    }

    pub fn blocks(self) -> impl Iterator<Item = Block> {
        Block::ALL.into_iter().filter(move |b| b.phase() == self)
    }

    /// The phases this one stands on.
    pub fn below(self) -> &'static [Phase] {
        match self {
            Phase::Information => &[],
            Phase::Strategy => &[Phase::Information],
            Phase::Operative => &[Phase::Information, Phase::Strategy],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Block {
    OpportunitiesRisks,
    ToolsMethods,
    Landscape,
    Audit,
    Swot,
    Maturity,
    StrategicPlan,
    Post,
    WhySocialMedia,
    Relationships,
    Governance,
    BusinessIntegration,
    GoalSystem,
    Resources,
    Enabling,
    Organisation,
    Technical,
    KpiTracking,
}

impl Block {
    pub const ALL: [Block; 18] = [
        Block::OpportunitiesRisks,
        Block::ToolsMethods,
        Block::Landscape,
        Block::Audit,
        Block::Swot,
        Block::Maturity,
        Block::StrategicPlan,
        Block::Post,
        Block::WhySocialMedia,
        Block::Relationships,
        Block::Governance,
        Block::BusinessIntegration,
        Block::GoalSystem,
        Block::Resources,
        Block::Enabling,
        Block::Organisation,
        Block::Technical,
        Block::KpiTracking,
    ];

    pub fn phase(self) -> Phase {
        use Block::*;
        match self {
            OpportunitiesRisks | ToolsMethods | Landscape | Audit | Swot | Maturity => {
                Phase::Information
            }
            StrategicPlan | Post | WhySocialMedia | Relationships | Governance
            | BusinessIntegration | GoalSystem | Resources => Phase::Strategy,
            Enabling | Organisation | Technical | KpiTracking => Phase::Operative,
        }
    }

    pub fn slug(self) -> &'static str {
        use Block::*;
        match self {
            OpportunitiesRisks => "opportunities-risks",
            ToolsMethods => "tools-methods",
            Landscape => "landscape",
            Audit => "audit",
            Swot => "swot",
            Maturity => "maturity",
            StrategicPlan => "strategic-plan",
            Post => "post",
            WhySocialMedia => "why-social-media",
            Relationships => "relationships",
            Governance => "governance",
            BusinessIntegration => "business-integration",
            GoalSystem => "goal-system",
            Resources => "resources",
            Enabling => "enabling",
            Organisation => "organisation",
            Technical => "technical",
            KpiTracking => "kpi-tracking",
        }
    }

    pub fn from_slug(phase: Phase, s: &str) -> Option<Block> {
        phase.blocks().find(|b| b.slug() == s)
    }

    /// The block with this address slug, whatever its phase.
    pub fn by_slug(s: &str) -> Option<Block> {
        Block::ALL.into_iter().find(|b| b.slug() == s)
    }

    /// The block's key in files (`strategic_plan`): its slug in the file format's case.
    pub fn key(self) -> String {
        self.slug().replace('-', "_")
    }

    pub fn from_key(key: &str) -> Option<Block> {
        Block::ALL.into_iter().find(|b| b.key() == key)
    }

    /// The exercises that have a blank worksheet to print.
    pub const WORKSHEETS: [Block; 6] = [Block::Landscape, Block::Audit, Block::Swot, Block::Maturity, Block::StrategicPlan, Block::Post];

    /// A cornerstone without which the strategy is incomplete.
    pub fn is_cornerstone(self) -> bool {
        matches!(self, Block::BusinessIntegration | Block::GoalSystem | Block::Resources)
    }
}

/// The seven steps of the strategic plan, in the order the method insists on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Focus,
    BusinessObjectives,
    Mission,
    Objectives,
    Kpis,
    Tactics,
    Indicators,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Focus,
        Step::BusinessObjectives,
        Step::Mission,
        Step::Objectives,
        Step::Kpis,
        Step::Tactics,
        Step::Indicators,
    ];

    /// 1 to 7.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_number(n: u8) -> Option<Step> {
        Step::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }
}

impl std::ops::Add for Progress {
    type Output = Progress;

    fn add(self, other: Progress) -> Progress {
        Progress { done: self.done + other.done, total: self.total + other.total }
    }
}

/// How many of a block's parts are filled in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
}

impl Progress {
    fn of(checks: &[bool]) -> Progress {
        Progress { done: checks.iter().filter(|c| **c).count() as u32, total: checks.len() as u32 }
    }

    pub fn is_complete(self) -> bool {
        self.done == self.total
    }

    pub fn is_empty(self) -> bool {
        self.done == 0
    }

    /// Whole percent, rounded down so that 100 means really complete.
    pub fn percent(self) -> u32 {
        (self.done * 100).checked_div(self.total).unwrap_or(100)
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

/// How many of `items` hang on each id (`owner`), counted in one pass: a plan has hundreds
/// of tactics and thousands of indicators.
pub fn count_per<'a, T: 'a>(items: impl Iterator<Item = &'a T>, owner: impl Fn(&'a T) -> &'a super::Id) -> rustc_hash::FxHashMap<&'a str, usize> {
    let mut counts = rustc_hash::FxHashMap::default();
    for item in items {
        *counts.entry(owner(item).as_str()).or_insert(0) += 1;
    }
    counts
}

/// Whether a step of the strategic plan is done. Blank rows count nowhere: they neither
/// complete a step nor hold one back.
pub fn step_done(plan: &Plan, step: Step) -> bool {
    let s = &plan.strategy;
    let objectives = || s.objectives.iter().filter(|o| !o.is_blank());
    let tactics = || s.tactics.iter().filter(|t| !t.is_blank());
    let per_objective = |counts: rustc_hash::FxHashMap<&str, usize>, range: std::ops::RangeInclusive<usize>| {
        objectives().next().is_some() && objectives().all(|o| range.contains(&counts.get(o.id.as_str()).copied().unwrap_or(0)))
    };
    match step {
        // The function and horizon have defaults from the start; the focus is chosen once
        // the team also says when the plan starts.
        Step::Focus => (1..=5).contains(&s.focus.horizon_years) && s.focus.start.is_some(),
        Step::BusinessObjectives => s.business_objectives.iter().any(|b| !b.is_blank()),
        Step::Mission => filled(&s.mission),
        Step::Objectives => {
            objectives().next().is_some() && objectives().all(|o| !o.business_objectives.is_empty())
        }
        Step::Kpis => per_objective(count_per(s.kpis.iter().filter(|k| !k.is_blank()), |k| &k.objective), 1..=2),
        Step::Tactics => per_objective(count_per(tactics(), |t| &t.objective), 1..=usize::MAX),
        Step::Indicators => {
            let kept = count_per(s.indicators.iter().filter(|i| i.kept && !i.is_blank()), |i| &i.tactic);
            tactics().next().is_some() && tactics().all(|t| (2..=5).contains(&kept.get(t.id.as_str()).copied().unwrap_or(0)))
        }
    }
}

pub fn block_progress(plan: &Plan, block: Block) -> Progress {
    let info = &plan.information;
    let s = &plan.strategy;
    // Blank rows count nowhere: a block is never further along because of an empty row.
    let actions_in = |p: ActionPlan| plan.operative.actions.iter().any(|a| a.plan == p && !a.is_blank());
    let or_of = |kind| info.opportunities_risks.iter().any(|o| o.kind == kind && !o.is_blank());
    let any_item = |items: &[super::SwotItem]| items.iter().any(|x| !x.is_blank());
    match block {
        Block::OpportunitiesRisks => Progress::of(&[
            or_of(super::OpportunityRiskKind::Opportunity),
            or_of(super::OpportunityRiskKind::Risk),
        ]),
        Block::ToolsMethods => Progress::of(&[info.tools.iter().any(|t| !t.is_blank())]),
        Block::Landscape => {
            let mut checks: Vec<bool> = LandscapeLevel::ALL
                .iter()
                .map(|l| info.landscape.findings.iter().any(|f| f.level == *l && !f.is_blank()))
                .collect();
            checks.push(filled(&info.landscape.generic_strategy));
            Progress::of(&checks)
        }
        Block::Audit => {
            let a = &info.audit;
            let mut checks = vec![
                filled(&a.progress),
                filled(&a.channels_used),
                filled(&a.engagement),
                filled(&a.benefits),
                filled(&a.improvements),
                a.channels.iter().any(|c| !c.is_blank()),
            ];
            checks.extend(BenchmarkLevel::ALL.iter().map(|l| a.benchmark.get(*l).gap().is_some()));
            Progress::of(&checks)
        }
        Block::Swot => {
            let w = &info.swot;
            Progress::of(&[
                any_item(&w.strengths),
                any_item(&w.weaknesses),
                any_item(&w.opportunities),
                any_item(&w.threats),
                filled(&w.leverage_strengths),
                filled(&w.overcome_weaknesses),
                filled(&w.realise_opportunities),
                filled(&w.alleviate_threats),
            ])
        }
        Block::Maturity => {
            let checks: Vec<bool> = MaturityDimension::ALL
                .iter()
                .map(|d| info.maturity.answers.contains_key(d))
                .collect();
            Progress::of(&checks)
        }
        Block::StrategicPlan => {
            let checks: Vec<bool> = Step::ALL.iter().map(|st| step_done(plan, *st)).collect();
            Progress::of(&checks)
        }
        Block::Post => Progress::of(&[
            filled(&s.post.people),
            !s.post.objectives.is_empty(),
            filled(&s.post.strategy),
            filled(&s.post.technology),
        ]),
        // A reason that does not apply is left empty: one reason given completes it.
        Block::WhySocialMedia => Progress::of(&[filled(&s.why.marketing) || filled(&s.why.employee_engagement) || filled(&s.why.collaboration)]),
        Block::Relationships => Progress::of(&[s.relationships.iter().any(|r| !r.is_blank())]),
        Block::Governance => Progress::of(&[
            filled(&s.governance.policies),
            filled(&s.governance.guidelines),
            filled(&s.governance.processes),
            filled(&s.governance.education),
        ]),
        Block::BusinessIntegration => Progress::of(&[filled(&s.business_integration)]),
        Block::GoalSystem => Progress::of(&[filled(&s.goal_system)]),
        Block::Resources => Progress::of(&[
            filled(&s.resources.people),
            s.resources.hours_per_week.is_some(),
            s.resources.budget.is_some(),
            filled(&s.resources.tools),
        ]),
        Block::Enabling => Progress::of(&[actions_in(ActionPlan::Enabling)]),
        Block::Organisation => Progress::of(&[actions_in(ActionPlan::Organisation)]),
        Block::Technical => Progress::of(&[actions_in(ActionPlan::Technical)]),
        Block::KpiTracking => {
            let checks: Vec<bool> = s.kpis.iter().filter(|k| !k.is_blank()).map(|k| !k.actuals.is_empty()).collect();
            if checks.is_empty() {
                Progress { done: 0, total: 1 }
            } else {
                Progress::of(&checks)
            }
        }
    }
}

/// A phase's progress: every block counts the same, whatever its number of parts.
pub fn phase_progress(plan: &Plan, phase: Phase) -> Progress {
    phase_progress_of(phase, |b| block_progress(plan, b))
}

/// A phase's progress from its blocks' (`block`), for a caller that has them already.
pub fn phase_progress_of(phase: Phase, block: impl Fn(Block) -> Progress) -> Progress {
    phase.blocks().fold(Progress::default(), |acc, b| {
        let p = block(b);
        // Each block weighs 10 parts so a checklist of 13 items doesn't drown a single field.
        let scaled = (p.done * 10).checked_div(p.total).unwrap_or(10);
        acc + Progress { done: scaled, total: 10 }
    })
}

/// A place on the way through the method: a block, a step of the strategic plan, the plan
/// check that closes the steps, and the dashboard at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Block(Block),
    Step(Step),
    PlanCheck,
    Dashboard,
}

impl Place {
    /// Where the method goes next: the blocks in order (Information → Strategy →
    /// Operative), the strategic plan into its steps 1 to 7, step 7 to the plan check, the
    /// plan check on to the next block, KPI tracking to the dashboard.
    pub fn next(self) -> Option<Place> {
        let after = |b: Block| Block::ALL.iter().position(|x| *x == b).and_then(|i| Block::ALL.get(i + 1)).copied();
        match self {
            Place::Block(Block::StrategicPlan) => Some(Place::Step(Step::ALL[0])),
            Place::Block(b) => Some(after(b).map_or(Place::Dashboard, Place::Block)),
            Place::Step(s) => Some(Step::from_number(s.number() + 1).map_or(Place::PlanCheck, Place::Step)),
            Place::PlanCheck => after(Block::StrategicPlan).map(Place::Block),
            Place::Dashboard => None,
        }
    }
}

/// The cornerstones a complete strategy needs and this plan lacks.
/// Empty on a plan whose Strategy phase has not been started: there is nothing yet that
/// could be incomplete.
pub fn missing_cornerstones(plan: &Plan) -> Vec<Block> {
    missing_cornerstones_of(|b| block_progress(plan, b))
}

/// `missing_cornerstones` from the blocks' progress (`block`).
pub fn missing_cornerstones_of(block: impl Fn(Block) -> Progress) -> Vec<Block> {
    if phase_progress_of(Phase::Strategy, &block).is_empty() {
        return Vec::new();
    }
    Block::ALL.into_iter().filter(|b| b.is_cornerstone() && block(*b).is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BusinessFunction, Id, Kpi, Objective, Tactic, Indicator, BusinessObjective};

    #[test]
    fn the_way_through_the_method_visits_every_place_once_in_order() {
        let mut at = Place::Block(Block::ALL[0]);
        let mut seen = vec![at];
        while let Some(next) = at.next() {
            assert!(!seen.contains(&next), "{next:?} twice");
            seen.push(next);
            at = next;
        }
        let blocks: Vec<Block> = seen.iter().filter_map(|p| if let Place::Block(b) = p { Some(*b) } else { None }).collect();
        assert_eq!(blocks, Block::ALL.to_vec());
        let steps: Vec<Step> = seen.iter().filter_map(|p| if let Place::Step(s) = p { Some(*s) } else { None }).collect();
        assert_eq!(steps, Step::ALL.to_vec());
        // The phases follow each other once each: Information, Strategy, Operative.
        let mut phases: Vec<Phase> = blocks.iter().map(|b| b.phase()).collect();
        phases.dedup();
        assert_eq!(phases, Phase::ALL.to_vec());
        assert_eq!(Place::Step(Step::Indicators).next(), Some(Place::PlanCheck));
        assert_eq!(seen.last(), Some(&Place::Dashboard));
    }

    #[test]
    fn slugs_are_unique_and_round_trip() {
        for b in Block::ALL {
            assert_eq!(Block::from_slug(b.phase(), b.slug()), Some(b));
            assert_eq!(Block::ALL.iter().filter(|o| o.slug() == b.slug()).count(), 1);
        }
        for p in Phase::ALL {
            assert_eq!(Phase::from_slug(p.slug()), Some(p));
        }
        assert_eq!(Step::from_number(1), Some(Step::Focus));
        assert_eq!(Step::from_number(7), Some(Step::Indicators));
        assert_eq!(Step::from_number(0), None);
        assert_eq!(Step::from_number(8), None);
    }

    #[test]
    fn a_new_plan_shows_no_progress_it_does_not_have() {
        let mut plan = Plan::new(Id::from("p"), "P", BusinessFunction::Sales, "2026-01-01T00:00:00Z");
        assert_eq!(block_progress(&plan, Block::StrategicPlan), Progress { done: 0, total: 7 });
        for phase in Phase::ALL {
            assert_eq!(phase_progress(&plan, phase).done, 0, "{phase:?}");
        }
        assert!(missing_cornerstones(&plan).is_empty(), "nothing started, nothing incomplete");
        plan.strategy.focus.start = Some(crate::model::Date::new(2026, 1, 5));
        assert_eq!(block_progress(&plan, Block::StrategicPlan), Progress { done: 1, total: 7 });
        assert_eq!(missing_cornerstones(&plan).len(), 3);
    }

    #[test]
    fn kpi_step_wants_one_or_two_per_objective() {
        let mut plan = Plan::default();
        let s = &mut plan.strategy;
        s.business_objectives.push(BusinessObjective { id: Id::from("b"), text: "Grow".into() });
        s.objectives.push(Objective {
            id: Id::from("o"),
            text: "Fans".into(),
            business_objectives: vec![Id::from("b")],
            perspective: None,
        });
        assert!(step_done(&plan, Step::Objectives));
        assert!(!step_done(&plan, Step::Kpis));
        for n in 0..3 {
            plan.strategy.kpis.push(Kpi { id: Id(format!("k{n}")), objective: Id::from("o"), name: format!("KPI {n}"), ..Kpi::default() });
            assert_eq!(step_done(&plan, Step::Kpis), n < 2, "with {} KPIs", n + 1);
        }
        plan.strategy.tactics.push(Tactic { id: Id::from("t"), objective: Id::from("o"), text: "x".into() });
        assert!(step_done(&plan, Step::Tactics));
        assert!(!step_done(&plan, Step::Indicators));
        for n in 0..2 {
            plan.strategy.indicators.push(Indicator {
                id: Id(format!("i{n}")),
                tactic: Id::from("t"),
                text: "i".into(),
                kept: true,
            });
        }
        assert!(step_done(&plan, Step::Indicators));
    }

    /// A plan with one freshly added, empty row in every list, as the "Add" buttons make them.
    fn plan_of_blank_rows() -> Plan {
        use crate::model::{Action, Channel, Finding, OpportunityRisk, OpportunityRiskKind, Relationship, SwotItem, ToolEntry, Actual, Date};
        let mut plan = Plan::default();
        let info = &mut plan.information;
        for kind in [OpportunityRiskKind::Opportunity, OpportunityRiskKind::Risk] {
            info.opportunities_risks.push(OpportunityRisk { id: Id::from("or"), kind, title: " ".into(), ..Default::default() });
        }
        info.tools.push(ToolEntry { id: Id::from("t"), purpose: "ignored without a name".into(), ..Default::default() });
        for level in LandscapeLevel::ALL {
            info.landscape.findings.push(Finding { id: Id::from("f"), level, text: " \n\t".into(), ..Default::default() });
        }
        info.audit.channels.push(Channel { id: Id::from("c"), ..Default::default() });
        for q in 0..4 {
            info.swot.quadrant_mut(q).push(SwotItem { id: Id::from("s"), ..Default::default() });
        }
        plan.strategy.relationships.push(Relationship { id: Id::from("r"), kind: "partner".into(), ..Default::default() });
        plan.strategy.kpis.push(Kpi {
            id: Id::from("k"),
            actuals: vec![Actual { period: Date("2026-01-31".into()), value: 1.0, ..Default::default() }].into(),
            ..Default::default()
        });
        for ap in [ActionPlan::Enabling, ActionPlan::Organisation, ActionPlan::Technical] {
            plan.operative.actions.push(Action { id: Id::from("a"), plan: ap, title: "  ".into(), owner: "Ann".into(), ..Default::default() });
        }
        plan
    }

    #[test]
    fn blank_rows_make_no_progress() {
        let plan = plan_of_blank_rows();
        for b in Block::ALL.into_iter().filter(|b| *b != Block::StrategicPlan) {
            assert!(block_progress(&plan, b).is_empty(), "{b:?} counts a blank row: {:?}", block_progress(&plan, b));
        }
        assert_eq!(block_progress(&plan, Block::KpiTracking), Progress { done: 0, total: 1 });
        assert_eq!(phase_progress(&plan, Phase::Information).done, 0);
        assert_eq!(phase_progress(&plan, Phase::Operative).done, 0);
    }

    #[test]
    fn writing_in_a_blank_row_makes_it_count() {
        let mut plan = plan_of_blank_rows();
        let info = &mut plan.information;
        info.opportunities_risks[0].description = "New market".into();
        info.tools[0].name = "Scheduler".into();
        info.landscape.findings[2].text = "Customers ask on forums".into();
        info.audit.channels[0].name = "Blog".into();
        info.swot.weaknesses[0].text = "No time".into();
        plan.strategy.relationships[0].who = "Retailers".into();
        plan.strategy.kpis[0].name = "Fans".into();
        plan.operative.actions[1].title = "Write guidelines".into();
        let done = |b| block_progress(&plan, b).done;
        assert_eq!(done(Block::OpportunitiesRisks), 1);
        assert_eq!(done(Block::ToolsMethods), 1);
        assert_eq!(done(Block::Landscape), 1);
        assert_eq!(done(Block::Audit), 1);
        assert_eq!(done(Block::Swot), 1);
        assert_eq!(done(Block::Relationships), 1);
        assert_eq!(block_progress(&plan, Block::KpiTracking), Progress { done: 1, total: 1 });
        assert_eq!(done(Block::Enabling), 0);
        assert_eq!(done(Block::Organisation), 1);
        assert_eq!(done(Block::Technical), 0);
        assert!(phase_progress(&plan, Phase::Operative).done > 0);
    }

    #[test]
    fn blank_rows_neither_complete_nor_hold_back_a_step() {
        let mut plan = Plan::default();
        let s = &mut plan.strategy;
        s.business_objectives.push(BusinessObjective { id: Id::from("b0"), text: " ".into() });
        s.objectives.push(Objective { id: Id::from("o0"), text: String::new(), business_objectives: vec![Id::from("b0")], perspective: None });
        s.kpis.push(Kpi { id: Id::from("k0"), objective: Id::from("o0"), ..Kpi::default() });
        s.tactics.push(Tactic { id: Id::from("t0"), objective: Id::from("o0"), text: String::new() });
        s.indicators.push(Indicator { id: Id::from("i0"), tactic: Id::from("t0"), text: String::new(), kept: true });
        s.indicators.push(Indicator { id: Id::from("i1"), tactic: Id::from("t0"), text: String::new(), kept: true });
        for step in [Step::BusinessObjectives, Step::Objectives, Step::Kpis, Step::Tactics, Step::Indicators] {
            assert!(!step_done(&plan, step), "{step:?} is done by blank rows");
        }
        assert_eq!(block_progress(&plan, Block::StrategicPlan), Progress { done: 0, total: 7 });

        // Real rows beside the blank ones: the blank ones don't hold the steps back.
        let s = &mut plan.strategy;
        s.business_objectives.push(BusinessObjective { id: Id::from("b"), text: "Grow".into() });
        s.objectives.push(Objective { id: Id::from("o"), text: "Fans".into(), business_objectives: vec![Id::from("b")], perspective: None });
        s.kpis.push(Kpi { id: Id::from("k"), objective: Id::from("o"), name: "Fans".into(), ..Kpi::default() });
        s.kpis.push(Kpi { id: Id::from("k1"), objective: Id::from("o"), ..Kpi::default() });
        s.kpis.push(Kpi { id: Id::from("k2"), objective: Id::from("o"), name: "\t".into(), ..Kpi::default() });
        s.tactics.push(Tactic { id: Id::from("t"), objective: Id::from("o"), text: "Answer".into() });
        s.indicators.push(Indicator { id: Id::from("i2"), tactic: Id::from("t"), text: "Replies".into(), kept: true });
        s.indicators.push(Indicator { id: Id::from("i3"), tactic: Id::from("t"), text: String::new(), kept: true });
        for step in [Step::BusinessObjectives, Step::Objectives, Step::Kpis, Step::Tactics] {
            assert!(step_done(&plan, step), "{step:?} is held back by blank rows");
        }
        // One kept indicator with text is not two.
        assert!(!step_done(&plan, Step::Indicators));
        plan.strategy.indicators[3].text = "Response time".into();
        assert!(step_done(&plan, Step::Indicators));
    }

    #[test]
    fn blank_means_nothing_but_whitespace() {
        use crate::model::Action;
        assert!(Action::default().is_blank());
        assert!(Action { title: " \t\n".into(), notes: "notes alone are not an action".into(), ..Default::default() }.is_blank());
        assert!(!Action { title: "Train".into(), ..Default::default() }.is_blank());
        assert!(Kpi { unit: "%".into(), ..Kpi::default() }.is_blank());
        assert!(!Kpi { name: "Reach".into(), ..Kpi::default() }.is_blank());
        assert!(BusinessObjective::default().is_blank());
        assert!(!Objective { text: "x".into(), ..Default::default() }.is_blank());
        assert!(Tactic::default().is_blank());
        assert!(Indicator { kept: true, ..Default::default() }.is_blank());
    }

    #[test]
    fn progress_percent_rounds_down() {
        assert_eq!(Progress { done: 2, total: 3 }.percent(), 66);
        assert_eq!(Progress { done: 0, total: 0 }.percent(), 100);
        assert!(Progress { done: 3, total: 3 }.is_complete());
    }
}
