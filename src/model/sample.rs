//! The bundled sample plan: a specialty coffee roaster's marketing plan that fills every
//! block of all three phases, with a year of KPI values.
//!
//! The structure lives in `sample/plan.json`; its texts are `@key` placeholders filled
//! from a per-language table, and its dates are moved so the latest values are recent.

use super::{decode, Date, Plan};
use serde_json::Value;
use std::collections::BTreeMap;

pub const STRUCTURE: &str = include_str!("sample/plan.json");
/// The day the sample's newest weekly value was measured.
pub const REFERENCE_DAY: &str = "2026-11-16";

/// The sample plan with texts from `table` (a JSON object of key → text) and dates
/// moved by whole weeks so the newest value lies within the week before `today`.
pub fn build(table: &str, today: &Date, now: &str) -> Result<Plan, String> {
    let texts: BTreeMap<String, String> = serde_json::from_str(table).map_err(|e| e.to_string())?;
    let mut value: Value = serde_json::from_str(STRUCTURE).map_err(|e| e.to_string())?;
    let reference = Date(REFERENCE_DAY.to_owned()).day_number().ok_or("reference day")?;
    let shift = today.day_number().map(|t| (t - reference).div_euclid(7) * 7).unwrap_or(0);
    fill(&mut value, &texts, shift)?;
    let text = value.to_string();
    let mut plan = decode(text.as_bytes()).map_err(|e| format!("{e:?}"))?.plan;
    plan.created_at = now.to_owned();
    plan.updated_at = now.to_owned();
    Ok(plan)
}

fn fill(value: &mut Value, texts: &BTreeMap<String, String>, shift: i64) -> Result<(), String> {
    match value {
        Value::String(s) => {
            if let Some(key) = s.strip_prefix('@') {
                *s = texts.get(key).ok_or_else(|| format!("sample text {key} is missing"))?.clone();
            } else if let Some(moved) = Date(s.clone()).add_days(shift) {
                *s = moved.0;
            }
        }
        Value::Array(items) => items.iter_mut().try_for_each(|v| fill(v, texts, shift))?,
        Value::Object(map) => map.values_mut().try_for_each(|v| fill(v, texts, shift))?,
        _ => {}
    }
    Ok(())
}

/// Every `@key` the structure uses.
pub fn keys() -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => {
                if let Some(k) = s.strip_prefix('@') {
                    out.push(k.to_owned());
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Value::Object(map) => map.values().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::from_str(STRUCTURE).expect("sample structure is JSON"), &mut out);
    out.sort();
    out.dedup();
    out
}
