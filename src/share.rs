//! Plans (and any other bytes) carried in a link: the pure half of sharing.
//!
//! A shared link is the app's own address with a fragment that holds the data:
//! `https://host/path/#/import/<payload>`, where `<payload>` is the bytes compressed with
//! the browser's `CompressionStream("deflate-raw")` and written in base64url without
//! padding (RFC 4648 §5: `A–Z a–z 0–9 - _`, no `/`, so it fits one route segment). Browsers
//! never send the fragment to a server, so the plan stays between the two browsers.
//!
//! What is here works on bytes and strings only and is tested natively:
//! - [`encode`] / [`decode`]: base64url of any bytes, and back; [`decode`] says what is
//!   wrong with a damaged payload instead of guessing;
//! - [`link`]: the whole link for a payload and a route prefix;
//! - [`decide`]: whether a link of a given length can be shared, and shown as a QR code.
//!
//! The compression itself is the browser's (`ui::share`); anything else that travels as a
//! link (a participant's contribution, say) uses the same functions with its own route
//! prefix: `link(base, "#/contribution/", &encode(&compressed))`.

/// The route prefix of a shared plan (see `route::Route::Import`).
pub const IMPORT_PREFIX: &str = "#/import/";

/// The longest link the app offers, in characters (the whole URL, address and fragment).
///
/// Browsers take far longer URLs (Chromium up to 2 MB, Firefox and Safari more than
/// 64 K), but a link has to survive the places it passes through: Chromium's address bar
/// shows at most 32 KiB of a URL (`kMaxURLDisplayChars`), so a longer link can't be copied
/// from it again, and chat and mail apps cut or refuse messages of a few tens of thousands
/// of characters (Microsoft Teams about 28 K, Slack 40 K). 32,000 keeps a link whole in all
/// of them; a larger plan travels as a file.
pub const MAX_LINK_CHARS: usize = 32_000;

/// The longest link also shown as a QR code, in characters. A QR code of version 40 (the
/// largest, 177×177 modules) with the lowest error correction (L, 7 %) holds 2,953 bytes
/// in byte mode; a link is ASCII, one byte per character. Such a code is dense: phones
/// read it from a projector or a screen nearby, not from across the room.
pub const MAX_QR_CHARS: usize = 2_953;

/// What can be done with a link of some length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Short enough for a link; `qr` when also short enough for a QR code.
    Link { qr: bool },
    /// Longer than [`MAX_LINK_CHARS`]: the plan travels as a file.
    TooLong,
}

/// Whether a link of `chars` characters can be shared, and shown as a QR code.
pub fn decide(chars: usize) -> Decision {
    if chars > MAX_LINK_CHARS {
        Decision::TooLong
    } else {
        Decision::Link { qr: chars <= MAX_QR_CHARS }
    }
}

/// The link for `payload` under `prefix` (`#/import/`), on the app's address `base`
/// (whatever fragment `base` has is dropped).
pub fn link(base: &str, prefix: &str, payload: &str) -> String {
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}{prefix}{payload}")
}

