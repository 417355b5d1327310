//! KPI tracking: the status of a KPI by its pace, the roll-up per objective, and the
//! actual values as CSV. Pure: the screens, the dashboard and the tests share these rules.
//!
//! The pace is the straight line from the baseline at the plan's start to the target at
//! the KPI's deadline. The latest value is compared with where that line stands on its
//! date: progress made over progress expected, against the plan's thresholds.

use std::collections::{HashMap, HashSet};

use super::{Actual, Date, Direction, Frequency, Id, Kpi, Plan, Thresholds};

/// Where a KPI stands today. The order is the roll-up's: an objective is as well as its
/// worst KPI (`max`), and a KPI that can be judged outranks one that cannot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// No value measured up to today.
    NoData,
    /// Values, but no target to judge them by (or no deadline and no plan horizon).
    NoTarget,
    OnTrack,
    Stale,
    AtRisk,
    OffTrack,
}

impl Status {
    /// From best to worst news, the order of the dashboard.
    pub const ALL: [Status; 6] = [Status::OnTrack, Status::AtRisk, Status::OffTrack, Status::Stale, Status::NoTarget, Status::NoData];

    /// The status's number in texts, colours (`status-N` in the style sheet, the line
    /// chart's colour) and the `data-status` of badges. Kept stable: files of screenshots
    /// and tests name them.
    pub fn index(self) -> usize {
        match self {
            Status::OnTrack => 0,
            Status::AtRisk => 1,
            Status::OffTrack => 2,
            Status::Stale => 3,
            Status::NoData => 4,
            Status::NoTarget => 5,
        }
    }

    /// The sign shown beside the word, so colour is never the only cue.
    pub fn sign(self) -> &'static str {
        ["✓", "!", "✕", "…", "–", "○"][self.index()]
    }
}

impl Frequency {
    /// Roughly one period, in days.
    pub fn days(self) -> i64 {
        match self {
            Frequency::Weekly => 7,
            Frequency::Monthly => 31,
            Frequency::Quarterly => 92,
        }
    }
}

/// Where a KPI's pace line starts: at the baseline on the plan's start, or, missing either,
/// at the first value on its date.
pub fn pace_start(kpi: &Kpi, plan_start: Option<&Date>) -> Option<(i64, f64)> {
    let first = kpi.actuals.iter().min_by(|a, b| a.period.0.cmp(&b.period.0));
    let day = plan_start.and_then(Date::day_number).or_else(|| first?.period.day_number())?;
    let value = kpi.baseline.or_else(|| first.map(|a| a.value))?;
    Some((day, value))
}

/// The value the pace line expects on `day`, when the KPI has a target and a deadline.
pub fn expected_value(kpi: &Kpi, plan_start: Option<&Date>, day: i64) -> Option<f64> {
    expected_from(kpi, pace_start(kpi, plan_start), day)
}

/// [`expected_value`] with the pace's start worked out already (once for many days).
fn expected_from(kpi: &Kpi, start: Option<(i64, f64)>, day: i64) -> Option<f64> {
    let (start, from) = start?;
    let end = kpi.deadline.as_ref()?.day_number()?;
    let to = kpi.target?;
    if end <= start {
        return Some(to);
    }
    let share = ((day - start) as f64 / (end - start) as f64).clamp(0.0, 1.0);
    Some(from + (to - from) * share)
}

/// The latest value of a KPI, by period.
pub fn latest(kpi: &Kpi) -> Option<&Actual> {
    kpi.actuals.iter().max_by(|a, b| a.period.0.cmp(&b.period.0))
}

/// Whether a value is dated after `today`: shown, flagged, and left out of today's status.
pub fn in_future(a: &Actual, today: &Date) -> bool {
    a.period.0 > today.0
}

/// The latest value measured up to `today` (values dated later are not counted yet).
pub fn latest_as_of<'a>(kpi: &'a Kpi, today: &Date) -> Option<&'a Actual> {
    kpi.actuals.iter().filter(|a| !in_future(a, today)).max_by(|a, b| a.period.0.cmp(&b.period.0))
}

/// The value before `last`, up to `today`: what the change since the previous period is
/// measured from.
pub fn previous_as_of<'a>(kpi: &'a Kpi, last: &Actual) -> Option<&'a Actual> {
    kpi.actuals.iter().filter(|a| a.period.0 < last.period.0).max_by(|a, b| a.period.0.cmp(&b.period.0))
}

fn reached(kpi: &Kpi, value: f64, target: f64) -> bool {
    match kpi.direction {
        Direction::HigherIsBetter => value >= target,
        Direction::LowerIsBetter => value <= target,
    }
}

