package dev.fluxion.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.optimizers.named.Adam;
import dev.fluxion.optimizers.schedule.ConstantSchedule;
import dev.fluxion.optimizers.schedule.Schedule;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The typed factories as a Java user calls them: {@code Optimizers.adam()} with the paper's defaults, withers that
 * chain ({@code adam().lr(0.01).beta2(0.99)}), one wither per hyperparameter on every built-in optimizer and building
 * block, and the registry's providers building the very values the factories give.
 */
class TypedFactoriesJavaTest {

    @Test
    void adamHasThePapersDefaultsAndWithersChain() {
        Adam adam = Optimizers.adam();
        // Kingma and Ba (2015), Algorithm 1: alpha = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
        assertEquals(new ConstantSchedule(0.001), adam.lr());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-8, adam.eps());
        assertEquals(false, adam.epsInsideSqrt());
        assertEquals(true, adam.biasCorrection());

        Adam tuned = Optimizers.adam().lr(0.01).beta2(0.99);
        assertEquals(new Adam(new ConstantSchedule(0.01), 0.9, 0.99, 1e-8, false, true), tuned);
        assertEquals(Optimizers.parse("adam(lr=0.01, beta2=0.99)"), tuned);
        assertEquals("adam(lr=0.01, beta1=0.9, beta2=0.99, eps=1.0E-8, epsInsideSqrt=false, biasCorrection=true)",
                tuned.spec());
        // a wither leaves the value it was called on as it was
        assertEquals(0.999, adam.beta2());

        Optimizer clipped = Optimizers.chain(Optimizers.clip().norm(10.0), Optimizers.momentum().lr(1e-3));
        assertEquals(Optimizers.parse("chain(clip(norm=10), momentum(lr=0.001))"), clipped);
    }

    @Test
    void aWitherRefusesAnOutOfRangeValueAsTheSpecDoes() {
        OptimizerException typed = assertThrows(OptimizerException.class, () -> Optimizers.adam().beta1(1.5));
        assertEquals("adam: hyperparameter beta1 = 1.5 is out of range; beta1 must be a real number in [0, 1)",
                typed.getMessage());
        OptimizerException text = assertThrows(OptimizerException.class,
                () -> Optimizers.parse("adam(beta1=1.5)"));
        assertEquals(typed.getMessage(), text.getMessage().replace(" (column 12)", ""));
    }

    /**
     * Every built-in record has, for each of its components, a public wither of the component's name that takes the
     * component's type and returns the record's type, and one taking a {@code double} for a learning rate.
     */
    @Test
    void everyHyperparameterOfEveryBuiltInHasAWither() throws NoSuchMethodException {
        List<String> missing = new ArrayList<>();
        int withers = 0;
        for (Signature<? extends Transform> signature : Optimizers.BUILT_IN) {
            Class<?> type = signature.type();
            for (RecordComponent component : type.getRecordComponents()) {
                List<Class<?>> accepted = new ArrayList<>(List.of(component.getType()));
                if (component.getType() == Schedule.class) {
                    accepted.add(double.class);
                }
                for (Class<?> parameter : accepted) {
                    try {
                        Method wither = type.getMethod(component.getName(), parameter);
                        assertEquals(type, wither.getReturnType(), type.getSimpleName() + "." + component.getName());
                        assertTrue(!Modifier.isStatic(wither.getModifiers()));
                        withers++;
                    } catch (NoSuchMethodException e) {
                        missing.add(type.getSimpleName() + "." + component.getName() + "(" + parameter.getSimpleName()
                                + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(withers > 100, "withers counted: " + withers);
    }

    /** The withers of Schedule-Free and Prodigy change one hyperparameter each, as a spec naming it alone does. */
    @Test
    void scheduleFreeAndProdigyHaveAWitherPerHyperparameter() {
        assertEquals(Optimizers.parse("prodigy(beta1=0.95, beta2=0.99, weightDecay=0.01, decouple=false, d0=1e-5,"
                        + " dCoef=2, growthRate=1.02)"),
                Optimizers.prodigy().beta1(0.95).beta2(0.99).weightDecay(0.01).decouple(false).d0(1e-5).dCoef(2)
                        .growthRate(1.02));
        assertEquals(Optimizers.parse("prodigy(beta2=0.99)"), Optimizers.prodigy().beta2(0.99));
        assertEquals(Optimizers.parse("scheduleFreeSgd(warmupSteps=10, warmupForm=optax, weightLrPower=1, r=0.5)"),
                Optimizers.scheduleFreeSgd().warmupSteps(10).warmupForm("optax").weightLrPower(1).r(0.5));
        assertEquals(Optimizers.parse("scheduleFreeAdamw(r=0.5)"), Optimizers.scheduleFreeAdamw().r(0.5));
        assertEquals(Optimizers.parse("scheduleFreeAdamw(warmupForm=optax, weightLrPower=0)"),
                Optimizers.scheduleFreeAdamw().warmupForm("optax").weightLrPower(0));
        assertEquals(Optimizers.parse("scheduleFree(warmupSteps=5, r=1)"),
                Optimizer.of(Optimizers.scheduleFree().warmupSteps(5).r(1)));
        OptimizerException typed = assertThrows(OptimizerException.class, () -> Optimizers.prodigy().d0(0));
        OptimizerException text = assertThrows(OptimizerException.class, () -> Optimizers.parse("prodigy(d0=0.0)"));
        assertEquals(typed.getMessage(), text.getMessage().replaceAll(" \\(column \\d+\\)", ""));
    }

    /**
     * Each built-in provider builds, from its bare name, the value its record's DEFAULT holds; a record without one
     * has a hyperparameter with no default, and its bare name is refused naming it.
     */
    @Test
    void theProvidersBuildTheFactoriesValues() throws IllegalAccessException {
        for (Signature<? extends Transform> signature : Optimizers.BUILT_IN) {
            Object defaults;
            try {
                defaults = signature.type().getField("DEFAULT").get(null);
            } catch (NoSuchFieldException e) {
                assertTrue(signature.hyperparameters().stream().anyMatch(h -> h.defaultValue() == null),
                        signature.name() + " has no DEFAULT although every hyperparameter has a default");
                continue;
            }
            assertEquals(Optimizer.of((Transform) defaults), Optimizers.parse(signature.name()), signature.name());
        }
    }
}
