package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The validator runs one engine, the schema, codelists and rules on JSON: Bean Validation is not on
 * its path. sdk-core does not require Hibernate Validator, and none of its classes calls it or
 * bootstraps a Jakarta Validation provider; the constraints on the model are for users' own
 * frameworks.
 */
class OneValidationEngineTest {
  private static final List<String> BEAN_VALIDATION_ENGINES =
      List.of("org/hibernate/validator", "jakarta/validation/Validation", "jakarta/validation/Validator");

  @Test
  void sdkCoreDoesNotRequireHibernateValidator() throws IOException, URISyntaxException {
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
      descriptor = ModuleDescriptor.read(in);
    }
    assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
        .doesNotContain("org.hibernate.validator")
        .contains("jakarta.validation"); // the constraints' annotations stay on the model
  }

  @Test
  void noClassOfSdkCoreCallsABeanValidationEngine() throws IOException, URISyntaxException {
    List<Path> classFiles;
    try (Stream<Path> files = Files.walk(classes())) {
      classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
    }
    assertThat(classFiles).hasSizeGreaterThan(20);
    for (Path file : classFiles) {
      // Class names in the constant pool are plain UTF-8 (modified UTF-8 equals it for ASCII).
      String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String engine : BEAN_VALIDATION_ENGINES) {
        assertThat(constants).as(file + " refers to " + engine).doesNotContain(engine);
      }
    }
  }

  /** sdk-core's own compiled classes (target/classes), not its tests. */
  private static Path classes() throws URISyntaxException {
    return Path.of(Validator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
