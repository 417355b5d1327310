//! The Strategy phase: the 7-step strategic plan (focus, business objectives, mission,
//! objectives, KPIs, tactics, indicators), POST, the reasons for social media,
//! relationships, governance and the cornerstones (business integration, goal system,
//! resources).

use super::{Actuals, Date, Id, Stamped};
use super::json::keyed_enum;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Strategy {
    pub focus: Focus,
    pub business_objectives: Vec<BusinessObjective>,
    pub mission: String,
    pub objectives: Stamped<Objective>,
    pub kpis: Stamped<Kpi>,
    pub tactics: Stamped<Tactic>,
    pub indicators: Stamped<Indicator>,
    pub post: Post,
    pub why: WhySocialMedia,
    pub relationships: Vec<Relationship>,
    pub governance: Governance,
    pub business_integration: String,
    pub goal_system: String,
    pub resources: Resources,
}

keyed_enum! {
    /// The business function a plan is for: each function with reason and resources gets its own plan.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum BusinessFunction {
        #[default]
        Marketing = "marketing",
        Sales = "sales",
        CustomerService = "customer_service",
        ResearchDevelopment = "research_development",
        It = "it",
        RecruitingHr = "recruiting_hr",
        ExecutiveOffice = "executive_office",
    }
}

/// Step 1: the time horizon (1–5 years) and the business function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Focus {
    pub function: BusinessFunction,
    pub horizon_years: u8,
    /// When the plan starts; KPI pace is measured from here.
    pub start: Option<Date>,
}

impl Default for Focus {
    fn default() -> Self {
        Focus { function: BusinessFunction::default(), horizon_years: 1, start: None }
    }
}

/// Step 2: a business objective of the function. Its letter (A, B, C …) follows its position.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct BusinessObjective {
    pub id: Id,
    pub text: String,
}

/// The letter of the business objective at `index`: A … Z, then AA, AB …
pub fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ascii letters")
}

keyed_enum! {
    /// The balanced scorecard perspective an objective can be placed on.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum Perspective {
        Customer = "customer",
        Financial = "financial",
        LearningGrowth = "learning_growth",
        InternalProcess = "internal_process",
    }
}

/// Step 4: a social media objective, serving one or more business objectives.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Objective {
    pub id: Id,
    pub text: String,
    pub business_objectives: Vec<Id>,
    pub perspective: Option<Perspective>,
}

keyed_enum! {
    /// The three business goals that count.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum BusinessGoal {
        IncreaseRevenue = "increase_revenue",
        ReduceCosts = "reduce_costs",
        IncreaseSatisfaction = "increase_satisfaction",
    }
}

keyed_enum! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum Direction {
        #[default]
        HigherIsBetter = "higher_is_better",
        LowerIsBetter = "lower_is_better",
    }
}

keyed_enum! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum Frequency {
        Weekly = "weekly",
        #[default]
        Monthly = "monthly",
        Quarterly = "quarterly",
    }
}

/// One measured value of a KPI, for the period that ends on `period`.
// A save reuses the text it wrote for a KPI's values while they are unchanged (`Actuals`):
// so no field may change behind a shared reference (no `Cell`), and their text depends on
// them alone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Actual {
    pub period: Date,
    pub value: f64,
    /// The team's note from the review: why it moved, what was decided. Left out of the
    /// file when empty, so files without comments read and write as before.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// Step 5: a key performance indicator of an objective, with its actual values.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Kpi {
    pub id: Id,
    pub objective: Id,
    pub name: String,
    pub business_goal: Option<BusinessGoal>,
    pub unit: String,
    pub direction: Direction,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub deadline: Option<Date>,
    pub frequency: Frequency,
    pub source: String,
    pub owner: String,
    pub actuals: Actuals,
}

/// Step 6: how an objective will be achieved. Never without its objective.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Tactic {
    pub id: Id,
    pub objective: Id,
    pub text: String,
}

/// Step 7: an output indicator candidate of a tactic; `kept` marks the 2–5 worth tracking.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Indicator {
    pub id: Id,
    pub tactic: Id,
    pub text: String,
    pub kept: bool,
}

keyed_enum! {
    /// The objectives of Forrester's POST method.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum PostObjective {
        Listening = "listening",
        Talking = "talking",
        Energizing = "energizing",
        Supporting = "supporting",
        Embracing = "embracing",
    }
}

/// POST: people, objectives, strategy, technology — technology chosen last.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Post {
    pub people: String,
    pub objectives: Vec<PostObjective>,
    pub objectives_note: String,
    pub strategy: String,
    pub technology: String,
}

/// The three reasons for social media, in the team's words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct WhySocialMedia {
    pub marketing: String,
    pub employee_engagement: String,
    pub collaboration: String,
}

/// A relationship the business needs: with whom, of which type, worth what, used how.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Relationship {
    pub id: Id,
    pub who: String,
    pub kind: String,
    pub value: String,
    pub usage: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Governance {
    pub policies: String,
    pub guidelines: String,
    pub processes: String,
    pub education: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Resources {
    pub people: String,
    pub hours_per_week: Option<f64>,
    pub budget: Option<f64>,
    pub tools: String,
}

// Whether a row of the strategy's lists is empty: blank rows are not data and count
// nowhere (completeness, charts, summaries).
impl BusinessObjective {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl Objective {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl Kpi {
    pub fn is_blank(&self) -> bool {
        self.name.trim().is_empty()
    }
}

impl Tactic {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl Indicator {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl Relationship {
    pub fn is_blank(&self) -> bool {
        self.who.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_a_to_z_then_double() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(2), "C");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
        assert_eq!(letter(26 * 27), "AAA");
    }
}
