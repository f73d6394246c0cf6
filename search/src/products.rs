//! From the core's Cegos models to [`Document`]s: what is indexed of a product.

use formakit::cegos::{CegosCatalogTopics, CegosProduct, CegosSession, CegosTopic};

use crate::index::{CatalogIndex, Document};
use crate::normalize::strip_html;

/// Days since 1970-01-01 of a `YYYY-MM-DD…` date, `None` when it is not one.
pub fn day_of(date: &str) -> Option<i32> {
    let y: i32 = date.get(0..4)?.parse().ok()?;
    let m: u8 = date.get(5..7)?.parse().ok()?;
    let d: u8 = date.get(8..10)?.parse().ok()?;
    let days = formakit::dates::CalendarDate::new(y, m, d)?.days_since_epoch();
    i32::try_from(days).ok()
}

/// The label path of each topic id (root first).
fn topic_paths(topics: &[CegosTopic], prefix: &[String], out: &mut Vec<(i64, Vec<String>)>) {
    for t in topics {
        let mut path = prefix.to_vec();
        path.push(t.label.clone());
        if let Some(sub) = t.sub_topics.value() {
            topic_paths(sub, &path, out);
        }
        out.push((t.id, path));
    }
}

/// What is indexed of `products`: titles, topic path (from `topics`), cities, codes,
/// notice objective and program without HTML, and, from `sessions` (matched by
/// product code), the session start days.
pub fn documents(products: &[CegosProduct], topics: Option<&CegosCatalogTopics>, sessions: &[CegosSession]) -> Vec<Document> {
    let mut paths = Vec::new();
    if let Some(t) = topics {
        topic_paths(&t.topics, &[], &mut paths);
    }
    products
        .iter()
        .map(|p| {
            let mut alt_titles: Vec<String> = p.marketing_title.value().cloned().into_iter().collect();
            if let Some(titles) = p.titles.value() {
                alt_titles.extend(titles.iter().map(|t| t.text.clone()).filter(|t| *t != p.title));
            }
            let mut topic_labels = Vec::new();
            if let Some(rel) = p.catalog_topic_relations.value() {
                for r in rel {
                    if let Some((_, path)) = paths.iter().find(|(id, _)| *id == r.catalog_topic_id) {
                        for l in path {
                            if !topic_labels.contains(l) {
                                topic_labels.push(l.clone());
                            }
                        }
                    }
                }
            }
            let codes = [Some(&p.product_code), p.rncp_code.value(), p.rs_code.value(), p.cpf_code.value()].into_iter().flatten().cloned().collect();
            let mut text = String::new();
            if let Some(n) = p.notice.value() {
                for html in [n.objective.value(), n.program.value()].into_iter().flatten() {
                    text.push_str(&strip_html(html));
                    text.push(' ');
                }
            }
            let session_starts = sessions.iter().filter(|s| s.product_code == p.product_code).filter_map(|s| day_of(s.start_date.as_str())).collect();
            Document {
                code: p.yearly_product_code.clone(),
                title: p.title.clone(),
                alt_titles,
                codes,
                topics: topic_labels,
                cities: p.cities.clone(),
                text,
                cpf: p.cpf,
                level: p.level.label.clone(),
                range: p.range.label.clone(),
                price: p.price,
                session_starts,
            }
        })
        .collect()
}

impl CatalogIndex {
    /// Indexes parsed Cegos products (`topics` gives the topic path, `sessions` the start dates).
    pub fn from_products(products: &[CegosProduct], topics: Option<&CegosCatalogTopics>, sessions: &[CegosSession]) -> CatalogIndex {
        CatalogIndex::build(&documents(products, topics, sessions))
    }
}
