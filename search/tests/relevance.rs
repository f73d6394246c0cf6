//! Relevance of `formakit-search` on the sandbox's Cegos catalog (1,247 hydrated
//! products, the topic tree, 2,847 sessions), read with the real Rust client.
//!
//! Each query comes with a judgment written against the products themselves (folded
//! with this file's own helper, never the crate's normalization): the relevant
//! `yearlyProductCode`s. Per query: recall@10 (relevant in the top 10 / min(10,
//! |relevant|)) and the reciprocal rank of the first relevant hit in the top 10; the
//! must-find-nothing queries must have `total == 0`. Run with `--nocapture` for the table.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use common::{day_of, days, fold_words, load, Catalog};
use formakit::cegos::CegosTopic;
use formakit_search::{CatalogIndex, Filters, Results};

// ------------------------------------------------------------------ judged products

/// What the judgments look at, folded by `common::fold`.
struct J {
    code: String,
    short: String,
    title: Vec<String>,
    /// Every indexed field: title, other titles, topic path, notice objective and program, cities, codes.
    all: Vec<String>,
    cities: Vec<String>,
    cpf: bool,
    level: String,
    range: String,
    price: f64,
    starts: Vec<i32>,
    rncp: Option<String>,
    rs: Option<String>,
}

fn paths(topics: &[CegosTopic], prefix: &[String], out: &mut Vec<(i64, Vec<String>)>) {
    for t in topics {
        let mut p = prefix.to_vec();
        p.push(t.label.clone());
        if let Some(sub) = t.sub_topics.value() {
            paths(sub, &p, out);
        }
        out.push((t.id, p));
    }
}

fn judged(cat: &Catalog) -> Vec<J> {
    let mut topic_paths = Vec::new();
    paths(&cat.topics.topics, &[], &mut topic_paths);
    cat.products
        .iter()
        .map(|p| {
            let mut texts: Vec<String> = vec![p.title.clone()];
            texts.extend(p.marketing_title.value().cloned());
            texts.extend(p.titles.value().into_iter().flatten().map(|t| t.text.clone()));
            for r in p.catalog_topic_relations.value().into_iter().flatten() {
                for (_, path) in topic_paths.iter().filter(|(id, _)| *id == r.catalog_topic_id) {
                    texts.extend(path.iter().cloned());
                }
            }
            if let Some(n) = p.notice.value() {
                texts.extend(n.objective.value().cloned());
                texts.extend(n.program.value().cloned());
            }
            texts.extend(p.cities.iter().cloned());
            texts.extend(
                [Some(&p.product_code), Some(&p.yearly_product_code), p.rncp_code.value(), p.rs_code.value(), p.cpf_code.value()]
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
            let all = texts.iter().flat_map(|t| fold_words(t)).collect();
            J {
                code: p.yearly_product_code.clone(),
                short: p.product_code.clone(),
                title: fold_words(&p.title),
                all,
                cities: p.cities.iter().map(|c| fold_words(c).join(" ")).collect(),
                cpf: p.cpf,
                level: p.level.label.clone(),
                range: p.range.label.clone(),
                price: p.price,
                starts: cat.sessions.iter().filter(|s| s.product_code == p.product_code).map(|s| day_of(s.start_date.as_str())).collect(),
                rncp: p.rncp_code.value().cloned(),
                rs: p.rs_code.value().cloned(),
            }
        })
        .collect()
}

type Pred = Box<dyn Fn(&J) -> bool>;

/// The title has one of these folded words.
fn title(forms: &'static [&'static str]) -> Pred {
    Box::new(move |j| j.title.iter().any(|w| forms.contains(&w.as_str())))
}

/// The title has a word starting with `prefix`.
fn title_prefix(prefix: &'static str) -> Pred {
    Box::new(move |j| j.title.iter().any(|w| w.starts_with(prefix)))
}

