//! The Operative phase: three action plans (enabling employees, organisational
//! integration, technical implementation) and the thresholds of KPI tracking. The KPIs'
//! actual values live with the KPIs of the strategy.

use super::{Date, Id, Stamped};
use super::json::keyed_enum;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Operative {
    pub actions: Stamped<Action>,
    pub thresholds: Thresholds,
}

keyed_enum! {
    /// Which of the three action plans an action belongs to.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum ActionPlan {
        #[default]
        Enabling = "enabling",
        Organisation = "organisation",
        Technical = "technical",
    }
}

keyed_enum! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    #[cfg_attr(test, derive(schemars::JsonSchema))]
    pub enum ActionStatus {
        #[default]
        Open = "open",
        InProgress = "in_progress",
        Done = "done",
        Dropped = "dropped",
    }
}

/// The objective or tactic an action serves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Serves {
    Objective(Id),
    Tactic(Id),
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Action {
    pub id: Id,
    pub plan: ActionPlan,
    pub title: String,
    pub owner: String,
    pub due: Option<Date>,
    pub status: ActionStatus,
    pub serves: Option<Serves>,
    pub notes: String,
}

/// How close to the expected pace a KPI must be: at or above `at_risk` of the expected
/// progress it is on track, at or above `off_track` at risk, below that off track.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Thresholds {
    pub at_risk: f64,
    pub off_track: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { at_risk: 0.9, off_track: 0.75 }
    }
}

impl Action {
    /// No title: an empty row that counts nowhere, not in progress or action counts.
    pub fn is_blank(&self) -> bool {
        self.title.trim().is_empty()
    }
}
