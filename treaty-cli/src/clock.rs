//! Today's date, for what depends on it (whether a computed entry into force has come).

use treaty_model::date::Date;

/// Today (UTC), or the day of `SOURCE_DATE_EPOCH` when it is set: the reproducible-builds
/// convention lets a published edition be rebuilt byte for byte, and tests fix the day.
pub fn today() -> Date {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    let epoch = Date::new(1970, 1, 1).expect("a valid date");
    u32::try_from(seconds / 86_400)
        .ok()
        .and_then(|days| epoch.add_days(days))
        .unwrap_or(epoch)
}
