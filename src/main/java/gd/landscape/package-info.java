/**
 * Two-dimensional loss landscapes ({@link gd.landscape.Function2D}, built-ins in
 * {@link gd.landscape.Functions2D}) and the paths optimizers take on them ({@link gd.landscape.Trajectory}),
 * the data of the "optimizer race" plots.
 * <pre>{@code
 * var f = Functions2D.rosenbrock();
 * var sgd = Trajectory.run(f, -1.5, 2.0, params -> Sgd.of(params).lr(1e-3).momentum(0.9), 200);
 * var adam = Trajectory.run(f, -1.5, 2.0, params -> Adam.of(params).lr(0.05), 200);
 * }</pre>
 */
package gd.landscape;
