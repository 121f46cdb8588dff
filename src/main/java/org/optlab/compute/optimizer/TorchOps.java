package org.optlab.compute.optimizer;

/**
 * The pointwise formulas of PyTorch's CPU kernels that the optimizers transcribe, where their
 * order of floating-point operations is not the obvious one. The others are written inline, in
 * ATen's order: {@code a.add(b, alpha)} is a + α·b, {@code addcmul_(t1, t2, value)} is
 * self + (value·t1)·t2 and {@code addcdiv_(t1, t2, value)} is self + (value·t1)/t2.
 */
final class TorchOps {

    private TorchOps() {}

    /**
     * {@code start.lerp_(end, weight)}: start + weight·(end − start) for |weight| &lt; ½, else
     * end − (end − start)·(1 − weight), the two branches of ATen's {@code lerp} (Lerp.h) that keep
     * it exact at both ends. PyTorch 2.x updates first moments with it where 1.x used
     * m·β + (1 − β)·g.
     */
    static double lerp(double start, double end, double weight) {
        return Math.abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight);
    }
}
