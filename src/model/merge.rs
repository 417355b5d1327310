//! Merging participants' contributions into the one team plan.
//!
//! A contribution is a plan file with a `contribution` header (who, which plan, an id):
//! the participant's whole copy of the plan, read by the same checked reader as any
//! import. The merge is a pure function of the team plan and the contributions:
//!
//! - an item is the *same item* on both sides when its id was in the plan as handed out
//!   (`Workshop::base`), or — without a hand-out — when the team plan has that id in the
//!   same list, or when the team plan has it from this participant already;
//! - the same item changed on one side only takes that side's version; changed on both
//!   sides (to different versions) it is a conflict, shown side by side, the team's
//!   version kept until the facilitator chooses;
//! - an item the team removed since the hand-out stays removed when the participant did not
//!   change it; changed, it is a conflict; when a new or changed KPI, tactic or indicator
//!   of the participant hangs on it, it comes back;
//! - any other item is new: with the same text (case and whitespace aside) as an item of
//!   the same list it is that item (authors combined); else it is added with its author,
//!   keeping its id where the team plan has no such id, with a fresh one otherwise; links
//!   and votes follow;
//! - fields outside the lists (texts, scores, settings) follow the same three-way rule;
//! - a participant's dots replace their earlier dots; comments are added once.
//!
//! Nothing of the team plan is removed by a merge, and nothing of a contribution is dropped
//! without being counted in the summary or shown as a conflict.

use super::file_format::Reading;
use super::workshop::{clean_name, fingerprint, normalise, Comment, MergeMark, Vote, Workshop};
use super::{Codec, Id, ImportError, Plan};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A link field of a list's items.
#[derive(Clone, Copy, Debug)]
pub enum Link {
    /// One id in `field`, pointing into the list named; `true` when it must be set.
    One(&'static str, &'static str, bool),
    /// A list of ids in `field`, pointing into the list named.
    Many(&'static str, &'static str),
    /// An action's `serves`: an objective or a tactic.
    Serves,
}

/// One list of items of the plan, as the merge sees it.
#[derive(Debug)]
pub struct ListDef {
    pub name: &'static str,
    pub path: &'static [&'static str],
    /// The text fields that make "the same text".
    pub key: &'static [&'static str],
    /// The link that places an item (its objective, its tactic): part of "the same".
    pub parent: Option<&'static str>,
    pub links: &'static [Link],
}

/// Every list of items, parents before the items that link to them.
pub const LISTS: &[ListDef] = &[
    ListDef { name: "business_objectives", path: &["strategy", "business_objectives"], key: &["text"], parent: None, links: &[] },
    ListDef { name: "objectives", path: &["strategy", "objectives"], key: &["text"], parent: None, links: &[Link::Many("business_objectives", "business_objectives")] },
    ListDef { name: "kpis", path: &["strategy", "kpis"], key: &["name"], parent: Some("objective"), links: &[Link::One("objective", "objectives", true)] },
    ListDef { name: "tactics", path: &["strategy", "tactics"], key: &["text"], parent: Some("objective"), links: &[Link::One("objective", "objectives", true)] },
    ListDef { name: "indicators", path: &["strategy", "indicators"], key: &["text"], parent: Some("tactic"), links: &[Link::One("tactic", "tactics", true)] },
    ListDef { name: "findings", path: &["information", "landscape", "findings"], key: &["text"], parent: None, links: &[] },
    ListDef { name: "strengths", path: &["information", "swot", "strengths"], key: &["text"], parent: None, links: &[Link::One("finding", "findings", false)] },
    ListDef { name: "weaknesses", path: &["information", "swot", "weaknesses"], key: &["text"], parent: None, links: &[Link::One("finding", "findings", false)] },
    ListDef { name: "opportunities", path: &["information", "swot", "opportunities"], key: &["text"], parent: None, links: &[Link::One("finding", "findings", false)] },
    ListDef { name: "threats", path: &["information", "swot", "threats"], key: &["text"], parent: None, links: &[Link::One("finding", "findings", false)] },
    ListDef { name: "opportunities_risks", path: &["information", "opportunities_risks"], key: &["title", "description"], parent: None, links: &[] },
    ListDef { name: "tools", path: &["information", "tools"], key: &["name"], parent: None, links: &[] },
    ListDef { name: "channels", path: &["information", "audit", "channels"], key: &["name"], parent: None, links: &[] },
    ListDef { name: "relationships", path: &["strategy", "relationships"], key: &["who"], parent: None, links: &[] },
    ListDef { name: "actions", path: &["operative", "actions"], key: &["title"], parent: None, links: &[Link::Serves] },
];

