//! Cegos catalog data: wire structs (field names exactly as the document) and
//! the deterministic generator (1,247 products, 2,847 sessions, ~50 centers).

use serde::Serialize;

use super::fr;
use super::notice;
use super::rng::Rng;
use crate::dates::{Date, DateExt};

pub const PRODUCT_COUNT: usize = 1247;
pub const SESSION_COUNT: usize = 2847;
/// Audiences appended to titles beyond the (subject, variant) pairs, so a
/// larger catalog (`--cegos-products`) still has distinct titles.
pub const AUDIENCES: &[&str] = &[
    " – secteur public",
    " – PME et ETI",
    " – industrie",
    " – santé et médico-social",
    " – banque et assurance",
    " – commerce et distribution",
    " – associations et ESS",
];

/// Most products `--cegos-products` can ask for: every (subject, variant,
/// audience or none) title once.
pub fn max_products() -> usize {
    let subjects: usize = fr::TOPICS.iter().flat_map(|(_, subs)| subs.iter()).flat_map(|(_, leaves)| leaves.iter()).map(|(_, s)| s.len()).sum();
    subjects * fr::TITLE_VARIANTS.len() * (AUDIENCES.len() + 1)
}
pub const PAGE_SIZE: usize = 100;
pub const REMOTE_CITY: &str = "A DISTANCE";

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    pub id: i64,
    pub label: String,
    pub country_id: String,
    pub country_label: String,
    pub start_date: String,
    pub end_date: String,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Topic {
    pub id: i64,
    pub label: String,
    pub order: i64,
    /// `null` on leaves, as the document shows.
    pub sub_topics: Option<Vec<Topic>>,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct TopicTree {
    pub catalog_id: i64,
    pub year: i32,
    pub topics: Vec<Topic>,
}

#[derive(Serialize, Clone, Debug)]
pub struct Element {
    pub id: i64,
    pub label: String,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct CommercialDuration {
    pub days: String,
    pub hours: String,
    pub minutes: String,
    pub forced_values: bool,
    pub remote_activity_included: bool,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct RelatedProduct {
    pub related_product_code: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub order: i64,
}

/// Fields sent with or without `hydrate`.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ProductBase {
    pub product_code: String,
    pub yearly_product_code: String,
    pub offer_year: i32,
    pub title: String,
    pub evolution_type: String,
    pub cpf: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rs_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rncp_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpf_code: Option<String>,
    pub training_method: String,
    pub family_offer_id: i64,
    pub module_duration: String,
    pub languages: Vec<String>,
    pub cities: Vec<String>,
    pub available_cpf_cities: Vec<String>,
    pub level: Element,
    pub professional_challenges_id: i64,
    pub best_seller: bool,
    #[serde(rename = "picto4Real")]
    pub picto4_real: bool,
    pub partners: Vec<String>,
    pub certification: Option<String>,
    pub certifier: Option<String>,
    pub job_sheet_title: Option<String>,
    pub job_sheet_url: Option<String>,
    pub modality_title: String,
    pub marketing_title: String,
    pub range: Element,
    pub price: f64,
    #[serde(rename = "iPackPrice")]
    pub i_pack_price: f64,
    pub notice_url: String,
    pub notice_url_pdf: String,
    pub certification_include: bool,
    pub international_product: bool,
    pub delivery_mode: String,
    pub commercial_duration: CommercialDuration,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Title {
    #[serde(rename = "type")]
    pub kind: String,
    pub text: String,
    pub length_maximum: i64,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Module {
    pub id: i64,
    pub code: String,
    pub order: i64,
    pub optional: bool,
    pub is_product: bool,
    pub label: String,
    pub delay_in_day: f64,
    pub delay_in_hour: f64,
    pub delay_in_minute: i64,
    pub delivery_mode: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct Formula {
    pub id: i64,
    pub label: String,
    pub modules: Vec<Module>,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct TopicRelation {
    pub catalog_topic_id: i64,
    pub relation_type: String,
    pub order: i64,
}

/// Fields sent only with `hydrate=true`.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ProductHydrated {
    pub titles: Vec<Title>,
    pub formula: Vec<Formula>,
    pub catalog_topic_relations: Vec<TopicRelation>,
    pub notice: notice::Notice,
}

#[derive(Clone, Debug)]
pub struct Product {
    pub base: ProductBase,
    pub hydrated: ProductHydrated,
    pub related: Vec<RelatedProduct>,
    /// Working days of presence (0 for e-learning).
    pub days: u32,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct CenterOut {
    pub code: String,
    pub name: String,
    pub address: Vec<String>,
    pub city: String,
    pub postal_code: String,
    pub country: String,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct SessionPart {
    pub is_remote: bool,
    pub start_time_hour: u32,
    pub start_time_minute: u32,
    pub end_time_hour: u32,
    pub end_time_minute: u32,
    pub start_date: String,
    pub end_date: String,
    pub duration_in_day: f64,
    pub number: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub center_id: Option<String>,
}

/// A part kept with its calendar date so both date styles can be rendered.
#[derive(Clone, Debug)]
pub struct Part {
    pub date: Date,
    pub start: (u32, u32),
    pub end: (u32, u32),
    pub duration_in_day: f64,
    pub is_remote: bool,
    pub center_id: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Session {
    pub yearly_session_code: String,
    pub session_number: u32,
    pub yearly_product_code: String,
    pub product_code: String,
    pub price: f64,
    pub inter_discount_price: Option<f64>,
    pub guaranteed: bool,
    pub city: String,
    pub registration_count: u32,
    pub limit_min: u32,
    pub limit_max: u32,
    pub status: &'static str,
    pub top_cpf: bool,
    pub parts: Vec<Part>,
}

pub struct CegosData {
    pub catalogs: Vec<Catalog>,
    pub topics: TopicTree,
    pub products: Vec<Product>,
    pub centers: Vec<CenterOut>,
    pub sessions: Vec<Session>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub fn generate(seed: &Rng, today: Date) -> CegosData {
    generate_n(seed, today, PRODUCT_COUNT)
}

/// The catalog with `count` products (the default 1,247 gives the same bytes
/// as `generate`); sessions scale with it (2,847 per 1,247 products).
pub fn generate_n(seed: &Rng, today: Date, count: usize) -> CegosData {
    let count = count.clamp(1, max_products());
    let year = today.year;
    let catalogs = vec![
        Catalog {
            id: 92446,
            label: format!("Site Web {year}"),
            country_id: "1".into(),
            country_label: "France".into(),
            start_date: format!("{}-09-01T00:00:00", year - 1),
            end_date: format!("{year}-12-31T00:00:00"),
        },
        Catalog {
            id: 27724,
            label: "Site e-learning_MOD_FR".into(),
            country_id: "1".into(),
            country_label: "France".into(),
            start_date: "2009-01-01T00:00:00".into(),
            end_date: "2100-12-31T00:00:00".into(),
        },
        Catalog {
            id: 27863,
            label: "Site e-learning_MOD_EN".into(),
            country_id: "2".into(),
            country_label: "Royaume-Uni".into(),
            start_date: "2009-01-01T00:00:00".into(),
            end_date: "2100-12-31T00:00:00".into(),
        },
    ];

    // Topic tree, with ids in the document's style (924470, 925040, …).
    let mut next_id = 924_470;
    let mut leaves: Vec<(i64, usize, &'static str, &'static str)> = Vec::new(); // (leaf id, domain index, leaf label, subject)
    let mut topics = Vec::new();
    for (di, (domain, subs)) in fr::TOPICS.iter().enumerate() {
        let domain_id = next_id;
        next_id += 10;
        let mut sub_topics = Vec::new();
        for (si, (sub, leaf_list)) in subs.iter().enumerate() {
            let sub_id = next_id;
            next_id += 10;
            let mut leaf_topics = Vec::new();
            for (li, (leaf, subjects)) in leaf_list.iter().enumerate() {
                let leaf_id = next_id;
                next_id += 10;
                for s in subjects.iter() {
                    leaves.push((leaf_id, di, leaf, s));
                }
                leaf_topics.push(Topic { id: leaf_id, label: (*leaf).into(), order: li as i64 + 1, sub_topics: None });
            }
            sub_topics.push(Topic { id: sub_id, label: (*sub).into(), order: si as i64 + 1, sub_topics: Some(leaf_topics) });
        }
        topics.push(Topic { id: domain_id, label: (*domain).into(), order: di as i64 + 1, sub_topics: Some(sub_topics) });
    }
    let topics = TopicTree { catalog_id: 92446, year, topics };

    let mut rng = seed.fork("cegos-products");
    // Every (subject, variant) pair, shuffled, first 1,247 kept.
    let mut combos: Vec<(usize, usize)> = Vec::new();
    for si in 0..leaves.len() {
        for vi in 0..fr::TITLE_VARIANTS.len() {
            combos.push((si, vi));
        }
    }
    rng.shuffle(&mut combos);
    // A larger catalog: the pairs again with an audience, shuffled after them
    // (the plain pairs stay first and in the same order: the default catalog is unchanged).
    let mut combos: Vec<(usize, usize, usize)> = combos.into_iter().map(|(si, vi)| (si, vi, 0)).collect();
    if count > combos.len() {
        let mut extra: Vec<(usize, usize, usize)> = Vec::new();
        for ai in 1..=AUDIENCES.len() {
            for si in 0..leaves.len() {
                for vi in 0..fr::TITLE_VARIANTS.len() {
                    extra.push((si, vi, ai));
                }
            }
        }
        rng.shuffle(&mut extra);
        combos.extend(extra);
    }
    combos.truncate(count);

    // Unique product codes; the document's "38" and "61072" always exist.
    let mut codes: Vec<u32> = vec![38, 61072];
    let mut seen: std::collections::BTreeSet<u32> = codes.iter().copied().collect();
    while codes.len() < count {
        let c = if rng.chance(15) { rng.range(1, 9999) } else { rng.range(10_000, 99_999) } as u32;
        if seen.insert(c) {
            codes.push(c);
        }
    }

    let mut products = Vec::with_capacity(count);
    for (i, (si, vi, ai)) in combos.iter().enumerate() {
        let (leaf_id, di, leaf, subject) = leaves.get(*si).copied().unwrap_or((0, 0, "", ""));
        let variant = fr::TITLE_VARIANTS.get(*vi).copied().unwrap_or("{}");
        let variant = match ai.checked_sub(1).and_then(|a| AUDIENCES.get(a)) {
            Some(audience) => format!("{variant}{audience}"),
            None => variant.to_string(),
        };
        let code = codes.get(i).copied().unwrap_or(0);
        products.push(product(&mut rng, year, code, subject, &variant, leaf_id, leaf, di));
    }
    products.sort_by_key(|p| p.base.product_code.parse::<u32>().unwrap_or(0));

    // Related products: others of the same range.
    let by_range: Vec<(i64, String)> = products.iter().map(|p| (p.base.range.id, p.base.product_code.clone())).collect();
    for p in products.iter_mut() {
        let same: Vec<&String> = by_range.iter().filter(|(r, c)| *r == p.base.range.id && *c != p.base.product_code).map(|(_, c)| c).collect();
        let n = rng.range(0, 3) as usize;
        let mut chosen: Vec<String> = Vec::new();
        for _ in 0..n {
            if let Some(c) = rng.pick(&same) {
                if !chosen.contains(c) {
                    chosen.push((*c).clone());
                }
            }
        }
        p.related = chosen
            .into_iter()
            .enumerate()
            .map(|(k, c)| RelatedProduct {
                related_product_code: c,
                kind: if k == 0 && rng.chance(30) { "Before".into() } else { "After".into() },
                order: k as i64 + 1,
            })
            .collect();
    }

    let centers = fr::CENTERS
        .iter()
        .map(|(code, name, address, city, postal, _, _)| CenterOut {
            code: (*code).into(),
            name: (*name).into(),
            address: address.iter().map(|s| (*s).into()).collect(),
            city: (*city).into(),
            postal_code: (*postal).into(),
            country: "FRANCE".into(),
        })
        .collect();

    let session_count = if count == PRODUCT_COUNT { SESSION_COUNT } else { (SESSION_COUNT * count).div_ceil(PRODUCT_COUNT) };
    let sessions = sessions(seed, today, &mut products, session_count);
    CegosData { catalogs, topics, products, centers, sessions }
}

#[allow(clippy::too_many_arguments)]
fn product(rng: &mut Rng, year: i32, code: u32, subject: &str, variant: &str, leaf_id: i64, leaf: &str, domain: usize) -> Product {
    let title = variant.replace("{}", subject);
    let elearning = variant.contains("e-learning");
    let virtual_class = variant.contains("classe virtuelle");
    let days = if elearning {
        0
    } else if variant.contains("Format court") {
        1
    } else {
        rng.range(1, 4) as u32 + u32::from(variant.contains("Cycle")) * 2
    };
    let cpf = rng.chance(35) || variant.contains("certifiant");
    let level = fr::LEVELS
        .get(if variant.contains("Niv. 2") || variant.contains("perfectionnement") { 1 } else { rng.range(0, 3) as usize })
        .copied()
        .unwrap_or((1, "Fondamental"));
    let range_label = fr::TOPICS.get(domain).map(|d| d.0).unwrap_or("Management");
    let certifying = cpf || variant.contains("Certification") || variant.contains("certifiant");
    let price = if elearning { rng.range(9, 59) as f64 * 10.0 } else { (f64::from(days) * rng.range(50, 80) as f64 * 10.0).round() };
    let (training_method, delivery_mode, modality) = if elearning {
        ("E-learning", "A distance", "Formation 100% à distance")
    } else if virtual_class {
        ("Classe virtuelle", "A distance", "Classe virtuelle")
    } else if rng.chance(25) {
        ("Parcours", "Mixte", "Formation mixte (présentiel et distanciel)")
    } else {
        ("Stage", "Présentiel", "Formation présentielle")
    };
    let hours = days * 7;
    let minutes = if elearning { rng.range(2, 12) as u32 * 15 } else { 0 };
    let yearly = format!("{year}{code:05}");
    let mut partners = vec!["Cegos".to_string()];
    if rng.chance(15) {
        if let Some(p) = rng.pick(fr::PARTNERS.get(1..).unwrap_or_default()) {
            partners.push((*p).to_string());
        }
    }
    let cert_name = format!("Certification {}", leaf);
    let base = ProductBase {
        product_code: code.to_string(),
        yearly_product_code: yearly.clone(),
        offer_year: year,
        title: title.clone(),
        evolution_type: rng.pick(fr::EVOLUTION_TYPES).copied().unwrap_or("Reconduit").into(),
        cpf,
        rs_code: if cpf && rng.chance(60) { Some(format!("RS{}", rng.range(1000, 6999))) } else { None },
        rncp_code: if cpf && rng.chance(30) { Some(format!("RNCP{}", rng.range(100, 39999))) } else { None },
        cpf_code: if cpf { Some(format!("{}", rng.range(200_000, 339_999))) } else { None },
        training_method: training_method.into(),
        family_offer_id: if elearning { 4 } else { rng.range(1, 3) as i64 },
        module_duration: if elearning {
            format!("{} h {:02} min", minutes / 60, minutes % 60)
        } else {
            format!("{days} jour{}", if days > 1 { "s" } else { "" })
        },
        languages: if rng.chance(10) { vec!["Français".into(), "Anglais".into()] } else { vec!["Français".into()] },
        cities: Vec::new(),
        available_cpf_cities: Vec::new(),
        level: Element { id: level.0, label: level.1.into() },
        professional_challenges_id: rng.range(1, 8) as i64,
        best_seller: rng.chance(8),
        picto4_real: variant.contains("4Real") || rng.chance(15),
        partners,
        certification: if certifying { Some(cert_name.clone()) } else { None },
        certifier: if certifying { rng.pick(fr::CERTIFIERS).map(|s| (*s).to_string()) } else { None },
        job_sheet_title: if rng.chance(30) { Some(format!("Fiche métier : {leaf}")) } else { None },
        job_sheet_url: None,
        modality_title: modality.into(),
        marketing_title: format!("Formation {}", subject),
        range: Element { id: 200 + domain as i64, label: range_label.into() },
        price,
        i_pack_price: (price * 2.6 / 10.0).round() * 10.0,
        notice_url: format!("https://www.cegos.fr/{code}"),
        notice_url_pdf: format!("https://static.cegos.fr/pdf/{year}_{code:04}.pdf"),
        certification_include: certifying && rng.chance(50),
        international_product: rng.chance(5),
        delivery_mode: delivery_mode.into(),
        commercial_duration: CommercialDuration {
            days: days.to_string(),
            hours: hours.to_string(),
            minutes: minutes.to_string(),
            forced_values: rng.chance(10),
            remote_activity_included: delivery_mode != "Présentiel",
        },
    };
    let mut base = base;
    if base.job_sheet_title.is_some() {
        base.job_sheet_url = Some(format!("https://www.cegos.fr/fiches-metiers/{}", slug(leaf)));
    }

    let mut modules = Vec::new();
    if days > 0 {
        modules.push(Module {
            id: rng.range(30_000, 39_999) as i64,
            code: "P01".into(),
            order: 1,
            optional: false,
            is_product: false,
            label: "Partie 1".into(),
            delay_in_day: f64::from(days),
            delay_in_hour: f64::from(hours),
            delay_in_minute: i64::from(hours) * 60,
            delivery_mode: if virtual_class { "A distance".into() } else { "Présentiel".into() },
        });
    }
    let extra = if elearning { rng.range(2, 4) } else { rng.range(0, 2) };
    for k in 0..extra {
        let mins = rng.range(1, 8) as i64 * 15;
        modules.push(Module {
            id: rng.range(10_000, 29_999) as i64,
            code: format!("EXP{:03}_FR", rng.range(1, 250)),
            order: modules.len() as i64 + 1,
            optional: k > 0 && rng.chance(40),
            is_product: true,
            label: format!("{} – module {} à distance", subject, k + 1),
            delay_in_day: round2(mins as f64 / 60.0 / 7.0),
            delay_in_hour: round2(mins as f64 / 60.0),
            delay_in_minute: mins,
            delivery_mode: "A distance".into(),
        });
    }
    let hydrated = ProductHydrated {
        titles: vec![
            Title { kind: "BALISE TITRE".into(), text: format!("Formation {} - Cegos", subject), length_maximum: 128 },
            Title { kind: "TITRE".into(), text: title.clone(), length_maximum: 256 },
            Title { kind: "SOUS TITRE".into(), text: notice::subtitle(rng, subject), length_maximum: 256 },
        ],
        formula: vec![Formula { id: rng.range(20_000, 29_999) as i64, label: "F1".into(), modules }],
        catalog_topic_relations: {
            let mut r = vec![TopicRelation { catalog_topic_id: leaf_id, relation_type: "Main".into(), order: rng.range(1, 9) as i64 }];
            if rng.chance(25) {
                r.push(TopicRelation { catalog_topic_id: leaf_id + 10, relation_type: "Secondary".into(), order: rng.range(1, 9) as i64 });
            }
            r
        },
        notice: notice::generate(rng, &title, subject, leaf, days, cpf),
    };
    Product { base, hydrated, related: Vec::new(), days }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if c != '-' || !out.ends_with('-') {
            out.push(c);
        }
    }
    out.trim_matches('-').to_string()
}

/// 2,847 sessions (by default) over the next 12 months, spread over the products that
/// have sessions (e-learning ones have none), with realistic fill levels.
fn sessions(seed: &Rng, today: Date, products: &mut [Product], session_count: usize) -> Vec<Session> {
    let mut rng = seed.fork("cegos-sessions");
    let eligible: Vec<usize> = products.iter().enumerate().filter(|(_, p)| p.days > 0).map(|(i, _)| i).collect();
    let mut counts = vec![0usize; products.len()];
    for i in &eligible {
        if let Some(c) = counts.get_mut(*i) {
            *c = 1;
        }
    }
    let weights: Vec<u64> = eligible.iter().map(|i| if products.get(*i).map(|p| p.base.best_seller).unwrap_or(false) { 6 } else { 2 }).collect();
    let mut remaining = session_count.saturating_sub(eligible.len());
    while remaining > 0 {
        let k = rng.weighted(&weights);
        if let Some(c) = eligible.get(k).and_then(|i| counts.get_mut(*i)) {
            *c += 1;
            remaining -= 1;
        }
    }
    let center_weights: Vec<u64> = fr::CENTERS.iter().map(|c| c.6).collect();
    let mut out = Vec::with_capacity(session_count);
    for (pi, p) in products.iter_mut().enumerate() {
        let n = counts.get(pi).copied().unwrap_or(0);
        let virtual_class = p.base.training_method == "Classe virtuelle";
        let mut drafts: Vec<(Date, Option<usize>)> = (0..n)
            .map(|_| {
                let mut d = today.plus_days(rng.range_i(3, 362));
                // Sessions start Monday..Thursday (weekday 1 = Monday).
                while d.weekday() > 4 {
                    d = d.plus_days(1);
                }
                let remote = virtual_class || rng.chance(18);
                (d, if remote { None } else { Some(rng.weighted(&center_weights)) })
            })
            .collect();
        drafts.sort_by_key(|(d, c)| (*d, c.unwrap_or(usize::MAX)));
        let mut cities = std::collections::BTreeSet::new();
        let mut cpf_cities = std::collections::BTreeSet::new();
        for (k, (start, center)) in drafts.into_iter().enumerate() {
            let number = k as u32 + 1;
            let center = center.and_then(|c| fr::CENTERS.get(c));
            let (city, city_code, center_id) = match center {
                Some(c) => (c.5.to_string(), c.0.to_string(), Some(c.0.to_string())),
                None => (REMOTE_CITY.to_string(), "DIS".to_string(), None),
            };
            let remote = center.is_none();
            let mut parts = Vec::new();
            let mut day = start;
            let half_days = remote && rng.chance(50);
            let part_count = if half_days { p.days * 2 } else { p.days };
            for _ in 0..part_count {
                // No weekend days (weekday 6, 7).
                while day.weekday() > 5 {
                    day = day.plus_days(1);
                }
                let (s, e, dur) = if half_days {
                    if parts.len() % 2 == 0 {
                        ((9, 0), (12, 30), 0.5)
                    } else {
                        ((14, 0), (17, 30), 0.5)
                    }
                } else if rng.chance(50) {
                    ((9, 0), (17, 30), 1.0)
                } else {
                    ((9, 0), (17, 0), 1.0)
                };
                parts.push(Part { date: day, start: s, end: e, duration_in_day: dur, is_remote: remote, center_id: center_id.clone() });
                if !half_days || parts.len() % 2 == 0 {
                    day = day.plus_days(1);
                }
            }
            let limit_max = if remote { rng.range(12, 20) } else { rng.range(8, 14) } as u32;
            let limit_min = rng.range(4, 6) as u32;
            let fill = rng.range(0, 99);
            let registration_count = if fill < 10 {
                limit_max
            } else if fill < 22 {
                limit_max - rng.range(1, 3) as u32
            } else {
                rng.range(0, u64::from(limit_max - 4)) as u32
            };
            let cancelled = rng.chance(2);
            let guaranteed = !cancelled && registration_count >= limit_min && rng.chance(55);
            let status = if cancelled {
                "Cancel"
            } else if guaranteed {
                "Valid"
            } else if rng.chance(2) {
                "Invited"
            } else {
                "Open"
            };
            let top_cpf = p.base.cpf && rng.chance(80);
            cities.insert(city.to_uppercase());
            if top_cpf {
                cpf_cities.insert(city.to_uppercase());
            }
            let price = if remote { (p.base.price * 0.9 / 10.0).round() * 10.0 } else { p.base.price };
            out.push(Session {
                yearly_session_code: format!("{}-{}-{}-{:03}", p.base.offer_year, p.base.product_code, city_code, number),
                session_number: number,
                yearly_product_code: format!("{}-{}", p.base.offer_year, p.base.product_code),
                product_code: p.base.product_code.clone(),
                price,
                inter_discount_price: if rng.chance(40) { Some(round2(price * 0.9)) } else { None },
                guaranteed,
                city,
                registration_count,
                limit_min,
                limit_max,
                status,
                top_cpf,
                parts,
            });
        }
        p.base.cities = cities.into_iter().collect();
        p.base.available_cpf_cities = cpf_cities.into_iter().collect();
    }
    out
}
