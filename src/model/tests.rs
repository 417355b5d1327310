//! Tests of the file format as a whole: round trips of any plan, the published JSON
//! Schema, the fixture of every schema version, the sample plan and refused files.

use super::file_format::{decode, encode, nesting_depth, file_name, MAX_BYTES};
use super::validate::ProblemKind;
use super::*;
use proptest::prelude::*;
use proptest::strategy::Strategy as Gen;
use super::Strategy;

const NOW: &str = "2026-11-22T10:00:00Z";

fn text() -> impl Gen<Value = String> {
    prop_oneof![Just(String::new()), "\\PC{0,24}", "[a-z <>&\"'\\\\]{0,12}"]
}

fn number() -> impl Gen<Value = f64> {
    prop_oneof![-1e15..1e15f64, -1000.0..1000.0f64, Just(0.0)]
}

fn date() -> impl Gen<Value = Date> {
    (-20_000i64..60_000).prop_map(Date::from_day_number)
}

fn opt<T: std::fmt::Debug + Clone>(s: impl Gen<Value = T>) -> impl Gen<Value = Option<T>> {
    proptest::option::of(s)
}

prop_compose! {
    fn information()(
        ors in prop::collection::vec((any::<bool>(), text(), text()), 0..4),
        tools in prop::collection::vec((text(), text(), 0u8..3, text(), 1u8..=5), 0..4),
        findings in prop::collection::vec((0usize..5, text(), any::<bool>(), 1u8..=5), 0..6),
        generic in text(),
        answers in prop::collection::vec(text(), 5),
        channels in prop::collection::vec((text(), opt(date()), opt(0u64..1_000_000_000), opt(0u8..3), text(), text()), 0..4),
        scores in prop::collection::vec((opt(0u8..=10), opt(0u8..=10), text()), 5),
        swot in prop::collection::vec(prop::collection::vec((text(), any::<bool>()), 0..3), 4),
        swot_answers in prop::collection::vec(text(), 4),
        maturity in prop::collection::vec(opt(0usize..7), 9),
        notes in text(),
    ) -> Information {
        let mut n = 0;
        let mut id = |p: &str| { n += 1; Id(format!("{p}{n}")) };
        let mut info = Information::default();
        info.opportunities_risks = ors.into_iter().map(|(r, title, description)| OpportunityRisk {
            id: id("or"), kind: if r { OpportunityRiskKind::Risk } else { OpportunityRiskKind::Opportunity }, title, description,
        }).collect();
        info.tools = tools.into_iter().map(|(name, purpose, u, how, relevance)| ToolEntry {
            id: id("tl"), name, purpose, usage: [ToolUsage::NotUsed, ToolUsage::Evaluating, ToolUsage::InUse][u as usize], how, relevance,
        }).collect();
        info.landscape.findings = findings.into_iter().map(|(l, text, threat, weight)| Finding {
            id: id("f"), level: LandscapeLevel::ALL[l], text, polarity: if threat { Polarity::Threat } else { Polarity::Opportunity }, weight,
        }).collect();
        info.landscape.generic_strategy = generic;
        let a = &mut info.audit;
        [a.progress, a.channels_used, a.engagement, a.benefits, a.improvements] =
            [answers[0].clone(), answers[1].clone(), answers[2].clone(), answers[3].clone(), answers[4].clone()];
        a.channels = channels.into_iter().map(|(name, since, audience, e, owner, notes)| Channel {
            id: id("ch"), name, since, audience,
            engagement: e.map(|e| [EngagementLevel::Low, EngagementLevel::Medium, EngagementLevel::High][e as usize]),
            owner, notes,
        }).collect();
        for (level, (current, ideal, note)) in BenchmarkLevel::ALL.iter().zip(scores) {
            *a.benchmark.get_mut(*level) = BenchmarkScore { current, ideal, note };
        }
        let finding_ids: Vec<Id> = info.landscape.findings.iter().map(|f| f.id.clone()).collect();
        let mut quadrants = swot.into_iter().map(|items| items.into_iter().enumerate().map(|(i, (text, linked))| SwotItem {
            id: id("sw"), text, finding: if linked && !finding_ids.is_empty() { Some(finding_ids[i % finding_ids.len()].clone()) } else { None },
        }).collect::<Vec<_>>());
        let w = &mut info.swot;
        w.strengths = quadrants.next().unwrap();
        w.weaknesses = quadrants.next().unwrap();
        w.opportunities = quadrants.next().unwrap();
        w.threats = quadrants.next().unwrap();
        [w.leverage_strengths, w.overcome_weaknesses, w.realise_opportunities, w.alleviate_threats] =
            [swot_answers[0].clone(), swot_answers[1].clone(), swot_answers[2].clone(), swot_answers[3].clone()];
        let all = [MaturityAnswer::DontKnow, MaturityAnswer::Planning, MaturityAnswer::Presence, MaturityAnswer::Engagement,
            MaturityAnswer::Formalized, MaturityAnswer::Strategic, MaturityAnswer::Converged];
        info.maturity.answers = MaturityDimension::ALL.iter().zip(maturity)
            .filter_map(|(d, a)| a.map(|a| (*d, all[a]))).collect();
        info.maturity.notes = notes;
        info
    }
}

