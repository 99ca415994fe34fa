package dev.fluxion.landscapes.catalog;

/** The references the catalog cites most, written once. */
final class Sources {
    static final String SFU = "Surjanovic, S. and Bingham, D. (2013). Virtual Library of Simulation Experiments:"
            + " Test Functions and Datasets. Simon Fraser University, www.sfu.ca/~ssurjano";
    static final String JAMIL_YANG = "Jamil, M. and Yang, X.-S. (2013). A literature survey of benchmark functions"
            + " for global optimisation problems. Int. J. Mathematical Modelling and Numerical Optimisation 4(2),"
            + " 150-194";
    static final String DIXON_SZEGO = "Dixon, L. C. W. and Szego, G. P. (1978). The global optimization problem:"
            + " an introduction. In Towards Global Optimization 2, North-Holland, 1-15";
    static final String NESTEROV = "Nesterov, Y. (2004). Introductory Lectures on Convex Optimization: A Basic"
            + " Course. Kluwer, section 2.1";
    static final String NEWTON_REFINED = "coordinates refined here by Newton's method on the gradient from the"
            + " published digits";

    private Sources() {
    }
}
