//! Messages about files that can't be read: each names what is wrong and where.

use super::{fill, format_number, Lang};
use crate::model::migrations::MigrationError;
use crate::model::validate::{Problem, ProblemKind};
use crate::model::file_format::MAX_BYTES;
use crate::model::{ImportError, SCHEMA_VERSION};

/// How many problems a message lists before it says "and N more".
const LISTED_PROBLEMS: usize = 8;

fn megabytes(lang: Lang, bytes: usize) -> String {
    format_number(lang, bytes as f64 / (1024.0 * 1024.0), 1)
}

/// A headline and the details (one line each) for `err`.
pub fn import_error(lang: Lang, err: &ImportError) -> (String, Vec<String>) {
    let t = lang.texts();
    let headline = match err {
        ImportError::TooLarge { bytes } => fill(
            t.err_too_large,
            &[("size", &megabytes(lang, *bytes)), ("max", &megabytes(lang, MAX_BYTES))],
        ),
        ImportError::Empty => t.err_empty.to_owned(),
        ImportError::NotUtf8 => t.err_not_utf8.to_owned(),
        ImportError::TooDeep => t.err_too_deep.to_owned(),
        ImportError::NotJson { line, column } => {
            fill(t.err_not_json, &[("line", &line.to_string()), ("column", &column.to_string())])
        }
        ImportError::NotOurs => t.err_not_ours.to_owned(),
        ImportError::MissingVersion => t.err_missing_version.to_owned(),
        ImportError::NewerVersion { found } => fill(
            t.err_newer_version,
            &[("found", &found.to_string()), ("supported", &SCHEMA_VERSION.to_string())],
        ),
        ImportError::Migration(MigrationError::Missing { from }) => {
            fill(t.err_migration_missing, &[("version", &from.to_string())])
        }
        ImportError::Migration(MigrationError::Failed { from, .. }) => {
            fill(t.err_migration_failed, &[("version", &from.to_string())])
        }
        ImportError::WrongType { path } => fill(t.err_wrong_type, &[("path", path)]),
        ImportError::Invalid(problems) => t.count(t.err_invalid, problems.len()),
    };
    let mut details = Vec::new();
    if let ImportError::Invalid(problems) = err {
        details.extend(problems.iter().take(LISTED_PROBLEMS).map(|p| problem(lang, p)));
        if problems.len() > LISTED_PROBLEMS {
            let more = (problems.len() - LISTED_PROBLEMS).to_string();
            details.push(fill(t.err_more_problems, &[("count", &more)]));
        }
    }
    (headline, details)
}

/// One problem of a plan, with its field path.
pub fn problem(lang: Lang, p: &Problem) -> String {
    let t = lang.texts();
    let path = p.path.as_str();
    match &p.kind {
        ProblemKind::MissingId => fill(t.problem_missing_id, &[("path", path)]),
        ProblemKind::DuplicateId { id, first } => {
            fill(t.problem_duplicate_id, &[("path", path), ("id", id.as_str()), ("first", first)])
        }
        ProblemKind::DanglingLink { id } => fill(t.problem_dangling, &[("path", path), ("id", id.as_str())]),
        ProblemKind::OutOfRange { min, max } => fill(
            t.problem_out_of_range,
            &[
                ("path", path),
                ("min", &format_number(lang, *min, 0)),
                ("max", &format_number(lang, *max, 0)),
            ],
        ),
        ProblemKind::BadDate { text } => fill(t.problem_bad_date, &[("path", path), ("text", text)]),
        ProblemKind::DuplicatePeriod { period } => {
            fill(t.problem_duplicate_period, &[("path", path), ("period", &period.0)])
        }
        ProblemKind::ThresholdOrder => fill(t.problem_threshold_order, &[("path", path)]),
    }
}
