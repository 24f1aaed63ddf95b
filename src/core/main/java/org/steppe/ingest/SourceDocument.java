package org.steppe.ingest;

/**
 * One article as a file format yields it, before cleaning.
 *
 * @param id stable id: the relative path for one-article files, the format's own key otherwise
 * @param file the file it came from, relative to the corpus root
 * @param text the decoded text; every offset Steppe reports is an index into this string
 * @param known metadata the format states structurally (e.g. Reuters' TITLE and DATE)
 */
public record SourceDocument(String id, String file, String text, Metadata known) {}
