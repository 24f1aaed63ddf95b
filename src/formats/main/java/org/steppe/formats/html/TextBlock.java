package org.steppe.formats.html;

import org.jsoup.nodes.Element;

/**
 * One paragraph of a page as a reader sees it.
 *
 * @param text the paragraph, whitespace collapsed ({@code \n} where the page breaks a line)
 * @param linkChars how many of its letters are link text
 * @param chars how many letters it has (not counting whitespace)
 * @param block the block element it belongs to
 */
record TextBlock(String text, int linkChars, int chars, Element block) {
  double linkDensity() {
    return chars == 0 ? 0 : (double) linkChars / chars;
  }

  boolean heading() {
    return Blocks.isHeading(block);
  }
}
