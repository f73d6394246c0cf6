//! Checked calendar arithmetic (`src/dates.rs`): the supported range is
//! 0001-01-01..=9999-12-31, every public arithmetic function answers `None`
//! outside it, and no integer input overflows or panics (these tests run in
//! debug builds, where an overflow would panic).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use formakit::dates::{days_in_month, CalendarDate, Timestamp, MAX_YEAR, MIN_YEAR};
use formakit::lara::{period_end, LaraDurationUnit, LaraPeriod, LaraPeriodEndError};
use formakit::wire::{Nullable, WireDate};

const EXTREMES: [i64; 12] = [i64::MIN, i64::MIN + 1, -4_000_000_000, i32::MIN as i64, -3_652_060, -1, 0, 1, 3_652_060, i32::MAX as i64, i64::MAX - 1, i64::MAX];

fn date(y: i32, m: u8, d: u8) -> CalendarDate {
    CalendarDate::new(y, m, d).unwrap()
}

use common::Rng;

#[test]
fn the_range_is_years_1_to_9999() {
    assert_eq!((MIN_YEAR, MAX_YEAR), (1, 9999));
    assert_eq!(CalendarDate::MIN, date(1, 1, 1));
    assert_eq!(CalendarDate::MAX, date(9999, 12, 31));
    assert_eq!(CalendarDate::MIN.days_since_epoch(), CalendarDate::MIN_DAYS);
    assert_eq!(CalendarDate::MAX.days_since_epoch(), CalendarDate::MAX_DAYS);
    assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
    assert_eq!(CalendarDate::new(0, 12, 31), None);
    assert_eq!(CalendarDate::new(10_000, 1, 1), None);
    assert_eq!(CalendarDate::new(i32::MIN, 1, 1), None);
    assert_eq!(CalendarDate::new(i32::MAX, 1, 1), None);
}

#[test]
fn from_days_since_epoch_at_the_boundaries() {
    let f = CalendarDate::from_days_since_epoch;
    assert_eq!(f(CalendarDate::MIN_DAYS), Some(CalendarDate::MIN));
    assert_eq!(f(CalendarDate::MAX_DAYS), Some(CalendarDate::MAX));
    assert_eq!(f(CalendarDate::MIN_DAYS - 1), None, "0000-12-31");
    assert_eq!(f(CalendarDate::MAX_DAYS + 1), None, "10000-01-01");
    assert_eq!(f(0), Some(date(1970, 1, 1)));
    assert_eq!(f(-1), Some(date(1969, 12, 31)));
    for days in EXTREMES {
        let in_range = (CalendarDate::MIN_DAYS..=CalendarDate::MAX_DAYS).contains(&days);
        assert_eq!(f(days).is_some(), in_range, "{days}");
    }
}

#[test]
fn add_days_at_the_boundaries() {
    assert_eq!(CalendarDate::MAX.add_days(0), Some(CalendarDate::MAX));
    assert_eq!(CalendarDate::MAX.add_days(1), None);
    assert_eq!(CalendarDate::MAX.add_days(-1), Some(date(9999, 12, 30)));
    assert_eq!(CalendarDate::MIN.add_days(-1), None);
    assert_eq!(CalendarDate::MIN.add_days(1), Some(date(1, 1, 2)));
    let span = CalendarDate::MAX_DAYS - CalendarDate::MIN_DAYS;
    assert_eq!(CalendarDate::MIN.add_days(span), Some(CalendarDate::MAX));
    assert_eq!(CalendarDate::MAX.add_days(-span), Some(CalendarDate::MIN));
    assert_eq!(CalendarDate::MIN.add_days(span + 1), None);
    assert_eq!(date(2024, 2, 28).add_days(1), Some(date(2024, 2, 29)));
    assert_eq!(date(2024, 12, 31).add_days(1), Some(date(2025, 1, 1)));
    for start in [CalendarDate::MIN, date(1970, 1, 1), date(2025, 6, 15), CalendarDate::MAX] {
        for n in EXTREMES {
            let expect = start.days_since_epoch().checked_add(n).and_then(CalendarDate::from_days_since_epoch);
            assert_eq!(start.add_days(n), expect, "{start} + {n} days");
        }
    }
}

#[test]
fn add_months_at_the_boundaries() {
    assert_eq!(date(2024, 1, 31).add_months(240_000), None, "was year 22024");
    assert_eq!(date(9999, 12, 1).add_months(1), None);
    assert_eq!(date(9999, 11, 30).add_months(1), Some(date(9999, 12, 30)));
    assert_eq!(date(1, 1, 31).add_months(-1), None);
    assert_eq!(date(1, 2, 28).add_months(-1), Some(date(1, 1, 28)));
    assert_eq!(CalendarDate::MIN.add_months(9999 * 12 - 1), Some(date(9999, 12, 1)));
    assert_eq!(CalendarDate::MAX.add_months(-(9999 * 12 - 1)), Some(date(1, 1, 31)));
    assert_eq!(CalendarDate::MIN.add_months(9999 * 12), None);
    assert_eq!(date(2024, 2, 29).add_months(12), Some(date(2025, 2, 28)));
    for start in [CalendarDate::MIN, date(2024, 1, 31), date(2025, 6, 15), CalendarDate::MAX] {
        for n in EXTREMES {
            assert_eq!(start.add_months(n), months_later(start, n), "{start} + {n} months");
        }
    }
}

