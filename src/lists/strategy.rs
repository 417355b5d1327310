//! The Strategy phase's lists: business objectives (lettered), social media objectives
//! linked to them, KPIs and tactics per objective, output indicators per tactic, and the
//! relationships.

use super::{choice, chosen, chosen_optional, find, find_mut, keys, shift, short, text_column, ungrouped, Column, Kind, ListSpec, Removal, RowAction, Value};
use crate::i18n::{fill, Texts};
use crate::model::validate::MAX_MAGNITUDE;
use crate::model::*;
use std::collections::HashMap;

pub static BUSINESS_OBJECTIVES: ListSpec = ListSpec {
    name: "bo",
    items: |p| ungrouped(&p.strategy.business_objectives),
    add: |p, _, id| p.strategy.business_objectives.push(BusinessObjective { id, text: String::new() }),
    shift: |p, id, up| shift(&mut p.strategy.business_objectives, id, up, |_, _| true),
    title: |p, at| find(&p.strategy.business_objectives, at).map(|x| x.text.clone()).unwrap_or_default(),
    add_label: |t, _| t.add_business_objective.to_owned(),
    columns: &[text_column!("text", bo_text, true, |p| p.strategy.business_objectives, text)],
    sortable: false,
    link: None,
    cards: false,
    badge: Some(|p, at| p.strategy.business_objectives.get(at.slot).filter(|b| &b.id == at.id).map(|_| letter(at.slot)).or_else(|| p.strategy.letter_of(at.id)).unwrap_or_default()),
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

/// The words of SMART hints; a KPI's missing link is said differently.
pub fn smart_texts(hints: Vec<Smart>, kpi: bool, t: &Texts) -> Vec<String> {
    hints
        .into_iter()
        .map(|h| {
            let i = match h {
                Smart::Vague => 0,
                Smart::NoNumber => 1,
                Smart::Activity => 2,
                Smart::NoLink if kpi => 8,
                Smart::NoLink => 3,
                Smart::NoDeadline => 4,
                Smart::PastHorizon => 5,
                Smart::Implausible => 6,
                Smart::NoTarget => 7,
            };
            t.smart_hints[i].to_owned()
        })
        .collect()
}

pub static OBJECTIVES: ListSpec = ListSpec {
    name: "obj",
    items: |p| ungrouped(&p.strategy.objectives),
    add: |p, _, id| p.strategy.objectives.push(Objective { id, ..Default::default() }),
    shift: |p, id, up| shift(&mut p.strategy.objectives, id, up, |_, _| true),
    title: |p, at| find(&p.strategy.objectives, at).map(|x| x.text.clone()).unwrap_or_default(),
    add_label: |t, _| t.add_objective.to_owned(),
    columns: &[
        text_column!("text", obj_text, true, |p| p.strategy.objectives, text),
        Column {
            key: "serves",
            label: |t| t.obj_serves,
            kind: Kind::Links(|p| p.strategy.business_objectives.iter().enumerate().map(|(i, b)| (b.id.clone(), format!("{} – {}", letter(i), short(&b.text, 50)))).collect()),
            get: |p, at| Value::Links(find(&p.strategy.objectives, at).map(|o| o.business_objectives.clone()).unwrap_or_default()),
            set: |p, at, v| {
                if let Value::Links(chosen) = v {
                    p.set_business_links(at.id, &chosen);
                }
            },
        },
        Column {
            key: "perspective",
            label: |t| t.obj_perspective,
            kind: Kind::Choice { keys: keys::<Perspective>, labels: |t| &t.perspectives, optional: true },
            get: |p, at| Value::Choice(find(&p.strategy.objectives, at).and_then(|o| o.perspective).map(Keyed::key)),
            set: |p, at, v| {
                if let (Some(perspective), Some(o)) = (chosen_optional(v), find_mut(&mut p.strategy.objectives, at)) {
                    o.perspective = perspective
                }
            },
        },
    ],
    sortable: false,
    link: None,
    // Cards: the SMART advice reads under the objective, across the card.
    cards: true,
    badge: Some(|p, at| p.strategy.objectives.get(at.slot).filter(|o| &o.id == at.id).map(|_| at.slot).or_else(|| p.strategy.objectives.iter().position(|o| &o.id == at.id)).map(|i| (i + 1).to_string()).unwrap_or_default()),
    advice: Some(|p, at, t, _| smart_texts(smart_objective(p, at.id), false, t)),
    action: None,
    removal: Some(Removal {
        dependents: |p, id, t| {
            let (kpis, tactics) = p.strategy.dependents(id);
            (kpis + tactics > 0).then(|| fill(t.objective_dependents, &[("kpis", &t.count(t.kpis_count, kpis)), ("tactics", &t.count(t.tactics_count, tactics))]))
        },
        targets: |p, id| {
            p.strategy.objectives.iter().enumerate().filter(|(_, o)| &o.id != id).map(|(i, o)| (o.id.clone(), format!("{}. {}", i + 1, short(&o.text, 60)))).collect()
        },
    }),
    filters: &[],
};

/// The place of each objective, to group the items that hang on one.
fn objective_places(s: &Strategy) -> HashMap<&Id, usize> {
    s.objectives.iter().enumerate().map(|(i, o)| (&o.id, i)).collect()
}

fn objective_id(p: &Plan, group: usize) -> Option<Id> {
    p.strategy.objectives.get(group).map(|o| o.id.clone())
}

/// Items grouped by the place of the objective (or tactic) they hang on; items whose
/// owner is gone are in no group.
fn grouped<'a, T>(items: &'a [T], places: &HashMap<&Id, usize>, id: fn(&T) -> &Id, owner: fn(&T) -> &Id) -> Vec<(&'a Id, usize)> {
    items.iter().map(|x| (id(x), places.get(owner(x)).copied().unwrap_or(usize::MAX))).filter(|(_, g)| *g != usize::MAX).collect()
}

