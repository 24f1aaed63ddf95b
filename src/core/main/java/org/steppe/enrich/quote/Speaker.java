package org.steppe.enrich.quote;

import org.steppe.enrich.Mention;

/**
 * Who said a quote: a canonical name, the role the text (or the gazetteer) gives them, and where
 * the quote names them.
 */
record Speaker(String name, String role, Mention mention) {}
