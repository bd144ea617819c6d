//! The account id → profile id mappings resolved so far. The mapping is
//! 1:1 and never changes, so entries are kept for good.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use assured_models::models::providers::Provider;
use assured_models::{AccountId, ProfileId};

/// The resolved mappings.
#[derive(Default)]
pub(crate) struct ProfileIdCache {
    map: Mutex<HashMap<AccountId, ProfileId>>,
}

impl std::fmt::Debug for ProfileIdCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileIdCache")
            .field("resolved", &self.lock().len())
            .finish()
    }
}

impl ProfileIdCache {
    pub(crate) fn get(&self, account: &AccountId) -> Option<ProfileId> {
        self.lock().get(account).copied()
    }

    /// Records the mapping of every provider record that carries one.
    pub(crate) fn remember<'a>(&self, providers: impl IntoIterator<Item = &'a Provider>) {
        let mut map = self.lock();
        for provider in providers {
            if let Some(profile) = provider.provider_profile_id {
                map.insert(provider.id, profile);
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<AccountId, ProfileId>> {
        // Only inserts happen under the lock; a poisoned map is still valid.
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
