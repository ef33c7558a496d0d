/**
 * IATI XML import ({@link IatiXml}, {@link IatiImport}, {@link ImportedRecord}, {@link IatiNote})
 * and export ({@link IatiWriter}) of SSTC Exchange records. An imported record is JSON until it
 * has every member the standard requires, and a model object only then.
 */
@NullMarked
package org.sstc.exchange.iati;

import org.jspecify.annotations.NullMarked;
