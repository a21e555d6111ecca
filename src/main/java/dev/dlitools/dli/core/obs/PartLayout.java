package dev.dlitools.dli.core.obs;

/**
 * How a file is cut for upload: one PUT, or parts of {@code partSize} bytes (the last one shorter). Both the
 * upload and the local ETag follow this layout, so they always agree.
 */
record PartLayout(long fileSize, long partSize, int partCount, boolean multipart) {

    static final int MAX_PARTS = 10_000;

    static PartLayout plan(long fileSize, UploadOptions options) {
        if (fileSize <= options.multipartThreshold()) {
            return new PartLayout(fileSize, fileSize, 1, false);
        }
        long partSize = options.partSize();
        long smallestFitting = ceilDiv(fileSize, MAX_PARTS);
        if (partSize < smallestFitting) {
            // whole MiB, so the layout stays readable and stable for a given file size
            partSize = ceilDiv(smallestFitting, UploadOptions.MIB) * UploadOptions.MIB;
        }
        if (partSize > UploadOptions.MAX_PART_SIZE) {
            throw new IllegalArgumentException("a file of " + fileSize + " bytes exceeds the largest multipart"
                    + " upload (10,000 parts of 5 GiB)");
        }
        return new PartLayout(fileSize, partSize, Math.toIntExact(ceilDiv(fileSize, partSize)), true);
    }

    long offset(int partIndex) {
        return partIndex * partSize;
    }

    long length(int partIndex) {
        return Math.min(partSize, fileSize - offset(partIndex));
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
