package org.sstc.exchange.hub.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sstc.exchange.core.JsonStreams;
import tools.jackson.databind.JsonNode;

/**
 * A store's export: NDJSON, one line per item, so that it streams both ways. The first line is
 * the hub ({@code {"kind":"sstc-hub-export","format":1,"hubId":...,"head":...}}), then one line
 * per record with its whole history ({@code "kind":"record"}), one per feed position ({@code
 * "event"}), one per token hash ({@code "token"}) and one per idempotency answer still kept
 * ({@code "answer"}: a key replayed on the new store gets the same answer, as on the old one). Record documents are copied as the exact bytes
 * the store holds.
 */
public final class StoreDump {
  static final String KIND = "sstc-hub-export";
  private static final int FORMAT = 1;

  private StoreDump() {}

  /** Writes the whole store. */
  public static void write(HubStore store, OutputStream out) throws IOException {
    long head = store.head();
    line(out, new JsonOut().beginObject().field("kind", KIND).field("format", FORMAT)
        .field("hubId", store.hubId()).field("head", head).endObject());
    IOException[] failed = new IOException[1];
    store.forEachRecord(record -> {
      if (failed[0] != null) {
        return;
      }
      JsonOut json = new JsonOut().beginObject().field("kind", "record").field("recordType", record.recordType())
          .field("id", record.id()).field("owner", record.owner()).name("versions").beginArray();
      for (HubStore.Version version : record.history()) {
        json.beginObject().field("version", version.version()).field("event", version.event())
            .field("at", version.at().toString());
        if (version.json() != null) {
          json.name("record").raw(version.json());
        }
        json.endObject();
      }
      try {
        line(out, json.endArray().endObject());
      } catch (IOException e) {
        failed[0] = e;
      }
    });
    if (failed[0] != null) {
      throw failed[0];
    }
    long since = 0;
    while (since < head) {
      List<HubStore.FeedEntry> page = store.feed(since, 1000);
      if (page.isEmpty()) {
        break;
      }
      for (HubStore.FeedEntry event : page) {
        if (event.sequence() > head) {
          break;
        }
        line(out, new JsonOut().beginObject().field("kind", "event").field("sequence", event.sequence())
            .field("recordType", event.recordType()).field("id", event.id()).field("version", event.version())
            .endObject());
      }
      since = page.get(page.size() - 1).sequence();
    }
    for (HubStore.TokenEntry token : store.tokens()) {
      line(out, new JsonOut().beginObject().field("kind", "token").field("id", token.id()).field("orgId", token.org())
          .field("sha256", HexFormat.of().formatHex(token.hash())).field("created", token.created().toString())
          .endObject());
    }
    for (HubStore.KeptAnswer answer : store.keptAnswers()) {
      Reply reply = answer.reply();
      JsonOut json = new JsonOut().beginObject().field("kind", "answer").field("orgId", answer.org())
          .field("key", answer.key()).field("sha256", HexFormat.of().formatHex(answer.hash()))
          .field("at", answer.at().toString()).field("status", reply.status()).name("headers").beginObject();
      reply.headers().forEach(json::field);
      line(out, json.endObject().field("body", Base64.getEncoder().encodeToString(reply.body()))
          .name("closeConnection").bool(reply.closeConnection()).endObject());
    }
    out.flush();
  }

  private static void line(OutputStream out, JsonOut json) throws IOException {
    out.write(json.toBytes());
    out.write('\n');
  }

  /** Loads an export into an empty store; nothing is loaded unless all of it is. */
  public static void read(HubStore store, InputStream in) throws IOException {
    JsonStreams.Lines lines = JsonStreams.lines(in);
    byte[] first = lines.next();
    JsonNode hub = first == null ? null : tree(first, 1);
    if (hub == null || !KIND.equals(hub.path("kind").asString("")) || hub.path("format").asInt(0) != FORMAT) {
      throw new IllegalArgumentException("this is not an SSTC hub export (its first line must be"
          + " {\"kind\":\"sstc-hub-export\",\"format\":1,...}); make one with sstc hub export");
    }
    long number = 1;
    try (HubStore.Importer importer = store.importer(hub.path("hubId").asString(""), hub.path("head").asLong(0))) {
      byte[] line;
      while ((line = lines.next()) != null) {
        number++;
        if (lines.overLimit()) {
          throw new IllegalArgumentException("line " + number + " of the export is longer than this hub reads");
        }
        JsonNode item = tree(line, number);
        switch (item.path("kind").asString("")) {
          case "record" -> {
            List<HubStore.Version> versions = new ArrayList<>();
            for (JsonNode version : item.path("versions")) {
              JsonNode record = version.get("record");
              versions.add(new HubStore.Version(version.path("version").asLong(), version.path("event").asString(),
                  Instant.parse(version.path("at").asString()),
                  record == null ? null : JsonStreams.mapper().writeValueAsBytes(record)));
            }
            if (versions.isEmpty()) {
              throw new IllegalArgumentException("line " + number + " of the export is a record without versions");
            }
            importer.record(new HubStore.StoredRecord(item.path("recordType").asString(), item.path("id").asString(),
                item.path("owner").asString(), versions));
          }
          case "event" -> importer.event(new HubStore.FeedEntry(item.path("sequence").asLong(),
              item.path("recordType").asString(), item.path("id").asString(), item.path("version").asLong()));
          case "token" -> importer.token(new HubStore.TokenEntry(item.path("id").asString(), item.path("orgId").asString(),
              HexFormat.of().parseHex(item.path("sha256").asString()), Instant.parse(item.path("created").asString())));
          case "answer" -> {
            Map<String, String> headers = new LinkedHashMap<>();
            item.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asString()));
            importer.answer(new HubStore.KeptAnswer(item.path("orgId").asString(), item.path("key").asString(),
                HexFormat.of().parseHex(item.path("sha256").asString()),
                new Reply(item.path("status").asInt(), headers, Base64.getDecoder().decode(item.path("body").asString()),
                    item.path("closeConnection").asBoolean()),
                Instant.parse(item.path("at").asString())));
          }
          default -> throw new IllegalArgumentException("line " + number + " of the export is not a record,"
              + " event, token or idempotency answer");
        }
      }
      importer.commit();
    }
  }

  private static JsonNode tree(byte[] line, long number) {
    try {
      return JsonStreams.mapper().readTree(new String(line, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // Not the parser's own words (a Java parser's, with its source excerpts): what the file should be.
      throw new IllegalArgumentException("line " + number + " of the export is not JSON: an export holds one JSON"
          + " object a line, as sstc hub export writes it", e);
    }
  }
}
