//! The plan file: an envelope (format name, schema version, app version, export time)
//! around the plan. `decode` is the one way in, for imported files and for what the app
//! stored itself: it never trusts its input and reports what is wrong and where.

use super::json::{drop_nulls, from_str_noting, read_noting, read_spotting};
use super::migrations::{migrate, MigrationError, MIGRATIONS};
use super::validate::{validate, Problem};
use super::{repair, Id, Plan, Repair};
use serde::Serialize;
use serde_json::Value;

pub const FORMAT: &str = "socialplan";
pub const SCHEMA_VERSION: u32 = 1;
pub const FILE_EXTENSION: &str = "socialplan.json";
pub const MEDIA_TYPE: &str = "application/json";
/// Files above this size are refused before parsing. Browser storage holds about 5 million
/// characters in all, and exports are compact JSON of the same plan, so every plan the app
/// can store fits well below this.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// Nesting deeper than this is refused before parsing; a real plan is about 6 deep.
pub const MAX_DEPTH: usize = 64;

// The file as it is read. `encode` writes the same fields in the same order, with the
// plan borrowed.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Envelope {
    /// Only in a participant's contribution to a workshop: who sent it, for which plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution: Option<super::merge::ContributionHeader>,
    /// Always `"socialplan"`.
    pub format: String,
    pub schema_version: u64,
    /// The version of the app that wrote the file.
    #[serde(default)]
    pub app_version: String,
    /// RFC 3339 time of export (or of saving, for browser storage).
    #[serde(default)]
    pub exported_at: String,
    /// Only in browser storage: how many times this plan was saved, to spot a stale copy
    /// from another tab. Absent in exported files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    pub plan: Plan,
}

/// Why a file can't be read. Each names what is wrong and, where it can, where.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge { bytes: usize },
    Empty,
    NotUtf8,
    TooDeep,
    NotJson { line: usize, column: usize },
    NotOurs,
    MissingVersion,
    NewerVersion { found: u64 },
    Migration(MigrationError),
    WrongType { path: String },
    Invalid(Vec<Problem>),
}

/// A plan read from a file or from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub plan: Plan,
    pub revision: Option<u64>,
    /// The version the file had, when it was older than the current one.
    pub migrated_from: Option<u32>,
    /// What had to be repaired for the plan to validate (only when read leniently).
    pub repairs: Vec<Repair>,
    /// Fields of the file the app does not know, by path; they are not in `plan`.
    pub unknown: Vec<String>,
}

/// How strictly a plan is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Refuse anything that does not validate (the published contract of the format).
    Strict,
    /// What the app stored itself: repair whatever does not validate, never refuse it.
    Stored,
    /// A file from outside: repair it as well, and name the fields the app does not know.
    Import,
}

/// Reading and writing plans, as one object. The browser app holds it behind a pointer it
/// gets when it first needs one (opening, creating, importing a plan), so the reader,
/// the writer and the checks are a part loaded then rather than on a first visit.
pub trait Codec: Sync {
    fn decode(&self, bytes: &[u8]) -> Result<Decoded, ImportError>;
    /// Reads a plan as `reading` says; `next_id` makes ids for repairs.
    fn read(&self, bytes: &[u8], reading: Reading, next_id: &mut dyn FnMut() -> Id) -> Result<Decoded, ImportError>;
    /// Repairs a plan in memory until it validates (see `model::repair`).
    fn repair(&self, plan: &mut Plan, next_id: &mut dyn FnMut() -> Id) -> Vec<Repair>;
    fn encode(&self, plan: &Plan, app_version: &str, now: &str, revision: Option<u64>, pretty: bool) -> String;
    /// The sample plan (see `sample::build`).
    fn sample(&self, structure: &str, table: &str, today: &super::Date, now: &str) -> Option<Plan>;
    /// The name of a plan's file (see `file_name`); here, so the Unicode tables it needs
    /// come with the plan reader's part, not with the app's first part.
    fn file_name(&self, plan_name: &str) -> String;
    /// Handing a plan out to a workshop, contributions and their merge (`model::merge`).
    fn workshop(&self) -> &'static dyn super::merge::Workshops;
    /// Reads and writes a small plan once, unless the reader has read enough already (see
    /// `warm_up`); says whether it did.
    fn warm_up(&self) -> bool;
    /// The plan of `SPECIMEN`, for warming up the screens (`ui::screen::warm_up_overview`).
    fn specimen(&self) -> Option<Plan>;
}

/// The plan file format of this version.
pub struct PlanCodec;

impl Codec for PlanCodec {
    fn decode(&self, bytes: &[u8]) -> Result<Decoded, ImportError> {
        decode(bytes)
    }

