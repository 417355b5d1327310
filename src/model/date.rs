//! Calendar dates as the file format stores them: `YYYY-MM-DD` text.
//!
//! A date is kept as text so a broken value in a file can be reported with its path
//! instead of failing the whole parse; `Date::parts` checks it. The text of a real date
//! is kept in place ([`DateText`]), not in an allocation of its own: a large plan holds
//! tens of thousands of dates, read on each import and opening.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Date(pub DateText);

/// The text of a date: up to `INLINE` bytes (every `YYYY-MM-DD`) in place, longer text
/// (only in a broken file, until it is repaired or refused) on the heap. Compared,
/// ordered and hashed as its text.
#[derive(Clone)]
pub struct DateText(Repr);

const INLINE: usize = 10;

#[derive(Clone)]
enum Repr {
    /// The length, then the bytes of a text of at most `INLINE` bytes.
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
}

impl DateText {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Copied from a `str` whole (`From<&str>`), so always UTF-8.
            Repr::Inline(n, b) => std::str::from_utf8(&b[..usize::from(*n)]).unwrap_or_default(),
            Repr::Heap(s) => s,
        }
    }

    fn bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline(n, b) => &b[..usize::from(*n)],
            Repr::Heap(s) => s.as_bytes(),
        }
    }
}

impl Default for DateText {
    fn default() -> Self {
        DateText(Repr::Inline(0, [0; INLINE]))
    }
}

impl From<&str> for DateText {
    fn from(s: &str) -> Self {
        if s.len() <= INLINE {
            let mut b = [0; INLINE];
            b[..s.len()].copy_from_slice(s.as_bytes());
            DateText(Repr::Inline(s.len() as u8, b))
        } else {
            DateText(Repr::Heap(s.into()))
        }
    }
}

impl From<String> for DateText {
    fn from(s: String) -> Self {
        if s.len() <= INLINE {
            s.as_str().into()
        } else {
            DateText(Repr::Heap(s.into_boxed_str()))
        }
    }
}

impl From<&DateText> for String {
    fn from(t: &DateText) -> Self {
        t.as_str().to_owned()
    }
}

impl std::ops::Deref for DateText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for DateText {
    fn eq(&self, other: &Self) -> bool {
        self.bytes() == other.bytes()
    }
}

impl Eq for DateText {}

impl PartialEq<str> for DateText {
    fn eq(&self, other: &str) -> bool {
        self.bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for DateText {
    fn eq(&self, other: &&str) -> bool {
        self.bytes() == other.as_bytes()
    }
}

impl Ord for DateText {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Byte order is the text's order.
        self.bytes().cmp(other.bytes())
    }
}

impl PartialOrd for DateText {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::hash::Hash for DateText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::fmt::Debug for DateText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for DateText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DateText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = DateText;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date as text")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<DateText, E> {
                Ok(s.into())
            }
            fn visit_string<E: serde::de::Error>(self, s: String) -> Result<DateText, E> {
                Ok(s.into())
            }
        }
        deserializer.deserialize_str(Text)
    }
}

#[cfg(test)]
impl schemars::JsonSchema for DateText {
    fn schema_name() -> String {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        String::json_schema(generator)
    }
    fn is_referenceable() -> bool {
        String::is_referenceable()
    }
}

impl Date {
    pub fn new(y: i32, m: u32, d: u32) -> Date {
        Date(format!("{y:04}-{m:02}-{d:02}").into())
    }

    /// A date of any text (checked by `parts`).
    pub fn text(s: &str) -> Date {
        Date(s.into())
    }

    /// Year, month and day, if the text is a real calendar date.
    pub fn parts(&self) -> Option<(i32, u32, u32)> {
        let s = self.0.bytes();
        if s.len() != 10 || s[4] != b'-' || s[7] != b'-' {
            return None;
        }
        // Digits only (a plan holds thousands of dates, so no string parsing).
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            s[r].iter().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
        };
        let (y, m, d) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some((y, m, d))
    }

    pub fn is_valid(&self) -> bool {
        self.parts().is_some()
    }

    /// Days since 1970-01-01 (negative before).
    pub fn day_number(&self) -> Option<i64> {
        let (y, m, d) = self.parts()?;
        Some(days_from_civil(y, m, d))
    }

    pub fn from_day_number(n: i64) -> Date {
        let (y, m, d) = civil_from_days(n);
        Date::new(y, m, d)
    }

    pub fn add_days(&self, days: i64) -> Option<Date> {
        Some(Date::from_day_number(self.day_number()? + days))
    }

    /// The same day `months` months later (earlier when negative), on the month's last
    /// day when it is shorter.
    pub fn add_months(&self, months: i64) -> Option<Date> {
        let (y, m, d) = self.parts()?;
        let index = i64::from(y) * 12 + i64::from(m - 1) + months;
        let (y, m) = (i32::try_from(index.div_euclid(12)).ok()?, index.rem_euclid(12) as u32 + 1);
        (0..=9999).contains(&y).then(|| Date::new(y, m, d.min(days_in_month(y, m))))
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(Date("2024-02-29".into()).parts(), Some((2024, 2, 29)));
        assert!(!Date("2023-02-29".into()).is_valid());
        assert!(!Date("2023-13-01".into()).is_valid());
        assert!(!Date("2023-1-01".into()).is_valid());
        assert!(!Date("2023-01-0x".into()).is_valid());
        assert!(!Date("".into()).is_valid());
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).day_number(), Some(0));
        assert_eq!(Date::new(2000, 3, 1).day_number(), Some(11_017));
        for n in [-700_000, -1, 0, 59, 10_000, 20_000, 2_000_000] {
            assert_eq!(Date::from_day_number(n).day_number(), Some(n));
        }
        assert_eq!(Date::new(2026, 12, 30).add_days(3), Some(Date::new(2027, 1, 2)));
    }

    proptest::proptest! {
        /// A date's text, in place or not, is its text: the same, in the same order, equal
        /// and hashed as a `String` would be, and read and written unchanged.
        #[test]
        fn date_text_is_its_text(a in "[0-9-]{0,12}|.{0,14}", b in "[0-9-]{0,12}|.{0,14}") {
            use std::hash::{BuildHasher, RandomState};
            let (x, y) = (DateText::from(a.as_str()), DateText::from(b.clone()));
            proptest::prop_assert_eq!(x.as_str(), a.as_str());
            proptest::prop_assert_eq!(y.as_str(), b.as_str());
            proptest::prop_assert_eq!(x.cmp(&y), a.cmp(&b));
            proptest::prop_assert_eq!(x == y, a == b);
            let hasher = RandomState::new();
            proptest::prop_assert_eq!(hasher.hash_one(&x), hasher.hash_one(a.as_str()));
            let json = serde_json::to_string(&Date(x.clone())).unwrap();
            proptest::prop_assert_eq!(&json, &serde_json::to_string(&a).unwrap());
            proptest::prop_assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), Date(x));
        }
    }
}
