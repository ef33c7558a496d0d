/** The SSTC Exchange hub (public API). */
@NullMarked
package org.sstc.exchange.hub;

import org.jspecify.annotations.NullMarked;
