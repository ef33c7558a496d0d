/**
 * IATI XML import ({@link IatiXml}, {@link IatiImport}, {@link IatiNote}) and export ({@link
 * IatiWriter}) of SSTC Exchange records.
 */
@NullMarked
package org.sstc.exchange.iati;

import org.jspecify.annotations.NullMarked;