prop_compose! {
    fn strategy()(
        function in 0usize..7, horizon in 1u8..=5, start in opt(date()),
        business in prop::collection::vec(text(), 0..4),
        mission in text(),
        objectives in prop::collection::vec((text(), prop::collection::vec(0usize..8, 0..3), opt(0usize..4)), 0..4),
        kpis in prop::collection::vec((0usize..8, text(), opt(0usize..3), text(), any::<bool>(), opt(number()), opt(number()), opt(date()), 0usize..3, text(), text(), prop::collection::vec(number(), 0..6)), 0..5),
        tactics in prop::collection::vec((0usize..8, text()), 0..5),
        indicators in prop::collection::vec((0usize..8, text(), any::<bool>()), 0..6),
        post in (text(), prop::collection::vec(0usize..5, 0..5), text(), text(), text()),
        why in (text(), text(), text()),
        relationships in prop::collection::vec((text(), text(), text(), text()), 0..3),
        governance in (text(), text(), text(), text()),
        cornerstones in (text(), text(), text(), opt(number()), opt(number()), text()),
    ) -> Strategy {
        let mut n = 0;
        let mut id = |p: &str| { n += 1; Id(format!("{p}{n}")) };
        let mut s = Strategy::default();
        s.focus = Focus { function: BusinessFunction::ALL[function], horizon_years: horizon, start };
        s.business_objectives = business.into_iter().map(|text| BusinessObjective { id: id("b"), text }).collect();
        s.mission = mission;
        let bids: Vec<Id> = s.business_objectives.iter().map(|b| b.id.clone()).collect();
        let perspectives = [Perspective::Customer, Perspective::Financial, Perspective::LearningGrowth, Perspective::InternalProcess];
        s.objectives = objectives.into_iter().map(|(text, links, p)| Objective {
            id: id("o"), text,
            business_objectives: if bids.is_empty() { vec![] } else { let mut l: Vec<Id> = links.iter().map(|i| bids[i % bids.len()].clone()).collect(); l.dedup(); l },
            perspective: p.map(|p| perspectives[p]),
        }).collect();
        let oids: Vec<Id> = s.objectives.iter().map(|o| o.id.clone()).collect();
        if !oids.is_empty() {
            let goals = [BusinessGoal::IncreaseRevenue, BusinessGoal::ReduceCosts, BusinessGoal::IncreaseSatisfaction];
            let freqs = [Frequency::Weekly, Frequency::Monthly, Frequency::Quarterly];
            s.kpis = kpis.into_iter().map(|(o, name, g, unit, lower, baseline, target, deadline, f, source, owner, values)| Kpi {
                id: id("k"), objective: oids[o % oids.len()].clone(), name, business_goal: g.map(|g| goals[g]), unit,
                direction: if lower { Direction::LowerIsBetter } else { Direction::HigherIsBetter },
                baseline, target, deadline, frequency: freqs[f], source, owner,
                actuals: values.into_iter().enumerate().map(|(i, value)| Actual {
                    period: Date::from_day_number(20_000 + 7 * i as i64), value,
                    // Every third value has a comment, with quotes and a line break.
                    comment: if i % 3 == 1 { format!("„why“ \"{i}\"\n{value}") } else { String::new() },
                }).collect(),
            }).collect();
            s.tactics = tactics.into_iter().map(|(o, text)| Tactic { id: id("t"), objective: oids[o % oids.len()].clone(), text }).collect();
        }
        let tids: Vec<Id> = s.tactics.iter().map(|t| t.id.clone()).collect();
        if !tids.is_empty() {
            s.indicators = indicators.into_iter().map(|(t, text, kept)| Indicator { id: id("i"), tactic: tids[t % tids.len()].clone(), text, kept }).collect();
        }
        s.post = Post { people: post.0, objectives: post.1.into_iter().map(|i| PostObjective::ALL[i]).collect(), objectives_note: post.2, strategy: post.3, technology: post.4 };
        s.why = WhySocialMedia { marketing: why.0, employee_engagement: why.1, collaboration: why.2 };
        s.relationships = relationships.into_iter().map(|(who, kind, value, usage)| Relationship { id: id("r"), who, kind, value, usage }).collect();
        s.governance = Governance { policies: governance.0, guidelines: governance.1, processes: governance.2, education: governance.3 };
        s.business_integration = cornerstones.0;
        s.goal_system = cornerstones.1;
        s.resources = Resources { people: cornerstones.2, hours_per_week: cornerstones.3, budget: cornerstones.4, tools: cornerstones.5 };
        s
    }
}

