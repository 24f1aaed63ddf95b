package org.steppe.search;

/**
 * A stretch of an article's body: {@code body.substring(start, end)} equals {@code text}.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param text the words as written
 */
public record Mention(int start, int end, String text) {}
