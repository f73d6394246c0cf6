//! When a failed attempt is tried again, and after how long: an ordered list
//! of rules ([`RULES`]), the backoff schedule ([`backoff_ms`]) and the
//! `Retry-After` reader ([`parse_retry_after`]). No clock and no randomness
//! of its own: the caller passes `now` and a number in `[0, 1)`.

/// Retried statuses: request timeout, too many requests, and the gateway/server family.
pub const RETRIED_STATUSES: [u16; 6] = [408, 429, 500, 502, 503, 504];

/// The retry settings of a client.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (default 2, so at most 3 requests).
    pub retries: u32,
    /// The first retry's delay before jitter (default 500 ms).
    pub base_ms: u64,
    /// The longest delay before jitter (default 5 s).
    pub cap_ms: u64,
    /// The longest `Retry-After` the client waits (default 60 s); a longer one
    /// ends the call with `retryAfterMs` set, for the caller to schedule.
    pub max_retry_after_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { retries: 2, base_ms: 500, cap_ms: 5_000, max_retry_after_ms: 60_000 }
    }
}

/// The delay before retry number `retry` (1 for the first retry):
/// `min(base · 2^(retry−1), cap) × (0.5 + 0.5 · random)`, stripe-node's
/// schedule: 250–500 ms, 500–1000 ms, 1–2 s, … up to 2.5–5 s.
///
/// ```
/// # use formakit::client::retry::{backoff_ms, RetryPolicy};
/// let p = RetryPolicy::default();
/// assert_eq!(backoff_ms(&p, 1, 0.0), 250);
/// assert_eq!(backoff_ms(&p, 1, 0.999_999), 499);
/// assert_eq!(backoff_ms(&p, 3, 0.0), 1_000);
/// assert_eq!(backoff_ms(&p, 40, 0.0), 2_500);
/// ```
pub fn backoff_ms(policy: &RetryPolicy, retry: u32, random: f64) -> u64 {
    let exp = retry.saturating_sub(1).min(30);
    let raw = policy.base_ms.saturating_mul(1u64 << exp).min(policy.cap_ms);
    let r = if random.is_finite() { random.clamp(0.0, 1.0) } else { 0.0 };
    // raw ≤ cap (u64 ms): the product fits an f64 exactly enough and rounds down.
    (raw as f64 * (0.5 + 0.5 * r)) as u64
}

/// `Retry-After` as milliseconds from `now_unix_ms`: a number of seconds
/// (`"120"`), or an HTTP-date (`"Wed, 21 Oct 2015 07:28:00 GMT"`, RFC 9110's
/// IMF-fixdate; a date in the past is 0). Anything else is `None` (ignored).
///
/// ```
/// # use formakit::client::retry::parse_retry_after;
/// assert_eq!(parse_retry_after("5", 0.0), Some(5_000));
/// assert_eq!(parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", 4_000.0), Some(6_000));
/// assert_eq!(parse_retry_after("soon", 0.0), None);
/// ```
pub fn parse_retry_after(value: &str, now_unix_ms: f64) -> Option<u64> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return Some(v.parse::<u64>().unwrap_or(u64::MAX / 1000).saturating_mul(1000));
    }
    let at = http_date_unix_seconds(v)?;
    let delta = at as f64 * 1000.0 - now_unix_ms;
    Some(if delta > 0.0 { delta.min(u64::MAX as f64) as u64 } else { 0 })
}

/// IMF-fixdate (`"Sun, 06 Nov 1994 08:49:37 GMT"`) as Unix seconds.
fn http_date_unix_seconds(s: &str) -> Option<i64> {
    let rest = s.split_once(", ")?.1;
    let mut parts = rest.split(' ');
    let day: u8 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i32 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':');
    let (h, m, sec): (i64, i64, i64) = (hms.next()?.parse().ok()?, hms.next()?.parse().ok()?, hms.next()?.parse().ok()?);
    if parts.next()? != "GMT" || parts.next().is_some() || hms.next().is_some() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let date = crate::dates::CalendarDate::new(year, month, day)?;
    Some(date.days_since_epoch() * 86_400 + h * 3_600 + m * 60 + sec)
}

/// What one attempt ended with, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// An answer with this status (`Retry-After` already read, in ms).
    Status {
        /// The HTTP status.
        status: u16,
        /// `Retry-After`, when sent and readable.
        retry_after_ms: Option<u64>,
    },
    /// No answer within the timeout.
    Timeout,
    /// The connection failed, or the body stopped before its end.
    Network,
    /// The caller aborted.
    Aborted,
}

/// The facts a decision is taken on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// What the attempt ended with.
    pub attempt: Attempt,
    /// Retries already made for this call.
    pub retries_done: u32,
    /// True when the endpoint is retry-safe, or the caller opted in for this call.
    pub may_retry: bool,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Send again after `delay_ms`.
    Retry {
        /// How long to wait first.
        delay_ms: u64,
    },
    /// Give up; `retryable` says whether a later call may succeed.
    Stop {
        /// Whether the failure is of the transient kind.
        retryable: bool,
    },
}

/// One rule: its name (for docs and tests) and its test, which decides or passes.
pub type Rule = (&'static str, fn(&Context, &RetryPolicy, f64) -> Option<Decision>);

fn transient(a: &Attempt) -> bool {
    match a {
        Attempt::Status { status, .. } => RETRIED_STATUSES.contains(status),
        Attempt::Timeout | Attempt::Network => true,
        Attempt::Aborted => false,
    }
}

/// The rules, first match wins (the last one always decides).
pub const RULES: &[Rule] = &[
    ("aborted: never retried", |c, _, _| matches!(c.attempt, Attempt::Aborted).then_some(Decision::Stop { retryable: false })),
    ("not transient (a 400, a 404…): never retried", |c, _, _| (!transient(&c.attempt)).then_some(Decision::Stop { retryable: false })),
    ("not retry-safe and no opt-in: not retried", |c, _, _| (!c.may_retry).then_some(Decision::Stop { retryable: true })),
    ("retries used up", |c, p, _| (c.retries_done >= p.retries).then_some(Decision::Stop { retryable: true })),
    ("Retry-After above the maximum: the caller schedules", |c, p, _| match c.attempt {
        Attempt::Status { retry_after_ms: Some(ms), .. } if ms > p.max_retry_after_ms => Some(Decision::Stop { retryable: true }),
        _ => None,
    }),
    ("Retry-After honoured as sent", |c, _, _| match c.attempt {
        Attempt::Status { retry_after_ms: Some(ms), .. } => Some(Decision::Retry { delay_ms: ms }),
        _ => None,
    }),
    ("otherwise exponential backoff with jitter", |c, p, r| Some(Decision::Retry { delay_ms: backoff_ms(p, c.retries_done + 1, r) })),
];

/// Runs [`RULES`] in order.
pub fn decide(ctx: &Context, policy: &RetryPolicy, random: f64) -> Decision {
    RULES.iter().find_map(|(_, rule)| rule(ctx, policy, random)).unwrap_or(Decision::Stop { retryable: false })
}
