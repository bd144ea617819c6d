//! Endpoints of this group: filled in by the models work.

use super::macros::endpoints;

endpoints! {}
