//! The merge's rules, as properties over generated plans and contributions, and as
//! scenarios of a workshop.

use super::*;
use crate::model::tests::plan;
use crate::model::validate::validate;
use crate::model::{decode, encode, Finding, Objective, PlanCodec, Polarity, SwotItem, Tactic};
use proptest::prelude::*;
use proptest::strategy::Strategy as Gen;

const NOW: &str = "2026-11-30T10:00:00Z";

/// One thing a participant (or the team) does to their copy of the plan.
#[derive(Clone, Debug)]
enum Edit {
    Finding(u8, String),
    Swot(u8, u8, String),
    Objective(u8, String),
    Tactic(u8, usize, String),
    Kpi(u8, usize, String),
    FindingText(usize, String),
    ObjectiveText(usize, String),
    Remove(usize),
    Vote(usize, u8),
    Comment(usize, String),
    Mission(String),
}

/// Short texts that often meet again, in other case and spacing.
fn words() -> impl Gen<Value = String> {
    prop_oneof![3 => "[abc]{1,2}", 1 => " [ABC]{1,2}  "]
}

fn edit(removals: bool) -> BoxedStrategy<Edit> {
    let n = 0u8..12;
    let i = 0usize..40;
    prop_oneof![
        3 => (n.clone(), words()).prop_map(|(n, t)| Edit::Finding(n, t)),
        2 => (0u8..4, n.clone(), words()).prop_map(|(q, n, t)| Edit::Swot(q, n, t)),
        2 => (n.clone(), words()).prop_map(|(n, t)| Edit::Objective(n, t)),
        2 => (n.clone(), i.clone(), words()).prop_map(|(n, o, t)| Edit::Tactic(n, o, t)),
        1 => (n, i.clone(), words()).prop_map(|(n, o, t)| Edit::Kpi(n, o, t)),
        2 => (i.clone(), words()).prop_map(|(f, t)| Edit::FindingText(f, t)),
        1 => (i.clone(), words()).prop_map(|(o, t)| Edit::ObjectiveText(o, t)),
        2 => i.clone().prop_map(move |x| if removals { Edit::Remove(x) } else { Edit::Vote(x, 1) }),
        2 => (i.clone(), 0u8..4).prop_map(|(x, d)| Edit::Vote(x, d)),
        1 => (i, words()).prop_map(|(x, t)| Edit::Comment(x, t)),
        1 => words().prop_map(Edit::Mission),
    ]
    .boxed()
}

/// Applies `edits` as `who` would: new items get ids `prefix` + number, texts get `tag`
/// in front; `half` (0 or 1) picks the even or odd existing findings and objectives to edit,
/// so two participants with different halves never edit the same item.
fn work(p: &mut Plan, edits: &[Edit], who: &str, prefix: &str, tag: &str, half: Option<usize>) {
    let id = |n: u8| Id(format!("{prefix}{n}"));
    let text = |t: &str| format!("{tag}{t}");
    let pick = |i: usize, len: usize| match half {
        None => (len > 0).then(|| i % len),
        Some(h) => Some(2 * i + h).filter(|x| *x < len),
    };
    for e in edits {
        match e {
            Edit::Finding(n, t) if !p.has_id(&id(*n)) => {
                p.information.landscape.findings.push(Finding { id: id(*n), text: text(t), polarity: Polarity::Threat, ..Default::default() })
            }
            Edit::Swot(q, n, t) if !p.has_id(&id(*n)) => {
                p.information.swot.quadrant_mut(usize::from(*q)).push(SwotItem { id: id(*n), text: text(t), finding: None })
            }
            Edit::Objective(n, t) if !p.has_id(&id(*n)) => {
                p.strategy.objectives.push(Objective { id: id(*n), text: text(t), ..Default::default() })
            }
            Edit::Tactic(n, o, t) if !p.has_id(&id(*n)) && !p.strategy.objectives.is_empty() => {
                let objective = p.strategy.objectives[o % p.strategy.objectives.len()].id.clone();
                p.strategy.tactics.push(Tactic { id: id(*n), objective, text: text(t) })
            }
            Edit::Kpi(n, o, t) if !p.has_id(&id(*n)) && !p.strategy.objectives.is_empty() => {
                let objective = p.strategy.objectives[o % p.strategy.objectives.len()].id.clone();
                p.strategy.kpis.push(crate::model::Kpi { id: id(*n), objective, name: text(t), ..Default::default() })
            }
            Edit::FindingText(i, t) => {
                if let Some(i) = pick(*i, p.information.landscape.findings.len()) {
                    p.information.landscape.findings[i].text = text(t);
                }
            }
            Edit::ObjectiveText(i, t) => {
                if let Some(i) = pick(*i, p.strategy.objectives.len()) {
                    p.strategy.objectives[i].text = text(t);
                }
            }
            Edit::Remove(i) => {
                let mut ids = Vec::new();
                crate::model::edit::for_each_id(p, &mut |x| ids.push(x.clone()));
                if !ids.is_empty() {
                    p.remove(&ids[i % ids.len()]);
                }
            }
            Edit::Vote(i, d) => {
                let items = p.votable();
                if !items.is_empty() {
                    let item = items[i % items.len()].0.clone();
                    p.set_vote(who, &item, *d);
                }
            }
            Edit::Comment(i, t) => {
                let item = p.votable().get(*i).map(|x| x.0.clone());
                p.workshop.comments.push(Comment { author: who.into(), item, text: text(t) });
            }
            Edit::Mission(t) if half != Some(1) => p.strategy.mission = text(t),
            _ => {}
        }
    }
}

