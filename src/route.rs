//! Hash routes: every screen has an address that works on any static host, under any
//! sub-path, with no server rewrite rules (`#/plans/<id>/strategy/strategic-plan/step-3`).

use crate::model::{Block, Id, Phase, Step};

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Plans,
    Overview(Id),
    Block(Id, Block),
    Step(Id, Step),
    NotFound,
}

impl Route {
    /// Reads a location hash (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] | ["plans"] => Route::Plans,
            ["plans", id] => Route::Overview(Id::from(*id)),
            ["plans", id, phase, block] => {
                match Phase::from_slug(phase).and_then(|p| Block::from_slug(p, block)) {
                    Some(b) => Route::Block(Id::from(*id), b),
                    None => Route::NotFound,
                }
            }
            ["plans", id, "strategy", "strategic-plan", step] => step
                .strip_prefix("step-")
                .and_then(|n| n.parse::<u8>().ok())
                .and_then(Step::from_number)
                .map_or(Route::NotFound, |s| Route::Step(Id::from(*id), s)),
            _ => Route::NotFound,
        }
    }

    /// The hash for this route, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Plans | Route::NotFound => "#/".to_owned(),
            Route::Overview(id) => format!("#/plans/{id}"),
            Route::Block(id, b) => format!("#/plans/{id}/{}/{}", b.phase().slug(), b.slug()),
            Route::Step(id, s) => format!("#/plans/{id}/strategy/strategic-plan/step-{}", s.number()),
        }
    }

    pub fn plan_id(&self) -> Option<&Id> {
        match self {
            Route::Overview(id) | Route::Block(id, _) | Route::Step(id, _) => Some(id),
            Route::Plans | Route::NotFound => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_round_trips() {
        let id = Id::from("abc123");
        let mut routes = vec![Route::Plans, Route::Overview(id.clone())];
        routes.extend(Block::ALL.iter().map(|b| Route::Block(id.clone(), *b)));
        routes.extend(Step::ALL.iter().map(|s| Route::Step(id.clone(), *s)));
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
    }

    #[test]
    fn unknown_addresses_are_not_found() {
        assert_eq!(Route::parse(""), Route::Plans);
        assert_eq!(Route::parse("#/"), Route::Plans);
        assert_eq!(Route::parse("#/plans/x/strategy/landscape"), Route::NotFound);
        assert_eq!(Route::parse("#/plans/x/strategy/strategic-plan/step-9"), Route::NotFound);
        assert_eq!(Route::parse("#/plans/x/strategy/strategic-plan/step-"), Route::NotFound);
        assert_eq!(Route::parse("#/elsewhere"), Route::NotFound);
    }
}
