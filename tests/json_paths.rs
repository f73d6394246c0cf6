// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
//! Decode errors name the JSON path from the error's position (src/json_path.rs)
//! instead of a second, path-tracking decode. This pins that the two agree:
//! every fixture below is broken leaf by leaf (wrong type) and field by field
//! (removed), compact and pretty-printed, and the path formakit reports must be
//! the one serde_path_to_error reports for the same input.
mod common;

use formakit::Model;
use serde_json::Value;

fn reference<T: Model>(input: &[u8]) -> Option<String> {
    let mut de = serde_json::Deserializer::from_slice(input);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(_) => de.end().err().map(|_| String::new()),
        Err(e) => Some(match e.path().to_string().as_str() {
            "." => String::new(),
            p => p.to_string(),
        }),
    }
}

/// Every variant of `doc` with one leaf given a wrong type or one member removed.
fn variants(doc: &Value) -> Vec<Value> {
    fn walk(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    at.push(k.clone());
                    out.push(at.clone());
                    walk(c, at, out);
                    at.pop();
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    at.push(format!("#{i}"));
                    out.push(at.clone());
                    walk(c, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    fn get<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
        path.iter().fold(v, |v, seg| match seg.strip_prefix('#') {
            Some(i) => &mut v[i.parse::<usize>().unwrap()],
            None => &mut v[seg.as_str()],
        })
    }
    let mut paths = Vec::new();
    walk(doc, &mut Vec::new(), &mut paths);
    let mut out = Vec::new();
    for path in paths {
        let mut broken = doc.clone();
        let leaf = get(&mut broken, &path);
        *leaf = match leaf {
            Value::String(_) => Value::from(42),
            Value::Number(_) => Value::from("x"),
            Value::Bool(_) => Value::from(1.5),
            Value::Null => Value::from(vec![1]),
            Value::Array(_) => Value::from(false),
            Value::Object(_) => Value::from("{}"),
        };
        out.push(broken);
        let (last, parent) = path.split_last().unwrap();
        if !last.starts_with('#') {
            let mut removed = doc.clone();
            get(&mut removed, parent).as_object_mut().unwrap().remove(last);
            out.push(removed);
        }
    }
    out
}

fn agree<T: Model + std::fmt::Debug>(fixture: &str) -> usize {
    let doc: Value = serde_json::from_slice(&common::fixture(fixture)).unwrap();
    let mut failures = 0;
    for variant in variants(&doc) {
        for text in [serde_json::to_string(&variant).unwrap(), serde_json::to_string_pretty(&variant).unwrap()] {
            let ours = formakit::parse::<T>(text.as_bytes()).err().map(|e| match e {
                formakit::Error::Decode(d) => d.path,
                other => panic!("{other}"),
            });
            assert_eq!(ours, reference::<T>(text.as_bytes()), "{fixture}: {text}");
            failures += usize::from(ours.is_some());
        }
    }
    failures
}

#[test]
fn position_paths_match_path_tracking_on_every_broken_leaf() {
    let checked = agree::<formakit::cegos::CegosProductsPage>("cegos/products_page.json")
        + agree::<formakit::cegos::CegosSessionsPage>("cegos/sessions_page_edge.json")
        + agree::<formakit::cegos::CegosCatalogTopicsResponse>("cegos/topics.json")
        + agree::<formakit::lara::LaraProgram>("lara/program.json")
        + agree::<formakit::lara::LaraMemberStatuses>("lara/member_statuses.json")
        + agree::<formakit::lara::LaraUserProgress>("lara/user_progress.json")
        + agree::<formakit::france_travail::AisListResponse>("france_travail/ais_example.json")
        + agree::<formakit::campus_skills::CampusSyncRequest>("campus_skills/sync_request.json");
    // Visitor errors (an untagged enum matching no variant, a duplicate field),
    // in the last member and in the middle.
    for text in [
        r#"{"id":"a","dateToComplete":true}"#,
        r#"{"id":"a","dateToComplete":true,"name":"x"}"#,
        r#"{"id":"a","name":"x","name":"y"}"#,
        r#"{"name":"x","id":"a","name":"y","keywords":""}"#,
    ] {
        let ours = formakit::parse::<formakit::lara::LaraProgram>(text.as_bytes()).err().map(|e| match e {
            formakit::Error::Decode(d) => d.path,
            other => panic!("{other}"),
        });
        assert_eq!(ours, reference::<formakit::lara::LaraProgram>(text.as_bytes()), "{text}");
    }
    // Sanity: the variants do break the documents.
    assert!(checked > 200, "only {checked} failing variants");
}

/// Syntax errors are not about a value of the model; the path names the
/// innermost container open at the error (serde_path_to_error writes `?` for a
/// key not read yet instead).
#[test]
fn syntax_errors_and_trailing_data_name_the_open_container() {
    type P = formakit::cegos::CegosSessionsPage;
    for (text, path) in
        [("{\"data\":[{\"x\":1,}]}", "data[0]"), ("{\"data\":[", "data"), ("{\"data\":[]", "data"), ("{\"data\":[]} x", ""), ("[", ""), ("", "")]
    {
        match formakit::parse::<P>(text.as_bytes()) {
            Err(formakit::Error::Decode(d)) => assert_eq!(d.path, path, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}
