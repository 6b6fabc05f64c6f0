/**
 * The report: Allure labels, categories, environment, history and charts (SVG), and the summary,
 * verdict and resource-registry writers.
 *
 * <p><b>Internal</b>: may change without notice.
 */
package dev.modelgate.report;
