//! The plan: one company's social media strategy for one business function, with all
//! three phases.

use super::{BusinessFunction, Id, Information, Operative, Serves, Strategy, Workshop};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Plan {
    pub id: Id,
    pub name: String,
    /// RFC 3339 timestamps, UTC.
    pub created_at: String,
    pub updated_at: String,
    pub information: Information,
    pub strategy: Strategy,
    pub operative: Operative,
    /// The workshop's notes (authors, votes, comments); left out of files that have none.
    #[serde(skip_serializing_if = "Workshop::is_unused")]
    pub workshop: Workshop,
}

/// What the plan list shows of a plan without reading it whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanSummary {
    pub id: Id,
    pub name: String,
    pub function: BusinessFunction,
    pub updated_at: String,
}

impl Plan {
    pub fn new(id: Id, name: &str, function: BusinessFunction, now: &str) -> Plan {
        let mut plan = Plan {
            id,
            name: name.to_owned(),
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            ..Plan::default()
        };
        plan.strategy.focus.function = function;
        plan
    }

    /// Days since the plan was last exported (or created, if never), when it has changes
    /// since then and that is at least `after_days` ago: time for a backup reminder.
    pub fn backup_due(&self, last_export: Option<&str>, now: &str, after_days: i64) -> Option<i64> {
        let day = |t: &str| super::Date::text(t.get(..10)?).day_number();
        let base = last_export.unwrap_or(&self.created_at);
        if self.updated_at.as_str() <= base {
            return None;
        }
        let days = day(now)? - day(base)?;
        (days >= after_days).then_some(days)
    }

    pub fn function(&self) -> BusinessFunction {
        self.strategy.focus.function
    }

    pub fn summary(&self) -> PlanSummary {
        PlanSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            function: self.function(),
            updated_at: self.updated_at.clone(),
        }
    }

    /// Gives the plan and every item in it a fresh id from `next`, and rewrites every link
    /// to match, so a copy never shares ids with its original.
    pub fn reassign_ids(&mut self, next: &mut dyn FnMut() -> Id) {
        let mut map: HashMap<Id, Id> = HashMap::new();
        let mut fresh = |id: &mut Id| {
            let new = next();
            map.insert(std::mem::replace(id, new.clone()), new);
        };
        fresh(&mut self.id);
        let info = &mut self.information;
        info.opportunities_risks.iter_mut().for_each(|x| fresh(&mut x.id));
        info.tools.iter_mut().for_each(|x| fresh(&mut x.id));
        info.landscape.findings.iter_mut().for_each(|x| fresh(&mut x.id));
        info.audit.channels.iter_mut().for_each(|x| fresh(&mut x.id));
        for quadrant in [
            &mut info.swot.strengths,
            &mut info.swot.weaknesses,
            &mut info.swot.opportunities,
            &mut info.swot.threats,
        ] {
            quadrant.iter_mut().for_each(|x| fresh(&mut x.id));
        }
        let s = &mut self.strategy;
        s.business_objectives.iter_mut().for_each(|x| fresh(&mut x.id));
        s.objectives.iter_mut().for_each(|x| fresh(&mut x.id));
        s.kpis.iter_mut().for_each(|x| fresh(&mut x.id));
        s.tactics.iter_mut().for_each(|x| fresh(&mut x.id));
        s.indicators.iter_mut().for_each(|x| fresh(&mut x.id));
        s.relationships.iter_mut().for_each(|x| fresh(&mut x.id));
        self.operative.actions.iter_mut().for_each(|x| fresh(&mut x.id));

        let relink = |id: &mut Id| {
            if let Some(new) = map.get(id) {
                *id = new.clone();
            }
        };
        for quadrant in [
            &mut self.information.swot.strengths,
            &mut self.information.swot.weaknesses,
            &mut self.information.swot.opportunities,
            &mut self.information.swot.threats,
        ] {
            quadrant.iter_mut().filter_map(|x| x.finding.as_mut()).for_each(relink);
        }
        let s = &mut self.strategy;
        s.objectives.iter_mut().flat_map(|o| o.business_objectives.iter_mut()).for_each(relink);
        s.kpis.iter_mut().for_each(|k| relink(&mut k.objective));
        s.tactics.iter_mut().for_each(|t| relink(&mut t.objective));
        s.indicators.iter_mut().for_each(|i| relink(&mut i.tactic));
        for action in &mut self.operative.actions {
            match &mut action.serves {
                Some(Serves::Objective(id)) | Some(Serves::Tactic(id)) => relink(id),
                None => {}
            }
        }
        self.workshop.remap(&map);
    }
}

#[cfg(test)]
mod backup_tests {
    use super::*;

    #[test]
    fn a_reminder_when_changes_were_not_exported_for_a_week() {
        let mut p = Plan::new(Id::from("p"), "Plan", BusinessFunction::Marketing, "2026-11-01T10:00:00Z");
        assert_eq!(p.backup_due(None, "2026-11-20T10:00:00Z", 7), None, "no changes since creation");
        p.updated_at = "2026-11-02T09:00:00Z".into();
        assert_eq!(p.backup_due(None, "2026-11-05T10:00:00Z", 7), None, "not a week yet");
        assert_eq!(p.backup_due(None, "2026-11-20T10:00:00Z", 7), Some(19));
        assert_eq!(p.backup_due(Some("2026-11-03T00:00:00Z"), "2026-11-20T10:00:00Z", 7), None, "exported after the last change");
        p.updated_at = "2026-11-10T09:00:00Z".into();
        assert_eq!(p.backup_due(Some("2026-11-03T00:00:00Z"), "2026-11-20T10:00:00Z", 7), Some(17));
        assert_eq!(p.backup_due(Some("garbage"), "2026-11-20T10:00:00Z", 7), None);
    }
}
