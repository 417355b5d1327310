//! The agenda of a workshop session: the blocks the facilitator takes the room through,
//! with the minutes planned for each, kept in the plan (so it can be prepared at the desk
//! and travels with the file); and the session's clock, which counts each block's minutes
//! down while it is the block being worked on. The clock only shows: when a block's
//! minutes run out it counts the time over, and nothing is ever stopped or locked.

use super::validate::{Problem, ProblemKind};
use super::{Block, Plan};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Minutes a block gets when it is put on the agenda.
pub const DEFAULT_MINUTES: u16 = 15;
/// The most minutes one block can have: a whole workshop day's afternoon.
pub const MAX_MINUTES: u16 = 240;

/// A block on the agenda and its minutes (1–240).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct AgendaItem {
    /// The block, by its key (`swot`, `strategic_plan`, …).
    pub block: Block,
    pub minutes: u16,
}

#[cfg(test)]
impl schemars::JsonSchema for Block {
    fn schema_name() -> String {
        "Block".to_owned()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            enum_values: Some(Block::ALL.iter().map(|b| b.key().into()).collect()),
            ..Default::default()
        }
        .into()
    }
}

impl Serialize for Block {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Block, D::Error> {
        let key = std::borrow::Cow::<str>::deserialize(d)?;
        Block::from_key(&key).ok_or_else(|| serde::de::Error::unknown_variant(&key, &[]))
    }
}

impl Plan {
    /// The minutes of `block` on the agenda, if it is on it.
    pub fn agenda_minutes(&self, block: Block) -> Option<u16> {
        self.workshop.agenda.iter().find(|i| i.block == block).map(|i| i.minutes)
    }

    /// Puts `block` on the agenda with `minutes` (brought into 1–240), or changes its
    /// minutes; `None` takes it off. The agenda stays in the method's order.
    pub fn set_agenda(&mut self, block: Block, minutes: Option<u16>) {
        let agenda = &mut self.workshop.agenda;
        agenda.retain(|i| i.block != block);
        if let Some(m) = minutes {
            agenda.push(AgendaItem { block, minutes: m.clamp(1, MAX_MINUTES) });
        }
        agenda.sort_by_key(|i| order(i.block));
    }

    /// The minutes of the whole agenda.
    pub fn agenda_total(&self) -> u32 {
        self.workshop.agenda.iter().map(|i| u32::from(i.minutes)).sum()
    }

    /// The blocks before and after `block` on the agenda, when it is on it.
    pub fn agenda_neighbours(&self, block: Block) -> Option<(Option<Block>, Option<Block>)> {
        let agenda = &self.workshop.agenda;
        let at = agenda.iter().position(|i| i.block == block)?;
        Some((at.checked_sub(1).map(|i| agenda[i].block), agenda.get(at + 1).map(|i| i.block)))
    }
}

fn order(block: Block) -> usize {
    Block::ALL.iter().position(|b| *b == block).unwrap_or(usize::MAX)
}

/// Problems of the agenda: minutes out of range, a block twice.
pub(crate) fn problems(plan: &Plan, root: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let agenda = &plan.workshop.agenda;
    for (i, item) in agenda.iter().enumerate() {
        if !(1..=MAX_MINUTES).contains(&item.minutes) {
            out.push(Problem { path: format!("{root}.workshop.agenda[{i}].minutes"), kind: ProblemKind::OutOfRange { min: 1.0, max: f64::from(MAX_MINUTES) } });
        }
        if let Some(first) = agenda[..i].iter().position(|x| x.block == item.block) {
            let kind = ProblemKind::DuplicateId { id: super::Id::from(item.block.slug()), first: format!("{root}.workshop.agenda[{first}].block") };
            out.push(Problem { path: format!("{root}.workshop.agenda[{i}].block"), kind });
        }
    }
    out
}

/// Brings the minutes into range and keeps the first of a block that is there twice;
/// says how many entries changed.
pub(crate) fn repair(plan: &mut Plan) -> usize {
    let agenda = &mut plan.workshop.agenda;
    let before = agenda.len();
    let mut fixed = 0;
    let mut seen = Vec::new();
    agenda.retain(|i| {
        let first = !seen.contains(&i.block);
        seen.push(i.block);
        first
    });
    for item in agenda.iter_mut().filter(|i| !(1..=MAX_MINUTES).contains(&i.minutes)) {
        item.minutes = item.minutes.clamp(1, MAX_MINUTES);
        fixed += 1;
    }
    let ordered = agenda.windows(2).all(|w| order(w[0].block) < order(w[1].block));
    if !ordered {
        agenda.sort_by_key(|i| order(i.block));
        fixed += 1;
    }
    fixed + before - agenda.len()
}

