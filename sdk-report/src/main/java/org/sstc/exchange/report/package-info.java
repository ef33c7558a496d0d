/**
 * The report formats of SSTC Exchange validation and the one "validate these paths" run that the
 * command line and the Maven plugin share: {@link ValidationRun}, {@link ReportFormat}, {@link
 * HtmlReport} (a self-contained HTML page of records and their issues) and {@link ToolVersion}.
 */
@NullMarked
package org.sstc.exchange.report;

import org.jspecify.annotations.NullMarked;
