//! The accept loop and what keeps a long-running sandbox healthy: a cap on
//! open connections, a header timeout and an idle timeout.
//!
//! Our own loop (instead of `axum::serve`) so a request can end its TCP
//! connection: the `reset` and `truncate` faults need that.
//!
//! Decisions:
//! - **Full means wait.** At `max_connections` the loop stops accepting until
//!   a connection ends; new clients wait in the kernel's backlog instead of
//!   being refused, so a test suite or a load run with more sockets than the
//!   cap queues rather than fails. The two timeouts bound the wait: a slot
//!   held by a silent or slow client frees itself.
//! - **Our own timers, not hyper's `header_read_timeout`.** hyper starts that
//!   timer as soon as a connection waits for a request head, so it also closes
//!   keep-alive connections that are merely idle, at the same delay. Here the
//!   header timeout runs from the first byte of a request head to its end, and
//!   the idle timeout from the last byte exchanged (no request in flight) to
//!   the first byte of the next request; each can be set on its own.
//! - A request in flight (handler running or response body being written,
//!   `latency=` and `trickle=` faults included) is never cut by either timer.
//! - A timed-out connection is closed with a FIN and no response (hyper owns
//!   the socket's framing; a 408 could land in the middle of a pipelined head).
//! - The watchdog of a connection is a timer, never woken by the requests
//!   themselves (a wake-up per request showed in the load bench); it wakes at
//!   least once per header timeout while the connection is idle.
//! - Each open connection holds two file descriptors: the socket and a
//!   duplicate that lets the `reset` fault set `SO_LINGER` 0 while hyper owns
//!   the stream. The default cap (256) keeps that far from the usual limit of
//!   1,024 descriptors.

use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use hyper::body::{Frame, SizeHint};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::faults::{AbortMode, ConnHandle};

/// Default of `--header-timeout-ms`: time from a request's first byte to the end of its head.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Default of `--idle-timeout-ms`: time a connection with no request in flight may stay silent.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// Default of `--max-connections`: connections served at once; more wait to be accepted.
pub const DEFAULT_MAX_CONNECTIONS: usize = 256;

/// The connection limits (see the module's decisions).
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
    pub max_connections: usize,
}

/// Accepts connections forever, at most `limits.max_connections` at once.
pub async fn accept_loop(listener: tokio::net::TcpListener, router: Router, limits: Limits) {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    loop {
        // Full: wait for a connection to end before accepting the next one.
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((s, _)) => s,
            Err(_) => {
                // Typically EMFILE: let descriptors free up.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let router = router.clone();
        tokio::spawn(async move {
            serve_connection(stream, router, limits).await;
            drop(slot);
        });
    }
}

/// Serves one connection until the client closes it, a timeout fires, or a
/// fault ends it.
async fn serve_connection(stream: tokio::net::TcpStream, router: Router, limits: Limits) {
    let _ = stream.set_nodelay(true);
    let handle = ConnHandle::default();
    #[cfg(unix)]
    let dup = {
        use std::os::fd::AsFd;
        stream.as_fd().try_clone_to_owned().ok()
    };
    let activity = Arc::new(Activity::new());
    let io = WatchedIo { inner: stream, activity: activity.clone() };
    let (h, a) = (handle.clone(), activity.clone());
    let svc = hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
        req.extensions_mut().insert(h.clone());
        let in_flight = InFlight::start(a.clone());
        let router = router.clone();
        async move {
            let res = router.oneshot(req.map(Body::new)).await?;
            Ok::<_, std::convert::Infallible>(res.map(|body| GuardedBody { inner: body, _in_flight: in_flight }))
        }
    });
    let conn = hyper::server::conn::http1::Builder::new().serve_connection(hyper_util::rt::TokioIo::new(io), svc);
    let mut conn = std::pin::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = activity.timed_out(limits) => {}
        mode = handle.aborted() => {
            #[cfg(unix)]
            if mode == AbortMode::Reset {
                if let Some(fd) = &dup {
                    let _ = socket2::SockRef::from(fd).set_linger(Some(Duration::ZERO));
                }
            }
            #[cfg(not(unix))]
            let _ = mode;
        }
    }
}

