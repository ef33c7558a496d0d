package org.sstc.exchange.iati.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.iati.IatiNote;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official IATI 2.03 activities XSD, bundled in this jar (with {@code iati-common.xsd} and
 * {@code xml.xsd}) and compiled once. Nothing is ever fetched: external schema and DTD access are
 * off, and the resolver serves only the bundled files.
 */
public final class IatiSchema {
  private static final String BASE = "/org/sstc/exchange/iati/2.03/";
  private static final Map<String, String> BUNDLED = Map.of(
      "iati-activities-schema.xsd", "iati-activities-schema.xsd",
      "iati-common.xsd", "iati-common.xsd",
      "xml.xsd", "xml.xsd",
      "http://www.w3.org/2001/xml.xsd", "xml.xsd");
  private static final Schema SCHEMA = compile();

  private IatiSchema() {}

  private static Schema compile() {
    try {
      SchemaFactory factory = SchemaFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setResourceResolver(new BundledOnly());
      try (InputStream main = open("iati-activities-schema.xsd")) {
        StreamSource source = new StreamSource(main, "bundled:/iati-activities-schema.xsd");
        return factory.newSchema(source);
      }
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("the bundled IATI 2.03 schema does not compile: " + e.getMessage(), e);
    }
  }

  private static InputStream open(String file) {
    InputStream in = IatiSchema.class.getResourceAsStream(BASE + file);
    if (in == null) {
      throw new IllegalStateException("the bundled IATI schema file " + file + " is missing from the jar");
    }
    return in;
  }

  /**
   * Every XSD violation in the document (empty when it validates), each with line and column.
   * The document is read through the same DTD-refusing StAX settings as the importer.
   */
  public static List<IatiNote> check(InputStream xml) {
    List<IatiNote> problems = new ArrayList<>();
    Validator validator = SCHEMA.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setResourceResolver(new BundledOnly()); // schemaLocation hints in a document are never followed
      validator.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // warnings are not violations
        }

        @Override
        public void error(SAXParseException e) {
          problems.add(new IatiNote(null, "", e.getLineNumber(), e.getColumnNumber(), "XSD: " + e.getMessage()));
        }

        @Override
        public void fatalError(SAXParseException e) {
          error(e);
        }
      });
      XMLInputFactory factory = ActivityStream.secureFactory();
      XMLStreamReader reader = factory.createXMLStreamReader(xml);
      validator.validate(new StAXSource(reader));
    } catch (XMLStreamException e) {
      problems.add(new IatiNote(null, "", e.getLocation() == null ? -1 : e.getLocation().getLineNumber(),
          e.getLocation() == null ? -1 : e.getLocation().getColumnNumber(), "not well-formed XML: " + e.getMessage()));
    } catch (SAXException e) {
      if (problems.isEmpty()) {
        problems.add(new IatiNote(null, "", -1, -1, "XSD: " + e.getMessage()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // the JDK's parser can fail on malformed input with an unchecked exception of its own
      problems.add(new IatiNote(null, "", -1, -1, "not well-formed XML: the parser stopped with " + e));
    }
    return problems;
  }

  /** Serves the three bundled schema files, and refuses everything else. */
  private static final class BundledOnly implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
      String name = systemId == null ? null : systemId.substring(systemId.lastIndexOf('/') + 1);
      String file = systemId == null ? null : BUNDLED.containsKey(systemId) ? BUNDLED.get(systemId) : BUNDLED.get(name);
      if (file == null) {
        throw new IllegalStateException("the IATI schema asked for " + systemId + ", which is not bundled: nothing is fetched");
      }
      return new BundledInput(open(file), "bundled:/" + file, publicId);
    }
  }

  private static final class BundledInput implements LSInput {
    private InputStream stream;
    private String systemId;
    private String publicId;

    BundledInput(InputStream stream, String systemId, String publicId) {
      this.stream = stream;
      this.systemId = systemId;
      this.publicId = publicId;
    }

    @Override public java.io.@Nullable Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(java.io.Reader characterStream) {}
    @Override public InputStream getByteStream() { return stream; }
    @Override public void setByteStream(InputStream byteStream) { this.stream = byteStream; }
    @Override public @Nullable String getStringData() { return null; }
    @Override public void setStringData(String stringData) {}
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String systemId) { this.systemId = systemId; }
    @Override public String getPublicId() { return publicId; }
    @Override public void setPublicId(String publicId) { this.publicId = publicId; }
    @Override public @Nullable String getBaseURI() { return null; }
    @Override public void setBaseURI(String baseURI) {}
    @Override public @Nullable String getEncoding() { return null; }
    @Override public void setEncoding(String encoding) {}
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean certifiedText) {}
  }
}
