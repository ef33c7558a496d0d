/**
 * The SSTC Exchange standard in Java: the typed model ({@link Initiative}, {@link Organisation},
 * {@link RecordPackage}), strict JSON reading and writing ({@link SstcJson}), the codelists
 * ({@link Codelists}) and the validator ({@link Validator}) with its {@link ValidationReport}.
 *
 * <p>Every value is immutable; large ones are made with builders. Absent optional values are
 * {@code null} components (marked {@code @Nullable}); absent lists are empty, never null.
 */
@NullMarked
package org.sstc.exchange.core;

import org.jspecify.annotations.NullMarked;
