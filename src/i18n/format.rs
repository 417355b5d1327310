//! Numbers and dates as people of each language write them: separators, grouping,
//! rounding, and the order of day, month and year.

use super::Lang;
use crate::model::Date;

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
        return date.0.to_string();
    };
    match lang {
        Lang::En => format!("{d} {} {y}", lang.texts().months_short[m as usize - 1]),
        Lang::De => format!("{d:02}.{m:02}.{y}"),
        Lang::Bg => format!("{d:02}.{m:02}.{y} г."),
    }
}

/// The date part of an RFC 3339 timestamp, formatted.
pub fn format_timestamp(lang: Lang, timestamp: &str) -> String {
    let day = Date::text(timestamp.get(..10).unwrap_or(timestamp));
    format_date(lang, &day)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
