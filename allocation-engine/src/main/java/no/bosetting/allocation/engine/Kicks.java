package no.bosetting.allocation.engine;

import java.util.SplittableRandom;

/**
 * The perturbation of the kicks after local search ({@link Search}): the holders of a few municipalities, drawn by
 * the seed among those that hold any, each go to their best other municipality with room (or out), so that local
 * search starts again from a different point near the best assignment found.
 */
final class Kicks {

    private final Placement placement;
    private final SplittableRandom random;

    Kicks(Placement placement, long seed) {
        this.placement = placement;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** Applies one kick; returns the municipalities it changed (where holders left and where they went). */
    int[] apply() {
        int municipalities = placement.municipalities;
        int[] touched = new int[municipalities];
        int nt = 0;
        boolean[] seen = new boolean[municipalities];
        for (int k = 0; k < Tuning.KICK_MUNICIPALITIES; k++) {
            int m = random.nextInt(municipalities);
            for (int tries = 0; tries < municipalities && placement.holderCount(m) == 0; tries++) {
                m = (m + 1) % municipalities;
            }
            if (!seen[m]) {
                seen[m] = true;
                touched[nt++] = m;
            }
            int n = placement.holderCount(m);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = placement.holder(m, 0);
                placement.remove(out[i]);
            }
            for (int u : out) {
                int alt = placement.bestFitting(u, m);
                if (alt >= 0) {
                    placement.add(u, alt);
                    if (!seen[alt]) {
                        seen[alt] = true;
                        touched[nt++] = alt;
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(touched, nt);
    }
}
