//! Account id → profile id resolution through the providers list's `id_in`
//! filter, cached for good.

use std::collections::HashSet;

use assured_core::RequestOptions;
use assured_core::options::MAX_PAGE_SIZE;
use assured_models::catalog::ListProviders;
use assured_models::models::providers::{Provider, ProviderListParams};
use assured_models::{AccountId, ProfileId};

use crate::error::HelperError;
use crate::helpers::Helpers;

impl Helpers {
    /// The profile id of a provider account (`providers-list?id_in=`).
    ///
    /// Cached: resolving the same account again sends no request. An
    /// unknown account is [`HelperError::AccountNotFound`] naming it.
    #[doc(alias = "provider_profile_id")]
    pub async fn get_profile_id(&self, account: &AccountId) -> Result<ProfileId, HelperError> {
        let mut ids = self.get_profile_ids(std::slice::from_ref(account)).await?;
        ids.pop().ok_or_else(|| HelperError::AccountNotFound {
            accounts: vec![*account],
        })
    }

    /// The profile ids of many accounts, in the order given.
    ///
    /// Ids already resolved cost nothing; the others are asked for with the
    /// list's `id_in` filter, [`id_chunk_size`](crate::HelpersBuilder::id_chunk_size)
    /// at a time (one request per chunk). Unknown accounts are
    /// [`HelperError::AccountNotFound`] naming all of them.
    pub async fn get_profile_ids(
        &self,
        accounts: &[AccountId],
    ) -> Result<Vec<ProfileId>, HelperError> {
        let cache = &self.shared.profile_ids;
        let mut seen = HashSet::new();
        let missing: Vec<AccountId> = accounts
            .iter()
            .filter(|account| cache.get(account).is_none() && seen.insert(**account))
            .copied()
            .collect();
        for chunk in missing.chunks(self.shared.config.id_chunk_size) {
            let providers = self.providers_by_account(chunk).await?;
            cache.remember(&providers);
            if let Some(provider) = providers
                .iter()
                .find(|p| chunk.contains(&p.id) && p.provider_profile_id.is_none())
            {
                return Err(HelperError::NoProfile {
                    account: provider.id,
                });
            }
        }
        let mut unknown = Vec::new();
        let resolved: Vec<ProfileId> = accounts
            .iter()
            .filter_map(|account| {
                let profile = cache.get(account);
                if profile.is_none() && !unknown.contains(account) {
                    unknown.push(*account);
                }
                profile
            })
            .collect();
        if unknown.is_empty() {
            Ok(resolved)
        } else {
            Err(HelperError::AccountNotFound { accounts: unknown })
        }
    }

    /// The provider record of an account (assured-py's `providers.get`):
    /// the providers list filtered by `id_in`, one request. Its profile id
    /// is cached on the way. An unknown account is
    /// [`HelperError::AccountNotFound`] naming it.
    pub async fn get_provider(&self, account: &AccountId) -> Result<Provider, HelperError> {
        let providers = self
            .providers_by_account(std::slice::from_ref(account))
            .await?;
        self.shared.profile_ids.remember(&providers);
        providers
            .into_iter()
            .find(|provider| provider.id == *account)
            .ok_or_else(|| HelperError::AccountNotFound {
                accounts: vec![*account],
            })
    }

    /// Every provider of these accounts, through the pagination engine with
    /// pages as large as the chunk (one request unless the server pages
    /// below it).
    async fn providers_by_account(
        &self,
        accounts: &[AccountId],
    ) -> Result<Vec<Provider>, HelperError> {
        let params = ProviderListParams {
            id_in: Some(accounts.to_vec()),
            ..ProviderListParams::default()
        };
        let page_size = u32::try_from(accounts.len())
            .unwrap_or(MAX_PAGE_SIZE)
            .clamp(1, MAX_PAGE_SIZE);
        let client = self
            .client
            .with_options(RequestOptions::new().page_size(page_size))?;
        Ok(client.all::<ListProviders>(&(), &params).await?)
    }
}
