package org.steppe.server;

import java.util.Map;

/** Articles written to break a careless page or spreadsheet: markup, scripts, quotes and formulas in title and body. */
final class HostileCorpus {
  private HostileCorpus() {}

  static final String HOSTILE_ID = "2015/hostile.txt";
  static final String HOSTILE_TITLE = "<script>window.__xss=1</script> Hostile \"quoted\" <b>title</b> & more";
  static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"click\") now";
  static final String SPACED_ID = "2015/notes.v2/with space.txt";

  static final Map<String, String> FILES = Map.of(
      HOSTILE_ID, HOSTILE_TITLE + "\n\n"
          + "The hostile payload <img src=x onerror=\"window.__xss=1\"> sits in this body, with <b>bold</b> and a > b < c.\n\n"
          + "Another hostile line: <script>window.__xss=2</script> and 'single' and \"double\" quotes, Tengrinews reports.\n",
      "2015/formula.txt", FORMULA_TITLE + "\n\n"
          + "@SUM(A1:A9) and -1+1 and +cmd|' /C calc'!A0 are spreadsheet formulas in a plain article about steppe farming.\n",
      SPACED_ID, "Notes from the steppe archive\n\n"
          + "A plain article in a folder with a dot, under a file name with a space, about steppe grasslands.\n");
}
