//! Dates as the providers send them, read without a date library.
//!
//! Wire forms seen: `2025-03-15T09:00:00` (no zone), `2025-09-15T09:00:00Z`,
//! `2018-10-22T00:00:00+02:00`, `2018-02-08T15:02:45.73` (any number of
//! fraction digits), plain `2025-03-15`, and .NET's `0001-01-01T00:00:00`
//! meaning "no date". Campus Skills sends `DD/MM/YYYY` ([`CalendarDate`]).
//!
//! Decision (specs README, contradiction 15): a date without a zone is the
//! provider's local time, Europe/Paris, so it compares correctly against one
//! with an offset. Paris is UTC+1, and UTC+2 from the last Sunday of March
//! 01:00 UTC to the last Sunday of October 01:00 UTC (EU rule, since 1996).

use std::cmp::Ordering;
use std::fmt;

/// Why a date string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The text that was not a date.
    pub input: String,
    /// What was wrong with it.
    pub reason: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a date: {}", self.input, self.reason)
    }
}

impl std::error::Error for DateError {}

/// First year [`CalendarDate`] arithmetic supports (ISO 8601 four-digit years, like .NET's `DateTime`).
pub const MIN_YEAR: i32 = 1;
/// Last year [`CalendarDate`] arithmetic supports.
pub const MAX_YEAR: i32 = 9999;

