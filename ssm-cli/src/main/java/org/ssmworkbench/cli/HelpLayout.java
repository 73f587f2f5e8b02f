package org.ssmworkbench.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text that wraps at spaces only. picocli wraps with the JDK's line {@link java.text.BreakIterator},
 * whose rules allow a break after a full stop, slash, comma or hyphen inside a word, so at some widths a file
 * name came out as "checklist. yaml". While the help is laid out, such a '.', '/' or ',' is replaced by
 * a look-alike that is not a break opportunity (U+2024, U+2215, U+FE50, U+2011); every rendered section gets
 * the real characters back. Nothing else of picocli's layout changes.
 */
final class HelpLayout {

    private static final char DOT = '\u2024';
    private static final char SLASH = '\u2215';
    private static final char COMMA = '\uFE50';
    private static final char HYPHEN = '\u2011';
    private static final Pattern INNER_DOT = Pattern.compile("(?<=\\S)\\.(?=[\\w*`'\"(\\[-])");
    private static final Pattern INNER_SLASH = Pattern.compile("(?<=\\S)/(?=\\S)");
    private static final Pattern INNER_COMMA = Pattern.compile("(?<=\\S),(?=\\S)");
    private static final Pattern INNER_HYPHEN = Pattern.compile("(?<=\\S)-(?=\\S)");

    private HelpLayout() {
    }

    /** Applies the wrapping to the command line and all its subcommands. */
    static void apply(CommandLine cl) {
        cl.setHelpFactory(Glued::new);
        apply0(cl);
    }

    private static void apply0(CommandLine cl) {
        UsageMessageSpec u = cl.getCommandSpec().usageMessage();
        u.header(glue(u.header()));
        u.description(glue(u.description()));
        u.footer(glue(u.footer()));
        Map<String, String> codes = new LinkedHashMap<>();
        u.exitCodeList().forEach((k, v) -> codes.put(k, glue(v)));
        u.exitCodeList(codes);
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(cl.getHelpSectionMap());
        sections.replaceAll((key, renderer) -> help -> unglue(renderer.render(help)));
        cl.setHelpSectionMap(sections);
        cl.getSubcommands().values().forEach(HelpLayout::apply0);
    }

    static String glue(String s) {
        String dots = INNER_DOT.matcher(s).replaceAll(String.valueOf(DOT));
        String slashes = INNER_SLASH.matcher(dots).replaceAll(String.valueOf(SLASH));
        String commas = INNER_COMMA.matcher(slashes).replaceAll(String.valueOf(COMMA));
        return INNER_HYPHEN.matcher(commas).replaceAll(String.valueOf(HYPHEN));
    }

    private static String[] glue(String[] lines) {
        String[] out = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            out[i] = glue(lines[i]);
        }
        return out;
    }

    static String unglue(String s) {
        return s.replace(DOT, '.').replace(SLASH, '/').replace(COMMA, ',').replace(HYPHEN, '-');
    }

    /** picocli's help, with the option and parameter descriptions and the key-value tables glued. */
    private static final class Glued extends Help {

        Glued(CommandSpec spec, ColorScheme scheme) {
            super(spec, scheme);
        }

        @Override
        public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                ColorScheme scheme) {
            Layout base = super.createDefaultLayout(options, positionals, scheme);
            return new Layout(scheme, copy(base.textTable(), scheme), base.optionRenderer(), base.parameterRenderer());
        }

        @Override
        public TextTable createTextTable(Map<?, ?> map) {
            Map<Object, Object> keysOnly = new LinkedHashMap<>();
            map.keySet().forEach(k -> keysOnly.put(k, ""));
            TextTable t = copy(super.createTextTable(keysOnly), colorScheme());
            map.forEach((k, v) -> t.addRowValues(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            return t;
        }

        private static TextTable copy(TextTable base, ColorScheme scheme) {
            TextTable t = new GluedTable(scheme, base.columns());
            t.indentWrappedLines = base.indentWrappedLines;
            t.setAdjustLineBreaksForWideCJKCharacters(base.isAdjustLineBreaksForWideCJKCharacters());
            return t;
        }
    }

    private static final class GluedTable extends TextTable {

        private final ColorScheme scheme;

        GluedTable(ColorScheme scheme, Help.Column[] columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        @Override
        public Cell putValue(int row, int col, Help.Ansi.Text value) {
            String plain = value.plainString();
            String glued = glue(plain);
            return super.putValue(row, col, glued.equals(plain) ? value : scheme.text(glued));
        }
    }
}
