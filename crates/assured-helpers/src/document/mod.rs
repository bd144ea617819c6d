//! What a document may be: the accepted formats, and why one is refused.

mod format;
mod problem;

pub use format::DocumentFormat;
pub(crate) use format::SIGNATURE_LEN;
pub use problem::DocumentProblem;
