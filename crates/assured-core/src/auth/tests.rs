//! The cache alone, with tokio's paused clock standing in for time passing.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::UNIX_EPOCH;

use super::claims::token_with_exp;
use super::*;

fn in_secs(secs: u64) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    token_with_exp(&(now + secs).to_string())
}

#[tokio::test(start_paused = true)]
async fn failed_renewal_keeps_a_still_valid_token() {
    let cache = JwtCache::new(Duration::from_secs(3600));
    let logins = AtomicUsize::new(0);
    let first = cache
        .get(|| async {
            logins.fetch_add(1, Ordering::SeqCst);
            Ok(in_secs(600))
        })
        .await
        .unwrap();
    // Past half its life: a renewal is attempted, fails, the old token stays.
    tokio::time::advance(Duration::from_secs(400)).await;
    let second = cache
        .get(|| async {
            logins.fetch_add(1, Ordering::SeqCst);
            Err(Error::invalid_input("login down"))
        })
        .await
        .unwrap();
    assert_eq!(first.generation, second.generation);
    assert_eq!(logins.load(Ordering::SeqCst), 2);
}

#[tokio::test(start_paused = true)]
async fn an_expired_token_is_not_used_after_a_failed_renewal() {
    let cache = JwtCache::new(Duration::from_secs(60));
    cache.get(|| async { Ok(in_secs(100)) }).await.unwrap();
    tokio::time::advance(Duration::from_secs(101)).await;
    let err = cache
        .get(|| async { Err(Error::invalid_input("login down")) })
        .await
        .unwrap_err();
    assert!(err.is_invalid_input());
}

#[tokio::test]
async fn invalidate_ignores_a_token_already_replaced() {
    let cache = JwtCache::new(Duration::ZERO);
    let old = cache.get(|| async { Ok("a".to_owned()) }).await.unwrap();
    cache.invalidate(&old).await;
    let new = cache.get(|| async { Ok("b".to_owned()) }).await.unwrap();
    cache.invalidate(&old).await; // stale 401: must not drop "b"
    let still = cache.get(|| async { Ok("c".to_owned()) }).await.unwrap();
    assert_eq!(still.expose(), new.expose());
}

#[tokio::test(start_paused = true)]
async fn a_dropped_renewal_lets_the_next_caller_renew() {
    let cache = JwtCache::new(Duration::from_secs(60));
    cache.get(|| async { Ok(in_secs(100)) }).await.unwrap();
    tokio::time::advance(Duration::from_secs(60)).await;
    // The renewing call is abandoned mid-login.
    let abandoned = cache.get(std::future::pending::<Result<String, Error>>);
    assert!(
        tokio::time::timeout(Duration::from_secs(1), abandoned)
            .await
            .is_err()
    );
    let renewed = cache.get(|| async { Ok(in_secs(100)) }).await.unwrap();
    assert_eq!(renewed.generation, 2);
}