/// Some indexed field has one of these folded words.
fn anywhere(forms: &'static [&'static str]) -> Pred {
    Box::new(move |j| j.all.iter().any(|w| forms.contains(&w.as_str())))
}

fn and(preds: Vec<Pred>) -> Pred {
    Box::new(move |j| preds.iter().all(|p| p(j)))
}

fn when(f: impl Fn(&J) -> bool + 'static) -> Pred {
    Box::new(f)
}

/// The filters, applied to the judged product without the engine.
fn passes(j: &J, f: &Filters) -> bool {
    let remote = |c: &str| matches!(c, "a distance" | "remote" | "distanciel");
    let city = f.cities.is_empty()
        || f.cities.iter().any(|w| {
            let w = fold_words(w).join(" ");
            j.cities.iter().any(|c| *c == w || (remote(c) && remote(&w)))
        });
    city && f.cpf.is_none_or(|c| c == j.cpf)
        && (f.levels.is_empty() || f.levels.contains(&j.level))
        && (f.ranges.is_empty() || f.ranges.contains(&j.range))
        && f.max_price.is_none_or(|m| j.price <= m)
        && ((f.start_from.is_none() && f.start_to.is_none())
            || j.starts.iter().any(|s| f.start_from.is_none_or(|a| *s >= a) && f.start_to.is_none_or(|b| *s <= b)))
}

// ------------------------------------------------------------------ the relevance set

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cat {
    Plain,
    Accent,
    Ligature,
    Elision,
    Plural,
    Typo,
    Prefix,
    Code,
    Filter,
    Nothing,
}

struct Case {
    query: &'static str,
    cat: Cat,
    filters: Filters,
    relevant: Pred,
}

fn case(query: &'static str, cat: Cat, relevant: Pred) -> Case {
    Case { query, cat, filters: Filters::default(), relevant }
}

fn filtered(query: &'static str, filters: Filters, relevant: Pred) -> Case {
    Case { query, cat: Cat::Filter, filters, relevant }
}

fn nothing(query: &'static str, filters: Filters) -> Case {
    Case { query, cat: Cat::Nothing, filters, relevant: when(|_| false) }
}

fn cities(c: &[&str]) -> Filters {
    Filters { cities: c.iter().map(|s| s.to_string()).collect(), ..Filters::default() }
}

