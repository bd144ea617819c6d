//! The layers around the routes, outermost first: [`routing`] (finds the
//! route), [`log`] (the `--verbose` request log, when on), [`record`] (statistics and the journal), [`faults`] (latency,
//! dropped connections, 429s, 5xx, truncated bodies) and [`auth`]
//! (credentials as the catalog entry demands). Each reads what the one
//! before it left in the request's extensions.

pub(crate) mod auth;
pub(crate) mod faults;
pub(crate) mod log;
pub(crate) mod record;
pub(crate) mod routing;
