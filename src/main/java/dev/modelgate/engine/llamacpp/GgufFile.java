package dev.modelgate.engine.llamacpp;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What the header of a GGUF file says: its scalar metadata (architecture, trained context length,
 * chat template, file type) and how many tensors it holds of each type. Only the header is read,
 * never the weights, so this is fast for files of any size. Arrays (the vocabulary) are skipped.
 *
 * @param version     GGUF format version (2 or 3)
 * @param metadata    scalar key/values; strings longer than {@value #MAX_KEPT_STRING} characters are
 *                    kept only as their length (see {@link #hasChatTemplate()})
 * @param tensorTypes number of tensors per ggml type name ({@code F32}, {@code Q4_K}, …)
 */
record GgufFile(int version, Map<String, Object> metadata, Map<String, Integer> tensorTypes) {

    static final int MAX_KEPT_STRING = 256;
    private static final int MAGIC = 0x46554747; // "GGUF", little-endian

    public GgufFile {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensorTypes = Collections.unmodifiableMap(new TreeMap<>(tensorTypes));
    }

    /**
     * Reads the header of {@code file}.
     *
     * @throws IOException when the file cannot be read or is not a GGUF file (the message says which)
     */
    public static GgufFile read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(new LittleEndian(in), file.getFileName().toString());
        } catch (EOFException e) {
            throw new IOException(file.getFileName() + " ends inside its GGUF header: truncated or not a GGUF file", e);
        }
    }

    private static GgufFile read(LittleEndian in, String name) throws IOException {
        int magic = in.i32();
        if (magic != MAGIC) {
            throw new IOException(name + " is not a GGUF file (it does not start with the bytes 'GGUF')");
        }
        int version = in.i32();
        if (version < 2 || version > 3) {
            throw new IOException(name + " is GGUF version " + version + "; versions 2 and 3 are supported");
        }
        long tensors = in.i64();
        long kvs = in.i64();
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (long i = 0; i < kvs; i++) {
            String key = in.string(Integer.MAX_VALUE);
            int type = in.i32();
            metadata.put(key, value(in, type, key));
        }
        Map<String, Integer> types = new TreeMap<>();
        for (long i = 0; i < tensors; i++) {
            in.skipString();
            int dims = in.i32();
            for (int d = 0; d < dims; d++) {
                in.i64();
            }
            types.merge(ggmlTypeName(in.i32()), 1, Integer::sum);
            in.i64(); // offset of the data
        }
        return new GgufFile(version, metadata, types);
    }

    private static Object value(LittleEndian in, int type, String key) throws IOException {
        switch (type) {
            case 0: return in.u8();
            case 1: return (int) (byte) in.u8();
            case 2: return in.u16();
            case 3: return (int) (short) in.u16();
            case 4: return Integer.toUnsignedLong(in.i32());
            case 5: return in.i32();
            case 6: return Float.intBitsToFloat(in.i32());
            case 7: return in.u8() != 0;
            case 8: return in.string(MAX_KEPT_STRING);
            case 9: {
                int elementType = in.i32();
                long count = in.i64();
                for (long i = 0; i < count; i++) {
                    if (elementType == 8) {
                        in.skipString();
                    } else {
                        value(in, elementType, key);
                    }
                }
                return new SkippedArray(elementType, count);
            }
            case 10: return in.i64();
            case 11: return in.i64();
            case 12: return Double.longBitsToDouble(in.i64());
            default:
                throw new IOException("metadata key '" + key + "' has unknown GGUF value type " + type);
        }
    }

    /** {@code general.architecture}, e.g. {@code llama}. */
    public Optional<String> architecture() {
        return string("general.architecture");
    }

    /** {@code general.name}, if the file names its model. */
    public Optional<String> name() {
        return string("general.name");
    }

    /** The context length the model was trained with ({@code <architecture>.context_length}). */
    public OptionalInt trainedContextLength() {
        Object v = architecture().map(a -> metadata.get(a + ".context_length")).orElse(null);
        return v instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    /** Whether the file carries a chat template ({@code tokenizer.chat_template}). */
    public boolean hasChatTemplate() {
        return metadata.containsKey("tokenizer.chat_template");
    }

    /**
     * The weight format: {@code general.file_type} when the file states it, else derived from the
     * tensor types ("F32" when every tensor is F32; "mixed: Q4_K 120, F32 60" otherwise).
     */
    public String quantization() {
        Object fileType = metadata.get("general.file_type");
        if (fileType instanceof Number n) {
            return fileTypeName(n.intValue());
        }
        if (tensorTypes.size() == 1) {
            return tensorTypes.keySet().iterator().next();
        }
        StringBuilder b = new StringBuilder("mixed:");
        tensorTypes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> b.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(','));
        return b.substring(0, b.length() - 1);
    }

    private Optional<String> string(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** Names of {@code enum ggml_type}; unknown numbers are shown as {@code type<N>}. */
    static String ggmlTypeName(int type) {
        String[] names = {"F32", "F16", "Q4_0", "Q4_1", "type4", "type5", "Q5_0", "Q5_1", "Q8_0", "Q8_1", "Q2_K",
            "Q3_K", "Q4_K", "Q5_K", "Q6_K", "Q8_K", "IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S",
            "IQ2_S", "IQ4_XS", "I8", "I16", "I32", "I64", "F64", "IQ1_M", "BF16", "type31", "type32", "type33",
            "TQ1_0", "TQ2_0"};
        return type >= 0 && type < names.length ? names[type] : "type" + type;
    }

    /** Names of {@code enum llama_ftype} ({@code general.file_type}). */
    static String fileTypeName(int fileType) {
        return switch (fileType) {
            case 0 -> "F32";
            case 1 -> "F16";
            case 2 -> "Q4_0";
            case 3 -> "Q4_1";
            case 7 -> "Q8_0";
            case 8 -> "Q5_0";
            case 9 -> "Q5_1";
            case 10 -> "Q2_K";
            case 11 -> "Q3_K_S";
            case 12 -> "Q3_K_M";
            case 13 -> "Q3_K_L";
            case 14 -> "Q4_K_S";
            case 15 -> "Q4_K_M";
            case 16 -> "Q5_K_S";
            case 17 -> "Q5_K_M";
            case 18 -> "Q6_K";
            case 19 -> "IQ2_XXS";
            case 20 -> "IQ2_XS";
            case 21 -> "Q2_K_S";
            case 22 -> "IQ3_XS";
            case 23 -> "IQ3_XXS";
            case 24 -> "IQ1_S";
            case 25 -> "IQ4_NL";
            case 26 -> "IQ3_S";
            case 27 -> "IQ3_M";
            case 28 -> "IQ2_S";
            case 29 -> "IQ2_M";
            case 30 -> "IQ4_XS";
            case 31 -> "IQ1_M";
            case 32 -> "BF16";
            case 36 -> "TQ1_0";
            case 37 -> "TQ2_0";
            default -> "file_type " + fileType;
        };
    }

    /** An array value that was skipped (vocabulary, scores, merges). */
    public record SkippedArray(int elementType, long count) {
    }

    /** Little-endian reads over a stream. */
    private static final class LittleEndian {
        private final DataInputStream in;

        LittleEndian(InputStream in) {
            this.in = new DataInputStream(in);
        }

        int u8() throws IOException {
            return in.readUnsignedByte();
        }

        int u16() throws IOException {
            return Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        }

        int i32() throws IOException {
            return Integer.reverseBytes(in.readInt());
        }

        long i64() throws IOException {
            return Long.reverseBytes(in.readLong());
        }

        String string(int keep) throws IOException {
            long length = i64();
            if (length < 0 || length > Integer.MAX_VALUE) {
                throw new IOException("string of impossible length " + length + " in the GGUF header");
            }
            if (length > keep) {
                skip(length);
                return "(" + length + " bytes)";
            }
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length != length) {
                throw new EOFException();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void skipString() throws IOException {
            long length = i64();
            if (length < 0) {
                throw new IOException("string of impossible length " + length + " in the GGUF header");
            }
            skip(length);
        }

        private void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }
    }
}
