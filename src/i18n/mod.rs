//! The translation layer: every text the app shows, in English, German and Bulgarian,
//! and number and date formatting for each language.
//!
//! Each language is one `Texts` value. English is built in (`en.rs`: a missing text is a
//! compile error); German and Bulgarian are language packs (`public/i18n/<code>.json`)
//! that the app loads when a user needs them, so a first visit carries one language, not
//! three. Tests check every pack is complete and keeps the English placeholders.

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

    /// The texts of this language; English until its pack is installed.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &en::TEXTS,
            _ => PACKS.with(|p| p.borrow()[self as usize]).unwrap_or(&en::TEXTS),
        }
    }

    /// Whether the texts of this language are at hand.
    pub fn is_ready(self) -> bool {
        self == Lang::En || PACKS.with(|p| p.borrow()[self as usize].is_some())
    }

    /// Installs a language pack (the JSON of `public/i18n/<code>.json`). Fails, naming the
    /// first missing or malformed text, and then changes nothing.
    pub fn install(self, pack: &str) -> Result<(), String> {
        let value: serde_json::Value = serde_json::from_str(pack).map_err(|e| e.to_string())?;
        let map = value.as_object().ok_or("not an object")?;
        let mut texts = en::TEXTS.clone();
        texts.load(map)?;
        let texts: &'static Texts = Box::leak(Box::new(texts));
        PACKS.with(|p| p.borrow_mut()[self as usize] = Some(texts));
        Ok(())
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

thread_local! {
    /// Installed language packs, by `Lang` index; each is loaded once and kept.
    static PACKS: std::cell::RefCell<[Option<&'static Texts>; 3]> = const { std::cell::RefCell::new([None; 3]) };
}

/// Where one text of a pack goes: a single string, or a fixed number of them.
enum Slot<'a> {
    One(&'a mut &'static str),
    Many(&'a mut [&'static str]),
}

trait AsSlot {
    fn slot(&mut self) -> Slot<'_>;
}

impl AsSlot for &'static str {
    fn slot(&mut self) -> Slot<'_> {
        Slot::One(self)
    }
}

impl<const N: usize> AsSlot for [&'static str; N] {
    fn slot(&mut self) -> Slot<'_> {
        Slot::Many(self)
    }
}

/// A text of a pack; packs are loaded once per language and live as long as the page.
fn pack_text(v: &serde_json::Value) -> Option<&'static str> {
    v.as_str().filter(|s| !s.trim().is_empty()).map(|s| &*Box::leak(s.to_owned().into_boxed_str()))
}

/// Fills the slots from a pack, or names the first text that is missing or malformed.
fn fill_slots(slots: Vec<(&'static str, Slot<'_>)>, map: &serde_json::Map<String, serde_json::Value>) -> Result<(), String> {
    for (name, slot) in slots {
        let value = map.get(name).ok_or(name)?;
        match slot {
            Slot::One(text) => *text = pack_text(value).ok_or(name)?,
            Slot::Many(texts) => {
                let items = value.as_array().filter(|a| a.len() == texts.len()).ok_or(name)?;
                for (text, item) in texts.iter_mut().zip(items) {
                    *text = pack_text(item).ok_or(name)?;
                }
            }
        }
    }
    Ok(())
}

/// Declares `Texts` and reads it from a language pack, field by field.
macro_rules! texts_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty ),*
        }

        impl $name {
            /// The name of every text, as the packs spell it.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn load(&mut self, map: &serde_json::Map<String, serde_json::Value>) -> Result<(), String> {
                fill_slots(vec![$((stringify!($field), AsSlot::slot(&mut self.$field))),*], map)
            }

            /// Every text with its name, for the checks of the packs.
            #[cfg(test)]
            pub fn all(&mut self) -> Vec<(&'static str, Vec<&'static str>)> {
                let slots: Vec<(&'static str, Slot<'_>)> = vec![$((stringify!($field), AsSlot::slot(&mut self.$field))),*];
                slots
                    .into_iter()
                    .map(|(name, slot)| match slot {
                        Slot::One(t) => (name, vec![*t]),
                        Slot::Many(ts) => (name, ts.to_vec()),
                    })
                    .collect()
            }
        }
    };
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

