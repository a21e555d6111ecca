/**
 * The core: a library that publishes builds to Huawei Cloud DLI, runs Spark jobs on them and reports on package
 * groups, with no Maven in it.
 *
 * <pre>
 *  maven (goals = adapters)   parameters -&gt; DliSettings + XxxRequest; MavenListener words events; MavenWords
 *        |                    words every {@link dev.dlitools.dli.core.common.Setting} as a parameter and its property
 *        v
 *  core: {@link dev.dlitools.dli.core.Dli}   publish(PublishRequest) | submit(SubmitRequest) | list(ListRequest) | ...
 *        |        tells a {@link dev.dlitools.dli.core.DliListener}; throws SettingException, GroupNotReadyException, ...
 *        v
 *  core.publish -&gt; core.upload (plan), core.obs (S3 API), core.dli (DLI/IAM API) -&gt; core.auth, core.retry -&gt; core.common
 *  core.job (Spark job run) -&gt; core.publish (what to run), core.dli (BatchClient)
 *  core.report (tables, JSON, step summary)                           (no cycles; nothing below knows the layer above)
 *
 *  One upload: UploadGroupMojo maps its parameters -&gt; Dli.publish -&gt; UploadPlanner checks settings and
 *  artifacts into an UploadPlan of PlannedFiles -&gt; IAM resolves the project id and GroupLookup asks DLI for the
 *  group -&gt; ObsUploader skips what OBS holds and uploads the rest (UploadResult per file) -&gt; only if all
 *  succeeded, DliClient registers the group (unless every file was unchanged and the look-up found it READY as
 *  planned, SameReadyGroup) -&gt; GroupWaiter polls until READY -&gt;
 *  PublishResult (one PublishedFile per file, JobPaths for a Spark job) is written and returned.
 *
 *  One job run: SubmitMojo reads the PublishResult and maps its parameters to a SubmitRequest (checked on build)
 *  -&gt; Dli.submit -&gt; SparkJobRunner submits the SparkJobBody once, polls its state, cancels at the time-out or
 *  fetches the driver log's tail when it dies -&gt; SparkJobResult is written and returned.
 * </pre>
 *
 * <p>To add a goal: add a method (and, if it takes more than a name, a request with a builder) to {@code Dli},
 * name any new user setting in {@code Setting}, then write a mojo that maps its parameters and calls the method, as
 * {@code DescribeMojo} does; give the new setting its Maven words in {@code MavenWords}.
 */
package dev.dlitools.dli.core;
