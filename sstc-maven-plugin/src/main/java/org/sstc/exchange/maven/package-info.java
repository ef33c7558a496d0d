/**
 * The SSTC Exchange Maven plugin: {@link org.sstc.exchange.maven.ValidateMojo}, the {@code
 * sstc:validate} goal that checks a project's records, packages and NDJSON files against the
 * standard.
 */
@NullMarked
package org.sstc.exchange.maven;

import org.jspecify.annotations.NullMarked;
