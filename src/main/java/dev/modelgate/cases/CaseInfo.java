package dev.modelgate.cases;

import java.nio.file.Path;
import java.util.List;

/**
 * What the statistics need of a case, whatever its suite: its id, what it is reported by (its
 * category, for tool calling, and its tags) and the files that make it (the case file, an image).
 */
public record CaseInfo(String id, String category, List<String> tags, List<Path> files) {

    public CaseInfo {
        tags = List.copyOf(tags);
        files = List.copyOf(files);
    }

    public static CaseInfo of(ToolCallingCase c) {
        return new CaseInfo(c.id(), c.category(), c.tags(), List.of(c.source().file()));
    }

    public static CaseInfo of(EntityCase c) {
        return new CaseInfo(c.id(), null, c.tags(), List.of(c.source().file()));
    }

    public static CaseInfo of(NativeResponseCase c) {
        return new CaseInfo(c.id(), null, c.tags(), List.of(c.source().file()));
    }

    public static CaseInfo of(VisionCase c) {
        return new CaseInfo(c.id(), null, c.tags(), List.of(c.source().file(), c.image()));
    }
}