    fn read(&self, bytes: &[u8], reading: Reading, next_id: &mut dyn FnMut() -> Id) -> Result<Decoded, ImportError> {
        read(bytes, reading, next_id)
    }

    fn repair(&self, plan: &mut Plan, next_id: &mut dyn FnMut() -> Id) -> Vec<Repair> {
        repair(plan, next_id)
    }

    fn encode(&self, plan: &Plan, app_version: &str, now: &str, revision: Option<u64>, pretty: bool) -> String {
        encode(plan, app_version, now, revision, pretty)
    }

    fn sample(&self, structure: &str, table: &str, today: &super::Date, now: &str) -> Option<Plan> {
        super::sample::build(structure, table, today, now)
    }

    fn file_name(&self, plan_name: &str) -> String {
        file_name(plan_name)
    }

    fn workshop(&self) -> &'static dyn super::merge::Workshops {
        &super::merge::WorkshopFiles
    }

    fn warm_up(&self) -> bool {
        warm_up()
    }

    fn specimen(&self) -> Option<Plan> {
        read(SPECIMEN.as_bytes(), Reading::Import, &mut Id::default).ok().map(|d| d.plan)
    }
}

/// A plan with some of everything the file can hold: the English sample as the app writes
/// it (`the_specimen_is_the_sample` keeps it so).
pub const SPECIMEN: &str = include_str!("specimen.json");

/// Reads, checks and writes `SPECIMEN` once, unless the reader has read `WARM_UP_BYTES`
/// already (real plans and these runs together); says whether it did. The browser
/// compiles each function of the reader when it is first called, and again, optimised,
/// once it has run for a while; done before the first real import or opening of a large
/// plan (`state::codec`), this spares that one the work.
pub fn warm_up() -> bool {
    if READ_BYTES.get() >= WARM_UP_BYTES {
        return false;
    }
    if let Ok(decoded) = read(SPECIMEN.as_bytes(), Reading::Import, &mut Id::default) {
        // Written as a save writes, but without taking the place of the texts of the
        // lists the last save wrote (`stamped`).
        let _ = serde_json::to_string(&EnvelopeRef::of(&decoded.plan, "", "", Some(1)));
    }
    true
}

/// About a large plan's worth of text (60 runs of `SPECIMEN`): after that much, the
/// browser has the reader's optimised code ready (measured: the first import of a 1.2 MB
/// plan then reads in 24 ms instead of 48 ms).
pub const WARM_UP_BYTES: usize = 1_250_000;

thread_local! {
    /// How many bytes `read` has read in this page.
    static READ_BYTES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// `Envelope` with the plan borrowed: a save never copies the plan. Same fields, same order.
#[derive(Serialize)]
struct EnvelopeRef<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    contribution: Option<&'a super::merge::ContributionHeader>,
    format: &'a str,
    schema_version: u64,
    app_version: &'a str,
    exported_at: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    plan: &'a Plan,
}

impl<'a> EnvelopeRef<'a> {
    /// The envelope of a plan of this version (not a contribution).
    fn of(plan: &'a Plan, app_version: &'a str, exported_at: &'a str, revision: Option<u64>) -> Self {
        EnvelopeRef { contribution: None, format: FORMAT, schema_version: u64::from(SCHEMA_VERSION), app_version, exported_at, revision, plan }
    }
}

/// The envelope text of `plan`: pretty for files people may read, compact for storage.
pub fn encode(plan: &Plan, app_version: &str, now: &str, revision: Option<u64>, pretty: bool) -> String {
    // The lists unchanged since the last write are not written again (`Stamped`, `Actuals`).
    let text = super::stamped::to_string_reusing(&EnvelopeRef::of(plan, app_version, now, revision)).expect("a plan always serialises");
    if pretty {
        self::pretty(&text)
    } else {
        text
    }
}

/// Reads a plan file (or stored plan) and checks it completely.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ImportError> {
    read(bytes, Reading::Strict, &mut Id::default)
}

