//! The Information phase: the foundation of the model. Opportunities and risks, the
//! tools and methods inventory, Exercise 1 (landscape), Exercise 2 (internal audit),
//! Exercise 3 (readiness SWOT) and the maturity self-assessment.

use super::{Date, Id, Stamped};
use super::json::keyed_enum;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Information {
    pub opportunities_risks: Vec<OpportunityRisk>,
    pub tools: Vec<ToolEntry>,
    pub landscape: Landscape,
    pub audit: Audit,
    pub swot: Swot,
    pub maturity: Maturity,
}

keyed_enum! {
    /// Whether an entry of the opportunities & risks list helps or endangers the business.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum OpportunityRiskKind {
        #[default]
        Opportunity = "opportunity",
        Risk = "risk",
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct OpportunityRisk {
    pub id: Id,
    pub kind: OpportunityRiskKind,
    pub title: String,
    pub description: String,
}

/// Whether a text field holds nothing but whitespace: such a row is not data.
fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

impl OpportunityRisk {
    /// Neither title nor description written: an empty row that counts nowhere.
    pub fn is_blank(&self) -> bool {
        blank(&self.title) && blank(&self.description)
    }
}

keyed_enum! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum ToolUsage {
        #[default]
        NotUsed = "not_used",
        Evaluating = "evaluating",
        InUse = "in_use",
    }
}

/// One tool, platform or method of the inventory, with its relevance (1–5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ToolEntry {
    pub id: Id,
    pub name: String,
    pub purpose: String,
    pub usage: ToolUsage,
    pub how: String,
    pub relevance: u8,
}

impl Default for ToolEntry {
    fn default() -> Self {
        ToolEntry {
            id: Id::default(),
            name: String::new(),
            purpose: String::new(),
            usage: ToolUsage::default(),
            how: String::new(),
            relevance: 3,
        }
    }
}

impl ToolEntry {
    /// No name: an empty row that counts nowhere.
    pub fn is_blank(&self) -> bool {
        blank(&self.name)
    }
}

keyed_enum! {
    /// The five levels of Exercise 1, in the method's order.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum LandscapeLevel {
        #[default]
        Applications = "applications",
        Impact = "impact",
        Customers = "customers",
        Conversations = "conversations",
        Features = "features",
    }
}

