//! The texts of one language (`Texts`, one field per text, declared so that a language
//! pack can be read into it field by field), templates filled with values, and helpers
//! that pick the text for a phase, a block, a count or a repair.

use super::packs::{fill_slots, AsSlot};
#[cfg(test)]
use super::packs::Slot;
use super::NumberError;
use crate::model::{Block, Phase, Step};

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

            pub(super) fn load(&mut self, map: &serde_json::Map<String, serde_json::Value>) -> Result<(), String> {
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
    /// One and other form.
    pub err_invalid: [&'static str; 2],
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
    pub repair_one: [&'static str; 10],
    pub repair_other: [&'static str; 10],
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
    pub parts_filled: [&'static str; 2],
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
    pub next_in_method: &'static str,
    pub present: &'static str,
    pub present_label: &'static str,
    pub present_keys: &'static str,
    pub present_empty: &'static str,
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
    pub channels_used_hint: &'static str,
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
    pub pull_chosen: &'static str,
    pub pull_choose: &'static str,
    pub pull_all: &'static str,
    /// One and other form.
    pub pull_pending: [&'static str; 2],
    pub pull_none: &'static str,
    /// One and other form.
    pub pulled_notice: [&'static str; 2],
    pub linked_finding: &'static str,
    pub unlink: &'static str,
    pub unlink_short: &'static str,
    pub edit_in_landscape: &'static str,
    pub swot_weight: &'static str,
    pub finding_line: &'static str,
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
    /// One and other form.
    pub kept_count: [&'static str; 2],
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
    pub map_columns: [&'static str; 4],
    pub map_diagram_label: &'static str,
    pub map_as_list: &'static str,
    // Relationships.
    pub rel_who: &'static str,
    pub rel_kind: &'static str,
    pub rel_value: &'static str,
    pub rel_usage: &'static str,
    pub add_relationship: &'static str,

    // Operative phase: action plans, KPI tracking, the dashboard.
    pub statuses: [&'static str; 6],
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
    pub opportunities_count: [&'static str; 2],
    pub threats_count: [&'static str; 2],
    pub kpis_count: [&'static str; 2],
    pub tactics_count: [&'static str; 2],
    pub values_added: [&'static str; 2],
    pub values_replaced: [&'static str; 2],

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
    pub worksheet_plan: &'static str,
    pub worksheet_plan_blank: &'static str,
    pub summary_title: &'static str,
    pub summary_intro: &'static str,
    pub summary_download: &'static str,
    pub summary_findings: &'static str,
    pub summary_none: &'static str,
    pub summary_gap: &'static str,
    pub summary_weight: &'static str,
    pub backup_due: &'static str,
    pub show_chart: &'static str,
    pub value_for: &'static str,

    // The monthly review and the dashboard's KPI lines.
    pub today: &'static str,
    pub in_future: &'static str,
    pub future_note: [&'static str; 2],
    pub gap_kpi_incomplete: &'static str,
    pub review_title: &'static str,
    pub review_intro: &'static str,
    pub review_month: &'static str,
    pub review_previous: &'static str,
    pub review_next: &'static str,
    pub review_columns: [&'static str; 5],
    pub review_periods: [&'static str; 3],
    pub review_value_label: &'static str,
    pub review_comment_label: &'static str,
    pub review_comment_hint: &'static str,
    pub review_needs_value: &'static str,
    pub review_too_long: &'static str,
    pub review_kpi_gone: &'static str,
    pub review_open: &'static str,
    pub review_keys: &'static str,
    pub review_removed: &'static str,
    pub dash_last: &'static str,
    pub dash_change: &'static str,
    pub dash_no_change: &'static str,
    pub dash_no_value: &'static str,
    pub spark_values: [&'static str; 2],
    pub spark_pace: &'static str,
    pub kpis_list_title: &'static str,
    pub card_values: &'static str,
    // Sharing a plan as a link, and plans bound to a file on disk.
    pub share_link: &'static str,
    pub share_title: &'static str,
    pub share_intro: &'static str,
    pub share_preparing: &'static str,
    pub share_link_label: &'static str,
    pub share_length: [&'static str; 2],
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub share_qr_label: &'static str,
    pub share_qr_hint: &'static str,
    pub share_no_qr: &'static str,
    pub share_too_large: &'static str,
    pub share_unsupported: &'static str,
    pub link_import_title: &'static str,
    pub link_import_intro: &'static str,
    pub link_import_plan: &'static str,
    pub link_import_button: &'static str,
    pub link_import_cancel: &'static str,
    pub link_reading: &'static str,
    pub link_broken_title: &'static str,
    pub link_broken: &'static str,
    pub link_source: &'static str,
    pub save_to_file: &'static str,
    pub save_to_file_now: &'static str,
    pub open_file: &'static str,
    pub open_file_hint: &'static str,
    pub file_bound: &'static str,
    pub file_written: &'static str,
    pub file_write_failed: &'static str,
    pub file_permission_needed: &'static str,
    pub file_allow: &'static str,
    pub file_try_again: &'static str,
    pub file_unbind: &'static str,
    pub file_open_failed: &'static str,
    pub file_denied: &'static str,
    // The workshop: hand-out, dot-voting, contributions, merge.
    pub open_workshop: &'static str,
    pub workshop_title: &'static str,
    pub workshop_contents: &'static str,
    pub workshop_intro: &'static str,
    pub workshop_name: &'static str,
    pub workshop_name_hint: &'static str,
    pub workshop_handout_title: &'static str,
    pub workshop_dots: &'static str,
    pub workshop_dots_error: &'static str,
    pub agenda_title: &'static str,
    pub agenda_intro: &'static str,
    pub agenda_minutes_for: &'static str,
    pub agenda_minutes_error: &'static str,
    pub agenda_total: [&'static str; 2],
    pub agenda_hours: &'static str,
    pub agenda_minutes_short: &'static str,
    pub agenda_hours_only: &'static str,
    pub agenda_empty: &'static str,
    pub agenda_start: &'static str,
    pub agenda_pause: &'static str,
    pub agenda_resume: &'static str,
    pub agenda_reset: &'static str,
    pub agenda_left: &'static str,
    pub agenda_over: &'static str,
    pub agenda_paused: &'static str,
    pub agenda_idle: &'static str,
    pub agenda_now: &'static str,
    pub agenda_position: &'static str,
    pub agenda_next: &'static str,
    pub agenda_open: &'static str,
    pub agenda_minutes_unit: &'static str,
    pub workshop_handout_hint: &'static str,
    pub workshop_not_handed_out: &'static str,
    pub workshop_handed_out: &'static str,
    pub workshop_handout_again: &'static str,
    pub agenda_reset_confirm: &'static str,
    pub workshop_handout: &'static str,
    pub workshop_need_name: &'static str,
    pub workshop_contribute_title: &'static str,
    pub workshop_contribute_hint: &'static str,
    pub workshop_yours: [&'static str; 2],
    pub workshop_download: &'static str,
    pub workshop_handout_link: &'static str,
    pub workshop_link: &'static str,
    pub workshop_link_hint: &'static str,
    pub workshop_link_too_long: &'static str,
    pub workshop_link_label: &'static str,
    pub link_contribution_title: &'static str,
    pub link_contribution_for: &'static str,
    pub link_contribution_merge: &'static str,
    pub link_contribution_elsewhere: &'static str,
    pub workshop_downloaded: &'static str,
    pub vote_title: &'static str,
    pub vote_hint: &'static str,
    pub vote_left: &'static str,
    pub vote_none: &'static str,
    pub vote_item: &'static str,
    pub vote_kind: &'static str,
    pub vote_yours: &'static str,
    pub vote_total: &'static str,
    pub vote_add: &'static str,
    pub vote_remove: &'static str,
    pub vote_kinds: [&'static str; 7],
    pub ranking_title: &'static str,
    pub ranking_empty: &'static str,
    pub ranking_dots: [&'static str; 2],
    pub ranking_voters: [&'static str; 2],
    pub ranking_top: &'static str,
    pub ranking_carry: &'static str,
    pub ranking_carried: [&'static str; 2],
    pub ranking_weights: &'static str,
    pub ranking_weighted: [&'static str; 2],
    pub comments_title: &'static str,
    pub comments_none: &'static str,
    pub comment_text: &'static str,
    pub comment_about: &'static str,
    pub comment_whole_plan: &'static str,
    pub comment_add: &'static str,
    pub comment_remove: &'static str,
    pub merge_title: &'static str,
    pub merge_hint: &'static str,
    pub merge_choose: &'static str,
    pub merge_file_failed: &'static str,
    pub merge_not_contribution: &'static str,
    pub merge_no_author: &'static str,
    pub merge_other_plan: &'static str,
    pub merge_stale: &'static str,
    pub merge_summary_title: &'static str,
    pub merge_from: &'static str,
    pub merge_before: &'static str,
    pub merge_new_items: &'static str,
    pub merge_added: [&'static str; 2],
    pub merge_same: [&'static str; 2],
    pub merge_updated: [&'static str; 2],
    pub merge_fields: [&'static str; 2],
    pub merge_brought_back: [&'static str; 2],
    pub merge_stay_removed: [&'static str; 2],
    pub merge_kept: [&'static str; 2],
    pub merge_blank: [&'static str; 2],
    pub merge_conflicts: [&'static str; 2],
    pub merge_comments: [&'static str; 2],
    pub merge_dots: [&'static str; 2],
    pub merge_dots_dropped: [&'static str; 2],
    pub merge_nothing: &'static str,
    pub conflicts_title: &'static str,
    pub conflict_field: &'static str,
    pub conflict_what: &'static str,
    pub conflict_team: &'static str,
    pub conflict_theirs: &'static str,
    pub conflict_removed: &'static str,
    pub conflict_level: &'static str,
    pub conflict_finding: &'static str,
    pub conflict_values: &'static str,
    pub conflict_values_count: [&'static str; 2],
    pub conflict_action_plan: &'static str,
    pub conflict_keep: &'static str,
    pub conflict_take: &'static str,
    pub merge_apply: &'static str,
    pub merge_cancel: &'static str,
    pub merge_applied: &'static str,
    pub merge_undo: &'static str,
    pub merge_undone: &'static str,
    pub added_by: &'static str,
    pub merge_list_names: [&'static str; 15],

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
            K::Workshop => 9,
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
    use crate::i18n::Lang;

    #[test]
    fn number_errors_name_what_was_typed() {
        let t = Lang::En.texts();
        assert_eq!(t.number_error(NumberError::NotANumber, " lots "), "“lots” is not a number.");
        assert!(t.number_error(NumberError::Ambiguous, "1,234").starts_with("“1,234” could be read two ways"));
        assert!(t.number_error(NumberError::TooLarge, "1e300").contains("1e300"));
    }

    #[test]
    fn templates_are_filled() {
        assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
    }
}