prop_compose! {
    pub(crate) fn plan()(
        name in text(), information in information(), strategy in strategy(),
        actions in prop::collection::vec((0usize..3, text(), text(), opt(date()), 0usize..4, 0usize..3, 0usize..8, text()), 0..5),
        at_risk in 0.5..=1.0f64, gap in 0.0..0.5f64,
    ) -> Plan {
        let mut plan = Plan { id: Id::from("plan"), name, created_at: NOW.into(), updated_at: NOW.into(), information, strategy, ..Plan::default() };
        // Ids of the phases were made apart; prefix them so they can't collide.
        plan.reassign_ids(&mut { let mut n = 0u64; move || { n += 1; Id::from_bits(n) } });
        let oids: Vec<Id> = plan.strategy.objectives.iter().map(|o| o.id.clone()).collect();
        let tids: Vec<Id> = plan.strategy.tactics.iter().map(|t| t.id.clone()).collect();
        let plans = [ActionPlan::Enabling, ActionPlan::Organisation, ActionPlan::Technical];
        let statuses = [ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Dropped];
        plan.operative.actions = actions.into_iter().enumerate().map(|(i, (p, title, owner, due, st, serves, which, notes))| Action {
            id: Id(format!("a{i}")), plan: plans[p], title, owner, due, status: statuses[st],
            serves: match serves {
                1 if !oids.is_empty() => Some(Serves::Objective(oids[which % oids.len()].clone())),
                2 if !tids.is_empty() => Some(Serves::Tactic(tids[which % tids.len()].clone())),
                _ => None,
            },
            notes,
        }).collect();
        plan.operative.thresholds = Thresholds { at_risk, off_track: at_risk - gap };
        plan
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_plan_survives_export_and_import(plan in plan()) {
        prop_assert_eq!(validate::validate(&plan, "plan"), vec![]);
        for pretty in [true, false] {
            let text = encode(&plan, "1.0.0", NOW, None, pretty);
            let back = decode(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(&back.plan, &plan);
            prop_assert_eq!(back.revision, None);
        }
    }

    /// The direct reader notices a field the app does not know exactly when the naming
    /// reader names one, and both read the same plan: wherever the field is put, whatever
    /// it holds.
    #[test]
    fn the_direct_reader_notices_what_the_naming_reader_names(
        plan in plan(), at in any::<prop::sample::Index>(), put in any::<bool>(),
        field in prop_oneof![Just("colour"), Just("kpiz"), Just("x_notes")],
        held in prop_oneof![Just(serde_json::json!(null)), Just(serde_json::json!([1, {"a": [true]}])), Just(serde_json::json!({"deep": {"er": "x"}})), Just(serde_json::json!("text"))],
    ) {
        let mut value: serde_json::Value = serde_json::from_str(&encode(&plan, "1.0.0", NOW, None, false)).expect("the app's own file reads");
        if put {
            // The objects of the file are counted in order; the field goes into one of them.
            fn count(v: &serde_json::Value) -> usize {
                match v {
                    serde_json::Value::Object(m) => 1 + m.values().map(count).sum::<usize>(),
                    serde_json::Value::Array(a) => a.iter().map(count).sum(),
                    _ => 0,
                }
            }
            fn put_into(v: &mut serde_json::Value, n: &mut Option<usize>, field: &str, held: &serde_json::Value) {
                match v {
                    serde_json::Value::Object(m) if *n == Some(0) => {
                        m.insert(field.to_owned(), held.clone());
                        *n = None;
                    }
                    serde_json::Value::Object(m) => {
                        *n = n.map(|n| n - 1);
                        m.values_mut().for_each(|v| put_into(v, n, field, held));
                    }
                    serde_json::Value::Array(a) => a.iter_mut().for_each(|v| put_into(v, n, field, held)),
                    _ => {}
                }
            }
            let mut n = Some(at.index(count(&value)));
            put_into(&mut value, &mut n, field, &held);
            prop_assert_eq!(n, None, "the field was put");
        }
        let text = value.to_string();
        let spotted = json::read_spotting::<file_format::Envelope>(&text);
        let named = json::read_noting::<file_format::Envelope>(&text);
        prop_assert_eq!(spotted.is_some(), named.is_some());
        if let (Some((a, seen)), Some((b, unknown))) = (spotted, named) {
            prop_assert_eq!(a, b);
            prop_assert_eq!(seen, !unknown.is_empty());
            prop_assert_eq!(seen, put);
            let read = file_format::read(text.as_bytes(), file_format::Reading::Import, &mut Id::default).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(read.unknown, unknown);
        }
    }

    #[test]
    fn any_bytes_get_an_answer_not_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode(&bytes);
    }
}

const STRUCTURE: &str = include_str!("../../public/sample/plan.json");
const EN_TABLE: &str = include_str!("../../public/sample/en.json");

fn sample(lang_table: &str) -> Plan {
    sample::build(STRUCTURE, lang_table, &Date::new(2026, 11, 22), NOW).expect("the sample builds")
}

/// Every enumeration of the file reads and writes its keys, one per variant, and no other.
#[test]
fn enum_keys_are_what_serde_reads_and_writes() {
    use json::Keyed;
    use serde::de::DeserializeOwned;
    fn check<T: Keyed + serde::Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>() {
        assert_eq!(T::KEYS.len(), T::ALL.len());
        for (i, v) in T::ALL.iter().enumerate() {
            assert_eq!(v.key(), T::KEYS[i]);
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::Value::from(v.key()), "{v:?}");
            assert_eq!(serde_json::from_value::<T>(v.key().into()).unwrap(), *v);
            assert_eq!(T::from_key(v.key()), Some(*v));
            assert_eq!(T::KEYS.iter().filter(|k| **k == v.key()).count(), 1, "{v:?}");
        }
        assert_eq!(T::from_key("Unknown"), None);
        assert!(serde_json::from_value::<T>("Unknown".into()).is_err());
    }
    check::<OpportunityRiskKind>();
    check::<ToolUsage>();
    check::<LandscapeLevel>();
    check::<Polarity>();
    check::<EngagementLevel>();
    check::<BenchmarkLevel>();
    check::<Stage>();
    check::<MaturityDimension>();
    check::<MaturityAnswer>();
    check::<BusinessFunction>();
    check::<Perspective>();
    check::<BusinessGoal>();
    check::<Direction>();
    check::<Frequency>();
    check::<PostObjective>();
    check::<ActionPlan>();
    check::<ActionStatus>();
}

#[test]
fn serves_reads_either_link() {
    use serde_json::json;
    let read = |v: serde_json::Value| json::from_str::<Action>(&json!({ "serves": v }).to_string()).map(|a| a.serves);
    assert_eq!(read(json!({"objective": "o1"})), Ok(Some(Serves::Objective(Id::from("o1")))));
    assert_eq!(read(json!({"tactic": "t1"})), Ok(Some(Serves::Tactic(Id::from("t1")))));
    assert_eq!(read(json!({"goal": "g"})), Err("serves".to_owned()));
    assert_eq!(read(json!({"tactic": 5})), Err("serves.tactic".to_owned()));
    assert_eq!(read(json!("tactic")), Err("serves.tactic".to_owned()));
    assert_eq!(read(json!(["tactic", "t1"])), Err("serves".to_owned()));
}

