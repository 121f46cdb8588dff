package org.optlab.plot;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one SVG document. XML escaping and well-formedness are the JDK's StAX writer's (its
 * built-in implementation, asked for by name so that another one on the classpath cannot change the
 * bytes); this class adds the SVG root, attribute pairs and a line break between elements so that
 * the output is readable and diffs well.
 */
final class SvgWriter {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final XMLStreamWriter xml;
    private int depth;

    SvgWriter(int width, int height, double fontSize, String title) {
        try {
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        open(
                "svg",
                "xmlns",
                SVG_NAMESPACE,
                "width",
                Integer.toString(width),
                "height",
                Integer.toString(height),
                "viewBox",
                "0 0 " + width + " " + height,
                "font-family",
                "DejaVu Sans, Helvetica, Arial, sans-serif",
                "font-size",
                Numbers.px(fontSize));
        element("title", title);
        empty("rect", "class", "background", "width", "100%", "height", "100%", "fill", "#ffffff");
    }

    /** Opens an element with attributes given as name, value pairs (null values are left out). */
    SvgWriter open(String name, String... attributes) {
        try {
            newline();
            xml.writeStartElement(name);
            attributes(attributes);
            depth++;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    SvgWriter empty(String name, String... attributes) {
        try {
            newline();
            xml.writeEmptyElement(name);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** An element holding only text. */
    SvgWriter element(String name, String text, String... attributes) {
        try {
            newline();
            xml.writeStartElement(name);
            attributes(attributes);
            xml.writeCharacters(text);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    SvgWriter close() {
        try {
            depth--;
            newline();
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Closes every open element and returns the document. */
    byte[] finish() {
        try {
            while (depth > 0) {
                close();
            }
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private void attributes(String... attributes) throws XMLStreamException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            if (attributes[i].equals("xmlns")) {
                xml.writeDefaultNamespace(attributes[i + 1]);
            } else {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }

    private void newline() throws XMLStreamException {
        xml.writeCharacters("\n");
    }
}
