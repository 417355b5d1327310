//! How a merge conflict reads: each field by the label the team knows it by (the list's
//! column, or the block's field), and each value as the screens show it (a choice by its
//! name, a link by the linked item's text), in the user's language.

use super::{keys, Column, Kind, ListSpec, ACTIONS, BUSINESS_OBJECTIVES, CHANNELS, FINDINGS, INDICATORS, KPIS, OBJECTIVES, OPPORTUNITIES_RISKS, RELATIONSHIPS, SWOT, TACTICS, TOOLS};
use crate::i18n::Texts;
use crate::model::{ActionPlan, BenchmarkLevel, BusinessFunction, Id, LandscapeLevel, MaturityDimension, Plan};

/// The list description of a list of the merge (`model::merge::LISTS`).
fn spec(list: &str) -> Option<&'static ListSpec> {
    Some(match list {
        "business_objectives" => &BUSINESS_OBJECTIVES,
        "objectives" => &OBJECTIVES,
        "kpis" => &KPIS,
        "tactics" => &TACTICS,
        "indicators" => &INDICATORS,
        "findings" => &FINDINGS,
        "strengths" | "weaknesses" | "opportunities" | "threats" => &SWOT,
        "opportunities_risks" => &OPPORTUNITIES_RISKS,
        "tools" => &TOOLS,
        "channels" => &CHANNELS,
        "relationships" => &RELATIONSHIPS,
        "actions" => &ACTIONS,
        _ => return None,
    })
}

/// The column a field of an item is edited in.
fn column(list: &str, field: &str) -> Option<&'static Column> {
    let key = match (list, field) {
        ("kpis", "business_goal") => "goal",
        ("objectives", "business_objectives") => "serves",
        _ => field,
    };
    spec(list)?.columns.iter().find(|c| c.key == key)
}

/// The label of `field` of an item of `list`, or of the field at the dotted `field` path
/// outside the lists when `list` is `None`. What has no label shows as it is in the file.
pub fn field_label(t: &Texts, list: Option<&str>, field: &str) -> String {
    let label = match list {
        Some(list) => column(list, field).map(|c| (c.label)(t).to_owned()).or_else(|| {
            Some(match field {
                "level" => t.conflict_level.to_owned(),
                "objective" => t.obj_text.to_owned(),
                "tactic" => t.tactic_text.to_owned(),
                "finding" => t.conflict_finding.to_owned(),
                "actuals" => t.conflict_values.to_owned(),
                "notes" => t.channel_notes.to_owned(),
                "plan" => t.conflict_action_plan.to_owned(),
                _ => return None,
            })
        }),
        None => path_label(t, field),
    };
    label.unwrap_or_else(|| field.to_owned())
}