/// Where the session's clock is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClockState {
    /// Not started (or reset): no block's minutes are running.
    #[default]
    Idle,
    Running,
    Paused,
}

/// The session's clock: how long each block of the agenda has been the one worked on.
/// The block being worked on is the agenda's block last opened while the clock runs; its
/// minutes keep running while the team looks at other screens, until another block of the
/// agenda is opened or the clock is paused. Times are milliseconds since the epoch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clock {
    pub state: ClockState,
    /// The block being worked on.
    pub current: Option<Block>,
    /// When the current stretch of the current block began (while running), in whole
    /// milliseconds.
    since: f64,
    /// Milliseconds each block was worked on before the current stretch.
    spent: Vec<(Block, u64)>,
}

impl Clock {
    /// Starts (or restarts) the clock with `block` as the one worked on.
    pub fn start(&mut self, block: Block, now: f64) {
        let now = now.floor();
        self.bank(now);
        self.state = ClockState::Running;
        self.current = Some(block);
        self.since = now;
    }

    /// `block` of the agenda is opened: while the clock runs it becomes the one worked on.
    pub fn show(&mut self, block: Block, now: f64) {
        match self.state {
            ClockState::Running if self.current != Some(block) => self.start(block, now),
            ClockState::Paused => self.current = Some(block),
            _ => {}
        }
    }

    pub fn pause(&mut self, now: f64) {
        if self.state == ClockState::Running {
            self.bank(now);
            self.state = ClockState::Paused;
        }
    }

    pub fn resume(&mut self, now: f64) {
        if self.state == ClockState::Paused {
            self.state = ClockState::Running;
            self.since = now.floor();
        }
    }

    /// `block` is taken off the agenda: when it is the one worked on, `next` (the block
    /// after it on the agenda, if any) takes its place from `now`.
    pub fn drop_block(&mut self, block: Block, next: Option<Block>, now: f64) {
        if self.current == Some(block) {
            self.bank(now);
            self.current = next;
        }
    }

    /// Back to the start: no block has been worked on.
    pub fn reset(&mut self) {
        *self = Clock::default();
    }

    /// Adds the current stretch to the current block's time.
    fn bank(&mut self, now: f64) {
        let now = now.floor();
        if let (ClockState::Running, Some(block)) = (self.state, self.current) {
            let stretch = stretch(self.since, now);
            match self.spent.iter_mut().find(|(b, _)| *b == block) {
                Some((_, ms)) => *ms = ms.saturating_add(stretch),
                None => self.spent.push((block, stretch)),
            }
        }
        self.since = now;
    }

    /// Milliseconds `block` has been worked on, up to `now`.
    pub fn spent(&self, block: Block, now: f64) -> u64 {
        let before = self.spent.iter().find(|(b, _)| *b == block).map_or(0, |(_, ms)| *ms);
        let running = self.state == ClockState::Running && self.current == Some(block);
        before.saturating_add(if running { stretch(self.since, now) } else { 0 })
    }

    /// Whole seconds left of `minutes` for `block`; below zero, the time over.
    pub fn left(&self, block: Block, minutes: u16, now: f64) -> i64 {
        let spent = i64::try_from(self.spent(block, now) / 1000).unwrap_or(i64::MAX);
        i64::from(minutes) * 60 - spent
    }

    /// The clock as a line of text, to keep for the browser session.
    pub fn to_text(&self) -> String {
        let state = match self.state {
            ClockState::Idle => "idle",
            ClockState::Running => "running",
            ClockState::Paused => "paused",
        };
        let current = self.current.map_or("-", Block::slug);
        let spent: Vec<String> = self.spent.iter().map(|(b, ms)| format!("{}={ms}", b.slug())).collect();
        // Whole milliseconds: the clock is read back without a float parser.
        format!("{state} {current} {} {}", self.since as i64, spent.join(","))
    }