/// Why a payload can't be read back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing after the prefix.
    Empty,
    /// A character that base64url doesn't use, at this position (the link was changed,
    /// or something was added to it).
    BadCharacter(usize),
    /// A length no base64url text has: the link was cut short.
    Truncated,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Any bytes as base64url, without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The bytes of a base64url text (padding `=` and whitespace a chat app may have added
/// are accepted; anything else outside the alphabet is not).
pub fn decode(text: &str) -> Result<Vec<u8>, LinkError> {
    let mut sextets = Vec::with_capacity(text.len());
    for (i, c) in text.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            b'=' | b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return Err(LinkError::BadCharacter(i)),
        };
        sextets.push(v);
    }
    if sextets.is_empty() {
        return Err(LinkError::Empty);
    }
    if sextets.len() % 4 == 1 {
        return Err(LinkError::Truncated);
    }
    let mut out = Vec::with_capacity(sextets.len() * 3 / 4);
    for chunk in sextets.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, v)| n | u32::from(*v) << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_values() {
        // RFC 4648 §10, in the URL alphabet without padding.
        for (raw, coded) in [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(encode(raw.as_bytes()), coded);
            if !raw.is_empty() {
                assert_eq!(decode(coded).unwrap(), raw.as_bytes());
            }
        }
        assert_eq!(encode(&[0xfb, 0xff, 0xfe]), "-__-");
        assert_eq!(decode("-__-").unwrap(), [0xfb, 0xff, 0xfe]);
        assert_eq!(decode("Zm8=").unwrap(), b"fo");
    }

    #[test]
    fn damaged_payloads_are_named() {
        assert_eq!(decode(""), Err(LinkError::Empty));
        assert_eq!(decode("Zm9vY"), Err(LinkError::Truncated));
        assert_eq!(decode("Zm9v+mFy"), Err(LinkError::BadCharacter(4)));
        assert_eq!(decode("Zm9v/mFy"), Err(LinkError::BadCharacter(4)));
        assert_eq!(decode("Zm9v%20"), Err(LinkError::BadCharacter(4)));
    }

    #[test]
    fn links_replace_the_fragment() {
        assert_eq!(link("https://a.example/app/#/plans/x", IMPORT_PREFIX, "Zm9v"), "https://a.example/app/#/import/Zm9v");
        assert_eq!(link("http://127.0.0.1:8080/", IMPORT_PREFIX, "Zm9v"), "http://127.0.0.1:8080/#/import/Zm9v");
        assert_eq!(link("https://a.example/?v=2", "#/contribution/", "AA"), "https://a.example/?v=2#/contribution/AA");
    }

    #[test]
    fn limits_decide_link_and_qr_code() {
        assert_eq!(decide(1), Decision::Link { qr: true });
        assert_eq!(decide(MAX_QR_CHARS), Decision::Link { qr: true });
        assert_eq!(decide(MAX_QR_CHARS + 1), Decision::Link { qr: false });
        assert_eq!(decide(MAX_LINK_CHARS), Decision::Link { qr: false });
        assert_eq!(decide(MAX_LINK_CHARS + 1), Decision::TooLong);
        const { assert!(MAX_QR_CHARS < MAX_LINK_CHARS) };
    }

    #[test]
    fn a_link_at_the_qr_limit_fits_a_qr_code() {
        use qrcode::{EcLevel, QrCode};
        // The worst case: a link that is all byte mode (lower-case letters and symbols).
        let mut link = String::from("https://example.org/socialplan/#/import/");
        while link.len() < MAX_QR_CHARS {
            link.push(['a', '-', 'z', '_', 'q'][link.len() % 5]);
        }
        assert!(QrCode::with_error_correction_level(link.as_bytes(), EcLevel::L).is_ok());
        link.push('x');
        assert!(QrCode::with_error_correction_level(link.as_bytes(), EcLevel::L).is_err());
    }

    proptest! {
        #[test]
        fn any_bytes_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let text = encode(&bytes);
            prop_assert_eq!(text.len(), (bytes.len() * 4).div_ceil(3));
            prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            if bytes.is_empty() {
                prop_assert_eq!(decode(&text), Err(LinkError::Empty));
            } else {
                prop_assert_eq!(decode(&text).unwrap(), bytes);
            }
        }

        #[test]
        fn cut_payloads_never_read_as_the_whole(bytes in proptest::collection::vec(any::<u8>(), 1..500), cut in 1usize..400) {
            let text = encode(&bytes);
            let keep = text.len().saturating_sub(cut).max(1);
            if keep < text.len() {
                // Either refused, or fewer bytes than were sent.
                if let Ok(d) = decode(&text[..keep]) {
                    prop_assert!(d.len() < bytes.len());
                }
            }
        }
    }
}
