//! The monthly review: every KPI's values of one month on one screen, with the team's
//! comment on each. The review's period is a calendar month; each KPI is entered by its own
//! frequency inside it:
//! - monthly KPIs: one value for the month;
//! - quarterly KPIs: one value for the calendar quarter the month lies in (shown in each of
//!   its three months, so the value can be entered whenever the quarter's figure is in);
//! - weekly KPIs: one value per week (Monday to Sunday) whose Sunday falls in the month,
//!   four or five rows.
//!
//! A period's value is the latest value dated within it; a new one is dated on the
//! period's last day, or today while the period is still running, so a value entered now
//! counts for today's status.

use super::validate::MAX_MAGNITUDE;
use super::{Actual, Date, Frequency, Id, Kpi, Plan};

/// The longest comment kept, in characters.
pub const MAX_COMMENT: usize = 2000;

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    /// The month a valid date lies in.
    pub fn of(date: &Date) -> Option<Month> {
        date.parts().filter(|_| date.is_valid()).map(|(year, month, _)| Month { year, month })
    }

    /// Reads `YYYY-MM`, as a month input gives it.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.trim().split_once('-')?;
        let (year, month) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
        ((1..=12).contains(&month) && (1000..=9999).contains(&year) && y.len() == 4 && m.len() == 2).then_some(Month { year, month })
    }

    /// `YYYY-MM`.
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    pub fn first(self) -> Date {
        Date::new(self.year, self.month, 1)
    }

    pub fn last(self) -> Date {
        Date::new(self.year, self.month, super::date::days_in_month(self.year, self.month))
    }

    pub fn next(self) -> Month {
        if self.month == 12 { Month { year: self.year + 1, month: 1 } } else { Month { year: self.year, month: self.month + 1 } }
    }

    pub fn previous(self) -> Month {
        if self.month == 1 { Month { year: self.year - 1, month: 12 } } else { Month { year: self.year, month: self.month - 1 } }
    }
}

/// The days one value stands for, both ends included.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub first: Date,
    pub last: Date,
}

impl Period {
    pub fn contains(&self, date: &Date) -> bool {
        self.first.0 <= date.0 && date.0 <= self.last.0
    }

    /// Whether the period began after `today`.
    pub fn is_future(&self, today: &Date) -> bool {
        self.first.0 > today.0
    }
}

/// A Monday, to tell the weekday of a day number.
fn monday() -> i64 {
    Date::new(2024, 1, 1).day_number().unwrap_or(0)
}

/// The periods a KPI of `frequency` is entered for in `month`.
pub fn periods(frequency: Frequency, month: Month) -> Vec<Period> {
    match frequency {
        Frequency::Monthly => vec![Period { first: month.first(), last: month.last() }],
        Frequency::Quarterly => {
            let start = Month { year: month.year, month: (month.month - 1) / 3 * 3 + 1 };
            vec![Period { first: start.first(), last: Month { year: start.year, month: start.month + 2 }.last() }]
        }
        Frequency::Weekly => {
            let (Some(first), Some(last)) = (month.first().day_number(), month.last().day_number()) else { return Vec::new() };
            // The first Sunday of the month, then every seventh day.
            let sunday = first + (6 - (first - monday()).rem_euclid(7));
            (0..)
                .map(|w| sunday + 7 * w)
                .take_while(|d| *d <= last)
                .map(|end| Period { first: Date::from_day_number(end - 6), last: Date::from_day_number(end) })
                .collect()
        }
    }
}

/// The value a KPI has for a period: the latest dated within it.
pub fn value_in<'a>(kpi: &'a Kpi, period: &Period) -> Option<&'a Actual> {
    kpi.actuals.iter().filter(|a| period.contains(&a.period)).max_by(|a, b| a.period.0.cmp(&b.period.0))
}

/// The date a new value for `period` gets: its last day, or today while it runs.
pub fn entry_date(period: &Period, today: &Date) -> Date {
    if period.contains(today) { today.clone() } else { period.last.clone() }
}

