package org.cameraregistry.identity.department;

import java.util.regex.Pattern;

/**
 * A police department whose staff use the registry.
 *
 * @param id   as staff tokens name it in their {@code department} claim, and the API in its paths:
 *             lower-case letters, digits and hyphens, such as {@code dallas}
 * @param name as people read it, such as "Dallas Police Department"
 */
public record Department(String id, String name) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
