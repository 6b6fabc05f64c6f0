package dev.modelgate.cases;

/**
 * One expected argument (or field of an object argument).
 *
 * @param optional whether it may be left out; when present it must still match
 */
record ArgumentRule(ArgumentMatcher matcher, boolean optional) {
}
