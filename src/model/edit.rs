//! Changes to a plan that touch links: removing any item together with what hangs on it,
//! putting a removed item back, and setting a link. Each takes a valid plan to a valid
//! plan (a property test runs random sequences of them), so no screen edits links itself.

use super::{
    Action, Actual, Date, BusinessObjective, Channel, Finding, Id, Indicator, Kpi, Objective, OpportunityRisk, Plan, Relationship,
    Serves, SwotItem, Tactic, ToolEntry,
};

/// An item of a plan, as it was taken out.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    OpportunityRisk(OpportunityRisk),
    Tool(ToolEntry),
    Finding(Finding),
    Channel(Channel),
    /// A SWOT entry and its quadrant (0 strengths … 3 threats).
    Swot(usize, SwotItem),
    BusinessObjective(BusinessObjective),
    Objective(Objective),
    Kpi(Kpi),
    Tactic(Tactic),
    Indicator(Indicator),
    Relationship(Relationship),
    Action(Action),
    /// A measured value and the KPI it belongs to.
    Value(Id, Actual),
}

/// A link of an item that stayed, as it was before a removal changed it.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkChange {
    /// The objective served the business objective `target`, at place `at` of its list.
    ObjectiveBusiness { objective: Id, at: usize, target: Id },
    KpiObjective { kpi: Id, was: Id },
    TacticObjective { tactic: Id, was: Id },
    SwotFinding { item: Id, was: Id },
    ActionServes { action: Id, was: Serves },
    /// Workshop notes (authors, votes, comments) about the removed items.
    Workshop(Box<super::workshop::WorkshopRefs>),
}

/// What one removal took out and which links of the rest it changed: enough to put
/// exactly that back (undo), and nothing of the rest of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Removal {
    /// The removed items with their places, in the order they were taken out.
    pub items: Vec<(usize, Item)>,
    pub links: Vec<LinkChange>,
}

impl Removal {
    /// Actions whose link was cleared or moved by this removal.
    pub fn actions_touched(&self) -> usize {
        self.links.iter().filter(|l| matches!(l, LinkChange::ActionServes { .. })).count()
    }
}

fn take<T: Clone>(list: &mut Vec<T>, pred: impl Fn(&T) -> bool, wrap: impl Fn(T) -> Item, out: &mut Vec<(usize, Item)>) {
    let mut i = 0;
    while i < list.len() {
        if pred(&list[i]) {
            // Places are recorded as they are at the moment of removal, so putting items
            // back in reverse order restores the list exactly.
            out.push((i, wrap(list.remove(i))));
        } else {
            i += 1;
        }
    }
}

/// Calls `f` with the id of every item of the plan (not the plan's own).
pub(crate) fn for_each_id(p: &Plan, f: &mut dyn FnMut(&Id)) {
    let i = &p.information;
    let s = &p.strategy;
    i.opportunities_risks.iter().for_each(|x| f(&x.id));
    i.tools.iter().for_each(|x| f(&x.id));
    i.landscape.findings.iter().for_each(|x| f(&x.id));
    i.audit.channels.iter().for_each(|x| f(&x.id));
    i.swot.quadrants().iter().for_each(|q| q.iter().for_each(|x| f(&x.id)));
    s.business_objectives.iter().for_each(|x| f(&x.id));
    s.objectives.iter().for_each(|x| f(&x.id));
    s.kpis.iter().for_each(|x| f(&x.id));
    s.tactics.iter().for_each(|x| f(&x.id));
    s.indicators.iter().for_each(|x| f(&x.id));
    s.relationships.iter().for_each(|x| f(&x.id));
    p.operative.actions.iter().for_each(|x| f(&x.id));
}

/// The id of a removed item (none for a KPI value).
fn item_id(item: &Item) -> Option<&Id> {
    Some(match item {
        Item::OpportunityRisk(x) => &x.id,
        Item::Tool(x) => &x.id,
        Item::Finding(x) => &x.id,
        Item::Channel(x) => &x.id,
        Item::Swot(_, x) => &x.id,
        Item::BusinessObjective(x) => &x.id,
        Item::Objective(x) => &x.id,
        Item::Kpi(x) => &x.id,
        Item::Tactic(x) => &x.id,
        Item::Indicator(x) => &x.id,
        Item::Relationship(x) => &x.id,
        Item::Action(x) => &x.id,
        Item::Value(..) => return None,
    })
}

