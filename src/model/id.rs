//! Stable identifiers for every item of a plan.
//!
//! Links between items (a tactic to its objective, a KPI to its objective …) hold ids,
//! never positions or names, so renaming, re-ordering and merging files keep them intact.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An opaque, stable identifier. Unique within one plan; in practice unique everywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// Builds an id from 64 random bits: base-36 text, short enough to read in a file.
    pub fn from_bits(mut bits: u64) -> Id {
        const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::with_capacity(13);
        loop {
            out.push(DIGITS[(bits % 36) as usize]);
            bits /= 36;
            if bits == 0 {
                break;
            }
        }
        out.reverse();
        Id(String::from_utf8(out).expect("ascii digits"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id(s.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_bits_are_base36() {
        assert_eq!(Id::from_bits(0).as_str(), "0");
        assert_eq!(Id::from_bits(35).as_str(), "z");
        assert_eq!(Id::from_bits(36).as_str(), "10");
        assert_eq!(Id::from_bits(u64::MAX).as_str(), "3w5e11264sgsf");
    }
}
