//! Counts agree with their nouns in every language: one and other forms.
#![cfg(not(target_arch = "wasm32"))]

use socialplan::i18n::{fill, Lang};

#[test]
fn counts_of_one_and_of_many_read_right_in_every_language() {
    Lang::De.install(include_str!("../public/i18n/de.json")).expect("German pack");
    Lang::Bg.install(include_str!("../public/i18n/bg.json")).expect("Bulgarian pack");
    let expected = [
        (Lang::En, ["1 threat", "3 threats", "1 opportunity", "1 KPI", "2 KPIs", "1 tactic"]),
        (Lang::De, ["1 Risiko", "3 Risiken", "1 Chance", "1 KPI", "2 KPIs", "1 Taktik"]),
        (Lang::Bg, ["1 заплаха", "3 заплахи", "1 възможност", "1 KPI", "2 KPI", "1 тактика"]),
    ];
    let parts = [
        ["0 of 1 part filled in", "8 of 8 parts filled in"],
        ["0 von 1 Teil ausgefüllt", "8 von 8 Teilen ausgefüllt"],
        ["Попълнени: 0 от 1 част", "Попълнени: 8 от 8 части"],
    ];
    for ((lang, [threat, threats, opportunity, kpi, kpis, tactic]), parts) in expected.into_iter().zip(parts) {
        let t = lang.texts();
        assert_eq!(t.count(t.threats_count, 1), threat);
        assert_eq!(t.count(t.threats_count, 3), threats);
        assert_eq!(t.count(t.opportunities_count, 1), opportunity);
        assert_eq!(t.count(t.kpis_count, 1), kpi);
        assert_eq!(t.count(t.kpis_count, 2), kpis);
        assert_eq!(t.count(t.tactics_count, 1), tactic);
        // Where a noun stands beside the count, one and other differ.
        for forms in [t.pulled_notice, t.pull_pending, t.values_added, t.actions_unlinked, t.future_note] {
            assert_ne!(t.count(forms, 1).replace('1', ""), t.count(forms, 7).replace('7', ""), "{lang:?}: {}", t.count(forms, 1));
        }
        assert_eq!(fill(&t.count(t.parts_filled, 1), &[("done", "0")]), parts[0]);
        assert_eq!(fill(&t.count(t.parts_filled, 8), &[("done", "8")]), parts[1]);
        for forms in [t.pulled_notice, t.pull_pending, t.kept_count, t.err_invalid, t.values_added, t.values_replaced, t.actions_unlinked, t.backup_size, t.future_note] {
            let one = t.count(forms, 1);
            let many = t.count(forms, 7);
            assert!(one.contains('1') && !one.contains("{count}"), "{lang:?}: {one}");
            assert!(many.contains('7') && !many.contains("{count}"), "{lang:?}: {many}");
        }
    }
}