/// Top-level fields of a plan that are not merged: its identity and times, and the
/// workshop notes (merged on their own).
const NOT_MERGED: &[&str] = &["id", "created_at", "updated_at", "workshop"];

pub fn list_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Vec<Value>> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_array()
}

fn list_at_mut<'a>(v: &'a mut Value, path: &[&str]) -> Option<&'a mut Vec<Value>> {
    path.iter().try_fold(v, |v, k| v.get_mut(k))?.as_array_mut()
}

/// Every field of a plan outside its lists, by dotted path, with its value.
pub fn fields(v: &Value) -> Vec<(String, &Value)> {
    fn walk<'a>(v: &'a Value, at: &mut Vec<&'a str>, out: &mut Vec<(String, &'a Value)>) {
        let Some(map) = v.as_object() else { return };
        for (k, child) in map {
            if at.is_empty() && NOT_MERGED.contains(&k.as_str()) {
                continue;
            }
            at.push(k);
            let is_list = LISTS.iter().any(|l| l.path == at.as_slice());
            if !is_list {
                if child.is_object() {
                    walk(child, at, out);
                } else {
                    out.push((at.join("."), child));
                }
            }
            at.pop();
        }
    }
    let mut out = Vec::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

fn field_at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, k| v.get(k))
}

fn set_field(v: &mut Value, path: &str, new: Value) {
    let mut at = v;
    let parts: Vec<&str> = path.split('.').collect();
    for k in &parts[..parts.len() - 1] {
        let Some(map) = at.as_object_mut() else { return };
        at = map.entry(k.to_string()).or_insert_with(|| Value::Object(Default::default()));
    }
    if let Some(map) = at.as_object_mut() {
        map.insert(parts[parts.len() - 1].to_owned(), new);
    }
}

fn id_of(item: &Value) -> &str {
    item.get("id").and_then(Value::as_str).unwrap_or("")
}

fn text_of(item: &Value, field: &str) -> String {
    item.get(field).and_then(Value::as_str).unwrap_or("").to_owned()
}

/// "The same text" of an item: its text fields normalised, and its parent. Empty for an
/// item without text.
fn key_of(def: &ListDef, item: &Value) -> String {
    let parts: Vec<String> = def.key.iter().map(|k| normalise(&text_of(item, k))).collect();
    if parts.iter().all(String::is_empty) {
        return String::new();
    }
    let mut key = parts.join("\u{1f}");
    if let Some(p) = def.parent {
        key.push('\u{1e}');
        key.push_str(&text_of(item, p));
    }
    key
}

/// The first text of an item, as a label.
pub fn label_of(def: &ListDef, item: &Value) -> String {
    def.key.iter().map(|k| text_of(item, k)).find(|t| !t.trim().is_empty()).unwrap_or_default()
}

fn remap_links(def: &ListDef, item: &mut Value, map: &HashMap<String, String>) {
    let swap = |v: &mut Value| {
        if let Some(new) = v.as_str().and_then(|id| map.get(id)) {
            *v = Value::String(new.clone());
        }
    };
    for link in def.links {
        match link {
            Link::One(field, ..) => {
                if let Some(v) = item.get_mut(*field) {
                    swap(v)
                }
            }
            Link::Many(field, _) => {
                if let Some(list) = item.get_mut(*field).and_then(Value::as_array_mut) {
                    list.iter_mut().for_each(swap)
                }
            }
            Link::Serves => {
                if let Some(serves) = item.get_mut("serves").and_then(Value::as_object_mut) {
                    serves.values_mut().for_each(swap)
                }
            }
        }
    }
}