/// No head started ([`Activity::head_started`]).
const NONE: u64 = u64::MAX;

/// What a connection has been doing, in milliseconds since it opened.
struct Activity {
    opened: Instant,
    /// Last byte read or written.
    last_io: AtomicU64,
    /// First byte of the request head being read, or [`NONE`].
    head_started: AtomicU64,
    /// Requests whose response is not fully written yet.
    in_flight: AtomicUsize,
}

impl Activity {
    fn new() -> Activity {
        Activity { opened: Instant::now(), last_io: AtomicU64::new(0), head_started: AtomicU64::new(NONE), in_flight: AtomicUsize::new(0) }
    }

    fn now(&self) -> u64 {
        u64::try_from(self.opened.elapsed().as_millis()).unwrap_or(NONE - 1)
    }

    /// Bytes arrived: with no request in flight they start a request head.
    fn read(&self) {
        let now = self.now();
        self.last_io.store(now, Ordering::Relaxed);
        if self.in_flight.load(Ordering::Acquire) == 0 {
            let _ = self.head_started.compare_exchange(NONE, now, Ordering::AcqRel, Ordering::Relaxed);
        }
    }

    fn wrote(&self) {
        self.last_io.store(self.now(), Ordering::Relaxed);
    }

    /// Resolves when the header or the idle timeout has passed (never while
    /// a request is in flight).
    async fn timed_out(&self, limits: Limits) {
        let ms = |d: Duration| u64::try_from(d.as_millis()).unwrap_or(NONE - 1);
        loop {
            let now = self.now();
            let deadline = if self.in_flight.load(Ordering::Acquire) > 0 {
                // Check again later: the response may take as long as it needs.
                now.saturating_add(ms(limits.idle_timeout))
            } else {
                match self.head_started.load(Ordering::Acquire) {
                    NONE => self.last_io.load(Ordering::Relaxed).saturating_add(ms(limits.idle_timeout)),
                    started => started.saturating_add(ms(limits.header_timeout)),
                }
            };
            if deadline <= now && self.in_flight.load(Ordering::Acquire) == 0 {
                return;
            }
            // Nothing wakes this loop when a head starts: waking a task on
            // every request cost the sandbox CPU under load. Instead, while no
            // head has started, it looks again at least every header timeout,
            // so a head that starts meanwhile is seen before its deadline and
            // is still cut on time.
            let mut wait = deadline.saturating_sub(now);
            if self.head_started.load(Ordering::Acquire) == NONE {
                wait = wait.min(ms(limits.header_timeout));
            }
            tokio::time::sleep(Duration::from_millis(wait.max(1))).await;
        }
    }
}

/// One request in flight, from its complete head to the end (or the drop) of
/// its response body.
struct InFlight(Arc<Activity>);

impl InFlight {
    fn start(activity: Arc<Activity>) -> InFlight {
        activity.in_flight.fetch_add(1, Ordering::AcqRel);
        activity.head_started.store(NONE, Ordering::Release);
        InFlight(activity)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.wrote();
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A response body that keeps its request in flight until hyper is done with it.
struct GuardedBody {
    inner: Body,
    _in_flight: InFlight,
}

impl hyper::body::Body for GuardedBody {
    type Data = bytes::Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The socket, stamping [`Activity`] on every byte read or written.
struct WatchedIo {
    inner: tokio::net::TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for WatchedIo {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let res = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.read();
        }
        res
    }
}

impl AsyncWrite for WatchedIo {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        let res = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(res, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.wrote();
        }
        res
    }

    fn poll_write_vectored(mut self: Pin<&mut Self>, cx: &mut Context<'_>, bufs: &[std::io::IoSlice<'_>]) -> Poll<std::io::Result<usize>> {
        let res = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(res, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.wrote();
        }
        res
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
