package org.sstc.exchange.core.internal.json;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.BudgetStatus;
import org.sstc.exchange.core.BudgetType;
import org.sstc.exchange.core.ContributionKind;
import org.sstc.exchange.core.InitiativeRelation;
import org.sstc.exchange.core.Instrument;
import org.sstc.exchange.core.LanguageMap;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.OrganisationRole;
import org.sstc.exchange.core.ParticipationRole;
import org.sstc.exchange.core.SdgContribution;
import org.sstc.exchange.core.SolutionMaturity;
import org.sstc.exchange.core.SupportType;
import org.sstc.exchange.core.TransactionType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Cheap paths for the two model types Jackson handles most often (issue 14's profiles).
 *
 * <p>The codelist enums: Jackson calls their {@code @JsonCreator} factory through
 * {@code MethodHandle.invokeWithArguments} for every value, a top entry of binding. A JSON string
 * is looked up in a map made once per enum instead; any other token goes to Jackson's own
 * deserialiser as before, so the results (an unknown code binds to null, the schema check reports
 * it) are the same.
 *
 * <p>{@link LanguageMap}: written through {@code @JsonValue}, which looked a map serialiser up
 * for every value (42% of writing a record); a dedicated serialiser writes the same bytes
 * directly. {@code ModelModuleTest} proves both give the same bytes on every fixture.
 */
final class ModelModule {
  /** Every codelist enum of the model, with the code the standard writes for each constant. */
  private static final Map<Class<?>, Map<String, Object>> BY_CODE = new IdentityHashMap<>();

  static {
    index(ActivityStatus.class, ActivityStatus::code);
    index(BudgetStatus.class, BudgetStatus::code);
    index(BudgetType.class, BudgetType::code);
    index(ContributionKind.class, ContributionKind::code);
    index(InitiativeRelation.class, InitiativeRelation::code);
    index(Instrument.class, Instrument::code);
    index(Modality.class, Modality::code);
    index(OrganisationRole.class, OrganisationRole::code);
    index(ParticipationRole.class, ParticipationRole::code);
    index(SdgContribution.class, SdgContribution::code);
    index(SolutionMaturity.class, SolutionMaturity::code);
    index(SupportType.class, SupportType::code);
    index(TransactionType.class, TransactionType::code);
  }

  private ModelModule() {}

  private static <E extends Enum<E>> void index(Class<E> type, Function<E, String> code) {
    Map<String, Object> byCode = new HashMap<>();
    for (E constant : type.getEnumConstants()) {
      // First constant wins, as the enums' fromCode does.
      byCode.putIfAbsent(code.apply(constant), constant);
    }
    BY_CODE.put(type, byCode);
  }

  /** The module every mapper of the SDK registers. */
  static SimpleModule create() {
    SimpleModule module = new SimpleModule("sstc-model");
    module.addSerializer(LanguageMap.class, new LanguageMapSerializer());
    module.setDeserializerModifier(
        new ValueDeserializerModifier() {
          @Override
          public ValueDeserializer<?> modifyEnumDeserializer(
              DeserializationConfig config,
              JavaType type,
              BeanDescription.Supplier beanDescRef,
              ValueDeserializer<?> deserializer) {
            Map<String, Object> byCode = BY_CODE.get(type.getRawClass());
            return byCode == null ? deserializer : new CodeDeserializer(deserializer, byCode);
          }
        });
    return module;
  }

  /** A codelist enum from its code: a map look-up for a string, Jackson's own path otherwise. */
  static final class CodeDeserializer extends DelegatingDeserializer {
    private final Map<String, Object> byCode;

    CodeDeserializer(ValueDeserializer<?> jacksons, Map<String, Object> byCode) {
      super(jacksons);
      this.byCode = byCode;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
      return new CodeDeserializer(newDelegatee, byCode);
    }

    @Override
    public @Nullable Object deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        // An unknown code is null, as the factory gives: the schema check has reported it.
        return byCode.get(p.getString());
      }
      return super.deserialize(p, ctxt);
    }
  }

  /**
   * {@code {"en": "...", "fr": "..."}} in the order given, exactly as {@code @JsonValue} wrote it
   * under the mappers' NON_EMPTY inclusion: a map with no entry is empty, so a property holding
   * one is left out; an entry whose text is {@code ""} is written (Jackson's map serialiser behind
   * {@code @JsonValue} did not apply the inclusion to the map's own values), so that the validator
   * still sees, and reports, the empty text.
   */
  static final class LanguageMapSerializer extends StdSerializer<LanguageMap> {
    LanguageMapSerializer() {
      super(LanguageMap.class);
    }

    @Override
    public boolean isEmpty(SerializationContext provider, LanguageMap value) {
      return value.isEmpty();
    }

    @Override
    public void serialize(LanguageMap value, JsonGenerator gen, SerializationContext provider) {
      gen.writeStartObject(value);
      for (Map.Entry<String, String> entry : value.asMap().entrySet()) {
        gen.writeStringProperty(entry.getKey(), entry.getValue());
      }
      gen.writeEndObject();
    }
  }
}
