/**
 * The optional checks against the Hugging Face Hub: a candidate's declared facts compared with the
 * Hub's before a download boots ({@code -Dmodelgate.preflight}), and the survey of Hub models into
 * candidate drafts ({@code -Dmodelgate.survey}).
 *
 * <p><b>Internal</b>: may change without notice.
 */
package dev.modelgate.catalog.preflight;
