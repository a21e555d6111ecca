/**
 * The core: a library that publishes builds to Huawei Cloud DLI and reports on package groups, with no Maven in it.
 *
 * <pre>
 *  maven    goals are adapters: parameters -&gt; DliSettings + a request; MavenListener prints the events;
 *    |      MavenWords words each core Setting as its parameter name and user property (see MavenWords)
 *    v
 *  core     Dli: publish(PublishRequest), list(ListRequest), describe(group), deleteGroup(group); tells a
 *    |      DliListener; throws SettingException (names a Setting), GroupNotReadyException (carries the result)
 *    v
 *  core.publish -&gt; core.upload (plan), core.obs (S3 API), core.dli (DLI and IAM API); core.report (output)
 *    v
 *  core.auth, core.retry -&gt; core.common (log, errors, Setting)      no cycles: no package knows those above it
 *
 *  One upload: UploadGroupMojo maps its parameters -&gt; Dli.publish -&gt; UploadPlanner checks the settings and the
 *  artifacts into an UploadPlan of PlannedFiles -&gt; IAM resolves the project id -&gt; ObsUploader skips what OBS
 *  holds and uploads the rest (an UploadResult per file) -&gt; only if all succeeded, DliClient registers the group
 *  -&gt; GroupWaiter polls until READY -&gt; the PublishResult (a PublishedFile per file) is written and returned.
 * </pre>
 *
 * <p>To add a goal: add a method (and, if it takes more than a name, a request with a builder) to {@code Dli},
 * name any new user setting in {@code Setting}, then write a mojo that maps its parameters and calls the method, as
 * {@code DescribeMojo} does; give the new setting its Maven words in {@code MavenWords}.
 */
package dev.dlitools.dli.core;