/// Which participant sent a contribution, for which plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ContributionHeader {
    /// Unique per download, so merging one file twice is recognised.
    pub id: String,
    pub author: String,
    /// The id of the plan it is for.
    pub plan: Id,
}

/// A participant's contribution: their copy of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    pub id: String,
    pub author: String,
    pub plan: Plan,
}

/// Why a file is not a contribution to merge.
#[derive(Clone, Debug, PartialEq)]
pub enum ContributionError {
    /// The file is not a readable plan file (with what is wrong and where).
    File(ImportError),
    /// A plan file, but not a contribution.
    NotAContribution,
    /// A contribution without a name.
    NoAuthor,
    /// A contribution to another plan, named.
    OtherPlan { name: String },
}

/// The text of a contribution: `plan` (a participant's copy) as a plan file with a
/// `contribution` header, the items added since the hand-out signed with `author`.
pub fn write_contribution(codec: &dyn Codec, plan: &Plan, author: &str, id: &str, app_version: &str, now: &str) -> String {
    let mut plan = plan.clone();
    plan.sign_new_items(author);
    let header = ContributionHeader { id: id.to_owned(), author: clean_name(author), plan: plan.id.clone() };
    let text = codec.encode(&plan, app_version, now, None, false);
    let header = serde_json::to_string(&header).expect("a header always serialises");
    // `encode` writes one JSON object: the header goes first inside it.
    format!("{{\"contribution\":{header},{}", text.strip_prefix('{').unwrap_or(&text))
}

/// The contribution header of a plan file, if it is a contribution.
pub fn contribution_header(bytes: &[u8]) -> Option<ContributionHeader> {
    #[derive(Deserialize)]
    struct Head {
        contribution: Option<ContributionHeader>,
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<Head>(bytes).ok().and_then(|h| h.contribution)
}

/// Reads a contribution to `ours`: the plan through the same checked reader as an import,
/// then the header.
pub fn read_contribution(codec: &dyn Codec, bytes: &[u8], ours: &Plan, next_id: &mut dyn FnMut() -> Id) -> Result<Contribution, ContributionError> {
    let decoded = codec.read(bytes, Reading::Import, next_id).map_err(ContributionError::File)?;
    let header = contribution_header(bytes).ok_or(ContributionError::NotAContribution)?;
    let author = clean_name(&header.author);
    if author.is_empty() {
        return Err(ContributionError::NoAuthor);
    }
    if header.plan != ours.id || decoded.plan.id != ours.id {
        return Err(ContributionError::OtherPlan { name: decoded.plan.name });
    }
    Ok(Contribution { id: header.id, author, plan: decoded.plan })
}

/// Where a conflict is.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// An item of `LISTS[list]` with this id, in both.
    Item(usize, String),
    /// An item of `LISTS[list]` the team removed and the participant changed.
    Removed(usize),
    /// A field outside the lists, by dotted path.
    Field(String),
}

/// Something both sides changed, each in their own way: shown side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub author: String,
    pub target: Target,
    /// The team's version; none when the team removed it.
    pub ours: Option<Value>,
    pub theirs: Value,
}

impl Conflict {
    /// The list it is in, if it is an item.
    pub fn list(&self) -> Option<&'static ListDef> {
        match self.target {
            Target::Item(l, _) | Target::Removed(l) => LISTS.get(l),
            Target::Field(_) => None,
        }
    }

    /// What the conflict is about, in the plan's words: the item's text, or the field's path.
    pub fn label(&self) -> String {
        match (&self.target, self.list()) {
            (Target::Field(path), _) => path.clone(),
            (_, Some(def)) => {
                let theirs = label_of(def, &self.theirs);
                match &self.ours {
                    Some(o) if theirs.trim().is_empty() => label_of(def, o),
                    _ => theirs,
                }
            }
            _ => String::new(),
        }
    }

    /// The fields that differ: name, team's value, participant's value (as text).
    pub fn differences(&self) -> Vec<(String, String, String)> {
        let show = |v: Option<&Value>| match v {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        };
        match (&self.target, &self.ours) {
            (Target::Field(path), ours) => vec![(path.clone(), show(ours.as_ref()), show(Some(&self.theirs)))],
            (_, ours) => {
                let empty = serde_json::Map::new();
                let o = ours.as_ref().and_then(Value::as_object).unwrap_or(&empty);
                let t = self.theirs.as_object().unwrap_or(&empty);
                let mut keys: Vec<&String> = t.keys().chain(o.keys()).filter(|k| k.as_str() != "id").collect();
                keys.dedup();
                let mut seen = HashSet::new();
                keys.into_iter()
                    .filter(|k| seen.insert(*k) && o.get(*k) != t.get(*k))
                    .map(|k| (k.clone(), if ours.is_some() { show(o.get(k)) } else { String::new() }, show(t.get(k))))
                    .collect()
            }
        }
    }
}

