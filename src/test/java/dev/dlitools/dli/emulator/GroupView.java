package dev.dlitools.dli.emulator;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one package group held by the emulator, for assertions.
 *
 * @param status {@code UPLOADING}, {@code READY} or {@code FAILED}, always in upper case
 * @param tags the upload's tags, in the order sent
 */
public record GroupView(
        String name, String kind, String status, boolean async, Map<String, String> tags, List<PackageView> packages) {

    /** One package of a group: its resource name, the OBS URL it was registered from, and its state. */
    public record PackageView(String name, URI obsPath, String underlyingName, String status) {}

    public List<String> packageNames() {
        return packages.stream().map(PackageView::name).toList();
    }
}