fn cases() -> Vec<Case> {
    use Cat::*;
    vec![
        // Plain words.
        case("management", Plain, title(&["management"])),
        case("excel ", Plain, title(&["excel"])),
        case("paie ", Plain, title(&["paie"])),
        case("storytelling", Plain, title(&["storytelling"])),
        case("gestion de projet", Plain, and(vec![title(&["gestion"]), title(&["projet", "projets"])])),
        case("power bi", Plain, and(vec![title(&["power"]), title(&["bi"])])),
        case("loi sapin", Plain, and(vec![title(&["loi"]), title(&["sapin"])])),
        // Accents, both ways.
        case("coeur", Accent, title(&["coeur"])),
        case("cœur du management", Accent, and(vec![title(&["coeur"]), title(&["management"])])),
        case("reseaux sociaux", Accent, and(vec![title(&["reseaux"]), title(&["sociaux"])])),
        case("evenements", Accent, title(&["evenements", "evenement"])),
        case("événements", Accent, title(&["evenements", "evenement"])),
        case("NÉGOCIATION", Accent, title(&["negociation", "negociations"])),
        case("negociation", Accent, title(&["negociation", "negociations"])),
        case("fiscalite", Accent, title(&["fiscalite"])),
        case("etudes de marche", Accent, and(vec![title(&["etudes", "etude"]), title(&["marche"])])),
        case("cybersecurite", Accent, title(&["cybersecurite"])),
        case("telephone ", Accent, title(&["telephone"])),
        case("éxcel", Accent, title(&["excel"])),
        case("managément", Accent, title(&["management"])),
        case("leadérship", Accent, title(&["leadership"])),
        // Ligatures œ, æ.
        case("oeuvre", Ligature, title(&["oeuvre"])),
        case("œuvre", Ligature, title(&["oeuvre"])),
        case("Mettre en Œuvre", Ligature, and(vec![title(&["mettre"]), title(&["oeuvre"])])),
        case("ŒUVRE politique", Ligature, and(vec![title(&["oeuvre"]), title(&["politique"])])),
        case("ex aequo", Ligature, and(vec![title(&["ex"]), title(&["aequo"])])),
        case("æquo", Ligature, title(&["aequo"])),
        case("curriculum vitae", Ligature, and(vec![title(&["curriculum"]), title(&["vitae"])])),
        case("vitæ", Ligature, title(&["vitae"])),
        // Elisions with ' and ’.
        case("l’entreprise", Elision, anywhere(&["entreprise"])),
        case("l'essentiel", Elision, title(&["essentiel"])),
        case("l’essentiel du droit", Elision, and(vec![title(&["essentiel"]), title(&["droit"])])),
        case("d'achats responsables", Elision, and(vec![title(&["achats", "achat"]), title(&["responsables", "responsable"])])),
        case("d’équipe", Elision, title(&["equipe", "equipes"])),
        case("d'equipe", Elision, title(&["equipe", "equipes"])),
        case("l'oral", Elision, title(&["oral"])),
        case("enjeux de l’IA", Elision, and(vec![title(&["enjeux"]), title(&["ia"])])),
        case("L'entretien professionnel", Elision, and(vec![title(&["entretien"]), title(&["professionnel"])])),
        case("l’effet waouh", Elision, title(&["waouh"])),
        // Plurals and singulars.
        case("formations", Plural, anywhere(&["formation", "formations"])),
        case("reseau", Plural, title(&["reseaux", "reseau"])),
        case("projets ", Plural, title(&["projet", "projets"])),
        case("fournisseur ", Plural, title(&["fournisseur", "fournisseurs"])),
        case("compétence ", Plural, title(&["competence", "competences"])),
        case("contrat ", Plural, title(&["contrat", "contrats"])),
        case("tableau ", Plural, title(&["tableau", "tableaux"])),
        case("risque psychosocial", Plural, and(vec![title(&["risques", "risque"]), title(&["psychosociaux", "psychosocial"])])),
        case("contrats commerciaux ", Plural, and(vec![title(&["contrat", "contrats"]), title(&["commercial", "commerciaux"])])),
        case("réunion hybride", Plural, and(vec![title(&["reunion", "reunions"]), title(&["hybride", "hybrides"])])),
        // Typos: 1 edit from 4 characters, 2 from 8.
        case("managment", Typo, title(&["management"])),
        case("negotiation", Typo, title(&["negociation", "negociations"])),
        case("leadersip", Typo, title(&["leadership"])),
        case("recrutment", Typo, title(&["recrutement"])),
        case("comptabilte", Typo, title(&["comptabilite"])),
        case("storytelin", Typo, title(&["storytelling"])),
        case("negocaition", Typo, title(&["negociation", "negociations"])),
        case("strategei ", Typo, title(&["strategie"])),
        case("prospcter", Typo, title(&["prospecter"])),
        case("fedback", Typo, title(&["feedback"])),
        // Prefixes (as-you-type).
        case("manag", Prefix, title_prefix("manag")),
        case("form", Prefix, when(|j| j.all.iter().any(|w| w.starts_with("form")))),
        case("négo", Prefix, title_prefix("nego")),
        case("cyber", Prefix, title_prefix("cyber")),
        case("excel tab", Prefix, and(vec![title(&["excel"]), title_prefix("tab")])),
        case("psycho", Prefix, title_prefix("psycho")),
        case("gestion de proj", Prefix, and(vec![title(&["gestion"]), title_prefix("proj")])),
        case("feedb", Prefix, title_prefix("feedb")),
        // Codes: yearly, short, RNCP, RS.
        case("202500030", Code, when(|j| j.code == "202500030")),
        case("202572594", Code, when(|j| j.code == "202572594")),
        case("72594 ", Code, when(|j| j.short == "72594")),
        case("16680", Code, when(|j| j.short == "16680")),
        case("RNCP13073", Code, when(|j| j.rncp.as_deref() == Some("RNCP13073"))),
        case("rncp27044", Code, when(|j| j.rncp.as_deref() == Some("RNCP27044"))),
        case("RS3124", Code, when(|j| j.rs.as_deref() == Some("RS3124"))),
        case("rs 1624", Code, when(|j| j.rs.as_deref() == Some("RS1624"))),
        // Filters with a query.
        filtered("management", cities(&["LYON"]), title(&["management"])),
        filtered("excel", cities(&["A DISTANCE"]), title(&["excel"])),
        filtered("excel", cities(&["remote"]), title(&["excel"])),
        filtered("", cities(&["Orleans"]), when(|_| true)),
        filtered("management", cities(&["orléans"]), title(&["management"])),
        filtered("", cities(&["saint-etienne"]), when(|_| true)),
        filtered("", cities(&["AJACCIO"]), when(|_| true)),
        filtered("negociation", Filters { cpf: Some(true), ..Filters::default() }, title(&["negociation", "negociations"])),
        filtered("paie", Filters { levels: vec!["Expertise".into()], ..Filters::default() }, title(&["paie"])),
        filtered("projet", Filters { ranges: vec!["Gestion de projet".into()], ..Filters::default() }, title(&["projet", "projets"])),
        filtered("excel", Filters { max_price: Some(1000.0), ..Filters::default() }, title(&["excel"])),
        filtered("feedback", Filters { start_from: Some(days(2025, 6, 1)), start_to: Some(days(2025, 9, 30)), ..Filters::default() }, title(&["feedback"])),
        filtered(
            "management",
            Filters { cities: vec!["PARIS".into(), "LYON".into()], cpf: Some(true), max_price: Some(2000.0), ..Filters::default() },
            title(&["management"]),
        ),
        // Must find nothing.
        nothing("zzqxv", Filters::default()),
        nothing("xylophonique", Filters::default()),
        nothing("kwyjibo flarp", Filters::default()),
        nothing("management zzqxv", Filters::default()),
        nothing("format ", cities(&["NIORT"])),
        nothing("format court", cities(&["METZ"])),
        nothing("excel", cities(&["AJACCIO"])),
    ]
}

