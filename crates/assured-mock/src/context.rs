//! Everything a handler sees of one request.

use std::cell::RefCell;
use std::collections::BTreeSet;

use crate::shared::Shared;

/// A multipart part, parsed before the state is locked.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub(crate) name: String,
    pub(crate) file_name: Option<String>,
    pub(crate) bytes: Vec<u8>,
}

/// Everything a handler sees.
pub(crate) struct Ctx<'a> {
    pub(crate) shared: &'a Shared,
    pub(crate) param: Option<&'a str>,
    pub(crate) path: &'a str,
    pub(crate) query: Vec<(String, String)>,
    /// The body as received.
    pub(crate) body: &'a [u8],
    pub(crate) bearer: Option<&'a str>,
    pub(crate) multipart: Option<Result<Vec<Part>, String>>,
    /// Query parameter names the handler looked up (see
    /// [`Stats::query_params_read`]).
    pub(crate) consulted: RefCell<BTreeSet<String>>,
}

impl Ctx<'_> {
    /// The last value of a query parameter (Django's `QueryDict.get`),
    /// empty values counting as absent.
    pub(crate) fn q(&self, name: &str) -> Option<&str> {
        self.consulted.borrow_mut().insert(name.to_owned());
        self.query
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.is_empty())
    }
}
