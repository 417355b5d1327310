//! The English texts the app's first part shows (the shell, the plan list, its notices and
//! the crash page). In builds with parts (the `split` feature, the release site), only these
//! are built into the first part; the others are blank there until the part with every
//! English text (`ui::english_texts`) is loaded, before a screen of a part shows. Texts
//! are data: wasm-split moves a static into a part only when nothing in the first part
//! refers to it, so the English texts are two statics there. This keeps 10 KB (gzipped)
//! of English out of a first visit. A test checks that the first part's code uses no
//! other text.

/// Declares `en::TEXTS`: every English text, or, in builds with parts, the first part's;
/// and there `en::ALL` with every English text, for the part that carries them.
macro_rules! english {
    ($($field:ident: $value:tt),* $(,)?) => {
        #[cfg(not(feature = "split"))]
        pub static TEXTS: Texts = Texts { $($field: $value),* };

        #[cfg(feature = "split")]
        pub static TEXTS: Texts = Texts { $($field: $crate::i18n::first_part::first_part_text!($field, $value)),* };

        #[cfg(feature = "split")]
        pub static ALL: Texts = Texts { $($field: $value),* };

        /// The first part's texts, as builds with parts have them, for the tests.
        #[cfg(test)]
        pub static FIRST_PART: Texts = Texts { $($field: $crate::i18n::first_part::first_part_text!($field, $value)),* };
    };
}
pub(crate) use english;

