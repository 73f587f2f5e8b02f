package org.ssmworkbench.cli.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ssmworkbench.report.FigureOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The figure options of every command that writes the report (`ssm report`, `ssm synthesize --report`). */
public final class FigureFlags {

    /** A file format of the figures. */
    public enum Format {
        svg, pdf, png
    }

    @Option(names = "--figure-format", paramLabel = "FORMATS", split = ",", hideParamSyntax = true,
            description = {"Figure files to write besides figures/*.svg, comma-separated: pdf (vector, fonts",
                "embedded), png (300 dpi); e.g. --figure-format pdf,png. Default: svg only,",
                "or all three when --figure-width is given."})
    private List<Format> formats = List.of();

    @Option(names = "--figure-width", paramLabel = "WIDTH", converter = WidthConverter.class,
            description = {"Width of the PDF and PNG figures, e.g. 170mm, 17cm or 6.5in (the height",
                "follows). Default: each figure's own size at 96 px per inch."})
    private Double widthMm;

    @Option(names = "--shared-axis",
            description = {"Give every forest plot the same columns and the same axis limits, so",
                "that stacked plots line up."})
    private boolean sharedAxis;

    @Option(names = "--evidence-files",
            description = {"Also in a report of more than 200 evidence models, write each evidence-model",
                "diagram as a figure file of its own in figures/, as a smaller report does; by",
                "default such a report draws them only in its pages of diagrams."})
    private boolean evidenceFiles;

    /** The figure options given on the command line, by name ("--figure-width", …); empty when none. */
    public List<String> given() {
        List<String> g = new java.util.ArrayList<>();
        if (!formats.isEmpty()) {
            g.add("--figure-format");
        }
        if (widthMm != null) {
            g.add("--figure-width");
        }
        if (sharedAxis) {
            g.add("--shared-axis");
        }
        if (evidenceFiles) {
            g.add("--evidence-files");
        }
        return g;
    }

    /** The options as the report takes them. */
    public FigureOptions options() {
        Set<Format> f = formats.isEmpty() ? (widthMm != null ? EnumSet.allOf(Format.class) : EnumSet.of(Format.svg))
                : EnumSet.copyOf(formats);
        return new FigureOptions(widthMm == null ? Double.NaN : widthMm, f.contains(Format.pdf), f.contains(Format.png),
                sharedAxis, evidenceFiles);
    }

    /** "170mm", "6.5in", "17cm" to millimetres. */
    public static final class WidthConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return FigureOptions.parseWidth(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
