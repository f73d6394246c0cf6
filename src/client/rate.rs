//! The client-side rate limit: a token bucket of `maxRequestsPerSecond`
//! (one second of burst), slowed down after a 429 in the spirit of the AWS
//! SDKs' adaptive mode and recovering afterwards. Plain state: the caller
//! passes the time and sleeps for what [`RateLimiter::reserve`] answers.

/// The rate is multiplied by this after a 429 (aws-sdk adaptive mode's β).
pub const THROTTLE_FACTOR: f64 = 0.7;

/// Never slower than this (requests per second) after 429s.
pub const MIN_RATE: f64 = 0.5;

/// Each success after a throttle gives back this share of the rate in force before it.
pub const RECOVERY_STEP: f64 = 0.1;

/// France Travail publishes no quota; public clients cap themselves at 1–10
/// requests per second. The client's default is this.
pub const FRANCE_TRAVAIL_DEFAULT_RATE: f64 = 5.0;

/// Sends spaced so that at most `rate` go out per second on average.
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimiter {
    /// The configured limit (`None`: unlimited until a 429).
    configured: Option<f64>,
    /// The limit in force (below `configured` after a 429).
    rate: Option<f64>,
    /// The rate to recover to (the one in force at the first 429 of a streak).
    ceiling: Option<f64>,
    /// Theoretical arrival time of the next send (GCRA), ms.
    tat: f64,
    /// The last sends, for the measured rate when unlimited.
    recent: Vec<f64>,
}

const RECENT: usize = 16;

impl RateLimiter {
    /// A limiter of `max_per_second` (`None` or a non-positive value: unlimited).
    pub fn new(max_per_second: Option<f64>) -> Self {
        let configured = max_per_second.filter(|r| r.is_finite() && *r > 0.0);
        RateLimiter { configured, rate: configured, ceiling: None, tat: f64::NEG_INFINITY, recent: Vec::new() }
    }

    /// The limit in force, requests per second (`None`: unlimited).
    pub fn rate(&self) -> Option<f64> {
        self.rate
    }

    /// Books one send at `now_ms`; answers how long to wait before sending (0: now).
    pub fn reserve(&mut self, now_ms: f64) -> f64 {
        let wait = match self.rate {
            None => 0.0,
            Some(rate) => {
                let interval = 1000.0 / rate;
                let burst = rate.max(1.0).floor();
                let tolerance = (burst - 1.0) * interval;
                let tat = self.tat.max(now_ms);
                let wait = (tat - tolerance - now_ms).max(0.0);
                self.tat = tat + interval;
                wait
            }
        };
        if self.recent.len() == RECENT {
            self.recent.remove(0);
        }
        self.recent.push(now_ms + wait);
        wait
    }

    /// The sends per second measured over the last ones (at least [`MIN_RATE`]).
    fn measured(&self, now_ms: f64) -> f64 {
        let n = self.recent.iter().filter(|t| now_ms - **t < 1000.0).count();
        (n as f64).max(MIN_RATE)
    }

    /// A 429 answered at `now_ms`: rate × [`THROTTLE_FACTOR`], at least [`MIN_RATE`].
    pub fn throttled(&mut self, now_ms: f64) {
        let current = self.rate.unwrap_or_else(|| self.measured(now_ms));
        if self.ceiling.is_none() {
            self.ceiling = Some(current);
        }
        self.rate = Some((current * THROTTLE_FACTOR).max(MIN_RATE));
    }

    /// A success: after a throttle, the rate climbs back by [`RECOVERY_STEP`] of
    /// the ceiling per success, until the configured limit (or none) is back.
    pub fn succeeded(&mut self) {
        if let (Some(rate), Some(ceiling)) = (self.rate, self.ceiling) {
            let next = rate + ceiling * RECOVERY_STEP;
            if next >= ceiling {
                self.rate = self.configured;
                self.ceiling = None;
            } else {
                self.rate = Some(next);
            }
        }
    }
}
