package dev.dlitools.dli.core.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The {@code Main-Class} of a jar's manifest, read locally: the job's class when no class name is given. */
public final class MainClass {

    private MainClass() {}

    /**
     * The main class a jar's manifest names.
     *
     * @param jar the jar on disk; {@code null} for none
     * @return the class name; empty when the file is missing, not a jar, or its manifest names no main class
     */
    public static Optional<String> of(Path jar) {
        if (jar == null || !Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return Optional.ofNullable(manifest == null ? null : manifest.getMainAttributes()
                            .getValue(Attributes.Name.MAIN_CLASS))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
