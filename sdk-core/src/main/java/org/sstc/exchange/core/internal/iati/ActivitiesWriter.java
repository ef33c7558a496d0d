package org.sstc.exchange.core.internal.iati;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.Package;
import org.sstc.exchange.core.SstcJson;

/** Writes an {@code <iati-activities>} file incrementally: header, activities one by one, end. */
public final class ActivitiesWriter {
  private final XMLStreamWriter out;
  private final ActivityWriter activities;
  private boolean organisationsStarted;
  private long written;

  /** Starts the file: declaration and {@code <iati-activities>} with the package's header. */
  public ActivitiesWriter(OutputStream stream, Package header) {
    try {
      XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
      out = factory.createXMLStreamWriter(stream, "UTF-8");
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
      activities = new ActivityWriter(out, 1);
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
      // A dry run first, into nothing: an initiative IATI cannot hold is refused before any of
      // it reaches the file, so a caller may skip it and go on with the next one.
      new ActivityWriter(DISCARD.createXMLStreamWriter(java.io.OutputStream.nullOutputStream(), "UTF-8"), 1).write(initiative);
      activities.write(initiative);
      written++;
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  private static final XMLOutputFactory DISCARD = XMLOutputFactory.newDefaultFactory();

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
