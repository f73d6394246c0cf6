//! The inference helpers (`sessionAvailability`, `inferMemberActivity`,
//! `periodEnd`): a model in as JSON text, a result out as JSON text
//! `{"ok":true,"value":…}` or `{"ok":false,"error":{…}}`.

// A single-provider build carries only its helpers; the shared plumbing below
// is then partly unused.
#![cfg_attr(not(all(feature = "cegos", feature = "lara")), allow(dead_code, unused_imports))]

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::model::decode;

/// `{"ok":true,"value":…}` or `{"ok":false,"error":…}`.
pub(crate) fn reply<T: Serialize>(result: Result<T, Error>) -> String {
    let value = result.and_then(|v| serde_json::to_string(&v).map_err(|e| Error::Decode(crate::DecodeError::from_serde(String::new(), &e))));
    match value {
        Ok(v) => format!("{{\"ok\":true,\"value\":{v}}}"),
        Err(e) => format!("{{\"ok\":false,\"error\":{}}}", super::error_json(&e)),
    }
}

fn with<T: DeserializeOwned, R: Serialize>(input: &str, f: impl FnOnce(&T) -> R) -> String {
    reply(decode::<T>(input.as_bytes()).map(|v| f(&v)).map_err(Error::from))
}

/// Fill and bookability of one Cegos session (see `cegos::session_availability`).
#[cfg(feature = "cegos")]
#[wasm_bindgen(js_name = sessionAvailability)]
pub fn session_availability(session: &str) -> String {
    with(session, crate::cegos::session_availability)
}

/// Whether a Lära member status makes the member active (see `lara::infer_member_activity`).
#[cfg(feature = "lara")]
#[wasm_bindgen(js_name = inferMemberActivity)]
pub fn infer_member_activity(status: &str, is_active_member: Option<bool>) -> bool {
    crate::lara::infer_member_activity(status, is_active_member)
}

/// End of a Lära period: `null` for "no date", else the ISO text in the start's zone form.
#[cfg(feature = "lara")]
#[wasm_bindgen(js_name = periodEnd)]
pub fn period_end(period: &str, lang: &str) -> String {
    let lang = crate::Lang::parse(lang).unwrap_or_default();
    reply(decode::<crate::lara::LaraPeriod>(period.as_bytes()).map_err(Error::from).and_then(|p| {
        crate::lara::period_end(&p).map_err(|e| {
            let field = match e {
                crate::lara::LaraPeriodEndError::StartDate(_) => "startDate",
                crate::lara::LaraPeriodEndError::MissingDuration | crate::lara::LaraPeriodEndError::NegativeDuration(_) => "duration",
                _ => "durationUnit",
            };
            let issue = crate::Issue::error(field, "lara.period.end", e.message(lang));
            Error::Validation(vec![issue])
        })
    }))
}
