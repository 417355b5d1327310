//! The workshop: a facilitator hands the plan out, participants add to it on their own
//! laptops, offline, and send back contributions that are merged into the one team plan
//! (`merge`). What the plan keeps of that: who wrote which item, each participant's dots
//! of the dot-voting, comments, and the fingerprints of the plan as it was handed out
//! (so a merge can tell who changed what).

use super::validate::{Problem, ProblemKind};
use super::{Finding, Id, Plan, SwotItem};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Dots each participant gets when the facilitator has not set a number.
pub const DEFAULT_DOTS: u8 = 5;
/// The most dots a facilitator can hand each participant.
pub const MAX_DOTS: u8 = 20;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Workshop {
    /// Dots each participant may spend in the dot-voting (1–20).
    pub dots: u8,
    /// When the plan was last handed out to participants (RFC 3339), empty if never.
    pub handed_out_at: String,
    /// Fingerprints of the plan as it was handed out: item id → fingerprint of the item,
    /// `@path` → fingerprint of a field outside the lists. A merge compares both sides
    /// with these to tell who changed what.
    pub base: BTreeMap<String, String>,
    /// Who wrote an item, by item id: the names of the participants it came from.
    pub authors: BTreeMap<Id, Vec<String>>,
    /// The dot-voting: participant → item id → dots.
    pub votes: BTreeMap<String, BTreeMap<Id, u8>>,
    pub comments: Vec<Comment>,
    /// Contributions merged into this plan, newest last.
    pub merged: Vec<MergeMark>,
}

impl Default for Workshop {
    fn default() -> Self {
        Workshop {
            dots: DEFAULT_DOTS,
            handed_out_at: String::new(),
            base: BTreeMap::new(),
            authors: BTreeMap::new(),
            votes: BTreeMap::new(),
            comments: Vec::new(),
            merged: Vec::new(),
        }
    }
}

/// A comment of a participant, on one item of the plan or on the plan as a whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Comment {
    pub author: String,
    /// The item it is about; none for the plan as a whole.
    pub item: Option<Id>,
    pub text: String,
}

/// A contribution that was merged: its id, whose it was and when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct MergeMark {
    pub contribution: String,
    pub author: String,
    pub at: String,
}

/// What workshop notes a removal took along: put back by undo.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkshopRefs {
    pub authors: Vec<(Id, Vec<String>)>,
    pub votes: Vec<(String, Id, u8)>,
    /// Comments that were about a removed item, by position.
    pub comments: Vec<(usize, Id)>,
}

impl WorkshopRefs {
    pub fn is_empty(&self) -> bool {
        self.authors.is_empty() && self.votes.is_empty() && self.comments.is_empty()
    }
}

/// Which kinds of items take part in the dot-voting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VoteKind {
    Finding,
    /// A SWOT entry, with its quadrant (0 strengths … 3 threats).
    Swot(usize),
    Objective,
    Tactic,
}

/// An item of the dot-voting with its dots in all.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub id: Id,
    pub kind: VoteKind,
    pub text: String,
    pub dots: u32,
    pub voters: usize,
}

/// A name as compared: trimmed, inner whitespace as one space.
pub fn clean_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as compared for "the same item": case and whitespace do not count.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// A short fingerprint of a JSON value (FNV-1a over its compact text), the same in every
/// build of the app.
pub fn fingerprint(value: &serde_json::Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    Id::from_bits(hash).0
}

impl Workshop {
    /// Nothing of a workshop in this plan: left out of its file.
    pub fn is_unused(&self) -> bool {
        *self == Workshop::default()
    }

    /// Dots `participant` has spent.
    pub fn spent(&self, participant: &str) -> u32 {
        self.votes.get(participant).map_or(0, |v| v.values().map(|d| u32::from(*d)).sum())
    }

    /// Dots `participant` still has.
    pub fn remaining(&self, participant: &str) -> u32 {
        u32::from(self.dots).saturating_sub(self.spent(participant))
    }

    pub fn dots_on(&self, participant: &str, item: &Id) -> u8 {
        self.votes.get(participant).and_then(|v| v.get(item)).copied().unwrap_or(0)
    }

