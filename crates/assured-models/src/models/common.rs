//! Small records embedded in several resources.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use serde_with::skip_serializing_none;

use crate::ids::ClientId;

/// The client (customer organisation) of a record (`client_details`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientDetails {
    /// Client id.
    pub id: Option<ClientId>,
    /// Client name.
    pub name: Option<String>,
    /// The client's standard-operating-procedure file (URL or path, as sent).
    pub sop_file: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Whether a verifier may sign a request off (`is_signoff_allowed`).
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignoffAllowed {
    /// Whether sign-off is allowed (`false` when absent).
    #[serde(default)]
    pub value: bool,
    /// Why not, or other explanation.
    pub msg: Option<String>,
    /// Fields this SDK does not know yet, kept as sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
