//! Payload types of this group: filled in by the models work.