    /// Renames ids as `map` says (a copy of a plan gets fresh ids).
    pub fn remap(&mut self, map: &HashMap<Id, Id>) {
        let get = |id: &Id| map.get(id).cloned().unwrap_or_else(|| id.clone());
        self.authors = std::mem::take(&mut self.authors).into_iter().map(|(k, v)| (get(&k), v)).collect();
        for votes in self.votes.values_mut() {
            *votes = std::mem::take(votes).into_iter().map(|(k, v)| (get(&k), v)).collect();
        }
        for c in &mut self.comments {
            if let Some(item) = &mut c.item {
                *item = get(item);
            }
        }
        self.base = std::mem::take(&mut self.base)
            .into_iter()
            .map(|(k, v)| match map.get(&Id(k.clone())) {
                Some(new) => (new.0.clone(), v),
                None => (k, v),
            })
            .collect();
    }

    /// Takes out every note about the ids in `gone` (a removal), to put back on undo.
    pub fn take_refs(&mut self, gone: &[&Id]) -> WorkshopRefs {
        let mut refs = WorkshopRefs::default();
        for id in gone {
            if let Some(a) = self.authors.remove(*id) {
                refs.authors.push(((*id).clone(), a));
            }
        }
        for (who, votes) in &mut self.votes {
            for id in gone {
                if let Some(d) = votes.remove(*id) {
                    refs.votes.push((who.clone(), (*id).clone(), d));
                }
            }
        }
        self.votes.retain(|_, v| !v.is_empty());
        for (i, c) in self.comments.iter_mut().enumerate() {
            if c.item.as_ref().is_some_and(|x| gone.contains(&x)) {
                refs.comments.push((i, c.item.take().expect("checked")));
            }
        }
        refs
    }

    /// Puts back notes taken by `take_refs` whose item `exists` again.
    pub fn put_refs(&mut self, refs: WorkshopRefs, exists: impl Fn(&Id) -> bool) {
        for (id, a) in refs.authors {
            if exists(&id) {
                self.authors.insert(id, a);
            }
        }
        for (who, id, d) in refs.votes {
            if exists(&id) {
                self.votes.entry(who).or_default().insert(id, d);
            }
        }
        for (i, id) in refs.comments {
            if let Some(c) = self.comments.get_mut(i).filter(|c| c.item.is_none()) {
                if exists(&id) {
                    c.item = Some(id);
                }
            }
        }
    }
}

/// Problems of the workshop notes: dots out of range, notes about items not in the plan.
pub(crate) fn problems(plan: &Plan, root: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let w = &plan.workshop;
    if !(1..=MAX_DOTS).contains(&w.dots) {
        out.push(Problem { path: format!("{root}.workshop.dots"), kind: ProblemKind::OutOfRange { min: 1.0, max: f64::from(MAX_DOTS) } });
    }
    if w.authors.is_empty() && w.votes.is_empty() && w.comments.is_empty() {
        return out;
    }
    let ids = item_ids(plan);
    for id in w.authors.keys().filter(|id| !ids.contains(id)) {
        out.push(Problem { path: format!("{root}.workshop.authors.{id}"), kind: ProblemKind::DanglingLink { id: id.clone() } });
    }
    for (who, votes) in &w.votes {
        for id in votes.keys().filter(|id| !ids.contains(id)) {
            out.push(Problem { path: format!("{root}.workshop.votes.{who}.{id}"), kind: ProblemKind::DanglingLink { id: id.clone() } });
        }
    }
    for (i, c) in w.comments.iter().enumerate() {
        if let Some(id) = c.item.as_ref().filter(|id| !ids.contains(id)) {
            out.push(Problem { path: format!("{root}.workshop.comments[{i}].item"), kind: ProblemKind::DanglingLink { id: id.clone() } });
        }
    }
    out
}

