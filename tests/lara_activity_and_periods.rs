// Host tests: they read fixtures from disk; the wasm builds run tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]
//! The two helpers exported to JavaScript: `inferMemberActivity` and `periodEnd`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use formakit::lara::*;
use formakit::wire::{Nullable, WireDate};

#[test]
fn activity_matches_the_documented_statuses_whatever_the_case_accents_and_form() {
    for status in [
        "MEMBRE",
        "Member",
        "1ère Inscription",
        "1ERE INSCRIPTION",
        "inscription",
        "Temporaire",
        "autorisation speciale",
        "Autorisation Spéciale",
        " autorisation spéciale",
        "1e\u{300}re inscription",
        "limitation du droit d’exercice",
        "  suspension du droit d'exercice  ",
    ] {
        assert!(infer_member_activity(status, None), "{status:?} is active");
    }
    for status in ["Radié", "", "   ", "ancien membre", "réinscription", "membres", "autorisation"] {
        assert!(!infer_member_activity(status, None), "{status:?} is not active");
    }
}

#[test]
fn an_explicit_is_active_member_wins() {
    assert!(!infer_member_activity("MEMBRE", Some(false)));
    assert!(infer_member_activity("Inconnu", Some(true)));
}

fn period(start: Option<&str>, duration: i64, unit: i64) -> LaraPeriod {
    let unit: LaraDurationUnit = serde_json::from_value(serde_json::json!(unit)).unwrap();
    LaraPeriod {
        cycle_period_id: "p".into(),
        start_date: start.map_or(Nullable::Absent, |s| Nullable::Value(WireDate(s.into()))),
        duration: Nullable::Value(duration),
        duration_unit: Nullable::Value(unit),
        ..Default::default()
    }
}

fn end(start: &str, duration: i64, unit: i64) -> String {
    period_end(&period(Some(start), duration, unit)).unwrap().unwrap().0
}

#[test]
fn hours_cross_midnight_and_month_ends() {
    assert_eq!(end("2024-03-10T22:30:00", 3, 0), "2024-03-11T01:30:00");
    assert_eq!(end("2024-12-31T23:00:00Z", 2, 0), "2025-01-01T01:00:00Z");
    assert_eq!(end("2024-03-10T22:30:00", 0, 0), "2024-03-10T22:30:00");
    assert_eq!(end("2024-03-10T10:00:00", 48, 0), "2024-03-12T10:00:00");
}

#[test]
fn days_and_weeks_move_the_calendar() {
    assert_eq!(end("2024-02-28T00:00:00", 2, 1), "2024-03-01T00:00:00", "2024 is a leap year");
    assert_eq!(end("2025-02-28T00:00:00", 1, 1), "2025-03-01T00:00:00");
    assert_eq!(end("2018-02-08T15:02:45.73", 2, 2), "2018-02-22T15:02:45.73");
    assert_eq!(end("2024-12-25T08:00:00+01:00", 1, 2), "2025-01-01T08:00:00+01:00");
}

#[test]
fn months_and_years_clamp_to_the_end_of_the_month() {
    assert_eq!(end("2024-01-31T00:00:00", 1, 3), "2024-02-29T00:00:00");
    assert_eq!(end("2025-01-31T00:00:00", 1, 3), "2025-02-28T00:00:00");
    assert_eq!(end("2025-08-31T09:00:00-05:30", 1, 3), "2025-09-30T09:00:00-05:30");
    assert_eq!(end("2024-02-29T12:00:00", 1, 4), "2025-02-28T12:00:00");
    assert_eq!(end("2024-02-29T12:00:00", 4, 4), "2028-02-29T12:00:00");
    assert_eq!(end("2018-02-08T15:02:45.73", 2, 4), "2020-02-08T15:02:45.73", "the document's period");
}

#[test]
fn the_end_keeps_the_start_zone_form() {
    assert_eq!(end("2025-03-15T09:00:00", 1, 1), "2025-03-16T09:00:00", "no zone stays no zone");
    assert_eq!(end("2025-03-15T09:00:00Z", 1, 1), "2025-03-16T09:00:00Z");
    assert_eq!(end("2018-10-22T00:00:00+02:00", 1, 1), "2018-10-23T00:00:00+02:00");
    assert_eq!(end("2025-03-15", 1, 1), "2025-03-16T00:00:00", "a date alone gets midnight");
    assert_eq!(end("2025-03-15T09:00:00.1234567", 1, 1), "2025-03-16T09:00:00.1234567");
}

#[test]
fn no_date_start_has_no_end() {
    for start in ["0001-01-01T00:00:00", ""] {
        assert_eq!(period_end(&period(Some(start), 2, 4)), Ok(None), "{start:?}");
    }
    assert_eq!(period_end(&period(None, 2, 4)), Ok(None));
    let mut null = period(None, 2, 4);
    null.start_date = Nullable::Null;
    assert_eq!(period_end(&null), Ok(None));
}

#[test]
fn bad_periods_are_errors_never_panics() {
    assert_eq!(period_end(&period(Some("2024-01-01T00:00:00"), 1, 9)), Err(LaraPeriodEndError::UnknownDurationUnit(9)));
    assert_eq!(period_end(&period(Some("2024-01-01T00:00:00"), -1, 1)), Err(LaraPeriodEndError::NegativeDuration(-1)));
    assert!(matches!(period_end(&period(Some("hier"), 1, 1)), Err(LaraPeriodEndError::StartDate(_))));
    for unit in 0..=4 {
        assert_eq!(period_end(&period(Some("2024-01-01T00:00:00"), i64::MAX, unit)), Err(LaraPeriodEndError::OutOfRange), "unit {unit}");
    }
    assert_eq!(period_end(&period(Some("9999-12-31T23:00:00"), 1, 1)), Err(LaraPeriodEndError::OutOfRange));
    assert_eq!(end("9999-12-31T22:00:00", 1, 0), "9999-12-31T23:00:00");
    let mut missing = period(Some("2024-01-01T00:00:00"), 1, 1);
    missing.duration = Nullable::Null;
    assert_eq!(period_end(&missing), Err(LaraPeriodEndError::MissingDuration));
    missing.duration = Nullable::Value(1);
    missing.duration_unit = Nullable::Absent;
    assert_eq!(period_end(&missing), Err(LaraPeriodEndError::MissingDurationUnit));
    assert!(LaraPeriodEndError::UnknownDurationUnit(9).to_string().contains("unknown durationUnit 9"));
}
