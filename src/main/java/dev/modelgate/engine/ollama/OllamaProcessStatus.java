package dev.modelgate.engine.ollama;

/**
 * A loaded model as {@code GET /api/ps} reports it (SPEC §4, memory method 3).
 *
 * @param sizeBytes     memory the loaded model takes in all ({@code size})
 * @param sizeVramBytes the part of it in GPU memory ({@code size_vram}); the rest is in system memory
 * @param contextLength the context it was loaded with ({@code context_length}); -1 when not reported
 */
record OllamaProcessStatus(long sizeBytes, long sizeVramBytes, int contextLength) {
}
