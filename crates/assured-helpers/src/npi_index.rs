//! The NPI index (the providers by NPI, as of one listing) and its cache:
//! the current index plus the refresh in flight, shared by every caller
//! that needs it.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use assured_models::models::providers::Provider;
use futures_util::future::{BoxFuture, Shared};
use tokio::time::Instant;

use crate::error::HelperError;
use crate::npi::Npi;

/// A refresh in flight, awaited by every caller that needs it.
pub(crate) type Refresh =
    Shared<BoxFuture<'static, Result<Arc<NpiIndex>, Arc<assured_core::Error>>>>;

/// The providers by NPI, as of one listing.
#[derive(Debug)]
pub(crate) struct NpiIndex {
    built_at: Instant,
    by_npi: HashMap<String, Vec<Provider>>,
}

impl NpiIndex {
    /// Indexes a listing; providers without an NPI are left out.
    pub(crate) fn new(providers: Vec<Provider>) -> Self {
        let mut by_npi: HashMap<String, Vec<Provider>> = HashMap::new();
        for provider in providers {
            if let Some(npi) = provider.npi.as_deref().map(str::trim)
                && !npi.is_empty()
            {
                by_npi.entry(npi.to_owned()).or_default().push(provider);
            }
        }
        Self {
            built_at: Instant::now(),
            by_npi,
        }
    }

    /// How many distinct NPIs it holds.
    pub(crate) fn len(&self) -> usize {
        self.by_npi.len()
    }

    /// The one provider with this NPI.
    pub(crate) fn lookup(&self, npi: &Npi) -> Result<Provider, HelperError> {
        match self.by_npi.get(npi.as_str()).map(Vec::as_slice) {
            None | Some([]) => Err(HelperError::NpiNotFound {
                npi: npi.to_string(),
            }),
            Some([provider]) => Ok(provider.clone()),
            Some(several) => Err(HelperError::DuplicateNpi {
                npi: npi.to_string(),
                accounts: several.iter().map(|provider| provider.id).collect(),
            }),
        }
    }
}

/// The cached index and the refresh in flight.
#[derive(Default)]
pub(crate) struct NpiCache {
    state: Mutex<CacheState>,
}

#[derive(Default)]
struct CacheState {
    index: Option<Arc<NpiIndex>>,
    refresh: Option<(u64, Refresh)>,
    /// Bumped by every refresh start and every invalidation: a refresh
    /// stores its index only if nothing happened since it started.
    generation: u64,
}

impl NpiCache {
    /// The index if it is younger than `ttl`; otherwise the refresh to
    /// await: the one in flight, or a new one made by `start` from its
    /// generation number.
    pub(crate) fn index_or_refresh(
        &self,
        ttl: Duration,
        start: impl FnOnce(u64) -> Refresh,
    ) -> Result<Arc<NpiIndex>, Refresh> {
        let mut state = self.lock();
        if let Some(index) = &state.index
            && index.built_at.elapsed() < ttl
        {
            return Ok(Arc::clone(index));
        }
        if let Some((_, refresh)) = &state.refresh {
            return Err(refresh.clone());
        }
        state.generation += 1;
        let generation = state.generation;
        let refresh = start(generation);
        state.refresh = Some((generation, refresh.clone()));
        Err(refresh)
    }

    /// Records the end of refresh `generation`: it is no longer in flight,
    /// and its index is kept if no invalidation or newer refresh intervened.
    /// A failure keeps nothing.
    pub(crate) fn finish(&self, generation: u64, index: Option<&Arc<NpiIndex>>) {
        let mut state = self.lock();
        if state
            .refresh
            .as_ref()
            .is_some_and(|(g, _)| *g == generation)
        {
            state.refresh = None;
        }
        if let Some(index) = index
            && state.generation == generation
        {
            state.index = Some(Arc::clone(index));
        }
    }

    /// Forgets the index and detaches the refresh in flight (its callers
    /// still get its answer; it is not kept).
    pub(crate) fn invalidate(&self) {
        let mut state = self.lock();
        state.index = None;
        state.refresh = None;
        state.generation += 1;
    }

    fn lock(&self) -> MutexGuard<'_, CacheState> {
        // Never held across an await; every update leaves it consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for NpiCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.lock();
        f.debug_struct("NpiCache")
            .field("npis", &state.index.as_ref().map(|index| index.len()))
            .field("refreshing", &state.refresh.is_some())
            .finish()
    }
}
