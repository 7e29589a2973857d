package gd.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gd.matrix.Matrix;
import gd.nn.Parameter;
import gd.optim.Sgd;
import gd.testing.Golden;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every schedule in {@code lr_schedules.json} against torch: the learning rate before each step (from the
 * optimizer and from the pure {@code lrAt}), after the last step, OneCycleLR's momentum, and
 * ReduceLROnPlateau's state after every step. The configuration comes from each entry's
 * {@code scheduler_params} and {@code optimizer}; an unmapped keyword fails the test.
 */
class ScheduleGoldenTest {
    private static final Golden.Tolerance TOL = Golden.SCHEDULE;

    @TestFactory
    List<DynamicTest> schedules() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : Golden.load("lr_schedules.json").get("schedules")) {
            tests.add(DynamicTest.dynamicTest(entry.get("name").asText(), () -> checkSchedule(entry)));
        }
        assertTrue(tests.size() > 0, "lr_schedules.json has no schedules");
        return tests;
    }

    @TestFactory
    List<DynamicTest> reduceOnPlateau() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : Golden.load("lr_schedules.json").get("reduce_on_plateau")) {
            tests.add(DynamicTest.dynamicTest(entry.get("constructor").asText(), () -> checkPlateau(entry)));
        }
        assertTrue(tests.size() > 0, "lr_schedules.json has no reduce_on_plateau entries");
        return tests;
    }

    private static void checkSchedule(JsonNode entry) {
        String name = entry.get("name").asText();
        Sgd opt = optimizer(entry.get("optimizer").asText());
        assertEquals(entry.get("base_lr").asDouble(), opt.lr(), name + " base_lr");
        LRScheduler sched = build(name, entry.get("scheduler_params"), opt);
        JsonNode lr = entry.get("lr");
        JsonNode closed = entry.get("closed_form_lr");
        JsonNode momentum = entry.get("momentum");
        OneCycleLR oneCycle = sched instanceof OneCycleLR ? (OneCycleLR) sched : null;
        assertEquals(momentum != null, oneCycle != null, name + ": momentum is recorded for OneCycleLR only");
        for (int k = 0; k < lr.size(); k++) {
            TOL.assertClose(lr.get(k).asDouble(), sched.lr(), name + " lr[" + k + "]");
            TOL.assertClose(lr.get(k).asDouble(), sched.lrAt(k), name + " lrAt(" + k + ")");
            TOL.assertClose(closed.get(k).asDouble(), sched.lrAt(k), name + " closed_form_lr[" + k + "]");
            if (oneCycle != null) {
                TOL.assertClose(momentum.get(k).asDouble(), opt.momentum(), name + " momentum[" + k + "]");
                TOL.assertClose(momentum.get(k).asDouble(), oneCycle.momentumAt(k), name + " momentumAt(" + k + ")");
            }
            opt.step();
            sched.step();
        }
        int n = lr.size();
        assertEquals(n, sched.stepCount(), name + " stepCount");
        TOL.assertClose(entry.get("lr_after_last_step").asDouble(), sched.lr(), name + " lr_after_last_step");
        TOL.assertClose(entry.get("lr_after_last_step").asDouble(), sched.lrAt(n), name + " lrAt(" + n + ")");
        TOL.assertClose(entry.get("closed_form_lr_after_last_step").asDouble(), sched.lrAt(n),
                name + " closed_form_lr_after_last_step");
        if (oneCycle != null) {
            TOL.assertClose(entry.get("momentum_after_last_step").asDouble(), opt.momentum(),
                    name + " momentum_after_last_step");
        }
    }

    private static void checkPlateau(JsonNode entry) {
        Sgd opt = optimizer(entry.get("optimizer").asText());
        ReduceLROnPlateau sched = ReduceLROnPlateau.of(opt);
        keywords("ReduceLROnPlateau", entry.get("scheduler_params"), (key, v) -> {
            switch (key) {
                case "mode": sched.mode(v.asText()); return true;
                case "factor": sched.factor(v.asDouble()); return true;
                case "patience": sched.patience(v.asInt()); return true;
                case "threshold": sched.threshold(v.asDouble()); return true;
                case "threshold_mode": sched.thresholdMode(v.asText()); return true;
                case "cooldown": sched.cooldown(v.asInt()); return true;
                case "min_lr": sched.minLr(v.asDouble()); return true;
                case "eps": sched.eps(v.asDouble()); return true;
                default: return false;
            }
        });
        JsonNode metrics = entry.get("metrics");
        for (int i = 0; i < metrics.size(); i++) {
            TOL.assertClose(entry.get("lr_before_step").get(i).asDouble(), sched.lr(), "lr_before_step[" + i + "]");
            opt.step();
            sched.step(metrics.get(i).asDouble());
            TOL.assertClose(entry.get("lr").get(i).asDouble(), sched.lr(), "lr[" + i + "]");
            assertEquals(entry.get("best").get(i).asDouble(), sched.best(), "best[" + i + "]");
            assertEquals(entry.get("num_bad_epochs").get(i).asInt(), sched.numBadEpochs(), "num_bad_epochs[" + i + "]");
            assertEquals(entry.get("cooldown_counter").get(i).asInt(), sched.cooldownCounter(),
                    "cooldown_counter[" + i + "]");
        }
    }

    private static final Pattern KEYWORD = Pattern.compile("(\\w+)=([^,)]+)");

    /** {@code SGD([w], lr=0.1, momentum=0.9)} with w a 1×1 zero parameter. */
    private static Sgd optimizer(String text) {
        assertTrue(text.startsWith("SGD([w]"), "optimizer not mapped: " + text);
        Sgd opt = Sgd.of(List.of(new Parameter("w", Matrix.zeros(1, 1))));
        Matcher m = KEYWORD.matcher(text);
        while (m.find()) {
            double value = Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "lr": opt.lr(value); break;
                case "momentum": opt.momentum(value); break;
                default: fail("SGD keyword '" + m.group(1) + "' in '" + text + "' is not mapped");
            }
        }
        return opt;
    }

    /** torch's {@code <name>(opt, **params)} in the library's terms. */
    private static LRScheduler build(String name, JsonNode params, Sgd opt) {
        switch (name) {
            case "StepLR": {
                StepLR s = StepLR.of(opt);
                keywords(name, params, (key, v) -> {
                    switch (key) {
                        case "step_size": s.stepSize(v.asInt()); return true;
                        case "gamma": s.gamma(v.asDouble()); return true;
                        default: return false;
                    }
                });
                return s;
            }
            case "MultiStepLR": {
                MultiStepLR s = MultiStepLR.of(opt);
                keywords(name, params, (key, v) -> {
                    switch (key) {
                        case "milestones": s.milestones(ints(v)); return true;
                        case "gamma": s.gamma(v.asDouble()); return true;
                        default: return false;
                    }
                });
                return s;
            }
            case "ExponentialLR": {
                ExponentialLR s = ExponentialLR.of(opt);
                keywords(name, params, (key, v) -> {
                    if (key.equals("gamma")) {
                        s.gamma(v.asDouble());
                        return true;
                    }
                    return false;
                });
                return s;
            }
            case "CosineAnnealingLR": {
                CosineAnnealingLR s = CosineAnnealingLR.of(opt);
                keywords(name, params, (key, v) -> {
                    switch (key) {
                        case "T_max": s.tMax(v.asInt()); return true;
                        case "eta_min": s.etaMin(v.asDouble()); return true;
                        default: return false;
                    }
                });
                return s;
            }
            case "CosineAnnealingWarmRestarts": {
                CosineAnnealingWarmRestarts s = CosineAnnealingWarmRestarts.of(opt);
                keywords(name, params, (key, v) -> {
                    switch (key) {
                        case "T_0": s.t0(v.asInt()); return true;
                        case "T_mult": s.tMult(v.asInt()); return true;
                        case "eta_min": s.etaMin(v.asDouble()); return true;
                        default: return false;
                    }
                });
                return s;
            }
            case "LinearLR": {
                LinearLR s = LinearLR.of(opt);
                keywords(name, params, (key, v) -> {
                    switch (key) {
                        case "start_factor": s.startFactor(v.asDouble()); return true;
                        case "end_factor": s.endFactor(v.asDouble()); return true;
                        case "total_iters": s.totalIters(v.asInt()); return true;
                        default: return false;
                    }
                });
                return s;
            }
            case "PolynomialLR": {
                PolynomialLR s = PolynomialLR.of(opt);
                keywords(name, params, (key, v) -> {
                    switch (key) {
                        case "total_iters": s.totalIters(v.asInt()); return true;
                        case "power": s.power(v.asDouble()); return true;
                        default: return false;
                    }
                });
                return s;
            }
            case "OneCycleLR": {
                OneCycleLR s = OneCycleLR.of(opt);
                keywords(name, params, (key, v) -> {
                    switch (key) {
                        case "max_lr": s.maxLr(v.asDouble()); return true;
                        case "total_steps": s.totalSteps(v.asInt()); return true;
                        case "pct_start": s.pctStart(v.asDouble()); return true;
                        case "anneal_strategy": s.annealStrategy(v.asText()); return true;
                        case "cycle_momentum": s.cycleMomentum(v.asBoolean()); return true;
                        case "base_momentum": s.baseMomentum(v.asDouble()); return true;
                        case "max_momentum": s.maxMomentum(v.asDouble()); return true;
                        case "div_factor": s.divFactor(v.asDouble()); return true;
                        case "final_div_factor": s.finalDivFactor(v.asDouble()); return true;
                        case "three_phase": s.threePhase(v.asBoolean()); return true;
                        default: return false;
                    }
                });
                return s;
            }
            case "SequentialLR": {
                SequentialLR s = SequentialLR.of(opt);
                List<LRScheduler> children = new ArrayList<>();
                for (JsonNode child : params.get("schedulers")) {
                    ObjectNode rest = child.deepCopy();
                    rest.remove("type");
                    children.add(build(child.get("type").asText(), rest, opt));
                }
                keywords(name, params, (key, v) -> {
                    switch (key) {
                        case "schedulers": s.schedulers(children.toArray(new LRScheduler[0])); return true;
                        case "milestones": s.milestones(ints(v)); return true;
                        default: return false;
                    }
                });
                return s;
            }
            default:
                return fail("schedule " + name + " is not mapped");
        }
    }

    /** One keyword argument: returns false if it is not mapped. */
    interface Setter {
        /** Applies the keyword; false if unknown. */
        boolean apply(String key, JsonNode value);
    }

    private static void keywords(String name, JsonNode params, Setter setter) {
        Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!setter.apply(field.getKey(), field.getValue())) {
                fail(name + " keyword '" + field.getKey() + "' is not mapped to the library");
            }
        }
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asInt();
        }
        return v;
    }
}
