//! The app shell (`public/shell.js`) paints the plan list's heading before the app starts:
//! its texts must be the translation layer's, in every language.
#![cfg(not(target_arch = "wasm32"))]

use socialplan::i18n::Lang;

#[test]
fn the_shell_speaks_with_the_apps_texts() {
    let shell = include_str!("../public/shell.js");
    Lang::De.install(include_str!("../public/i18n/de.json")).expect("German pack");
    Lang::Bg.install(include_str!("../public/i18n/bg.json")).expect("Bulgarian pack");
    for lang in Lang::ALL {
        let t = lang.texts();
        let line = format!("{}: ['{}', '{}']", lang.code(), t.plans_title, t.plans_intro);
        assert!(shell.contains(&line), "public/shell.js must carry {line}");
    }
    let index = include_str!("../index.html");
    assert!(index.contains(&format!("<p class=\"shell-title\">{}</p>", Lang::En.texts().plans_title)));
    assert!(index.contains(Lang::En.texts().plans_intro));
}
