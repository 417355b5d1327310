//! The model in JSON: enumerations declared once with the key of each variant
//! (`keyed_enum!`), and the one reader of the file, serde's derived `Deserialize`, with the
//! path of a wrong value (`from_str`) and `null` read as absent (`drop_nulls`).

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_json::Value;
use std::fmt;
use std::marker::PhantomData;

/// An enumeration written as one snake_case key per variant; declared by `keyed_enum!`.
pub trait Keyed: Sized + Copy + 'static {
    /// Every variant, in the order of the declaration.
    const ALL: &'static [Self];
    /// The key of each variant of `ALL`, in the same order.
    const KEYS: &'static [&'static str];

    fn key(self) -> &'static str;

    fn from_key(key: &str) -> Option<Self> {
        Self::KEYS.iter().position(|k| *k == key).map(|i| Self::ALL[i])
    }
}

/// Reads a `Keyed` enumeration from its key; anything else is an unknown variant.
pub fn deserialize_key<'de, T: Keyed, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    struct KeyVisitor<T>(PhantomData<T>);

    impl<T: Keyed> Visitor<'_> for KeyVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a key of the enumeration")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            T::from_key(v).ok_or_else(|| E::unknown_variant(v, T::KEYS))
        }
    }

    deserializer.deserialize_str(KeyVisitor(PhantomData))
}

/// Declares an enumeration of the file with the key of each variant, in one place: the
/// enum itself, `ALL` (every variant, in order), `Keyed` (`key`, `from_key`), and serde's
/// `Serialize` and `Deserialize` through those keys. The published schema's names come
/// from the same keys (`schemars(rename)`).
macro_rules! keyed_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* #[cfg_attr(test, schemars(rename = $key))] $variant ),+
        }

        impl $name {
            /// Every variant, in the order of the declaration.
            pub const ALL: [$name; [$($key),+].len()] = [$($name::$variant),+];
        }

        impl $crate::model::json::Keyed for $name {
            const ALL: &'static [Self] = &$name::ALL;
            const KEYS: &'static [&'static str] = &[$($key),+];

            fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::model::json::Keyed::key(*self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::model::json::deserialize_key(deserializer)
            }
        }
    };
}
pub(crate) use keyed_enum;

/// Reads `T` from JSON text; when a value has the wrong type, the error is its path
/// (`plan.strategy.kpis[3].target`).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    from_str_noting(text).map(|(value, _)| value)
}

/// How many unknown fields `from_str_noting` names; a file of another program could have
/// thousands, and twenty say enough.
pub const UNKNOWN_SHOWN: usize = 20;

/// Reads `T` like `from_str`, and in the same pass names the fields of the text that `T`
/// has no place for (`plan.strategy.kpiz`, `plan.strategy.kpis[3].colour`), at most
/// `UNKNOWN_SHOWN` of them. A text that does not read is read once more, tracking where
/// (`error_path`): the path costs a third of the reading time, and only a broken file
/// needs it.
pub fn from_str_noting<T: DeserializeOwned>(text: &str) -> Result<(T, Vec<String>), String> {
    read_noting(text).ok_or_else(|| error_path::<T>(text))
}

/// `from_str_noting` without the path of what is wrong: `None` when `text` does not read.
pub fn read_noting<T: DeserializeOwned>(text: &str) -> Option<(T, Vec<String>)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut unknown = Vec::new();
    let read = serde_ignored::deserialize(&mut de, |path| {
        if unknown.len() < UNKNOWN_SHOWN {
            let mut text = String::new();
            ignored_path(&path, &mut text);
            unknown.push(text);
        }
    });
    let value = read.and_then(|value| de.end().map(|()| value)).ok()?;
    Some((value, unknown))
}

/// Reads `T` from JSON text like `read_noting`, but only says whether the text has fields
/// `T` has no place for, not which: about a quarter faster (`spot`). `None` when `text`
/// does not read.
pub fn read_spotting<T: DeserializeOwned>(text: &str) -> Option<(T, bool)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let seen = std::cell::Cell::new(false);
    let value = T::deserialize(super::spot::Spot { de: &mut de, seen: &seen }).ok()?;
    de.end().ok()?;
    Some((value, seen.get()))
}

/// The path of the first wrong value of `text` as `T` (empty for the root, or for text
/// after the value).
fn error_path<T: DeserializeOwned>(text: &str) -> String {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    match T::deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track)) {
        Err(_) => path_text(&track.path()),
        Ok(_) => String::new(),
    }
}

/// A path of `serde_ignored` in the spelling of `serde_path_to_error`: keys joined by dots,
/// positions in brackets.
fn ignored_path(path: &serde_ignored::Path, out: &mut String) {
    use serde_ignored::Path;
    match path {
        Path::Root => {}
        Path::Seq { parent, index } => {
            ignored_path(parent, out);
            out.push_str(&format!("[{index}]"));
        }
        Path::Map { parent, key } => {
            ignored_path(parent, out);
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(key);
        }
        Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => ignored_path(parent, out),
    }
}

fn path_text(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    // The root has no name.
    if text == "." {
        String::new()
    } else {
        text
    }
}

/// Takes every member whose value is `null` out of every object in `value`: a field
/// written as `null` then keeps its default, as an absent one does (every struct of the
/// model is `#[serde(default)]`). Items of lists are left as they are: a `null` item is
/// a wrong value.
pub fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}
