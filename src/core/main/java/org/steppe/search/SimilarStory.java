package org.steppe.search;

/**
 * A story folded under a hit because it repeats it: the same title and nearly the same text, as
 * when a wire service sends a story twice or corrects it.
 *
 * @param id its article id
 * @param source its publication, or {@code null}
 * @param date its publication date, or {@code null} when undated
 */
public record SimilarStory(String id, String source, java.time.LocalDate date) {}
