//! `formakit-sandbox`: a local server that plays Cegos, Lära, France Travail
//! and Campus Skills on loopback, with deterministic data and faults on demand.
//!
//! In-process use (tests): `let running = formakit_sandbox::start(config).await?;`
//! then talk to `running.addr`. The binary calls [`serve`].

// Handlers return `Result<_, Response>` so `?` turns bad input into a 4xx
// answer; the large `Err` is fine at request scale.
#![allow(clippy::result_large_err)]

pub mod auth;
pub mod campus_skills;
pub mod cegos;
pub mod cli;
pub mod data;
pub mod dates;
pub mod faults;
pub mod france_travail;
pub mod http;
pub mod lara;
pub mod static_files;

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use tower::ServiceExt;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::dates::{Date, DateExt};
use crate::faults::{AbortMode, ConnHandle, FaultCounters, FaultSpec};

/// Everything the server needs; see `cli.rs` for the matching options.
#[derive(Clone, Debug)]
pub struct Config {
    pub host: IpAddr,
    pub port: u16,
    pub seed: u64,
    /// The anchor for generated dates (sessions span the 12 months after it).
    pub today: Date,
    pub www: Option<PathBuf>,
    pub pkg: Option<PathBuf>,
    pub cegos_token_ttl: Duration,
    pub ft_token_ttl: Duration,
    pub fault: FaultSpec,
    pub latency_ms: u64,
    /// Campus Skills: `codeFormation` values with a configured model; a
    /// transmitted contract is "integrated" when its codeFormation is listed.
    pub campus_models: Vec<String>,
    /// Cegos products generated (default 1,247; sessions scale with it).
    pub cegos_products: usize,
}

pub const DEFAULT_SEED: u64 = 20_250_101;
pub const DEFAULT_PORT: u16 = 4010;

pub fn default_campus_models() -> Vec<String> {
    ["BTS-MCO", "BTS-NDRC", "BTS-GPME", "LIC-RH", "BACH-RH", "TP-ASSCOM", "MASTER-MRH"].iter().map(|s| s.to_string()).collect()
}

impl Default for Config {
    fn default() -> Config {
        Config {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
            seed: DEFAULT_SEED,
            today: Date::today_utc(),
            www: None,
            pkg: None,
            cegos_token_ttl: Duration::from_secs(3600),
            ft_token_ttl: Duration::from_secs(1500),
            fault: FaultSpec::default(),
            latency_ms: 0,
            campus_models: default_campus_models(),
            cegos_products: data::cegos::PRODUCT_COUNT,
        }
    }
}

impl Config {
    /// A config for tests: port 0, a fixed day, no static directories.
    pub fn for_tests() -> Config {
        Config { port: 0, today: Date { year: 2025, month: 3, day: 1 }, ..Config::default() }
    }
}

/// Shared state: read-only data in `Arc`s, mutable stores behind mutexes.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub data: Arc<data::Data>,
    pub tokens: Arc<auth::TokenStore>,
    pub lara: Arc<Mutex<data::lara::LaraStore>>,
    pub campus: Arc<Mutex<campus_skills::Store>>,
    pub server_faults: Arc<FaultSpec>,
    /// Requests seen per spec carrying `times=N` (see `faults.rs`).
    pub fault_counters: Arc<Mutex<FaultCounters>>,
}

impl AppState {
    pub fn new(config: Config) -> AppState {
        let (mut data, lara) = data::generate(config.seed, config.today);
        if config.cegos_products != data::cegos::PRODUCT_COUNT {
            // Same seed stream as `data::generate`'s Cegos part, more products.
            data.cegos = data::cegos::generate_n(&data::rng::Rng::new(config.seed), config.today, config.cegos_products);
        }
        let mut server_faults = config.fault.clone();
        if config.latency_ms > 0 && server_faults.latency_ms.is_none() {
            server_faults.latency_ms = Some(config.latency_ms);
        }
        AppState {
            tokens: Arc::new(auth::TokenStore::new(config.seed)),
            config: Arc::new(config),
            data: Arc::new(data),
            lara: Arc::new(Mutex::new(lara)),
            campus: Arc::new(Mutex::new(campus_skills::Store::default())),
            server_faults: Arc::new(server_faults),
            fault_counters: Arc::new(Mutex::new(FaultCounters::new())),
        }
    }
}

/// Locks a mutex, recovering from poisoning (a panicked request must not
/// take the sandbox down).
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    match m.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    }
}

/// The whole application: the four providers (behind the fault layer),
/// static files, CORS.
pub fn build_router(state: AppState) -> Router {
    let api = Router::new()
        .nest("/cegos", cegos::router(state.clone()))
        .nest("/lara", lara::router(state.clone()))
        .nest("/francetravail", france_travail::router(state.clone()))
        .nest("/campusskills", campus_skills::router(state.clone()))
        .layer(axum::middleware::from_fn_with_state(state.clone(), faults::layer));
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods([Method::GET, Method::POST, Method::DELETE, Method::PUT, Method::PATCH, Method::OPTIONS])
        .allow_headers(tower_http::cors::AllowHeaders::mirror_request())
        .expose_headers([header::RETRY_AFTER, header::WWW_AUTHENTICATE, header::CONTENT_LENGTH])
        .max_age(Duration::from_secs(600));
    api.merge(static_files::router(&state.config)).layer(cors)
}

/// A server running in the background of the current tokio runtime.
pub struct Running {
    pub addr: SocketAddr,
    pub task: tokio::task::JoinHandle<()>,
}

impl Running {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Binds, generates the data and starts serving in a background task.
pub async fn start(config: Config) -> std::io::Result<Running> {
    let listener = tokio::net::TcpListener::bind((config.host, config.port)).await?;
    let addr = listener.local_addr()?;
    let router = build_router(AppState::new(config));
    let task = tokio::spawn(accept_loop(listener, router));
    Ok(Running { addr, task })
}

/// Starts, prints the single line scripts parse
/// (`formakit-sandbox listening on http://HOST:PORT`), and serves forever.
pub async fn serve(config: Config) -> std::io::Result<()> {
    let running = start(config).await?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "formakit-sandbox listening on {}", running.url())?;
    out.flush()?;
    drop(out);
    running.task.await.map_err(std::io::Error::other)
}

/// Our own accept loop (instead of `axum::serve`) so a request can end its
/// TCP connection: the `reset` and `truncate` faults need that.
async fn accept_loop(listener: tokio::net::TcpListener, router: Router) {
    loop {
        let stream = match listener.accept().await {
            Ok((s, _)) => s,
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        tokio::spawn(async move {
            let handle = ConnHandle::default();
            #[cfg(unix)]
            let dup = {
                use std::os::fd::AsFd;
                stream.as_fd().try_clone_to_owned().ok()
            };
            let h = handle.clone();
            let svc = hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(h.clone());
                let router = router.clone();
                async move { router.oneshot(req.map(Body::new)).await }
            });
            let conn = hyper::server::conn::http1::Builder::new().serve_connection(hyper_util::rt::TokioIo::new(stream), svc);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
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
        });
    }
}

/// JSON 404 for unknown routes under a provider prefix.
pub async fn not_found(req: Request<Body>) -> Response {
    http::error(
        StatusCode::NOT_FOUND,
        "not_found",
        &format!("no sandbox route {} {}; see sandbox/README.md for the route list", req.method(), req.uri().path()),
        "path",
    )
}
