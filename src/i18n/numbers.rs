//! Numbers as people type them, read back: either convention where it is unambiguous,
//! and a question where it is not; and numbers the app wrote itself.

use super::Lang;

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
mod tests {
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
