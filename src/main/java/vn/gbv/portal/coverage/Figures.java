package vn.gbv.portal.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Counts of one population at one date: who is in the target population and who of them is
 * trained. Percentages and gaps are worked out from the counts, never averaged.
 */
public record Figures(long population, long trained) {

    public static final Figures NONE = new Figures(0, 0);

    public Figures plus(Figures other) {
        return new Figures(population + other.population, trained + other.trained);
    }

    public Figures minus(Figures other) {
        return new Figures(population - other.population, trained - other.trained);
    }

    /** Trained as a share of the population, in percent with one decimal; 0 for an empty population. */
    public BigDecimal percent() {
        if (population == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(trained * 100).divide(BigDecimal.valueOf(population), 1, RoundingMode.HALF_UP);
    }

    /** Reached when trained / population >= goal / 100, in exact arithmetic. */
    public boolean reaches(BigDecimal goalPercent) {
        return BigDecimal.valueOf(trained).multiply(BigDecimal.valueOf(100))
                .compareTo(goalPercent.multiply(BigDecimal.valueOf(population))) >= 0;
    }

    /** How many more people must be trained to reach the goal (0 when reached). */
    public long neededFor(BigDecimal goalPercent) {
        long goal = goalPercent.multiply(BigDecimal.valueOf(population))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValueExact();
        return Math.max(0, goal - trained);
    }

    /** Percentage points missing to the goal (0 when reached). */
    public BigDecimal gapTo(BigDecimal goalPercent) {
        BigDecimal gap = goalPercent.subtract(percent());
        return gap.signum() > 0 && !reaches(goalPercent) ? gap.setScale(1, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(1);
    }
}
