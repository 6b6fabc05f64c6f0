/**
 * The built-in requirements: the interfaces a suite class implements to get them ({@link
 * StaticRequirementTests}, {@link ServingRequirementTests}, {@link PerformanceRequirementTests},
 * {@link MemoryRequirementTests}, {@link QualityRequirementTests}), {@link SwapVerdicts} for the swap
 * verdict after the suite, and beside them the bodies of those requirements, which judge their figures
 * with {@link dev.modelgate.Evidence}.
 *
 * <p><b>API</b>: the requirement interfaces and {@link SwapVerdicts}; the bodies (checks, the verdict
 * run, the merge step) are implementation and may change without notice.
 */
package dev.modelgate.qualification;
