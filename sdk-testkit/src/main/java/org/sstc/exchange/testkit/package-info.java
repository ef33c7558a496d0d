/** The SSTC Exchange testkit (public API). */
@NullMarked
package org.sstc.exchange.testkit;

import org.jspecify.annotations.NullMarked;
