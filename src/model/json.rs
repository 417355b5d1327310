//! Reading the model from JSON by hand, with the path of every value.
//!
//! A plan file of the current version is read directly by serde's derived `Deserialize`
//! (`file_format::decode`), the fast way. When that fails, or the file is older, it is
//! parsed into a `serde_json::Value` and read again by these plain functions, which track
//! the field path as they go, so a wrong type is reported where it is, and a `null`
//! keeps the field's default. Natively, tests check that both ways read arbitrary plans
//! the same.

use super::{Date, Id};
use serde::de::{self, Deserializer, Visitor};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// Where a value sits in the file, built without allocating until it is shown.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root(&'static str),
    Field(&'a Path<'a>, &'static str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    pub fn render(&self) -> String {
        match self {
            Path::Root(name) => (*name).to_owned(),
            Path::Field(parent, name) => join(parent.render(), name),
            Path::Key(parent, name) => join(parent.render(), name),
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

fn join(mut parent: String, name: &str) -> String {
    if !parent.is_empty() {
        parent.push('.');
    }
    parent.push_str(name);
    parent
}

/// A value that can be read from JSON; the error is the path of the wrong value.
pub trait FromJson: Sized {
    fn from_json(v: &Value, at: Path) -> Result<Self, String>;
}

fn wrong<T>(at: Path) -> Result<T, String> {
    Err(at.render())
}

impl FromJson for String {
    fn from_json(v: &Value, at: Path) -> Result<Self, String> {
        v.as_str().map(str::to_owned).map_or_else(|| wrong(at), Ok)
    }
}

impl FromJson for bool {
    fn from_json(v: &Value, at: Path) -> Result<Self, String> {
        v.as_bool().map_or_else(|| wrong(at), Ok)
    }
}

impl FromJson for u8 {
    fn from_json(v: &Value, at: Path) -> Result<Self, String> {
        v.as_u64().and_then(|n| u8::try_from(n).ok()).map_or_else(|| wrong(at), Ok)
    }
}

impl FromJson for u64 {
    fn from_json(v: &Value, at: Path) -> Result<Self, String> {
        v.as_u64().map_or_else(|| wrong(at), Ok)
    }
}

impl FromJson for f64 {
    fn from_json(v: &Value, at: Path) -> Result<Self, String> {
        v.as_f64().map_or_else(|| wrong(at), Ok)
    }
}

impl FromJson for Id {
    fn from_json(v: &Value, at: Path) -> Result<Self, String> {
        String::from_json(v, at).map(Id)
    }
}

impl FromJson for Date {
    fn from_json(v: &Value, at: Path) -> Result<Self, String> {
        String::from_json(v, at).map(Date)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value, at: Path) -> Result<Self, String> {
        if v.is_null() {
            Ok(None)
        } else {
            T::from_json(v, at).map(Some)
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value, at: Path) -> Result<Self, String> {
        let Some(items) = v.as_array() else { return wrong(at) };
        items.iter().enumerate().map(|(i, x)| T::from_json(x, Path::Index(&at, i))).collect()
    }
}

impl<K: Keyed + Ord, V: FromJson> FromJson for BTreeMap<K, V> {
    fn from_json(v: &Value, at: Path) -> Result<Self, String> {
        let Some(map) = v.as_object() else { return wrong(at) };
        map.iter()
            .map(|(k, x)| {
                let here = Path::Key(&at, k);
                let key = K::from_key(k).map_or_else(|| wrong(here), Ok)?;
                Ok((key, V::from_json(x, here)?))
            })
            .collect()
    }
}

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

        impl $crate::model::json::FromJson for $name {
            fn from_json(v: &serde_json::Value, at: $crate::model::json::Path) -> Result<Self, String> {
                v.as_str()
                    .and_then(<$name as $crate::model::json::Keyed>::from_key)
                    .ok_or_else(|| at.render())
            }
        }
    };
}
pub(crate) use keyed_enum;

/// Declares a struct of the model and reads it from a JSON object: a missing or `null`
/// field keeps the struct's default, as `#[serde(default)]` does.
macro_rules! json_struct {
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

        impl $crate::model::json::FromJson for $name {
            fn from_json(v: &serde_json::Value, at: $crate::model::json::Path) -> Result<Self, String> {
                let Some(map) = v.as_object() else { return Err(at.render()) };
                #[allow(unused_mut)]
                let mut out = <$name as Default>::default();
                $(
                    if let Some(x) = map.get(stringify!($field)) {
                        if !x.is_null() {
                            out.$field = $crate::model::json::FromJson::from_json(
                                x,
                                $crate::model::json::Path::Field(&at, stringify!($field)),
                            )?;
                        }
                    }
                )*
                Ok(out)
            }
        }
    };
}
pub(crate) use json_struct;
