//! Browser tests of the storage layer and the app shell, run in headless Chromium by
//! wasm-bindgen-test: a full quota, corrupt stored data, an edit from another tab, and
//! the mounted app switching language.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use socialplan::i18n::Lang;
use socialplan::model::file_format::encode;
use socialplan::model::{BusinessFunction, Id, Plan, PlanCodec};
use socialplan::storage::{self, SaveError};
use socialplan::ui::state::{AppState, NoticeKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NOW: &str = "2026-11-22T10:00:00Z";

fn fresh() -> web_sys::Storage {
    let s = storage::local().expect("localStorage is available in the test browser");
    s.clear().unwrap();
    s
}

fn plan(id: &str, name: &str) -> Plan {
    Plan::new(Id::from(id), name, BusinessFunction::Sales, NOW)
}

fn snapshot(s: &web_sys::Storage) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .map(|k| (k.clone(), s.get_item(&k).unwrap().unwrap()))
        .collect();
    all.sort();
    all
}

fn ids() -> impl FnMut() -> Id {
    let mut n = 0u64;
    move || {
        n += 1;
        Id(format!("t{n}"))
    }
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_changes_nothing() {
    let s = fresh();
    let mut p = plan("full", "Full");
    storage::save(&s, &PlanCodec, &p, 0, false, NOW).unwrap();
    // Fill the quota with filler keys, halving the chunk until nothing more fits.
    let mut chunk = "x".repeat(1 << 20);
    let mut n = 0;
    while chunk.len() > 16 {
        if s.set_item(&format!("filler.{n}"), &chunk).is_ok() {
            n += 1;
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
    let before = snapshot(&s);
    p.strategy.mission = "m".repeat(200_000);
    assert_eq!(storage::save(&s, &PlanCodec, &p, 1, false, NOW), Err(SaveError::Full));
    assert_eq!(snapshot(&s), before, "a failed save leaves storage as it was");
    s.clear().unwrap();
}

#[wasm_bindgen_test]
fn corrupt_plans_are_kept_under_a_backup_key_and_named() {
    let s = fresh();
    storage::save(&s, &PlanCodec, &plan("good", "Good plan"), 0, false, NOW).unwrap();
    storage::save(&s, &PlanCodec, &plan("bad", "Broken plan"), 0, false, NOW).unwrap();
    let broken = "{\"format\":\"socialplan\",\"schema_version\":1,\"plan\":{\"id\":\"bad\",\"na";
    s.set_item(&storage::plan_key(&Id::from("bad")), broken).unwrap();

    let inventory = storage::inventory(&s, Some(&PlanCodec), NOW, &mut ids());
    assert_eq!(inventory.plans.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Good plan"]);
    assert_eq!(inventory.unreadable.len(), 1);
    let u = &inventory.unreadable[0];
    assert_eq!(u.name, "Broken plan");
    assert!(u.key.starts_with("socialplan.v1.backup.bad."), "{}", u.key);
    assert_eq!(s.get_item(&u.key).unwrap().as_deref(), Some(broken), "the raw text is kept");
    assert_eq!(storage::read_index(&s).len(), 1);
    // A second start finds the backup and leaves it alone; it is listed for recovery.
    let again = storage::inventory(&s, Some(&PlanCodec), "2026-11-23T10:00:00Z", &mut ids());
    assert!(again.unreadable.is_empty());
    assert_eq!(s.get_item(&u.key).unwrap().as_deref(), Some(broken));
    let backups = storage::backups(&s);
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].plan, Id::from("bad"));
    s.clear().unwrap();
}

#[wasm_bindgen_test]
fn a_stored_plan_that_does_not_validate_is_repaired_and_its_old_text_kept() {
    let s = fresh();
    let mut p = plan("links", "Dangling");
    p.operative.actions.push(socialplan::model::Action { id: Id::from("a1"), serves: Some(socialplan::model::Serves::Tactic(Id::from("gone"))), ..Default::default() });
    let text = encode(&p, "test", NOW, Some(4), false);
    s.set_item(&storage::plan_key(&p.id), &text).unwrap();

    let inventory = storage::inventory(&s, Some(&PlanCodec), NOW, &mut ids());
    assert_eq!(inventory.plans.len(), 1, "the plan stays in the list");
    assert_eq!(inventory.repaired.len(), 1);
    let r = &inventory.repaired[0];
    assert_eq!(r.repairs, vec![socialplan::model::Repair { kind: socialplan::model::RepairKind::ActionLinks, count: 1 }]);
    let kept = r.kept.clone().expect("the text as it was is kept");
    assert_eq!(s.get_item(&kept).unwrap().as_deref(), Some(text.as_str()));
    let (stored, revision, again) = storage::load(&s, &PlanCodec, &p.id, NOW, &mut ids()).unwrap().unwrap();
    assert!(again.is_none(), "storage now holds the repaired plan");
    assert_eq!(revision, 5);
    assert_eq!(stored.operative.actions[0].serves, None);
    storage::delete_backup(&s, &kept);
    assert!(storage::backups(&s).is_empty());
    s.clear().unwrap();
}

#[wasm_bindgen_test]
fn a_stale_copy_never_overwrites_a_newer_one() {
    let s = fresh();
    let p = plan("two", "Two tabs");
    let first = storage::save(&s, &PlanCodec, &p, 0, false, NOW).unwrap();
    let second = storage::save(&s, &PlanCodec, &p, first, false, NOW).unwrap();
    assert_eq!(storage::save(&s, &PlanCodec, &p, first, false, NOW), Err(SaveError::Conflict { stored: second }));
    assert_eq!(storage::save(&s, &PlanCodec, &p, first, true, NOW), Ok(second + 1));
    s.clear().unwrap();
}

#[wasm_bindgen_test]
async fn an_edit_in_another_tab_reloads_or_warns() {
    let s = fresh();
    socialplan::ui::state::load_codec().await.expect("the codec loads");
    let owner = Owner::new();
    owner.set();
    let state = AppState::new(Lang::En);
    let mut p = plan("tab", "Mine");
    storage::save(&s, &PlanCodec, &p, 0, false, NOW).unwrap();
    state.load_inventory();
    state.follow_route(&socialplan::route::Route::Overview(Id::from("tab")));
    assert_eq!(state.plan.get_untracked().unwrap().name, "Mine");

    // The other tab saved revision 2: this tab has no edits, so it shows theirs.
    p.name = "Theirs".into();
    let text = encode(&p, "test", NOW, Some(2), false);
    s.set_item(&storage::plan_key(&p.id), &text).unwrap();
    state.on_storage_event(Some(storage::plan_key(&p.id)), Some(text));
    assert_eq!(state.plan.get_untracked().unwrap().name, "Theirs");
    assert!(state.notices.get_untracked().iter().any(|n| matches!(n.kind, NoticeKind::OtherTabUpdated)));

    // Now this tab has an unsaved edit when revision 3 arrives: it warns and keeps both.
    state.edit(|p| p.name = "Local edit".into());
    p.name = "Theirs again".into();
    let text = encode(&p, "test", NOW, Some(3), false);
    s.set_item(&storage::plan_key(&p.id), &text).unwrap();
    state.on_storage_event(Some(storage::plan_key(&p.id)), Some(text));
    assert_eq!(state.plan.get_untracked().unwrap().name, "Local edit");
    assert!(state.notices.get_untracked().iter().any(|n| matches!(n.kind, NoticeKind::OtherTabConflict)));
    state.flush();
    let stored = storage::load(&s, &PlanCodec, &p.id, NOW, &mut ids()).unwrap().unwrap().0;
    assert_eq!(stored.name, "Theirs again", "autosave waits for the user's choice");
    state.keep_mine();
    assert_eq!(storage::load(&s, &PlanCodec, &p.id, NOW, &mut ids()).unwrap().unwrap().0.name, "Local edit");

    // The other tab deletes the plan: this tab never brings it back on its own.
    storage::delete(&s, &p.id);
    state.on_storage_event(Some(storage::plan_key(&p.id)), None);
    state.flush();
    assert!(storage::load(&s, &PlanCodec, &p.id, NOW, &mut ids()).is_none(), "a deleted plan stays deleted until the user keeps it");
    assert!(state.notices.get_untracked().iter().any(|n| matches!(n.kind, NoticeKind::OtherTabDeleted)));
    state.keep_mine();
    assert_eq!(storage::load(&s, &PlanCodec, &p.id, NOW, &mut ids()).unwrap().unwrap().0.name, "Local edit");
    s.clear().unwrap();
}

/// Waits `ms` milliseconds: tasks queued before run meanwhile.
async fn sleep(ms: i32) {
    let done = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(done).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_switches_language() {
    fresh();
    web_sys::window().unwrap().location().set_hash("/").unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), socialplan::ui::App);
    leptos::task::tick().await;
    let heading = root.query_selector("h1").unwrap().expect("the plan list has a heading");
    let english = heading.text_content().unwrap();
    assert!(!english.is_empty());
    // The sections below the page's top are drawn in tasks of their own, after it.
    let mut waited = 0;
    while root.query_selector("footer").unwrap().is_none() {
        assert!(waited < 50, "the plan list's sections are drawn");
        sleep(10).await;
        waited += 1;
    }
    for section in ["[data-testid=new-plan-name]", "[data-testid=open-sample]", "[data-testid=dropzone]", "[data-testid=worksheet-links]"] {
        assert!(root.query_selector(section).unwrap().is_some(), "{section} is drawn");
    }

    // The test server has no language packs: install Bulgarian's from the source tree.
    Lang::Bg.install(include_str!("../public/i18n/bg.json")).unwrap();
    let select: web_sys::HtmlSelectElement =
        root.query_selector("[data-testid=language]").unwrap().unwrap().unchecked_into();
    select.set_value("bg");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    leptos::task::tick().await;
    assert_eq!(document.document_element().unwrap().get_attribute("lang").as_deref(), Some("bg"));
    let bulgarian = root.query_selector("h1").unwrap().unwrap().text_content().unwrap();
    assert_eq!(bulgarian, Lang::Bg.texts().plans_title);
    assert_ne!(bulgarian, english);
    assert_eq!(storage::settings(storage::local().as_ref()).lang.as_deref(), Some("bg"));
    drop(handle);
    storage::local().unwrap().clear().unwrap();
}

/// A plan through a share link and back: compressed by the browser (`deflate-raw`),
/// written as base64url, read back and decompressed to the same bytes; a link cut short
/// is refused, never read as a plan.
#[wasm_bindgen_test]
async fn share_links_round_trip_through_the_browsers_compression() {
    use socialplan::share;
    use socialplan::ui::share::{compress, decompress};
    let text = encode(&plan("shared", "Ünïcode plan ✓"), "test", NOW, None, false);
    let packed = compress(text.as_bytes()).await.expect("the browser compresses");
    assert!(packed.len() < text.len());
    let link = share::link("http://localhost/app/#/plans/x", share::IMPORT_PREFIX, &share::encode(&packed));
    let payload = link.split_once(share::IMPORT_PREFIX).unwrap().1;
    let back = decompress(&share::decode(payload).unwrap()).await.expect("decompresses");
    assert_eq!(back, text.as_bytes());
    // Bytes of every value, and none at all.
    let all: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    assert_eq!(decompress(&compress(&all).await.unwrap()).await.unwrap(), all);
    assert_eq!(decompress(&compress(&[]).await.unwrap()).await.unwrap(), Vec::<u8>::new());
    // Cut short: the stream ends early and the browser says so.
    let cut = share::decode(&payload[..payload.len() / 8 * 4]).unwrap();
    assert!(decompress(&cut).await.is_err());
}
