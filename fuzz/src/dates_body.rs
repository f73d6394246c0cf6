//! The body of the `dates` fuzz target, shared by `fuzz/fuzz_targets/dates.rs`
//! (libFuzzer, nightly) and `tests/fuzz_targets_replay.rs` (stable, in `make test`).
//!
//! Input: the first 8 bytes are an `i64` (little-endian) for the arithmetic,
//! the rest is text (UTF-8, lossy). The text goes through every date parser
//! (`Timestamp::parse`, `Timestamp::parse_wire`, `CalendarDate::parse_dmy`,
//! `WireDate::timestamp`); each date that parses goes through the arithmetic
//! with the `i64` (days, months, epoch days). A finding is a panic (an
//! overflow too: the fuzz profile keeps overflow checks) or a broken law:
//! a parsed date inside 0001-01-01..=9999-12-31 and valid for its month,
//! `from_days_since_epoch(d.days_since_epoch()) == d`, `add_days(0)` and
//! `add_months(0)` the identity, `add_days(n)` then `add_days(-n)` back,
//! a result outside the range `None` rather than wrapped.

use formakit::dates::{days_in_month, CalendarDate, Timestamp};
use formakit::wire::WireDate;

fn assert_valid(d: &CalendarDate, what: &str) {
    assert!(d >= &CalendarDate::MIN && d <= &CalendarDate::MAX, "{what}: {d:?} outside 0001..=9999");
    assert!((1..=12).contains(&d.month), "{what}: month {}", d.month);
    assert!(d.day >= 1 && d.day <= days_in_month(d.year, d.month), "{what}: day {} of {}-{}", d.day, d.year, d.month);
}

/// The laws of the arithmetic on one valid date and one `i64`.
pub fn arithmetic(d: CalendarDate, n: i64) {
    assert_valid(&d, "input");
    let days = d.days_since_epoch();
    assert_eq!(CalendarDate::from_days_since_epoch(days), Some(d), "epoch days round trip");
    assert_eq!(d.add_days(0), Some(d));
    assert_eq!(d.add_months(0), Some(d));
    assert!((1..=7).contains(&d.weekday()), "weekday {}", d.weekday());
    if let Some(later) = d.add_days(n) {
        assert_valid(&later, "add_days");
        assert_eq!(i128::from(later.days_since_epoch()), i128::from(days) + i128::from(n), "add_days moves by n days");
        assert_eq!(later.add_days(-n), Some(d), "add_days(n) then add_days(-n)");
    } else {
        // None only when the result leaves the range.
        let target = i128::from(days) + i128::from(n);
        let min = i128::from(CalendarDate::MIN.days_since_epoch());
        let max = i128::from(CalendarDate::MAX.days_since_epoch());
        assert!(target < min || target > max, "add_days({n}) refused a date inside the range");
    }
    if let Some(later) = d.add_months(n) {
        assert_valid(&later, "add_months");
        // Clamped to the month's end, never past it.
        assert!(later.day <= d.day, "add_months kept or clamped the day");
        let months = |c: &CalendarDate| i64::from(c.year) * 12 + i64::from(c.month) - 1;
        assert_eq!(months(&later) - months(&d), n, "add_months moves by n months");
    }
    if let Some(from) = CalendarDate::from_days_since_epoch(n) {
        assert_valid(&from, "from_days_since_epoch");
        assert_eq!(from.days_since_epoch(), n);
    }
}

/// One fuzz input.
pub fn fuzz_one(data: &[u8]) {
    let (n, text) = match data.split_first_chunk::<8>() {
        Some((head, rest)) => (i64::from_le_bytes(*head), rest),
        None => (0, data),
    };
    let text = String::from_utf8_lossy(text);
    let text = text.as_ref();

    if let Ok(t) = Timestamp::parse(text) {
        assert_valid(&t.date, "Timestamp::parse");
        assert!(t.seconds_of_day < 86_400, "seconds of day {}", t.seconds_of_day);
        assert!(t.nanos < 1_000_000_000, "nanos {}", t.nanos);
        if let Some(off) = t.offset_minutes {
            assert!(off.abs() < 24 * 60, "offset {off}");
        }
        let (s, ns) = t.instant();
        assert!(ns < 1_000_000_000);
        let _ = (s, t.unix_seconds());
        assert_eq!(t.cmp(&t), std::cmp::Ordering::Equal);
        arithmetic(t.date, n);
    }
    if let Ok(Some(t)) = Timestamp::parse_wire(text) {
        assert_valid(&t.date, "Timestamp::parse_wire");
        // A wire timestamp is a timestamp.
        assert!(Timestamp::parse(text).is_ok(), "parse_wire accepted what parse refuses: {text:?}");
    }
    if let Ok(d) = CalendarDate::parse_dmy(text) {
        arithmetic(d, n);
    }
    // The wire type keeps the text as sent and parses it lazily.
    let wire = WireDate(text.to_string());
    assert_eq!(wire.as_str(), text);
    let _ = (wire.timestamp(), wire.is_no_date());

    // Arithmetic from the i64 alone, and on the range's ends.
    if let Some(d) = CalendarDate::from_days_since_epoch(n) {
        arithmetic(d, n.wrapping_neg());
    }
    arithmetic(CalendarDate::MIN, n);
    arithmetic(CalendarDate::MAX, n);
}
