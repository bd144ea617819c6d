//! Provider lookup by NPI through a cached index of the full provider list.
//!
//! The API has no NPI search that production honours, so the whole list is
//! fetched (through the core's concurrent pagination) and indexed. The
//! index answers every lookup, hit or miss, until it is one TTL old. When it
//! is missing or stale, the first caller starts one refresh and everyone
//! arriving meanwhile awaits that same refresh (single flight); its error,
//! if any, goes to all of them and nothing is cached, so the next lookup
//! tries again.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};

use assured_core::Client;
use assured_models::catalog::ListProviders;
use assured_models::models::providers::{Provider, ProviderListParams};
use futures_util::future::{BoxFuture, FutureExt as _, Shared as SharedFuture};
use tokio::time::Instant;

use crate::error::HelperError;
use crate::helpers::{Helpers, Shared};
use crate::npi::Npi;

/// A refresh in flight, awaited by every caller that needs it.
type Refresh = SharedFuture<BoxFuture<'static, Result<Arc<NpiIndex>, Arc<assured_core::Error>>>>;

/// The providers by NPI, as of one listing.
#[derive(Debug)]
pub(crate) struct NpiIndex {
    built_at: Instant,
    by_npi: HashMap<String, Vec<Provider>>,
}

impl NpiIndex {
    fn new(providers: Vec<Provider>) -> Self {
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

    /// The one provider with this NPI.
    fn lookup(&self, npi: &Npi) -> Result<Provider, HelperError> {
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
    fn lock(&self) -> MutexGuard<'_, CacheState> {
        // Never held across an await; every update leaves it consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for NpiCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.lock();
        f.debug_struct("NpiCache")
            .field(
                "npis",
                &state.index.as_ref().map(|index| index.by_npi.len()),
            )
            .field("refreshing", &state.refresh.is_some())
            .finish()
    }
}

impl Helpers {
    /// The provider with this NPI.
    ///
    /// The NPI is checked first (ten digits and, unless the helpers were
    /// built with [`NpiCheck::FormatOnly`](crate::NpiCheck::FormatOnly), the
    /// check digit): a bad one is an invalid-input error and sends nothing.
    /// An NPI nobody has is [`HelperError::NpiNotFound`]; one held by
    /// several providers is [`HelperError::DuplicateNpi`] with all their
    /// account ids.
    pub async fn get_by_npi(&self, npi: &str) -> Result<Provider, HelperError> {
        let npi = Npi::parse(npi, self.shared.config.npi_check)?;
        self.npi_index().await?.lookup(&npi)
    }

    /// The providers with these NPIs, in the order given (`None` where
    /// nobody has the NPI), from one index: at most one refresh for the
    /// whole batch. Every NPI is checked before anything is sent; an NPI
    /// held by several providers fails the batch with
    /// [`HelperError::DuplicateNpi`].
    pub async fn get_by_npis<S: AsRef<str>>(
        &self,
        npis: &[S],
    ) -> Result<Vec<Option<Provider>>, HelperError> {
        let check = self.shared.config.npi_check;
        let npis = npis
            .iter()
            .map(|npi| Npi::parse(npi.as_ref(), check))
            .collect::<Result<Vec<_>, _>>()?;
        let index = self.npi_index().await?;
        npis.iter()
            .map(|npi| match index.lookup(npi) {
                Ok(provider) => Ok(Some(provider)),
                Err(HelperError::NpiNotFound { .. }) => Ok(None),
                Err(other) => Err(other),
            })
            .collect()
    }

    /// Forgets the NPI index: the next lookup lists the providers again. A
    /// refresh already in flight still answers its callers but is not kept.
    pub fn invalidate_npi_cache(&self) {
        let mut state = self.shared.npi.lock();
        state.index = None;
        state.refresh = None;
        state.generation += 1;
    }

    /// The index, fresh within the TTL, refreshed once for all callers.
    async fn npi_index(&self) -> Result<Arc<NpiIndex>, HelperError> {
        let refresh = {
            let mut state = self.shared.npi.lock();
            if let Some(index) = &state.index
                && index.built_at.elapsed() < self.shared.config.npi_ttl
            {
                return Ok(Arc::clone(index));
            }
            if let Some((_, refresh)) = &state.refresh {
                refresh.clone()
            } else {
                state.generation += 1;
                let generation = state.generation;
                let refresh = refresh_index(
                    self.client.clone(),
                    Arc::downgrade(&self.shared),
                    generation,
                )
                .boxed()
                .shared();
                state.refresh = Some((generation, refresh.clone()));
                refresh
            }
        };
        refresh.await.map_err(HelperError::NpiIndexRefresh)
    }
}

/// Lists every provider and stores the index if no invalidation or newer
/// refresh intervened. Holds the shared state weakly: the future is kept in
/// that state while in flight.
async fn refresh_index(
    client: Client,
    shared: Weak<Shared>,
    generation: u64,
) -> Result<Arc<NpiIndex>, Arc<assured_core::Error>> {
    let listed = client
        .all::<ListProviders>(&(), &ProviderListParams::default())
        .await;
    let outcome = listed.map(|providers| {
        if let Some(shared) = shared.upgrade() {
            shared.profile_ids.remember(&providers);
        }
        let index = NpiIndex::new(providers);
        tracing::debug!(npis = index.by_npi.len(), "NPI index rebuilt");
        Arc::new(index)
    });
    if let Err(error) = &outcome {
        tracing::warn!(%error, "NPI index refresh failed; nothing cached");
    }
    if let Some(shared) = shared.upgrade() {
        let mut state = shared.npi.lock();
        if state
            .refresh
            .as_ref()
            .is_some_and(|(g, _)| *g == generation)
        {
            state.refresh = None;
        }
        if let Ok(index) = &outcome
            && state.generation == generation
        {
            state.index = Some(Arc::clone(index));
        }
    }
    outcome.map_err(Arc::new)
}
