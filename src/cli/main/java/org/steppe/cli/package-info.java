/** The command line: thin picocli commands over the {@code search} API and the pipeline. */
package org.steppe.cli;
