package gd.optim;

/**
 * An optimizer with a momentum coefficient that a schedule may change between steps, as
 * {@code OneCycleLR} cycles it: the momentum μ of {@link Sgd} and {@link RmsProp}, the β₁ of
 * {@link Adam}, {@link AdamW}, {@link NAdam} and {@link RAdam} (torch's {@code 'momentum'} or
 * {@code 'betas'[0]}).
 */
public interface HasMomentum {
    /** The current μ (Sgd, RmsProp) or β₁ (the Adam family). */
    double momentumOrBeta1();

    /** Sets μ or β₁, validated exactly like {@code momentum(double)} or {@code beta1(double)}. */
    void momentumOrBeta1(double value);
}
