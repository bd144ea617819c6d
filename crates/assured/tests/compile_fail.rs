//! The traps the types close: each of these programs must not compile
//! (the expected compiler messages are the `.stderr` files beside them).
#![allow(missing_docs)]

#[test]
fn the_type_system_refuses_the_known_traps() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/compile_fail/*.rs");
}
