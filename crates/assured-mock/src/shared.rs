//! What every part of a running server shares: its configuration, the
//! state, the fault plan, the counters and the journal.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use serde_json::Value;

use crate::crypto;
use crate::fault_plan::FaultPlan;
use crate::journal::Journal;
use crate::seed::hash;
use crate::state::State;
use crate::stats::Stats;
use crate::sync::lock;
use crate::time::now_secs;

pub(crate) struct Shared {
    pub(crate) base_url: String,
    pub(crate) api_key: String,
    pub(crate) user_email: String,
    pub(crate) user_id: String,
    pub(crate) default_page_size: u32,
    pub(crate) max_page_size: u32,
    pub(crate) jwt_secret: [u8; 32],
    pub(crate) jwt_lifetime: Mutex<Duration>,
    pub(crate) state: Mutex<State>,
    pub(crate) faults: Mutex<FaultPlan>,
    pub(crate) stats: Mutex<Stats>,
    pub(crate) journal: Mutex<Journal>,
}

impl Shared {
    pub(crate) fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    pub(crate) fn foreign_links(&self) -> bool {
        lock(&self.faults).faults.foreign_next_links
    }

    pub(crate) fn issue_tokens(&self, lifetime: Option<Duration>) -> (String, String) {
        let lifetime = lifetime.unwrap_or_else(|| *lock(&self.jwt_lifetime));
        let issued = now_secs();
        let expires = issued + lifetime.as_secs() + u64::from(lifetime.subsec_nanos() > 0);
        let (counter, epoch) = {
            let mut state = self.state();
            state.counter += 1;
            (state.counter, state.token_epoch)
        };
        let jti = format!("{:016x}", hash(&[issued, counter]));
        let access = crypto::issue_jwt(
            &self.jwt_secret,
            &crypto::claims(
                "access",
                &self.user_id,
                crypto::Issue {
                    issued,
                    expires,
                    epoch,
                },
                &jti,
            ),
        );
        let refresh = crypto::issue_jwt(
            &self.jwt_secret,
            &crypto::claims(
                "refresh",
                &self.user_id,
                crypto::Issue {
                    issued,
                    expires: issued + 86_400,
                    epoch,
                },
                &jti,
            ),
        );
        (access, refresh)
    }

    pub(crate) fn token_valid(&self, token: &str) -> bool {
        let Some(claims) = crypto::verify_jwt(&self.jwt_secret, token) else {
            return false;
        };
        let number = |key: &str| claims.get(key).and_then(Value::as_u64).unwrap_or(0);
        claims.get("token_type").and_then(Value::as_str) == Some("access")
            && number("exp") > now_secs()
            && number("epoch") == self.state().token_epoch
    }

    pub(crate) fn stats(&self) -> MutexGuard<'_, Stats> {
        lock(&self.stats)
    }

    pub(crate) fn note_fault(&self, kind: &str) {
        *self
            .stats()
            .faults_injected
            .entry(kind.to_owned())
            .or_default() += 1;
    }
}
