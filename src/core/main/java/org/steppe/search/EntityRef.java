package org.steppe.search;

/**
 * An entity an article mentions.
 *
 * @param name canonical name
 * @param type what kind of entity it is
 */
public record EntityRef(String name, EntityType type) {}
