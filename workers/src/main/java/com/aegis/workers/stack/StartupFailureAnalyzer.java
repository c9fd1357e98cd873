package com.aegis.workers.stack;

import com.aegis.localstack.LocalStackException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a stack or connectivity failure into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class StartupFailureAnalyzer extends AbstractFailureAnalyzer<LocalStackException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LocalStackException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the setting named above (or free the port), then start AEGIS again.", cause);
    }
}
