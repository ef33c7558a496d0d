package org.sstc.exchange.client;

import java.util.List;

/**
 * The hub's answer to a bulk upload ({@link SstcClient#publish}). A record that fails validation
 * is {@code rejected} here; the upload as a whole still succeeded.
 *
 * @param received records read
 * @param created records stored as new
 * @param updated records stored as a new version
 * @param unchanged records already stored as sent
 * @param rejected records refused, with their issues in {@link #results()}
 * @param results one result per record, in upload order
 *
 * @since 1.0
 */
public record BulkReport(
    long received, long created, long updated, long unchanged, long rejected, List<BulkResult> results) {
  /**
   * Makes a report; the results are copied.
   *
   * @param received records read
   * @param created records stored as new
   * @param updated records stored as a new version
   * @param unchanged records already stored as sent
   * @param rejected records refused, with their issues in {@link #results()}
   * @param results one result per record, in upload order
   */
  public BulkReport {
    results = List.copyOf(results);
  }

  /**
   * The rejected records' results only.
   *
   * @return the results whose status is rejected, in upload order
   */
  public List<BulkResult> rejections() {
    return results.stream().filter(result -> result.status() == BulkResult.Status.REJECTED).toList();
  }
}
