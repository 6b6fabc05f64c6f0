package dev.modelgate.build;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The class-level references among the classes of one prefix in a directory of class files: what
 * the JDK's {@code jdeps -verbose:class} reports, plus the classes named as annotation values (e.g.
 * {@code @ExtendWith(Foo.class)}), which jdeps does not report; those are read from the type
 * descriptors in each class file's constant pool.
 */
public final class ClassReferences {

    private static final Pattern JDEPS_LINE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+\\S+.*$");

    private ClassReferences() {
    }

    /** Every reference from a class under {@code prefix} (e.g. {@code dev.modelgate}) to another one under it. */
    public static Set<ClassEdge> in(Path classes, String prefix) {
        Set<ClassEdge> edges = new LinkedHashSet<>();
        for (String line : jdeps(classes).split("\\R")) {
            Matcher m = JDEPS_LINE.matcher(line);
            if (m.matches() && within(m.group(1), prefix) && within(m.group(2), prefix)
                    && !m.group(1).equals(m.group(2))) {
                edges.add(new ClassEdge(m.group(1), m.group(2), "jdeps"));
            }
        }
        Set<String> known = new LinkedHashSet<>();
        edges.forEach(e -> known.add(e.from() + " " + e.to()));
        for (Path file : classFiles(classes)) {
            String from = className(classes, file);
            for (String to : descriptorTypes(file)) {
                if (within(from, prefix) && within(to, prefix) && !from.equals(to) && known.add(from + " " + to)) {
                    edges.add(new ClassEdge(from, to, "annotation"));
                }
            }
        }
        return edges;
    }

    private static boolean within(String className, String prefix) {
        return className.equals(prefix) || className.startsWith(prefix + ".");
    }

    static String jdeps(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("no jdeps in this JDK (module jdk.jdeps)"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = jdeps.run(o, e, "-verbose:class", "-filter:none", classes.toString());
        }
        if (code != 0) {
            throw new IllegalStateException("jdeps exited with " + code + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<Path> classFiles(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.getFileName().toString().equals("module-info.class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(Path classes, Path file) {
        String relative = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        return relative.substring(0, relative.length() - ".class".length());
    }

    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");

    /** The classes named by type descriptors ({@code Lpkg/Name;}) in the class file's constant pool. */
    static Set<String> descriptorTypes(Path file) {
        Set<String> types = new LinkedHashSet<>();
        for (String utf8 : utf8Constants(file)) {
            Matcher m = DESCRIPTOR_TYPE.matcher(utf8);
            while (m.find()) {
                types.add(m.group(1).replace('/', '.'));
            }
        }
        return types;
    }

    private static List<String> utf8Constants(Path file) {
        List<String> strings = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException(file + " is not a class file");
            }
            data.readUnsignedShort(); // minor version
            data.readUnsignedShort(); // major version
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(data.readUTF());
                    case 7, 8, 16, 19, 20 -> data.skipBytes(2);
                    case 15 -> data.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++; // long and double take two entries
                    }
                    default -> throw new IllegalArgumentException(file + ": unknown constant pool tag " + tag);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return strings;
    }
}
