package dev.dlitools.dli.core;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What {@link Dli#list} shows: the package groups of the project, filtered, and optionally also its single
 * resources and built-in modules. Built with {@link #builder()}; by default every group, in this machine's time
 * zone.
 */
public final class ListRequest {

    private final String kind;
    private final String tags;
    private final String groupPattern;
    private final boolean all;
    private final ZoneId zone;

    private ListRequest(Builder builder) {
        this.kind = builder.kind;
        this.tags = builder.tags;
        this.groupPattern = builder.groupPattern;
        this.all = builder.all;
        this.zone = builder.zone;
    }

    /** A request for every package group. */
    public static Builder builder() {
        return new Builder();
    }

    String kind() {
        return kind;
    }

    String tags() {
        return tags;
    }

    String groupPattern() {
        return groupPattern;
    }

    boolean all() {
        return all;
    }

    ZoneId zone() {
        return zone;
    }

    /** Builds a {@link ListRequest}. */
    public static final class Builder {

        private String kind;
        private String tags;
        private String groupPattern;
        private boolean all;
        private ZoneId zone = ZoneId.systemDefault();

        private Builder() {}

        /** Only resources of this kind: {@code jar}, {@code pyFile}, {@code file} or {@code modelFile}. */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /** Only resources with these tags, {@code key=value} pairs separated by commas. */
        public Builder tags(String tags) {
            this.tags = tags;
            return this;
        }

        /** Only groups whose name matches, {@code *} matching any characters. */
        public Builder groupPattern(String groupPattern) {
            this.groupPattern = groupPattern;
            return this;
        }

        /** Also the single resources and built-in modules. */
        public Builder all(boolean all) {
            this.all = all;
            return this;
        }

        /** The time zone of the times shown. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The request with the values given. */
        public ListRequest build() {
            return new ListRequest(this);
        }
    }
}
