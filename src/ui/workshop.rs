//! The Workshop screen of a plan: the participant's name, handing the plan out, the
//! dot-voting with its ranking, comments, downloading a contribution, and merging
//! contributions with a summary by author, conflicts side by side, and undo. Loaded on
//! demand; everything works without a server.

use super::state::{codec, download, load_codec, new_id, now, AppState, NoticeKind};
use crate::i18n::{fill, format_timestamp, import_error, Texts};
use crate::lists::conflicts;
use crate::model::merge::{AuthorSummary, Contribution, ContributionError, Preview, LISTS};
use crate::model::workshop::{clean_name, MAX_DOTS};
use crate::model::{Comment, Id, Plan, VoteKind};
use crate::route::Route;
use crate::storage;
use crate::APP_VERSION;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

super::on_demand! { workshop:
/// The Workshop screen, loaded when first opened.
pub fn lazy_workshop(id: Id) -> AnyView {
    view! { <Workshop id=id/> }.into_any()
}
}

thread_local! {
    /// A contribution that came as a link, with the plan it is for, for that plan's Merge
    /// card to take up when it opens.
    static HANDED_OVER: std::cell::RefCell<Option<(Id, Vec<u8>)>> = const { std::cell::RefCell::new(None) };
}

/// Whether to hand the open plan out: at once the first time; when it was handed out
/// before, only if the user says so (on a participant's copy, a second hand-out would take
/// their additions into the hand-out, and out of their contribution).
pub fn may_hand_out(state: AppState) -> bool {
    let t = state.texts();
    let before = state.plan.with_untracked(|p| p.as_ref().map(|p| p.workshop.handed_out_at.clone()).unwrap_or_default());
    if before.is_empty() {
        return true;
    }
    let question = fill(t.workshop_handout_again, &[("date", &format_timestamp(state.lang.get_untracked(), &before))]);
    web_sys::window().and_then(|w| w.confirm_with_message(&question).ok()).unwrap_or(false)
}

/// Passes a contribution opened from a link to the Workshop screen about to open.
pub fn hand_over(plan: Id, bytes: Vec<u8>) {
    HANDED_OVER.with(|h| *h.borrow_mut() = Some((plan, bytes)));
}

fn kind_label(t: &Texts, kind: VoteKind) -> &'static str {
    match kind {
        VoteKind::Finding => t.vote_kinds[0],
        VoteKind::Swot(q) => t.vote_kinds[1 + q.min(3)],
        VoteKind::Objective => t.vote_kinds[5],
        VoteKind::Tactic => t.vote_kinds[6],
    }
}

fn list_label(t: &Texts, name: &str) -> &'static str {
    LISTS.iter().position(|l| l.name == name).map_or("", |i| t.merge_list_names[i])
}

