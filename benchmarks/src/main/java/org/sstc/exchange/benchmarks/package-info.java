/** JMH benchmarks of the SDK's reading, validation and writing. */
@NullMarked
package org.sstc.exchange.benchmarks;

import org.jspecify.annotations.NullMarked;
