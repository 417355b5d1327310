//! The Information phase's lists: opportunities & risks, tools & methods, the landscape's
//! findings (one list per level), the audit's channels and the SWOT quadrants.

use super::{choice, chosen, chosen_optional, find, find_mut, keys, shift, text_column, ungrouped, At, Column, Kind, Link, ListSpec, Value};
use crate::i18n::fill;
use crate::model::validate::MAX_MAGNITUDE;
use crate::model::*;

pub static OPPORTUNITIES_RISKS: ListSpec = ListSpec {
    name: "or",
    items: |p| ungrouped(&p.information.opportunities_risks),
    add: |p, _, id| p.information.opportunities_risks.push(OpportunityRisk { id, ..Default::default() }),
    shift: |p, id, up| shift(&mut p.information.opportunities_risks, id, up, |_, _| true),
    title: |p, at| find(&p.information.opportunities_risks, at).map(|x| x.title.clone()).unwrap_or_default(),
    add_label: |t, _| t.add_opportunity_risk.to_owned(),
    columns: &[
        Column {
            key: "kind",
            label: |t| t.or_kind,
            kind: Kind::Choice { keys: keys::<OpportunityRiskKind>, labels: |t| &t.or_kinds, optional: false },
            get: |p, at| find(&p.information.opportunities_risks, at).map_or(Value::Choice(None), |x| choice(x.kind)),
            set: |p, at, v| {
                if let (Some(k), Some(x)) = (chosen(v), find_mut(&mut p.information.opportunities_risks, at)) {
                    x.kind = k
                }
            },
        },
        text_column!("title", or_title, false, |p| p.information.opportunities_risks, title),
        text_column!("description", or_description, true, |p| p.information.opportunities_risks, description),
    ],
    sortable: false,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

pub static TOOLS: ListSpec = ListSpec {
    name: "tools",
    items: |p| ungrouped(&p.information.tools),
    add: |p, _, id| p.information.tools.push(ToolEntry { id, ..Default::default() }),
    shift: |p, id, up| shift(&mut p.information.tools, id, up, |_, _| true),
    title: |p, at| find(&p.information.tools, at).map(|x| x.name.clone()).unwrap_or_default(),
    add_label: |t, _| t.add_tool.to_owned(),
    columns: &[
        text_column!("name", tool_name, false, |p| p.information.tools, name),
        text_column!("purpose", tool_purpose, true, |p| p.information.tools, purpose),
        Column {
            key: "usage",
            label: |t| t.tool_usage,
            kind: Kind::Choice { keys: keys::<ToolUsage>, labels: |t| &t.tool_usages, optional: false },
            get: |p, at| find(&p.information.tools, at).map_or(Value::Choice(None), |x| choice(x.usage)),
            set: |p, at, v| {
                if let (Some(u), Some(x)) = (chosen(v), find_mut(&mut p.information.tools, at)) {
                    x.usage = u
                }
            },
        },
        text_column!("how", tool_how, true, |p| p.information.tools, how),
        Column {
            key: "relevance",
            label: |t| t.tool_relevance,
            kind: Kind::Number { min: 1.0, max: 5.0, whole: true, optional: false },
            get: |p, at| Value::Number(find(&p.information.tools, at).map(|x| f64::from(x.relevance))),
            set: |p, at, v| {
                if let (Value::Number(Some(v)), Some(x)) = (v, find_mut(&mut p.information.tools, at)) {
                    x.relevance = v as u8
                }
            },
        },
    ],
    sortable: true,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

/// Changes a finding, and the SWOT entries linked to it follow.
fn finding_set(p: &mut Plan, at: At, f: impl FnOnce(&mut Finding)) {
    if let Some(x) = find_mut(&mut p.information.landscape.findings, at) {
        f(x);
        p.information.sync_swot();
    }
}

/// The findings, one list per landscape level (the group is the level's place).
pub static FINDINGS: ListSpec = ListSpec {
    name: "finding",
    items: |p| p.information.landscape.findings.iter().map(|x| (&x.id, x.level as usize)).collect(),
    add: |p, level, id| {
        let level = LandscapeLevel::ALL[level.min(4)];
        p.information.landscape.findings.push(Finding { id, level, ..Default::default() })
    },
    shift: |p, id, up| shift(&mut p.information.landscape.findings, id, up, |a, b| a.level == b.level),
    title: |p, at| find(&p.information.landscape.findings, at).map(|x| x.text.clone()).unwrap_or_default(),
    add_label: |t, level| fill(t.add_finding, &[("level", t.landscape_levels[level.min(4)])]),
    columns: &[
        Column {
            key: "text",
            label: |t| t.finding_text,
            kind: Kind::Text { long: true },
            get: |p, at| Value::Text(find(&p.information.landscape.findings, at).map(|x| x.text.clone()).unwrap_or_default()),
            set: |p, at, v| {
                if let Value::Text(v) = v {
                    finding_set(p, at, |x| x.text = v)
                }
            },
        },
        Column {
            key: "polarity",
            label: |t| t.polarity_label,
            kind: Kind::Choice { keys: keys::<Polarity>, labels: |t| &t.polarities, optional: false },
            get: |p, at| find(&p.information.landscape.findings, at).map_or(Value::Choice(None), |x| choice(x.polarity)),
            set: |p, at, v| {
                if let Some(polarity) = chosen(v) {
                    finding_set(p, at, |x| x.polarity = polarity)
                }
            },
        },
        Column {
            key: "weight",
            label: |t| t.weight_label,
            kind: Kind::Number { min: 1.0, max: 5.0, whole: true, optional: false },
            get: |p, at| Value::Number(find(&p.information.landscape.findings, at).map(|x| f64::from(x.weight))),
            set: |p, at, v| {
                if let Value::Number(Some(v)) = v {
                    finding_set(p, at, |x| x.weight = v as u8)
                }
            },
        },
    ],
    sortable: false,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

pub static CHANNELS: ListSpec = ListSpec {
    name: "channel",
    items: |p| ungrouped(&p.information.audit.channels),
    add: |p, _, id| p.information.audit.channels.push(Channel { id, ..Default::default() }),
    shift: |p, id, up| shift(&mut p.information.audit.channels, id, up, |_, _| true),
    title: |p, at| find(&p.information.audit.channels, at).map(|x| x.name.clone()).unwrap_or_default(),
    add_label: |t, _| t.add_channel.to_owned(),
    columns: &[
        text_column!("name", channel_name, false, |p| p.information.audit.channels, name),
        Column {
            key: "since",
            label: |t| t.channel_since,
            kind: Kind::Date,
            get: |p, at| Value::Date(find(&p.information.audit.channels, at).and_then(|x| x.since.clone())),
            set: |p, at, v| {
                if let (Value::Date(d), Some(x)) = (v, find_mut(&mut p.information.audit.channels, at)) {
                    x.since = d
                }
            },
        },
        Column {
            key: "audience",
            label: |t| t.channel_audience,
            kind: Kind::Count,
            get: |p, at| Value::Count(find(&p.information.audit.channels, at).and_then(|x| x.audience)),
            set: |p, at, v| {
                if let (Value::Count(n), Some(x)) = (v, find_mut(&mut p.information.audit.channels, at)) {
                    x.audience = n.filter(|n| *n as f64 <= MAX_MAGNITUDE)
                }
            },
        },
        Column {
            key: "engagement",
            label: |t| t.channel_engagement,
            kind: Kind::Choice { keys: keys::<EngagementLevel>, labels: |t| &t.engagement_levels, optional: true },
            get: |p, at| Value::Choice(find(&p.information.audit.channels, at).and_then(|x| x.engagement).map(Keyed::key)),
            set: |p, at, v| {
                if let (Some(e), Some(x)) = (chosen_optional(v), find_mut(&mut p.information.audit.channels, at)) {
                    x.engagement = e
                }
            },
        },
        text_column!("owner", channel_owner, false, |p| p.information.audit.channels, owner),
        text_column!("notes", channel_notes, true, |p| p.information.audit.channels, notes),
    ],
    sortable: true,
    link: None,
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};

/// The SWOT entry at `at`: slots run through the four quadrants in order.
fn swot_item<'a>(p: &'a Plan, at: At) -> Option<&'a SwotItem> {
    let mut slot = at.slot;
    for q in p.information.swot.quadrants() {
        match q.get(slot) {
            Some(x) if &x.id == at.id => return Some(x),
            Some(_) => break,
            None => slot -= q.len(),
        }
    }
    p.information.swot.quadrants().into_iter().find_map(|q| q.iter().find(|x| &x.id == at.id))
}

fn swot_set(p: &mut Plan, id: &Id, f: impl FnOnce(&mut SwotItem)) {
    for q in 0..4 {
        if let Some(x) = p.information.swot.quadrant_mut(q).iter_mut().find(|x| &x.id == id) {
            return f(x);
        }
    }
}

/// A finding's weight and level, as the SWOT shows it beside an entry and in the choice of
/// findings to bring in.
pub fn finding_weight(f: &Finding, t: &crate::i18n::Texts) -> String {
    fill(t.swot_weight, &[("weight", &f.weight.to_string()), ("level", t.landscape_levels[f.level as usize])])
}

/// The SWOT entries, one list per quadrant (0 strengths … 3 threats).
pub static SWOT: ListSpec = ListSpec {
    name: "swot",
    items: |p| p.information.swot.quadrants().iter().enumerate().flat_map(|(q, items)| items.iter().map(move |x| (&x.id, q))).collect(),
    add: |p, q, id| p.information.swot.quadrant_mut(q.min(3)).push(SwotItem { id, ..Default::default() }),
    shift: |p, id, up| (0..4).for_each(|q| shift(p.information.swot.quadrant_mut(q), id, up, |_, _| true)),
    title: |p, at| swot_item(p, at).map(|x| x.text.clone()).unwrap_or_default(),
    add_label: |t, q| fill(t.add_swot_item, &[("quadrant", t.swot_quadrants[q.min(3)])]),
    columns: &[Column {
        key: "text",
        label: |t| t.swot_item,
        kind: Kind::Text { long: true },
        get: |p, at| Value::Text(swot_item(p, at).map(|x| x.text.clone()).unwrap_or_default()),
        // An entry linked to a finding shows the finding's text: it is edited there.
        set: |p, at, v| {
            if let Value::Text(v) = v {
                swot_set(p, at.id, |x| {
                    if x.finding.is_none() {
                        x.text = v
                    }
                })
            }
        },
    }],
    sortable: false,
    link: Some(Link {
        linked: |p, at| swot_item(p, at).is_some_and(|x| x.finding.is_some()),
        note: |t| t.linked_finding,
        unlink: |p, id| swot_set(p, id, |x| x.finding = None),
        source: Block::Landscape,
        source_label: |t| t.edit_in_landscape,
        detail: |p, at, t| {
            let finding = swot_item(p, at).and_then(|x| x.finding.as_ref()).and_then(|f| p.information.landscape.findings.iter().find(|x| &x.id == f));
            finding.map(|f| finding_weight(f, t)).unwrap_or_default()
        },
    }),
    cards: false,
    badge: None,
    advice: None,
    action: None,
    removal: None,
    filters: &[],
};