    /// The clock written by `to_text`; `None` for anything else.
    pub fn from_text(text: &str) -> Option<Clock> {
        let mut parts = text.split(' ');
        let state = match parts.next()? {
            "idle" => ClockState::Idle,
            "running" => ClockState::Running,
            "paused" => ClockState::Paused,
            _ => return None,
        };
        let current = match parts.next()? {
            "-" => None,
            key => Some(Block::by_slug(key)?),
        };
        let since = parts.next()?.parse::<i64>().ok()? as f64;
        let mut spent = Vec::new();
        for entry in parts.next()?.split(',').filter(|e| !e.is_empty()) {
            let (key, ms) = entry.split_once('=')?;
            spent.push((Block::by_slug(key)?, ms.parse().ok()?));
        }
        (parts.next().is_none()).then_some(Clock { state, current, since, spent })
    }
}

/// Milliseconds from `since` to `now`; a clock set back counts nothing.
fn stretch(since: f64, now: f64) -> u64 {
    let ms = now - since;
    if ms.is_finite() && ms > 0.0 {
        ms as u64
    } else {
        0
    }
}

/// `seconds` as `m:ss`, or `h:mm:ss` from an hour on (the sign left out).
pub fn clock_face(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_agenda_keeps_the_methods_order_and_its_minutes_in_range() {
        let mut p = Plan::default();
        p.set_agenda(Block::Swot, Some(20));
        p.set_agenda(Block::Landscape, Some(0));
        p.set_agenda(Block::StrategicPlan, Some(900));
        assert_eq!(p.workshop.agenda, vec![
            AgendaItem { block: Block::Landscape, minutes: 1 },
            AgendaItem { block: Block::Swot, minutes: 20 },
            AgendaItem { block: Block::StrategicPlan, minutes: MAX_MINUTES },
        ]);
        assert_eq!(p.agenda_total(), 261);
        assert_eq!(p.agenda_neighbours(Block::Swot), Some((Some(Block::Landscape), Some(Block::StrategicPlan))));
        assert_eq!(p.agenda_neighbours(Block::Post), None);
        p.set_agenda(Block::Swot, None);
        assert_eq!(p.agenda_minutes(Block::Swot), None);
        assert_eq!(p.agenda_neighbours(Block::Landscape), Some((None, Some(Block::StrategicPlan))));
        assert!(problems(&p, "plan").is_empty());
    }

    #[test]
    fn a_broken_agenda_is_found_and_repaired() {
        let mut p = Plan::default();
        p.workshop.agenda = vec![
            AgendaItem { block: Block::Swot, minutes: 0 },
            AgendaItem { block: Block::Swot, minutes: 10 },
            AgendaItem { block: Block::Post, minutes: 999 },
        ];
        assert_eq!(problems(&p, "plan").len(), 3);
        assert_eq!(repair(&mut p), 3);
        assert!(problems(&p, "plan").is_empty());
        assert_eq!(p.workshop.agenda, vec![AgendaItem { block: Block::Swot, minutes: 1 }, AgendaItem { block: Block::Post, minutes: MAX_MINUTES }]);
    }

    #[test]
    fn an_agenda_goes_in_the_file_by_the_blocks_keys() {
        let item = AgendaItem { block: Block::StrategicPlan, minutes: 30 };
        let text = serde_json::to_string(&item).unwrap();
        assert_eq!(text, r#"{"block":"strategic_plan","minutes":30}"#);
        assert_eq!(serde_json::from_str::<AgendaItem>(&text).unwrap(), item);
        let err = serde_json::from_str::<AgendaItem>(r#"{"block":"nope","minutes":3}"#).unwrap_err();
        assert!(err.to_string().contains("nope"), "{err}");
    }

    #[test]
    fn a_blocks_minutes_run_while_it_is_worked_on_and_count_over_after() {
        let mut c = Clock::default();
        assert_eq!(c.left(Block::Swot, 10, 0.0), 600);
        c.start(Block::Swot, 1_000.0);
        assert_eq!(c.left(Block::Swot, 10, 61_000.0), 540);
        // Another block of the agenda is opened: the SWOT's minutes stop, the audit's run.
        c.show(Block::Audit, 121_000.0);
        assert_eq!(c.left(Block::Swot, 10, 999_000.0), 480);
        assert_eq!(c.left(Block::Audit, 1, 181_000.0), 0);
        assert_eq!(c.left(Block::Audit, 1, 191_500.0), -10);
        c.pause(200_000.0);
        assert_eq!(c.spent(Block::Audit, 900_000.0), 79_000);
        c.show(Block::Swot, 210_000.0);
        c.resume(300_000.0);
        assert_eq!(c.left(Block::Swot, 10, 330_000.0), 450);
        assert_eq!(c.spent(Block::Audit, 330_000.0), 79_000);
        // The SWOT is taken off the agenda while worked on: the next block takes over.
        c.drop_block(Block::Swot, Some(Block::Post), 340_000.0);
        assert_eq!(c.current, Some(Block::Post));
        assert_eq!(c.left(Block::Swot, 10, 999_000.0), 440);
        assert_eq!(c.left(Block::Post, 1, 350_000.0), 50);
        c.drop_block(Block::Audit, None, 360_000.0);
        assert_eq!(c.current, Some(Block::Post), "another block's leaving changes nothing");
        c.reset();
        assert_eq!(c, Clock::default());
        // Opened while idle, a block's minutes don't run.
        c.show(Block::Swot, 0.0);
        assert_eq!(c.spent(Block::Swot, 1e9), 0);
    }

    #[test]
    fn the_clock_face() {
        assert_eq!(clock_face(0), "0:00");
        assert_eq!(clock_face(65), "1:05");
        assert_eq!(clock_face(-65), "1:05");
        assert_eq!(clock_face(3_600 + 61), "1:01:01");
    }

    #[test]
    fn a_clock_read_from_anything_else_is_none() {
        for text in ["", "running", "running - 0", "walking - 0 ", "running nope 0 ", "running - NaN ", "running - 0 swot=x", "running - 0 swot=1 more"] {
            assert_eq!(Clock::from_text(text), None, "{text}");
        }
    }

    #[derive(Clone, Debug)]
    enum Tick {
        Start(usize),
        Show(usize),
        Pause,
        Resume,
        Drop(usize, Option<usize>),
        Wait(u32),
    }

    fn tick() -> impl Strategy<Value = Tick> {
        prop_oneof![
            1 => (0usize..18).prop_map(Tick::Start),
            3 => (0usize..18).prop_map(Tick::Show),
            1 => Just(Tick::Pause),
            1 => Just(Tick::Resume),
            1 => (0usize..18, prop::option::of(0usize..18)).prop_map(|(b, n)| Tick::Drop(b, n)),
            3 => (0u32..4_000_000).prop_map(Tick::Wait),
        ]
    }

    proptest! {
        /// Whatever the facilitator does, the blocks' times add up to the time the clock
        /// ran with a block being worked on, no block's time goes down, and the clock survives being kept as text.
        #[test]
        fn the_clock_counts_every_running_moment_once(ticks in prop::collection::vec(tick(), 0..60)) {
            let mut c = Clock::default();
            let mut now = 1.7e12;
            let mut ran: u64 = 0;
            let total = |c: &Clock, now: f64| Block::ALL.iter().map(|b| c.spent(*b, now)).sum::<u64>();
            for t in ticks {
                let before: Vec<u64> = Block::ALL.iter().map(|b| c.spent(*b, now)).collect();
                match t {
                    Tick::Start(b) => c.start(Block::ALL[b], now),
                    Tick::Show(b) => c.show(Block::ALL[b], now),
                    Tick::Pause => c.pause(now),
                    Tick::Resume => c.resume(now),
                    Tick::Drop(b, n) => c.drop_block(Block::ALL[b], n.map(|n| Block::ALL[n]), now),
                    Tick::Wait(ms) => {
                        if c.state == ClockState::Running && c.current.is_some() {
                            ran += u64::from(ms);
                        }
                        now += f64::from(ms);
                    }
                }
                let after: Vec<u64> = Block::ALL.iter().map(|b| c.spent(*b, now)).collect();
                prop_assert!(before.iter().zip(&after).all(|(a, b)| a <= b));
                prop_assert_eq!(total(&c, now), ran);
                let back = Clock::from_text(&c.to_text());
                prop_assert_eq!(back.as_ref(), Some(&c));
            }
        }
    }
}
