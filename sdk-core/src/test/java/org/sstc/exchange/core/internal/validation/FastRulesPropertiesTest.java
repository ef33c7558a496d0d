package org.sstc.exchange.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.internal.validation.FastRulesAgreementTest.Single;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Clean initiatives, changed at random where the rules look (dates, status, percentages, codes,
 * item ids, participant references, roles and modality, SDG links, org ids, currencies and
 * amounts): whenever FastRules still lets one skip the rules, the full path finds nothing in it.
 */
class FastRulesPropertiesTest {
  private static final long SEED = 20261202L;
  private static final int EXAMPLES = Integer.getInteger("sstc.examples.fast-rules", 4000);

  private static final List<Single> CLEAN =
      FastRulesAgreementTest.records()
          .filter(s -> s.type().equals("initiative") && s.name().contains("(SDK tree)"))
          .filter(s -> FastRulesAgreementTest.fullPath(s.record(), s.type()).isEmpty())
          .toList();

  @Test
  void whatFastRulesLetsSkipTheRulesFindNothingIn() {
    int[] fired = new int[1];
    int[] ruleIssues = new int[1];
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(integers().between(0, CLEAN.size() - 1), lists().of(longs().all()).ofSizeBetween(1, 3))
        .checkAssert((index, mutations) -> {
          ObjectNode record = (ObjectNode) CLEAN.get(index).record().deepCopy();
          for (long mutation : mutations) {
            mutate(record, new Random(mutation));
          }
          boolean schemaClean = BundledRecords.SCHEMAS.check("initiative", record).isEmpty();
          var full = FastRulesAgreementTest.fullPath(record, "initiative");
          if (FastRulesAgreementTest.fastPathFires(record, "initiative")) {
            fired[0]++;
            assertThat(full).as(record.toString()).isEmpty();
          } else if (schemaClean && !full.isEmpty()) {
            ruleIssues[0]++;
          }
        });
    // Both sides were exercised: records the fast path took, and valid records the rules fault.
    assertThat(fired[0]).isGreaterThan(EXAMPLES / 20);
    assertThat(ruleIssues[0]).isGreaterThan(EXAMPLES / 20);
  }

  private static void mutate(ObjectNode record, Random random) {
    switch (random.nextInt(13)) {
      case 0 -> {
        ObjectNode dates = object(record, "dates");
        String start = dates.path("plannedStart").asString(null);
        String end = dates.path("plannedEnd").asString(null);
        if (start != null && end != null) {
          dates.put("plannedStart", end);
          dates.put("plannedEnd", start);
        }
      }
      case 1 -> object(record, "dates").put(
          pick(random, "plannedStart", "plannedEnd", "actualStart", "actualEnd"),
          pick(random, "2019-12-31", "2020-01-01", "2021-02-28", "2030-06-30", "2000-01-01"));
      case 2 -> record.put("status", pick(random, "1", "2", "3", "4", "4", "5", "6", "9"));
      case 3 -> object(record, "dates").remove(pick(random, "actualEnd", "actualStart", "plannedEnd"));
      case 4 -> {
        ObjectNode share = item(record, pick(random, "recipientCountries", "recipientRegions", "sectors"), random);
        if (share != null) {
          if (random.nextInt(4) == 0) {
            share.remove("percentage");
          } else {
            share.put("percentage", new BigDecimal(pick(random, "0", "50", "100", "33.33", "99.99", "100.02", "60", "40.005")));
          }
          if (random.nextInt(4) == 0 && share.has("vocabulary")) {
            share.put("vocabulary", pick(random, "1", "2", "7", "8", "99"));
          }
        }
      }
      case 5 -> code(record, random);
      case 6 -> {
        String array = pick(random, "participants", "budgets", "transactions", "contributions", "results", "documents");
        ObjectNode one = item(record, array, random);
        ObjectNode other = item(record, array, random);
        if (one != null && other != null && one.has("id")) {
          other.set("id", one.get("id"));
        }
      }
      case 7 -> {
        ObjectNode participant = item(record, "participants", random);
        String id = participant == null ? "p-1" : participant.path("id").asString("p-1");
        ObjectNode transaction = item(record, "transactions", random);
        if (transaction != null) {
          transaction.put(pick(random, "providerId", "receiverId"), pick(random, id, "nobody", "p-9"));
        }
        ObjectNode contribution = item(record, "contributions", random);
        if (contribution != null) {
          contribution.put("participantId", pick(random, id, "nobody"));
        }
      }
      case 8 -> {
        ObjectNode participant = item(record, "participants", random);
        if (participant != null && random.nextBoolean()) {
          participant.put("role", pick(random, "provider", "recipient", "first-provider", "second-provider", "recipient"));
        } else {
          record.put("modality", pick(random, "bilateral", "triangular", "regional"));
        }
      }
      case 9 -> sdg(record, random);
      case 10 -> {
        String orgId = pick(random, "XM-DAC-41114", "XX-ABC-123", "GB-COH-01234567", "US-GOV-1", "XI-IATI-1", "BR-CNPJ-1");
        switch (random.nextInt(3)) {
          case 0 -> object(record, "reportingOrg").put("id", orgId);
          case 1 -> {
            ObjectNode participant = item(record, "participants", random);
            if (participant != null) {
              participant.put("orgId", orgId);
            }
          }
          default -> record.put("id", pick(random, orgId + "-1", orgId + "-",
              object(record, "reportingOrg").path("id").asString("") + "-x1"));
        }
      }
      case 11 -> {
        ObjectNode money = money(record, random);
        if (money != null) {
          money.put("amount", pick(random, "10", "10.5", "10.50", "10.505", "0", "1000000.00"));
        }
      }
      default -> {
        ObjectNode money = money(record, random);
        if (money != null) {
          money.put("currency", pick(random, "USD", "JPY", "KWD", "XXX", "XAU", "ZWD", "EUR", "CLF"));
        }
      }
    }
  }

