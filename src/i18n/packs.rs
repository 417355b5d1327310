//! Language packs: German and Bulgarian come as JSON (`public/i18n/<code>.json`), read
//! into a `Texts` when a user first needs them and kept for the page's life. English is
//! built in and needs none.

use super::{en, Lang, Texts};

impl Lang {
    /// The texts of this language; English until its pack is installed (and, in builds
    /// with parts, English beyond the first part's texts once the English part is loaded).
    pub fn texts(self) -> &'static Texts {
        PACKS.with(|p| p.borrow()[self as usize]).unwrap_or(&en::TEXTS)
    }

    /// Whether the texts of this language are at hand for the first part (the plan list).
    pub fn is_ready(self) -> bool {
        self == Lang::En || PACKS.with(|p| p.borrow()[self as usize].is_some())
    }

    /// Whether every text of this language is at hand, for the screens of the parts: in
    /// builds with parts, English beyond the first part's texts comes with a part
    /// (`install_english`).
    pub fn is_complete(self) -> bool {
        if cfg!(feature = "split") {
            PACKS.with(|p| p.borrow()[self as usize].is_some())
        } else {
            self.is_ready()
        }
    }

    /// Makes every English text available. In builds with parts, called only by the part
    /// that carries them (see `first_part`); elsewhere English is complete anyway.
    pub fn install_english() {
        #[cfg(feature = "split")]
        PACKS.with(|p| p.borrow_mut()[Lang::En as usize] = Some(&en::ALL));
    }

    /// Installs a language pack (the JSON of `public/i18n/<code>.json`). Fails, naming the
    /// first missing or malformed text, and then changes nothing.
    pub fn install(self, pack: &str) -> Result<(), String> {
        let value: serde_json::Value = serde_json::from_str(pack).map_err(|e| e.to_string())?;
        let map = value.as_object().ok_or("not an object")?;
        let mut texts = en::TEXTS.clone();
        texts.load(map)?;
        let texts: &'static Texts = Box::leak(Box::new(texts));
        PACKS.with(|p| p.borrow_mut()[self as usize] = Some(texts));
        Ok(())
    }
}

thread_local! {
    /// Installed language packs, by `Lang` index; each is loaded once and kept.
    static PACKS: std::cell::RefCell<[Option<&'static Texts>; 3]> = const { std::cell::RefCell::new([None; 3]) };
}

/// Where one text of a pack goes: a single string, or a fixed number of them.
pub(super) enum Slot<'a> {
    One(&'a mut &'static str),
    Many(&'a mut [&'static str]),
}

pub(super) trait AsSlot {
    fn slot(&mut self) -> Slot<'_>;
}

impl AsSlot for &'static str {
    fn slot(&mut self) -> Slot<'_> {
        Slot::One(self)
    }
}

impl<const N: usize> AsSlot for [&'static str; N] {
    fn slot(&mut self) -> Slot<'_> {
        Slot::Many(self)
    }
}

/// A text of a pack; packs are loaded once per language and live as long as the page.
fn pack_text(v: &serde_json::Value) -> Option<&'static str> {
    v.as_str().filter(|s| !s.trim().is_empty()).map(|s| &*Box::leak(s.to_owned().into_boxed_str()))
}

/// Fills the slots from a pack, or names the first text that is missing or malformed.
pub(super) fn fill_slots(slots: Vec<(&'static str, Slot<'_>)>, map: &serde_json::Map<String, serde_json::Value>) -> Result<(), String> {
    for (name, slot) in slots {
        let value = map.get(name).ok_or(name)?;
        match slot {
            Slot::One(text) => *text = pack_text(value).ok_or(name)?,
            Slot::Many(texts) => {
                let items = value.as_array().filter(|a| a.len() == texts.len()).ok_or(name)?;
                for (text, item) in texts.iter_mut().zip(items) {
                    *text = pack_text(item).ok_or(name)?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut out: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect();
        out.sort();
        out
    }

    fn pack(lang: Lang) -> String {
        let path = format!("{}/public/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), lang.code());
        std::fs::read_to_string(path).unwrap()
    }

    /// Each pack has every text and no other, and keeps every placeholder of the English.
    #[test]
    fn language_packs_are_complete() {
        for lang in [Lang::De, Lang::Bg] {
            let text = pack(lang);
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
            let mut fields = Texts::FIELDS.to_vec();
            keys.sort();
            fields.sort();
            assert_eq!(keys, fields, "{lang:?} pack has other texts than English");
            let mut texts = en::TEXTS.clone();
            texts.load(value.as_object().unwrap()).unwrap_or_else(|f| panic!("{lang:?}: {f} is missing or malformed"));
            for ((name, english), (_, translated)) in en::TEXTS.clone().all().into_iter().zip(texts.all()) {
                for (e, t) in english.iter().zip(&translated) {
                    assert_eq!(placeholders(e), placeholders(t), "{lang:?} {name}: {t}");
                }
            }
        }
    }

    #[test]
    fn packs_install_and_broken_ones_are_refused() {
        assert!(Lang::De.install("{}").is_err());
        assert!(!Lang::De.is_ready());
        assert_eq!(Lang::De.texts().plans_title, en::TEXTS.plans_title);
        Lang::De.install(&pack(Lang::De)).unwrap();
        assert!(Lang::De.is_ready());
        assert_eq!(Lang::De.texts().plans_title, "Ihre Strategiepläne");
    }

    #[test]
    fn sample_tables_are_complete_in_every_language() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/sample");
        let keys = crate::model::sample::keys(&std::fs::read_to_string(format!("{dir}/plan.json")).unwrap());
        assert!(keys.len() > 100);
        for lang in Lang::ALL {
            let text = std::fs::read_to_string(format!("{dir}/{}.json", lang.code())).unwrap();
            let table: std::collections::BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
            let mut have: Vec<String> = table.keys().cloned().collect();
            have.sort();
            assert_eq!(have, keys, "{lang:?}");
            assert!(table.values().all(|v| !v.trim().is_empty()), "{lang:?} has an empty text");
        }
    }
}
