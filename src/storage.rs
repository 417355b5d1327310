//! Plans in the browser's localStorage: one key per plan plus an index, under a
//! versioned prefix. Writing one plan never rewrites another; a failed write leaves
//! storage as it was; data that can't be read is kept under a backup key, never deleted.

use crate::model::file_format::{peek_revision, Codec};
use crate::model::file_format::Reading;
use crate::model::{BusinessFunction, Id, ImportError, Keyed, Plan, PlanSummary, Repair};
use crate::APP_VERSION;
use wasm_bindgen::JsCast;

pub const PREFIX: &str = "socialplan.v1.";
pub const INDEX_KEY: &str = "socialplan.v1.index";
pub const SETTINGS_KEY: &str = "socialplan.v1.settings";
const PLAN_PREFIX: &str = "socialplan.v1.plan.";
const BACKUP_PREFIX: &str = "socialplan.v1.backup.";
/// The clock of a workshop session, per plan (`ui::agenda`).
pub const CLOCK_PREFIX: &str = "socialplan.v1.clock.";

pub fn plan_key(id: &Id) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// The plan id a storage key belongs to, if it is a plan key.
pub fn plan_id_of_key(key: &str) -> Option<Id> {
    key.strip_prefix(PLAN_PREFIX).map(Id::from)
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser's quota is used up; nothing was written.
    Full,
    /// Storage is blocked (private mode, policy).
    Unavailable,
    /// Another tab saved a newer revision since this tab loaded the plan.
    Conflict { stored: u64 },
    Other(String),
}

/// A stored plan that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub id: Id,
    pub name: String,
    /// Where its raw text is now kept.
    pub key: String,
    /// Saved by a newer version of the app (another tab already updated): left in place.
    pub newer: bool,
}

/// A stored plan that did not validate and was repaired as it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Repaired {
    pub name: String,
    pub repairs: Vec<Repair>,
    /// Where the text as it was is kept (a backup key), when it could be written.
    pub kept: Option<String>,
}

/// What was found in storage at start.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inventory {
    pub plans: Vec<PlanSummary>,
    pub unreadable: Vec<Unreadable>,
    pub repaired: Vec<Repaired>,
}

/// A copy of a plan's text kept aside: a plan that could not be read at all, or the
/// text of a plan as it was before a repair. Listed under "Recovery" until deleted.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub key: String,
    /// The plan's id and when the copy was made, read from the key.
    pub plan: Id,
    pub at: String,
    /// The plan's name, when it can be found in the text.
    pub name: Option<String>,
    pub chars: usize,
}

/// Keeps `text` under a new backup key for plan `id`; `None` when storage is full.
fn keep_backup(storage: &web_sys::Storage, id: &Id, text: &str, now: &str) -> Option<String> {
    let key = format!("{BACKUP_PREFIX}{id}.{now}");
    set(storage, &key, text).ok().map(|()| key)
}

/// Every backup copy in storage, newest first.
pub fn backups(storage: &web_sys::Storage) -> Vec<Backup> {
    let mut out: Vec<Backup> = keys(storage)
        .into_iter()
        .filter_map(|key| {
            let rest = key.strip_prefix(BACKUP_PREFIX)?;
            let (plan, at) = rest.split_once('.').unwrap_or((rest, ""));
            let text = storage.get_item(&key).ok().flatten().unwrap_or_default();
            let name = backup_name(&text);
            Some(Backup { plan: Id::from(plan), at: at.to_owned(), name, chars: text.chars().count(), key })
        })
        .collect();
    out.sort_by(|a, b| b.at.cmp(&a.at));
    out
}

/// The plan's name in a backup copy (which may not be a readable plan): from the parsed
/// text when it parses, else the first `"name"` string found, read with the browser's JSON.
fn backup_name(text: &str) -> Option<String> {
    if let Ok(v) = js_sys::JSON::parse(text) {
        let name = js_sys::Reflect::get(&v, &"plan".into()).and_then(|p| js_sys::Reflect::get(&p, &"name".into()));
        return name.ok()?.as_string();
    }
    let raw = crate::model::file_format::raw_name(text)?;
    js_sys::JSON::parse(&format!("\"{raw}\"")).ok().and_then(|v| v.as_string()).or_else(|| Some(raw.to_owned()))
}

/// Deletes a backup copy.
pub fn delete_backup(storage: &web_sys::Storage, key: &str) {
    if key.starts_with(BACKUP_PREFIX) {
        let _ = storage.remove_item(key);
    }
}