#[component]
fn Workshop(id: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let stored = storage::settings(storage::local().as_ref()).participant.unwrap_or_default();
    // A participant's first visit to a handed-out plan starts at their name.
    if stored.is_empty() && state.plan.with_untracked(|p| p.as_ref().is_some_and(|p| !p.workshop.handed_out_at.is_empty())) {
        super::refocus("workshop-name");
    }
    let name = RwSignal::new(stored);
    let plan_name = move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let overview = Route::Overview(id.clone()).href();
    let save_name = move |ev: leptos::ev::Event| {
        let typed = clean_name(&event_target_value(&ev));
        name.set(typed.clone());
        let local = storage::local();
        let mut settings = storage::settings(local.as_ref());
        settings.participant = (!typed.is_empty()).then_some(typed);
        storage::save_settings(local.as_ref(), &settings);
    };
    view! {
        <div class="page workshop">
            <nav class="breadcrumb" aria-label=t.breadcrumb>
                <ol>
                    <li><a href="#/">{t.nav_plans}</a></li>
                    <li><a href=overview.clone()>{plan_name}</a></li>
                    <li aria-current="page">{t.workshop_title}</li>
                </ol>
            </nav>
            <h1>{t.workshop_title}</h1>
            <p class="lead">{t.workshop_intro}</p>
            // A long page on a phone: each part one press away.
            <nav class="page-contents" aria-label=t.workshop_contents>
                <ul>
                    {[
                        ("ws-you", t.workshop_name),
                        ("ws-handout", t.workshop_handout_title),
                        ("ws-agenda", t.agenda_title),
                        ("ws-vote", t.vote_title),
                        ("ws-ranking", t.ranking_title),
                        ("ws-comments", t.comments_title),
                        ("ws-contribute", t.workshop_contribute_title),
                        ("ws-merge", t.merge_title),
                    ]
                    .map(|(to, label)| view! { <li><button type="button" class="link" on:click=move |_| super::focus(to)>{label}</button></li> })}
                </ul>
            </nav>
            <section class="card" aria-labelledby="ws-you">
                <h2 id="ws-you" tabindex="-1">{t.workshop_name}</h2>
                <div class="field">
                    <label for="workshop-name">{t.workshop_name}</label>
                    <input id="workshop-name" type="text" maxlength="60" autocomplete="name" data-testid="workshop-name"
                        prop:value=move || name.get() on:change=save_name/>
                    <p class="hint">{t.workshop_name_hint}</p>
                </div>
            </section>
            <HandOut id=id.clone()/>
            <super::agenda::AgendaCard id=id.clone()/>
            <Voting name=name/>
            <Ranking/>
            <Comments name=name/>
            <Contribute name=name/>
            <Merge/>
            <p><a href=overview>{t.back_to_overview}</a></p>
        </div>
    }
}

/// The facilitator's part: the dots per participant, and the plan as a file to hand out.
#[component]
fn HandOut(id: Id) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let lang = state.lang.get_untracked();
    let dots = move || state.plan.with(|p| p.as_ref().map_or(5, |p| p.workshop.dots));
    let handed = move || state.plan.with(|p| p.as_ref().map(|p| p.workshop.handed_out_at.clone()).unwrap_or_default());
    let error = RwSignal::new(false);
    let set_dots = move |ev: leptos::ev::Event| {
        match event_target_value(&ev).trim().parse::<u8>() {
            Ok(n) if (1..=MAX_DOTS).contains(&n) => {
                error.set(false);
                state.edit(|p| p.workshop.dots = n);
            }
            _ => error.set(true),
        }
    };
    let hand_out = move |_| {
        if !may_hand_out(state) {
            return;
        }
        let Some(codec) = codec() else {
            state.notify(NoticeKind::PartFailed);
            return;
        };
        let at = now();
        state.edit(|p| codec.workshop().hand_out(p, &at));
        if let Some(id) = state.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) {
            state.export(&id);
        }
    };
    view! {
        <section class="card" aria-labelledby="ws-handout">
            <h2 id="ws-handout" tabindex="-1">{t.workshop_handout_title}</h2>
            <div class="field">
                <label for="workshop-dots">{t.workshop_dots}</label>
                <input id="workshop-dots" type="number" min="1" max=MAX_DOTS.to_string() step="1" data-testid="workshop-dots"
                    aria-describedby="workshop-dots-message" prop:value=move || dots().to_string() on:change=set_dots/>
                <p id="workshop-dots-message" class="field-message" role="status">
                    {move || error.get().then(|| fill(t.workshop_dots_error, &[("max", &MAX_DOTS.to_string())]))}
                </p>
            </div>
            <p class="hint">{t.workshop_handout_hint}</p>
            <p data-testid="handed-out">{move || {
                let at = handed();
                if at.is_empty() { t.workshop_not_handed_out.to_owned() } else { fill(t.workshop_handed_out, &[("date", &format_timestamp(lang, &at))]) }
            }}</p>
            <button type="button" class="primary" data-testid="hand-out" on:click=hand_out>{t.workshop_handout}</button>" "
            <super::share::ShareLink id=id hand_out=true/>
        </section>
    }
}

