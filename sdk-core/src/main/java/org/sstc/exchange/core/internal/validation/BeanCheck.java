package org.sstc.exchange.core.internal.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Severity;
import org.sstc.exchange.core.internal.json.Decimals;

/**
 * Bean Validation of model objects with Hibernate Validator: the constraints on the records'
 * components, with property paths ({@code participants[0].role}) turned into JSON Pointers
 * ({@code /participants/0/role}) and constraints into the schema codes they stand for.
 */
public final class BeanCheck {
  private final jakarta.validation.Validator validator;

  public BeanCheck() {
    // The parameter interpolator needs no Expression Language at run time, and the factory is
    // built from Hibernate's provider directly so that it works on the module path too.
    ValidatorFactory factory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    this.validator = factory.getValidator();
  }

  public List<Issue> check(Object record) {
    List<Issue> issues = new ArrayList<>();
    for (ConstraintViolation<Object> violation : validator.validate(record)) {
      String pointer = pointer(violation.getPropertyPath());
      Class<? extends Annotation> constraint =
          violation.getConstraintDescriptor().getAnnotation().annotationType();
      String code = code(constraint.getSimpleName(), violation.getInvalidValue());
      String message =
          code.equals("schema.required")
              ? "'" + lastName(pointer) + "' is missing: the standard requires it; set it"
              : "the value " + describe(violation.getInvalidValue()) + " at '" + pointer + "' "
                  + violation.getMessage();
      issues.add(new Issue(Severity.ERROR, code, pointer, message, null, null));
    }
    issues.sort(java.util.Comparator.comparing(Issue::pointer));
    return issues;
  }

  private static String code(String constraint, Object invalidValue) {
    switch (constraint) {
      case "NotNull":
        return "schema.required";
      case "NotBlank":
        return invalidValue == null ? "schema.required" : "schema.pattern";
      case "Size":
        return "schema.minItems";
      case "DecimalMin":
        return "schema.minimum";
      case "DecimalMax":
        return "schema.maximum";
      case "Pattern":
        return "schema.pattern";
      default:
        return "schema." + Character.toLowerCase(constraint.charAt(0)) + constraint.substring(1);
    }
  }

  static String pointer(Path path) {
    StringBuilder pointer = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
        if (key != null) {
          pointer.append('/').append(Pointer.escape(String.valueOf(key)));
        }
      }
      if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
        pointer.append('/').append(Pointer.escape(node.getName()));
      }
    }
    return pointer.toString();
  }

  private static String lastName(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  private static String describe(Object value) {
    String text = value instanceof java.math.BigDecimal decimal
        ? Decimals.text(decimal) : String.valueOf(value);
    return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
  }
}
