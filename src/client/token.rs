//! The access-token cache and its single-flight refresh.
//!
//! [`TokenCache`] is plain state: a token and the instant it stops being
//! used, [`REFRESH_MARGIN_MS`] before the provider's expiry (Azure's token
//! cycler refreshes 2 minutes early too). [`SingleFlight`] makes every caller
//! that finds the cache empty wait for one refresh instead of starting its
//! own (the bug class of mulesoft/mule#7309); a refresh whose caller gave up
//! (its future dropped, its signal aborted) hands the lead to a waiter.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// A token is refreshed this long before the provider says it expires (2 minutes).
pub const REFRESH_MARGIN_MS: f64 = 120_000.0;

/// Tokens whose lifetime is unknown are kept this long (5 minutes), then asked again.
pub const UNKNOWN_LIFETIME_MS: f64 = 300_000.0;

/// A cached bearer token.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TokenCache {
    token: Option<(String, f64)>,
}

impl TokenCache {
    /// The token, when one is held and `now_ms` is before its refresh time.
    pub fn current(&self, now_ms: f64) -> Option<&str> {
        match &self.token {
            Some((t, use_until)) if now_ms < *use_until => Some(t),
            _ => None,
        }
    }

    /// Keeps `token`, valid `expires_in_s` seconds from `now_ms` (`None`: unknown lifetime).
    /// A lifetime shorter than twice the margin is used for half its length.
    pub fn store(&mut self, token: String, expires_in_s: Option<f64>, now_ms: f64) {
        let life = match expires_in_s {
            Some(s) if s.is_finite() && s > 0.0 => s * 1000.0,
            Some(_) => 0.0,
            None => UNKNOWN_LIFETIME_MS + REFRESH_MARGIN_MS,
        };
        let usable = if life > 2.0 * REFRESH_MARGIN_MS { life - REFRESH_MARGIN_MS } else { life / 2.0 };
        self.token = Some((token, now_ms + usable));
    }

    /// Forgets the token if it is still `token` (a 401 answered it); a newer one is kept.
    pub fn invalidate(&mut self, token: &str) {
        if self.token.as_ref().is_some_and(|(t, _)| t == token) {
            self.token = None;
        }
    }

    /// Forgets any token.
    pub fn clear(&mut self) {
        self.token = None;
    }
}

struct Slot<T> {
    /// `Some(Some(v))`: done; `Some(None)`: the leader gave up; `None`: running.
    result: RefCell<Option<Option<T>>>,
    wakers: RefCell<Vec<Waker>>,
}

/// At most one refresh in flight; everyone else waits for its result.
pub struct SingleFlight<T> {
    slot: RefCell<Option<Rc<Slot<T>>>>,
}

impl<T> Default for SingleFlight<T> {
    fn default() -> Self {
        SingleFlight { slot: RefCell::new(None) }
    }
}

/// What a caller of [`SingleFlight::join`] got.
pub enum Turn<T> {
    /// Run the refresh, then [`Lead::finish`] (dropping the lead unfinished hands it on).
    Lead(Lead<T>),
    /// Await this for the leader's result (`None`: the leader gave up; join again).
    Wait(Waiting<T>),
}

/// The leader's duty: finish with the result.
pub struct Lead<T> {
    slot: Rc<Slot<T>>,
    flight: Rc<SingleFlight<T>>,
}

impl<T> Lead<T> {
    /// Publishes `value` to every waiter; `None` says "gave up", so one of them leads next.
    pub fn finish(self, value: Option<T>) {
        self.publish(value);
    }

    fn publish(&self, value: Option<T>) {
        if self.slot.result.borrow().is_none() {
            *self.slot.result.borrow_mut() = Some(value);
            let mut current = self.flight.slot.borrow_mut();
            if current.as_ref().is_some_and(|s| Rc::ptr_eq(s, &self.slot)) {
                *current = None;
            }
            drop(current);
            for w in self.slot.wakers.borrow_mut().drain(..) {
                w.wake();
            }
        }
    }
}

impl<T> Drop for Lead<T> {
    fn drop(&mut self) {
        self.publish(None);
    }
}

/// A waiter's future.
pub struct Waiting<T> {
    slot: Rc<Slot<T>>,
}

impl<T: Clone> Future for Waiting<T> {
    type Output = Option<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        if let Some(r) = self.slot.result.borrow().as_ref() {
            return Poll::Ready(r.clone());
        }
        let mut wakers = self.slot.wakers.borrow_mut();
        if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
            wakers.push(cx.waker().clone());
        }
        Poll::Pending
    }
}

impl<T> SingleFlight<T> {
    /// Leads a new flight when none is running, else waits for the running one.
    pub fn join(self: &Rc<Self>) -> Turn<T> {
        if let Some(slot) = self.slot.borrow().as_ref() {
            return Turn::Wait(Waiting { slot: slot.clone() });
        }
        let slot = Rc::new(Slot { result: RefCell::new(None), wakers: RefCell::new(Vec::new()) });
        *self.slot.borrow_mut() = Some(slot.clone());
        Turn::Lead(Lead { slot, flight: self.clone() })
    }

    /// True while a flight runs.
    pub fn running(&self) -> bool {
        self.slot.borrow().is_some()
    }
}
