/**
 * The report formats that {@link org.sstc.exchange.report.ValidationRun} writes for both {@code
 * sstc validate --format json|sarif|junit} (sdk-cli) and {@code sstc:validate}
 * (sstc-maven-plugin): {@link JsonReporter}, {@link SarifReporter}, {@link JUnitReporter}, their
 * {@link Reporter} protocol and {@link Tally}, {@link SourceMap} (where a JSON Pointer's value is
 * in the file), {@link RuleHelp} (each issue code's help, from {@code RULES.md}), {@link
 * RecordFiles} (the names a directory walk picks up) and {@link FileProblems} (the issues of a
 * file that was not checked); and the HTML report's page ({@link HtmlPage}, {@link ReportData}).
 *
 * <p>Not API: not exported; the command line and the plugin reach it only through {@code
 * org.sstc.exchange.report}.
 */
package org.sstc.exchange.report.internal;
