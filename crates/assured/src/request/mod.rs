//! Request builders: what every generated resource method returns.
//!
//! * [`Call`]: one request to a single endpoint; `.await` it, after setting
//!   per-call options if you like.
//! * [`List`]: a paged endpoint; set filters on it, then ask for
//!   [`page`](List::page), [`all`](List::all) or [`stream`](List::stream).
//!   [`table`](List::table) (records as typed columns) and, with feature
//!   `polars`, [`df`](List::df) (a polars `DataFrame`).
//! * [`Upload`]: a multipart upload; `.await` it.
//!
//! The options ([`timeout`](Call::timeout), [`retry_policy`](Call::retry_policy),
//! [`idempotent`](Call::idempotent)) apply to that request alone and leave
//! the client's configuration as it is.

mod call;
mod list;
mod tabular;
mod upload;

pub use call::Call;
pub use list::List;
pub use tabular::ListTableError;
pub use upload::Upload;

use assured_core::{Client as CoreClient, Error, RequestOptions};

/// The core client with the builder's options applied.
fn configured(client: &CoreClient, options: &RequestOptions) -> Result<CoreClient, Error> {
    if *options == RequestOptions::default() {
        Ok(client.clone())
    } else {
        client.with_options(options.clone())
    }
}

/// The per-request option setters every builder shares.
macro_rules! option_setters {
    () => {
        /// The time one attempt may take, from sending to the whole reply
        /// (overrides the client's timeout for this request).
        pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
            self.options = self.options.timeout(timeout);
            self
        }

        /// The retry policy of this request, e.g.
        /// [`RetryPolicy::none()`](assured_core::RetryPolicy::none).
        pub fn retry_policy(mut self, policy: assured_core::RetryPolicy) -> Self {
            self.options = self.options.retry_policy(policy);
            self
        }

        /// Declares whether repeating this request is safe, overriding the
        /// catalog (see [`RequestOptions::idempotent`](assured_core::RequestOptions::idempotent)).
        pub fn idempotent(mut self, idempotent: bool) -> Self {
            self.options = self.options.idempotent(idempotent);
            self
        }

        /// Replaces all per-request options at once.
        pub fn options(mut self, options: assured_core::RequestOptions) -> Self {
            self.options = options;
            self
        }
    };
}
use option_setters;