/// `add_months` computed another way, in i128 so that nothing can overflow.
fn months_later(d: CalendarDate, n: i64) -> Option<CalendarDate> {
    let index = i128::from(d.year) * 12 + i128::from(d.month) - 1 + i128::from(n);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
    CalendarDate::new(year, month, d.day.min(days_in_month(year, month)))
}

/// The fields are public, so a hand-built date can hold any values: the
/// arithmetic on it must still answer (`None` or a number), never panic.
#[test]
fn out_of_range_fields_never_overflow() {
    let weird = [
        CalendarDate { year: i32::MIN, month: 0, day: 0 },
        CalendarDate { year: i32::MIN, month: 1, day: 1 },
        CalendarDate { year: i32::MAX, month: 12, day: 31 },
        CalendarDate { year: i32::MAX, month: 255, day: 255 },
        CalendarDate { year: 0, month: 2, day: 29 },
        CalendarDate { year: 10_000, month: 1, day: 1 },
        CalendarDate { year: 2025, month: 13, day: 1 },
        CalendarDate { year: 2025, month: 2, day: 0 },
    ];
    for d in weird {
        let _ = d.days_since_epoch();
        let _ = d.weekday();
        let _ = d.to_string();
        for n in EXTREMES {
            if let Some(r) = d.add_days(n) {
                assert_eq!(CalendarDate::new(r.year, r.month, r.day), Some(r), "{d:?} + {n} days");
            }
            if let Some(r) = d.add_months(n) {
                assert_eq!(CalendarDate::new(r.year, r.month, r.day), Some(r), "{d:?} + {n} months");
            }
        }
        let t = Timestamp { date: d, seconds_of_day: u32::MAX, nanos: u32::MAX, offset_minutes: None };
        let _ = t.unix_seconds();
        let z = Timestamp { offset_minutes: Some(i16::MIN), ..t };
        let _ = z.instant();
        assert!(t == t && z <= z);
    }
    for (y, m) in [(i32::MIN, 2), (i32::MAX, 2), (-4, 2), (2024, 0), (2024, 255)] {
        let _ = days_in_month(y, m);
    }
}

#[test]
fn period_end_reports_out_of_range_for_every_extreme() {
    for unit in 0..=4 {
        let unit_value: LaraDurationUnit = serde_json::from_value(serde_json::json!(unit)).unwrap();
        for n in EXTREMES {
            let p = LaraPeriod {
                cycle_period_id: "p".into(),
                start_date: Nullable::Value(WireDate("2024-01-01T00:00:00".into())),
                duration: Nullable::Value(n),
                duration_unit: Nullable::Value(unit_value),
                ..Default::default()
            };
            let r = period_end(&p);
            match n {
                ..=-1 => assert_eq!(r, Err(LaraPeriodEndError::NegativeDuration(n))),
                0 | 1 => assert!(matches!(r, Ok(Some(_))), "{n} in unit {unit}: {r:?}"),
                // 3_652_060 hours is about 417 years; as days it passes 9999-12-31.
                3_652_060 if unit == 0 => assert!(matches!(r, Ok(Some(_))), "{n} in unit {unit}: {r:?}"),
                _ => assert_eq!(r, Err(LaraPeriodEndError::OutOfRange), "{n} in unit {unit}"),
            }
        }
    }
}

/// Every day of the range, in order: the successor of each date is the next
/// calendar day, and days <-> dates round-trip.
#[test]
fn every_day_of_the_range_round_trips() {
    let mut prev: Option<CalendarDate> = None;
    for days in CalendarDate::MIN_DAYS..=CalendarDate::MAX_DAYS {
        let d = CalendarDate::from_days_since_epoch(days).unwrap();
        assert_eq!(d.days_since_epoch(), days);
        if let Some(p) = prev {
            let expect = if p.day < days_in_month(p.year, p.month) {
                CalendarDate { day: p.day + 1, ..p }
            } else if p.month < 12 {
                CalendarDate { month: p.month + 1, day: 1, ..p }
            } else {
                CalendarDate { year: p.year + 1, month: 1, day: 1 }
            };
            assert_eq!(d, expect, "after {p}");
            assert_eq!(d.weekday() % 7, (p.weekday() + 1) % 7);
        }
        prev = Some(d);
    }
    assert_eq!(prev, Some(CalendarDate::MAX));
}

/// Random days and shifts across the range (deterministic seed).
#[test]
fn random_days_dates_and_shifts_agree() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..200_000 {
        let days = rng.range(CalendarDate::MIN_DAYS, CalendarDate::MAX_DAYS);
        let d = CalendarDate::from_days_since_epoch(days).unwrap();
        assert_eq!(CalendarDate::new(d.year, d.month, d.day), Some(d));
        assert_eq!(d.days_since_epoch(), days);
        let text = d.to_string();
        assert_eq!(Timestamp::parse(&text).map(|t| t.date), Ok(d), "{text}");
        assert_eq!(i64::from(d.weekday()), (days + 3).rem_euclid(7) + 1);

        let k = rng.range(-4_000_000, 4_000_000);
        assert_eq!(d.add_days(k), CalendarDate::from_days_since_epoch(days + k), "{d} + {k} days");
        if let Some(e) = d.add_days(k) {
            assert_eq!(e.add_days(-k), Some(d));
        }

        let m = rng.range(-130_000, 130_000);
        assert_eq!(d.add_months(m), months_later(d, m), "{d} + {m} months");
    }
}
