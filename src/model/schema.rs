//! The published JSON Schema of the plan file, `docs/plan.schema.json`: what schemars
//! derives from the types, tightened by a walk over the generated JSON to the rules the
//! app enforces, and a check of files against it with a JSON Schema validator.
//!
//! What the walk adds to the derived schema:
//! - every object with named properties refuses any other property;
//! - the envelope: `format` is the constant `"socialplan"`, `schema_version` an integer
//!   from 1 to `SCHEMA_VERSION` (older files are migrated on import, but the schema
//!   describes the shape of the current version only);
//! - ids are non-empty text, and so are links to other items; dates are `YYYY-MM-DD`;
//! - numbers have the ranges `validate` checks (`FIELDS`);
//! - a field whose default the app would refuse anyway (an empty id or link, an empty
//!   period) is required; every other field stays optional, as the app fills its default;
//! - map keys (the maturity dimensions) are the enumeration's names.
//!
//! `null` stays allowed exactly where schemars allows it (the optional fields). The app
//! also reads `null` elsewhere as the field's default, which the schema does not allow.

use super::file_format::{Envelope, FORMAT, SCHEMA_VERSION};
use super::validate::MAX_MAGNITUDE;
use super::MaturityDimension;
use schemars::gen::{SchemaGenerator, SchemaSettings};
use schemars::schema::{RootSchema, Schema};
use serde_json::{json, Map, Value};

/// Where the schema is published.
pub(super) const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/plan.schema.json");

/// A real-looking calendar date: the app checks the day of the month as well.
pub(super) const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// How one field is tightened beyond its type.
enum Rule {
    /// A `Date`: `YYYY-MM-DD`.
    Date,
    /// An id of another item: non-empty. (Every field named `id` is one too.)
    Link,
    /// A number within bounds, as `validate` checks it.
    Range(f64, f64),
    /// A map whose keys are the names of an enumeration.
    Keys(fn(&mut SchemaGenerator) -> Schema),
}

fn maturity_dimension(gen: &mut SchemaGenerator) -> Schema {
    gen.subschema_for::<MaturityDimension>()
}

/// The fields (definition, property) that the types alone don't describe. Each must
/// exist in the derived schema; a field named `id` needs no entry.
const FIELDS: &[(&str, &str, Rule)] = &[
    ("Action", "due", Rule::Date),
    ("Actual", "period", Rule::Date),
    ("Channel", "since", Rule::Date),
    ("Focus", "start", Rule::Date),
    ("Kpi", "deadline", Rule::Date),
    ("Kpi", "objective", Rule::Link),
    ("Tactic", "objective", Rule::Link),
    ("Indicator", "tactic", Rule::Link),
    ("Objective", "business_objectives", Rule::Link),
    ("SwotItem", "finding", Rule::Link),
    ("Serves", "objective", Rule::Link),
    ("Serves", "tactic", Rule::Link),
    ("Finding", "weight", Rule::Range(1.0, 5.0)),
    ("ToolEntry", "relevance", Rule::Range(1.0, 5.0)),
    ("BenchmarkScore", "current", Rule::Range(0.0, 10.0)),
    ("BenchmarkScore", "ideal", Rule::Range(0.0, 10.0)),
    ("Focus", "horizon_years", Rule::Range(1.0, 5.0)),
    ("Thresholds", "at_risk", Rule::Range(0.0, 1.0)),
    ("Thresholds", "off_track", Rule::Range(0.0, 1.0)),
    ("Kpi", "baseline", Rule::Range(-MAX_MAGNITUDE, MAX_MAGNITUDE)),
    ("Kpi", "target", Rule::Range(-MAX_MAGNITUDE, MAX_MAGNITUDE)),
    ("Actual", "value", Rule::Range(-MAX_MAGNITUDE, MAX_MAGNITUDE)),
    ("Resources", "hours_per_week", Rule::Range(-MAX_MAGNITUDE, MAX_MAGNITUDE)),
    ("Resources", "budget", Rule::Range(-MAX_MAGNITUDE, MAX_MAGNITUDE)),
    ("Channel", "audience", Rule::Range(0.0, MAX_MAGNITUDE)),
    ("Maturity", "answers", Rule::Keys(maturity_dimension)),
    ("Workshop", "dots", Rule::Range(1.0, super::workshop::MAX_DOTS as f64)),
    ("AgendaItem", "minutes", Rule::Range(1.0, super::agenda::MAX_MINUTES as f64)),
    ("Authorship", "item", Rule::Link),
    ("Vote", "item", Rule::Link),
    ("Vote", "participant", Rule::Link),
    ("Comment", "item", Rule::Link),
    ("ContributionHeader", "plan", Rule::Link),
];

