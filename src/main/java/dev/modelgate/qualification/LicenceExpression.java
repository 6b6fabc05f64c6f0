package dev.modelgate.qualification;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A licence as written in a candidate file: one SPDX id ({@code Apache-2.0}, {@code LicenseRef-…})
 * or a flat SPDX expression joining ids with {@code AND} (all apply: a quantized checkpoint under its
 * publisher's licence and its base model's) or {@code OR} (any may be chosen). {@code AND} binds
 * tighter than {@code OR}, as in SPDX; parentheses are not supported.
 */
record LicenceExpression(String text, List<List<String>> alternatives) {

    private static final Pattern OR = Pattern.compile("\\s+OR\\s+");
    private static final Pattern AND = Pattern.compile("\\s+AND\\s+");

    static LicenceExpression parse(String text) {
        String trimmed = text.trim();
        if (trimmed.contains("(") || trimmed.contains(")")) {
            throw new IllegalArgumentException("licence expression '" + text
                    + "' uses parentheses, which are not supported; write ids joined by AND / OR");
        }
        List<List<String>> alternatives = Arrays.stream(OR.split(trimmed))
                .map(term -> Arrays.stream(AND.split(term)).map(String::trim).toList())
                .toList();
        return new LicenceExpression(trimmed, alternatives);
    }

    /** Whether the expression is a single id. */
    boolean isSingle() {
        return alternatives.size() == 1 && alternatives.get(0).size() == 1;
    }

    /** Whether some alternative has every one of its licences allowed. */
    boolean satisfiedBy(Predicate<String> allowed) {
        return alternatives.stream().anyMatch(all -> all.stream().allMatch(allowed));
    }
}
