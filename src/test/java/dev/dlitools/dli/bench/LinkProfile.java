package dev.dlitools.dli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A modelled network link: round-trip time, a rate cap per connection and a cap for all connections together,
 * each direction on its own. {@link #NONE} is loopback, no model.
 *
 * @param name how results name the regime: {@code none}, {@code region}, {@code far} or the figures given
 * @param rtt the round-trip time; each direction delays by half of it
 * @param perConnectionMbit the rate of one connection in one direction, Mbit/s
 * @param totalMbit the rate of all connections together in one direction, Mbit/s
 */
record LinkProfile(String name, Duration rtt, double perConnectionMbit, double totalMbit) {

    static final LinkProfile NONE = new LinkProfile("none", Duration.ZERO, 0, 0);
    static final LinkProfile REGION = new LinkProfile("region", Duration.ofMillis(30), 100, 500);
    static final LinkProfile FAR = new LinkProfile("far", Duration.ofMillis(150), 50, 200);

    LinkProfile {
        if (!name.equals("none") && (rtt.isNegative() || perConnectionMbit <= 0 || totalMbit <= 0)) {
            throw new IllegalArgumentException("--link=" + name + ": rates must be positive, RTT not negative");
        }
    }

    /** {@code none}, {@code region}, {@code far} or {@code RTT,PER,TOTAL} (milliseconds, Mbit/s, Mbit/s). */
    static LinkProfile parse(String text) {
        return switch (text.trim()) {
            case "none" -> NONE;
            case "region" -> REGION;
            case "far" -> FAR;
            default -> {
                String[] figures = text.trim().split(",");
                if (figures.length != 3) {
                    throw new IllegalArgumentException("--link takes none, region, far or RTT,PER,TOTAL (ms, Mbit/s,"
                            + " Mbit/s), e.g. 40,80,300; got " + text);
                }
                try {
                    yield new LinkProfile(text.trim(), Duration.ofMillis(Long.parseLong(figures[0].trim())),
                            Double.parseDouble(figures[1].trim()), Double.parseDouble(figures[2].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--link=" + text + ": RTT,PER,TOTAL must be numbers");
                }
            }
        };
    }

    /**
     * Regimes separated by commas, figures taken three at a time: {@code none,region,far},
     * {@code far,40,80,300}.
     */
    static List<LinkProfile> parseList(String text) {
        List<LinkProfile> profiles = new ArrayList<>();
        String[] items = text.split(",");
        for (int i = 0; i < items.length; i++) {
            boolean figures = !items[i].isBlank() && Character.isDigit(items[i].trim().charAt(0));
            if (figures && i + 2 < items.length) {
                profiles.add(parse(items[i] + "," + items[i + 1] + "," + items[i + 2]));
                i += 2;
            } else {
                profiles.add(parse(items[i]));
            }
        }
        return profiles;
    }

    boolean isNone() {
        return this == NONE;
    }

    double rttSeconds() {
        return rtt.toNanos() / 1e9;
    }

    /** Bytes per second of one connection in one direction. */
    double perConnectionBytesPerSecond() {
        return perConnectionMbit * 1e6 / 8;
    }

    /** Bytes per second of all connections together in one direction. */
    double totalBytesPerSecond() {
        return totalMbit * 1e6 / 8;
    }

    String describe() {
        return isNone() ? "none (loopback)" : String.format(Locale.ROOT,
                "%s: RTT %d ms, %.0f Mbit/s per connection, %.0f Mbit/s in total (each direction)", name,
                rtt.toMillis(), perConnectionMbit, totalMbit);
    }
}
