/**
 * The report formats that both {@code sstc validate --format sarif|junit} (sdk-cli) and {@code
 * sstc:validate} (sstc-maven-plugin) write: {@link SarifReporter}, {@link JUnitReporter}, their
 * {@link Reporter} protocol and {@link Tally}, {@link SourceMap} (where a JSON Pointer's value is
 * in the file), {@link RuleHelp} (each issue code's help, from {@code RULES.md}), {@link
 * ToolVersion} (the version the SARIF driver names), {@link RecordFiles} (the names a directory
 * walk picks up) and {@link FileProblems} (the issues of a file that was not checked).
 *
 * <p>Not API: {@code module-info.java} exports this package to {@code org.sstc.exchange.cli} only;
 * the Maven plugin runs on a class path, where module boundaries do not apply. Kept in sdk-core
 * because it needs nothing but sdk-core's own dependencies (Jackson, and the JDK's StAX writer).
 */
package org.sstc.exchange.report.internal;