/// Drops workshop notes about items that are not in the plan and brings the dots into
/// range; says how many notes changed.
pub(crate) fn repair(plan: &mut Plan) -> usize {
    let ids = item_ids(plan);
    let w = &mut plan.workshop;
    let mut fixed = 0;
    if !(1..=MAX_DOTS).contains(&w.dots) {
        w.dots = w.dots.clamp(1, MAX_DOTS);
        fixed += 1;
    }
    let before = w.authors.len();
    w.authors.retain(|id, _| ids.contains(id));
    fixed += before - w.authors.len();
    for votes in w.votes.values_mut() {
        let before = votes.len();
        votes.retain(|id, _| ids.contains(id));
        fixed += before - votes.len();
    }
    w.votes.retain(|_, v| !v.is_empty());
    for c in &mut w.comments {
        if c.item.as_ref().is_some_and(|id| !ids.contains(id)) {
            c.item = None;
            fixed += 1;
        }
    }
    fixed
}

fn item_ids(plan: &Plan) -> HashSet<Id> {
    let mut ids = HashSet::new();
    super::edit::for_each_id(plan, &mut |id| {
        ids.insert(id.clone());
    });
    ids
}

impl Plan {
    /// Records the plan as it is now as the one handed out to participants: a later merge
    /// compares their contributions and the team plan with it.
    pub fn hand_out(&mut self, now: &str) {
        self.workshop.base = base_of(self);
        self.workshop.handed_out_at = now.to_owned();
    }

    /// Items of this copy that were not in the plan as handed out: what a participant
    /// added. Without a hand-out, none are known.
    pub fn new_since_hand_out(&self) -> Vec<Id> {
        if self.workshop.base.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        super::edit::for_each_id(self, &mut |id| {
            if !self.workshop.base.contains_key(id.as_str()) {
                out.push(id.clone());
            }
        });
        out
    }

    /// Marks the items added since the hand-out as `author`'s, where they carry no author
    /// yet. Returns how many were marked.
    pub fn sign_new_items(&mut self, author: &str) -> usize {
        let author = clean_name(author);
        if author.is_empty() {
            return 0;
        }
        let mut n = 0;
        for id in self.new_since_hand_out() {
            let names = self.workshop.authors.entry(id).or_default();
            if names.is_empty() {
                names.push(author.clone());
                n += 1;
            }
        }
        n
    }

    /// Items of the dot-voting: findings, SWOT entries, objectives and tactics that have text.
    pub fn votable(&self) -> Vec<(Id, VoteKind, String)> {
        let i = &self.information;
        let s = &self.strategy;
        let mut out: Vec<(Id, VoteKind, String)> = Vec::new();
        out.extend(i.landscape.findings.iter().filter(|x| !x.is_blank()).map(|x| (x.id.clone(), VoteKind::Finding, x.text.clone())));
        for (q, items) in i.swot.quadrants().into_iter().enumerate() {
            out.extend(items.iter().filter(|x| !x.is_blank()).map(|x| (x.id.clone(), VoteKind::Swot(q), x.text.clone())));
        }
        out.extend(s.objectives.iter().filter(|x| !x.is_blank()).map(|x| (x.id.clone(), VoteKind::Objective, x.text.clone())));
        out.extend(s.tactics.iter().filter(|x| !x.is_blank()).map(|x| (x.id.clone(), VoteKind::Tactic, x.text.clone())));
        out
    }

    /// Gives `participant` `dots` on `item` (0 takes them back). Refused (false) when the
    /// item is not one of the voting, or the participant would spend more than the dots
    /// the facilitator set.
    pub fn set_vote(&mut self, participant: &str, item: &Id, dots: u8) -> bool {
        let who = clean_name(participant);
        if who.is_empty() || !self.votable().iter().any(|(id, ..)| id == item) {
            return false;
        }
        let w = &mut self.workshop;
        let others = w.spent(&who) - u32::from(w.dots_on(&who, item));
        if others + u32::from(dots) > u32::from(w.dots) {
            return false;
        }
        let votes = w.votes.entry(who.clone()).or_default();
        if dots == 0 {
            votes.remove(item);
        } else {
            votes.insert(item.clone(), dots);
        }
        if votes.is_empty() {
            w.votes.remove(&who);
        }
        true
    }

    /// The items of the voting with their dots, most first; ties keep the plan's order.
    pub fn ranking(&self) -> Vec<Ranked> {
        let mut out = self.ranking_in_plan_order();
        out.sort_by(|a, b| b.dots.cmp(&a.dots));
        out
    }