fn put<T>(list: &mut Vec<T>, at: usize, item: T) {
    let at = at.min(list.len());
    list.insert(at, item);
}

impl Plan {
    /// Whether any item of the plan (or the plan itself) has this id.
    pub fn has_id(&self, id: &Id) -> bool {
        let mut found = &self.id == id;
        for_each_id(self, &mut |x| found |= x == id);
        found
    }

    /// Removes the item with `id`, wherever it is, with everything that cannot exist
    /// without it (an objective's KPIs and tactics, a tactic's indicators), and detaches
    /// every other link to it: objectives no longer serve a removed business objective,
    /// actions no longer serve a removed objective or tactic, SWOT entries of a removed
    /// finding keep their text as the team's own. `None` when no item has this id.
    pub fn remove(&mut self, id: &Id) -> Option<Removal> {
        let mut items = Vec::new();
        let info = &mut self.information;
        take(&mut info.opportunities_risks, |x| &x.id == id, Item::OpportunityRisk, &mut items);
        take(&mut info.tools, |x| &x.id == id, Item::Tool, &mut items);
        take(&mut info.landscape.findings, |x| &x.id == id, Item::Finding, &mut items);
        take(&mut info.audit.channels, |x| &x.id == id, Item::Channel, &mut items);
        for q in 0..4 {
            take(info.swot.quadrant_mut(q), |x| &x.id == id, |x| Item::Swot(q, x), &mut items);
        }
        let s = &mut self.strategy;
        take(&mut s.business_objectives, |x| &x.id == id, Item::BusinessObjective, &mut items);
        take(&mut s.relationships, |x| &x.id == id, Item::Relationship, &mut items);
        take(&mut self.operative.actions, |x| &x.id == id, Item::Action, &mut items);
        // An objective takes its KPIs and tactics with it, a tactic its indicators.
        let s = &mut self.strategy;
        let objective = s.objectives.iter().any(|o| &o.id == id);
        let tactics: Vec<Id> = s.tactics.iter().filter(|t| &t.id == id || (objective && &t.objective == id)).map(|t| t.id.clone()).collect();
        take(&mut s.indicators, |x| &x.id == id || tactics.contains(&x.tactic), Item::Indicator, &mut items);
        take(&mut s.tactics, |x| tactics.contains(&x.id), Item::Tactic, &mut items);
        take(&mut s.kpis, |x| &x.id == id || (objective && &x.objective == id), Item::Kpi, &mut items);
        take(&mut s.objectives, |x| &x.id == id, Item::Objective, &mut items);
        if items.is_empty() {
            return None;
        }
        let mut gone: Vec<&Id> = vec![id];
        gone.extend(tactics.iter());
        let mut links = self.detach(&gone);
        let removed: Vec<Id> = items.iter().filter_map(|(_, item)| item_id(item).cloned()).collect();
        let refs = self.workshop.take_refs(&removed.iter().collect::<Vec<_>>());
        if !refs.is_empty() {
            links.push(LinkChange::Workshop(Box::new(refs)));
        }
        Some(Removal { items, links })
    }

    /// Removes the value a KPI has for `period`.
    pub fn remove_value(&mut self, kpi: &Id, period: &Date) -> Option<Removal> {
        let k = self.strategy.kpis.iter_mut().find(|k| &k.id == kpi)?;
        let at = k.actuals.iter().position(|a| &a.period == period)?;
        let value = k.actuals.remove(at);
        Some(Removal { items: vec![(at, Item::Value(kpi.clone(), value))], links: Vec::new() })
    }

    /// Removes an objective after moving its KPIs, tactics and the actions serving it to
    /// the objective `to`. `None` (and nothing changed) when either is not an objective
    /// or both are the same.
    pub fn remove_moving(&mut self, id: &Id, to: &Id) -> Option<Removal> {
        let s = &mut self.strategy;
        if id == to || !s.objectives.iter().any(|o| &o.id == to) || !s.objectives.iter().any(|o| &o.id == id) {
            return None;
        }
        let mut links = Vec::new();
        for k in s.kpis.iter_mut().filter(|k| &k.objective == id) {
            links.push(LinkChange::KpiObjective { kpi: k.id.clone(), was: std::mem::replace(&mut k.objective, to.clone()) });
        }
        for t in s.tactics.iter_mut().filter(|t| &t.objective == id) {
            links.push(LinkChange::TacticObjective { tactic: t.id.clone(), was: std::mem::replace(&mut t.objective, to.clone()) });
        }
        for a in &mut self.operative.actions {
            if matches!(&a.serves, Some(Serves::Objective(o)) if o == id) {
                let was = a.serves.replace(Serves::Objective(to.clone())).expect("matched");
                links.push(LinkChange::ActionServes { action: a.id.clone(), was });
            }
        }
        let mut removal = self.remove(id)?;
        links.append(&mut removal.links);
        removal.links = links;
        Some(removal)
    }

