package dev.modelgate.catalog;

/**
 * What the {@code ttft} requirement judges ({@code performance:} in {@code requirements.yaml}).
 *
 * @param figure {@code first-answer-token} (default): request sent → first content or tool call,
 *               reasoning excluded, when a voice assistant can start to speak; {@code first-token}:
 *               request sent → first content, reasoning or tool call
 * @param prompt the performance prompt kind it is judged on: {@code voice-turn} (default), {@code short}
 *               or {@code long}
 */
public record TtftChoice(String figure, String prompt) {

    public static final String FIRST_ANSWER_TOKEN = "first-answer-token";
    public static final String FIRST_TOKEN = "first-token";
    public static final TtftChoice DEFAULTS = new TtftChoice(FIRST_ANSWER_TOKEN, "voice-turn");

    public TtftChoice {
        figure = figure == null ? DEFAULTS.figure : figure;
        prompt = prompt == null ? DEFAULTS.prompt : prompt;
    }

    public boolean answerToken() {
        return FIRST_ANSWER_TOKEN.equals(figure);
    }
}
