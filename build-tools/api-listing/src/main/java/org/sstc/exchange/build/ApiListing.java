package org.sstc.exchange.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API gate of the published modules: writes a sorted, one-line-per-member listing of a
 * module's public API (its exported packages, and in them every public type with its supertypes,
 * public and protected constructors, methods, fields, enum constants and record components; for a
 * Maven plugin also its goals and the parameters users set) and compares it with the listing committed in {@code MODULE/api/MODULE.api} and with the listing of
 * the 1.0.0 release, {@code MODULE/api/1.0.0/MODULE.api}.
 *
 * <p>Kept to one source file with no dependency beyond the JDK, so that each module's build runs it
 * with the JDK's source launcher ({@code java ApiListing.java ...}, see the root pom's
 * {@code api-check} execution): it then works with {@code -pl MODULE}, needs nothing installed,
 * and the classes are read with the class path of the module being checked.
 *
 * <p>Arguments: {@code MODULE CLASSES_DIR API_FILE BASELINE_FILE ACCEPT WRITE_BASELINE}; the last
 * two are {@code true} or anything else. The classes of {@code CLASSES_DIR} and their dependencies
 * must be on the class path.
 */
public final class ApiListing {

  private ApiListing() {}

  /** The marker of a deprecated type or member in a listing line. */
  static final String DEPRECATED = "@Deprecated ";

  public static void main(String[] args) throws IOException {
    if (args.length != 6) {
      System.err.println("usage: ApiListing MODULE CLASSES_DIR API_FILE BASELINE_FILE ACCEPT WRITE_BASELINE");
      System.exit(2);
    }
    Result result = run(args[0], Path.of(args[1]), Path.of(args[2]), Path.of(args[3]),
        "true".equals(args[4]), "true".equals(args[5]), ClassLoader.getSystemClassLoader());
    (result.ok() ? System.out : System.err).println(result.message());
    if (!result.ok()) {
      System.exit(1);
    }
  }

  /** What the gate found: {@code ok} false fails the build; {@code message} says why. */
  record Result(boolean ok, String message) {}

  /**
   * Runs the gate for one module.
   *
   * @param module the module's name in messages and commands (its artifactId)
   * @param classes the module's compiled classes
   * @param apiFile the committed listing
   * @param baselineFile the listing as released at 1.0.0 (absent: no baseline check)
   * @param accept rewrite {@code apiFile} with the current API instead of comparing with it
   * @param writeBaseline write {@code baselineFile} with the current API (made once per release)
   * @param loader loads the module's classes
   * @return what was found
   * @throws IOException if a listing cannot be read or written
   */
  static Result run(String module, Path classes, Path apiFile, Path baselineFile, boolean accept,
      boolean writeBaseline, ClassLoader loader) throws IOException {
    List<String> current = listing(classes, loader);
    StringBuilder out = new StringBuilder();
    String acceptCommand = "./mvnw -pl " + module + " verify -DskipTests -Dapi.accept";
    if (writeBaseline) {
      write(baselineFile, current);
      out.append("API gate: wrote the baseline ").append(baselineFile).append('\n');
    }
    if (accept) {
      write(apiFile, current);
      out.append("API gate: wrote ").append(apiFile)
          .append(" (commit it, with a CHANGELOG.md entry for the change)\n");
    } else if (!Files.exists(apiFile)) {
      return new Result(false, "API gate: " + module + " has no API listing " + apiFile
          + ".\nCreate it with: " + acceptCommand + "\nand commit it.");
    } else {
      List<String> committed = read(apiFile);
      if (!committed.equals(current)) {
        StringBuilder failure = new StringBuilder();
        failure.append("API gate: the public API of ").append(module)
            .append(" differs from its committed listing ").append(apiFile).append(":\n");
        failure.append(diff(committed, current));
        failure.append("If this change is deliberate, accept it with\n  ").append(acceptCommand)
            .append("\nwhich rewrites ").append(apiFile)
            .append("; commit it together with a CHANGELOG.md entry.\n")
            .append("A removed or changed member breaks 1.x users: deprecate it (and add its")
            .append(" replacement) instead; removals wait for 2.0 (docs/versioning.md).");
        return new Result(false, failure.toString());
      }
    }
    if (Files.exists(baselineFile)) {
      Set<String> now = current.stream().map(ApiListing::baselineForm)
          .collect(Collectors.toCollection(TreeSet::new));
      List<String> lost = read(baselineFile).stream().map(ApiListing::baselineForm)
          .filter(line -> !now.contains(line)).collect(Collectors.toList());
      if (!lost.isEmpty()) {
        StringBuilder failure = new StringBuilder();
        failure.append("API gate: ").append(module)
            .append(" lost API that 1.0.0 has (").append(baselineFile).append("):\n");
        for (String line : lost) {
          failure.append("  - removed  ").append(line).append('\n');
        }
        failure.append("A removed or changed member breaks 1.x users, and -Dapi.accept does not")
            .append(" lift this check: put the member back (deprecate it, with @Deprecated and")
            .append(" a replacement, instead of removing or changing it). Removals wait for 2.0")
            .append(" (docs/versioning.md).");
        return new Result(false, failure.toString());
      }
    }
    out.append("API gate: the public API of ").append(module).append(" matches ").append(apiFile);
    return new Result(true, out.toString());
  }

