package org.ssmworkbench.io.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The units the ingest readers convert between: each unit by name, its quantity and its factor to the
 * quantity's base unit (J, s, W, B). A unit not in the table (%, MHz, a run table's own column) is kept
 * as written and can only be "converted" to itself.
 */
final class Units {

    /** A named unit: {@code value_in_base = value × factor}. */
    record Unit(String name, String quantity, double factor) {
    }

    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();

    static {
        energy("uJ", 1e-6);
        energy("µJ", 1e-6);
        energy("mJ", 1e-3);
        energy("J", 1.0);
        energy("kJ", 1e3);
        energy("Wh", 3600.0);
        energy("kWh", 3.6e6);
        add("us", "time", 1e-6);
        add("µs", "time", 1e-6);
        add("ms", "time", 1e-3);
        add("s", "time", 1.0);
        add("min", "time", 60.0);
        add("h", "time", 3600.0);
        add("mW", "power", 1e-3);
        add("W", "power", 1.0);
        add("kW", "power", 1e3);
        add("B", "memory", 1.0);
        add("KiB", "memory", 1024.0);
        add("MiB", "memory", 1024.0 * 1024.0);
        add("GiB", "memory", 1024.0 * 1024.0 * 1024.0);
        add("kB", "memory", 1e3);
        add("MB", "memory", 1e6);
        add("GB", "memory", 1e9);
        add("g", "mass", 1e-3);
        add("kg", "mass", 1.0);
    }

    private Units() {
    }

    private static void energy(String name, double factor) {
        add(name, "energy", factor);
    }

    private static void add(String name, String quantity, double factor) {
        UNITS.put(name, new Unit(name, quantity, factor));
    }

    /** The unit of that name, if the table knows it. */
    static Optional<Unit> of(String name) {
        return Optional.ofNullable(UNITS.get(name));
    }

    /** The known unit names, for messages. */
    static String known() {
        return String.join(", ", UNITS.keySet());
    }

    /**
     * The factor that turns a value in {@code from} into one in {@code to}.
     *
     * @throws IllegalArgumentException naming both units if they are not of one quantity
     */
    static double factor(String from, String to) {
        if (from.equals(to)) {
            return 1.0;
        }
        Unit f = UNITS.get(from);
        Unit t = UNITS.get(to);
        if (f == null || t == null || !f.quantity().equals(t.quantity())) {
            String what = f == null ? "'" + from + "' (not a unit this tool converts)" : "'" + from + "' ("
                    + f.quantity() + ")";
            String into = t == null ? "'" + to + "' (not a unit this tool converts; known: " + known() + ")"
                    : "'" + to + "' (" + t.quantity() + ")";
            throw new IllegalArgumentException("cannot convert " + what + " into " + into);
        }
        return f.factor() / t.factor();
    }

    /** The unit of the integral over time of a value in {@code unit} (W → J), or empty. */
    static Optional<String> integral(String unit) {
        Unit u = UNITS.get(unit);
        if (u != null && u.quantity().equals("power")) {
            return Optional.of("J");
        }
        return Optional.empty();
    }

    /** The base unit of that unit's quantity (J for kWh), or the unit itself when unknown. */
    static String base(String unit) {
        Unit u = UNITS.get(unit);
        if (u == null) {
            return unit;
        }
        return switch (u.quantity()) {
            case "energy" -> "J";
            case "time" -> "s";
            case "power" -> "W";
            case "memory" -> "B";
            case "mass" -> "kg";
            default -> unit;
        };
    }
}