/// The schema as published: derived, tightened, and laid out in schemars' key order.
pub(super) fn published_text() -> String {
    let mut gen = SchemaSettings::draft07().into_generator();
    // Key types are not in the derived definitions: generate them first.
    let keys: Vec<Value> = FIELDS
        .iter()
        .map(|(_, _, rule)| match rule {
            Rule::Keys(key) => serde_json::to_value(key(&mut gen)).expect("a schema is JSON"),
            _ => Value::Null,
        })
        .collect();
    let mut schema = serde_json::to_value(gen.into_root_schema_for::<Envelope>()).expect("a schema is JSON");
    tighten(&mut schema, &keys);
    // Back through schemars' own types, for its order of keys ("$schema", "title", "type",
    // "required", "properties", "definitions") rather than the alphabetical one; nothing
    // may be lost on the way.
    let root: RootSchema = serde_json::from_value(schema.clone()).expect("the schema reads back");
    assert_eq!(serde_json::to_value(&root).unwrap(), schema, "a keyword was lost reading the schema back");
    serde_json::to_string_pretty(&root).unwrap() + "\n"
}

fn object(v: &mut Value) -> &mut Map<String, Value> {
    v.as_object_mut().expect("a schema object")
}

/// Every rule the app enforces on a file's structure that the derived schema lacks.
fn tighten(schema: &mut Value, keys: &[Value]) {
    let root = object(schema);
    root.insert("description".into(), "A plan of Socialplan, as exported (`*.socialplan.json`). The schema describes the current version of the format.".into());
    assert_eq!(root["required"], json!(["format", "plan", "schema_version"]), "what the envelope requires");
    let envelope = object(root.get_mut("properties").expect("the envelope's properties"));
    *envelope.get_mut("format").unwrap() = json!({ "description": "Always `\"socialplan\"`.", "const": FORMAT });
    *envelope.get_mut("schema_version").unwrap() = json!({
        "description": "The version of the format. Older versions are migrated when a file is opened; this schema describes the current one.",
        "type": "integer",
        "minimum": 1.0,
        "maximum": f64::from(SCHEMA_VERSION),
    });
    let revision = object(envelope.get_mut("revision").unwrap());
    revision.remove("format");
    revision.insert("minimum".into(), json!(0.0));
    revision.insert("maximum".into(), json!(u64::MAX as f64));

    let mut used = vec![false; FIELDS.len()];
    for (name, definition) in object(root.get_mut("definitions").expect("definitions")).iter_mut() {
        each_object(definition, &mut |obj| {
            let fields: Vec<String> = obj["properties"].as_object().unwrap().keys().cloned().collect();
            for field in fields {
                let found = FIELDS.iter().position(|(d, f, _)| d == name && *f == field);
                let rule = match found {
                    Some(i) => {
                        used[i] = true;
                        &FIELDS[i].2
                    }
                    None if field == "id" => &Rule::Link,
                    None => continue,
                };
                let key = found.map_or(&Value::Null, |i| &keys[i]);
                apply(obj, &field, rule, key, &format!("{name}.{field}"));
            }
        });
    }
    for ((definition, field, _), used) in FIELDS.iter().zip(used) {
        assert!(used, "{definition}.{field} is not in the derived schema: update FIELDS in src/model/schema.rs");
    }
    close(schema);
}