// ------------------------------------------------------------------ the metrics

struct Row {
    query: &'static str,
    filters: String,
    cat: Cat,
    relevant: usize,
    recall: f64,
    rr: f64,
    total: u32,
    top: Vec<String>,
}

fn relevant_of(case: &Case, js: &[J]) -> BTreeSet<String> {
    js.iter().filter(|j| passes(j, &case.filters) && (case.relevant)(j)).map(|j| j.code.clone()).collect()
}

fn measure(index: &CatalogIndex, js: &[J]) -> Vec<Row> {
    cases()
        .iter()
        .map(|c| {
            let rel = relevant_of(c, js);
            let r = index.search(c.query, &c.filters, 10, 0);
            let top: Vec<String> = r.hits.iter().map(|h| h.code.clone()).collect();
            let found = top.iter().filter(|t| rel.contains(*t)).count();
            let (recall, rr) = if rel.is_empty() {
                (f64::from(u8::from(r.total == 0)), f64::from(u8::from(r.total == 0)))
            } else {
                (found as f64 / rel.len().min(10) as f64, top.iter().position(|t| rel.contains(t)).map_or(0.0, |p| 1.0 / (p + 1) as f64))
            };
            Row { query: c.query, filters: describe(&c.filters), cat: c.cat, relevant: rel.len(), recall, rr, total: r.total, top }
        })
        .collect()
}

