/** Implementation of the client: not exported, not API. */
@NullMarked
package org.sstc.exchange.client.internal;

import org.jspecify.annotations.NullMarked;
