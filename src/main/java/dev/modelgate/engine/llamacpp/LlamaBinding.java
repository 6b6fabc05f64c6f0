package dev.modelgate.engine.llamacpp;

import dev.modelgate.engine.BootFailure;

/**
 * The Java binding of llama.cpp, {@code de.kherud:llama}: an optional dependency of modelgate, so
 * that only a team that uses the {@code llamacpp} engine gets it and its JNI natives. Without it
 * on the class path the engine refuses to start and says which dependency to add.
 */
final class LlamaBinding {

    /** The binding version modelgate is built and tested with. */
    static final String VERSION = "4.2.0";

    /** A class of the binding, looked up as a resource: loading it would load llama.cpp into this JVM. */
    private static final String PROBE = "de/kherud/llama/LlamaModel.class";

    private LlamaBinding() {
    }

    /** Throws {@link BootFailure.Kind#NOT_INSTALLED} naming the dependency when {@code loader} has no binding. */
    static void require(String candidateId, ClassLoader loader) {
        if (loader.getResource(PROBE) == null) {
            throw new BootFailure(BootFailure.Kind.NOT_INSTALLED, candidateId + ": engine 'llamacpp' needs the"
                    + " llama.cpp binding de.kherud:llama, an optional dependency of modelgate that is not on the"
                    + " class path; add it to your pom.xml: <dependency><groupId>de.kherud</groupId>"
                    + "<artifactId>llama</artifactId><version>" + VERSION + "</version><scope>test</scope>"
                    + "</dependency>");
        }
    }
}
