package org.sstc.exchange.core.internal.json;

import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a decimal as a JSON string in plain notation with its scale kept: {@code "1250000.00"},
 * never {@code 1.25E+6} and never a JSON number, so that no reader anywhere rounds it.
 */
public final class PlainDecimalAsString extends StdSerializer<BigDecimal> {
  public PlainDecimalAsString() {
    super(BigDecimal.class);
  }

  @Override
  public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
    // An absurd exponent stays in scientific notation: the schema's pattern then names it.
    generator.writeString(Decimals.text(value));
  }
}