/// localStorage, or nothing when the browser blocks it.
pub fn local() -> Option<web_sys::Storage> {
    thread_local! {
        static WRITABLE: std::cell::OnceCell<bool> = const { std::cell::OnceCell::new() };
    }
    let storage = web_sys::window()?.local_storage().ok()??;
    // Some browsers hand out a storage object that throws on every write. Probe once: a
    // probe write fires a `storage` event in every other tab. Full storage is still storage.
    let writable = WRITABLE.with(|w| {
        *w.get_or_init(|| {
            let probe = format!("{PREFIX}probe");
            match storage.set_item(&probe, "1") {
                Ok(()) => storage.remove_item(&probe).is_ok(),
                Err(e) => classify(e) == SaveError::Full,
            }
        })
    });
    writable.then_some(storage)
}

fn classify(err: wasm_bindgen::JsValue) -> SaveError {
    let name = err.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())).unwrap_or_default();
    let dom_name = err.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
    if name == "QuotaExceededError" || dom_name == "QuotaExceededError" || dom_name == "NS_ERROR_DOM_QUOTA_REACHED" {
        SaveError::Full
    } else {
        SaveError::Other(format!("{name}{dom_name}"))
    }
}

fn set(storage: &web_sys::Storage, key: &str, value: &str) -> Result<(), SaveError> {
    storage.set_item(key, value).map_err(classify)
}