/// What one contribution brought, for the summary before the merge is applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AuthorSummary {
    pub author: String,
    pub contribution: String,
    /// This contribution was merged into the plan before.
    pub merged_before: bool,
    /// New items, by list name.
    pub added: BTreeMap<&'static str, usize>,
    /// The labels of the new items, by list name, in the order they come.
    pub added_items: Vec<(&'static str, String)>,
    /// Items with the same text as one the plan has: counted as that one.
    pub same: usize,
    /// Items only the participant changed: their version taken.
    pub updated: usize,
    /// Fields outside the lists only the participant changed: their value taken.
    pub fields: usize,
    /// Items the team removed that come back, because something new hangs on them.
    pub brought_back: usize,
    /// Items the team removed since the hand-out, unchanged by the participant: stay removed.
    pub stay_removed: usize,
    /// Items of the hand-out the participant removed: they stay in the team plan.
    pub kept: usize,
    /// Empty rows of the participant: not data, left out.
    pub blank: usize,
    pub conflicts: usize,
    /// Items the participant gave dots to, and the dots.
    pub voted: usize,
    pub dots: u32,
    /// Dots on items that are not in the merged plan (the team removed them).
    pub dots_dropped: u32,
    pub comments: usize,
}

/// A merge worked out but not applied yet: the summary, the conflicts, and the plan with
/// the team's version of every conflict.
#[derive(Clone, Debug)]
pub struct MergeOutcome {
    pub summaries: Vec<AuthorSummary>,
    pub conflicts: Vec<Conflict>,
    value: Value,
    workshop: Workshop,
}

/// Merges `contributions` into `ours`, in order. `next_id` makes ids for new items whose
/// id the plan has already.
pub fn merge(ours: &Plan, contributions: &[Contribution], now: &str, next_id: &mut dyn FnMut() -> Id) -> MergeOutcome {
    let mut value = serde_json::to_value(ours).expect("a plan always serialises");
    if let Some(map) = value.as_object_mut() {
        map.remove("workshop");
    }
    let mut out = MergeOutcome { summaries: Vec::new(), conflicts: Vec::new(), value, workshop: ours.workshop.clone() };
    let mut comments = Vec::new();
    for c in contributions {
        merge_one(&mut out, c, now, next_id, &mut comments);
    }
    // What is not in the merged plan carries no dots and no comment.
    let present = all_ids(&out.value);
    let dropped: Vec<(String, u32)> = out.workshop.votes.iter().filter(|v| !present.contains(v.item.as_str())).map(|v| (v.participant.clone(), u32::from(v.dots))).collect();
    out.workshop.votes.retain(|v| present.contains(v.item.as_str()));
    // In one order, whatever order the dots came in.
    out.workshop.votes.sort_by(|a, b| (&a.participant, &a.item).cmp(&(&b.participant, &b.item)));
    for s in &mut out.summaries {
        s.dots_dropped += dropped.iter().filter(|(who, _)| *who == s.author).map(|(_, d)| d).sum::<u32>();
        let mine = || out.workshop.votes.iter().filter(|v| v.participant == s.author);
        s.voted = mine().count();
        s.dots = mine().map(|v| u32::from(v.dots)).sum();
    }
    // Comments are added once: the same author, text and item is the same comment.
    for (i, mut new) in comments {
        if new.item.as_ref().is_some_and(|id| !present.contains(id.as_str())) {
            new.item = None;
        }
        let exists = out.workshop.comments.iter().any(|x| clean_name(&x.author) == new.author && x.item == new.item && normalise(&x.text) == normalise(&new.text));
        if !exists {
            out.workshop.comments.push(new);
            out.summaries[i].comments += 1;
        }
    }
    out
}

