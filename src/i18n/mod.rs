//! The translation layer: every text the app shows, in English, German and Bulgarian,
//! and number and date formatting for each language. One file per job:
//!
//! - here: the languages (`Lang`), their codes, names and the browser's preference;
//! - `texts`: the `Texts` of a language, one field per text, and its helpers;
//! - `en`: the English texts, built in;
//! - `packs`: German and Bulgarian as language packs, read and installed when needed;
//! - `format`: numbers and dates as people of each language write them;
//! - `numbers`: numbers as people type them, read back;
//! - `messages`: what is wrong with a file that can't be read.
//!
//! Each language is one `Texts` value. English is built in (`en.rs`: a missing text is a
//! compile error); German and Bulgarian are language packs (`public/i18n/<code>.json`)
//! that the app loads when a user needs them, so a first visit carries one language, not
//! three. Tests check every pack is complete and keeps the English placeholders.

mod en;
mod first_part;
mod format;
mod messages;
mod numbers;
mod packs;
mod texts;

pub use format::{format_date, format_number, format_number_short, format_timestamp};
pub use messages::{import_error, problem};
pub use numbers::{parse_number, plain_number, NumberError};
pub use texts::{fill, Texts};

/// A language the app speaks.
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

    /// The thousands group and the decimal mark, for formatting and reading numbers.
    fn separators(self) -> (&'static str, char) {
        match self {
            Lang::En => (",", '.'),
            Lang::De => (".", ','),
            // Bulgarian groups thousands with a (narrow no-break) space.
            Lang::Bg => ("\u{202f}", ','),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_preferences_pick_the_first_known_language() {
        assert_eq!(Lang::from_preferences(["fr-FR", "de-AT", "en"]), Lang::De);
        assert_eq!(Lang::from_preferences(["bg"]), Lang::Bg);
        assert_eq!(Lang::from_preferences(["fr"]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::En);
    }
}
