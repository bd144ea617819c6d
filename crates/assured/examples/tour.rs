//! A tour of the Assured SDK.
//!
//! Today it shows the part that is complete: validating an SSN and turning it
//! into the token the API expects. Later steps of the tour (client, providers,
//! personal info, uploads against the local mock server) arrive with their
//! crates.
//!
//! Run it with `cargo run -p assured --example tour`.

use assured::crypto::{Ssn, SsnError, SsnKey};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("assured-rs tour\n");

    println!("1. SSNs are validated locally, before any request:");
    for input in [
        "123-45-6789",
        "123 45 6789",
        "000-12-3456",
        "12-345-6789",
        "12345678",
    ] {
        match Ssn::parse(input) {
            Ok(ssn) => println!("   {input:<14} -> ok, shown as {ssn}"),
            Err(err) => println!("   {input:<14} -> rejected: {err}"),
        }
    }
    let unusual: Result<Ssn, SsnError> = "987-65-4321".parse();
    println!("   987-65-4321    -> {unusual:?}");

    println!("\n2. The SSN token: AES-256-CTR keyed on SHA-256 of the session JWT:");
    let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoiMSJ9.c2lnbmF0dXJl";
    let key = SsnKey::from_jwt(jwt);
    let ssn = Ssn::parse("123-45-6789")?;
    let first = key.encrypt(&ssn)?;
    let second = key.encrypt(&ssn)?;
    println!("   token 1: {}", first.as_str());
    println!(
        "   token 2: {}  (fresh random IV each time)",
        second.as_str()
    );
    println!("   Debug of a token: {first:?}");
    println!("   decrypts back to: {}", key.decrypt(first.as_str())?);
    Ok(())
}