fn contribution(base: &Plan, edits: &[Edit], who: &str, prefix: &str, tag: &str, half: Option<usize>) -> Contribution {
    let mut p = base.clone();
    work(&mut p, edits, who, prefix, tag, half);
    p.sign_new_items(who);
    Contribution { id: format!("{who}-{prefix}"), author: who.into(), plan: p }
}

fn counter(prefix: &'static str) -> impl FnMut() -> Id {
    let mut n = 0;
    move || {
        n += 1;
        Id(format!("{prefix}{n}"))
    }
}

/// A plan as compared "up to order": every list and every list of workshop notes sorted.
/// (New items of two contributions come in the order the contributions were merged.)
fn canonical(p: &Plan) -> Value {
    let mut v = serde_json::to_value(p).unwrap();
    for def in LISTS {
        if let Some(list) = list_at_mut(&mut v, def.path) {
            list.sort_by_key(|x| x.to_string());
        }
    }
    for key in ["comments", "merged", "votes", "authors", "base"] {
        if let Some(list) = v.get_mut("workshop").and_then(|w| w.get_mut(key)).and_then(Value::as_array_mut) {
            for x in list.iter_mut() {
                if let Some(o) = x.as_object_mut() {
                    o.remove("at");
                }
            }
            list.sort_by_key(|x| x.to_string());
        }
    }
    v
}

