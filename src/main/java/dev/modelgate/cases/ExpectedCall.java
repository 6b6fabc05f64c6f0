package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A call a correct model makes.
 *
 * @param name       the function name, compared exactly
 * @param arguments  the expected arguments; {@link ArgumentMatcher.Fields#allowExtra()} is the case's
 *                   {@code allowExtraArguments}
 * @param parameters the tool's JSON Schema of its parameters (types and allowed values are checked against it)
 */
record ExpectedCall(String name, ArgumentMatcher.Fields arguments, JsonNode parameters) {

    public String describe() {
        return name + arguments.describe().replaceFirst("^\\{", "(").replaceFirst("}$", ")");
    }
}
