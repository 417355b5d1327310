//! Every column of every list gives back what was set, and the plan still validates.

use super::*;
use crate::model::tests::plan;
use crate::model::validate::validate;
use crate::model::{Polarity, Serves};
use proptest::prelude::*;

/// A value `kind` takes, chosen by `r`, with `text` for texts.
fn value_of(kind: Kind, plan: &Plan, r: u64, text: &str) -> Value {
    let none = r % 5 == 0;
    match kind {
        Kind::Text { .. } => Value::Text(text.to_owned()),
        Kind::Number { optional: true, .. } if none => Value::Number(None),
        Kind::Number { min, max, whole: true, .. } => Value::Number(Some(min + (r % (max - min + 1.0) as u64) as f64)),
        Kind::Number { min, max, .. } => {
            let picks = [min, max, 0.0, -0.0, 1.5, 5e-324, -2.25e10, (r as f64) / 7.0];
            Value::Number(Some(picks[(r % picks.len() as u64) as usize].clamp(min, max)))
        }
        Kind::Count => Value::Count((!none).then_some(r % 1_000_000_000_000)),
        Kind::Date => Value::Date((!none).then(|| Date::new(1990 + (r % 60) as i32, 1 + (r % 12) as u32, 1 + (r % 28) as u32))),
        Kind::Choice { optional: true, .. } if none => Value::Choice(None),
        Kind::Choice { keys, .. } => {
            let keys = keys();
            Value::Choice(Some(keys[(r % keys.len() as u64) as usize]))
        }
        Kind::Check => Value::Check(r % 2 == 1),
        Kind::Links(options) => Value::Links(options(plan).into_iter().enumerate().filter(|(i, _)| r >> (i % 64) & 1 == 1).map(|(_, (id, _))| id).collect()),
        Kind::Pick(options) => {
            let options = options(plan);
            Value::Pick((!none && !options.is_empty()).then(|| options[(r % options.len() as u64) as usize].0.clone()))
        }
    }
}

/// Values no column of `kind` takes: another kind, out of range, an unknown key or id.
fn refused(kind: Kind) -> Vec<Value> {
    let mut out = vec![match kind {
        Kind::Text { .. } => Value::Check(true),
        _ => Value::Text("x".into()),
    }];
    match kind {
        Kind::Number { min, max, whole, optional } => {
            out.extend([Value::Number(Some(f64::NAN)), Value::Number(Some(max * 2.0 + 1.0)), Value::Number(Some(min - 1.0))]);
            if whole {
                out.push(Value::Number(Some(min + 0.5)));
            }
            if !optional {
                out.push(Value::Number(None));
            }
        }
        Kind::Count => out.push(Value::Count(Some(u64::MAX))),
        Kind::Date => out.push(Value::Date(Some(Date("2026-02-30".into())))),
        Kind::Choice { optional, .. } => {
            out.push(Value::Choice(Some("no_such_key")));
            if !optional {
                out.push(Value::Choice(None));
            }
        }
        Kind::Pick(_) => out.push(Value::Pick(Some(Id::from("no-such-item")))),
        _ => {}
    }
    out
}

