//! The translation layer: every text the app shows, in English, German and Bulgarian,
//! and number and date formatting for each language.
//!
//! Each language is one `Texts` value; a text missing in one language is a compile error.

mod bg;
mod de;
mod en;
mod messages;

pub use messages::{import_error, problem};

use crate::model::{Date, Phase, Block, Step};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    De,
    Bg,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Bg];

    /// The BCP 47 code, as `<html lang>` wants it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Bg => "bg",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the browser's preferred languages that the app speaks, else English.
    pub fn from_preferences<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred.into_iter().find_map(Lang::from_code).unwrap_or_default()
    }

    /// The language's name in itself, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Bg => "Български",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &en::TEXTS,
            Lang::De => &de::TEXTS,
            Lang::Bg => &bg::TEXTS,
        }
    }

    fn separators(self) -> (&'static str, char) {
        match self {
            Lang::En => (",", '.'),
            Lang::De => (".", ','),
            // Bulgarian groups thousands with a (narrow no-break) space.
            Lang::Bg => ("\u{202f}", ','),
        }
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// `value` with `decimals` digits after the separator, grouped by thousands.
/// Rounds with integer arithmetic: exact for the magnitudes a plan holds (|value| < 10¹⁵).
pub fn format_number(lang: Lang, value: f64, decimals: usize) -> String {
    let (group, decimal) = lang.separators();
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64).round();
    let scaled = if scaled.is_finite() && scaled < 9.0e18 { scaled as u64 } else { 0 };
    let (int, frac) = (scaled / scale, scaled % scale);
    let digits = int.to_string();
    let mut out = String::new();
    if value < 0.0 && scaled != 0 {
        out.push('−');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(ch);
    }
    if decimals > 0 {
        out.push(decimal);
        let frac = frac.to_string();
        out.extend(std::iter::repeat_n('0', decimals - frac.len()));
        out.push_str(&frac);
    }
    out
}

/// A date the way people of the language write it.
pub fn format_date(lang: Lang, date: &Date) -> String {
    let Some((y, m, d)) = date.parts() else {
        return date.0.clone();
    };
    match lang {
        Lang::En => format!("{d} {} {y}", lang.texts().months_short[m as usize - 1]),
        Lang::De => format!("{d:02}.{m:02}.{y}"),
        Lang::Bg => format!("{d:02}.{m:02}.{y} г."),
    }
}

/// The date part of an RFC 3339 timestamp, formatted.
pub fn format_timestamp(lang: Lang, timestamp: &str) -> String {
    let day = Date(timestamp.get(..10).unwrap_or(timestamp).to_owned());
    format_date(lang, &day)
}

