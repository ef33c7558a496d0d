package org.sstc.exchange.core.internal.json;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * <p>{@link LocalDate} and {@link OffsetDateTime}: Jackson parses each with a {@code
 * DateTimeFormatter} (a third of binding an invalid record, issue 14's profile of a folder). A
 * string of exactly the form {@code YYYY-MM-DD}, or {@code YYYY-MM-DDThh:mm:ss} with {@code Z} or
 * {@code ±hh:mm}, that names a real moment is read directly; anything else (another length, a
 * fraction of a second, a leap second, a day that does not exist) goes to Jackson's deserialiser,
 * so its results and its errors are the same.
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
          public ValueDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription.Supplier beanDescRef,
              ValueDeserializer<?> deserializer) {
            Class<?> type = beanDescRef.getBeanClass();
            if (type == LocalDate.class) {
              return new TextDeserializer(deserializer, text -> orJacksons(Dates.plainDate(text)));
            }
            if (type == OffsetDateTime.class) {
              return new TextDeserializer(deserializer, text -> orJacksons(Dates.plainDateTime(text)));
            }
            return deserializer;
          }

          @Override
          public ValueDeserializer<?> modifyEnumDeserializer(
              DeserializationConfig config,
              JavaType type,
              BeanDescription.Supplier beanDescRef,
              ValueDeserializer<?> deserializer) {
            Map<String, Object> byCode = BY_CODE.get(type.getRawClass());
            // An unknown code is null, as the enum's factory gives: the schema check has reported it.
            return byCode == null ? deserializer : new TextDeserializer(deserializer, byCode::get);
          }
        });
    return module;
  }

  private static Object orJacksons(@Nullable Object value) {
    return value != null ? value : TextDeserializer.JACKSONS;
  }

  /**
   * A value read from a JSON string by {@code read} where it can (a codelist enum from its code, a
   * plain date); {@link #JACKSONS} from {@code read}, or any other token, goes to Jackson's own
   * deserialiser as before.
   */
  static final class TextDeserializer extends DelegatingDeserializer {
    /** What {@code read} answers for a text it leaves to Jackson. */
    static final Object JACKSONS = new Object();

    private final Function<String, @Nullable Object> read;

    TextDeserializer(ValueDeserializer<?> jacksons, Function<String, @Nullable Object> read) {
      super(jacksons);
      this.read = read;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
      return new TextDeserializer(newDelegatee, read);
    }

    @Override
    public @Nullable Object deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        Object value = read.apply(p.getString());
        if (value != JACKSONS) {
          return value;
        }
      }
      return super.deserialize(p, ctxt);
    }
  }

  /** Plain dates and date-times read by hand (see the class comment). */
  static final class Dates {
    private Dates() {}

    /**
     * The moment {@code YYYY-MM-DDThh:mm:ssZ} or {@code YYYY-MM-DDThh:mm:ss±hh:mm} names, with its
     * offset, or null if the text is not exactly that form of a real moment.
     */
    static @Nullable OffsetDateTime plainDateTime(String text) {
      int length = text.length();
      if ((length != 20 && length != 25) || text.charAt(10) != 'T' || text.charAt(13) != ':'
          || text.charAt(16) != ':') {
        return null;
      }
      LocalDate day = plainDate(text.substring(0, 10));
      int hour = digits(text, 11, 13);
      int minute = digits(text, 14, 16);
      int second = digits(text, 17, 19);
      if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        return null;
      }
      ZoneOffset offset;
      char zone = text.charAt(19);
      if (length == 20) {
        if (zone != 'Z') {
          return null;
        }
        offset = ZoneOffset.UTC;
      } else {
        int hours = digits(text, 20, 22);
        int minutes = digits(text, 23, 25);
        if ((zone != '+' && zone != '-') || text.charAt(22) != ':' || hours < 0 || minutes < 0) {
          return null;
        }
        int sign = zone == '-' ? -1 : 1;
        try {
          offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException notAnOffset) {
          return null;
        }
      }
      return OffsetDateTime.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), hour, minute, second, 0, offset);
    }

    /** The day {@code YYYY-MM-DD} names, or null if the text is not exactly that form of a real day. */
    static @Nullable LocalDate plainDate(String text) {
      if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
        return null;
      }
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year < 0 || month < 0 || day < 0) {
        return null;
      }
      try {
        return LocalDate.of(year, month, day);
      } catch (DateTimeException notADay) {
        return null; // Jackson's deserialiser says why, as it always did
      }
    }

    /** The ASCII digits text[from, to) as a number, or -1 if any is not one. */
    private static int digits(String text, int from, int to) {
      int value = 0;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
      return value;
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