  /** The lines of the committed listing that the current one lacks, then the new ones. */
  static String diff(List<String> committed, List<String> current) {
    Set<String> before = new TreeSet<>(committed);
    Set<String> after = new TreeSet<>(current);
    StringBuilder text = new StringBuilder();
    for (String line : before) {
      if (!after.contains(line)) {
        text.append("  - removed  ").append(line).append('\n');
      }
    }
    for (String line : after) {
      if (!before.contains(line)) {
        text.append("  + added    ").append(line).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * A line as the baseline check compares it: without the deprecation marker (deprecating is how
   * a member is meant to go), a constant's value or a plugin parameter's default. A changed value
   * or default still differs from the committed listing and must be accepted deliberately; it
   * is not a removal.
   */
  static String baselineForm(String line) {
    String form = line.replace(DEPRECATED, "");
    int at = form.indexOf(' ');
    String kind = at < 0 ? "" : form.substring(at + 1);
    if (kind.startsWith("field ") && form.contains(" = ")) {
      form = form.substring(0, form.indexOf(" = "));
    }
    if (form.startsWith("maven-plugin ") && form.contains(" default ")) {
      form = form.substring(0, form.indexOf(" default "));
    }
    return form;
  }

  private static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toList());
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    StringBuilder text = new StringBuilder();
    text.append("# The public API of this module, written by build-tools/api-listing (see CONTRIBUTING.md).\n");
    text.append("# Do not edit: run the build with -Dapi.accept to rewrite it.\n");
    for (String line : lines) {
      text.append(line).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * The listing of the API of the classes in a directory: the module line and its unqualified
   * exports (from {@code module-info.class}; without one, every package whose name has no
   * {@code internal} segment), then, type by type in name order, one line per type and member.
   *
   * @param classes a directory of compiled classes
   * @param loader loads them
   * @return the lines of the listing
   * @throws IOException if the directory cannot be read
   */
  static List<String> listing(Path classes, ClassLoader loader) throws IOException {
    List<String> lines = new ArrayList<>();
    Set<String> exported = new TreeSet<>();
    Optional<ModuleDescriptor> descriptor = Files.exists(classes.resolve("module-info.class"))
        ? ModuleFinder.of(classes).findAll().stream().findFirst().map(ModuleReference::descriptor)
        : Optional.empty();
    List<String> classNames = classNames(classes);
    if (descriptor.isPresent()) {
      lines.add("module " + descriptor.get().name());
      descriptor.get().exports().stream().filter(e -> !e.isQualified())
          .forEach(e -> exported.add(e.source()));
    } else {
      lines.add("module (unnamed: every package without an internal segment)");
      for (String name : classNames) {
        String pkg = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
        if (!Arrays.asList(pkg.split("\\.")).contains("internal")) {
          exported.add(pkg);
        }
      }
    }
    for (String pkg : exported) {
      lines.add("exports " + pkg);
    }
    List<String> types = new ArrayList<>();
    for (String name : classNames) {
      String pkg = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
      if (!exported.contains(pkg)) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("API gate: cannot load " + name + " (" + e + ")", e);
      }
      if (visible(type)) {
        types.addAll(type(type));
      }
    }
    lines.addAll(types);
    lines.addAll(pluginGoals(classes.resolve("META-INF/maven/plugin.xml")));
    return lines;
  }

  /**
   * For a Maven plugin, its goals and their user-settable parameters (from the generated
   * {@code plugin.xml}): a plugin's users write these in their poms, so they are its API too.
   */
  static List<String> pluginGoals(Path pluginXml) throws IOException {
    if (!Files.exists(pluginXml)) {
      return List.of();
    }
    org.w3c.dom.Document document;
    try {
      javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      document = factory.newDocumentBuilder().parse(pluginXml.toFile());
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IOException("API gate: cannot read " + pluginXml + ": " + e.getMessage(), e);
    }
    String prefix = "maven-plugin " + text(document.getDocumentElement(), "goalPrefix") + ":";
    List<String> lines = new ArrayList<>();
    for (org.w3c.dom.Element mojo : children(document.getDocumentElement(), "mojos", "mojo")) {
      String goal = prefix + text(mojo, "goal");
      String phase = text(mojo, "phase");
      lines.add(goal + " goal" + (phase.isEmpty() ? "" : " phase " + phase));
      org.w3c.dom.Element configuration = children(mojo, "configuration").stream().findFirst().orElse(null);
      for (org.w3c.dom.Element parameter : children(mojo, "parameters", "parameter")) {
        if (!"true".equals(text(parameter, "editable"))) {
          continue;
        }
        String name = text(parameter, "name");
        StringBuilder line = new StringBuilder(goal + " parameter " + name + " " + text(parameter, "type"));
        if ("true".equals(text(parameter, "required"))) {
          line.append(" required");
        }
        if (configuration != null) {
          for (org.w3c.dom.Element value : children(configuration, name)) {
            if (!value.getTextContent().isBlank()) {
              line.append(" expression ").append(value.getTextContent().trim());
            }
            if (value.hasAttribute("default-value")) {
              line.append(" default ").append(value.getAttribute("default-value"));
            }
          }
        }
        lines.add(line.toString());
      }
    }
    lines.sort(null);
    return lines;
  }

  /** The child elements at the end of a path of element names. */
  private static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String... path) {
    List<org.w3c.dom.Element> level = List.of(parent);
    for (String name : path) {
      List<org.w3c.dom.Element> next = new ArrayList<>();
      for (org.w3c.dom.Element element : level) {
        for (org.w3c.dom.Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
          if (node instanceof org.w3c.dom.Element && name.equals(node.getNodeName())) {
            next.add((org.w3c.dom.Element) node);
          }
        }
      }
      level = next;
    }
    return level;
  }

  private static String text(org.w3c.dom.Element parent, String name) {
    return children(parent, name).stream().findFirst().map(e -> e.getTextContent().trim()).orElse("");
  }

  private static List<String> classNames(Path classes) throws IOException {
    try (Stream<Path> files = Files.walk(classes)) {
      return files.filter(f -> f.toString().endsWith(".class"))
          .map(f -> classes.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.endsWith("module-info.class") && !f.endsWith("package-info.class"))
          .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
          .sorted().collect(Collectors.toList());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** A public type, or a public or protected member type of a visible type. */
  private static boolean visible(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    Class<?> outer = type.getDeclaringClass();
    if (outer == null) {
      return Modifier.isPublic(type.getModifiers());
    }
    return (Modifier.isPublic(type.getModifiers()) || Modifier.isProtected(type.getModifiers()))
        && visible(outer);
  }

  private static List<String> type(Class<?> type) {
    String prefix = type.getName() + " ";
    List<String> header = new ArrayList<>();
    String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
        : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
    int modifiers = type.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
        | Modifier.FINAL | Modifier.ABSTRACT);
    if (type.isInterface()) {
      modifiers &= ~Modifier.ABSTRACT;
    }
    if (type.isEnum() || type.isRecord()) {
      modifiers &= ~Modifier.FINAL;
    }
    if (type.isInterface() && type.getDeclaringClass() != null || type.isEnum() && type.getDeclaringClass() != null
        || type.isRecord() && type.getDeclaringClass() != null) {
      modifiers &= ~Modifier.STATIC;
    }
    String mods = Modifier.toString(modifiers);
    header.add(prefix + "type " + deprecated(type) + (mods.isEmpty() ? "" : mods + " ")
        + (type.isSealed() ? "sealed " : "") + kind + typeParameters(type));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      header.add(prefix + "extends " + superclass.getTypeName());
    }
    for (Type implemented : type.getGenericInterfaces()) {
      if (type.isAnnotation() && implemented == java.lang.annotation.Annotation.class) {
        continue;
      }
      header.add(prefix + (type.isInterface() ? "extends " : "implements ") + implemented.getTypeName());
    }
    if (type.isSealed()) {
      for (Class<?> permitted : type.getPermittedSubclasses()) {
        header.add(prefix + "permits " + permitted.getName());
      }
    }
    Set<String> members = new TreeSet<>();
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        members.add(prefix + "record-component " + i + " " + components[i].getGenericType().getTypeName()
            + " " + components[i].getName());
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (member(constructor.getModifiers()) && !constructor.isSynthetic()) {
        members.add(prefix + "constructor " + deprecated(constructor)
            + Modifier.toString(constructor.getModifiers() & Modifier.constructorModifiers())
            + typeParameters(constructor) + " " + type.getSimpleName() + parameters(constructor));
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (member(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
        int m = method.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
            | Modifier.FINAL | Modifier.ABSTRACT);
        if (type.isInterface()) {
          m &= ~Modifier.ABSTRACT;
        }
        String typeParameters = typeParameters(method);
        members.add(prefix + "method " + deprecated(method) + Modifier.toString(m)
            + (method.isDefault() ? " default" : "")
            + (typeParameters.isEmpty() ? "" : " " + typeParameters)
            + " " + method.getGenericReturnType().getTypeName() + " " + method.getName()
            + parameters(method));
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (!member(field.getModifiers()) || field.isSynthetic()) {
        continue;
      }
      if (field.isEnumConstant()) {
        members.add(prefix + "enum-constant " + deprecated(field) + field.getName());
        continue;
      }
      int m = field.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
          | Modifier.FINAL);
      members.add(prefix + "field " + deprecated(field) + Modifier.toString(m) + " "
          + field.getGenericType().getTypeName() + " " + field.getName() + constant(field));
    }
    List<String> lines = new ArrayList<>(header);
    lines.addAll(members);
    return lines;
  }

  private static boolean member(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String deprecated(java.lang.reflect.AnnotatedElement element) {
    return element.isAnnotationPresent(Deprecated.class) ? DEPRECATED : "";
  }

  private static String typeParameters(GenericDeclaration declaration) {
    TypeVariable<?>[] variables = declaration.getTypeParameters();
    if (variables.length == 0) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (TypeVariable<?> variable : variables) {
      Type[] bounds = variable.getBounds();
      if (bounds.length == 1 && bounds[0] == Object.class) {
        names.add(variable.getName());
      } else {
        names.add(variable.getName() + " extends " + Arrays.stream(bounds).map(Type::getTypeName)
            .collect(Collectors.joining(" & ")));
      }
    }
    return "<" + String.join(", ", names) + ">";
  }

  private static String parameters(Executable executable) {
    Type[] types = executable.getGenericParameterTypes();
    // An inner class's constructor may lack the generic form of its outer instance parameter.
    if (types.length != executable.getParameterCount()) {
      types = executable.getParameterTypes();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      String name = types[i].getTypeName();
      if (executable.isVarArgs() && i == types.length - 1 && name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      names.add(name);
    }
    String text = "(" + String.join(", ", names) + ")";
    Type[] exceptions = executable.getGenericExceptionTypes();
    if (exceptions.length > 0) {
      Set<String> thrown = new LinkedHashSet<>();
      Arrays.stream(exceptions).map(Type::getTypeName).sorted().forEach(thrown::add);
      text += " throws " + String.join(", ", thrown);
    }
    return text;
  }

  /** The value of a static final field of a primitive or String type. */
  private static String constant(Field field) {
    int m = field.getModifiers();
    Class<?> type = field.getType();
    if (!Modifier.isStatic(m) || !Modifier.isFinal(m) || !(type.isPrimitive() || type == String.class)) {
      return "";
    }
    Object value;
    try {
      value = field.get(null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return "";
    }
    if (value instanceof String) {
      return " = \"" + escape((String) value) + "\"";
    }
    if (value instanceof Character) {
      return " = '" + escape(value.toString()) + "'";
    }
    return " = " + value;
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\' || c == '\'') {
        escaped.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
