package org.sstc.exchange.iati.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sstc.exchange.core.JsonStreams;
import org.sstc.exchange.core.Validator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether a {@code participating-org/@ref} is an organisation identifier as the standard takes
 * one. The answer is the validator's own: the ref is checked as an organisation's {@code id}, and
 * an error there (the org-id shape, an unknown or withdrawn registration agency) means no. So the
 * importer and the validator never disagree, and a legacy publisher id ({@code 41AAA}, {@code
 * US-GOV-1}), which the validator only warns about, stays an org id.
 */
final class OrgIds {
  /**
   * The initiative extension that keeps the refs that are not org ids, by participation id
   * ({@code {"p1": "35"}}): the importer leaves them out of {@code orgId} and the writer puts them
   * back in {@code @ref}, so nothing of the file is lost.
   */
  static final String KEPT_REFS = "sstc:participatingOrgRefs";

  /** Verdicts by ref: a file names a few organisations many times. Bounded against hostile files. */
  private static final Map<String, Boolean> VERDICTS = new ConcurrentHashMap<>();
  private static final int MAX_VERDICTS = 4096;

  private OrgIds() {}

  static boolean isOrgId(String ref) {
    Boolean known = VERDICTS.get(ref);
    if (known != null) {
      return known;
    }
    ObjectNode probe = JsonStreams.mapper().createObjectNode()
        .put("recordType", "organisation")
        .put("id", ref)
        .put("schemaVersion", "1.0")
        .put("orgType", "90")
        .put("lastUpdated", "2020-01-01T00:00:00Z");
    probe.putObject("name").put("en", "probe");
    boolean orgId = Validator.standard().validate(JsonStreams.mapper().writeValueAsBytes(probe)).errors().stream()
        .noneMatch(issue -> issue.pointer().equals("/id"));
    if (VERDICTS.size() < MAX_VERDICTS) {
      VERDICTS.put(ref, orgId);
    }
    return orgId;
  }
}
