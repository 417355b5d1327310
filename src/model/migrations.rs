//! Schema migrations: each turns a file of version N into version N + 1.
//!
//! A migration is pure: it rewrites the JSON value of the whole envelope. To change the
//! format, bump `SCHEMA_VERSION`, add a `Migration { from: N, .. }` to `MIGRATIONS`, add a
//! fixture of version N under `tests/fixtures/`, and describe it in `docs/file-format.md`.

use serde_json::Value;

pub struct Migration {
    /// The version this migration reads; it writes `from + 1`.
    pub from: u32,
    pub title: &'static str,
    pub apply: fn(&mut Value) -> Result<(), String>,
}

/// Every migration of the format, oldest first. Version 1 is the first published
/// version, so there is nothing to migrate yet.
pub const MIGRATIONS: &[Migration] = &[];

/// Brings `envelope` from version `from` to `to` with `migrations`, and sets its
/// `schema_version`. Fails when a step is missing or a transform refuses the data.
pub fn migrate(envelope: &mut Value, from: u32, to: u32, migrations: &[Migration]) -> Result<(), MigrationError> {
    let mut version = from;
    while version < to {
        let step = migrations
            .iter()
            .find(|m| m.from == version)
            .ok_or(MigrationError::Missing { from: version })?;
        (step.apply)(envelope).map_err(|detail| MigrationError::Failed { from: version, detail })?;
        version += 1;
        if let Some(obj) = envelope.as_object_mut() {
            obj.insert("schema_version".into(), Value::from(version));
        }
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq)]
pub enum MigrationError {
    Missing { from: u32 },
    Failed { from: u32, detail: String },
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // A made-up history proves the mechanism: version 1 kept the function at the top,
    // version 2 moves it into the focus; version 3 renames a field.
    fn move_function(v: &mut Value) -> Result<(), String> {
        let plan = v.get_mut("plan").and_then(Value::as_object_mut).ok_or("no plan")?;
        let function = plan.remove("function").ok_or("no function")?;
        plan.insert("focus".into(), json!({ "function": function }));
        Ok(())
    }

    fn rename_title(v: &mut Value) -> Result<(), String> {
        let plan = v.get_mut("plan").and_then(Value::as_object_mut).ok_or("no plan")?;
        if let Some(t) = plan.remove("title") {
            plan.insert("name".into(), t);
        }
        Ok(())
    }

    const HISTORY: &[Migration] = &[
        Migration { from: 1, title: "function moves into focus", apply: move_function },
        Migration { from: 2, title: "title becomes name", apply: rename_title },
    ];

    #[test]
    fn migrations_run_in_order_and_set_the_version() {
        let mut v = json!({"schema_version": 1, "plan": {"function": "sales", "title": "X"}});
        migrate(&mut v, 1, 3, HISTORY).unwrap();
        assert_eq!(v, json!({"schema_version": 3, "plan": {"focus": {"function": "sales"}, "name": "X"}}));
    }

    #[test]
    fn a_missing_step_or_a_refusal_is_an_error() {
        let mut v = json!({"schema_version": 1, "plan": {"function": "sales"}});
        assert_eq!(migrate(&mut v.clone(), 1, 4, HISTORY), Err(MigrationError::Missing { from: 3 }));
        v["plan"].as_object_mut().unwrap().remove("function");
        assert!(matches!(migrate(&mut v, 1, 2, HISTORY), Err(MigrationError::Failed { from: 1, .. })));
    }

    #[test]
    fn the_current_version_needs_no_migration() {
        let mut v = json!({"schema_version": 1});
        migrate(&mut v, 1, 1, MIGRATIONS).unwrap();
        assert_eq!(v, json!({"schema_version": 1}));
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.from as usize, i + 1, "migration {} is out of order", m.title);
        }
        assert_eq!(MIGRATIONS.len() as u32 + 1, crate::model::SCHEMA_VERSION);
    }
}
