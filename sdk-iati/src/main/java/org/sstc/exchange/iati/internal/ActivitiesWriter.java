package org.sstc.exchange.iati.internal;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;

/** Writes an {@code <iati-activities>} file incrementally: header, activities one by one, end. */
public final class ActivitiesWriter {
  private final XMLStreamWriter out;
  private final OutputStream stream;
  private boolean organisationsStarted;
  private long written;

  /** Starts the file: declaration and {@code <iati-activities>} with the package's header. */
  public ActivitiesWriter(OutputStream stream, RecordPackage header) {
    try {
      this.stream = stream;
      out = FACTORY.createXMLStreamWriter(stream, "UTF-8");
      out.writeStartDocument("UTF-8", "1.0");
      out.writeCharacters("\n");
      out.writeStartElement("iati-activities");
      out.writeNamespace(ActivityWriter.SSTC, XmlElement.SSTC_NS);
      out.writeAttribute("version", "2.03");
      if (header.publishedAt() != null) {
        out.writeAttribute("generated-datetime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(header.publishedAt()));
      }
      if (header.publisher() != null) {
        if (header.publisher().id() != null) {
          out.writeAttribute(ActivityWriter.SSTC, XmlElement.SSTC_NS, "publisher-id", header.publisher().id());
        }
        if (header.publisher().name() != null) {
          out.writeAttribute(ActivityWriter.SSTC, XmlElement.SSTC_NS, "publisher-name", header.publisher().name());
        }
      }
      if (header.license() != null) {
        out.writeAttribute(ActivityWriter.SSTC, XmlElement.SSTC_NS, "license", header.license());
      }
      if (header.schemaVersion() != null) {
        out.writeAttribute(ActivityWriter.SSTC, XmlElement.SSTC_NS, "schema-version", header.schemaVersion());
      }
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  /** Writes one activity; refuses an initiative that lacks what the IATI schema requires. */
  public void write(Initiative initiative) {
    if (organisationsStarted) {
      throw new IllegalStateException("initiatives come before organisations in an IATI file: write them first");
    }
    try {
      // The activity is written to a buffer first and reaches the file only whole: an initiative
      // IATI cannot hold is refused before any of it is in the file, so a caller may skip it and
      // go on with the next one. The buffer's sstc: prefix is the one <iati-activities> declares.
      buffer.reset();
      XMLStreamWriter fragment = FACTORY.createXMLStreamWriter(buffer, "UTF-8");
      new ActivityWriter(fragment, 1).write(initiative);
      fragment.flush();
      out.writeCharacters(""); // ends a start tag still open, so the bytes go after it
      out.flush();
      buffer.writeTo(stream);
      written++;
    } catch (XMLStreamException e) {
      throw failed(e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the IATI XML: " + e.getMessage(), e);
    }
  }

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
  private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1 << 14);

  /** Writes an SSTC organisation record (IATI has none in an activity file) as extension JSON. */
  public void write(Organisation organisation) {
    if (written == 0) {
      throw new IllegalStateException("an IATI file needs an activity before anything else: write an initiative first");
    }
    organisationsStarted = true;
    try {
      out.writeCharacters("\n  ");
      out.writeStartElement(ActivityWriter.SSTC, "organisation", XmlElement.SSTC_NS);
      out.writeCharacters(SstcJson.standard().writeString(organisation));
      out.writeEndElement();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  /** How many activities were written. */
  public long written() {
    return written;
  }

  /** Ends the file and flushes (the caller closes the stream). */
  public void finish() {
    if (written == 0) {
      throw new IllegalStateException("an IATI file holds one activity or more: there is nothing to write");
    }
    try {
      out.writeCharacters("\n");
      out.writeEndElement();
      out.writeCharacters("\n");
      out.writeEndDocument();
      out.flush();
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  private static java.io.UncheckedIOException failed(XMLStreamException e) {
    return new java.io.UncheckedIOException("cannot write the IATI XML: " + e.getMessage(), new java.io.IOException(e));
  }
}