/// Calls `f` on `schema` and on each of its alternatives (`oneOf` …) that has properties.
fn each_object(schema: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
    let obj = object(schema);
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(Value::Array(alternatives)) = obj.get_mut(key) {
            for alternative in alternatives {
                each_object(alternative, f);
            }
        }
    }
    if obj.contains_key("properties") {
        f(obj);
    }
}

/// Tightens property `field` of object schema `obj` by `rule`.
fn apply(obj: &mut Map<String, Value>, field: &str, rule: &Rule, key: &Value, at: &str) {
    let property = object(obj.get_mut("properties").unwrap().get_mut(field).unwrap());
    let kind = property.get("type").cloned().unwrap_or(Value::Null);
    let text = |p: &mut Map<String, Value>, required: &mut bool| {
        let add = |p: &mut Map<String, Value>| match rule {
            Rule::Date => {
                p.insert("format".into(), "date".into());
                p.insert("pattern".into(), DATE_PATTERN.into());
            }
            _ => {
                p.insert("minLength".into(), 1.into());
            }
        };
        if kind == "string" {
            // The default, empty, is refused by the app: the field must be there.
            p.remove("default");
            add(p);
            *required = true;
        } else if kind == json!(["string", "null"]) {
            add(p);
        } else if kind == "array" && p["items"]["type"] == "string" {
            add(object(p.get_mut("items").unwrap()));
        } else {
            panic!("{at}: {kind} is not text, an optional text or a list of texts");
        }
    };
    let mut required = false;
    match rule {
        Rule::Date | Rule::Link => text(property, &mut required),
        Rule::Range(min, max) => {
            let number = ["integer", "number"].iter().any(|t| kind == *t || kind == json!([t, "null"]));
            assert!(number, "{at}: {kind} is not a number");
            property.remove("format");
            property.insert("minimum".into(), json!(min));
            property.insert("maximum".into(), json!(max));
        }
        Rule::Keys(_) => {
            assert!(property.get("additionalProperties").is_some_and(Value::is_object), "{at} is not a map");
            property.insert("propertyNames".into(), key.clone());
        }
    }
    if required {
        let list = obj.entry("required").or_insert_with(|| json!([]));
        let list = list.as_array_mut().unwrap();
        if !list.iter().any(|x| x == field) {
            list.push(field.into());
            list.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
        }
    }
}

/// Walks every schema: objects with named properties refuse others, maps must have a rule
/// for their keys, and schemars' numeric formats (`uint8`, `double` …), which no
/// validator knows, become bounds.
fn close(schema: &mut Value) {
    let Some(obj) = schema.as_object_mut() else { return };
    if obj.contains_key("properties") && !obj.contains_key("additionalProperties") {
        obj.insert("additionalProperties".into(), false.into());
    }
    if obj.get("additionalProperties").is_some_and(Value::is_object) {
        assert!(obj.contains_key("propertyNames"), "a map without a rule for its keys: add a Rule::Keys to FIELDS");
    }
    match obj.get("format").and_then(Value::as_str) {
        Some(unsigned @ ("uint8" | "uint16" | "uint32" | "uint64" | "uint")) => {
            let max = match unsigned {
                "uint8" => f64::from(u8::MAX),
                "uint16" => f64::from(u16::MAX),
                "uint32" => f64::from(u32::MAX),
                _ => u64::MAX as f64,
            };
            obj.remove("format");
            obj.entry("minimum").or_insert(json!(0.0));
            obj.entry("maximum").or_insert(json!(max));
        }
        Some("double" | "float") => {
            assert!(obj.contains_key("minimum"), "a number without bounds: add its range to FIELDS ({obj:?})");
            obj.remove("format");
        }
        _ => {}
    }
    for (key, child) in obj.iter_mut() {
        match (key.as_str(), child) {
            ("properties" | "definitions", Value::Object(schemas)) => schemas.values_mut().for_each(close),
            ("allOf" | "anyOf" | "oneOf" | "items", Value::Array(schemas)) => schemas.iter_mut().for_each(close),
            ("items" | "additionalProperties" | "propertyNames" | "not", child) => close(child),
            _ => {}
        }
    }
}

