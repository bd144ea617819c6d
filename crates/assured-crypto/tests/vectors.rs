//! Known-answer vectors shared with the mock server, plus property tests.
#![allow(missing_docs)]

use assured_crypto::{Ssn, SsnError, SsnKey, TokenError, decrypt_ssn_token};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct VectorFile {
    vectors: Vec<Vector>,
}

#[derive(Deserialize)]
struct Vector {
    jwt: String,
    ssn_input: String,
    ssn_digits: String,
    iv_hex: String,
    token_base64: String,
}

fn vectors() -> Vec<Vector> {
    let file: VectorFile =
        serde_json::from_str(include_str!("data/ssn-token.json")).expect("vector file parses");
    assert_eq!(
        file.vectors.len(),
        4,
        "the shared vector file changed; re-copy it"
    );
    file.vectors
}

/// The input as a user would give it. Vector 4 uses `987-65-4321`, from the
/// SSA's advertising range (area 9xx): the strict parser must refuse it, so
/// it is read with the layout-only parser.
fn parse_vector_input(input: &str) -> Ssn {
    match Ssn::parse(input) {
        Ok(ssn) => ssn,
        Err(SsnError::InvalidArea) => Ssn::parse_format_only(input).unwrap(),
        Err(other) => panic!("vector input {input:?} rejected: {other}"),
    }
}

#[test]
fn every_shared_vector_encrypts_to_its_token() {
    for v in vectors() {
        let ssn = parse_vector_input(&v.ssn_input);
        assert_eq!(ssn.expose_digits(), v.ssn_digits);
        let iv: [u8; 16] = hex::decode(&v.iv_hex).unwrap().try_into().unwrap();
        let token = SsnKey::from_jwt(&v.jwt).encrypt_with_iv(&ssn, iv);
        assert_eq!(token.as_str(), v.token_base64, "jwt {:?}", v.jwt);
    }
}

#[test]
fn every_shared_vector_decrypts_to_its_digits() {
    for v in vectors() {
        let ssn = decrypt_ssn_token(&v.jwt, &v.token_base64).unwrap();
        assert_eq!(ssn.expose_digits(), v.ssn_digits);
    }
}

#[test]
fn vector_four_is_outside_the_issuable_range() {
    let fourth = &vectors()[3];
    assert_eq!(Ssn::parse(&fourth.ssn_input), Err(SsnError::InvalidArea));
}

#[test]
fn a_token_made_under_another_jwt_is_rejected() {
    let v = &vectors()[0];
    // With overwhelming probability the keystream of another key does not
    // map nine digits to nine digits; for this fixed vector it does not.
    let err = decrypt_ssn_token("another-jwt", &v.token_base64).unwrap_err();
    assert!(matches!(err, TokenError::NotAnSsn), "{err:?}");
}

#[test]
fn malformed_tokens_are_rejected_with_their_reason() {
    let key = SsnKey::from_jwt("jwt");
    assert!(matches!(
        key.decrypt("not base64!"),
        Err(TokenError::Base64(_))
    ));
    assert!(matches!(
        key.decrypt("AAAA"),
        Err(TokenError::WrongLength { len: 3 })
    ));
}

#[test]
fn random_ivs_differ_between_tokens() {
    let key = SsnKey::from_jwt("jwt");
    let ssn = Ssn::parse("123-45-6789").unwrap();
    let a = key.encrypt(&ssn).unwrap();
    let b = key.encrypt(&ssn).unwrap();
    assert_ne!(a, b);
    assert_eq!(
        key.decrypt(a.as_str()).unwrap(),
        key.decrypt(b.as_str()).unwrap()
    );
}

#[test]
fn debug_of_an_ssn_does_not_contain_the_digits() {
    let ssn = Ssn::parse("219-09-9999").unwrap();
    let debug = format!("{ssn:?}");
    assert!(!debug.contains("219"), "{debug}");
    assert!(!debug.contains("09"), "{debug}");
    assert_eq!(debug, "Ssn(***-**-9999)");
}

/// A structurally valid SSN in one of the three accepted layouts.
fn valid_ssn_text() -> impl Strategy<Value = (String, String)> {
    let area = (1u16..900).prop_filter("666 is never issued", |a| *a != 666);
    (area, 1u8..100, 1u16..10_000, 0usize..3).prop_map(|(a, g, s, layout)| {
        let digits = format!("{a:03}{g:02}{s:04}");
        let text = match layout {
            0 => format!("{a:03}-{g:02}-{s:04}"),
            1 => format!("{a:03} {g:02} {s:04}"),
            _ => digits.clone(),
        };
        (text, digits)
    })
}

proptest! {
    #[test]
    fn valid_ssns_parse_in_every_layout((text, digits) in valid_ssn_text()) {
        let ssn = Ssn::parse(&text).unwrap();
        prop_assert_eq!(ssn.expose_digits(), digits.as_str());
        let shown = format!("{ssn:?}");
        prop_assert!(!shown.contains(&digits[..5]));
    }

    #[test]
    fn encrypt_then_decrypt_round_trips(
        (text, _digits) in valid_ssn_text(),
        jwt in "\\PC{1,200}",
        iv in any::<[u8; 16]>(),
    ) {
        let ssn = Ssn::parse(&text).unwrap();
        let key = SsnKey::from_jwt(&jwt);
        let token = key.encrypt_with_iv(&ssn, iv);
        prop_assert_eq!(key.decrypt(token.as_str()).unwrap(), ssn.clone());
        let random = key.encrypt(&ssn).unwrap();
        prop_assert_eq!(key.decrypt(random.as_str()).unwrap(), ssn);
    }

    #[test]
    fn arbitrary_text_never_panics(input in "\\PC{0,30}") {
        let _ = Ssn::parse(&input);
        let _ = SsnKey::from_jwt("jwt").decrypt(&input);
    }
}