/// Reads a plan file or stored plan. The structure must be right (or refused with what is
/// wrong and where); what does not validate is refused when `Strict`, repaired otherwise.
pub fn read(bytes: &[u8], reading: Reading, next_id: &mut dyn FnMut() -> Id) -> Result<Decoded, ImportError> {
    READ_BYTES.set(READ_BYTES.get().saturating_add(bytes.len()));
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // A file of this version that reads as it is takes the direct way, without building a
    // tree of the whole file first. Anything else (older versions, `null`s, wrong types, a
    // key written twice) is read again from the tree of the file, brought to this version
    // and with its `null`s taken out, by the same reader, which then says what is wrong
    // and where. Stored plans are read the same way (one copy of the reading code in the
    // build).
    let current = |e: &Envelope| e.format == FORMAT && e.schema_version == u64::from(SCHEMA_VERSION);
    let direct = read_spotting::<Envelope>(text).filter(|(e, _)| current(e));
    // The direct way notices whether the file has fields the app does not know: then
    // (almost never) the file is checked for its depth, as any other file, since such a
    // field may hold anything; the model's own fields nest a few levels deep.
    if let Some((envelope, false)) = direct {
        return checked(envelope, None, reading, next_id, Vec::new());
    }
    if nesting_depth(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    // Only an import says which fields it leaves out: it reads the file once more, naming
    // them.
    match direct {
        Some((envelope, _)) if reading != Reading::Import => return checked(envelope, None, reading, next_id, Vec::new()),
        Some(_) => {
            if let Some((envelope, unknown)) = read_noting::<Envelope>(text) {
                return checked(envelope, None, reading, next_id, unknown);
            }
        }
        None => {}
    }
    let noted = |(e, unknown): (Envelope, Vec<String>)| (e, if reading == Reading::Import { unknown } else { Vec::new() });
    let mut value: Value = serde_json::from_str(text)
        .map_err(|e| ImportError::NotJson { line: e.line(), column: e.column() })?;
    let head = value.as_object().ok_or(ImportError::NotOurs)?;
    if head.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotOurs);
    }
    let found = head.get("schema_version").and_then(Value::as_u64).ok_or(ImportError::MissingVersion)?;
    if found == 0 {
        return Err(ImportError::MissingVersion);
    }
    if found > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::NewerVersion { found });
    }
    let found = found as u32;
    migrate(&mut value, found, SCHEMA_VERSION, MIGRATIONS).map_err(ImportError::Migration)?;
    // `null` is absent, and an absent plan is an empty one (which then does not validate).
    drop_nulls(&mut value);
    if let Some(head) = value.as_object_mut() {
        head.entry("plan").or_insert_with(|| Value::Object(Default::default()));
    }
    let text = value.to_string();
    drop(value);
    let (envelope, unknown) = from_str_noting(&text).map(noted).map_err(|path| ImportError::WrongType { path })?;
    checked(envelope, (found < SCHEMA_VERSION).then_some(found), reading, next_id, unknown)
}

/// The plan of an envelope that was read: refused when strict and it does not validate,
/// else repaired.
fn checked(envelope: Envelope, migrated_from: Option<u32>, reading: Reading, next_id: &mut dyn FnMut() -> Id, unknown: Vec<String>) -> Result<Decoded, ImportError> {
    let mut plan = envelope.plan;
    let problems = validate(&plan, "plan");
    let mut repairs = Vec::new();
    if !problems.is_empty() {
        if reading == Reading::Strict {
            return Err(ImportError::Invalid(problems));
        }
        repairs = repair(&mut plan, next_id);
    }
    Ok(Decoded { plan, revision: envelope.revision, migrated_from, repairs, unknown })
}

/// Lays out compact JSON with two-space indentation, for files people may open.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 5 / 4);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}') | Some(']')) {
                    out.push(chars.next().expect("peeked"));
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// The deepest nesting of arrays and objects in `text`, counted without parsing, so an
/// absurdly nested file is refused cheaply.
pub fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// A file name for an exported plan: its name, made safe for every file system.
pub fn file_name(plan_name: &str) -> String {
    let mut out = String::new();
    for ch in plan_name.trim().chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let stem = out.trim_end_matches('-');
    let stem = if stem.is_empty() { "plan" } else { stem };
    format!("{stem}.{FILE_EXTENSION}")
}

/// The first `"name"` string of a text that may not be a readable plan (a backup copy
/// cut short), still escaped as in the file; at most 200 bytes of it.
pub fn raw_name(text: &str) -> Option<&str> {
    let start = text.find("\"name\":\"")? + "\"name\":\"".len();
    let mut end = start;
    let bytes = text.as_bytes();
    while end < bytes.len() && end - start < 200 {
        match bytes[end] {
            b'\\' => end += 2,
            b'"' => break,
            _ => end += 1,
        }
    }
    text.get(start..end.min(text.len()))
}

/// The revision of a stored envelope, read from its first bytes without parsing the
/// plan: `encode` writes `revision` before `plan`, so it is near the start.
pub fn peek_revision(text: &str) -> Option<u64> {
    let mut end = text.len().min(400);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let plan_at = head.find("\"plan\"").unwrap_or(head.len());
    let start = head[..plan_at].find("\"revision\":")? + "\"revision\":".len();
    let digits: String = head[start..].trim_start().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}
