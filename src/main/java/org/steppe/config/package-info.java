/** Reads the files of {@code index-config/}: what to recognise and how to analyse text, kept out of code. */
package org.steppe.config;
