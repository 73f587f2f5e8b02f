package org.ssmworkbench.report;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Well-formedness checks of SVG with the JDK's XML parser (no DTDs, no external entities). */
final class SvgXml {

    private SvgXml() {
    }

    /**
     * Parses {@code bytes} as a namespace-aware XML document.
     *
     * @throws AssertionError naming the problem if it is not well-formed
     */
    static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            String head = new String(bytes, 0, Math.min(200, bytes.length), java.nio.charset.StandardCharsets.UTF_8);
            throw new AssertionError("not well-formed XML (" + e.getMessage() + "): " + head, e);
        }
    }

    /** Every {@code <svg …>…</svg>} element of an HTML page (figures do not nest). */
    static List<String> inlineSvgs(String html) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int a = html.indexOf("<svg ", from);
            if (a < 0) {
                return out;
            }
            int b = html.indexOf("</svg>", a);
            out.add(html.substring(a, b + "</svg>".length()));
            from = b;
        }
    }
}
