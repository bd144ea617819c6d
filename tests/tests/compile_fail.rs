//! The traps the types close: each of these programs must not compile
//! (the expected compiler messages are the `.stderr` files beside them).
//!
//! It lives in this crate, not in the facade's, so that trybuild builds the
//! facade with its default features: under `--all-features` the facade's
//! own tests would make it build polars a second time.
#![allow(missing_docs)]

#[test]
fn the_type_system_refuses_the_known_traps() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/compile_fail/*.rs");
}
