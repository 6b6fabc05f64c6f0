package dev.modelgate.verdict;

import java.util.List;

/** A merge of runs whose results cannot be judged together; the message names the runs and what differs. */
final class MergeRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> differences;

    public MergeRefused(String message, List<String> differences) {
        super(message);
        this.differences = List.copyOf(differences);
    }

    /** One line per difference; empty when the merge was refused for another reason. */
    public List<String> differences() {
        return differences;
    }
}