fn linked(spec: &ListSpec, plan: &Plan, at: At) -> bool {
    spec.link.as_ref().is_some_and(|l| (l.linked)(plan, at))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_column_gives_back_what_was_set(mut plan in plan(), seeds in prop::collection::vec(any::<u64>(), 16), texts in prop::collection::vec("\\PC{0,12}", 8)) {
        let mut n = 0;
        for spec in ALL {
            let index = Index::new(spec, &plan);
            let ids: Vec<Id> = (spec.items)(&plan).into_iter().map(|(id, _)| id.clone()).collect();
            for id in &ids {
                let at = index.at(id).expect("every item is indexed");
                for column in spec.columns {
                    n += 1;
                    let value = value_of(column.kind, &plan, seeds[n % seeds.len()], &texts[n % texts.len()]);
                    prop_assert!(column.kind.accepts(&value), "{}.{}: {:?}", spec.name, column.key, value);
                    let before = column.get(&plan, at);
                    let readonly = linked(spec, &plan, at);
                    column.set(&mut plan, at, value.clone());
                    let after = column.get(&plan, at);
                    if readonly {
                        prop_assert_eq!(&after, &before, "{}.{}: a linked entry is edited at its source", spec.name, column.key);
                    } else {
                        prop_assert_eq!(&after, &value, "{}.{}", spec.name, column.key);
                    }
                    prop_assert_eq!(validate(&plan, "plan"), vec![], "{}.{} = {:?}", spec.name, column.key, value);
                }
            }
        }
    }

    #[test]
    fn values_a_column_does_not_take_change_nothing(mut plan in plan()) {
        for spec in ALL {
            let index = Index::new(spec, &plan);
            for id in (spec.items)(&plan).into_iter().map(|(id, _)| id.clone()).collect::<Vec<_>>() {
                let at = index.at(&id).expect("indexed");
                for column in spec.columns {
                    for value in refused(column.kind) {
                        let before = plan.clone();
                        column.set(&mut plan, at, value.clone());
                        prop_assert_eq!(&plan, &before, "{}.{} took {:?}", spec.name, column.key, value);
                    }
                }
            }
        }
    }

    #[test]
    fn an_index_matches_the_items_it_was_built_of_and_only_those(plan in plan(), up in any::<bool>(), pick in any::<usize>()) {
        for spec in ALL {
            let index = Index::new(spec, &plan);
            prop_assert!(index.matches(&(spec.items)(&plan)), "{}", spec.name);
            // The plan with an item moved, an item added or one removed.
            let mut moved = plan.clone();
            let mut removed = plan.clone();
            let ids: Vec<Id> = (spec.items)(&plan).into_iter().map(|(id, _)| id.clone()).collect();
            if let Some(id) = ids.get(pick % ids.len().max(1)) {
                (spec.shift)(&mut moved, id, up);
                removed.remove(id);
            }
            let mut added = plan.clone();
            (spec.add)(&mut added, pick % 3, Id::from("added"));
            for (name, changed) in [("moved", &moved), ("removed", &removed), ("added", &added)] {
                let items = (spec.items)(changed);
                prop_assert_eq!(index.matches(&items), Index::of(&items) == index, "{}: {}", spec.name, name);
            }
        }
    }

    #[test]
    fn the_index_finds_every_item_in_its_group(plan in plan()) {
        for spec in ALL {
            let index = Index::new(spec, &plan);
            let items = (spec.items)(&plan);
            prop_assert_eq!(index.len(), items.len());
            for (slot, (id, group)) in items.iter().enumerate() {
                prop_assert_eq!(index.at(id).map(|at| at.slot), Some(slot));
                prop_assert!(index.group(*group).contains(id));
                // Every reader finds the item by its slot.
                prop_assert_eq!(&spec.columns[0].get(&plan, At { id, slot }), &spec.columns[0].get(&plan, At { id, slot: usize::MAX }));
            }
        }
    }
}

#[test]
fn choices_are_written_as_file_keys() {
    let mut plan = Plan::default();
    plan.information.landscape.findings.push(Finding { id: Id::from("f"), text: "F".into(), ..Default::default() });
    let index = Index::new(&FINDINGS, &plan);
    let f = Id::from("f");
    let at = index.at(&f).expect("indexed");
    let polarity = &FINDINGS.columns[1];
    assert_eq!(polarity.get(&plan, at), Value::Choice(Some("opportunity")));
    polarity.set(&mut plan, at, Value::Choice(Some("threat")));
    assert_eq!(plan.information.landscape.findings[0].polarity, Polarity::Threat);
    // A stale slot still finds the item by id.
    let stale = At { id: at.id, slot: 7 };
    assert_eq!(polarity.get(&plan, stale), Value::Choice(Some("threat")));
}

#[test]
fn an_action_serves_an_objective_or_a_tactic_by_id() {
    let mut plan = Plan::default();
    let s = &mut plan.strategy;
    s.objectives.push(Objective { id: Id::from("o"), ..Default::default() });
    s.tactics.push(Tactic { id: Id::from("t"), objective: Id::from("o"), text: String::new() });
    plan.operative.actions.push(Action { id: Id::from("a"), ..Default::default() });
    let index = Index::new(&ACTIONS, &plan);
    let a = Id::from("a");
    let at = index.at(&a).expect("indexed");
    let serves = &ACTIONS.columns[4];
    serves.set(&mut plan, at, Value::Pick(Some(Id::from("t"))));
    assert_eq!(plan.operative.actions[0].serves, Some(Serves::Tactic(Id::from("t"))));
    serves.set(&mut plan, at, Value::Pick(Some(Id::from("o"))));
    assert_eq!(plan.operative.actions[0].serves, Some(Serves::Objective(Id::from("o"))));
    serves.set(&mut plan, at, Value::Pick(Some(Id::from("gone"))));
    assert_eq!(plan.operative.actions[0].serves, Some(Serves::Objective(Id::from("o"))), "a link to nothing is refused");
}

#[test]
fn every_list_has_unique_column_keys() {
    for spec in ALL {
        let mut keys: Vec<_> = spec.columns.iter().map(|c| c.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), spec.columns.len(), "{}", spec.name);
        assert!(spec.filters.iter().all(|f| *f < spec.columns.len()), "{}", spec.name);
    }
}