fn keys(storage: &web_sys::Storage) -> Vec<String> {
    let n = storage.length().unwrap_or(0);
    (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect()
}

// The index and the settings are read and written with the browser's JSON, so the
// app's first part (the plan list) carries no JSON library: the plan reader, a part of
// its own, brings serde_json when a plan is first opened. The text is the same as
// serde_json writes for these structs (fields in declaration order, no spaces).

/// `value` as a JSON string, quotes included.
fn json_string(value: &str) -> String {
    js_sys::JSON::stringify(&value.into()).ok().map(String::from).unwrap_or_else(|| "\"\"".into())
}

/// Reads a stored JSON value; `None` when the key is absent or its text is not JSON.
fn parse_stored(storage: &web_sys::Storage, key: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::JSON::parse(&storage.get_item(key).ok().flatten()?).ok()
}

/// A field of a parsed object: `None` when missing or `null` (the default is kept, as the
/// model's reader does), `Some(Err)` when of another type.
fn field<T>(object: &wasm_bindgen::JsValue, name: &str, read: impl FnOnce(&wasm_bindgen::JsValue) -> Option<T>) -> Option<Result<T, ()>> {
    let value = js_sys::Reflect::get(object, &name.into()).ok().filter(|v| !v.is_null() && !v.is_undefined())?;
    Some(read(&value).ok_or(()))
}

/// Sets `slot` from a field when it is there; `Err` when it is of another type.
fn read_field<T>(slot: &mut T, object: &wasm_bindgen::JsValue, name: &str, read: impl FnOnce(&wasm_bindgen::JsValue) -> Option<T>) -> Result<(), ()> {
    if let Some(value) = field(object, name, read) {
        *slot = value?;
    }
    Ok(())
}

/// The items of a JSON array, each read by `read`; `None` if it is no array or an item fails.
fn read_array<T>(value: &wasm_bindgen::JsValue, read: impl Fn(&wasm_bindgen::JsValue) -> Option<T>) -> Option<Vec<T>> {
    let array = value.dyn_ref::<js_sys::Array>()?;
    array.iter().map(|item| read(&item)).collect()
}

fn is_object(value: &wasm_bindgen::JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

fn read_summary(value: &wasm_bindgen::JsValue) -> Option<PlanSummary> {
    if !is_object(value) {
        return None;
    }
    let mut s = PlanSummary::default();
    read_field(&mut s.id, value, "id", |v| v.as_string().map(Id))
        .and_then(|()| read_field(&mut s.name, value, "name", |v| v.as_string()))
        .and_then(|()| read_field(&mut s.function, value, "function", |v| v.as_string().and_then(|k| BusinessFunction::from_key(&k))))
        .and_then(|()| read_field(&mut s.updated_at, value, "updated_at", |v| v.as_string()))
        .ok()?;
    Some(s)
}

pub fn read_index(storage: &web_sys::Storage) -> Vec<PlanSummary> {
    parse_stored(storage, INDEX_KEY).and_then(|v| read_array(&v, read_summary)).unwrap_or_default()
}

fn write_index(storage: &web_sys::Storage, index: &[PlanSummary]) -> Result<(), SaveError> {
    let entries: Vec<String> = index
        .iter()
        .map(|s| {
            format!(
                "{{\"id\":{},\"name\":{},\"function\":\"{}\",\"updated_at\":{}}}",
                json_string(&s.id.0),
                json_string(&s.name),
                s.function.key(),
                json_string(&s.updated_at)
            )
        })
        .collect();
    set(storage, INDEX_KEY, &format!("[{}]", entries.join(",")))
}

/// Whether any plan is stored.
pub fn has_plans(storage: &web_sys::Storage) -> bool {
    keys(storage).iter().any(|k| plan_id_of_key(k).is_some())
}

/// Reads every stored plan once: rebuilds the index from the plan keys (so an index
/// write that failed loses nothing), repairs plans that do not validate (keeping their
/// text as it was under a backup key), and moves text that cannot be read as a plan at
/// all to a backup key. Without a codec (none loaded, as no plan was stored at start),
/// plans are left as they are.
pub fn inventory(storage: &web_sys::Storage, codec: Option<&dyn Codec>, now: &str, next_id: &mut dyn FnMut() -> Id) -> Inventory {
    let old_index = read_index(storage);
    let mut inventory = Inventory::default();
    for key in keys(storage) {
        let (Some(id), Some(codec)) = (plan_id_of_key(&key), codec) else { continue };
        let Some(text) = storage.get_item(&key).ok().flatten() else { continue };
        let name = || old_index.iter().find(|s| s.id == id).map_or_else(|| id.to_string(), |s| s.name.clone());
        match codec.read(text.as_bytes(), Reading::Stored, next_id) {
            Ok(mut decoded) => {
                if decoded.plan.id != id {
                    // A plan stored under another plan's key: it is listed under its key.
                    decoded.plan.id = id.clone();
                }
                if !decoded.repairs.is_empty() {
                    let kept = keep_backup(storage, &id, &text, now);
                    if kept.is_some() {
                        let revision = decoded.revision.unwrap_or(0) + 1;
                        let _ = set(storage, &key, &codec.encode(&decoded.plan, APP_VERSION, now, Some(revision), false));
                    }
                    inventory.repaired.push(Repaired { name: decoded.plan.name.clone(), repairs: decoded.repairs, kept });
                }
                inventory.plans.push(decoded.plan.summary());
            }
            Err(ImportError::NewerVersion { .. }) => {
                inventory.unreadable.push(Unreadable { name: name(), id, key, newer: true });
            }
            Err(_) => {
                // Only drop the broken key once its text is safe elsewhere.
                let kept_at = match keep_backup(storage, &id, &text, now) {
                    Some(backup) => {
                        let _ = storage.remove_item(&key);
                        backup
                    }
                    None => key.clone(),
                };
                let name = name();
                inventory.unreadable.push(Unreadable { id, name, key: kept_at, newer: false });
            }
        }
    }
    // Keep the user's order from the index; plans it didn't know come last.
    inventory.plans.sort_by_key(|s| old_index.iter().position(|o| o.id == s.id).unwrap_or(usize::MAX));
    if inventory.plans != old_index {
        let _ = write_index(storage, &inventory.plans);
    }
    inventory
}

/// A stored plan, the revision it was stored with and what had to be repaired (its text
/// as it was is then kept under a backup key); `Err` with the text when it can't be read.
pub fn load(storage: &web_sys::Storage, codec: &dyn Codec, id: &Id, now: &str, next_id: &mut dyn FnMut() -> Id) -> Option<Result<(Plan, u64, Option<Repaired>), String>> {
    let text = storage.get_item(&plan_key(id)).ok()??;
    Some(match codec.read(text.as_bytes(), Reading::Stored, next_id) {
        Ok(mut d) => {
            d.plan.id = id.clone();
            let repaired = (!d.repairs.is_empty()).then(|| Repaired {
                name: d.plan.name.clone(),
                kept: keep_backup(storage, id, &text, now),
                repairs: std::mem::take(&mut d.repairs),
            });
            Ok((d.plan, d.revision.unwrap_or(0), repaired))
        }
        Err(_) => Err(text),
    })
}

/// The revision stored for a plan now (0 when there is none).
/// Only the first characters of the stored text cross into the app: a large plan is
/// megabytes, and this runs at every save.
pub fn stored_revision(storage: &web_sys::Storage, id: &Id) -> u64 {
    let Ok(text) = js_sys::Reflect::get(storage, &plan_key(id).into()) else { return 0 };
    let Some(text) = text.dyn_ref::<js_sys::JsString>() else { return 0 };
    text.slice(0, 400).as_string().and_then(|head| peek_revision(&head)).unwrap_or(0)
}

/// Saves `plan` if storage still holds `base` (the revision this tab knows), and returns
/// the new revision. With `force`, overwrites whatever another tab stored.
pub fn save(storage: &web_sys::Storage, codec: &dyn Codec, plan: &Plan, base: u64, force: bool, now: &str) -> Result<u64, SaveError> {
    let stored = stored_revision(storage, &plan.id);
    if stored > base && !force {
        return Err(SaveError::Conflict { stored });
    }
    let revision = stored.max(base) + 1;
    set(storage, &plan_key(&plan.id), &codec.encode(plan, APP_VERSION, now, Some(revision), false))?;
    list_in_index(storage, plan.summary());
    Ok(revision)
}

/// Puts a plan's summary into the index, in its place or at the end. The plan itself is
/// already stored: an index that can't be written is rebuilt at the next start.
fn list_in_index(storage: &web_sys::Storage, summary: PlanSummary) {
    let mut index = read_index(storage);
    match index.iter_mut().find(|s| s.id == summary.id) {
        Some(entry) if *entry == summary => return,
        Some(entry) => *entry = summary,
        None => index.push(summary),
    }
    let _ = write_index(storage, &index);
}

/// Removes a plan and returns its stored text, for undo.
pub fn delete(storage: &web_sys::Storage, id: &Id) -> Option<String> {
    let text = storage.get_item(&plan_key(id)).ok().flatten();
    let _ = storage.remove_item(&plan_key(id));
    let _ = storage.remove_item(&format!("{CLOCK_PREFIX}{id}"));
    let index: Vec<PlanSummary> = read_index(storage).into_iter().filter(|s| &s.id != id).collect();
    let _ = write_index(storage, &index);
    text
}

/// Puts back a plan removed by `delete`, exactly as it was.
pub fn restore(storage: &web_sys::Storage, codec: &dyn Codec, text: &str, next_id: &mut dyn FnMut() -> Id) -> Result<PlanSummary, SaveError> {
    let plan = codec.read(text.as_bytes(), Reading::Stored, next_id).map_err(|_| SaveError::Other("unreadable".into()))?.plan;
    set(storage, &plan_key(&plan.id), text)?;
    list_in_index(storage, plan.summary());
    Ok(plan.summary())
}

pub fn raw(storage: &web_sys::Storage, key: &str) -> Option<String> {
    storage.get_item(key).ok().flatten()
}

/// Settings that outlive the session: the language, and whether persistence was asked for.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Option<String>,
    pub persist_asked: bool,
    /// When each plan was last exported, for the backup reminder.
    pub exports: Vec<ExportMark>,
    /// The name this browser's user takes part in workshops with.
    pub participant: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportMark {
    pub plan: Id,
    pub at: String,
}

impl Settings {
    pub fn last_export(&self, plan: &Id) -> Option<&str> {
        self.exports.iter().find(|m| &m.plan == plan).map(|m| m.at.as_str())
    }
}

/// Notes that a plan was exported now.
pub fn record_export(storage: Option<&web_sys::Storage>, plan: &Id, at: &str) {
    let mut s = settings(storage);
    s.exports.retain(|m| &m.plan != plan);
    s.exports.push(ExportMark { plan: plan.clone(), at: at.to_owned() });
    save_settings(storage, &s);
}

pub fn settings(storage: Option<&web_sys::Storage>) -> Settings {
    storage.and_then(|s| parse_stored(s, SETTINGS_KEY)).and_then(|v| read_settings(&v)).unwrap_or_default()
}

fn read_settings(value: &wasm_bindgen::JsValue) -> Option<Settings> {
    if !is_object(value) {
        return None;
    }
    let mark = |v: &wasm_bindgen::JsValue| {
        if !is_object(v) {
            return None;
        }
        let mut m = ExportMark::default();
        read_field(&mut m.plan, v, "plan", |v| v.as_string().map(Id)).and_then(|()| read_field(&mut m.at, v, "at", |v| v.as_string())).ok()?;
        Some(m)
    };
    let mut s = Settings::default();
    read_field(&mut s.lang, value, "lang", |v| v.as_string().map(Some))
        .and_then(|()| read_field(&mut s.persist_asked, value, "persist_asked", |v| v.as_bool()))
        .and_then(|()| read_field(&mut s.exports, value, "exports", |v| read_array(v, mark)))
        .and_then(|()| read_field(&mut s.participant, value, "participant", |v| v.as_string().map(Some)))
        .ok()?;
    Some(s)
}

pub fn save_settings(storage: Option<&web_sys::Storage>, settings: &Settings) {
    if let Some(s) = storage {
        let exports: Vec<String> =
            settings.exports.iter().map(|m| format!("{{\"plan\":{},\"at\":{}}}", json_string(&m.plan.0), json_string(&m.at))).collect();
        let text = format!(
            "{{\"lang\":{},\"persist_asked\":{},\"exports\":[{}],\"participant\":{}}}",
            settings.lang.as_deref().map_or_else(|| "null".to_owned(), json_string),
            settings.persist_asked,
            exports.join(","),
            settings.participant.as_deref().map_or_else(|| "null".to_owned(), json_string)
        );
        let _ = set(s, SETTINGS_KEY, &text);
    }
}
