/** The SSTC Exchange client (public API). */
@NullMarked
package org.sstc.exchange.client;

import org.jspecify.annotations.NullMarked;
