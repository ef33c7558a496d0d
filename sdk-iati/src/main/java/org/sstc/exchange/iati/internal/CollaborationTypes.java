package org.sstc.exchange.iati.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Modality;
import tools.jackson.databind.JsonNode;

/**
 * IATI CollaborationType codes beside 1 that IATI's own codelist names bilateral flows, read as
 * modality {@code bilateral}: 3 "Bilateral, core contributions to NGOs and other private bodies /
 * PPPs" and 7 "Bilateral, ex-post reporting on NGOs' activities funded through core
 * contributions". The code is kept in the extension {@value #KEY}, so that the export writes it
 * back rather than 1. 2 and 4 (multilateral) and 6 (private sector) name no SSTC modality.
 */
final class CollaborationTypes {
  /** The initiative extension that keeps a bilateral code other than 1 ({@code "3"}). */
  static final String KEY = "sstc:collaborationType";

  /** The bilateral codes other than 1, with their names in IATI's codelist. */
  static final Map<String, String> BILATERAL_FLOWS = Map.of(
      "3", "Bilateral, core contributions to NGOs and other private bodies / PPPs",
      "7", "Bilateral, ex-post reporting on NGOs' activities funded through core contributions");

  private CollaborationTypes() {}

  /** The code kept for a bilateral initiative, if it is one of {@link #BILATERAL_FLOWS}. */
  static @Nullable String kept(Initiative initiative) {
    JsonNode kept = initiative.extensions().get(KEY);
    return initiative.modality() == Modality.BILATERAL && kept != null && kept.isString()
        && BILATERAL_FLOWS.containsKey(kept.asString()) ? kept.asString() : null;
  }
}
