//! The plan: one company's social media strategy for one business function, with all
//! three phases.

use super::{BusinessFunction, Id, Information, Operative, Serves, Strategy};
use super::json::json_struct;
use serde::Serialize;
use std::collections::HashMap;

json_struct! {
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
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
    }
}

json_struct! {
    /// What the plan list shows of a plan without reading it whole.
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(test, derive(serde::Deserialize))]
    pub struct PlanSummary {
        pub id: Id,
        pub name: String,
        pub function: BusinessFunction,
        pub updated_at: String,
    }
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
    }
}