/// The status of a KPI on `today`, from the values measured up to then.
pub fn status(kpi: &Kpi, plan_start: Option<&Date>, thresholds: &Thresholds, today: &Date) -> Status {
    let Some(last) = latest_as_of(kpi, today) else { return Status::NoData };
    let (Some(last_day), Some(today_n)) = (last.period.day_number(), today.day_number()) else { return Status::NoData };
    // Without a target (or a deadline) there is no pace to judge the values by.
    let (Some(target), Some((start, from)), Some(end)) = (kpi.target, pace_start(kpi, plan_start), kpi.deadline.as_ref().and_then(Date::day_number)) else {
        return Status::NoTarget;
    };
    // A value was due one period after the last; more than a period past that, it is stale.
    if today_n > last_day + 2 * kpi.frequency.days() {
        return Status::Stale;
    }
    if reached(kpi, last.value, target) {
        return Status::OnTrack;
    }
    let span = target - from;
    // Progress made, as a share of the way from the start value to the target.
    let made = if span == 0.0 { 0.0 } else { (last.value - from) / span };
    let expected = if end <= start { 1.0 } else { ((last_day - start) as f64 / (end - start) as f64).clamp(0.0, 1.0) };
    if expected <= 0.0 {
        return if made >= 0.0 { Status::OnTrack } else { Status::AtRisk };
    }
    let ratio = made / expected;
    let past_deadline = last_day >= end;
    if ratio >= thresholds.at_risk && !past_deadline {
        Status::OnTrack
    } else if ratio >= thresholds.off_track {
        Status::AtRisk
    } else {
        Status::OffTrack
    }
}

/// The status of every KPI of the plan, in the plan's order.
pub fn statuses(plan: &Plan, today: &Date) -> Vec<(Id, Status)> {
    let start = plan.strategy.focus.start.as_ref();
    let thresholds = &plan.operative.thresholds;
    plan.strategy.kpis.iter().map(|k| (k.id.clone(), status(k, start, thresholds, today))).collect()
}

/// An objective is as well as its worst KPI; with no KPI or no data, there is no news.
pub fn roll_up(statuses: impl IntoIterator<Item = Status>) -> Status {
    statuses.into_iter().max().unwrap_or(Status::NoData)
}

/// How many KPIs have each status, in `Status::ALL` order.
pub fn counts(statuses: &[(Id, Status)]) -> [usize; 6] {
    Status::ALL.map(|s| statuses.iter().filter(|(_, x)| *x == s).count())
}

/// What the dashboard shows of one KPI: its status, the last value up to today and the
/// change since the one before, and its recent values beside the pace line's.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiLine {
    pub id: Id,
    pub name: String,
    pub unit: String,
    pub objective: Id,
    pub status: Status,
    /// The latest value up to today, with its date.
    pub last: Option<(Date, f64)>,
    /// The change since the value before it, and that value's date.
    pub change: Option<(f64, Date)>,
    /// Up to `recent` values up to today, oldest first: (day number, value, the pace
    /// line's value that day).
    pub recent: Vec<(i64, f64, Option<f64>)>,
    /// Values dated after today: shown, flagged, not counted.
    pub future: usize,
}

/// Every KPI's line for the dashboard, in the plan's order, worked out in one pass (the
/// values of each KPI are kept in order of their periods). Blank KPIs are left out.
pub fn kpi_lines(plan: &Plan, today: &Date, recent: usize) -> Vec<KpiLine> {
    let start = plan.strategy.focus.start.as_ref();
    let thresholds = &plan.operative.thresholds;
    plan.strategy
        .kpis
        .iter()
        .filter(|k| !k.is_blank())
        .map(|k| {
            let counted: Vec<&Actual> = {
                let mut v: Vec<&Actual> = k.actuals.iter().filter(|a| !in_future(a, today)).collect();
                // Files keep values in order; a repaired one may not be.
                if !v.windows(2).all(|w| w[0].period.0 <= w[1].period.0) {
                    v.sort_by(|a, b| a.period.0.cmp(&b.period.0));
                }
                v
            };
            let last = counted.last().map(|a| (a.period.clone(), a.value));
            let change = match counted.as_slice() {
                [.., before, last] => Some((last.value - before.value, before.period.clone())),
                _ => None,
            };
            let pace = pace_start(k, start);
            let recent = counted[counted.len().saturating_sub(recent)..]
                .iter()
                .filter_map(|a| {
                    let day = a.period.day_number()?;
                    Some((day, a.value, expected_from(k, pace, day)))
                })
                .collect();
            KpiLine {
                id: k.id.clone(),
                name: k.name.clone(),
                unit: k.unit.trim().to_owned(),
                objective: k.objective.clone(),
                status: status(k, start, thresholds, today),
                last,
                change,
                recent,
                future: k.actuals.len() - counted.len(),
            }
        })
        .collect()
}

