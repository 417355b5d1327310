//! Round steps for an axis, for any range: never more than `MAX_TICKS`, only finite
//! ones, also on subnormal, huge and equal values.

/// The most ticks an axis ever gets, whatever the data.
pub const MAX_TICKS: usize = 12;

/// Round steps for an axis: about `n` ticks from `lo` to `hi`, never more than
/// `MAX_TICKS`, and only finite ones. Where no round step fits (a span that overflows or
/// is subnormal), the ends themselves; with `hi == lo`, `lo` alone.
pub fn nice_ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !lo.is_finite() || !hi.is_finite() {
        return [lo, hi].into_iter().find(|v| v.is_finite()).into_iter().collect();
    }
    if !(hi > lo) {
        return vec![lo];
    }
    let n = n.clamp(1, MAX_TICKS - 2) as f64;
    // The span overflows from -1.7e308 to 1.7e308; halved first, it does not.
    let raw = match (hi - lo) / n {
        raw if raw.is_finite() => raw,
        _ => hi / n - lo / n,
    };
    // A subnormal span divided may round to zero; at worst the step is the smallest number.
    let raw = if raw.is_finite() { raw.max(f64::from_bits(1)) } else { f64::MAX };
    let exponent = raw.log10().floor() as i32;
    // powi is exact up to 10^22; beyond, it drifts (10^299 by 6 ulp) and reaches 0 through
    // 1 / 10^321 = 1 / inf, so far powers of ten are read from their text, correctly rounded.
    let magnitude = if exponent.abs() <= 22 { 10f64.powi(exponent) } else { crate::i18n::plain_number(&format!("1e{exponent}")).unwrap_or(0.0) };
    let magnitude = magnitude.max(f64::from_bits(1));
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    let (first, last) = ((lo / step).ceil(), (hi / step).floor());
    if !(step.is_finite() && step > 0.0 && first.is_finite() && last.is_finite() && last - first < MAX_TICKS as f64) {
        return vec![lo, hi];
    }
    let mut ticks: Vec<f64> = (first as i64..=last as i64).map(|i| i as f64 * step).filter(|v| v.is_finite()).collect();
    ticks.dedup();
    ticks
}
