//! KPI tracking: the status of a KPI by its pace, the roll-up per objective, and the
//! actual values as CSV. Pure: the screens, the dashboard and the tests share these rules.
//!
//! The pace is the straight line from the baseline at the plan's start to the target at
//! the KPI's deadline. The latest value is compared with where that line stands on its
//! date: progress made over progress expected, against the plan's thresholds.

use super::{Actual, Date, Direction, Frequency, Id, Kpi, Plan, Thresholds};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    NoData,
    OnTrack,
    Stale,
    AtRisk,
    OffTrack,
}

impl Status {
    /// From best to worst news, the order of the dashboard.
    pub const ALL: [Status; 5] = [Status::OnTrack, Status::AtRisk, Status::OffTrack, Status::Stale, Status::NoData];
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
    let (start, from) = pace_start(kpi, plan_start)?;
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

fn reached(kpi: &Kpi, value: f64, target: f64) -> bool {
    match kpi.direction {
        Direction::HigherIsBetter => value >= target,
        Direction::LowerIsBetter => value <= target,
    }
}

/// The status of a KPI on `today`.
pub fn status(kpi: &Kpi, plan_start: Option<&Date>, thresholds: &Thresholds, today: &Date) -> Status {
    let Some(last) = latest(kpi) else { return Status::NoData };
    let (Some(last_day), Some(today_n)) = (last.period.day_number(), today.day_number()) else { return Status::NoData };
    // A value was due one period after the last; more than a period past that, it is stale.
    if today_n > last_day + 2 * kpi.frequency.days() {
        return Status::Stale;
    }
    let (Some(target), Some((start, from)), Some(end)) = (kpi.target, pace_start(kpi, plan_start), kpi.deadline.as_ref().and_then(Date::day_number)) else {
        return Status::NoData;
    };
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
pub fn counts(statuses: &[(Id, Status)]) -> [usize; 5] {
    Status::ALL.map(|s| statuses.iter().filter(|(_, x)| *x == s).count())
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
    Rows(Vec<(usize, RowError)>),
}

/// What an accepted import did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvImported {
    pub added: usize,
    pub replaced: usize,
}

const HEADER: [&str; 3] = ["kpi", "period", "value"];

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// The actual values of some KPIs (all when `only` is `None`) as CSV: `kpi,period,value`,
/// the KPI named by its name, values with a dot as decimal separator.
pub fn to_csv(plan: &Plan, only: Option<&Id>) -> String {
    let mut out = String::from("kpi,period,value\n");
    for k in plan.strategy.kpis.iter().filter(|k| only.is_none_or(|id| &k.id == id)) {
        let mut actuals: Vec<&Actual> = k.actuals.iter().collect();
        actuals.sort_by(|a, b| a.period.0.cmp(&b.period.0));
        for a in actuals {
            out.push_str(&format!("{},{},{}\n", quote(&k.name), a.period.0, a.value));
        }
    }
    out
}

/// Splits one line by `sep`, with double quotes around fields that contain it.
fn split_line(line: &str, sep: char) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().map(|f| f.push('"'));
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c)
                }
            }
        }
    }
    fields.into_iter().map(|f| f.trim().to_owned()).collect()
}

/// Reads actual values from CSV (`kpi,period,value`; `;` or tab also separate) into the
/// plan's KPIs, which are named by id or by name (`only` takes every row for one KPI).
/// Values are read by `number`, so `1.234,5` and `1,234.5` work where unambiguous. Either
/// every row is good and all are applied, or nothing changes and every bad row is named.
pub fn import_csv(plan: &mut Plan, text: &str, only: Option<&Id>, number: impl Fn(&str) -> Option<f64>) -> Result<CsvImported, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or(CsvError::Empty)?;
    let sep = [';', '\t', ','].into_iter().find(|c| header.contains(*c)).ok_or(CsvError::Header)?;
    let names: Vec<String> = split_line(header, sep).iter().map(|h| h.to_lowercase()).collect();
    let col = |name: &str| names.iter().position(|h| h == name);
    let (Some(ck), Some(cp), Some(cv)) = (col(HEADER[0]), col(HEADER[1]), col(HEADER[2])) else {
        return Err(CsvError::Header);
    };
    let mut errors = Vec::new();
    let mut rows: Vec<(usize, Date, f64)> = Vec::new();
    for (n, line) in lines {
        let line_no = n + 1;
        let fields = split_line(line, sep);
        let (Some(kpi), Some(period), Some(value)) = (fields.get(ck), fields.get(cp), fields.get(cv)) else {
            errors.push((line_no, RowError::Columns));
            continue;
        };
        let found = match only {
            Some(id) => plan.strategy.kpis.iter().position(|k| &k.id == id),
            None => plan.strategy.kpis.iter().position(|k| k.id.as_str() == kpi).or_else(|| plan.strategy.kpis.iter().position(|k| k.name.trim().eq_ignore_ascii_case(kpi))),
        };
        let Some(index) = found else {
            errors.push((line_no, RowError::UnknownKpi(kpi.clone())));
            continue;
        };
        let date = Date(period.clone());
        if !date.is_valid() {
            errors.push((line_no, RowError::BadDate(period.clone())));
            continue;
        }
        let Some(v) = number(value).filter(|v| v.is_finite() && v.abs() < super::validate::MAX_MAGNITUDE) else {
            errors.push((line_no, RowError::BadNumber(value.clone())));
            continue;
        };
        if rows.iter().any(|(i, d, _)| *i == index && *d == date) {
            errors.push((line_no, RowError::Duplicate(period.clone())));
            continue;
        }
        rows.push((index, date, v));
    }
    if !errors.is_empty() {
        return Err(CsvError::Rows(errors));
    }
    let mut done = CsvImported { added: 0, replaced: 0 };
    for (index, period, value) in rows {
        let actuals = &mut plan.strategy.kpis[index].actuals;
        match actuals.iter_mut().find(|a| a.period == period) {
            Some(a) => {
                a.value = value;
                done.replaced += 1;
            }
            None => {
                actuals.push(Actual { period, value });
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
        Date(s.to_owned())
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
            actuals: actuals.iter().map(|(p, v)| Actual { period: d(p), value: *v }).collect(),
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
        let mut no_target = kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-06-30", 50.0)]);
        no_target.target = None;
        assert_eq!(st(&no_target, "2026-07-01"), Status::NoData);
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
        assert_eq!(counts(&s), [2, 0, 0, 1, 0]);
    }

    fn plan_with_kpis() -> Plan {
        let mut p = Plan::default();
        let mut a = kpi(Direction::HigherIsBetter, Some(0.0), 100.0, &[("2026-01-31", 10.0)]);
        a.id = Id::from("ka");
        a.name = "Orders, webshop".into();
        let mut b = kpi(Direction::LowerIsBetter, Some(20.0), 2.0, &[]);
        b.id = Id::from("kb");
        b.name = "Response time".into();
        p.strategy.kpis = vec![a, b];
        p
    }

    fn num(s: &str) -> Option<f64> {
        crate::i18n::parse_number(crate::i18n::Lang::En, s).ok().flatten()
    }

    #[test]
    fn csv_round_trip() {
        let p = plan_with_kpis();
        let csv = to_csv(&p, None);
        assert_eq!(csv, "kpi,period,value\n\"Orders, webshop\",2026-01-31,10\n");
        let mut q = plan_with_kpis();
        q.strategy.kpis[0].actuals.clear();
        assert_eq!(import_csv(&mut q, &csv, None, num), Ok(CsvImported { added: 1, replaced: 0 }));
        assert_eq!(q, p);
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
}
