package org.sstc.exchange.hub.internal;

import java.util.Map;

/**
 * How a hub was configured.
 *
 * @param port the loopback port, 0 for any free one
 * @param organisationByToken each bearer token and the organisation (org-id) it writes for
 * @param maxRecordBytes the largest single-record request body
 * @param maxBulkBytes the largest bulk body after decompression
 * @param threads the request threads
 */
public record HubSettings(
    int port, Map<String, String> organisationByToken, int maxRecordBytes, long maxBulkBytes, int threads) {
  public HubSettings {
    organisationByToken = Map.copyOf(organisationByToken);
  }
}
