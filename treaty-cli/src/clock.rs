//! Today's date, for what depends on it (whether a computed entry into force has come).

use treaty_model::date::Date;

/// Today (UTC), or the day of `SOURCE_DATE_EPOCH` when it is set: the reproducible-builds
/// convention lets a published edition be rebuilt byte for byte, and tests fix the day. A
/// malformed value is an error, as that convention asks, rather than a silent "now".
pub fn today() -> Result<Date, String> {
    // Set but empty, as a CI configuration may leave it, is unset.
    let seconds = match std::env::var_os("SOURCE_DATE_EPOCH").filter(|s| !s.is_empty()) {
        Some(s) => s
            .to_str()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .ok_or_else(|| {
                format!(
                    "SOURCE_DATE_EPOCH is `{}`, not a whole number of seconds since 1970-01-01",
                    s.to_string_lossy()
                )
            })?,
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    let epoch = Date::new(1970, 1, 1).expect("a valid date");
    u32::try_from(seconds / 86_400)
        .ok()
        .and_then(|days| epoch.add_days(days))
        .ok_or_else(|| format!("SOURCE_DATE_EPOCH ({seconds}) lies beyond the dates treaty knows"))
}
