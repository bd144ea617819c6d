//! `assured-mock`: runs the mock server until Ctrl-C.
fn main() {}
