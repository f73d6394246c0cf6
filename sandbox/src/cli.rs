//! Command-line options (`formakit-sandbox --help`).

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::dates::{Date, DateExt};
use crate::faults::FaultSpec;
use crate::Config;

#[derive(Parser, Debug)]
#[command(name = "formakit-sandbox", version, about = "Plays Cegos, Lära, France Travail and Campus Skills on loopback, with faults on demand.")]
pub struct Args {
    /// Address to bind (keep it on loopback).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Port to bind; 0 picks a free one. The chosen port is printed.
    #[arg(long, default_value_t = crate::DEFAULT_PORT)]
    pub port: u16,
    /// Seed of the generated data: same seed, same bytes.
    #[arg(long, default_value_t = crate::DEFAULT_SEED)]
    pub seed: u64,
    /// Day the generated dates are relative to (YYYY-MM-DD); default: today (UTC).
    #[arg(long, value_parser = parse_date)]
    pub today: Option<Date>,
    /// Directory served at `/` (default: <workspace>/www-demo when present).
    #[arg(long)]
    pub www: Option<PathBuf>,
    /// Directory served at `/pkg/` (default: <workspace>/pkg when present).
    #[arg(long)]
    pub pkg: Option<PathBuf>,
    /// Lifetime of issued tokens in seconds (default: 3600 Cegos, 1500 France Travail).
    #[arg(long)]
    pub token_ttl: Option<u64>,
    /// Server-wide fault, same syntax as X-Formakit-Fault (e.g. `latency=200,503`).
    #[arg(long, value_parser = parse_fault)]
    pub fault: Option<FaultSpec>,
    /// Latency added to every provider response, in milliseconds.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Campus Skills codeFormation values with a configured model (comma-separated);
    /// transmitted contracts with one of these are "integrated".
    #[arg(long, value_delimiter = ',')]
    pub campus_models: Option<Vec<String>>,
    /// Cegos products to generate (same generator and seed; sessions scale with it).
    #[arg(long, default_value_t = crate::data::cegos::PRODUCT_COUNT, value_parser = parse_products)]
    pub cegos_products: usize,
    /// Milliseconds from a request's first byte to the end of its head; a slower
    /// client is disconnected (no response).
    #[arg(long, default_value_t = ms(crate::connections::DEFAULT_HEADER_TIMEOUT), value_parser = parse_ms)]
    pub header_timeout_ms: u64,
    /// Milliseconds a connection with no request in flight may stay silent
    /// before it is closed (keep-alive included).
    #[arg(long, default_value_t = ms(crate::connections::DEFAULT_IDLE_TIMEOUT), value_parser = parse_ms)]
    pub idle_timeout_ms: u64,
    /// Connections served at once; further clients wait to be accepted.
    #[arg(long, default_value_t = crate::connections::DEFAULT_MAX_CONNECTIONS, value_parser = parse_connections)]
    pub max_connections: usize,
    /// A browser origin allowed by CORS besides the sandbox's own
    /// (http://127.0.0.1:PORT, http://localhost:PORT); repeatable. `*` allows
    /// any origin: unsafe, any web page could then use the public sandbox tokens.
    #[arg(long = "cors-origin", value_parser = crate::cors::parse_origin)]
    pub cors_origin: Vec<String>,
    /// Largest request body of the Cegos, Lära and France Travail routes (bytes, or 512k, 1M…).
    #[arg(long, default_value = "1M", value_parser = crate::http::parse_size)]
    pub body_limit: usize,
    /// Largest request body of the Campus Skills routes (a full synchronisation).
    #[arg(long, default_value = "32M", value_parser = crate::http::parse_size)]
    pub campus_body_limit: usize,
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn parse_ms(s: &str) -> Result<u64, String> {
    s.trim().parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| format!("expected a positive number of milliseconds, got {s:?}"))
}

fn parse_connections(s: &str) -> Result<usize, String> {
    s.trim().parse::<usize>().ok().filter(|n| *n > 0).ok_or_else(|| format!("expected a positive number of connections, got {s:?}"))
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("expected YYYY-MM-DD, got {s:?}"))
}

fn parse_products(s: &str) -> Result<usize, String> {
    let max = crate::data::cegos::max_products();
    match s.parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(format!("expected 1..={max}, got {s:?}")),
    }
}

fn parse_fault(s: &str) -> Result<FaultSpec, String> {
    s.parse()
}

/// `<workspace>/<name>` when it exists (the crate lives in `<workspace>/sandbox`),
/// else `./<name>` or `../<name>` relative to the working directory.
fn default_dir(name: &str) -> Option<PathBuf> {
    let candidates = [PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(name), PathBuf::from(name), PathBuf::from("..").join(name)];
    candidates.into_iter().find(|p| p.is_dir())
}

impl Args {
    pub fn into_config(self) -> Config {
        let mut c = Config {
            host: self.host,
            port: self.port,
            seed: self.seed,
            www: self.www.or_else(|| default_dir("www-demo")),
            pkg: self.pkg.or_else(|| default_dir("pkg")),
            fault: self.fault.unwrap_or_default(),
            latency_ms: self.latency_ms,
            cegos_products: self.cegos_products,
            header_timeout: Duration::from_millis(self.header_timeout_ms),
            idle_timeout: Duration::from_millis(self.idle_timeout_ms),
            max_connections: self.max_connections,
            cors: self.cors_origin.iter().fold(crate::cors::CorsPolicy::default(), |p, o| p.with(o)),
            body_limit: self.body_limit,
            campus_body_limit: self.campus_body_limit,
            ..Config::default()
        };
        if let Some(t) = self.today {
            c.today = t;
        }
        if let Some(ttl) = self.token_ttl {
            c.cegos_token_ttl = Duration::from_secs(ttl);
            c.ft_token_ttl = Duration::from_secs(ttl);
        }
        if let Some(m) = self.campus_models {
            c.campus_models = m.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        }
        c
    }
}
