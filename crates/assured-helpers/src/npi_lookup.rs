//! Provider lookup by NPI through a cached index of the full provider list.
//!
//! The API has no NPI search that production honours, so the whole list is
//! fetched (through the core's concurrent pagination) and indexed. The
//! index answers every lookup, hit or miss, until it is one TTL old. When it
//! is missing or stale, the first caller starts one refresh and everyone
//! arriving meanwhile awaits that same refresh (single flight); its error,
//! if any, goes to all of them and nothing is cached, so the next lookup
//! tries again.

use std::sync::{Arc, Weak};

use assured_core::Client;
use assured_models::catalog::ListProviders;
use assured_models::models::providers::{Provider, ProviderListParams};
use futures_util::future::FutureExt as _;

use crate::error::HelperError;
use crate::helpers::{Helpers, Shared};
use crate::npi::Npi;
use crate::npi_index::NpiIndex;

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
        let npi = Npi::parse(npi, self.shared.config.npi_check())?;
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
        let check = self.shared.config.npi_check();
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
        self.shared.npi.invalidate();
    }

    /// The index, fresh within the TTL, refreshed once for all callers.
    async fn npi_index(&self) -> Result<Arc<NpiIndex>, HelperError> {
        let started =
            self.shared
                .npi
                .index_or_refresh(self.shared.config.npi_ttl(), |generation| {
                    refresh_index(
                        self.client.clone(),
                        Arc::downgrade(&self.shared),
                        generation,
                    )
                    .boxed()
                    .shared()
                });
        match started {
            Ok(index) => Ok(index),
            Err(refresh) => refresh.await.map_err(HelperError::NpiIndexRefresh),
        }
    }
}

/// Lists every provider and hands the index to the cache. Holds the shared
/// state weakly: the cache keeps this future while it is in flight.
async fn refresh_index(
    client: Client,
    shared: Weak<Shared>,
    generation: u64,
) -> Result<Arc<NpiIndex>, Arc<assured_core::Error>> {
    let listed = client
        .all::<ListProviders>(&(), &ProviderListParams::default())
        .await;
    let shared = shared.upgrade();
    let outcome = listed.map(|providers| {
        if let Some(shared) = &shared {
            shared.profile_ids.remember(&providers);
        }
        let index = NpiIndex::new(providers);
        tracing::debug!(npis = index.len(), "NPI index rebuilt");
        Arc::new(index)
    });
    if let Err(error) = &outcome {
        tracing::warn!(%error, "NPI index refresh failed; nothing cached");
    }
    if let Some(shared) = &shared {
        shared.npi.finish(generation, outcome.as_ref().ok());
    }
    outcome.map_err(Arc::new)
}