/// The label of a field outside the lists, by its dotted path in the file.
fn path_label(t: &Texts, path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('.').collect();
    let at = |keys: &[&str], labels: &[&'static str], key: &str| keys.iter().position(|k| *k == key).and_then(|i| labels.get(i)).map(|l| (*l).to_owned());
    let text = |s: &'static str| Some(s.to_owned());
    match parts.as_slice() {
        ["name"] => text(t.plan_name),
        ["information", "landscape", "generic_strategy"] => text(t.generic_strategy_label),
        ["information", "audit", q] => at(&["progress", "channels_used", "engagement", "benefits", "improvements"], &t.audit_questions, q),
        ["information", "audit", "benchmark", level, score] => {
            let level = at(&keys::<BenchmarkLevel>(), &t.benchmark_levels, level)?;
            let score = at(&["current", "ideal", "note"], &[t.score_current, t.score_ideal, t.score_note], score)?;
            Some(format!("{level} · {score}"))
        }
        ["information", "swot", q] => at(&["leverage_strengths", "overcome_weaknesses", "realise_opportunities", "alleviate_threats"], &t.swot_questions, q),
        ["information", "maturity", "answers", d] => at(&keys::<MaturityDimension>(), &t.dimension_names, d),
        ["information", "maturity", "notes"] => text(t.maturity_notes),
        ["strategy", "focus", f] => at(&["function", "horizon_years", "start"], &[t.business_function, t.focus_horizon, t.focus_start], f),
        ["strategy", "mission"] => text(t.mission_label),
        ["strategy", "post", f] => at(&["people", "objectives", "objectives_note", "strategy", "technology"], &[t.post_people, t.post_objectives, t.post_objectives_note, t.post_strategy, t.post_technology], f),
        ["strategy", "why", f] => at(&["marketing", "employee_engagement", "collaboration"], &[t.why_marketing, t.why_employees, t.why_collaboration], f),
        ["strategy", "governance", f] => at(&["policies", "guidelines", "processes", "education"], &[t.gov_policies, t.gov_guidelines, t.gov_processes, t.gov_education], f),
        ["strategy", "business_integration"] => text(t.integration_label),
        ["strategy", "goal_system"] => text(t.goal_system_label),
        ["strategy", "resources", f] => at(&["people", "hours_per_week", "budget", "tools"], &[t.res_people, t.res_hours, t.res_budget, t.res_tools], f),
        ["operative", "thresholds", f] => at(&["at_risk", "off_track"], &[t.threshold_at_risk, t.threshold_off_track], f),
        _ => None,
    }
}

/// The ids in a value as the merge shows it: a text, or the JSON of a list of ids or of an
/// action's `serves` (`{"objective": "…"}`).
fn ids(raw: &str) -> Vec<Id> {
    if raw.starts_with('[') || raw.starts_with('{') {
        raw.split('"').skip(1).step_by(2).map(Id::from).collect()
    } else {
        vec![Id::from(raw)]
    }
}

/// `value` of `field` of an item of `list` (or of the field at a path outside the lists),
/// as the screens show it. Links name the items of `plan` they point at.
pub fn field_value(t: &Texts, plan: &Plan, list: Option<&str>, field: &str, value: &str) -> String {
    if value.is_empty() {
        return String::new();
    }
    // An id the team plan doesn't have (an item new on the participant's side) shows as it is.
    let name_of = |options: Vec<(Id, String)>| {
        let names: Vec<String> = ids(value).into_iter().map(|id| options.iter().find(|(o, _)| *o == id).map_or_else(|| id.to_string(), |(_, n)| n.clone())).collect();
        names.join(", ")
    };
    let Some(list) = list else {
        return match field {
            "strategy.focus.function" => keys::<BusinessFunction>().iter().position(|k| *k == value).map_or_else(|| value.to_owned(), |i| t.functions[i].to_owned()),
            _ => value.to_owned(),
        };
    };
    if let Some(c) = column(list, field) {
        return match c.kind {
            Kind::Choice { keys, labels, .. } => keys().iter().position(|k| *k == value).and_then(|i| labels(t).get(i)).map_or_else(|| value.to_owned(), |l| (*l).to_owned()),
            Kind::Check => if value == "true" { "✓".to_owned() } else { "—".to_owned() },
            Kind::Links(options) | Kind::Pick(options) => name_of(options(plan)),
            _ => value.to_owned(),
        };
    }
    let s = &plan.strategy;
    match field {
        "level" => keys::<LandscapeLevel>().iter().position(|k| *k == value).map_or_else(|| value.to_owned(), |i| t.landscape_levels[i].to_owned()),
        "objective" => name_of(s.objectives.iter().map(|o| (o.id.clone(), o.text.clone())).collect()),
        "tactic" => name_of(s.tactics.iter().map(|x| (x.id.clone(), x.text.clone())).collect()),
        "finding" => name_of(plan.information.landscape.findings.iter().map(|f| (f.id.clone(), f.text.clone())).collect()),
        "actuals" => t.count(t.conflict_values_count, value.matches("\"period\"").count()),
        "plan" => keys::<ActionPlan>().iter().position(|k| *k == value).map_or_else(|| value.to_owned(), |i| t.action_plans[i].to_owned()),
        _ => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::merge::LISTS;
    use serde_json::Value;

    fn sample() -> Plan {
        crate::model::sample::build(include_str!("../../public/sample/plan.json"), include_str!("../../public/sample/en.json"), &crate::model::Date::new(2026, 11, 22), "2026-11-22T10:00:00Z").expect("the sample builds")
    }

    fn leaves(v: &Value, path: String, skip: &[String], out: &mut Vec<String>) {
        if skip.contains(&path) {
            return;
        }
        match v {
            Value::Object(map) => map.iter().for_each(|(k, v)| leaves(v, if path.is_empty() { k.clone() } else { format!("{path}.{k}") }, skip, out)),
            _ => out.push(path),
        }
    }

    /// Every field a conflict can show, of every list and outside the lists, reads by a
    /// label in every language, not by its name in the file.
    #[test]
    fn every_field_of_a_conflict_has_a_label() {
        let plan = serde_json::to_value(sample()).unwrap();
        for lang in Lang::ALL {
            let t = lang.texts();
            for list in LISTS {
                let items = list.path.iter().fold(&plan, |v, k| &v[*k]);
                let fields: std::collections::BTreeSet<&String> = items.as_array().unwrap().iter().flat_map(|i| i.as_object().unwrap().keys()).collect();
                assert!(!fields.is_empty(), "{}", list.name);
                for field in fields.into_iter().filter(|f| *f != "id") {
                    let label = field_label(t, Some(list.name), field);
                    assert_ne!(&label, field, "{lang:?} {}.{field}", list.name);
                }
            }
            // Every field the merge compares outside the lists (`merge::NOT_MERGED` aside).
            let mut skip: Vec<String> = LISTS.iter().map(|l| l.path.join(".")).collect();
            skip.extend(["id", "created_at", "updated_at", "workshop"].map(String::from));
            let mut paths = Vec::new();
            leaves(&plan, String::new(), &skip, &mut paths);
            assert!(paths.len() > 50, "{paths:?}");
            for path in paths {
                assert_ne!(field_label(t, None, &path), path, "{lang:?}");
            }
        }
    }

    #[test]
    fn values_read_as_the_screens_show_them() {
        let plan = sample();
        let t = Lang::En.texts();
        let f = &plan.information.landscape.findings[0];
        assert_eq!(field_value(t, &plan, Some("findings"), "polarity", "threat"), t.polarities[1]);
        assert_eq!(field_value(t, &plan, Some("findings"), "level", "customers"), "Customers");
        assert_eq!(field_value(t, &plan, Some("strengths"), "finding", f.id.as_str()), f.text);
        let o = &plan.strategy.objectives[0];
        assert_eq!(field_value(t, &plan, Some("kpis"), "objective", o.id.as_str()), o.text);
        let b = &plan.strategy.business_objectives;
        let links = format!("[\"{}\",\"{}\"]", b[0].id.as_str(), b[1].id.as_str());
        assert!(field_value(t, &plan, Some("objectives"), "business_objectives", &links).starts_with("A – "));
        let serves = format!("{{\"objective\":\"{}\"}}", o.id.as_str());
        assert!(field_value(t, &plan, Some("actions"), "serves", &serves).contains(&o.text[..10]));
        assert_eq!(field_value(t, &plan, Some("kpis"), "actuals", r#"[{"period":"2026-01-31","value":1},{"period":"2026-02-28","value":2}]"#), "2 values");
        assert_eq!(field_value(t, &plan, Some("indicators"), "kept", "true"), "✓");
        assert_eq!(field_value(t, &plan, Some("kpis"), "name", "Reach"), "Reach");
        assert_eq!(field_value(t, &plan, Some("findings"), "polarity", "unknown"), "unknown");
        assert_eq!(field_label(t, None, "strategy.mission"), t.mission_label);
        assert_eq!(field_label(t, None, "name"), "Plan name");
        assert_eq!(field_value(t, &plan, None, "strategy.focus.function", "sales"), t.function(crate::model::BusinessFunction::Sales));
        assert_eq!(field_value(t, &plan, Some("kpis"), "objective", "new-one"), "new-one", "an id the team plan lacks");
        assert_eq!(field_label(t, None, "information.audit.benchmark.kpis.ideal"), "KPIs · Ideal (0–10)");
    }
}
