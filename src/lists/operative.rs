//! The Operative phase's lists: the actions of the three action plans.

use super::{choice, chosen, find, find_mut, keys, shift, text_column, Column, Kind, ListSpec, Value};
use crate::model::*;

/// What an action can serve: the objectives, then the tactics, as (id, label).
fn serves_options(p: &Plan) -> Vec<(Id, String)> {
    let s = &p.strategy;
    let short = |t: &str| t.chars().take(60).collect::<String>();
    let mut out: Vec<(Id, String)> = s.objectives.iter().enumerate().map(|(i, o)| (o.id.clone(), format!("{}. {}", i + 1, short(&o.text)))).collect();
    out.extend(s.tactics.iter().map(|x| (x.id.clone(), format!("– {}", short(&x.text)))));
    out
}

/// Open or in progress, and due before `today`.
pub fn is_overdue(a: &Action, today: &Date) -> bool {
    matches!(a.status, ActionStatus::Open | ActionStatus::InProgress) && a.due.as_ref().is_some_and(|d| d.is_valid() && d.0 < today.0)
}

/// The actions, one list per action plan (the group is the plan's place).
pub static ACTIONS: ListSpec = ListSpec {
    name: "action",
    items: |p| p.operative.actions.iter().map(|a| (&a.id, a.plan as usize)).collect(),
    add: |p, g, id| {
        let plan = ActionPlan::ALL.get(g).copied().unwrap_or_default();
        p.operative.actions.push(Action { id, plan, ..Default::default() })
    },
    shift: |p, id, up| shift(&mut p.operative.actions, id, up, |a, b| a.plan == b.plan),
    title: |p, at| find(&p.operative.actions, at).map(|a| a.title.clone()).unwrap_or_default(),
    add_label: |t, _| t.add_action.to_owned(),
    columns: &[
        text_column!("title", action_title, true, |p| p.operative.actions, title),
        text_column!("owner", action_owner, false, |p| p.operative.actions, owner),
        Column {
            key: "due",
            label: |t| t.action_due,
            kind: Kind::Date,
            get: |p, at| Value::Date(find(&p.operative.actions, at).and_then(|a| a.due.clone())),
            set: |p, at, v| {
                if let (Value::Date(d), Some(a)) = (v, find_mut(&mut p.operative.actions, at)) {
                    a.due = d
                }
            },
        },
        Column {
            key: "status",
            label: |t| t.action_status,
            kind: Kind::Choice { keys: keys::<ActionStatus>, labels: |t| &t.action_statuses, optional: false },
            get: |p, at| find(&p.operative.actions, at).map_or(Value::Choice(None), |a| choice(a.status)),
            set: |p, at, v| {
                if let (Some(s), Some(a)) = (chosen(v), find_mut(&mut p.operative.actions, at)) {
                    a.status = s
                }
            },
        },
        Column {
            key: "serves",
            label: |t| t.action_serves,
            kind: Kind::Pick(serves_options),
            get: |p, at| {
                Value::Pick(find(&p.operative.actions, at).and_then(|a| match &a.serves {
                    Some(Serves::Objective(id) | Serves::Tactic(id)) => Some(id.clone()),
                    None => None,
                }))
            },
            set: |p, at, v| {
                let Value::Pick(target) = v else { return };
                let serves = match target {
                    None => None,
                    Some(id) if p.strategy.objectives.iter().any(|o| o.id == id) => Some(Serves::Objective(id)),
                    Some(id) => Some(Serves::Tactic(id)),
                };
                // A link to nothing is refused by the model, and the action keeps its link.
                p.set_serves(at.id, serves);
            },
        },
    ],
    sortable: true,
    link: None,
    cards: false,
    badge: None,
    advice: Some(|p, at, t, today| if find(&p.operative.actions, at).is_some_and(|a| is_overdue(a, today)) { vec![format!("⚠ {}", t.overdue)] } else { Vec::new() }),
    action: None,
    removal: None,
    filters: &[1, 3, 4],
};