/// docs/plan.schema.json is what schemars derives from the types, tightened to the rules
/// the app enforces (src/model/schema.rs). `UPDATE_SCHEMA=1 cargo test` writes it anew.
#[test]
fn the_published_schema_matches_the_code() {
    let text = super::schema::published_text();
    let path = super::schema::PATH;
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let published = std::fs::read_to_string(path).expect("docs/plan.schema.json exists");
    assert!(published == text, "docs/plan.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test` and commit it");
}

/// The published schema, checked by a JSON Schema validator, agrees with the app: every
/// file the app writes passes (the fixture of every version, brought to the current one
/// as the app does; the sample in every language; arbitrary plans), and every file the
/// app refuses for its structure fails, from the corpus of broken files and from the
/// mutation fuzzer. Refusals for links, ids and ranges (`Invalid`) need not agree.
#[test]
fn the_published_schema_agrees_with_the_app() {
    use super::schema::{mutations, published_text, Checker, DATE_PATTERN};
    use proptest::strategy::ValueTree;
    use serde_json::Value;
    // The text the test above finds in docs/plan.schema.json (read from there, it would race
    // with that test writing it under UPDATE_SCHEMA).
    let schema: Value = serde_json::from_str(&published_text()).unwrap();
    let checker = Checker::new(&schema);
    let passes = |file: &Value, what: &str| {
        let errors = checker.errors(file);
        assert!(errors.is_empty(), "{what} fails the schema:\n{}", errors.join("\n"));
    };

    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for version in 1..=SCHEMA_VERSION {
        let path = format!("{dir}/plan-v{version}.socialplan.json");
        let mut file: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        migrations::migrate(&mut file, version, SCHEMA_VERSION, migrations::MIGRATIONS).unwrap();
        passes(&file, &path);
    }
    // The fields of dates are named in src/model/schema.rs: every date of the sample must be
    // in one of them.
    fn dates(v: &Value, key: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, x)| dates(x, k, out)),
            Value::Array(a) => a.iter().for_each(|x| dates(x, key, out)),
            Value::String(s) if s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' => out.push(key.to_owned()),
            _ => {}
        }
    }
    let tables = [EN_TABLE, include_str!("../../public/sample/de.json"), include_str!("../../public/sample/bg.json")];
    for table in tables {
        let file: Value = serde_json::from_str(&encode(&sample(table), "0.1.0", NOW, None, true)).unwrap();
        passes(&file, "the sample");
        let mut keys = vec![];
        dates(&file, "", &mut keys);
        for key in keys {
            let field = schema["definitions"].as_object().unwrap().values().find_map(|d| d["properties"].get(&key));
            assert!(field.is_some_and(|f| f["pattern"] == DATE_PATTERN), "{key} holds a date but the schema has no date pattern for it");
        }
    }
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for i in 0..48 {
        let plan = plan().new_tree(&mut runner).unwrap().current();
        let file: Value = serde_json::from_str(&encode(&plan, "1.0.0", NOW, (i % 2 == 0).then_some(i), false)).unwrap();
        passes(&file, &format!("arbitrary plan {i}"));
    }

    let structural = |e: &ImportError| !matches!(e, ImportError::Invalid(_) | ImportError::Migration(_) | ImportError::TooLarge { .. });
    let mut checked = 0;
    for entry in std::fs::read_dir(format!("{dir}/broken")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if decode(&bytes).as_ref().err().is_some_and(structural) {
            assert!(checker.refuses(&bytes), "{} is refused by the app but passes the schema", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 12, "{checked} broken files refused for their structure");
    let (mut refused, mut accepted) = (0, 0);
    // The first inputs of `fuzz_the_import_path`; `FUZZ_CASES` sets how many (500 by default).
    let cases = std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(500);
    for (case, bytes) in mutations(&sample_value(), cases).iter().enumerate() {
        match decode(bytes) {
            Err(e) if structural(&e) => {
                let text = String::from_utf8_lossy(bytes);
                assert!(checker.refuses(bytes), "mutation {case} is refused by the app ({e:?}) but passes the schema: {text}");
                refused += 1;
            }
            Ok(_) => accepted += 1,
            Err(_) => {}
        }
    }
    println!("the schema refused all {refused} mutations the app refused for their structure ({accepted} accepted by the app)");
    assert!(refused >= cases * 2 / 5, "{refused} of {cases} mutations refused for their structure");
    // Known gap, left alone: a JSON Schema can't tell 3.0 from 3, while the app refuses 3.0
    // where it reads a whole number (a weight of 3.0 is a WrongType).
}

/// A file of every schema version ever published must still import.
#[test]
fn fixtures_of_every_version_import() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for version in 1..=SCHEMA_VERSION {
        let path = format!("{dir}/plan-v{version}.socialplan.json");
        if std::env::var_os("UPDATE_FIXTURE").is_some() && version == SCHEMA_VERSION {
            std::fs::write(&path, encode(&sample(EN_TABLE), "0.1.0", NOW, None, true)).unwrap();
        }
        let bytes = std::fs::read(&path).unwrap_or_else(|_| panic!("{path} exists"));
        let decoded = decode(&bytes).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        assert_eq!(decoded.migrated_from, (version < SCHEMA_VERSION).then_some(version));
        assert!(!decoded.plan.strategy.kpis.is_empty());
    }
}

#[test]
fn the_sample_fills_every_block_of_every_phase() {
    let plan = sample(EN_TABLE);
    for block in Block::ALL {
        assert!(!block_progress(&plan, block).is_empty(), "{block:?} is empty in the sample");
    }
    for step in Step::ALL {
        assert!(step_done(&plan, step), "step {step:?} is not done in the sample");
    }
    assert!(missing_cornerstones(&plan).is_empty());
    assert!(plan.information.maturity.stage().is_some());
    let year = plan.strategy.kpis.iter().filter(|k| {
        let days: Vec<i64> = k.actuals.iter().filter_map(|a| a.period.day_number()).collect();
        days.iter().max().zip(days.iter().min()).is_some_and(|(max, min)| max - min >= 300)
    });
    assert!(year.count() >= 3, "at least three KPIs have a year of values");
}