/// One row of the review's grid: a KPI in one of its periods.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub kpi: Id,
    /// The KPI's place in the plan's list.
    pub index: usize,
    pub frequency: Frequency,
    pub period: Period,
    /// The value in the period, with its date and comment.
    pub value: Option<Actual>,
    /// The latest value before the period, for comparison.
    pub before: Option<f64>,
    /// The stamp of the KPI's values the row was worked out from (`Actuals::stamp`).
    pub stamp: u64,
}

/// Every KPI's rows for `month`, in the plan's order of KPIs. Blank KPIs (added, nothing
/// written yet) are not part of the plan yet.
pub fn grid(plan: &Plan, month: Month) -> Vec<Row> {
    grid_reusing(plan, month, Vec::new()).0
}

/// The grid of `month` as `grid` gives it, keeping the rows of `old` (the same month's
/// grid of this plan before a change) of each KPI whose place, frequency and values are
/// unchanged; and whether any row changed. A value typed into the grid works out the
/// rows of its KPI again, not those of every KPI.
pub fn grid_reusing(plan: &Plan, month: Month, old: Vec<Row>) -> (Vec<Row>, bool) {
    let mut rows = Vec::with_capacity(old.len());
    let mut changed = false;
    let mut old = old.into_iter().peekable();
    for (index, k) in plan.strategy.kpis.iter().enumerate().filter(|(_, k)| !k.is_blank()) {
        let same = |r: &Row| r.kpi == k.id && r.index == index && r.frequency == k.frequency && r.stamp == k.actuals.stamp();
        if old.peek().is_some_and(same) {
            while let Some(r) = old.next_if(same) {
                rows.push(r);
            }
            continue;
        }
        changed = true;
        while old.next_if(|r| r.kpi == k.id).is_some() {}
        let ordered = k.actuals.windows(2).all(|w| w[0].period.0 <= w[1].period.0);
        for period in periods(k.frequency, month) {
            let (value, before) = value_and_before(k, &period, ordered);
            rows.push(Row { kpi: k.id.clone(), index, frequency: k.frequency, value: value.cloned(), period, before, stamp: k.actuals.stamp() });
        }
    }
    (rows, changed || old.next().is_some())
}

/// The value a KPI has for `period` (see `value_in`) and the latest value before it;
/// `ordered` tells that its values are in order of their periods.
fn value_and_before<'a>(kpi: &'a Kpi, period: &Period, ordered: bool) -> (Option<&'a Actual>, Option<f64>) {
    let all = &kpi.actuals;
    if ordered {
        // Of several values on one day, the last one counts, as with `value_in`.
        let start = all.partition_point(|a| a.period.0 < period.first.0);
        let end = all.partition_point(|a| a.period.0 <= period.last.0);
        (end.checked_sub(1).filter(|&i| i >= start).map(|i| &all[i]), start.checked_sub(1).map(|i| all[i].value))
    } else {
        let before = all.iter().filter(|a| a.period.0 < period.first.0).max_by(|a, b| a.period.0.cmp(&b.period.0)).map(|a| a.value);
        (value_in(kpi, period), before)
    }
}

/// Why an entry of the grid changed nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridError {
    /// The KPI is no longer in the plan.
    UnknownKpi,
    /// Not a finite number within ±`MAX_MAGNITUDE`.
    OutOfRange,
    /// A comment needs a value to belong to.
    NoValue,
    /// Longer than `MAX_COMMENT` characters.
    TooLong,
}

impl Plan {
    fn kpi_mut(&mut self, id: &Id) -> Result<&mut Kpi, GridError> {
        self.strategy.kpis.iter_mut().find(|k| &k.id == id).ok_or(GridError::UnknownKpi)
    }