/// Why a row of an imported CSV file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowError {
    Columns,
    UnknownKpi(String),
    BadDate(String),
    BadNumber(String),
    Duplicate(String),
}

/// A refused CSV import: the problems by line (1 = header). Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    Empty,
    Header,
    /// Longer than [`MAX_CSV_BYTES`]; refused before it is read.
    TooLarge { bytes: usize },
    Rows(Vec<(usize, RowError)>),
}

/// What an accepted import did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvImported {
    pub added: usize,
    pub replaced: usize,
}

const HEADER: [&str; 4] = ["kpi", "period", "value", "comment"];

/// The largest CSV file [`import_csv`] reads.
pub const MAX_CSV_BYTES: usize = 5 * 1024 * 1024;

/// Whether a text cell would be taken for a formula by a spreadsheet (OWASP: `=`, `+`,
/// `-`, `@`, tab, carriage return first), or is such a cell already neutralised by a
/// leading `'` (so that an own leading `'` survives the round trip).
fn needs_neutralising(field: &str) -> bool {
    match field.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => true,
        Some('\'') => needs_neutralising(&field[1..]),
        _ => false,
    }
}

/// A text cell for export: a leading `'` where a spreadsheet would see a formula.
fn neutralise(field: &str) -> String {
    if needs_neutralising(field) {
        format!("'{field}")
    } else {
        field.to_owned()
    }
}

/// The inverse of [`neutralise`], for a field as it stands in the file (not trimmed).
fn unneutralise(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if needs_neutralising(rest) => rest,
        _ => field,
    }
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// The actual values of some KPIs (all when `only` is `None`) as CSV:
/// `kpi,period,value,comment`, the KPI named by its name, values with a dot as decimal
/// separator. Text cells that a spreadsheet would run as a formula get a leading `'`,
/// which [`import_csv`] takes off.
pub fn to_csv(plan: &Plan, only: Option<&Id>) -> String {
    let mut out = String::from("kpi,period,value,comment\n");
    for k in plan.strategy.kpis.iter().filter(|k| only.is_none_or(|id| &k.id == id)) {
        let mut actuals: Vec<&Actual> = k.actuals.iter().collect();
        actuals.sort_by(|a, b| a.period.0.cmp(&b.period.0));
        for a in actuals {
            // Valid periods are never changed; a damaged one is not run either.
            out.push_str(&format!("{},{},{},{}\n", quote(&neutralise(&k.name)), quote(&neutralise(&a.period.0)), a.value, quote(&neutralise(&a.comment))));
        }
    }
    out
}

/// Splits `text` into records of fields separated by `sep` (RFC 4180): a field that
/// starts with `"` (after blanks) runs to the closing `"`, across `,` and line breaks,
/// `""` in it being one `"`. Each record comes with the line it starts on (1 = first);
/// blank lines are left out. Fields are not trimmed.
fn split_records(text: &str, sep: char) -> Vec<(usize, Vec<String>)> {
    let mut records = Vec::new();
    let mut fields = vec![String::new()];
    let mut line = 1;
    let mut start = 1;
    let mut blank = true;
    // Whether the current field was opened by a quote / is inside it now.
    let (mut was_quoted, mut quoted) = (false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let field = fields.last_mut().expect("a record has a field");
        if c == '\n' {
            line += 1;
        }
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '\n' => {
                let done = std::mem::replace(&mut fields, vec![String::new()]);
                if !blank {
                    records.push((start, done));
                }
                (start, blank, was_quoted) = (line, true, false);
                continue;
            }
            '"' if !was_quoted && field.trim().is_empty() => {
                field.clear();
                (was_quoted, quoted) = (true, true);
            }
            c if c == sep => {
                fields.push(String::new());
                was_quoted = false;
            }
            c => field.push(c),
        }
        blank &= c.is_whitespace();
    }
    if !blank {
        records.push((start, fields));
    }
    records
}

