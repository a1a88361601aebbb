//! A calendar day, with just the arithmetic the engine needs.
//!
//! Serialises as `"YYYY-MM-DD"`. Arithmetic goes through a day number
//! (days since 1970-01-01, proleptic Gregorian), after Howard Hinnant's
//! `days_from_civil` algorithm.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A Gregorian calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date (YYYY-MM-DD): {:?}", self.0)
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// The day, when `month` and `day` exist in `year`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        if !(1..=9999).contains(&year) {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month as u32
    }

    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Days since 1970-01-01.
    pub fn day_number(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day with the given day number, if it is within years 1–9999.
    pub fn from_day_number(z: i64) -> Option<Date> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(i32::try_from(y).ok()?, m as u32, d as u32)
    }

    /// This day moved by `days` (negative: earlier), if still within range.
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_day_number(self.day_number().checked_add(days)?)
    }

    /// 0 = Sunday … 6 = Saturday (the Arabic week starts on الأحد).
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        (self.day_number() + 4).rem_euclid(7) as u32
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.to_string());
        let mut parts = s.trim().splitn(3, '-');
        let mut next = || -> Result<u32, DateError> {
            let p = parts.next().ok_or_else(err)?;
            if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            p.parse().map_err(|_| err())
        };
        let (y, m, d) = (next()?, next()?, next()?);
        Date::new(y as i32, m, d).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        for (text, ok) in [
            ("2017-03-22", true),
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("2017-13-01", false),
            ("17-3-2", true),
            ("", false),
            ("2017-03", false),
            ("2017-03-22x", false),
            ("٢٠١٧-٠٣-٢٢", false),
        ] {
            assert_eq!(text.parse::<Date>().is_ok(), ok, "{text}");
        }
        assert_eq!(
            "2017-03-22".parse::<Date>().unwrap().to_string(),
            "2017-03-22"
        );
    }

    #[test]
    fn arithmetic_round_trips() {
        let d: Date = "2017-03-22".parse().unwrap();
        assert_eq!(d.add_days(-1).unwrap().to_string(), "2017-03-21");
        assert_eq!(d.add_days(10).unwrap().to_string(), "2017-04-01");
        assert_eq!(
            "2024-03-01"
                .parse::<Date>()
                .unwrap()
                .add_days(-1)
                .unwrap()
                .to_string(),
            "2024-02-29"
        );
        assert_eq!(Date::new(1970, 1, 1).unwrap().day_number(), 0);
        for n in [-700_000, -1, 0, 1, 20_000, 2_000_000] {
            assert_eq!(Date::from_day_number(n).unwrap().day_number(), n);
        }
        assert!(Date::new(9999, 12, 31).unwrap().add_days(1).is_none());
        assert!(d.add_days(i64::MAX).is_none());
    }

    #[test]
    fn weekdays() {
        // 2017-03-22 was a Wednesday; 2024-12-08 a Sunday.
        assert_eq!("2017-03-22".parse::<Date>().unwrap().weekday(), 3);
        assert_eq!("2024-12-08".parse::<Date>().unwrap().weekday(), 0);
    }
}
