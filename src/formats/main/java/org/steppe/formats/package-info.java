/**
 * The readers of web pages ({@code .html}, {@code .htm}, gzipped or not; jsoup) and RSS/Atom feeds
 * ({@code .rss}, {@code .atom}, feed {@code .xml}; Rome), and of HTML in JSON Lines bodies. Nothing
 * here is called by name: on the classpath, the core finds them with {@link java.util.ServiceLoader}
 * ({@code META-INF/services}); without this module, the core skips such files with a warning.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.formats;
