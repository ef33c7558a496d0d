/** The plugin's implementation: the validation run behind {@code sstc:validate}. Not API. */
@NullMarked
package org.sstc.exchange.maven.internal;

import org.jspecify.annotations.NullMarked;
