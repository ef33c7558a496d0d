package org.sstc.exchange.iati;

import java.util.List;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.core.ValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test help: an import's records as model objects, as a data team completes them. A complete
 * record is taken as it is; an incomplete one gets a placeholder (such as instrument "project")
 * for each member the validator says it lacks, and nothing else changes. Tests of what the
 * importer maps read the mapped members; tests of what it leaves out read {@link #json}.
 */
final class Completed {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Completed() {}

  /** The record's JSON as a tree. */
  static ObjectNode json(ImportedRecord<?> record) {
    return (ObjectNode) SstcJson.standard().readTree(record.json());
  }

  static Initiative initiative(ImportedRecord<Initiative> record) {
    return record.record().orElseGet(() -> complete(json(record), Initiative.class));
  }

  static List<Initiative> initiatives(IatiImport imported) {
    return imported.initiatives().stream().map(Completed::initiative).toList();
  }

  static Organisation organisation(ImportedRecord<Organisation> record) {
    return record.record().orElseGet(() -> complete(json(record), Organisation.class));
  }

  static List<Organisation> organisations(IatiImport imported) {
    return imported.organisations().stream().map(Completed::organisation).toList();
  }

  /** The whole import as a package, each incomplete record (and the header) completed. */
  static RecordPackage pkg(IatiImport imported) {
    RecordPackage header = imported.header().record()
        .orElseGet(() -> complete(json(imported.header()), RecordPackage.class));
    return header.toBuilder().initiatives(initiatives(imported)).organisations(organisations(imported)).build();
  }

  private static <T extends SstcRecord> T complete(ObjectNode tree, Class<T> type) {
    for (int round = 0; round < 200; round++) {
      try {
        return SstcJson.standard().bind(tree, type);
      } catch (ValidationException e) {
        // What build() refused: "Money is missing required members amount, currency: set them …"
        Issue refusal = e.report().issues().get(0);
        java.util.regex.Matcher members = java.util.regex.Pattern.compile("required members? ([^:]+):").matcher(refusal.message());
        if (!members.find()) {
          throw new AssertionError("cannot complete " + tree + ": " + refusal);
        }
        for (String member : members.group(1).split(", ")) {
          fill(tree, refusal.pointer() + "/" + member);
        }
      }
    }
    throw new AssertionError("cannot complete " + tree);
  }

  private static void fill(ObjectNode root, String pointer) {
    int slash = pointer.lastIndexOf('/');
    String parentPointer = pointer.substring(0, slash);
    String member = pointer.substring(slash + 1);
    JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
    if (!(parent instanceof ObjectNode object) || object.has(member)) {
      return;
    }
    object.set(member, placeholder(member, parentPointer, root));
  }

  private static JsonNode placeholder(String member, String parent, ObjectNode root) {
    boolean top = parent.isEmpty();
    switch (member) {
      case "id":
        return NODES.stringNode(top ? "XM-PLACEHOLDER-1" : "placeholder");
      case "title":
      case "description":
        return NODES.objectNode().put("und", "placeholder");
      case "name":
        return top || parent.matches(".*/locations/\\d+")
            ? NODES.objectNode().put("und", "placeholder") : NODES.stringNode("placeholder");
      case "reportingOrg":
      case "publisher":
        return NODES.objectNode().put("id", "XM-PLACEHOLDER").put("name", "placeholder");
      case "publishedAt":
      case "lastUpdated":
        return NODES.stringNode("2000-01-01T00:00:00Z");
      case "schemaVersion":
        return NODES.stringNode("1.1");
      case "modality":
        return NODES.stringNode("bilateral");
      case "instrument":
        return NODES.stringNode("project");
      case "status":
        return NODES.stringNode(parent.contains("/budgets/") ? "1" : "2");
      case "dates":
        return NODES.objectNode().put("plannedStart", "2000-01-01");
      case "participants":
        return NODES.arrayNode().add(NODES.objectNode().put("id", "p0").put("name", "placeholder")
            .put("orgType", "10").put("role", "funder"));
      case "orgType":
        return NODES.stringNode("10");
      case "role":
        return NODES.stringNode("funder");
      case "contribution":
        return NODES.stringNode("significant");
      case "currency":
        return NODES.stringNode("USD");
      case "amount":
        return NODES.stringNode("0");
      case "value":
        return parent.matches(".*/(baseline|target|actual)") ? NODES.stringNode("0")
            : NODES.objectNode().put("amount", "0").put("currency", "USD");
      case "type":
        return NODES.stringNode(parent.contains("/transactions/") ? "2" : "1");
      case "date":
      case "periodStart":
      case "periodEnd":
      case "plannedStart":
        return NODES.stringNode("2000-01-01");
      case "goal":
        return NODES.stringNode("1");
      case "relation":
        return NODES.stringNode("parent");
      case "format":
        return NODES.stringNode("application/pdf");
      case "url":
        return NODES.stringNode("https://example.org/placeholder");
      case "category":
        return NODES.stringNode("A01"); // a damaged document category
      case "significance":
        return NODES.stringNode("0");
      case "kind":
        return NODES.stringNode("financial");
      case "measure":
      case "code":
      case "vocabulary":
      case "scheme":
        return NODES.stringNode("1");
      case "latitude":
      case "longitude":
        return NODES.numberNode(0);
      default:
        throw new AssertionError("no placeholder for " + parent + "/" + member + " in " + root);
    }
  }
}
