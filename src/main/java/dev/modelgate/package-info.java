/**
 * What a team writes: {@link dev.modelgate.Qualification} on a suite class, {@link
 * dev.modelgate.Requirement} on each requirement test, and the types injected into those tests,
 * {@link dev.modelgate.Evidence} (figures, attachments and the judgement against the thresholds) and
 * {@link dev.modelgate.Boot} (the candidate's boot, for tests that judge the boot itself).
 *
 * <p><b>API</b>: a team may use every public type here; it stays stable.
 */
package dev.modelgate;