macro_rules! kpi_number {
    ($key:literal, $label:ident, $field:ident) => {
        Column {
            key: $key,
            label: |t| t.$label,
            kind: Kind::Number { min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE, whole: false, optional: true },
            get: |p, at| Value::Number(find(&p.strategy.kpis, at).and_then(|k| k.$field)),
            set: |p, at, v| {
                if let (Value::Number(v), Some(k)) = (v, find_mut(&mut p.strategy.kpis, at)) {
                    k.$field = v
                }
            },
        }
    };
}

/// KPIs, one list per objective (the group is the objective's place).
pub static KPIS: ListSpec = ListSpec {
    name: "kpi",
    items: |p| grouped(&p.strategy.kpis, &objective_places(&p.strategy), |k| &k.id, |k| &k.objective),
    add: |p, g, id| {
        if let Some(objective) = objective_id(p, g) {
            let deadline = p.strategy.horizon_end();
            p.strategy.kpis.push(Kpi { id, objective, deadline, ..Default::default() });
        }
    },
    shift: |p, id, up| shift(&mut p.strategy.kpis, id, up, |a, b| a.objective == b.objective),
    title: |p, at| find(&p.strategy.kpis, at).map(|x| x.name.clone()).unwrap_or_default(),
    add_label: |t, _| t.add_kpi.to_owned(),
    columns: &[
        text_column!("name", kpi_name, false, |p| p.strategy.kpis, name),
        Column {
            key: "goal",
            label: |t| t.kpi_goal,
            kind: Kind::Choice { keys: keys::<BusinessGoal>, labels: |t| &t.business_goals, optional: true },
            get: |p, at| Value::Choice(find(&p.strategy.kpis, at).and_then(|k| k.business_goal).map(Keyed::key)),
            set: |p, at, v| {
                if let (Some(goal), Some(k)) = (chosen_optional(v), find_mut(&mut p.strategy.kpis, at)) {
                    k.business_goal = goal
                }
            },
        },
        text_column!("unit", kpi_unit, false, |p| p.strategy.kpis, unit),
        Column {
            key: "direction",
            label: |t| t.kpi_direction,
            kind: Kind::Choice { keys: keys::<Direction>, labels: |t| &t.directions, optional: false },
            get: |p, at| find(&p.strategy.kpis, at).map_or(Value::Choice(None), |k| choice(k.direction)),
            set: |p, at, v| {
                if let (Some(d), Some(k)) = (chosen(v), find_mut(&mut p.strategy.kpis, at)) {
                    k.direction = d
                }
            },
        },
        kpi_number!("baseline", kpi_baseline, baseline),
        kpi_number!("target", kpi_target, target),
        Column {
            key: "deadline",
            label: |t| t.kpi_deadline,
            kind: Kind::Date,
            get: |p, at| Value::Date(find(&p.strategy.kpis, at).and_then(|k| k.deadline.clone())),
            set: |p, at, v| {
                if let (Value::Date(d), Some(k)) = (v, find_mut(&mut p.strategy.kpis, at)) {
                    k.deadline = d
                }
            },
        },
        Column {
            key: "frequency",
            label: |t| t.kpi_frequency,
            kind: Kind::Choice { keys: keys::<Frequency>, labels: |t| &t.frequencies, optional: false },
            get: |p, at| find(&p.strategy.kpis, at).map_or(Value::Choice(None), |k| choice(k.frequency)),
            set: |p, at, v| {
                if let (Some(f), Some(k)) = (chosen(v), find_mut(&mut p.strategy.kpis, at)) {
                    k.frequency = f
                }
            },
        },
        text_column!("source", kpi_source, false, |p| p.strategy.kpis, source),
        text_column!("owner", kpi_owner, false, |p| p.strategy.kpis, owner),
    ],
    sortable: false,
    link: None,
    cards: true,
    badge: None,
    advice: Some(|p, at, t, _| smart_texts(smart_kpi(p, at.id), true, t)),
    action: None,
    removal: None,
    filters: &[],
};

