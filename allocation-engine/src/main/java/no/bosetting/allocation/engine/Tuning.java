package no.bosetting.allocation.engine;

/** Every tuning constant of the search in one place, with why it has its value. */
final class Tuning {

    private Tuning() {
    }

    // ---- budget shares (numerator / 100 of the time from the start of the search to its deadline)

    /** LP prices may use up to 30 % of the budget, so that a slow machine still gets every later phase. */
    static final long PERSON_AUCTION_SHARE = 30;
    /** The block auction ends by 45 %; it only seeds local search, which repairs what it leaves. */
    static final long BLOCK_AUCTION_SHARE = 45;
    /** Local search ends by 80 %; the rest is kept for the bound and the caller's explanations. */
    static final long LOCAL_SEARCH_SHARE = 80;

    // ---- auctions

    /** Final bid increment of the person auction relative to the mean value per person; bounds its error. */
    static final double PERSON_EPSILON = 1e-4;
    /** Floor of the mean value per person that scales every ε, so a round of worthless pairs still has ε > 0. */
    static final double MIN_VALUE_SCALE = 1e-6;
    /** Bid increment of the block auction relative to the mean value per person; coarse, local search refines. */
    static final double BLOCK_EPSILON = 1e-3;
    /** Block auction bids per unit: near the LP prices it mostly trades blocks, a few bids settle the easy cases. */
    static final long BLOCK_BIDS_PER_UNIT = 5;
    /** Extra block-auction bids so that tiny rounds still get enough. */
    static final long BLOCK_BIDS_EXTRA = 1000;
    /** ε of the first phase of a cold row auction, relative to the final ε (long price wars otherwise). */
    static final double COLD_EPSILON_FACTOR = 50;
    /** ε of the first phase when warm-started from near-optimal prices, relative to the final ε. */
    static final double WARM_EPSILON_FACTOR = 5;
    /** ε-scaling factor between phases: few phases, each still close to the last one's prices. */
    static final double EPSILON_REDUCTION = 5;
    /** Warm starts begin from this share of the previous prices, since auction prices can only rise. */
    static final double WARM_SHRINK = 0.9;
    /** Bids between two looks at the clock (a power of two minus one, used as a mask): the clock is not free. */
    static final long AUCTION_CLOCK_MASK = 511;

    // ---- local search and re-packing

