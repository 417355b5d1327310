//! The workshop: a facilitator hands the plan out, participants add to it on their own
//! laptops, offline, and send back contributions that are merged into the one team plan
//! (`merge`). What the plan keeps of that: who wrote which item, each participant's dots
//! of the dot-voting, comments, and the fingerprints of the plan as it was handed out
//! (so a merge can tell who changed what).

use super::validate::{Problem, ProblemKind};
use super::{Finding, Id, Plan, SwotItem};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

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
    /// Fingerprints of the plan as it was handed out, one text each: the fingerprint, a
    /// space, then the item's id or `@` and the path of a field outside the lists. A merge
    /// compares both sides with these to tell who changed what.
    pub base: Vec<String>,
    /// Who wrote an item: the names of the participants it came from.
    pub authors: Vec<Authorship>,
    /// The dot-voting: each participant's dots on each item.
    pub votes: Vec<Vote>,
    pub comments: Vec<Comment>,
    /// Contributions merged into this plan, newest last.
    pub merged: Vec<MergeMark>,
    /// The blocks of the session with their minutes, in the method's order (`agenda`).
    pub agenda: Vec<super::agenda::AgendaItem>,
}

impl Default for Workshop {
    fn default() -> Self {
        Workshop {
            dots: DEFAULT_DOTS,
            handed_out_at: String::new(),
            base: Vec::new(),
            authors: Vec::new(),
            votes: Vec::new(),
            comments: Vec::new(),
            merged: Vec::new(),
            agenda: Vec::new(),
        }
    }
}

/// The authors of one item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Authorship {
    pub item: Id,
    pub names: Vec<String>,
}