    /// The items of the voting with their dots, in the plan's order.
    pub fn ranking_in_plan_order(&self) -> Vec<Ranked> {
        let mut totals: HashMap<&Id, (u32, usize)> = HashMap::new();
        for votes in self.workshop.votes.values() {
            for (id, d) in votes {
                let e = totals.entry(id).or_default();
                e.0 += u32::from(*d);
                e.1 += usize::from(*d > 0);
            }
        }
        let out: Vec<Ranked> = self
            .votable()
            .into_iter()
            .map(|(id, kind, text)| {
                let (dots, voters) = totals.get(&id).copied().unwrap_or_default();
                Ranked { id, kind, text, dots, voters }
            })
            .collect();
        out
    }

    /// Brings the `top` findings with the most dots (at least one) into the SWOT, each into
    /// its quadrant and linked to it, where the SWOT has none of it yet. Returns how many came in.
    pub fn carry_top_findings(&mut self, top: usize, mut new_id: impl FnMut() -> Id) -> usize {
        let chosen: Vec<Finding> = self
            .ranking()
            .into_iter()
            .filter(|r| r.kind == VoteKind::Finding && r.dots > 0)
            .take(top)
            .filter_map(|r| self.information.landscape.findings.iter().find(|f| f.id == r.id).cloned())
            .collect();
        let mut n = 0;
        for f in chosen {
            let linked = self.information.swot.quadrants().iter().any(|q| q.iter().any(|x| x.finding.as_ref() == Some(&f.id)));
            if linked {
                continue;
            }
            let q = match f.polarity {
                super::Polarity::Opportunity => 2,
                super::Polarity::Threat => 3,
            };
            self.information.swot.quadrant_mut(q).push(SwotItem { id: new_id(), text: f.text.clone(), finding: Some(f.id.clone()) });
            n += 1;
        }
        n
    }

    /// Sets the weight (1–5) of every finding from the dots it got: the most-voted gets 5,
    /// the others in proportion, findings without dots 1. Nothing changes when no finding
    /// has a dot. Returns how many weights changed.
    pub fn weights_from_votes(&mut self) -> usize {
        let dots: HashMap<Id, u32> = self.ranking().into_iter().filter(|r| r.kind == VoteKind::Finding).map(|r| (r.id, r.dots)).collect();
        let max = dots.values().copied().max().unwrap_or(0);
        if max == 0 {
            return 0;
        }
        let mut n = 0;
        for f in &mut self.information.landscape.findings {
            let d = dots.get(&f.id).copied().unwrap_or(0);
            let weight = (1 + (4 * d + max / 2) / max).min(5) as u8;
            if f.weight != weight {
                f.weight = weight;
                n += 1;
            }
        }
        n
    }
}

