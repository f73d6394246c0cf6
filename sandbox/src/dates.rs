//! Calendar arithmetic without a date crate: civil dates <-> day numbers
//! (Howard Hinnant's algorithms), plus the few date formats the providers use.

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u32
    }

    /// Today in UTC, from the system clock.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days((secs / 86_400) as i64)
    }

    /// `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// `DD/MM/YYYY` (Campus Skills).
    pub fn parse_fr(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(2) != Some(&b'/') || b.get(5) != Some(&b'/') {
            return None;
        }
        if !s
            .chars()
            .enumerate()
            .all(|(i, c)| i == 2 || i == 5 || c.is_ascii_digit())
        {
            return None;
        }
        let d = s.get(0..2)?.parse().ok()?;
        let m = s.get(3..5)?.parse().ok()?;
        let y = s.get(6..10)?.parse().ok()?;
        Date::new(y, m, d)
    }

    pub fn fr(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// `YYYY-MM-DDTHH:MM:SS` followed by `suffix` (`""`, `"Z"`, `".73"`, `"+02:00"`).
    pub fn at(self, hour: u32, minute: u32, suffix: &str) -> String {
        format!("{self}T{hour:02}:{minute:02}:00{suffix}")
    }

    /// Paris offset for this date: +02:00 in summer time, +01:00 otherwise
    /// (last Sunday of March .. last Sunday of October).
    pub fn paris_offset(self) -> &'static str {
        let last_sunday = |month: u32| {
            let last = Date {
                year: self.year,
                month,
                day: 31,
            };
            last.add_days(-i64::from((last.weekday() + 1) % 7))
        };
        if self >= last_sunday(3) && self < last_sunday(10) {
            "+02:00"
        } else {
            "+01:00"
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses the ISO-8601 date-times the providers send (`2018-02-08T15:02:45.73`,
/// `2020-01-01T00:00:00Z`, `2018-10-22T00:00:00+02:00`, or a bare date) into
/// milliseconds since the epoch, ignoring any zone (the sandbox compares
/// values of one caller, who uses one zone). `None` when malformed.
pub fn parse_datetime_ms(s: &str) -> Option<i64> {
    let s = s.trim();
    let date = Date::parse_iso(s.get(0..10)?)?;
    let mut ms = date.to_days() * 86_400_000;
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
    fn round_trip_and_weekday() {
        let d = Date::new(2025, 3, 15).unwrap_or(Date {
            year: 0,
            month: 1,
            day: 1,
        });
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.weekday(), 5); // Saturday
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::parse_fr("29/02/2024").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        assert_eq!(Date::parse_fr("30/02/2024"), None);
        assert!(parse_datetime_ms("2018-02-08T15:02:45.73").is_some());
        assert!(parse_datetime_ms("2018-10-22T00:00:00+02:00").is_some());
        assert!(parse_datetime_ms("2018-10-22X").is_none());
        assert_eq!(
            Date::new(2025, 7, 1).map(|d| d.paris_offset()),
            Some("+02:00")
        );
        assert_eq!(
            Date::new(2025, 12, 1).map(|d| d.paris_offset()),
            Some("+01:00")
        );
    }
}