/// A participant's dots on one item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Vote {
    pub participant: String,
    pub item: Id,
    pub dots: u8,
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
    pub authors: Vec<Authorship>,
    pub votes: Vec<Vote>,
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
        self.votes.iter().filter(|v| v.participant == participant).map(|v| u32::from(v.dots)).sum()
    }

    /// Dots `participant` still has.
    pub fn remaining(&self, participant: &str) -> u32 {
        u32::from(self.dots).saturating_sub(self.spent(participant))
    }

    pub fn dots_on(&self, participant: &str, item: &Id) -> u8 {
        self.votes.iter().find(|v| v.participant == participant && &v.item == item).map_or(0, |v| v.dots)
    }

    /// Who wrote `item`, if the workshop knows.
    pub fn authors_of(&self, item: &Id) -> Option<&Vec<String>> {
        self.authors.iter().find(|a| &a.item == item).map(|a| &a.names)
    }

    /// The authors of `item`, to change (an empty list when it has none yet).
    pub fn authors_mut(&mut self, item: &Id) -> &mut Vec<String> {
        let at = match self.authors.iter().position(|a| &a.item == item) {
            Some(at) => at,
            None => {
                self.authors.push(Authorship { item: item.clone(), names: Vec::new() });
                self.authors.len() - 1
            }
        };
        &mut self.authors[at].names
    }

    /// The fingerprints of the hand-out, by item id or `@` and field path.
    pub fn base_map(&self) -> HashMap<&str, &str> {
        self.base.iter().filter_map(|line| line.split_once(' ')).map(|(fp, key)| (key, fp)).collect()
    }

    /// Renames ids as `map` says (a copy of a plan gets fresh ids).
    pub fn remap(&mut self, map: &HashMap<Id, Id>) {
        let get = |id: &Id| map.get(id).cloned().unwrap_or_else(|| id.clone());
        for a in &mut self.authors {
            a.item = get(&a.item);
        }
        for v in &mut self.votes {
            v.item = get(&v.item);
        }
        for c in &mut self.comments {
            if let Some(item) = &mut c.item {
                *item = get(item);
            }
        }
        for line in &mut self.base {
            let new = line.split_once(' ').and_then(|(fp, key)| map.get(&Id(key.to_owned())).map(|id| format!("{fp} {id}")));
            if let Some(new) = new {
                *line = new;
            }
        }
    }

    /// Takes out every note about the ids in `gone` (a removal), to put back on undo.
    pub fn take_refs(&mut self, gone: &[&Id]) -> WorkshopRefs {
        let mut refs = WorkshopRefs::default();
        let (taken, kept): (Vec<Authorship>, Vec<Authorship>) = std::mem::take(&mut self.authors).into_iter().partition(|a| gone.contains(&&a.item));
        self.authors = kept;
        refs.authors = taken;
        let (taken, kept): (Vec<Vote>, Vec<Vote>) = std::mem::take(&mut self.votes).into_iter().partition(|v| gone.contains(&&v.item));
        self.votes = kept;
        refs.votes = taken;
        for (i, c) in self.comments.iter_mut().enumerate() {
            if c.item.as_ref().is_some_and(|x| gone.contains(&x)) {
                refs.comments.push((i, c.item.take().expect("checked")));
            }
        }
        refs
    }

    /// Puts back notes taken by `take_refs` whose item `exists` again.
    pub fn put_refs(&mut self, refs: WorkshopRefs, exists: impl Fn(&Id) -> bool) {
        self.authors.extend(refs.authors.into_iter().filter(|a| exists(&a.item)));
        self.votes.extend(refs.votes.into_iter().filter(|v| exists(&v.item)));
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
    let mut out = super::agenda::problems(plan, root);
    let w = &plan.workshop;
    if !(1..=MAX_DOTS).contains(&w.dots) {
        out.push(Problem { path: format!("{root}.workshop.dots"), kind: ProblemKind::OutOfRange { min: 1.0, max: f64::from(MAX_DOTS) } });
    }
    if w.authors.is_empty() && w.votes.is_empty() && w.comments.is_empty() {
        return out;
    }
    let ids = item_ids(plan);
    let mut seen = HashSet::new();
    for (i, a) in w.authors.iter().enumerate() {
        if !ids.contains(&a.item) || !seen.insert(&a.item) {
            out.push(Problem { path: format!("{root}.workshop.authors[{i}].item"), kind: ProblemKind::DanglingLink { id: a.item.clone() } });
        }
    }
    let mut seen = HashSet::new();
    for (i, v) in w.votes.iter().enumerate() {
        if !ids.contains(&v.item) || !seen.insert((&v.participant, &v.item)) {
            out.push(Problem { path: format!("{root}.workshop.votes[{i}].item"), kind: ProblemKind::DanglingLink { id: v.item.clone() } });
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
    let mut fixed = super::agenda::repair(plan);
    let ids = item_ids(plan);
    let w = &mut plan.workshop;
    if !(1..=MAX_DOTS).contains(&w.dots) {
        w.dots = w.dots.clamp(1, MAX_DOTS);
        fixed += 1;
    }
    let before = w.authors.len() + w.votes.len();
    let mut seen = HashSet::new();
    w.authors.retain(|a| ids.contains(&a.item) && seen.insert(a.item.clone()));
    let mut seen = HashSet::new();
    w.votes.retain(|v| ids.contains(&v.item) && seen.insert((v.participant.clone(), v.item.clone())));
    fixed += before - w.authors.len() - w.votes.len();
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
        let base = self.workshop.base_map();
        let mut out = Vec::new();
        super::edit::for_each_id(self, &mut |id| {
            if !base.contains_key(id.as_str()) {
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
            let names = self.workshop.authors_mut(&id);
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
        w.votes.retain(|v| !(v.participant == who && &v.item == item));
        if dots > 0 {
            w.votes.push(Vote { participant: who, item: item.clone(), dots });
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
        for v in &self.workshop.votes {
            let e = totals.entry(&v.item).or_default();
            e.0 += u32::from(v.dots);
            e.1 += usize::from(v.dots > 0);
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
pub fn base_of(plan: &Plan) -> Vec<String> {
    let value = serde_json::to_value(plan).unwrap_or_default();
    let mut base = Vec::new();
    for list in super::merge::LISTS {
        if let Some(items) = super::merge::list_at(&value, list.path) {
            for item in items {
                if let Some(id) = item.get("id").and_then(|v| v.as_str()) {
                    base.push(format!("{} {id}", fingerprint(item)));
                }
            }
        }
    }
    for (path, v) in super::merge::fields(&value) {
        base.push(format!("{} @{path}", fingerprint(v)));
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
        *p.workshop.authors_mut(&Id::from("f1")) = vec!["Ana".into()];
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
        assert_eq!(p.workshop.authors_of(&Id::from("new")), Some(&vec!["Ana Lee".to_owned()]));
        assert_eq!(p.sign_new_items("Ben"), 0, "signed already");
    }

    #[test]
    fn a_copy_keeps_its_notes_on_the_new_ids() {
        let mut p = workshop_plan();
        p.set_vote("Ana", &Id::from("f1"), 2);
        *p.workshop.authors_mut(&Id::from("f3")) = vec!["Ana".into()];
        let mut n = 0;
        p.reassign_ids(&mut || { n += 1; Id(format!("n{n}")) });
        assert!(validate(&p, "plan").is_empty(), "{:?}", validate(&p, "plan"));
        assert_eq!(p.workshop.spent("Ana"), 2);
    }
}