    /// Sets a KPI's value for a period: the value already in the period is changed (its
    /// date and comment stay), or a new one is added, dated by [`entry_date`], in order of
    /// periods. Returns the value's date; on an error nothing changed.
    pub fn set_period_value(&mut self, kpi: &Id, period: &Period, value: f64, today: &Date) -> Result<Date, GridError> {
        if !(value.is_finite() && value.abs() <= MAX_MAGNITUDE) {
            return Err(GridError::OutOfRange);
        }
        let k = self.kpi_mut(kpi)?;
        let existing = value_in(k, period).map(|a| a.period.clone());
        let date = existing.unwrap_or_else(|| entry_date(period, today));
        match k.actuals.iter_mut().find(|a| a.period == date) {
            Some(a) => a.value = value,
            None => {
                let at = k.actuals.iter().position(|a| a.period.0 > date.0).unwrap_or(k.actuals.len());
                k.actuals.insert(at, Actual { period: date.clone(), value, comment: String::new() });
            }
        }
        Ok(date)
    }

    /// Sets the comment of a KPI's value for a period (trimmed at the ends).
    pub fn set_period_comment(&mut self, kpi: &Id, period: &Period, comment: &str) -> Result<(), GridError> {
        if comment.chars().count() > MAX_COMMENT {
            return Err(GridError::TooLong);
        }
        let k = self.kpi_mut(kpi)?;
        let date = value_in(k, period).map(|a| a.period.clone()).ok_or(GridError::NoValue)?;
        if let Some(a) = k.actuals.iter_mut().find(|a| a.period == date) {
            a.comment = comment.trim().to_owned();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{validate::validate, BusinessFunction, Objective};

    fn d(s: &str) -> Date {
        Date::text(s)
    }

    const NOV: Month = Month { year: 2026, month: 11 };

    fn plan() -> Plan {
        let mut p = Plan::new(Id::from("p"), "Review", BusinessFunction::Marketing, "2026-01-01T00:00:00Z");
        p.strategy.objectives.push(Objective { id: Id::from("o"), text: "Sell".into(), ..Default::default() });
        for (id, frequency) in [("m", Frequency::Monthly), ("w", Frequency::Weekly), ("q", Frequency::Quarterly)] {
            p.strategy.kpis.push(Kpi { id: Id::from(id), objective: Id::from("o"), name: format!("KPI {id}"), frequency, ..Default::default() });
        }
        p
    }

    #[test]
    fn months_read_and_step() {
        assert_eq!(Month::parse("2026-11"), Some(NOV));
        for bad in ["2026-13", "2026-1", "26-11", "2026-00", "x", ""] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(NOV.key(), "2026-11");
        assert_eq!((NOV.first(), NOV.last()), (d("2026-11-01"), d("2026-11-30")));
        assert_eq!(Month { year: 2026, month: 12 }.next(), Month { year: 2027, month: 1 });
        assert_eq!(Month { year: 2026, month: 1 }.previous(), Month { year: 2025, month: 12 });
        assert_eq!(Month::of(&d("2024-02-29")), Some(Month { year: 2024, month: 2 }));
        assert_eq!(Month::of(&d("2024-02-30")), None);
    }

    #[test]
    fn periods_follow_each_frequency() {
        assert_eq!(periods(Frequency::Monthly, NOV), vec![Period { first: d("2026-11-01"), last: d("2026-11-30") }]);
        assert_eq!(periods(Frequency::Quarterly, NOV), vec![Period { first: d("2026-10-01"), last: d("2026-12-31") }]);
        assert_eq!(periods(Frequency::Quarterly, Month { year: 2026, month: 1 })[0].last, d("2026-03-31"));
        // November 2026 starts on a Sunday: five weeks end in it, the first on the 1st.
        let weeks = periods(Frequency::Weekly, NOV);
        assert_eq!(weeks.iter().map(|w| w.last.0.as_str()).collect::<Vec<_>>(), ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22", "2026-11-29"]);
        assert_eq!(weeks[0].first, d("2026-10-26"));
        // Every day of a year lies in exactly one week of one month.
        let mut days = std::collections::HashSet::new();
        let mut m = Month { year: 2026, month: 1 };
        for _ in 0..12 {
            for w in periods(Frequency::Weekly, m) {
                assert_eq!(w.last.day_number().unwrap() - w.first.day_number().unwrap(), 6);
                for n in w.first.day_number().unwrap()..=w.last.day_number().unwrap() {
                    assert!(days.insert(n), "day {n} twice");
                }
            }
            m = m.next();
        }
        assert!((362..=371).contains(&days.len()));
    }

    #[test]
    fn a_value_is_changed_in_its_period_or_added_at_its_end() {
        let mut p = plan();
        let today = d("2026-11-20");
        let month = &periods(Frequency::Monthly, NOV)[0];
        // The month runs: the new value counts from today.
        assert_eq!(p.set_period_value(&Id::from("m"), month, 12.5, &today), Ok(today.clone()));
        // Entered again, the same value changes, keeping its date and comment.
        p.set_period_comment(&Id::from("m"), month, "  Christmas campaign started early ").unwrap();
        assert_eq!(p.set_period_value(&Id::from("m"), month, 13.0, &d("2026-11-25")), Ok(today.clone()));
        assert_eq!(p.strategy.kpis[0].actuals, vec![Actual { period: today.clone(), value: 13.0, comment: "Christmas campaign started early".into() }]);
        // A past month's value is dated on its last day, in order.
        let october = &periods(Frequency::Monthly, NOV.previous())[0];
        assert_eq!(p.set_period_value(&Id::from("m"), october, 11.0, &today), Ok(d("2026-10-31")));
        assert_eq!(p.strategy.kpis[0].actuals.iter().map(|a| a.value).collect::<Vec<_>>(), [11.0, 13.0]);
        // Refused, and nothing changed.
        let before = p.clone();
        assert_eq!(p.set_period_value(&Id::from("m"), month, f64::NAN, &today), Err(GridError::OutOfRange));
        assert_eq!(p.set_period_value(&Id::from("m"), month, 2e15, &today), Err(GridError::OutOfRange));
        assert_eq!(p.set_period_value(&Id::from("gone"), month, 1.0, &today), Err(GridError::UnknownKpi));
        assert_eq!(p.set_period_comment(&Id::from("w"), month, "why"), Err(GridError::NoValue));
        assert_eq!(p.set_period_comment(&Id::from("m"), month, &"x".repeat(MAX_COMMENT + 1)), Err(GridError::TooLong));
        assert_eq!(p, before);
        assert!(validate(&p, "plan").is_empty());
    }

    #[test]
    fn the_grid_has_a_row_per_kpi_period() {
        let mut p = plan();
        let today = d("2026-11-20");
        for (i, w) in periods(Frequency::Weekly, NOV).iter().enumerate() {
            p.set_period_value(&Id::from("w"), w, i as f64, &today).unwrap();
        }
        p.set_period_value(&Id::from("q"), &periods(Frequency::Quarterly, NOV.previous())[0], 7.0, &today).unwrap();
        let rows = grid(&p, NOV);
        assert_eq!(rows.iter().map(|r| r.kpi.as_str()).collect::<Vec<_>>(), ["m", "w", "w", "w", "w", "w", "q"]);
        // The last two weeks have not ended: the fourth is dated today, the fifth is in the future.
        let dates: Vec<_> = rows[1..6].iter().map(|r| r.value.as_ref().unwrap().period.0.clone()).collect();
        assert_eq!(dates, ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-20", "2026-11-29"]);
        assert_eq!(rows[2].before, Some(0.0));
        // The quarter's value shows in each of its months.
        assert_eq!(rows[6].value.as_ref().map(|a| a.value), Some(7.0));
        assert_eq!(grid(&p, Month { year: 2026, month: 10 }).last().unwrap().value.as_ref().map(|a| a.value), Some(7.0));
        assert!(validate(&p, "plan").is_empty());
    }

    mod sessions {
        use super::*;
        use proptest::prelude::*;

        #[derive(Clone, Debug)]
        enum Op {
            Value { kpi: usize, month: i32, row: usize, value: f64 },
            Comment { kpi: usize, month: i32, row: usize, text: String },
            Remove { kpi: usize, month: i32, row: usize },
        }

        fn op() -> impl Strategy<Value = Op> {
            let value = prop_oneof![-1e15..1e15f64, Just(0.0), Just(f64::NAN), Just(f64::INFINITY), Just(2e15), Just(-5e-324)];
            prop_oneof![
                (0..4usize, -14..14i32, 0..6usize, value).prop_map(|(kpi, month, row, value)| Op::Value { kpi, month, row, value }),
                (0..4usize, -14..14i32, 0..6usize, "\\PC{0,20}").prop_map(|(kpi, month, row, text)| Op::Comment { kpi, month, row, text }),
                (0..4usize, -14..14i32, 0..6usize).prop_map(|(kpi, month, row)| Op::Remove { kpi, month, row }),
            ]
        }

        #[test]
        fn ties_and_empty_periods_read_as_looking_at_every_value_reads() {
            let mut k = Kpi::default();
            let at = |day: &str, value: f64| Actual { period: d(day), value, comment: String::new() };
            k.actuals = vec![at("2026-10-31", 1.0), at("2026-10-31", 2.0), at("2026-11-08", 3.0), at("2026-11-08", 4.0), at("2026-11-30", 5.0)].into();
            let nov = Period { first: d("2026-11-01"), last: d("2026-11-30") };
            // Of two values on one day, the later one counts, before the period and in it.
            assert_eq!(value_and_before(&k, &nov, true).0.map(|a| a.value), Some(5.0));
            assert_eq!(value_and_before(&k, &nov, true).1, Some(2.0));
            let week = Period { first: d("2026-11-02"), last: d("2026-11-08") };
            assert_eq!(value_and_before(&k, &week, true).0.map(|a| a.value), Some(4.0));
            assert_eq!(value_in(&k, &week).map(|a| a.value), Some(4.0));
            // A period that ends before it starts holds no value.
            let backwards = Period { first: d("2026-11-30"), last: d("2026-11-01") };
            assert_eq!(value_and_before(&k, &backwards, true).0, None);
            assert_eq!(value_in(&k, &backwards), None);
            assert_eq!(value_and_before(&k, &backwards, true).1, Some(4.0));
        }

        #[test]
        fn the_grid_kept_in_step_is_the_grid_worked_out_anew() {
            let mut p = plan();
            let today = d("2026-11-20");
            let mut shown = grid(&p, NOV);
            let mut step = |p: &Plan, what: &str| {
                let (next, changed) = grid_reusing(p, NOV, shown.clone());
                assert_eq!(next, grid(p, NOV), "after {what}");
                assert!(changed, "{what} changes the grid");
                shown = next;
            };
            let week = periods(Frequency::Weekly, NOV)[1].clone();
            p.set_period_value(&Id::from("w"), &week, 4.0, &today).unwrap();
            step(&p, "a value");
            p.strategy.kpis[1].frequency = Frequency::Monthly;
            step(&p, "a frequency");
            p.strategy.kpis[0].name.clear();
            step(&p, "a KPI left blank");
            p.strategy.kpis.remove(1);
            step(&p, "a KPI removed");
            p.strategy.kpis.insert(0, Kpi { id: Id::from("n"), objective: Id::from("o"), name: "New".into(), ..Default::default() });
            step(&p, "a KPI added first");
            p.strategy.kpis.truncate(1);
            step(&p, "the last KPIs removed");
            let (same, changed) = grid_reusing(&p, NOV, shown.clone());
            assert_eq!((same, changed), (shown, false), "unchanged");
        }

        fn day() -> impl Strategy<Value = Date> {
            prop_oneof![
                (2025..2028i32, 1..13u32, 1..29u32).prop_map(|(y, m, d)| Date::new(y, m, d)),
                Just(Date("not a date".into())),
                Just(Date::default()),
            ]
        }

        proptest! {
            /// The grid finds each row's value and the value before it by halving when the
            /// values are in order, and gives what looking at every value gives, in order or
            /// not, with values on the same day or dates that are not dates.
            #[test]
            fn the_grid_finds_what_looking_at_every_value_finds(
                days in prop::collection::vec((day(), -1e6..1e6f64), 0..60),
                sort in any::<bool>(),
                frequency in prop_oneof![Just(Frequency::Weekly), Just(Frequency::Monthly), Just(Frequency::Quarterly)],
                month in 1..13u32,
            ) {
                let mut p = plan();
                let mut actuals: Vec<Actual> = days.into_iter().map(|(period, value)| Actual { period, value, comment: String::new() }).collect();
                if sort {
                    actuals.sort_by(|a, b| a.period.0.cmp(&b.period.0));
                }
                let k = &mut p.strategy.kpis[0];
                k.frequency = frequency;
                k.actuals = actuals.into();
                let month = Month { year: 2026, month };
                let rows = grid(&p, month);
                let k = &p.strategy.kpis[0];
                let expected: Vec<(Option<Actual>, Option<f64>)> = periods(frequency, month)
                    .iter()
                    .map(|period| {
                        let before = k.actuals.iter().filter(|a| a.period.0 < period.first.0).max_by(|a, b| a.period.0.cmp(&b.period.0)).map(|a| a.value);
                        (value_in(k, period).cloned(), before)
                    })
                    .collect();
                let got: Vec<(Option<Actual>, Option<f64>)> = rows.into_iter().filter(|r| r.index == 0).map(|r| (r.value, r.before)).collect();
                prop_assert_eq!(got, expected);
            }

            /// Any sequence of grid entries (the fourth KPI id names none) keeps the plan
            /// valid, with every KPI's values in order of their periods.
            #[test]
            fn grid_edits_keep_the_plan_valid(ops in prop::collection::vec(op(), 1..40)) {
                let mut p = plan();
                let mut shown = grid(&p, NOV);
                let today = d("2026-11-20");
                let ids = ["m", "w", "q", "gone"].map(Id::from);
                for op in ops {
                    let (kpi, month, row) = match &op { Op::Value { kpi, month, row, .. } | Op::Comment { kpi, month, row, .. } | Op::Remove { kpi, month, row } => (*kpi, *month, *row) };
                    let mut m = NOV;
                    for _ in 0..month.unsigned_abs() {
                        m = if month < 0 { m.previous() } else { m.next() };
                    }
                    let frequency = p.strategy.kpis.get(kpi).map_or(Frequency::Monthly, |k| k.frequency);
                    let all = periods(frequency, m);
                    let period = &all[row % all.len()];
                    let before = p.clone();
                    let result = match op {
                        Op::Value { value, .. } => p.set_period_value(&ids[kpi], period, value, &today).map(|_| ()),
                        Op::Comment { text, .. } => p.set_period_comment(&ids[kpi], period, &text),
                        Op::Remove { .. } => {
                            let at = p.strategy.kpis.get(kpi).and_then(|k| value_in(k, period)).map(|a| a.period.clone());
                            if let Some(at) = at { p.remove_value(&ids[kpi], &at); }
                            Ok(())
                        }
                    };
                    if result.is_err() {
                        prop_assert_eq!(&p, &before, "a refused entry changes nothing");
                    }
                    prop_assert!(validate(&p, "plan").is_empty(), "{:?}", validate(&p, "plan"));
                    // The grid on screen, kept in step, is the grid worked out anew.
                    let (next, changed) = grid_reusing(&p, NOV, shown.clone());
                    prop_assert_eq!(&next, &grid(&p, NOV));
                    prop_assert!(changed || next == shown, "a changed grid says so");
                    shown = next;
                    for k in &p.strategy.kpis {
                        prop_assert!(k.actuals.windows(2).all(|w| w[0].period < w[1].period), "values in order");
                    }
                }
            }
        }
    }
}