/// A calendar date (proleptic Gregorian).
///
/// The supported range is [`CalendarDate::MIN`] (0001-01-01) to
/// [`CalendarDate::MAX`] (9999-12-31): `new`, the parsers and the arithmetic
/// (`from_days_since_epoch`, `add_days`, `add_months`) return `None` or an
/// error outside it, never a wrapped value or a panic, whatever the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// Year, 1..=9999.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31 and valid for the month.
    pub day: u8,
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl CalendarDate {
    /// 0001-01-01, the first supported date.
    pub const MIN: CalendarDate = CalendarDate { year: MIN_YEAR, month: 1, day: 1 };
    /// 9999-12-31, the last supported date.
    pub const MAX: CalendarDate = CalendarDate { year: MAX_YEAR, month: 12, day: 31 };
    /// `MIN.days_since_epoch()`.
    pub const MIN_DAYS: i64 = -719_162;
    /// `MAX.days_since_epoch()`.
    pub const MAX_DAYS: i64 = 2_932_896;

    /// A checked date: `None` for 31/02 and other impossible days.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let ok = (MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(CalendarDate { year, month, day })
    }

    /// Reads Campus Skills' `DD/MM/YYYY` (real calendar dates only).
    pub fn parse_dmy(s: &str) -> Result<Self, DateError> {
        let err = |reason| DateError { input: s.to_string(), reason };
        let b = s.as_bytes();
        if b.len() != 10 || b.get(2) != Some(&b'/') || b.get(5) != Some(&b'/') {
            return Err(err("expected DD/MM/YYYY"));
        }
        let day = digits(s, 0, 2).ok_or_else(|| err("expected DD/MM/YYYY"))?;
        let month = digits(s, 3, 5).ok_or_else(|| err("expected DD/MM/YYYY"))?;
        let year = digits(s, 6, 10).ok_or_else(|| err("expected DD/MM/YYYY"))?;
        CalendarDate::new(year as i32, month as u8, day as u8).ok_or_else(|| err("no such day in the calendar"))
    }

    /// Days since 1970-01-01 (negative before). Total: any field values,
    /// even out of range, give a number (i64 holds every i32 year's days).
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside [`CalendarDate::MIN`]..=[`CalendarDate::MAX`]
    /// (`MIN_DAYS..=MAX_DAYS`).
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        if !(Self::MIN_DAYS..=Self::MAX_DAYS).contains(&days) {
            return None;
        }
        // Howard Hinnant's civil_from_days. In range, z is in 0..=3_652_364 and
        // every intermediate below is small and non-negative.
        let z = days + 719_468;
        let era = z / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u8::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        CalendarDate::new(year, month, day)
    }

    /// The date `days` later (earlier when negative); `None` when it falls
    /// outside years 1–9999 or when `self` is out of range itself.
    pub fn add_days(&self, days: i64) -> Option<Self> {
        Self::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// Adds calendar months, clamping the day to the end of the target month
    /// (31 January + 1 month = 28 or 29 February). `None` when the result
    /// falls outside years 1–9999 (or `self` is not a real date).
    pub fn add_months(&self, months: i64) -> Option<Self> {
        let total = (i64::from(self.year) * 12 + i64::from(self.month) - 1).checked_add(months)?;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        CalendarDate::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// 1 = Monday … 7 = Sunday.
    pub fn weekday(&self) -> u8 {
        ((self.days_since_epoch() + 3).rem_euclid(7) + 1) as u8
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A parsed wire date-time: calendar date, wall-clock time with nanoseconds,
/// and the UTC offset in minutes when the wire form carried one.
///
/// Equality and order are those of the instant: `2020-06-01T00:00:00+02:00`
/// equals `2020-05-31T22:00:00Z`. Compare the fields to tell the forms apart.
#[derive(Debug, Clone, Copy)]
pub struct Timestamp {
    /// Calendar date as written.
    pub date: CalendarDate,
    /// Seconds since midnight as written (0..86400).
    pub seconds_of_day: u32,
    /// Fraction of the second, in nanoseconds.
    pub nanos: u32,
    /// UTC offset in minutes (`Z` = 0); `None` when the wire form had no zone.
    pub offset_minutes: Option<i16>,
}

fn digits(s: &str, from: usize, to: usize) -> Option<u32> {
    let part = s.get(from..to)?;
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

impl Timestamp {
    /// Reads a provider date. `Ok(None)` is "no date": an empty string or
    /// any `0001-01-01` date-time (.NET `DateTime.MinValue`, specs README 4).
    pub fn parse_wire(s: &str) -> Result<Option<Self>, DateError> {
        if s.is_empty() {
            return Ok(None);
        }
        let t = Self::parse(s)?;
        Ok((t.date != CalendarDate { year: 1, month: 1, day: 1 }).then_some(t))
    }

    /// Reads an ISO-8601 date or date-time (`YYYY-MM-DD[THH:MM[:SS[.f+]]][Z|±HH:MM]`).
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let err = |reason| DateError { input: s.to_string(), reason };
        let b = s.as_bytes();
        if b.len() < 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return Err(err("expected YYYY-MM-DD"));
        }
        let (year, month, day) = match (digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)) {
            (Some(y), Some(m), Some(d)) => (y, m, d),
            _ => return Err(err("expected YYYY-MM-DD")),
        };
        let date = CalendarDate::new(year as i32, month as u8, day as u8).ok_or_else(|| err("no such day in the calendar"))?;
        let mut t = Timestamp { date, seconds_of_day: 0, nanos: 0, offset_minutes: None };
        let mut rest = &s[10..];
        if rest.is_empty() {
            return Ok(t);
        }
        rest = rest.strip_prefix(['T', 't', ' ']).ok_or_else(|| err("expected T between date and time"))?;
        let (h, m) = match (digits(rest, 0, 2), rest.get(2..3), digits(rest, 3, 5)) {
            (Some(h), Some(":"), Some(m)) if h < 24 && m < 60 => (h, m),
            _ => return Err(err("expected HH:MM")),
        };
        rest = &rest[5..];
        let mut sec = 0;
        if let Some(r) = rest.strip_prefix(':') {
            sec = digits(r, 0, 2).filter(|s| *s < 60).ok_or_else(|| err("expected seconds 00-59"))?;
            rest = &r[2..];
            if let Some(r) = rest.strip_prefix(['.', ',']) {
                let n = r.bytes().take_while(u8::is_ascii_digit).count();
                if n == 0 {
                    return Err(err("expected fraction digits after the dot"));
                }
                // Nanosecond precision; further digits are kept on the wire only.
                let mut nanos: u32 = 0;
                for (i, c) in r.bytes().take(9).take_while(u8::is_ascii_digit).enumerate() {
                    nanos += u32::from(c - b'0') * 10u32.pow(8 - i as u32);
                }
                t.nanos = nanos;
                rest = &r[n..];
            }
        }
        t.seconds_of_day = h * 3600 + m * 60 + sec;
        match rest {
            "" => {}
            "Z" | "z" => t.offset_minutes = Some(0),
            _ => {
                let sign = match rest.get(..1) {
                    Some("+") => 1,
                    Some("-") => -1,
                    _ => return Err(err("expected Z or ±HH:MM after the time")),
                };
                let (oh, om) = match (digits(rest, 1, 3), rest.get(3..4), digits(rest, 4, 6), rest.len()) {
                    (Some(h), Some(":"), Some(m), 6) if h < 24 && m < 60 => (h, m),
                    _ => match (digits(rest, 1, 3), digits(rest, 3, 5), rest.len()) {
                        (Some(h), Some(m), 5) if h < 24 && m < 60 => (h, m),
                        (Some(h), _, 3) if h < 24 => (h, 0),
                        _ => return Err(err("expected Z or ±HH:MM after the time")),
                    },
                };
                t.offset_minutes = Some(sign * (oh * 60 + om) as i16);
            }
        }
        Ok(t)
    }

    /// Seconds since the Unix epoch, UTC. A wire form without a zone is read
    /// as Europe/Paris local time (see the module docs).
    pub fn unix_seconds(&self) -> i64 {
        let local = self.date.days_since_epoch() * 86_400 + i64::from(self.seconds_of_day);
        match self.offset_minutes {
            Some(off) => local - i64::from(off) * 60,
            None => local - paris_offset_seconds(local),
        }
    }

    /// The instant as (Unix seconds, nanos).
    pub fn instant(&self) -> (i64, u32) {
        (self.unix_seconds(), self.nanos)
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.instant() == other.instant()
    }
}

impl Eq for Timestamp {}

impl std::hash::Hash for Timestamp {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.instant().hash(state);
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant().cmp(&other.instant())
    }
}

