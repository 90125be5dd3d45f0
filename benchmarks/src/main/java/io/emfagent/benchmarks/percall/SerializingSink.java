package io.emfagent.benchmarks.percall;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * A sink for aws-embedded-metrics that does what its console sink does, serialize the context with
 * the library's own Jackson serializer, one line per document, but writes the lines to a stream of
 * our choice: one that discards for the cost benchmark, one that counts for the volume comparison.
 */
public final class SerializingSink implements ISink {

    private final OutputStream out;

    public SerializingSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void accept(MetricsContext context) {
        try {
            for (String document : context.serialize()) {
                // the console sink prints the line with println: the same bytes plus a newline
                out.write(document.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("aws-embedded-metrics could not serialize a document", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        return CompletableFuture.completedFuture(null);
    }
}
