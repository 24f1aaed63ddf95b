/**
 * Web pages to articles: decoding a saved page (gzip, charsets), reading the metadata it states
 * (JSON-LD, OpenGraph, meta tags) and finding its main content among navigation, ads and
 * comment threads. Used by the HTML, feed and JSON Lines formats of {@code org.steppe.ingest}.
 */
package org.steppe.ingest.html;
