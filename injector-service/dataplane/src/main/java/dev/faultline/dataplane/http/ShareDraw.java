package dev.faultline.dataplane.http;

import java.util.random.RandomGenerator;

/**
 * Which of a rule's matching requests it affects. In each block of {@value #BLOCK} consecutive matches it affects
 * exactly the share's number of them (a fraction of a request is carried to the next block), at positions drawn at
 * random. A plain draw per request strays from the plan by its binomial noise — a 0.5 share lands outside ±5 points
 * over 400 requests about one time in twenty — whereas here what was applied over any run of whole blocks is the plan
 * to within one request, and no request can tell in advance whether it will be picked.
 */
final class ShareDraw {

    static final int BLOCK = 100;

    private final double share;
    private final RandomGenerator random;
    private final boolean[] block = new boolean[BLOCK];
    private final int[] positions = new int[BLOCK];
    private int next = BLOCK;
    private double carried;

    /** @param random used from several event-loop threads, but only under this draw's lock */
    ShareDraw(double share, RandomGenerator random) {
        this.share = share;
        this.random = random;
    }

    /** Whether the next matching request is affected. */
    synchronized boolean next() {
        if (next == BLOCK) {
            deal();
            next = 0;
        }
        return block[next++];
    }

    /** Picks this block's affected positions: a partial Fisher–Yates shuffle of 0..BLOCK-1. */
    private void deal() {
        double wanted = share * BLOCK + carried;
        int picks = Math.min(BLOCK, (int) Math.floor(wanted + 1e-9));
        carried = Math.max(0, wanted - picks);
        for (int i = 0; i < BLOCK; i++) {
            positions[i] = i;
            block[i] = false;
        }
        for (int i = 0; i < picks; i++) {
            int j = i + random.nextInt(BLOCK - i);
            int picked = positions[j];
            positions[j] = positions[i];
            positions[i] = picked;
            block[picked] = true;
        }
    }
}
