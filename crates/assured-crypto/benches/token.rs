//! Throughput of the SSN token: tokens per second with a key cached per JWT.
#![allow(missing_docs)]

use assured_crypto::{Ssn, SsnKey};
use divan::counter::ItemsCount;

fn main() {
    divan::main();
}

const JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE3OTk5OTk5OTl9.c2lnbmF0dXJl";

/// Encrypt with a cached key and a random IV (the production path).
#[divan::bench]
fn encrypt_cached_key(bencher: divan::Bencher<'_, '_>) {
    let key = SsnKey::from_jwt(JWT);
    let ssn = Ssn::parse("123-45-6789").unwrap();
    bencher
        .counter(ItemsCount::new(1usize))
        .bench(|| key.encrypt(divan::black_box(&ssn)).unwrap());
}

/// Encrypt with a fixed IV: the cipher alone, without the OS random source.
#[divan::bench]
fn encrypt_cached_key_fixed_iv(bencher: divan::Bencher<'_, '_>) {
    let key = SsnKey::from_jwt(JWT);
    let ssn = Ssn::parse("123-45-6789").unwrap();
    bencher
        .counter(ItemsCount::new(1usize))
        .bench(|| key.encrypt_with_iv(divan::black_box(&ssn), [7; 16]));
}

/// Derive the key from the JWT on every token (what caching avoids).
#[divan::bench]
fn encrypt_deriving_key_each_time(bencher: divan::Bencher<'_, '_>) {
    let ssn = Ssn::parse("123-45-6789").unwrap();
    bencher
        .counter(ItemsCount::new(1usize))
        .bench(|| assured_crypto::encrypt_ssn(divan::black_box(JWT), &ssn).unwrap());
}

/// Decrypt a token with a cached key.
#[divan::bench]
fn decrypt_cached_key(bencher: divan::Bencher<'_, '_>) {
    let key = SsnKey::from_jwt(JWT);
    let token = key.encrypt(&Ssn::parse("123-45-6789").unwrap()).unwrap();
    bencher
        .counter(ItemsCount::new(1usize))
        .bench(|| key.decrypt(divan::black_box(token.as_str())).unwrap());
}
