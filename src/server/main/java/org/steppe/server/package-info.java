/**
 * The web server: a Javalin JSON API and the search page over the {@code search} API; handlers
 * only do I/O, {@link org.steppe.server.SearchService} holds the logic and
 * {@link org.steppe.server.ErrorMapping} turns every failure into a status.
 */
package org.steppe.server;