/// The filters that are set, for the table.
fn describe(f: &Filters) -> String {
    let mut out = Vec::new();
    if !f.cities.is_empty() {
        out.push(format!("cities={:?}", f.cities));
    }
    if let Some(c) = f.cpf {
        out.push(format!("cpf={c}"));
    }
    if !f.levels.is_empty() {
        out.push(format!("levels={:?}", f.levels));
    }
    if !f.ranges.is_empty() {
        out.push(format!("ranges={:?}", f.ranges));
    }
    if let Some(m) = f.max_price {
        out.push(format!("max_price={m}"));
    }
    if f.start_from.is_some() || f.start_to.is_some() {
        out.push(format!("start={:?}..={:?}", f.start_from, f.start_to));
    }
    out.join(" ")
}

fn title_of<'a>(cat: &'a Catalog, code: &str) -> &'a str {
    cat.products.iter().find(|p| p.yearly_product_code == code).map_or("?", |p| p.title.as_str())
}

#[tokio::test]
async fn relevance_set_meets_its_thresholds() {
    let cat = load().await;
    let js = judged(&cat);
    let index = CatalogIndex::from_products(&cat.products, Some(&cat.topics), &cat.sessions);
    let rows = measure(&index, &js);
    assert!(rows.len() >= 60, "{} queries", rows.len());
    println!("{:<32} {:>9} {:>6} {:>9} {:>6}", "query", "category", "|rel|", "recall@10", "RR");
    for r in &rows {
        println!(
            "{:<32} {:>9} {:>6} {:>9.2} {:>6.2}   total {:<5} {}",
            format!("{:?}", r.query),
            format!("{:?}", r.cat),
            r.relevant,
            r.recall,
            r.rr,
            r.total,
            r.filters
        );
        if r.recall < 1.0 || r.rr < 1.0 {
            for code in &r.top {
                println!("      {code} {}", title_of(&cat, code));
            }
        }
    }
    let judged_rows: Vec<&Row> = rows.iter().filter(|r| r.cat != Cat::Nothing).collect();
    let n = judged_rows.len() as f64;
    let mean_recall = judged_rows.iter().map(|r| r.recall).sum::<f64>() / n;
    let mrr = judged_rows.iter().map(|r| r.rr).sum::<f64>() / n;
    println!("{} judged queries: mean recall@10 = {mean_recall:.3}, MRR = {mrr:.3}", judged_rows.len());

    // Every judged query has relevant products (else the judgment is wrong, not the engine).
    for r in &judged_rows {
        assert!(r.relevant > 0, "{:?}: the judgment finds no product", r.query);
    }
    for r in rows.iter().filter(|r| r.cat == Cat::Nothing) {
        assert_eq!(r.relevant, 0, "{:?}: the judgment finds products", r.query);
        assert_eq!(r.total, 0, "{:?} must find nothing, found {:?}", r.query, r.top);
    }
    assert!(mean_recall >= MEAN_RECALL, "mean recall@10 {mean_recall:.3} < {MEAN_RECALL}");
    assert!(mrr >= MRR, "MRR {mrr:.3} < {MRR}");
    for (cat, min_recall, min_rr) in PER_CATEGORY {
        for r in rows.iter().filter(|r| r.cat == *cat && !KNOWN_PROBLEMS.contains(&r.query)) {
            assert!(r.recall >= *min_recall && r.rr >= *min_rr, "{:?} ({cat:?}): recall@10 {:.2} RR {:.2}, top {:?}", r.query, r.recall, r.rr, r.top);
        }
    }
}

/// Measured on the sandbox catalog: mean recall@10 0.988, MRR 0.988 over 87 judged
/// queries (one known problem below); rounded down to catch a regression.
const MEAN_RECALL: f64 = 0.95;
const MRR: f64 = 0.95;

