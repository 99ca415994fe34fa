package dev.fluxion.landscapes.catalog.mgh;

/** The references the problems cite, written once. */
final class References {
    static final String MGH = "Moré, J. J., Garbow, B. S. and Hillstrom, K. E. (1981). Testing unconstrained"
            + " optimization software. ACM Transactions on Mathematical Software 7(1), 17-41";
    static final String ALGORITHM_566 = "Moré, J. J., Garbow, B. S. and Hillstrom, K. E. (1981). Algorithm 566:"
            + " FORTRAN subroutines for testing unconstrained optimization software. ACM Transactions on"
            + " Mathematical Software 7(1), 136-140";
    static final String MINPACK = "MINPACK-1 test drivers for lmder and hybrd (Moré, Garbow and Hillstrom, Argonne,"
            + " 1980): the reference output of initial and final residual norms and final points, as kept in cminpack's"
            + " examples/ref/lmddrv.fortran.ref and hybdrv.fortran.ref";
    static final String GONUM = "Gonum, package optimize/functions (functions.go, functions_test.go): values and"
            + " gradients at the standard starts, minimizers to 16 digits";
    static final String NEWTON_REFINED = "coordinates pinned down here by Newton's method on the gradient from the"
            + " digits given";

    private References() {
    }
}