/// The fingerprints of every item and every field outside the lists of `plan`.
pub fn base_of(plan: &Plan) -> BTreeMap<String, String> {
    let value = serde_json::to_value(plan).unwrap_or_default();
    let mut base = BTreeMap::new();
    for list in super::merge::LISTS {
        if let Some(items) = super::merge::list_at(&value, list.path) {
            for item in items {
                if let Some(id) = item.get("id").and_then(|v| v.as_str()) {
                    base.insert(id.to_owned(), fingerprint(item));
                }
            }
        }
    }
    for (path, v) in super::merge::fields(&value) {
        base.insert(format!("@{path}"), fingerprint(v));
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{validate::validate, Objective, Polarity};

    fn workshop_plan() -> Plan {
        let mut p = Plan::new(Id::from("p"), "P", Default::default(), "2026-01-01T00:00:00Z");
        for (id, text, pol) in [("f1", "TikTok", Polarity::Opportunity), ("f2", "Bad reviews", Polarity::Threat), ("f3", "Podcasts", Polarity::Opportunity)] {
            p.information.landscape.findings.push(Finding { id: Id::from(id), text: text.into(), polarity: pol, ..Default::default() });
        }
        p.strategy.objectives.push(Objective { id: Id::from("o"), text: "Grow".into(), ..Default::default() });
        p
    }

    #[test]
    fn a_participant_spends_no_more_dots_than_set() {
        let mut p = workshop_plan();
        p.workshop.dots = 3;
        assert!(p.set_vote("Ana", &Id::from("f1"), 2));
        assert!(!p.set_vote("Ana", &Id::from("f2"), 2), "2 + 2 > 3");
        assert!(p.set_vote("Ana", &Id::from("f2"), 1));
        assert_eq!(p.workshop.remaining("Ana"), 0);
        assert!(p.set_vote("Ana", &Id::from("f1"), 0));
        assert_eq!(p.workshop.remaining("Ana"), 2);
        assert!(!p.set_vote("Ana", &Id::from("nope"), 1), "not an item of the voting");
        assert!(!p.set_vote("  ", &Id::from("f1"), 1), "a name is needed");
        assert!(validate(&p, "plan").is_empty());
    }

    #[test]
    fn the_ranking_carries_findings_into_the_swot_and_sets_weights() {
        let mut p = workshop_plan();
        p.set_vote("Ana", &Id::from("f2"), 3);
        p.set_vote("Ben", &Id::from("f2"), 1);
        p.set_vote("Ben", &Id::from("f1"), 2);
        p.set_vote("Ben", &Id::from("o"), 1);
        let r = p.ranking();
        assert_eq!((r[0].id.as_str(), r[0].dots, r[0].voters), ("f2", 4, 2));
        assert_eq!((r[1].id.as_str(), r[1].dots), ("f1", 2));
        let mut n = 0;
        assert_eq!(p.carry_top_findings(1, || { n += 1; Id(format!("s{n}")) }), 1);
        assert_eq!(p.information.swot.threats[0].finding, Some(Id::from("f2")));
        assert_eq!(p.carry_top_findings(5, || { n += 1; Id(format!("s{n}")) }), 1, "f2 is in already; f3 has no dots");
        assert_eq!(p.weights_from_votes(), 2, "f1 had weight 3 already");
        let w: Vec<u8> = p.information.landscape.findings.iter().map(|f| f.weight).collect();
        assert_eq!(w, vec![3, 5, 1]);
        assert!(validate(&p, "plan").is_empty());
    }

    #[test]
    fn removing_an_item_takes_its_notes_and_undo_puts_them_back() {
        let mut p = workshop_plan();
        p.set_vote("Ana", &Id::from("f1"), 2);
        p.workshop.authors.insert(Id::from("f1"), vec!["Ana".into()]);
        p.workshop.comments.push(Comment { author: "Ben".into(), item: Some(Id::from("f1")), text: "Yes".into() });
        let before = p.clone();
        let r = p.remove(&Id::from("f1")).expect("removed");
        assert!(validate(&p, "plan").is_empty(), "{:?}", validate(&p, "plan"));
        assert!(p.workshop.authors.is_empty() && p.workshop.votes.is_empty());
        assert_eq!(p.workshop.comments[0].item, None);
        p.restore(r);
        assert_eq!(p, before);
    }

    #[test]
    fn new_items_since_the_hand_out_are_signed() {
        let mut p = workshop_plan();
        p.hand_out("2026-01-02T00:00:00Z");
        p.information.landscape.findings.push(Finding { id: Id::from("new"), text: "Mine".into(), ..Default::default() });
        assert_eq!(p.new_since_hand_out(), vec![Id::from("new")]);
        assert_eq!(p.sign_new_items(" Ana  Lee "), 1);
        assert_eq!(p.workshop.authors[&Id::from("new")], vec!["Ana Lee".to_owned()]);
        assert_eq!(p.sign_new_items("Ben"), 0, "signed already");
    }

    #[test]
    fn a_copy_keeps_its_notes_on_the_new_ids() {
        let mut p = workshop_plan();
        p.set_vote("Ana", &Id::from("f1"), 2);
        p.workshop.authors.insert(Id::from("f3"), vec!["Ana".into()]);
        let mut n = 0;
        p.reassign_ids(&mut || { n += 1; Id(format!("n{n}")) });
        assert!(validate(&p, "plan").is_empty(), "{:?}", validate(&p, "plan"));
        assert_eq!(p.workshop.spent("Ana"), 2);
    }
}
