package org.optlab.compute.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The single-pass forms of Adam and SGD against the passes PyTorch makes (one array operation at a
 * time, as {@code torch.optim} writes them): equal bit for bit, and Adam's running powers of β₁
 * and β₂ within a few roundings of {@code Math.pow}.
 */
class FusedStepTest {

    private static final class Steps implements StepContext {
        int step;

        @Override
        public int step() {
            return step;
        }

        @Override
        public void gradientAt(double[] point, double[] out) {
            throw new UnsupportedOperationException("not a lookahead rule");
        }
    }

    private static double[] random(SplittableRandom random, int n) {
        return random.doubles(n, -2, 2).toArray();
    }

    @ParameterizedTest(name = "momentum {0}, dampening {1}, nesterov {2}, weight decay {3}")
    @CsvSource({"0, 0, false, 0", "0.9, 0, false, 0", "0.9, 0.1, false, 0.01", "0.9, 0, true, 0", "0.5, 0, true, 0.1"})
    void sgdStepsAreThoseOfPyTorchsPasses(double momentum, double dampening, boolean nesterov, double weightDecay) {
        Sgd sgd = new Sgd(0.01, momentum, dampening, nesterov, weightDecay, false);
        SplittableRandom random = new SplittableRandom(7);
        int n = 37;
        double[] w = random(random, n);
        double[] expected = w.clone();
        double[] buffer = new double[n];
        Sgd.State state = sgd.init(n);
        Steps steps = new Steps();
        for (int t = 0; t < 20; t++) {
            double[] g = random(random, n);
            double[] d = g.clone();
            // torch.optim.SGD, one tensor operation after another.
            for (int i = 0; i < n; i++) {
                d[i] = d[i] + weightDecay * expected[i];
            }
            if (momentum != 0) {
                for (int i = 0; i < n; i++) {
                    buffer[i] = t == 0 ? d[i] : buffer[i] * momentum + (1 - dampening) * d[i];
                }
                for (int i = 0; i < n; i++) {
                    d[i] = nesterov ? d[i] + momentum * buffer[i] : buffer[i];
                }
            }
            for (int i = 0; i < n; i++) {
                expected[i] = expected[i] + -0.01 * d[i];
            }
            steps.step = t;
            sgd.update(state, w, g, 0.01, steps);
            assertThat(w).as("step %d", t).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "decoupled {0}, amsgrad {1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void adamStepsAreThoseOfPyTorchsPassesForTheSamePowers(boolean decoupled, boolean amsgrad) {
        Adam adam = new Adam(0.01, 0.9, 0.999, 1e-8, decoupled ? 0.01 : 0, amsgrad, decoupled, false);
        SplittableRandom random = new SplittableRandom(11);
        int n = 29;
        double[] w = random(random, n);
        double[] expected = w.clone();
        double[] m = new double[n];
        double[] v = new double[n];
        double[] maxV = new double[n];
        Adam.State state = adam.init(n);
        Steps steps = new Steps();
        for (int t = 0; t < 200; t++) {
            double[] g = random(random, n);
            steps.step = t;
            adam.update(state, w, g.clone(), 0.01, steps);
            // torch.optim.Adam, pass by pass, with the powers the state used.
            double[] d = g.clone();
            if (decoupled) {
                for (int i = 0; i < n; i++) {
                    expected[i] = expected[i] * (1 - 0.01 * 0.01);
                }
            }
            for (int i = 0; i < n; i++) {
                m[i] = m[i] * 0.9 + (1 - 0.9) * d[i];
                v[i] = v[i] * 0.999 + (1 - 0.999) * (d[i] * d[i]);
                maxV[i] = Math.max(maxV[i], v[i]);
            }
            double stepSize = 0.01 / (1 - state.beta1Power);
            double correction2 = Math.sqrt(1 - state.beta2Power);
            for (int i = 0; i < n; i++) {
                double denom = Math.sqrt(amsgrad ? maxV[i] : v[i]) / correction2 + 1e-8;
                expected[i] = expected[i] + -stepSize * (m[i] / denom);
            }
            assertThat(w).as("step %d", t).containsExactly(expected);
        }
    }

    @Test
    void runningPowersStayWithinTheirRoundingsOfMathPow() {
        Adam.State state = new Adam(0.001, 0.9, 0.999, 1e-8, 0, false, false, false).init(1);
        for (int k = 1; k <= 200_000; k++) {
            state.advanceTo(k, 0.9, 0.999);
            double exact1 = Math.pow(0.9, k);
            double exact2 = Math.pow(0.999, k);
            // Each multiplication rounds once; the product restarts from Math.pow every EXACT_EVERY steps.
            assertThat(Math.abs(state.beta1Power - exact1))
                    .as("β₁^%d", k)
                    .isLessThanOrEqualTo(Adam.EXACT_EVERY * Math.ulp(exact1));
            assertThat(Math.abs(state.beta2Power - exact2))
                    .as("β₂^%d", k)
                    .isLessThanOrEqualTo(Adam.EXACT_EVERY * Math.ulp(exact2));
            if (k % Adam.EXACT_EVERY == 0) {
                assertThat(state.beta2Power).isEqualTo(exact2);
            }
        }
    }

    @Test
    void aStepOutOfSequenceUsesMathPow() {
        Adam.State state = new Adam(0.001, 0.9, 0.999, 1e-8, 0, false, false, false).init(1);
        state.advanceTo(1, 0.9, 0.999);
        state.advanceTo(2, 0.9, 0.999);
        state.advanceTo(501, 0.9, 0.999); // as a switch hands over, or a state is reused
        assertThat(state.beta1Power).isEqualTo(Math.pow(0.9, 501));
        assertThat(state.beta2Power).isEqualTo(Math.pow(0.999, 501));
        state.advanceTo(7, 0.9, 0.999);
        assertThat(state.beta2Power).isEqualTo(Math.pow(0.999, 7));
    }
}
