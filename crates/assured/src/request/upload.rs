//! [`Upload`]: one multipart request.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;

use assured_core::{Client as CoreClient, Error, MultipartForm, RequestOptions};
use assured_models::catalog::MultipartEndpoint;

use super::{configured, option_setters};

/// One multipart request (`client.files().upload(form)`); `.await` sends
/// it. The form is held as bytes, so a retry sends it again unchanged.
#[must_use = "a request does nothing until it is awaited"]
pub struct Upload<'a, E: MultipartEndpoint> {
    client: &'a CoreClient,
    arg: E::PathArg,
    form: MultipartForm,
    options: RequestOptions,
}

impl<'a, E: MultipartEndpoint> Upload<'a, E> {
    /// A request with its path argument and form.
    pub fn new(client: &'a CoreClient, arg: E::PathArg, form: MultipartForm) -> Self {
        Self {
            client,
            arg,
            form,
            options: RequestOptions::default(),
        }
    }

    option_setters!();

    /// Sends the request (what `.await` does).
    pub async fn send(self) -> Result<E::Response, Error> {
        configured(self.client, &self.options)?
            .call_multipart::<E>(&self.arg, &self.form)
            .await
    }
}

impl<'a, E> IntoFuture for Upload<'a, E>
where
    E: MultipartEndpoint + 'a,
    E::PathArg: Send + Sync + 'a,
    E::Response: Send + 'a,
{
    type Output = Result<E::Response, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

impl<E: MultipartEndpoint> fmt::Debug for Upload<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upload")
            .field("endpoint", &E::DESCRIPTOR)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}
