package dev.dlitools.dli.core.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the reports write the service's values in a table cell. */
final class Cells {

    private Cells() {}

    /** The service spells statuses in either case; a missing one is "-". */
    static String status(String status) {
        return status == null ? "-" : status.toUpperCase(Locale.ROOT);
    }

    /** Date, time and UTC offset: unambiguous wherever and whenever the table is read. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.ROOT);

    /**
     * Epoch milliseconds as date and time to the second in the zone, with its offset, e.g.
     * {@code 2026-11-29 18:46:05 +01:00}; the service's 0 or nothing as "-".
     */
    static String time(Long epochMillis, ZoneId zone) {
        if (epochMillis == null || epochMillis <= 0) {
            return "-";
        }
        return Instant.ofEpochMilli(epochMillis).atZone(zone).format(TIME);
    }
}
