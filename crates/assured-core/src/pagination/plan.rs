//! Which pages a listing asks for next, and how many it may ask for.

use super::listing::NextLink;
use super::page_tasks::PageRequest;

/// How the pages after the first are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Plan {
    /// Nothing asked yet: the first page starts at this offset.
    First(u64),
    /// Each page's `next` link names the following page, fetched as soon as
    /// the page that names it is in (one page ahead of the consumer).
    Follow,
    /// `count` is known: pages start at `next`, `next + step`, … below
    /// `end`, fetched several at a time.
    Ranged { next: u64, step: u32, end: u64 },
}

impl Plan {
    /// The plan once the first page is in: ranged when its `count` reaches
    /// past its `next` link, else link by link.
    ///
    /// The step is the distance to the `next` link (a server may cap the
    /// page size below the one asked for), never more than the page size
    /// asked for or the `limit` the link names, so no record falls between
    /// two pages.
    pub(super) fn after_first(first: PageRequest, count: u64, next: NextLink) -> Self {
        let distance = next.offset.saturating_sub(first.offset);
        let step = next
            .limit
            .map_or(first.limit, |limit| limit.min(first.limit));
        let step = u32::try_from(distance).map_or(step, |distance| distance.min(step));
        if count > next.offset && step > 0 {
            Self::Ranged {
                next: next.offset,
                step,
                end: count,
            }
        } else {
            Self::Follow
        }
    }

    /// The next ranged page to ask for, if any remains; moves past it.
    pub(super) fn take_ranged(&mut self) -> Option<PageRequest> {
        let Self::Ranged { next, step, end } = *self else {
            return None;
        };
        if next >= end {
            return None;
        }
        // Past the largest offset there is nothing left to ask for.
        let after = next.saturating_add(u64::from(step));
        *self = Self::Ranged {
            next: after,
            step,
            end,
        };
        Some(PageRequest {
            offset: next,
            limit: step,
        })
    }
}

/// Requests a listing may still send after its first page, from the first
/// page's `count`: the pages it announced, once more again for a list that
/// grows while it is read. A server whose pages never end (fresh ids, a
/// `next` on every page) is cut off there instead of being followed forever.
/// `None` when the server gave no `count`.
pub(super) fn page_budget(
    first: PageRequest,
    count: u64,
    next: NextLink,
    plan: Plan,
) -> Option<u64> {
    if count == 0 {
        return None;
    }
    let step = match plan {
        Plan::Ranged { step, .. } => u64::from(step),
        Plan::First(_) | Plan::Follow => u64::from(first.limit),
    };
    let after_first = count.saturating_sub(next.offset).div_ceil(step.max(1));
    let announced = after_first.saturating_add(1);
    Some(announced.saturating_mul(2).saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: PageRequest = PageRequest {
        offset: 0,
        limit: 100,
    };

    fn link(offset: u64, limit: Option<u32>) -> NextLink {
        NextLink { offset, limit }
    }

    #[test]
    fn a_capped_page_size_sets_the_step() {
        assert_eq!(
            Plan::after_first(FIRST, 1000, link(50, None)),
            Plan::Ranged {
                next: 50,
                step: 50,
                end: 1000
            }
        );
        assert_eq!(
            Plan::after_first(FIRST, 1000, link(100, Some(30))),
            Plan::Ranged {
                next: 100,
                step: 30,
                end: 1000
            }
        );
        // A link far ahead never widens the step past the page size.
        assert_eq!(
            Plan::after_first(FIRST, u64::MAX, link(u64::MAX - 5, None)),
            Plan::Ranged {
                next: u64::MAX - 5,
                step: 100,
                end: u64::MAX
            }
        );
        assert_eq!(Plan::after_first(FIRST, 0, link(100, None)), Plan::Follow);
    }

    #[test]
    fn ranged_offsets_stop_before_the_end_and_never_overflow() {
        let mut plan = Plan::after_first(FIRST, u64::MAX, link(u64::MAX - 5, None));
        assert_eq!(
            plan.take_ranged(),
            Some(PageRequest {
                offset: u64::MAX - 5,
                limit: 100
            })
        );
        assert_eq!(plan.take_ranged(), None);
        let mut plan = Plan::after_first(FIRST, 250, link(100, None));
        let offsets: Vec<u64> = std::iter::from_fn(|| plan.take_ranged())
            .map(|page| page.offset)
            .collect();
        assert_eq!(offsets, [100, 200]);
    }

    #[test]
    fn the_budget_is_twice_the_announced_pages() {
        let plan = Plan::after_first(FIRST, 250, link(100, None));
        // Three pages announced: two more, then three for growth.
        assert_eq!(page_budget(FIRST, 250, link(100, None), plan), Some(5));
        assert_eq!(page_budget(FIRST, 0, link(100, None), Plan::Follow), None);
        let one = PageRequest {
            offset: 0,
            limit: 1,
        };
        // Saturates instead of wrapping.
        assert_eq!(
            page_budget(one, u64::MAX, link(1, None), Plan::Follow),
            Some(u64::MAX - 1)
        );
    }
}
