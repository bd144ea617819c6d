//! Wall-clock helpers (the JWT's `iat`/`exp`, record timestamps).

use std::time::{SystemTime, UNIX_EPOCH};

pub(crate) fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

pub(crate) fn now_rfc3339() -> String {
    let secs = i64::try_from(now_secs()).unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0).map_or_else(String::new, |instant| {
        instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    })
}