/// Tactics, one list per objective.
pub static TACTICS: ListSpec = ListSpec {
    name: "tactic",
    items: |p| grouped(&p.strategy.tactics, &objective_places(&p.strategy), |x| &x.id, |x| &x.objective),
    add: |p, g, id| {
        if let Some(objective) = objective_id(p, g) {
            p.strategy.tactics.push(Tactic { id, objective, text: String::new() });
        }
    },
    shift: |p, id, up| shift(&mut p.strategy.tactics, id, up, |a, b| a.objective == b.objective),
    title: |p, at| find(&p.strategy.tactics, at).map(|x| x.text.clone()).unwrap_or_default(),
    add_label: |t, _| t.add_tactic.to_owned(),
    columns: &[text_column!("text", tactic_text, true, |p| p.strategy.tactics, text)],
    sortable: false,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

/// Output indicators, one list per tactic (the group is the tactic's place).
pub static INDICATORS: ListSpec = ListSpec {
    name: "ind",
    items: |p| {
        let places: HashMap<&Id, usize> = p.strategy.tactics.iter().enumerate().map(|(i, t)| (&t.id, i)).collect();
        grouped(&p.strategy.indicators, &places, |x| &x.id, |x| &x.tactic)
    },
    add: |p, g, id| {
        if let Some(tactic) = p.strategy.tactics.get(g).map(|t| t.id.clone()) {
            p.strategy.indicators.push(Indicator { id, tactic, text: String::new(), kept: false });
        }
    },
    shift: |p, id, up| shift(&mut p.strategy.indicators, id, up, |a, b| a.tactic == b.tactic),
    title: |p, at| find(&p.strategy.indicators, at).map(|x| x.text.clone()).unwrap_or_default(),
    add_label: |t, _| t.add_indicator.to_owned(),
    columns: &[
        text_column!("text", indicator_text, false, |p| p.strategy.indicators, text),
        Column {
            key: "kept",
            label: |t| t.indicator_kept,
            kind: Kind::Check,
            get: |p, at| Value::Check(find(&p.strategy.indicators, at).is_some_and(|x| x.kept)),
            set: |p, at, v| {
                if let (Value::Check(kept), Some(x)) = (v, find_mut(&mut p.strategy.indicators, at)) {
                    x.kept = kept
                }
            },
        },
    ],
    sortable: false,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: Some(RowAction {
        label: |t| t.promote,
        enabled: |p, at| find(&p.strategy.indicators, at).is_some_and(|x| x.kept),
        run: |p, id, new| {
            p.strategy.promote_indicator(id, new);
        },
        done: |t| t.promoted,
    }),
    removal: None,
    filters: &[],
};

pub static RELATIONSHIPS: ListSpec = ListSpec {
    name: "rel",
    items: |p| ungrouped(&p.strategy.relationships),
    add: |p, _, id| p.strategy.relationships.push(Relationship { id, ..Default::default() }),
    shift: |p, id, up| shift(&mut p.strategy.relationships, id, up, |_, _| true),
    title: |p, at| find(&p.strategy.relationships, at).map(|x| x.who.clone()).unwrap_or_default(),
    add_label: |t, _| t.add_relationship.to_owned(),
    columns: &[
        text_column!("who", rel_who, false, |p| p.strategy.relationships, who),
        text_column!("kind", rel_kind, false, |p| p.strategy.relationships, kind),
        text_column!("value", rel_value, true, |p| p.strategy.relationships, value),
        text_column!("usage", rel_usage, true, |p| p.strategy.relationships, usage),
    ],
    sortable: false,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};
