package org.cameraregistry.chassis.security;

/**
 * What Spring Security's firewall lets through in a header, decided a character at a time rather
 * than by its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), which on a bearer
 * token's 800 characters cost more than a search (docs/benchmarks.md). The same rules: every code
 * point assigned in Unicode and no control character, but for a tab in a value.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** A header's or a parameter's name: assigned characters, none of them a control. */
    static boolean isAllowedName(String name) {
        return name == null || name.codePoints().allMatch(HeaderCharacters::isAssignedNonControl);
    }

    /** A header's value: as a name, and tabs too. */
    static boolean isAllowedValue(String value) {
        return value == null || value.codePoints().allMatch(point -> point == '\t' || isAssignedNonControl(point));
    }

    private static boolean isAssignedNonControl(int point) {
        int type = Character.getType(point);
        return type != Character.UNASSIGNED && type != Character.CONTROL;
    }
}