/// A text as the first part has it: itself if the first part shows it, else blank.
#[cfg(any(test, feature = "split"))]
macro_rules! first_part_text {
    (app_name, $v:tt) => { $v };
    (file_allow, $v:tt) => { $v };
    (file_denied, $v:tt) => { $v };
    (file_open_failed, $v:tt) => { $v };
    (file_permission_needed, $v:tt) => { $v };
    (file_try_again, $v:tt) => { $v };
    (file_write_failed, $v:tt) => { $v };
    (file_written, $v:tt) => { $v };
    (open_file, $v:tt) => { $v };
    (open_file_hint, $v:tt) => { $v };
    (skip_to_content, $v:tt) => { $v };
    (main_nav, $v:tt) => { $v };
    (nav_plans, $v:tt) => { $v };
    (language, $v:tt) => { $v };
    (language_failed, $v:tt) => { $v };
    (privacy_note, $v:tt) => { $v };
    (saved, $v:tt) => { $v };
    (saving, $v:tt) => { $v };
    (not_saved, $v:tt) => { $v };
    (months_short, $v:tt) => { $v };
    (plans_title, $v:tt) => { $v };
    (plans_intro, $v:tt) => { $v };
    (no_plans, $v:tt) => { $v };
    (new_plan, $v:tt) => { $v };
    (new_plan_default_name, $v:tt) => { $v };
    (plan_name, $v:tt) => { $v };
    (business_function, $v:tt) => { $v };
    (create_plan, $v:tt) => { $v };
    (one_plan_per_function, $v:tt) => { $v };
    (sample_title, $v:tt) => { $v };
    (sample_text, $v:tt) => { $v };
    (open_sample, $v:tt) => { $v };
    (sample_failed, $v:tt) => { $v };
    (rename, $v:tt) => { $v };
    (save_name, $v:tt) => { $v };
    (duplicate, $v:tt) => { $v };
    (delete, $v:tt) => { $v };
    (cancel, $v:tt) => { $v };
    (confirm_delete, $v:tt) => { $v };
    (deleted_notice, $v:tt) => { $v };
    (undo, $v:tt) => { $v };
    (copy_of, $v:tt) => { $v };
    (last_changed, $v:tt) => { $v };
    (your_plans, $v:tt) => { $v };
    (plan_actions, $v:tt) => { $v };
    (export, $v:tt) => { $v };
    (import_plan, $v:tt) => { $v };
    (import_hint, $v:tt) => { $v };
    (drop_here, $v:tt) => { $v };
    (imported, $v:tt) => { $v };
    (imported_migrated, $v:tt) => { $v };
    (import_same_id, $v:tt) => { $v };
    (replace, $v:tt) => { $v };
    (keep_both, $v:tt) => { $v };
    (import_failed, $v:tt) => { $v };
    (err_too_large, $v:tt) => { $v };
    (err_empty, $v:tt) => { $v };
    (err_not_utf8, $v:tt) => { $v };
    (err_too_deep, $v:tt) => { $v };
    (err_not_json, $v:tt) => { $v };
    (err_not_ours, $v:tt) => { $v };
    (err_missing_version, $v:tt) => { $v };
    (err_newer_version, $v:tt) => { $v };
    (err_migration_missing, $v:tt) => { $v };
    (err_migration_failed, $v:tt) => { $v };
    (err_wrong_type, $v:tt) => { $v };
    (err_invalid, $v:tt) => { $v };
    (err_more_problems, $v:tt) => { $v };
    (problem_missing_id, $v:tt) => { $v };
    (problem_duplicate_id, $v:tt) => { $v };
    (problem_dangling, $v:tt) => { $v };
    (problem_out_of_range, $v:tt) => { $v };
    (problem_bad_date, $v:tt) => { $v };
    (problem_duplicate_period, $v:tt) => { $v };
    (problem_threshold_order, $v:tt) => { $v };
    (err_read_file, $v:tt) => { $v };
    (storage_full, $v:tt) => { $v };
    (storage_unavailable, $v:tt) => { $v };
    (export_now, $v:tt) => { $v };
    (repaired_plan, $v:tt) => { $v };
    (repaired_kept, $v:tt) => { $v };
    (repaired_check, $v:tt) => { $v };
    (repair_one, $v:tt) => { $v };
    (repair_other, $v:tt) => { $v };
    (actions_unlinked, $v:tt) => { $v };
    (unknown_fields, $v:tt) => { $v };
    (unknown_fields_question, $v:tt) => { $v };
    (import_without_them, $v:tt) => { $v };
    (backup_restored, $v:tt) => { $v };
    (recovery_title, $v:tt) => { $v };
    (recovery_intro, $v:tt) => { $v };
    (backup_line, $v:tt) => { $v };
    (backup_unnamed, $v:tt) => { $v };
    (backup_size, $v:tt) => { $v };
    (backup_download, $v:tt) => { $v };
    (backup_restore, $v:tt) => { $v };
    (backup_delete, $v:tt) => { $v };
    (backup_confirm_delete, $v:tt) => { $v };
    (crash_title, $v:tt) => { $v };
    (crash_text, $v:tt) => { $v };
    (reload, $v:tt) => { $v };
    (part_failed, $v:tt) => { $v };
    (dismiss, $v:tt) => { $v };
    (other_tab_updated, $v:tt) => { $v };
    (other_tab_conflict, $v:tt) => { $v };
    (other_tab_deleted, $v:tt) => { $v };
    (keep_mine, $v:tt) => { $v };
    (load_theirs, $v:tt) => { $v };
    (notices, $v:tt) => { $v };
    (update_ready, $v:tt) => { $v };
    (update_now, $v:tt) => { $v };
    (block_names, $v:tt) => { $v };
    (not_found_title, $v:tt) => { $v };
    (not_found_text, $v:tt) => { $v };
    (go_to_plans, $v:tt) => { $v };
    (plan_needs_newer_app, $v:tt) => { $v };
    (removed_notice, $v:tt) => { $v };
    (pulled_notice, $v:tt) => { $v };
    (worksheets_title, $v:tt) => { $v };
    (backup_due, $v:tt) => { $v };
    (functions, $v:tt) => { $v };
    (@blank $s:literal) => { "" };
    ($other:ident, [$($s:literal),* $(,)?]) => { [$($crate::i18n::first_part::first_part_text!(@blank $s)),*] };
    ($other:ident, $s:literal) => { "" };
}
#[cfg(any(test, feature = "split"))]
pub(crate) use first_part_text;

#[cfg(test)]
mod tests {
    use super::super::en;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    const ROOT: &str = env!("CARGO_MANIFEST_DIR");

    /// The sources of the first part: the shell, the plan list, notices, state and storage,
    /// and the translation layer itself (without `impl Texts`, whose methods count where
    /// they are called). A name without `.rs` also covers a folder of that name.
    const FIRST_PART_SOURCES: &[&str] =
        &["src/main.rs", "src/lib.rs", "src/route.rs", "src/storage.rs", "src/ui/mod.rs", "src/ui/plans.rs", "src/ui/notices.rs", "src/ui/offline.rs", "src/ui/state", "src/ui/file_access.rs", "src/autosave.rs"];

    fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
        if path.is_dir() {
            for entry in std::fs::read_dir(path).unwrap() {
                rust_files(&entry.unwrap().path(), out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_owned());
        }
    }

