//! Item 3: SSN tokens per second on one thread, with the key cached (as
//! the helpers keep it per JWT) and with the key derived for every token.
//! Each token is checked once against the key, so a broken encryption
//! cannot produce a figure.

use std::hint::black_box;
use std::time::{Duration, Instant};

use assured::crypto::{Ssn, SsnKey, encrypt_ssn};
use serde_json::json;

use crate::emit;
use crate::mock;

/// How long each mode runs.
const SPAN: Duration = Duration::from_secs(2);
/// Tokens between clock reads.
const BATCH: u64 = 1_000;

pub(crate) fn run() -> Result<(), String> {
    // A real session JWT, minted by the mock, is the key material.
    let jwt = mock::runtime()?.block_on(async {
        let mock = mock::start(1, assured_mock::Faults::default()).await?;
        let jwt = mock.issue_jwt(None);
        mock.shutdown().await;
        Ok::<_, String>(jwt)
    })?;
    let ssn = Ssn::parse("123-45-6789").map_err(|err| format!("ssn: {err}"))?;
    let key = SsnKey::from_jwt(&jwt);

    let probe = key.encrypt(&ssn).map_err(|err| format!("encrypt: {err}"))?;
    let back = key
        .decrypt(probe.as_str())
        .map_err(|err| format!("decrypt: {err}"))?;
    if back != ssn {
        return Err("a token does not decrypt to its SSN".to_owned());
    }

    report("cached_key", || key.encrypt(&ssn).map(black_box))?;
    report("derive_per_token", || {
        encrypt_ssn(&jwt, &ssn).map(black_box)
    })?;
    Ok(())
}

/// Runs `encrypt` for `SPAN` on this thread; one figure.
fn report<T, E: std::fmt::Display>(
    mode: &str,
    mut encrypt: impl FnMut() -> Result<T, E>,
) -> Result<(), String> {
    let started = Instant::now();
    let mut tokens = 0u64;
    while started.elapsed() < SPAN {
        for _ in 0..BATCH {
            encrypt().map_err(|err| format!("{mode}: {err}"))?;
        }
        tokens += BATCH;
    }
    let secs = started.elapsed().as_secs_f64();
    let rate = tokens as f64 / secs;
    emit::note(&format!("ssn {mode}: {rate:.0} tokens/s"));
    emit::figure(&json!({
        "kind": "ssn",
        "mode": mode,
        "tokens": tokens,
        "secs": secs,
        "per_second": rate,
    }));
    Ok(())
}