    /// Clears or drops every link to the ids in `gone`, and says what each was.
    fn detach(&mut self, gone: &[&Id]) -> Vec<LinkChange> {
        let mut links = Vec::new();
        for o in &mut self.strategy.objectives {
            let mut at = 0;
            while at < o.business_objectives.len() {
                if gone.contains(&&o.business_objectives[at]) {
                    let target = o.business_objectives.remove(at);
                    links.push(LinkChange::ObjectiveBusiness { objective: o.id.clone(), at, target });
                } else {
                    at += 1;
                }
            }
        }
        for q in 0..4 {
            for x in self.information.swot.quadrant_mut(q) {
                if x.finding.as_ref().is_some_and(|f| gone.contains(&f)) {
                    let was = x.finding.take().expect("checked");
                    links.push(LinkChange::SwotFinding { item: x.id.clone(), was });
                }
            }
        }
        for a in &mut self.operative.actions {
            if let Some(Serves::Objective(t) | Serves::Tactic(t)) = &a.serves {
                if gone.contains(&t) {
                    let was = a.serves.take().expect("checked");
                    links.push(LinkChange::ActionServes { action: a.id.clone(), was });
                }
            }
        }
        links
    }

    /// Puts back what `removal` took out, in the places it had, and restores the links it
    /// changed. Items whose id is taken again, and links whose holder or target is gone
    /// since, are left out, so the plan stays valid whatever happened in between.
    pub fn restore(&mut self, removal: Removal) {
        for (at, item) in removal.items.into_iter().rev() {
            let id = match (item_id(&item), &item) {
                (Some(id), _) => id,
                (None, Item::Value(kpi, value)) => {
                    let k = self.strategy.kpis.iter_mut().find(|k| &k.id == kpi);
                    if let Some(k) = k.filter(|k| !k.actuals.iter().any(|a| a.period == value.period)) {
                        put(&mut k.actuals, at, value.clone());
                    }
                    continue;
                }
                (None, _) => continue,
            };
            if id.is_empty() || self.has_id(id) {
                continue;
            }
            let info = &mut self.information;
            let s = &mut self.strategy;
            match item {
                Item::OpportunityRisk(x) => put(&mut info.opportunities_risks, at, x),
                Item::Tool(x) => put(&mut info.tools, at, x),
                Item::Finding(x) => put(&mut info.landscape.findings, at, x),
                Item::Channel(x) => put(&mut info.audit.channels, at, x),
                Item::Swot(q, mut x) => {
                    if x.finding.as_ref().is_some_and(|f| !info.landscape.findings.iter().any(|g| &g.id == f)) {
                        x.finding = None;
                    }
                    put(info.swot.quadrant_mut(q.min(3)), at, x)
                }
                Item::BusinessObjective(x) => put(&mut s.business_objectives, at, x),
                Item::Objective(mut x) => {
                    x.business_objectives.retain(|b| s.business_objectives.iter().any(|y| &y.id == b));
                    put(&mut s.objectives, at, x)
                }
                Item::Kpi(x) => {
                    if s.objectives.iter().any(|o| o.id == x.objective) {
                        put(&mut s.kpis, at, x)
                    }
                }
                Item::Tactic(x) => {
                    if s.objectives.iter().any(|o| o.id == x.objective) {
                        put(&mut s.tactics, at, x)
                    }
                }
                Item::Indicator(x) => {
                    if s.tactics.iter().any(|t| t.id == x.tactic) {
                        put(&mut s.indicators, at, x)
                    }
                }
                Item::Relationship(x) => put(&mut s.relationships, at, x),
                Item::Action(mut x) => {
                    if !self.serves_exists(x.serves.as_ref()) {
                        x.serves = None;
                    }
                    put(&mut self.operative.actions, at, x)
                }
                Item::Value(..) => {}
            }
        }
        for link in removal.links.into_iter().rev() {
            self.relink(link);
        }
    }