/// Paris' offset from UTC, in seconds, for a Paris wall-clock time given as
/// seconds since the epoch. The skipped and repeated hours of the switch are
/// read with the offset in force before the switch. Outside years 1–9999
/// (only a hand-built `Timestamp` gets there) it is standard time, UTC+1.
fn paris_offset_seconds(local: i64) -> i64 {
    let Some(CalendarDate { year, .. }) = CalendarDate::from_days_since_epoch(local.div_euclid(86_400)) else { return 3600 };
    let last_sunday = |month: u8| {
        let end = CalendarDate { year, month, day: 31 };
        end.days_since_epoch() - i64::from(end.weekday() % 7)
    };
    // Switches happen at 01:00 UTC = 02:00 local in March, 03:00 local in October.
    let summer_start = last_sunday(3) * 86_400 + 2 * 3600;
    let summer_end = last_sunday(10) * 86_400 + 3 * 3600;
    if (summer_start..summer_end).contains(&local) {
        7200
    } else {
        3600
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn every_documented_wire_form_parses() {
        for s in [
            "2025-03-15T09:00:00",
            "2025-09-15T09:00:00Z",
            "2018-10-22T00:00:00+02:00",
            "2018-02-08T15:02:45.73",
            "2018-11-20T09:30:19.417",
            "2025-03-15",
            "2025-03-15T09:00",
            "2025-03-15T09:00:00.1234567890123-05:30",
        ] {
            assert!(Timestamp::parse(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn dotnet_min_value_and_empty_read_as_no_date() {
        assert_eq!(Timestamp::parse_wire("0001-01-01T00:00:00").unwrap(), None);
        assert_eq!(Timestamp::parse_wire("0001-01-01T00:00:00Z").unwrap(), None);
        assert_eq!(Timestamp::parse_wire("").unwrap(), None);
        assert!(Timestamp::parse_wire("2001-01-01T00:00:00").unwrap().is_some());
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for s in [
            "2025-02-29",
            "2025-13-01",
            "2025-01-01T24:00:00",
            "2025-01-01T10:00:00+2",
            "2025/01/01",
            "2025-01-01T10:00:00.",
            "2025-01-01T10:00:00Q",
            "é025-01-01",
        ] {
            assert!(Timestamp::parse(s).is_err(), "{s}");
        }
        assert!(Timestamp::parse("2024-02-29").is_ok());
    }

    #[test]
    fn dates_with_and_without_offsets_compare_as_instants() {
        // Summer: Paris is UTC+2, so 09:00 local == 07:00Z.
        assert_eq!(ts("2025-07-01T09:00:00").unix_seconds(), ts("2025-07-01T07:00:00Z").unix_seconds());
        // Winter: UTC+1.
        assert_eq!(ts("2025-01-15T09:00:00").unix_seconds(), ts("2025-01-15T09:00:00+01:00").unix_seconds());
        assert!(ts("2025-01-15T09:00:00") < ts("2025-01-15T08:30:00Z"));
        assert!(ts("2018-02-08T15:02:45.73") > ts("2018-02-08T15:02:45.7"));
        assert_eq!(ts("2020-06-01T00:00:00+02:00"), ts("2020-05-31T22:00:00Z"));
        // DST switch days: 2025-03-30 and 2025-10-26.
        assert_eq!(ts("2025-03-30T01:30:00").unix_seconds(), ts("2025-03-30T00:30:00Z").unix_seconds());
        assert_eq!(ts("2025-03-30T03:30:00").unix_seconds(), ts("2025-03-30T01:30:00Z").unix_seconds());
        assert_eq!(ts("2025-10-26T03:30:00").unix_seconds(), ts("2025-10-26T02:30:00Z").unix_seconds());
    }

    #[test]
    fn calendar_arithmetic() {
        let d = CalendarDate::new(2024, 1, 31).unwrap();
        assert_eq!(d.add_months(1), CalendarDate::new(2024, 2, 29));
        assert_eq!(d.add_months(13), CalendarDate::new(2025, 2, 28));
        assert_eq!(d.add_months(-2), CalendarDate::new(2023, 11, 30));
        assert_eq!(d.add_months(240_000), None);
        assert_eq!(CalendarDate::MIN.days_since_epoch(), CalendarDate::MIN_DAYS);
        assert_eq!(CalendarDate::MAX.days_since_epoch(), CalendarDate::MAX_DAYS);
        for days in [-719_162, -1, 0, 1, 19_000, 2_932_896] {
            assert_eq!(CalendarDate::from_days_since_epoch(days).map(|d| d.days_since_epoch()), Some(days));
        }
        assert_eq!(CalendarDate::from_days_since_epoch(-800_000), None);
        assert_eq!(CalendarDate::from_days_since_epoch(i64::MAX), None);
        assert_eq!(CalendarDate::new(2025, 11, 23).unwrap().weekday(), 7);
    }

    #[test]
    fn campus_skills_dates_are_real_calendar_days() {
        assert_eq!(CalendarDate::parse_dmy("29/02/2024").unwrap(), CalendarDate::new(2024, 2, 29).unwrap());
        for s in ["29/02/2025", "31/04/2025", "1/02/2025", "2025-02-01", "aa/bb/cccc", "00/01/2025"] {
            assert!(CalendarDate::parse_dmy(s).is_err(), "{s}");
        }
    }
}
