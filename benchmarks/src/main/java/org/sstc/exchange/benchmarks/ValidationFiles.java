package org.sstc.exchange.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the folder that {@code sstc validate} and {@code ajv validate} both check in {@code
 * run-all.sh}: {@code count} copies of {@code initiative.json}, each with its own id, every tenth
 * one without its required {@code participants} — a schema error that both tools must report, so
 * that their verdicts can be compared file by file.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.sstc.exchange.benchmarks.ValidationFiles /tmp/files 10000
 * </pre>
 */
public final class ValidationFiles {
  private ValidationFiles() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "files");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Files.createDirectories(folder);
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode template = (ObjectNode) mapper.readTree(ValidationBenchmark.resource("initiative.json"));
    String id = template.get("id").asString();
    for (int n = 0; n < count; n++) {
      ObjectNode record = template.deepCopy();
      record.put("id", id + "-" + n);
      if (n % 10 == 9) {
        record.remove("participants");
      }
      Files.write(folder.resolve(String.format("initiative-%05d.json", n)), mapper.writeValueAsBytes(record));
    }
    System.out.printf("%d files in %s, %d without participants%n", count, folder, count / 10);
  }
}
