//! The bundled sample plan: a specialty coffee roaster's marketing plan that fills every
//! block of all three phases, with a year of KPI values.
//!
//! The structure lives in `public/sample/plan.json`; its texts are `@key` placeholders
//! filled from a per-language table (`public/sample/<lang>.json`), and its dates are
//! moved so the latest values are recent. The files are fetched when a user opens the
//! sample, so they cost nothing on the first load.

use super::{decode, Date, Plan};
use serde_json::Value;
use std::collections::BTreeMap;

/// The day the sample's newest weekly value was measured.
pub const REFERENCE_DAY: &str = "2026-11-16";

/// The sample plan from its `structure`, with texts from `table` (a JSON object of
/// key → text) and dates moved by whole weeks so the newest weekly value lies within the
/// week before `today`. The values of monthly and quarterly KPIs move by whole months, so
/// the newest one stays in this month (or quarter) on every day of it; one that would
/// then lie after `today` is dated `today`, as if entered this morning. `None` when the
/// files don't fit together.
pub fn build(structure: &str, table: &str, today: &Date, now: &str) -> Option<Plan> {
    let table: Value = serde_json::from_str(table).ok()?;
    let texts: BTreeMap<&str, &str> =
        table.as_object()?.iter().filter_map(|(k, v)| Some((k.as_str(), v.as_str()?))).collect();
    let mut value: Value = serde_json::from_str(structure).ok()?;
    let reference = Date::text(REFERENCE_DAY);
    let (reference_day, (ry, rm, _)) = (reference.day_number()?, reference.parts()?);
    let shift = Shift {
        today,
        days: today.day_number().map(|t| (t - reference_day).div_euclid(7) * 7).unwrap_or(0),
        months: today.parts().map_or(0, |(y, m, _)| (i64::from(y) - i64::from(ry)) * 12 + i64::from(m) - i64::from(rm)),
    };
    fill(&mut value, &texts, shift, false)?;
    let text = value.to_string();
    let mut plan = decode(text.as_bytes()).ok()?.plan;
    plan.created_at = now.to_owned();
    plan.updated_at = now.to_owned();
    Some(plan)
}

#[derive(Clone, Copy)]
struct Shift<'a> {
    today: &'a Date,
    days: i64,
    months: i64,
}

/// Fills the texts and moves the dates; `by_month` inside the values of a KPI measured
/// monthly or quarterly.
fn fill(value: &mut Value, texts: &BTreeMap<&str, &str>, shift: Shift, by_month: bool) -> Option<()> {
    match value {
        Value::String(s) => {
            if let Some(key) = s.strip_prefix('@') {
                *s = (*texts.get(key)?).to_owned();
            } else if let Some(moved) =
                if by_month {
                    Date::text(s).add_months(shift.months).map(|d| d.min(shift.today.clone()))
                } else {
                    Date::text(s).add_days(shift.days)
                }
            {
                *s = moved.0.to_string();
            }
        }
        Value::Array(items) => items.iter_mut().try_for_each(|v| fill(v, texts, shift, by_month))?,
        Value::Object(map) => {
            let monthly = matches!(map.get("frequency").and_then(Value::as_str), Some("monthly" | "quarterly"));
            map.iter_mut().try_for_each(|(k, v)| fill(v, texts, shift, by_month || (monthly && k == "actuals")))?
        }
        _ => {}
    }
    Some(())
}

/// Every `@key` a structure uses.
pub fn keys(structure: &str) -> Vec<String> {
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
    if let Ok(value) = serde_json::from_str(structure) {
        walk(&value, &mut out);
    }
    out.sort();
    out.dedup();
    out
}