/// The dot-voting: each item with the user's dots and everyone's, and the dots left.
#[component]
fn Voting(name: RwSignal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let items = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| p.ranking_in_plan_order()).unwrap_or_default()));
    let dots = move || state.plan.with(|p| p.as_ref().map_or(0, |p| p.workshop.dots));
    let left = move || state.plan.with(|p| p.as_ref().map_or(0, |p| p.workshop.remaining(&name.get())));
    let mine = move |id: &Id| state.plan.with(|p| p.as_ref().map_or(0, |p| p.workshop.dots_on(&name.get(), id)));
    let vote = move |id: Id, delta: i16| {
        let who = name.get_untracked();
        let mut done = false;
        state.edit(|p| {
            let now = i16::from(p.workshop.dots_on(&who, &id));
            let want = (now + delta).clamp(0, i16::from(u8::MAX)) as u8;
            done = p.set_vote(&who, &id, want);
        });
        done
    };
    view! {
        <section class="card" aria-labelledby="ws-vote">
            <h2 id="ws-vote" tabindex="-1">{t.vote_title}</h2>
            <p class="hint">{t.vote_hint}</p>
            <p role="status" data-testid="dots-left">{move || {
                let who = name.get();
                if who.is_empty() { t.workshop_need_name.to_owned() } else { fill(t.vote_left, &[("name", &who), ("left", &left().to_string()), ("dots", &dots().to_string())]) }
            }}</p>
            <p class="empty" hidden=move || !items.with(Vec::is_empty)>{t.vote_none}</p>
            <table class="rows vote-table" hidden=move || items.with(Vec::is_empty) data-testid="vote-table">
                <caption class="visually-hidden">{t.vote_title}</caption>
                <thead><tr><th scope="col">{t.vote_item}</th><th scope="col">{t.vote_kind}</th><th scope="col">{t.vote_yours}</th><th scope="col">{t.vote_total}</th></tr></thead>
                <tbody>
                    <For each=move || items.get() key=|r| (r.id.clone(), r.text.clone()) let:r>
                        {
                            // Keyed by the item, not its dots: the focus stays on the button pressed.
                            let (minus_id, plus_id, mine_id, total_id) = (r.id.clone(), r.id.clone(), r.id.clone(), r.id.clone());
                            let total = move || items.with(|all| all.iter().find(|x| x.id == total_id).map_or(0, |x| x.dots));
                            let label = r.text.chars().take(60).collect::<String>();
                            let (l1, l2) = (label.clone(), label.clone());
                            view! {
                                <tr data-testid="vote-row">
                                    <th scope="row">{r.text.clone()}</th>
                                    <td data-label=t.vote_kind>{kind_label(t, r.kind)}</td>
                                    <td class="vote-cell" data-label=t.vote_yours>
                                        <button type="button" class="icon" data-testid="vote-minus" aria-label=fill(t.vote_remove, &[("item", &l1)])
                                            disabled=move || mine(&minus_id) == 0
                                            on:click={ let id = r.id.clone(); move |_| { vote(id.clone(), -1); } }>"−"</button>
                                        <span class="vote-dots" data-testid="vote-mine">{move || mine(&mine_id)}</span>
                                        <button type="button" class="icon" data-testid="vote-plus" aria-label=fill(t.vote_add, &[("item", &l2)])
                                            disabled=move || name.with(String::is_empty) || left() == 0 || mine(&plus_id) == u8::MAX
                                            on:click={ let id = r.id.clone(); move |_| { vote(id.clone(), 1); } }>"+"</button>
                                    </td>
                                    <td data-testid="vote-total" data-label=t.vote_total>{total}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </section>
    }
}

/// The ranking of the voting, and what the facilitator carries on from it.
#[component]
fn Ranking() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let ranked = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| p.ranking().into_iter().filter(|r| r.dots > 0).collect::<Vec<_>>()).unwrap_or_default()));
    let top = RwSignal::new(3usize);
    let carry = move |_| {
        let n = top.get_untracked();
        let mut count = 0;
        state.edit(|p| count = p.carry_top_findings(n, new_id));
        state.notify(NoticeKind::Done { text: t.count(t.ranking_carried, count) });
    };
    let weights = move |_| {
        let mut count = 0;
        state.edit(|p| count = p.weights_from_votes());
        state.notify(NoticeKind::Done { text: t.count(t.ranking_weighted, count) });
    };
    view! {
        <section class="card" aria-labelledby="ws-ranking">
            <h2 id="ws-ranking" tabindex="-1">{t.ranking_title}</h2>
            <p class="empty" hidden=move || !ranked.with(Vec::is_empty)>{t.ranking_empty}</p>
            <ol class="ranking" data-testid="ranking" hidden=move || ranked.with(Vec::is_empty)>
                {move || ranked.get().into_iter().map(|r| view! {
                    <li>
                        <strong>{r.text.clone()}</strong>" · "{kind_label(t, r.kind)}" · "
                        {t.count(t.ranking_dots, r.dots as usize)}" · "{t.count(t.ranking_voters, r.voters)}
                    </li>
                }).collect_view()}
            </ol>
            <div class="ranking-actions" hidden=move || ranked.with(Vec::is_empty)>
                <label for="ranking-top">{t.ranking_top}</label>
                <input id="ranking-top" type="number" min="1" max="50" step="1" prop:value=move || top.get().to_string()
                    on:change=move |ev| { if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() { top.set(n.clamp(1, 50)) } }/>
                <button type="button" data-testid="carry-top" on:click=carry>{t.ranking_carry}</button>
                <button type="button" class="secondary" data-testid="weights-from-votes" on:click=weights>{t.ranking_weights}</button>
            </div>
        </section>
    }
}

