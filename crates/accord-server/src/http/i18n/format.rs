//! Numbers, percentages and dates in the current language.
//!
//! Numbers are grouped as each language groups them, by ICU4X's
//! `icu_decimal` with its compiled CLDR data (1,234,567 in English,
//! 1 234 567 in French with narrow no-break spaces, 1.234.567 in Spanish;
//! Arabic keeps the Latin digits CLDR gives it). Dates are written in
//! words, in each language's order, with the month names below (the
//! Arabic ones as United Nations documents write them, "كانون الأول/ديسمبر"):
//! ICU4X's date formatter would add about 3 MB to the binary and four
//! minutes to a clean build on two cores (BENCHMARKS.md) for six
//! languages whose long dates fit in a table.
//!
//! English keeps what the pages always showed: numbers as Fluent writes
//! them (no grouping, so `1234`), dates in ISO order (`2026-12-04
//! 16:35:52`), which users of the record and its tools search for.
//!
//! Times are UTC, as the record's are.

use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;

use super::{current, Lang};

/// `n` as the current language writes a count: `1,234,567`, `1 234 567`.
pub fn number(n: impl Integer) -> String {
    number_in(current(), n)
}

/// `n` in `lang`.
pub fn number_in(lang: Lang, n: impl Integer) -> String {
    let n = n.value();
    match lang {
        Lang::En => n.to_string(),
        _ => format_decimal(lang, &Decimal::from(n)),
    }
}

/// An integer a page shows, by value or by reference (templates pass
/// references).
pub trait Integer {
    fn value(self) -> i128;
}

macro_rules! integer {
    ($($t:ty),*) => {$(
        impl Integer for $t {
            fn value(self) -> i128 {
                self as i128
            }
        }
        impl Integer for &$t {
            fn value(self) -> i128 {
                *self as i128
            }
        }
    )*};
}
integer!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

/// The share `x` (0.0 to 1.0) as a percentage, to a tenth of a per cent at
/// most: `45.7%` in English, `45,7 %` in French.
pub fn percent(x: f64) -> String {
    percent_in(current(), x)
}

/// The share `x` as a percentage in `lang`.
pub fn percent_in(lang: Lang, x: f64) -> String {
    let tenths = (x * 1000.0).round();
    let tenths = if tenths.is_finite() { tenths as i64 } else { 0 };
    let figure = if lang == Lang::En {
        if tenths % 10 == 0 {
            (tenths / 10).to_string()
        } else {
            format!("{}.{}", tenths / 10, (tenths % 10).abs())
        }
    } else {
        let mut d = Decimal::from(tenths);
        d.multiply_pow10(-1);
        if tenths % 10 == 0 {
            d.trunc(0);
        }
        format_decimal(lang, &d)
    };
    // The sign's place and spacing, from CLDR's percent patterns.
    match lang {
        Lang::Fr => format!("{figure}\u{202F}%"),
        Lang::Es | Lang::Ru => format!("{figure}\u{A0}%"),
        Lang::Ar | Lang::Zh | Lang::En => format!("{figure}%"),
    }
}

/// The day of `millis` (since the Unix epoch, UTC): `2026-12-04` in
/// English, `4 décembre 2026`, `2026年12月4日`.
pub fn date(millis: i64) -> String {
    date_in(current(), millis)
}

/// The day of `millis` in `lang`: the message `date-day` of `lang`
/// (`locales/<language>/dates.ftl`), which names the month.
pub fn date_in(lang: Lang, millis: i64) -> String {
    let t = moment(millis);
    let (year, month, day) = (t.year(), t.month() as u8, t.day());
    lang.scope_sync(|| super::t3("date-day", "year", year, "month", month, "day", day))
}

/// The day and time of `millis` to the second: `2026-12-04 16:35:52` in
/// English, `4 décembre 2026, 16:35:52`.
pub fn date_time(millis: i64) -> String {
    date_time_in(current(), millis)
}

