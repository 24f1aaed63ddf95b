/**
 * Reads the files of {@code index-config/}: what to recognise and how to analyse text, kept out of code.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.config;
