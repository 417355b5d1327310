//! A KPI's values, with a stamp that changes with every change to them, so a save can
//! reuse the text it wrote for them the last time (see `stamped`, whose rules they
//! follow). Most of a large plan's bytes are KPI values, and most saves (a word typed
//! elsewhere) change none of them. They are not a `Stamped` list because they are read
//! differently (see `READING`).

use super::Actual;
use super::stamped::{next_stamp, serialize_reusing};
use serde::{Deserialize, Serialize, Serializer};
use std::cell::RefCell;
use std::ops::{Deref, DerefMut};

/// A KPI's values, in order of their periods (see `review`).
#[derive(Clone)]
pub struct Actuals {
    values: Vec<Actual>,
    stamp: u64,
}

thread_local! {
    /// The values being read, kept between reads: a file does not say how many values a
    /// KPI has, so each KPI's list would otherwise grow by copies, to up to twice its size.
    static READING: RefCell<Vec<Actual>> = const { RefCell::new(Vec::new()) };
}

/// Read as a list of values into `READING`, then copied to a list of their exact number.
impl<'de> Deserialize<'de> for Actuals {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct List;
        impl<'de> serde::de::Visitor<'de> for List {
            type Value = Actuals;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of values")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Actuals, A::Error> {
                // Taken out while reading (a value holds no values, but a reader that
                // called back here would then start from an empty list, not panic).
                let mut read = READING.take();
                read.clear();
                let mut outcome = Ok(());
                loop {
                    match seq.next_element::<Actual>() {
                        Ok(Some(a)) => read.push(a),
                        Ok(None) => break,
                        Err(e) => {
                            outcome = Err(e);
                            break;
                        }
                    }
                }
                let values = read.drain(..).collect::<Vec<_>>();
                READING.set(read);
                outcome.map(|()| values.into())
            }
        }
        deserializer.deserialize_seq(List)
    }
}

impl Default for Actuals {
    fn default() -> Self {
        Vec::new().into()
    }
}

impl From<Vec<Actual>> for Actuals {
    fn from(values: Vec<Actual>) -> Self {
        Actuals { values, stamp: next_stamp() }
    }
}

impl FromIterator<Actual> for Actuals {
    fn from_iter<I: IntoIterator<Item = Actual>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl Actuals {
    /// Changes with every change to the values: equal stamps, equal values.
    pub fn stamp(&self) -> u64 {
        self.stamp
    }
}

impl Deref for Actuals {
    type Target = Vec<Actual>;
    fn deref(&self) -> &Vec<Actual> {
        &self.values
    }
}

impl DerefMut for Actuals {
    fn deref_mut(&mut self) -> &mut Vec<Actual> {
        self.stamp = next_stamp();
        &mut self.values
    }
}

impl<'a> IntoIterator for &'a Actuals {
    type Item = &'a Actual;
    type IntoIter = std::slice::Iter<'a, Actual>;
    fn into_iter(self) -> Self::IntoIter {
        self.values.iter()
    }
}

impl<'a> IntoIterator for &'a mut Actuals {
    type Item = &'a mut Actual;
    type IntoIter = std::slice::IterMut<'a, Actual>;
    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

impl PartialEq<Vec<Actual>> for Actuals {
    fn eq(&self, other: &Vec<Actual>) -> bool {
        &self.values == other
    }
}

impl PartialEq for Actuals {
    fn eq(&self, other: &Self) -> bool {
        self.values == other.values
    }
}

impl std::fmt::Debug for Actuals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.values.fmt(f)
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Actuals {
    fn schema_name() -> String {
        <Vec<Actual>>::schema_name()
    }
    fn json_schema(generator: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        <Vec<Actual>>::json_schema(generator)
    }
    fn is_referenceable() -> bool {
        <Vec<Actual>>::is_referenceable()
    }
}

impl Serialize for Actuals {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_reusing(self.stamp, self.values.len(), &self.values, serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stamped::{reusing_written, to_string_reusing, WROTE};
    use crate::model::{Date, Kpi};
    use std::cell::Cell;

    fn kpi(values: &[f64]) -> Kpi {
        let actuals = values.iter().enumerate().map(|(i, v)| Actual { period: Date::new(2026, 1, 1 + i as u32), value: *v, comment: String::new() }).collect();
        Kpi { actuals, ..Kpi::default() }
    }

    /// Writes `kpis` as a save does; returns the text and how many lists were written anew.
    fn write(kpis: &[Kpi]) -> (String, usize) {
        let before = WROTE.with(Cell::get);
        let text = to_string_reusing(kpis).unwrap();
        assert_eq!(text, serde_json::to_string(kpis).unwrap(), "the same text as a write from scratch");
        (text, WROTE.with(Cell::get) - before)
    }

    #[test]
    fn unchanged_values_are_not_written_again_and_changed_ones_are() {
        let mut kpis = vec![kpi(&[1.0, 2.0]), kpi(&[3.0])];
        assert_eq!(write(&kpis).1, 2);
        assert_eq!(write(&kpis).1, 0, "nothing changed");
        kpis[1].name = "Reach".into();
        assert_eq!(write(&kpis).1, 0, "a change elsewhere");
        kpis[0].actuals[1].value = 2.5;
        let (text, wrote) = write(&kpis);
        assert_eq!(wrote, 1);
        assert!(text.contains("2.5"));
        // Even a look through `&mut` counts as a change: written again, never stale.
        let _ = kpis[1].actuals.iter_mut().count();
        assert_eq!(write(&kpis).1, 1);
    }

    #[test]
    fn copies_swaps_and_replacements_are_written_as_they_are() {
        let mut kpis = vec![kpi(&[1.0]), kpi(&[2.0, 3.0])];
        write(&kpis);
        // A copy keeps the stamp of what it copies (it is equal); a change to the copy
        // takes a new one and leaves the original's text alone.
        kpis.push(kpis[0].clone());
        assert_eq!(write(&kpis).1, 0);
        kpis[2].actuals.push(Actual { period: Date::new(2026, 2, 1), value: 9.0, comment: String::new() });
        assert_eq!(write(&kpis).1, 1);
        assert_eq!(kpis[0].actuals.len(), 1);
        let (a, b) = kpis.split_at_mut(1);
        std::mem::swap(&mut a[0].actuals, &mut b[0].actuals);
        write(&kpis);
        kpis[1].actuals = vec![Actual { period: Date::new(2027, 1, 1), value: 7.0, comment: "new".into() }].into();
        write(&kpis);
        // Read from text: new stamps, the same text.
        let read: Vec<Kpi> = serde_json::from_str(&serde_json::to_string(&kpis).unwrap()).unwrap();
        assert_eq!(read, kpis);
        assert_eq!(write(&read).0, write(&kpis).0);
    }

    #[test]
    fn a_write_inside_another_is_plain_and_other_serialisers_read_the_same() {
        let kpis = vec![kpi(&[1.0, 2.0])];
        let inner = reusing_written(|| to_string_reusing(&kpis).unwrap());
        assert_eq!(inner, serde_json::to_string(&kpis).unwrap());
        let plain = serde_json::to_value(&kpis).unwrap();
        assert_eq!(plain[0]["actuals"][1]["value"], 2.0);
        // A tree made while a write reuses texts reads them as values.
        to_string_reusing(&kpis).unwrap();
        let inside = reusing_written(|| serde_json::to_value(&kpis).unwrap());
        assert_eq!(inside, plain);
    }
}
