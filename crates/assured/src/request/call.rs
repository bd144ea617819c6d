//! [`Call`]: one request to a single endpoint.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;

use assured_core::{Client as CoreClient, Error, RequestOptions};
use assured_models::catalog::SingleEndpoint;

use super::{configured, option_setters};

/// One request to a single (non-paged) endpoint, returned by the resource
/// methods (`client.provider_profile().get_personal_info(&profile)`).
///
/// `.await` sends it; before that, per-call options can be set:
///
/// ```no_run
/// # async fn run(client: assured::Client, profile: assured::models::ProfileId) -> Result<(), assured::Error> {
/// use std::time::Duration;
///
/// let info = client
///     .provider_profile()
///     .get_personal_info(&profile)
///     .timeout(Duration::from_secs(5))
///     .await?;
/// # Ok(()) }
/// ```
#[must_use = "a request does nothing until it is awaited"]
pub struct Call<'a, E: SingleEndpoint> {
    client: &'a CoreClient,
    arg: E::PathArg,
    query: E::Query,
    body: E::Body,
    options: RequestOptions,
}

impl<'a, E: SingleEndpoint> Call<'a, E> {
    /// A request with its path argument, query and body.
    pub fn new(client: &'a CoreClient, arg: E::PathArg, query: E::Query, body: E::Body) -> Self {
        Self {
            client,
            arg,
            query,
            body,
            options: RequestOptions::default(),
        }
    }

    option_setters!();

    /// Sends the request (what `.await` does).
    pub async fn send(self) -> Result<E::Response, Error> {
        configured(self.client, &self.options)?
            .call::<E>(&self.arg, &self.query, &self.body)
            .await
    }
}

impl<'a, E> IntoFuture for Call<'a, E>
where
    E: SingleEndpoint + 'a,
    E::PathArg: Send + Sync + 'a,
    E::Query: Send + Sync + 'a,
    E::Body: Send + Sync + 'a,
    E::Response: Send + 'a,
{
    type Output = Result<E::Response, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

impl<E: SingleEndpoint> fmt::Debug for Call<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("endpoint", &E::DESCRIPTOR)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}
