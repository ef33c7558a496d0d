package org.sstc.exchange.core.internal.validation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Severity;
import org.sstc.exchange.core.internal.json.Decimals;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Collects the issues that checks find in one record; not thread-safe, one per validation. */
public final class Findings {
  private final List<Issue> issues = new ArrayList<>();

  /** Records an error at {@code pointer}; {@code value} (a String, number or null) is the offending value. */
  public void error(String code, String pointer, String message, @Nullable Object value) {
    issues.add(new Issue(Severity.ERROR, code, pointer, message, node(value), null));
  }

  /** Records a warning at {@code pointer}. */
  public void warning(String code, String pointer, String message, @Nullable Object value) {
    issues.add(new Issue(Severity.WARNING, code, pointer, message, node(value), null));
  }

  /** Records an issue made elsewhere. */
  public void add(Issue issue) {
    issues.add(issue);
  }

  /** What was found, in the order found. */
  public List<Issue> issues() {
    return issues;
  }

  public boolean hasErrors() {
    return issues.stream().anyMatch(Issue::isError);
  }

  private static @Nullable JsonNode node(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNode json) {
      return json;
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return JsonNodeFactory.instance.stringNode(Decimals.text(decimal));
    }
    if (value instanceof Number number) {
      return JsonNodeFactory.instance.numberNode(number.longValue());
    }
    return JsonNodeFactory.instance.stringNode(String.valueOf(value));
  }
}
