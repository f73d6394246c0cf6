//! Shared by the relevance and memory tests: the sandbox's Cegos catalog read with the
//! real Rust client, and a folding helper written independently of `formakit_search`.
#![allow(dead_code)]

use formakit::cegos::{CegosCatalogTopics, CegosProduct, CegosProductsQuery, CegosSession};
use formakit::client::{CegosClient, ClientOptions, Credentials, HostTransport};

/// The sandbox catalog: hydrated products, the topic tree, every session.
pub struct Catalog {
    pub products: Vec<CegosProduct>,
    pub topics: CegosCatalogTopics,
    pub sessions: Vec<CegosSession>,
}

/// Starts the sandbox in-process (port 0) and reads the whole catalog through `CegosClient`.
pub async fn load() -> Catalog {
    let running = formakit_sandbox::start(formakit_sandbox::Config { port: 0, ..formakit_sandbox::Config::for_tests() }).await.unwrap();
    let options = ClientOptions {
        sandbox_url: Some(running.url()),
        credentials: Credentials::ClientCredentials { client_id: "sandbox".into(), client_secret: "sandbox-secret".into(), scope: None },
        ..Default::default()
    };
    let client = CegosClient::new(HostTransport::new(), options).unwrap();
    let pages = client.products_pages(&CegosProductsQuery { hydrate: Some(true), ..Default::default() }).unwrap().collect().await.unwrap();
    let products: Vec<CegosProduct> = pages.into_iter().flat_map(|p| p.data).collect();
    let topics = client.topics(&Default::default()).await.unwrap().data;
    let sessions: Vec<CegosSession> = client.sessions_pages(&Default::default()).unwrap().collect().await.unwrap().into_iter().flat_map(|p| p.data).collect();
    assert_eq!(products.len(), 1247, "the sandbox's catalog");
    assert!(products.iter().all(CegosProduct::is_hydrated));
    Catalog { products, topics, sessions }
}

/// Lowercase, accents stripped by a table of their own, `œ` → `oe`, `æ` → `ae`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mapped: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "a",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "o",
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
            'ÿ' | 'Ÿ' | 'ý' | 'Ý' => "y",
            'ç' | 'Ç' => "c",
            'ñ' | 'Ñ' => "n",
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            _ => {
                for l in c.to_lowercase() {
                    out.push(l);
                }
                continue;
            }
        };
        out.push_str(mapped);
    }
    out
}

/// The folded words of `s`: runs of ASCII letters and digits (HTML tags dropped first).
pub fn fold_words(s: &str) -> Vec<String> {
    let mut plain = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    fold(&plain).split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
pub fn days(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days since 1970-01-01 of `YYYY-MM-DD…`.
pub fn day_of(date: &str) -> i32 {
    days(date[0..4].parse().unwrap(), date[5..7].parse().unwrap(), date[8..10].parse().unwrap())
}