/// Every query of these categories, known problems aside: (category, min recall@10, min RR).
const PER_CATEGORY: &[(Cat, f64, f64)] = &[
    (Cat::Plain, 0.9, 1.0),
    (Cat::Accent, 0.9, 1.0),
    (Cat::Ligature, 0.9, 1.0),
    (Cat::Elision, 0.9, 1.0),
    (Cat::Plural, 0.9, 1.0),
    (Cat::Typo, 0.9, 1.0),
    (Cat::Prefix, 0.9, 1.0),
    (Cat::Code, 1.0, 1.0),
    (Cat::Filter, 0.9, 1.0),
];

/// Queries the engine answers badly today (kept in the means, left out of the per-category floors).
/// Empty: "Mettre en Œuvre" was one (a rare typo neighbour, "lettre", outscored the exact word);
/// a near miss's idf is now capped by the exact word's.
const KNOWN_PROBLEMS: &[&str] = &[];

// ------------------------------------------------------------------ format / formation

/// "format" and "formation" stay apart: a finished "format " (or "format" followed by
/// another word) finds the products that say "format", never those that only say "formation".
#[tokio::test]
async fn format_and_formation_stay_apart() {
    let cat = load().await;
    let js = judged(&cat);
    let index = CatalogIndex::from_products(&cat.products, Some(&cat.topics), &cat.sessions);
    let has = |j: &J, w: &str| j.all.iter().any(|x| x == w);
    let with_format: BTreeSet<&str> = js.iter().filter(|j| has(j, "format")).map(|j| j.code.as_str()).collect();
    let formation_only = js.iter().filter(|j| has(j, "formation") && !has(j, "format")).count();
    assert!(!with_format.is_empty() && formation_only > 1000, "{} with format, {formation_only} formation only", with_format.len());
    for q in ["format ", "format court", "Format court ", "formats "] {
        let r = index.search(q, &Filters::default(), 2000, 0);
        let codes: BTreeSet<&str> = r.hits.iter().map(|h| h.code.as_str()).collect();
        let strays: Vec<&&str> = codes.iter().filter(|c| !with_format.contains(**c)).collect();
        assert!(
            strays.is_empty(),
            "{q:?} returns {} products without the word format, e.g. {:?}",
            strays.len(),
            strays.iter().take(3).map(|c| title_of(&cat, c)).collect::<Vec<_>>()
        );
        assert!(r.total > 0 && r.total as usize <= with_format.len(), "{q:?}: {}", r.total);
    }
    assert_eq!(index.search("format ", &Filters::default(), 10, 0).total as usize, with_format.len());
    // And "formation" finds the products that never say "format".
    let r = index.search("formation ", &Filters::default(), 2000, 0);
    assert_eq!(r.total as usize, js.iter().filter(|j| has(j, "formation") || has(j, "formations")).count());
    assert!(r.hits.iter().any(|h| !with_format.contains(h.code.as_str())));
}

// ------------------------------------------------------------------ facets

/// For three queries, each city facet count equals the total of the same search with
/// that city added as a filter (and likewise for levels, ranges and CPF).
#[tokio::test]
async fn facet_counts_equal_the_filtered_totals() {
    let cat = load().await;
    let index = CatalogIndex::from_products(&cat.products, Some(&cat.topics), &cat.sessions);
    let base = Filters { max_price: Some(2500.0), ..Filters::default() };
    for (q, f) in [
        ("management", Filters::default()),
        ("excel", Filters::default()),
        ("", base.clone()),
        ("negociation", Filters { cpf: Some(true), ..Filters::default() }),
    ] {
        let r = index.search(q, &f, 10, 0);
        assert!(!r.facets.city.is_empty(), "{q:?}: no city facet");
        for (city, count) in &r.facets.city {
            let with = index.search(q, &Filters { cities: vec![city.clone()], ..f.clone() }, 0, 0);
            assert_eq!(with.total, *count, "{q:?} city {city}");
        }
        for (level, count) in &r.facets.level {
            let with = index.search(q, &Filters { levels: vec![level.clone()], ..f.clone() }, 0, 0);
            assert_eq!(with.total, *count, "{q:?} level {level}");
        }
        for (range, count) in &r.facets.range {
            let with = index.search(q, &Filters { ranges: vec![range.clone()], ..f.clone() }, 0, 0);
            assert_eq!(with.total, *count, "{q:?} range {range}");
        }
        for (cpf, count) in &r.facets.cpf {
            let with = index.search(q, &Filters { cpf: Some(*cpf), ..f.clone() }, 0, 0);
            assert_eq!(with.total, *count, "{q:?} cpf {cpf}");
        }
    }
}

