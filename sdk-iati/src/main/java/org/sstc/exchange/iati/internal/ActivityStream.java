package org.sstc.exchange.iati.internal;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.iati.IatiReadException;

/**
 * Reads an IATI activities file one {@code <iati-activity>} at a time with StAX, so that memory
 * does not grow with the file: only the activity being mapped is held, as a small tree.
 *
 * <p>Safe by construction: DTD support and external entities are off, and a DOCTYPE is refused
 * outright (IATI files have none), so no entity is ever expanded or fetched — no XXE, no
 * "billion laughs". One activity is bounded too (elements, depth, text), so one hostile activity
 * cannot exhaust the heap.
 */
final class ActivityStream implements AutoCloseable {
  static final int MAX_ELEMENTS_PER_ACTIVITY = 200_000;
  static final int MAX_DEPTH = 64;
  static final int MAX_TEXT_PER_ACTIVITY = 16 * 1024 * 1024;

  private static final XMLInputFactory FACTORY = secureFactory();

  private final XMLStreamReader reader;
  private final XmlElement root;
  private boolean finished;
  // Where the last event ended: a start tag begins there. The JDK reports the position after a
  // start tag's '>' (the wrong line for a tag over several lines); editors and lxml's sourceline
  // want its '<'. After text the parser has read the '<' already, hence textEnded.
  private long endLine = 1;
  private long endColumn = 1;
  private boolean textEnded;

