import dev.fluxion.lab.api.Rates;
import dev.fluxion.lab.report.Figures;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Gradient descent's convergence rate against the condition number kappa = L / mu of a quadratic: with lr = 1 / L
 * the flattest direction contracts by 1 - 1 / kappa per step, with the best constant step lr = 2 / (mu + L) every
 * direction by (kappa - 1) / (kappa + 1). Either way 1 - rate falls like 1 / kappa.
 *
 * <p>Run: {@code fluxion script ConditionNumberRate.java OUTPUT_FOLDER}. A rates study (as {@code fluxion rates})
 * fits both rules' rates on the two-dimensional quadratics for kappa from 2 to 1000, prints them beside the theory,
 * and writes {@code condition-number-rate.svg}: 1 - rate against kappa, fitted and theoretical.
 */
public class ConditionNumberRate {
    public static void main(String[] args) {
        var rows = Rates.builder().rules("gd@1/L", "gd@2/(L+mu)").kappas(2, 5, 10, 20, 50, 100, 200, 500, 1000)
                .dimension(2).threads(1).run().rateRows();
        int n = rows.size() / 2; // rule by rule: gd@1/L at each kappa, then gd@2/(L+mu)
        System.out.println("kappa   rate lr=1/L  1 - 1/kappa   rate lr=2/(mu+L)  (kappa-1)/(kappa+1)");
        for (int i = 0; i < n; i++) {
            var plain = rows.get(i);
            var best = rows.get(n + i);
            System.out.printf(Locale.ROOT, "%-7.0f %.6f     %.6f      %.6f          %.6f%n", plain.getKappa(),
                    plain.getFittedRate(), plain.getTheoreticalRate(), best.getFittedRate(), best.getTheoreticalRate());
        }
        System.out.printf(Locale.ROOT, "largest deviation from theory = %.3e%n",
                rows.stream().mapToDouble(r -> Math.abs(r.getFittedRate() - r.getTheoreticalRate())).max().getAsDouble());
        // 1 - rate = 2 / (kappa + 1) for the best step: the slope against log kappa tends to -1
        var at100 = rows.get(2 * n - 4);
        var at1000 = rows.get(2 * n - 1);
        System.out.printf(Locale.ROOT, "slope of log(1 - rate) against log kappa = %.4f%n",
                Math.log10((1 - at1000.getFittedRate()) / (1 - at100.getFittedRate()))); // one decade of kappa
        System.out.printf(Locale.ROOT, "steps to f - f* <= 1e-8 at kappa = 1000 with lr = 2/(mu+L): %d (predicted %.0f)%n",
                at1000.getStepsToTarget(), at1000.getPredictedSteps());
        System.out.println("figure: " + Figures.rates(rows).save(Path.of(args[0], "condition-number-rate.svg")));
    }
}
