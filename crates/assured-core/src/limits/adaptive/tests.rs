//! The adaptive rate against simulated servers, in virtual time: counts
//! and rates, never the wall clock.

use super::*;

/// Drives the detector for `seconds` with a client that sends 200
/// requests/s unless paced; `throttle(now)` says whether the server
/// throttles a request sent at `now`. Returns (requests, throttles) of
/// the last `tail` seconds.
fn drive(
    adaptive: &AdaptiveRate,
    seconds: u64,
    tail: u64,
    throttle: impl FnMut(Instant, u64) -> bool,
) -> (u64, u64) {
    drive_at(adaptive, 200.0, seconds, tail, throttle)
}

/// [`drive`] with a client that sends `unpaced` requests/s unless paced.
fn drive_at(
    adaptive: &AdaptiveRate,
    unpaced: f64,
    seconds: u64,
    tail: u64,
    mut throttle: impl FnMut(Instant, u64) -> bool,
) -> (u64, u64) {
    let start = Instant::now();
    let mut now = start;
    let mut rate = None;
    let (mut i, mut requests, mut throttles) = (0, 0, 0);
    let end = start + Duration::from_secs(seconds);
    let counted_from = end - Duration::from_secs(tail);
    while now < end {
        let pace: f64 = rate.unwrap_or(unpaced).min(unpaced);
        now += Duration::from_secs_f64(1.0 / pace);
        let refused = throttle(now, i);
        if now >= counted_from {
            requests += 1;
            throttles += u64::from(refused);
        }
        rate = adaptive.record(now, refused, now);
        i += 1;
    }
    (requests, throttles)
}

/// A server's token bucket: `per_second` refill, `burst` capacity.
fn bucket(per_second: f64, burst: f64) -> impl FnMut(Instant, u64) -> bool {
    let mut tokens = burst;
    let mut last: Option<Instant> = None;
    move |now, _| {
        if let Some(last) = last {
            tokens = (tokens + per_second * (now - last).as_secs_f64()).min(burst);
        }
        last = Some(now);
        if tokens >= 1.0 {
            tokens -= 1.0;
            false
        } else {
            true
        }
    }
}

#[test]
fn a_true_rate_limit_is_followed_closely_with_few_throttles() {
    let adaptive = AdaptiveRate::default();
    let (requests, throttles) = drive(&adaptive, 60, 30, bucket(50.0, 10.0));
    let rate = adaptive.rate().expect("pacing");
    assert!((35.0..=60.0).contains(&rate), "paced at {rate}/s");
    // Over the last 30 s: at least 90 % of the limit, at most 5 % throttled.
    assert!(requests >= 30 * 45, "{requests} requests in 30 s");
    assert!(
        throttles * 20 <= requests,
        "{throttles} of {requests} throttled"
    );
}

#[test]
fn a_rate_limit_with_a_large_burst_is_followed_too() {
    let adaptive = AdaptiveRate::default();
    let (requests, throttles) = drive(&adaptive, 60, 30, bucket(50.0, 100.0));
    assert!(adaptive.rate().is_some(), "pacing");
    assert!(requests >= 30 * 45, "{requests} requests in 30 s");
    assert!(
        throttles * 20 <= requests,
        "{throttles} of {requests} throttled"
    );
}

#[test]
fn throttles_that_ignore_the_rate_suspend_pacing() {
    let adaptive = AdaptiveRate::default();
    // Every 10th request is throttled whatever the rate.
    let (requests, _) = drive(&adaptive, 10, 5, |_, i| i % 10 == 9);
    assert_eq!(adaptive.rate(), None, "no pacing for counted faults");
    assert!(
        requests >= 5 * 190,
        "full speed: {requests} requests in 5 s"
    );
}

#[test]
fn counted_throttles_against_a_slow_client_suspend_pacing_too() {
    // A client sending 20 requests/s (waiting out its throttles), every
    // 5th request throttled whatever the rate: a short probe often sees no
    // throttle at all, which must not read as a rate below a limit.
    for unpaced in [10.0, 20.0, 40.0] {
        let adaptive = AdaptiveRate::default();
        let (requests, _) = drive_at(&adaptive, unpaced, 20, 10, |_, i| i % 5 == 4);
        assert_eq!(adaptive.rate(), None, "{unpaced}/s: paced");
        #[allow(clippy::cast_precision_loss)]
        let sent = requests as f64;
        assert!(
            sent >= 9.5 * unpaced,
            "{unpaced}/s: {requests} requests in 10 s"
        );
    }
}

/// Over the whole run, from the first request: at least 90 % of the limit
/// and at most 5 % throttled, for a client far faster than the limit.
fn assert_follows_from_the_start(per_second: f64, seconds: u64) {
    let adaptive = AdaptiveRate::default();
    let (requests, throttles) = drive_at(
        &adaptive,
        2000.0,
        seconds,
        seconds,
        bucket(per_second, 10.0),
    );
    let successes = requests - throttles;
    #[allow(clippy::cast_precision_loss)]
    let rate = successes as f64 / seconds as f64;
    assert!(
        rate >= 0.9 * per_second,
        "{rate:.1} successes/s against a limit of {per_second}/s"
    );
    assert!(
        throttles * 20 <= requests,
        "{throttles} of {requests} throttled"
    );
}