/// A number as short as it can be: whole numbers without decimals, others with up to two.
pub fn format_number_short(lang: Lang, value: f64) -> String {
    let two = format_number(lang, value, 2);
    let decimal = lang.separators().1;
    match two.find(decimal) {
        Some(at) => {
            let trimmed = two.trim_end_matches('0');
            trimmed.strip_suffix(decimal).unwrap_or(trimmed).to_owned().chars().take(at + 3).collect()
        }
        None => two,
    }
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

texts_struct! {
/// All texts of one language.
#[derive(Clone)]
pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav: &'static str,
    pub nav_plans: &'static str,
    pub language: &'static str,
    pub language_failed: &'static str,
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
    pub repaired_plan: &'static str,
    pub repaired_kept: &'static str,
    pub repaired_check: &'static str,
    pub repair_one: [&'static str; 9],
    pub repair_other: [&'static str; 9],
    pub actions_unlinked: [&'static str; 2],
    pub unknown_fields: &'static str,
    pub unknown_fields_question: &'static str,
    pub import_without_them: &'static str,
    pub backup_restored: &'static str,
    pub recovery_title: &'static str,
    pub recovery_intro: &'static str,
    pub backup_line: &'static str,
    pub backup_unnamed: &'static str,
    pub backup_size: [&'static str; 2],
    pub backup_download: &'static str,
    pub backup_restore: &'static str,
    pub backup_delete: &'static str,
    pub backup_confirm_delete: &'static str,
    pub crash_title: &'static str,
    pub crash_text: &'static str,
    pub reload: &'static str,
    pub part_failed: &'static str,
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

    // Editors of the blocks.
    pub why_marketing: &'static str,
    pub why_employees: &'static str,
    pub why_collaboration: &'static str,
    pub why_hint: &'static str,
    pub gov_policies: &'static str,
    pub gov_policies_hint: &'static str,
    pub gov_guidelines: &'static str,
    pub gov_guidelines_hint: &'static str,
    pub gov_processes: &'static str,
    pub gov_processes_hint: &'static str,
    pub gov_education: &'static str,
    pub gov_education_hint: &'static str,
    pub integration_label: &'static str,
    pub integration_hint: &'static str,
    pub goal_system_label: &'static str,
    pub goal_system_hint: &'static str,
    pub res_people: &'static str,
    pub res_people_hint: &'static str,
    pub res_hours: &'static str,
    pub res_budget: &'static str,
    pub res_tools: &'static str,
    pub res_tools_hint: &'static str,
    pub post_people: &'static str,
    pub post_people_hint: &'static str,
    pub post_objectives: &'static str,
    pub post_objectives_note: &'static str,
    pub post_strategy: &'static str,
    pub post_strategy_hint: &'static str,
    pub post_technology: &'static str,
    pub post_technology_hint: &'static str,
    pub technology_early: &'static str,
    pub mission_label: &'static str,
    pub mission_hint: &'static str,
    pub err_not_a_number: &'static str,
    pub err_ambiguous_number: &'static str,
    pub err_number_too_large: &'static str,
    pub plan_needs_newer_app: &'static str,
    pub saved_as: &'static str,
    pub post_objective_names: [&'static str; 5],
    pub post_objective_meanings: [&'static str; 5],

    // Lists and charts, shared by the editors.
    pub list_empty: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub remove_item: &'static str,
    pub removed_notice: &'static str,
    pub untitled_item: &'static str,
    pub not_set: &'static str,
    pub actions_column: &'static str,
    pub sort_by: &'static str,
    pub show_data: &'static str,
    pub download_svg: &'static str,
    pub chart_label: &'static str,
    // Opportunities & risks, tools & methods.
    pub or_kind: &'static str,
    pub or_kinds: [&'static str; 2],
    pub or_title: &'static str,
    pub or_description: &'static str,
    pub add_opportunity_risk: &'static str,
    pub tool_name: &'static str,
    pub tool_purpose: &'static str,
    pub tool_usage: &'static str,
    pub tool_usages: [&'static str; 3],
    pub tool_how: &'static str,
    pub tool_relevance: &'static str,
    pub add_tool: &'static str,
    // Exercise 1.
    pub landscape_levels: [&'static str; 5],
    pub landscape_questions: [&'static str; 5],
    pub finding_text: &'static str,
    pub polarity_label: &'static str,
    pub polarities: [&'static str; 2],
    pub weight_label: &'static str,
    pub add_finding: &'static str,
    pub generic_strategy_label: &'static str,
    pub generic_strategy_hint: &'static str,
    pub landscape_chart_title: &'static str,
    pub landscape_series: [&'static str; 2],
    pub weight_count: &'static str,
    pub landscape_summary: &'static str,
    // Exercise 2.
    pub audit_questions: [&'static str; 5],
    pub channels_title: &'static str,
    pub channel_name: &'static str,
    pub channel_since: &'static str,
    pub channel_audience: &'static str,
    pub channel_engagement: &'static str,
    pub engagement_levels: [&'static str; 3],
    pub channel_owner: &'static str,
    pub channel_notes: &'static str,
    pub add_channel: &'static str,
    pub benchmark_title: &'static str,
    pub benchmark_intro: &'static str,
    pub benchmark_levels: [&'static str; 5],
    pub benchmark_hints: [&'static str; 5],
    pub score_current: &'static str,
    pub score_ideal: &'static str,
    pub score_note: &'static str,
    pub score_out_of_range: &'static str,
    pub gap_value: &'static str,
    pub not_scored: &'static str,
    pub gap_chart_title: &'static str,
    pub gap_series: [&'static str; 2],
    pub gap_overall: &'static str,
    pub gap_group: &'static str,
    pub gap_none_scored: &'static str,
    pub gap_overall_text: &'static str,
    pub gap_largest: &'static str,
    pub gap_no_positive: &'static str,
    // Exercise 3.
    pub swot_quadrants: [&'static str; 4],
    pub swot_item: &'static str,
    pub add_swot_item: &'static str,
    pub pull_findings: &'static str,
    pub pull_pending: &'static str,
    pub pull_none: &'static str,
    pub pulled_notice: &'static str,
    pub linked_finding: &'static str,
    pub unlink: &'static str,
    pub edit_in_landscape: &'static str,
    pub swot_questions: [&'static str; 4],
    // Maturity self-assessment.
    pub stage_names: [&'static str; 6],
    pub stage_meanings: [&'static str; 6],
    pub dimension_names: [&'static str; 9],
    pub dimension_anchors: [&'static str; 54],
    pub dont_know: &'static str,
    pub maturity_intro: &'static str,
    pub maturity_notes: &'static str,
    pub stage_result: &'static str,
    pub stage_because: &'static str,
    pub stage_needs_more: &'static str,
    pub next_stage_title: &'static str,
    pub next_stage_actions: [&'static str; 5],
    pub next_for_dimension: &'static str,
    pub top_stage: &'static str,
    pub profile_chart_title: &'static str,
    pub profile_series: [&'static str; 1],
    pub distribution_chart_title: &'static str,
    pub distribution_series: [&'static str; 1],
    pub distribution_source: &'static str,
    pub your_stage: &'static str,
    pub gap_series_gap: &'static str,
    pub err_whole_number: &'static str,
    pub weakest_link: &'static str,
    pub percent_value: &'static str,

    // Strategy phase: the steps.
    pub focus_horizon: &'static str,
    pub horizon_options: [&'static str; 5],
    pub focus_start: &'static str,
    pub focus_start_hint: &'static str,
    pub horizon_ends: &'static str,
    pub bo_text: &'static str,
    pub add_business_objective: &'static str,
    pub obj_text: &'static str,
    pub obj_serves: &'static str,
    pub obj_perspective: &'static str,
    pub perspectives: [&'static str; 4],
    pub add_objective: &'static str,
    pub need_business_objectives: &'static str,
    pub need_objectives: &'static str,
    pub need_tactics: &'static str,
    pub objective_heading: &'static str,
    pub tactic_heading: &'static str,
    pub untitled: &'static str,
    pub kpi_name: &'static str,
    pub kpi_goal: &'static str,
    pub business_goals: [&'static str; 3],
    pub kpi_unit: &'static str,
    pub kpi_direction: &'static str,
    pub directions: [&'static str; 2],
    pub kpi_baseline: &'static str,
    pub kpi_target: &'static str,
    pub kpi_deadline: &'static str,
    pub kpi_frequency: &'static str,
    pub frequencies: [&'static str; 3],
    pub kpi_source: &'static str,
    pub kpi_owner: &'static str,
    pub add_kpi: &'static str,
    pub kpi_none: &'static str,
    pub kpi_too_many: &'static str,
    pub library_add: &'static str,
    pub library_choose: &'static str,
    pub library_added: &'static str,
    pub kpi_purposes: [&'static str; 6],
    pub kpi_library_names: [&'static str; 18],
    pub kpi_library_units: [&'static str; 18],
    pub tactic_text: &'static str,
    pub add_tactic: &'static str,
    pub order_warning: &'static str,
    pub indicator_text: &'static str,
    pub indicator_kept: &'static str,
    pub add_indicator: &'static str,
    pub promote: &'static str,
    pub promoted: &'static str,
    pub candidates_hint: &'static str,
    pub kept_count: &'static str,
    pub delete_them_too: &'static str,
    pub move_them_to: &'static str,
    pub move_and_remove: &'static str,
    pub objective_dependents: &'static str,
    pub smart_title: &'static str,
    pub smart_hints: [&'static str; 9],
    // Plan check and strategy map.
    pub plan_check_title: &'static str,
    pub plan_check_ok: &'static str,
    pub gap_texts: [&'static str; 6],
    pub map_title: &'static str,
    pub map_intro: &'static str,
    pub map_unlinked: &'static str,
    pub map_gaps: [&'static str; 4],
    pub map_gap_label: &'static str,
    pub map_kpi: &'static str,
    // Relationships.
    pub rel_who: &'static str,
    pub rel_kind: &'static str,
    pub rel_value: &'static str,
    pub rel_usage: &'static str,
    pub add_relationship: &'static str,

    // Operative phase: action plans, KPI tracking, the dashboard.
    pub statuses: [&'static str; 5],
    pub status_line: &'static str,
    pub latest_value: &'static str,
    pub kpi_chart_title: &'static str,
    pub legend_actual: &'static str,
    pub legend_pace: &'static str,
    pub legend_target: &'static str,
    pub status_chart_title: &'static str,
    pub kpis_series: &'static str,
    pub actions_chart_title: &'static str,
    pub done_series: &'static str,
    pub action_plans: [&'static str; 3],
    pub done_of: &'static str,
    pub phases_chart_title: &'static str,
    pub complete_series: &'static str,
    pub action_title: &'static str,
    pub action_owner: &'static str,
    pub action_due: &'static str,
    pub action_status: &'static str,
    pub action_statuses: [&'static str; 4],
    pub action_serves: &'static str,
    pub add_action: &'static str,
    pub overdue: &'static str,
    pub filter_by: &'static str,
    pub filter_all: &'static str,
    pub shown_of: &'static str,
    pub actions_intro: [&'static str; 3],
    pub tracking_intro: &'static str,
    pub no_kpis: &'static str,
    pub period: &'static str,
    pub value: &'static str,
    pub add_value: &'static str,
    pub value_added: &'static str,
    pub period_exists: &'static str,
    pub period_missing: &'static str,
    pub value_missing: &'static str,
    pub values_title: &'static str,
    pub expected: &'static str,
    pub remove_value: &'static str,
    pub export_csv: &'static str,
    pub export_all_csv: &'static str,
    pub import_csv: &'static str,
    pub import_all_csv: &'static str,
    pub csv_hint: &'static str,
    pub csv_imported: &'static str,
    pub csv_failed: &'static str,
    pub csv_empty: &'static str,
    pub csv_header: &'static str,
    pub csv_too_large: &'static str,
    pub csv_rows: [&'static str; 5],
    pub thresholds_title: &'static str,
    pub thresholds_intro: &'static str,
    pub threshold_at_risk: &'static str,
    pub threshold_off_track: &'static str,
    pub thresholds_invalid: &'static str,
    pub dashboard: &'static str,
    pub dashboard_intro: &'static str,
    pub open_dashboard: &'static str,
    pub objectives_status: &'static str,
    pub maturity_line: &'static str,
    pub maturity_unknown: &'static str,
    pub gap_line: &'static str,
    pub gap_unknown: &'static str,
    pub kpi_status_list: &'static str,
    pub worksheet_title: &'static str,
    pub worksheet_who: &'static str,
    pub worksheet_link: &'static str,
    pub print: &'static str,
    pub worksheets_title: &'static str,
    pub report_made: &'static str,
    pub export_report_md: &'static str,
    pub export_report_html: &'static str,
    pub backup_due: &'static str,
    pub show_chart: &'static str,
    pub value_for: &'static str,

    // Labels of the model's enumerations, in declaration order.
    pub functions: [&'static str; 7],
}
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

    /// What is wrong with a number the user typed, naming what was typed.
    pub fn number_error(&self, error: NumberError, typed: &str) -> String {
        let template = match error {
            NumberError::NotANumber => self.err_not_a_number,
            NumberError::Ambiguous => self.err_ambiguous_number,
            NumberError::TooLarge => self.err_number_too_large,
        };
        fill(template, &[("text", typed.trim())])
    }

    /// A counted text: `forms` is (one, other), with `{count}` where the number goes.
    /// One and other are the forms English, German and Bulgarian need.
    pub fn count(&self, forms: [&'static str; 2], n: usize) -> String {
        fill(forms[usize::from(n != 1)], &[("count", &n.to_string())])
    }

    /// What one kind of repair did, counted.
    pub fn repair_text(&self, r: crate::model::Repair) -> String {
        use crate::model::RepairKind as K;
        let i = match r.kind {
            K::NewIds => 0,
            K::BusinessLinks => 1,
            K::Rehomed => 2,
            K::RehomedIndicators => 3,
            K::SwotLinks => 4,
            K::ActionLinks => 5,
            K::Numbers => 6,
            K::Dates => 7,
            K::Values => 8,
        };
        self.count([self.repair_one[i], self.repair_other[i]], r.count)
    }

    pub fn function(&self, f: crate::model::BusinessFunction) -> &'static str {
        self.functions[f as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_errors_name_what_was_typed() {
        let t = Lang::En.texts();
        assert_eq!(t.number_error(NumberError::NotANumber, " lots "), "“lots” is not a number.");
        assert!(t.number_error(NumberError::Ambiguous, "1,234").starts_with("“1,234” could be read two ways"));
        assert!(t.number_error(NumberError::TooLarge, "1e300").contains("1e300"));
    }

    #[test]
    fn short_numbers_drop_needless_decimals() {
        assert_eq!(format_number_short(Lang::En, 1234.0), "1,234");
        assert_eq!(format_number_short(Lang::De, 1234.5), "1.234,5");
        assert_eq!(format_number_short(Lang::En, 0.25), "0.25");
        assert_eq!(format_number_short(Lang::En, -3.0), "−3");
    }

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

    fn placeholders(s: &str) -> Vec<String> {
        let mut out: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect();
        out.sort();
        out
    }

    fn pack(lang: Lang) -> String {
        let path = format!("{}/public/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code());
        std::fs::read_to_string(path).unwrap()
    }

    /// Each pack has every text and no other, and keeps every placeholder of the English.
    #[test]
    fn language_packs_are_complete() {
        for lang in [Lang::De, Lang::Bg] {
            let text = pack(lang);
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
            let mut fields = Texts::FIELDS.to_vec();
            keys.sort();
            fields.sort();
            assert_eq!(keys, fields, "{lang:?} pack has other texts than English");
            let mut texts = en::TEXTS.clone();
            texts.load(value.as_object().unwrap()).unwrap_or_else(|f| panic!("{lang:?}: {f} is missing or malformed"));
            for ((name, english), (_, translated)) in en::TEXTS.clone().all().into_iter().zip(texts.all()) {
                for (e, t) in english.iter().zip(&translated) {
                    assert_eq!(placeholders(e), placeholders(t), "{lang:?} {name}: {t}");
                }
            }
        }
    }

    #[test]
    fn packs_install_and_broken_ones_are_refused() {
        assert!(Lang::De.install("{}").is_err());
        assert!(!Lang::De.is_ready());
        assert_eq!(Lang::De.texts().plans_title, en::TEXTS.plans_title);
        Lang::De.install(&pack(Lang::De)).unwrap();
        assert!(Lang::De.is_ready());
        assert_eq!(Lang::De.texts().plans_title, "Ihre Strategiepläne");
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

/// Why typed text is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    /// Like `1.234` in Bulgarian: a decimal part or thousands? The user must say.
    Ambiguous,
    /// Beyond what a plan holds (10¹⁵).
    TooLarge,
}

/// Reads a number as people of `lang` type it, and the other common way where that is
/// unambiguous: `1.234,5` and `1,234.5` are both 1234.5. Empty text is no number (`None`).
pub fn parse_number(lang: Lang, text: &str) -> Result<Option<f64>, NumberError> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\'').collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let (negative, body) = match cleaned.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(NumberError::NotANumber);
    }
    let grouped = |s: &str, sep: char| -> bool {
        let mut parts = s.split(sep);
        let first = parts.next().unwrap_or("");
        (1..=3).contains(&first.len()) && parts.all(|p| p.len() == 3)
    };
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let (int, frac) = match (dots, commas) {
        (0, 0) => (body.to_owned(), String::new()),
        (_, _) if dots > 0 && commas > 0 => {
            let decimal = if body.rfind('.') > body.rfind(',') { '.' } else { ',' };
            let group = if decimal == '.' { ',' } else { '.' };
            let (int, frac) = body.rsplit_once(decimal).ok_or(NumberError::NotANumber)?;
            if !grouped(int, group) || frac.contains(group) {
                return Err(NumberError::NotANumber);
            }
            (int.replace(group, ""), frac.to_owned())
        }
        _ => {
            let sep = if dots > 0 { '.' } else { ',' };
            let several = dots + commas > 1;
            let (own_group, own_decimal) = lang.separators();
            let split = |body: &str| body.split_once(sep).map(|(i, f)| (i.to_owned(), f.to_owned()));
            if !several && sep == own_decimal {
                split(body).ok_or(NumberError::NotANumber)?
            } else if grouped(body, sep) && (several || own_group.starts_with(sep)) {
                (body.replace(sep, ""), String::new())
            } else if grouped(body, sep) {
                // `1.234` in Bulgarian: an English decimal or a German thousand.
                return Err(NumberError::Ambiguous);
            } else if !several {
                // Not a thousands group (`2,5` in English): only a decimal mark fits.
                split(body).ok_or(NumberError::NotANumber)?
            } else {
                return Err(NumberError::NotANumber);
            }
        }
    };
    if int.is_empty() && frac.is_empty() {
        return Err(NumberError::NotANumber);
    }
    let int = int.trim_start_matches('0');
    // serde_json's reader, already in the app, rather than a second float parser.
    let value: f64 = serde_json::from_str(&format!("{}.{}", if int.is_empty() { "0" } else { &int }, if frac.is_empty() { "0" } else { &frac }))
        .map_err(|_| NumberError::NotANumber)?;
    if value > crate::model::validate::MAX_MAGNITUDE {
        return Err(NumberError::TooLarge);
    }
    Ok(Some(if negative { -value } else { value }))
}

/// A number the app wrote itself (a stored value, as Rust prints it), read back. Read by
/// serde_json like every other number of the app: the standard library's float parser
/// would bring a 10 KB table of its own into the first load.
pub fn plain_number(text: &str) -> Option<f64> {
    serde_json::from_str(text.trim()).ok()
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn numbers_the_app_wrote_read_back() {
        for v in [0.0, -3.0, 1234.5, 0.001, 1e15, -0.25, 123456789.125] {
            assert_eq!(plain_number(&v.to_string()), Some(v), "{v}");
        }
        assert_eq!(plain_number(""), None);
        assert_eq!(plain_number("abc"), None);
        assert_eq!(plain_number(" 7 "), Some(7.0));
    }

    #[test]
    fn both_conventions_are_read_where_unambiguous() {
        for lang in Lang::ALL {
            assert_eq!(parse_number(lang, "1.234,5"), Ok(Some(1234.5)), "{lang:?}");
            assert_eq!(parse_number(lang, "1,234.5"), Ok(Some(1234.5)), "{lang:?}");
            assert_eq!(parse_number(lang, "1,234,567"), Ok(Some(1_234_567.0)), "{lang:?}");
            assert_eq!(parse_number(lang, "12"), Ok(Some(12.0)));
            assert_eq!(parse_number(lang, " −3 "), Ok(Some(-3.0)));
            assert_eq!(parse_number(lang, "2,5"), Ok(Some(2.5)), "{lang:?}");
            assert_eq!(parse_number(lang, ""), Ok(None));
        }
        assert_eq!(parse_number(Lang::Bg, "1 234,5"), Ok(Some(1234.5)));
        assert_eq!(parse_number(Lang::Bg, "1\u{202f}234,5"), Ok(Some(1234.5)));
        assert_eq!(parse_number(Lang::En, "1234.5"), Ok(Some(1234.5)));
        assert_eq!(parse_number(Lang::De, "1234,5"), Ok(Some(1234.5)));
        assert_eq!(parse_number(Lang::De, "1.234"), Ok(Some(1234.0)));
        assert_eq!(parse_number(Lang::En, "0.75"), Ok(Some(0.75)));
    }

    #[test]
    fn ambiguous_and_broken_numbers_are_refused() {
        // A single mark is read the language's way; where it is neither of the language's
        // marks (a dot in Bulgarian), a group of three digits could mean either.
        assert_eq!(parse_number(Lang::En, "1,234"), Ok(Some(1234.0)));
        assert_eq!(parse_number(Lang::De, "1,234"), Ok(Some(1.234)));
        assert_eq!(parse_number(Lang::En, "1.234"), Ok(Some(1.234)));
        assert_eq!(parse_number(Lang::Bg, "1,234"), Ok(Some(1.234)));
        assert_eq!(parse_number(Lang::Bg, "1.234"), Err(NumberError::Ambiguous));
        assert_eq!(parse_number(Lang::Bg, "1.5"), Ok(Some(1.5)));
        assert_eq!(parse_number(Lang::En, "007.5"), Ok(Some(7.5)));
        assert_eq!(parse_number(Lang::De, "0,5"), Ok(Some(0.5)));
        assert_eq!(parse_number(Lang::En, "10000000000000000"), Err(NumberError::TooLarge));
        for bad in ["abc", "1.2.3", "1,2,3", "12a", "-", "1.234.5,6,7", ",", "1,23,456"] {
            assert_eq!(parse_number(Lang::En, bad), Err(NumberError::NotANumber), "{bad}");
        }
    }
}
