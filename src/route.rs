//! Hash routes: every screen has an address that works on any static host, under any
//! sub-path, with no server rewrite rules (`#/plans/<id>/strategy/strategic-plan/step-3`).

use crate::model::review::Month;
use crate::model::{Block, Id, Phase, Step};

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Plans,
    Overview(Id),
    Block(Id, Block),
    Step(Id, Step),
    /// The plan check that closes the seven steps, with the strategy map.
    Check(Id),
    /// A block on the projector: large type, read-only, one block per screen.
    Present(Id, Block),
    /// A step of the strategic plan on the projector.
    PresentStep(Id, Step),
    Dashboard(Id),
    /// The plan on one page, to print or take home.
    Summary(Id),
    /// The monthly review's grid, of a month (the current one when none is named).
    Review(Id, Option<Month>),
    /// The workshop: hand-out, dot-voting, contributions and their merge.
    Workshop(Id),
    /// A blank worksheet of an exercise, to print.
    Worksheet(Block),
    /// The same worksheet opened from a plan, which it names.
    PlanWorksheet(Id, Block),
    /// A plan shared as a link: its payload (see `crate::share`), to offer for import.
    Import(String),
    NotFound,
}

impl Route {
    /// Reads a location hash (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        // Ids come from files too, so they may hold any character: encoded in `href`.
        let id = |s: &str| Id(decode(s));
        match parts.as_slice() {
            [] | ["plans"] => Route::Plans,
            ["plans", plan] => Route::Overview(id(plan)),
            ["plans", plan, "dashboard"] => Route::Dashboard(id(plan)),
            ["plans", plan, "present", "strategic-plan", step] => step
                .strip_prefix("step-")
                .and_then(|n| n.parse::<u8>().ok())
                .and_then(Step::from_number)
                .map_or(Route::NotFound, |s| Route::PresentStep(id(plan), s)),
            ["plans", plan, "present", slug] => Block::by_slug(slug).map_or(Route::NotFound, |b| Route::Present(id(plan), b)),
            ["plans", plan, "summary"] => Route::Summary(id(plan)),
            ["plans", plan, "review"] => Route::Review(id(plan), None),
            ["plans", plan, "review", month] => Month::parse(month).map_or(Route::NotFound, |m| Route::Review(id(plan), Some(m))),
            ["import", payload] => Route::Import((*payload).to_owned()),
            ["plans", plan, "workshop"] => Route::Workshop(id(plan)),
            ["worksheets", slug] => Block::WORKSHEETS.into_iter().find(|b| b.slug() == *slug).map_or(Route::NotFound, Route::Worksheet),
            ["plans", plan, "worksheets", slug] => Block::WORKSHEETS.into_iter().find(|b| b.slug() == *slug).map_or(Route::NotFound, |b| Route::PlanWorksheet(id(plan), b)),
            ["plans", plan, phase, block] => {
                match Phase::from_slug(phase).and_then(|p| Block::from_slug(p, block)) {
                    Some(b) => Route::Block(id(plan), b),
                    None => Route::NotFound,
                }
            }
            ["plans", plan, "strategy", "strategic-plan", "check"] => Route::Check(id(plan)),
            ["plans", plan, "strategy", "strategic-plan", step] => step
                .strip_prefix("step-")
                .and_then(|n| n.parse::<u8>().ok())
                .and_then(Step::from_number)
                .map_or(Route::NotFound, |s| Route::Step(id(plan), s)),
            _ => Route::NotFound,
        }
    }

    /// The hash for this route, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Plans | Route::NotFound => "#/".to_owned(),
            Route::Overview(id) => format!("#/plans/{}", encode(id)),
            Route::Block(id, b) => format!("#/plans/{}/{}/{}", encode(id), b.phase().slug(), b.slug()),
            Route::Step(id, s) => format!("#/plans/{}/strategy/strategic-plan/step-{}", encode(id), s.number()),
            Route::Check(id) => format!("#/plans/{}/strategy/strategic-plan/check", encode(id)),
            Route::Present(id, b) => format!("#/plans/{}/present/{}", encode(id), b.slug()),
            Route::PresentStep(id, s) => format!("#/plans/{}/present/strategic-plan/step-{}", encode(id), s.number()),
            Route::Dashboard(id) => format!("#/plans/{}/dashboard", encode(id)),
            Route::Summary(id) => format!("#/plans/{}/summary", encode(id)),
            Route::Review(id, None) => format!("#/plans/{}/review", encode(id)),
            Route::Review(id, Some(m)) => format!("#/plans/{}/review/{}", encode(id), m.key()),
            Route::Workshop(id) => format!("#/plans/{}/workshop", encode(id)),
            Route::Worksheet(b) => format!("#/worksheets/{}", b.slug()),
            Route::PlanWorksheet(id, b) => format!("#/plans/{}/worksheets/{}", encode(id), b.slug()),
            Route::Import(payload) => format!("{}{payload}", crate::share::IMPORT_PREFIX),
        }
    }

    pub fn plan_id(&self) -> Option<&Id> {
        match self {
            Route::Overview(id) | Route::Block(id, _) | Route::Step(id, _) | Route::Check(id) | Route::Present(id, _) | Route::PresentStep(id, _) | Route::Dashboard(id) | Route::Summary(id) | Route::PlanWorksheet(id, _) | Route::Review(id, _) | Route::Workshop(id) => Some(id),
            Route::Plans | Route::NotFound | Route::Worksheet(_) | Route::Import(_) => None,
        }
    }
}

