package org.sstc.exchange.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.sstc.exchange.maven.internal.FailOn;
import org.sstc.exchange.maven.internal.ValidationRun.Console;
import org.sstc.exchange.maven.internal.ValidationRun.Outcome;
import org.sstc.exchange.maven.internal.ValidationRun;
import org.sstc.exchange.report.ReportFormat;

/**
 * The {@code sstc:validate} goal: checks a project's SSTC Exchange files against the standard and
 * fails the build when they are not valid.
 *
 * <p>Every {@code *.json}, {@code *.ndjson} and {@code *.jsonl} file below the configured
 * directories (by default {@code src/main/sstc}), and every configured file whatever its name, is
 * checked with sdk-core's {@code Validator}: JSON syntax and limits, the JSON Schema, the
 * codelists and the standard's rules. Files are read as streams, so a package or an NDJSON file of
 * any size is checked in constant memory. Each issue is logged as the {@code sstc} command line
 * prints it, {@code file:pointer: severity code: message}.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>org.sstc.exchange</groupId>
 *   <artifactId>sstc-maven-plugin</artifactId>
 *   <version>1.0.0</version>
 *   <executions>
 *     <execution>
 *       <goals><goal>validate</goal></goals>
 *       <configuration>
 *         <failOn>warning</failOn>
 *         <formats><format>json</format></formats>
 *       </configuration>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 *
 * <p>The goal binds to {@code process-resources}: the files are inputs of the build, so a broken
 * record stops the build before compiling, testing and packaging spend time on it, and before it
 * can be copied into a jar. A project that generates its files later binds the execution to a later
 * phase ({@code <phase>verify</phase>}).
 *
 * @since 1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public final class ValidateMojo extends AbstractMojo {

  /** The directory checked when neither {@code files} nor {@code directories} is set. */
  static final String DEFAULT_DIRECTORY = "src/main/sstc";

  /** Creates the goal; Maven sets its parameters. */
  public ValidateMojo() {}

  /**
   * Directories to check: every {@code *.json}, {@code *.ndjson} and {@code *.jsonl} file below
   * them, in sorted order. When neither this nor {@code files} is set, {@code src/main/sstc}; a
   * directory that does not exist is skipped with a note in the log.
   */
  @Parameter(property = "sstc.directories")
  private List<File> directories;

  /** Files to check, whatever their names; a file that cannot be read is an error. */
  @Parameter(property = "sstc.files")
  private List<File> files;

  /**
   * What fails the build: {@code error} (the default: any invalid file), {@code warning} (any
   * issue at all) or {@code never} (only report).
   */
  @Parameter(property = "sstc.failOn", defaultValue = "error")
  private String failOn;

  /**
   * Reports to write besides the build log, one file each in {@code reportDirectory}: {@code json}
   * ({@code sstc-report.json}, the shape of {@code sstc validate --format json}), {@code sarif}
   * ({@code sstc.sarif}, SARIF 2.1.0 for code scanning) and {@code junit} ({@code TEST-sstc.xml},
   * JUnit XML for CI test reports), each as {@code sstc validate --format} writes it.
   */
  @Parameter(property = "sstc.formats")
  private List<String> formats;

  /** Where the reports of {@code formats} are written. */
  @Parameter(property = "sstc.reportDirectory", defaultValue = "${project.build.directory}/sstc")
  private File reportDirectory;

  /** Skips the goal. */
  @Parameter(property = "sstc.skip", defaultValue = "false")
  private boolean skip;

  /** The project's directory: file names in the log are relative to it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File basedir;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("sstc: validation skipped (sstc.skip)");
      return;
    }
    FailOn threshold;
    List<ReportFormat> reports = new ArrayList<>();
    try {
      threshold = FailOn.parse(failOn);
      for (String format : formats == null ? List.<String>of() : formats) {
        reports.add(ReportFormat.parse(format));
      }
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("sstc: " + e.getMessage());
    }

    List<Path> explicitFiles = paths(files, basedir.toPath());
    List<Path> dirs = paths(directories, basedir.toPath());
    if (explicitFiles.isEmpty() && dirs.isEmpty()) {
      dirs = List.of(basedir.toPath().resolve(DEFAULT_DIRECTORY));
    }
    ValidationRun run =
        new ValidationRun(basedir.toPath(), reportDirectory.toPath(), reports, new MavenConsole(log), threshold);
    Outcome outcome;
    try {
      outcome = run.validate(explicitFiles, dirs);
    } catch (ValidationRun.ReportException e) {
      throw new MojoExecutionException("sstc: " + e.getMessage(), e.getCause());
    }
    if (outcome.failsOn(threshold)) {
      throw new MojoFailureException("sstc: " + outcome.failureMessage(threshold));
    }
  }

  /** The configured paths, a relative one taken from the project's directory (not the JVM's). */
  private static List<Path> paths(List<File> configured, Path base) {
    List<Path> paths = new ArrayList<>();
    if (configured != null) {
      for (File file : configured) {
        if (file != null) {
          paths.add(base.resolve(file.toPath()));
        }
      }
    }
    return paths;
  }

  /** The build log as the run's console. */
  private static final class MavenConsole implements Console {
    private final Log log;

    MavenConsole(Log log) {
      this.log = log;
    }

    @Override
    public void error(String line) {
      log.error(line);
    }

    @Override
    public void warning(String line) {
      log.warn(line);
    }

    @Override
    public void info(String line) {
      log.info(line);
    }
  }
}