/// A validator of the published schema.
pub(super) struct Checker(jsonschema::Validator);

impl Checker {
    pub(super) fn new(schema: &Value) -> Checker {
        jsonschema::meta::validate(schema).expect("the schema is a valid JSON Schema");
        let validator = jsonschema::draft7::options().should_validate_formats(true).build(schema).expect("the schema compiles");
        Checker(validator)
    }

    /// What is wrong with `file`, with the place of each; empty when it passes.
    pub(super) fn errors(&self, file: &Value) -> Vec<String> {
        self.0.iter_errors(file).map(|e| format!("{}: {e}", e.instance_path())).collect()
    }

    /// Whether the schema refuses the file `bytes`. A file that is not JSON at all (after a
    /// byte order mark, which the app skips) is no instance of any schema: refused.
    pub(super) fn refuses(&self, bytes: &[u8]) -> bool {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match serde_json::from_slice::<Value>(bytes) {
            Ok(file) => !self.0.is_valid(&file),
            Err(_) => true,
        }
    }
}

/// `cases` files made from `base` by one deterministic mutation fuzzer, shared by
/// `fuzz_the_import_path` (src/model/tests.rs) and the schema check: values swapped
/// for other types, hostile text, huge and negative numbers, deep nesting, removed keys,
/// doubled list items, and every other file cut short.
pub(super) fn mutations(base: &Value, cases: usize) -> Vec<Vec<u8>> {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let hostile = || -> Vec<Value> {
        vec![
            Value::Null, json!(true), json!(0), json!(-1), json!(1e300), json!(-1e300), json!(255), json!(256), json!(3.5),
            json!(""), json!("<script>alert(1)</script>"), json!("2026-02-30"), json!("x".repeat(5000)), json!([]), json!({}),
            (0..80).fold(json!(1), |v, _| json!([v])), json!({"id": "x"}), json!("sample"),
        ]
    };
    let mut out = Vec::with_capacity(cases);
    for case in 0..cases {
        let mut doc = base.clone();
        for _ in 0..1 + next(4) {
            let mut pointer = String::new();
            {
                let mut at = &doc;
                for _ in 0..next(7) {
                    let step = match at {
                        Value::Object(m) if !m.is_empty() => {
                            let k = m.keys().nth(next(m.len())).cloned().unwrap();
                            Some((k.replace('~', "~0").replace('/', "~1"), &m[&k]))
                        }
                        Value::Array(a) if !a.is_empty() => {
                            let i = next(a.len());
                            Some((i.to_string(), &a[i]))
                        }
                        _ => None,
                    };
                    match step {
                        Some((seg, child)) => {
                            pointer.push('/');
                            pointer.push_str(&seg);
                            at = child;
                        }
                        None => break,
                    }
                }
            }
            let at = doc.pointer_mut(&pointer).unwrap();
            match (next(4), &mut *at) {
                (0, Value::Object(m)) if !m.is_empty() => {
                    let k = m.keys().nth(next(m.len())).cloned().unwrap();
                    m.remove(&k);
                }
                (1, Value::Array(a)) if !a.is_empty() => {
                    let item = a[next(a.len())].clone();
                    a.push(item);
                }
                _ => {
                    let pool = hostile();
                    *at = pool[next(pool.len())].clone();
                }
            }
        }
        let mut bytes = serde_json::to_string(&doc).unwrap().into_bytes();
        if case % 2 == 1 {
            bytes.truncate(next(bytes.len()));
        }
        out.push(bytes);
    }
    out
}