  private static void code(ObjectNode record, Random random) {
    String country = pick(random, "BR", "AR", "XX", "ZZ", "YU", "AN", "CL");
    switch (random.nextInt(7)) {
      case 0 -> put(item(record, "participants", random), "country", country);
      case 1 -> put(item(record, "recipientCountries", random), "code", country);
      case 2 -> put(item(record, "sectors", random), "code", pick(random, "11110", "99999", "12220", "1", "111", "43010"));
      case 3 -> put(item(record, "budgets", random), pick(random, "type", "status"), pick(random, "1", "2", "3"));
      case 4 -> put(item(record, "transactions", random), "type", pick(random, "1", "2", "3", "13", "99"));
      case 5 -> {
        ObjectNode document = item(record, "documents", random);
        if (document != null) {
          document.putArray("languages").add(pick(random, "en", "es", "xx", "pt"));
        }
      }
      default -> put(item(record, "participants", random), "orgType", pick(random, "10", "21", "99", "15", "71"));
    }
  }

  private static void sdg(ObjectNode record, Random random) {
    ArrayNode sdgs = record.has("sdgs") ? (ArrayNode) record.get("sdgs") : record.putArray("sdgs");
    switch (random.nextInt(4)) {
      case 0 -> {
        ObjectNode link = sdgs.addObject();
        link.put("goal", String.valueOf(1 + random.nextInt(17)));
        if (random.nextBoolean()) {
          link.put("target", pick(random, "4.1", "4.a", "1.1", "17.19", "4.9", "5.5"));
        }
        if (random.nextBoolean()) {
          link.put("indicator", pick(random, "4.1.1", "1.1.1", "4.a.1", "5.5.2"));
        }
      }
      case 1 -> {
        if (!sdgs.isEmpty()) {
          sdgs.add(sdgs.get(random.nextInt(sdgs.size())).deepCopy());
        }
      }
      case 2 -> {
        for (int target = 1; target <= 11; target++) {
          sdgs.addObject().put("goal", "17").put("target", "17." + target);
        }
      }
      default -> {
        ObjectNode link = item(record, "sdgs", random);
        if (link != null) {
          link.remove(pick(random, "target", "indicator", "goal"));
        }
      }
    }
  }

  private static @Nullable ObjectNode money(ObjectNode record, Random random) {
    ObjectNode item = item(record, pick(random, "budgets", "transactions", "contributions"), random);
    return item != null && item.path("value").isObject() ? (ObjectNode) item.get("value") : null;
  }

  private static void put(@Nullable ObjectNode node, String name, String value) {
    if (node != null) {
      node.put(name, value);
    }
  }

  private static ObjectNode object(ObjectNode record, String name) {
    return record.path(name).isObject() ? (ObjectNode) record.get(name) : record.putObject(name);
  }

  private static @Nullable ObjectNode item(ObjectNode record, String array, Random random) {
    JsonNode items = record.path(array);
    if (!items.isArray() || items.isEmpty()) {
      return null;
    }
    JsonNode item = items.get(random.nextInt(items.size()));
    return item.isObject() ? (ObjectNode) item : null;
  }

  private static String pick(Random random, String... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
