package dev.dlitools.dli.core;

import dev.dlitools.dli.core.common.Setting;

/**
 * What {@link Dli#list} shows: the package groups of the project, filtered, and optionally also its single
 * resources and built-in modules. Built with {@link #builder()}; by default every group.
 */
public final class ListRequest {

    private final String kind;
    private final String tags;
    private final String groupPattern;
    private final boolean all;

    private ListRequest(Builder builder) {
        this.kind = builder.kind;
        this.tags = builder.tags;
        this.groupPattern = builder.groupPattern;
        this.all = builder.all;
    }

    /** {@return a builder of a request for every package group} */
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

    /** Builds a {@link ListRequest}. */
    public static final class Builder {

        private String kind;
        private String tags;
        private String groupPattern;
        private boolean all;

        private Builder() {}

        /**
         * Only resources of this kind: {@code jar}, {@code pyFile}, {@code file} or {@code modelFile}, case ignored
         * ({@code pyfile} asks for {@code pyFile}); checked by {@link Dli#list} before any call.
         *
         * @param kind the {@link Setting#LIST_KIND} value; {@code null} or blank for any
         * @return this builder
         */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Only resources with these tags, {@code key=value} pairs separated by commas.
         *
         * @param tags the {@link Setting#LIST_TAGS} value; {@code null} or blank for any
         * @return this builder
         */
        public Builder tags(String tags) {
            this.tags = tags;
            return this;
        }

        /**
         * Only groups whose name matches, {@code *} matching any characters.
         *
         * @param groupPattern the {@link Setting#LIST_GROUP} value; {@code null} or blank for every group
         * @return this builder
         */
        public Builder groupPattern(String groupPattern) {
            this.groupPattern = groupPattern;
            return this;
        }

        /**
         * Also the single resources and built-in modules.
         *
         * @param all the {@link Setting#LIST_ALL} value
         * @return this builder
         */
        public Builder all(boolean all) {
            this.all = all;
            return this;
        }

        /** {@return the request with the values given; {@link Dli#list} checks them} */
        public ListRequest build() {
            return new ListRequest(this);
        }
    }
}
