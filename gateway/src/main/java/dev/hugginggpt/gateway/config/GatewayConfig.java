package dev.hugginggpt.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Optional;

/** The gateway's settings, {@code hg.gateway.*}: docs/configuration.md names the variables that set them. */
@ConfigMapping(prefix = "hg.gateway")
public interface GatewayConfig {
    @WithParentName
    Access access();

    @WithParentName
    Limits limits();

    @WithParentName
    Streams streams();

    @WithParentName
    Answers answers();

    @WithParentName
    Lifecycle lifecycle();

    /** Who may call: API keys naming tenants, and each tenant's share. */
    interface Access {
        /** {@code KEY=TENANT,KEY2=TENANT2}. */
        Optional<String> apiKeys();

        /** {@code required}, or {@code off} (the local profile only). */
        @WithDefault("required")
        String auth();

        @WithDefault("120")
        int requestsPerMinute();

        @WithDefault("20")
        int maxConcurrentRequests();
    }

    /** How large what a client sends may be, and how much the gateway keeps. */
    interface Limits {
        @WithDefault("52428800")
        long maxUploadBytes();

        @WithDefault("1048576")
        long maxJsonBytes();

        /** The files inside one chat completion's messages, decoded. */
        @WithDefault("10485760")
        long maxInlineFileBytes();

        /** The largest request handed to the planner, as JSON; lowered to what hg.requests takes. */
        int maxRequestRecordBytes();

        @WithDefault("true")
        boolean requestRecordLimitFromTopic();

        @WithDefault("100000")
        int maxRequestsInMemory();
    }

    /** Waiting clients: chat answers, event streams, streamed completions. */
    interface Streams {
        @WithDefault("300s")
        Duration chatTimeout();

        /** A comment line after this long with nothing to send. */
        @WithDefault("15s")
        Duration streamHeartbeat();

        /** How often a streamed answer sends the pieces the LLM wrote so far. */
        @WithDefault("100ms")
        Duration answerPieceInterval();
    }

    /** Stage 4, the answer. */
    interface Answers {
        Optional<String> llmBaseUrl();

        @WithDefault("3")
        int llmCallBudget();

        /** How long an outcome waits for its tasks' events before it is answered anyway. */
        Duration taskEventsWait();

        int answersInProgress();
    }

    /** Requests that end without a client's doing: stalls, dead letters, unapproved plans, cancels. */
    interface Lifecycle {
        Duration stallTimeout();

        @WithDefault("5s")
        Duration stallSweepEvery();

        @WithDefault("5s")
        Duration deadLetterLookAgain();

        @WithDefault("15m")
        Duration approvalTimeout();

        @WithDefault("5s")
        Duration approvalSweepEvery();

        @WithDefault("3s")
        Duration cancelWait();

        /** An executor silent for this long no longer counts among the live ones. */
        @WithDefault("45s")
        Duration executorTtl();
    }
}
