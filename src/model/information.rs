//! The Information phase: the foundation of the model. Opportunities and risks, the
//! tools and methods inventory, Exercise 1 (landscape), Exercise 2 (internal audit),
//! Exercise 3 (readiness SWOT) and the maturity self-assessment.

use super::{Date, Id};
use super::json::{json_struct, keyed_enum};
use serde::Serialize;
use std::collections::BTreeMap;

json_struct! {
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
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
}

/// Whether an entry of the opportunities & risks list helps or endangers the business.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OpportunityRiskKind {
    #[default]
    Opportunity,
    Risk,
}

keyed_enum!(OpportunityRiskKind { Opportunity = "opportunity", Risk = "risk" });

json_struct! {
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(default)]
    pub struct OpportunityRisk {
        pub id: Id,
        pub kind: OpportunityRiskKind,
        pub title: String,
        pub description: String,
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ToolUsage {
    #[default]
    NotUsed,
    Evaluating,
    InUse,
}

keyed_enum!(ToolUsage { NotUsed = "not_used", Evaluating = "evaluating", InUse = "in_use" });

json_struct! {
    /// One tool, platform or method of the inventory, with its relevance (1–5).
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
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

/// The five levels of Exercise 1, in the method's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LandscapeLevel {
    #[default]
    Applications,
    Impact,
    Customers,
    Conversations,
    Features,
}

keyed_enum!(LandscapeLevel { Applications = "applications", Impact = "impact", Customers = "customers", Conversations = "conversations", Features = "features" });

impl LandscapeLevel {
    pub const ALL: [LandscapeLevel; 5] = [
        LandscapeLevel::Applications,
        LandscapeLevel::Impact,
        LandscapeLevel::Customers,
        LandscapeLevel::Conversations,
        LandscapeLevel::Features,
    ];
}

/// A landscape finding is an opportunity or a threat.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    #[default]
    Opportunity,
    Threat,
}

keyed_enum!(Polarity { Opportunity = "opportunity", Threat = "threat" });

json_struct! {
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
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

json_struct! {
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(default)]
    pub struct Landscape {
        pub findings: Vec<Finding>,
        /// The generic strategy the landscape suggests, in the team's words.
        pub generic_strategy: String,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EngagementLevel {
    Low,
    Medium,
    High,
}

keyed_enum!(EngagementLevel { Low = "low", Medium = "medium", High = "high" });

json_struct! {
    /// One row of the channels table of Exercise 2.
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
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
}

/// The five benchmark levels of Exercise 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BenchmarkLevel {
    Landscape,
    GenericStrategy,
    BestPractice,
    Kpis,
    StrategicGap,
}

keyed_enum!(BenchmarkLevel { Landscape = "landscape", GenericStrategy = "generic_strategy", BestPractice = "best_practice", Kpis = "kpis", StrategicGap = "strategic_gap" });

impl BenchmarkLevel {
    pub const ALL: [BenchmarkLevel; 5] = [
        BenchmarkLevel::Landscape,
        BenchmarkLevel::GenericStrategy,
        BenchmarkLevel::BestPractice,
        BenchmarkLevel::Kpis,
        BenchmarkLevel::StrategicGap,
    ];
}

json_struct! {
    /// Current and ideal score (0–10) of one benchmark level.
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(default)]
    pub struct BenchmarkScore {
        pub current: Option<u8>,
        pub ideal: Option<u8>,
        pub note: String,
    }
}

impl BenchmarkScore {
    /// Ideal minus current, when both are scored.
    pub fn gap(&self) -> Option<i16> {
        Some(i16::from(self.ideal?) - i16::from(self.current?))
    }
}

json_struct! {
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(default)]
    pub struct Benchmark {
        pub landscape: BenchmarkScore,
        pub generic_strategy: BenchmarkScore,
        pub best_practice: BenchmarkScore,
        pub kpis: BenchmarkScore,
        pub strategic_gap: BenchmarkScore,
    }
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

json_struct! {
    /// Exercise 2: the audit questions, the channels table and the benchmark.
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(default)]
    pub struct Audit {
        pub progress: String,
        pub channels_used: String,
        pub engagement: String,
        pub benefits: String,
        pub improvements: String,
        pub channels: Vec<Channel>,
        pub benchmark: Benchmark,
    }
}

json_struct! {
    /// One entry of a SWOT quadrant; `finding` links it to the Exercise 1 finding it came from.
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(default)]
    pub struct SwotItem {
        pub id: Id,
        pub text: String,
        pub finding: Option<Id>,
    }
}

json_struct! {
    /// Exercise 3: readiness to engage.
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
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
}

/// The six stages of the "Evolution of Social Business" (Altimeter Group), lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Planning,
    Presence,
    Engagement,
    Formalized,
    Strategic,
    Converged,
}

keyed_enum!(Stage { Planning = "planning", Presence = "presence", Engagement = "engagement", Formalized = "formalized", Strategic = "strategic", Converged = "converged" });

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Planning,
        Stage::Presence,
        Stage::Engagement,
        Stage::Formalized,
        Stage::Strategic,
        Stage::Converged,
    ];

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

/// The dimensions the maturity questionnaire scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MaturityDimension {
    GoalsVision,
    ExecutiveSupport,
    Roadmap,
    Governance,
    StaffFunding,
    Education,
    Measurement,
    OrganisationalModel,
    CrossFunctional,
}

keyed_enum!(MaturityDimension { GoalsVision = "goals_vision", ExecutiveSupport = "executive_support", Roadmap = "roadmap", Governance = "governance", StaffFunding = "staff_funding", Education = "education", Measurement = "measurement", OrganisationalModel = "organisational_model", CrossFunctional = "cross_functional" });

impl MaturityDimension {
    pub const ALL: [MaturityDimension; 9] = [
        MaturityDimension::GoalsVision,
        MaturityDimension::ExecutiveSupport,
        MaturityDimension::Roadmap,
        MaturityDimension::Governance,
        MaturityDimension::StaffFunding,
        MaturityDimension::Education,
        MaturityDimension::Measurement,
        MaturityDimension::OrganisationalModel,
        MaturityDimension::CrossFunctional,
    ];
}

/// The answer to one dimension: the stage whose description fits, or "don't know".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(serde::Deserialize))]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MaturityAnswer {
    DontKnow,
    Planning,
    Presence,
    Engagement,
    Formalized,
    Strategic,
    Converged,
}

keyed_enum!(MaturityAnswer { DontKnow = "dont_know", Planning = "planning", Presence = "presence", Engagement = "engagement", Formalized = "formalized", Strategic = "strategic", Converged = "converged" });

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

json_struct! {
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    #[serde(default)]
    pub struct Maturity {
        /// Unanswered dimensions are absent.
        pub answers: BTreeMap<MaturityDimension, MaturityAnswer>,
        pub notes: String,
    }
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
    fn gap_is_ideal_minus_current() {
        let s = BenchmarkScore { current: Some(3), ideal: Some(8), note: String::new() };
        assert_eq!(s.gap(), Some(5));
        assert_eq!(BenchmarkScore::default().gap(), None);
    }
}