/// The day and time of `millis` in `lang` (the message `date-time`).
pub fn date_time_in(lang: Lang, millis: i64) -> String {
    let t = moment(millis);
    let time = format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second());
    let day = date_in(lang, millis);
    lang.scope_sync(|| super::t2("date-time", "date", day, "time", time))
}

fn moment(millis: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp_nanos(millis as i128 * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// `d` by the number formatter of `lang`, made once per thread (ICU4X's
/// formatters are not `Sync` without its `sync` feature, which would make
/// all of ICU4X's data types pay for atomic counts).
fn format_decimal(lang: Lang, d: &Decimal) -> String {
    thread_local! {
        static FORMATTERS: Vec<DecimalFormatter> = Lang::ALL
            .iter()
            .map(|l| {
                let locale: icu_locale_core::Locale = l.code().parse().expect("a valid locale");
                DecimalFormatter::try_new((&locale).into(), Default::default())
                    .expect("compiled data has every official language")
            })
            .collect();
    }
    FORMATTERS.with(|all| all[Lang::ALL.iter().position(|l| *l == lang).expect("one of ALL")].format(d).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-04 16:35:52 UTC.
    const MOMENT: i64 = 1_796_402_152_000;

    #[test]
    fn numbers_are_grouped_as_each_language_groups_them() {
        let expected = [
            (Lang::En, "1234567"),
            (Lang::Fr, "1\u{202F}234\u{202F}567"),
            (Lang::Es, "1.234.567"),
            (Lang::Ru, "1\u{A0}234\u{A0}567"),
            (Lang::Zh, "1,234,567"),
            (Lang::Ar, "1,234,567"),
        ];
        for (lang, text) in expected {
            assert_eq!(number_in(lang, 1_234_567), text, "{lang}");
            assert_eq!(lang.scope_sync(|| number(1_234_567)), text, "{lang}, as the current language");
        }
        assert_eq!(number_in(Lang::Fr, 7), "7");
        assert_eq!(number_in(Lang::Fr, -1500), "-1\u{202F}500");
    }

    #[test]
    fn percentages_in_each_language() {
        let expected = [
            (Lang::En, "45.7%", "50%"),
            (Lang::Fr, "45,7\u{202F}%", "50\u{202F}%"),
            (Lang::Es, "45,7\u{A0}%", "50\u{A0}%"),
            (Lang::Ru, "45,7\u{A0}%", "50\u{A0}%"),
            (Lang::Zh, "45.7%", "50%"),
            (Lang::Ar, "45.7%", "50%"),
        ];
        for (lang, share, half) in expected {
            assert_eq!(percent_in(lang, 0.4567), share, "{lang}");
            assert_eq!(percent_in(lang, 0.5), half, "{lang}");
        }
        assert_eq!(percent_in(Lang::En, 1.0), "100%");
        assert_eq!(percent_in(Lang::En, 0.0004), "0%");
    }

    #[test]
    fn dates_in_each_language() {
        let expected = [
            (Lang::En, "2026-12-04", "2026-12-04 16:35:52"),
            (Lang::Fr, "4 décembre 2026", "4 décembre 2026, 16:35:52"),
            (Lang::Es, "4 de diciembre de 2026", "4 de diciembre de 2026, 16:35:52"),
            (Lang::Ru, "4 декабря 2026\u{A0}г.", "4 декабря 2026\u{A0}г., 16:35:52"),
            (Lang::Zh, "2026年12月4日", "2026年12月4日 16:35:52"),
            (Lang::Ar, "4 كانون الأول/ديسمبر 2026", "4 كانون الأول/ديسمبر 2026، 16:35:52"),
        ];
        for (lang, day, moment) in expected {
            assert_eq!(date_in(lang, MOMENT), day, "{lang}");
            assert_eq!(lang.scope_sync(|| date_time(MOMENT)), moment, "{lang}");
        }
        // January, not the month after.
        assert_eq!(date_in(Lang::Fr, 0), "1 janvier 1970");
        assert_eq!(date_in(Lang::En, 0), "1970-01-01", "English pads the month and the day");
        assert_eq!(date_in(Lang::Zh, 0), "1970年1月1日");
    }
}