/// Every item id of a plan value.
fn all_ids(v: &Value) -> HashSet<String> {
    LISTS.iter().filter_map(|l| list_at(v, l.path)).flatten().map(|x| id_of(x).to_owned()).collect()
}

fn merge_one(out: &mut MergeOutcome, c: &Contribution, now: &str, next_id: &mut dyn FnMut() -> Id, comments: &mut Vec<(usize, Comment)>) {
    let author = clean_name(&c.author);
    let mut theirs = serde_json::to_value(&c.plan).expect("a plan always serialises");
    let base = c.plan.workshop.base_map();
    let unchanged = |id: &str, item: &Value| base.get(id).is_some_and(|fp| *fp == fingerprint(item));
    let mut sum = AuthorSummary {
        author: author.clone(),
        contribution: c.id.clone(),
        merged_before: out.workshop.merged.iter().any(|m| m.contribution == c.id && !c.id.is_empty()),
        ..Default::default()
    };
    let mut ids = all_ids(&out.value);
    let mut map: HashMap<String, String> = HashMap::new();

    // Parents that new or changed KPIs, tactics and indicators of the participant hang on.
    let mut needed: HashSet<String> = HashSet::new();
    for name in ["kpis", "tactics", "indicators"] {
        let def = LISTS.iter().find(|l| l.name == name).expect("listed");
        let parent = def.parent.expect("has a parent");
        // An item as the team plan has it needs nothing; only the others are compared
        // with the hand-out (the costly part).
        let ours: HashMap<&str, &Value> = list_at(&out.value, def.path).into_iter().flatten().map(|x| (id_of(x), x)).collect();
        for item in list_at(&theirs, def.path).into_iter().flatten() {
            let as_ours = ours.get(id_of(item)).is_some_and(|o| *o == item);
            if !as_ours && !unchanged(id_of(item), item) {
                needed.insert(text_of(item, parent));
            }
        }
    }
    for t in list_at(&theirs, &["strategy", "tactics"]).into_iter().flatten() {
        if needed.contains(id_of(t)) {
            needed.insert(text_of(t, "objective"));
        }
    }

    let mut claim = |wanted: &str, ids: &mut HashSet<String>| -> String {
        let id = if !wanted.is_empty() && !ids.contains(wanted) {
            wanted.to_owned()
        } else {
            (0..)
                .map(|n| if n < 3 { next_id().0 } else { format!("merged-{n}") })
                .find(|x| !x.is_empty() && !ids.contains(x))
                .expect("unbounded")
        };
        ids.insert(id.clone());
        id
    };

    for (li, def) in LISTS.iter().enumerate() {
        // Taken out of their plan rather than copied; `fields` below reads only the rest.
        let their_items: Vec<Value> = list_at_mut(&mut theirs, def.path).map(std::mem::take).unwrap_or_default();
        let their_ids: HashSet<&str> = their_items.iter().map(id_of).collect();
        let Some(list) = list_at_mut(&mut out.value, def.path) else { continue };
        // Items of the hand-out the participant removed stay in the team plan.
        sum.kept += list.iter().filter(|o| base.contains_key(id_of(o)) && !their_ids.contains(id_of(o))).count();
        let mut at: HashMap<String, usize> = list.iter().enumerate().map(|(i, x)| (id_of(x).to_owned(), i)).collect();
        // Items the plan knows first, new ones after: "the same text" is then compared with
        // the plan as it will be, so a second merge of the same contribution finds the same.
        let mut fresh: Vec<Value> = Vec::new();
        for mut t in their_items {
            let tid = id_of(&t).to_owned();
            remap_links(def, &mut t, &map);
            let in_base = base.contains_key(tid.as_str());
            let by_them = out.workshop.authors_of(&Id(tid.clone())).is_some_and(|a| a.contains(&author));
            if let Some(&i) = at.get(&tid).filter(|_| in_base || base.is_empty() || by_them) {
                // The same item on both sides.
                map.insert(tid.clone(), tid.clone());
                let o = &list[i];
                if *o == t || unchanged(&tid, &t) {
                    continue;
                }
                if unchanged(&tid, o) {
                    list[i] = t;
                    sum.updated += 1;
                } else {
                    out.conflicts.push(Conflict { author: author.clone(), target: Target::Item(li, tid), ours: Some(o.clone()), theirs: t });
                    sum.conflicts += 1;
                }
            } else if in_base && !ids.contains(&tid) {
                // The team removed it since the hand-out.
                if needed.contains(&tid) {
                    let id = claim(&tid, &mut ids);
                    map.insert(tid, id.clone());
                    t["id"] = Value::String(id.clone());
                    at.insert(id, list.len());
                    list.push(t);
                    sum.brought_back += 1;
                } else if !unchanged(&tid, &t) {
                    out.conflicts.push(Conflict { author: author.clone(), target: Target::Removed(li), ours: None, theirs: t });
                    sum.conflicts += 1;
                } else {
                    sum.stay_removed += 1;
                }
            } else {
                fresh.push(t);
            }
        }
        // "The same text" is the first item of the list with it, as the list is now.
        let mut keys: HashMap<String, String> = HashMap::new();
        for x in list.iter().filter(|_| !fresh.is_empty()) {
            let key = key_of(def, x);
            if !key.is_empty() {
                keys.entry(key).or_insert_with(|| id_of(x).to_owned());
            }
        }
        for mut t in fresh {
            let tid = id_of(&t).to_owned();
            {
                // New: the same text as an item of the list is that item.
                let key = key_of(def, &t);
                if let Some(same) = keys.get(&key).filter(|_| !key.is_empty()) {
                    map.insert(tid, same.clone());
                    let names = out.workshop.authors.iter_mut().find(|a| a.item.as_str() == same).map(|a| &mut a.names);
                    if let Some(names) = names.filter(|n| !n.is_empty()) {
                        if !names.contains(&author) {
                            names.push(author.clone());
                        }
                    }
                    sum.same += 1;
                    continue;
                }
                if key.is_empty() && !needed.contains(&tid) {
                    sum.blank += 1;
                    continue;
                }
                let id = claim(&tid, &mut ids);
                let mut names: Vec<String> = c.plan.workshop.authors_of(&Id(tid.clone())).into_iter().flatten().map(|n| clean_name(n)).filter(|n| !n.is_empty()).collect();
                if names.is_empty() {
                    names.push(author.clone());
                }
                *out.workshop.authors_mut(&Id(id.clone())) = names;
                map.insert(tid, id.clone());
                t["id"] = Value::String(id.clone());
                *sum.added.entry(def.name).or_default() += 1;
                sum.added_items.push((def.name, label_of(def, &t)));
                if !key.is_empty() {
                    keys.insert(key, id.clone());
                }
                at.insert(id, list.len());
                list.push(t);
            }
        }
    }

    for (path, v) in fields(&theirs) {
        let o = field_at(&out.value, &path).cloned().unwrap_or(Value::Null);
        if o == *v {
            continue;
        }
        let fp = base.get(format!("@{path}").as_str());
        if fp.is_some_and(|fp| *fp == fingerprint(v)) {
            continue;
        }
        if fp.is_some_and(|fp| *fp == fingerprint(&o)) {
            set_field(&mut out.value, &path, v.clone());
            sum.fields += 1;
        } else {
            out.conflicts.push(Conflict { author: author.clone(), target: Target::Field(path), ours: Some(o), theirs: v.clone() });
            sum.conflicts += 1;
        }
    }

    // Their dots replace their earlier dots. Dots on an item of the hand-out that is not in
    // the plan stay on its id until all contributions are merged (another may bring it
    // back); then those on what is not in the plan are counted and left out.
    out.workshop.votes.retain(|v| v.participant != author);
    for v in c.plan.workshop.votes.iter().filter(|v| clean_name(&v.participant) == author) {
        let id = &v.item;
        let to = map.get(id.as_str()).cloned().or_else(|| base.contains_key(id.as_str()).then(|| id.0.clone()));
        match to {
            Some(to) => match out.workshop.votes.iter_mut().find(|x| x.participant == author && x.item.as_str() == to) {
                Some(x) => x.dots = x.dots.saturating_add(v.dots),
                None => out.workshop.votes.push(Vote { participant: author.clone(), item: Id(to), dots: v.dots }),
            },
            None => sum.dots_dropped += u32::from(v.dots),
        }
    }

    // Comments are settled once every contribution is in (see `merge`).
    for comment in &c.plan.workshop.comments {
        let item = comment.item.as_ref().and_then(|i| map.get(i.as_str()).cloned().or_else(|| base.contains_key(i.as_str()).then(|| i.0.clone()))).map(Id);
        let new = Comment { author: clean_name(&comment.author), item, text: comment.text.clone() };
        if !new.text.trim().is_empty() {
            comments.push((out.summaries.len(), new));
        }
    }
    if !sum.merged_before && !c.id.is_empty() {
        out.workshop.merged.push(MergeMark { contribution: c.id.clone(), author: author.clone(), at: now.to_owned() });
    }
    out.summaries.push(sum);
}