/// Percent-encodes everything but letters, digits, `-`, `_`, `.` and `~`.
fn encode(id: &Id) -> String {
    let mut out = String::new();
    for b in id.as_str().bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_round_trips() {
        let id = Id::from("abc123");
        let mut routes = vec![Route::Plans, Route::Overview(id.clone()), Route::Check(id.clone()), Route::Dashboard(id.clone()), Route::Summary(id.clone())];
        routes.push(Route::Review(id.clone(), None));
        routes.push(Route::Review(id.clone(), Some(Month { year: 2026, month: 11 })));
        routes.push(Route::Workshop(id.clone()));
        routes.extend(Block::WORKSHEETS.map(Route::Worksheet));
        routes.extend(Block::WORKSHEETS.map(|b| Route::PlanWorksheet(id.clone(), b)));
        routes.push(Route::Import(crate::share::encode(b"any bytes at all")));
        routes.extend(Block::ALL.iter().map(|b| Route::Block(id.clone(), *b)));
        routes.extend(Step::ALL.iter().map(|s| Route::Step(id.clone(), *s)));
        routes.extend(Block::ALL.iter().map(|b| Route::Present(id.clone(), *b)));
        routes.extend(Step::ALL.iter().map(|s| Route::PresentStep(id.clone(), *s)));
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
    }

    #[test]
    fn ids_with_any_character_survive_the_address() {
        for raw in ["Q3 plan", "a/b#c", "stratégie-ä", "100%", "<x>"] {
            let route = Route::Step(Id::from(raw), Step::Kpis);
            let href = route.href();
            assert!(href[1..].bytes().all(|b| b.is_ascii_graphic() && b != b'#'), "{href}");
            assert_eq!(Route::parse(&href), route);
        }
        assert_eq!(Route::parse("#/plans/Q3%20plan"), Route::Overview(Id::from("Q3 plan")));
        assert_eq!(Route::parse("#/plans/100%"), Route::Overview(Id::from("100%")));
    }

    #[test]
    fn unknown_addresses_are_not_found() {
        assert_eq!(Route::parse(""), Route::Plans);
        assert_eq!(Route::parse("#/"), Route::Plans);
        assert_eq!(Route::parse("#/plans/x/strategy/landscape"), Route::NotFound);
        assert_eq!(Route::parse("#/plans/x/strategy/strategic-plan/step-9"), Route::NotFound);
        assert_eq!(Route::parse("#/plans/x/strategy/strategic-plan/step-"), Route::NotFound);
        assert_eq!(Route::parse("#/elsewhere"), Route::NotFound);
        assert_eq!(Route::parse("#/plans/x/review/2026-13"), Route::NotFound);
        assert_eq!(Route::parse("#/import"), Route::NotFound);
        assert_eq!(Route::parse("#/import/"), Route::NotFound);
        assert_eq!(Route::parse("#/import/a/b"), Route::NotFound);
        assert_eq!(Route::parse("#/plans/x/present/strategic-plan/step-8"), Route::NotFound);
        assert_eq!(Route::parse("#/plans/x/present/nothing"), Route::NotFound);
    }
}
