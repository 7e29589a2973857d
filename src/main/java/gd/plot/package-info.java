/**
 * The plots of the course: {@link gd.plot.Plots} builds Tablesaw figures from plain arrays and from the
 * library's objects (training histories, optimizer trajectories, schedules, datasets, models), and
 * {@link gd.plot.Series} is the named line that learners make from the numbers of their own loops.
 * <pre>{@code
 * Plots.loss(Series.of("my loop", losses));          // loss per step of a hand-written loop
 * Plots.loss(history);                                // a Trainer run: steps, epochs, validation
 * Plots.contour(Functions2D.rosenbrock(), adam, sgd); // optimizer paths on a landscape
 * Plots.digits(mnist.test(), 16);                     // images with their labels
 * }</pre>
 * This package only builds figures; {@link gd.render} turns them into notebook output.
 */
package gd.plot;