    fn serves_exists(&self, serves: Option<&Serves>) -> bool {
        match serves {
            None => true,
            Some(Serves::Objective(o)) => self.strategy.objectives.iter().any(|x| &x.id == o),
            Some(Serves::Tactic(t)) => self.strategy.tactics.iter().any(|x| &x.id == t),
        }
    }

    fn relink(&mut self, link: LinkChange) {
        let objective_exists = |s: &super::Strategy, id: &Id| s.objectives.iter().any(|o| &o.id == id);
        match link {
            LinkChange::ObjectiveBusiness { objective, at, target } => {
                let s = &mut self.strategy;
                if !s.business_objectives.iter().any(|b| b.id == target) {
                    return;
                }
                if let Some(o) = s.objectives.iter_mut().find(|o| o.id == objective) {
                    if !o.business_objectives.contains(&target) {
                        put(&mut o.business_objectives, at, target);
                    }
                }
            }
            LinkChange::KpiObjective { kpi, was } => {
                if objective_exists(&self.strategy, &was) {
                    if let Some(k) = self.strategy.kpis.iter_mut().find(|k| k.id == kpi) {
                        k.objective = was;
                    }
                }
            }
            LinkChange::TacticObjective { tactic, was } => {
                if objective_exists(&self.strategy, &was) {
                    if let Some(t) = self.strategy.tactics.iter_mut().find(|t| t.id == tactic) {
                        t.objective = was;
                    }
                }
            }
            LinkChange::SwotFinding { item, was } => {
                if self.information.landscape.findings.iter().any(|f| f.id == was) {
                    for q in 0..4 {
                        if let Some(x) = self.information.swot.quadrant_mut(q).iter_mut().find(|x| x.id == item) {
                            x.finding = Some(was.clone());
                        }
                    }
                }
            }
            LinkChange::Workshop(refs) => {
                let mut ids = std::collections::HashSet::new();
                for_each_id(self, &mut |id| {
                    ids.insert(id.clone());
                });
                self.workshop.put_refs(*refs, |id| ids.contains(id));
            }
            LinkChange::ActionServes { action, was } => {
                if self.serves_exists(Some(&was)) {
                    if let Some(a) = self.operative.actions.iter_mut().find(|a| a.id == action) {
                        a.serves = Some(was);
                    }
                }
            }
        }
    }

    /// Sets what an action serves; a link to something not in the plan is refused.
    pub fn set_serves(&mut self, action: &Id, serves: Option<Serves>) -> bool {
        if !self.serves_exists(serves.as_ref()) {
            return false;
        }
        match self.operative.actions.iter_mut().find(|a| &a.id == action) {
            Some(a) => {
                a.serves = serves;
                true
            }
            None => false,
        }
    }

    /// Sets the business objectives an objective serves, kept in their letters' order;
    /// ids that are not business objectives are left out.
    pub fn set_business_links(&mut self, objective: &Id, chosen: &[Id]) -> bool {
        let s = &mut self.strategy;
        let ids: Vec<Id> = s.business_objectives.iter().filter(|b| chosen.contains(&b.id)).map(|b| b.id.clone()).collect();
        match s.objectives.iter_mut().find(|o| &o.id == objective) {
            Some(o) => {
                o.business_objectives = ids;
                true
            }
            None => false,
        }
    }