  ActivityStream(InputStream in) {
    try {
      this.reader = FACTORY.createXMLStreamReader(Utf8Check.wrap(in));
    } catch (XMLStreamException e) {
      throw failure(e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the IATI file: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw parserFailure(e, null);
    }
    this.root = readRoot();
  }

  static XMLInputFactory secureFactory() {
    // The JDK's own StAX implementation, whatever else is on the class path.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external resources are never fetched: " + systemId);
    });
    return factory;
  }

  /** The {@code <iati-activities>} element: its attributes, and later its non-activity children. */
  XmlElement root() {
    return root;
  }

  private XmlElement readRoot() {
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw doctype();
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          String namespace = namespace();
          String name = reader.getLocalName();
          boolean iatiName = name.equals("iati-activities") || name.equals("iati-organisations");
          if (!namespace.isEmpty() && iatiName) {
            // IATI elements are in no namespace: a prefixed or default-namespaced <iati-activities>
            // would make every element unknown to the mapping, so say so rather than "not IATI".
            throw at("the root element <" + name + "> is in the namespace \"" + namespace + "\", but IATI elements"
                + " are in no namespace: remove the namespace declaration (xmlns) and the prefixes from the IATI"
                + " elements", reader.getLocation(), null);
          }
          if (!iatiName) {
            throw at("the root element is <" + name + ">, not <iati-activities> (or <iati-organisations>):"
                + " this is not an IATI activities file", reader.getLocation(), null);
          }
          XmlElement element = new XmlElement(name,
              reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber());
          copyAttributes(element);
          passed(event);
          return element;
        }
      }
      throw new IatiReadException("the file is empty: an IATI activities file has one <iati-activities> element", 1, 1, null);
    } catch (XMLStreamException e) {
      throw failure(e);
    } catch (IatiReadException e) {
      throw e;
    } catch (RuntimeException e) {
      throw parserFailure(e, reader);
    }
  }

  /**
   * The next child of {@code <iati-activities>} (an activity, or an extension element), or null
   * after the last; each is read whole, and nothing is kept once it is returned.
   */
  @Nullable XmlElement next() {
    if (finished) {
      return null;
    }
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT: {
            String namespace = namespace();
            String name = reader.getLocalName();
            // Anything else under the root (extension elements) is handed over as it passes too.
            XmlElement top = readSubtree(new XmlElement(namespace, name, root, root.nextRootChildIndex(namespace, name),
                startLine(), startColumn()));
            passed(XMLStreamConstants.END_ELEMENT);
            return top;
          }
          case XMLStreamConstants.END_ELEMENT:
            // </iati-activities> (or </iati-organisations>): read on to the end so that trailing garbage is an error too.
            while (reader.hasNext()) {
              int after = reader.next();
              if (after == XMLStreamConstants.DTD) {
                throw doctype();
              }
            }
            finished = true;
            return null;
          case XMLStreamConstants.CHARACTERS:
          case XMLStreamConstants.CDATA:
            root.appendText(reader.getText());
            passed(event);
            break;
          default:
            other(event);
            break;
        }
      }
      throw at("the file ends before </iati-activities>: it is truncated", reader.getLocation(), null);
    } catch (XMLStreamException e) {
      throw failure(e);
    } catch (IatiReadException e) {
      throw e;
    } catch (RuntimeException e) {
      throw parserFailure(e, reader);
    }
  }

  private XmlElement readSubtree(XmlElement top) throws XMLStreamException {
    copyAttributes(top);
    XmlElement[] stack = new XmlElement[MAX_DEPTH + 1];
    int depth = 0;
    stack[0] = top;
    int elements = 1;
    long text = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT: {
          if (depth + 1 >= MAX_DEPTH) {
            throw at("elements are nested more than " + MAX_DEPTH + " deep in " + top.path()
                + ": no IATI element is; the file is damaged or hostile", reader.getLocation(), null);
          }
          if (++elements > MAX_ELEMENTS_PER_ACTIVITY) {
            throw at(top.path() + " has more than " + MAX_ELEMENTS_PER_ACTIVITY
                + " elements: split it, or check that the file is not damaged", reader.getLocation(), null);
          }
          String namespace = namespace();
          XmlElement parent = stack[depth];
          XmlElement child = new XmlElement(namespace, reader.getLocalName(), parent, 0, startLine(), startColumn());
          copyAttributes(child);
          parent.children.add(child);
          stack[++depth] = child;
          passed(event);
          break;
        }
        case XMLStreamConstants.END_ELEMENT:
          if (depth == 0) {
            return top;
          }
          depth--;
          passed(event);
          break;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE: {
          String chars = reader.getText();
          text += chars.length();
          if (text > MAX_TEXT_PER_ACTIVITY) {
            throw at(top.path() + " holds more than " + MAX_TEXT_PER_ACTIVITY
                + " characters of text: check that the file is not damaged", reader.getLocation(), null);
          }
          stack[depth].appendText(chars);
          passed(event);
          break;
        }
        default:
          other(event);
          break;
      }
    }
    throw at("the file ends inside " + top.path() + ": it is truncated", reader.getLocation(), null);
  }

  /**
   * Any event but an element or text: an entity reference or a DOCTYPE is refused, the rest
   * (comments, processing instructions …) is passed over.
   */
  private void other(int event) {
    switch (event) {
      case XMLStreamConstants.ENTITY_REFERENCE:
        throw entity();
      case XMLStreamConstants.DTD:
        throw doctype();
      default:
        passed(event);
    }
  }

  private void passed(int event) {
    Location location = reader.getLocation();
    endLine = location.getLineNumber();
    endColumn = location.getColumnNumber();
    textEnded = event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE;
  }

  /** The namespace of the current element, "" for none. */
  private String namespace() {
    String namespace = reader.getNamespaceURI();
    return namespace == null ? "" : namespace;
  }

  private long startLine() {
    return endLine;
  }

  private long startColumn() {
    return textEnded ? Math.max(1, endColumn - 1) : endColumn;
  }

  private void copyAttributes(XmlElement element) {
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String namespace = reader.getAttributeNamespace(i);
      String local = reader.getAttributeLocalName(i);
      String qualified;
      if (XMLConstants.XML_NS_URI.equals(namespace)) {
        qualified = "xml:" + local;
      } else if (XmlElement.SSTC_NS.equals(namespace)) {
        qualified = "sstc:" + local;
      } else if (namespace != null && !namespace.isEmpty()) {
        qualified = "{" + namespace + "}" + local;
      } else {
        qualified = local;
      }
      element.putAttribute(qualified, reader.getAttributeValue(i));
    }
  }

  private IatiReadException doctype() {
    return at("the file has a DOCTYPE declaration: IATI files have none, and this reader refuses"
        + " DTDs so that no entity is ever expanded or fetched (XXE, \"billion laughs\");"
        + " remove the DOCTYPE", reader.getLocation(), null);
  }

  private IatiReadException entity() {
    return at("the file uses an entity reference that no DTD may define here; write the"
        + " character itself or a character reference (&#233;)", reader.getLocation(), null);
  }

  private static IatiReadException at(String message, @Nullable Location location, @Nullable Throwable cause) {
    long line = location == null ? -1 : location.getLineNumber();
    long column = location == null ? -1 : location.getColumnNumber();
    return new IatiReadException("line " + line + ", column " + column + ": " + message, line, column, cause);
  }

  /**
   * The JDK's parser sometimes fails on malformed input with an unchecked exception of its own
   * (a missing message resource in its DTD scanner, found by fuzzing): still a reading error.
   */
  private static IatiReadException parserFailure(RuntimeException e, @Nullable XMLStreamReader reader) {
    Location location = null;
    try {
      location = reader == null ? null : reader.getLocation();
    } catch (RuntimeException ignored) {
      // no position then
    }
    return at("the XML is not well-formed (the parser stopped with " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", location, e);
  }

  private IatiReadException failure(XMLStreamException e) {
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < 8; depth++) {
      if (cause instanceof Utf8Check.InvalidUtf8 invalid) {
        return new IatiReadException("line " + invalid.line + ", column " + invalid.column + ": " + invalid.getMessage()
            + ": save the file as UTF-8, or declare its encoding in the XML declaration", invalid.line, invalid.column, e);
      }
      cause = cause.getCause() != null ? cause.getCause()
          : cause instanceof XMLStreamException stream ? stream.getNestedException() : null;
    }
    Location location = e.getLocation();
    String message = e.getMessage() == null ? "" : e.getMessage();
    // The JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; keep only the message.
    int cut = message.indexOf("Message: ");
    if (cut >= 0) {
      message = message.substring(cut + "Message: ".length());
    }
    String hint = message.contains("DOCTYPE") || message.contains("DTD")
        ? " (this reader refuses DTDs so that no entity is ever expanded or fetched; remove the DOCTYPE)"
        : message.contains("must start and end within the same entity") || message.contains("end of file")
            ? " (the file is truncated: it ends before its elements are closed)"
            : "";
    return at("the XML is not well-formed: " + message.strip() + hint, location, e);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // closing a reader we no longer need: nothing to report
    }
  }
}