fn setup() -> BoxedStrategy<(Plan, Plan)> {
    (plan(), prop::collection::vec(edit(true), 0..8)).prop_map(|(mut base, team)| {
        base.hand_out(NOW);
        let mut ours = base.clone();
        work(&mut ours, &team, "Team", "n", "", None);
        (base, ours)
    })
    .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn merging_a_contribution_twice_changes_nothing_the_second_time(
        (base, ours) in setup(), edits in prop::collection::vec(edit(true), 0..12),
    ) {
        let c = contribution(&base, &edits, "Ana", "n", "", None);
        let once = merge(&ours, std::slice::from_ref(&c), NOW, &mut counter("x")).plan();
        prop_assert_eq!(validate(&once, "plan"), vec![]);
        let again = merge(&once, std::slice::from_ref(&c), NOW, &mut counter("y"));
        prop_assert!(again.summaries[0].merged_before);
        prop_assert_eq!(again.plan(), once);
    }

    #[test]
    fn every_item_of_either_side_is_in_the_result_or_a_conflict(
        (base, ours) in setup(), edits in prop::collection::vec(edit(true), 0..12), choices in prop::collection::vec(any::<bool>(), 0..8),
    ) {
        let c = contribution(&base, &edits, "Ana", "n", "", None);
        let outcome = merge(&ours, std::slice::from_ref(&c), NOW, &mut counter("x"));
        let merged = outcome.plan();
        let result = serde_json::to_value(&merged).unwrap();
        let ours_v = serde_json::to_value(&ours).unwrap();
        let theirs_v = serde_json::to_value(&c.plan).unwrap();
        for def in LISTS {
            let r: Vec<&Value> = list_at(&result, def.path).into_iter().flatten().collect();
            for o in list_at(&ours_v, def.path).into_iter().flatten() {
                prop_assert!(r.iter().any(|x| id_of(x) == id_of(o)), "the team's {} {} is gone", def.name, id_of(o));
            }
            for t in list_at(&theirs_v, def.path).into_iter().flatten() {
                let id = id_of(t);
                let key = key_of(def, t);
                let label = normalise(&label_of(def, t));
                let kept = r.iter().any(|x| id_of(x) == id || (!key.is_empty() && normalise(&label_of(def, x)) == label));
                let conflict = outcome.conflicts.iter().any(|x| x.list().is_some_and(|l| l.name == def.name) && id_of(&x.theirs) == id);
                let removed_by_team = c.plan.workshop.base_map().get(id).is_some_and(|fp| *fp == fingerprint(t)) && !all_ids(&ours_v).contains(id);
                prop_assert!(kept || conflict || removed_by_team || key.is_empty(), "the participant's {} {} is lost", def.name, id);
            }
        }
        // Whatever the facilitator chooses, the plan is valid.
        let chosen = outcome.apply(&choices, &mut counter("z"));
        prop_assert_eq!(validate(&chosen, "plan"), vec![]);
        prop_assert_eq!(validate(&merged, "plan"), vec![]);
    }

    #[test]
    fn disjoint_contributions_give_the_same_plan_in_any_order(
        (base, ours) in setup(),
        a in prop::collection::vec(edit(false), 0..10), b in prop::collection::vec(edit(false), 0..10),
    ) {
        let ca = contribution(&base, &a, "Ana", "a", "A ", Some(0));
        let cb = contribution(&base, &b, "Ben", "b", "B ", Some(1));
        let ab = merge(&ours, &[ca.clone(), cb.clone()], NOW, &mut counter("x")).plan();
        let ba = merge(&ours, &[cb.clone(), ca.clone()], NOW, &mut counter("y")).plan();
        let stepwise = merge(&merge(&ours, &[cb], NOW, &mut counter("z")).plan(), &[ca], NOW, &mut counter("w")).plan();
        prop_assert_eq!(validate(&ab, "plan"), vec![]);
        prop_assert_eq!(canonical(&ab), canonical(&ba));
        prop_assert_eq!(canonical(&ab), canonical(&stepwise));
    }
}

fn handed_out() -> Plan {
    let mut p = Plan::new(Id::from("plan"), "Team plan", Default::default(), NOW);
    p.information.landscape.findings.push(Finding { id: Id::from("f1"), text: "Customers ask on Instagram".into(), ..Default::default() });
    p.strategy.objectives.push(Objective { id: Id::from("o1"), text: "Faster answers".into(), ..Default::default() });
    p.strategy.tactics.push(Tactic { id: Id::from("t1"), objective: Id::from("o1"), text: "Shared inbox".into() });
    p.hand_out(NOW);
    p
}

fn sent(p: Plan, who: &str, id: &str) -> Contribution {
    let mut p = p;
    p.sign_new_items(who);
    Contribution { id: id.into(), author: who.into(), plan: p }
}

