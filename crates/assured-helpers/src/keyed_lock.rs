//! One async lock per key, created on demand and dropped when unused.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

/// Async locks by key: holders of the same key run one at a time, other
/// keys do not wait. Entries live only while someone holds or awaits them.
#[derive(Debug)]
pub(crate) struct KeyedLocks<K> {
    locks: Mutex<HashMap<K, Weak<AsyncMutex<()>>>>,
}

impl<K> Default for KeyedLocks<K> {
    fn default() -> Self {
        Self {
            locks: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Eq + Hash + Clone> KeyedLocks<K> {
    /// Waits for the lock of `key`.
    pub(crate) async fn lock(&self, key: &K) -> OwnedMutexGuard<()> {
        let lock = {
            // The map is only touched in these few lines, never across an
            // await, so a poisoned map is still consistent.
            let mut locks = self.locks.lock().unwrap_or_else(PoisonError::into_inner);
            locks.retain(|_, lock| lock.strong_count() > 0);
            if let Some(lock) = locks.get(key).and_then(Weak::upgrade) {
                lock
            } else {
                let lock = Arc::new(AsyncMutex::new(()));
                locks.insert(key.clone(), Arc::downgrade(&lock));
                lock
            }
        };
        lock.lock_owned().await
    }

    /// Keys with a live lock (for tests).
    #[cfg(test)]
    fn live(&self) -> usize {
        let locks = self.locks.lock().unwrap_or_else(PoisonError::into_inner);
        locks
            .values()
            .filter(|lock| lock.strong_count() > 0)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn same_key_waits_other_keys_do_not_and_entries_are_dropped() {
        let locks = KeyedLocks::<u32>::default();
        let first = locks.lock(&1).await;
        // Another key is free while key 1 is held.
        let other = locks.lock(&2).await;
        drop(other);
        let waiting = futures_util::FutureExt::now_or_never(locks.lock(&1));
        assert!(waiting.is_none(), "key 1 is still held");
        drop(first);
        let again = locks.lock(&1).await;
        assert_eq!(locks.live(), 1);
        drop(again);
        assert_eq!(locks.live(), 0);
    }
}
