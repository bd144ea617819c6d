//! The facade re-exports the SSN token so that users need one dependency.
#![allow(missing_docs)]

use assured::crypto::{Ssn, SsnKey};

#[test]
fn facade_token_is_readable_by_the_crypto_crate() {
    let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoiMSJ9.c2lnbmF0dXJl";
    let token = SsnKey::from_jwt(jwt)
        .encrypt(&Ssn::parse("123-45-6789").unwrap())
        .unwrap();
    let back = assured_crypto::decrypt_ssn_token(jwt, token.as_str()).unwrap();
    assert_eq!(back.expose_digits(), "123456789");
}
