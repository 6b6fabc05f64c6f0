/**
 * The catalogue: candidates ({@code models/*.yaml}), the requirement table ({@code requirements.yaml})
 * and the run's settings, loaded and validated against their JSON Schemas before anything boots.
 *
 * <p><b>API</b>: the types a requirement test reads ({@link Candidate} and its facts, {@link
 * Requirements}, {@link RequirementSpec}, {@link Threshold}, {@link Settings}); the loading, validation
 * and YAML reading are internal and may change without notice.
 */
package dev.modelgate.catalog;
