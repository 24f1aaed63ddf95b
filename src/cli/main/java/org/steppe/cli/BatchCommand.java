package org.steppe.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.steppe.server.BatchOutput;
import org.steppe.server.BatchSearch;
import org.steppe.search.SteppeSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs a file of queries, one per line, and writes one summary row per query. */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = {"Batch search: one query per line in (blank lines and lines starting with # are skipped), "
        + "one row per query out: matching articles and quotes, top 3 sources, first and last date, top 3 articles.",
        "Queries are read leniently, like the search box (what was changed: stderr and the notice column); "
            + "a query that cannot be run is reported (stderr and the error column) and the others go on."})
final class BatchCommand implements Callable<Integer> {
  @Mixin IndexOptions options;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The queries, one per line (UTF-8), in the same syntax as search.")
  Path file;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the table (default: standard output).")
  Path out;

  @Option(names = "--format", paramLabel = "csv|json",
      description = "csv or json (default: from --out's extension, else csv).")
  String format;

  @Override
  public Integer call() throws Exception {
    String chosen = format != null ? format : out != null && out.toString().toLowerCase().endsWith(".json") ? "json" : "csv";
    if (!chosen.equals("csv") && !chosen.equals("json")) {
      throw new ParameterException(spec.commandLine(), "--format must be csv or json, not '" + format + "'");
    }
    List<BatchSearch.Query> queries = read(file);
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    List<BatchSearch.Row> rows;
    try (SteppeSearch steppe = options.openForSearch()) {
      rows = new BatchSearch(steppe).run(queries);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    int bad = 0;
    for (BatchSearch.Row r : rows) {
      if (r.error() != null) {
        bad++;
        err.printf("%s:%d: %s%n", file, r.line(), r.error());
      } else if (r.notice() != null) {
        err.printf("%s:%d: searched leniently: %s%n", file, r.line(), r.notice());
      }
    }
    if (out == null) {
      write(rows, chosen, System.out, spec.commandLine().getOut());
    } else {
      try (OutputStream stream = Files.newOutputStream(out)) {
        write(rows, chosen, stream, null);
      }
    }
    err.printf("%d queries (%d could not be run) in %.1f s%s%n", rows.size(), bad, seconds,
        out == null ? "" : "; written to " + out);
    err.flush();
    return 0;
  }

  /** Writes to {@code stream}, or to {@code console} when given (the command line's own writer, which tests capture). */
  private static void write(List<BatchSearch.Row> rows, String format, OutputStream stream, PrintWriter console) throws IOException {
    if (format.equals("json")) {
      if (console != null) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        BatchOutput.json(rows, buffer);
        console.println(buffer.toString(StandardCharsets.UTF_8));
        console.flush();
      } else {
        BatchOutput.json(rows, stream);
      }
    } else if (console != null) {
      BatchOutput.csv(rows, console);
    } else {
      BatchOutput.csv(rows, new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
    }
  }

  /** The file's queries with their line numbers; blank lines and # comments are not queries. */
  private static List<BatchSearch.Query> read(Path file) throws IOException {
    List<BatchSearch.Query> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        out.add(new BatchSearch.Query(i + 1, line));
      }
    }
    return out;
  }
}