#[test]
fn a_new_item_whose_id_the_team_uses_gets_a_fresh_id_with_its_links_and_votes() {
    let base = handed_out();
    let mut ours = base.clone();
    ours.strategy.objectives.push(Objective { id: Id::from("x"), text: "Team's own".into(), ..Default::default() });
    let mut theirs = base.clone();
    theirs.strategy.objectives.push(Objective { id: Id::from("x"), text: "More reviews".into(), ..Default::default() });
    theirs.strategy.tactics.push(Tactic { id: Id::from("y"), objective: Id::from("x"), text: "Ask after purchase".into() });
    assert!(theirs.set_vote("Ana", &Id::from("x"), 2));
    let outcome = merge(&ours, &[sent(theirs, "Ana", "c1")], NOW, &mut counter("fresh"));
    let p = outcome.plan();
    assert_eq!(validate(&p, "plan"), vec![]);
    let mine = p.strategy.objectives.iter().find(|o| o.text == "More reviews").expect("added");
    assert_eq!(mine.id, Id::from("fresh1"));
    assert_eq!(p.strategy.objectives.iter().find(|o| o.id == Id::from("x")).unwrap().text, "Team's own");
    let tactic = p.strategy.tactics.iter().find(|t| t.text == "Ask after purchase").expect("added");
    assert_eq!(tactic.objective, mine.id, "the link follows the new id");
    assert_eq!(p.workshop.dots_on("Ana", &mine.id), 2, "the dots follow too");
    assert_eq!(p.workshop.authors_of(&mine.id).cloned().unwrap_or_default(), vec!["Ana".to_owned()]);
    assert_eq!(outcome.summaries[0].added.get("objectives"), Some(&1));
    assert_eq!(outcome.summaries[0].added.get("tactics"), Some(&1));
}

#[test]
fn the_same_text_twice_is_one_item_with_both_authors_and_their_dots() {
    let base = handed_out();
    let mut ana = base.clone();
    ana.information.landscape.findings.push(Finding { id: Id::from("a1"), text: "TikTok is where our buyers are".into(), ..Default::default() });
    ana.set_vote("Ana", &Id::from("a1"), 3);
    let mut ben = base.clone();
    ben.information.landscape.findings.push(Finding { id: Id::from("b1"), text: "  tiktok is  where our BUYERS are ".into(), ..Default::default() });
    ben.set_vote("Ben", &Id::from("b1"), 2);
    let p = merge(&base, &[sent(ana, "Ana", "c1"), sent(ben, "Ben", "c2")], NOW, &mut counter("x")).plan();
    assert_eq!(p.information.landscape.findings.len(), 2);
    assert_eq!(p.workshop.authors_of(&Id::from("a1")).cloned().unwrap_or_default(), vec!["Ana".to_owned(), "Ben".to_owned()]);
    let top = &p.ranking()[0];
    assert_eq!((top.id.as_str(), top.dots, top.voters), ("a1", 5, 2));
}

#[test]
fn an_item_both_sides_changed_is_a_conflict_and_one_side_changed_is_taken() {
    let base = handed_out();
    let mut ours = base.clone();
    ours.strategy.objectives[0].text = "Answer within the hour".into();
    let mut theirs = base.clone();
    theirs.strategy.objectives[0].text = "Answer within a day".into();
    theirs.strategy.tactics[0].text = "Shared inbox with tags".into();
    let outcome = merge(&ours, &[sent(theirs, "Ana", "c1")], NOW, &mut counter("x"));
    assert_eq!(outcome.conflicts.len(), 1);
    let c = &outcome.conflicts[0];
    assert_eq!(c.label(), "Answer within a day");
    assert_eq!(c.differences(), vec![("text".to_owned(), "Answer within the hour".to_owned(), "Answer within a day".to_owned())]);
    assert_eq!(outcome.summaries[0].updated, 1, "only the participant changed the tactic");
    let kept = outcome.plan();
    assert_eq!(kept.strategy.objectives[0].text, "Answer within the hour");
    assert_eq!(kept.strategy.tactics[0].text, "Shared inbox with tags");
    let chosen = outcome.apply(&[true], &mut counter("x"));
    assert_eq!(chosen.strategy.objectives[0].text, "Answer within a day");
}

#[test]
fn an_objective_the_team_removed_comes_back_when_a_new_tactic_hangs_on_it() {
    let base = handed_out();
    let mut ours = base.clone();
    ours.remove(&Id::from("o1"));
    let mut theirs = base.clone();
    theirs.strategy.tactics.push(Tactic { id: Id::from("t2"), objective: Id::from("o1"), text: "Chatbot at night".into() });
    let outcome = merge(&ours, &[sent(theirs, "Ana", "c1")], NOW, &mut counter("x"));
    let p = outcome.plan();
    assert_eq!(validate(&p, "plan"), vec![]);
    assert_eq!(outcome.summaries[0].brought_back, 1);
    assert!(p.strategy.objectives.iter().any(|o| o.id == Id::from("o1")));
    assert_eq!(p.strategy.tactics.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(), vec!["Chatbot at night"], "the unchanged tactic stays removed");
    assert_eq!(outcome.summaries[0].stay_removed, 1);
}