keyed_enum! {
    /// A landscape finding is an opportunity or a threat.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum Polarity {
        #[default]
        Opportunity = "opportunity",
        Threat = "threat",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Finding {
    pub id: Id,
    pub level: LandscapeLevel,
    pub text: String,
    pub polarity: Polarity,
    /// 1 (minor) to 5 (decisive).
    pub weight: u8,
}

impl Default for Finding {
    fn default() -> Self {
        Finding {
            id: Id::default(),
            level: LandscapeLevel::default(),
            text: String::new(),
            polarity: Polarity::default(),
            weight: 3,
        }
    }
}

impl Finding {
    /// No text: an empty row that counts nowhere, not in the summary, the completeness
    /// or the SWOT pull.
    pub fn is_blank(&self) -> bool {
        blank(&self.text)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Landscape {
    pub findings: Stamped<Finding>,
    /// The generic strategy the landscape suggests, in the team's words.
    pub generic_strategy: String,
}

keyed_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum EngagementLevel {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

/// One row of the channels table of Exercise 2.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Channel {
    pub id: Id,
    pub name: String,
    pub since: Option<Date>,
    pub audience: Option<u64>,
    pub engagement: Option<EngagementLevel>,
    pub owner: String,
    pub notes: String,
}

impl Channel {
    /// No name: an empty row that counts nowhere.
    pub fn is_blank(&self) -> bool {
        blank(&self.name)
    }
}

keyed_enum! {
    /// The five benchmark levels of Exercise 2.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum BenchmarkLevel {
        Landscape = "landscape",
        GenericStrategy = "generic_strategy",
        BestPractice = "best_practice",
        Kpis = "kpis",
        StrategicGap = "strategic_gap",
    }
}

/// Current and ideal score (0–10) of one benchmark level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct BenchmarkScore {
    pub current: Option<u8>,
    pub ideal: Option<u8>,
    pub note: String,
}

impl BenchmarkScore {
    /// Ideal minus current, when both are scored.
    pub fn gap(&self) -> Option<i16> {
        Some(i16::from(self.ideal?) - i16::from(self.current?))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Benchmark {
    pub landscape: BenchmarkScore,
    pub generic_strategy: BenchmarkScore,
    pub best_practice: BenchmarkScore,
    pub kpis: BenchmarkScore,
    pub strategic_gap: BenchmarkScore,
}

impl Benchmark {
    pub fn get(&self, level: BenchmarkLevel) -> &BenchmarkScore {
        match level {
            BenchmarkLevel::Landscape => &self.landscape,
            BenchmarkLevel::GenericStrategy => &self.generic_strategy,
            BenchmarkLevel::BestPractice => &self.best_practice,
            BenchmarkLevel::Kpis => &self.kpis,
            BenchmarkLevel::StrategicGap => &self.strategic_gap,
        }
    }

    pub fn get_mut(&mut self, level: BenchmarkLevel) -> &mut BenchmarkScore {
        match level {
            BenchmarkLevel::Landscape => &mut self.landscape,
            BenchmarkLevel::GenericStrategy => &mut self.generic_strategy,
            BenchmarkLevel::BestPractice => &mut self.best_practice,
            BenchmarkLevel::Kpis => &mut self.kpis,
            BenchmarkLevel::StrategicGap => &mut self.strategic_gap,
        }
    }
}

/// Exercise 2: the audit questions, the channels table and the benchmark.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Audit {
    pub progress: String,
    pub channels_used: String,
    pub engagement: String,
    pub benefits: String,
    pub improvements: String,
    pub channels: Stamped<Channel>,
    pub benchmark: Benchmark,
}

/// One entry of a SWOT quadrant; `finding` links it to the Exercise 1 finding it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SwotItem {
    pub id: Id,
    pub text: String,
    pub finding: Option<Id>,
}

impl SwotItem {
    /// No text: an empty entry that counts nowhere.
    pub fn is_blank(&self) -> bool {
        blank(&self.text)
    }
}

/// Exercise 3: readiness to engage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Swot {
    pub strengths: Vec<SwotItem>,
    pub weaknesses: Vec<SwotItem>,
    pub opportunities: Vec<SwotItem>,
    pub threats: Vec<SwotItem>,
    pub leverage_strengths: String,
    pub overcome_weaknesses: String,
    pub realise_opportunities: String,
    pub alleviate_threats: String,
}

keyed_enum! {
    /// The six stages of the "Evolution of Social Business" (Altimeter Group), lowest first.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum Stage {
        Planning = "planning",
        Presence = "presence",
        Engagement = "engagement",
        Formalized = "formalized",
        Strategic = "strategic",
        Converged = "converged",
    }
}

impl Stage {
    /// Share of companies per stage in percent (Altimeter Group, as cited in the course material).
    pub fn benchmark_share(self) -> f64 {
        match self {
            Stage::Planning => 6.0,
            Stage::Presence => 25.0,
            Stage::Engagement => 26.0,
            Stage::Formalized => 26.0,
            Stage::Strategic => 14.0,
            Stage::Converged => 3.0,
        }
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self as usize + 1).copied()
    }
}

keyed_enum! {
    /// The dimensions the maturity questionnaire scores.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum MaturityDimension {
        GoalsVision = "goals_vision",
        ExecutiveSupport = "executive_support",
        Roadmap = "roadmap",
        Governance = "governance",
        StaffFunding = "staff_funding",
        Education = "education",
        Measurement = "measurement",
        OrganisationalModel = "organisational_model",
        CrossFunctional = "cross_functional",
    }
}

keyed_enum! {
    /// The answer to one dimension: the stage whose description fits, or "don't know".
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum MaturityAnswer {
        DontKnow = "dont_know",
        Planning = "planning",
        Presence = "presence",
        Engagement = "engagement",
        Formalized = "formalized",
        Strategic = "strategic",
        Converged = "converged",
    }
}