    /// Moves a KPI to another objective; refused when that is not an objective.
    pub fn set_kpi_objective(&mut self, kpi: &Id, objective: &Id) -> bool {
        let s = &mut self.strategy;
        if !s.objectives.iter().any(|o| &o.id == objective) {
            return false;
        }
        s.kpis.iter_mut().find(|k| &k.id == kpi).map(|k| k.objective = objective.clone()).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::validate;
    use crate::model::{Date, Strategy};

    fn linked_plan() -> Plan {
        let mut p = Plan::new(Id::from("p"), "P", Default::default(), "2026-01-01T00:00:00Z");
        let s: &mut Strategy = &mut p.strategy;
        s.business_objectives.push(BusinessObjective { id: Id::from("b"), text: "B".into() });
        for o in ["o1", "o2"] {
            s.objectives.push(Objective { id: Id::from(o), text: o.into(), business_objectives: vec![Id::from("b")], perspective: None });
        }
        s.kpis.push(Kpi { id: Id::from("k"), objective: Id::from("o1"), deadline: Some(Date::new(2027, 1, 1)), ..Default::default() });
        s.tactics.push(Tactic { id: Id::from("t"), objective: Id::from("o1"), text: "T".into() });
        s.indicators.push(Indicator { id: Id::from("i"), tactic: Id::from("t"), text: "I".into(), kept: true });
        p.operative.actions.push(Action { id: Id::from("a1"), serves: Some(Serves::Objective(Id::from("o1"))), ..Default::default() });
        p.operative.actions.push(Action { id: Id::from("a2"), serves: Some(Serves::Tactic(Id::from("t"))), ..Default::default() });
        p.information.landscape.findings.push(Finding { id: Id::from("f"), text: "F".into(), ..Default::default() });
        p.information.swot.opportunities.push(SwotItem { id: Id::from("s"), text: "F".into(), finding: Some(Id::from("f")) });
        p
    }

    #[test]
    fn removing_an_objective_takes_its_kpis_and_tactics_and_frees_its_actions() {
        let before = linked_plan();
        let mut p = before.clone();
        let r = p.remove(&Id::from("o1")).expect("removed");
        assert!(validate(&p, "plan").is_empty(), "{:?}", validate(&p, "plan"));
        assert!(p.strategy.kpis.is_empty() && p.strategy.tactics.is_empty() && p.strategy.indicators.is_empty());
        assert_eq!(p.operative.actions.len(), 2, "actions stay");
        assert!(p.operative.actions.iter().all(|a| a.serves.is_none()));
        assert_eq!(r.actions_touched(), 2);
        p.restore(r);
        assert_eq!(p, before, "undo puts back exactly what went");
    }

    #[test]
    fn moving_dependents_moves_the_actions_too() {
        let before = linked_plan();
        let mut p = before.clone();
        let r = p.remove_moving(&Id::from("o1"), &Id::from("o2")).expect("moved");
        assert!(validate(&p, "plan").is_empty());
        assert_eq!(p.operative.actions[0].serves, Some(Serves::Objective(Id::from("o2"))));
        assert_eq!(p.strategy.kpis[0].objective, Id::from("o2"));
        p.restore(r);
        assert_eq!(p, before);
        assert!(p.remove_moving(&Id::from("o1"), &Id::from("o1")).is_none());
        assert!(p.remove_moving(&Id::from("o1"), &Id::from("nope")).is_none());
        assert_eq!(p, before, "a refused move changes nothing");
    }

    #[test]
    fn removing_a_finding_keeps_its_swot_entry_as_the_teams_own() {
        let before = linked_plan();
        let mut p = before.clone();
        let r = p.remove(&Id::from("f")).expect("removed");
        assert_eq!(p.information.swot.opportunities[0].finding, None);
        assert_eq!(p.information.swot.opportunities[0].text, "F");
        p.restore(r);
        assert_eq!(p, before);
    }

    #[test]
    fn removing_a_business_objective_unlinks_and_undo_relinks_in_place() {
        let before = linked_plan();
        let mut p = before.clone();
        let r = p.remove(&Id::from("b")).expect("removed");
        assert!(p.strategy.objectives.iter().all(|o| o.business_objectives.is_empty()));
        p.restore(r);
        assert_eq!(p, before);
    }

    #[test]
    fn restoring_after_the_plan_changed_still_gives_a_valid_plan() {
        let mut p = linked_plan();
        let r = p.remove(&Id::from("t")).expect("removed");
        p.remove(&Id::from("o1"));
        p.restore(r);
        assert!(validate(&p, "plan").is_empty());
        assert!(p.strategy.tactics.is_empty(), "its objective is gone, so the tactic can't come back");
    }

    #[test]
    fn links_to_nothing_are_refused() {
        let mut p = linked_plan();
        assert!(!p.set_serves(&Id::from("a1"), Some(Serves::Tactic(Id::from("zz")))));
        assert!(!p.set_kpi_objective(&Id::from("k"), &Id::from("zz")));
        assert!(p.set_business_links(&Id::from("o1"), &[Id::from("zz")]));
        assert!(p.strategy.objectives[0].business_objectives.is_empty());
        assert!(validate(&p, "plan").is_empty());
    }
}
