package org.ssmworkbench.report;

/**
 * One figure of the report: inline in the page and exported as {@code figures/NAME.svg}.
 *
 * @param name    file name without extension, unique in the report ("forest-accuracy")
 * @param kind    "overview", "forest", "theory" or "evidence"
 * @param caption a caption for people
 * @param svg     the {@code <svg>} element (well-formed XML)
 */
public record Figure(String name, String kind, String caption, String svg) {

    /** The standalone file: an XML declaration, the SVG, a final newline. */
    public byte[] file() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The path inside the output folder. */
    public String path() {
        return "figures/" + name + ".svg";
    }
}