    /** Local search rounds; each stops early without improvement, and the bound runs beside it on 2 cores. */
    static final int LOCAL_SEARCH_ROUNDS = 20;
    /** Better municipalities an ejection tries per unit: more rarely pays for the scans. */
    static final int EJECTION_CANDIDATES = 4;
    /** Cheapest holders an ejection tries to push out per municipality. */
    static final int EJECTION_VICTIMS = 3;
    /** Units between two looks at the clock in the move pass (mask). */
    static final int MOVE_CLOCK_MASK = 255;
    /** Units between two looks at the clock in the ejection pass, whose units cost more (mask). */
    static final int EJECTION_CLOCK_MASK = 127;
    /** Knapsack tables up to this many cells are solved exactly; larger municipalities use gain per person. */
    static final long EXACT_KNAPSACK_CELLS = 200_000;
    /**
     * Units re-assigned together by one Hungarian method (O(n²·slots): about 10 ms for 150 single adults);
     * larger classes are re-assigned in chunks of this size.
     */
    static final int CLASS_CHUNK_UNITS = Integer.getInteger("bosetting.engine.classChunk", 150);
    /**
     * Class re-assignment runs only in rounds of up to this many units (weekly rounds; a national round of 15,000
     * spends its local-search time better on the other moves, and its results stay those of the fourth pass).
     */
    static final int CLASS_MAX_ROUND_UNITS = Integer.getInteger("bosetting.engine.classMaxRound", 5000);
    /** How far the chunks of a large class move on per pass (a prime, so that they keep mixing). */
    static final int CLASS_CHUNK_STRIDE = 61;
    /** Holders one ejection chain may push out of a municipality (a family of five for up to four others). */
    static final int CHAIN_EVICTIONS = Integer.getInteger("bosetting.engine.chainEvictions", 4);
    /** Kicks after local search has converged at most (each followed by local search; kept only if better). */
    static final int KICKS = Integer.getInteger("bosetting.engine.kicks", 30);
    /**
     * Kicks × units at most: each kick costs about a local-search round, so a round of 200 units gets 30 kicks and
     * one of 1,000 units 6 (in 1 s on two cores only the small rounds have time left for them anyway).
     */
    static final long KICK_WORK = Long.getLong("bosetting.engine.kickWork", 6000);
    /** Municipalities whose holders one kick sends elsewhere. */
    static final int KICK_MUNICIPALITIES = Integer.getInteger("bosetting.engine.kickSize", 3);
    /** Municipalities in one exact neighbourhood at most. */
    static final int NEIGHBOURHOOD_SIZE = Integer.getInteger("bosetting.engine.nbSize", 8);
    /** Holders of one municipality a neighbourhood frees at most (the cheapest at the persons price). */
    static final int NEIGHBOURHOOD_HOLDERS = Integer.getInteger("bosetting.engine.nbHolders", 6);
    /** Free units of one neighbourhood at most: a municipality that would bring more is left out. */
    static final int NEIGHBOURHOOD_UNITS = Integer.getInteger("bosetting.engine.nbUnits", 30);
    /** Best municipalities per unit (by value less the persons price) that link the neighbourhoods. */
    static final int NEIGHBOURHOOD_LINKS = Integer.getInteger("bosetting.engine.nbLinks", 4);
    /** States of one neighbourhood's dynamic programme at most (product of its municipalities' places + 1). */
    static final long NEIGHBOURHOOD_STATES = Long.getLong("bosetting.engine.nbStates", 16_384);
    /** A move must gain at least this much: guards against cycling on rounding noise. */
    static final double MIN_GAIN = 1e-9;
    /** Profits and knapsack improvements below this are rounding noise, not worth a re-pack. */
    static final double KNAPSACK_TOLERANCE = 1e-12;

    // ---- certified bound

    /** Relative gap at which the bound is good enough to stop refining it (half the 0.5 % target). */
    static final double CERTIFIED_GAP = 0.0025;
    /** Threads of a bound evaluation: the machine has 2 cores, and a fixed split keeps the sum reproducible. */
    static final int BOUND_CHUNKS = 2;
    /** Alternation rounds without enough progress before the subgradient takes over (block descent slows). */
    static final int ALTERNATION_PATIENCE = 3;
    /** Relative improvement of the bound that counts as progress in the alternation. */
    static final double ALTERNATION_PROGRESS = 3e-5;
    /** Polyak step factor: the target lies about 1 % below the final objective, so a full step overshoots. */
    static final double SIDE_THETA = 0.1;
    /** Upper limit on the steps of either bound stage; they normally stop much earlier on their own tests. */
    static final int SIDE_ITERATIONS = 1000;
    /** Relative decrease that counts as a new best bound in the subgradient stage (not rounding noise). */
    static final double BOUND_IMPROVEMENT = 1e-12;
    /** The subgradient stops when its step factor has fallen to SIDE_THETA / this (six halvings, no progress). */
    static final double SIDE_SMALLEST_STEP = 64;
    /** Subgradient steps without a new best bound before the step is halved and restarted from the best prices. */
    static final int SIDE_PATIENCE = 3;
    /** Share of the previous direction kept in the next one; damps the zig-zag of plain subgradient steps. */
    static final double SIDE_DEFLECTION = 0.9;
    /** Step scaling of minors rows: they count households while persons rows count persons. */
    static final double MINOR_WEIGHT = 4.0;
    /** Step scaling of dwelling rows: one household per dwelling, so they need the largest steps. */
    static final double LARGE_WEIGHT = 40.0;

    /** Diagnostics on standard error ({@code -Dbosetting.engine.trace=true}); never changes a result. */
    static final boolean TRACE = Boolean.getBoolean("bosetting.engine.trace");
}