#[test]
fn the_sample_moves_to_the_current_week() {
    let plan = sample::build(STRUCTURE, EN_TABLE, &Date::new(2027, 3, 1), NOW).unwrap();
    let newest = plan.strategy.kpis.iter().flat_map(|k| &k.actuals).filter_map(|a| a.period.day_number()).max().unwrap();
    let today = Date::new(2027, 3, 1).day_number().unwrap();
    assert!((0..7).contains(&(today - newest)), "newest value {} days old", today - newest);
}

#[test]
fn on_every_day_the_sample_has_this_periods_values_and_none_in_the_future() {
    use crate::model::Frequency;
    let start = Date::text(sample::REFERENCE_DAY).day_number().unwrap();
    // The KPIs with a value for the reference day's period; the others stalled on purpose.
    let current: Vec<Id> = sample::build(STRUCTURE, EN_TABLE, &Date::from_day_number(start), NOW)
        .unwrap()
        .strategy
        .kpis
        .iter()
        .filter(|k| k.actuals.iter().any(|a| a.period.0.as_str() >= "2026-11-01"))
        .map(|k| k.id.clone())
        .collect();
    assert!(current.len() >= 4, "{current:?}");
    for day in (start..start + 800).step_by(3).chain([start - 1, start + 15, start + 45]) {
        let today = Date::from_day_number(day);
        let plan = sample::build(STRUCTURE, EN_TABLE, &today, NOW).unwrap();
        assert_eq!(validate::validate(&plan, "plan"), vec![], "on {}", today.0);
        let (y, m, _) = today.parts().unwrap();
        for k in &plan.strategy.kpis {
            let Some(newest) = k.actuals.iter().map(|a| a.period.clone()).max() else { continue };
            assert!(newest <= today, "{} has a value after {}", k.name, today.0);
            if !current.contains(&k.id) {
                continue;
            }
            let (ny, nm, _) = newest.parts().unwrap();
            match k.frequency {
                Frequency::Monthly => assert_eq!((ny, nm), (y, m), "{} on {}", k.name, today.0),
                Frequency::Quarterly => assert_eq!((ny, (nm - 1) / 3), (y, (m - 1) / 3), "{} on {}", k.name, today.0),
                _ => assert!(day - newest.day_number().unwrap() < 7, "{} on {}", k.name, today.0),
            }
        }
    }
}

#[test]
fn adding_months_keeps_the_day_or_takes_the_months_last() {
    assert_eq!(Date::new(2026, 1, 31).add_months(1), Some(Date::new(2026, 2, 28)));
    assert_eq!(Date::new(2028, 1, 31).add_months(1), Some(Date::new(2028, 2, 29)));
    assert_eq!(Date::new(2026, 11, 1).add_months(2), Some(Date::new(2027, 1, 1)));
    assert_eq!(Date::new(2026, 1, 15).add_months(-1), Some(Date::new(2025, 12, 15)));
    assert_eq!(Date::new(2026, 1, 15).add_months(-24), Some(Date::new(2024, 1, 15)));
    assert_eq!(Date("2026-13-01".into()).add_months(1), None);
}

#[test]
fn a_copy_shares_no_id_and_keeps_every_link() {
    let plan = sample(EN_TABLE);
    let mut copy = plan.clone();
    let mut n = 1000u64;
    copy.reassign_ids(&mut || { n += 1; Id::from_bits(n) });
    assert_eq!(validate::validate(&copy, "plan"), vec![]);
    assert_ne!(copy.id, plan.id);
    assert!(copy.strategy.objectives.iter().all(|o| plan.strategy.objectives.iter().all(|p| p.id != o.id)));
    assert_eq!(copy.strategy.kpis.len(), plan.strategy.kpis.len());
    assert_eq!(step_done(&copy, Step::Indicators), step_done(&plan, Step::Indicators));
}

fn problems_of(text: &str) -> Vec<validate::Problem> {
    match decode(text.as_bytes()) {
        Err(ImportError::Invalid(p)) => p,
        other => panic!("expected problems, got {other:?}"),
    }
}

fn sample_value() -> serde_json::Value {
    serde_json::from_str(&encode(&sample(EN_TABLE), "0.1.0", NOW, None, false)).unwrap()
}

