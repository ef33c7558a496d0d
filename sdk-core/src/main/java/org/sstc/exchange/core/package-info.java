/**
 * The SSTC Exchange standard in Java: the typed model ({@link Initiative}, {@link Organisation},
 * {@link RecordPackage}), strict JSON reading and writing ({@link SstcJson}), the codelists
 * ({@link Codelists}) and the validator ({@link Validator}) with its {@link ValidationReport}.
 *
 * <p>Every value is immutable and made with its builder ({@code Type.builder() ... build()}, or a
 * static factory such as {@link Money#of(String, String)} for the small ones); {@code build()}
 * refuses an object without its required members, naming all of them. Absent optional values
 * are {@code null} (their accessors are marked {@code @Nullable}); absent lists are empty, never
 * null. Members of a newer minor version of the standard are kept when read and written back.
 */
@NullMarked
package org.sstc.exchange.core;

import org.jspecify.annotations.NullMarked;
