package dev.fluxion.landscapes;

import java.util.List;

/**
 * A family of landscapes behind one name, found by {@link java.util.ServiceLoader}: list an implementation in
 * {@code META-INF/services/dev.fluxion.landscapes.LandscapeProvider} and it joins the {@link LandscapeRegistry}.
 * The provider states its typed parameters; the registry parses and checks a spec against them and hands the
 * values to {@link #create(Arguments)}.
 */
public interface LandscapeProvider {

    /** The name used in specs, such as {@code rosenbrock}. */
    String name();

    /** One line on what the landscape is. */
    String description();

    /** The parameters, in the order positional arguments bind to them; none by default. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** The landscape for checked parameter values (every parameter present). */
    Landscape create(Arguments arguments);

    /** The landscape with every parameter at its default. */
    default Landscape create() {
        return create(Arguments.defaults(this));
    }
}