impl MaturityAnswer {
    pub fn stage(self) -> Option<Stage> {
        match self {
            MaturityAnswer::DontKnow => None,
            MaturityAnswer::Planning => Some(Stage::Planning),
            MaturityAnswer::Presence => Some(Stage::Presence),
            MaturityAnswer::Engagement => Some(Stage::Engagement),
            MaturityAnswer::Formalized => Some(Stage::Formalized),
            MaturityAnswer::Strategic => Some(Stage::Strategic),
            MaturityAnswer::Converged => Some(Stage::Converged),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Maturity {
    /// Unanswered dimensions are absent.
    pub answers: BTreeMap<MaturityDimension, MaturityAnswer>,
    pub notes: String,
}

impl Maturity {
    /// The company's stage: as mature as its weakest link. Counts only dimensions answered
    /// with a stage, and needs at least half of all dimensions answered that way, otherwise
    /// there is too little to say (`None`).
    pub fn stage(&self) -> Option<Stage> {
        let stages: Vec<Stage> = self.answers.values().filter_map(|a| a.stage()).collect();
        if stages.len() * 2 < MaturityDimension::ALL.len() {
            return None;
        }
        stages.into_iter().min()
    }
}

/// What Exercise 1 found at one level: how many opportunities and threats, and their
/// summed weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelSummary {
    pub level: LandscapeLevel,
    pub opportunities: u32,
    pub opportunity_weight: u32,
    pub threats: u32,
    pub threat_weight: u32,
}

impl Landscape {
    /// Per level, in the method's order: opportunities against threats. Blank findings
    /// count nowhere.
    pub fn summary(&self) -> [LevelSummary; 5] {
        LandscapeLevel::ALL.map(|level| {
            let mut s = LevelSummary { level, opportunities: 0, opportunity_weight: 0, threats: 0, threat_weight: 0 };
            for f in self.findings.iter().filter(|f| f.level == level && !f.is_blank()) {
                let weight = u32::from(f.weight);
                match f.polarity {
                    Polarity::Opportunity => {
                        s.opportunities += 1;
                        s.opportunity_weight += weight;
                    }
                    Polarity::Threat => {
                        s.threats += 1;
                        s.threat_weight += weight;
                    }
                }
            }
            s
        })
    }
}

/// The strategic gap of Exercise 2: per level, overall, and where it is largest.
#[derive(Clone, Debug, PartialEq)]
pub struct GapSummary {
    /// Ideal minus current per level, in the method's order; `None` where not scored.
    pub levels: [Option<i16>; 5],
    /// Mean current and ideal score of the scored levels.
    pub mean_current: Option<f64>,
    pub mean_ideal: Option<f64>,
    /// The levels with the largest positive gaps, largest first: the two largest, and
    /// every level tied with the second.
    pub largest: Vec<(BenchmarkLevel, i16)>,
}

impl GapSummary {
    /// Mean ideal minus mean current: the overall gap.
    pub fn overall(&self) -> Option<f64> {
        Some(self.mean_ideal? - self.mean_current?)
    }
}

impl Benchmark {
    pub fn gap_summary(&self) -> GapSummary {
        let levels = BenchmarkLevel::ALL.map(|l| self.get(l).gap());
        let scored: Vec<&BenchmarkScore> =
            BenchmarkLevel::ALL.iter().map(|l| self.get(*l)).filter(|s| s.gap().is_some()).collect();
        let mean = |f: fn(&BenchmarkScore) -> Option<u8>| {
            (!scored.is_empty()).then(|| {
                scored.iter().filter_map(|s| f(s)).map(f64::from).sum::<f64>() / scored.len() as f64
            })
        };
        let mut positive: Vec<(BenchmarkLevel, i16)> = BenchmarkLevel::ALL
            .iter()
            .zip(levels)
            .filter_map(|(l, g)| g.filter(|g| *g > 0).map(|g| (*l, g)))
            .collect();
        // Stable: ties keep the method's order.
        positive.sort_by_key(|(_, g)| std::cmp::Reverse(*g));
        let cut = positive.get(1).map(|(_, g)| *g);
        let largest = positive
            .iter()
            .enumerate()
            .take_while(|(i, (_, g))| *i < 2 || Some(*g) == cut)
            .map(|(_, x)| *x)
            .collect();
        GapSummary { levels, mean_current: mean(|s| s.current), mean_ideal: mean(|s| s.ideal), largest }
    }
}

impl Swot {
    pub fn quadrants(&self) -> [&Vec<SwotItem>; 4] {
        [&self.strengths, &self.weaknesses, &self.opportunities, &self.threats]
    }

    pub fn quadrant_mut(&mut self, index: usize) -> &mut Vec<SwotItem> {
        match index {
            0 => &mut self.strengths,
            1 => &mut self.weaknesses,
            2 => &mut self.opportunities,
            _ => &mut self.threats,
        }
    }
}

/// The SWOT quadrant a finding of Exercise 1 belongs in: opportunities or threats.
fn quadrant_of(polarity: Polarity) -> usize {
    match polarity {
        Polarity::Opportunity => 2,
        Polarity::Threat => 3,
    }
}

impl Information {
    /// Findings of Exercise 1 that no SWOT item links to yet. Blank findings are not
    /// waiting to be pulled.
    pub fn unpulled_findings(&self) -> usize {
        self.pullable_findings().count()
    }

    fn swot_links_to(&self, id: &Id) -> bool {
        self.swot.quadrants().iter().any(|q| q.iter().any(|i| i.finding.as_ref() == Some(id)))
    }

    /// The findings of Exercise 1 that could come into the SWOT: not blank, not in it yet.
    pub fn pullable_findings(&self) -> impl Iterator<Item = &Finding> {
        self.landscape.findings.iter().filter(|f| !f.is_blank() && !self.swot_links_to(&f.id))
    }

    /// Brings every finding of Exercise 1 that is not in the SWOT yet into its quadrant,
    /// linked to the finding. Blank findings stay out. Returns how many came in.
    pub fn pull_findings(&mut self, new_id: impl FnMut() -> Id) -> usize {
        let all: Vec<Id> = self.pullable_findings().map(|f| f.id.clone()).collect();
        self.pull_chosen(&all, new_id)
    }

    /// Brings the chosen findings into their quadrants, linked to them; those that are
    /// blank, already in the SWOT or not findings at all are left out. Returns how many
    /// came in.
    pub fn pull_chosen(&mut self, chosen: &[Id], mut new_id: impl FnMut() -> Id) -> usize {
        let missing: Vec<Finding> = self.pullable_findings().filter(|f| chosen.contains(&f.id)).cloned().collect();
        for f in &missing {
            let item = SwotItem { id: new_id(), text: f.text.clone(), finding: Some(f.id.clone()) };
            self.swot.quadrant_mut(quadrant_of(f.polarity)).push(item);
        }
        missing.len()
    }

    /// Keeps linked SWOT items true to their findings after Exercise 1 changed: the text
    /// follows the finding, an item moves when its finding turns from opportunity to
    /// threat or back, and an item whose finding was removed keeps its last text, unlinked.
    pub fn sync_swot(&mut self) {
        let findings = &self.landscape.findings;
        let swot = &mut self.swot;
        let mut moved: Vec<(usize, SwotItem)> = Vec::new();
        for q in 0..4 {
            let items = swot.quadrant_mut(q);
            let mut i = 0;
            while i < items.len() {
                let found = items[i].finding.as_ref().map(|id| findings.iter().find(|f| &f.id == id));
                match found {
                    Some(Some(f)) => {
                        if items[i].text != f.text {
                            items[i].text = f.text.clone();
                        }
                        let target = quadrant_of(f.polarity);
                        if q >= 2 && target != q {
                            moved.push((target, items.remove(i)));
                            continue;
                        }
                    }
                    Some(None) => items[i].finding = None,
                    None => {}
                }
                i += 1;
            }
        }
        for (q, item) in moved {
            swot.quadrant_mut(q).push(item);
        }
    }
}

/// Moves the item at `index` one place up or down among the items `same_group` accepts,
/// passing over the others. Returns whether it moved.
pub fn move_in_group<T>(items: &mut [T], index: usize, up: bool, same_group: impl Fn(&T, &T) -> bool) -> bool {
    let Some(item) = items.get(index) else { return false };
    let other = if up {
        (0..index).rev().find(|j| same_group(item, &items[*j]))
    } else {
        (index + 1..items.len()).find(|j| same_group(item, &items[*j]))
    };
    match other {
        Some(j) => {
            items.swap(index, j);
            true
        }
        None => false,
    }
}

impl Maturity {
    /// The stage a dimension was answered with; `None` for "don't know" or no answer.
    pub fn score(&self, d: MaturityDimension) -> Option<Stage> {
        self.answers.get(&d).and_then(|a| a.stage())
    }

    /// How many dimensions must be answered with a stage before the overall stage counts.
    pub const NEEDED: usize = MaturityDimension::ALL.len().div_ceil(2);

    pub fn answered_with_stage(&self) -> usize {
        self.answers.values().filter(|a| a.stage().is_some()).count()
    }

    /// The dimensions that hold the company at its stage (the weakest links).
    pub fn weakest(&self) -> Vec<MaturityDimension> {
        match self.stage() {
            Some(stage) => MaturityDimension::ALL.into_iter().filter(|d| self.score(*d) == Some(stage)).collect(),
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn maturity(answers: &[(MaturityDimension, MaturityAnswer)]) -> Maturity {
        Maturity { answers: answers.iter().copied().collect(), notes: String::new() }
    }

    #[test]
    fn stage_needs_half_the_dimensions_answered() {
        assert_eq!(Maturity::default().stage(), None);
        let all_dont_know: Vec<_> =
            MaturityDimension::ALL.iter().map(|d| (*d, MaturityAnswer::DontKnow)).collect();
        assert_eq!(maturity(&all_dont_know).stage(), None);
        let four: Vec<_> =
            MaturityDimension::ALL[..4].iter().map(|d| (*d, MaturityAnswer::Strategic)).collect();
        assert_eq!(maturity(&four).stage(), None);
    }

    #[test]
    fn stage_is_the_weakest_answered_dimension() {
        let mut answers: Vec<_> =
            MaturityDimension::ALL.iter().map(|d| (*d, MaturityAnswer::Formalized)).collect();
        answers[3].1 = MaturityAnswer::Presence;
        answers[5].1 = MaturityAnswer::DontKnow;
        assert_eq!(maturity(&answers).stage(), Some(Stage::Presence));
    }

    #[test]
    fn benchmark_shares_add_up_to_one_hundred() {
        let total: f64 = Stage::ALL.iter().map(|s| s.benchmark_share()).sum();
        assert!((total - 100.0).abs() < 1e-9);
        assert_eq!(Stage::Converged.next(), None);
        assert_eq!(Stage::Planning.next(), Some(Stage::Presence));
    }

    #[test]
    fn stage_needs_five_of_nine() {
        assert_eq!(Maturity::NEEDED, 5);
        let five: Vec<_> =
            MaturityDimension::ALL[..5].iter().map(|d| (*d, MaturityAnswer::Engagement)).collect();
        let m = maturity(&five);
        assert_eq!(m.stage(), Some(Stage::Engagement));
        assert_eq!(m.weakest().len(), 5);
        assert_eq!(m.answered_with_stage(), 5);
    }

    #[test]
    fn weakest_lists_every_tied_dimension() {
        let mut answers: Vec<_> =
            MaturityDimension::ALL.iter().map(|d| (*d, MaturityAnswer::Strategic)).collect();
        answers[1].1 = MaturityAnswer::Presence;
        answers[7].1 = MaturityAnswer::Presence;
        let m = maturity(&answers);
        assert_eq!(m.weakest(), vec![MaturityDimension::ExecutiveSupport, MaturityDimension::OrganisationalModel]);
        assert_eq!(Maturity::default().weakest(), Vec::new());
        assert_eq!(m.score(MaturityDimension::GoalsVision), Some(Stage::Strategic));
    }

    fn finding(level: LandscapeLevel, polarity: Polarity, weight: u8, id: &str) -> Finding {
        Finding { id: Id::from(id), level, text: format!("text {id}"), polarity, weight }
    }

    #[test]
    fn landscape_summary_counts_and_weighs_per_level() {
        let landscape = Landscape {
            findings: vec![
                finding(LandscapeLevel::Impact, Polarity::Opportunity, 5, "a"),
                finding(LandscapeLevel::Impact, Polarity::Threat, 2, "b"),
                finding(LandscapeLevel::Impact, Polarity::Opportunity, 1, "c"),
                finding(LandscapeLevel::Features, Polarity::Threat, 4, "d"),
            ]
            .into(),
            generic_strategy: String::new(),
        };
        let s = landscape.summary();
        assert_eq!(s[0], LevelSummary { level: LandscapeLevel::Applications, opportunities: 0, opportunity_weight: 0, threats: 0, threat_weight: 0 });
        assert_eq!((s[1].opportunities, s[1].opportunity_weight, s[1].threats, s[1].threat_weight), (2, 6, 1, 2));
        assert_eq!((s[4].threats, s[4].threat_weight), (1, 4));
        assert!(Landscape::default().summary().iter().all(|l| l.opportunities + l.threats == 0));
    }

    fn bench(scores: [(Option<u8>, Option<u8>); 5]) -> Benchmark {
        let mut b = Benchmark::default();
        for (l, (c, i)) in BenchmarkLevel::ALL.iter().zip(scores) {
            *b.get_mut(*l) = BenchmarkScore { current: c, ideal: i, note: String::new() };
        }
        b
    }

    #[test]
    fn gap_summary_with_nothing_scored() {
        let g = Benchmark::default().gap_summary();
        assert_eq!(g.levels, [None; 5]);
        assert_eq!(g.overall(), None);
        assert!(g.largest.is_empty());
    }

    #[test]
    fn gap_summary_means_and_largest() {
        let g = bench([(Some(2), Some(8)), (Some(5), Some(10)), (Some(4), None), (Some(3), Some(8)), (Some(9), Some(7))]).gap_summary();
        assert_eq!(g.levels, [Some(6), Some(5), None, Some(5), Some(-2)]);
        assert_eq!(g.mean_current, Some(19.0 / 4.0));
        assert_eq!(g.mean_ideal, Some(33.0 / 4.0));
        assert_eq!(g.overall(), Some(3.5));
        // 6, then the two tied at 5, in the method's order; the negative gap is no gap.
        assert_eq!(g.largest, vec![(BenchmarkLevel::Landscape, 6), (BenchmarkLevel::GenericStrategy, 5), (BenchmarkLevel::Kpis, 5)]);
    }

    #[test]
    fn gap_summary_ties_and_no_positive_gap() {
        let g = bench([(Some(1), Some(5)); 5]).gap_summary();
        assert_eq!(g.largest.len(), 5);
        let g = bench([(Some(7), Some(7)), (Some(8), Some(6)), (None, None), (None, Some(3)), (Some(1), Some(2))]).gap_summary();
        assert_eq!(g.largest, vec![(BenchmarkLevel::StrategicGap, 1)]);
        assert_eq!(g.levels[3], None);
    }

    #[test]
    fn pulling_findings_links_them_once() {
        let mut info = Information::default();
        *info.landscape.findings = vec![
            finding(LandscapeLevel::Customers, Polarity::Opportunity, 3, "o"),
            finding(LandscapeLevel::Conversations, Polarity::Threat, 4, "t"),
        ];
        let mut n = 0;
        let mut ids = || {
            n += 1;
            Id::from(format!("s{n}").as_str())
        };
        assert_eq!(info.unpulled_findings(), 2);
        // The team chooses: the threat first, then the rest.
        assert_eq!(info.pull_chosen(&[Id::from("t"), Id::from("t")], &mut ids), 1);
        assert_eq!(info.unpulled_findings(), 1);
        assert_eq!(info.pull_chosen(&[Id::from("t")], &mut ids), 0);
        assert_eq!(info.pull_findings(&mut ids), 1);
        assert_eq!(info.swot.opportunities[0].finding, Some(Id::from("o")));
        assert_eq!(info.swot.threats[0].text, "text t");
        assert_eq!(info.pull_findings(&mut ids), 0);
        assert_eq!(info.unpulled_findings(), 0);
    }

    #[test]
    fn blank_findings_count_nowhere() {
        let mut info = Information::default();
        let mut blank = finding(LandscapeLevel::Customers, Polarity::Opportunity, 5, "b");
        blank.text = " \t ".into();
        // What "Add" makes: empty text, weight 3.
        *info.landscape.findings = vec![blank, Finding { id: Id::from("new"), ..Default::default() }];
        assert!(info.landscape.findings.iter().all(Finding::is_blank));
        assert!(info.landscape.summary().iter().all(|l| l.opportunities + l.threats + l.opportunity_weight + l.threat_weight == 0));
        assert_eq!(info.unpulled_findings(), 0);
        assert_eq!(info.pull_findings(|| Id::from("s")), 0);
        assert_eq!(info.pull_chosen(&[Id::from("nothing")], || Id::from("s")), 0);
        assert!(info.swot.quadrants().iter().all(|q| q.is_empty()));

        // Writing in it makes it count, and it can be pulled.
        info.landscape.findings[0].text = "Customers ask on forums".into();
        let s = info.landscape.summary();
        assert_eq!((s[2].opportunities, s[2].opportunity_weight), (1, 5));
        assert_eq!(s.iter().map(|l| l.opportunities + l.threats).sum::<u32>(), 1);
        assert_eq!(info.unpulled_findings(), 1);
        assert_eq!(info.pull_findings(|| Id::from("s")), 1);
        assert_eq!(info.swot.opportunities[0].finding, Some(Id::from("b")));
        assert_eq!(info.unpulled_findings(), 0);
    }

    #[test]
    fn blank_items_are_empty_rows() {
        assert!(SwotItem { finding: Some(Id::from("f")), ..Default::default() }.is_blank());
        assert!(!SwotItem { text: "Brand".into(), ..Default::default() }.is_blank());
        assert!(OpportunityRisk { kind: OpportunityRiskKind::Risk, title: " ".into(), ..Default::default() }.is_blank());
        assert!(!OpportunityRisk { description: "Only a description".into(), ..Default::default() }.is_blank());
        assert!(ToolEntry { how: "daily".into(), ..Default::default() }.is_blank());
        assert!(!ToolEntry { name: "Scheduler".into(), ..Default::default() }.is_blank());
        assert!(Channel { owner: "Ann".into(), audience: Some(10), ..Default::default() }.is_blank());
        assert!(!Channel { name: "Blog".into(), ..Default::default() }.is_blank());
    }

    #[test]
    fn swot_follows_its_findings() {
        let mut info = Information::default();
        *info.landscape.findings = vec![
            finding(LandscapeLevel::Customers, Polarity::Opportunity, 3, "o"),
            finding(LandscapeLevel::Impact, Polarity::Threat, 2, "t"),
        ];
        info.pull_findings(|| Id::from("x"));
        info.swot.opportunities[0].id = Id::from("x1");
        info.swot.strengths.push(SwotItem { id: Id::from("own"), text: "ours".into(), finding: None });
        info.landscape.findings[0].text = "changed".into();
        info.landscape.findings[0].polarity = Polarity::Threat;
        info.landscape.findings.remove(1);
        info.sync_swot();
        assert!(info.swot.opportunities.is_empty());
        // The removed finding's item stays, unlinked, with its last text.
        assert_eq!(info.swot.threats[0].text, "text t");
        assert_eq!(info.swot.threats[0].finding, None);
        assert_eq!(info.swot.threats[1].text, "changed");
        assert_eq!(info.swot.threats[1].finding, Some(Id::from("o")));
        assert_eq!(info.swot.strengths[0].text, "ours");
    }

    #[test]
    fn moving_within_a_group_skips_other_groups() {
        let mut v = vec![(1, 'a'), (2, 'b'), (1, 'c'), (1, 'd')];
        assert!(move_in_group(&mut v, 2, true, |x, y| x.0 == y.0));
        assert_eq!(v, vec![(1, 'c'), (2, 'b'), (1, 'a'), (1, 'd')]);
        assert!(!move_in_group(&mut v, 0, true, |x, y| x.0 == y.0));
        assert!(!move_in_group(&mut v, 1, false, |x, y| x.0 == y.0));
        assert!(!move_in_group(&mut v, 9, false, |x, y| x.0 == y.0));
        assert!(move_in_group(&mut v, 2, false, |x, y| x.0 == y.0));
        assert_eq!(v[3], (1, 'a'));
    }

    #[test]
    fn gap_is_ideal_minus_current() {
        let s = BenchmarkScore { current: Some(3), ideal: Some(8), note: String::new() };
        assert_eq!(s.gap(), Some(5));
        assert_eq!(BenchmarkScore::default().gap(), None);
    }
}
