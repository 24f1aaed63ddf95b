/**
 * Web pages to articles: decoding a saved page (gzip, charsets), reading the metadata it states
 * (JSON-LD, OpenGraph, meta tags) and finding its main content among navigation, ads and
 * comment threads. Used by the web page and feed formats, and to read HTML in JSON Lines bodies.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.formats.html;
