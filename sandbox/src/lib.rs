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
pub mod connections;
pub mod cors;
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
use axum::http::{Request, StatusCode};
use axum::response::Response;
use axum::Router;

use crate::dates::{Date, DateExt};
use crate::faults::{FaultCounters, FaultSpec};

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
    /// Time from a request's first byte to the end of its head (`--header-timeout-ms`).
    pub header_timeout: Duration,
    /// Time a connection with no request in flight may stay silent (`--idle-timeout-ms`).
    pub idle_timeout: Duration,
    /// Connections served at once; more wait to be accepted (`--max-connections`).
    pub max_connections: usize,
    /// Browser origins allowed by CORS besides the sandbox's own (`--cors-origin`).
    pub cors: cors::CorsPolicy,
    /// Largest request body of the provider routes but Campus Skills (`--body-limit`).
    pub body_limit: usize,
    /// Largest request body of the Campus Skills routes (`--campus-body-limit`).
    pub campus_body_limit: usize,
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
            header_timeout: connections::DEFAULT_HEADER_TIMEOUT,
            idle_timeout: connections::DEFAULT_IDLE_TIMEOUT,
            max_connections: connections::DEFAULT_MAX_CONNECTIONS,
            cors: cors::CorsPolicy::default(),
            body_limit: http::DEFAULT_BODY_LIMIT,
            campus_body_limit: http::DEFAULT_CAMPUS_BODY_LIMIT,
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

/// The whole application: the four providers (behind the fault layer and
/// their body limits), static files, JSON bodies on every error, CORS.
pub fn build_router(state: AppState) -> Router {
    let limit = axum::extract::DefaultBodyLimit::max;
    let api = Router::new()
        .nest("/cegos", cegos::router(state.clone()).layer(limit(state.config.body_limit)))
        .nest("/lara", lara::router(state.clone()).layer(limit(state.config.body_limit)))
        .nest("/francetravail", france_travail::router(state.clone()).layer(limit(state.config.body_limit)))
        .nest("/campusskills", campus_skills::router(state.clone()).layer(limit(state.config.campus_body_limit)))
        .layer(axum::middleware::from_fn_with_state(state.clone(), faults::layer));
    api.merge(static_files::router(&state.config))
        .layer(axum::middleware::map_response(http::json_errors))
        .layer(axum::middleware::from_fn(http::uri_limit))
        .layer(cors::layer(&state.config))
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
/// `config.port` becomes the bound port (the own CORS origins need it).
pub async fn start(mut config: Config) -> std::io::Result<Running> {
    let listener = tokio::net::TcpListener::bind((config.host, config.port)).await?;
    let addr = listener.local_addr()?;
    config.port = addr.port();
    let limits = connections::Limits { header_timeout: config.header_timeout, idle_timeout: config.idle_timeout, max_connections: config.max_connections };
    let router = build_router(AppState::new(config));
    let task = tokio::spawn(connections::accept_loop(listener, router, limits));
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

/// JSON 404 for unknown routes under a provider prefix.
pub async fn not_found(req: Request<Body>) -> Response {
    http::error(
        StatusCode::NOT_FOUND,
        "not_found",
        &format!("no sandbox route {} {}; see sandbox/README.md for the route list", req.method(), http::clip(req.uri().path())),
        "path",
    )
}