/// Clears links to items that are not there (an optional link's target the team removed).
fn tidy(v: &mut Value) {
    let set = |v: &Value, name: &str| -> HashSet<String> {
        let def = LISTS.iter().find(|l| l.name == name).expect("listed");
        list_at(v, def.path).into_iter().flatten().map(|x| id_of(x).to_owned()).collect()
    };
    let sets: HashMap<&str, HashSet<String>> = ["business_objectives", "objectives", "tactics", "findings"].into_iter().map(|n| (n, set(v, n))).collect();
    for def in LISTS {
        let Some(list) = list_at_mut(v, def.path) else { continue };
        for item in list.iter_mut() {
            for link in def.links {
                match link {
                    Link::One(field, target, false) => {
                        let gone = item.get(*field).and_then(Value::as_str).is_some_and(|id| !sets[target].contains(id));
                        if gone {
                            item[*field] = Value::Null;
                        }
                    }
                    Link::One(..) => {}
                    Link::Many(field, target) => {
                        if let Some(ids) = item.get_mut(*field).and_then(Value::as_array_mut) {
                            let mut seen = HashSet::new();
                            ids.retain(|x| x.as_str().is_some_and(|id| sets[target].contains(id) && seen.insert(id.to_owned())));
                        }
                    }
                    Link::Serves => {
                        let gone = item.get("serves").and_then(Value::as_object).is_some_and(|s| {
                            s.iter().any(|(kind, id)| {
                                let list = if kind == "tactic" { "tactics" } else { "objectives" };
                                !id.as_str().is_some_and(|id| sets[list].contains(id))
                            })
                        });
                        if gone {
                            item["serves"] = Value::Null;
                        }
                    }
                }
            }
        }
    }
}