/// Reads actual values from CSV (`kpi,period,value`, and `comment` if the file has that
/// column; `;` or tab also separate) into the
/// plan's KPIs, which are named by id or by name (`only` takes every row for one KPI).
/// Values are read by `number`, so `1.234,5` and `1,234.5` work where unambiguous. Either
/// every row is good and all are applied, or nothing changes and every bad row is named.
pub fn import_csv(plan: &mut Plan, text: &str, only: Option<&Id>, number: impl Fn(&str) -> Option<f64>) -> Result<CsvImported, CsvError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().find(|l| !l.trim().is_empty()).ok_or(CsvError::Empty)?;
    let sep = [';', '\t', ','].into_iter().find(|c| header.contains(*c)).ok_or(CsvError::Header)?;
    let mut records = split_records(text, sep).into_iter();
    let (_, header) = records.next().ok_or(CsvError::Empty)?;
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let col = |name: &str| names.iter().position(|h| h == name);
    let (Some(ck), Some(cp), Some(cv)) = (col(HEADER[0]), col(HEADER[1]), col(HEADER[2])) else {
        return Err(CsvError::Header);
    };
    // Without the column, comments already in the plan stay as they are.
    let cc = col(HEADER[3]);
    let kpis = &plan.strategy.kpis;
    let mut errors = Vec::new();
    let mut rows: Vec<(usize, Date, f64, Option<String>)> = Vec::new();
    let mut seen: HashSet<(usize, Date)> = HashSet::new();
    for (line_no, fields) in records {
        let (Some(raw_kpi), Some(period), Some(value)) = (fields.get(ck), fields.get(cp), fields.get(cv)) else {
            errors.push((line_no, RowError::Columns));
            continue;
        };
        let (kpi, period, value) = (raw_kpi.trim(), period.trim(), value.trim());
        let found = match only {
            Some(id) => kpis.iter().position(|k| &k.id == id),
            None => {
                // The name exactly as exported first: `\tx` and ` x` are different KPIs.
                let name = unneutralise(raw_kpi);
                kpis.iter()
                    .position(|k| k.id.as_str() == kpi)
                    .or_else(|| kpis.iter().position(|k| k.name == name))
                    .or_else(|| kpis.iter().position(|k| k.name.trim().eq_ignore_ascii_case(name.trim())))
            }
        };
        let Some(index) = found else {
            errors.push((line_no, RowError::UnknownKpi(kpi.to_owned())));
            continue;
        };
        let date = Date::text(period);
        if !date.is_valid() {
            errors.push((line_no, RowError::BadDate(period.to_owned())));
            continue;
        }
        let Some(v) = number(value).filter(|v| v.is_finite() && v.abs() < super::validate::MAX_MAGNITUDE) else {
            errors.push((line_no, RowError::BadNumber(value.to_owned())));
            continue;
        };
        if !seen.insert((index, date.clone())) {
            errors.push((line_no, RowError::Duplicate(period.to_owned())));
            continue;
        }
        let comment = cc.map(|c| fields.get(c).map(|x| unneutralise(x.trim()).to_owned()).unwrap_or_default());
        rows.push((index, date, v, comment));
    }
    if !errors.is_empty() {
        return Err(CsvError::Rows(errors));
    }
    // Where each KPI's values already stand (the first, should a period be there twice).
    let mut existing: HashMap<(usize, Date), usize> = HashMap::new();
    for (index, k) in kpis.iter().enumerate() {
        for (at, a) in k.actuals.iter().enumerate() {
            existing.entry((index, a.period.clone())).or_insert(at);
        }
    }
    let mut done = CsvImported { added: 0, replaced: 0 };
    for (index, period, value, comment) in rows {
        let actuals = &mut plan.strategy.kpis[index].actuals;
        let key = (index, period);
        match existing.get(&key).copied() {
            Some(at) => {
                actuals[at].value = value;
                if let Some(c) = comment {
                    actuals[at].comment = c;
                }
                done.replaced += 1;
            }
            None => {
                actuals.push(Actual { period: key.1, value, comment: comment.unwrap_or_default() });
                done.added += 1;
            }
        }
    }
    for k in &mut plan.strategy.kpis {
        k.actuals.sort_by(|a, b| a.period.0.cmp(&b.period.0));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::text(s)
    }

    fn kpi(direction: Direction, baseline: Option<f64>, target: f64, actuals: &[(&str, f64)]) -> Kpi {
        Kpi {
            id: Id::from("k"),
            name: "Orders".into(),
            direction,
            baseline,
            target: Some(target),
            deadline: Some(d("2026-12-31")),
            frequency: Frequency::Monthly,
            actuals: actuals.iter().map(|(p, v)| Actual { period: d(p), value: *v, ..Default::default() }).collect(),
            ..Default::default()
        }
    }

    const START: &str = "2026-01-01";

    fn st(k: &Kpi, today: &str) -> Status {
        status(k, Some(&d(START)), &Thresholds::default(), &d(today))
    }

    #[test]
    fn no_values_no_data() {
        assert_eq!(st(&kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[]), "2026-06-01"), Status::NoData);
    }

    #[test]
    fn values_without_a_target_say_so() {
        let mut no_target = kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-06-30", 50.0)]);
        no_target.target = None;
        assert_eq!(st(&no_target, "2026-07-01"), Status::NoTarget, "values, but nothing to judge them by");
        assert_eq!(st(&no_target, "2027-07-01"), Status::NoTarget, "old values without a target: the target is the news");
        no_target.actuals.clear();
        assert_eq!(st(&no_target, "2026-07-01"), Status::NoData, "neither values nor target");
        let mut no_deadline = kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-06-30", 50.0)]);
        no_deadline.deadline = None;
        assert_eq!(st(&no_deadline, "2026-07-01"), Status::NoTarget, "no deadline, no pace");
        // It ranks between no data and any judged status, and has its own sign and place.
        assert_eq!(roll_up([Status::NoData, Status::NoTarget]), Status::NoTarget);
        assert_eq!(roll_up([Status::NoTarget, Status::OnTrack]), Status::OnTrack);
        let indexes: std::collections::BTreeSet<usize> = Status::ALL.iter().map(|s| s.index()).collect();
        assert_eq!(indexes.len(), Status::ALL.len());
        assert_eq!(Status::NoTarget.sign(), "○");
    }

    #[test]
    fn values_dated_after_today_are_not_counted() {
        // On track with the July value; a value dated next month is not in yet.
        let k = kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-07-02", 50.0), ("2026-08-31", 5.0)]);
        assert_eq!(st(&k, "2026-07-10"), Status::OnTrack);
        assert_eq!(latest_as_of(&k, &d("2026-07-10")).map(|a| a.value), Some(50.0));
        assert!(in_future(&k.actuals[1], &d("2026-07-10")));
        assert!(!in_future(&k.actuals[1], &d("2026-08-31")), "a value of today counts");
        assert_eq!(st(&k, "2026-09-01"), Status::OffTrack, "once the day has come, it counts");
        // Only future values: no data today.
        assert_eq!(st(&kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-08-31", 5.0)]), "2026-07-10"), Status::NoData);
    }

    #[test]
    fn dashboard_lines_have_last_value_change_and_recent_values() {
        let mut p = Plan::default();
        p.strategy.focus.start = Some(d(START));
        let values: Vec<(String, f64)> = (1..=14).map(|m| (Date::new(2026, 1, 1).add_days(30 * m).unwrap().0.to_string(), m as f64 * 5.0)).collect();
        let refs: Vec<(&str, f64)> = values.iter().map(|(p, v)| (p.as_str(), *v)).collect();
        p.strategy.kpis.push(kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &refs));
        p.strategy.kpis.push(Kpi { id: Id::from("blank"), ..Default::default() });
        let today = d("2026-10-01");
        let lines = kpi_lines(&p, &today, 6);
        assert_eq!(lines.len(), 1, "blank KPIs are left out");
        let l = &lines[0];
        // Nine values up to 2026-09-28; five after today.
        assert_eq!(l.last, Some((d("2026-09-28"), 45.0)));
        assert_eq!(l.change, Some((5.0, d("2026-08-29"))));
        assert_eq!(l.future, 5);
        assert_eq!(l.recent.len(), 6);
        assert_eq!(l.recent.last().map(|r| r.1), Some(45.0));
        assert!(l.recent.iter().all(|r| r.2.is_some()), "the pace line's value beside each");
        assert_eq!(l.status, st(&p.strategy.kpis[0], "2026-10-01"));
    }

    #[test]
    fn status_follows_the_pace() {
        // Mid-year the line expects about 50.
        let at = |v| st(&kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-07-02", v)]), "2026-07-10");
        assert_eq!(at(50.0), Status::OnTrack);
        assert_eq!(at(46.0), Status::OnTrack, "within 90 % of the expected progress");
        assert_eq!(at(40.0), Status::AtRisk);
        assert_eq!(at(30.0), Status::OffTrack);
        let mut plan = Plan::default();
        plan.strategy.focus.start = Some(d(START));
        plan.strategy.kpis.push(kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-07-02", 40.0)]));
        plan.operative.thresholds = Thresholds { at_risk: 0.7, off_track: 0.5 };
        assert_eq!(statuses(&plan, &d("2026-07-10"))[0].1, Status::OnTrack, "the plan's own thresholds");
    }

    #[test]
    fn lower_is_better() {
        // Response time from 20 hours down to 2.
        let at = |v| st(&kpi(Direction::LowerIsBetter, Some(20.0), 2.0, &[("2026-07-02", v)]), "2026-07-10");
        assert_eq!(at(11.0), Status::OnTrack);
        assert_eq!(at(13.0), Status::AtRisk);
        assert_eq!(at(18.0), Status::OffTrack);
        assert_eq!(at(25.0), Status::OffTrack, "the wrong way");
        assert_eq!(at(1.5), Status::OnTrack, "target reached early");
    }

    #[test]
    fn missing_baseline_starts_at_the_first_value() {
        let k = kpi(Direction::HigherIsBetter, None, 100.0, &[("2026-01-31", 20.0), ("2026-07-02", 60.0)]);
        assert_eq!(pace_start(&k, Some(&d(START))).map(|x| x.1), Some(20.0));
        assert_eq!(st(&k, "2026-07-10"), Status::OnTrack);
        let e = expected_value(&k, Some(&d(START)), d("2026-12-31").day_number().unwrap());
        assert_eq!(e, Some(100.0));
    }

    #[test]
    fn target_reached_early_and_deadline_passed() {
        assert_eq!(st(&kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-03-01", 120.0)]), "2026-03-10"), Status::OnTrack);
        // At the deadline, 92 % of the way is not on track any more.
        assert_eq!(st(&kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-12-31", 92.0)]), "2027-01-05"), Status::AtRisk);
        assert_eq!(st(&kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-12-31", 50.0)]), "2027-01-05"), Status::OffTrack);
        assert_eq!(st(&kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-12-31", 100.0)]), "2027-01-05"), Status::OnTrack);
    }

    #[test]
    fn stale_after_more_than_one_period_past_due() {
        let k = kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-03-01", 20.0)]);
        assert_eq!(st(&k, "2026-04-20"), Status::OnTrack);
        assert_eq!(st(&k, "2026-05-15"), Status::Stale);
    }

    #[test]
    fn roll_up_takes_the_worst() {
        assert_eq!(roll_up([]), Status::NoData);
        assert_eq!(roll_up([Status::OnTrack, Status::NoData]), Status::OnTrack);
        assert_eq!(roll_up([Status::OnTrack, Status::AtRisk, Status::Stale]), Status::AtRisk);
        assert_eq!(roll_up([Status::OffTrack, Status::AtRisk]), Status::OffTrack);
        let s = vec![(Id::from("a"), Status::OnTrack), (Id::from("b"), Status::OnTrack), (Id::from("c"), Status::Stale)];
        assert_eq!(counts(&s), [2, 0, 0, 1, 0, 0]);
    }

    fn plan_with_kpis() -> Plan {
        let mut p = Plan::default();
        let mut a = kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-01-31", 10.0)]);
        a.id = Id::from("ka");
        a.name = "Orders, webshop".into();
        let mut b = kpi(Direction::LowerIsBetter, Some(20.0), 2.0, &[]);
        b.id = Id::from("kb");
        b.name = "Response time".into();
        *p.strategy.kpis = vec![a, b];
        p
    }

    fn num(s: &str) -> Option<f64> {
        crate::i18n::parse_number(crate::i18n::Lang::En, s).ok().flatten()
    }

    #[test]
    fn csv_round_trip() {
        let p = plan_with_kpis();
        let csv = to_csv(&p, None);
        assert_eq!(csv, "kpi,period,value,comment\n\"Orders, webshop\",2026-01-31,10,\n");
        let mut q = plan_with_kpis();
        q.strategy.kpis[0].actuals.clear();
        assert_eq!(import_csv(&mut q, &csv, None, num), Ok(CsvImported { added: 1, replaced: 0 }));
        assert_eq!(q, p);
    }

    #[test]
    fn csv_comments_round_trip_and_stay_without_the_column() {
        let mut p = plan_with_kpis();
        p.strategy.kpis[0].actuals[0].comment = "=Christmas, \"early\"\nsecond line".into();
        let csv = to_csv(&p, None);
        let mut q = plan_with_kpis();
        q.strategy.kpis[0].actuals.clear();
        assert_eq!(import_csv(&mut q, &csv, None, num), Ok(CsvImported { added: 1, replaced: 0 }));
        assert_eq!(q, p, "{csv}");
        // A file without the comment column changes values and keeps comments.
        assert_eq!(import_csv(&mut q, "kpi,period,value\nka,2026-01-31,11\n", None, num), Ok(CsvImported { added: 0, replaced: 1 }));
        assert_eq!((q.strategy.kpis[0].actuals[0].value, q.strategy.kpis[0].actuals[0].comment.as_str()), (11.0, "=Christmas, \"early\"\nsecond line"));
    }

    #[test]
    fn csv_import_adds_replaces_and_reads_separators() {
        let mut p = plan_with_kpis();
        let text = "\u{feff}KPI;Period;Value\nka;2026-01-31;12,5\nResponse time;2026-02-28;\"1.234,5\"\n";
        let de = |s: &str| crate::i18n::parse_number(crate::i18n::Lang::De, s).ok().flatten();
        assert_eq!(import_csv(&mut p, text, None, de), Ok(CsvImported { added: 1, replaced: 1 }));
        assert_eq!(p.strategy.kpis[0].actuals[0].value, 12.5);
        assert_eq!(p.strategy.kpis[1].actuals[0].value, 1234.5);
        // One KPI's file: the kpi column is not looked at.
        let mut q = plan_with_kpis();
        let only = Id::from("kb");
        assert_eq!(import_csv(&mut q, "kpi,period,value\nx,2026-03-31,9\n", Some(&only), num), Ok(CsvImported { added: 1, replaced: 0 }));
    }

    #[test]
    fn csv_import_refuses_bad_files_whole() {
        let mut p = plan_with_kpis();
        let before = p.clone();
        let text = "kpi,period,value\nka,2026-02-28,5\nnobody,2026-02-28,1\nka,2026-02-30,1\nka,2026-03-31,lots\nka,2026-02-28,6\nka\n";
        let Err(CsvError::Rows(rows)) = import_csv(&mut p, text, None, num) else { panic!("must be refused") };
        assert_eq!(rows, vec![
            (3, RowError::UnknownKpi("nobody".into())),
            (4, RowError::BadDate("2026-02-30".into())),
            (5, RowError::BadNumber("lots".into())),
            (6, RowError::Duplicate("2026-02-28".into())),
            (7, RowError::Columns),
        ]);
        assert_eq!(p, before, "nothing changed");
        assert_eq!(import_csv(&mut p, "", None, num), Err(CsvError::Empty));
        assert_eq!(import_csv(&mut p, "name,date\nx,y\n", None, num), Err(CsvError::Header));
        assert_eq!(import_csv(&mut p, "kpi,period,value\nka,2026-01-31,1e300\n", None, num).is_err(), true);
    }

    /// A plan with one KPI per name (ids `id-0`, `id-1`, …), each with the given values.
    fn plan_named(kpis: &[(String, Vec<(Date, f64)>)]) -> Plan {
        let mut p = Plan::default();
        p.strategy.kpis = kpis
            .iter()
            .enumerate()
            .map(|(i, (name, values))| Kpi {
                id: Id::from(format!("id-{i}").as_str()),
                name: name.clone(),
                actuals: values.iter().map(|(period, value)| Actual { period: period.clone(), value: *value, ..Default::default() }).collect(),
                ..Default::default()
            })
            .collect();
        p
    }

    /// Exports, imports into a copy without values, and checks the values came back.
    fn assert_round_trip(p: &Plan) -> String {
        let csv = to_csv(p, None);
        let mut q = p.clone();
        q.strategy.kpis.iter_mut().for_each(|k| k.actuals.clear());
        let count = p.strategy.kpis.iter().map(|k| k.actuals.len()).sum();
        assert_eq!(import_csv(&mut q, &csv, None, num), Ok(CsvImported { added: count, replaced: 0 }), "{csv:?}");
        assert_eq!(&q, p, "{csv:?}");
        csv
    }

    #[test]
    fn csv_export_neutralises_formulas_and_reads_them_back() {
        let names = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=own apostrophe", "'plain", "a=b"];
        let kpis: Vec<(String, Vec<(Date, f64)>)> = names.iter().enumerate().map(|(i, n)| (n.to_string(), vec![(d("2026-01-31"), i as f64 - 3.5)])).collect();
        let csv = assert_round_trip(&plan_named(&kpis));
        assert_eq!(
            csv.lines().collect::<Vec<_>>(),
            vec![
                "kpi,period,value,comment",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2026-01-31,-3.5,",
                "'+1,2026-01-31,-2.5,",
                "'-2,2026-01-31,-1.5,",
                "'@SUM(A1),2026-01-31,-0.5,",
                "'\tx,2026-01-31,0.5,",
                "\"'\rx\",2026-01-31,1.5,",
                "''=own apostrophe,2026-01-31,2.5,",
                "'plain,2026-01-31,3.5,",
                "a=b,2026-01-31,4.5,",
            ],
            "names neutralised, the numbers not"
        );
        // A name written by hand with the neutralising apostrophe is found as well.
        let mut p = plan_named(&kpis);
        assert_eq!(import_csv(&mut p, "kpi;period;value\n'@SUM(A1);2026-02-28;7\n", None, num), Ok(CsvImported { added: 1, replaced: 0 }));
        assert_eq!(p.strategy.kpis[3].actuals[1].value, 7.0);
    }

    #[test]
    fn csv_fields_with_line_breaks_and_quotes_round_trip() {
        let name = "Orders \"web\",\nshop\r\nsecond line; \"\"".to_owned();
        let csv = assert_round_trip(&plan_named(&[(name, vec![(d("2026-01-31"), 1.0), (d("2026-02-28"), 2.0)])]));
        assert!(csv.contains("\"Orders \"\"web\"\",\nshop\r\nsecond line; \"\"\"\"\""), "{csv:?}");
        // Errors name the line a record starts on, counting the breaks inside quotes.
        let mut p = plan_with_kpis();
        let text = "kpi,period,value\n\n\"a\nb\",2026-01-31,1\n  \"Response time\" ,2026-01-31,\"2\"\r\nnobody,2026-01-31,1\r\n\"open\n";
        let Err(CsvError::Rows(rows)) = import_csv(&mut p, text, None, num) else { panic!("must be refused") };
        assert_eq!(rows, vec![(3, RowError::UnknownKpi("a\nb".into())), (6, RowError::UnknownKpi("nobody".into())), (7, RowError::Columns)]);
        // A quote inside a field that does not start with one is a plain character.
        assert_eq!(split_records("a\"b,\"c\"\"d\"\n\n", ','), vec![(1, vec!["a\"b".to_owned(), "c\"d".to_owned()])]);
    }

    #[test]
    fn csv_import_refuses_too_large_files() {
        let mut p = plan_with_kpis();
        let before = p.clone();
        let mut text = String::from("kpi,period,value\n");
        while text.len() <= MAX_CSV_BYTES {
            text.push_str("ka,2026-01-31,1\n");
        }
        assert_eq!(import_csv(&mut p, &text, None, num), Err(CsvError::TooLarge { bytes: text.len() }));
        assert_eq!(p, before);
        text.truncate(MAX_CSV_BYTES);
        assert!(matches!(import_csv(&mut p, &text, None, num), Err(CsvError::Rows(_))), "at the limit it is read (and has duplicates)");
    }

    #[test]
    fn csv_import_of_many_rows() {
        let start = d("2000-01-01").day_number().unwrap();
        let mut p = plan_with_kpis();
        // KPI ka has values on every fourth day and on the 1,000 days before.
        let days = (0..5_000).map(|i| start + 4 * i).chain((1..=1_000).map(|i| start - i));
        p.strategy.kpis[0].actuals = days.map(|day| Actual { period: Date::from_day_number(day), value: -1.0, ..Default::default() }).collect();
        let mut text = String::from("kpi,period,value\n");
        for i in 0..20_000 {
            text.push_str(&format!("{},{},{i}\n", ["ka", "Response time"][i as usize % 2], Date::from_day_number(start + i).0));
        }
        let mut q = p.clone();
        assert_eq!(import_csv(&mut q, &text, None, num), Ok(CsvImported { added: 15_000, replaced: 5_000 }));
        let a = &q.strategy.kpis[0].actuals;
        assert_eq!(a.len(), 11_000);
        assert!(a.windows(2).all(|w| w[0].period < w[1].period), "sorted by period");
        assert_eq!([a[0].value, a[999].value, a[1_000].value, a[1_001].value, a[1_002].value, a[10_999].value], [-1.0, -1.0, 0.0, 2.0, 4.0, 19_998.0]);
        assert_eq!(q.strategy.kpis[1].actuals.len(), 10_000);
        // One duplicate at the end is found and nothing is changed.
        text.push_str(&format!("ka,{},5\n", Date::from_day_number(start + 19_998).0.to_string()));
        let mut r = p.clone();
        assert_eq!(import_csv(&mut r, &text, None, num), Err(CsvError::Rows(vec![(20_002, RowError::Duplicate(Date::from_day_number(start + 19_998).0.to_string()))])));
        assert_eq!(r, p);
    }

    mod round_trip {
        use super::*;
        use proptest::prelude::*;
        use proptest::strategy::Strategy as Gen;

        fn name() -> impl Gen<Value = String> {
            let edge = "[=+\\-@'\"\t\r\n,; ]{0,3}";
            prop_oneof![any::<String>(), (edge, "\\PC{0,12}", edge, any::<String>()).prop_map(|(a, b, c, d)| format!("{a}{b}{c}{d}"))]
        }

        fn value() -> impl Gen<Value = f64> {
            prop_oneof![-1e15 + 1.0..1e15 - 1.0f64, -1000.0..1000.0f64, -1e-6..1e-6f64, (-1000i32..1000).prop_map(f64::from)]
        }

        proptest! {
            #[test]
            fn any_names_and_values_round_trip(
                kpis in prop::collection::vec((name(), prop::collection::btree_map(0i64..800, value(), 0..4)), 1..6)
            ) {
                let base = d("2025-06-01").day_number().unwrap();
                let mut kept: Vec<(String, Vec<(Date, f64)>)> = Vec::new();
                for (name, values) in kpis {
                    // Two KPIs of one name cannot be told apart, nor a name from another KPI's id.
                    if kept.iter().any(|(n, _)| *n == name) || neutralise(&name).trim().starts_with("id-") {
                        continue;
                    }
                    kept.push((name, values.into_iter().map(|(day, v)| (Date::from_day_number(base + day), v)).collect()));
                }
                assert_round_trip(&plan_named(&kept));
            }
        }
    }
}