#[test]
fn limits_from_50_to_200_per_second_are_found_quickly() {
    for per_second in [50.0, 100.0, 200.0] {
        assert_follows_from_the_start(per_second, 10);
    }
}

#[test]
fn a_probe_above_the_limit_measures_it_by_its_successes() {
    let adaptive = AdaptiveRate::default();
    // A burst of 30: the first throttle comes after 31 requests at once.
    let mut server = bucket(50.0, 30.0);
    let start = Instant::now();
    let mut now = start;
    let mut rate = None;
    // Unpaced until the first throttle; then the first probe, at the rate
    // the burst suggested (far above the limit), until it decides.
    let first_probe = loop {
        now += Duration::from_secs_f64(1.0 / rate.unwrap_or(2000.0));
        rate = adaptive.record(now, server(now, 0), now);
        if let Mode::Probing { round: 1, rate, .. } = adaptive.state().mode {
            break rate;
        }
    };
    assert!(
        first_probe > 60.0,
        "the first probe is above the limit: {first_probe}"
    );
    let second_probe = loop {
        now += Duration::from_secs_f64(1.0 / rate.unwrap_or(2000.0));
        rate = adaptive.record(now, server(now, 0), now);
        if let Mode::Probing { round: 2, rate, .. } = adaptive.state().mode {
            break rate;
        }
        assert!(now - start < Duration::from_secs(2), "no second probe");
    };
    // 90 % of the successes' rate: of the limit, give or take the bucket.
    assert!(
        (40.0..=55.0).contains(&second_probe),
        "second probe at {second_probe}/s"
    );
}

#[test]
fn one_throttling_episode_decreases_the_rate_once() {
    let adaptive = AdaptiveRate::default();
    let start = Instant::now();
    // Limiting at 100/s, no throttle met yet at a paced rate.
    adaptive.state().mode = Mode::Limiting {
        rate: 100.0,
        since: start,
        updated: start,
        last_throttle: start,
        slow_start: false,
    };
    let mut now = start + Duration::from_secs(1);
    for _ in 0..100 {
        now += Duration::from_millis(10);
        adaptive.record(now, false, now);
    }
    // Five throttles in 20 ms (the server's bucket is empty for a
    // while): one decrease, to 90 % of the successes' rate (100/s).
    let mut rates = Vec::new();
    for _ in 0..5 {
        now += Duration::from_millis(4);
        adaptive.record(now, true, now);
        rates.push(adaptive.rate().unwrap());
    }
    let after = rates[0];
    assert!((85.0..=95.0).contains(&after), "decreased to {after}");
    assert!(
        rates.iter().all(|rate| (rate - after).abs() < 1.0),
        "one decrease only: {rates:?}"
    );
    // Past the cooldown a throttle decreases it again.
    now += COOLDOWN;
    adaptive.record(now, true, now);
    assert!(adaptive.rate().unwrap() < after);
}

/// The successes per second of the last `tail` of `seconds`, as a share of
/// the limit, and the share of requests throttled, for a client of 400
/// requests/s against a bucket of `per_second` and `burst`.
fn follow(per_second: f64, burst: f64, seconds: u64, tail: u64) -> (f64, f64) {
    let adaptive = AdaptiveRate::default();
    let (requests, throttles) =
        drive_at(&adaptive, 400.0, seconds, tail, bucket(per_second, burst));
    #[allow(clippy::cast_precision_loss)]
    let shares = (
        (requests - throttles) as f64 / tail as f64 / per_second,
        throttles as f64 / requests as f64,
    );
    shares
}

#[test]
fn a_burst_as_large_as_the_rate_is_no_flood_of_throttles() {
    // The first throttle comes after the whole burst, at a measured rate
    // far above the limit: the first probe must not last.
    for per_second in [50.0, 100.0, 200.0] {
        let (rate, throttled) = follow(per_second, per_second, 20, 20);
        assert!(rate >= 0.9, "{per_second}/s: {rate:.3} of the limit");
        assert!(
            throttled <= 0.05,
            "{per_second}/s: {throttled:.3} throttled"
        );
    }
}

#[test]
fn a_burst_of_one_is_followed_closely_once_found() {
    // The first throttle comes at the second request, with nothing to
    // measure: the limit is found from far below, within a few seconds.
    for per_second in [50.0, 100.0, 200.0] {
        let (rate, throttled) = follow(per_second, 1.0, 30, 20);
        assert!(rate >= 0.9, "{per_second}/s: {rate:.3} of the limit");
        assert!(
            throttled <= 0.05,
            "{per_second}/s: {throttled:.3} throttled"
        );
    }
}
