/**
 * The verdict over a run: the result file of each candidate and its store, the baseline's figures,
 * scoring, the swap decision, the merge of runs made elsewhere, and {@code verdict.json}.
 *
 * <p><b>Internal</b>: may change without notice; the files it writes are documented for teams.
 */
package dev.modelgate.verdict;
