package dev.fluxion.landscapes;

import java.util.List;

/**
 * One line of the registry's listing: a landscape's name, description and parameters, and the facts of its
 * default instance.
 *
 * @param name the name used in specs
 * @param description one line on what it is
 * @param parameters its typed parameters
 * @param facts the facts of the landscape with every parameter at its default
 */
public record CatalogEntry(String name, String description, List<Parameter> parameters, Facts facts) {

    /** Copies the parameters. */
    public CatalogEntry {
        parameters = List.copyOf(parameters);
    }
}
