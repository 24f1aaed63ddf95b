package org.steppe.search;

/** An entity an article mentions: canonical name and type ({@code person}, {@code organization}, {@code place}, {@code misc}). */
public record EntityRef(String name, String type) {}
