package dev.weft.api.security;

/** Who is calling: one account, an auditor (reads everything) or an operator (runs the engine). */
public sealed interface Caller {
    record AccountHolder(String accountId) implements Caller {
    }

    record Auditor() implements Caller {
    }

    record Operator() implements Caller {
    }
}