impl MergeOutcome {
    /// The merged plan, with the participant's version of each conflict where
    /// `take_theirs[i]` says so (the team's version elsewhere).
    pub fn apply(&self, take_theirs: &[bool], next_id: &mut dyn FnMut() -> Id) -> Plan {
        let mut v = self.value.clone();
        let mut ids = all_ids(&v);
        for (c, _) in self.conflicts.iter().zip(take_theirs).filter(|(_, take)| **take) {
            match &c.target {
                Target::Field(path) => set_field(&mut v, path, c.theirs.clone()),
                Target::Item(li, id) => {
                    if let Some(item) = list_at_mut(&mut v, LISTS[*li].path).and_then(|l| l.iter_mut().find(|x| id_of(x) == id)) {
                        *item = c.theirs.clone();
                    }
                }
                Target::Removed(li) => {
                    let mut item = c.theirs.clone();
                    let wanted = id_of(&item).to_owned();
                    let id = if !wanted.is_empty() && !ids.contains(&wanted) { wanted } else { next_id().0 };
                    ids.insert(id.clone());
                    item["id"] = Value::String(id);
                    if let Some(list) = list_at_mut(&mut v, LISTS[*li].path) {
                        list.push(item);
                    }
                }
            }
        }
        tidy(&mut v);
        let mut plan: Plan = serde_json::from_value(v).unwrap_or_default();
        plan.workshop = self.workshop.clone();
        super::workshop::repair(&mut plan);
        plan
    }

