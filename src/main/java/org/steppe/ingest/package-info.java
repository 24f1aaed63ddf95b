/**
 * Files to clean articles: finds article files in a corpus, decodes them, drops site boilerplate
 * and reads title, source, date, author and URL from the text or a sidecar manifest.
 */
package org.steppe.ingest;