// ------------------------------------------------------------------ bytes

#[tokio::test]
async fn bytes_round_trip_gives_identical_results() {
    let cat = load().await;
    let index = CatalogIndex::from_products(&cat.products, Some(&cat.topics), &cat.sessions);
    let bytes = index.to_bytes();
    let back = CatalogIndex::from_bytes(&bytes).unwrap();
    assert_eq!(back.len(), index.len());
    assert_eq!(back.term_count(), index.term_count());
    assert_eq!(back.to_bytes(), bytes);
    for c in cases() {
        for (limit, offset) in [(10, 0), (20, 5)] {
            let a: Results = index.search(c.query, &c.filters, limit, offset);
            let b: Results = back.search(c.query, &c.filters, limit, offset);
            assert_eq!(a, b, "{:?}", c.query);
        }
    }
}

/// A small xorshift, so that the flips are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[tokio::test]
async fn damaged_bytes_are_errors_never_panics() {
    let cat = load().await;
    let small: Vec<_> = cat.products.iter().take(25).cloned().collect();
    let index = CatalogIndex::from_products(&small, Some(&cat.topics), &cat.sessions);
    let bytes = index.to_bytes();
    assert!(bytes.len() > 1000, "{} bytes", bytes.len());
    for n in 0..bytes.len() {
        assert!(CatalogIndex::from_bytes(&bytes[..n]).is_err(), "prefix of {n} of {} bytes accepted", bytes.len());
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(CatalogIndex::from_bytes(&longer).is_err(), "a trailing byte accepted");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut refused, mut accepted) = (0, 0);
    for _ in 0..1000 {
        let mut damaged = bytes.clone();
        let at = (rng.next() % damaged.len() as u64) as usize;
        let bit = 1u8 << (rng.next() % 8);
        damaged[at] ^= bit;
        match CatalogIndex::from_bytes(&damaged) {
            Err(e) => {
                assert!(!e.message().is_empty());
                refused += 1;
            }
            // A flip inside a price, a weight, a date or a letter can still be a
            // well-formed index; it must then search without panicking.
            Ok(ix) => {
                for q in ["management", "excel tab", "zzqxv", ""] {
                    let _ = ix.search(q, &Filters { cities: vec!["PARIS".into()], ..Filters::default() }, 10, 0);
                    let _ = ix.search(q, &Filters::default(), 10, 0);
                }
                accepted += 1;
            }
        }
    }
    println!("1000 single-bit flips of {} bytes: {refused} refused, {accepted} still well-formed", bytes.len());
    assert!(refused > 0);
    // Garbage of every small length, and a header with a huge count.
    for n in 0..64 {
        let junk: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        assert!(CatalogIndex::from_bytes(&junk).is_err());
        let mut headed = b"FKSI\x01".to_vec();
        headed.extend(&junk);
        assert!(CatalogIndex::from_bytes(&headed).is_err());
    }
    let mut huge = b"FKSI\x01".to_vec();
    huge.extend(u32::MAX.to_le_bytes());
    assert!(CatalogIndex::from_bytes(&huge).is_err());
}