/// All texts of one language.
pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav: &'static str,
    pub nav_plans: &'static str,
    pub language: &'static str,
    pub privacy_note: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub not_saved: &'static str,
    pub months_short: [&'static str; 12],

    // The plan list.
    pub plans_title: &'static str,
    pub plans_intro: &'static str,
    pub no_plans: &'static str,
    pub new_plan: &'static str,
    pub new_plan_default_name: &'static str,
    pub plan_name: &'static str,
    pub business_function: &'static str,
    pub create_plan: &'static str,
    pub one_plan_per_function: &'static str,
    pub sample_title: &'static str,
    pub sample_text: &'static str,
    pub open_sample: &'static str,
    pub sample_failed: &'static str,
    pub open: &'static str,
    pub rename: &'static str,
    pub save_name: &'static str,
    pub duplicate: &'static str,
    pub delete: &'static str,
    pub cancel: &'static str,
    pub confirm_delete: &'static str,
    pub deleted_notice: &'static str,
    pub undo: &'static str,
    pub copy_of: &'static str,
    pub last_changed: &'static str,
    pub your_plans: &'static str,
    pub plan_actions: &'static str,

    // Files.
    pub export: &'static str,
    pub import_plan: &'static str,
    pub import_hint: &'static str,
    pub drop_here: &'static str,
    pub imported: &'static str,
    pub imported_migrated: &'static str,
    pub import_same_id: &'static str,
    pub replace: &'static str,
    pub keep_both: &'static str,
    pub import_failed: &'static str,
    pub err_too_large: &'static str,
    pub err_empty: &'static str,
    pub err_not_utf8: &'static str,
    pub err_too_deep: &'static str,
    pub err_not_json: &'static str,
    pub err_not_ours: &'static str,
    pub err_missing_version: &'static str,
    pub err_newer_version: &'static str,
    pub err_migration_missing: &'static str,
    pub err_migration_failed: &'static str,
    pub err_wrong_type: &'static str,
    pub err_invalid: &'static str,
    pub err_more_problems: &'static str,
    pub problem_missing_id: &'static str,
    pub problem_duplicate_id: &'static str,
    pub problem_dangling: &'static str,
    pub problem_out_of_range: &'static str,
    pub problem_bad_date: &'static str,
    pub problem_duplicate_period: &'static str,
    pub problem_threshold_order: &'static str,
    pub err_read_file: &'static str,

    // Storage.
    pub storage_full: &'static str,
    pub storage_unavailable: &'static str,
    pub export_now: &'static str,
    pub corrupt_plan: &'static str,
    pub download_raw: &'static str,
    pub dismiss: &'static str,
    pub other_tab_updated: &'static str,
    pub other_tab_conflict: &'static str,
    pub other_tab_deleted: &'static str,
    pub keep_mine: &'static str,
    pub load_theirs: &'static str,
    pub notices: &'static str,
    pub update_ready: &'static str,
    pub update_now: &'static str,

    // The overview.
    pub overview_intro: &'static str,
    pub model_title: &'static str,
    pub model_note: &'static str,
    pub phase_names: [&'static str; 3],
    pub phase_purposes: [&'static str; 3],
    pub phase_label: &'static str,
    pub complete_percent: &'static str,
    pub unstable_below: &'static str,
    pub block_names: [&'static str; 18],
    pub block_purposes: [&'static str; 18],
    pub status_empty: &'static str,
    pub status_partial: &'static str,
    pub status_complete: &'static str,
    pub parts_filled: &'static str,
    pub strategy_incomplete: &'static str,
    pub foundation_complete: &'static str,

    // Block and step screens.
    pub back_to_overview: &'static str,
    pub breadcrumb: &'static str,
    pub part_of_phase: &'static str,
    pub steps_title: &'static str,
    pub step_names: [&'static str; 7],
    pub step_purposes: [&'static str; 7],
    pub step_of: &'static str,
    pub previous_step: &'static str,
    pub next_step: &'static str,
    pub step_done: &'static str,
    pub step_open: &'static str,
    pub order_hint: &'static str,

    // Not found.
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub plan_not_found: &'static str,
    pub go_to_plans: &'static str,

    // Labels of the model's enumerations, in declaration order.
    pub functions: [&'static str; 7],
}

impl Texts {
    pub fn phase(&self, phase: Phase) -> &'static str {
        self.phase_names[phase as usize]
    }

    pub fn phase_purpose(&self, phase: Phase) -> &'static str {
        self.phase_purposes[phase as usize]
    }

    pub fn block(&self, block: Block) -> &'static str {
        self.block_names[block as usize]
    }

    pub fn block_purpose(&self, block: Block) -> &'static str {
        self.block_purposes[block as usize]
    }

    pub fn step(&self, step: Step) -> &'static str {
        self.step_names[step as usize]
    }

    pub fn step_purpose(&self, step: Step) -> &'static str {
        self.step_purposes[step as usize]
    }

    pub fn function(&self, f: crate::model::BusinessFunction) -> &'static str {
        self.functions[f as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(format_number(Lang::En, 1234.5, 1), "1,234.5");
        assert_eq!(format_number(Lang::De, 1234.5, 1), "1.234,5");
        assert_eq!(format_number(Lang::Bg, 1234.5, 1), "1\u{202f}234,5");
        assert_eq!(format_number(Lang::De, -1234567.0, 0), "−1.234.567");
        assert_eq!(format_number(Lang::En, 12.0, 0), "12");
        assert_eq!(format_number(Lang::En, -0.001, 1), "0.0");
        assert_eq!(format_number(Lang::En, 0.05, 2), "0.05");
        assert_eq!(format_number(Lang::De, 2.5, 0), "3");
        assert_eq!(format_number(Lang::En, 999_999.996, 2), "1,000,000.00");
    }

    #[test]
    fn dates_follow_the_language() {
        let d = Date::new(2026, 3, 7);
        assert_eq!(format_date(Lang::En, &d), "7 Mar 2026");
        assert_eq!(format_date(Lang::De, &d), "07.03.2026");
        assert_eq!(format_date(Lang::Bg, &d), "07.03.2026 г.");
        assert_eq!(format_timestamp(Lang::De, "2026-11-22T10:00:00Z"), "22.11.2026");
    }

    #[test]
    fn browser_preferences_pick_the_first_known_language() {
        assert_eq!(Lang::from_preferences(["fr-FR", "de-AT", "en"]), Lang::De);
        assert_eq!(Lang::from_preferences(["bg"]), Lang::Bg);
        assert_eq!(Lang::from_preferences(["fr"]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::En);
    }

    #[test]
    fn templates_are_filled() {
        assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
    }

    /// Every placeholder a template uses in English must be used in the other languages too.
    #[test]
    fn translations_keep_their_placeholders() {
        fn placeholders(s: &str) -> Vec<String> {
            let mut out: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
                .collect();
            out.sort();
            out
        }
        let all = |t: &Texts| -> Vec<&'static str> {
            let mut v = vec![
                t.confirm_delete, t.deleted_notice, t.copy_of, t.last_changed, t.imported,
                t.imported_migrated, t.import_same_id, t.import_failed, t.err_too_large,
                t.err_not_json, t.err_newer_version, t.err_migration_missing, t.err_migration_failed,
                t.err_wrong_type, t.err_invalid, t.err_more_problems, t.problem_missing_id,
                t.problem_duplicate_id, t.problem_dangling, t.problem_out_of_range, t.problem_bad_date,
                t.problem_duplicate_period, t.problem_threshold_order, t.corrupt_plan,
                t.complete_percent, t.unstable_below, t.parts_filled, t.strategy_incomplete,
                t.part_of_phase, t.step_of, t.err_read_file,
            ];
            v.extend(t.block_purposes);
            v
        };
        let en = all(Lang::En.texts());
        for lang in [Lang::De, Lang::Bg] {
            for (e, o) in en.iter().zip(all(lang.texts())) {
                assert_eq!(placeholders(e), placeholders(o), "{lang:?}: {o}");
            }
        }
    }

    #[test]
    fn sample_tables_are_complete_in_every_language() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/sample");
        let keys = crate::model::sample::keys(&std::fs::read_to_string(format!("{dir}/plan.json")).unwrap());
        assert!(keys.len() > 100);
        for lang in Lang::ALL {
            let text = std::fs::read_to_string(format!("{dir}/{}.json", lang.code())).unwrap();
            let table: std::collections::BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
            let mut have: Vec<String> = table.keys().cloned().collect();
            have.sort();
            assert_eq!(have, keys, "{lang:?}");
            assert!(table.values().all(|v| !v.trim().is_empty()), "{lang:?} has an empty text");
        }
    }
}
