/**
 * Performance measurement: warm-up and samples over the performance prompts, the concurrency sweep
 * and the capacity search, distributions and percentiles (HdrHistogram), the raw samples as CSV and
 * their charts.
 *
 * <p><b>Internal</b>: may change without notice.
 */
package dev.modelgate.measure;
