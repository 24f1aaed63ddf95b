package org.steppe.enrich;

/** A stretch of an article's text: {@code text.substring(start, end)} equals {@code text}. */
public record Mention(int start, int end, String text) {}
