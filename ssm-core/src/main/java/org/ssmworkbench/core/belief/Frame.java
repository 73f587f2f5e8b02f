package org.ssmworkbench.core.belief;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A frame of discernment: an ordered list of at most 64 named atoms.
 *
 * <p>A subset of the frame is a {@code long} bit mask: bit {@code i} set means atom {@code i} is in
 * the set. Atom names are matched case-insensitively, with runs of white space counted as one space. A frame may also carry <em>aliases</em>:
 * extra names that stand for a whole subset (the SSM frame uses them for its intensity labels).
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Frame {

    /** The largest number of atoms a frame can hold (one bit per atom in a {@code long}). */
    public static final int MAX_ATOMS = 64;

    private final List<String> atoms;
    private final Map<String, Long> lookup;
    private final Map<String, Long> aliases;
    private final long theta;

    private Frame(List<String> atoms, Map<String, Long> aliases) {
        this.atoms = List.copyOf(atoms);
        this.theta = atoms.size() == MAX_ATOMS ? -1L : (1L << atoms.size()) - 1;
        Map<String, Long> names = new HashMap<>();
        for (int i = 0; i < atoms.size(); i++) {
            names.put(key(atoms.get(i)), 1L << i);
        }
        Map<String, Long> aliasCopy = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : aliases.entrySet()) {
            String k = key(e.getKey());
            if (names.containsKey(k)) {
                throw new IllegalArgumentException("alias '" + e.getKey() + "' clashes with an atom name");
            }
            if ((e.getValue() & ~theta) != 0) {
                throw new IllegalArgumentException("alias '" + e.getKey() + "' names atoms outside the frame");
            }
            aliasCopy.put(k, e.getValue());
        }
        names.putAll(aliasCopy);
        this.lookup = Map.copyOf(names);
        this.aliases = Collections.unmodifiableMap(aliasCopy);
    }

    /**
     * Creates a frame of the given atoms, in the given (bit) order.
     *
     * @throws FrameException if there are no atoms, more than 64, a blank or duplicate name
     *     (case-insensitively), or a name containing a comma
     */
    public static Frame of(List<String> atoms) {
        Objects.requireNonNull(atoms, "atoms");
        validateAtoms(atoms);
        return new Frame(atoms, Map.of());
    }

    /** Creates a frame of the given atoms; see {@link #of(List)}. */
    public static Frame of(String... atoms) {
        return of(List.of(atoms));
    }

    /**
     * Creates a frame with aliases: extra (case-insensitive) names that each stand for a subset.
     *
     * @throws FrameException if the atoms are invalid (see {@link #of(List)})
     * @throws IllegalArgumentException if an alias clashes with an atom or names atoms outside the frame
     */
    public static Frame withAliases(List<String> atoms, Map<String, Long> aliases) {
        validateAtoms(atoms);
        return new Frame(atoms, aliases);
    }

    private static void validateAtoms(List<String> atoms) {
        if (atoms.isEmpty()) {
            throw new FrameException("a frame needs at least one atom");
        }
        if (atoms.size() > MAX_ATOMS) {
            throw new FrameException("a frame holds at most " + MAX_ATOMS + " atoms, got " + atoms.size());
        }
        Map<String, String> seen = new HashMap<>();
        for (String a : atoms) {
            if (a == null || a.isBlank()) {
                throw new FrameException("atom names must not be blank");
            }
            if (a.contains(",")) {
                throw new FrameException("atom name '" + a + "' must not contain a comma");
            }
            if (!a.equals(a.strip())) {
                throw new FrameException("atom name '" + a + "' must not start or end with spaces");
            }
            String prev = seen.put(key(a), a);
            if (prev != null) {
                throw new FrameException("atom '" + a + "' appears twice in the frame");
            }
        }
    }

    private static String key(String name) {
        if (isSimple(name)) {
            return name.toLowerCase(Locale.ROOT);
        }
        return WHITESPACE.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** Whether the regex path would change nothing: no white space at the ends, only single spaces inside. */
    private static boolean isSimple(String name) {
        int n = name.length();
        if (n == 0 || name.charAt(0) == ' ' || name.charAt(n - 1) == ' ') {
            return false;
        }
        char prev = 'x';
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == ' ' ? prev == ' ' : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
            prev = c;
        }
        return true;
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /** Number of atoms. */
    public int size() {
        return atoms.size();
    }

    /** The atom names in bit order. */
    public List<String> atoms() {
        return atoms;
    }

    /** Name of atom {@code index}. */
    public String atom(int index) {
        return atoms.get(index);
    }

    /** The aliases of this frame (lower-cased name to subset), in declaration order. */
    public Map<String, Long> aliases() {
        return aliases;
    }

    /** The whole frame Θ as a mask. */
    public long theta() {
        return theta;
    }

    /** Whether {@code set} lies inside this frame. */
    public boolean contains(long set) {
        return (set & ~theta) == 0;
    }

    /** Number of atoms in {@code set}. */
    public static int cardinality(long set) {
        return Long.bitCount(set);
    }

    /**
     * The mask of one atom or alias name (case-insensitive).
     *
     * @throws FrameException if the name is not an atom or alias of this frame
     */
    public long element(String name) {
        Long m = lookup.get(key(name));
        if (m == null) {
            throw new FrameException("unknown atom '" + name.strip() + "' (frame: " + String.join(", ", atoms) + ")");
        }
        return m;
    }

    /**
     * Parses a focal-set key: atom names (or aliases) joined by commas, order and surrounding spaces
     * ignored; the empty or blank string is the empty set. A key that is a whole alias (such as an
     * SSM label with a comma-free text) is resolved first.
     *
     * @throws FrameException naming the unknown part
     */
    public long parse(String key) {
        Objects.requireNonNull(key, "key");
        String trimmed = key.strip();
        if (trimmed.isEmpty()) {
            return 0L;
        }
        Long whole = lookup.get(key(trimmed));
        if (whole != null) {
            return whole;
        }
        long mask = 0L;
        for (String part : trimmed.split(",", -1)) {
            if (part.isBlank()) {
                throw new FrameException("empty atom name in focal set '" + key + "'");
            }
            Long m = lookup.get(key(part));
            if (m == null) {
                throw new FrameException("unknown atom '" + part.strip() + "' in focal set '" + key
                        + "' (frame: " + String.join(", ", atoms) + ")");
            }
            mask |= m;
        }
        return mask;
    }

    /** Canonical key of a set: its atom names in frame order, comma-joined ("" for ∅). */
    public String format(long set) {
        if (!contains(set)) {
            throw new IllegalArgumentException("set " + Long.toBinaryString(set) + " lies outside the frame");
        }
        StringBuilder sb = new StringBuilder();
        long rest = set;
        while (rest != 0) {
            int i = Long.numberOfTrailingZeros(rest);
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(atoms.get(i));
            rest &= rest - 1;
        }
        return sb.toString();
    }

    /** The atom names of a set, in frame order. */
    public List<String> names(long set) {
        List<String> out = new ArrayList<>(Long.bitCount(set));
        long rest = set;
        while (rest != 0) {
            out.add(atoms.get(Long.numberOfTrailingZeros(rest)));
            rest &= rest - 1;
        }
        return out;
    }

    /**
     * Two frames are equal when they have the same atoms in the same order (names compared exactly);
     * aliases are only extra names for input, so functions on the SSM frame with or without its label
     * aliases combine.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.atoms.equals(atoms);
    }

    @Override
    public int hashCode() {
        return atoms.hashCode();
    }

    @Override
    public String toString() {
        return "Frame" + atoms;
    }
}