    /// The merged plan with the team's version of every conflict.
    pub fn plan(&self) -> Plan {
        self.apply(&[], &mut Id::default)
    }
}

/// A conflict as the screen shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictView {
    pub author: String,
    /// The list it is in (a name of `LISTS`); none for a field outside the lists.
    pub list: Option<&'static str>,
    pub label: String,
    /// The team removed the item.
    pub removed: bool,
    /// Field, team's value, participant's value.
    pub differences: Vec<(String, String, String)>,
}

/// A merge worked out, as the screen needs it: the summaries, the conflicts, and the merge
/// itself to apply.
pub struct Preview {
    pub summaries: Vec<AuthorSummary>,
    pub conflicts: Vec<ConflictView>,
    outcome: Box<dyn std::any::Any + Send + Sync>,
}

/// The workshop's work on plan files, as one object: it sits with the plan reader and
/// writer (`Codec::workshop`), in the part of the app loaded with them, so the Workshop
/// screen's part carries none of the JSON code they share.
pub trait Workshops: Sync {
    /// Records the plan as handed out (see `Plan::hand_out`).
    fn hand_out(&self, plan: &mut Plan, now: &str);
    /// The contribution header of a plan file, if it is a contribution.
    fn header(&self, bytes: &[u8]) -> Option<ContributionHeader>;
    fn read_contribution(&self, codec: &dyn Codec, bytes: &[u8], ours: &Plan, next_id: &mut dyn FnMut() -> Id) -> Result<Contribution, ContributionError>;
    fn write_contribution(&self, codec: &dyn Codec, plan: &Plan, author: &str, id: &str, app_version: &str, now: &str) -> String;
    fn merge(&self, ours: &Plan, contributions: &[Contribution], now: &str, next_id: &mut dyn FnMut() -> Id) -> Preview;
    /// The merged plan of `preview`, with the participant's version where `take_theirs` says so.
    fn apply(&self, preview: &Preview, take_theirs: &[bool], next_id: &mut dyn FnMut() -> Id) -> Option<Plan>;
}

pub struct WorkshopFiles;

impl Workshops for WorkshopFiles {
    fn hand_out(&self, plan: &mut Plan, now: &str) {
        plan.hand_out(now)
    }

    fn header(&self, bytes: &[u8]) -> Option<ContributionHeader> {
        contribution_header(bytes)
    }

    fn read_contribution(&self, codec: &dyn Codec, bytes: &[u8], ours: &Plan, next_id: &mut dyn FnMut() -> Id) -> Result<Contribution, ContributionError> {
        read_contribution(codec, bytes, ours, next_id)
    }

    fn write_contribution(&self, codec: &dyn Codec, plan: &Plan, author: &str, id: &str, app_version: &str, now: &str) -> String {
        write_contribution(codec, plan, author, id, app_version, now)
    }

    fn merge(&self, ours: &Plan, contributions: &[Contribution], now: &str, next_id: &mut dyn FnMut() -> Id) -> Preview {
        let outcome = merge(ours, contributions, now, next_id);
        let conflicts = outcome
            .conflicts
            .iter()
            .map(|c| ConflictView { author: c.author.clone(), list: c.list().map(|l| l.name), label: c.label(), removed: c.ours.is_none(), differences: c.differences() })
            .collect();
        Preview { summaries: outcome.summaries.clone(), conflicts, outcome: Box::new(outcome) }
    }

    fn apply(&self, preview: &Preview, take_theirs: &[bool], next_id: &mut dyn FnMut() -> Id) -> Option<Plan> {
        preview.outcome.downcast_ref::<MergeOutcome>().map(|o| o.apply(take_theirs, next_id))
    }
}

#[cfg(test)]
mod tests;