#[test]
fn a_later_contribution_replaces_the_participants_dots() {
    let base = handed_out();
    let mut first = base.clone();
    first.set_vote("Ana", &Id::from("f1"), 3);
    let once = merge(&base, &[sent(first.clone(), "Ana", "c1")], NOW, &mut counter("x")).plan();
    assert_eq!(once.workshop.spent("Ana"), 3);
    let mut later = first;
    later.set_vote("Ana", &Id::from("f1"), 1);
    later.set_vote("Ana", &Id::from("o1"), 2);
    let twice = merge(&once, &[sent(later, "Ana", "c2")], NOW, &mut counter("x")).plan();
    assert_eq!(twice.workshop.dots_on("Ana", &Id::from("f1")), 1);
    assert_eq!(twice.workshop.spent("Ana"), 3, "replaced, not added up");
    assert_eq!(twice.workshop.merged.len(), 2);
}

#[test]
fn contributions_are_read_with_the_checks_of_an_import() {
    let base = handed_out();
    let mut theirs = base.clone();
    theirs.information.landscape.findings.push(Finding { id: Id::from("n1"), text: "Reels work".into(), ..Default::default() });
    theirs.set_vote("Ana", &Id::from("n1"), 2);
    let text = write_contribution(&PlanCodec, &theirs, "Ana ", "c1", "1.0.0", NOW);
    let c = read_contribution(&PlanCodec, text.as_bytes(), &base, &mut Id::default).expect("read");
    assert_eq!((c.author.as_str(), c.id.as_str()), ("Ana", "c1"));
    assert_eq!(c.plan.workshop.authors_of(&Id::from("n1")).cloned().unwrap_or_default(), vec!["Ana".to_owned()], "signed on the way out");

    let err = |bytes: &[u8], ours: &Plan| read_contribution(&PlanCodec, bytes, ours, &mut Id::default).unwrap_err();
    assert!(matches!(err(b"{\"contribution\":", &base), ContributionError::File(ImportError::NotJson { .. })));
    assert_eq!(err(encode(&base, "1", NOW, None, false).as_bytes(), &base), ContributionError::NotAContribution);
    let mut other = base.clone();
    other.id = Id::from("another");
    assert_eq!(err(text.as_bytes(), &other), ContributionError::OtherPlan { name: "Team plan".into() });
    let nameless = text.replacen("\"author\":\"Ana\"", "\"author\":\" \"", 1);
    assert_eq!(err(nameless.as_bytes(), &base), ContributionError::NoAuthor);
    // A contribution is a plan file: an import of it reads the plan, nothing unknown.
    assert_eq!(crate::model::file_format::read(text.as_bytes(), Reading::Import, &mut Id::default).unwrap().unknown, Vec::<String>::new());
}

#[test]
fn authors_votes_and_comments_survive_export_and_import_and_old_files_read_as_before() {
    let mut p = handed_out();
    p.workshop.dots = 7;
    *p.workshop.authors_mut(&Id::from("f1")) = vec!["Ana".into()];
    p.set_vote("Ben", &Id::from("t1"), 4);
    p.workshop.comments.push(Comment { author: "Ben".into(), item: Some(Id::from("o1")), text: "Measure it".into() });
    let back = decode(encode(&p, "1", NOW, None, true).as_bytes()).expect("read");
    assert_eq!(back.plan, p);
    let plain = Plan::new(Id::from("q"), "Q", Default::default(), NOW);
    let text = encode(&plain, "1", NOW, None, false);
    assert!(!text.contains("workshop"), "a plan without a workshop is written as before");
    assert_eq!(decode(text.as_bytes()).unwrap().plan.workshop, Workshop::default());
}