/// Comments on the plan or on one of its items.
#[component]
fn Comments(name: RwSignal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let comments = Memo::new(move |_| {
        state.plan.with(|p| {
            let Some(p) = p.as_ref() else { return Vec::new() };
            let items = p.votable();
            p.workshop
                .comments
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let about = c.item.as_ref().and_then(|id| items.iter().find(|x| &x.0 == id)).map(|x| x.2.clone());
                    (i, c.author.clone(), c.text.clone(), about)
                })
                .collect::<Vec<_>>()
        })
    });
    let items = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| p.votable()).unwrap_or_default()));
    let text = RwSignal::new(String::new());
    let about = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = text.get_untracked();
        let who = name.get_untracked();
        if body.trim().is_empty() || who.is_empty() {
            return;
        }
        let item = Some(about.get_untracked()).filter(|a| !a.is_empty()).map(Id);
        state.edit(|p| p.workshop.comments.push(Comment { author: who, item, text: body.trim().to_owned() }));
        text.set(String::new());
    };
    view! {
        <section class="card" aria-labelledby="ws-comments">
            <h2 id="ws-comments" tabindex="-1">{t.comments_title}</h2>
            <p class="empty" hidden=move || !comments.with(Vec::is_empty)>{t.comments_none}</p>
            <ul class="comments" data-testid="comments">
                {move || comments.get().into_iter().map(|(i, author, body, about)| view! {
                    <li>
                        <strong>{author.clone()}</strong>
                        {about.map(|a| view! { " · "<em>{a}</em> })}
                        ": "{body}" "
                        <button type="button" class="icon danger" aria-label=fill(t.comment_remove, &[("name", &author)])
                            on:click=move |_| state.edit(|p| { if i < p.workshop.comments.len() { p.workshop.comments.remove(i); } })>"✕"</button>
                    </li>
                }).collect_view()}
            </ul>
            <form class="comment-form" on:submit=add>
                <div class="field">
                    <label for="comment-text">{t.comment_text}</label>
                    <textarea id="comment-text" rows="2" maxlength="2000" data-testid="comment-text"
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="comment-about">{t.comment_about}</label>
                    <select id="comment-about" data-testid="comment-about" on:change=move |ev| about.set(event_target_value(&ev))>
                        <option value="">{t.comment_whole_plan}</option>
                        {move || items.get().into_iter().map(|(id, kind, label)| view! {
                            <option value=id.to_string()>{format!("{} · {}", kind_label(t, kind), label.chars().take(60).collect::<String>())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <p class="hint" hidden=move || !name.with(String::is_empty)>{t.workshop_need_name}</p>
                <button type="submit" data-testid="comment-add" disabled=move || name.with(String::is_empty)>{t.comment_add}</button>
            </form>
        </section>
    }
}

/// What became of sending a contribution as a link.
#[derive(Clone)]
enum Sent {
    Preparing,
    /// The link, for the plan as it was (its last change) when the link was made.
    Link { link: String, at: String },
    Refused(String),
}

/// The participant's part: what they added, and their contribution as a file or a link.
#[component]
fn Contribute(name: RwSignal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let yours = Memo::new(move |_| {
        let who = name.get();
        state.plan.with(|p| {
            let Some(p) = p.as_ref() else { return 0 };
            p.new_since_hand_out().iter().filter(|id| p.workshop.authors_of(id).is_none_or(|a| a.is_empty() || a.contains(&who))).count()
        })
    });
    // The contribution's file text, the new items signed with the participant's name.
    let contribution = move || -> Option<(String, String)> {
        let who = name.get_untracked();
        if who.is_empty() {
            return None;
        }
        state.edit(|p| {
            p.sign_new_items(&who);
        });
        let plan = state.plan.get_untracked()?;
        let Some(codec) = codec() else {
            state.notify(NoticeKind::PartFailed);
            return None;
        };
        let text = codec.workshop().write_contribution(codec, &plan, &who, &new_id().0, APP_VERSION, &now());
        Some((codec.file_name(&format!("{} {}", plan.name, who)), text))
    };
    let download_it = move |_| {
        if let Some((file, text)) = contribution() {
            download(&file, &text);
            state.notify(NoticeKind::Done { text: t.workshop_downloaded.to_owned() });
        }
    };
    let sent = RwSignal::new(None::<Sent>);
    let send_link = move |_| {
        let Some((_, text)) = contribution() else { return };
        let at = state.plan.with_untracked(|p| p.as_ref().map(|p| p.updated_at.clone()).unwrap_or_default());
        sent.set(Some(Sent::Preparing));
        leptos::task::spawn_local(async move {
            let outcome = match super::share::link_of(&text).await {
                Err(_) => Sent::Refused(t.share_unsupported.to_owned()),
                Ok((link, crate::share::Decision::Link { .. })) => Sent::Link { link, at },
                Ok((link, crate::share::Decision::TooLong)) => Sent::Refused(fill(
                    t.workshop_link_too_long,
                    &[("chars", &link.chars().count().to_string()), ("max", &crate::share::MAX_LINK_CHARS.to_string())],
                )),
            };
            sent.set(Some(outcome));
            super::refocus("contribution-status");
        });
    };
    // A link shows the plan as it was: after any change (dots, comments) it is made anew.
    let updated = move || state.plan.with(|p| p.as_ref().map(|p| p.updated_at.clone()).unwrap_or_default());
    let link_view = move || {
        // `try_`: the plan closing as the screen goes away wakes this once more.
        let view = match sent.try_get().flatten()? {
            Sent::Preparing => view! { <p id="contribution-status" tabindex="-1" role="status">{t.share_preparing}</p> }.into_any(),
            Sent::Refused(message) => view! { <p id="contribution-status" tabindex="-1" role="alert" data-testid="contribution-link-refused">{message}</p> }.into_any(),
            Sent::Link { at, .. } if at != updated() => return None,
            Sent::Link { link, .. } => view! {
                <p id="contribution-status" tabindex="-1" class="hint">{t.workshop_link_hint}</p>
                <super::share::CopyLink link=link label=t.workshop_link_label name="contribution"/>
            }
            .into_any(),
        };
        Some(view)
    };
    view! {
        <section class="card" aria-labelledby="ws-contribute">
            <h2 id="ws-contribute" tabindex="-1">{t.workshop_contribute_title}</h2>
            <p class="hint">{t.workshop_contribute_hint}</p>
            <p data-testid="yours">{move || t.count(t.workshop_yours, yours.get())}</p>
            <p class="hint" hidden=move || !name.with(String::is_empty)>{t.workshop_need_name}</p>
            <button type="button" class="primary" data-testid="download-contribution" disabled=move || name.with(String::is_empty)
                on:click=download_it>{t.workshop_download}</button>" "
            <button type="button" data-testid="contribution-as-link" disabled=move || name.with(String::is_empty)
                on:click=send_link>{t.workshop_link}</button>
            {link_view}
        </section>
    }
}

/// A merge worked out, waiting for the facilitator: when the plan was as it was then.
#[derive(Clone)]
struct Pending {
    preview: std::sync::Arc<Preview>,
    /// The plan's last change when the merge was worked out.
    at: String,
}

/// What undo of a merge needs: the plan before it, and its last change after it.
#[derive(Clone)]
struct Undo {
    before: Plan,
    after: String,
}

fn contribution_error(t: &Texts, lang: crate::i18n::Lang, e: &ContributionError) -> String {
    match e {
        ContributionError::File(err) => {
            let (headline, details) = import_error(lang, err);
            std::iter::once(headline).chain(details).collect::<Vec<_>>().join(" ")
        }
        ContributionError::NotAContribution => t.merge_not_contribution.to_owned(),
        ContributionError::NoAuthor => t.merge_no_author.to_owned(),
        ContributionError::OtherPlan { name } => fill(t.merge_other_plan, &[("name", name)]),
    }
}

/// The facilitator merges contributions: files in, a summary by author and the conflicts
/// side by side, then apply (with undo) or cancel.
#[component]
fn Merge() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.texts();
    let lang = state.lang.get_untracked();
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let choices: RwSignal<Vec<bool>> = RwSignal::new(Vec::new());
    let errors: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let undo: RwSignal<Option<Undo>> = RwSignal::new(None);
    let stale = RwSignal::new(false);
    let updated = move || state.plan.with(|p| p.as_ref().map(|p| p.updated_at.clone()).unwrap_or_default());

    // Contributions as files, or one that came as a link (`hand_over`).
    let take = move |files: Vec<web_sys::File>, linked: Option<Vec<u8>>| {
        if files.is_empty() && linked.is_none() {
            return;
        }
        leptos::task::spawn_local(async move {
            let Some(codec) = load_codec().await else {
                state.notify(NoticeKind::PartFailed);
                return;
            };
            let Some(ours) = state.plan.get_untracked() else { return };
            let mut found: Vec<Contribution> = Vec::new();
            let mut problems = Vec::new();
            let mut sources: Vec<(String, Result<Vec<u8>, ()>)> = linked.into_iter().map(|b| (t.link_source.to_owned(), Ok(b))).collect();
            for file in files {
                let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
                sources.push((file.name(), buffer.map(|b| js_sys::Uint8Array::new(&b).to_vec()).map_err(|_| ())));
            }
            for (name, bytes) in sources {
                let result = match bytes {
                    Ok(bytes) => codec.workshop().read_contribution(codec, &bytes, &ours, &mut new_id).map_err(|e| contribution_error(t, lang, &e)),
                    Err(()) => Err(fill(t.err_read_file, &[("file", &name)])),
                };
                match result {
                    Ok(c) => found.push(c),
                    Err(message) => problems.push(fill(t.merge_file_failed, &[("file", &name), ("error", &message)])),
                }
            }
            errors.set(problems);
            stale.set(false);
            if found.is_empty() {
                pending.set(None);
                return;
            }
            let timing = web_sys::window().and_then(|w| w.performance());
            if let Some(p) = &timing {
                let _ = p.mark("socialplan:merge");
            }
            let preview = codec.workshop().merge(&ours, &found, &now(), &mut new_id);
            if let Some(p) = &timing {
                let _ = p.measure_with_start_mark("socialplan:merge", "socialplan:merge");
                p.clear_marks_with_mark_name("socialplan:merge");
            }
            choices.set(vec![false; preview.conflicts.len()]);
            pending.set(Some(Pending { preview: std::sync::Arc::new(preview), at: ours.updated_at.clone() }));
            super::refocus("merge-summary-title");
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            let files = input.files().map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect()).unwrap_or_default();
            take(files, None);
            input.set_value("");
        }
    };
    let open = state.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
    let linked = HANDED_OVER.with(|h| {
        let mut h = h.borrow_mut();
        if h.as_ref().is_some_and(|(plan, _)| Some(plan) == open.as_ref()) { h.take().map(|(_, bytes)| bytes) } else { None }
    });
    if let Some(bytes) = linked {
        take(Vec::new(), Some(bytes));
    }
    let apply = move |_| {
        let Some(p) = pending.get_untracked() else { return };
        let Some(before) = state.plan.get_untracked() else { return };
        if before.updated_at != p.at {
            // The plan changed since the files were read: the merge would undo that.
            stale.set(true);
            pending.set(None);
            return;
        }
        let Some(codec) = codec() else { return };
        let Some(mut merged) = codec.workshop().apply(&p.preview, &choices.get_untracked(), &mut new_id) else { return };
        codec.repair(&mut merged, &mut new_id);
        state.edit(|plan| *plan = merged);
        let after = updated();
        undo.set(Some(Undo { before, after }));
        pending.set(None);
        state.notify(NoticeKind::Done { text: t.merge_applied.to_owned() });
        super::refocus("merge-undo");
    };
    let undo_it = move |_| {
        let Some(u) = undo.get_untracked() else { return };
        undo.set(None);
        state.edit(|plan| *plan = u.before);
        state.notify(NoticeKind::Done { text: t.merge_undone.to_owned() });
    };
    // Undo is offered while the plan is as the merge left it.
    // Read with `try_`: the plan is closed (and this is woken) as the screen goes away.
    let can_undo = move || undo.try_with(|u| u.as_ref().is_some_and(|u| u.after == updated())).unwrap_or(false);

    view! {
        <section class="card" aria-labelledby="ws-merge">
            <h2 id="ws-merge" tabindex="-1">{t.merge_title}</h2>
            <p class="hint">{t.merge_hint}</p>
            <label class="file-button">
                <span>{t.merge_choose}</span>
                <input type="file" multiple=true accept=".json,application/json" data-testid="merge-input" on:change=on_change/>
            </label>
            <div role="alert">
                <ul class="merge-errors" data-testid="merge-errors" hidden=move || errors.with(Vec::is_empty)>
                    {move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                </ul>
            </div>
            <p class="warning" role="alert" hidden=move || !stale.get()>{t.merge_stale}</p>
            <p hidden=move || !can_undo() data-testid="merge-done">
                {t.merge_applied}" "
                <button type="button" id="merge-undo" data-testid="merge-undo" on:click=undo_it>{t.merge_undo}</button>
            </p>
            {move || pending.get().map(|p| {
                let summaries = p.preview.summaries.clone();
                let conflicts = p.preview.conflicts.clone();
                view! {
                    <div class="merge-preview" data-testid="merge-preview">
                        <h3 id="merge-summary-title" tabindex="-1">{t.merge_summary_title}</h3>
                        {summaries.into_iter().map(|s| view! { <Summary s=s/> }).collect_view()}
                        {(!conflicts.is_empty()).then(|| view! {
                            <h3>{t.conflicts_title}</h3>
                            {conflicts.into_iter().enumerate().map(|(i, c)| {
                                let what = c.list.map_or(t.conflict_field, |l| list_label(t, l));
                                let theirs_head = fill(t.conflict_theirs, &[("name", &c.author)]);
                                let take_label = fill(t.conflict_take, &[("name", &c.author)]);
                                let removed = c.removed;
                                let group = format!("conflict-{i}");
                                // Fields and values as the screens show them, not as the file has them.
                                let list = c.list;
                                let label = if list.is_none() { conflicts::field_label(t, None, &c.label) } else { c.label.clone() };
                                let differences: Vec<(String, String, String)> = state.plan.with_untracked(|p| {
                                    let none = Plan::default();
                                    let plan = p.as_ref().unwrap_or(&none);
                                    c.differences.iter().map(|(field, ours, theirs)| {
                                        let value = |v: &str| conflicts::field_value(t, plan, list, field, v);
                                        (conflicts::field_label(t, list, field), value(ours), value(theirs))
                                    }).collect()
                                });
                                view! {
                                    <fieldset class="conflict" data-testid="conflict">
                                        <legend>{what}": "{label}</legend>
                                        <table class="rows side-by-side">
                                            <thead><tr><th scope="col">{t.conflict_what}</th><th scope="col">{t.conflict_team}</th><th scope="col">{theirs_head}</th></tr></thead>
                                            <tbody>
                                                {differences.into_iter().map(|(field, ours, theirs)| view! {
                                                    <tr><th scope="row">{field}</th>
                                                        <td>{if removed { t.conflict_removed.to_owned() } else { ours }}</td>
                                                        <td>{theirs}</td></tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                        <label><input type="radio" name=group.clone() data-testid="conflict-keep"
                                            prop:checked=move || !choices.with(|c| c.get(i).copied().unwrap_or(false))
                                            on:change=move |_| choices.update(|c| if let Some(x) = c.get_mut(i) { *x = false })/>{t.conflict_keep}</label>
                                        <label><input type="radio" name=group data-testid="conflict-take"
                                            prop:checked=move || choices.with(|c| c.get(i).copied().unwrap_or(false))
                                            on:change=move |_| choices.update(|c| if let Some(x) = c.get_mut(i) { *x = true })/>{take_label}</label>
                                    </fieldset>
                                }
                            }).collect_view()}
                        })}
                        <p>
                            <button type="button" class="primary" data-testid="merge-apply" on:click=apply>{t.merge_apply}</button>" "
                            <button type="button" class="secondary" data-testid="merge-cancel" on:click=move |_| pending.set(None)>{t.merge_cancel}</button>
                        </p>
                    </div>
                }
            })}
        </section>
    }
}

/// What one contribution brings, counted, with the new items by name.
#[component]
fn Summary(s: AuthorSummary) -> impl IntoView {
    let t = expect_context::<AppState>().texts();
    let mut lines: Vec<String> = Vec::new();
    let added: usize = s.added.values().sum();
    let counted = [
        (t.merge_added, added),
        (t.merge_same, s.same),
        (t.merge_updated, s.updated),
        (t.merge_fields, s.fields),
        (t.merge_brought_back, s.brought_back),
        (t.merge_stay_removed, s.stay_removed),
        (t.merge_kept, s.kept),
        (t.merge_blank, s.blank),
        (t.merge_conflicts, s.conflicts),
        (t.merge_comments, s.comments),
    ];
    lines.extend(counted.into_iter().filter(|(_, n)| *n > 0).map(|(forms, n)| t.count(forms, n)));
    if s.dots > 0 {
        lines.push(fill(&t.count(t.merge_dots, s.dots as usize), &[("items", &s.voted.to_string())]));
    }
    if s.dots_dropped > 0 {
        lines.push(t.count(t.merge_dots_dropped, s.dots_dropped as usize));
    }
    if lines.is_empty() {
        lines.push(t.merge_nothing.to_owned());
    }
    view! {
        <div class="merge-author" data-testid="merge-author">
            <h4>{fill(t.merge_from, &[("name", &s.author)])}</h4>
            {s.merged_before.then(|| view! { <p class="warning">{t.merge_before}</p> })}
            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            {(!s.added_items.is_empty()).then(|| view! {
                <ul class="merge-items" aria-label=t.merge_new_items>
                    {s.added_items.iter().map(|(list, label)| view! { <li>{list_label(t, list)}": "{label.clone()}</li> }).collect_view()}
                </ul>
            })}
        </div>
    }
}
