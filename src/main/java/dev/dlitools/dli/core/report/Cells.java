package dev.dlitools.dli.core.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the reports write the service's values in a table cell. */
final class Cells {

    private Cells() {}

    /** The service spells statuses in either case; a missing one is "-". */
    static String status(String status) {
        return status == null ? "-" : status.toUpperCase(Locale.ROOT);
    }

    /** Epoch milliseconds as ISO local time to the second; the service's 0 or nothing as "-". */
    static String time(Long epochMillis, ZoneId zone) {
        if (epochMillis == null || epochMillis <= 0) {
            return "-";
        }
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone)
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
}