#[test]
fn refused_files_say_what_is_wrong() {
    assert_eq!(decode(b""), Err(ImportError::Empty));
    assert_eq!(decode(&vec![b' '; MAX_BYTES + 1]), Err(ImportError::TooLarge { bytes: MAX_BYTES + 1 }));
    assert_eq!(decode(b"\xff\xfe{\x00}\x00"), Err(ImportError::NotUtf8));
    assert_eq!(decode(b"{\"format\": \"socialplan\",\n  \"plan\": }"), Err(ImportError::NotJson { line: 2, column: 11 }));
    assert_eq!(decode("[".repeat(100_000).as_bytes()), Err(ImportError::TooDeep));
    assert_eq!(decode(b"[1, 2]"), Err(ImportError::NotOurs));
    assert_eq!(decode(br#"{"type": "excalidraw", "version": 2}"#), Err(ImportError::NotOurs));
    assert_eq!(decode(br#"{"format": "socialplan", "plan": {}}"#), Err(ImportError::MissingVersion));
    assert_eq!(decode(br#"{"format": "socialplan", "schema_version": "1", "plan": {}}"#), Err(ImportError::MissingVersion));
    assert_eq!(decode(br#"{"format": "socialplan", "schema_version": 99, "plan": {}}"#), Err(ImportError::NewerVersion { found: 99 }));

    let mut v = sample_value();
    v["plan"]["strategy"]["kpis"][2]["baseline"] = "lots".into();
    assert_eq!(decode(v.to_string().as_bytes()), Err(ImportError::WrongType { path: "plan.strategy.kpis[2].baseline".into() }));
    let mut v = sample_value();
    v["plan"]["operative"]["actions"][0]["status"] = "someday".into();
    assert_eq!(decode(v.to_string().as_bytes()), Err(ImportError::WrongType { path: "plan.operative.actions[0].status".into() }));
    let mut v = sample_value();
    v["plan"]["information"]["tools"][0]["relevance"] = 300.into();
    assert_eq!(decode(v.to_string().as_bytes()), Err(ImportError::WrongType { path: "plan.information.tools[0].relevance".into() }));
    let mut v = sample_value();
    v["plan"]["information"]["maturity"]["answers"]["roadmap"] = "very".into();
    assert_eq!(decode(v.to_string().as_bytes()), Err(ImportError::WrongType { path: "plan.information.maturity.answers.roadmap".into() }));
    let mut v = sample_value();
    v["plan"]["information"]["maturity"]["answers"]["vibes"] = "planning".into();
    assert_eq!(decode(v.to_string().as_bytes()), Err(ImportError::WrongType { path: "plan.information.maturity.answers.vibes".into() }));
    let mut v = sample_value();
    v["plan"]["strategy"]["objectives"][1]["business_objectives"][0] = 7.into();
    assert_eq!(decode(v.to_string().as_bytes()), Err(ImportError::WrongType { path: "plan.strategy.objectives[1].business_objectives[0]".into() }));
    let mut v = sample_value();
    v["plan"]["strategy"] = "none".into();
    assert_eq!(decode(v.to_string().as_bytes()), Err(ImportError::WrongType { path: "plan.strategy".into() }));
}

#[test]
fn invalid_plans_name_each_problem_and_its_path() {
    let mut v = sample_value();
    let first_objective = v["plan"]["strategy"]["objectives"][0]["id"].clone();
    v["plan"]["strategy"]["objectives"][1]["id"] = first_objective.clone();
    v["plan"]["strategy"]["tactics"][0]["objective"] = "nowhere".into();
    v["plan"]["information"]["landscape"]["findings"][3]["weight"] = 9.into();
    v["plan"]["strategy"]["kpis"][0]["deadline"] = "2026-02-30".into();
    v["plan"]["strategy"]["kpis"][0]["target"] = serde_json::json!(1e300);
    v["plan"]["operative"]["actions"][0]["id"] = "".into();
    let problems = problems_of(&v.to_string());
    let at = |path: &str| problems.iter().find(|p| p.path == path).map(|p| p.kind.clone());
    assert_eq!(
        at("plan.strategy.objectives[1].id"),
        Some(ProblemKind::DuplicateId { id: Id(first_objective.as_str().unwrap().into()), first: "plan.strategy.objectives[0].id".into() })
    );
    assert_eq!(at("plan.strategy.tactics[0].objective"), Some(ProblemKind::DanglingLink { id: Id::from("nowhere") }));
    assert_eq!(at("plan.information.landscape.findings[3].weight"), Some(ProblemKind::OutOfRange { min: 1.0, max: 5.0 }));
    assert_eq!(at("plan.strategy.kpis[0].deadline"), Some(ProblemKind::BadDate { text: "2026-02-30".into() }));
    assert!(matches!(at("plan.strategy.kpis[0].target"), Some(ProblemKind::OutOfRange { .. })));
    assert_eq!(at("plan.operative.actions[0].id"), Some(ProblemKind::MissingId));
}

#[test]
fn missing_fields_are_restored_with_defaults() {
    let decoded = decode(br#"{"format":"socialplan","schema_version":1,"plan":{"id":"p1","name":"Old"}}"#).unwrap();
    assert_eq!(decoded.plan.name, "Old");
    assert_eq!(decoded.plan.strategy.focus.horizon_years, 1);
    assert_eq!(decoded.plan.operative.thresholds, Thresholds::default());
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), br#"{"format":"socialplan","schema_version":1,"plan":{"id":"p"}}"#].concat();
    assert!(decode(&with_bom).is_ok());
}

/// A key written twice is read as the tree of the file has it: the last one counts.
#[test]
fn a_key_written_twice_counts_once() {
    let text = br#"{"format":"socialplan","schema_version":1,"plan":{"id":"p","name":"First","name":"Last"}}"#;
    assert_eq!(decode(text).unwrap().plan.name, "Last");
}

#[test]
fn storage_revisions_round_trip() {
    let plan = sample(EN_TABLE);
    let decoded = decode(encode(&plan, "0.1.0", NOW, Some(7), false).as_bytes()).unwrap();
    assert_eq!(decoded.revision, Some(7));
    assert!(!encode(&plan, "0.1.0", NOW, None, true).contains("revision"));
}

#[test]
fn depth_counts_brackets_outside_strings() {
    assert_eq!(nesting_depth(r#"{"a": "[[[[", "b": [[1]]}"#), 3);
    assert_eq!(nesting_depth(r#"["\"[["]"#), 1);
    assert_eq!(nesting_depth("12"), 0);
}

#[test]
fn file_names_come_from_plan_names() {
    assert_eq!(file_name("Marketing plan 2027"), "marketing-plan-2027.socialplan.json");
    assert_eq!(file_name("  Über / Größe: ÄÖ? "), "über-größe-äö.socialplan.json");
    assert_eq!(file_name("План за маркетинг"), "план-за-маркетинг.socialplan.json");
    assert_eq!(file_name("../../"), "plan.socialplan.json");
    assert_eq!(file_name(""), "plan.socialplan.json");
}

#[test]
fn the_revision_is_read_from_the_head_of_a_stored_plan() {
    use super::file_format::peek_revision;
    let plan = sample(EN_TABLE);
    assert_eq!(peek_revision(&encode(&plan, "0.1.0", NOW, Some(42), false)), Some(42));
    assert_eq!(peek_revision(&encode(&plan, "0.1.0", NOW, None, false)), None);
    assert_eq!(peek_revision("garbage"), None);
    assert_eq!(peek_revision(&"ä".repeat(300)), None);
    assert_eq!(peek_revision(r#"{"plan": {"name": "\"revision\":9"}}"#), None);
}

#[test]
fn pretty_files_parse_back_to_the_same_value() {
    let compact = encode(&sample(EN_TABLE), "0.1.0", NOW, None, false);
    let pretty = super::file_format::pretty(&compact);
    assert!(pretty.contains("\n  \"plan\": {"));
    let a: serde_json::Value = serde_json::from_str(&compact).unwrap();
    let b: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    assert_eq!(a, b);
    assert_eq!(super::file_format::pretty(r#"{"a":[],"b":{},"c":"x,{:\"y"}"#), "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": \"x,{:\\\"y\"\n}");
}

/// Every file of the corpus of broken and hostile files is refused with the error its
/// name announces (`<kind>--<what>.json`), and every refusal has a message.
#[test]
fn the_corpus_of_broken_files_is_refused_as_expected() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/broken");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let kind = name.split("--").next().unwrap();
        let error = decode(&std::fs::read(&path).unwrap()).expect_err(&name);
        let matches = match kind {
            "empty" => error == ImportError::Empty,
            "not-json" => matches!(error, ImportError::NotJson { .. }),
            "not-ours" => error == ImportError::NotOurs,
            "missing-version" => error == ImportError::MissingVersion,
            "newer" => matches!(error, ImportError::NewerVersion { .. }),
            "not-utf8" => error == ImportError::NotUtf8,
            "too-deep" => error == ImportError::TooDeep,
            "wrong-type" => matches!(error, ImportError::WrongType { .. }),
            "invalid" => matches!(&error, ImportError::Invalid(p) if !p.is_empty()),
            other => panic!("{name}: unknown kind {other}"),
        };
        assert!(matches, "{name}: {error:?}");
        for lang in crate::i18n::Lang::ALL {
            let (headline, _) = crate::i18n::import_error(lang, &error);
            assert!(!headline.is_empty() && !headline.contains('{'), "{name}: {headline}");
        }
        seen += 1;
    }
    assert!(seen >= 20, "the corpus has {seen} files");
    // Too large is refused before anything is read.
    let huge = vec![b'x'; super::file_format::MAX_BYTES + 1];
    assert!(matches!(decode(&huge), Err(ImportError::TooLarge { .. })));
}

#[test]
fn the_sample_shows_every_status() {
    use crate::model::tracking::{statuses, Status};
    let today = Date::new(2026, 11, 22);
    let plan = sample(EN_TABLE);
    let found: Vec<Status> = statuses(&plan, &today).into_iter().map(|(_, s)| s).collect();
    // Every KPI of the sample has a target (it passes its own SMART advice), so none says
    // "no target".
    for s in Status::ALL.into_iter().filter(|s| *s != Status::NoTarget) {
        assert!(found.contains(&s), "{s:?} missing from the sample: {found:?}");
    }
}

/// A mutation fuzzer of the import path: the sample plan's file, changed at random places
/// (values swapped for other types, hostile text, huge and negative numbers, deep nesting,
/// removed keys, doubled list items), then decoded. Every input must get an answer — a
/// plan or an error with a message in every language — and never a panic. Deterministic;
/// `FUZZ_CASES` sets how many inputs run (3,000 by default), and the count is printed.
#[test]
fn fuzz_the_import_path() {
    use crate::i18n::{import_error, Lang};
    use serde_json::Value;
    let cases: usize = std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000);
    let base: Value = serde_json::from_str(&encode(&sample(EN_TABLE), "0.1.0", NOW, None, false)).unwrap();
    let (mut accepted, mut refused) = (0usize, 0usize);
    for (case, bytes) in super::schema::mutations(&base, cases).into_iter().enumerate() {
        match decode(&bytes) {
            Ok(_) => accepted += 1,
            Err(e) => {
                refused += 1;
                for lang in Lang::ALL {
                    let (headline, _) = import_error(lang, &e);
                    assert!(!headline.trim().is_empty(), "case {case}: no message for {e:?}");
                }
            }
        }
    }
    assert_eq!(accepted + refused, cases);
    println!("fuzzed the import path with {cases} inputs: {accepted} accepted, {refused} refused with a message");
}

/// The direct way refuses a `null` where a text belongs; the checked way then reads the
/// file, where a `null` field keeps its default as an absent one does: the default of
/// its struct (a horizon of 1 year, a weight of 3), not of its type.
#[test]
fn a_null_field_keeps_its_default() {
    let mut plan = Plan::new(Id::from("nulls"), "Nulls", BusinessFunction::Marketing, NOW);
    plan.information.landscape.findings.push(Finding { id: Id::from("f1"), text: "A finding".into(), ..Finding::default() });
    plan.information.tools.push(ToolEntry { id: Id::from("t1"), name: "A tool".into(), ..ToolEntry::default() });
    let text = encode(&plan, "test", NOW, None, false);
    let with_null = text.replace("\"mission\":\"\"", "\"mission\":null");
    assert_ne!(text, with_null, "the plan has a mission field to null");
    assert!(serde_json::from_str::<Envelope>(&with_null).is_err(), "the direct way refuses it");
    assert_eq!(decode(with_null.as_bytes()).unwrap().plan, plan);

    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for pointer in [
        "/revision",
        "/app_version",
        "/plan/name",
        "/plan/strategy/focus/horizon_years",
        "/plan/strategy/focus/start",
        "/plan/strategy/kpis",
        "/plan/information/landscape/findings/0/weight",
        "/plan/information/landscape/findings/0/level",
        "/plan/information/tools/0/relevance",
        "/plan/operative/thresholds",
        "/plan/operative/thresholds/at_risk",
    ] {
        let mut v = v.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        v.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(key.into(), serde_json::Value::Null);
        let decoded = decode(v.to_string().as_bytes()).unwrap_or_else(|e| panic!("{pointer}: {e:?}"));
        let mut expected = plan.clone();
        if pointer == "/plan/name" {
            expected.name = String::new();
        }
        assert_eq!(decoded.plan, expected, "{pointer}");
    }
    // A null item of a list is no item of it: a wrong value, with its path.
    v["plan"]["information"]["landscape"]["findings"].as_array_mut().unwrap().push(serde_json::Value::Null);
    assert_eq!(decode(v.to_string().as_bytes()), Err(ImportError::WrongType { path: "plan.information.landscape.findings[1]".into() }));
    // A file whose plan is null reads as an empty plan, which does not validate.
    let empty = br#"{"format":"socialplan","schema_version":1,"plan":null}"#;
    assert!(matches!(decode(empty), Err(ImportError::Invalid(_))));
    assert!(matches!(decode(br#"{"format":"socialplan","schema_version":1}"#), Err(ImportError::Invalid(_))));
}

/// The sample shows the method done well: in every language it passes its own SMART
/// advice on objectives and KPIs, and the plan check finds no KPI without baseline,
/// target or deadline.
#[test]
fn the_sample_passes_its_own_advice() {
    let tables = [EN_TABLE, include_str!("../../public/sample/de.json"), include_str!("../../public/sample/bg.json")];
    for table in tables {
        let plan = sample(table);
        let mut advice = Vec::new();
        for o in &plan.strategy.objectives {
            let a = smart_objective(&plan, &o.id);
            if !a.is_empty() {
                advice.push(format!("objective {} “{}”: {a:?}", o.id, o.text));
            }
        }
        for k in &plan.strategy.kpis {
            let a = smart_kpi(&plan, &k.id);
            if !a.is_empty() {
                advice.push(format!("KPI {} “{}”: {a:?}", k.id, k.name));
            }
        }
        assert!(advice.is_empty(), "{}", advice.join("\n"));
        let incomplete: Vec<Gap> = plan_check(&plan).into_iter().filter(|g| matches!(g, Gap::KpiIncomplete(..))).collect();
        assert_eq!(incomplete, vec![]);
    }
}

/// Comments travel with their values; a value without one is written as before, so files
/// without comments (all older ones) read and write unchanged.
#[test]
fn comments_round_trip_and_empty_ones_are_left_out() {
    let mut plan = sample(EN_TABLE);
    let text = encode(&plan, "0.1.0", NOW, None, false);
    assert!(!text.contains("\"comment\""), "no comment, no field");
    assert_eq!(decode(text.as_bytes()).unwrap().plan, plan);
    plan.strategy.kpis[0].actuals[0].comment = "Giveaway with a roaster; \"decision\": keep it".into();
    let text = encode(&plan, "0.1.0", NOW, None, true);
    assert_eq!(text.matches("\"comment\"").count(), 1);
    let back = decode(text.as_bytes()).unwrap();
    assert_eq!(back.plan, plan);
    assert_eq!(back.plan.strategy.kpis[0].actuals[0].comment, "Giveaway with a roaster; \"decision\": keep it");
}

/// The plan the reader warms up on (`file_format::SPECIMEN`) is the English sample as the
/// app writes it, read without repairs or unknown fields, with items in every list.
/// `UPDATE_SCHEMA=1 cargo test` writes it anew.
#[test]
fn the_specimen_is_the_sample() {
    use super::file_format::{encode, read, Reading, SPECIMEN};
    let plan = sample::build(STRUCTURE, include_str!("../../public/sample/en.json"), &Date::new(2026, 11, 22), NOW).expect("the sample builds");
    let text = encode(&plan, "", NOW, None, false);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/model/specimen.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    assert!(SPECIMEN == text, "src/model/specimen.json is out of date: run `UPDATE_SCHEMA=1 cargo test` and commit it");
    let decoded = read(SPECIMEN.as_bytes(), Reading::Import, &mut Id::default).expect("the specimen reads");
    assert!(decoded.repairs.is_empty() && decoded.unknown.is_empty());
    for list in crate::lists::ALL {
        assert!(!(list.items)(&decoded.plan).is_empty(), "the specimen has no item in {}", list.name);
    }
}

/// The reader warms up on `SPECIMEN` until it has read about a large plan's worth of
/// text, and not at all in a page that has read that much of its plans already.
#[test]
fn the_warm_up_stops_after_a_large_plans_worth_of_reading() {
    use super::file_format::{read, warm_up, Reading, SPECIMEN, WARM_UP_BYTES};
    std::thread::spawn(|| {
        let runs = std::iter::from_fn(|| warm_up().then_some(())).take(1000).count();
        assert_eq!(runs, WARM_UP_BYTES.div_ceil(SPECIMEN.len()));
    })
    .join()
    .unwrap();
    std::thread::spawn(|| {
        let plans = " ".repeat(WARM_UP_BYTES);
        let _ = read(plans.as_bytes(), Reading::Stored, &mut Id::default);
        assert!(!warm_up());
    })
    .join()
    .unwrap();
}
