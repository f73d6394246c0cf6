//! The sandbox's dates: the calendar arithmetic is the core's
//! ([`formakit::dates::CalendarDate`]); here are only the clock, the date
//! formats the providers use, and their parsing (kept apart from the core's
//! validation on purpose: tests against the sandbox must not be circular).

use formakit::dates::days_in_month;
pub use formakit::dates::CalendarDate as Date;

/// A checked date (any year, unlike `CalendarDate::new`).
fn date(year: i32, month: u8, day: u8) -> Option<Date> {
    let ok = (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day);
    ok.then_some(Date { year, month, day })
}

/// What the sandbox adds to the core's [`Date`].
pub trait DateExt: Sized {
    /// Today in UTC, from the system clock.
    fn today_utc() -> Self;
    /// `YYYY-MM-DD`.
    fn parse_iso(s: &str) -> Option<Self>;
    /// `DD/MM/YYYY` (Campus Skills).
    fn parse_fr(s: &str) -> Option<Self>;
    /// `n` days later (earlier when negative), saturating at 0001-01-01 and
    /// 9999-12-31 (the core's checked `add_days` is `None` there; the
    /// sandbox only shifts dates near today, so it never gets there).
    fn plus_days(self, n: i64) -> Self;
    /// `DD/MM/YYYY`.
    fn fr(self) -> String;
    /// `YYYY-MM-DDTHH:MM:SS` followed by `suffix` (`""`, `"Z"`, `".73"`, `"+02:00"`).
    fn at(self, hour: u32, minute: u32, suffix: &str) -> String;
    /// Paris offset for this date: +02:00 in summer time, +01:00 otherwise
    /// (last Sunday of March .. last Sunday of October).
    fn paris_offset(self) -> &'static str;
}

impl DateExt for Date {
    fn today_utc() -> Date {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let epoch = Date { year: 1970, month: 1, day: 1 };
        i64::try_from(secs / 86_400).ok().and_then(|days| epoch.add_days(days)).unwrap_or(epoch)
    }

    fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        date(y, m, d)
    }

    fn parse_fr(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(2) != Some(&b'/') || b.get(5) != Some(&b'/') {
            return None;
        }
        if !s.chars().enumerate().all(|(i, c)| i == 2 || i == 5 || c.is_ascii_digit()) {
            return None;
        }
        let d = s.get(0..2)?.parse().ok()?;
        let m = s.get(3..5)?.parse().ok()?;
        let y = s.get(6..10)?.parse().ok()?;
        date(y, m, d)
    }

    fn plus_days(self, n: i64) -> Date {
        self.add_days(n).unwrap_or(if n < 0 { Date::MIN } else { Date::MAX })
    }

    fn fr(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    fn at(self, hour: u32, minute: u32, suffix: &str) -> String {
        format!("{self}T{hour:02}:{minute:02}:00{suffix}")
    }

    fn paris_offset(self) -> &'static str {
        let last_sunday = |month: u8| {
            let last = Date { year: self.year, month, day: 31 };
            // weekday(): 1 = Monday … 7 = Sunday.
            last.plus_days(-i64::from(last.weekday() % 7))
        };
        if self >= last_sunday(3) && self < last_sunday(10) {
            "+02:00"
        } else {
            "+01:00"
        }
    }
}

/// Parses the ISO-8601 date-times the providers send (`2018-02-08T15:02:45.73`,
/// `2020-01-01T00:00:00Z`, `2018-10-22T00:00:00+02:00`, or a bare date) into
/// milliseconds since the epoch, ignoring any zone (the sandbox compares
/// values of one caller, who uses one zone). `None` when malformed.
pub fn parse_datetime_ms(s: &str) -> Option<i64> {
    let s = s.trim();
    let date = Date::parse_iso(s.get(0..10)?)?;
    let mut ms = date.days_since_epoch() * 86_400_000;
    let rest = s.get(10..)?;
    if rest.is_empty() {
        return Some(ms);
    }
    let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    let hh: i64 = rest.get(0..2)?.parse().ok()?;
    let mm: i64 = rest.get(3..5)?.parse().ok()?;
    let ss: i64 = rest.get(6..8)?.parse().ok()?;
    if rest.get(2..3)? != ":" || rest.get(5..6)? != ":" || hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    ms += (hh * 3600 + mm * 60 + ss) * 1000;
    let mut tail = rest.get(8..)?;
    if let Some(frac) = tail.strip_prefix('.') {
        let digits: String = frac.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            return None;
        }
        let padded = format!("{digits:0<3}");
        ms += padded.get(0..3)?.parse::<i64>().ok()?;
        tail = frac.get(digits.len()..)?;
    }
    match tail {
        "" | "Z" => Some(ms),
        t if (t.starts_with('+') || t.starts_with('-')) && t.len() == 6 => Some(ms),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_offsets() {
        assert_eq!(Date::parse_fr("29/02/2024").map(|d| d.to_string()), Some("2024-02-29".into()));
        assert_eq!(Date::parse_fr("30/02/2024"), None);
        assert_eq!(Date::parse_iso("2024-02-29").map(Date::fr), Some("29/02/2024".into()));
        assert!(parse_datetime_ms("2018-02-08T15:02:45.73").is_some());
        assert!(parse_datetime_ms("2018-10-22T00:00:00+02:00").is_some());
        assert!(parse_datetime_ms("2018-10-22X").is_none());
        let offset = |s| Date::parse_iso(s).map(Date::paris_offset);
        assert_eq!(offset("2025-07-01"), Some("+02:00"));
        assert_eq!(offset("2025-12-01"), Some("+01:00"));
        // 2025's switches: last Sundays of March and October.
        assert_eq!(offset("2025-03-29"), Some("+01:00"));
        assert_eq!(offset("2025-03-30"), Some("+02:00"));
        assert_eq!(offset("2025-10-25"), Some("+02:00"));
        assert_eq!(offset("2025-10-26"), Some("+01:00"));
    }
}