    /// The end of the block whose `{` is at or after `from`.
    fn block_end(text: &str, from: usize) -> usize {
        let mut depth = 0;
        for (i, c) in text[from..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 1 => return from + i + 1,
                '}' => depth -= 1,
                _ => {}
            }
        }
        text.len()
    }

    /// `text` without the items that start with `head` and have a block (`mod`, `fn`,
    /// `impl`), and those items; `head` alone where the item has none (`use x;`).
    fn cut_blocks(text: &str, head: &str) -> (String, Vec<String>) {
        let (mut rest, mut cut) = (text.to_owned(), Vec::new());
        while let Some(at) = rest.find(head) {
            let item = &rest[at..];
            let end = match (item.find('{'), item.find(';')) {
                (Some(open), Some(semi)) if semi < open => at + head.len(),
                (Some(_), _) => block_end(&rest, at),
                _ => at + head.len(),
            };
            cut.push(rest[at..end].to_owned());
            rest.replace_range(at..end, "");
        }
        (rest, cut)
    }

    /// Every `<receiver>.<name>` in `text`, for receivers `t`, `texts()` and `self`.
    fn accesses<'a>(text: &'a str, receivers: &[&str]) -> Vec<&'a str> {
        let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
        let mut out = Vec::new();
        for receiver in receivers {
            let pattern = format!("{receiver}.");
            for (at, _) in text.match_indices(&pattern) {
                if text[..at].chars().next_back().is_some_and(ident) {
                    continue;
                }
                let rest = &text[at + pattern.len()..];
                let end = rest.find(|c: char| !ident(c)).unwrap_or(rest.len());
                out.push(&rest[..end]);
            }
        }
        out
    }

    /// Every text the first part's code reads, directly or through a method of `Texts`.
    fn texts_of_the_first_part() -> BTreeSet<String> {
        let mut files = Vec::new();
        for source in FIRST_PART_SOURCES {
            let (file, folder) = (Path::new(ROOT).join(source).with_extension("rs"), Path::new(ROOT).join(source.trim_end_matches(".rs")));
            assert!(file.exists() || folder.is_dir(), "{source} is gone: name the first part's sources anew in FIRST_PART_SOURCES");
            if file.exists() {
                rust_files(&file, &mut files);
            }
            if folder.is_dir() {
                rust_files(&folder, &mut files);
            }
        }
        let mut i18n = Vec::new();
        rust_files(&Path::new(ROOT).join("src/i18n"), &mut i18n);
        files.extend(i18n.into_iter().filter(|f| !f.ends_with("en.rs") && !f.ends_with("first_part.rs")));

        let fields: BTreeSet<&str> = en::TEXTS.clone().all().into_iter().map(|(name, _)| name).collect();
        let mut methods: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut code = String::new();
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            let (text, _) = cut_blocks(&text, "#[cfg(test)]");
            let (text, impls) = cut_blocks(&text, "impl Texts {");
            for block in impls {
                for method in block.split("fn ").skip(1) {
                    let name = method.split(|c: char| c == '(' || c == '<').next().unwrap().trim().to_owned();
                    let used = accesses(method, &["self"]).into_iter().filter(|n| fields.contains(n)).map(str::to_owned);
                    methods.entry(name).or_default().extend(used);
                }
            }
            code.push_str(&text);
        }
        let mut used = BTreeSet::new();
        for name in accesses(&code, &["t", "texts()"]) {
            if fields.contains(name) {
                used.insert(name.to_owned());
            } else if let Some(via) = methods.get(name) {
                used.extend(via.iter().cloned());
            }
        }
        used
    }

    /// Every text the first part's code reads is built into it (`first_part_text!`).
    #[test]
    fn the_first_part_carries_every_text_it_shows() {
        let used = texts_of_the_first_part();
        assert!(used.contains("plans_title") && used.contains("crash_title") && used.contains("block_names"), "the scan finds the plan list's texts: {used:?}");
        let built: BTreeMap<&str, Vec<&str>> = en::FIRST_PART.clone().all().into_iter().collect();
        let missing: Vec<&String> = used.iter().filter(|name| built[name.as_str()].iter().any(|t| t.is_empty())).collect();
        assert!(missing.is_empty(), "the first part shows these texts but builds with parts leave them out: add them to first_part_text! in src/i18n/first_part.rs: {missing:?}");
        // And the others are left out, or the first part carries them for nothing.
        let extra: Vec<&str> = built.iter().filter(|(name, t)| !t.iter().any(|t| t.is_empty()) && !used.contains(**name)).map(|(name, _)| *name).collect();
        assert!(extra.is_empty(), "first_part_text! keeps texts the first part does not show: {extra:?}");
    }
}
