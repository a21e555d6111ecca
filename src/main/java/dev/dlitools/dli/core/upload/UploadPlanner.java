package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * Decides what a publish uploads, before anything is sent. Pure apart from listing directories, reading file
 * sizes and the entry names of the project's jar.
 *
 * <p>Rules, in the order they are applied:
 * <ol>
 *   <li>The settings are checked first, so a bad one is reported before any file is looked at: kind
 *       ({@link PackageKind}), group name and tags ({@link PackageGroupRules}), prefix ({@link ObjectKeyLayout}),
 *       includes and excludes ({@link ArtifactPattern}).
 *   <li>The project's artifact (with {@code includeMainArtifact}, by default for kind {@code jar} or with a
 *       classifier only): the main artifact, or, when {@code classifier} is set, the attached artifact with
 *       that classifier (e.g. {@code shaded}). It must have been packaged. A project packaged as {@code pom} has no
 *       artifact of its own: without a classifier, only its dependencies and extra files are uploaded.
 *   <li>With {@code includeDependencies} (by default only without a classifier, as a shaded jar holds its
 *       dependencies already, and then not those shaded into the main artifact itself, as maven-shade-plugin
 *       does by default): the dependencies of scope compile and runtime (a dependency without scope
 *       counts as compile, Maven's default), never provided, test, system or import; never type {@code pom}; those
 *       matching one of {@code includes} (when any) and none of {@code excludes}. Each must have a file.
 *   <li>The extra {@code files}: files, directories and glob patterns, expanded by {@link ExtraFiles}; each
 *       entry must match a file.
 *   <li>Every file name must be a valid DLI package name ({@link PackageGroupRules#packageNameProblem}); a bad
 *       one is reported with its way out: exclude the dependency, or rename the file in the build.
 *   <li>No two files may have the same file name: DLI names each package after its file, so one would replace
 *       the other.
 *   <li>Every file must fit the kind ({@link PackageKind#accepts}); a mix needs kind {@code file}.
 * </ol>
 *
 * <p>A compile or runtime dependency that DLI already provides to every Spark job (Spark itself, Scala's library)
 * is a warning in the plan, uploaded or not: in the uploaded files or shaded into the jar, its classes would clash
 * with DLI's own.
 */
public final class UploadPlanner {

    /** By groupId, then artifactId, then classifier (none first), then type. */
    private static final Comparator<ArtifactCoordinates> DEPENDENCY_ORDER =
            Comparator.comparing(ArtifactCoordinates::groupId)
                    .thenComparing(ArtifactCoordinates::artifactId)
                    .thenComparing(ArtifactCoordinates::classifier, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(ArtifactCoordinates::type);
    private static final Set<String> UPLOADED_SCOPES = Set.of("compile", "runtime");
    /** What DLI puts on the class path of every Spark job. */
    private static final List<ArtifactPattern> PROVIDED_BY_DLI = ArtifactPattern.parseAll(
            List.of("org.apache.spark:*", "org.scala-lang:scala-library"), Setting.EXCLUDES);
    private static final String DEFAULT_SCOPE = "compile";
    /** Where an artifact's Maven metadata sits inside a jar: {@code META-INF/maven/groupId/artifactId/}. */
    private static final Pattern SHADED_POM = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
    /** Messages list this many files and count the rest, so a hundred dependencies do not flood the log. */
    private static final int LISTED_FILES = 5;

    private UploadPlanner() {}

    /**
     * Validates the settings against the build and plans what to upload and register.
     *
     * @param project what the build produced and resolved
     * @param settings the user's settings, as given
     * @return the plan, with warnings the user should see
     * @throws SettingException for any mistake in the settings or the build, with a message for the user
     * @throws UncheckedIOException when a file's size cannot be read
     */
    public static UploadPlan plan(ProjectArtifacts project, UploadSettings settings) {
        PackageKind kind = PackageKind.parse(settings.kind());
        PackageGroupRules.validateGroupName(settings.group());
        PackageGroupRules.validateTags(settings.tags());
        ObjectKeyLayout layout = ObjectKeyLayout.withPrefix(settings.prefix());
        List<ArtifactPattern> includes = ArtifactPattern.parseAll(settings.includes(), Setting.INCLUDES);
        List<ArtifactPattern> excludes = ArtifactPattern.parseAll(settings.excludes(), Setting.EXCLUDES);

        List<Candidate> candidates = new ArrayList<>();
        boolean withProjectArtifact = settings.includeMainArtifact() != null
                ? settings.includeMainArtifact()
                : kind == PackageKind.JAR || settings.classifier() != null;
        Candidate projectArtifact = withProjectArtifact ? projectArtifact(project, settings.classifier(), layout)
                : null;
        if (projectArtifact != null) {
            candidates.add(projectArtifact);
        }
        if (settings.uploadsDependencies()) {
            // asked for by default only: includeDependencies=true uploads them whatever the jar holds
            Set<String> shaded = settings.includeDependencies() == null && projectArtifact != null
                    ? shadedInto(projectArtifact.file().source()) : Set.of();
            candidates.addAll(dependencies(project.dependencies(), includes, excludes, layout).stream()
                    .filter(candidate -> !shaded.contains(candidate.dependency().groupId() + ":"
                            + candidate.dependency().artifactId()))
                    .toList());
        }
        for (Path file : ExtraFiles.expand(settings.files())) {
            candidates.add(extraFile(file, project.project(), layout));
        }
        if (candidates.isEmpty()) {
            String why = withProjectArtifact
                    ? project.project().id() + " is packaged as pom, so it has no artifact of its own"
                    : "the project's artifact is left out (" + Setting.INCLUDE_MAIN_ARTIFACT.named() + " is false, the"
                            + " default for kind " + kind.apiName() + ")";
            throw SettingException.invalid(Setting.FILES, "there is nothing to upload: " + why + ", and no"
                    + " dependency or extra file is selected. List the files to upload in " + Setting.FILES.named()
                    + (withProjectArtifact
                            ? ", or set " + Setting.CLASSIFIER.named() + " to upload an attached artifact."
                            : "."));
        }
        requireValidPackageNames(candidates);
        requireUniqueFileNames(candidates, settings.group());
        requireKindFits(kind, candidates);
        return new UploadPlan(settings.group(), kind, settings.tags(),
                candidates.stream().map(Candidate::file).toList(), providedByDli(project.dependencies()));
    }

    /** The main or attached artifact to upload, or {@code null} for a pom project without classifier. */
    private static Candidate projectArtifact(ProjectArtifacts project, String classifier, ObjectKeyLayout layout) {
        ArtifactFile artifact;
        String described;
        if (classifier == null) {
            artifact = project.mainArtifact();
            if (artifact.coordinates().type().equals("pom")) {
                return null;
            }
            described = PlannedFile.MAIN_ARTIFACT + artifact.coordinates().id();
        } else {
            artifact = attachedArtifact(project, classifier);
            described = PlannedFile.ATTACHED_ARTIFACT + artifact.coordinates().id();
        }
        Path file = artifact.file();
        if (file == null || !Files.isRegularFile(file)) {
            String found = file == null ? ""
                    : " (" + file + (Files.isDirectory(file) ? " is a directory)" : " does not exist)");
            throw new NotPackagedException("The " + described + " has not been packaged" + found + ".");
        }
        return artifactCandidate(file, artifact.coordinates(), described, null, layout);
    }

    private static ArtifactFile attachedArtifact(ProjectArtifacts project, String classifier) {
        List<ArtifactFile> matching = project.attachedArtifacts().stream()
                .filter(attached -> classifier.equals(attached.coordinates().classifier()))
                .toList();
        if (matching.isEmpty()) {
            List<String> attachedClassifiers = project.attachedArtifacts().stream()
                    .map(attached -> attached.coordinates().classifier())
                    .filter(Objects::nonNull)
                    .distinct()
                    .sorted()
                    .toList();
            throw SettingException.invalid(Setting.CLASSIFIER, "the build attached no artifact with classifier '"
                    + classifier + "'. "
                    + (attachedClassifiers.isEmpty()
                            ? "It attached no artifact with a classifier at all."
                            : "Attached classifiers: " + String.join(", ", attachedClassifiers) + ".")
                    + " Set it to one of those, or leave it empty to upload the main artifact. If a packaging step"
                    + " (a shading plugin, say) attaches the artifact, let it run before this one.");
        }
        if (matching.size() > 1) {
            throw SettingException.invalid(Setting.CLASSIFIER, "the build attached " + matching.size()
                    + " artifacts with classifier '" + classifier + "' (" + matching.stream()
                            .map(attached -> attached.coordinates().id())
                            .collect(Collectors.joining(", "))
                    + "), and one upload takes one. Leave it empty and list the file you want in "
                    + Setting.FILES.named() + " instead.");
        }
        return matching.get(0);
    }

    private static List<Candidate> dependencies(
            List<ArtifactFile> dependencies,
            List<ArtifactPattern> includes,
            List<ArtifactPattern> excludes,
            ObjectKeyLayout layout) {
        return dependencies.stream()
                .filter(dependency -> UPLOADED_SCOPES.contains(scope(dependency.coordinates())))
                .filter(dependency -> !dependency.coordinates().type().equals("pom"))
                .filter(dependency -> includes.isEmpty()
                        || includes.stream().anyMatch(pattern -> pattern.matches(dependency.coordinates())))
                .filter(dependency -> excludes.stream().noneMatch(pattern -> pattern.matches(dependency.coordinates())))
                .sorted(Comparator.comparing(ArtifactFile::coordinates, DEPENDENCY_ORDER))
                .map(dependency -> dependencyCandidate(dependency, layout))
                .toList();
    }

    /**
     * The artifacts a jar holds already, as {@code groupId:artifactId}: a shading plugin that replaces the main
     * artifact (maven-shade-plugin's default) copies each one's {@code META-INF/maven/.../pom.properties} into it.
     * None for a file that is no jar.
     */
    private static Set<String> shadedInto(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .map(entry -> SHADED_POM.matcher(entry.getName()))
                    .filter(Matcher::matches)
                    .map(pom -> pom.group(1) + ":" + pom.group(2))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** A warning naming the compile and runtime dependencies DLI provides itself; none when there are none. */
    private static List<String> providedByDli(List<ArtifactFile> dependencies) {
        List<String> provided = dependencies.stream()
                .map(ArtifactFile::coordinates)
                .filter(coordinates -> UPLOADED_SCOPES.contains(scope(coordinates)))
                .filter(coordinates -> PROVIDED_BY_DLI.stream().anyMatch(pattern -> pattern.matches(coordinates)))
                .sorted(DEPENDENCY_ORDER)
                .map(coordinates -> coordinates.id() + " (" + scope(coordinates) + ")")
                .toList();
        if (provided.isEmpty()) {
            return List.of();
        }
        return List.of("DLI provides Spark and Scala's library to every Spark job, but the project depends on "
                + listed(provided) + ". Give such dependencies scope provided: uploaded beside the jar or shaded into it,"
                + " their classes would clash with DLI's own.");
    }

    private static Candidate dependencyCandidate(ArtifactFile dependency, ObjectKeyLayout layout) {
        ArtifactCoordinates coordinates = dependency.coordinates();
        String described = coordinates.id() + " (" + scope(coordinates) + ")";
        Path file = dependency.file();
        if (file != null && Files.isDirectory(file)) {
            throw new NotPackagedException("The dependency " + described + " is the directory " + file
                    + ", not a packaged file: it is a module of this build that has not been packaged.");
        }
        if (file == null || !Files.isRegularFile(file)) {
            throw SettingException.invalid(Setting.EXCLUDES, "the dependency " + described + " has no file"
                    + (file == null ? "" : " (" + file + " does not exist)") + ", so it cannot be uploaded. Leave it"
                    + " out with an exclude pattern, e.g. "
                    + Setting.EXCLUDES.withValue(coordinates.groupId() + ":" + coordinates.artifactId())
                    + ", or set " + Setting.INCLUDE_DEPENDENCIES.named() + " to false.");
        }
        return artifactCandidate(file, coordinates, described, coordinates, layout);
    }

    private static Candidate artifactCandidate(
            Path file,
            ArtifactCoordinates coordinates,
            String described,
            ArtifactCoordinates dependency,
            ObjectKeyLayout layout) {
        String fileName = file.getFileName().toString();
        PlannedFile planned =
                new PlannedFile(file, fileName, layout.artifactKey(coordinates, fileName), described, size(file));
        return new Candidate(planned, described, dependency, false);
    }

    private static Candidate extraFile(Path file, ArtifactCoordinates project, ObjectKeyLayout layout) {
        if (Files.isDirectory(file)) {
            throw SettingException.invalid(Setting.FILES, "'" + file + "' is a directory. List the files to"
                    + " upload one by one.");
        }
        if (!Files.isRegularFile(file)) {
            throw SettingException.invalid(Setting.FILES, "'" + file + "' does not exist"
                    + (file.isAbsolute() ? "" : " (looked for " + file.toAbsolutePath() + ")")
                    + ". List only files that exist when the goal runs.");
        }
        String fileName = file.getFileName().toString();
        PlannedFile planned = new PlannedFile(
                file, fileName, layout.extraFileKey(project, fileName), PlannedFile.EXTRA_FILE, size(file));
        return new Candidate(planned, PlannedFile.EXTRA_FILE + " " + file, null, true);
    }

    private static void requireValidPackageNames(List<Candidate> candidates) {
        for (Candidate candidate : candidates) {
            String fileName = candidate.file().fileName();
            String problem = PackageGroupRules.packageNameProblem(fileName);
            if (problem == null) {
                continue;
            }
            String bad = "the file name '" + fileName + "' of " + candidate.described() + " " + problem + ", so DLI"
                    + " cannot make a package of it. " + PackageGroupRules.PACKAGE_NAME_RULE;
            ArtifactCoordinates dependency = candidate.dependency();
            if (dependency != null) {
                throw SettingException.invalid(Setting.EXCLUDES, bad + " Leave it out with an exclude pattern, e.g. "
                        + Setting.EXCLUDES.withValue(dependency.groupId() + ":" + dependency.artifactId())
                        + ", and ship its classes inside a shaded jar instead.");
            }
            if (candidate.extraFile()) {
                throw SettingException.invalid(Setting.FILES, bad + " Rename the file, or leave it out of "
                        + Setting.FILES.named() + ".");
            }
            throw new DliException("The " + bad.substring("the ".length()) + " Give the artifact a file name DLI"
                    + " accepts in the build (its final name), e.g. by replacing the other characters with '_'.");
        }
    }

    private static void requireUniqueFileNames(List<Candidate> candidates, String group) {
        Map<String, Candidate> byFileName = new HashMap<>();
        for (Candidate candidate : candidates) {
            Candidate earlier = byFileName.putIfAbsent(candidate.file().fileName(), candidate);
            if (earlier == null) {
                continue;
            }
            String clash = "two files would both be named '" + candidate.file().fileName() + "' in package group '"
                    + group + "', and DLI names each package after its file, so one would replace the other: "
                    + earlier.described() + " and " + candidate.described() + ".";
            ArtifactCoordinates excludable = candidate.dependency() != null ? candidate.dependency()
                    : earlier.dependency();
            if (excludable == null) {
                throw SettingException.invalid(Setting.FILES, clash + " Remove or rename one of the files.");
            }
            String pattern = excludable.groupId() + ":" + excludable.artifactId();
            throw SettingException.invalid(Setting.EXCLUDES, clash + " Leave one out with an exclude pattern, e.g. "
                    + Setting.EXCLUDES.withValue(pattern) + ".");
        }
    }

    private static void requireKindFits(PackageKind kind, List<Candidate> candidates) {
        List<Candidate> misfits = candidates.stream()
                .filter(candidate -> !kind.accepts(candidate.file().fileName()))
                .toList();
        if (misfits.isEmpty()) {
            return;
        }
        String listed = listed(misfits.stream()
                .map(candidate -> candidate.file().fileName() + " (" + candidate.described() + ")")
                .toList());
        List<String> ways = new ArrayList<>();
        if (misfits.stream().anyMatch(Candidate::projectArtifact)) {
            ways.add("set " + Setting.INCLUDE_MAIN_ARTIFACT.named() + " to false to leave out the project's "
                    + "artifact");
        }
        if (misfits.stream().anyMatch(candidate -> candidate.dependency() != null)) {
            ways.add("set " + Setting.INCLUDE_DEPENDENCIES.named() + " to false to leave out the dependencies");
        }
        if (misfits.stream().anyMatch(Candidate::extraFile)) {
            ways.add("leave the other files out of " + Setting.FILES.named());
        }
        ways.add("set kind to file only if the job really takes a mix of file types as plain files");
        throw SettingException.invalid(Setting.KIND, "kind " + kind.apiName() + " takes " + kind.acceptedFiles()
                + ", but the upload also has " + listed + ". To keep kind " + kind.apiName() + ", "
                + String.join(", or ", ways) + ".");
    }

    /** The first few items, and how many more there are. */
    private static String listed(List<String> items) {
        String listed = String.join(", ", items.subList(0, Math.min(LISTED_FILES, items.size())));
        return items.size() > LISTED_FILES ? listed + " and " + (items.size() - LISTED_FILES) + " more" : listed;
    }

    private static String scope(ArtifactCoordinates coordinates) {
        return coordinates.scope() == null ? DEFAULT_SCOPE : coordinates.scope();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }

    /**
     * A file on its way into the plan.
     *
     * @param described how messages name it, e.g. {@code extra file lib/x.py}
     * @param dependency its coordinates when it is a dependency, else {@code null}
     * @param extraFile whether it is one of the extra {@code files}
     */
    private record Candidate(PlannedFile file, String described, ArtifactCoordinates dependency, boolean extraFile) {

        boolean projectArtifact() {
            return dependency == null && !extraFile;
        }
    }
}
