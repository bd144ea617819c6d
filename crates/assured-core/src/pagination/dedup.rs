//! De-duplication of records by `id`, over the recent pages only: offset
//! pages shift under concurrent writes, so a record can reappear on a page
//! fetched at about the same time as the one that held it, never much
//! later. Remembering every id of a listing would grow without bound.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

use serde_json::value::RawValue;

/// The ids of the last few pages processed.
pub(super) struct DedupWindow {
    /// Pages remembered, the current one included.
    pages: usize,
    /// Ids of each remembered page (each id in exactly one).
    by_page: VecDeque<Vec<Arc<str>>>,
    ids: HashSet<Arc<str>>,
}

impl DedupWindow {
    /// Remembers the ids of `pages` pages (at least two: the previous page
    /// and the current one).
    pub(super) fn new(pages: usize) -> Self {
        Self {
            pages: pages.max(2),
            by_page: VecDeque::new(),
            ids: HashSet::new(),
        }
    }

    /// Starts a page, forgetting the ids of the page that leaves the window.
    pub(super) fn start_page(&mut self) {
        self.by_page.push_back(Vec::new());
        while self.by_page.len() > self.pages {
            for id in self.by_page.pop_front().unwrap_or_default() {
                self.ids.remove(&*id);
            }
        }
    }

    /// Whether the record is new to the window (and remembers it for the
    /// current page). Records without an `id` are always new.
    pub(super) fn first_sighting(&mut self, record: &RawValue) -> bool {
        let Some(id) = record_id(record) else {
            return true;
        };
        if self.ids.contains(id) {
            return false;
        }
        // One allocation, shared by the set and the page's list.
        let id: Arc<str> = Arc::from(id);
        self.ids.insert(Arc::clone(&id));
        if let Some(page) = self.by_page.back_mut() {
            page.push(id);
        }
        true
    }

    /// Ids remembered now.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// The `id` of a record, as its JSON text, when it has one.
fn record_id(raw: &RawValue) -> Option<&str> {
    #[derive(serde::Deserialize)]
    struct Probe<'a> {
        #[serde(borrow)]
        id: Option<&'a RawValue>,
    }
    let probe: Probe<'_> = serde_json::from_str(raw.get()).ok()?;
    probe.id.map(RawValue::get).filter(|id| *id != "null")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(json: &str) -> Box<RawValue> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn record_ids_are_probed_without_decoding_the_record() {
        assert_eq!(
            record_id(&raw(r#"{"id":"a-b","big":{"x":[1,2,3]}}"#)),
            Some("\"a-b\"")
        );
        assert_eq!(record_id(&raw(r#"{"name":"x"}"#)), None);
        assert_eq!(record_id(&raw(r#"{"id":null}"#)), None);
    }

    #[test]
    fn the_window_forgets_pages_that_leave_it_and_stays_bounded() {
        let mut window = DedupWindow::new(3);
        for page in 0..1000_u32 {
            window.start_page();
            for index in 0..10 {
                let id = raw(&format!(r#"{{"id":{}}}"#, page * 10 + index));
                assert!(window.first_sighting(&id));
            }
            // A repeat of the previous page's last record is caught.
            if page > 0 {
                let previous = raw(&format!(r#"{{"id":{}}}"#, page * 10 - 1));
                assert!(!window.first_sighting(&previous));
            }
            assert!(window.len() <= 30, "window grew to {}", window.len());
        }
        // Page 0 left the window long ago: its ids are new again.
        window.start_page();
        assert!(window.first_sighting(&raw(r#"{"id":0}"#)));
        assert!(window.first_sighting(&raw(r#"{"name":"no id"}"#)));
        assert!(window.first_sighting(&raw(r#"{"name":"no id"}"#)));
    }
}
