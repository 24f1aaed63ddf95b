/**
 * Files to clean articles: finds article files in a corpus, decodes them, drops site boilerplate
 * and reads title, source, date, author and URL from the text or a sidecar manifest.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.ingest;
