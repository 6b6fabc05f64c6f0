/**
 * Quality cases: the case records of each suite (tool calling, entities, Kannada, vision), their
 * readers and the BFCL import, the matchers and graders that judge an answer, and the statistics a
 * quality figure stands on (proportions, intervals, McNemar).
 *
 * <p><b>Internal</b>: may change without notice; the case files themselves are documented for teams.
 */
package dev.modelgate.cases;
