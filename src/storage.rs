//! Plans in the browser's localStorage: one key per plan plus an index, under a
//! versioned prefix. Writing one plan never rewrites another; a failed write leaves
//! storage as it was; data that can't be read is kept under a backup key, never deleted.

use crate::model::file_format::{peek_revision, Codec};
use crate::model::json::{json_struct, FromJson, Path};
use crate::model::{Id, ImportError, Plan, PlanSummary};
use crate::APP_VERSION;
use wasm_bindgen::JsCast;

pub const PREFIX: &str = "socialplan.v1.";
pub const INDEX_KEY: &str = "socialplan.v1.index";
pub const SETTINGS_KEY: &str = "socialplan.v1.settings";
const PLAN_PREFIX: &str = "socialplan.v1.plan.";
const BACKUP_PREFIX: &str = "socialplan.v1.backup.";

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

/// What was found in storage at start.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inventory {
    pub plans: Vec<PlanSummary>,
    pub unreadable: Vec<Unreadable>,
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

fn read_json<T: FromJson + Default>(storage: &web_sys::Storage, key: &str) -> T {
    storage
        .get_item(key)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|value| T::from_json(&value, Path::Root("")).ok())
        .unwrap_or_default()
}

pub fn read_index(storage: &web_sys::Storage) -> Vec<PlanSummary> {
    read_json(storage, INDEX_KEY)
}

fn write_index(storage: &web_sys::Storage, index: &[PlanSummary]) -> Result<(), SaveError> {
    set(storage, INDEX_KEY, &serde_json::to_string(index).expect("summaries serialise"))
}

/// Whether any plan is stored.
pub fn has_plans(storage: &web_sys::Storage) -> bool {
    keys(storage).iter().any(|k| plan_id_of_key(k).is_some())
}

/// Reads every stored plan once: rebuilds the index from the plan keys (so an index
/// write that failed loses nothing), and moves unreadable plans to backup keys. Without
/// a codec (none loaded, as no plan was stored at start), plans are left as they are.
pub fn inventory(storage: &web_sys::Storage, codec: Option<&dyn Codec>, now: &str) -> Inventory {
    let old_index = read_index(storage);
    let mut inventory = Inventory::default();
    for key in keys(storage) {
        let (Some(id), Some(codec)) = (plan_id_of_key(&key), codec) else { continue };
        let Some(text) = storage.get_item(&key).ok().flatten() else { continue };
        let name = || old_index.iter().find(|s| s.id == id).map_or_else(|| id.to_string(), |s| s.name.clone());
        match codec.decode(text.as_bytes()) {
            Ok(decoded) if decoded.plan.id == id => inventory.plans.push(decoded.plan.summary()),
            Err(ImportError::NewerVersion { .. }) => {
                inventory.unreadable.push(Unreadable { name: name(), id, key, newer: true });
            }
            _ => {
                let name = name();
                let backup = format!("{BACKUP_PREFIX}{id}.{now}");
                // Only drop the broken key once its text is safe elsewhere.
                let kept_at = match set(storage, &backup, &text) {
                    Ok(()) => {
                        let _ = storage.remove_item(&key);
                        backup
                    }
                    Err(_) => key.clone(),
                };
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

/// A plan and the revision it was stored with.
pub fn load(storage: &web_sys::Storage, codec: &dyn Codec, id: &Id) -> Option<Result<(Plan, u64), String>> {
    let text = storage.get_item(&plan_key(id)).ok()??;
    Some(codec.decode(text.as_bytes()).map(|d| (d.plan, d.revision.unwrap_or(0))).map_err(|_| text))
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
    let index: Vec<PlanSummary> = read_index(storage).into_iter().filter(|s| &s.id != id).collect();
    let _ = write_index(storage, &index);
    text
}

/// Puts back a plan removed by `delete`, exactly as it was.
pub fn restore(storage: &web_sys::Storage, codec: &dyn Codec, text: &str) -> Result<PlanSummary, SaveError> {
    let plan = codec.decode(text.as_bytes()).map_err(|_| SaveError::Other("unreadable".into()))?.plan;
    set(storage, &plan_key(&plan.id), text)?;
    list_in_index(storage, plan.summary());
    Ok(plan.summary())
}

pub fn raw(storage: &web_sys::Storage, key: &str) -> Option<String> {
    storage.get_item(key).ok().flatten()
}

json_struct! {
    /// Settings that outlive the session: the language, and whether persistence was asked for.
    #[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
    pub struct Settings {
        pub lang: Option<String>,
        pub persist_asked: bool,
        /// When each plan was last exported, for the backup reminder.
        pub exports: Vec<ExportMark>,
    }
}

json_struct! {
    #[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
    pub struct ExportMark {
        pub plan: Id,
        pub at: String,
    }
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
    storage.map(|s| read_json(s, SETTINGS_KEY)).unwrap_or_default()
}

pub fn save_settings(storage: Option<&web_sys::Storage>, settings: &Settings) {
    if let Some(s) = storage {
        let _ = set(s, SETTINGS_KEY, &serde_json::to_string(settings).expect("settings serialise"));
    }
}
