package org.sstc.exchange.benchmarks;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sstc.exchange.core.ValidationReport;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.schema.StandardFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One realistic initiative (a triangular Brazil–Japan–Mozambique project with SDG links, budgets,
 * transactions and results), checked three ways in one run:
 *
 * <ol>
 *   <li>{@code readTree}: Jackson parsing alone — the floor;
 *   <li>{@code networkntOnly}: parse + the bare networknt schema check, as any Java user could do it;
 *   <li>{@code sdkFullValidation}: the SDK's whole path — strict parsing with limits, schema,
 *       binding, codelists and every rule of the standard.
 * </ol>
 *
 * The target is {@code sdkFullValidation} within 1.3× of {@code networkntOnly}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {
  private byte[] initiative;
  private JsonMapper mapper;
  private Schema bareSchema;
  private Validator validator;

  @Setup
  public void setUp() {
    initiative = resource("initiative.json");
    mapper = JsonMapper.builder().build();
    String base = "https://sstc-exchange.org/schema/";
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build())
                    .schemas(iri -> iri.startsWith(base) ? text(iri.substring(base.length())) : null));
    bareSchema = registry.getSchema(SchemaLocation.of(base + "1.0/initiative.schema.json"));
    validator = Validator.standard();
    if (!validator.validate(initiative).valid() || !bareSchema.validate(mapper.readTree(initiative)).isEmpty()) {
      throw new IllegalStateException("the benchmark record must be valid");
    }
  }

  @Benchmark
  public JsonNode readTree() {
    return mapper.readTree(initiative);
  }

  @Benchmark
  public List<com.networknt.schema.Error> networkntOnly() {
    return bareSchema.validate(mapper.readTree(initiative));
  }

  @Benchmark
  public ValidationReport sdkFullValidation() {
    return validator.validate(initiative);
  }

  static byte[] resource(String name) {
    try (InputStream in = ValidationBenchmark.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String path) {
    try (InputStream in = StandardFiles.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
